// SPDX-License-Identifier: GPL-3.0-or-later
/* styr decide: the steering group's decision on an item. */
#include <string.h>

#include "commands.h"
#include "principles.h"
#include "stamp.h"
#include "util.h"

struct args {
	const char *id, *decision;
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
		*(state->arg_num ? &a->decision : &a->id) = arg;
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
	.args_doc = N_("ID selected|deferred|rejected"),
	.needs = N_("an item id and a decision (selected, deferred or rejected)"),
	.hint = N_("put a reason with spaces in quotes after --why"),
	.parse_opt = parse_opt,
	.children = children,
	.doc =
	N_("Record the steering group's decision on an item: selected "
	   "(valgt) as a focus to work on, deferred (udskudt) or rejected "
	   "(afvist).  A new decision replaces the earlier one; the change "
	   "log keeps both.  Selecting focus in more review areas at once "
	   "than the model's small-steps limit warns.")};

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
	if (!strcmp(decision, "selected"))
		principle_small_steps(r, item);
	else if (solution && was && !strcmp(was, "selected"))
		info(_("%s is no longer selected; its solution track "
		       "(status %s) is kept"),
		     id,
		     vocab_word(&vocab_status, node_attr(solution, "status"),
				msg_lang()));
}

static const struct stamp_kind decision = {
	"decision", "decide", N_("decision"), &vocab_decision, remind};

int cmd_decide(int argc, char **argv)
{
	struct args a = {0};

	cli_parse(&cmd, argc, argv, &a);
	return cli_status(stamp_run(&decision, a.id, a.decision, &a.stamp));
}
