/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The command body `prioritise` and `decide` share: a stamped judgement
 * on an item.  It is a command's work (it parses the arguments, opens
 * and saves the register and returns an exit status), so it lives beside
 * the commands, not among the principles they remind of.
 */
#ifndef STYR_STAMP_H
#define STYR_STAMP_H

#include "reg.h"
#include "util.h"
#include "vocab.h"

/*
 * A stamped judgement on an item: <priority> (the workshop's proposal)
 * or <decision> (the steering group's), each <NAME value by date>reason.
 * `prioritise` and `decide` differ only in the table below.
 */
struct stamp_kind {
	const char *element;       /* "priority" / "decision" */
	const char *action;        /* change-log action: "prioritise" */
	const char *noun;          /* for people, N_(): "proposal" */
	const struct vocab *vocab; /* the values it takes */
	/* Reminders before the change, given the canonical VALUE. */
	void (*remind)(struct reg *r, xmlNodePtr item, const char *value);
	/* The command's words for --help and usage errors, N_(). */
	const char *args_doc; /* "ID PRIORITY" */
	const char *needs;    /* what ID and VALUE are */
	const char *doc;
	/* 'clear': its help (short part, \v, the rest), and a reminder
	 * before the judgement on ITEM is cleared, or NULL. */
	const char *clear_doc;
	const char *nothing_to_clear; /* N_("%s has no proposal to clear") */
	void (*clear_remind)(xmlNodePtr item);
};
/* The whole command, a cli_command's MAIN with KIND its stamp_kind:
 * parses ID VALUE [--why TEXT] [--date DATE] from ARGV, opens the
 * register, checks them, replaces the item's element, logs "old -> new"
 * and saves; or, with 'clear ID [--why TEXT]', removes the element and
 * logs what it was.  Returns an exit status. */
int stamp_main(const void *kind, int argc, char **argv);

#endif
