// SPDX-License-Identifier: GPL-3.0-or-later
/* The register file: load, check, change-log and atomic save. */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/hash.h>
#include <libxml/xmlsave.h>

#include "reg.h"
#include "trust.h"
#include "util.h"
#include "vocab.h"
#include "xmlsafe.h"

const char *reg_path(void)
{
	const char *s;

	if (opt.file && *opt.file)
		return opt.file;
	if ((s = getenv("STYR_FILE")) && *s)
		return s;
	return "styr.xml";
}

/* --- tree helpers --- */

bool node_is(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE &&
	       !strcmp((const char *)n->name, name);
}

xmlNodePtr node_first(xmlNodePtr parent)
{
	xmlNodePtr n;

	for (n = parent ? parent->children : NULL; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return n;
	return NULL;
}

xmlNodePtr node_after(xmlNodePtr n)
{
	for (n = n ? n->next : NULL; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return n;
	return NULL;
}

xmlNodePtr node_child(xmlNodePtr parent, const char *name)
{
	xmlNodePtr n;

	for (n = node_first(parent); n; n = node_after(n))
		if (node_is(n, name))
			return n;
	return NULL;
}

xmlNodePtr node_next(xmlNodePtr n, const char *name)
{
	for (n = node_after(n); n; n = node_after(n))
		if (node_is(n, name))
			return n;
	return NULL;
}

const char *node_attr(xmlNodePtr n, const char *name)
{
	xmlAttrPtr a;

	if (!n)
		return NULL;
	for (a = n->properties; a; a = a->next)
		if (!strcmp((const char *)a->name, name))
			return a->children && a->children->content
				       ? (const char *)a->children->content
				       : "";
	return NULL;
}

/* Canonical attribute order, so that the same content always serialises
 * the same way whatever order the attributes were set in. */
static const char *const attr_order[] = {
	"version", "id", "when", "number", "kind", "round", "experience", "priority",
	"value", "status", "role", "respondent", "by", "count", "meeting",
	"method", "area", "origin", "found", "date", "phase", "minutes",
	"per-year", "staff", "tariff", "started", "completed", "done",
	"evaluate-by", "current", "small-steps", "next", "next-goal",
	"next-rule", "next-doc", "action", "ref", "lang", NULL};

static int attr_rank(const xmlChar *name)
{
	int i;

	for (i = 0; attr_order[i]; i++)
		if (!strcmp(attr_order[i], (const char *)name))
			return i;
	return i;
}

void node_set_attr(xmlNodePtr n, const char *name, const char *value)
{
	xmlAttrPtr a, at;
	int rank;

	if (!value) {
		xmlUnsetProp(n, BAD_CAST name);
		return;
	}
	if (xmlHasProp(n, BAD_CAST name)) {
		xmlSetProp(n, BAD_CAST name, BAD_CAST value);
		return;
	}
	a = xmlNewProp(n, BAD_CAST name, BAD_CAST value); /* appended */
	if (!a)
		die(_("out of memory"));
	rank = attr_rank(a->name);
	for (at = n->properties; at && at != a; at = at->next)
		if (attr_rank(at->name) > rank)
			break;
	if (!at || at == a)
		return;
	/* Unlink A from the end and put it before AT. */
	a->prev->next = NULL;
	a->next = at;
	a->prev = at->prev;
	if (at->prev)
		at->prev->next = a;
	else
		n->properties = a;
	at->prev = a;
}

const char *node_text(xmlNodePtr n)
{
	if (n && n->children && n->children->type == XML_TEXT_NODE &&
	    !n->children->next)
		return (const char *)n->children->content;
	if (n && n->children) {
		/* Text split by the parser (rare): merge it once. */
		xmlChar *all = xmlNodeGetContent(n);
		xmlNodeSetContent(n, NULL);
		xmlNodeAddContent(n, all);
		xmlFree(all);
		return n->children ? (const char *)n->children->content : "";
	}
	return "";
}

xmlNodePtr node_new(struct reg *r, const char *name, const char *text)
{
	xmlNodePtr n = xmlNewDocNode(r->doc, r->root ? r->root->ns : NULL,
				     BAD_CAST name, NULL);

	if (!n)
		die(_("out of memory"));
	if (text && *text)
		xmlNodeAddContent(n, BAD_CAST text);
	return n;
}

static int order_rank(const char *const order[], const xmlChar *name)
{
	int i;

	for (i = 0; order[i]; i++)
		if (!strcmp(order[i], (const char *)name))
			return i;
	return i;
}

void node_insert(xmlNodePtr parent, xmlNodePtr child,
		 const char *const order[])
{
	int rank = order_rank(order, child->name);
	xmlNodePtr n, before = NULL;

	/* Insert before the first sibling that ranks later. */
	for (n = node_first(parent); n; n = node_after(n))
		if (order_rank(order, n->name) > rank) {
			before = n;
			break;
		}
	if (before)
		xmlAddPrevSibling(before, child);
	else
		xmlAddChild(parent, child);
}

const char *const item_order[] = {
	"title", "description", "owner", "source", "note", "rating",
	"burden", "vote", "priority", "decision", "solution", NULL};

void item_set_text(struct reg *r, xmlNodePtr item, const char *name,
		   const char *value)
{
	xmlNodePtr old = node_child(item, name);

	if (old) {
		xmlUnlinkNode(old);
		xmlFreeNode(old);
	}
	if (value && *value)
		node_insert(item, node_new(r, name, value), item_order);
}

/* --- look-ups --- */

/* Remembers an item a writer may change (see changed_part). */
static void touch(struct reg *r, xmlNodePtr item)
{
	if (r->lock.fd < 0 ||
	    (r->ntouched && r->touched[r->ntouched - 1] == item))
		return;
	if (r->ntouched == r->touched_cap) {
		r->touched_cap = r->touched_cap ? 2 * r->touched_cap : 16;
		r->touched = xrealloc(r->touched,
				      r->touched_cap * sizeof *r->touched);
	}
	r->touched[r->ntouched++] = item;
}

xmlNodePtr reg_find_item(struct reg *r, const char *id)
{
	xmlNodePtr n;

	for (n = node_first(r->items); n; n = node_after(n)) {
		const char *nid = node_attr(n, "id");
		if (nid && !strcasecmp(nid, id)) {
			touch(r, n);
			return n;
		}
	}
	return NULL;
}

xmlNodePtr reg_item(struct reg *r, const char *id)
{
	xmlNodePtr n = reg_find_item(r, id);

	if (!n)
		error(_("unknown item '%s' (see 'styr list')"), id);
	return n;
}

static xmlNodePtr find_by_id(xmlNodePtr section, const char *id)
{
	xmlNodePtr n;

	for (n = node_first(section); n; n = node_after(n)) {
		const char *nid = node_attr(n, "id");
		if (nid && !strcasecmp(nid, id))
			return n;
	}
	return NULL;
}

xmlNodePtr reg_area(struct reg *r, const char *id)
{
	return find_by_id(r->areas, id);
}

xmlNodePtr reg_meeting(struct reg *r, const char *id)
{
	return find_by_id(r->meetings, id);
}

xmlNodePtr reg_person(struct reg *r, const char *id_or_name)
{
	xmlNodePtr n = find_by_id(r->people, id_or_name);

	if (n)
		return n;
	for (n = node_first(r->people); n; n = node_after(n))
		if (!strcmp(node_text(n), id_or_name))
			return n;
	return NULL;
}

/* The largest number a register may hold in a counter, a count or an
 * amount (check_values): far beyond any real register, and small enough
 * that sums of them never overflow. */
#define MAX_NUMBER 1000000000L

long reg_next_id(xmlNodePtr section, const char *counter)
{
	const char *s = node_attr(section, counter);
	long next = s ? strtol(s, NULL, 10) : 1;
	char buf[32];

	if (next < 1)
		next = 1;
	if (next >= MAX_NUMBER)
		die(_("the register has used up its numbers for %s; nothing was "
		      "changed"),
		    counter);
	snprintf(buf, sizeof buf, "%ld", next + 1);
	node_set_attr(section, counter, buf);
	return next;
}

xmlNodePtr reg_new_item(struct reg *r, const char *kind, const char *title)
{
	char counter[32], id[32];
	xmlNodePtr item;

	snprintf(counter, sizeof counter, "next-%s", kind);
	snprintf(id, sizeof id, "%c%ld", kind_letter(kind),
		 reg_next_id(r->items, counter));
	item = node_new(r, "item", NULL);
	node_set_attr(item, "id", id);
	node_set_attr(item, "kind", kind);
	node_set_attr(item, "phase", node_attr(r->model, "current"));
	xmlAddChild(item, node_new(r, "title", title));
	xmlAddChild(r->items, item);
	touch(r, item);
	return item;
}

xmlNodePtr reg_log(struct reg *r, const char *action, const char *ref,
		   const char *fmt, ...)
{
	char when[21];
	va_list ap;
	char *what;
	xmlNodePtr e;

	va_start(ap, fmt);
	if (vasprintf(&what, fmt, ap) < 0)
		die(_("out of memory"));
	va_end(ap);
	now_iso(when);
	e = node_new(r, "entry", NULL);
	node_set_attr(e, "when", when);
	node_set_attr(e, "by", author());
	node_set_attr(e, "action", action);
	node_set_attr(e, "ref", ref);
	xmlAddChild(e, node_new(r, "what", what));
	xmlAddChild(r->log, e);
	free(what);
	return e;
}

/* --- load --- */

static int find_sections(struct reg *r)
{
	r->root = xmlDocGetRootElement(r->doc);
	r->model = node_child(r->root, "model");
	r->areas = node_child(r->root, "areas");
	r->people = node_child(r->root, "people");
	r->meetings = node_child(r->root, "meetings");
	r->items = node_child(r->root, "items");
	r->log = node_child(r->root, "log");
	return 0;
}

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
		"staff", "tariff", NULL};
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
static int check_consistency(struct reg *r)
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

static void reg_init(struct reg *r)
{
	memset(r, 0, sizeof *r);
	r->lock.fd = -1;
	r->path = xstrdup(reg_path());
}

static int verify(struct reg *r, const char *name, bool schema);

int reg_open(struct reg *r, enum reg_mode mode)
{
	struct stat st;

	reg_init(r);
	if (mode == REG_WRITE && lock_take(&r->lock, r->path) < 0)
		return EXIT_REFUSED;
	if (access(r->path, F_OK) != 0) {
		error(_("%s: no register here (%s); start one with 'styr init' "
			"or name one with -f FILE"),
		      r->path, strerror(errno));
		return EXIT_UNREADABLE;
	}
	r->doc = xmlsafe_read_file_stat(r->path, 0, &st);
	if (!r->doc)
		return EXIT_UNREADABLE;
	/* A file styr wrote and nothing touched since was valid then: only
	 * the cheap consistency checks (trust.c says why that is safe). */
	return verify(r, r->path, !trust_check(r->path, &st)) < 0
		       ? EXIT_UNREADABLE
		       : EXIT_OK;
}

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
 * of the items and of the log entries (as in changed_part below).  The
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

	find_sections(r);
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

static int verify(struct reg *r, const char *name, bool schema)
{
	const char *path = r->path;
	int rc;

	if (schema && validate(r, name) < 0)
		return -1;
	find_sections(r);
	r->log_mark = last_element(r->log);
	r->path = (char *)name; /* messages name what was read */
	rc = check_consistency(r);
	r->path = (char *)path;
	return rc;
}

int reg_verify(struct reg *r, const char *name)
{
	return verify(r, name, true);
}

/* Moves a copied subtree into the root's namespace, dropping the copy's
 * own declaration so that it is written once, on the root. */
static void adopt_ns(xmlNodePtr n, xmlNsPtr ns)
{
	xmlNodePtr c;

	if (n->nsDef) {
		xmlFreeNsList(n->nsDef);
		n->nsDef = NULL;
	}
	n->ns = ns;
	for (c = node_first(n); c; c = node_after(c))
		adopt_ns(c, ns);
}

int reg_create(struct reg *r, xmlDocPtr model, const char *org,
	       const char *title)
{
	xmlNodePtr m;
	xmlNsPtr ns;

	reg_init(r);
	if (lock_take(&r->lock, r->path) < 0) {
		xmlFreeDoc(model);
		return EXIT_REFUSED;
	}
	if (access(r->path, F_OK) == 0) {
		xmlFreeDoc(model);
		error(_("%s: a register exists already; nothing was changed"),
		      r->path);
		return EXIT_REFUSED;
	}
	r->doc = xmlNewDoc(BAD_CAST "1.0");
	r->root = xmlNewDocNode(r->doc, NULL, BAD_CAST "register", NULL);
	ns = xmlNewNs(r->root, BAD_CAST REG_NS, NULL);
	xmlSetNs(r->root, ns);
	xmlDocSetRootElement(r->doc, r->root);
	node_set_attr(r->root, "version", REG_VERSION);
	xmlAddChild(r->root, node_new(r, "organisation", org));
	if (title && *title)
		xmlAddChild(r->root, node_new(r, "title", title));
	m = xmlDocCopyNode(xmlDocGetRootElement(model), r->doc, 1);
	xmlFreeDoc(model);
	if (!m)
		die(_("out of memory"));
	xmlAddChild(r->root, m);
	adopt_ns(m, ns);
	xmlAddChild(r->root, node_new(r, "areas", NULL));
	node_set_attr(xmlAddChild(r->root, node_new(r, "people", NULL)),
		      "next", "1");
	node_set_attr(xmlAddChild(r->root, node_new(r, "meetings", NULL)),
		      "next", "1");
	xmlNodePtr items = xmlAddChild(r->root, node_new(r, "items", NULL));
	node_set_attr(items, "next-goal", "1");
	node_set_attr(items, "next-rule", "1");
	node_set_attr(items, "next-doc", "1");
	xmlAddChild(r->root, node_new(r, "log", NULL));
	find_sections(r);
	return EXIT_OK;
}

/* --- save --- */

struct sink {
	int fd;
	int err; /* first errno of a failed write */
};

static int sink_write(void *ctx, const char *buf, int len)
{
	struct sink *s = ctx;

	if (write_all(s->fd, buf, (size_t)len) < 0) {
		s->err = errno;
		return -1;
	}
	return len;
}

static int sink_close(void *ctx)
{
	(void)ctx;
	return 0;
}

static int fsync_dir(const char *path)
{
	char *copy = xstrdup(path);
	int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int rc = 0;

	free(copy);
	if (fd < 0)
		return 0; /* nothing we can sync; the rename stands */
	if (fsync(fd) < 0 && errno != EINVAL)
		rc = -1;
	close(fd);
	return rc;
}

/*
 * Checking the whole tree against the schema again before every save would
 * double what a one-item change costs on a big register.  The tree was
 * valid when loaded, and the schema relates no item (and no log entry) to
 * another, so a copy that holds every other section whole but only the
 * items the writer reached and the log entries it added is valid exactly
 * when the whole tree is.  (Ids and references across the tree are
 * checked in full by check_consistency, which is cheap.)
 */
static xmlDocPtr changed_part(struct reg *r)
{
	xmlDocPtr v = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlDocCopyNode(r->root, v, 2), c, sect;
	size_t i;

	if (!v || !root)
		die(_("out of memory"));
	xmlDocSetRootElement(v, root);
	for (c = node_first(r->root); c; c = node_after(c)) {
		if (c != r->items && c != r->log) {
			xmlAddChild(root, xmlDocCopyNode(c, v, 1));
			continue;
		}
		sect = xmlAddChild(root, xmlDocCopyNode(c, v, 2));
		if (c == r->items) {
			for (i = 0; i < r->ntouched; i++)
				if (r->touched[i]->parent == r->items)
					xmlAddChild(sect,
						    xmlDocCopyNode(r->touched[i],
								   v, 1));
			continue;
		}
		for (xmlNodePtr e = r->log_mark ? node_after(r->log_mark)
						: node_first(r->log);
		     e; e = node_after(e))
			xmlAddChild(sect, xmlDocCopyNode(e, v, 1));
	}
	return v;
}

int reg_save(struct reg *r)
{
	char *tmp = xasprintf("%s.new", r->path);
	struct sink sink = {-1, 0};
	xmlOutputBufferPtr out;
	struct stat st, written;
	int rc = EXIT_REFUSED;

	if (r->lock.fd < 0)
		die("internal error: saving without the lock");
	/* Never write what we could not read back. */
	xmlDocPtr changed = changed_part(r);
	int invalid = schema_validate(changed, r->path) < 0 ||
		      check_consistency(r) < 0;
	xmlFreeDoc(changed);
	if (invalid) {
		error(_("%s: internal error: the change would make the register "
			"invalid; nothing was written"),
		      r->path);
		goto out;
	}
	/* Only the lock holder writes REGISTER.new, so whatever is there is
	 * a killed writer's leftover -- or a symbolic link someone planted
	 * to have us overwrite another file: remove it, and create afresh. */
	unlink(tmp);
	remove_on_signal(tmp);
	sink.fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
		       0644);
	if (sink.fd < 0) {
		error(_("%s: cannot write: %s; nothing was changed"), tmp,
		      strerror(errno));
		goto out;
	}
	if (stat(r->path, &st) == 0)
		fchmod(sink.fd, st.st_mode & 07777);
	out = xmlOutputBufferCreateIO(sink_write, sink_close, &sink, NULL);
	if (!out)
		die(_("out of memory"));
	if (xmlSaveFormatFileTo(out, r->doc, "UTF-8", 1) < 0 || sink.err) {
		errno = sink.err ? sink.err : EIO;
		goto failed;
	}
	if (fsync(sink.fd) < 0)
		goto failed;
	trust_written(sink.fd, r->lock.fd, &written);
	if (close(sink.fd) < 0) {
		sink.fd = -1;
		goto failed;
	}
	sink.fd = -1;
	if (rename(tmp, r->path) < 0)
		goto failed;
	if (fsync_dir(r->path) < 0)
		warning(_("%s: saved, but the directory could not be synced: "
			  "%s"),
			r->path, strerror(errno));
	trust_record(r->path, &written, r->lock.fd);
	rc = EXIT_OK;
	goto out;
failed:
	error(_("%s: cannot save: %s; the register was not changed"), r->path,
	      strerror(errno));
	if (sink.fd >= 0)
		close(sink.fd);
	unlink(tmp);
out:
	remove_on_signal(NULL);
	free(tmp);
	return rc;
}

void reg_close(struct reg *r)
{
	if (r->lock.fd >= 0) {
		/* A save cut short leaves "REGISTER.new"; only the lock
		 * holder writes it, so it is ours to remove. */
		char *tmp = xasprintf("%s.new", r->path);
		unlink(tmp);
		free(tmp);
	}
	lock_release(&r->lock);
	xmlsafe_free_doc(r->doc);
	free(r->touched);
	free(r->path);
	memset(r, 0, sizeof *r);
	r->lock.fd = -1;
}
