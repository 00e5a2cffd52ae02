// SPDX-License-Identifier: GPL-3.0-or-later
/* styr milestone: list the model's milestones, tick them off, undo. */
#include <string.h>

#include "commands.h"
#include "phase.h"
#include "reg.h"
#include "table.h"
#include "util.h"
#include "value.h"
#include "view.h"

enum action { LIST, DONE, UNDO };

struct args {
	enum action action;
	const char *arg; /* phase number (list) or milestone id */
	const char *date, *note, *format;
};

enum { OPT_DATE = 'd', OPT_NOTE = 'n', OPT_FORMAT = 'F' };

static const struct cli_option list_options[] = {
	{"format", OPT_FORMAT, N_("FORMAT"), offsetof(struct args, format),
	 N_("table (default) or json")},
	{0}};

static const struct cli_option done_options[] = {
	{"date", OPT_DATE, N_("DATE"), offsetof(struct args, date),
	 N_("when it was reached (YYYY-MM-DD; default today)")},
	{"note", OPT_NOTE, N_("TEXT"), offsetof(struct args, note),
	 N_("a note, e.g. where the decision is written down")},
	{0}};


static void list_table(struct reg *r, xmlNodePtr only, const char *lang)
{
	const char *headers[] = {
		C_("table header", "ID"), C_("table header", "Done"),
		C_("table header", "Milestone"), C_("table header", "Note")};
	struct table *t = table_new(4, headers);
	xmlNodePtr p, m;

	table_max_width(t, 3, 40);
	for (p = node_child(r->model, "phase"); p; p = node_next(p, "phase")) {
		if (only && p != only)
			continue;
		for (m = node_child(p, "milestone"); m;
		     m = node_next(m, "milestone")) {
			const char *d = node_attr(m, "done");
			table_row(t);
			table_cell(t, node_attr(m, "id"));
			table_cell(t, d ? d : "-");
			table_cell(t, lang_text(m, "title", lang));
			table_cell(t, node_text(node_child(m, "note")));
		}
	}
	table_print(t, FMT_TABLE, stdout);
	table_free(t);
}

/* The milestones as `export json` shows them, one flat list, each with
 * the number of its phase. */
static void list_json(struct reg *r, xmlNodePtr only)
{
	struct arena *a = arena_new();
	struct val *phases = view_phases(a, r, "da"), *out = val_arr(a);
	size_t i, j;

	for (i = 0; i < phases->u.arr.n; i++) {
		struct val *ph = phases->u.arr.v[i];
		struct val *ms = val_get(ph, "milestones");
		struct val *num = val_get(ph, "number");
		if (only && num->u.i != phase_number(only))
			continue;
		for (j = 0; j < ms->u.arr.n; j++) {
			val_set(a, ms->u.arr.v[j], "phase", num);
			val_push(a, out, ms->u.arr.v[j]);
		}
	}
	val_write_json(stdout, out);
	arena_free(a);
}

static int list(struct reg *r, void *input)
{
	const struct args *a = input;
	enum format fmt = FMT_TABLE;
	xmlNodePtr only = NULL;

	if (cli_format(a->format, 1u << FMT_TABLE | 1u << FMT_JSON, &fmt) < 0)
		return EXIT_USAGE;
	if (a->arg && !(only = phase_arg(r, a->arg)))
		return EXIT_REFUSED;
	if (fmt == FMT_JSON)
		list_json(r, only);
	else
		list_table(r, only, msg_lang());
	return EXIT_OK;
}

static xmlNodePtr find(struct reg *r, const char *id)
{
	xmlNodePtr m = milestone_find(r, id);

	if (!m)
		error(_("unknown milestone '%s' (see 'styr milestone list')"),
		      id);
	return m;
}

/* 0: changed, 1: nothing to change, -1: refused. */
static int done(struct reg *r, const struct args *a, const char *lang)
{
	char date[11];
	const char *id = a->arg, *old;
	xmlNodePtr m, note;

	if (a->date && parse_date("--date", a->date, date) < 0)
		return -1;
	if (!a->date)
		today_iso(date);
	if (a->note && check_text(_("note"), a->note) < 0)
		return -1;
	if (!(m = find(r, id)))
		return -1;
	old = node_attr(m, "done");
	note = node_child(m, "note");
	if (old && !a->date)
		/* Ticked off before: keep the date it was reached. */
		snprintf(date, sizeof date, "%s", old);
	if (old && !strcmp(old, date) &&
	    (!a->note || !strcmp(a->note, node_text(note)))) {
		info(_("milestone %s was ticked off already (%s); nothing "
		       "changed"),
		     id, old);
		return 1;
	}
	node_set_attr(m, "done", date);
	if (a->note) {
		if (note)
			node_remove(note);
		if (*a->note)
			node_append(m, node_new(r, "note", a->note));
	}
	if (a->note && *a->note)
		reg_log(r, "milestone", id, _("milestone %s '%s' done %s: %s"),
			id, lang_text(m, "title", lang), date, a->note);
	else
		reg_log(r, "milestone", id, _("milestone %s '%s' done %s"), id,
			lang_text(m, "title", lang), date);
	info(_("milestone %s '%s' done %s"), id, lang_text(m, "title", lang),
	     date);
	return 0;
}

static int undo(struct reg *r, const char *id, const char *lang)
{
	xmlNodePtr m = find(r, id);
	char *was;

	if (!m)
		return -1;
	if (!node_attr(m, "done")) {
		info(_("milestone %s is not ticked off; nothing changed"), id);
		return 1;
	}
	was = xstrdup(node_attr(m, "done"));
	node_set_attr(m, "done", NULL);
	reg_log(r, "milestone", id,
		_("milestone %s '%s' is open again (it was done %s)"), id,
		lang_text(m, "title", lang), was);
	info(_("milestone %s '%s' is open again"), id,
	     lang_text(m, "title", lang));
	free(was);
	return 0;
}

/* done or undo: -1 refused, 1 nothing to change, 0 changed. */
static int tick(struct reg *r, void *input)
{
	const struct args *a = input;
	const char *lang = msg_lang();

	return a->action == DONE ? done(r, a, lang) : undo(r, a->arg, lang);
}

/* Every subcommand's call: which one, and its one argument. */
static int run(int action, void *input)
{
	struct args *a = input;

	a->action = (enum action)action;
	return a->action == LIST ? cli_read(list, a) : cli_change(tick, a);
}

static const size_t arg_at[] = {offsetof(struct args, arg)};

static const struct cli_sub subs[] = {
	{.shared = run, .action = LIST, .max = 0, .opts = list_options},
	{.name = "list", .shared = run, .action = LIST, .max = 1,
	 .args_doc = N_("[N] [--format table|json]"), .opts = list_options,
	 .words_at = arg_at,
	 .doc = N_("List the milestones, of phase N only if given.")},
	{.name = "done", .shared = run, .action = DONE, .min = 1, .max = 1,
	 .args_doc = N_("ID [--date DATE] [--note TEXT]"),
	 .needs = N_("a milestone id, such as 2.3"), .opts = done_options,
	 .words_at = arg_at,
	 .doc = N_("Tick milestone ID off, with the date it was reached (today "
		   "unless --date says otherwise) and an optional note.")},
	{.name = "undo", .shared = run, .action = UNDO, .min = 1, .max = 1,
	 .args_doc = N_("ID"), .needs = N_("a milestone id, such as 2.3"),
	 .words_at = arg_at,
	 .doc = N_("Take the tick of milestone ID away again.")},
	{0}};

const struct cli_command cmd_milestone = {
	.subs = subs, .input_size = sizeof(struct args),
	.doc = N_("List the milestones of the phase model, or tick one "
		  "off.\vMilestone ids are PHASE.N, such as 2.3 (see 'styr "
		  "milestone list').  Ticking off and undoing are logged.")};
