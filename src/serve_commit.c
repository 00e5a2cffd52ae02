// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Votes saved together (group commit).  Saving the register costs the
 * same for one vote as for fifty -- reading it, checking it, writing and
 * syncing it -- so the votes that arrive while a save runs wait in a
 * queue, and the committer thread takes them all at once: it opens the
 * register under its lock, checks and records each vote as `styr vote`
 * would (vote.h), saves once, and only then lets each phone be told
 * (its connection was suspended, libmicrohttpd's suspend/resume).  A
 * vote is answered 200 only when the save that holds it is on disk.
 *
 * Every other request reads or changes the register on the server's
 * own thread; REGMU keeps the two from using it at once.
 */
#include <stdlib.h>
#include <string.h>

#include "item.h"
#include "names.h"
#include "round.h"
#include "serve_int.h"
#include "vocab.h"
#include "vote.h"

struct pending {
	struct pending *next;
	struct MHD_Connection *c;
	char *item, *round, *stored, *anon;
	const char *priority; /* a vocab_priority key */
	const char *lang;     /* its messages' language, or NULL (serve.c) */
	unsigned status;
	char *body; /* the JSON reply */
	size_t len;
	bool done;
};

void serve_reg_lock(struct server *s)
{
	pthread_mutex_lock(&s->regmu);
}

void serve_reg_unlock(struct server *s)
{
	pthread_mutex_unlock(&s->regmu);
}

static void reply(struct pending *p, unsigned status, struct val *v)
{
	FILE *f = open_memstream(&p->body, &p->len);

	if (!f)
		die(_("out of memory"));
	val_write_json(f, v);
	fclose(f);
	p->status = status;
}

static void refuse(struct pending *p, unsigned status, const char *msg,
		   struct strbuf *errors)
{
	struct arena *a = arena_new();
	struct val *v = val_obj(a);

	if (!msg)
		msg = errors->len ? errors->buf : _("the request failed");
	val_set(a, v, "error", val_str(a, msg));
	reply(p, status, v);
	arena_free(a);
}

/* Checks and records vote P in R (open for writing); the reply is made
 * (a 200 is only kept when the save succeeds). */
static void one(struct reg *r, xmlNodePtr rd, const char *now,
		const char *date, struct pending *p)
{
	struct strbuf errors = {0};
	struct vote_cast c = {0};
	char *key = NULL, *who = NULL, *was = NULL;
	struct arena *a;
	struct val *v;
	xmlNodePtr item, person;
	long budget;

	msg_thread_lang(p->lang);
	error_capture(&errors);
	if (rd)
		key = xasprintf("%s#%s", node_attr(round_meeting(rd), "id"),
				node_attr(rd, "number"));
	if (!rd || !round_taking_votes(rd, now)) {
		refuse(p, MHD_HTTP_CONFLICT,
		       _("the round is closed: it takes no more votes"),
		       &errors);
		goto out;
	}
	if (strcmp(key, p->round)) {
		refuse(p, MHD_HTTP_CONFLICT,
		       _("your ballot is for an earlier round: join this one"),
		       &errors);
		goto out;
	}
	if (!round_has_item(rd, p->item) ||
	    !(item = reg_find_item(r, p->item))) {
		refuse(p, MHD_HTTP_NOT_FOUND,
		       _("that item is not in this round"), &errors);
		goto out;
	}
	who = p->stored ? who_identity(r->people, p->stored) : NULL;
	person = p->stored ? person_find(r, p->stored) : NULL;
	c.priority = p->priority;
	c.stored = p->stored;
	c.shown = person ? node_text(person) : p->stored;
	c.ballot = p->anon;
	c.meeting = node_attr(round_meeting(rd), "id");
	c.date = date;
	budget = atol(node_attr(rd, "votes"));
	if (!(p->anon ? item_find_ballot(item, p->anon, c.meeting)
		      : item_find_vote(r, item, who, c.meeting)) &&
	    round_used(r, rd, who, p->anon) >= budget) {
		refuse(p, MHD_HTTP_CONFLICT,
		       _("you have used all your votes; change one of them "
			 "instead"),
		       &errors);
		goto out;
	}
	vote_record(r, item, &c, &was);
	a = arena_new();
	v = val_obj(a);
	val_set(a, v, "item", val_str(a, node_attr(item, "id")));
	val_set(a, v, "priority", val_str(a, c.priority));
	val_set(a, v, "replaced", val_str_or_null(a, was));
	val_set(a, v, "meeting", val_str(a, c.meeting));
	val_set(a, v, "date", val_str(a, date));
	val_set(a, v, "votes_left",
		val_int(a, budget - round_used(r, rd, who, p->anon)));
	reply(p, MHD_HTTP_OK, v);
	arena_free(a);
out:
	error_capture(NULL);
	msg_thread_lang(NULL);
	sb_free(&errors);
	free(key);
	free(who);
	free(was);
}

/* Records and saves the votes of LIST together, then resumes each. */
static void commit(struct server *s, struct pending *list)
{
	struct strbuf errors = {0};
	struct pending *p, *next;
	struct reg r;
	char now[21], date[11];
	xmlNodePtr rd;
	bool saved = false;

	serve_reg_lock(s);
	error_capture(&errors);
	if (reg_open(&r, REG_WRITE) == 0) {
		error_capture(NULL);
		now_iso(now);
		today_iso(date);
		rd = round_current(&r);
		for (p = list; p; p = p->next)
			one(&r, rd, now, date, p);
		error_capture(&errors);
		saved = reg_save(&r) == 0;
	}
	reg_close(&r);
	error_capture(NULL);
	serve_reg_unlock(s);
	for (p = list; p; p = next) {
		next = p->next;
		if (!saved && (!p->body || p->status == MHD_HTTP_OK)) {
			free(p->body);
			p->body = NULL;
			refuse(p, MHD_HTTP_SERVICE_UNAVAILABLE, NULL, &errors);
		}
		p->done = true;
		MHD_resume_connection(p->c);
	}
	sb_free(&errors);
}

static void *committer(void *arg)
{
	struct server *s = arg;
	struct pending *list;

	for (;;) {
		pthread_mutex_lock(&s->qmu);
		while (!s->qhead && !s->qstop)
			pthread_cond_wait(&s->qcv, &s->qmu);
		list = s->qhead;
		s->qhead = NULL;
		s->qtail = &s->qhead;
		pthread_mutex_unlock(&s->qmu);
		if (!list)
			return NULL; /* stopping, nothing left */
		commit(s, list);
	}
}

int serve_commit_start(struct server *s)
{
	pthread_mutex_init(&s->regmu, NULL);
	pthread_mutex_init(&s->qmu, NULL);
	pthread_cond_init(&s->qcv, NULL);
	s->qtail = &s->qhead;
	if (pthread_create(&s->committer, NULL, committer, s) != 0)
		return error(_("cannot start the thread that saves votes"));
	s->committing = true;
	return 0;
}

void serve_commit_stop(struct server *s)
{
	if (!s->committing)
		return;
	pthread_mutex_lock(&s->qmu);
	s->qstop = true;
	pthread_cond_signal(&s->qcv);
	pthread_mutex_unlock(&s->qmu);
	pthread_join(s->committer, NULL);
	s->committing = false;
}

void serve_vote_enqueue(struct req *q, const char *item, const char *priority)
{
	struct pending *p = xcalloc(1, sizeof *p);
	struct server *s = q->s;

	p->c = q->c;
	p->item = xstrdup(item);
	p->priority = priority;
	p->lang = q->msgs;
	p->round = xstrdup(q->ballot->round);
	p->stored = q->ballot->stored ? xstrdup(q->ballot->stored) : NULL;
	p->anon = q->ballot->anon ? xstrdup(q->ballot->anon) : NULL;
	q->pending = p;
	MHD_suspend_connection(q->c);
	pthread_mutex_lock(&s->qmu);
	*s->qtail = p;
	s->qtail = &p->next;
	pthread_cond_signal(&s->qcv);
	pthread_mutex_unlock(&s->qmu);
}

int serve_vote_answered(struct req *q, enum MHD_Result *ret)
{
	struct pending *p = q->pending;

	if (!p || !p->done)
		return -1;
	*ret = serve_reply(q, p->status, "application/json; charset=utf-8",
			   p->body, p->len, false);
	serve_pending_free(p);
	q->pending = NULL;
	return 0;
}

void serve_pending_free(struct pending *p)
{
	if (!p)
		return;
	free(p->item);
	free(p->round);
	free(p->stored);
	free(p->anon);
	free(p->body);
	free(p);
}
