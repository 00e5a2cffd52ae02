// SPDX-License-Identifier: GPL-3.0-or-later
/* ODS spreadsheets (OpenDocument, as LibreOffice writes them), one sheet
 * row by row; see sheet.h.
 *
 * A sheet says "the next N rows (or cells) are like this one"
 * (number-rows-repeated, number-columns-repeated): LibreOffice ends every
 * sheet with a million empty rows said so.  Empty repeats only move the
 * position on; a repeated value is given as often as it is repeated, up
 * to the limits of sheet.h, so a small file cannot make a big table. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "odt.h"
#include "sheet_int.h"

#define OFFICE_NS "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define TABLE_NS "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define TEXT_NS "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define CALCEXT_NS \
	"urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"

/* Repeat counts are read up to this: past every limit, not past long. */
enum { MAX_REPEAT = 100000000 };

struct ods {
	const struct sheet_source *src;
	struct sheet_zip zip;
	struct sheet_rows rows;
	char *sheet;	   /* the chosen sheet's name, once found */
	struct strbuf names; /* the sheets passed by, for a message */
	int skip_depth;	   /* >0: inside a sheet not chosen */
	bool in_table, in_row, in_cell, done;
	int note_depth;	   /* >0: inside a comment (office:annotation) */
	int p_count;	   /* paragraphs of the cell so far */
	int p_depth;	   /* >0: inside one */
	long row, row_repeat;
	size_t col;
	long col_repeat;
	char type[16];
	char *value;	   /* office:value, date-value or boolean-value */
	struct strbuf text;
};

static long repeat_of(const struct xmlsafe_attr *a, size_t n,
		      const char *name)
{
	const char *v = xmlsafe_attr_get(a, n, TABLE_NS, name);
	long r;

	if (!v)
		return 1;
	errno = 0;
	r = strtol(v, NULL, 10);
	if (errno || r < 1)
		return 1;
	return r > MAX_REPEAT ? MAX_REPEAT : r;
}

static int add_text(struct ods *o, const char *s, size_t len)
{
	if (o->text.len + len > CSV_MAX_FIELD + 1)
		return error(_("%s: the cell holds more than %zu bytes"),
			     sheet_rows_cell_name(&o->rows, o->col),
			     CSV_MAX_FIELD);
	sb_add(&o->text, s, len);
	return 0;
}

static int cell_start(struct ods *o, const struct xmlsafe_attr *a, size_t n)
{
	const char *type = xmlsafe_attr_get(a, n, OFFICE_NS, "value-type");
	const char *ext = xmlsafe_attr_get(a, n, CALCEXT_NS, "value-type");
	const char *v = NULL;

	o->in_cell = true;
	o->col_repeat = repeat_of(a, n, "number-columns-repeated");
	/* LibreOffice marks a formula's error so; the text shows which. */
	if (ext && !strcmp(ext, "error"))
		type = "error";
	snprintf(o->type, sizeof o->type, "%s", type ? type : "");
	if (type && (!strcmp(type, "float") || !strcmp(type, "percentage") ||
		     !strcmp(type, "currency")))
		v = xmlsafe_attr_get(a, n, OFFICE_NS, "value");
	else if (type && !strcmp(type, "date"))
		v = xmlsafe_attr_get(a, n, OFFICE_NS, "date-value");
	else if (type && !strcmp(type, "boolean"))
		v = xmlsafe_attr_get(a, n, OFFICE_NS, "boolean-value");
	else if (type && !strcmp(type, "string"))
		v = xmlsafe_attr_get(a, n, OFFICE_NS, "string-value");
	free(o->value);
	o->value = v ? xstrdup(v) : NULL;
	o->text.len = 0;
	o->p_count = o->p_depth = 0;
	return 0;
}

/* The cell's value as sheet.h promises it, in OUT. */
static int cell_value(struct ods *o, struct strbuf *out)
{
	const char *v = o->value;
	char buf[32], *end;
	double d;

	if (!strcmp(o->type, "error"))
		return error(_("%s: the cell shows the error %s; correct it "
			       "in the spreadsheet"),
			     sheet_rows_cell_name(&o->rows, o->col),
			     o->text.len ? o->text.buf : "?");
	if (v && (!strcmp(o->type, "float") ||
		  !strcmp(o->type, "percentage") ||
		  !strcmp(o->type, "currency"))) {
		d = strtod(v, &end);
		if (*end || !isfinite(d))
			return error(_("%s: '%s' is not a number"),
				     sheet_rows_cell_name(&o->rows, o->col),
				     v);
		csv_format_number(buf, d);
		sb_puts(out, buf);
	} else if (v && !strcmp(o->type, "date")) {
		/* The day, without the time of day. */
		sb_add(out, v, strlen(v) > 10 ? 10 : strlen(v));
	} else if (v && !strcmp(o->type, "boolean")) {
		sb_puts(out, !strcmp(v, "true") || !strcmp(v, "1") ? "true"
								    : "false");
	} else if (v) {
		sb_puts(out, v);
	} else {
		sb_add(out, o->text.buf ? o->text.buf : "", o->text.len);
	}
	return 0;
}

static int cell_end(struct ods *o)
{
	struct strbuf value = {0};
	long k;
	int rc;

	o->in_cell = false;
	rc = cell_value(o, &value);
	if (!rc && value.len) {
		/* A value past the last column is refused there, however
		 * it is repeated; empty cells only move on. */
		for (k = 0; k < o->col_repeat && !rc; k++)
			rc = sheet_rows_cell(&o->rows, o->col + (size_t)k,
					     value.buf, value.len);
	}
	sb_free(&value);
	o->col += (size_t)o->col_repeat;
	if (o->col > SHEET_MAX_COLS)
		o->col = SHEET_MAX_COLS; /* every later cell is past it */
	return rc;
}

static int ods_start(void *user, const char *ns, const char *name,
		     const struct xmlsafe_attr *a, size_t n)
{
	struct ods *o = user;
	long c;

	if (o->skip_depth) {
		o->skip_depth++;
		return 0;
	}
	if (sheet_is(ns, name, TABLE_NS, "table") && !o->in_table) {
		const char *t = xmlsafe_attr_get(a, n, TABLE_NS, "name");
		if (!t)
			t = "";
		if (o->src->sheet && strcmp(t, o->src->sheet)) {
			sb_printf(&o->names, "%s'%s'",
				  o->names.len ? ", " : "", t);
			o->skip_depth = 1;
			return 0;
		}
		o->sheet = xstrdup(t);
		sheet_rows_init(&o->rows, o->src->name, o->sheet,
				o->rows.fn, o->rows.ctx);
		o->in_table = true;
		o->row = 1;
		return 0;
	}
	if (!o->in_table)
		return 0;
	if (o->in_cell) {
		if (o->note_depth) {
			o->note_depth++;
		} else if (sheet_is(ns, name, OFFICE_NS, "annotation")) {
			o->note_depth = 1;
		} else if (sheet_is(ns, name, TEXT_NS, "p") ||
			   sheet_is(ns, name, TEXT_NS, "h")) {
			o->p_depth++;
			if (o->p_count++)
				return add_text(o, "\n", 1);
		} else if (sheet_is(ns, name, TEXT_NS, "s")) {
			const char *v = xmlsafe_attr_get(a, n, TEXT_NS, "c");
			c = v ? atol(v) : 1;
			for (; c > 0; c--)
				if (add_text(o, " ", 1) < 0)
					return -1;
		} else if (sheet_is(ns, name, TEXT_NS, "tab")) {
			return add_text(o, "\t", 1);
		} else if (sheet_is(ns, name, TEXT_NS, "line-break")) {
			return add_text(o, "\n", 1);
		}
		return 0;
	}
	if (sheet_is(ns, name, TABLE_NS, "table-row")) {
		o->row_repeat = repeat_of(a, n, "number-rows-repeated");
		sheet_rows_begin(&o->rows, o->row);
		o->col = 0;
		o->in_row = true;
	} else if (o->in_row && (sheet_is(ns, name, TABLE_NS, "table-cell") ||
				 sheet_is(ns, name, TABLE_NS,
					  "covered-table-cell"))) {
		return cell_start(o, a, n);
	}
	return 0;
}

static int ods_end(void *user, const char *ns, const char *name)
{
	struct ods *o = user;
	int rc;

	if (o->skip_depth) {
		o->skip_depth--;
		return 0;
	}
	if (!o->in_table)
		return 0;
	if (o->in_cell) {
		if (o->note_depth) {
			o->note_depth--;
			return 0;
		}
		if (sheet_is(ns, name, TABLE_NS, "table-cell") ||
		    sheet_is(ns, name, TABLE_NS, "covered-table-cell"))
			return cell_end(o);
		if ((sheet_is(ns, name, TEXT_NS, "p") ||
		     sheet_is(ns, name, TEXT_NS, "h")) && o->p_depth)
			o->p_depth--;
		return 0;
	}
	if (o->in_row && sheet_is(ns, name, TABLE_NS, "table-row")) {
		o->in_row = false;
		rc = sheet_rows_end(&o->rows, o->row_repeat);
		o->row += o->row_repeat;
		return rc;
	}
	if (sheet_is(ns, name, TABLE_NS, "table")) {
		o->done = true;
		return XMLSAFE_DONE;
	}
	return 0;
}

static int ods_text(void *user, const char *s, size_t len)
{
	struct ods *o = user;

	if (!o->in_cell || o->note_depth || !o->p_depth)
		return 0;
	return add_text(o, s, len);
}

static int check_mimetype(struct ods *o)
{
	size_t len, n;
	char *m;
	int rc = 0;

	if (!sheet_zip_has(&o->zip, "mimetype")) {
		if (sheet_zip_has(&o->zip, "xl/workbook.xml"))
			return error(_("%s: an Excel workbook, not an "
				       "OpenDocument spreadsheet; import it "
				       "as xlsx"),
				     o->src->name);
		return 0;
	}
	m = sheet_zip_read(&o->zip, "mimetype", 1024, &len);
	if (!m)
		return -1;
	n = strlen(ODS_MIME);
	while (len && (m[len - 1] == '\n' || m[len - 1] == '\r'))
		m[--len] = '\0';
	/* A spreadsheet or its template (…-template). */
	if (len < n || memcmp(m, ODS_MIME, n) ||
	    !(len == n || !strcmp(m + n, "-template")))
		rc = error(_("%s: not a spreadsheet (its mimetype is '%.*s')"),
			   o->src->name, (int)(len > 80 ? 80 : len), m);
	free(m);
	return rc;
}

int sheet_read_ods(const struct sheet_source *src, csv_record_fn *fn,
		   void *ctx)
{
	static const struct xmlsafe_sax sax = {ods_start, ods_end, ods_text};
	struct ods o;
	int rc = -1;

	memset(&o, 0, sizeof o);
	o.src = src;
	o.rows.fn = fn;
	o.rows.ctx = ctx;
	if (sheet_zip_open(&o.zip, src->path, src->name) < 0)
		return -1;
	if (check_mimetype(&o) < 0)
		goto out;
	rc = sheet_zip_stream(&o.zip, "content.xml", &sax, &o);
	if (rc)
		goto out;
	if (!o.sheet && src->sheet)
		rc = error(_("%s: no sheet is called '%s' (the sheets are: "
			     "%s)"),
			   src->name, src->sheet,
			   o.names.len ? o.names.buf : "-");
	else if (!o.sheet)
		rc = error(_("%s: the spreadsheet has no sheet"), src->name);
	else if (!o.rows.records)
		rc = error(_("%s: sheet '%s' is empty"), src->name, o.sheet);
out:
	if (o.sheet)
		sheet_rows_free(&o.rows);
	sheet_zip_close(&o.zip);
	free(o.sheet);
	free(o.value);
	sb_free(&o.names);
	sb_free(&o.text);
	return rc;
}
