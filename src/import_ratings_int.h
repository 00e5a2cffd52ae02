/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Private to import_ratings.c (the header, the rows, the ratings) and
 * import_ratings_days.c (the day each answer was completed, and the
 * summary's word on the survey tool's columns): the import's state.
 */
#ifndef STYR_IMPORT_RATINGS_INT_H
#define STYR_IMPORT_RATINGS_INT_H

#include <stdbool.h>
#include <stddef.h>

#include <zlib.h>

#include "csv.h"
#include "import_ratings.h"
#include "reg.h"
#include "util.h"

struct strmap;

/* What a column is: an item's, or one of survey_columns.h's kinds.
 * COL_ANSWER: the survey tool's id of the answer; COL_STAMP: a time
 * stamp standing in for one; COL_SKIP: the tool's own data (times,
 * mail addresses, status), read past. */
enum { COL_ITEM, COL_RESPONDENT, COL_ROLE, COL_ANSWER, COL_STAMP, COL_SKIP };

struct column {
	int what;
	const char *item; /* the item's id (COL_ITEM) */
	char *header;	  /* as the file has it */
};

struct ratings {
	struct reg *r;
	const struct ratings_opts *o;
	const char *name;
	const char *round;
	char date[11]; /* --date, or today */
	char today[11];
	char *sheet;
	struct column *col;
	size_t ncols;
	int respondent, role; /* their columns, or -1 */
	int answer;	      /* the answer id's column (or a stamp's), or -1 */
	int completed;	      /* the completion times' column, or -1 */
	struct strmap *titles;	/* title key -> item id */
	struct strmap *twice;	/* title key -> a second item's id */
	struct strmap *seen;	/* respondent identity -> row (this file) */
	struct strmap *items;	/* item ids rated -> 1 */
	struct strmap *answers; /* answer ids -> row (this file) */
	char *where;
	long ratings, replaced, same, rows, nitems;
	long plain;	   /* anonymous rows without an answer id */
	struct strbuf log; /* the replaced ratings, for the log */
	char *unread;	   /* the first completion time not read, said */
	long undated;	   /* rows without a completion time */
	char *undated_at;  /* the first of them */
	xmlNodePtr *dated; /* the ratings given their row's day */
	size_t ndated, dated_cap;
	char first[11], last[11]; /* the days the ratings were answered */
	uLong crc;		  /* the round and the rows (see digest_add) */
	unsigned long long size;
};

/* "FILE:LINE: column 'D1'" or "FILE, sheet 'S', row N, column C ('D1')"
 * for column I of REC, in RT's scratch (import_ratings.c). */
const char *ratings_cell(struct ratings *rt, const struct csv_record *rec,
			 size_t i);

/* The days answered (import_ratings_days.c). */

/* The day REC's ratings were answered, in DAY: its completion time's
 * (*OWN), else --date or today.  The first value that is no day styr
 * reads is kept for the summary, and then no row takes its day from the
 * column (ratings_days_done).  -1 after printing for a day to come. */
int ratings_row_day(struct ratings *rt, const struct csv_record *rec,
		    char day[11], bool *own);
/* RATING was set, answered on DAY (its row's own day when OWN). */
void ratings_answered(struct ratings *rt, xmlNodePtr rating, const char *day,
		      bool own);
/* After the rows: when a completion time was not read, every rating gets
 * --date or today. */
void ratings_days_done(struct ratings *rt);
/* The days answered: "2026-11-02", or "2026-11-02 to 2026-11-05"
 * (malloc'd). */
char *ratings_span(const struct ratings *rt);
/* The summary's word on the tool's columns: those read past, and where
 * the ratings' days came from. */
void ratings_columns_said(struct ratings *rt);

#endif
