// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The JSON interface of styr serve (SPEC section 8) -- what the pages use
 * too: POST /api/join gives a participant a ballot for the round, GET
 * /api/round shows it with the caller's votes, POST /api/vote votes;
 * the projector reads GET /api/screen; the facilitator opens, closes and
 * reveals the round (POST /api/round/open, .../close, .../reveal), types
 * in paper ballots (POST /api/paper) and reads GET /api/workshop.
 *
 * A vote is saved to the register (reg_save, under the register's lock,
 * as `styr vote` saves it, through vote.h) before the reply says it was
 * counted.  While a round's result is hidden, no reply holds its tally.
 */
#include <stdlib.h>
#include <string.h>

#include "item.h"
#include "names.h"
#include "number.h"
#include "reg.h"
#include "round.h"
#include "serve_int.h"
#include "vocab.h"
#include "vote.h"

/* --- a flat JSON object --- */

static const char *skip_ws(const char *p, const char *end)
{
	while (p < end && strchr(" \t\r\n", *p))
		p++;
	return p;
}

static void put_utf8(struct strbuf *sb, unsigned long c)
{
	char b[4];
	size_t n;

	if (c < 0x80) {
		b[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		b[0] = (char)(0xC0 | c >> 6);
		b[1] = (char)(0x80 | (c & 0x3F));
		n = 2;
	} else if (c < 0x10000) {
		b[0] = (char)(0xE0 | c >> 12);
		b[1] = (char)(0x80 | (c >> 6 & 0x3F));
		b[2] = (char)(0x80 | (c & 0x3F));
		n = 3;
	} else {
		b[0] = (char)(0xF0 | c >> 18);
		b[1] = (char)(0x80 | (c >> 12 & 0x3F));
		b[2] = (char)(0x80 | (c >> 6 & 0x3F));
		b[3] = (char)(0x80 | (c & 0x3F));
		n = 4;
	}
	sb_add(sb, b, n);
}

static int hex4(const char *p, const char *end, unsigned long *out)
{
	int i;

	*out = 0;
	if (end - p < 4)
		return -1;
	for (i = 0; i < 4; i++) {
		char c = p[i];
		int d = c >= '0' && c <= '9'   ? c - '0'
			: c >= 'a' && c <= 'f' ? c - 'a' + 10
			: c >= 'A' && c <= 'F' ? c - 'A' + 10
					       : -1;
		if (d < 0)
			return -1;
		*out = *out << 4 | (unsigned long)d;
	}
	return 0;
}

/* A JSON string at P (after its quote) into SB; the end, or NULL. */
static const char *json_string(const char *p, const char *end,
			       struct strbuf *sb)
{
	unsigned long c, lo;

	while (p < end && *p != '"') {
		if ((unsigned char)*p < 0x20)
			return NULL;
		if (*p != '\\') {
			sb_add(sb, p++, 1);
			continue;
		}
		if (++p >= end)
			return NULL;
		switch (*p++) {
		case '"': sb_puts(sb, "\""); break;
		case '\\': sb_puts(sb, "\\"); break;
		case '/': sb_puts(sb, "/"); break;
		case 'b': sb_puts(sb, "\b"); break;
		case 'f': sb_puts(sb, "\f"); break;
		case 'n': sb_puts(sb, "\n"); break;
		case 'r': sb_puts(sb, "\r"); break;
		case 't': sb_puts(sb, "\t"); break;
		case 'u':
			if (hex4(p, end, &c) < 0)
				return NULL;
			p += 4;
			if (c >= 0xD800 && c < 0xDC00) {
				if (end - p < 6 || p[0] != '\\' || p[1] != 'u' ||
				    hex4(p + 2, end, &lo) < 0 || lo < 0xDC00 ||
				    lo > 0xDFFF)
					return NULL;
				p += 6;
				c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
			} else if (c >= 0xDC00 && c < 0xE000) {
				return NULL;
			}
			if (!c)
				return NULL;
			put_utf8(sb, c);
			break;
		default:
			return NULL;
		}
	}
	return p < end ? p + 1 : NULL;
}

int serve_json_fields(const char *body, size_t len, const char *const keys[],
		      char *out[])
{
	const char *p = body, *end = body + len;
	struct strbuf key = {0}, val = {0};
	int i, rc = -1;

	for (i = 0; keys[i]; i++)
		out[i] = NULL;
	p = skip_ws(p, end);
	if (p >= end || *p++ != '{')
		goto out;
	p = skip_ws(p, end);
	if (p < end && *p == '}') {
		p++;
		goto done;
	}
	for (;;) {
		key.len = val.len = 0;
		sb_add(&key, "", 0);
		sb_add(&val, "", 0);
		key.buf[0] = val.buf[0] = '\0';
		if (p >= end || *p++ != '"' || !(p = json_string(p, end, &key)))
			goto out;
		p = skip_ws(p, end);
		if (p >= end || *p++ != ':')
			goto out;
		p = skip_ws(p, end);
		if (p < end && *p == '"') {
			if (!(p = json_string(p + 1, end, &val)))
				goto out;
		} else {
			const char *s = p;
			while (p < end && (strchr("-+.eE", *p) ||
					   (*p >= '0' && *p <= '9') ||
					   (*p >= 'a' && *p <= 'z')))
				p++;
			if (p == s || (p - s > 5 && !(*s >= '0' && *s <= '9') &&
				       *s != '-'))
				goto out;
			sb_add(&val, s, (size_t)(p - s));
			if (!strcmp(val.buf, "null"))
				val.len = 0, val.buf[0] = '\0';
		}
		if (!utf8_valid(key.buf) || !utf8_valid(val.buf) ||
		    strlen(key.buf) != key.len || strlen(val.buf) != val.len)
			goto out;
		for (i = 0; keys[i]; i++)
			if (!strcmp(keys[i], key.buf) && !out[i] && val.len)
				out[i] = xstrdup(val.buf);
		p = skip_ws(p, end);
		if (p < end && *p == ',') {
			p = skip_ws(p + 1, end);
			continue;
		}
		if (p < end && *p == '}') {
			p++;
			break;
		}
		goto out;
	}
done:
	p = skip_ws(p, end);
	rc = p == end ? 0 : -1;
out:
	if (rc < 0)
		for (i = 0; keys[i]; i++) {
			free(out[i]);
			out[i] = NULL;
		}
	sb_free(&key);
	sb_free(&val);
	return rc;
}

/* --- ballots --- */

struct ballot *serve_find_ballot(struct server *s, const char *token)
{
	size_t i;

	for (i = 0; i < s->nballots; i++)
		if (!strcmp(s->ballots[i].token, token))
			return &s->ballots[i];
	return NULL;
}

void serve_ballots_free(struct server *s)
{
	size_t i;

	for (i = 0; i < s->nballots; i++) {
		free(s->ballots[i].round);
		free(s->ballots[i].stored);
		free(s->ballots[i].shown);
		free(s->ballots[i].anon);
	}
	free(s->ballots);
}

static char *round_key(xmlNodePtr rd)
{
	return xasprintf("%s#%s", node_attr(round_meeting(rd), "id"),
			 node_attr(rd, "number"));
}

/* The caller's ballot when it is for round RD, else NULL. */
static struct ballot *ballot_for(struct req *q, xmlNodePtr rd)
{
	char *key;
	bool same;

	if (!q->ballot || !rd)
		return NULL;
	key = round_key(rd);
	same = !strcmp(key, q->ballot->round);
	free(key);
	return same ? q->ballot : NULL;
}

/* The name of ballot B's voter (a ballot kept from an earlier run has
 * only the id). */
static const char *ballot_name(struct reg *r, struct ballot *b)
{
	xmlNodePtr p;

	if (b && b->stored && !b->shown) {
		p = person_find(r, b->stored);
		b->shown = xstrdup(p ? node_text(p) : b->stored);
	}
	return b ? b->shown : NULL;
}

/* The who_identity of ballot B, or NULL (anonymous); the caller frees. */
static char *ballot_who(struct reg *r, const struct ballot *b)
{
	return b && b->stored ? who_identity(r->people, b->stored) : NULL;
}

/* --- replies --- */

#define NEED(q, role, ret)                                                     \
	do {                                                                   \
		if (!((q)->roles & (role))) {                                  \
			*(ret) = serve_error((q), MHD_HTTP_FORBIDDEN,          \
					     _("this token does not allow "    \
					       "that"));                       \
			return 0;                                              \
		}                                                              \
	} while (0)

bool serve_is(struct req *q, const char *method, const char *url)
{
	return !strcmp(q->url, url) &&
	       (!strcmp(q->method, method) ||
		(!strcmp(method, "GET") && !strcmp(q->method, "HEAD")));
}

/* Opens the register; on failure queues 503 and returns -1. */
int serve_open_reg(struct req *q, struct reg *r, enum reg_mode mode,
		   enum MHD_Result *ret)
{
	serve_reg_lock(q->s);
	if (reg_open(r, mode) == 0)
		return 0;
	*ret = serve_error(q, MHD_HTTP_SERVICE_UNAVAILABLE, NULL);
	reg_close(r);
	serve_reg_unlock(q->s);
	return -1;
}

void serve_close_reg(struct req *q, struct reg *r)
{
	reg_close(r);
	serve_reg_unlock(q->s);
}

/* The round as the caller may see it: the tally for the projector and
 * the facilitator when the round shows it, for participants only once
 * revealed. */
struct val *serve_round_view(struct req *q, struct arena *a, struct reg *r,
			     xmlNodePtr rd, const char *now)
{
	struct ballot *b = ballot_for(q, rd);
	char *who = ballot_who(r, b);
	bool tally = (q->roles & (ROLE_SCREEN | ROLE_FAC))
			     ? round_shows_tally(rd)
			     : node_attr(rd, "revealed") != NULL;
	struct val *v = round_view(a, r, rd, q->lang, tally, who,
				   b ? b->anon : NULL, now);

	val_set(a, v, "joined", val_bool(a, b != NULL));
	val_set(a, v, "name",
		b && ballot_name(r, b)
			? val_str(a, arena_strdup(a, ballot_name(r, b)))
			: val_null(a));
	free(who);
	return v;
}

static void api_round(struct req *q, enum MHD_Result *ret)
{
	struct reg r;
	struct arena *a;
	xmlNodePtr rd;
	char now[21];

	if (serve_open_reg(q, &r, REG_READ, ret) < 0)
		return;
	now_iso(now);
	rd = round_current(&r);
	if (!rd) {
		*ret = serve_error(q, MHD_HTTP_NOT_FOUND,
				   _("no voting round yet"));
	} else {
		a = arena_new();
		*ret = serve_json(q, MHD_HTTP_OK, serve_round_view(q, a, &r, rd, now));
		arena_free(a);
	}
	serve_close_reg(q, &r);
}

static void api_screen(struct req *q, enum MHD_Result *ret)
{
	struct reg r;
	struct arena *a;
	struct val *v;
	xmlNodePtr rd;
	char now[21], *url;

	if (serve_open_reg(q, &r, REG_READ, ret) < 0)
		return;
	now_iso(now);
	a = arena_new();
	v = val_obj(a);
	url = arena_printf(a, "%s/vote?key=%s", q->s->base, q->s->token[0]);
	val_set(a, v, "participants", val_str(a, url));
	rd = round_current(&r);
	val_set(a, v, "round", rd ? serve_round_view(q, a, &r, rd, now) : val_null(a));
	*ret = serve_json(q, MHD_HTTP_OK, v);
	arena_free(a);
	serve_close_reg(q, &r);
}

static void api_join(struct req *q, enum MHD_Result *ret)
{
	static const char *const keys[] = {"name", NULL};
	char *f[1], now[21], *cookie;
	const char *stored = NULL, *shown = NULL;
	char *tidy = NULL;
	struct ballot *b;
	struct reg r;
	struct arena *a;
	struct val *v;
	xmlNodePtr rd;

	if (serve_json_fields(q->body.buf ? q->body.buf : "", q->body.len,
			      keys, f) < 0) {
		*ret = serve_error(q, MHD_HTTP_BAD_REQUEST,
				   _("the request is not a JSON object"));
		return;
	}
	if (serve_open_reg(q, &r, REG_READ, ret) < 0)
		goto out;
	now_iso(now);
	rd = round_current(&r);
	if (!rd || !round_taking_votes(rd, now)) {
		*ret = serve_error(q, MHD_HTTP_CONFLICT,
				   _("no round is open for voting"));
		goto close;
	}
	if (!round_anonymous(rd)) {
		if (!f[0] || check_text(_("name"), f[0]) < 0 ||
		    vote_voter(&r, f[0], false, true, &stored, &shown, &tidy) < 0) {
			*ret = serve_error(q, MHD_HTTP_UNPROCESSABLE_CONTENT,
					   f[0] ? NULL
						: _("this round is named: say "
						    "who you are with "
						    "{\"name\": ...}"));
			goto close;
		}
	}
	b = serve_new_ballot(q->s);
	serve_token(b->token);
	b->round = round_key(rd);
	if (stored) {
		b->stored = xstrdup(stored);
		b->shown = xstrdup(shown);
	} else {
		char id[TOKEN_LEN + 1];
		serve_token(id);
		id[12] = '\0';
		b->anon = xstrdup(id);
	}
	serve_state_save(q->s);
	a = arena_new();
	v = val_obj(a);
	val_set(a, v, "ballot", val_str(a, b->token));
	val_set(a, v, "name", val_str_or_null(a, b->shown));
	val_set(a, v, "meeting", val_str(a, node_attr(round_meeting(rd), "id")));
	val_set(a, v, "round", val_int(a, atol(node_attr(rd, "number"))));
	/* The browser keeps the ballot as a cookie as well. */
	q->set_cookie = cookie = xasprintf("styr_b=%s; Path=/; HttpOnly; "
					   "SameSite=Strict",
					   b->token);
	*ret = serve_json(q, MHD_HTTP_OK, v);
	free(cookie);
	arena_free(a);
close:
	serve_close_reg(q, &r);
	free(tidy);
out:
	free(f[0]);
}

/* The vote is checked here as far as it can be without the register,
 * then queued for the committer (serve_commit.c), which answers it once
 * it is saved. */
static void api_vote(struct req *q, enum MHD_Result *ret)
{
	static const char *const keys[] = {"item", "priority", NULL};
	char *f[2];
	int p;

	if (serve_json_fields(q->body.buf ? q->body.buf : "", q->body.len,
			      keys, f) < 0) {
		*ret = serve_error(q, MHD_HTTP_BAD_REQUEST,
				   _("the request is not a JSON object"));
		return;
	}
	if (!q->ballot) {
		*ret = serve_error(q, MHD_HTTP_FORBIDDEN,
				   _("join the round first (POST /api/join) "
				     "and vote with your ballot"));
		goto out;
	}
	if (!f[0] || !f[1]) {
		*ret = serve_error(q, MHD_HTTP_BAD_REQUEST,
				   _("say which item and which priority: "
				     "{\"item\": \"D3\", \"priority\": "
				     "\"remove\"}"));
		goto out;
	}
	if ((p = vocab_parse(&vocab_priority, f[1])) < 0) {
		*ret = serve_error(q, MHD_HTTP_UNPROCESSABLE_CONTENT, NULL);
		goto out;
	}
	serve_vote_enqueue(q, f[0], vocab_priority.words[p].key);
	*ret = MHD_YES;
out:
	free(f[0]);
	free(f[1]);
}

int serve_api(struct req *q, enum MHD_Result *ret)
{
	if (strncmp(q->url, "/api/", 5))
		return -1;
	if (serve_is(q, "GET", "/api/round")) {
		api_round(q, ret);
	} else if (serve_is(q, "GET", "/api/screen")) {
		NEED(q, ROLE_SCREEN, ret);
		api_screen(q, ret);
	} else if (serve_is(q, "POST", "/api/join")) {
		NEED(q, ROLE_PART, ret);
		api_join(q, ret);
	} else if (serve_is(q, "POST", "/api/vote")) {
		NEED(q, ROLE_PART, ret);
		api_vote(q, ret);
	} else if (serve_facilitator(q, ret) < 0) {
		static const char *const posts[] = {
			"/api/join", "/api/vote", "/api/round/open",
			"/api/round/close", "/api/round/reveal", "/api/paper",
			"/api/propose", NULL};
		int i;
		for (i = 0; posts[i] && strcmp(posts[i], q->url); i++)
			;
		if (posts[i] && strcmp(q->method, "POST"))
			*ret = serve_error(q, MHD_HTTP_METHOD_NOT_ALLOWED,
					   _("changes are made with POST "
					     "only"));
		else
			*ret = serve_error(q, MHD_HTTP_NOT_FOUND,
					   _("no such address"));
	}
	return 0;
}
