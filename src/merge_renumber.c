// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Both sides of a merge handed out new ids from the same counters: G4 on
 * one laptop and G4 on another are two different goals.  Every number
 * both sides handed out since the base is given, on THEIRS' side, a number
 * beyond both counters, with every reference to it: votes and ratings
 * (a person, a meeting), attendance, log entries (their id and the
 * sentence), and items kept in the log when deleted.  An id both sides
 * made identically (the same person added twice) is one and stays.
 */
#include <stdlib.h>
#include <string.h>

#include "merge.h"
#include "reg.h"
#include "strmap.h"
#include "util.h"

struct counter {
	const char *section, *attr;
	char prefix;
};

static const struct counter counters[] = {
	{"items", "next-goal", 'G'}, {"items", "next-rule", 'R'},
	{"items", "next-doc", 'D'},  {"people", "next", 'P'},
	{"meetings", "next", 'M'},
};

static long counter_of(xmlNodePtr root, const struct counter *c)
{
	const char *v = node_attr(node_child(root, c->section), c->attr);

	return v ? atol(v) : 1;
}

static xmlNodePtr find_id(xmlNodePtr section, const char *id)
{
	xmlNodePtr n;

	for (n = node_first(section); n; n = node_after(n))
		if (!strcmp(node_attr(n, "id") ? node_attr(n, "id") : "", id))
			return n;
	return NULL;
}

static bool same(xmlNodePtr a, xmlNodePtr b)
{
	return merge_same(a, b);
}

/* The sentence with every id in MAP replaced; NULL when none is. */
static char *renumber_text(const char *s, struct strmap *map)
{
	struct strbuf sb = {0};
	bool changed = false;
	const char *p = s;

	while (*p) {
		size_t len = 0;
		while (p[len] && ((p[len] >= 'A' && p[len] <= 'Z') ||
				  (p[len] >= 'a' && p[len] <= 'z') ||
				  (p[len] >= '0' && p[len] <= '9')))
			len++;
		if (len) {
			char *word = xasprintf("%.*s", (int)len, p);
			const char *to = strmap_get(map, word);
			sb_puts(&sb, to ? to : word);
			changed |= to != NULL;
			free(word);
			p += len;
		} else {
			sb_add(&sb, p++, 1);
		}
	}
	if (!changed) {
		sb_free(&sb);
		return NULL;
	}
	return sb_steal(&sb);
}

static void renumber_tree(xmlNodePtr n, struct strmap *map)
{
	static const char *const attrs[] = {"id", "ref", "by", "respondent", "became",
					    "meeting"};
	xmlNodePtr c;
	size_t i;

	for (i = 0; i < sizeof attrs / sizeof *attrs; i++) {
		const char *v = node_attr(n, attrs[i]);
		const char *to = v ? strmap_get(map, v) : NULL;
		if (to)
			node_set_attr(n, attrs[i], to);
	}
	if (!strcmp((const char *)n->name, "what")) {
		char *s = renumber_text(node_text(n), map);
		if (s) {
			xmlNodeSetContent(n, NULL);
			xmlNodeAddContent(n, BAD_CAST s);
			free(s);
		}
	}
	for (c = node_first(n); c; c = node_after(c))
		renumber_tree(c, map);
}

void merge_renumber(xmlNodePtr base, xmlNodePtr ours, xmlNodePtr theirs,
		    struct merge_result *res)
{
	struct strmap *map = strmap_new(64);
	size_t i;
	bool any = false;

	for (i = 0; i < sizeof counters / sizeof *counters; i++) {
		const struct counter *c = &counters[i];
		long b = counter_of(base, c), o = counter_of(ours, c),
		     t = counter_of(theirs, c);
		long next = o > t ? o : t, n;
		xmlNodePtr so = node_child(ours, c->section);
		xmlNodePtr st = node_child(theirs, c->section);
		char cnt[32];

		for (n = b; n < o && n < t; n++) {
			char id[32];
			xmlNodePtr on, tn;
			struct merge_renumbered *rn;

			snprintf(id, sizeof id, "%c%ld", c->prefix, n);
			on = find_id(so, id);
			tn = find_id(st, id);
			if (on && tn && same(on, tn))
				continue;
			res->renumbered = xgrow(res->renumbered,
						res->nrenumbered, &res->rcap,
						8, sizeof *res->renumbered);
			rn = &res->renumbered[res->nrenumbered++];
			rn->from = xstrdup(id);
			rn->to = xasprintf("%c%ld", c->prefix, next++);
			strmap_add(map, rn->from, rn->to);
			any = true;
		}
		snprintf(cnt, sizeof cnt, "%ld", next);
		if (next > t)
			node_set_attr(st, c->attr, cnt);
	}
	if (any)
		renumber_tree(theirs, map);
	strmap_free(map);
}
