// SPDX-License-Identifier: GPL-3.0-or-later
/* export xlsx: the register's sheets (book.c) as an Excel workbook,
 * written with libxlsxwriter; see sheet.h. */
#include <errno.h>
#include <string.h>

#include <xlsxwriter.h>

#include "book.h"
#include "tempfile.h"
#include "util.h"

struct xw {
	const char *path; /* what messages name */
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *head, *date;
	size_t ncols;
	lxw_row_t row;
};

static int failed(const struct xw *x, lxw_error e)
{
	return error(_("%s: cannot write: %s; no export was written"),
		     x->path, lxw_strerror(e));
}

static int begin(void *ctx, const char *name, const struct book_column *cols,
		 size_t n)
{
	struct xw *x = ctx;
	lxw_error e = LXW_NO_ERROR;
	size_t c;

	x->ws = workbook_add_worksheet(x->wb, name);
	if (!x->ws)
		return failed(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
	x->ncols = n;
	x->row = 1;
	for (c = 0; c < n && !e; c++)
		e = worksheet_set_column(x->ws, (lxw_col_t)c, (lxw_col_t)c,
					 cols[c].width,
					 cols[c].type == BOOK_DATE ? x->date
								   : NULL);
	for (c = 0; c < n && !e; c++)
		e = worksheet_write_string(x->ws, 0, (lxw_col_t)c,
					   cols[c].head, x->head);
	if (e)
		return failed(x, e);
	worksheet_freeze_panes(x->ws, 1, 0);
	return 0;
}

static int row(void *ctx, const struct book_cell *cells, size_t n)
{
	struct xw *x = ctx;
	lxw_error e = LXW_NO_ERROR;
	lxw_datetime dt;
	lxw_col_t c;

	for (c = 0; c < n && !e; c++)
		switch (cells[c].type) {
		case BOOK_EMPTY:
			break;
		case BOOK_TEXT:
			e = worksheet_write_string(x->ws, x->row, c,
						   cells[c].text, NULL);
			break;
		case BOOK_NUMBER:
			e = worksheet_write_number(x->ws, x->row, c,
						   cells[c].num, NULL);
			break;
		case BOOK_DATE:
			memset(&dt, 0, sizeof dt);
			dt.year = cells[c].year;
			dt.month = cells[c].month;
			dt.day = cells[c].day;
			e = worksheet_write_datetime(x->ws, x->row, c, &dt,
						     x->date);
			break;
		}
	if (e)
		return failed(x, e);
	x->row++;
	return 0;
}

static int end(void *ctx, size_t rows)
{
	struct xw *x = ctx;
	lxw_error e;

	e = worksheet_autofilter(x->ws, 0, 0, (lxw_row_t)rows,
				 (lxw_col_t)(x->ncols - 1));
	return e ? failed(x, e) : 0;
}

int xlsx_write(struct reg *r, const char *path)
{
	struct xw x = {path, NULL, NULL, NULL, NULL, 0, 0};
	struct book_sink sink = {begin, row, end, &x};
	lxw_workbook_options options = {0};
	lxw_doc_properties props = {0};
	struct tempfile *tf;
	char *title;
	lxw_error e;
	int rc = -1;

	tf = tempfile_create(path, 0666, TEMPFILE_KEEP_MODE);
	if (!tf)
		return error(_("%s: cannot write: %s"), path, strerror(errno));
	/* Rows are written in order, each sheet's to a file of its own
	 * (tmpfile(3), gone when closed): memory stays flat however many
	 * items. */
	options.constant_memory = LXW_TRUE;
	x.wb = workbook_new_opt(tempfile_path(tf), &options);
	if (!x.wb) {
		error(_("%s: cannot write: %s; no export was written"), path,
		      strerror(errno ? errno : ENOMEM));
		tempfile_delete(&tf);
		return -1;
	}
	title = xstrdup(node_text(node_child(r->root, "organisation")));
	props.title = title;
	props.comments = "styr " VERSION;
	workbook_set_properties(x.wb, &props);
	x.head = workbook_add_format(x.wb);
	format_set_bold(x.head);
	x.date = workbook_add_format(x.wb);
	format_set_num_format(x.date, "yyyy-mm-dd");
	rc = book_write(r, &sink);
	/* Closed in any case: it frees the workbook. */
	e = workbook_close(x.wb);
	if (rc == 0 && e) {
		failed(&x, e);
		rc = -1;
	}
	if (rc == 0 && tempfile_commit(&tf, 0) < 0) {
		error(_("%s: cannot write: %s; no export was written"), path,
		      strerror(errno));
		rc = -1;
	}
	tempfile_delete(&tf);
	free(title);
	return rc;
}
