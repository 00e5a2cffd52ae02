/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * CSV as spreadsheets write it (RFC 4180, UTF-8): reading with libcsv,
 * record by record, each with the physical line it starts on so that a
 * message can send a person to the right row; writing rows with CRLF line
 * ends.  And the columns of the item table that `export csv` writes and
 * `import csv` reads, so that the two cannot drift apart.
 *
 * The separator is a comma, or a semicolon: a spreadsheet saving "CSV"
 * under a Danish (or other decimal-comma) locale separates with ';'.
 * The reader takes it from the first line: ';' when that line has a
 * semicolon and no comma outside quotes, else ','.
 *
 * Reading is strict: a quote in the wrong place, a quoted field that is
 * never closed, a NUL byte, an overlong field or too many rows stop it with
 * "NAME:LINE: ..." printed.  A UTF-8 byte order mark is skipped; CRLF, LF
 * and CR line ends all work; spaces around fields are kept (they are data).
 */
#ifndef STYR_CSV_H
#define STYR_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "util.h"

/* libcsv's header has this one's name; csv.c, its one user, asks for it
 * here, where the search can go on past include/. */
#ifdef STYR_WITH_LIBCSV
#include_next <csv.h>
#endif

/* Defaults: a field as long as the longest text styr keeps (TEXT_MAX: what
 * `add` accepts, `import` accepts), a header and 100,000 rows (ten times
 * the largest register SPEC plans for; each row becomes an item in memory,
 * so what a CSV file can make styr allocate grows with the file). */
#define CSV_MAX_FIELD ((size_t)TEXT_MAX)
#define CSV_MAX_ROWS 100000L

struct csv_limits {
	size_t max_field; /* bytes in one field */
	long max_rows;    /* records, not counting a header */
	bool header;      /* the first record is a header row */
};

/* One record, as the callback sees it.  The fields are NUL-terminated
 * (a field cannot hold a NUL: such a file is refused), live only during
 * the callback, and are the callback's to change in place (trimming). */
struct csv_record {
	char **field;
	size_t n;
	long line;   /* physical line (1-based) where the record starts */
	long number; /* 1 for the first record */
	char delim;  /* the separator the file is read with: ',' or ';' */
	/* The spreadsheet's sheet the row is on (sheet.h); NULL for CSV,
	 * whose LINE is a line, not a row number. */
	const char *sheet;
};

/* Called once per record; returning -1 (after printing) stops the read. */
typedef int csv_record_fn(const struct csv_record *rec, void *ctx);

/*
 * Reads all of F, calling FN for each record.  NAME is what messages call
 * the file; LIMITS may be NULL for the defaults with a header.  A file with
 * no record at all is refused.  Returns 0, or -1 after printing.
 */
int csv_read(FILE *f, const char *name, const struct csv_limits *limits,
	     csv_record_fn *fn, void *ctx);

/* The separator LEN bytes of S (the start of a file, after any byte
 * order mark) use: ';' when its first line has a semicolon and no comma
 * outside double quotes, else ','. */
char csv_guess_delim(const char *s, size_t len);

/* Writes one record of N cells (NULL prints as empty), ending in CRLF. */
void csv_write_row(FILE *f, const char *const cells[], size_t n);
/* The same with DELIM between the cells (';' for a Danish spreadsheet),
 * a cell holding DELIM quoted. */
void csv_write_record(FILE *f, const char *const cells[], size_t n,
		      char delim);
/* One cell of such a record: quoted when it holds DELIM, a quote, CR or
 * LF. */
void csv_write_field(FILE *f, const char *s, char delim);

/* A number as a person and a spreadsheet read it: "15", "2.5", every
 * digit the register holds (format_json_number). */
void csv_format_number(char out[32], double v);

/* The item table: one column per field, in this order: the id and kind,
 * the descriptive fields of item_fields.h (an AREA field followed by its
 * name), then the burden, votes, judgements and solution. */
#define COL_EXTRA_TEXT(id)
#define COL_EXTRA_TEXT_NULL(id)
#define COL_EXTRA_WORD(id)
#define COL_EXTRA_AREA(id) COL_##id##_NAME,
enum item_column {
	COL_ID,
	COL_KIND,
#define FIELD(id, name, type, ...) COL_##id, COL_EXTRA_##type(id)
#include "item_fields.h"
#undef FIELD
	COL_MINUTES,
	COL_PER_YEAR,
	COL_STAFF,
	COL_TARIFF,
	COL_VOTES_REMOVE,
	COL_VOTES_CHANGE,
	COL_VOTES_ANCHOR,
	COL_PRIORITY,
	COL_PRIORITY_REASON,
	COL_DECISION,
	COL_DECISION_REASON,
	COL_SOLUTION,
	COL_CRITERIA,
	COL_EVALUATE_BY,
	/* Added after the first release: at the end, so that the columns
	 * before keep their places. */
	COL_PRIORITY_DATE,
	COL_PRIORITY_BY,
	COL_DECISION_DATE,
	COL_DECISION_BY,
	COL_COUNT
};

/* The header names, as written in the header row. */
extern const char *const item_columns[COL_COUNT];
/* Their Danish names, which a header row may use instead. */
extern const char *const item_columns_da[COL_COUNT];

/* The column a header cell names (case-insensitive, surrounding spaces
 * ignored), by its English or its Danish name ("title", "Titel"), or
 * -1. */
int item_column(const char *header);

#endif
