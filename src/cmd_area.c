// SPDX-License-Identifier: GPL-3.0-or-later
/* styr area: add or list review areas (styringseftersyn). */
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "correct.h"
#include "reg.h"
#include "strmap.h"
#include "table.h"
#include "util.h"
#include "value.h"

enum action { RENAME, REMOVE };

struct args {
	const char *id, *name;
	enum format fmt;
	const char *why;
};

/* The schema's area-id pattern, said in words when it does not match. */
static int check_area_id(const char *id)
{
	size_t i, n = strlen(id);

	for (i = 0; i < n; i++) {
		char c = id[i];
		bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			     (c >= '0' && c <= '9');
		if (!alnum && (i == 0 || (c != '-' && c != '_')))
			break;
	}
	if (n == 0 || n > 32 || i < n)
		return error(_("area id '%s': use 1 to 32 letters A-Z "
			       "without æ, ø, å (small or capital), digits, "
			       "'-' or '_', beginning with a letter or digit"),
			     id);
	return 0;
}

static int area_add(void *input)
{
	const struct args *a = input;
	const char *id = a->id, *name = a->name;
	struct reg r;
	xmlNodePtr old;
	int rc;

	if (check_area_id(id) < 0 || check_text(_("area name"), name) < 0)
		return EXIT_REFUSED;
	if (!*name) {
		error(_("area '%s' needs a name"), id);
		return EXIT_REFUSED;
	}
	rc = cli_status(reg_open(&r, REG_WRITE));
	if (rc)
		goto out;
	old = reg_area(&r, id);
	if (old) {
		/* Ids are matched ignoring case, so "bost" would clash. */
		error(_("area '%s' exists already ('%s'); nothing was changed"),
		      node_attr(old, "id"), node_text(old));
		rc = EXIT_REFUSED;
		goto out;
	}
	reg_new_area(&r, id, name);
	reg_log(&r, "area", id, _("added review area %s '%s'"), id, name);
	rc = cli_status(reg_save(&r));
	if (!rc)
		info(_("added review area %s '%s'"), id, name);
out:
	reg_close(&r);
	return rc;
}

/* area rename ID NAME, area remove ID. */
static int area_fix(int action, void *input)
{
	const struct args *a = input;
	const char *id = a->id, *name = action == RENAME ? a->name : NULL;
	const char *why = a->why;
	struct correction c = {.action = "area", .why = why};
	xmlNodePtr area;
	char *users;
	int rc;

	if ((name && check_text(_("area name"), name) < 0) ||
	    correct_check_why(why) < 0)
		return EXIT_REFUSED;
	if (name && !*name) {
		error(_("area '%s' needs a name"), id);
		return EXIT_REFUSED;
	}
	if ((rc = correct_open(&c, NULL)))
		return cli_status(rc);
	if (!(area = reg_known_area(&c.r, id)))
		return cli_status(correct_cancel(&c));
	c.ref = id = node_attr(area, "id");
	c.was = xstrdup(node_text(area));
	if (action == RENAME) {
		if (!strcmp(c.was, name)) {
			error(_("area %s is called '%s' already; nothing was "
				"changed"),
			      id, name);
			return cli_status(correct_cancel(&c));
		}
		/* TRANSLATORS: in the change log */
		c.what = xasprintf(_("review area %s renamed: '%s' -> '%s'"),
				   id, c.was, name);
		correct_rename(area, name);
	} else {
		users = correct_area_users(&c.r, id);
		if (*users) {
			error(_("area %s ('%s') has items: %s; give them "
				"another area first ('styr edit ID --area "
				"OTHER') or none ('--area \"\"')"),
			      id, c.was, users);
			free(users);
			return cli_status(correct_cancel(&c));
		}
		free(users);
		/* TRANSLATORS: in the change log */
		c.what = xasprintf(_("review area %s '%s' removed"), id,
				   c.was);
		c.gone = area;
	}
	return cli_status(correct_commit(&c));
}

static int area_list(struct reg *r, void *input)
{
	enum format fmt = ((const struct args *)input)->fmt;
	struct strmap *index;
	xmlNodePtr n, *area = NULL;
	long *count = NULL;
	size_t i, nareas = 0;

	for (n = node_first(r->areas); n; n = node_after(n)) {
		area = xrealloc(area, (nareas + 1) * sizeof *area);
		area[nareas++] = n;
	}
	/* One pass over the items, counting through an id -> slot index. */
	count = xcalloc(nareas, sizeof *count);
	index = strmap_new((int)nareas);
	for (i = 0; i < nareas; i++)
		strmap_add(index, node_attr(area[i], "id"), &count[i]);
	for (n = node_first(r->items); n; n = node_after(n)) {
		const char *id = node_attr(n, "area");
		long *c = id ? strmap_get(index, id) : NULL;
		if (c)
			(*c)++;
	}
	strmap_free(index);

	if (fmt == FMT_JSON) {
		struct arena *a = arena_new();
		struct val *arr = val_arr(a);
		for (i = 0; i < nareas; i++) {
			struct val *o = val_obj(a);
			val_set(a, o, "id", val_str(a, node_attr(area[i], "id")));
			val_set(a, o, "name", val_str(a, node_text(area[i])));
			val_set(a, o, "items", val_int(a, count[i]));
			val_push(a, arr, o);
		}
		val_write_json(stdout, arr);
		arena_free(a);
	} else if (!nareas && fmt == FMT_TABLE) {
		info(_("no review areas yet; add one with 'styr area add ID "
		       "NAME'"));
	} else {
		const char *table_headers[] = {
			C_("table header", "ID"), C_("table header", "Name"),
			C_("table header", "Items")};
		static const char *const data_headers[] = {"id", "name",
							   "items"};
		struct table *t = table_new(
			3, fmt == FMT_TABLE ? table_headers : data_headers);
		table_align_right(t, 2);
		for (i = 0; i < nareas; i++) {
			table_row(t);
			table_cell(t, node_attr(area[i], "id"));
			table_cell(t, node_text(area[i]));
			table_cellf(t, "%ld", count[i]);
		}
		table_print(t, fmt, stdout);
		table_free(t);
	}
	free(area);
	free(count);
	return EXIT_OK;
}

static const struct cli_option list_options[] = {
	CLI_FORMAT_TABLES(struct args, fmt), {0}};

static const struct cli_option why_options[] = {
	CLI_WHY_CORRECTED(struct args, why), {0}};

static const size_t id_name[] = {offsetof(struct args, id),
				 offsetof(struct args, name)};

static const struct cli_sub subs[] = {
	{.name = "add", .run = area_add, .min = 2, .max = 2,
	 .args_doc = N_("ID NAME"), .needs = N_("the new area's id and name"),
	 .hint = N_("put a name with spaces in quotes"), .words_at = id_name,
	 .doc = N_("Add a review area.\vIts ID is short, e.g. BOST or "
		   "hjemmepleje: 1 to 32 letters A-Z without æ, ø, å, digits, "
		   "'-' or '_'.")},
	{.name = "list", .read = area_list, .opts = list_options,
	 .formats = FMT_TABLES,
	 .doc = N_("List the review areas and how many items each has.")},
	{.name = "rename", .shared = area_fix, .action = RENAME, .min = 2,
	 .max = 2, .args_doc = N_("ID NAME [--why TEXT]"),
	 .needs = N_("the area's id and its new name"),
	 .hint = N_("put a name with spaces in quotes"),
	 .opts = why_options, .words_at = id_name,
	 .doc = N_("Give an area a new name; the log keeps the old one.")},
	{.name = "remove", .shared = area_fix, .action = REMOVE, .min = 1,
	 .max = 1, .args_doc = N_("ID [--why TEXT]"),
	 .needs = N_("the id of the area to remove"),
	 .opts = why_options, .words_at = id_name,
	 .doc = N_("Remove an area no item is in; the log keeps it.\vAn "
		   "area that items are in is refused, naming them: give "
		   "them another area first with 'styr edit ID --area'.")},
	{0}};

const struct cli_command cmd_area = {
	.subs = subs, .input_size = sizeof(struct args),
	.doc = N_("Add, list, rename or remove the review areas "
		  "(styringseftersyn) that items are mapped in.")};
