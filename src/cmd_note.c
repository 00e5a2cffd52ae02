// SPDX-License-Identifier: GPL-3.0-or-later
/* styr note: a quote or observation from the mapping, kept on its item. */
#include "commands.h"
#include "item.h"
#include "reg.h"
#include "util.h"
#include "vocab.h"

struct args {
	const char *id, *text;
	const char *method, *date;
};

static const struct cli_option options[] = {
	{"method", 'm', N_("HOW"), offsetof(struct args, method),
	 N_("how it was gathered: interview, observation or document")},
	{"date", 'd', N_("DATE"), offsetof(struct args, date),
	 N_("when (YYYY-MM-DD; default: today)")},
	{0}};

static const struct cli_sub cmd = {
	.min = 2, .max = 2, .args_doc = N_("ID TEXT"),
	.needs = N_("an item's id and the text of the note"),
	.hint = N_("put the note in quotes"),
	.opts = options,
	.words_at = (const size_t[]){offsetof(struct args, id),
				     offsetof(struct args, text)},
	.doc =
	N_("Record a quote or an observation from the mapping on item ID, "
	   "with how it was gathered, who wrote it down (--by) and when.")};

int cmd_note(int argc, char **argv)
{
	struct args a = {0};
	const char *method = NULL;
	char date[11];
	struct reg r;
	xmlNodePtr item, e;
	int k, rc;

	cli_parse(&cmd, argc, argv, &a);
	if (check_text(_("note"), a.text) < 0)
		return EXIT_REFUSED;
	if (!*a.text) {
		error(_("the note is empty"));
		return EXIT_REFUSED;
	}
	if (a.method) {
		if ((k = vocab_parse(&vocab_method, a.method)) < 0)
			return EXIT_REFUSED;
		method = vocab_method.words[k].key;
	}
	if (a.date) {
		if (parse_past_date("--date", a.date, date) < 0)
			return EXIT_REFUSED;
	} else {
		today_iso(date);
	}
	rc = cli_status(reg_open_item(&r, REG_WRITE, a.id, &item));
	if (rc)
		goto out;
	item_add_note(&r, item, a.text, method, author(), date);
	if (method)
		e = reg_log(&r, "note", node_attr(item, "id"),
			    _("note (%s): %s"),
			    vocab_word(&vocab_method, method, msg_lang()),
			    a.text);
	else
		e = reg_log(&r, "note", node_attr(item, "id"), _("note: %s"),
			    a.text);
	node_set_attr(e, "happened", date); /* the day it happened */
	rc = cli_status(reg_save(&r));
	if (!rc)
		info(_("%s: note added"), node_attr(item, "id"));
out:
	reg_close(&r);
	return rc;
}
