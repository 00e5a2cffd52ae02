// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The facilitator's actions in styr serve: what the workshop looks like
 * (GET /api/workshop), opening, closing and revealing the round (POST
 * /api/round/open, /api/round/close, /api/round/reveal, as `styr round`
 * does) and paper ballots typed in (POST /api/paper, as `styr vote
 * --count` does).  Only the facilitator's token reaches these.
 */
#include <stdlib.h>
#include <string.h>

#include "item.h"
#include "number.h"
#include "principles.h"
#include "round.h"
#include "serve_int.h"
#include "vocab.h"
#include "vote.h"

static bool yes(const char *v)
{
	return v && (!strcmp(v, "true") || !strcmp(v, "1") ||
		     !strcmp(v, "yes"));
}

static void workshop(struct req *q, enum MHD_Result *ret)
{
	struct reg r;
	struct arena *a;
	struct val *v, *items, *ws;
	xmlNodePtr rd, n;
	char now[21];

	if (serve_open_reg(q, &r, REG_READ, ret) < 0)
		return;
	now_iso(now);
	a = arena_new();
	v = val_obj(a);
	items = val_arr(a);
	ws = val_arr(a);
	val_set(a, v, "participants",
		val_str(a, arena_printf(a, "%s/vote?key=%s", q->s->base,
					q->s->token[0])));
	rd = round_current(&r);
	val_set(a, v, "round",
		rd ? serve_round_view(q, a, &r, rd, now) : val_null(a));
	for (n = node_first(r.items); n; n = node_after(n)) {
		struct val *it = val_obj(a);
		val_set(a, it, "id", val_str(a, node_attr(n, "id")));
		val_set(a, it, "title",
			val_str(a, node_text(node_child(n, "title"))));
		val_set(a, it, "kind_label",
			val_str(a, vocab_label(&vocab_kind,
					       node_attr(n, "kind"), q->lang)));
		val_push(a, items, it);
	}
	val_set(a, v, "items", items);
	for (n = node_first(r.meetings); n; n = node_after(n)) {
		struct val *m;
		if (strcmp(node_attr(n, "kind"), "workshop"))
			continue;
		m = val_obj(a);
		val_set(a, m, "id", val_str(a, node_attr(n, "id")));
		val_set(a, m, "title",
			val_str(a, node_text(node_child(n, "title"))));
		val_set(a, m, "date", val_str(a, node_attr(n, "date")));
		val_push(a, ws, m);
	}
	val_set(a, v, "workshops", ws);
	*ret = serve_json(q, MHD_HTTP_OK, v);
	arena_free(a);
	serve_close_reg(q, &r);
}

enum change { OPEN, CLOSE, REVEAL, PAPER, PROPOSE };

/* The workshop's proposal on an item, as `styr prioritise` records it. */
static int propose(struct reg *r, char **f)
{
	const char *key, *why = f[2] ? f[2] : "", *lang = msg_lang();
	char date[11], *was;
	xmlNodePtr item, e;
	int p;

	if (!f[0] || !f[1])
		return error(_("give the item and the priority proposed"));
	if ((p = vocab_parse(&vocab_priority, f[1])) < 0 ||
	    !(item = reg_item(r, f[0])))
		return -1;
	key = vocab_priority.words[p].key;
	today_iso(date);
	principle_law_remove(item, key, _("the proposal is recorded"));
	was = item_set_stamp(r, item, "priority", key, why, date, author());
	if (*why)
		e = reg_log(r, "prioritise", node_attr(item, "id"),
			    _("%s: %s -> %s; why: %s"), _("proposal"),
			    was ? vocab_label(&vocab_priority, was, lang)
				: _("none"),
			    vocab_label(&vocab_priority, key, lang), why);
	else
		e = reg_log(r, "prioritise", node_attr(item, "id"),
			    _("%s: %s -> %s"), _("proposal"),
			    was ? vocab_label(&vocab_priority, was, lang)
				: _("none"),
			    vocab_label(&vocab_priority, key, lang));
	node_set_attr(e, "happened", date);
	free(was);
	return 0;
}

/* Makes the change; 0, or -1 after error() (the reply says why). */
static int apply(struct reg *r, enum change what, char **f, const char *now)
{
	struct round_spec s = {0};
	struct vote_cast c = {0};
	xmlNodePtr rd = round_current(r), item;
	char *list = NULL, *tok, *save = NULL, date[11], *was = NULL;
	const char **ids = NULL;
	int rc = -1, p;

	switch (what) {
	case OPEN:
		if ((f[2] && parse_count(_("votes"), f[2], 100000, &s.votes) < 0) ||
		    (f[3] && parse_count(_("minutes"), f[3], 100000,
					 &s.minutes) < 0))
			return -1;
		if (!(s.meeting = vote_meeting(r, f[0])))
			return -1;
		if (f[1]) {
			list = xstrdup(f[1]);
			ids = xcalloc(strlen(list) + 1, sizeof *ids);
			for (tok = strtok_r(list, ", \t", &save); tok;
			     tok = strtok_r(NULL, ", \t", &save))
				ids[s.nitems++] = tok;
		}
		s.items = ids;
		s.anonymous = yes(f[4]);
		s.hidden = yes(f[5]);
		s.web = true;
		rc = round_open(r, &s, now) ? 0 : -1;
		free(ids);
		free(list);
		return rc;
	case CLOSE:
	case REVEAL:
		if (!rd)
			return error(_("there is no voting round"));
		return what == CLOSE ? round_close(r, rd, now)
				     : round_reveal(r, rd, now);
	case PROPOSE:
		return propose(r, f);
	case PAPER:
		if (!rd)
			return error(_("there is no voting round"));
		if (!f[0] || !f[1] || !f[2])
			return error(_("give the item, the priority and the "
				       "number of paper votes"));
		if ((p = vocab_parse(&vocab_priority, f[1])) < 0 ||
		    parse_count(_("count"), f[2], 100000, &c.count) < 0)
			return -1;
		if (c.count < 1)
			return error(_("count: give at least one vote"));
		if (!round_has_item(rd, f[0]) || !(item = reg_item(r, f[0])))
			return error(_("item %s is not in this round"), f[0]);
		today_iso(date);
		c.priority = vocab_priority.words[p].key;
		c.meeting = node_attr(round_meeting(rd), "id");
		c.date = date;
		vote_record(r, item, &c, &was);
		free(was);
		return 0;
	}
	return -1;
}

static void change(struct req *q, enum change what, enum MHD_Result *ret)
{
	static const char *const keys[] = {"meeting", "items", "votes",
					   "minutes", "anonymous", "hidden",
					   NULL};
	static const char *const paper[] = {"item", "priority", "count",
					    NULL};
	static const char *const proposal[] = {"item", "priority", "reason",
					       NULL};
	const char *const *names = what == PAPER     ? paper
				   : what == PROPOSE ? proposal
						     : keys;
	char *f[6] = {0}, now[21];
	struct reg r;
	struct arena *a;
	xmlNodePtr rd;
	int i;

	if (serve_json_fields(q->body.buf ? q->body.buf : "", q->body.len,
			      names, f) < 0) {
		*ret = serve_error(q, MHD_HTTP_BAD_REQUEST,
				   _("the request is not a JSON object"));
		return;
	}
	for (i = 0; i < 6; i++)
		if (f[i] && check_text(names[i], f[i]) < 0) {
			*ret = serve_error(q, MHD_HTTP_BAD_REQUEST, NULL);
			goto out;
		}
	if (serve_open_reg(q, &r, REG_WRITE, ret) < 0)
		goto out;
	now_iso(now);
	if (apply(&r, what, f, now) < 0) {
		*ret = serve_error(q, MHD_HTTP_CONFLICT, NULL);
	} else if (reg_save(&r) < 0) {
		*ret = serve_error(q, MHD_HTTP_SERVICE_UNAVAILABLE, NULL);
	} else {
		a = arena_new();
		rd = round_current(&r);
		*ret = serve_json(q, MHD_HTTP_OK,
				  rd ? serve_round_view(q, a, &r, rd, now)
				     : val_null(a));
		arena_free(a);
	}
	serve_close_reg(q, &r);
out:
	for (i = 0; i < 6; i++)
		free(f[i]);
}

int serve_facilitator(struct req *q, enum MHD_Result *ret)
{
	static const struct {
		const char *url;
		enum change what;
	} posts[] = {{"/api/round/open", OPEN},
		     {"/api/round/close", CLOSE},
		     {"/api/round/reveal", REVEAL},
		     {"/api/paper", PAPER},
		     {"/api/propose", PROPOSE}};
	size_t i;

	if (serve_is(q, "GET", "/api/workshop")) {
		if (!(q->roles & ROLE_FAC))
			*ret = serve_error(q, MHD_HTTP_FORBIDDEN,
					   _("this token does not allow "
					     "that"));
		else
			workshop(q, ret);
		return 0;
	}
	for (i = 0; i < sizeof posts / sizeof *posts; i++) {
		if (!serve_is(q, "POST", posts[i].url))
			continue;
		if (!(q->roles & ROLE_FAC))
			*ret = serve_error(q, MHD_HTTP_FORBIDDEN,
					   _("this token does not allow "
					     "that"));
		else
			change(q, posts[i].what, ret);
		return 0;
	}
	return -1;
}
