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
 * log's data, never its words.  `note change` logs, beside the sentence
 * in <what> (in the corrector's language, its order the translator's),
 * the note's text before and after as <was> and <now>.  A base note gone
 * on a side was changed into a new note there when that side's new
 * "note" entries on the item lead from its text to the new one: an entry
 * whose <was> is the text and whose <now> is the new text, or a chain of
 * them (a note changed more than once).  The note's place, author,
 * method and date were the other candidate and serve only as a guard
 * (`note change` keeps the last three): they cannot tell which note was
 * changed when a side also removed one next to it, as all of a day's
 * interview notes share author, method and date and a removal shifts the
 * places.
 *
 * An entry written before <was> and <now> existed (a register corrected
 * by an older styr) has only the sentence, and is not read: a note it
 * records as changed merges as the old note removed and the new one
 * added, by content as every merge before this file did -- changed
 * differently on both sides it is kept in both wordings, nothing lost,
 * and a person sees both (t1102 pins this).  The sentence reader this
 * file first had is not kept as a fallback for them: it is not simple to
 * keep apart (it tried every quoted run as a text a chain passes through,
 * and a note changed before and after an upgrade puts both kinds of
 * entry in one chain), and what it could save, a conflict instead of two
 * wordings, is not worth a merge of evidence that depends on a
 * translation's word order again.
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

/* Whether ENTRY is a `note change` of item REF from the text WAS: its
 * text after, or NULL. */
static const char *changed_from(xmlNodePtr entry, const char *ref,
				const char *was)
{
	const char *action = node_attr(entry, "action");
	const char *r = node_attr(entry, "ref");
	xmlNodePtr before = node_child(entry, "was");
	xmlNodePtr after = node_child(entry, "now");

	if (!action || strcmp(action, "note") || !r || strcmp(r, ref) ||
	    !before || !after || strcmp(node_text(before), was))
		return NULL;
	return node_text(after);
}

/* Whether the log from E on says that note WAS (of item REF) became NOW,
 * directly or through texts it had in between. */
static bool changed_into(xmlNodePtr e, const char *ref, xmlNodePtr was,
			 xmlNodePtr now)
{
	const char *text = node_text(was), *after;

	for (; e; e = node_after(e)) {
		if (!(after = changed_from(e, ref, text)))
			continue;
		if (!strcmp(after, node_text(now)))
			return true;
		text = after;
	}
	return false;
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
