/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Phase 4 and 5 of the model: the principles styr reminds of (seed 000,
 * SPEC section 2) and what `prioritise` and `decide` share.
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

/*
 * A stamped judgement on an item: <priority> (the workshop's proposal)
 * or <decision> (the steering group's), each <NAME value by date>reason.
 * `prioritise` and `decide` differ only in the table below.
 */
struct stamp_opts {
	const char *why;  /* reason, NULL when not given */
	const char *date; /* --date, NULL for today */
};
/* argp child with --why and --date; its input is a struct stamp_opts. */
extern const struct argp stamp_argp;

struct stamp_kind {
	const char *element;       /* "priority" / "decision" */
	const char *action;        /* change-log action: "prioritise" */
	const char *noun;          /* for people, N_(): "proposal" */
	const struct vocab *vocab; /* the values it takes */
	/* Reminders before the change, given the canonical VALUE. */
	void (*remind)(struct reg *r, xmlNodePtr item, const char *value);
};
/* Opens the register, checks ID, VALUE and O, replaces ITEM's element,
 * logs "old -> new" and saves.  Returns an exit status. */
int stamp_run(const struct stamp_kind *k, const char *id, const char *value,
	      const struct stamp_opts *o);

#endif
