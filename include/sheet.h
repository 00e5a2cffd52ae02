/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Tables as people keep them: CSV, XLSX (Excel, Office Open XML) and ODS
 * (LibreOffice, OpenDocument), read row by row through one callback, so
 * that whatever imports rows (items, survey answers) handles all three
 * the same way, with the same messages.
 *
 * Each row comes as a struct csv_record (csv.h).  From a spreadsheet its
 * cells are text as the importer would have read them from CSV: numbers
 * as csv_format_number writes them ("12000", "7.5"), dates YYYY-MM-DD,
 * booleans "true"/"false", a formula's value as last computed; LINE is
 * the row number as the spreadsheet shows it, SHEET the sheet's name and
 * DELIM ','.  The first row that is not blank is the header; blank rows
 * are skipped; every later row has as many cells as the header, and a
 * value in a column the header leaves without a name is refused.
 *
 * Spreadsheets from strangers get the limits of templates (odt.h): at
 * most ODT_MAX_ENTRIES entries and ODT_MAX_TOTAL bytes unpacked, checked
 * from the declared sizes before anything is inflated and never read past
 * them; encrypted entries refused; the small parts (workbook, styles)
 * at most ODT_MAX_XML each and the shared texts ODT_MAX_ENTRY, the sheet
 * itself read as a stream without a tree; XML without DOCTYPE (xmlsafe.h);
 * at most SHEET_MAX_COLS columns (a cell beyond holding a value is
 * refused, empty ones are skipped without memory), CSV_MAX_ROWS rows and
 * CSV_MAX_FIELD bytes in a cell.
 */
#ifndef STYR_SHEET_H
#define STYR_SHEET_H

#include "csv.h"

/* As many columns as Excel has (A to XFD). */
#define SHEET_MAX_COLS 16384

enum sheet_format { SHEET_CSV, SHEET_XLSX, SHEET_ODS };

struct sheet_source {
	const char *path;	  /* "-": standard input (CSV only) */
	const char *name;	  /* what messages call the file */
	enum sheet_format format;
	const char *sheet;	  /* the sheet to read; NULL: the first */
};

/* The format "csv", "xlsx" or "ods" names (any case), or -1. */
int sheet_format_named(const char *word);
/* The format of the file PATH, from its name (.csv, .xlsx, .ods), else
 * from its first bytes (a zip with an OpenDocument mimetype: ODS; another
 * zip: XLSX; else CSV). */
enum sheet_format sheet_format_of(const char *path);

/* Reads SRC, calling FN for each row (the header first).  Returns 0, or
 * -1 after printing (FN's -1 included). */
int sheet_read(const struct sheet_source *src, csv_record_fn *fn, void *ctx);

/* Where REC is, for messages: "FILE:LINE" for CSV, "FILE, sheet 'S',
 * row N" for a spreadsheet (malloc'd). */
char *sheet_where(const char *name, const struct csv_record *rec);
/* The name people see for column I (0-based) of REC: "C" in a
 * spreadsheet, "3" in CSV. */
void sheet_column_label(char out[16], const struct csv_record *rec, size_t i);
/* The spreadsheet's letters for column I (0-based): A, Z, AA, XFD. */
void sheet_column_letters(char out[8], size_t i);

#endif
