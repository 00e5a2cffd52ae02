// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Notes corrected in place.  The merge matches an item's notes by what
 * they hold, so a note whose text `note change` put right looks, on its
 * own, like the old note removed and a new one added: a note changed
 * differently on both sides would come out as two notes, each wording
 * shown as if both were said.  Here a side's changed notes are paired
 * with the base notes they were, so that the merge sees one note changed
 * (and a conflict where both sides changed it, or one changed what the
 * other removed).
 *
 * How a change is told from a removal and an addition: by the change
 * log, which `note change` writes as "note 2 changed: 'OLD' (interview,
 * Anne Agent, 2026-03-01) -> 'NEW'" (in the corrector's language, the
 * texts as they are).  A base note gone on a side was changed into a new
 * note there when one of that side's new "note" entries on the item
 * quotes the old text and, after it, the new one.  The note's place,
 * author, method and date were the other candidate and serve only as a
 * guard (`note change` keeps the last three): they cannot tell which
 * note was changed when a side also removed one next to it, as all of a
 * day's interview notes share author, method and date and a removal
 * shifts the places.  A note changed more than once on one side is
 * followed from entry to entry.
 */
#include <stdlib.h>
#include <string.h>

#include "merge.h"
#include "reg.h"
#include "util.h"

/* Whether A and B were gathered alike: method, author and date. */
static bool same_origin(xmlNodePtr a, xmlNodePtr b)
{
	static const char *const attrs[] = {"method", "by", "date"};
	size_t i;

	for (i = 0; i < sizeof attrs / sizeof *attrs; i++) {
		const char *x = node_attr(a, attrs[i]), *y = node_attr(b, attrs[i]);
		if (x && y ? strcmp(x, y) != 0 : x != y)
			return false;
	}
	return true;
}

static size_t notes_of(xmlNodePtr item, xmlNodePtr **out)
{
	xmlNodePtr n;
	size_t count = 0, i = 0;

	for (n = item ? node_child(item, "note") : NULL; n;
	     n = node_next(n, "note"))
		count++;
	*out = xcalloc(count + 1, sizeof **out);
	for (n = item ? node_child(item, "note") : NULL; n;
	     n = node_next(n, "note"))
		(*out)[i++] = n;
	return count;
}

/* The first entry of SIDE's log that BASE's log does not have (BASE's
 * entries begin SIDE's: merge_check_history), or NULL. */
static xmlNodePtr first_new_entry(xmlNodePtr base_item, xmlNodePtr side_item)
{
	xmlNodePtr b = node_child(xmlDocGetRootElement(base_item->doc), "log");
	xmlNodePtr s = node_child(xmlDocGetRootElement(side_item->doc), "log");
	xmlNodePtr eb = b ? node_first(b) : NULL, es = s ? node_first(s) : NULL;

	while (eb && es) {
		eb = node_after(eb);
		es = node_after(es);
	}
	return es;
}

/* Whether the entries from E on (the "note" entries on item REF) lead
 * from the quoted text OLD to the quoted text NEW: one entry quotes OLD
 * and after it NEW, or quotes OLD and after it some text that later
 * entries lead on from to NEW (a note changed more than once).  The texts
 * a chain passes through are not known beforehand, so every quoted run
 * after OLD is tried; *BUDGET bounds the search. */
static bool logged_change(xmlNodePtr e, const char *ref, const char *old,
			  const char *new, int *budget)
{
	for (; e; e = node_after(e)) {
		const char *what, *rest, *q1, *q2;
		if (!node_attr(e, "action") || strcmp(node_attr(e, "action"), "note") ||
		    !node_attr(e, "ref") || strcmp(node_attr(e, "ref"), ref))
			continue;
		what = node_text(node_child(e, "what"));
		if (!(rest = strstr(what, old)))
			continue;
		rest += strlen(old);
		if (strstr(rest, new))
			return true;
		for (q1 = strchr(rest, '\''); q1; q1 = strchr(q1 + 1, '\''))
			for (q2 = strchr(q1 + 1, '\''); q2;
			     q2 = strchr(q2 + 1, '\'')) {
				char *via;
				bool found;
				if (--*budget < 0)
					return false;
				via = xasprintf("%.*s", (int)(q2 - q1 + 1), q1);
				found = strcmp(via, old) &&
					logged_change(node_after(e), ref, via,
						      new, budget);
				free(via);
				if (found)
					return true;
			}
	}
	return false;
}

/* Whether the log from E says that the note WAS became NOW. */
static bool changed_into(xmlNodePtr e, const char *ref, xmlNodePtr was,
			 xmlNodePtr now)
{
	char *old = xasprintf("'%s'", node_text(was));
	char *new = xasprintf("'%s'", node_text(now));
	int budget = 1000;
	bool found = logged_change(e, ref, old, new, &budget);

	free(old);
	free(new);
	return found;
}

size_t merge_changed_notes(xmlNodePtr base, xmlNodePtr side,
			   struct merge_note_pair **pairs)
{
	xmlNodePtr *b, *s, log = NULL;
	size_t nb = notes_of(base, &b), ns = notes_of(side, &s), i, j, np = 0;
	/* gone[i]: base note i is not on the side as it was; kept[j]: side
	 * note j is a base note as it was (or is paired). */
	bool *gone = xcalloc(nb + 1, sizeof *gone);
	bool *kept = xcalloc(ns + 1, sizeof *kept);
	const char *ref = node_attr(side, "id");

	*pairs = xcalloc(nb + 1, sizeof **pairs);
	/* The k-th of equal notes matches the k-th, as the merge's keys do. */
	for (i = 0; i < nb; i++) {
		gone[i] = true;
		for (j = 0; j < ns && gone[i]; j++)
			if (!kept[j] && merge_same(b[i], s[j])) {
				kept[j] = true;
				gone[i] = false;
			}
	}
	for (i = 0; i < nb && ref; i++) {
		if (!gone[i])
			continue;
		for (j = 0; j < ns; j++) {
			if (kept[j] || !same_origin(b[i], s[j]))
				continue;
			if (!log && !(log = first_new_entry(base, side)))
				goto done; /* nothing corrected on this side */
			if (!changed_into(log, ref, b[i], s[j]))
				continue;
			kept[j] = true; /* paired once */
			(*pairs)[np].was = b[i];
			(*pairs)[np++].now = s[j];
			break;
		}
	}
done:
	free(b);
	free(s);
	free(gone);
	free(kept);
	return np;
}
