// SPDX-License-Identifier: GPL-3.0-or-later
/* styr meeting: plan meetings, list them, record who attended. */
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "phase.h"
#include "reg.h"
#include "table.h"
#include "util.h"
#include "value.h"
#include "view.h"
#include "vocab.h"

enum action { LIST, ADD, ATTEND };

struct args {
	enum action action;
	const char **pos; /* the arguments after the action */
	int npos;
	const char *date, *phase, *format;
};

enum { OPT_DATE = 'd', OPT_PHASE = 'p', OPT_FORMAT = 'F' };

static const struct argp_option add_options[] = {
	{"date", OPT_DATE, N_("DATE"), 0,
	 N_("the meeting's date (YYYY-MM-DD)"), 0},
	{"phase", OPT_PHASE, N_("N"), 0,
	 N_("the phase it belongs to (default: the current phase)"), 0},
	{0}};

static const struct argp_option list_options[] = {
	{"phase", OPT_PHASE, N_("N"), 0, N_("only that phase's meetings"), 0},
	{"format", OPT_FORMAT, N_("FORMAT"), 0,
	 N_("table (default), csv, tsv or json"), 0},
	{0}};

static error_t parse_opt(int key, char *arg, struct argp_state *state)
{
	struct args *a = state->input;

	switch (key) {
	case OPT_DATE:
		a->date = arg;
		break;
	case OPT_PHASE:
		a->phase = arg;
		break;
	case OPT_FORMAT:
		a->format = arg;
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}


/* Adds the meeting; ID receives its id.  0, or -1 when refused. */
static int add(struct reg *r, const struct args *a, const char *lang,
	       char id[32])
{
	const char *kind_arg = a->pos[0], *title = a->pos[1];
	const char *kind, *s;
	xmlNodePtr phase = NULL, m;
	char date[11];
	int k;

	if ((k = vocab_parse(&vocab_meeting_kind, kind_arg)) < 0)
		return -1;
	kind = vocab_meeting_kind.words[k].key;
	if (check_text(_("title"), title) < 0)
		return -1;
	for (s = title; *s == ' ' || *s == '\t' || *s == '\n'; s++)
		;
	if (!*s)
		return error(_("a meeting needs a title"));
	if (parse_date(_("date"), a->date, date) < 0)
		return -1;
	if (a->phase && !(phase = phase_arg(r, a->phase)))
		return -1;
	if (!a->phase)
		phase = phase_current(r);

	m = reg_new_meeting(r, kind, date,
			    phase ? node_attr(phase, "number") : NULL, title);
	snprintf(id, 32, "%s", node_attr(m, "id"));
	if (phase)
		reg_log(r, "meeting", id, _("added %s '%s' on %s in phase %ld"),
			vocab_label(&vocab_meeting_kind, kind, lang), title,
			date, phase_number(phase));
	else
		reg_log(r, "meeting", id, _("added %s '%s' on %s"),
			vocab_label(&vocab_meeting_kind, kind, lang), title,
			date);
	return 0;
}

static bool attends(xmlNodePtr meeting, const char *person)
{
	xmlNodePtr a;

	for (a = node_child(meeting, "attendee"); a;
	     a = node_next(a, "attendee"))
		if (!strcmp(node_attr(a, "ref"), person))
			return true;
	return false;
}

static int attend(struct reg *r, const struct args *a)
{
	xmlNodePtr m = reg_meeting(r, a->pos[0]), *people;
	struct strbuf names = {0};
	int i, unknown = 0, added = 0;

	if (!m)
		return error(_("unknown meeting '%s' (see 'styr meeting "
			       "list')"),
			     a->pos[0]);
	/* Every name must be known before anything is written. */
	people = xcalloc((size_t)a->npos, sizeof *people);
	for (i = 1; i < a->npos; i++)
		if (!(people[i] = reg_person(r, a->pos[i])))
			unknown |= error(_("unknown person '%s' (see 'styr "
					   "person list')"),
					 a->pos[i]);
	if (unknown) {
		free(people);
		return -1;
	}
	for (i = 1; i < a->npos; i++) {
		const char *pid = node_attr(people[i], "id");
		/* Attending twice (or naming someone twice) is harmless. */
		if (attends(m, pid))
			continue;
		reg_add_attendee(r, m, pid);
		if (added++)
			sb_puts(&names, ", ");
		sb_printf(&names, "%s (%s)", node_text(people[i]), pid);
	}
	free(people);
	if (!added) {
		info(_("%s: everyone named is recorded already; nothing "
		       "changed"),
		     node_attr(m, "id"));
		return 1;
	}
	reg_log(r, "meeting", node_attr(m, "id"),
		_("recorded at meeting %s '%s': %s"), node_attr(m, "id"),
		node_text(node_child(m, "title")), names.buf);
	info(ngettext("%s: %d attendee recorded", "%s: %d attendees recorded",
		      (unsigned long)added),
	     node_attr(m, "id"), added);
	sb_free(&names);
	return 0;
}

static int list(struct reg *r, const struct args *a, const char *lang)
{
	static const char *const keys[] = {"id",    "date",   "phase",
					   "kind",  "title",  "status",
					   "attendees"};
	const char *headers[] = {
		C_("table header", "ID"),     C_("table header", "Date"),
		C_("table header", "Phase"),  C_("table header", "Kind"),
		C_("table header", "Title"),  C_("table header", "Status"),
		C_("table header", "Attendees")};
	enum format fmt = FMT_TABLE;
	xmlNodePtr phase = NULL, *v, p;
	struct table *t;
	char today[11];
	size_t n, i;

	if (a->format && cli_format(a->format,
				    1u << FMT_TABLE | 1u << FMT_CSV |
					    1u << FMT_TSV | 1u << FMT_JSON,
				    &fmt) < 0)
		return EXIT_USAGE;
	if (a->phase && !(phase = phase_arg(r, a->phase)))
		return EXIT_REFUSED;
	today_iso(today);
	n = meetings_sorted(r, phase ? phase_number(phase) : 0, &v);
	if (fmt == FMT_JSON) {
		struct arena *ar = arena_new();
		struct val *out = val_arr(ar);
		for (i = 0; i < n; i++)
			val_push(ar, out, view_meeting(ar, v[i], today, NULL));
		val_write_json(stdout, out);
		arena_free(ar);
		free(v);
		return EXIT_OK;
	}
	/* Spreadsheets get keywords and ids, people labels and names. */
	t = table_new(7, fmt == FMT_TABLE ? headers : keys);
	table_max_width(t, 4, 40);
	table_max_width(t, 6, 40);
	for (i = 0; i < n; i++) {
		struct strbuf who = {0};
		const char *kind = node_attr(v[i], "kind");
		bool held = meeting_held(v[i], today);
		xmlNodePtr att;

		for (att = node_child(v[i], "attendee"); att;
		     att = node_next(att, "attendee")) {
			const char *ref = node_attr(att, "ref");
			if (who.len)
				sb_puts(&who, fmt == FMT_TABLE ? ", " : " ");
			p = reg_person(r, ref);
			sb_puts(&who,
				fmt == FMT_TABLE && p ? node_text(p) : ref);
		}
		table_row(t);
		table_cell(t, node_attr(v[i], "id"));
		table_cell(t, node_attr(v[i], "date"));
		table_cell(t, node_attr(v[i], "phase"));
		table_cell(t, fmt == FMT_TABLE
				      ? vocab_label(&vocab_meeting_kind, kind,
						    lang)
				      : kind);
		table_cell(t, node_text(node_child(v[i], "title")));
		if (fmt == FMT_TABLE)
			table_cell(t, held ? _("held") : _("planned"));
		else
			table_cell(t, held ? "held" : "planned");
		table_cell(t, who.buf);
		sb_free(&who);
	}
	table_print(t, fmt, stdout);
	table_free(t);
	free(v);
	return EXIT_OK;
}

static int meeting(struct args a)
{
	const char *lang = msg_lang();
	char id[32] = "";
	struct reg r;
	int rc;

	if (a.action == LIST) {
		rc = cli_status(reg_open(&r, REG_READ));
		if (!rc)
			rc = list(&r, &a, lang);
		goto out;
	}
	rc = cli_status(reg_open(&r, REG_WRITE));
	if (rc)
		goto out;
	rc = a.action == ADD ? add(&r, &a, lang, id) : attend(&r, &a);
	if (rc < 0)
		rc = EXIT_REFUSED;
	else if (rc > 0)
		rc = EXIT_OK;
	else if (!(rc = cli_status(reg_save(&r))) && *id)
		printf("%s\n", id);
out:
	reg_close(&r);
	return rc;
}

/* The table's calls: which subcommand, and its arguments. */
static int run_as(enum action action, void *input, int argc, char **argv)
{
	struct args *a = input;

	a->action = action;
	a->pos = (const char **)argv;
	a->npos = argc;
	return meeting(*a);
}

static int run_list(void *input, int argc, char **argv)
{
	return run_as(LIST, input, argc, argv);
}

static int run_add(void *input, int argc, char **argv)
{
	return run_as(ADD, input, argc, argv);
}

static int run_attend(void *input, int argc, char **argv)
{
	return run_as(ATTEND, input, argc, argv);
}

/* 'add' cannot go without --date. */
static error_t parse_add(int key, char *arg, struct argp_state *state)
{
	const struct args *a = state->input;

	if (key == ARGP_KEY_END && !a->date)
		argp_error(state, _("'add' needs --date DATE"));
	return parse_opt(key, arg, state);
}

static const struct cli_sub subs[] = {
	{.run = run_list, .max = 0, .options = list_options,
	 .parse_opt = parse_opt},
	{.name = "list", .run = run_list, .max = 0,
	 .args_doc = N_("[--phase N] [--format FORMAT]"),
	 .options = list_options, .parse_opt = parse_opt,
	 .doc = N_("List the meetings.")},
	{.name = "add", .run = run_add, .min = 2, .max = 2,
	 .args_doc = N_("KIND TITLE --date DATE [--phase N]"),
	 .needs = N_("a KIND and a TITLE (put a title with spaces in quotes)"),
	 .hint = N_("put a title with spaces in quotes"),
	 .options = add_options, .parse_opt = parse_add,
	 .doc = N_("Plan a meeting and print its id (M1, M2, ...).\vKIND is "
		   "module (undervisningsmodul), network (netværksmøde), "
		   "workshop, seminar, learning (læringsmøde), steering "
		   "(styregruppemøde) or other.  A meeting counts as held from "
		   "its date on.")},
	{.name = "attend", .run = run_attend, .min = 2, .max = CLI_MANY,
	 .args_doc = N_("ID NAME..."),
	 .needs = N_("a meeting id and one or more people"),
	 .doc = N_("Record the people who took part.\vEach NAME is a "
		   "person's id (P3) or their exact name (see 'styr person "
		   "list').  Their roles show in 'styr phase' which parts of the "
		   "governance chain have taken part.")},
	{0}};

int cmd_meeting(int argc, char **argv)
{
	struct args a = {0};

	return cli_dispatch(
		subs,
		N_("Plan the process's meetings and record who took part."),
		argc, argv, &a);
}
