/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Rows of text printed as an aligned table for people, or as CSV (RFC 4180)
 * or TSV for spreadsheets and scripts.  Cells are copied.
 */
#ifndef STYR_TABLE_H
#define STYR_TABLE_H

#include <stdio.h>

/* The output formats a command may offer (cli_format parses them). */
enum format { FMT_TEXT, FMT_TABLE, FMT_CSV, FMT_TSV, FMT_JSON };

struct table;

/* NCOLS columns with the given headers (copied). */
struct table *table_new(int ncols, const char *const headers[]);
/* Starts a row; then table_cell NCOLS times (NULL prints as empty). */
void table_row(struct table *t);
void table_cell(struct table *t, const char *text);
void table_cellf(struct table *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* In the table format, truncate column COL to WIDTH characters ("…"). */
void table_max_width(struct table *t, int col, int width);
/* Right-align column COL in the table format (numbers). */
void table_align_right(struct table *t, int col);
/* FMT_TABLE, FMT_CSV or FMT_TSV. */
void table_print(struct table *t, enum format fmt, FILE *f);
void table_free(struct table *t);

/* Display width of UTF-8 text (code points; good for Latin scripts). */
int text_width(const char *s);

#endif
