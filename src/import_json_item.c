// SPDX-License-Identifier: GPL-3.0-or-later
/* styr import json: the items and the change log (import_json.h), each
 * item part built by item.c's builders as the commands build it. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "import_json_int.h"
#include "item.h"
#include "strmap.h"
#include "util.h"
#include "vocab.h"

static int notes(struct ij *j, json_object *o, xmlNodePtr item)
{
	json_object *l = ij_list(j, o, "notes"), *n;
	const char *text, *method, *by, *date;
	size_t i;

	for (i = 0; l && i < json_object_array_length(l); i++) {
		if (!(n = ij_elem(j, l, i, "notes")))
			return -1;
		if (ij_str(j, n, "text", true, &text) < 0 ||
		    ij_word(j, n, "method", &vocab_method, false, &method) <
			    0 ||
		    ij_str(j, n, "by", false, &by) < 0 ||
		    ij_date(j, n, "date", false, &date) < 0)
			return ij_fail(j, "notes", _("in note %zu"), i + 1);
		if (!*text)
			return ij_fail(j, "notes", _("note %zu has no text"),
				       i + 1);
		item_add_note(j->r, item, text, method, by, date);
	}
	return j->bad ? -1 : 0;
}

static int ratings(struct ij *j, json_object *o, xmlNodePtr item)
{
	json_object *l = ij_list(j, o, "ratings"), *n;
	const char *round, *exp, *who, *date, *answer;
	size_t i;

	for (i = 0; l && i < json_object_array_length(l); i++) {
		if (!(n = ij_elem(j, l, i, "ratings")))
			return -1;
		if (ij_word(j, n, "round", &vocab_round, true, &round) < 0 ||
		    ij_word(j, n, "experience", &vocab_experience, true,
			    &exp) < 0 ||
		    ij_str(j, n, "respondent", false, &who) < 0 ||
		    ij_date(j, n, "date", false, &date) < 0 ||
		    ij_str(j, n, "answer_id", false, &answer) < 0)
			return ij_fail(j, "ratings", _("in rating %zu"),
				       i + 1);
		node_set_attr(item_set_rating(j->r, item, NULL, round, exp,
					      who, date),
			      "answer-id", answer);
	}
	return j->bad ? -1 : 0;
}

static int burden(struct ij *j, json_object *o, xmlNodePtr item)
{
	json_object *b = ij_obj(j, o, "burden");
	char m[NUM_PLAIN], p[NUM_PLAIN], s[NUM_PLAIN], t[NUM_PLAIN];
	const char *minutes, *per_year, *staff, *tariff;

	if (!b)
		return j->bad ? -1 : 0;
	if (ij_amount(j, b, "minutes", true, m, &minutes) < 0 ||
	    ij_amount(j, b, "per_year", true, p, &per_year) < 0 ||
	    ij_amount(j, b, "staff", false, s, &staff) < 0 ||
	    ij_amount(j, b, "item_tariff", false, t, &tariff) < 0)
		return ij_fail(j, "burden", _("in the burden"));
	item_set_burden(j->r, item, minutes, per_year, staff, tariff);
	return 0;
}

static int votes(struct ij *j, json_object *o, xmlNodePtr item, bool kept)
{
	json_object *l = ij_list(j, o, "votes_cast"), *n;
	const char *prio, *by, *meeting, *date;
	long count;
	size_t i;

	for (i = 0; l && i < json_object_array_length(l); i++) {
		if (!(n = ij_elem(j, l, i, "votes_cast")))
			return -1;
		if (ij_word(j, n, "priority", &vocab_priority, true, &prio) <
			    0 ||
		    ij_str(j, n, "by", false, &by) < 0 ||
		    ij_int(j, n, "count", false, 1, &count) < 0 ||
		    ij_str(j, n, "meeting", false, &meeting) < 0 ||
		    ij_date(j, n, "date", false, &date) < 0)
			return ij_fail(j, "votes_cast", _("in vote %zu"),
				       i + 1);
		if (!by == !count)
			return ij_fail(j, "votes_cast",
				       _("vote %zu needs either \"by\" (a "
					 "voter) or \"count\" (paper "
					 "ballots)"),
				       i + 1);
		if (meeting && !kept && !strmap_get(j->meetings, meeting))
			return ij_fail(j, "votes_cast",
				       _("vote %zu: '%s' is not a meeting in "
					 "the document"),
				       i + 1, meeting);
		item_set_vote(j->r, item, NULL, prio, by, count, meeting,
			      date);
	}
	return j->bad ? -1 : 0;
}

/* "priority" or "decision" with its _reason, _date and _by. */
static int stamp(struct ij *j, json_object *o, xmlNodePtr item,
		 const char *key, const struct vocab *v)
{
	const char *value, *reason, *date, *by;
	char k[3][32];

	snprintf(k[0], sizeof k[0], "%s_reason", key);
	snprintf(k[1], sizeof k[1], "%s_date", key);
	snprintf(k[2], sizeof k[2], "%s_by", key);
	if (ij_word(j, o, key, v, false, &value) < 0 || !value)
		return j->bad ? -1 : 0;
	if (ij_str(j, o, k[0], false, &reason) < 0 ||
	    ij_date(j, o, k[1], true, &date) < 0 ||
	    ij_str(j, o, k[2], true, &by) < 0)
		return -1;
	free(item_set_stamp(j->r, item, key, value, reason ? reason : "",
			    date, by));
	return 0;
}

static int solution(struct ij *j, json_object *o, xmlNodePtr item)
{
	json_object *s = ij_obj(j, o, "solution");
	const char *status, *criteria, *eval;

	if (!s)
		return j->bad ? -1 : 0;
	if (ij_word(j, s, "status", &vocab_status, true, &status) < 0 ||
	    ij_str(j, s, "criteria", false, &criteria) < 0 ||
	    ij_date(j, s, "evaluate_by", false, &eval) < 0)
		return ij_fail(j, "solution", _("in the solution"));
	item_set_solution(j->r, item, status, eval, criteria ? criteria : "");
	return 0;
}

/* The descriptive fields of item_fields.h. */
static int fields(struct ij *j, json_object *o, xmlNodePtr item, bool kept)
{
	const char *s;
	int i;

	for (i = 0; i < F_COUNT; i++) {
		const struct item_field_info *f = &item_field_info[i];
		if (i == F_TITLE)
			continue;
		if (f->type == ITEM_WORD) {
			if (ij_word(j, o, f->name, f->vocab, false, &s) < 0)
				return -1;
			node_set_attr(item, f->name, s);
			continue;
		}
		if (ij_str(j, o, f->name, false, &s) < 0)
			return -1;
		if (f->type != ITEM_AREA) {
			item_set_text(j->r, item, f->name, s);
			continue;
		}
		/* A deleted item may name an area removed since. */
		if (s && !kept && !strmap_get(j->areas, s))
			return ij_fail(j, f->name,
				       _("'%s' is not an area in the "
					 "document"),
				       s);
		node_set_attr(item, f->name, s && *s ? s : NULL);
	}
	return 0;
}

/* The item O as a new <item> (not yet linked), or NULL after printing.
 * KEPT: the item a deletion kept in the log. */
static xmlNodePtr item(struct ij *j, json_object *o, bool kept)
{
	const char *id, *kind, *title;
	xmlNodePtr it;
	long phase, n;
	char *end, buf[32];
	int k;

	if (ij_str(j, o, "id", true, &id) < 0 ||
	    ij_word(j, o, "kind", &vocab_kind, true, &kind) < 0 ||
	    ij_str(j, o, "title", true, &title) < 0 ||
	    ij_int(j, o, "phase", false, 1, &phase) < 0)
		return NULL;
	k = vocab_index(&vocab_kind, kind);
	if (id[0] != kind_letter(kind) || id[1] < '1' || id[1] > '9' ||
	    (n = strtol(id + 1, &end, 10), *end)) {
		ij_fail(j, "id", _("'%s' is not an id of a %s (%c1, %c2, ...)"),
			id, kind, kind_letter(kind), kind_letter(kind));
		return NULL;
	}
	if (n >= j->next[k]) {
		ij_fail(j, "id",
			_("'%s' is not below the next free number %ld "
			  "(\"next\")"),
			id, j->next[k]);
		return NULL;
	}
	if (!*title) {
		ij_fail(j, "title", _("is empty"));
		return NULL;
	}
	if (phase > j->phases) {
		ij_fail(j, "phase", _("phase %ld does not exist"), phase);
		return NULL;
	}
	it = node_new(j->r, "item", NULL);
	node_set_attr(it, "id", id);
	node_set_attr(it, "kind", kind);
	snprintf(buf, sizeof buf, "%ld", phase);
	node_set_attr(it, "phase", phase ? buf : NULL);
	node_append(it, node_new(j->r, "title", title));
	if (fields(j, o, it, kept) < 0 || notes(j, o, it) < 0 ||
	    ratings(j, o, it) < 0 || burden(j, o, it) < 0 ||
	    votes(j, o, it, kept) < 0 ||
	    stamp(j, o, it, "priority", &vocab_priority) < 0 ||
	    stamp(j, o, it, "decision", &vocab_decision) < 0 ||
	    solution(j, o, it) < 0) {
		node_remove(it);
		return NULL;
	}
	return it;
}

long ij_items(struct ij *j, json_object *doc)
{
	json_object *l, *o;
	const char *id;
	xmlNodePtr it;
	size_t i;

	ij_at(j, "%s", _("the document"));
	l = ij_list(j, doc, "items");
	if (j->bad)
		return -1;
	for (i = 0; l && i < json_object_array_length(l); i++) {
		if (!(o = ij_record(j, l, i, "items", &id)))
			return -1;
		if (!(it = item(j, o, false)))
			return -1;
		node_append(j->r->items, it);
		if (ij_unique(j, j->ids, id, it) < 0)
			return -1;
	}
	return l ? (long)json_object_array_length(l) : 0;
}

/* As styr writes "when": 2026-12-06T16:44:36Z (a time zone or seconds'
 * fractions, which xs:dateTime allows, too). */
bool ij_is_datetime(const char *s)
{
	static const char form[] = "dddd-dd-ddTdd:dd:dd";
	size_t i;

	for (i = 0; form[i]; i++)
		if (form[i] == 'd' ? !isdigit((unsigned char)s[i])
				   : s[i] != form[i])
			return false;
	s += i;
	if (*s == '.')
		for (s++; isdigit((unsigned char)*s);)
			s++;
	if (*s == 'Z')
		return !s[1];
	if (*s == '+' || *s == '-')
		return isdigit((unsigned char)s[1]) &&
		       isdigit((unsigned char)s[2]) && s[3] == ':' &&
		       isdigit((unsigned char)s[4]) &&
		       isdigit((unsigned char)s[5]) && !s[6];
	return !*s;
}

/* An NCName as the log's actions are: a letter, then letters, digits,
 * '-', '_' and '.'. */
static bool is_action(const char *s)
{
	if (!isalpha((unsigned char)*s) && *s != '_')
		return false;
	for (s++; *s; s++)
		if (!isalnum((unsigned char)*s) && !strchr("-_.", *s))
			return false;
	return true;
}

/* G, R or D and a number from 1. */
static bool is_item_id(const char *s)
{
	if (!strchr("GRD", *s) || !*s || s[1] < '1' || s[1] > '9')
		return false;
	for (s += 2; isdigit((unsigned char)*s);)
		s++;
	return !*s;
}

/* What import ratings records of a file: "crc32:", 8 hex digits, "/" and
 * its size (data/register.rng). */
static bool is_digest(const char *s)
{
	size_t n;

	if (strncmp(s, "crc32:", 6))
		return false;
	for (s += 6, n = 0; n < 8; n++)
		if (!isxdigit((unsigned char)s[n]) || isupper((unsigned char)s[n]))
			return false;
	if (s[8] != '/' || !isdigit((unsigned char)s[9]))
		return false;
	for (s += 9, n = 0; isdigit((unsigned char)*s); s++)
		n++;
	return !*s && n <= 12;
}

static int entry(struct ij *j, json_object *o)
{
	const char *when, *by, *action, *ref, *what, *happened, *became,
		*digest, *was, *now;
	json_object *kept;
	xmlNodePtr e, it;

	if (ij_str(j, o, "when", true, &when) < 0 ||
	    ij_str(j, o, "by", true, &by) < 0 ||
	    ij_str(j, o, "action", true, &action) < 0 ||
	    ij_str(j, o, "ref", false, &ref) < 0 ||
	    ij_str(j, o, "what", true, &what) < 0 ||
	    ij_date(j, o, "happened", false, &happened) < 0 ||
	    ij_str(j, o, "became", false, &became) < 0 ||
	    ij_str(j, o, "digest", false, &digest) < 0 ||
	    ij_str(j, o, "was", false, &was) < 0 ||
	    ij_str(j, o, "now", false, &now) < 0)
		return -1;
	if (now && !was)
		return ij_fail(j, "now",
			       _("is given without \"was\", the text before"));
	if (!ij_is_datetime(when))
		return ij_fail(j, "when",
			       _("'%s' is not a time (YYYY-MM-DDTHH:MM:SSZ)"),
			       when);
	if (became && !is_item_id(became))
		return ij_fail(j, "became", _("'%s' is not an item id"),
			       became);
	if (digest && !is_digest(digest))
		return ij_fail(j, "digest",
			       _("'%s' is not a digest (crc32:8 hex digits/"
				 "size)"),
			       digest);
	if (!is_action(action))
		return ij_fail(j, "action", _("'%s' is not an action word"),
			       action);
	e = node_new(j->r, "entry", NULL);
	node_set_attr(e, "when", when);
	node_set_attr(e, "by", by);
	node_set_attr(e, "action", action);
	node_set_attr(e, "ref", ref);
	node_set_attr(e, "happened", happened);
	node_set_attr(e, "became", became);
	node_set_attr(e, "digest", digest);
	node_append(e, node_new(j->r, "what", what));
	if (was)
		node_append(e, node_new(j->r, "was", was));
	if (now)
		node_append(e, node_new(j->r, "now", now));
	node_append(j->r->log, e);
	kept = ij_obj(j, o, "item");
	if (j->bad)
		return -1;
	if (kept) {
		if (!(it = item(j, kept, true)))
			return ij_fail(j, "item", _("in the deleted item"));
		node_append(e, it);
	}
	return 0;
}

int ij_log(struct ij *j, json_object *doc)
{
	json_object *l, *o;
	xmlNodePtr e;
	size_t i;

	ij_at(j, "%s", _("the document"));
	l = ij_list(j, doc, "log");
	if (j->bad)
		return -1;
	/* The register's own entries (its init) give way to the document's
	 * history. */
	while ((e = node_first(j->r->log)))
		node_remove(e);
	for (i = 0; l && i < json_object_array_length(l); i++) {
		ij_at(j, "log[%zu]", i);
		if (!(o = ij_elem(j, l, i, "log")) || entry(j, o) < 0)
			return -1;
	}
	return 0;
}
