/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * `import ratings`: a survey's answers as ratings, from the survey tool's
 * export in its wide shape -- a row per respondent, a column per item --
 * read from CSV, XLSX or ODS through sheet.h.
 *
 * The header names each column: an item by its id ("D1", also "D1: the
 * title") or its title (compared as names are: case, NFC and spacing do
 * not matter); 'respondent' (or 'navn', 'name', 'besvarer') for who
 * answered; 'role' (or 'rolle'), checked against the people list.  An
 * answer is an experience word in Danish or English, its alias or label
 * ("for stram", "Understøttende"); a blank cell is no answer.  A
 * respondent is matched to the people list as `rate` matches one, by id
 * or name (names.h), or recorded as a guest with GUEST; an empty
 * respondent cell, or no respondent column, gives anonymous ratings.  A
 * person's earlier rating in the round is replaced (and the log says so);
 * the same person twice in one file is refused.
 *
 * Anything the file holds that is not one of these -- an unknown column,
 * an unknown answer or role, a name that is no one's -- is refused with
 * its row and column, and then nothing is changed.
 */
#ifndef STYR_IMPORT_RATINGS_H
#define STYR_IMPORT_RATINGS_H

#include <stdbool.h>

#include "sheet.h"

struct ratings_opts {
	const char *round; /* as typed: baseline, followup, før, efter */
	const char *date;  /* the day of every answer; NULL: each one's
			    * completion day from the file, else today */
	bool guest;	   /* unknown respondents are guests */
	bool dry_run;
	bool again;	   /* import anonymous answers imported before */
};

/* Imports the ratings in SRC into the register; returns an exit status. */
int import_ratings(const struct sheet_source *src,
		   const struct ratings_opts *o);
/* The same for FILE ("-": standard input, CSV), its format taken from
 * its name or first bytes, SHEET its sheet or NULL; usage errors name
 * the command CMD.  Returns an exit status. */
int import_ratings_file(const char *cmd, const char *file, const char *sheet,
			const struct ratings_opts *o);

#endif
