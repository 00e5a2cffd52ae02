// SPDX-License-Identifier: GPL-3.0-or-later
/* styr solution: the solution track of a selected item, from idea to
 * implemented, with its evaluation criteria. */
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "correct.h"
#include "item.h"
#include "principles.h"
#include "reg.h"
#include "util.h"
#include "vocab.h"

struct args {
	const char *id, *status, *criteria, *evaluate_by;
	const char *date; /* --date, NULL for today */
	const char *why;  /* clear */
};

static const struct cli_option options[] = {
	{"status", 's', N_("STATUS"), offsetof(struct args, status),
	 N_("idea (idé), prototype, pilot (afprøvning) or implemented "
	    "(implementeret)")},
	{"criteria", 'c', N_("TEXT"), offsetof(struct args, criteria),
	 N_("the evaluation criteria: what is evaluated, how and when "
	    "(\"\" removes them)")},
	{"evaluate-by", 'e', N_("DATE"), offsetof(struct args, evaluate_by),
	 N_("when the evaluation is to be made (YYYY-MM-DD)")},
	{"date", 'd', N_("DATE"), offsetof(struct args, date), N_("the day it was decided (YYYY-MM-DD; default: today)")},
	{0}};

/* Something to record, at least. */
static void check(const void *input, struct argp_state *state)
{
	const struct args *a = input;

	if (!a->status && !a->criteria &&
	    !a->evaluate_by)
		argp_error(state, _("say what to record: --status, "
				    "--criteria or --evaluate-by"));
}

static int solution_set(void *input)
{
	struct args *ap = input;
	struct args a = *ap;
	const char *status = NULL, *old_status, *old_criteria, *old_date;
	const char *criteria, *id, *decision, *lang = msg_lang();
	char date[11], day[11];
	struct strbuf changes = {0};
	struct reg r;
	xmlNodePtr item, sol;
	int rc;

	if (a.status) {
		int s = vocab_parse(&vocab_status, a.status);
		if (s < 0)
			return EXIT_REFUSED;
		status = vocab_status.words[s].key;
	}
	if (a.criteria && check_text(_("criteria"), a.criteria) < 0)
		return EXIT_REFUSED;
	if (a.evaluate_by &&
	    parse_date("--evaluate-by", a.evaluate_by, date) < 0)
		return EXIT_REFUSED;
	if (parse_past_date("--date", a.date, day) < 0)
		return EXIT_REFUSED;
	/* Allowed (it may be typed in late), but likely a slip. */
	if (a.evaluate_by && strcmp(date, day) < 0) {
		if (a.date)
			warning(_("--evaluate-by %s is before --date %s"),
				date, day);
		else
			warning(_("--evaluate-by %s is in the past (today is "
				  "%s)"),
				date, day);
	}

	rc = cli_status(reg_open_item(&r, REG_WRITE, a.id, &item));
	if (rc)
		goto out;
	id = node_attr(item, "id");
	decision = node_attr(node_child(item, "decision"), "value");
	if (!decision || strcmp(decision, "selected")) {
		error(_("%s is not selected by the steering group (decision: "
			"%s); a solution is tracked for selected items only; "
			"select it first with 'styr decide %s selected'"),
		      id,
		      decision ? vocab_word(&vocab_decision, decision, lang)
			       : _("none"),
		      id);
		rc = EXIT_REFUSED;
		goto out;
	}
	sol = node_child(item, "solution");
	old_status = node_attr(sol, "status");
	old_criteria = sol ? node_text(node_child(sol, "criteria")) : "";
	old_date = node_attr(sol, "evaluate-by");
	if (!status) {
		/* Our own copy of the keyword: the tree's string is replaced
		 * below while we still read it. */
		int i = old_status ? vocab_index(&vocab_status, old_status) : 0;
		status = vocab_status.words[i < 0 ? 0 : i].key;
	}
	criteria = a.criteria ? a.criteria : old_criteria;
	/* Only what this command sets is checked: a track that is already
	 * implemented may still get its evaluation date. */
	if ((a.status || a.criteria) &&
	    principle_criteria_first(id, status, criteria) < 0) {
		rc = EXIT_REFUSED;
		goto out;
	}

	if (!old_status || strcmp(old_status, status))
		sb_printf(&changes, _("status: %s -> %s"),
			  old_status
				  ? vocab_word(&vocab_status, old_status, lang)
				  : _("none"),
			  vocab_word(&vocab_status, status, lang));
	if (strcmp(old_criteria, criteria)) {
		if (changes.len)
			sb_puts(&changes, "; ");
		if (*criteria)
			sb_printf(&changes, _("criteria: %s"), criteria);
		else
			sb_puts(&changes, _("criteria removed"));
	}
	if (a.evaluate_by && (!old_date || strcmp(old_date, date))) {
		if (changes.len)
			sb_puts(&changes, "; ");
		sb_printf(&changes, _("evaluate by: %s -> %s"),
			  old_date ? old_date : _("none"), date);
	}
	if (!changes.len) {
		info(_("%s: the solution track is unchanged"), id);
		goto out;
	}

	if (!strcmp(status, "implemented") &&
	    (!old_status || strcmp(old_status, "implemented"))) {
		principle_try_first(id, old_status);
		if (!a.evaluate_by && !old_date)
			warning(_("%s: no date for the evaluation yet; set "
				  "one with --evaluate-by DATE"),
				id);
	}
	item_set_solution(&r, item, status, a.evaluate_by ? date : NULL,
			  a.criteria);
	node_set_attr(reg_log(&r, "solution", id, "%s", changes.buf),
		      "happened", day); /* the day it was decided */
	rc = cli_status(reg_save(&r));
	if (!rc)
		info(_("%s: %s"), id, changes.buf);
out:
	sb_free(&changes);
	reg_close(&r);
	return rc;
}

/* solution clear ID: the log keeps the track as it was. */
static int solution_clear(void *input)
{
	const struct args *a = input;
	struct correction c = {.action = "solution", .why = a->why};
	struct strbuf was = {0};
	xmlNodePtr sol;
	const char *s;
	int rc;

	if (correct_check_why(a->why) < 0)
		return EXIT_REFUSED;
	if ((rc = correct_open(&c, a->id)))
		return cli_status(rc);
	if (!(sol = node_child(c.item, "solution"))) {
		error(_("%s has no solution track to clear"), c.ref);
		return cli_status(correct_cancel(&c));
	}
	sb_puts(&was, vocab_word(&vocab_status, node_attr(sol, "status"),
				 msg_lang()));
	s = node_text(node_child(sol, "criteria"));
	if (*s)
		sb_printf(&was, _("; criteria: %s"), s);
	if ((s = node_attr(sol, "evaluate-by")))
		sb_printf(&was, _("; evaluate by %s"), s);
	c.was = sb_steal(&was);
	/* TRANSLATORS: "solution track cleared: pilot; criteria: ...;
	 * evaluate by 2018-06-01" */
	c.what = xasprintf(_("solution track cleared: %s"), c.was);
	c.done = xasprintf(
		_("%s: solution track cleared; the change log keeps it"),
		c.ref);
	c.gone = sol;
	return cli_status(correct_commit(&c));
}

static const struct cli_option clear_options[] = {
	CLI_WHY_CLEARED(struct args, why), {0}};

static const struct cli_sub subs[] = {
	{.run = solution_set, .min = 1, .max = 1,
	 .args_doc = N_("ID [--status STATUS] [--criteria TEXT] "
			"[--evaluate-by DATE]"),
	 .needs = N_("the id of a selected item"),
	 .hint = N_("put criteria with spaces in quotes after --criteria"),
	 .opts = options,
	 .words_at = (const size_t[]){offsetof(struct args, id)},
	 .check = check},
	{.name = "clear", .run = solution_clear, .min = 1, .max = 1,
	 .args_doc = N_("ID [--why TEXT]"),
	 .needs = N_("the item's id"),
	 .hint = N_("put a reason with spaces in quotes after --why"),
	 .opts = clear_options,
	 .words_at = (const size_t[]){offsetof(struct args, id)},
	 .doc = N_("Clear the solution track; the log keeps it.\vTake back "
		   "the solution track of item ID: status, criteria and "
		   "evaluation date.  The change log keeps them.")},
	{0}};

const struct cli_command cmd_solution = {
	.subs = subs, .input_size = sizeof(struct args),
	.doc = N_("Track the new governance solution for an item the steering "
		  "group has selected: its status goes from idea through "
		  "prototype and pilot to implemented.  The model asks that "
		  "the evaluation criteria (what, how and when to evaluate) "
		  "are agreed before implementation, so 'implemented' is "
		  "refused until criteria are recorded.  A new track starts at "
		  "idea.  'solution clear' takes a track back.")};
