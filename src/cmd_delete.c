// SPDX-License-Identifier: GPL-3.0-or-later
/* styr delete: remove an item; the change log keeps it whole. */
#include "commands.h"
#include "reg.h"
#include "util.h"
#include "vocab.h"

struct args {
	const char *id;
};

static int run(void *input)
{
	struct args *a = input;
	struct reg r;
	xmlNodePtr item, entry;
	int rc;

	rc = cli_status(reg_open_item(&r, REG_WRITE, a->id, &item));
	if (rc)
		goto out;
	entry = reg_log(&r, "delete", node_attr(item, "id"),
			_("deleted %s '%s'"),
			vocab_word(&vocab_kind, node_attr(item, "kind"),
				   msg_lang()),
			node_text(node_child(item, "title")));
	/* The schema keeps a deleted item after the entry's <what>. */
	node_move(item, entry);
	rc = cli_status(reg_save(&r));
	if (!rc)
		info(_("%s: deleted; the change log keeps it"),
		     node_attr(item, "id"));
out:
	reg_close(&r);
	return rc;
}

const struct cli_command cmd_delete = {
	.one = {.run = run, .min = 1, .max = 1, .args_doc = N_("ID"),
		.needs = N_("the id of the item to delete"),
		.hint = N_("delete one item at a time"),
		.words_at = (const size_t[]){offsetof(struct args, id)}},
	.input_size = sizeof(struct args),
	.doc = N_("Delete item ID without asking.  The change log keeps the "
		  "whole item (notes, ratings, votes and all), and its id is "
		  "never given to another item.")};
