// SPDX-License-Identifier: GPL-3.0-or-later
/* styr log: the change log, oldest first. */
#include <string.h>
#include <strings.h>

#include <stdlib.h>

#include "commands.h"
#include "correct.h"
#include "reg.h"
#include "table.h"
#include "util.h"
#include "value.h"

struct args {
	const char *since, *item, *format;
};

static const struct cli_option options[] = {
	{"since", 's', N_("DATE"), offsetof(struct args, since),
	 N_("only changes on or after DATE (YYYY-MM-DD)")},
	{"item", 'i', N_("ID"), offsetof(struct args, item),
	 N_("only changes to item ID")},
	{"format", 'F', N_("FORMAT"), offsetof(struct args, format),
	 N_("text (default) or json")},
	{0}};

/* "2026-03-01T12:00:00Z" as "2026-03-01 12:00". */
static void show_time(const char *when, char out[17])
{
	snprintf(out, 17, "%s", when);
	if (strlen(out) > 10 && out[10] == 'T')
		out[10] = ' ';
}

/* What an action keyword of the log is called in the reader's language;
 * an action this version does not know is shown as stored. */
static const char *action_label(const char *action)
{
	static const char *const keys[] = {
		"init", "add", "edit", "delete", "note", "rate", "burden",
		"tariff", "area", "person", "vote", "prioritise", "decide",
		"solution", "phase", "milestone", "meeting", "import"};
	const char *labels[] = {
		C_("log action", "init"), C_("log action", "add"),
		C_("log action", "edit"), C_("log action", "delete"),
		C_("log action", "note"), C_("log action", "rate"),
		C_("log action", "burden"), C_("log action", "tariff"),
		C_("log action", "area"), C_("log action", "person"),
		C_("log action", "vote"), C_("log action", "prioritise"),
		C_("log action", "decide"), C_("log action", "solution"),
		C_("log action", "phase"), C_("log action", "milestone"),
		C_("log action", "meeting"), C_("log action", "import")};
	size_t i;

	for (i = 0; i < sizeof keys / sizeof *keys; i++)
		if (!strcmp(keys[i], action))
			return labels[i];
	return action;
}

/* Is REF one of IDS (NULL-terminated)? */
static bool among(const char **ids, const char *ref)
{
	for (; ref && *ids; ids++)
		if (!strcasecmp(*ids, ref))
			return true;
	return false;
}

static int run(void *input)
{
	struct args *a = input;
	const char **ids = NULL;
	const char *header[] = {
		C_("table header", "Time"), C_("table header", "Who"),
		C_("table header", "Action"), C_("table header", "Item"),
		C_("table header", "What")};
	struct arena *arena = NULL;
	struct table *t = NULL;
	struct val *json = NULL;
	enum format fmt = FMT_TEXT;
	char since[11] = "", time[17];
	xmlNodePtr e;
	struct reg r;
	long shown = 0;
	int rc;

	if (cli_format(a->format, 1u << FMT_TEXT | 1u << FMT_JSON, &fmt) < 0)
		return EXIT_USAGE;
	if (a->since && parse_date(_("--since"), a->since, since) < 0)
		return EXIT_REFUSED;
	rc = cli_status(reg_open(&r, REG_READ));
	if (rc)
		goto out;
	/* An item's history goes back through its kind changes. */
	if (a->item)
		ids = correct_former_ids(&r, a->item);
	arena = arena_new(); /* JSON values, and "(dated ...)" texts */
	if (fmt == FMT_JSON) {
		json = val_arr(arena);
	} else {
		t = table_new(5, header);
	}
	for (e = node_child(r.log, "entry"); e; e = node_next(e, "entry")) {
		const char *when = node_attr(e, "when");
		const char *ref = node_attr(e, "ref");
		const char *what = node_text(node_child(e, "what"));
		const char *day = node_attr(e, "happened"); /* --date, if any */

		/* Stamps are ISO 8601, so the date part compares as text. */
		if (*since && strncmp(when, since, 10) < 0)
			continue;
		if (ids && !among(ids, ref))
			continue;
		shown++;
		if (json) {
			struct val *o = val_obj(arena);
			val_set(arena, o, "when", val_str(arena, when));
			val_set(arena, o, "by",
				val_str(arena, node_attr(e, "by")));
			val_set(arena, o, "action",
				val_str(arena, node_attr(e, "action")));
			val_set(arena, o, "ref", val_str_or_null(arena, ref));
			val_set(arena, o, "what", val_str(arena, what));
			if (day)
				val_set(arena, o, "happened", val_str(arena, day));
			val_push(arena, json, o);
			continue;
		}
		show_time(when, time);
		table_row(t);
		table_cell(t, time);
		table_cell(t, node_attr(e, "by"));
		table_cell(t, action_label(node_attr(e, "action")));
		table_cell(t, ref ? ref : "-");
		/* The day it happened, when it was not the day it was typed. */
		if (day && strncmp(day, when, 10))
			table_cell(t, arena_printf(arena, _("%s (dated %s)"),
						   what, day));
		else
			table_cell(t, what);
	}
	if (json)
		val_write_json(stdout, json);
	else if (shown)
		table_print(t, FMT_TABLE, stdout);
	else
		info(_("%s: no changes to show"), r.path);
out:
	free(ids);
	table_free(t);
	arena_free(arena);
	reg_close(&r);
	return rc;
}

const struct cli_command cmd_log = {
	.one = {.run = run, .opts = options},
	.input_size = sizeof(struct args),
	.doc = N_("Show the change log: every change to the register, oldest "
		  "first, with when (UTC), who, what kind of change, the item "
		  "or other id concerned, and what was changed.")};
