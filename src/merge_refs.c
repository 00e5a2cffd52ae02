// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * References across the merged register.  An area, a person or a meeting
 * may be removed only when nothing refers to it -- on that side.  When the
 * other side has meanwhile put an item in the area, a vote or a rating by
 * the person, or a vote in or attendance at the meeting, the removal
 * cannot stand as it is: the record is kept (taken from the side that
 * still has it, else from the base) and the removal recorded as a
 * conflict, so the merged register stays valid and nothing is lost.
 */
#include <stdlib.h>
#include <string.h>

#include "merge.h"
#include "reg.h"
#include "strmap.h"
#include "util.h"

struct section {
	const char *name, *child;
	struct strmap *ids;
};

static xmlNodePtr find_id(xmlNodePtr section, const char *id)
{
	xmlNodePtr n;

	for (n = node_first(section); n; n = node_after(n))
		if (node_attr(n, "id") && !strcmp(node_attr(n, "id"), id))
			return n;
	return NULL;
}

static void need(struct section *s, xmlNodePtr base, xmlNodePtr ours,
		 xmlNodePtr theirs, const char *id, struct merge_result *res)
{
	xmlNodePtr into = node_child(ours, s->name), from, n;
	bool in_theirs;
	char *at, *what;

	if (!id || strmap_get(s->ids, id))
		return;
	from = find_id(node_child(theirs, s->name), id);
	in_theirs = from != NULL;
	if (!from)
		from = find_id(node_child(base, s->name), id);
	if (!from || !into)
		return; /* nobody has it: the check on saving names it */
	n = merge_graft(ours, from);
	xmlAddChild(into, n);
	strmap_add(s->ids, node_attr(n, "id"), n);
	at = xasprintf("/%s/%s[%s]", s->name, s->child, id);
	what = xasprintf(_("%s: removed on one side, referred to on the "
			   "other"),
			 id);
	if (in_theirs)
		merge_add_conflict(res, MERGE_DELETED_CHANGED, at, what, id,
				   NULL, NULL, merge_xml(n));
	else
		merge_add_conflict(res, MERGE_CHANGED_DELETED, at, what, id,
				   NULL, merge_xml(n), NULL);
	free(at);
	free(what);
}

static bool person_id(const char *v)
{
	return v && v[0] == 'P' && v[1] >= '1' && v[1] <= '9' &&
	       strspn(v + 1, "0123456789") == strlen(v + 1);
}

void merge_keep_referred(xmlNodePtr base, xmlNodePtr ours, xmlNodePtr theirs,
			 struct merge_result *res)
{
	struct section areas = {"areas", "area", NULL};
	struct section people = {"people", "person", NULL};
	struct section meetings = {"meetings", "meeting", NULL};
	struct section *all[] = {&areas, &people, &meetings};
	xmlNodePtr item, c, m;
	size_t i;

	for (i = 0; i < 3; i++) {
		all[i]->ids = strmap_new(64);
		for (c = node_first(node_child(ours, all[i]->name)); c;
		     c = node_after(c))
			if (node_attr(c, "id"))
				strmap_add(all[i]->ids, node_attr(c, "id"), c);
	}
	for (item = node_first(node_child(ours, "items")); item;
	     item = node_after(item)) {
		need(&areas, base, ours, theirs, node_attr(item, "area"), res);
		for (c = node_first(item); c; c = node_after(c)) {
			const char *by = node_attr(c, node_is(c, "rating")
							      ? "respondent"
							      : "by");
			if (node_is(c, "vote") || node_is(c, "rating")) {
				if (person_id(by))
					need(&people, base, ours, theirs, by,
					     res);
				need(&meetings, base, ours, theirs,
				     node_attr(c, "meeting"), res);
			}
		}
	}
	for (m = node_first(node_child(ours, "meetings")); m;
	     m = node_after(m))
		for (c = node_child(m, "attendee"); c; c = node_next(c, "attendee"))
			need(&people, base, ours, theirs, node_attr(c, "ref"),
			     res);
	for (i = 0; i < 3; i++)
		strmap_free(all[i]->ids);
}
