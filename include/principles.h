/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Phase 4 and 5 of the model: the principles styr reminds of (seed 000,
 * SPEC section 2): the rules only; `prioritise` and `decide` share their
 * command body in stamp.h.
 *
 * - A legal demand (origin law) cannot simply be removed: voting or
 *   proposing `remove` on it warns and suggests `change`.
 * - Small steps: the steering group should select focus in one review area
 *   at a time; the model's small-steps attribute is the limit (a warning).
 * - Evaluation criteria are agreed before implementation (a rule).
 * - Solutions are tried in prototypes and pilots before they are
 *   implemented ("drypvis afprøvning", a warning).
 *
 * Warnings never refuse: the people in the room decide; styr reminds.
 */
#ifndef STYR_PRINCIPLES_H
#define STYR_PRINCIPLES_H

#include <argp.h>

#include "reg.h"
#include "util.h"
#include "vocab.h"

/* Warns when PRIORITY (a canonical key) is "remove" and ITEM's origin is
 * law; WHAT says what is recorded anyway ("the vote"). */
void principle_law_remove(xmlNodePtr item, const char *priority,
			  const char *what);

/* The model's small-steps limit: review areas at once (default 1). */
long principle_small_steps_limit(struct reg *r);
/* Distinct review areas among the selected items, counting ITEM as
 * selected too; items without an area form one group.  The areas' names
 * (or "no area") go to NAMES, comma-separated, when NAMES is non-NULL. */
long principle_selected_areas(struct reg *r, xmlNodePtr item,
			      struct strbuf *names);
/* Warns when selecting ITEM makes the steering group's focus span more
 * review areas than the model's limit. */
void principle_small_steps(struct reg *r, xmlNodePtr item);

/* The rule "criteria before implementation": STATUS (canonical) may be
 * "implemented" only with non-empty CRITERIA.  Returns 0, or -1 after an
 * error naming ID. */
int principle_criteria_first(const char *id, const char *status,
			     const char *criteria);

/* Warns when a solution goes to implemented from OLD_STATUS (NULL: no
 * track yet) without having been tried as a prototype or pilot. */
void principle_try_first(const char *id, const char *old_status);

#endif
