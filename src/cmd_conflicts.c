// SPDX-License-Identifier: GPL-3.0-or-later
/* styr conflicts: list and resolve what a merge could not decide. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "commands.h"
#include "merge.h"
#include "reg.h"
#include "table.h"
#include "util.h"
#include "value.h"
#include "view.h"

struct args {
	const char *id, *which; /* resolve ID|all ours|theirs */
	const char *value;
	enum format fmt; /* list */
};

/* The open conflicts as data: the keys and values of `export json`'s
 * "conflicts" (view.c), each value as the register keeps it. */
static void list_data(xmlNodePtr list, enum format fmt)
{
	static const char *const keys[] = {"id",   "kind", "at",   "ref",
					   "what", "base", "ours", "theirs"};
	struct arena *a = arena_new();
	struct val *arr = val_arr(a);
	struct table *t = NULL;
	xmlNodePtr c;
	size_t k;

	if (fmt != FMT_JSON)
		t = table_new(8, keys);
	for (c = list ? node_first(list) : NULL; c; c = node_after(c)) {
		struct val *o = view_conflict(a, c);
		if (!t) {
			val_push(a, arr, o);
			continue;
		}
		table_row(t);
		for (k = 0; k < 8; k++)
			table_cell(t, val_str_at(o, keys[k]));
	}
	if (t) {
		table_print(t, fmt, stdout);
		table_free(t);
	} else {
		val_write_json(stdout, arr);
	}
	arena_free(a);
}

/* The open conflicts as a table for people: each value in words. */
static void list_table(xmlNodePtr list)
{
	static const char *const sides[] = {"base", "ours", "theirs"};
	const char *headers[] = {
		C_("table header", "ID"), C_("table header", "What"),
		C_("table header", "Kind"), C_("conflict side", "base"),
		C_("conflict side", "ours"), C_("conflict side", "theirs")};
	struct table *t = table_new(6, headers);
	xmlNodePtr c;
	int s;

	for (s = 3; s < 6; s++)
		table_max_width(t, s, 40);
	for (c = node_first(list); c; c = node_after(c)) {
		table_row(t);
		table_cell(t, node_attr(c, "id"));
		table_cell(t, node_text(node_child(c, "what")));
		table_cell(t, merge_kind_text(node_attr(c, "kind")));
		for (s = 0; s < 3; s++) {
			char *v = s == 0 && !node_child(c, "base")
					  ? NULL
					  : merge_conflict_show(c, sides[s]);
			table_cell(t, v);
			free(v);
		}
	}
	table_print(t, FMT_TABLE, stdout);
	table_free(t);
}

static int conflicts_list(struct reg *r, void *input)
{
	const struct args *a = input;
	xmlNodePtr list = node_child(r->root, "conflicts"), c;
	static const char *const sides[] = {"base", "ours", "theirs"};
	const char *labels[] = {C_("conflict side", "base"),
				C_("conflict side", "ours"),
				C_("conflict side", "theirs")};
	int s;

	if (a->fmt == FMT_CSV || a->fmt == FMT_TSV || a->fmt == FMT_JSON) {
		list_data(list, a->fmt);
		return EXIT_OK;
	}
	if (!list || !node_first(list)) {
		info(_("%s: no open conflicts"), r->path);
		return EXIT_OK;
	}
	if (a->fmt == FMT_TABLE) {
		list_table(list);
		return EXIT_OK;
	}
	for (c = node_first(list); c; c = node_after(c)) {
		printf("%s  %s (%s)\n", node_attr(c, "id"),
		       node_text(node_child(c, "what")),
		       merge_kind_text(node_attr(c, "kind")));
		for (s = 0; s < 3; s++) {
			char *v;
			if (s == 0 && !node_child(c, "base"))
				continue;
			v = merge_conflict_show(c, sides[s]);
			printf("    %-7s %s\n", labels[s], v);
			free(v);
		}
	}
	return EXIT_OK;
}

static int resolve_one(struct reg *r, xmlNodePtr c, const char *side,
		       const char *value)
{
	char *id = xstrdup(node_attr(c, "id"));
	char *what = xstrdup(node_text(node_child(c, "what")));
	char *ref = node_attr(c, "ref") ? xstrdup(node_attr(c, "ref")) : NULL;
	int rc = merge_resolve(r->root, c, side, value);

	if (!rc) {
		if (side)
			reg_log(r, "resolve", ref,
				_("conflict %s (%s) resolved: %s"), id, what,
				!strcmp(side, "ours")
					? _("our value kept")
					: _("their value taken"));
		else
			reg_log(r, "resolve", ref,
				_("conflict %s (%s) resolved: new value '%s'"),
				id, what, value);
	}
	free(id);
	free(what);
	free(ref);
	return rc;
}

static int resolve(void *input)
{
	const struct args *a = input;
	const char *side = NULL;
	struct reg r;
	xmlNodePtr c;
	int rc;

	if (a->which) {
		if (!strcmp(a->which, "ours") || !strcmp(a->which, "vores"))
			side = "ours";
		else if (!strcmp(a->which, "theirs") ||
			 !strcmp(a->which, "deres"))
			side = "theirs";
		else
			return cli_usage("conflicts resolve",
					 _("say 'ours' or 'theirs', or give "
					   "--value TEXT, not '%s'"),
					 a->which);
		if (a->value)
			return cli_usage("conflicts resolve",
					 _("give 'ours', 'theirs' or --value, "
					   "not two of them"));
	} else if (!a->value) {
		return cli_usage("conflicts resolve",
				 _("say 'ours' or 'theirs', or give --value "
				   "TEXT"));
	} else if (check_text("--value", a->value) < 0) {
		return EXIT_USAGE;
	}
	if (!side && !strcasecmp(a->id, "all"))
		return cli_usage("conflicts resolve",
				 _("a new value is given one conflict at a "
				   "time"));
	rc = cli_status(reg_open_path(&r, reg_path(), REG_WRITE));
	if (rc)
		goto out;
	if (!strcasecmp(a->id, "all")) {
		xmlNodePtr list = node_child(r.root, "conflicts"), next;
		for (c = list ? node_first(list) : NULL; c; c = next) {
			next = node_after(c);
			if (resolve_one(&r, c, side, NULL) < 0) {
				rc = EXIT_REFUSED;
				goto out;
			}
		}
	} else {
		c = merge_conflict_find(r.root, a->id);
		if (!c) {
			error(_("%s: no open conflict '%s' (see 'styr "
				"conflicts')"),
			      r.path, a->id);
			rc = EXIT_REFUSED;
			goto out;
		}
		if (resolve_one(&r, c, side, a->value) < 0) {
			rc = EXIT_REFUSED;
			goto out;
		}
	}
	/* A choice can leave the register inconsistent (a person removed
	 * that a vote names): said in the user's words, not as a fault. */
	if (reg_verify(&r, r.path) < 0) {
		error(_("%s: that choice would leave the register as it says "
			"above; nothing was changed (resolve the conflicts that "
			"refer to it first, or choose the other side)"),
		      r.path);
		rc = EXIT_REFUSED;
		goto out;
	}
	reg_check_all(&r);
	rc = cli_status(reg_save(&r));
	if (!rc)
		info(_("%s: %s resolved"), r.path, a->id);
	if (!rc && reg_conflicts(&r))
		info(ngettext("%s: %zu conflict is still open",
			      "%s: %zu conflicts are still open",
			      reg_conflicts(&r)),
		     r.path, reg_conflicts(&r));
out:
	reg_close(&r);
	return rc;
}

static int list(void *input)
{
	struct reg r;
	int rc;

	/* Not cli_read: its warning would only repeat the list. */
	rc = cli_status(reg_open_path(&r, reg_path(), REG_READ));
	if (!rc)
		rc = conflicts_list(&r, input);
	reg_close(&r);
	return rc;
}

static const struct cli_option resolve_options[] = {
	{"value", 'v', N_("TEXT"), offsetof(struct args, value),
	 N_("a new value instead of either side's")},
	{0}};

static const struct cli_option list_options[] = {
	{"format", 'F', N_("FORMAT"), offsetof(struct args, fmt),
	 N_("text (default), table, csv, tsv or json")},
	{0}};

#define LIST_FORMATS (1u << FMT_TEXT | FMT_TABLES)

static const struct cli_sub subs[] = {
	{.run = list, .opts = list_options, .formats = LIST_FORMATS,
	 .doc = N_("List the open conflicts with each side's value.")},
	{.name = "list", .run = list, .opts = list_options,
	 .formats = LIST_FORMATS,
	 .doc = N_("List the open conflicts with each side's value.")},
	{.name = "resolve", .run = resolve, .min = 1, .max = 2,
	 .args_doc = N_("ID|all ours|theirs\nID --value TEXT"),
	 .needs = N_("the conflict's id (C1) and 'ours' or 'theirs'"),
	 .opts = resolve_options,
	 .words_at = (const size_t[]){offsetof(struct args, id),
				      offsetof(struct args, which)},
	 .doc = N_("Resolve conflict ID (or all of them): keep our value, "
		   "take theirs, or put a new value (a field, a title, a "
		   "note's text) with --value.  Each resolution is logged.")},
	{0}};

const struct cli_command cmd_conflicts = {
	.subs = subs, .input_size = sizeof(struct args),
	.doc = N_("List and resolve the conflicts a merge recorded: where both "
		  "sides changed one thing differently, or one side changed "
		  "what the other deleted.  Until they are resolved, the "
		  "register shows our side's value and every command warns.")};
