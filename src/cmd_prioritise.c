// SPDX-License-Identifier: GPL-3.0-or-later
/* styr prioritise: the workshop's proposed priority for an item. */
#include "commands.h"
#include "principles.h"
#include "stamp.h"
#include "util.h"

struct args {
	const char *id, *priority;
	struct stamp_opts stamp;
};

static error_t parse_opt(int key, char *arg, struct argp_state *state)
{
	struct args *a = state->input;

	switch (key) {
	case ARGP_KEY_INIT:
		state->child_inputs[0] = &a->stamp;
		break;
	case ARGP_KEY_ARG:
		*(state->arg_num ? &a->priority : &a->id) = arg;
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const struct argp_child children[] = {
	{&stamp_argp, 0, NULL, 0},
	{&common_argp, 0, N_("Common options:"), -1},
	{0}};

static const struct cli_sub cmd = {
	.min = 2,
	.max = 2,
	.args_doc = N_("ID PRIORITY"),
	.needs = N_("an item id and a priority (remove, change or anchor)"),
	.hint = N_("put a reason with spaces in quotes after --why"),
	.parse_opt = parse_opt,
	.children = children,
	.doc =
	N_("Record the workshop's proposed priority for an item, for the "
	   "steering group to decide on.  PRIORITY is remove (fjerne), "
	   "change (forandre) or anchor (forankre).  A new proposal replaces "
	   "the earlier one; the change log keeps both.  Proposing to remove "
	   "a legal demand warns: the law cannot simply be removed.")};

static void remind(struct reg *r, xmlNodePtr item, const char *priority)
{
	(void)r;
	principle_law_remove(item, priority, _("the proposal is recorded"));
}

static const struct stamp_kind proposal = {
	"priority", "prioritise", N_("proposal"), &vocab_priority, remind};

int cmd_prioritise(int argc, char **argv)
{
	struct args a = {0};

	cli_parse(&cmd, argc, argv, &a);
	return cli_status(stamp_run(&proposal, a.id, a.priority, &a.stamp));
}
