// SPDX-License-Identifier: GPL-3.0-or-later
/* styr edit: change an item's descriptive fields. */
#include "commands.h"
#include "item.h"
#include "reg.h"
#include "util.h"

struct args {
	const char *id;
	struct item_fields fields;
};

static error_t parse_opt(int key, char *arg, struct argp_state *state)
{
	struct args *a = state->input;
	int i, given = 0;

	switch (key) {
	case ARGP_KEY_INIT:
		state->child_inputs[0] = &a->fields;
		break;
	case ARGP_KEY_ARG:
		a->id = arg;
		break;
	case ARGP_KEY_END:
		for (i = 0; i < F_COUNT; i++)
			given |= a->fields.v[i] != NULL;
		if (!given)
			argp_error(state, _("say what to change, e.g. --title "
					    "TEXT or --area ID"));
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const struct argp_child children[] = {
	{&item_fields_title_argp, 0, NULL, 0},
	{&common_argp, 0, N_("Common options:"), -1},
	{0}};

static const struct cli_sub cmd = {
	.min = 1,
	.max = 1,
	.args_doc = N_("ID [--title TEXT] [--desc TEXT] [--area ID] ..."),
	.needs = N_("the id of the item to change"),
	.hint = N_("put a text with spaces in quotes"),
	.parse_opt = parse_opt,
	.children = children,
	.doc =
	N_("Change the fields of item ID.  An empty value (\"\") clears a "
	   "field; the title cannot be cleared.  The change log records the "
	   "old and the new value.")};

int cmd_edit(int argc, char **argv)
{
	struct args a = {0};
	struct strbuf changes = {0};
	struct reg r;
	xmlNodePtr item;
	const char *id;
	int rc;

	cli_parse(&cmd, argc, argv, &a);
	rc = cli_status(reg_open(&r, REG_WRITE));
	if (rc)
		goto out;
	item = reg_item(&r, a.id);
	if (!item || item_fields_apply(&r, item, &a.fields, &changes) < 0) {
		rc = EXIT_REFUSED;
		goto out;
	}
	id = node_attr(item, "id");
	if (!changes.len) {
		info(_("%s: nothing changed (the values given are the ones it "
		       "has)"),
		     id);
		goto out;
	}
	reg_log(&r, "edit", id, "%s", changes.buf);
	rc = cli_status(reg_save(&r));
	if (!rc)
		info(_("%s changed: %s"), id, changes.buf);
out:
	sb_free(&changes);
	reg_close(&r);
	return rc;
}
