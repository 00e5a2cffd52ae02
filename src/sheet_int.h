/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the spreadsheet readers share, and no other module includes; their
 * API is sheet.h:
 *
 *   sheet.c       formats, CSV, the zip package within limits, and the
 *                 row builder: cells in, records (csv.h) out
 *   sheet_xlsx.c  Office Open XML workbooks (Excel, openpyxl, LibreOffice)
 *   sheet_ods.c   OpenDocument spreadsheets (LibreOffice)
 */
#ifndef STYR_SHEET_INT_H
#define STYR_SHEET_INT_H

#include <stdbool.h>
#include <stddef.h>

#include <zip.h>

#include "sheet.h"
#include "util.h"
#include "xmlsafe.h"

/* --- the package --- */

struct sheet_zip {
	zip_t *z;
	const char *name; /* what messages call the file */
};

/* Opens the spreadsheet PATH and checks every entry against the limits
 * before anything is inflated.  0, or -1 after printing. */
int sheet_zip_open(struct sheet_zip *sz, const char *path, const char *name);
void sheet_zip_close(struct sheet_zip *sz);
/* Whether the package holds ENTRY. */
bool sheet_zip_has(struct sheet_zip *sz, const char *entry);
/* The whole of ENTRY (NUL-terminated, malloc'd, its length in *LEN), at
 * most MAX bytes; NULL after printing when it is missing, too big or
 * unreadable. */
char *sheet_zip_read(struct sheet_zip *sz, const char *entry, long max,
		     size_t *len);
/* ENTRY, an XML part at most ODT_MAX_XML bytes, parsed safely; NULL after
 * printing. */
xmlDocPtr sheet_zip_xml(struct sheet_zip *sz, const char *entry);
/* Streams ENTRY through SAX: 0 (the parse ended or was stopped with
 * XMLSAFE_DONE), or -1 after printing. */
int sheet_zip_stream(struct sheet_zip *sz, const char *entry,
		     const struct xmlsafe_sax *sax, void *user);

/* --- rows --- */

struct sheet_rows {
	const char *name;  /* the file, for messages */
	const char *sheet; /* the sheet's name */
	csv_record_fn *fn;
	void *ctx;
	long row;	   /* the row being built (1-based) */
	struct strbuf text; /* the row's cell texts, each with its NUL */
	size_t *start;	   /* offset of each column's text; -1: empty */
	size_t ncols, cap; /* columns set in this row */
	char **ptrs;
	size_t width;	   /* the header's, once read */
	long records;
	char *where;	   /* scratch for messages */
};

void sheet_rows_init(struct sheet_rows *r, const char *name,
		     const char *sheet, csv_record_fn *fn, void *ctx);
void sheet_rows_free(struct sheet_rows *r);
/* Starts row ROW (1-based). */
void sheet_rows_begin(struct sheet_rows *r, long row);
/* Sets column COL (0-based) of the row to S (LEN bytes); an empty text
 * is skipped.  -1 after printing when COL is past SHEET_MAX_COLS or the
 * text too long. */
int sheet_rows_cell(struct sheet_rows *r, size_t col, const char *s,
		    size_t len);
/* Ends the row, handing it to the callback REPEAT times (as rows ROW,
 * ROW+1, ...) unless it is blank.  0, or -1 after printing. */
int sheet_rows_end(struct sheet_rows *r, long repeat);
/* "FILE, sheet 'S', cell C5" for column COL of the row being built, in
 * R's scratch (valid until the next call). */
const char *sheet_rows_cell_name(struct sheet_rows *r, size_t col);

/* Whether element (NS, NAME) is LOCAL in namespace WANT. */
bool sheet_is(const char *ns, const char *name, const char *want,
	      const char *local);

int sheet_read_xlsx(const struct sheet_source *src, csv_record_fn *fn,
		    void *ctx);
int sheet_read_ods(const struct sheet_source *src, csv_record_fn *fn,
		   void *ctx);

#endif
