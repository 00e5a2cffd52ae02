/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The register as spreadsheet tables (SPEC section 10), for `export xlsx`
 * (xlsx.c) and `export ods` (ods.c), which write the same sheets from
 * here: the items, with every column of `export csv` (view.c's CSV row),
 * then the ratings, the votes, the meetings and the decision log.  Every
 * cell is typed, so that numbers land as numbers and dates as dates.
 * Sheet names and column headers are in the language messages are in
 * (msg_lang: Danish under a Danish locale); in English the item sheet's
 * headers are the CSV columns' names.
 *
 * A writer is a struct book_sink: begin() for each sheet, row() for each
 * row, end() after its last row.  The strings it is given live until the
 * call returns.  A callback returning -1 (after printing) stops the work.
 */
#ifndef STYR_BOOK_H
#define STYR_BOOK_H

#include <stdbool.h>
#include <stddef.h>

#include "reg.h"

enum book_cell_type { BOOK_EMPTY, BOOK_TEXT, BOOK_NUMBER, BOOK_DATE };

/* TEXT: TEXT.  NUMBER: NUM, and TEXT the number as `export csv` writes
 * it.  DATE: TEXT is YYYY-MM-DD and YEAR, MONTH, DAY that date. */
struct book_cell {
	enum book_cell_type type;
	const char *text;
	double num;
	int year, month, day;
};

struct book_column {
	const char *head;    /* the header, translated */
	enum book_cell_type type; /* what its cells mostly are */
	double width;        /* in characters, for a first view */
};

struct book_sink {
	int (*begin)(void *ctx, const char *name,
		     const struct book_column *cols, size_t ncols);
	int (*row)(void *ctx, const struct book_cell *cells, size_t n);
	/* ROWS: the rows written, not counting the header. */
	int (*end)(void *ctx, size_t rows);
	void *ctx;
};

/* Writes every sheet of R to SINK; 0, or -1 when a callback failed. */
int book_write(struct reg *r, const struct book_sink *sink);

/*
 * `export xlsx` (xlsx.c, with libxlsxwriter) and `export ods` (ods.c, with
 * the ODF writer of odt.h): every sheet as a workbook at PATH, the header
 * row frozen and an autofilter on each sheet, written whole through a
 * tempfile and replacing PATH (keeping its mode).  0, or -1 after saying
 * why; then PATH is untouched.
 */
int xlsx_write(struct reg *r, const char *path);
int ods_write(struct reg *r, const char *path);

/* The longest text a cell takes (Excel's limit, in bytes here); a longer
 * text is cut at a character boundary, and book_write warns once. */
#define BOOK_MAX_TEXT 32767

#endif
