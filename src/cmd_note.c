// SPDX-License-Identifier: GPL-3.0-or-later
/* styr note: a quote or observation from the mapping, kept on its item;
 * note remove and note change put one right. */
#include <stdlib.h>

#include "commands.h"
#include "correct.h"
#include "item.h"
#include "reg.h"
#include "util.h"
#include "vocab.h"

enum action { REMOVE, CHANGE };

struct args {
	const char *id, *text, *number;
	const char *method, *date, *why;
};

static const struct cli_option options[] = {
	{"method", 'm', N_("HOW"), offsetof(struct args, method),
	 N_("how it was gathered: interview, observation or document")},
	{"date", 'd', N_("DATE"), offsetof(struct args, date),
	 N_("when (YYYY-MM-DD; default: today)")},
	{0}};

static const struct cli_option why_options[] = {
	CLI_WHY_CORRECTED(struct args, why), {0}};

/* Checks the text of a note; 0 or -1. */
static int check_note(const char *text)
{
	if (check_text(_("note"), text) < 0)
		return -1;
	if (!*text)
		return error(_("the note is empty"));
	return 0;
}

static int note_add(void *input)
{
	const struct args *a = input;
	const char *method = NULL;
	char date[11];
	struct reg r;
	xmlNodePtr item, e;
	int k, rc;

	if (check_note(a->text) < 0)
		return EXIT_REFUSED;
	if (a->method) {
		if ((k = vocab_parse(&vocab_method, a->method)) < 0)
			return EXIT_REFUSED;
		method = vocab_method.words[k].key;
	}
	if (parse_past_date("--date", a->date, date) < 0)
		return EXIT_REFUSED;
	rc = cli_status(reg_open_item(&r, REG_WRITE, a->id, &item));
	if (rc)
		goto out;
	item_add_note(&r, item, a->text, method, author(), date);
	if (method)
		e = reg_log(&r, "note", node_attr(item, "id"),
			    _("note (%s): %s"),
			    vocab_word(&vocab_method, method, msg_lang()),
			    a->text);
	else
		e = reg_log(&r, "note", node_attr(item, "id"), _("note: %s"),
			    a->text);
	node_set_attr(e, "happened", date); /* the day it happened */
	rc = cli_status(reg_save(&r));
	if (!rc)
		info(_("%s: note added"), node_attr(item, "id"));
out:
	reg_close(&r);
	return rc;
}

/* note remove ID N, note change ID N TEXT. */
static int note_fix(int action, void *input)
{
	const struct args *a = input;
	struct correction c = {.action = "note", .why = a->why};
	xmlNodePtr note;
	long n;
	int rc;

	if ((action == CHANGE && check_note(a->text) < 0) ||
	    correct_check_why(a->why) < 0)
		return EXIT_REFUSED;
	if ((rc = correct_open(&c, a->id)))
		return cli_status(rc);
	if (!(note = correct_part(c.item, "note", a->number, &n)))
		return cli_status(correct_cancel(&c));
	/* The log keeps what the note said, who wrote it and when. */
	c.was = correct_describe(&c.r, note);
	/* And the texts as data, which the merge reads (merge_notes.c). */
	c.before = xstrdup(node_text(note));
	if (action == REMOVE) {
		/* TRANSLATORS: in the change log: "note 2 removed: 'text'
		 * (interview, Anne Agent, 2026-03-01)" */
		c.what = xasprintf(_("note %ld removed: %s"), n, c.was);
		c.done = xasprintf(
			_("%s: note %ld removed; the change log keeps it"),
			c.ref, n);
		c.gone = note;
	} else {
		/* TRANSLATORS: in the change log: "note 2 changed: 'old
		 * text' (interview, ...) -> 'new text'" */
		c.what = xasprintf(_("note %ld changed: %s -> '%s'"), n, c.was,
				   a->text);
		c.done = xasprintf(_("%s: note %ld changed; the change log "
				     "keeps the earlier text"),
				   c.ref, n);
		c.after = xstrdup(a->text);
		correct_rename(note, a->text);
	}
	return cli_status(correct_commit(&c));
}

static const struct cli_sub subs[] = {
	{.run = note_add, .min = 2, .max = 2,
	 .args_doc = N_("ID TEXT"),
	 .needs = N_("an item's id and the text of the note"),
	 .hint = N_("put the note in quotes"),
	 .opts = options,
	 .words_at = (const size_t[]){offsetof(struct args, id),
				      offsetof(struct args, text)}},
	{.name = "remove", .shared = note_fix, .action = REMOVE, .min = 2,
	 .max = 2,
	 .args_doc = N_("ID N [--why TEXT]"),
	 .needs = N_("an item's id and the number of the note "
		     "('styr show ID' numbers them)"),
	 .opts = why_options,
	 .words_at = (const size_t[]){offsetof(struct args, id),
				      offsetof(struct args, number)},
	 .doc = N_("Remove a note; the log keeps it.\vRemove note N of item "
		   "ID, as 'styr show ID' numbers them.  The change log keeps "
		   "what it said, who wrote it and when.")},
	{.name = "change", .shared = note_fix, .action = CHANGE, .min = 3,
	 .max = 3,
	 .args_doc = N_("ID N TEXT [--why TEXT]"),
	 .needs = N_("an item's id, the number of the note and its new "
		     "text"),
	 .hint = N_("put the note in quotes"),
	 .opts = why_options,
	 .words_at = (const size_t[]){offsetof(struct args, id),
				      offsetof(struct args, number),
				      offsetof(struct args, text)},
	 .doc = N_("Change a note's text; the log keeps the old one.\vChange "
		   "the text of note N of item ID, as 'styr show ID' numbers "
		   "them; how, by whom and when it was gathered stay.  The "
		   "change log keeps the earlier text.")},
	{0}};

const struct cli_command cmd_note = {
	.subs = subs, .input_size = sizeof(struct args),
	.doc = N_("Record a quote or an observation from the mapping on item "
		  "ID, with how it was gathered, who wrote it down (--by) and "
		  "when.  'note remove' and 'note change' correct a note; the "
		  "change log keeps what it said.")};
