// SPDX-License-Identifier: GPL-3.0-or-later
/* What `prioritise` and `decide` share; see stamp.h. */
#include <stdlib.h>

#include "item.h"
#include "stamp.h"

enum { OPT_WHY = 'w', OPT_DATE = 'd' };

static const struct argp_option stamp_options[] = {
	{"why", OPT_WHY, N_("TEXT"), 0, N_("the reason, for the record"), 0},
	{"date", OPT_DATE, N_("DATE"), 0,
	 N_("when it was decided (YYYY-MM-DD; default: today)"), 0},
	{0}};

static error_t parse_stamp(int key, char *arg, struct argp_state *state)
{
	struct stamp_opts *o = state->input;

	switch (key) {
	case OPT_WHY:
		o->why = arg;
		break;
	case OPT_DATE:
		o->date = arg;
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

const struct argp stamp_argp = {stamp_options, parse_stamp, NULL, NULL,
				NULL, NULL, NULL};

int stamp_run(const struct stamp_kind *k, const char *id, const char *value,
	      const struct stamp_opts *o)
{
	const char *key, *why = o->why ? o->why : "";
	const char *lang, *old_label, *new_label;
	char date[11], *was = NULL;
	struct reg r;
	xmlNodePtr item;
	int v, rc;

	/* Everything the user typed is checked before the register is. */
	v = vocab_parse(k->vocab, value);
	if (v < 0)
		return -1;
	key = k->vocab->words[v].key;
	if (check_text(_("reason"), why) < 0)
		return -1;
	if (o->date) {
		if (parse_date(_("date"), o->date, date) < 0)
			return -1;
	} else {
		today_iso(date);
	}
	rc = reg_open(&r, REG_WRITE);
	if (rc)
		goto out;
	item = reg_item(&r, id);
	if (!item) {
		rc = -1;
		goto out;
	}
	id = node_attr(item, "id");
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
		reg_log(&r, k->action, id, _("%s: %s -> %s; why: %s"),
			_(k->noun), old_label, new_label, why);
	else
		reg_log(&r, k->action, id, _("%s: %s -> %s"), _(k->noun),
			old_label, new_label);
	rc = reg_save(&r);
	if (!rc)
		info(_("%s: %s: %s -> %s"), id, _(k->noun), old_label,
		     new_label);
out:
	free(was);
	reg_close(&r);
	return rc;
}
