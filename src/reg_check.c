// SPDX-License-Identifier: GPL-3.0-or-later
/* What a register must satisfy: its schema, and the rules beyond it; see
 * reg_int.h. */
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>

#include "reg_int.h"
#include "util.h"
#include "vocab.h"
#include "xmlsafe.h"

static int dup_check(xmlHashTablePtr seen, xmlNodePtr n, const char *id,
		     const char *path, const char *what)
{
	if (xmlHashAddEntry(seen, BAD_CAST id, n) == 0)
		return 0;
	return error(_("%s:%ld: %s id '%s' is used twice"), path,
		     xmlGetLineNo(n), what, id);
}

/*
 * What the schema lets through and the commands cannot take: RelaxNG
 * compares keywords, numbers and dates after collapsing white space, so
 * kind=" doc" or count=" 3" would validate and then match nothing (or
 * crash what expects "doc"); and numbers as large as the digits allow
 * would overflow the sums made of them.  Every attribute but free text
 * must be written exactly, and counters, counts and amounts stay at most
 * MAX_NUMBER (a billion), an item's votes in all at most that too.
 */
static int check_values(xmlNodePtr n, const char *path)
{
	static const char *const numbers[] = {
		"next", "next-goal", "next-rule", "next-doc", "small-steps",
		"current", "number", "phase", "count", "minutes", "per-year",
		"staff", "tariff", "votes", NULL};
	int bad = 0, i;
	xmlAttrPtr a;
	xmlNodePtr c;

	for (a = n->properties; a; a = a->next) {
		const char *name = (const char *)a->name;
		/* node_attr(n, name) without the search: names are unique
		 * on an element. */
		const char *v = a->children && a->children->content
					? (const char *)a->children->content
					: "";
		size_t len = strlen(v);

		if (!strcmp(name, "by") || !strcmp(name, "respondent") ||
		    (!strcmp(name, "ref") && node_is(n, "entry")))
			continue;
		if (len && (strchr(" \t\r\n", v[0]) ||
			    strchr(" \t\r\n", v[len - 1]))) {
			bad |= error(_("%s:%ld: %s=\"%s\": a value in the "
				       "register may not start or end with a "
				       "space"),
				     path, xmlGetLineNo(n), name, v);
			continue;
		}
		/* The first letters first: this runs for every attribute
		 * of a register, and most are not numbers. */
		for (i = 0; numbers[i]; i++)
			if (numbers[i][0] == name[0] &&
			    !strcmp(name, numbers[i]))
				break;
		if (numbers[i] && strtod(v, NULL) > (double)MAX_NUMBER)
			bad |= error(_("%s:%ld: %s=\"%s\" is larger than "
				       "%ld"),
				     path, xmlGetLineNo(n), name, v,
				     MAX_NUMBER);
	}
	if (node_is(n, "item")) {
		long votes = 0, k;

		for (c = node_child(n, "vote"); c; c = node_next(c, "vote")) {
			k = node_attr(c, "count")
				    ? strtol(node_attr(c, "count"), NULL, 10)
				    : 1;
			votes += k > MAX_NUMBER ? MAX_NUMBER + 1 : k;
			if (votes > MAX_NUMBER) {
				bad |= error(_("%s:%ld: item '%s' has more "
					       "than %ld votes"),
					     path, xmlGetLineNo(n),
					     node_attr(n, "id"), MAX_NUMBER);
				break;
			}
		}
	}
	for (c = node_first(n); c; c = node_after(c))
		bad |= check_values(c, path);
	return bad;
}

/* Rules the schema cannot say: unique ids, references that resolve, and
 * id counters ahead of every id in use (so no id is ever handed out
 * twice). */
int reg_check_consistency(struct reg *r)
{
	xmlHashTablePtr ids = xmlHashCreate(0), areas = xmlHashCreate(0),
			people = xmlHashCreate(0),
			meetings = xmlHashCreate(0),
			milestones = xmlHashCreate(0);
	const char *p = r->path;
	int bad = 0, phases = 0;
	xmlNodePtr n, c;

	bad |= check_values(r->root, p);

	for (n = node_first(r->areas); n; n = node_after(n))
		bad |= dup_check(areas, n, node_attr(n, "id"), p, _("area"));
	for (n = node_first(r->people); n; n = node_after(n))
		bad |= dup_check(people, n, node_attr(n, "id"), p, _("person"));
	for (n = node_first(r->model); n; n = node_after(n)) {
		long num = strtol(node_attr(n, "number"), NULL, 10);
		if (num != ++phases)
			bad |= error(_("%s:%ld: phase %ld should be number "
				       "%d (phases are numbered 1, 2, 3...)"),
				     p, xmlGetLineNo(n), num, phases);
		for (c = node_child(n, "milestone"); c;
		     c = node_next(c, "milestone")) {
			const char *mid = node_attr(c, "id");
			bad |= dup_check(milestones, c, mid, p,
					 _("milestone"));
			if (strtol(mid, NULL, 10) != num)
				bad |= error(_("%s:%ld: milestone '%s' is in "
					       "phase %ld"),
					     p, xmlGetLineNo(c), mid, num);
		}
	}
	const char *cur = node_attr(r->model, "current");
	if (cur && strtol(cur, NULL, 10) > phases)
		bad |= error(_("%s:%ld: current phase %s does not exist"), p,
			     xmlGetLineNo(r->model), cur);
	long next_meeting = strtol(node_attr(r->meetings, "next"), NULL, 10);
	for (n = node_first(r->meetings); n; n = node_after(n)) {
		const char *mid = node_attr(n, "id");
		bad |= dup_check(meetings, n, mid, p, _("meeting"));
		if (strtol(mid + 1, NULL, 10) >= next_meeting)
			bad |= error(_("%s:%ld: meeting '%s' is not below the "
				       "next free number %ld"),
				     p, xmlGetLineNo(n), mid, next_meeting);
		const char *ph = node_attr(n, "phase");
		if (ph && strtol(ph, NULL, 10) > phases)
			bad |= error(_("%s:%ld: meeting '%s' is in phase %s, "
				       "which does not exist"),
				     p, xmlGetLineNo(n), mid, ph);
		for (c = node_child(n, "attendee"); c;
		     c = node_next(c, "attendee"))
			if (!xmlHashLookup(people, BAD_CAST node_attr(c, "ref")))
				bad |= error(_("%s:%ld: meeting '%s' names "
					       "unknown person '%s'"),
					     p, xmlGetLineNo(c), mid,
					     node_attr(c, "ref"));
	}
	long next_person = strtol(node_attr(r->people, "next"), NULL, 10);
	for (n = node_first(r->people); n; n = node_after(n))
		if (strtol(node_attr(n, "id") + 1, NULL, 10) >= next_person)
			bad |= error(_("%s:%ld: person '%s' is not below the "
				       "next free number %ld"),
				     p, xmlGetLineNo(n), node_attr(n, "id"),
				     next_person);
	for (n = node_first(r->items); n; n = node_after(n)) {
		const char *id = node_attr(n, "id"), *kind = node_attr(n, "kind");
		const char *area = node_attr(n, "area");
		char counter[32];

		bad |= dup_check(ids, n, id, p, _("item"));
		if (id[0] != kind_letter(kind))
			bad |= error(_("%s:%ld: item '%s' is of kind '%s', "
				       "whose ids start with '%c'"),
				     p, xmlGetLineNo(n), id, kind,
				     kind_letter(kind));
		snprintf(counter, sizeof counter, "next-%s", kind);
		if (node_attr(r->items, counter) &&
		    strtol(id + 1, NULL, 10) >=
			    strtol(node_attr(r->items, counter), NULL, 10))
			bad |= error(_("%s:%ld: item '%s' is not below the "
				       "next free number"),
				     p, xmlGetLineNo(n), id);
		if (area && !xmlHashLookup(areas, BAD_CAST area))
			bad |= error(_("%s:%ld: item '%s' is in unknown area "
				       "'%s'"),
				     p, xmlGetLineNo(n), id, area);
		for (c = node_child(n, "vote"); c; c = node_next(c, "vote")) {
			const char *m = node_attr(c, "meeting");
			if (m && !xmlHashLookup(meetings, BAD_CAST m))
				bad |= error(_("%s:%ld: a vote on '%s' names "
					       "unknown meeting '%s'"),
					     p, xmlGetLineNo(c), id, m);
		}
	}
	xmlHashFree(ids, NULL);
	xmlHashFree(areas, NULL);
	xmlHashFree(people, NULL);
	xmlHashFree(meetings, NULL);
	xmlHashFree(milestones, NULL);
	return bad ? -1 : 0;
}

/* --- the schema --- */

/* The last element child of N, or NULL. */
static xmlNodePtr last_element(xmlNodePtr n)
{
	xmlNodePtr c;

	for (c = n ? n->last : NULL; c; c = c->prev)
		if (c->type == XML_ELEMENT_NODE)
			return c;
	return NULL;
}

/* Moves the sibling run FIRST..LAST from its parent to the end of TO. */
static void move_run(xmlNodePtr first, xmlNodePtr last, xmlNodePtr to)
{
	xmlNodePtr from = first->parent, n;

	if (first->prev)
		first->prev->next = last->next;
	else
		from->children = last->next;
	if (last->next)
		last->next->prev = first->prev;
	else
		from->last = first->prev;
	first->prev = to->last;
	last->next = NULL;
	if (to->last)
		to->last->next = first;
	else
		to->children = first;
	to->last = last;
	for (n = first; n; n = n->next)
		n->parent = to;
}

/* Moves the children of FROM from START on (START may be NULL: none) to
 * the end of TO. */
static void move_tail(xmlNodePtr from, xmlNodePtr start, xmlNodePtr to)
{
	if (start)
		move_run(start, from->last, to);
}

/* A copy of the register's root and small sections, with empty items and
 * log sections: the shell a share of a big register is checked in. */
static xmlDocPtr shell(struct reg *r, xmlNodePtr *items, xmlNodePtr *log)
{
	xmlDocPtr v = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = v ? xmlDocCopyNode(r->root, v, 2) : NULL, c, copy;

	if (!root)
		die(_("out of memory"));
	xmlDocSetRootElement(v, root);
	for (c = node_first(r->root); c; c = node_after(c)) {
		copy = xmlDocCopyNode(c, v, c == r->items || c == r->log ? 2 : 1);
		if (!copy || !xmlAddChild(root, copy))
			die(_("out of memory"));
		if (c == r->items)
			*items = copy;
		else if (c == r->log)
			*log = copy;
	}
	return v;
}

/* The child element of SECTION at INDEX (counting from 0), or NULL. */
static xmlNodePtr nth_child(xmlNodePtr section, long index)
{
	xmlNodePtr n;

	for (n = node_first(section); n && index > 0; n = node_after(n))
		index--;
	return n;
}

static long count_children(xmlNodePtr section)
{
	long count = 0;
	xmlNodePtr n;

	for (n = node_first(section); n; n = node_after(n))
		count++;
	return count;
}

/*
 * Checking a big register against the schema is a third of what a command
 * costs, and every load must do it.  The schema relates no item and no log
 * entry to another, so the register is valid exactly when each of a few
 * shells is, each holding a copy of the small sections but only its share
 * of the items and of the log entries (as in reg.c's changed_part).  The
 * shares are checked at once, one thread each; they are moved into the
 * shells, not copied, and moved back afterwards.
 */
enum { UNITS_PER_PART = 1000 };

static int validate(struct reg *r, const char *name)
{
	xmlDocPtr docs[SCHEMA_MAX_PARTS] = {r->doc};
	xmlNodePtr items[SCHEMA_MAX_PARTS], log[SCHEMA_MAX_PARTS];
	long nitems, nentries;
	int parts = threads_allowed(SCHEMA_MAX_PARTS), k, rc;

	reg_find_sections(r);
	if (!r->items || !r->log)
		return schema_validate(r->doc, name);
	nitems = count_children(r->items);
	nentries = count_children(r->log);
	if (parts > (nitems + nentries) / UNITS_PER_PART)
		parts = (int)((nitems + nentries) / UNITS_PER_PART);
	if (parts < 2)
		return schema_validate(r->doc, name);

	/* The last share first: each move leaves what comes before it. */
	for (k = parts - 1; k > 0; k--) {
		docs[k] = shell(r, &items[k], &log[k]);
		move_tail(r->items, nth_child(r->items, nitems * k / parts),
			  items[k]);
		move_tail(r->log, nth_child(r->log, nentries * k / parts),
			  log[k]);
	}
	rc = schema_validate_parts(docs, parts, name);
	for (k = 1; k < parts; k++) {
		move_tail(items[k], items[k]->children, r->items);
		move_tail(log[k], log[k]->children, r->log);
		xmlFreeDoc(docs[k]);
	}
	return rc;
}

int reg_check_loaded(struct reg *r, const char *name, bool trusted)
{
	const char *path = r->path;
	int rc;

	if (!trusted && validate(r, name) < 0)
		return -1;
	reg_find_sections(r);
	r->log_mark = last_element(r->log);
	if (trusted)
		return 0;
	r->path = (char *)name; /* messages name what was read */
	rc = reg_check_consistency(r);
	r->path = (char *)path;
	return rc;
}

int reg_verify(struct reg *r, const char *name)
{
	return reg_check_loaded(r, name, false);
}
