// SPDX-License-Identifier: GPL-3.0-or-later
/* styr add: a new goal, rule or documentation demand. */
#include "commands.h"
#include "item.h"
#include "reg.h"
#include "util.h"
#include "vocab.h"

struct args {
	const char *kind, *title;
	struct item_fields fields;
};

static const struct argp_child children[] = {
	{&item_fields_argp, 0, NULL, 0}, {&common_argp, 0, N_("Common options:"), -1}, {0}};

static int run(void *input)
{
	struct args *a = input;
	struct reg r;
	const char *kind;
	xmlNodePtr item;
	int rc;

	/* "styr add Statusnotat dokumentation": the words swapped. */
	if (vocab_find(&vocab_kind, a->kind) < 0 &&
	    vocab_find(&vocab_kind, a->title) >= 0) {
		error(_("'%s' is not a kind, but '%s' is: the kind comes first "
			"(styr add %s \"%s\")"),
		      a->kind, a->title, a->title, a->kind);
		return EXIT_REFUSED;
	}
	kind = item_check_new(a->kind, a->title);
	if (!kind)
		return EXIT_REFUSED;
	rc = cli_status(reg_open(&r, REG_WRITE));
	if (rc)
		goto out;
	item = reg_new_item(&r, kind, a->title);
	if (item_fields_apply(&r, item, &a->fields, NULL) < 0) {
		rc = EXIT_REFUSED;
		goto out;
	}
	reg_log(&r, "add", node_attr(item, "id"), _("added %s '%s'"),
		vocab_word(&vocab_kind, kind, msg_lang()), a->title);
	rc = cli_status(reg_save(&r));
	if (!rc)
		printf("%s\n", node_attr(item, "id"));
out:
	reg_close(&r);
	return rc;
}

const struct cli_command cmd_add = {
	.one = {.run = run, .min = 2, .max = 2, .args_doc = N_("KIND TITLE"),
		.needs = N_("a kind (goal, rule, doc) and a title"),
		.hint = N_("put a title with spaces in quotes"),
		.words_at = (const size_t[]){offsetof(struct args, kind),
					     offsetof(struct args, title)},
		.children = children,
		.child_input_at =
			(const size_t[]){offsetof(struct args, fields)}},
	.input_size = sizeof(struct args),
	.doc = N_("Add a governance item.  KIND is goal (mål), rule (regel) or "
		  "doc (dokumentation).  Prints the new item's id.")};
