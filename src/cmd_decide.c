// SPDX-License-Identifier: GPL-3.0-or-later
/* styr decide: the steering group's decision on an item. */
#include <string.h>

#include "commands.h"
#include "item.h"
#include "principles.h"
#include "stamp.h"
#include "util.h"

static void remind(struct reg *r, xmlNodePtr item, const char *decision)
{
	const char *id = node_attr(item, "id");
	xmlNodePtr solution = node_child(item, "solution");
	const char *was = node_attr(node_child(item, "decision"), "value");

	if (!node_child(item, "priority"))
		warning(_("%s has no proposal from the workshop yet (see "
			  "'styr prioritise'); the decision is recorded "
			  "anyway"),
			id);
	if (!strcmp(decision, "selected")) {
		/* Selecting the removal of a law is proposing it again. */
		const char *priority =
		    node_attr(node_child(item, "priority"), "value");
		if (priority) {
			principle_law_remove(item, priority,
					     _("the decision is recorded"));
		} else {
			/* No proposal: the votes say what is selected, as
			 * the handouts read it. */
			struct item_facts f;
			item_facts(item, NULL, 0, &f);
			if (f.leading >= 0)
				principle_law_remove(
				    item, vocab_priority.words[f.leading].key,
				    _("the decision is recorded"));
		}
		principle_small_steps(r, item);
	}
	else if (solution && was && !strcmp(was, "selected"))
		info(_("%s is no longer selected; its solution track "
		       "(status %s) is kept"),
		     id,
		     vocab_word(&vocab_status, node_attr(solution, "status"),
				msg_lang()));
}

static void clear_remind(xmlNodePtr item)
{
	xmlNodePtr solution = node_child(item, "solution");

	if (solution)
		info(_("%s has a solution track (status %s); it is kept ('styr "
		       "solution clear %s' clears it)"),
		     node_attr(item, "id"),
		     vocab_word(&vocab_status, node_attr(solution, "status"),
				msg_lang()),
		     node_attr(item, "id"));
}

static const struct stamp_kind decision = {
	.element = "decision",
	.action = "decide",
	.noun = N_("decision"),
	.vocab = &vocab_decision,
	.remind = remind,
	.args_doc = N_("ID selected|deferred|rejected"),
	.needs = N_("an item id and a decision (selected, deferred or rejected)"),
	.doc =
	N_("Record the steering group's decision on an item: selected "
	   "(valgt) as a focus to work on, deferred (udskudt) or rejected "
	   "(afvist).  A new decision replaces the earlier one; the change "
	   "log keeps both.  Selecting focus in more review areas at once "
	   "than the model's small-steps limit warns.  'decide clear' takes "
	   "a decision back."),
	.clear_doc =
	N_("Clear the decision; the log keeps it.\vTake back the steering "
	   "group's decision on item ID.  The change log keeps the "
	   "decision, its date, who recorded it and why."),
	.clear_remind = clear_remind,
	.nothing_to_clear = N_("%s has no decision to clear")};

const struct cli_command cmd_decide = {.main = stamp_main,
					  .data = &decision};
