// SPDX-License-Identifier: GPL-3.0-or-later
/* What `prioritise` and `decide` share; see stamp.h. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "correct.h"
#include "item.h"
#include "stamp.h"

enum action { SET, CLEAR };

struct args {
	const struct stamp_kind *kind;
	const char *id, *value;
	const char *why;  /* reason, NULL when not given */
	const char *date; /* --date, NULL for today */
};

static const struct cli_option options[] = {
	{"why", 'w', N_("TEXT"), offsetof(struct args, why),
	 N_("the reason, for the record")},
	{"date", 'd', N_("DATE"), offsetof(struct args, date),
	 N_("when it was decided (YYYY-MM-DD; default: today)")},
	{0}};

/* "remove (2017-11-08, Workshop): reason": the judgement STAMP was,
 * for the log. */
static char *stamp_describe(const struct stamp_kind *k, xmlNodePtr stamp)
{
	struct strbuf sb = {0};
	const char *reason = node_text(stamp);

	sb_printf(&sb, "%s (%s, %s)",
		  vocab_word(k->vocab, node_attr(stamp, "value"), msg_lang()),
		  node_attr(stamp, "date"), node_attr(stamp, "by"));
	if (*reason)
		sb_printf(&sb, ": %s", reason);
	return sb_steal(&sb);
}

/* The work itself, as a module does it: 0, or after printing -1 or (for
 * the register) what reg_open returned; stamp_main makes the exit
 * status. */
static int stamp_run(const struct stamp_kind *k, const struct args *o)
{
	const char *key, *why = o->why ? o->why : "", *id = o->id;
	const char *lang, *old_label, *new_label;
	char date[11], *was = NULL;
	struct reg r;
	xmlNodePtr item, e, same;
	int v, rc;

	/* Everything the user typed is checked before the register is. */
	if (!strcmp(o->value, "clear"))
		/* The verb comes first: styr decide clear ID. */
		return error(_("to clear it: styr %s clear %s"), k->action,
			     o->id);
	v = vocab_parse(k->vocab, o->value);
	if (v < 0)
		return -1;
	key = k->vocab->words[v].key;
	if (check_text(_("reason"), why) < 0)
		return -1;
	if (parse_past_date("--date", o->date, date) < 0)
		return -1;
	rc = reg_open_item(&r, REG_WRITE, id, &item);
	if (rc)
		goto out;
	id = node_attr(item, "id");
	/* The same judgement typed again (a secretary confirming it) keeps
	 * the recorded one: its reason, day and who are not wiped.  A
	 * --why or --date that differs corrects it as a new judgement. */
	if ((same = node_child(item, k->element)) &&
	    !strcmp(node_attr(same, "value"), key) &&
	    (!o->why || !strcmp(o->why, node_text(same))) &&
	    (!o->date || !strcmp(date, node_attr(same, "date")))) {
		was = stamp_describe(k, same);
		info(_("%s: the same %s as before, %s; nothing changed"), id,
		     _(k->noun), was);
		goto out;
	}
	if (k->remind)
		k->remind(&r, item, key);
	was = item_set_stamp(&r, item, k->element, key, why, date, author());
	/* The log keeps every earlier judgement and its reason: the
	 * decision log (aktindsigt) is read from it.  Like minutes, it is
	 * written in the language of the one who decides. */
	lang = msg_lang();
	old_label = was ? vocab_label(k->vocab, was, lang) : _("none");
	new_label = vocab_label(k->vocab, key, lang);
	if (*why)
		e = reg_log(&r, k->action, id, _("%s: %s -> %s; why: %s"),
			    _(k->noun), old_label, new_label, why);
	else
		e = reg_log(&r, k->action, id, _("%s: %s -> %s"),
			    _(k->noun), old_label, new_label);
	/* The day it was decided, beside the time it was typed in. */
	node_set_attr(e, "happened", date);
	rc = reg_save(&r);
	if (!rc)
		info(_("%s: %s: %s -> %s"), id, _(k->noun), old_label,
		     new_label);
out:
	free(was);
	reg_close(&r);
	return rc;
}

/* prioritise clear ID, decide clear ID. */
static int stamp_clear(const struct stamp_kind *k, const struct args *o)
{
	struct correction c = {.action = k->action, .why = o->why};
	xmlNodePtr stamp;
	int rc;

	if (correct_check_why(o->why) < 0)
		return -1;
	if ((rc = correct_open(&c, o->id)))
		return rc;
	if (!(stamp = node_child(c.item, k->element))) {
		error(_(k->nothing_to_clear), c.ref);
		return correct_cancel(&c);
	}
	if (k->clear_remind)
		k->clear_remind(c.item);
	/* The log keeps the judgement: value, date, who and reason; the
	 * decision log (beslutninger) shows the clearing. */
	c.was = stamp_describe(k, stamp);
	/* TRANSLATORS: "proposal cleared: remove (2017-11-08, Workshop):
	 * reason" */
	c.what = xasprintf(_("%s cleared: %s"), _(k->noun), c.was);
	c.done = xasprintf(_("%s: %s cleared (%s); the change log keeps it"),
			   c.ref, _(k->noun), c.was);
	c.gone = stamp;
	return correct_commit(&c);
}

static int run(int action, void *input)
{
	const struct args *a = input;

	if (action == CLEAR)
		return cli_status(stamp_clear(a->kind, a));
	return cli_status(stamp_run(a->kind, a));
}

static const struct cli_option clear_options[] = {
	CLI_WHY_CLEARED(struct args, why), {0}};

int stamp_main(const void *kind, int argc, char **argv)
{
	const struct stamp_kind *k = kind;
	const struct cli_sub subs[] = {
		{.shared = run,
		 .action = SET,
		 .min = 2,
		 .max = 2,
		 .args_doc = k->args_doc,
		 .needs = k->needs,
		 .hint = N_("put a reason with spaces in quotes after --why"),
		 .opts = options,
		 .words_at = (const size_t[]){offsetof(struct args, id),
					      offsetof(struct args, value)}},
		{.name = "clear",
		 .shared = run,
		 .action = CLEAR,
		 .min = 1,
		 .max = 1,
		 .args_doc = N_("ID [--why TEXT]"),
		 .needs = N_("the item's id"),
		 .hint = N_("put a reason with spaces in quotes after --why"),
		 .opts = clear_options,
		 .words_at = (const size_t[]){offsetof(struct args, id)},
		 .doc = k->clear_doc},
		{0}};
	struct args a = {0};

	a.kind = k;
	return cli_dispatch(subs, k->doc, argc, argv, &a);
}
