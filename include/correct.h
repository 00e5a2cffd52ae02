/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Corrections (SPEC section 7): everything recorded can be taken back or
 * put right -- a vote withdrawn, a note or a rating removed or changed, a
 * proposal, decision or solution cleared, an area or a person renamed or
 * removed, an item's kind changed.  The commands say what and call these;
 * the change log keeps, in words, what was there before, who corrected it,
 * when, and why when given.  Nothing here saves: the command does.
 *
 * Ownership: every char * returned here is the caller's, to free().
 */
#ifndef STYR_CORRECT_H
#define STYR_CORRECT_H

#include <stddef.h>

#include "reg.h"

/*
 * One correction, from opening the register to the message once it is
 * saved.  The command checks what was typed, opens, finds what to
 * correct, changes it, says in words what it did and commits:
 *
 *	struct correction c = {.action = "note", .why = a->why};
 *
 *	if ((rc = correct_open(&c, a->id)))
 *		return cli_status(rc);
 *	if (!(note = correct_part(c.item, "note", a->number, &n)))
 *		return cli_status(correct_cancel(&c));
 *	c.was = correct_describe(&c.r, note);
 *	c.what = xasprintf(_("note %ld removed: %s"), n, c.was);
 *	c.done = xasprintf(_("%s: note %ld removed; ..."), c.ref, n);
 *	c.gone = note;
 *	return cli_status(correct_commit(&c));
 */
struct correction {
	/* Set by the command before correct_open. */
	const char *action; /* the change log's action: "note" */
	const char *why;    /* --why, checked (correct_check_why), or NULL */
	/* Set by correct_open. */
	struct reg r;
	xmlNodePtr item; /* item ID, when correct_open was given one */
	const char *ref; /* what the log entry names: the item's id */
	/* Set by the command; correct_commit and correct_cancel free them. */
	char *was;       /* what was there, in words, when it helps */
	char *what;      /* the log's words (then "; why: WHY") */
	char *done;      /* said once saved; NULL: WHAT */
	/* A note's text before and after (after NULL: removed), kept as
	 * data beside WHAT, in the entry's <was> and <now>: what the merge
	 * reads (merge_notes.c), never the words.  NULL: none. */
	char *before, *after;
	xmlNodePtr gone; /* removed once the log has its entry (and its id) */
};

/* Opens the register for writing and, unless ID is NULL, finds item ID
 * (C->item, C->ref).  0, or after printing what reg_open_item returns;
 * nothing is left to close then. */
int correct_open(struct correction *c, const char *id);
/* Logs C->what with C->why under C->action and C->ref (and C->before,
 * C->after as <was>, <now>), removes C->gone,
 * saves and, once saved, says C->done.  Closes the register and frees
 * what C holds.  0, or what reg_save returned. */
int correct_commit(struct correction *c);
/* Closes the register unchanged and frees what C holds.  Returns -1: the
 * command refused, and said why. */
int correct_cancel(struct correction *c);

/* The part NAME ("note", "rating" or "vote") of ITEM numbered NUMBER as
 * the user typed it: 1 is the first, in the order the register keeps and
 * `styr show` lists them.  Prints why and returns NULL when there is no
 * such part. */
xmlNodePtr correct_part(xmlNodePtr item, const char *name,
			const char *number, long *n);

/* Part P (a note, a rating or a vote) in words, for the log and for
 * messages, in the language of the one who corrects:
 * "'Det tager en hel dag' (interview, Anne Agent, 2026-03-01)",
 * "baseline, Torben Højris: too tight (2026-03-01)",
 * "Marianne Vogt: remove (meeting M1, 2017-11-08)". */
char *correct_describe(struct reg *r, xmlNodePtr p);

/* Checks the text of --why (NULL is none).  0 or -1. */
int correct_check_why(const char *why);

/* Logs a correction: WHAT, then "; why: WHY" when WHY is non-empty.
 * Returns the entry. */
xmlNodePtr correct_log(struct reg *r, const char *action, const char *ref,
		       const char *what, const char *why);

/* The votes on ITEM by the person whose identity is WHO (names.h:
 * who_identity), in meeting MID, or in any meeting when MID is NULL: how
 * many there are, the last of them in *VOTE and their meetings as
 * "M1, M4" in *MEETINGS. */
size_t correct_find_votes(struct reg *r, xmlNodePtr item, const char *who,
			  const char *mid, xmlNodePtr *vote,
			  char **meetings);

/* The ids of the items in area AREA, as "R1, D2" ("" when none). */
char *correct_area_users(struct reg *r, const char *area);
/* Renames area or person N (its text) to NAME. */
void correct_rename(xmlNodePtr n, const char *name);
/* What refers to person PID: "votes on R1, D2; ratings on D1; attendance
 * at M1" ("" when nothing does). */
char *correct_person_users(struct reg *r, const char *pid);

/* The ids of the items with votes cast in meeting MID, as "R1, D2" (""
 * when none). */
char *correct_meeting_users(struct reg *r, const char *mid);

/* Gives ITEM the kind KIND (canonical) and a new id of that kind, the
 * next free one; the old id stays taken.  Logs the change, linking the
 * ids (the entry's "became"), with WHY.  Returns the new id (the
 * caller's), or NULL after printing (the kind is the item's already). */
char *correct_kind(struct reg *r, xmlNodePtr item, const char *kind,
		   const char *why);
/* The ids item ID had before (kind changes), as a NULL-terminated list
 * that starts with ID itself; free with free(). */
const char **correct_former_ids(struct reg *r, const char *id);

#endif
