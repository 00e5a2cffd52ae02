/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A voting round at a workshop (SPEC section 8), kept in the register as
 * a <round> inside its meeting, so that `styr round` and `styr serve`
 * share it and a restarted server carries on: which items, how many votes
 * each participant has, named or anonymous ballots, whether the result
 * is hidden until revealed, and a time limit.  At most one round is open
 * at a time.  The votes themselves are ordinary register votes in the
 * round's meeting (vote.h).
 *
 * Times are ISO 8601 UTC ("2026-12-06T17:05:00Z", now_iso), compared as
 * text.  Nothing here saves; the changers log what they did.
 */
#ifndef STYR_ROUND_H
#define STYR_ROUND_H

#include <stdbool.h>
#include <stddef.h>

#include "reg.h"
#include "value.h"

/* The open round, else the one opened last; NULL when there is none. */
xmlNodePtr round_current(struct reg *r);
/* Whether votes are taken now: the round is open and its time (if it
 * has a limit) not up at NOW. */
bool round_taking_votes(xmlNodePtr round, const char *now);
/* "open", "closed" (also an open round whose time is up) or "revealed"
 * (closed, its hidden result shown). */
const char *round_state(xmlNodePtr round, const char *now);
/* Whether the tally may be shown: the round is not hidden, or revealed. */
bool round_shows_tally(xmlNodePtr round);
bool round_anonymous(xmlNodePtr round);
/* Whether item ID is one of the round's. */
bool round_has_item(xmlNodePtr round, const char *id);
/* The round's meeting (its parent). */
xmlNodePtr round_meeting(xmlNodePtr round);

struct round_spec {
	xmlNodePtr meeting;   /* a workshop */
	const char **items;   /* ids; NULL/0: every item in the register */
	size_t nitems;
	long votes;           /* per participant; 0: one per item */
	long minutes;         /* time limit; 0: none */
	bool anonymous, hidden;
	bool web; /* from the facilitator's page: refusals in its words */
};
/* Opens a new round; refuses (-1 after printing) when a round is open,
 * an item is unknown or listed twice, or the numbers are out of range.
 * Returns the round, logged, or NULL. */
xmlNodePtr round_open(struct reg *r, const struct round_spec *s,
		      const char *now);
/* Closes ROUND (refused when it is closed already; an open round whose
 * time is up is closed for good).  0 or -1. */
int round_close(struct reg *r, xmlNodePtr round, const char *now);
/* Shows ROUND's result: closes it first when open.  0 or -1 (refused
 * when revealed already). */
int round_reveal(struct reg *r, xmlNodePtr round, const char *now);

/* How many of ROUND's items the voter has a vote on in its meeting: WHO
 * a who_identity (names.h), or BALLOT an anonymous ballot. */
long round_used(struct reg *r, xmlNodePtr round, const char *who,
		const char *ballot);
/* How many participants (people and ballots) have voted in ROUND. */
long round_voters(struct reg *r, xmlNodePtr round);

/*
 * The round as JSON-like values (the JSON interface and the pages):
 * meeting, number, state, voters, votes, hidden, opened, ends,
 * seconds_left, voted (participants so far) and the items, each with
 * id, kind, title, what the mapping found (experience counts, hours a
 * year, a quote) and, when TALLY (the caller checked round_shows_tally
 * or its own rights), its tally with ties shown as ties.  Labels in
 * LANG.  WHO / BALLOT (as round_used, or both NULL) add the caller's
 * own votes ("mine") and how many they have left.
 */
struct val *round_view(struct arena *a, struct reg *r, xmlNodePtr round,
		       const char *lang, bool tally, const char *who,
		       const char *ballot, const char *now);

#endif
