// SPDX-License-Identifier: GPL-3.0-or-later
/* The register tree's small helpers (node.h): finding, reading, setting
 * and placing elements and attributes. */
#include <string.h>

#include <libxml/tree.h>

#include "node.h"
#include "util.h"

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
	"value", "status", "role", "respondent", "answer-id", "by", "count", "ballot",
	"meeting", "state", "votes", "voters", "hidden", "opened", "ends",
	"closed", "revealed",
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

bool node_has_attrs(xmlNodePtr n)
{
	return n->properties != NULL;
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

void node_append(xmlNodePtr parent, xmlNodePtr child)
{
	xmlAddChild(parent, child);
}

void node_insert_before(xmlNodePtr sibling, xmlNodePtr n)
{
	xmlAddPrevSibling(sibling, n);
}

void node_move(xmlNodePtr n, xmlNodePtr parent)
{
	xmlUnlinkNode(n);
	xmlAddChild(parent, n);
}

void node_adopt_ns(xmlNodePtr n, xmlNsPtr ns)
{
	xmlNodePtr c;

	if (n->nsDef) {
		xmlFreeNsList(n->nsDef);
		n->nsDef = NULL;
	}
	n->ns = ns;
	for (c = node_first(n); c; c = node_after(c))
		node_adopt_ns(c, ns);
}

void node_remove(xmlNodePtr n)
{
	xmlUnlinkNode(n);
	xmlFreeNode(n);
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
