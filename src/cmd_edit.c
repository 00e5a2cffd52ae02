// SPDX-License-Identifier: GPL-3.0-or-later
/* styr edit: change an item's descriptive fields. */
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "correct.h"
#include "item.h"
#include "reg.h"
#include "util.h"
#include "vocab.h"

struct args {
	const char *id;
	struct item_fields fields;
	const char *kind, *why;
};

enum { OPT_WHY = 0x300 };

static const struct cli_option options[] = {
	{"kind", 'k', N_("KIND"), offsetof(struct args, kind),
	 N_("a new kind: goal, rule or doc; the item gets a new id of that "
	    "kind (printed), the old id is never used again and the change "
	    "log links the two")},
	{"why", OPT_WHY, N_("TEXT"), offsetof(struct args, why),
	 N_("why it is changed, for the record")},
	{0}};

static void check(const void *input, struct argp_state *state)
{
	const struct args *a = input;
	int i, given = 0;

	for (i = 0; i < F_COUNT; i++)
		given |= a->fields.v[i] != NULL;
	if (!given && !a->kind)
		argp_error(state, _("say what to change, e.g. --title TEXT, "
				    "--area ID or --kind KIND"));
}

static const struct argp_child children[] = {
	{&item_fields_title_argp, 0, NULL, 0},
	{&common_argp, 0, N_("Common options:"), -1},
	{0}};

static int run(void *input)
{
	struct args *a = input;
	struct strbuf changes = {0};
	struct reg r;
	xmlNodePtr item;
	const char *id, *kind = NULL;
	char *new_id = NULL, *old_id = NULL;
	int k, rc;

	if (a->kind) {
		if ((k = vocab_parse(&vocab_kind, a->kind)) < 0)
			return EXIT_REFUSED;
		kind = vocab_kind.words[k].key;
	}
	if (correct_check_why(a->why) < 0)
		return EXIT_REFUSED;
	rc = cli_status(reg_open(&r, REG_WRITE));
	if (rc)
		goto out;
	item = reg_item(&r, a->id);
	if (!item || item_fields_apply(&r, item, &a->fields, &changes) < 0) {
		rc = EXIT_REFUSED;
		goto out;
	}
	id = old_id = xstrdup(node_attr(item, "id"));
	if (kind && !strcmp(kind, node_attr(item, "kind")))
		kind = NULL; /* what it is already */
	if (!changes.len && !kind) {
		info(_("%s: nothing changed (the values given are the ones it "
		       "has)"),
		     id);
		goto out;
	}
	if (changes.len)
		correct_log(&r, "edit", id, changes.buf, a->why);
	/* A new kind is a new id: the fields above are logged under the
	 * old one, and the log links the two. */
	if (kind && !(new_id = correct_kind(&r, item, kind, a->why))) {
		rc = EXIT_REFUSED;
		goto out;
	}
	rc = cli_status(reg_save(&r));
	if (rc)
		goto out;
	if (changes.len)
		info(_("%s changed: %s"), id, changes.buf);
	if (new_id) {
		info(_("%s is now %s (%s); the old id is not used again"), id,
		     new_id, vocab_word(&vocab_kind, kind, msg_lang()));
		printf("%s\n", new_id);
	}
out:
	free(new_id);
	free(old_id);
	sb_free(&changes);
	reg_close(&r);
	return rc;
}

const struct cli_command cmd_edit = {
	.one = {.run = run, .min = 1, .max = 1,
		.args_doc = N_("ID [--title TEXT] [--desc TEXT] [--area ID] "
			       "..."),
		.needs = N_("the id of the item to change"),
		.hint = N_("put a text with spaces in quotes"),
		.opts = options, .check = check,
		.words_at = (const size_t[]){offsetof(struct args, id)},
		.children = children,
		.child_input_at =
			(const size_t[]){offsetof(struct args, fields)}},
	.input_size = sizeof(struct args),
	.doc = N_("Change the fields of item ID.  An empty value (\"\") clears "
		  "a field; the title cannot be cleared.  The change log "
		  "records the old and the new value.  --kind changes what "
		  "kind of item it is: it gets a new id of the new kind.")};
