// SPDX-License-Identifier: GPL-3.0-or-later
/* Corrections; see correct.h. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "correct.h"
#include "item.h"
#include "names.h"
#include "number.h"
#include "util.h"
#include "vocab.h"

int correct_open(struct correction *c, const char *id)
{
	int rc = id ? reg_open_item(&c->r, REG_WRITE, id, &c->item)
		    : reg_open(&c->r, REG_WRITE);

	if (rc)
		reg_close(&c->r);
	else if (id)
		c->ref = node_attr(c->item, "id");
	return rc;
}

static void correct_close(struct correction *c)
{
	free(c->was);
	free(c->what);
	free(c->done);
	free(c->before);
	free(c->after);
	reg_close(&c->r);
}

int correct_cancel(struct correction *c)
{
	correct_close(c);
	return -1;
}

int correct_commit(struct correction *c)
{
	xmlNodePtr e = correct_log(&c->r, c->action, c->ref, c->what, c->why);
	int rc;

	if (c->before) {
		node_append(e, node_new(&c->r, "was", c->before));
		if (c->after)
			node_append(e, node_new(&c->r, "now", c->after));
	}
	if (c->gone)
		node_remove(c->gone);
	rc = reg_save(&c->r);
	if (!rc)
		info("%s", c->done ? c->done : c->what);
	correct_close(c);
	return rc;
}

/* What a part is called in messages, one and many. */
static const char *part_noun(const char *name)
{
	if (!strcmp(name, "note"))
		return _("note");
	if (!strcmp(name, "rating"))
		return _("rating");
	return _("vote");
}

xmlNodePtr correct_part(xmlNodePtr item, const char *name,
			const char *number, long *n)
{
	const char *id = node_attr(item, "id");
	xmlNodePtr p;
	long count = 0, want;

	for (p = node_child(item, name); p; p = node_next(p, name))
		count++;
	if (!count) {
		/* TRANSLATORS: "D1 has no note to correct" */
		error(_("%s has no %s to correct"), id, part_noun(name));
		return NULL;
	}
	if (parse_count(part_noun(name), number, 1000000, &want) < 0)
		return NULL;
	if ((want < 1 || want > count) && count == 1) {
		/* TRANSLATORS: "D1 has one note only, number 1 (see 'styr
		 * show D1')" */
		error(_("%s has one %s only, number 1 (see 'styr show %s')"),
		      id, part_noun(name), id);
		return NULL;
	}
	if (want < 1 || want > count) {
		/* TRANSLATORS: "D1 has no note 5 (its notes are numbered 1
		 * to 2, see 'styr show D1')" */
		error(_("%s has no %s %ld (they are numbered 1 to %ld; see "
			"'styr show %s')"),
		      id, part_noun(name), want, count, id);
		return NULL;
	}
	for (p = node_child(item, name); --want; p = node_next(p, name))
		;
	if (n) {
		long k = 1;
		xmlNodePtr q;
		for (q = node_child(item, name); q != p; q = node_next(q, name))
			k++;
		*n = k;
	}
	return p;
}

/* The name of a vote's or rating's person: the name of the person with
 * that id, else as recorded (a guest). */
static const char *who_name(struct reg *r, const char *who)
{
	xmlNodePtr p = who ? reg_person(r, who) : NULL;

	if (!who)
		return _("anonymous");
	return p && !strcmp(node_attr(p, "id"), who) ? node_text(p) : who;
}

/* ", " between the parts given. */
static void add_part(struct strbuf *sb, const char *s)
{
	if (!s || !*s)
		return;
	if (sb->len)
		sb_puts(sb, ", ");
	sb_puts(sb, s);
}

char *correct_describe(struct reg *r, xmlNodePtr p)
{
	const char *lang = msg_lang();
	struct strbuf sb = {0}, more = {0};

	if (node_is(p, "note"))
		return item_note_words(p);
	if (node_is(p, "rating")) {
		const char *respondent = node_attr(p, "respondent");
		char *anon = respondent ? NULL : item_rating_anonymous(p);
		sb_printf(&sb, "%s, %s: %s",
			  vocab_word(&vocab_round, node_attr(p, "round"), lang),
			  anon ? anon : who_name(r, respondent),
			  vocab_word(&vocab_experience,
				     node_attr(p, "experience"), lang));
		free(anon);
		add_part(&more, node_attr(p, "date"));
	} else {
		const char *count = node_attr(p, "count");
		const char *label = vocab_word(
		    &vocab_priority, node_attr(p, "priority"), lang);
		if (count)
			sb_printf(&sb,
				  ngettext("%s paper vote: %s",
					   "%s paper votes: %s",
					   strtoul(count, NULL, 10)),
				  count, label);
		else
			sb_printf(&sb, "%s: %s",
				  who_name(r, node_attr(p, "by")), label);
		if (node_attr(p, "meeting")) {
			/* TRANSLATORS: where a vote was cast, "meeting M1" */
			char *m = xasprintf(_("meeting %s"),
					    node_attr(p, "meeting"));
			add_part(&more, m);
			free(m);
		}
		add_part(&more, node_attr(p, "date"));
	}
	if (more.len)
		sb_printf(&sb, " (%s)", more.buf);
	sb_free(&more);
	return sb_steal(&sb);
}

int correct_check_why(const char *why)
{
	return why ? check_text(_("reason"), why) : 0;
}

xmlNodePtr correct_log(struct reg *r, const char *action, const char *ref,
		       const char *what, const char *why)
{
	if (why && *why)
		/* TRANSLATORS: a correction in the change log, and why */
		return reg_log(r, action, ref, _("%s; why: %s"), what, why);
	return reg_log(r, action, ref, "%s", what);
}

size_t correct_find_votes(struct reg *r, xmlNodePtr item, const char *who,
			  const char *mid, xmlNodePtr *vote, char **meetings)
{
	struct strbuf sb = {0};
	xmlNodePtr v;
	size_t n = 0;

	*vote = NULL;
	for (v = node_child(item, "vote"); v; v = node_next(v, "vote")) {
		const char *by = node_attr(v, "by");
		const char *m = node_attr(v, "meeting");
		char *k;
		bool same;

		if (!by || (mid && (!m || strcmp(m, mid))))
			continue;
		k = who_identity(r->people, by);
		same = !strcmp(k, who);
		free(k);
		if (!same)
			continue;
		*vote = v;
		n++;
		add_part(&sb, m ? m : "-");
	}
	*meetings = sb_steal(&sb);
	return n;
}

char *correct_area_users(struct reg *r, const char *area)
{
	struct strbuf sb = {0};
	xmlNodePtr n;

	for (n = node_first(r->items); n; n = node_after(n)) {
		const char *a = node_attr(n, "area");
		if (a && !strcasecmp(a, area))
			add_part(&sb, node_attr(n, "id"));
	}
	return sb.buf ? sb_steal(&sb) : xstrdup("");
}

void correct_rename(xmlNodePtr n, const char *name)
{
	xmlChar *text = xmlEncodeSpecialChars(n->doc, BAD_CAST name);

	xmlNodeSetContent(n, text);
	xmlFree(text);
}

/* Adds ID to SB after "; LABEL " the first time in a group. */
static void add_ref(struct strbuf *sb, bool *first, const char *label,
		    const char *id)
{
	if (*first) {
		if (sb->len)
			sb_puts(sb, "; ");
		sb_printf(sb, "%s ", label);
		*first = false;
	} else {
		sb_puts(sb, ", ");
	}
	sb_puts(sb, id);
}

char *correct_person_users(struct reg *r, const char *pid)
{
	struct strbuf sb = {0};
	bool first[3] = {true, true, true};
	xmlNodePtr n, c;
	int k;

	/* Votes and ratings name a person by id (or, written by hand, by
	 * the name): by who they are. */
	char *key = who_identity(r->people, pid);
	for (k = 0; k < 2; k++) {
		const char *name = k ? "rating" : "vote";
		const char *attr = k ? "respondent" : "by";
		for (n = node_first(r->items); n; n = node_after(n))
			for (c = node_child(n, name); c;
			     c = node_next(c, name)) {
				const char *who = node_attr(c, attr);
				char *w;
				bool same;
				if (!who)
					continue;
				w = who_identity(r->people, who);
				same = !strcmp(w, key);
				free(w);
				if (same) {
					add_ref(&sb, &first[k],
						k ? _("ratings on")
						  : _("votes on"),
						node_attr(n, "id"));
					break;
				}
			}
	}
	free(key);
	for (n = node_first(r->meetings); n; n = node_after(n))
		for (c = node_child(n, "attendee"); c;
		     c = node_next(c, "attendee"))
			if (!strcmp(node_attr(c, "ref"), pid)) {
				add_ref(&sb, &first[2], _("attendance at"),
					node_attr(n, "id"));
				break;
			}
	return sb.buf ? sb_steal(&sb) : xstrdup("");
}

char *correct_kind(struct reg *r, xmlNodePtr item, const char *kind,
		   const char *why)
{
	const char *lang = msg_lang();
	char counter[32], *id, *old_id, *old_kind, *what;
	xmlNodePtr e;

	if (!strcmp(node_attr(item, "kind"), kind)) {
		error(_("%s is a %s already; nothing was changed"),
		      node_attr(item, "id"), vocab_word(&vocab_kind, kind, lang));
		return NULL;
	}
	old_id = xstrdup(node_attr(item, "id"));
	old_kind = xstrdup(node_attr(item, "kind"));
	snprintf(counter, sizeof counter, "next-%s", kind);
	id = xasprintf("%c%ld", kind_letter(kind),
		       reg_next_id(r->items, counter));
	node_set_attr(item, "id", id);
	node_set_attr(item, "kind", kind);
	/* TRANSLATORS: a kind change in the change log: "kind: rule ->
	 * doc; R1 is now D5" */
	what = xasprintf(_("kind: %s -> %s; %s is now %s"),
			 vocab_word(&vocab_kind, old_kind, lang),
			 vocab_word(&vocab_kind, kind, lang), old_id, id);
	e = correct_log(r, "edit", old_id, what, why);
	node_set_attr(e, "became", id);
	free(what);
	free(old_kind);
	free(old_id);
	return id;
}

const char **correct_former_ids(struct reg *r, const char *id)
{
	const char **ids = xmalloc(2 * sizeof *ids);
	size_t n = 1, i;
	xmlNodePtr e;

	ids[0] = id;
	ids[1] = NULL;
	/* Newest first, so that R1 -> D5 -> G3 is followed back whole. */
	for (e = r->log ? r->log->last : NULL; e; e = e->prev) {
		const char *became, *ref;
		if (e->type != XML_ELEMENT_NODE ||
		    !(became = node_attr(e, "became")) ||
		    !(ref = node_attr(e, "ref")))
			continue;
		for (i = 0; i < n; i++)
			if (!strcasecmp(ids[i], became))
				break;
		if (i == n)
			continue;
		ids = xrealloc(ids, (n + 2) * sizeof *ids);
		ids[n++] = ref;
		ids[n] = NULL;
	}
	return ids;
}

char *correct_meeting_users(struct reg *r, const char *mid)
{
	struct strbuf sb = {0};
	xmlNodePtr n, v;

	for (n = node_first(r->items); n; n = node_after(n))
		for (v = node_child(n, "vote"); v; v = node_next(v, "vote")) {
			const char *m = node_attr(v, "meeting");
			if (m && !strcmp(m, mid)) {
				add_part(&sb, node_attr(n, "id"));
				break;
			}
		}
	return sb.buf ? sb_steal(&sb) : xstrdup("");
}
