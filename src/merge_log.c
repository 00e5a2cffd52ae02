// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The change log in a merge: the base's entries, then the entries new on
 * either side in the order they were recorded, an entry both sides made
 * alike kept once.
 */
#include <stdlib.h>
#include <string.h>

#include "merge.h"
#include "reg.h"
#include "strmap.h"
#include "util.h"

/* The log: entries new on either side, in the order they were recorded
 * (ties by their text), whichever side is "ours". */
static int entry_cmp(xmlNodePtr a, xmlNodePtr b)
{
	const char *wa = node_attr(a, "when"), *wb = node_attr(b, "when");
	int c = strcmp(wa ? wa : "", wb ? wb : "");
	char *ca, *cb;

	if (c)
		return c;
	ca = merge_canon(a);
	cb = merge_canon(b);
	c = strcmp(ca, cb);
	free(ca);
	free(cb);
	return c;
}

static void merge_log(xmlNodePtr r, xmlNodePtr *ours, size_t no,
		      xmlNodePtr *theirs, size_t nt)
{
	size_t i = 0, j = 0;

	for (i = 0; i < no; i++)
		xmlUnlinkNode(ours[i]);
	i = 0;
	while (i < no || j < nt) {
		if (j >= nt || (i < no && entry_cmp(ours[i], theirs[j]) <= 0))
			xmlAddChild(r, ours[i++]);
		else
			xmlAddChild(r, merge_graft(r, theirs[j++]));
	}
}

/* The log: BASE's entries begin both sides' logs (cmd_merge checks it
 * before merging: merge_check_history), so only the entries after them
 * are new; an entry both sides have new (the same change made twice) is
 * kept once. */
static xmlNodePtr item_by_id(xmlNodePtr log, const char *id)
{
	xmlNodePtr n = node_first(node_child(xmlDocGetRootElement(log->doc),
					     "items"));

	for (; n; n = node_after(n))
		if (!strcmp(node_attr(n, "id"), id))
			return n;
	return NULL;
}

/* One item's kind changed on both sides, differently: two new items (R3
 * here, D4 there) stand for one.  A conflict on each, so that taking
 * ours keeps ours and deletes theirs, and taking theirs the other way. */
static void kind_changes(xmlNodePtr log, xmlNodePtr *ours, size_t no,
			 xmlNodePtr *theirs, size_t nt,
			 struct merge_result *res)
{
	size_t i, j;

	for (i = 0; i < no; i++) {
		const char *ref = node_attr(ours[i], "ref");
		const char *mine = node_attr(ours[i], "became");
		if (!mine || !ref)
			continue;
		for (j = 0; j < nt; j++) {
			const char *other = node_attr(theirs[j], "became");
			xmlNodePtr a, b;
			char *at, *what;

			if (!other || strcmp(other, mine) == 0 ||
			    strcmp(node_attr(theirs[j], "ref")
					   ? node_attr(theirs[j], "ref")
					   : "",
				   ref))
				continue;
			a = item_by_id(log, mine);
			b = item_by_id(log, other);
			if (!a || !b)
				continue;
			what = xasprintf(_("%s: its kind was changed on both "
					   "sides (%s here, %s there)"),
					 ref, mine, other);
			at = xasprintf("/items/item[%s]", mine);
			merge_add_conflict(res, MERGE_BOTH_CHANGED, at, what,
					   mine, NULL, merge_xml(a), NULL);
			free(at);
			at = xasprintf("/items/item[%s]", other);
			merge_add_conflict(res, MERGE_BOTH_CHANGED, at, what,
					   other, NULL, NULL, merge_xml(b));
			free(at);
			free(what);
		}
	}
}

void merge_log_entries(xmlNodePtr b, xmlNodePtr r, xmlNodePtr t,
		       struct merge_result *res)
{
	xmlNodePtr eb = node_first(b), eo = node_first(r), et = node_first(t);
	xmlNodePtr *ours = NULL, *theirs = NULL;
	size_t no = 0, nt = 0, co = 0, ct = 0, *counts;
	struct strmap *seen;

	while (eb && eo && et) {
		eb = node_after(eb);
		eo = node_after(eo);
		et = node_after(et);
	}
	for (xmlNodePtr n = eo; n; n = node_after(n))
		co++;
	for (xmlNodePtr n = et; n; n = node_after(n))
		ct++;
	ours = xcalloc(co + 1, sizeof *ours);
	theirs = xcalloc(ct + 1, sizeof *theirs);
	counts = xcalloc(co + 1, sizeof *counts);
	seen = strmap_new((int)(co < 16 ? 16 : 2 * co));
	for (; eo; eo = node_after(eo)) {
		char *key = merge_canon(eo);
		size_t *count = strmap_get(seen, key);
		if (!count) {
			count = &counts[no];
			strmap_add(seen, key, count);
		}
		(*count)++;
		free(key);
		ours[no++] = eo;
	}
	for (; et; et = node_after(et)) {
		char *key = merge_canon(et);
		size_t *count = strmap_get(seen, key);
		if (count && *count)
			(*count)--;
		else
			theirs[nt++] = et;
		free(key);
	}
	kind_changes(r, ours, no, theirs, nt, res);
	merge_log(r, ours, no, theirs, nt);
	strmap_free(seen);
	free(counts);
	free(ours);
	free(theirs);
}

