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

static const struct argp_option list_options[] = {
	{"format", OPT_FORMAT, N_("FORMAT"), 0, N_("table (default) or json"),
	 0},
	{0}};

static const struct argp_option done_options[] = {
	{"date", OPT_DATE, N_("DATE"), 0,
	 N_("when it was reached (YYYY-MM-DD; default today)"), 0},
	{"note", OPT_NOTE, N_("TEXT"), 0,
	 N_("a note, e.g. where the decision is written down"), 0},
	{0}};

static error_t parse_opt(int key, char *arg, struct argp_state *state)
{
	struct args *a = state->input;

	switch (key) {
	case OPT_DATE:
		a->date = arg;
		break;
	case OPT_NOTE:
		a->note = arg;
		break;
	case OPT_FORMAT:
		a->format = arg;
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}


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

static int list(struct reg *r, const struct args *a)
{
	enum format fmt = FMT_TABLE;
	xmlNodePtr only = NULL;

	if (a->format &&
	    cli_format(a->format, 1u << FMT_TABLE | 1u << FMT_JSON, &fmt) < 0)
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

	if (a->date && parse_date(_("date"), a->date, date) < 0)
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

static int milestone(struct args a)
{
	const char *lang = msg_lang();
	struct reg r;
	int rc;

	if (a.action == LIST) {
		rc = cli_status(reg_open(&r, REG_READ));
		if (!rc)
			rc = list(&r, &a);
		reg_close(&r);
		return rc;
	}
	rc = cli_status(reg_open(&r, REG_WRITE));
	if (rc)
		goto out;
	rc = a.action == DONE ? done(&r, &a, lang) : undo(&r, a.arg, lang);
	if (rc < 0)
		rc = EXIT_REFUSED;
	else if (rc > 0)
		rc = EXIT_OK;
	else
		rc = cli_status(reg_save(&r));
out:
	reg_close(&r);
	return rc;
}

/* The table's calls: which subcommand, and its one argument. */
static int run_as(enum action action, void *input, int argc, char **argv)
{
	struct args *a = input;

	a->action = action;
	a->arg = argc ? argv[0] : NULL;
	return milestone(*a);
}

static int run_list(void *input, int argc, char **argv)
{
	return run_as(LIST, input, argc, argv);
}

static int run_done(void *input, int argc, char **argv)
{
	return run_as(DONE, input, argc, argv);
}

static int run_undo(void *input, int argc, char **argv)
{
	return run_as(UNDO, input, argc, argv);
}

static const struct cli_sub subs[] = {
	{.run = run_list, .max = 0, .options = list_options,
	 .parse_opt = parse_opt},
	{.name = "list", .run = run_list, .max = 1,
	 .args_doc = N_("[N] [--format table|json]"), .options = list_options,
	 .parse_opt = parse_opt,
	 .doc = N_("List the milestones, of phase N only if given.")},
	{.name = "done", .run = run_done, .min = 1, .max = 1,
	 .args_doc = N_("ID [--date DATE] [--note TEXT]"),
	 .needs = N_("a milestone id, such as 2.3"), .options = done_options,
	 .parse_opt = parse_opt,
	 .doc = N_("Tick milestone ID off, with the date it was reached (today "
		   "unless --date says otherwise) and an optional note.")},
	{.name = "undo", .run = run_undo, .min = 1, .max = 1,
	 .args_doc = N_("ID"), .needs = N_("a milestone id, such as 2.3"),
	 .doc = N_("Take the tick of milestone ID away again.")},
	{0}};

int cmd_milestone(int argc, char **argv)
{
	struct args a = {0};

	return cli_dispatch(
		subs,
		N_("List the milestones of the phase model, or tick one off.\v"
		   "Milestone ids are PHASE.N, such as 2.3 (see 'styr milestone "
		   "list').  Ticking off and undoing are logged."),
		argc, argv, &a);
}
