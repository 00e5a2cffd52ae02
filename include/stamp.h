/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The command body `prioritise` and `decide` share: a stamped judgement
 * on an item.  It is a command's work (it opens and saves the register),
 * so it lives beside the commands, not among the principles they remind
 * of; like a module it leaves the exit status to them.
 */
#ifndef STYR_STAMP_H
#define STYR_STAMP_H

#include <argp.h>

#include "reg.h"
#include "util.h"
#include "vocab.h"

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
 * logs "old -> new" and saves.  Returns 0, or after printing -1, or
 * REG_UNREADABLE when the register is (as reg_open); cli_status() makes
 * the exit status. */
int stamp_run(const struct stamp_kind *k, const char *id, const char *value,
	      const struct stamp_opts *o);

#endif
