/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Private to serve*.c: the server's state and one request as the
 * modules share them.  Every request is handled on the one thread
 * libmicrohttpd polls on, so nothing here needs a lock; the register
 * is opened, changed and saved within one request, under its own lock,
 * so that the CLI can work on it at the same time.
 */
#ifndef STYR_SERVE_INT_H
#define STYR_SERVE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <pthread.h>
#include <time.h>
#include <microhttpd.h>

#include "reg.h"
#include "serve.h"
#include "util.h"
#include "value.h"

/* What a token lets its holder do.  The facilitator's token is all. */
enum role {
	ROLE_PART = 1,   /* participants: join, vote, status */
	ROLE_SCREEN = 2, /* the projector: view, status */
	ROLE_FAC = 4,    /* the facilitator: everything */
};

#define TOKEN_LEN 32 /* hex digits: 128 random bits */

/* A participant's personal token for one round (POST /api/join). */
struct ballot {
	char token[TOKEN_LEN + 1];
	char *round;  /* "M3#2": the meeting and round number */
	char *stored; /* a named ballot: the person's id (what votes record) */
	char *shown;  /* their name */
	char *anon;   /* an anonymous ballot: its id in the register */
};

/* Bad tokens from one address: after STRIKE_LIMIT within STRIKE_WINDOW
 * seconds, every request from it is refused for STRIKE_LOCK seconds. */
enum { STRIKES = 256, STRIKE_LIMIT = 10, STRIKE_WINDOW = 300,
       STRIKE_LOCK = 60 };
struct strike {
	char addr[64];
	int fails;
	time_t first, until;
};

struct server {
	struct MHD_Daemon *d;
	char token[3][TOKEN_LEN + 1]; /* participants, projector, facilitator */
	char *base;                   /* "http://127.0.0.1:8080" */
	char **hosts;                 /* the Host values that are ours */
	size_t nhosts;
	const char *lang; /* default language of the pages */
	struct ballot *ballots;
	size_t nballots, ballots_cap;
	struct strike strikes[STRIKES];
	char *qr; /* the participants' address as an SVG QR code */
	const char *file; /* the register's real path */
	char *state;      /* serve_state.c's file, or NULL */
	/* serve_commit.c: the votes waiting for the committer thread, and
	 * the lock on the register between it and the server's thread. */
	pthread_mutex_t regmu, qmu;
	pthread_cond_t qcv;
	struct pending *qhead, **qtail;
	bool qstop, committing;
	pthread_t committer;
};

/* Bodies larger than this are refused with 413. */
enum { BODY_MAX = 16 * 1024 };

struct req {
	struct server *s;
	struct MHD_Connection *c;
	const char *url, *method;
	struct strbuf body;
	bool too_big, seen;
	unsigned roles;       /* from the tokens presented */
	struct ballot *ballot; /* from a ballot token, or NULL */
	const char *lang;     /* "da" or "en" */
	const char *msgs;     /* its messages' language; NULL: the terminal's */
	struct strbuf errors; /* error() while this request runs */
	const char *set_cookie; /* a Set-Cookie for the reply, or NULL */
	struct pending *pending; /* a vote waiting for its save */
	char clear[96];          /* a Set-Cookie clearing a stale cookie */
};

/* --- serve.c: replies --- */
/* Queues a reply: BODY of LEN bytes of TYPE, with the security headers
 * (CSP relaxed for inline styles when INLINE_STYLE). */
enum MHD_Result serve_reply(struct req *q, unsigned status, const char *type,
			    const char *body, size_t len, bool inline_style);
/* V as JSON (application/json). */
enum MHD_Result serve_json(struct req *q, unsigned status,
			   const struct val *v);
/* {"error": MSG}; MSG NULL: what error() said during the request. */
enum MHD_Result serve_error(struct req *q, unsigned status, const char *msg);
/* 303 to LOCATION, setting the cookies COOKIE and COOKIE2 (each may be
 * NULL). */
enum MHD_Result serve_redirect(struct req *q, const char *location,
			       const char *cookie, const char *cookie2);
/* The header NAME of the request, or NULL. */
const char *serve_header(struct req *q, const char *name);
/* A new random token of TOKEN_LEN hex digits. */
void serve_token(char out[TOKEN_LEN + 1]);

/* --- serve_api.c: the JSON interface (/api/...) --- */
/* Handles Q when its URL is one of the API's; -1 when it is not. */
int serve_api(struct req *q, enum MHD_Result *ret);
void serve_ballots_free(struct server *s);
/* The facilitator's actions (serve_fac.c); -1 when Q is none of them. */
int serve_facilitator(struct req *q, enum MHD_Result *ret);
/* Shared by serve_api.c and serve_fac.c: whether Q is METHOD URL (GET
 * also HEAD); opening the register (503 queued on failure, -1); the
 * round as the caller may see it. */
bool serve_is(struct req *q, const char *method, const char *url);
int serve_open_reg(struct req *q, struct reg *r, enum reg_mode mode,
		   enum MHD_Result *ret);
struct val *serve_round_view(struct req *q, struct arena *a, struct reg *r,
			     xmlNodePtr round, const char *now);
/* The ballot with token TOKEN, or NULL. */
struct ballot *serve_find_ballot(struct server *s, const char *token);

/* --- serve_commit.c: votes saved together --- */
struct pending;
int serve_commit_start(struct server *s);
/* Saves what is queued, answers it, and stops the committer. */
void serve_commit_stop(struct server *s);
/* Queues Q's vote (its ballot checked, PRIORITY a vocab_priority key)
 * and suspends Q's connection until its save is done. */
void serve_vote_enqueue(struct req *q, const char *item,
			const char *priority);
/* Queues the reply of Q's saved vote; -1 when Q has none ready. */
int serve_vote_answered(struct req *q, enum MHD_Result *ret);
void serve_pending_free(struct pending *p);
/* The register is used by one thread at a time. */
void serve_reg_lock(struct server *s);
void serve_reg_unlock(struct server *s);
void serve_close_reg(struct req *q, struct reg *r);

/* --- serve_state.c: tokens and ballots kept between runs --- */
/* Takes the tokens and ballots saved for S->file, or (FRESH, or none
 * saved) makes new tokens; saves them. */
void serve_state_load(struct server *s, bool fresh);
/* Saves the tokens and ballots (a warning when it cannot). */
void serve_state_save(struct server *s);
/* A new ballot at the end of S's, all zero. */
struct ballot *serve_new_ballot(struct server *s);

/* --- serve_pages.c: pages, styles, script, QR code, status --- */
/* Handles Q when its URL is a page's or a file's; -1 when it is not. */
int serve_pages(struct req *q, enum MHD_Result *ret);
/* The SVG QR code of TEXT (malloc'd), or NULL after error(). */
char *serve_qr_svg(const char *text);

/* Parses a flat JSON object (string, number, true/false/null values)
 * of LEN bytes; for each of KEYS (NULL-terminated) sets OUT[i] to its
 * value as text (malloc'd; NULL when absent).  0, or -1 when BODY is not
 * such an object. */
int serve_json_fields(const char *body, size_t len, const char *const keys[],
		      char *out[]);

#endif
