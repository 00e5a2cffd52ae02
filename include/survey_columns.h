/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What a column of a survey tool's export is, by its header: the words
 * `import ratings` knows for who answered, their role, the tool's id of
 * the answer and the tool's own columns it reads past.  Items are not
 * here: whether a header names an item depends on the register.
 *
 * KEY is the header as name_key (names.h) makes it: case, NFC and
 * spacing do not matter.
 */
#ifndef STYR_SURVEY_COLUMNS_H
#define STYR_SURVEY_COLUMNS_H

#include <stdbool.h>

enum survey_column {
	SURVEY_OTHER,	   /* none of these: an item, or refused */
	SURVEY_RESPONDENT, /* who answered (a name or a person's id) */
	SURVEY_ROLE,	   /* their role */
	SURVEY_ANSWER,	   /* the survey tool's id of the answer */
	SURVEY_STAMP,	   /* a time stamp standing in for one (Google) */
	SURVEY_SKIP	   /* the tool's own data, read past */
};

/* The kind of column whose header's key is KEY. */
enum survey_column survey_column_kind(const char *key);

/* Whether KEY heads the column in which the tool says when each answer
 * was completed: Microsoft Forms' Completion time (Tidspunkt for
 * fuldførelse), Google Forms' Timestamp (Tidsstempel).  SurveyXact's
 * columns styr knows say no such thing. */
bool survey_column_completed(const char *key);

/* The day completion time S gives, in DAY: S as a spreadsheet's date
 * cell reaches the importers (YYYY-MM-DD, sheet.h), or ISO 8601 text --
 * the day, then optionally 'T' or a space, HH:MM, :SS, a fraction of
 * a second and a zone (Z, +01:00, +0100, +01).  The day as written: no
 * zone is converted.  False for anything else: "12/1/2026 10:32" could
 * be 1 December or 12 January, and styr does not guess. */
bool survey_completed_day(const char *s, char day[11]);

#endif
