// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The three-way merge of registers on their meaning (merge.h says what is
 * matched by what).  OURS is changed in place: a record both sides left as
 * the base had it costs one comparison of canonical texts, so a merge of
 * two large registers with few changes costs about what reading them does.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlsave.h>

#include "item.h"
#include "merge.h"
#include "reg.h"
#include "strmap.h"
#include "util.h"

/* How a child element is matched and merged. */
enum key_kind {
	K_NAME,    /* one of its name: the name is the key */
	K_ATTR,    /* by one attribute */
	K_ATTR2,   /* by two attributes */
	K_CONTENT, /* by everything it holds */
};

struct rule {
	bool record; /* merged field by field; else as a whole value */
	enum key_kind key;
	const char *a1, *a2;
};

static struct rule child_rule(const char *parent, xmlNodePtr c)
{
	const char *n = (const char *)c->name;
	struct rule atom = {false, K_NAME, NULL, NULL};
	struct rule content = {false, K_CONTENT, NULL, NULL};

	if (!strcmp(parent, "register")) {
		if (!strcmp(n, "model") || !strcmp(n, "areas") ||
		    !strcmp(n, "people") || !strcmp(n, "meetings") ||
		    !strcmp(n, "items") || !strcmp(n, "log"))
			return (struct rule){true, K_NAME, NULL, NULL};
		return atom;
	}
	if (!strcmp(parent, "model") && !strcmp(n, "phase"))
		return (struct rule){true, K_ATTR, "number", NULL};
	if (!strcmp(parent, "phase") || !strcmp(parent, "milestone")) {
		if (!strcmp(n, "milestone"))
			return (struct rule){true, K_ATTR, "id", NULL};
		if (!strcmp(n, "name") || !strcmp(n, "title"))
			return (struct rule){false, K_ATTR, "lang", NULL};
		return atom;
	}
	if ((!strcmp(parent, "areas") && !strcmp(n, "area")) ||
	    (!strcmp(parent, "people") && !strcmp(n, "person")) ||
	    (!strcmp(parent, "meetings") && !strcmp(n, "meeting")) ||
	    (!strcmp(parent, "items") && !strcmp(n, "item")))
		return (struct rule){true, K_ATTR, "id", NULL};
	if (!strcmp(parent, "meeting")) {
		if (!strcmp(n, "attendee"))
			return (struct rule){false, K_ATTR, "ref", NULL};
		return atom;
	}
	if (!strcmp(parent, "item")) {
		if (!strcmp(n, "burden") || !strcmp(n, "solution"))
			return (struct rule){true, K_NAME, NULL, NULL};
		if (!strcmp(n, "note"))
			return content;
		/* A named vote or rating is changed in place when the same
		 * person votes or answers again: one record per person.  An
		 * anonymous rating the survey tool gave an id (answer-id,
		 * import ratings) is one record per answer: both sides
		 * importing the same survey rows get each rating once. */
		if (!strcmp(n, "vote"))
			return node_attr(c, "by")
				       ? (struct rule){true, K_ATTR2, "by",
						       "meeting"}
				       : content;
		if (!strcmp(n, "rating") && node_attr(c, "respondent"))
			return (struct rule){true, K_ATTR2, "round",
					     "respondent"};
		/* (answer id first: its key cannot be a named one's.) */
		if (!strcmp(n, "rating") && node_attr(c, "answer-id"))
			return (struct rule){true, K_ATTR2, "answer-id",
					     "round"};
		if (!strcmp(n, "rating"))
			return content;
		return atom;
	}
	if (!strcmp(parent, "solution"))
		return atom;
	return content;
}

/* --- canonical text and XML --- */

static void canon_add(struct strbuf *sb, xmlNodePtr n)
{
	xmlAttrPtr a;
	xmlNodePtr c;

	sb_puts(sb, "<");
	sb_puts(sb, (const char *)n->name);
	for (a = n->properties; a; a = a->next) {
		xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);
		sb_printf(sb, "\x01%s=%s", (const char *)a->name,
			  v ? (const char *)v : "");
		xmlFree(v);
	}
	sb_puts(sb, ">");
	for (c = n->children; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE)
			canon_add(sb, c);
		else if ((c->type == XML_TEXT_NODE ||
			  c->type == XML_CDATA_SECTION_NODE) &&
			 c->content)
			sb_puts(sb, (const char *)c->content);
	}
	sb_puts(sb, "</>");
}

char *merge_canon(xmlNodePtr n)
{
	struct strbuf sb = {0};

	canon_add(&sb, n);
	return sb_steal(&sb);
}

char *merge_xml(xmlNodePtr n)
{
	xmlBufferPtr buf = xmlBufferCreate();
	char *s;

	if (!buf)
		die(_("out of memory"));
	xmlNodeDump(buf, n->doc, n, 0, 0);
	s = xstrdup((const char *)xmlBufferContent(buf));
	xmlBufferFree(buf);
	return s;
}

/* Whether two texts (a text node's or an attribute's) are equal. */
static bool same_content(xmlNodePtr a, xmlNodePtr b)
{
	const char *x = a && a->content ? (const char *)a->content : "";
	const char *y = b && b->content ? (const char *)b->content : "";

	return !strcmp(x, y);
}

static xmlNodePtr next_content(xmlNodePtr n)
{
	while (n && n->type != XML_ELEMENT_NODE && n->type != XML_TEXT_NODE &&
	       n->type != XML_CDATA_SECTION_NODE)
		n = n->next;
	return n;
}

bool merge_same(xmlNodePtr a, xmlNodePtr b)
{
	xmlAttrPtr x, y;
	xmlNodePtr c, d;

	if (!a || !b)
		return a == b;
	if (strcmp((const char *)a->name, (const char *)b->name))
		return false;
	for (x = a->properties, y = b->properties; x && y;
	     x = x->next, y = y->next)
		if (strcmp((const char *)x->name, (const char *)y->name) ||
		    !same_content(x->children, y->children))
			return false;
	if (x || y)
		return false;
	for (c = next_content(a->children), d = next_content(b->children);
	     c && d; c = next_content(c->next), d = next_content(d->next)) {
		if ((c->type == XML_ELEMENT_NODE) != (d->type == XML_ELEMENT_NODE))
			return false;
		if (c->type == XML_ELEMENT_NODE ? !merge_same(c, d)
						: !same_content(c, d))
			return false;
	}
	return !c && !d;
}

static bool same_node(xmlNodePtr a, xmlNodePtr b)
{
	return merge_same(a, b);
}

static bool same_str(const char *a, const char *b)
{
	return a && b ? !strcmp(a, b) : a == b;
}

/* --- keys --- */

/* "/" separates the steps of a path: escaped in a key, and so are the
 * control characters a content key holds (merge_canon's separators),
 * which an attribute of the register (a conflict's "at") cannot. */
static void key_escaped(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		if (*s == '/' || *s == '%' || (unsigned char)*s < 0x20)
			sb_printf(sb, "%%%02X", (unsigned)(unsigned char)*s);
		else
			sb_add(sb, s, 1);
	}
}

static char *key_of(const char *parent, xmlNodePtr c)
{
	struct rule rl = child_rule(parent, c);
	struct strbuf sb = {0};
	const char *v;

	sb_puts(&sb, (const char *)c->name);
	switch (rl.key) {
	case K_NAME:
		break;
	case K_ATTR:
	case K_ATTR2:
		sb_puts(&sb, "[");
		v = node_attr(c, rl.a1);
		key_escaped(&sb, v ? v : "");
		if (rl.key == K_ATTR2) {
			v = node_attr(c, rl.a2);
			sb_puts(&sb, "|");
			key_escaped(&sb, v ? v : "");
		}
		sb_puts(&sb, "]");
		break;
	case K_CONTENT: {
		char *cn = merge_canon(c);
		sb_puts(&sb, "{");
		key_escaped(&sb, cn);
		sb_puts(&sb, "}");
		free(cn);
		break;
	}
	}
	return sb_steal(&sb);
}

/* The children of one element with their keys, a key met again getting
 * "~2", "~3" ... so that equal notes are counted, not merged away. */
struct keyed {
	size_t n;
	xmlNodePtr *node;
	char **key;
	/* A note changed in place is keyed as the base note it was
	 * (rekey_notes); orig[i] is then its own key, what finds it in the
	 * merged tree.  NULL: none was. */
	char **orig;
	struct strmap *map; /* key -> index + 1 */
};

static void keyed_build(struct keyed *k, xmlNodePtr parent)
{
	xmlNodePtr c;
	size_t cap = 0;

	memset(k, 0, sizeof *k);
	if (!parent)
		return;
	for (c = node_first(parent); c; c = node_after(c))
		cap++;
	k->node = xcalloc(cap + 1, sizeof *k->node);
	k->key = xcalloc(cap + 1, sizeof *k->key);
	k->map = strmap_new((int)(cap < 16 ? 16 : cap * 2));
	for (c = node_first(parent); c; c = node_after(c)) {
		char *base = key_of((const char *)parent->name, c);
		char *key = xstrdup(base);
		int dup = 1;

		while (strmap_get(k->map, key)) {
			free(key);
			key = xasprintf("%s~%d", base, ++dup);
		}
		free(base);
		strmap_add(k->map, key, (void *)(k->n + 1));
		k->node[k->n] = c;
		k->key[k->n++] = key;
	}
}

static xmlNodePtr keyed_get(const struct keyed *k, const char *key)
{
	size_t i = k->map ? (size_t)strmap_get(k->map, key) : 0;

	return i ? k->node[i - 1] : NULL;
}

static void keyed_free(struct keyed *k)
{
	size_t i;

	for (i = 0; i < k->n; i++) {
		free(k->key[i]);
		if (k->orig)
			free(k->orig[i]);
	}
	free(k->orig);
	free(k->key);
	free(k->node);
	if (k->map)
		strmap_free(k->map);
}

/* Where K's I-th child is in the merged tree: its own key. */
static const char *keyed_path(const struct keyed *k, size_t i)
{
	return k->orig && k->orig[i] ? k->orig[i] : k->key[i];
}

static size_t keyed_index(const struct keyed *k, xmlNodePtr n)
{
	size_t i;

	for (i = 0; i < k->n && k->node[i] != n; i++)
		;
	return i;
}

/* The notes of the item SIDE changed in place since BASE (merge_notes.c)
 * are keyed in KS as the base notes they were, and by that key only, so
 * that a change is merged as one: taken, or a conflict with the other
 * side's change or removal. */
static void rekey_notes(const struct keyed *kb, struct keyed *ks,
			xmlNodePtr base, xmlNodePtr side)
{
	struct merge_note_pair *pairs;
	size_t n = merge_changed_notes(base, side, &pairs), p, j;

	for (p = 0; p < n; p++) {
		size_t i = keyed_index(kb, pairs[p].was);

		j = keyed_index(ks, pairs[p].now);
		if (i >= kb->n || j >= ks->n || strmap_get(ks->map, kb->key[i]))
			continue;
		if (!ks->orig)
			ks->orig = xcalloc(ks->n + 1, sizeof *ks->orig);
		ks->orig[j] = ks->key[j];
		ks->key[j] = xstrdup(kb->key[i]);
	}
	free(pairs);
	if (!ks->orig)
		return;
	strmap_free(ks->map);
	ks->map = strmap_new((int)(ks->n < 16 ? 16 : ks->n * 2));
	for (j = 0; j < ks->n; j++)
		strmap_add(ks->map, ks->key[j], (void *)(j + 1));
}

/* --- where a conflict is, in words --- */

struct ctx {
	struct merge_result *res;
	xmlDocPtr doc; /* ours: the result */
	xmlNsPtr ns;
};

void merge_add_conflict(struct merge_result *res, enum merge_kind kind,
			const char *at, const char *what, const char *ref,
			char *base, char *ours, char *theirs)
{
	struct merge_conflict *c;

	res->conflicts = xgrow(res->conflicts, res->nconflicts, &res->cap, 8,
			       sizeof *res->conflicts);
	c = &res->conflicts[res->nconflicts++];
	c->kind = kind;
	c->at = xstrdup(at);
	c->what = xstrdup(what);
	c->ref = ref ? xstrdup(ref) : NULL;
	c->base = base;
	c->ours = ours;
	c->theirs = theirs;
}

static void add_conflict(struct ctx *x, enum merge_kind kind, const char *at,
			 const char *what, const char *ref, char *base,
			 char *ours, char *theirs)
{
	merge_add_conflict(x->res, kind, at, what, ref, base, ours, theirs);
}

/* What people call a record: "D3", "phase 2", "D3: vote by P1 (M2)". */
static char *label_of(xmlNodePtr rec, const char *parent_label)
{
	const char *n = (const char *)rec->name;
	const char *pl = parent_label ? parent_label : "";

	if (!strcmp(n, "phase"))
		return xasprintf(_("phase %s"), node_attr(rec, "number"));
	if (!strcmp(n, "milestone"))
		return xasprintf(_("milestone %s"), node_attr(rec, "id"));
	if (!strcmp(n, "area"))
		return xasprintf(_("area %s"), node_attr(rec, "id"));
	if (node_attr(rec, "id"))
		return xstrdup(node_attr(rec, "id"));
	if (!strcmp(n, "vote"))
		return xasprintf(_("%s: vote by %s (%s)"), pl,
				 node_attr(rec, "by"),
				 node_attr(rec, "meeting")
					 ? node_attr(rec, "meeting")
					 : _("no meeting"));
	if (!strcmp(n, "rating") && !node_attr(rec, "respondent"))
		return xasprintf(_("%s: rating (%s), answer %s"), pl,
				 node_attr(rec, "round"),
				 node_attr(rec, "answer-id"));
	if (!strcmp(n, "rating"))
		return xasprintf(_("%s: rating (%s) by %s"), pl,
				 node_attr(rec, "round"),
				 node_attr(rec, "respondent"));
	if (!strcmp(n, "register") || !strcmp(n, "model") ||
	    !strcmp(n, "areas") || !strcmp(n, "people") ||
	    !strcmp(n, "meetings") || !strcmp(n, "items") ||
	    !strcmp(n, "log"))
		return xstrdup(n);
	return *pl ? xasprintf("%s: %s", pl, merge_field_word(n))
		   : xstrdup(merge_field_word(n));
}

/* A whole item in words: "R1 'Tidsregistrering'". */
static char *titled(const char *what, xmlNodePtr n)
{
	xmlNodePtr t = node_child(n, "title");

	return t && node_is(n, "item")
		       ? xasprintf("%s '%s'", what, node_text(t))
		       : xstrdup(what);
}

static char *what_of(const char *label, const char *field)
{
	return xasprintf("%s: %s", label, merge_field_word(field));
}

/* What people call a part that is not a record: "R3: note 2" (numbered
 * as `styr show` numbers them), "R3: title". */
static char *part_of(const char *label, xmlNodePtr n)
{
	xmlNodePtr p;
	long k = 1;

	if (!node_is(n, "note"))
		return what_of(label, (const char *)n->name);
	for (p = node_child(n->parent, "note"); p && p != n;
	     p = node_next(p, "note"))
		k++;
	/* TRANSLATORS: a merge conflict over one note: "R3: note 2" */
	return xasprintf(_("%s: note %ld"), label, k);
}

/* --- merging --- */

xmlNodePtr merge_graft(xmlNodePtr into, xmlNodePtr theirs)
{
	xmlNodePtr n = xmlDocCopyNode(theirs, into->doc, 1);

	if (!n)
		die(_("out of memory"));
	node_adopt_ns(n, into->ns);
	return n;
}

static xmlNodePtr graft(struct ctx *x, xmlNodePtr theirs)
{
	return merge_graft(xmlDocGetRootElement(x->doc), theirs);
}

static const char *const register_order[] = {
	"organisation", "title", "settings", "copy", "model", "areas", "people",
	"meetings", "items", "log", "conflicts", NULL};
static const char *const phase_order[] = {"name", "milestone", NULL};
static const char *const milestone_order[] = {"title", "note", NULL};
static const char *const meeting_order[] = {"title", "attendee", NULL};
static const char *const solution_order[] = {"criteria", NULL};
static const char *const no_order[] = {NULL};

const char *const *merge_order(xmlNodePtr parent)
{
	static const struct {
		const char *parent;
		const char *const *order;
	} orders[] = {{"register", register_order},
		      {"phase", phase_order},
		      {"milestone", milestone_order},
		      {"meeting", meeting_order},
		      {"item", item_order},
		      {"solution", solution_order}};
	size_t i;

	for (i = 0; i < sizeof orders / sizeof *orders; i++)
		if (!strcmp((const char *)parent->name, orders[i].parent))
			return orders[i].order;
	return no_order;
}

static void set_text(xmlNodePtr n, const char *text)
{
	xmlNodeSetContent(n, NULL);
	if (text && *text)
		xmlNodeAddContent(n, BAD_CAST text);
}

/* A record's own text (an area's or a person's name), or NULL when it
 * holds elements. */
static const char *own_text(xmlNodePtr n)
{
	if (!n || node_first(n))
		return NULL;
	return node_text(n);
}

static void merge_record(struct ctx *x, xmlNodePtr b, xmlNodePtr r,
			 xmlNodePtr t, const char *at, const char *label,
			 const char *ref);

static void merge_attrs(struct ctx *x, xmlNodePtr b, xmlNodePtr r,
			xmlNodePtr t, const char *at, const char *label,
			const char *ref)
{
	xmlNodePtr sides[3] = {b, r, t};
	int s;

	for (s = 0; s < 3; s++) {
		xmlAttrPtr a;
		if (!sides[s])
			continue;
		for (a = sides[s]->properties; a; a = a->next) {
			const char *name = (const char *)a->name;
			const char *vb, *vo, *vt;
			char *field, *what;
			int k, seen = 0;

			for (k = 0; k < s; k++)
				if (sides[k] && node_attr(sides[k], name))
					seen = 1;
			if (seen)
				continue;
			vb = b ? node_attr(b, name) : NULL;
			vo = node_attr(r, name);
			vt = node_attr(t, name);
			if (!strncmp(name, "next", 4)) {
				/* A counter: the further one, so that no
				 * id is handed out twice. */
				if (vt && (!vo || atol(vt) > atol(vo)))
					node_set_attr(r, name, vt);
				continue;
			}
			if (same_str(vo, vt) || same_str(vb, vt))
				continue;
			if (same_str(vb, vo)) {
				char *keep = vt ? xstrdup(vt) : NULL;
				node_set_attr(r, name, keep);
				free(keep);
				continue;
			}
			field = xasprintf("%s/@%s", at, name);
			what = what_of(label, name);
			add_conflict(x, b ? MERGE_BOTH_CHANGED : MERGE_BOTH_ADDED,
				     field, what, ref, vb ? xstrdup(vb) : NULL,
				     vo ? xstrdup(vo) : NULL,
				     vt ? xstrdup(vt) : NULL);
			free(field);
			free(what);
		}
	}
}

static void merge_own_text(struct ctx *x, xmlNodePtr b, xmlNodePtr r,
			   xmlNodePtr t, const char *at, const char *label,
			   const char *ref)
{
	const char *vo = own_text(r), *vt = own_text(t);
	const char *vb = b ? own_text(b) : NULL;
	char *field, *what;

	if (!vo || !vt || same_str(vo, vt) || same_str(vb, vt))
		return;
	if (same_str(vb, vo)) {
		char *keep = xstrdup(vt);
		set_text(r, keep);
		free(keep);
		return;
	}
	field = xasprintf("%s/#text", at);
	what = what_of(label, _("name"));
	add_conflict(x, b ? MERGE_BOTH_CHANGED : MERGE_BOTH_ADDED, field, what,
		     ref, vb ? xstrdup(vb) : NULL, xstrdup(vo), xstrdup(vt));
	free(field);
	free(what);
}

static void merge_children(struct ctx *x, xmlNodePtr b, xmlNodePtr r,
			   xmlNodePtr t, const char *at, const char *label,
			   const char *ref)
{
	struct keyed kb, kr, kt;
	const char *pname = (const char *)r->name;
	size_t i;

	if (!strcmp(pname, "log")) {
		merge_log_entries(b, r, t, x->res);
		return;
	}
	keyed_build(&kb, b);
	keyed_build(&kr, r);
	keyed_build(&kt, t);
	if (b && !strcmp(pname, "item")) {
		rekey_notes(&kb, &kr, b, r);
		rekey_notes(&kb, &kt, b, t);
	}
	for (i = 0; i < kr.n; i++) {
		xmlNodePtr o = kr.node[i];
		xmlNodePtr bn = keyed_get(&kb, kr.key[i]);
		xmlNodePtr tn = keyed_get(&kt, kr.key[i]);
		struct rule rl;
		struct strbuf step = {0};
		char *lab, *what;

		if (!bn && !tn)
			continue; /* ours added it */
		if (bn && !tn && same_node(bn, o)) {
			node_remove(o); /* theirs deleted it */
			continue;
		}
		if (tn && (same_node(o, tn) || (bn && same_node(bn, tn))))
			continue; /* nothing to take from theirs */
		if (tn && bn && same_node(bn, o)) {
			xmlNodePtr n = graft(x, tn);
			xmlReplaceNode(o, n);
			xmlFreeNode(o);
			continue;
		}
		rl = child_rule(pname, o);
		sb_printf(&step, "%s/%s", at, keyed_path(&kr, i));
		lab = rl.record ? label_of(o, label) : NULL;
		what = rl.record ? xstrdup(lab) : part_of(label, o);
		if (!tn) {
			/* ours changed what theirs deleted */
			char *named = titled(what, o);
			free(what);
			what = named;
			add_conflict(x, MERGE_CHANGED_DELETED, step.buf, what,
				     node_attr(o, "id") ? node_attr(o, "id") : ref,
				     merge_xml(bn), merge_xml(o), NULL);
		} else if (rl.record) {
			merge_record(x, bn, o, tn, step.buf, lab,
				     node_attr(o, "id") ? node_attr(o, "id")
							: ref);
		} else {
			add_conflict(x,
				     bn ? MERGE_BOTH_CHANGED : MERGE_BOTH_ADDED,
				     step.buf, what, ref,
				     bn ? merge_xml(bn) : NULL, merge_xml(o),
				     merge_xml(tn));
		}
		free(lab);
		free(what);
		sb_free(&step);
	}
	for (i = 0; i < kt.n; i++) {
		xmlNodePtr tn = kt.node[i];
		xmlNodePtr bn, n;

		if (keyed_get(&kr, kt.key[i]))
			continue;
		bn = keyed_get(&kb, kt.key[i]);
		if (!bn) {
			n = graft(x, tn);
			node_insert(r, n, merge_order(r));
		} else if (!same_node(bn, tn)) {
			/* ours deleted what theirs changed */
			struct rule rl = child_rule(pname, tn);
			char *step = xasprintf("%s/%s", at, kt.key[i]);
			char *plain = rl.record ? label_of(tn, label)
						: part_of(label, tn);
			char *lab = titled(plain, tn);
			free(plain);

			add_conflict(x, MERGE_DELETED_CHANGED, step, lab,
				     node_attr(tn, "id") ? node_attr(tn, "id")
							 : ref,
				     merge_xml(bn), NULL, merge_xml(tn));
			free(step);
			free(lab);
		}
	}
	keyed_free(&kb);
	keyed_free(&kr);
	keyed_free(&kt);
}

static void merge_record(struct ctx *x, xmlNodePtr b, xmlNodePtr r,
			 xmlNodePtr t, const char *at, const char *label,
			 const char *ref)
{
	merge_attrs(x, b, r, t, at, label, ref);
	merge_own_text(x, b, r, t, at, label, ref);
	if (node_first(r) || node_first(t))
		merge_children(x, b, r, t, at, label, ref);
}

int merge_run(xmlDocPtr base, xmlDocPtr ours, xmlDocPtr theirs,
	      struct merge_result *res)
{
	struct ctx x = {res, ours, NULL};
	xmlNodePtr b = xmlDocGetRootElement(base);
	xmlNodePtr r = xmlDocGetRootElement(ours);
	xmlNodePtr t = xmlDocGetRootElement(theirs);

	x.ns = r->ns;
	merge_renumber(b, r, t, res);
	merge_record(&x, b, r, t, "", _("register"), NULL);
	merge_keep_referred(b, r, t, res);
	return 0;
}

void merge_result_free(struct merge_result *res)
{
	size_t i;

	for (i = 0; i < res->nconflicts; i++) {
		struct merge_conflict *c = &res->conflicts[i];
		free(c->at);
		free(c->what);
		free(c->ref);
		free(c->base);
		free(c->ours);
		free(c->theirs);
	}
	free(res->conflicts);
	for (i = 0; i < res->nrenumbered; i++) {
		free(res->renumbered[i].from);
		free(res->renumbered[i].to);
	}
	free(res->renumbered);
	memset(res, 0, sizeof *res);
}

/* --- finding what a path names --- */

int merge_find(xmlNodePtr root, const char *at, xmlNodePtr *parent,
	       xmlNodePtr *node, const char **field)
{
	xmlNodePtr cur = root;
	const char *p = at;

	*parent = NULL;
	*node = root;
	*field = NULL;
	while (*p == '/')
		p++;
	while (*p) {
		size_t len = strcspn(p, "/");
		struct keyed k;
		size_t i;
		xmlNodePtr found = NULL;

		if (*p == '@' || *p == '#') {
			*parent = cur;
			*node = cur;
			*field = p;
			return p[len] ? -1 : 0;
		}
		if (!cur)
			return -1;
		keyed_build(&k, cur);
		for (i = 0; i < k.n; i++)
			if (strlen(k.key[i]) == len &&
			    !strncmp(k.key[i], p, len))
				found = k.node[i];
		keyed_free(&k);
		*parent = cur;
		*node = found;
		cur = found;
		p += len;
		while (*p == '/')
			p++;
		if (!found && *p)
			return -1;
	}
	return 0;
}
