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

#endif
