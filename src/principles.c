// SPDX-License-Identifier: GPL-3.0-or-later
/* The model's principles and the stamped judgements on an item; see
 * principles.h. */
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>

#include "principles.h"

void principle_law_remove(xmlNodePtr item, const char *priority,
			  const char *what)
{
	const char *origin = node_attr(item, "origin");

	if (strcmp(priority, "remove") || !origin || strcmp(origin, "law"))
		return;
	warning(_("%s is a legal demand (origin law) and cannot simply be "
		  "removed; consider 'change' instead, to meet the law in a "
		  "way that supports the core task (%s)"),
		node_attr(item, "id"), what);
}

long principle_small_steps_limit(struct reg *r)
{
	const char *s = node_attr(r->model, "small-steps");
	long n = s ? strtol(s, NULL, 10) : 1;

	return n > 0 ? n : 1;
}

static bool is_selected(xmlNodePtr item)
{
	const char *v = node_attr(node_child(item, "decision"), "value");

	return v && !strcmp(v, "selected");
}

long principle_selected_areas(struct reg *r, xmlNodePtr item,
			      struct strbuf *names)
{
	/* A hash keeps this linear in the register, whatever its size. */
	xmlHashTablePtr seen = xmlHashCreate(0);
	bool no_area = false;
	long count = 0;
	xmlNodePtr n;

	if (!seen)
		die(_("out of memory"));
	for (n = node_first(r->items); n; n = node_after(n)) {
		const char *area;
		if (n != item && !is_selected(n))
			continue;
		area = node_attr(n, "area");
		if (!area) {
			if (no_area)
				continue;
			no_area = true;
		} else if (xmlHashAddEntry(seen, BAD_CAST area, n) < 0) {
			continue; /* seen before */
		}
		if (names) {
			if (count)
				sb_puts(names, ", ");
			sb_puts(names, area ? node_text(reg_area(r, area))
					    : _("no area"));
		}
		count++;
	}
	xmlHashFree(seen, NULL);
	return count;
}

void principle_small_steps(struct reg *r, xmlNodePtr item)
{
	long limit = principle_small_steps_limit(r), n;
	struct strbuf names = {0};

	n = principle_selected_areas(r, item, &names);
	if (n > limit) {
		if (limit == 1)
			warning(ngettext("the steering group is selecting "
					 "focus in %ld review area at once "
					 "(%s); the model recommends small "
					 "steps: one area at a time",
					 "the steering group is selecting "
					 "focus in %ld review areas at once "
					 "(%s); the model recommends small "
					 "steps: one area at a time",
					 (unsigned long)n),
				n, names.buf);
		else
			warning(ngettext("the steering group is selecting "
					 "focus in %ld review area at once "
					 "(%s); the model recommends small "
					 "steps: at most %ld areas at a time",
					 "the steering group is selecting "
					 "focus in %ld review areas at once "
					 "(%s); the model recommends small "
					 "steps: at most %ld areas at a time",
					 (unsigned long)n),
				n, names.buf, limit);
	}
	sb_free(&names);
}

int principle_criteria_first(const char *id, const char *status,
			     const char *criteria)
{
	if (strcmp(status, "implemented") || (criteria && *criteria))
		return 0;
	return error(_("%s: the solution cannot be marked implemented "
		       "before its evaluation criteria are agreed (what to "
		       "evaluate, how and when), as the model requires; "
		       "record them with --criteria TEXT"),
		     id);
}

void principle_try_first(const char *id, const char *old_status)
{
	if (old_status && strcmp(old_status, "idea"))
		return;
	warning(_("%s: the solution goes to implemented without a prototype "
		  "or pilot; the model recommends trying it out in small "
		  "pilots first, to find its teething troubles"),
		id);
}
