// SPDX-License-Identifier: GPL-3.0-or-later
/* The model's principles and the stamped judgements on an item; see
 * principles.h. */
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>

#include "principles.h"

void principle_law_remove(xmlNodePtr item, const char *priority,
			  const char *what)
{
	const char *origin = node_attr(item, "origin");

	if (strcmp(priority, "remove") || !origin || strcmp(origin, "law"))
		return;
	warning(_("%s is a legal demand (origin law) and cannot simply be "
		  "removed; consider 'change' instead, to meet the law in a "
		  "way that supports the core task (%s)"),
		node_attr(item, "id"), what);
}

long principle_small_steps_limit(struct reg *r)
{
	const char *s = node_attr(r->model, "small-steps");
	long n = s ? strtol(s, NULL, 10) : 1;

	return n > 0 ? n : 1;
}

static bool is_selected(xmlNodePtr item)
{
	const char *v = node_attr(node_child(item, "decision"), "value");

	return v && !strcmp(v, "selected");
}

long principle_selected_areas(struct reg *r, xmlNodePtr item,
			      struct strbuf *names)
{
	/* A hash keeps this linear in the register, whatever its size. */
	xmlHashTablePtr seen = xmlHashCreate(0);
	bool no_area = false;
	long count = 0;
	xmlNodePtr n;

	if (!seen)
		die(_("out of memory"));
	for (n = node_first(r->items); n; n = node_after(n)) {
		const char *area;
		if (n != item && !is_selected(n))
			continue;
		area = node_attr(n, "area");
		if (!area) {
			if (no_area)
				continue;
			no_area = true;
		} else if (xmlHashAddEntry(seen, BAD_CAST area, n) < 0) {
			continue; /* seen before */
		}
		if (names) {
			if (count)
				sb_puts(names, ", ");
			sb_puts(names, area ? node_text(reg_area(r, area))
					    : _("no area"));
		}
		count++;
	}
	xmlHashFree(seen, NULL);
	return count;
}

void principle_small_steps(struct reg *r, xmlNodePtr item)
{
	long limit = principle_small_steps_limit(r), n;
	struct strbuf names = {0};

	n = principle_selected_areas(r, item, &names);
	if (n > limit) {
		if (limit == 1)
			warning(ngettext("the steering group is selecting "
					 "focus in %ld review area at once "
					 "(%s); the model recommends small "
					 "steps: one area at a time",
					 "the steering group is selecting "
					 "focus in %ld review areas at once "
					 "(%s); the model recommends small "
					 "steps: one area at a time",
					 (unsigned long)n),
				n, names.buf);
		else
			warning(ngettext("the steering group is selecting "
					 "focus in %ld review area at once "
					 "(%s); the model recommends small "
					 "steps: at most %ld areas at a time",
					 "the steering group is selecting "
					 "focus in %ld review areas at once "
					 "(%s); the model recommends small "
					 "steps: at most %ld areas at a time",
					 (unsigned long)n),
				n, names.buf, limit);
	}
	sb_free(&names);
}

int principle_criteria_first(const char *id, const char *status,
			     const char *criteria)
{
	if (strcmp(status, "implemented") || (criteria && *criteria))
		return 0;
	return error(_("%s: the solution cannot be marked implemented "
		       "before its evaluation criteria are agreed (what to "
		       "evaluate, how and when), as the model requires; "
		       "record them with --criteria TEXT"),
		     id);
}

void principle_try_first(const char *id, const char *old_status)
{
	if (old_status && strcmp(old_status, "idea"))
		return;
	warning(_("%s: the solution goes to implemented without a prototype "
		  "or pilot; the model recommends trying it out in small "
		  "pilots first, to find its teething troubles"),
		id);
}

/* --- prioritise and decide --- */

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
	xmlNodePtr item, old, n;
	int v, rc;

	/* Everything the user typed is checked before the register is. */
	v = vocab_parse(k->vocab, value);
	if (v < 0)
		return EXIT_REFUSED;
	key = k->vocab->words[v].key;
	if (check_text(_("reason"), why) < 0)
		return EXIT_REFUSED;
	if (o->date) {
		if (parse_date(_("date"), o->date, date) < 0)
			return EXIT_REFUSED;
	} else {
		today_iso(date);
	}
	rc = reg_open(&r, REG_WRITE);
	if (rc)
		goto out;
	item = reg_item(&r, id);
	if (!item) {
		rc = EXIT_REFUSED;
		goto out;
	}
	id = node_attr(item, "id");
	if (k->remind)
		k->remind(&r, item, key);
	old = node_child(item, k->element);
	if (old) {
		was = xstrdup(node_attr(old, "value"));
		xmlUnlinkNode(old);
		xmlFreeNode(old);
	}
	n = node_new(&r, k->element, why);
	node_set_attr(n, "value", key);
	node_set_attr(n, "date", date);
	node_set_attr(n, "by", author());
	node_insert(item, n, item_order);
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
