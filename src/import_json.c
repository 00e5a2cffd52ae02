// SPDX-License-Identifier: GPL-3.0-or-later
/* styr import json: the register `export json` wrote, restored into an
 * empty one (import_json.h).  The items are built in import_json_item.c;
 * the shared readers are in import_json_int.h. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <json-c/json.h>

#include "import_json.h"
#include "import_json_int.h"
#include "number.h"
#include "strmap.h"
#include "util.h"
#include "vocab.h"

/* A document bigger than this is not one `export json` wrote for a
 * register styr can hold (SPEC plans for 10,000 items: about 40 MB). */
#define MAX_JSON ((size_t)1 << 30)

int ij_fail(struct ij *j, const char *key, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	error("%s: %s", key, msg);
	free(msg);
	j->bad = true;
	return -1;
}

void ij_at(struct ij *j, const char *fmt, ...)
{
	va_list ap;
	int n = snprintf(j->where, sizeof j->where, "%s: ", j->name);

	if (n < 0 || (size_t)n >= sizeof j->where)
		n = 0;
	va_start(ap, fmt);
	vsnprintf(j->where + n, sizeof j->where - (size_t)n, fmt, ap);
	va_end(ap);
}

/* Member KEY of O; NULL when absent or null. */
static json_object *member(json_object *o, const char *key)
{
	json_object *v;

	if (!json_object_object_get_ex(o, key, &v) ||
	    json_object_is_type(v, json_type_null))
		return NULL;
	return v;
}

int ij_str(struct ij *j, json_object *o, const char *key, bool req,
	   const char **out)
{
	json_object *v = member(o, key);
	const char *s;

	*out = NULL;
	if (!v)
		return req ? ij_fail(j, key, _("is missing")) : 0;
	if (!json_object_is_type(v, json_type_string))
		return ij_fail(j, key, _("should be text"));
	s = json_object_get_string(v);
	if ((size_t)json_object_get_string_len(v) != strlen(s))
		return ij_fail(j, key, _("holds a NUL character"));
	if (check_text(key, s) < 0) {
		j->bad = true;
		return -1;
	}
	*out = s;
	return 0;
}

int ij_word(struct ij *j, json_object *o, const char *key,
	    const struct vocab *v, bool req, const char **out)
{
	struct strbuf list = {0};
	int i;

	if (ij_str(j, o, key, req, out) < 0 || !*out ||
	    vocab_index(v, *out) >= 0)
		return j->bad ? -1 : 0;
	for (i = 0; i < vocab_count(v); i++)
		sb_printf(&list, "%s%s", i ? ", " : "", v->words[i].key);
	ij_fail(j, key, _("'%s' is not one of: %s"), *out, list.buf);
	sb_free(&list);
	return -1;
}

int ij_date(struct ij *j, json_object *o, const char *key, bool req,
	    const char **out)
{
	char day[11];

	if (ij_str(j, o, key, req, out) < 0 || !*out)
		return j->bad ? -1 : 0;
	if (parse_date(key, *out, day) < 0 || strcmp(day, *out)) {
		j->bad = true;
		if (!strcmp(day, *out))
			return -1;
		return ij_fail(j, key, _("'%s' is not a date (YYYY-MM-DD)"),
			       *out);
	}
	return 0;
}

int ij_int(struct ij *j, json_object *o, const char *key, bool req,
	   long min, long *out)
{
	json_object *v = member(o, key);

	*out = 0;
	if (!v)
		return req ? ij_fail(j, key, _("is missing")) : 0;
	if (!json_object_is_type(v, json_type_int))
		return ij_fail(j, key, _("should be a whole number"));
	errno = 0;
	*out = (long)json_object_get_int64(v);
	if (errno || *out < min || *out > 999999999)
		return ij_fail(j, key, _("%s is out of range"),
			       json_object_get_string(v));
	return 0;
}

int ij_amount(struct ij *j, json_object *o, const char *key, bool req,
	      char out[NUM_PLAIN], const char **res)
{
	json_object *v = member(o, key);
	double d;

	*res = NULL;
	if (!v)
		return req ? ij_fail(j, key, _("is missing")) : 0;
	if (!json_object_is_type(v, json_type_int) &&
	    !json_object_is_type(v, json_type_double))
		return ij_fail(j, key, _("should be a number"));
	d = json_object_get_double(v);
	if (!(d >= 0) || d > 1e15)
		return ij_fail(j, key, _("%s is out of range"),
			       json_object_get_string(v));
	/* The register keeps a plain decimal; the shortest one that reads
	 * back as D, so that the next export prints the same number. */
	format_json_number(out, d);
	if (strchr(out, 'e') || strchr(out, 'E'))
		snprintf(out, NUM_PLAIN, "%.15f", d);
	*res = out;
	return 0;
}

/* Member KEY of O when it is of TYPE; NULL when absent, or after
 * saying SHOULD ("should be a list") when it is of another. */
static json_object *typed(struct ij *j, json_object *o, const char *key,
			  json_type type, const char *should)
{
	json_object *v = member(o, key);

	if (v && !json_object_is_type(v, type)) {
		ij_fail(j, key, "%s", should);
		return NULL;
	}
	return v;
}

json_object *ij_list(struct ij *j, json_object *o, const char *key)
{
	return typed(j, o, key, json_type_array, _("should be a list"));
}

json_object *ij_obj(struct ij *j, json_object *o, const char *key)
{
	return typed(j, o, key, json_type_object, _("should be an object"));
}

/* Element I of list L as an object, or NULL after saying what it is. */
json_object *ij_elem(struct ij *j, json_object *l, size_t i,
		     const char *list)
{
	json_object *v = json_object_array_get_idx(l, i);
	char key[64];

	if (v && json_object_is_type(v, json_type_object))
		return v;
	snprintf(key, sizeof key, "%s[%zu]", list, i);
	ij_fail(j, key, _("should be an object"));
	return NULL;
}

json_object *ij_record(struct ij *j, json_object *l, size_t i,
		       const char *list, const char **id)
{
	json_object *o;

	ij_at(j, "%s[%zu]", list, i);
	if (!(o = ij_elem(j, l, i, list)) ||
	    ij_str(j, o, "id", true, id) < 0)
		return NULL;
	ij_at(j, "%s[%zu] (%s)", list, i, *id);
	return o;
}

/* --- the parts outside the items --- */

static int set_text(struct ij *j, const char *element, const char *text)
{
	xmlNodePtr old = node_child(j->r->root, element);
	xmlNodePtr n = node_new(j->r, element, text);

	if (old) {
		node_insert_before(old, n);
		node_remove(old);
	} else {
		/* Only the title can be missing: it follows the organisation. */
		node_insert_before(node_after(node_child(j->r->root,
							  "organisation")),
				   n);
	}
	return 0;
}

/* Which copy for the field the register is (styr copy), if it is one. */
static int copy(struct ij *j, json_object *doc)
{
	json_object *o = ij_obj(j, doc, "copy");
	const char *id, *from, *when;
	xmlNodePtr n = node_child(j->r->root, "copy");

	if (n)
		node_remove(n);
	if (!o)
		return j->bad ? -1 : 0;
	ij_at(j, "copy");
	if (ij_str(j, o, "id", true, &id) < 0 ||
	    ij_str(j, o, "from", true, &from) < 0 ||
	    ij_str(j, o, "when", true, &when) < 0)
		return -1;
	if (strlen(id) != 16 || strspn(id, "0123456789abcdef") != 16)
		return ij_fail(j, "id", _("'%s' is not the id of a copy (16 "
					  "hexadecimal digits)"),
			       id);
	if (!ij_is_datetime(when))
		return ij_fail(j, "when",
			       _("'%s' is not a time (YYYY-MM-DDTHH:MM:SSZ)"),
			       when);
	n = node_new(j->r, "copy", NULL);
	node_set_attr(n, "id", id);
	node_set_attr(n, "from", from);
	node_set_attr(n, "when", when);
	node_insert_before(j->r->model, n);
	return 0;
}

static int head(struct ij *j, json_object *doc)
{
	const char *format, *org, *title, *tariff;
	char buf[NUM_PLAIN];
	long version;
	xmlNodePtr settings;

	ij_at(j, "%s", _("the document"));
	if (ij_str(j, doc, "format", true, &format) < 0 ||
	    ij_int(j, doc, "version", true, 1, &version) < 0)
		return -1;
	if (strcmp(format, "styr") || version != 1)
		return ij_fail(j, "format", _("this is not a register that "
					     "'styr export json' wrote "
					     "(format \"styr\", version 1)"));
	if (ij_str(j, doc, "organisation", true, &org) < 0 ||
	    ij_str(j, doc, "title", false, &title) < 0 ||
	    ij_amount(j, doc, "tariff", false, buf, &tariff) < 0)
		return -1;
	if (!*org)
		return ij_fail(j, "organisation", _("is empty"));
	set_text(j, "organisation", org);
	if (title && *title) {
		set_text(j, "title", title);
	} else {
		xmlNodePtr t = node_child(j->r->root, "title");
		if (t)
			node_remove(t);
	}
	settings = node_child(j->r->root, "settings");
	if (settings)
		node_remove(settings);
	if (tariff) {
		settings = node_new(j->r, "settings", NULL);
		node_set_attr(settings, "tariff", tariff);
		node_insert_before(j->r->model, settings);
	}
	return copy(j, doc);
}

/* The texts of an object {"da": "...", "en": "..."} as children ELEMENT
 * with their lang, appended to PARENT. */
static int lang_texts(struct ij *j, json_object *o, const char *key,
		      xmlNodePtr parent, const char *element)
{
	json_object *texts = ij_obj(j, o, key);
	int n = 0;

	if (!texts)
		return j->bad ? -1 : ij_fail(j, key, _("is missing"));
	json_object_object_foreach(texts, lang, v)
	{
		const char *s;
		if (strlen(lang) != 2 || lang[0] < 'a' || lang[0] > 'z' ||
		    lang[1] < 'a' || lang[1] > 'z')
			return ij_fail(j, key,
				       _("'%s' is not a language code (da, "
					 "en)"),
				       lang);
		if (!json_object_is_type(v, json_type_string))
			return ij_fail(j, key, _("should be text"));
		if (ij_str(j, texts, lang, true, &s) < 0)
			return -1;
		xmlNodePtr t = node_new(j->r, element, s);
		node_set_attr(t, "lang", lang);
		node_append(parent, t);
		n++;
	}
	return n ? 0 : ij_fail(j, key, _("is empty"));
}

static int milestone(struct ij *j, json_object *o, xmlNodePtr phase,
		     long number)
{
	const char *id, *done, *note;
	xmlNodePtr m = node_new(j->r, "milestone", NULL);
	char *end;

	node_append(phase, m);
	if (ij_str(j, o, "id", true, &id) < 0 ||
	    ij_date(j, o, "done", false, &done) < 0 ||
	    ij_str(j, o, "note", false, &note) < 0)
		return -1;
	if (strtol(id, &end, 10) != number || *end != '.' ||
	    strtol(end + 1, &end, 10) < 1 || *end)
		return ij_fail(j, "id",
			       _("'%s' is not a milestone of phase %ld"), id,
			       number);
	node_set_attr(m, "id", id);
	node_set_attr(m, "done", done);
	if (lang_texts(j, o, "titles", m, "title") < 0)
		return -1;
	if (note && *note)
		node_append(m, node_new(j->r, "note", note));
	return 0;
}

static int model(struct ij *j, json_object *doc)
{
	json_object *phases, *ph, *ms, *o;
	xmlNodePtr m = node_new(j->r, "model", NULL), p;
	const char *status, *started, *completed;
	long cur, steps, number;
	char buf[32];
	size_t i, k;

	node_insert_before(j->r->model, m);
	node_remove(j->r->model);
	j->r->model = m;
	ij_at(j, "%s", _("the document"));
	if (ij_int(j, doc, "current_phase", true, 0, &cur) < 0 ||
	    ij_int(j, doc, "small_steps", true, 1, &steps) < 0)
		return -1;
	if (cur) {
		snprintf(buf, sizeof buf, "%ld", cur);
		node_set_attr(m, "current", buf);
	}
	snprintf(buf, sizeof buf, "%ld", steps);
	node_set_attr(m, "small-steps", buf);
	phases = ij_list(j, doc, "phases");
	if (!phases || !json_object_array_length(phases))
		return j->bad ? -1 : ij_fail(j, "phases", _("is missing"));
	for (i = 0; i < json_object_array_length(phases); i++) {
		ij_at(j, "phases[%zu]", i);
		if (!(ph = ij_elem(j, phases, i, "phases")))
			return -1;
		if (ij_int(j, ph, "number", true, 1, &number) < 0 ||
		    ij_word(j, ph, "status", &vocab_phase_status, false,
			    &status) < 0 ||
		    ij_date(j, ph, "started", false, &started) < 0 ||
		    ij_date(j, ph, "completed", false, &completed) < 0)
			return -1;
		if (number != (long)i + 1)
			return ij_fail(j, "number",
				       _("%ld should be %zu (phases are "
					 "numbered 1, 2, 3...)"),
				       number, i + 1);
		p = node_new(j->r, "phase", NULL);
		node_append(m, p);
		snprintf(buf, sizeof buf, "%ld", number);
		node_set_attr(p, "number", buf);
		if (status && strcmp(status, "not-started"))
			node_set_attr(p, "status", status);
		node_set_attr(p, "started", started);
		node_set_attr(p, "completed", completed);
		if (lang_texts(j, ph, "names", p, "name") < 0)
			return -1;
		ms = ij_list(j, ph, "milestones");
		if (j->bad)
			return -1;
		for (k = 0; ms && k < json_object_array_length(ms); k++) {
			ij_at(j, "phases[%zu].milestones[%zu]", i, k);
			if (!(o = ij_elem(j, ms, k, "milestones")) ||
			    milestone(j, o, p, number) < 0)
				return -1;
		}
	}
	if (cur > (long)i)
		return ij_fail(j, "current_phase",
			       _("phase %ld does not exist"), cur);
	return 0;
}

static int counters(struct ij *j, json_object *doc)
{
	json_object *next;
	long v;
	char buf[32], counter[32];
	int i;

	ij_at(j, "%s", _("the document"));
	if (!(next = ij_obj(j, doc, "next")))
		return j->bad ? -1 : ij_fail(j, "next", _("is missing"));
	ij_at(j, "next");
	if (ij_int(j, next, "person", true, 1, &v) < 0)
		return -1;
	snprintf(buf, sizeof buf, "%ld", v);
	node_set_attr(j->r->people, "next", buf);
	if (ij_int(j, next, "meeting", true, 1, &v) < 0)
		return -1;
	snprintf(buf, sizeof buf, "%ld", v);
	node_set_attr(j->r->meetings, "next", buf);
	for (i = 0; i < 3; i++) {
		const char *kind = vocab_kind.words[i].key;
		if (ij_int(j, next, kind, true, 1, &v) < 0)
			return -1;
		j->next[i] = v;
		snprintf(buf, sizeof buf, "%ld", v);
		snprintf(counter, sizeof counter, "next-%s", kind);
		node_set_attr(j->r->items, counter, buf);
	}
	/* Absent in a document from before merges: none handed out. */
	if (ij_int(j, next, "conflict", false, 1, &v) < 0)
		return -1;
	j->next_conflict = v ? v : 1;
	return 0;
}

/* ID is LETTER and a number from 1 below NEXT. */
static int check_id(struct ij *j, const char *id, char letter, long next)
{
	char *end;
	long n;

	if (id[0] != letter || id[1] < '1' || id[1] > '9' ||
	    (n = strtol(id + 1, &end, 10), *end))
		return ij_fail(j, "id", _("'%s' is not an id of the form %c1, "
					  "%c2, ..."),
			       id, letter, letter);
	if (n >= next)
		return ij_fail(j, "id",
			       _("'%s' is not below the next free number %ld "
				 "(\"next\")"),
			       id, next);
	return 0;
}

int ij_unique(struct ij *j, struct strmap *seen, const char *id,
	      void *node)
{
	if (strmap_get(seen, id))
		return ij_fail(j, "id", _("'%s' is there twice"), id);
	strmap_add(seen, id, node);
	return 0;
}

static int areas(struct ij *j, json_object *doc)
{
	json_object *l = ij_list(j, doc, "areas"), *o;
	const char *id, *name;
	size_t i, k;

	for (i = 0; l && i < json_object_array_length(l); i++) {
		ij_at(j, "areas[%zu]", i);
		if (!(o = ij_elem(j, l, i, "areas")) ||
		    ij_str(j, o, "id", true, &id) < 0 ||
		    ij_str(j, o, "name", true, &name) < 0)
			return -1;
		ij_at(j, "areas[%zu] (%s)", i, id);
		k = strspn(id, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrst"
			       "uvwxyz0123456789_-");
		if (!*id || id[k] || k > 32 || *id == '_' || *id == '-')
			return ij_fail(j, "id",
				       _("'%s' is not an area id (letters, "
					 "digits, _ and -, at most 32)"),
				       id);
		if (ij_unique(j, j->areas, id, reg_new_area(j->r, id, name)) < 0)
			return -1;
	}
	return j->bad ? -1 : 0;
}

static int people(struct ij *j, json_object *doc)
{
	json_object *l = ij_list(j, doc, "people"), *o;
	const char *id, *name, *role;
	long next = strtol(node_attr(j->r->people, "next"), NULL, 10);
	size_t i;

	for (i = 0; l && i < json_object_array_length(l); i++) {
		if (!(o = ij_record(j, l, i, "people", &id)))
			return -1;
		if (ij_str(j, o, "name", true, &name) < 0 ||
		    ij_word(j, o, "role", &vocab_role, true, &role) < 0 ||
		    check_id(j, id, 'P', next) < 0)
			return -1;
		xmlNodePtr p = node_new(j->r, "person", name);
		node_set_attr(p, "id", id);
		node_set_attr(p, "role", role);
		node_append(j->r->people, p);
		if (ij_unique(j, j->people, id, p) < 0)
			return -1;
	}
	return j->bad ? -1 : 0;
}

static int meetings(struct ij *j, json_object *doc)
{
	json_object *l = ij_list(j, doc, "meetings"), *o, *att;
	const char *id, *kind, *title, *date, *pid;
	long next = strtol(node_attr(j->r->meetings, "next"), NULL, 10);
	long phase;
	char buf[32], key[48];
	size_t i, k;

	for (i = 0; l && i < json_object_array_length(l); i++) {
		if (!(o = ij_record(j, l, i, "meetings", &id)))
			return -1;
		if (ij_word(j, o, "kind", &vocab_meeting_kind, true, &kind) <
			    0 ||
		    ij_str(j, o, "title", true, &title) < 0 ||
		    ij_date(j, o, "date", true, &date) < 0 ||
		    ij_int(j, o, "phase", false, 1, &phase) < 0 ||
		    check_id(j, id, 'M', next) < 0)
			return -1;
		if (phase > j->phases)
			return ij_fail(j, "phase",
				       _("phase %ld does not exist"), phase);
		xmlNodePtr m = node_new(j->r, "meeting", NULL);
		node_set_attr(m, "id", id);
		node_set_attr(m, "kind", kind);
		node_set_attr(m, "date", date);
		snprintf(buf, sizeof buf, "%ld", phase);
		node_set_attr(m, "phase", phase ? buf : NULL);
		node_append(m, node_new(j->r, "title", title));
		node_append(j->r->meetings, m);
		if (ij_unique(j, j->meetings, id, m) < 0)
			return -1;
		att = ij_list(j, o, "attendees");
		for (k = 0; att && k < json_object_array_length(att); k++) {
			json_object *a = json_object_array_get_idx(att, k);
			snprintf(key, sizeof key, "attendees[%zu]", k);
			if (!json_object_is_type(a, json_type_string))
				return ij_fail(j, key, _("should be text"));
			pid = json_object_get_string(a);
			if (!strmap_get(j->people, pid))
				return ij_fail(j, key,
					       _("'%s' is not in the people "
						 "list"),
					       pid);
			reg_add_attendee(j->r, m, pid);
		}
	}
	return j->bad ? -1 : 0;
}

/* What a merge left for a person to decide: after the log, the last
 * section of the register. */
static int conflicts(struct ij *j, json_object *doc)
{
	static const char *const texts[] = {"what", "base", "ours", "theirs"};
	static const char *const kinds[] = {"both-changed", "changed-deleted",
					    "deleted-changed", "both-added"};
	json_object *l, *o;
	xmlNodePtr list = node_child(j->r->root, "conflicts"), n;
	const char *id, *kind, *at, *ref, *s;
	char buf[32], *end;
	size_t i, k;

	if (list)
		node_remove(list);
	ij_at(j, "%s", _("the document"));
	l = ij_list(j, doc, "conflicts");
	if (j->bad)
		return -1;
	if (!(l && json_object_array_length(l)) && j->next_conflict == 1)
		return 0;
	list = node_new(j->r, "conflicts", NULL);
	snprintf(buf, sizeof buf, "%ld", j->next_conflict);
	node_set_attr(list, "next", buf);
	node_append(j->r->root, list);
	for (i = 0; l && i < json_object_array_length(l); i++) {
		ij_at(j, "conflicts[%zu]", i);
		if (!(o = ij_elem(j, l, i, "conflicts")) ||
		    ij_str(j, o, "id", true, &id) < 0 ||
		    ij_str(j, o, "kind", true, &kind) < 0 ||
		    ij_str(j, o, "at", true, &at) < 0 ||
		    ij_str(j, o, "ref", false, &ref) < 0)
			return -1;
		if (id[0] != 'C' || id[1] < '1' || id[1] > '9' ||
		    strtol(id + 1, &end, 10) >= j->next_conflict || *end)
			return ij_fail(j, "id",
				       _("'%s' is not a conflict id below the "
					 "next free number %ld"),
				       id, j->next_conflict);
		for (k = 0; k < 4 && strcmp(kind, kinds[k]); k++)
			;
		if (k == 4)
			return ij_fail(j, "kind",
				       _("'%s' is not one of: %s"), kind,
				       "both-changed, changed-deleted, "
				       "deleted-changed, both-added");
		n = node_new(j->r, "conflict", NULL);
		node_set_attr(n, "id", id);
		node_set_attr(n, "kind", kind);
		node_set_attr(n, "at", at);
		node_set_attr(n, "ref", ref);
		node_append(list, n);
		for (k = 0; k < 4; k++) {
			if (ij_str(j, o, texts[k], !k, &s) < 0)
				return -1;
			if (s)
				node_append(n, node_new(j->r, texts[k], s));
		}
	}
	return 0;
}

/* --- the whole --- */

static json_object *parse(FILE *f, const char *name)
{
	struct strbuf sb = {0};
	char buf[65536];
	size_t n, line = 1, i;
	json_tokener *tok;
	json_object *doc;
	enum json_tokener_error err;

	while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
		if (sb.len + n > MAX_JSON) {
			sb_free(&sb);
			error(_("%s: too big for a register (more than 1 GB)"),
			      name);
			return NULL;
		}
		sb_add(&sb, buf, n);
	}
	if (ferror(f)) {
		sb_free(&sb);
		error(_("%s: cannot read: %s"), name, strerror(errno));
		return NULL;
	}
	if (!sb.len) {
		error(_("%s: the file is empty"), name);
		return NULL;
	}
	tok = json_tokener_new_ex(64);
	if (!tok)
		die(_("out of memory"));
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	doc = json_tokener_parse_ex(tok, sb.buf, (int)sb.len);
	err = json_tokener_get_error(tok);
	n = json_tokener_get_parse_end(tok);
	if (!doc || err != json_tokener_success || n < sb.len) {
		for (i = 0; i < n && i < sb.len; i++)
			line += sb.buf[i] == '\n';
		if (doc && err == json_tokener_success)
			error(_("%s:%zu: more after the end of the JSON "
				"document"),
			      name, line);
		else
			error(_("%s:%zu: not JSON: %s"), name, line,
			      err == json_tokener_continue
				      ? _("the document ends too early")
				      : json_tokener_error_desc(err));
		json_object_put(doc);
		doc = NULL;
	} else if (!json_object_is_type(doc, json_type_object)) {
		error(_("%s: not a register: the document is not a JSON "
			"object"),
		      name);
		json_object_put(doc);
		doc = NULL;
	}
	json_tokener_free(tok);
	sb_free(&sb);
	return doc;
}

static int empty(struct reg *r)
{
	if (node_first(r->areas) || node_first(r->people) ||
	    node_first(r->meetings) || node_first(r->items))
		return error(_("%s: the register is not empty; 'import json' "
			       "restores a whole register into a new one "
			       "(make it with 'styr init')"),
			     r->path);
	return 0;
}

long import_json(struct reg *r, FILE *f, const char *name)
{
	struct ij j = {0};
	json_object *doc;
	long items = -1;

	if (empty(r) < 0 || !(doc = parse(f, name)))
		return -1;
	j.r = r;
	j.name = name;
	j.areas = strmap_new(0);
	j.people = strmap_new(0);
	j.meetings = strmap_new(0);
	j.ids = strmap_new(0);
	error_context(j.where);
	if (head(&j, doc) == 0 && model(&j, doc) == 0 &&
	    counters(&j, doc) == 0) {
		j.phases = 0;
		for (xmlNodePtr p = node_first(r->model); p; p = node_after(p))
			j.phases++;
		if (areas(&j, doc) == 0 && people(&j, doc) == 0 &&
		    meetings(&j, doc) == 0)
			items = ij_items(&j, doc);
		if (items >= 0 &&
		    (ij_log(&j, doc) < 0 || conflicts(&j, doc) < 0))
			items = -1;
	}
	error_context(NULL);
	strmap_free(j.areas);
	strmap_free(j.people);
	strmap_free(j.meetings);
	strmap_free(j.ids);
	json_object_put(doc);
	if (items < 0)
		return -1;
	/* Every part is new: the save checks the whole register. */
	reg_check_whole(r);
	return items;
}
