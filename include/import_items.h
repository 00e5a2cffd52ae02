/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * `import csv|xlsx|ods`: items from a table, row by row, the rows from
 * sheet.h whatever the format, so that a column, a rule or a message is
 * the same for all three.  The header names the columns (item_columns in
 * csv.h, or their Danish names); a row becomes a new item with its
 * fields, burden, vote counts, proposal, decision and solution; review
 * areas that do not exist yet are made.  The first bad row stops the
 * import with its file and line (or sheet, row and column).
 */
#ifndef STYR_IMPORT_ITEMS_H
#define STYR_IMPORT_ITEMS_H

#include "reg.h"
#include "sheet.h"
#include "util.h"

struct import_result {
	long items;		 /* rows added as items */
	long nareas;		 /* review areas made */
	struct strbuf new_areas; /* "A (Bostøtte), B (Børn)" */
	char delim;		 /* CSV: the separator, ',' or ';' */
	char *sheet;		 /* the sheet read; NULL for CSV */
};

/* Adds the items of SRC to R, which the caller saves.  0, or -1 after
 * printing the first problem: R is then changed in part, never to be
 * saved.  RES is filled either way; import_result_free releases it. */
int import_items(struct reg *r, const struct sheet_source *src,
		 struct import_result *res);
void import_result_free(struct import_result *res);

#endif
