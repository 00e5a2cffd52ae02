/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * One workshop vote, recorded one way for `styr vote` and `styr serve`
 * (SPEC section 7: one person, one vote per item and workshop; a second
 * vote replaces the first and says so; votes belong to a workshop).
 *
 * Nothing here saves: the caller saves the register once (reg_save).
 */
#ifndef STYR_VOTE_H
#define STYR_VOTE_H

#include <stdbool.h>

#include "reg.h"

/* The workshop a vote belongs to: MID, which must be a meeting of kind
 * workshop, else (MID NULL) the one workshop of the current phase.  NULL
 * after printing why (none, several: they are listed). */
xmlNodePtr vote_meeting(struct reg *r, const char *mid);

/* The voter NAME: someone in the people list (by id or name, compared
 * as names.h does), else, when GUEST, a guest of that name.  Sets
 * *STORED to what the vote records (the id, or the guest's name), *SHOWN
 * to the name for messages and *TIDY to what the caller frees (or NULL).
 * 0, or -1 after printing the closest names in the list; WEB: a
 * participant's phone, told to ask the facilitator, not the commands. */
int vote_voter(struct reg *r, const char *name, bool guest, bool web,
	       const char **stored, const char **shown, char **tidy);

/* What is voted and by whom: a person (STORED and SHOWN from
 * vote_voter), an anonymous participant's BALLOT in a round, or COUNT
 * paper votes when neither. */
struct vote_cast {
	const char *priority; /* a vocab_priority key */
	const char *stored, *shown;
	const char *ballot;
	long count;
	const char *meeting; /* its id */
	const char *date;    /* YYYY-MM-DD: the day it was cast */
};

/* Records the vote on ITEM (replacing the same person's or ballot's
 * earlier vote in the meeting) and logs it in the language of the
 * messages.  Returns the vote; *WAS is set to the priority it replaced
 * (the caller frees it) or NULL. */
xmlNodePtr vote_record(struct reg *r, xmlNodePtr item,
		       const struct vote_cast *c, char **was);

#endif
