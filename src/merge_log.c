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
void merge_log_entries(xmlNodePtr b, xmlNodePtr r, xmlNodePtr t)
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
	merge_log(r, ours, no, theirs, nt);
	strmap_free(seen);
	free(counts);
	free(ours);
	free(theirs);
}

