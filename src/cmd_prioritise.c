// SPDX-License-Identifier: GPL-3.0-or-later
/* styr prioritise: the workshop's proposed priority for an item. */
#include "commands.h"
#include "principles.h"
#include "stamp.h"
#include "util.h"

static void remind(struct reg *r, xmlNodePtr item, const char *priority)
{
	(void)r;
	principle_law_remove(item, priority, _("the proposal is recorded"));
}

static const struct stamp_kind proposal = {
	.element = "priority",
	.action = "prioritise",
	.noun = N_("proposal"),
	.vocab = &vocab_priority,
	.remind = remind,
	.args_doc = N_("ID PRIORITY"),
	.needs = N_("an item id and a priority (remove, change or anchor)"),
	.doc =
	N_("Record the workshop's proposed priority for an item, for the "
	   "steering group to decide on.  PRIORITY is remove (fjerne), "
	   "change (forandre) or anchor (forankre).  A new proposal replaces "
	   "the earlier one; the change log keeps both.  Proposing to remove "
	   "a legal demand warns: the law cannot simply be removed.  "
	   "'prioritise clear' takes a proposal back."),
	.clear_doc =
	N_("Clear the proposal; the log keeps it.\vTake back the workshop's "
	   "proposal for item ID.  The change log keeps the proposal, its "
	   "date, who recorded it and why."),
	.nothing_to_clear = N_("%s has no proposal to clear")};

const struct cli_command cmd_prioritise = {.main = stamp_main,
					  .data = &proposal};
