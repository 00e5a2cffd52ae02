/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The six-phase process as the register holds it: the model's phases and
 * their status, milestones, meetings, and what a phase still lacks before
 * it can be called done.  `phase`, `milestone` and `meeting` (and handouts
 * that show where the process stands) share these so that "current",
 * "held" and "lacks" mean the same everywhere.
 *
 * Nodes returned point into the register's tree.  Nothing here logs or
 * saves: commands do that once per change.
 */
#ifndef STYR_PHASE_H
#define STYR_PHASE_H

#include <stdbool.h>
#include <stddef.h>
#include <libxml/tree.h>

#include "reg.h"

/* --- phases --- */

/* Number of phases in the register's model. */
long phase_count(struct reg *r);
/* The phase numbered N, or NULL (silent). */
xmlNodePtr phase_find(struct reg *r, long n);
/* Parses ARG as the number of one of the model's phases; on failure prints
 * an error naming ARG and the valid numbers and returns NULL. */
xmlNodePtr phase_arg(struct reg *r, const char *arg);
/* The current phase (the model's "current"), NULL when none is. */
xmlNodePtr phase_current(struct reg *r);
long phase_number(xmlNodePtr phase);
/* "not-started", "active" or "done". */
const char *phase_status(xmlNodePtr phase);
/* The phase's name in LANG, else its first name. */
const char *phase_name(xmlNodePtr phase, const char *lang);

/* Makes PHASE active and current; sets "started" to TODAY unless it has
 * started before, and forgets a completion date (reopening).  Other
 * active phases stay active: the phases overlap. */
void phase_set_active(struct reg *r, xmlNodePtr phase, const char *today);
/* Marks PHASE done on TODAY.  When it was current, the latest phase still
 * active becomes current, or none. */
void phase_set_done(struct reg *r, xmlNodePtr phase, const char *today);

/* --- milestones --- */

/* The milestone with id ID ("2.3"), or NULL (silent). */
xmlNodePtr milestone_find(struct reg *r, const char *id);
/* Milestones of PHASE that are not ticked off. */
int phase_open_milestones(xmlNodePtr phase);

/* --- meetings --- */

/* A meeting counts as held from its date on (DATE <= TODAY). */
bool meeting_held(xmlNodePtr meeting, const char *today);
/* The meeting's phase number, 0 when it has none. */
long meeting_phase(xmlNodePtr meeting);
/* The meetings of phase PHASE (all when 0), by date, then by id.
 * Returns how many; the caller frees *OUT. */
size_t meetings_sorted(struct reg *r, long phase, xmlNodePtr **out);
/* Which roles (a bit per index of vocab_role) took part in the meetings of
 * phase PHASE (0: any phase) held by TODAY, from their attendees. */
unsigned phase_roles(struct reg *r, long phase, const char *today);

/* --- what a phase lacks --- */

struct check {
	bool ok;
	char *text;   /* what should be in place, as a person reads it */
	char *detail; /* when not ok: what is missing and how to add it */
};

struct checklist {
	struct check *v;
	size_t n, cap;
};

/*
 * Fills LIST with what PHASE needs before it is done: each milestone (ok
 * when ticked off), then the checks that belong to the phase of that number
 * in the default model (2 review areas and agents, 3 mapping, 4
 * prioritisation, 5 solutions, 6 follow-up).  LANG picks milestone titles.
 * Returns the number of checks that are not ok.
 */
int phase_checks(struct reg *r, xmlNodePtr phase, const char *lang,
		 const char *today, struct checklist *list);
void checklist_free(struct checklist *list);

#endif
