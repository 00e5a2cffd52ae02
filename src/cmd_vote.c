// SPDX-License-Identifier: GPL-3.0-or-later
/* styr vote: a workshop vote (remove, change, anchor) on an item. */
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "correct.h"
#include "item.h"
#include "names.h"
#include "number.h"
#include "principles.h"
#include "reg.h"
#include "util.h"
#include "vocab.h"
#include "vote.h"

struct args {
	const char *id, *priority, *count, *meeting;
	const char *date; /* --date, NULL for today */
	bool guest;
	const char *number, *why; /* withdraw */
};

static const struct cli_option options[] = {
	{"count", 'c', N_("N"), offsetof(struct args, count),
	 N_("N anonymous votes typed in from paper ballots (instead of one "
	    "person's vote with --by NAME)")},
	{"meeting", 'm', N_("MID"), offsetof(struct args, meeting),
	 N_("the workshop the votes were cast in (a meeting id, see 'styr "
	    "meeting list'; default: the one workshop of the current phase)")},
	{"guest", 'g', NULL, offsetof(struct args, guest),
	 N_("the voter (--by) is a guest, not in the people list")},
	{"date", 'd', N_("DATE"), offsetof(struct args, date), N_("the day it was cast (YYYY-MM-DD; default: today)")},
	{0}};

/* One voter by name or paper votes by number, not both. */
static void check_cast(const void *input, struct argp_state *state)
{
	const struct args *a = input;
	/* --by is a common option, parsed before or after the command. */
	bool voter = opt.by && *opt.by;

	if (a->count && voter)
		argp_error(state, _("--count records anonymous paper votes; "
				    "leave out --by"));
	if (!a->count && !voter)
		argp_error(state, _("say who votes with --by NAME, or type in "
				    "paper votes with --count N"));
	if (a->guest && !voter)
		argp_error(state, _("--guest goes with --by NAME"));
}

static int vote_cast(void *input)
{
	struct args *ap = input;
	struct args a = *ap;
	const char *priority, *voter = NULL, *id;
	const char *lang = msg_lang(), *label;
	char date[11], *where = NULL, *was = NULL, *guest = NULL;
	long count = 0;
	struct reg r;
	xmlNodePtr item, meeting;
	struct vote_cast c = {0};
	int p, rc;

	if (!strcmp(a.priority, "withdraw")) {
		/* The verb comes first: styr vote withdraw ID. */
		error(_("to withdraw a vote: styr vote withdraw %s --by NAME"),
		      a.id);
		return EXIT_REFUSED;
	}
	p = vocab_parse(&vocab_priority, a.priority);
	if (p < 0)
		return EXIT_REFUSED;
	priority = vocab_priority.words[p].key;
	if (a.count) {
		if (parse_count(_("count"), a.count, 100000, &count) < 0)
			return EXIT_REFUSED;
		if (count < 1) {
			error(_("count: give at least one vote"));
			return EXIT_REFUSED;
		}
	} else {
		voter = opt.by;
		if (check_text(_("voter"), voter) < 0)
			return EXIT_REFUSED;
	}
	if (parse_past_date("--date", a.date, date) < 0)
		return EXIT_REFUSED;

	rc = cli_status(reg_open_item(&r, REG_WRITE, a.id, &item));
	if (rc)
		goto out;
	id = node_attr(item, "id");
	if (!(meeting = vote_meeting(&r, a.meeting)) ||
	    (voter && vote_voter(&r, voter, a.guest, false, &c.stored, &c.shown,
				 &guest) < 0)) {
		rc = EXIT_REFUSED;
		goto out;
	}
	c.priority = priority;
	c.count = count;
	c.meeting = node_attr(meeting, "id");
	c.date = date;
	principle_law_remove(item, priority, _("the vote is recorded"));
	vote_record(&r, item, &c, &was);
	rc = cli_status(reg_save(&r));
	if (rc)
		goto out;
	label = vocab_word(&vocab_priority, priority, lang);
	/* TRANSLATORS: appended to a vote in the change log */
	where = xasprintf(_(" (meeting %s)"), c.meeting);
	/* One vote per person and workshop: the new one counts, and the
	 * facilitator hears that it replaced one. */
	if (was)
		info(_("%s: %s has voted before; the new vote (%s) replaces "
		       "the earlier one (%s)"),
		     id, c.shown, label, vocab_word(&vocab_priority, was, lang));
	else if (voter)
		info(_("%s: %s's vote (%s) recorded%s"), id, c.shown, label,
		     where);
	else
		info(ngettext("%s: %ld paper vote (%s) recorded%s",
			      "%s: %ld paper votes (%s) recorded%s",
			      (unsigned long)count),
		     id, count, label, where);
out:
	free(guest);
	free(where);
	free(was);
	reg_close(&r);
	return rc;
}

static const struct cli_option withdraw_options[] = {
	{"meeting", 'm', N_("MID"), offsetof(struct args, meeting),
	 N_("the workshop the vote was cast in, when the voter has voted on "
	    "the item in more than one")},
	{"why", 'w', N_("TEXT"), offsetof(struct args, why),
	 N_("why it is withdrawn, for the record")},
	{0}};

/* Whose vote: --by NAME or its number, not both. */
static void check_withdraw(const void *input, struct argp_state *state)
{
	const struct args *a = input;
	bool voter = opt.by && *opt.by;

	if (a->number && voter)
		argp_error(state, _("give the vote's number or --by NAME, "
				    "not both"));
	if (!a->number && !voter)
		argp_error(state, _("say whose vote with --by NAME, or give "
				    "its number ('styr show ID' numbers "
				    "them)"));
}

/* The vote --by NAME cast on ITEM (in meeting MID when given), or NULL
 * after saying why there is none or more than one. */
static xmlNodePtr find_vote(struct reg *r, xmlNodePtr item, const char *mid)
{
	const char *id = node_attr(item, "id"), *name;
	char *who = NULL, *meetings = NULL;
	xmlNodePtr meeting, person, vote = NULL;
	size_t found;

	if (mid) {
		if (!(meeting = reg_known_meeting(r, mid)))
			return NULL;
		mid = node_attr(meeting, "id");
	}
	who = who_identity(r->people, opt.by);
	person = person_find(r, opt.by);
	name = person ? node_text(person) : opt.by;
	found = correct_find_votes(r, item, who, mid, &vote, &meetings);
	if (!found && mid)
		error(_("%s has no vote on %s in meeting %s to withdraw"),
		      name, id, mid);
	else if (!found)
		error(_("%s has no vote on %s to withdraw (see 'styr show "
			"%s')"),
		      name, id, id);
	else if (found > 1)
		error(_("%s has voted on %s in %s: say which with --meeting"),
		      name, id, meetings);
	free(who);
	free(meetings);
	return found == 1 ? vote : NULL;
}

/* vote withdraw ID --by NAME [--meeting MID] | vote withdraw ID N. */
static int vote_withdraw(void *input)
{
	const struct args *a = input;
	struct correction c = {.action = "vote", .why = a->why};
	xmlNodePtr vote;
	int rc;

	if (correct_check_why(a->why) < 0 ||
	    (!a->number && check_text(_("voter"), opt.by) < 0))
		return EXIT_REFUSED;
	if ((rc = correct_open(&c, a->id)))
		return cli_status(rc);
	vote = a->number ? correct_part(c.item, "vote", a->number, NULL)
			 : find_vote(&c.r, c.item, a->meeting);
	if (!vote)
		return cli_status(correct_cancel(&c));
	/* The log keeps the vote: who, what, where and when. */
	c.was = correct_describe(&c.r, vote);
	/* TRANSLATORS: in the change log: "vote withdrawn: Marianne Vogt:
	 * remove (meeting M1, 2017-11-08)" */
	c.what = xasprintf(_("vote withdrawn: %s"), c.was);
	c.done = xasprintf(_("%s: vote withdrawn (%s); the change log keeps "
			     "it"),
			   c.ref, c.was);
	c.gone = vote;
	return cli_status(correct_commit(&c));
}

static const struct cli_sub subs[] = {
	{.run = vote_cast, .min = 2, .max = 2,
	 .args_doc = N_("ID PRIORITY --by NAME\nID PRIORITY --count N"),
	 .needs = N_("an item id and a priority (remove, change or anchor)"),
	 .hint = N_("give one item id and one priority"),
	 .opts = options,
	 .words_at = (const size_t[]){offsetof(struct args, id),
				      offsetof(struct args, priority)},
	 .check = check_cast},
	{.name = "withdraw", .run = vote_withdraw, .min = 1,
	 .max = 2, .args_doc = N_("ID --by NAME [--meeting MID]\nID N"),
	 .needs = N_("the id of the item voted on"),
	 .opts = withdraw_options,
	 .words_at = (const size_t[]){offsetof(struct args, id),
				      offsetof(struct args, number)},
	 .check = check_withdraw,
	 .doc = N_("Withdraw a vote; the log keeps it.\vWithdraw the vote "
		   "NAME cast on item ID (--by NAME), or vote N as 'styr "
		   "show ID' numbers them (paper votes too).  The change "
		   "log keeps the vote that was withdrawn.")},
	{0}};

const struct cli_command cmd_vote = {
	.subs = subs, .input_size = sizeof(struct args),
	.doc = N_("Record a workshop vote on an item.  PRIORITY is remove "
		  "(fjerne), change (forandre) or anchor (forankre).  The "
		  "voter is someone in the people list, by id (P3) or name "
		  "(case and spacing do not matter), or a guest with --guest.  "
		  "Each participant votes once per workshop: a second vote by "
		  "the same person (--by NAME) in the same meeting replaces "
		  "the first.  Votes are cast at a meeting of kind workshop; "
		  "without --meeting they go to the one workshop of the "
		  "current phase.  Votes from paper ballots are typed in as a "
		  "number with --count.  'styr tally' counts them.  'vote "
		  "withdraw' takes a vote back.")};
