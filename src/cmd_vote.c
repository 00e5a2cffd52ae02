// SPDX-License-Identifier: GPL-3.0-or-later
/* styr vote: a workshop vote (remove, change, anchor) on an item. */
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "item.h"
#include "principles.h"
#include "reg.h"
#include "util.h"
#include "vocab.h"

struct args {
	const char *id, *priority, *count, *meeting;
};

static const struct cli_option options[] = {
	{"count", 'c', N_("N"), offsetof(struct args, count),
	 N_("N anonymous votes typed in from paper ballots (instead of one "
	    "person's vote with --by NAME)")},
	{"meeting", 'm', N_("MID"), offsetof(struct args, meeting),
	 N_("the workshop the votes were cast in (a meeting id, see 'styr "
	    "meeting list')")},
	{0}};

/* One voter by name or paper votes by number, not both. */
static error_t parse_opt(int key, char *arg, struct argp_state *state)
{
	const struct args *a = state->input;
	/* --by is a common option, parsed before or after the command. */
	bool voter = opt.by && *opt.by;

	(void)arg;
	if (key != ARGP_KEY_END)
		return ARGP_ERR_UNKNOWN;
	if (a->count && voter)
		argp_error(state, _("--count records anonymous paper votes; "
				    "leave out --by"));
	if (!a->count && !voter)
		argp_error(state, _("say who votes with --by NAME, or type in "
				    "paper votes with --count N"));
	return 0;
}

static const struct cli_sub cmd = {
	.min = 2, .max = 2,
	.args_doc = N_("ID PRIORITY --by NAME\nID PRIORITY --count N"),
	.needs = N_("an item id and a priority (remove, change or anchor)"),
	.hint = N_("give one item id and one priority"),
	.opts = options,
	.words_at = (const size_t[]){offsetof(struct args, id),
				     offsetof(struct args, priority)},
	.parse_opt = parse_opt,
	.doc =
	N_("Record a workshop vote on an item.  PRIORITY is remove (fjerne), "
	   "change (forandre) or anchor (forankre).  Each participant votes "
	   "once per workshop: a second vote by the same person (--by NAME) "
	   "in the same meeting replaces the first.  Votes from paper "
	   "ballots are typed in as a number with --count.  'styr tally' "
	   "counts them.")};

int cmd_vote(int argc, char **argv)
{
	struct args a = {0};
	const char *priority, *voter = NULL, *mid = NULL, *id, *label;
	const char *lang = msg_lang();
	char date[11], *where = NULL, *was = NULL;
	long count = 0;
	struct reg r;
	xmlNodePtr item, vote, m = NULL;
	int p, rc;

	cli_parse(&cmd, argc, argv, &a);
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
	today_iso(date);

	rc = cli_status(reg_open_item(&r, REG_WRITE, a.id, &item));
	if (rc)
		goto out;
	id = node_attr(item, "id");
	if (a.meeting && !(m = reg_known_meeting(&r, a.meeting))) {
		rc = EXIT_REFUSED;
		goto out;
	}
	mid = m ? node_attr(m, "id") : NULL;
	principle_law_remove(item, priority, _("the vote is recorded"));

	vote = voter ? item_find_vote(item, voter, mid) : NULL;
	if (vote) {
		/* One vote per person and workshop: the new one counts. */
		was = xstrdup(node_attr(vote, "priority"));
		info(_("%s: %s has voted before; the new vote (%s) replaces "
		       "the earlier one (%s)"),
		     id, voter, vocab_word(&vocab_priority, priority, lang),
		     vocab_word(&vocab_priority, was, lang));
	}
	item_set_vote(&r, item, vote, priority, voter, count, mid, date);

	/* TRANSLATORS: appended to a vote in the change log */
	where = mid ? xasprintf(_(" (meeting %s)"), mid) : xstrdup("");
	/* The log is written like minutes, in the voter's language. */
	label = vocab_word(&vocab_priority, priority, lang);
	if (was)
		reg_log(&r, "vote", id, _("%s votes %s%s, replacing %s"), voter,
			label, where, vocab_word(&vocab_priority, was, lang));
	else if (voter)
		reg_log(&r, "vote", id, _("%s votes %s%s"), voter, label,
			where);
	else
		reg_log(&r, "vote", id,
			ngettext("%ld paper vote: %s%s",
				 "%ld paper votes: %s%s",
				 (unsigned long)count),
			count, label, where);
	rc = cli_status(reg_save(&r));
out:
	free(where);
	free(was);
	reg_close(&r);
	return rc;
}
