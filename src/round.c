// SPDX-License-Identifier: GPL-3.0-or-later
/* A voting round at a workshop; see round.h. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "item.h"
#include "names.h"
#include "round.h"
#include "strmap.h"
#include "util.h"
#include "view.h"
#include "vocab.h"

enum { ROUND_MAX_MINUTES = 24 * 60 };

xmlNodePtr round_current(struct reg *r)
{
	xmlNodePtr m, rd, last = NULL;
	const char *when = "";

	for (m = node_first(r->meetings); m; m = node_after(m))
		for (rd = node_child(m, "round"); rd;
		     rd = node_next(rd, "round")) {
			const char *o = node_attr(rd, "opened");
			if (!strcmp(node_attr(rd, "state"), "open"))
				return rd;
			if (strcmp(o, when) >= 0) {
				when = o;
				last = rd;
			}
		}
	return last;
}

xmlNodePtr round_meeting(xmlNodePtr round)
{
	return round->parent;
}

bool round_taking_votes(xmlNodePtr round, const char *now)
{
	const char *ends = node_attr(round, "ends");

	return !strcmp(node_attr(round, "state"), "open") &&
	       (!ends || strcmp(now, ends) < 0);
}

const char *round_state(xmlNodePtr round, const char *now)
{
	if (round_taking_votes(round, now))
		return "open";
	return node_attr(round, "revealed") ? "revealed" : "closed";
}

bool round_shows_tally(xmlNodePtr round)
{
	return !node_attr(round, "hidden") || node_attr(round, "revealed");
}

bool round_anonymous(xmlNodePtr round)
{
	return !strcmp(node_attr(round, "voters"), "anonymous");
}

bool round_has_item(xmlNodePtr round, const char *id)
{
	xmlNodePtr s;

	for (s = node_child(round, "subject"); s; s = node_next(s, "subject"))
		if (!strcmp(node_attr(s, "ref"), id))
			return true;
	return false;
}

/* NOW plus MINUTES, as now_iso writes it. */
static void iso_after(const char *now, long minutes, char out[21])
{
	struct tm tm = {0};
	time_t t;

	strptime(now, "%Y-%m-%dT%H:%M:%SZ", &tm);
	t = timegm(&tm) + minutes * 60;
	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static long seconds_between(const char *from, const char *to)
{
	struct tm a = {0}, b = {0};

	strptime(from, "%Y-%m-%dT%H:%M:%SZ", &a);
	strptime(to, "%Y-%m-%dT%H:%M:%SZ", &b);
	return (long)(timegm(&b) - timegm(&a));
}

xmlNodePtr round_open(struct reg *r, const struct round_spec *s,
		      const char *now)
{
	xmlNodePtr cur = round_current(r), rd, it, last;
	const char *mid = node_attr(s->meeting, "id");
	struct strmap *seen = strmap_new(0);
	char ends[21], n[32];
	long number = 1, count = 0, votes;
	size_t i;

	if (cur && round_taking_votes(cur, now)) {
		error(s->web ? _("round %s of meeting %s is still open; close "
				 "it first with 'Close the round'")
			     : _("round %s of meeting %s is still open; close "
				 "it first with 'styr round close'"),
		      node_attr(cur, "number"),
		      node_attr(round_meeting(cur), "id"));
		goto refused;
	}
	if (s->minutes < 0 || s->minutes > ROUND_MAX_MINUTES) {
		error(s->web ? _("time limit: give from 1 to %d minutes")
			     : _("--minutes: give a time limit from 1 to %d "
				 "minutes"),
		      ROUND_MAX_MINUTES);
		goto refused;
	}
	for (last = node_child(s->meeting, "round"); last;
	     last = node_next(last, "round"))
		number = atol(node_attr(last, "number")) + 1;
	rd = node_new(r, "round", NULL);
	for (i = 0; i < s->nitems; i++) {
		it = reg_item(r, s->items[i]);
		if (!it) {
			node_remove(rd);
			goto refused;
		}
		if (strmap_add(seen, node_attr(it, "id"), it) < 0) {
			error(_("item %s is listed twice"),
			      node_attr(it, "id"));
			node_remove(rd);
			goto refused;
		}
	}
	for (it = node_first(r->items); it; it = node_after(it)) {
		xmlNodePtr sub;
		if (s->nitems && !strmap_get(seen, node_attr(it, "id")))
			continue;
		sub = node_new(r, "subject", NULL);
		node_set_attr(sub, "ref", node_attr(it, "id"));
		node_append(rd, sub);
		count++;
	}
	if (!count) {
		error(_("the register has no items to vote on yet"));
		node_remove(rd);
		goto refused;
	}
	votes = s->votes ? s->votes : count;
	if (votes < 1 || votes > count) {
		error(s->web ? _("votes per participant: give from 1 to %ld "
				 "(the round has %ld items)")
			     : _("--votes: give from 1 to %ld votes per "
				 "participant (the round has %ld items)"),
		      count, count);
		node_remove(rd);
		goto refused;
	}
	/* Closes a round whose time ran out, so that one is open. */
	if (cur && !strcmp(node_attr(cur, "state"), "open")) {
		node_set_attr(cur, "state", "closed");
		node_set_attr(cur, "closed", node_attr(cur, "ends"));
	}
	snprintf(n, sizeof n, "%ld", number);
	node_set_attr(rd, "number", n);
	node_set_attr(rd, "state", "open");
	snprintf(n, sizeof n, "%ld", votes);
	node_set_attr(rd, "votes", n);
	node_set_attr(rd, "voters", s->anonymous ? "anonymous" : "named");
	node_set_attr(rd, "hidden", s->hidden ? "yes" : NULL);
	node_set_attr(rd, "opened", now);
	if (s->minutes) {
		iso_after(now, s->minutes, ends);
		node_set_attr(rd, "ends", ends);
	}
	node_append(s->meeting, rd);
	reg_log(r, "round", mid,
		_("round %ld opened in meeting %s: %ld items, %ld votes per "
		  "participant, %s%s"),
		number, mid, count, votes,
		s->anonymous ? _("anonymous") : _("named"),
		s->hidden ? _(", result hidden until revealed") : "");
	strmap_free(seen);
	return rd;
refused:
	strmap_free(seen);
	return NULL;
}

int round_close(struct reg *r, xmlNodePtr round, const char *now)
{
	const char *mid = node_attr(round_meeting(round), "id");

	if (strcmp(node_attr(round, "state"), "open"))
		return error(_("round %s of meeting %s is closed already"),
			     node_attr(round, "number"), mid);
	node_set_attr(round, "closed",
		      round_taking_votes(round, now) ? now
						     : node_attr(round, "ends"));
	node_set_attr(round, "state", "closed");
	reg_log(r, "round", mid, _("round %s closed in meeting %s"),
		node_attr(round, "number"), mid);
	return 0;
}

int round_reveal(struct reg *r, xmlNodePtr round, const char *now)
{
	const char *mid = node_attr(round_meeting(round), "id");

	if (node_attr(round, "revealed"))
		return error(_("round %s of meeting %s is revealed already"),
			     node_attr(round, "number"), mid);
	if (!strcmp(node_attr(round, "state"), "open") &&
	    round_close(r, round, now) < 0)
		return -1;
	node_set_attr(round, "revealed", now);
	reg_log(r, "round", mid, _("round %s revealed in meeting %s"),
		node_attr(round, "number"), mid);
	return 0;
}

/* The register's items by id, made in one walk: a round may hold every
 * item, and reg_find_item would both search for each and count it as
 * changed (reg_save then checks it again). */
static struct strmap *item_index(struct reg *r)
{
	struct strmap *m = strmap_new(0);
	xmlNodePtr it;

	for (it = node_first(r->items); it; it = node_after(it))
		strmap_add(m, node_attr(it, "id"), it);
	return m;
}

/* Calls FN for each vote in ROUND's meeting on ROUND's items. */
static void each_vote(struct reg *r, xmlNodePtr round,
		      void (*fn)(struct reg *, xmlNodePtr, void *), void *ctx)
{
	const char *mid = node_attr(round_meeting(round), "id");
	struct strmap *index = item_index(r);
	xmlNodePtr s, it, v;

	for (s = node_child(round, "subject"); s; s = node_next(s, "subject")) {
		it = strmap_get(index, node_attr(s, "ref"));
		for (v = it ? node_child(it, "vote") : NULL; v;
		     v = node_next(v, "vote")) {
			const char *m = node_attr(v, "meeting");
			if (m && !strcmp(m, mid))
				fn(r, v, ctx);
		}
	}
	strmap_free(index);
}

struct used {
	const char *who, *ballot;
	long n;
};

/* Whether BY is a person's id (P3): what every vote styr records now
 * holds, and is its own identity (names.h) -- no Unicode work needed. */
static bool is_pid(const char *by)
{
	const char *p = by + 1;

	if (by[0] != 'P' || !*p)
		return false;
	for (; *p; p++)
		if (*p < '0' || *p > '9')
			return false;
	return true;
}

static void count_used(struct reg *r, xmlNodePtr v, void *ctx)
{
	struct used *u = ctx;
	const char *by = node_attr(v, "by"), *b = node_attr(v, "ballot");
	char *id;

	if (u->ballot) {
		u->n += b && !strcmp(b, u->ballot);
		return;
	}
	if (!by)
		return;
	if (is_pid(by)) {
		u->n += !strcmp(by, u->who);
		return;
	}
	id = who_identity(r->people, by);
	u->n += !strcmp(id, u->who);
	free(id);
}

long round_used(struct reg *r, xmlNodePtr round, const char *who,
		const char *ballot)
{
	struct used u = {who, ballot, 0};

	if (!who && !ballot)
		return 0;
	each_vote(r, round, count_used, &u);
	return u.n;
}

struct voters {
	struct strmap *seen;
	long n;
};

static void count_voter(struct reg *r, xmlNodePtr v, void *ctx)
{
	struct voters *c = ctx;
	const char *by = node_attr(v, "by"), *b = node_attr(v, "ballot");
	char *key;

	if (!by && !b)
		return; /* paper votes: no one in particular */
	key = by && is_pid(by) ? xstrdup(by)
	      : by		? who_identity(r->people, by)
				: xasprintf("ballot:%s", b);
	if (strmap_add(c->seen, key, v) == 0)
		c->n++;
	free(key);
}

long round_voters(struct reg *r, xmlNodePtr round)
{
	struct voters c = {strmap_new(0), 0};

	each_vote(r, round, count_voter, &c);
	strmap_free(c.seen);
	return c.n;
}

/* The caller's own vote on ITEM in meeting MID, or NULL. */
static xmlNodePtr own_vote(struct reg *r, xmlNodePtr item, const char *mid,
			   const char *who, const char *ballot)
{
	if (ballot)
		return item_find_ballot(item, ballot, mid);
	return who ? item_find_vote(r, item, who, mid) : NULL;
}

static struct val *item_view(struct arena *a, struct reg *r, xmlNodePtr it,
			     const char *mid, const char *lang, bool tally,
			     const char *who, const char *ballot)
{
	struct val *v = val_obj(a), *e = val_obj(a);
	const char *kind = node_attr(it, "kind");
	struct item_facts all, here;
	xmlNodePtr note = node_child(it, "note"), mine;
	int i;

	item_facts(it, NULL, reg_default_tariff(r), &all);
	val_set(a, v, "id", val_str(a, node_attr(it, "id")));
	val_set(a, v, "kind", val_str(a, kind));
	val_set(a, v, "kind_label",
		val_str(a, vocab_label(&vocab_kind, kind, lang)));
	val_set(a, v, "title", val_str(a, node_text(node_child(it, "title"))));
	for (i = 0; i < 3; i++)
		val_set(a, e, vocab_experience.words[i].key,
			val_int(a, all.exp[0][i]));
	val_set(a, v, "experience", e);
	val_set(a, v, "hours_per_year",
		all.has_burden ? val_num(a, all.hours_per_year) : val_null(a));
	val_set(a, v, "quote", note ? val_str(a, node_text(note)) : val_null(a));
	mine = own_vote(r, it, mid, who, ballot);
	if (who || ballot)
		val_set(a, v, "mine",
			mine ? val_str(a, node_attr(mine, "priority"))
			     : val_null(a));
	if (tally) {
		struct val *t = val_obj(a);
		item_facts(it, mid, 0, &here);
		for (i = 0; i < 3; i++)
			val_set(a, t, vocab_priority.words[i].key,
				val_int(a, here.votes[i]));
		val_set(a, t, "total",
			val_int(a, here.votes[0] + here.votes[1] +
					   here.votes[2]));
		val_set(a, t, "leading",
			here.leading >= 0
				? val_str(a, vocab_priority.words[here.leading].key)
			: here.leading == -2 ? val_str(a, "tie")
					     : val_null(a));
		val_set(a, v, "tally", t);
	}
	return v;
}

struct val *round_view(struct arena *a, struct reg *r, xmlNodePtr round,
		       const char *lang, bool tally, const char *who,
		       const char *ballot, const char *now)
{
	struct val *v = val_obj(a), *items = val_arr(a);
	xmlNodePtr m = round_meeting(round), s, it;
	const char *mid = node_attr(m, "id"), *ends = node_attr(round, "ends");
	struct strmap *index;
	long left;

	val_set(a, v, "meeting", val_str(a, mid));
	val_set(a, v, "meeting_title",
		val_str(a, node_text(node_child(m, "title"))));
	val_set(a, v, "number", val_int(a, atol(node_attr(round, "number"))));
	val_set(a, v, "state", val_str(a, round_state(round, now)));
	val_set(a, v, "voters", val_str(a, node_attr(round, "voters")));
	val_set(a, v, "votes", val_int(a, atol(node_attr(round, "votes"))));
	val_set(a, v, "hidden", val_bool(a, node_attr(round, "hidden")));
	val_set(a, v, "opened", val_str(a, node_attr(round, "opened")));
	val_set(a, v, "ends", val_str_or_null(a, ends));
	left = ends && round_taking_votes(round, now)
		       ? seconds_between(now, ends) : 0;
	val_set(a, v, "seconds_left",
		ends ? val_int(a, left > 0 ? left : 0) : val_null(a));
	val_set(a, v, "voted", val_int(a, round_voters(r, round)));
	if (who || ballot)
		val_set(a, v, "votes_left",
			val_int(a, atol(node_attr(round, "votes")) -
					   round_used(r, round, who, ballot)));
	val_set(a, v, "tally_shown", val_bool(a, tally));
	index = item_index(r);
	for (s = node_child(round, "subject"); s; s = node_next(s, "subject"))
		if ((it = strmap_get(index, node_attr(s, "ref"))))
			val_push(a, items, item_view(a, r, it, mid, lang, tally,
						     who, ballot));
	strmap_free(index);
	val_set(a, v, "items", items);
	return v;
}
