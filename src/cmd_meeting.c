// SPDX-License-Identifier: GPL-3.0-or-later
/* styr meeting: plan meetings, list them, record who attended. */
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "correct.h"
#include "names.h"
#include "phase.h"
#include "reg.h"
#include "table.h"
#include "util.h"
#include "value.h"
#include "view.h"
#include "vocab.h"

enum action { LIST, ADD, ATTEND, ABSENT, CHANGE, REMOVE };

struct args {
	enum action action;
	char **pos; /* the arguments after the action */
	int npos;
	const char *date, *phase, *format;
	const char *title, *why; /* change, remove, absent */
	char id[32]; /* the meeting 'add' made */
};

enum { OPT_DATE = 'd', OPT_PHASE = 'p' };

static const struct cli_option add_options[] = {
	{"date", OPT_DATE, N_("DATE"), offsetof(struct args, date),
	 N_("the meeting's date (YYYY-MM-DD)")},
	{"phase", OPT_PHASE, N_("N"), offsetof(struct args, phase),
	 N_("the phase it belongs to (default: the current phase)")},
	{0}};

static const struct cli_option attend_options[] = {
	{"date", OPT_DATE, N_("DATE"), offsetof(struct args, date),
	 N_("the day they took part (YYYY-MM-DD; default: the meeting's "
	    "date)")},
	{0}};

static const struct cli_option list_options[] = {
	{"phase", OPT_PHASE, N_("N"), offsetof(struct args, phase),
	 N_("only that phase's meetings")},
	CLI_FORMAT_TABLES(struct args, format),
	{0}};


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
	if (parse_date("--date", a->date, date) < 0)
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

/* The day attendance at M happened: --date, else the meeting's own date;
 * never a day still to come (SPEC 7).  0, or -1 when refused. */
static int attend_date(xmlNodePtr m, const char *given, char date[11])
{
	const char *planned = node_attr(m, "date");
	char today[11];

	if (given)
		return parse_past_date("--date", given, date);
	today_iso(today);
	if (strcmp(planned, today) > 0)
		return error(_("meeting %s is dated %s, a day still to come: "
			       "record who took part once it has been held "
			       "(if it was held earlier, correct its date "
			       "with 'styr meeting change %s --date DATE')"),
			     node_attr(m, "id"), planned, node_attr(m, "id"));
	snprintf(date, 11, "%s", planned);
	return 0;
}

static int attend(struct reg *r, const struct args *a)
{
	xmlNodePtr m = reg_known_meeting(r, a->pos[0]), *people, e;
	struct strbuf names = {0};
	char date[11];
	int i, unknown = 0, added = 0;

	if (!m || attend_date(m, a->date, date) < 0)
		return -1;
	/* Every name must be known before anything is written; names are
	 * matched as vote and rate match them (case, spaces, accents). */
	people = xcalloc((size_t)a->npos, sizeof *people);
	for (i = 1; i < a->npos; i++)
		if (!(people[i] = person_find(r, a->pos[i])))
			unknown = person_unknown(
				r, a->pos[i],
				_("unknown person '%s'; did you mean %s?"),
				_("unknown person '%s' (see 'styr person "
				  "list')"));
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
	e = reg_log(r, "meeting", node_attr(m, "id"),
		    _("recorded at meeting %s '%s': %s"), node_attr(m, "id"),
		    node_text(node_child(m, "title")), names.buf);
	node_set_attr(e, "happened", date); /* the day it happened */
	info(ngettext("%s: %d attendee recorded", "%s: %d attendees recorded",
		      (unsigned long)added),
	     node_attr(m, "id"), added);
	sb_free(&names);
	return 0;
}

/* absent MID NAME...: taken off the attendees; the log names them. */
static int absent(struct reg *r, const struct args *a)
{
	xmlNodePtr m = reg_known_meeting(r, a->pos[0]), *gone;
	struct strbuf names = {0};
	const char *mid;
	char *what;
	int i, bad = 0;

	if (!m || correct_check_why(a->why) < 0)
		return -1;
	mid = node_attr(m, "id");
	/* Every name must be an attendee before anything changes; names
	 * are matched as attend matches them. */
	gone = xcalloc((size_t)a->npos, sizeof *gone);
	for (i = 1; i < a->npos; i++) {
		xmlNodePtr p = person_find(r, a->pos[i]), at;
		if (!p) {
			bad |= person_unknown(
				r, a->pos[i],
				_("unknown person '%s'; did you mean %s?"),
				_("unknown person '%s' (see 'styr person "
				  "list')"));
			continue;
		}
		for (at = node_child(m, "attendee"); at;
		     at = node_next(at, "attendee"))
			if (!strcmp(node_attr(at, "ref"), node_attr(p, "id")))
				break;
		if (!at)
			bad |= error(_("%s (%s) is not recorded as attending "
				       "%s"),
				     node_text(p), node_attr(p, "id"), mid);
		gone[i] = at;
		if (at) {
			if (names.len)
				sb_puts(&names, ", ");
			sb_printf(&names, "%s (%s)", node_text(p),
				  node_attr(p, "id"));
		}
	}
	if (bad) {
		free(gone);
		sb_free(&names);
		return -1;
	}
	for (i = 1; i < a->npos; i++)
		if (gone[i] && gone[i]->parent) {
			/* the same person named twice is removed once */
			xmlNodePtr at = gone[i];
			int k;
			for (k = i + 1; k < a->npos; k++)
				if (gone[k] == at)
					gone[k] = NULL;
			node_remove(at);
		}
	free(gone);
	/* TRANSLATORS: in the change log */
	what = xasprintf(_("not at meeting %s '%s' after all: %s"), mid,
			 node_text(node_child(m, "title")), names.buf);
	correct_log(r, "meeting", mid, what, a->why);
	info("%s", what);
	free(what);
	sb_free(&names);
	return 0;
}

/* change MID [--title] [--date] [--phase]; remove MID. */
static int fix(struct reg *r, const struct args *a)
{
	xmlNodePtr m = reg_known_meeting(r, a->pos[0]), phase = NULL;
	struct strbuf what = {0};
	const char *mid, *title, *s;
	char date[11], *users;
	int rc = -1;

	if (!m || correct_check_why(a->why) < 0)
		return -1;
	mid = node_attr(m, "id");
	title = node_text(node_child(m, "title"));
	if (a->action == REMOVE) {
		users = correct_meeting_users(r, mid);
		if (*users) {
			error(_("meeting %s ('%s') has votes on %s; withdraw "
				"them first ('styr vote withdraw')"),
			      mid, title, users);
			free(users);
			return -1;
		}
		free(users);
		/* TRANSLATORS: in the change log */
		sb_printf(&what, _("meeting %s removed: %s '%s' on %s"), mid,
			  vocab_word(&vocab_meeting_kind, node_attr(m, "kind"),
				     msg_lang()),
			  title, node_attr(m, "date"));
		for (xmlNodePtr at = node_child(m, "attendee"); at;
		     at = node_next(at, "attendee")) {
			xmlNodePtr p = reg_person(r, node_attr(at, "ref"));
			sb_puts(&what, at == node_child(m, "attendee")
					       ? _("; attended by ")
					       : ", ");
			sb_printf(&what, "%s (%s)", p ? node_text(p) : "?",
				  node_attr(at, "ref"));
		}
		correct_log(r, "meeting", mid, what.buf, a->why);
		info("%s", what.buf);
		node_remove(m);
		sb_free(&what);
		return 0;
	}
	if (a->title) {
		if (check_text(_("title"), a->title) < 0)
			goto out;
		for (s = a->title; *s == ' ' || *s == '\t' || *s == '\n'; s++)
			;
		if (!*s) {
			error(_("a meeting needs a title"));
			goto out;
		}
	}
	if (a->date && parse_date("--date", a->date, date) < 0)
		goto out;
	if (a->phase && !(phase = phase_arg(r, a->phase)))
		goto out;
	if (a->title && strcmp(a->title, title))
		sb_printf(&what, _("title: '%s' -> '%s'"), title, a->title);
	if (a->date && strcmp(date, node_attr(m, "date")))
		sb_printf(&what, _("%sdate: %s -> %s"), what.len ? "; " : "",
			  node_attr(m, "date"), date);
	if (phase && (!node_attr(m, "phase") ||
		      strcmp(node_attr(m, "phase"),
			     node_attr(phase, "number"))))
		sb_printf(&what, _("%sphase: %s -> %s"), what.len ? "; " : "",
			  node_attr(m, "phase") ? node_attr(m, "phase") : "-",
			  node_attr(phase, "number"));
	if (!what.len) {
		info(_("%s: nothing changed (the values given are the ones it "
		       "has)"),
		     mid);
		rc = 1;
		goto out;
	}
	/* The log has the old values before they are replaced. */
	{
		char *line = xasprintf(_("meeting %s changed: %s"), mid,
				       what.buf);
		correct_log(r, "meeting", mid, line, a->why);
		info("%s", line);
		free(line);
	}
	if (a->title)
		correct_rename(node_child(m, "title"), a->title);
	if (a->date)
		node_set_attr(m, "date", date);
	if (phase)
		node_set_attr(m, "phase", node_attr(phase, "number"));
	rc = 0;
out:
	sb_free(&what);
	return rc;
}

static int list(struct reg *r, void *input)
{
	const struct args *a = input;
	const char *lang = msg_lang();
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

	if (cli_format(a->format, FMT_TABLES, &fmt) < 0)
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

/* add, attend or a correction: -1 refused, 1 nothing to change, 0 changed. */
static int change(struct reg *r, void *input)
{
	struct args *a = input;

	switch (a->action) {
	case ADD:
		return add(r, a, msg_lang(), a->id);
	case ATTEND:
		return attend(r, a);
	case ABSENT:
		return absent(r, a);
	default:
		return fix(r, a);
	}
}

/* Every subcommand's call: which one, and its arguments. */
static int run(int action, void *input)
{
	struct args *a = input;
	int rc;

	a->action = (enum action)action;
	if (a->action == LIST)
		return cli_read(list, a);
	rc = cli_change(change, a);
	if (!rc && *a->id)
		printf("%s\n", a->id);
	return rc;
}

static const struct cli_option why_options[] = {
	CLI_WHY_CORRECTED(struct args, why),
	{0}};

static const struct cli_option change_options[] = {
	{"title", 't', N_("TEXT"), offsetof(struct args, title),
	 N_("the meeting's title")},
	{"date", OPT_DATE, N_("DATE"), offsetof(struct args, date),
	 N_("the meeting's date (YYYY-MM-DD)")},
	{"phase", OPT_PHASE, N_("N"), offsetof(struct args, phase),
	 N_("the phase it belongs to")},
	CLI_WHY_CORRECTED(struct args, why),
	{0}};

/* 'change' needs something to change. */
static void check_change(const void *input, struct argp_state *state)
{
	const struct args *a = input;

	if (!a->title && !a->date && !a->phase)
		argp_error(state, _("say what to change: --title, --date or "
				    "--phase"));
}

/* 'add' cannot go without --date. */
static void check_add(const void *input, struct argp_state *state)
{
	const struct args *a = input;

	if (!a->date)
		argp_error(state, _("'add' needs --date DATE"));
}

static const size_t pos_at[] = {offsetof(struct args, pos),
				offsetof(struct args, npos)};

static const struct cli_sub subs[] = {
	{.shared = run, .action = LIST, .max = 0, .opts = list_options},
	{.name = "list", .shared = run, .action = LIST, .max = 0,
	 .args_doc = N_("[--phase N] [--format FORMAT]"),
	 .opts = list_options, .doc = N_("List the meetings.")},
	{.name = "add", .shared = run, .action = ADD, .min = 2, .max = 2,
	 .argv_at = pos_at,
	 .args_doc = N_("KIND TITLE --date DATE [--phase N]"),
	 .needs = N_("a KIND and a TITLE (put a title with spaces in quotes)"),
	 .hint = N_("put a title with spaces in quotes"),
	 .opts = add_options, .check = check_add,
	 .doc = N_("Plan a meeting and print its id (M1, M2, ...).\vKIND is "
		   "module (undervisningsmodul), network (netværksmøde), "
		   "workshop, seminar, learning (læringsmøde), steering "
		   "(styregruppemøde) or other.  A meeting counts as held from "
		   "its date on.")},
	{.name = "attend", .shared = run, .action = ATTEND, .min = 2,
	 .max = CLI_MANY, .argv_at = pos_at,
	 .args_doc = N_("ID NAME... [--date DATE]"),
	 .needs = N_("a meeting id and one or more people"),
	 .opts = attend_options,
	 .doc = N_("Record the people who took part.\vEach NAME is a "
		   "person's id (P3) or their name as in 'styr person list' "
		   "(letter case and spaces do not matter).  Attendance is "
		   "recorded on the meeting's date, or --date; not before the "
		   "day has come.  Their roles show in 'styr phase' which parts "
		   "of the governance chain have taken part.")},
	{.name = "absent", .shared = run, .action = ABSENT, .min = 2,
	 .max = CLI_MANY, .argv_at = pos_at,
	 .args_doc = N_("ID NAME... [--why TEXT]"),
	 .needs = N_("a meeting id and one or more people"),
	 .opts = why_options,
	 .doc = N_("Take people off a meeting's attendees; the log keeps "
		   "them.\vFor attendance recorded by mistake: each NAME "
		   "(id or exact name) must be recorded as attending.")},
	{.name = "change", .shared = run, .action = CHANGE, .min = 1, .max = 1,
	 .argv_at = pos_at,
	 .args_doc = N_("ID [--title TEXT] [--date DATE] [--phase N] [--why "
			"TEXT]"),
	 .needs = N_("the meeting's id"),
	 .hint = N_("put a title with spaces in quotes after --title"),
	 .opts = change_options, .check = check_change,
	 .doc = N_("Correct a meeting's title, date or phase; the log keeps "
		   "the old ones.")},
	{.name = "remove", .shared = run, .action = REMOVE, .min = 1, .max = 1,
	 .argv_at = pos_at,
	 .args_doc = N_("ID [--why TEXT]"),
	 .needs = N_("the meeting's id"),
	 .opts = why_options,
	 .doc = N_("Remove a meeting no vote was cast in; the log keeps "
		   "it.\vA meeting with votes is refused, naming the items: "
		   "withdraw the votes first.  Its id is not used again.")},
	{0}};

const struct cli_command cmd_meeting = {
	.subs = subs, .input_size = sizeof(struct args),
	.doc = N_("Plan the process's meetings and record who took part; "
		  "'absent', 'change' and 'remove' correct them.")};
