// SPDX-License-Identifier: GPL-3.0-or-later
/* styr phase: where the six-phase process stands; start, finish, go back. */
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "phase.h"
#include "reg.h"
#include "table.h"
#include "util.h"
#include "view.h"
#include "vocab.h"

enum action { SHOW, START, DONE, REOPEN, CHECK };

struct args {
	enum action action;
	const char *number, *date;
	bool force;
	char day[11]; /* DATE checked, or today */
};

/* Long only: -F is --format in other commands. */
enum { OPT_FORCE = 256, OPT_DATE = 'd' };

static const struct cli_option start_options[] = {
	{"date", OPT_DATE, N_("DATE"), offsetof(struct args, date),
	 N_("when it happened (YYYY-MM-DD; default today)")},
	{0}};

static const struct cli_option done_options[] = {
	{"force", OPT_FORCE, NULL, offsetof(struct args, force),
	 N_("mark the phase done although milestones are open")},
	{"date", OPT_DATE, N_("DATE"), offsetof(struct args, date),
	 N_("when it happened (YYYY-MM-DD; default today)")},
	{0}};


/* Prints S left-aligned in WIDTH columns (UTF-8 aware). */
static void put_padded(const char *s, int width)
{
	fputs(s, stdout);
	for (width -= text_width(s); width > 0; width--)
		putchar(' ');
}

static int max_width(const char *a, const char *b)
{
	int x = text_width(a), y = text_width(b);

	return x > y ? x : y;
}

static void print_status(char *buf, size_t size, xmlNodePtr p)
{
	const char *status = phase_status(p);
	const char *started = node_attr(p, "started");
	const char *completed = node_attr(p, "completed");

	if (!strcmp(status, "done"))
		snprintf(buf, size, completed ? _("done %s") : _("done"),
			 completed);
	else if (!strcmp(status, "active"))
		snprintf(buf, size,
			 started ? _("active since %s") : _("active"), started);
	else
		snprintf(buf, size, "%s", _("not started"));
}

static void show_phases(struct reg *r, xmlNodePtr current, const char *lang)
{
	const char *headers[] = {"", "#", C_("table header", "Phase"),
				 C_("table header", "Status"),
				 C_("table header", "Milestones")};
	struct table *t = table_new(5, headers);
	xmlNodePtr p;
	char status[64];

	table_align_right(t, 1);
	table_align_right(t, 4);
	for (p = node_child(r->model, "phase"); p; p = node_next(p, "phase")) {
		int total = 0;
		xmlNodePtr m;

		for (m = node_child(p, "milestone"); m;
		     m = node_next(m, "milestone"))
			total++;
		print_status(status, sizeof status, p);
		table_row(t);
		table_cell(t, p == current ? ">" : "");
		table_cellf(t, "%ld", phase_number(p));
		table_cell(t, phase_name(p, lang));
		table_cell(t, status);
		table_cellf(t, "%d/%d", total - phase_open_milestones(p),
			    total);
	}
	table_print(t, FMT_TABLE, stdout);
	table_free(t);
}

enum { NEXT_SHOWN = 3 };

static void show_next_milestones(xmlNodePtr phase, const char *lang)
{
	int open = phase_open_milestones(phase), shown = 0;
	xmlNodePtr m;

	if (!node_child(phase, "milestone")) {
		printf("  %s\n", _("This phase has no milestones"));
		return;
	}
	if (!open) {
		printf("  %s\n", _("All milestones of this phase are ticked "
				   "off"));
		return;
	}
	printf("  %s\n", _("Next milestones:"));
	for (m = node_child(phase, "milestone"); m && shown < NEXT_SHOWN;
	     m = node_next(m, "milestone")) {
		if (node_attr(m, "done"))
			continue;
		printf("    [ ] %s  %s\n", node_attr(m, "id"),
		       lang_text(m, "title", lang));
		shown++;
	}
	if (open > shown)
		printf(ngettext("    ... and %d more (styr milestone list "
				"%ld)\n",
				"    ... and %d more (styr milestone list "
				"%ld)\n",
				(unsigned long)(open - shown)),
		       open - shown, phase_number(phase));
}

static void show_meetings(struct reg *r, xmlNodePtr phase, const char *lang,
			  const char *today)
{
	const char *held = _("held"), *planned = _("planned");
	int wstatus = max_width(held, planned), wid = 0;
	xmlNodePtr *v;
	size_t n = meetings_sorted(r, phase_number(phase), &v), i;

	if (!n) {
		printf("  %s\n", _("No meetings in this phase yet (styr "
				   "meeting add KIND TITLE --date DATE)"));
		free(v);
		return;
	}
	for (i = 0; i < n; i++)
		if (text_width(node_attr(v[i], "id")) > wid)
			wid = text_width(node_attr(v[i], "id"));
	printf("  %s\n", _("Meetings:"));
	for (i = 0; i < n; i++) {
		xmlNodePtr a;
		int people = 0;

		for (a = node_child(v[i], "attendee"); a;
		     a = node_next(a, "attendee"))
			people++;
		printf("    %s  ", node_attr(v[i], "date"));
		put_padded(meeting_held(v[i], today) ? held : planned,
			   wstatus);
		fputs("  ", stdout);
		put_padded(node_attr(v[i], "id"), wid);
		printf("  %s: %s",
		       vocab_label(&vocab_meeting_kind,
				   node_attr(v[i], "kind"), lang),
		       node_text(node_child(v[i], "title")));
		if (people)
			printf(ngettext(" (%d attending)", " (%d attending)",
					(unsigned long)people),
			       people);
		putchar('\n');
	}
	free(v);
}

/* Is role I a link of the governance chain?  The facilitator leads the
 * process and is not one. */
static bool in_chain(int i)
{
	return strcmp(vocab_role.words[i].key, "facilitator") != 0;
}

/* The governance chain: which roles took part in the meetings held. */
static void show_roles(struct reg *r, xmlNodePtr phase, const char *lang,
		       const char *today)
{
	unsigned seen = phase_roles(r, phase_number(phase), today);
	unsigned all = phase_roles(r, 0, today);
	const char *took = _("taken part:"), *not_yet = _("not yet:");
	struct strbuf yes = {0}, no = {0};
	int i, w = max_width(took, not_yet);

	for (i = 0; i < vocab_count(&vocab_role); i++)
		if (!in_chain(i)) {
			seen &= ~(1u << i);
			all &= ~(1u << i);
		}
	for (i = 0; i < vocab_count(&vocab_role); i++) {
		struct strbuf *sb = seen & (1u << i) ? &yes : &no;
		if (!in_chain(i))
			continue;
		if (sb->len)
			sb_puts(sb, ", ");
		sb_puts(sb, vocab_label(&vocab_role, vocab_role.words[i].key,
					lang));
	}
	printf("  %s\n", _("Governance chain at the meetings held so far:"));
	printf("    ");
	put_padded(took, w);
	printf("  %s\n", yes.len ? yes.buf : _("nobody yet"));
	printf("    ");
	put_padded(not_yet, w);
	printf("  %s\n", no.len ? no.buf : _("none: the whole chain has "
					      "taken part"));
	/* The chain is built over the whole process: a phase without
	 * meetings yet must not read as if no one had ever taken part. */
	if (all != seen) {
		sb_free(&yes);
		for (i = 0; i < vocab_count(&vocab_role); i++)
			if (all & (1u << i)) {
				if (yes.len)
					sb_puts(&yes, ", ");
				sb_puts(&yes,
					vocab_label(&vocab_role,
						    vocab_role.words[i].key,
						    lang));
			}
		printf("    %s  %s\n", _("in the whole process:"), yes.buf);
	}
	sb_free(&yes);
	sb_free(&no);
}

static int show(struct reg *r)
{
	const char *lang = msg_lang();
	const char *org = node_text(node_child(r->root, "organisation"));
	const char *title = node_text(node_child(r->root, "title"));
	xmlNodePtr cur = phase_current(r);
	struct checklist list = {0};
	char today[11];
	int lacking;

	today_iso(today);
	if (*org && *title)
		printf("%s: %s\n\n", org, title);
	else if (*org || *title)
		printf("%s\n\n", *org ? org : title);
	show_phases(r, cur, lang);
	putchar('\n');
	if (!cur) {
		printf("%s\n", _("No phase is current: start one with 'styr "
				 "phase start N'"));
		return EXIT_OK;
	}
	printf(_("Current phase %ld: %s\n"), phase_number(cur),
	       phase_name(cur, lang));
	show_next_milestones(cur, lang);
	show_meetings(r, cur, lang, today);
	show_roles(r, cur, lang, today);
	lacking = phase_checks(r, cur, lang, today, &list);
	checklist_free(&list);
	if (lacking)
		printf(ngettext("  Still lacking: %d thing (styr phase "
				"check)\n",
				"  Still lacking: %d things (styr phase "
				"check)\n",
				(unsigned long)lacking),
		       lacking);
	else
		printf(_("  Nothing is lacking: the phase can be marked done "
			 "(styr phase done %ld)\n"),
		       phase_number(cur));
	return EXIT_OK;
}

static int check(struct reg *r, const char *number)
{
	const char *lang = msg_lang();
	struct checklist list = {0};
	xmlNodePtr p;
	char today[11];
	size_t i;
	int lacking;

	if (number) {
		if (!(p = phase_arg(r, number)))
			return EXIT_REFUSED;
	} else if (!(p = phase_current(r))) {
		error(_("no phase is current; name one: 'styr phase check N'"));
		return EXIT_REFUSED;
	}
	today_iso(today);
	lacking = phase_checks(r, p, lang, today, &list);
	printf(_("Phase %ld %s: %d of %d in place\n\n"), phase_number(p),
	       phase_name(p, lang), (int)list.n - lacking, (int)list.n);
	for (i = 0; i < list.n; i++) {
		printf("  [%c] %s\n", list.v[i].ok ? 'x' : ' ', list.v[i].text);
		if (list.v[i].detail)
			printf("        %s\n", list.v[i].detail);
	}
	putchar('\n');
	if (lacking)
		printf(ngettext("%d thing is still lacking\n",
				"%d things are still lacking\n",
				(unsigned long)lacking),
		       lacking);
	else
		printf(_("Nothing is lacking: phase %ld can be marked done "
			 "(styr phase done %ld)\n"),
		       phase_number(p), phase_number(p));
	checklist_free(&list);
	return lacking ? EXIT_REFUSED : EXIT_OK;
}

/* Warnings for the phases before P that have not started: skipping ahead
 * is allowed, but should not pass unnoticed. */
static void warn_skipped(struct reg *r, xmlNodePtr p, const char *lang)
{
	xmlNodePtr q;

	for (q = node_child(r->model, "phase"); q && q != p;
	     q = node_next(q, "phase"))
		if (!strcmp(phase_status(q), "not-started"))
			warning(_("phase %ld '%s' has not started"),
				phase_number(q), phase_name(q, lang));
}

static int start(struct reg *r, xmlNodePtr p, const char *lang,
		 const char *date)
{
	long n = phase_number(p);
	const char *name = phase_name(p, lang);
	const char *status = phase_status(p);
	char ref[24];

	snprintf(ref, sizeof ref, "%ld", n);
	if (!strcmp(status, "done"))
		return error(_("phase %ld '%s' is done; to go back to it, use "
			       "'styr phase reopen %ld'"),
			     n, name, n);
	if (phase_current(r) == p) {
		info(_("phase %ld '%s' is already active and current; nothing "
		       "changed"),
		     n, name);
		return 1;
	}
	if (!strcmp(status, "active")) {
		phase_set_active(r, p, date);
		reg_log(r, "phase", ref, _("made phase %ld '%s' current"), n,
			name);
		info(_("phase %ld '%s' is now the current phase"), n, name);
		return 0;
	}
	warn_skipped(r, p, lang);
	phase_set_active(r, p, date);
	reg_log(r, "phase", ref, _("started phase %ld '%s'"), n, name);
	info(_("phase %ld '%s' started; it is now the current phase"), n,
	     name);
	return 0;
}

static int done(struct reg *r, xmlNodePtr p, bool force, const char *lang,
		const char *date)
{
	long n = phase_number(p);
	const char *name = phase_name(p, lang);
	int open = phase_open_milestones(p);
	struct strbuf list = {0};
	xmlNodePtr m, cur;
	char ref[24];

	snprintf(ref, sizeof ref, "%ld", n);
	if (!strcmp(phase_status(p), "done")) {
		info(_("phase %ld '%s' is already done (%s); nothing changed"),
		     n, name, node_attr(p, "completed"));
		return 1;
	}
	const char *started = node_attr(p, "started");
	if (started && strcmp(date, started) < 0)
		return error(_("phase %ld '%s' started on %s, so it cannot be "
			       "done on %s"),
			     n, name, started, date);
	if (open) {
		for (m = node_child(p, "milestone"); m;
		     m = node_next(m, "milestone"))
			if (!node_attr(m, "done"))
				sb_printf(&list, "\n  %s  %s",
					  node_attr(m, "id"),
					  lang_text(m, "title", lang));
		warning(ngettext("phase %ld '%s' has %d open milestone:%s",
				 "phase %ld '%s' has %d open milestones:%s",
				 (unsigned long)open),
			n, name, open, list.buf);
		sb_free(&list);
		if (!force)
			return error(_("phase %ld was not marked done: tick "
				       "off its milestones with 'styr "
				       "milestone done ID', or use --force"),
				     n);
	}
	phase_set_done(r, p, date);
	if (open)
		reg_log(r, "phase", ref,
			ngettext("marked phase %ld '%s' done with %d open "
				 "milestone (--force)",
				 "marked phase %ld '%s' done with %d open "
				 "milestones (--force)",
				 (unsigned long)open),
			n, name, open);
	else
		reg_log(r, "phase", ref, _("marked phase %ld '%s' done"), n,
			name);
	cur = phase_current(r);
	if (cur)
		info(_("phase %ld '%s' is done; the current phase is %ld '%s'"),
		     n, name, phase_number(cur), phase_name(cur, lang));
	else if (phase_find(r, n + 1))
		info(_("phase %ld '%s' is done; start the next with 'styr "
		       "phase start %ld'"),
		     n, name, n + 1);
	else
		info(_("phase %ld '%s' is done"), n, name);
	return 0;
}

static int reopen(struct reg *r, xmlNodePtr p, const char *lang,
		  const char *date)
{
	long n = phase_number(p);
	const char *name = phase_name(p, lang);
	const char *status = phase_status(p);
	char ref[24], *was;

	snprintf(ref, sizeof ref, "%ld", n);
	if (!strcmp(status, "not-started"))
		return error(_("phase %ld '%s' has not started, so it cannot "
			       "be reopened; use 'styr phase start %ld'"),
			     n, name, n);
	if (!strcmp(status, "active"))
		return start(r, p, lang, date);
	was = xstrdup(node_attr(p, "completed") ? node_attr(p, "completed")
						: "");
	phase_set_active(r, p, date);
	reg_log(r, "phase", ref, _("reopened phase %ld '%s' (it was done %s)"),
		n, name, was);
	info(_("phase %ld '%s' is active again and the current phase"), n,
	     name);
	free(was);
	return 0;
}

static int look(struct reg *r, void *input)
{
	const struct args *a = input;

	return a->action == SHOW ? show(r) : check(r, a->number);
}

/* start, done or reopen: -1 refused, 1 nothing to change, 0 changed. */
static int move(struct reg *r, void *input)
{
	const struct args *a = input;
	const char *lang = msg_lang();
	xmlNodePtr p = phase_arg(r, a->number);

	if (!p)
		return -1;
	switch (a->action) {
	case START:
		return start(r, p, lang, a->day);
	case DONE:
		return done(r, p, a->force, lang, a->day);
	default:
		return reopen(r, p, lang, a->day);
	}
}

/* Every subcommand's call: which one, and its phase number. */
static int run(int action, void *input)
{
	struct args *a = input;

	a->action = (enum action)action;
	if (a->date && parse_date("--date", a->date, a->day) < 0)
		return EXIT_REFUSED;
	if (!a->date)
		today_iso(a->day);
	if (a->action == SHOW || a->action == CHECK)
		return cli_read(look, a);
	return cli_change(move, a);
}

static const size_t number_at[] = {offsetof(struct args, number)};

static const struct cli_sub subs[] = {
	{.shared = run, .action = SHOW, .max = 0},
	{.name = "start", .shared = run, .action = START, .min = 1, .max = 1,
	 .args_doc = N_("N [--date DATE]"), .needs = N_("a phase number"),
	 .words_at = number_at,
	 .opts = start_options,
	 .doc = N_("Make phase N active and current.\vEarlier phases stay "
		   "active: the phases overlap.")},
	{.name = "done", .shared = run, .action = DONE, .min = 1, .max = 1,
	 .args_doc = N_("N [--force] [--date DATE]"),
	 .needs = N_("a phase number"), .opts = done_options,
	 .words_at = number_at,
	 .doc = N_("Mark phase N done today (or on --date).\vWith open "
		   "milestones it warns and needs --force.")},
	{.name = "reopen", .shared = run, .action = REOPEN, .min = 1, .max = 1,
	 .args_doc = N_("N"), .needs = N_("a phase number"),
	 .words_at = number_at,
	 .doc = N_("Go back to a phase that is done.")},
	{.name = "check", .shared = run, .action = CHECK, .max = 1,
	 .args_doc = N_("[N]"), .words_at = number_at,
	 .doc = N_("List what the current phase (or phase N) still lacks.\v"
		   "Its open milestones and what the phase is about, such as "
		   "field notes in phase 3 or votes in phase 4.  It exits with 0 "
		   "when nothing lacks and 1 otherwise, so scripts can use it.")},
	{0}};

const struct cli_command cmd_phase = {
	.subs = subs, .input_size = sizeof(struct args),
	.doc = N_("Show where the six-phase process stands, or move it "
		  "on.\vWithout a subcommand: the phases, their status and "
		  "milestones, and for the current phase its open milestones, "
		  "its meetings and which parts of the governance chain have "
		  "taken part so far.  Every move is logged.")};
