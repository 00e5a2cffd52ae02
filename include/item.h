/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * An item and its parts, in one place: the descriptive fields that `add`,
 * `edit` and `import` share (their options, their checks and how they are
 * stored, all from the one table in item_fields.h), and the children SPEC
 * section 2 gives an item (notes, ratings, burden, votes, priority,
 * decision, solution).  Commands and import build
 * and change items only through these, so that each part is made one way;
 * view.c reads them for JSON, CSV and templates.
 *
 * Values given to the builders are checked and canonical already; NULL
 * leaves an attribute out.
 */
#ifndef STYR_ITEM_H
#define STYR_ITEM_H

#include <argp.h>

#include "reg.h"
#include "util.h"

/* The descriptive fields, in the order of item_fields.h. */
enum item_field {
#define FIELD(id, ...) F_##id,
#include "item_fields.h"
#undef FIELD
	F_COUNT
};

/* How a field is stored and shown; see the TYPE column of item_fields.h. */
enum item_type { ITEM_TEXT, ITEM_TEXT_NULL, ITEM_WORD, ITEM_AREA };

struct vocab;
/* One row of item_fields.h, for code that walks the fields. */
struct item_field_info {
	const char *name;  /* element or attribute, JSON key, CSV column */
	enum item_type type;
	const struct vocab *vocab; /* of a WORD field */
	const char *extra; /* "origin_label", "area_name": the key beside it */
	const char *what;  /* N_(): in messages */
	const char *label; /* N_(): in `show` */
};
extern const struct item_field_info item_field_info[F_COUNT];

/* Values given for each field; NULL = not given, "" = clear it. */
struct item_fields {
	const char *v[F_COUNT];
};

/* argp child with an option for every field but the title (and with
 * --title too for item_fields_title_argp).  Its input is a struct
 * item_fields. */
extern const struct argp item_fields_argp, item_fields_title_argp;

/* Checks every given value (text, vocabularies, that the area exists) and
 * stores it on ITEM; describes each change in CHANGES ("area: A -> B").
 * Returns 0, or -1 after printing; on -1 nothing has been changed. */
int item_fields_apply(struct reg *r, xmlNodePtr item,
		      const struct item_fields *f, struct strbuf *changes);
/* The stored value of a field ("" when unset); no copy. */
const char *item_field_value(xmlNodePtr item, enum item_field field);
/* The same, NULL when unset. */
const char *item_field_get(xmlNodePtr item, enum item_field field);
/* Checks KIND and TITLE of a new item; returns the canonical kind or NULL
 * after printing. */
const char *item_check_new(const char *kind, const char *title);

/* Canonical child order of an item, as the schema fixes it. */
extern const char *const item_order[];
/* Sets, replaces or (VALUE NULL or "") removes the simple text child NAME
 * of ITEM, keeping the canonical order. */
void item_set_text(struct reg *r, xmlNodePtr item, const char *name,
		   const char *value);

/* NOTE in words, for the log and for messages, in the language of the one
 * at the terminal: "'Det tager en hel dag' (interview, Anne Agent,
 * 2026-03-01)"; allocated. */
char *item_note_words(xmlNodePtr note);
/* Adds a field note (TEXT non-empty); METHOD a vocab_method key or NULL. */
void item_add_note(struct reg *r, xmlNodePtr item, const char *text,
		   const char *method, const char *by, const char *date);
/* The rating RESPONDENT gave in ROUND, or NULL. */
xmlNodePtr item_find_rating(xmlNodePtr item, const char *round,
			    const char *respondent);
/* The rating in ROUND that carries the survey tool's answer id ANSWER
 * (its attribute answer-id: import ratings), or NULL. */
xmlNodePtr item_find_answer(xmlNodePtr item, const char *round,
			    const char *answer);
/* Who gave RATING when it names no respondent, in words:
 * "anonymous answer 17" for an answer the survey tool gave an id (so a
 * person can tell two apart), else "anonymous" (malloc'd). */
char *item_rating_anonymous(xmlNodePtr rating);
/* Records EXPERIENCE on RATING (an existing one from item_find_rating),
 * or adds a new rating when RATING is NULL; returns the rating. */
xmlNodePtr item_set_rating(struct reg *r, xmlNodePtr item, xmlNodePtr rating,
			   const char *round, const char *experience,
			   const char *respondent, const char *date);
/* Replaces the burden estimate; the amounts as stored (decimal point). */
void item_set_burden(struct reg *r, xmlNodePtr item, const char *minutes,
		     const char *per_year, const char *staff,
		     const char *tariff);
/* The earlier vote on ITEM in meeting MID by the voter whose identity
 * (names.h: who_identity) is WHO -- the same person however the name was
 * written -- or NULL. */
xmlNodePtr item_find_vote(struct reg *r, xmlNodePtr item, const char *who,
			  const char *mid);
/* The vote of the anonymous ballot BALLOT (styr serve) on ITEM in
 * meeting MID, or NULL. */
xmlNodePtr item_find_ballot(xmlNodePtr item, const char *ballot,
			    const char *mid);
/* Records a vote for PRIORITY on VOTE (an earlier one to replace), or on
 * a new one when VOTE is NULL: by BY (a person), or COUNT anonymous
 * paper votes when BY is NULL.  Returns the vote. */
xmlNodePtr item_set_vote(struct reg *r, xmlNodePtr item, xmlNodePtr vote,
			 const char *priority, const char *by, long count,
			 const char *meeting, const char *date);
/* Replaces the stamped judgement ELEMENT ("priority" or "decision") with
 * VALUE, REASON ("" for none), DATE and BY.  Returns the value it
 * replaced (the caller frees it), or NULL when there was none. */
char *item_set_stamp(struct reg *r, xmlNodePtr item, const char *element,
		     const char *value, const char *reason, const char *date,
		     const char *by);
/* Sets the solution track, making it when absent: STATUS always;
 * EVALUATE_BY when non-NULL; CRITERIA when non-NULL ("" removes them). */
void item_set_solution(struct reg *r, xmlNodePtr item, const char *status,
		       const char *evaluate_by, const char *criteria);

/* What can be computed from an item's votes, ratings and burden. */
struct item_facts {
	int votes[3];      /* remove, change, anchor */
	int exp[2][3];     /* [baseline|followup][supportive|too-tight|too-loose] */
	int leading;       /* index of the leading priority, -2 tie, -1 none */
	bool has_burden;
	double minutes, per_year, staff, tariff; /* tariff 0 when none */
	double hours_per_year;
	double cost_per_year; /* < 0 when no tariff is known */
};

/* Computes FACTS for ITEM; MEETING limits votes to one meeting (or NULL).
 * DEFAULT_TARIFF is the register's (0 when unset). */
void item_facts(xmlNodePtr item, const char *meeting, double default_tariff,
		struct item_facts *facts);

#endif
