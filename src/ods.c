// SPDX-License-Identifier: GPL-3.0-or-later
/* export ods: the register's sheets (book.c) as an OpenDocument
 * spreadsheet, written with the project's own ODF writer (odt_write,
 * through a tempfile); see book.h.  content.xml is made as text and
 * deflated as it comes (odt_content_write), so a big register's sheet is
 * never held whole; settings.xml freezes each header row, and a database
 * range per sheet puts an autofilter on it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book.h"
#include "odt.h"
#include "util.h"

#define NS_DECLS                                                            \
	" xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""  \
	" xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""    \
	" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""      \
	" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""    \
	" xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:"                  \
	"xsl-fo-compatible:1.0\""                                             \
	" xmlns:number=\"urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0\""

/* Column widths in characters, each with its style coN (N from 1). */
static const int widths[] = {8, 12, 24, 40, 60};
#define NWIDTHS (sizeof widths / sizeof *widths)

struct ow {
	struct odt *t;
	struct strbuf sb;    /* content.xml not yet handed on */
	struct strbuf ranges; /* the database ranges, written at the end */
	struct strbuf views;  /* settings.xml's entry for each sheet */
	char *sheet;          /* the current sheet's name */
	size_t ncols, nsheets;
	int failed;
};

/* Hands what content.xml has so far to the deflater, in big pieces. */
static int flush(struct ow *o, bool all)
{
	if (o->failed)
		return -1;
	if (o->sb.len && (all || o->sb.len >= 256 * 1024)) {
		if (odt_content_write(o->t, o->sb.buf, o->sb.len) < 0) {
			o->failed = 1;
			return -1;
		}
		o->sb.len = 0;
		o->sb.buf[0] = '\0';
	}
	return 0;
}

/* S escaped for XML text or an attribute value. */
static void esc(struct strbuf *sb, const char *s, size_t n)
{
	const char *p = s, *end = s + n;

	for (; p < end; p++) {
		const char *e = NULL;

		switch (*p) {
		case '&': e = "&amp;"; break;
		case '<': e = "&lt;"; break;
		case '>': e = "&gt;"; break;
		case '"': e = "&quot;"; break;
		case '\'': e = "&apos;"; break;
		}
		if (!e)
			continue;
		sb_add(sb, s, (size_t)(p - s));
		sb_puts(sb, e);
		s = p + 1;
	}
	sb_add(sb, s, (size_t)(end - s));
}

/* TEXT as the paragraphs of a cell: a line each, spaces and tabs kept
 * (ODF collapses white space in text:p unless it is spelled out). */
static void paragraphs(struct strbuf *sb, const char *text)
{
	const char *p = text;
	bool start = true;
	size_t run;

	sb_puts(sb, "<text:p>");
	while (*p) {
		if (*p == '\r' || *p == '\n') {
			p += (p[0] == '\r' && p[1] == '\n') ? 2 : 1;
			sb_puts(sb, "</text:p><text:p>");
			start = true;
			continue;
		}
		if (*p == '\t') {
			sb_puts(sb, "<text:tab/>");
			p++;
			start = false;
			continue;
		}
		if (*p == ' ') {
			for (run = 0; p[run] == ' '; run++)
				;
			p += run;
			if (!start) {
				sb_puts(sb, " ");
				run--;
			}
			if (run == 1)
				sb_puts(sb, "<text:s/>");
			else if (run > 1)
				sb_printf(sb, "<text:s text:c=\"%zu\"/>", run);
			start = false;
			continue;
		}
		run = strcspn(p, " \t\r\n");
		esc(sb, p, run);
		p += run;
		start = false;
	}
	sb_puts(sb, "</text:p>");
}

static int width_style(double chars)
{
	size_t i;

	for (i = 0; i + 1 < NWIDTHS && widths[i] < chars; i++)
		;
	return (int)i + 1;
}

/* The spreadsheet's letters for column I (0-based): A, Z, AA. */
static void letters(char out[8], size_t i)
{
	char tmp[8];
	int n = 0, k = 0;

	i++;
	while (i && n < 7) {
		tmp[n++] = (char)('A' + (i - 1) % 26);
		i = (i - 1) / 26;
	}
	while (n)
		out[k++] = tmp[--n];
	out[k] = '\0';
}

/* NAME quoted for a cell address ('Decision log', ' doubled). */
static void quoted(struct strbuf *sb, const char *name)
{
	const char *p;

	sb_puts(sb, "'");
	for (p = name; *p; p++) {
		if (*p == '\'')
			sb_puts(sb, "'");
		sb_add(sb, p, 1);
	}
	sb_puts(sb, "'");
}

static int begin(void *ctx, const char *name, const struct book_column *cols,
		 size_t n)
{
	struct ow *o = ctx;
	size_t c;

	free(o->sheet);
	o->sheet = xstrdup(name);
	o->ncols = n;
	sb_puts(&o->sb, "<table:table table:name=\"");
	esc(&o->sb, name, strlen(name));
	sb_puts(&o->sb, "\">");
	for (c = 0; c < n; c++)
		sb_printf(&o->sb,
			  "<table:table-column table:style-name=\"co%d\"%s/>",
			  width_style(cols[c].width),
			  cols[c].type == BOOK_DATE
			      ? " table:default-cell-style-name=\"ce1\""
			      : "");
	sb_puts(&o->sb, "<table:table-header-rows><table:table-row>");
	for (c = 0; c < n; c++) {
		sb_puts(&o->sb, "<table:table-cell table:style-name=\"ce2\" "
				"office:value-type=\"string\">");
		paragraphs(&o->sb, cols[c].head);
		sb_puts(&o->sb, "</table:table-cell>");
	}
	sb_puts(&o->sb, "</table:table-row></table:table-header-rows>");
	return flush(o, false);
}

static int row(void *ctx, const struct book_cell *cells, size_t n)
{
	struct ow *o = ctx;
	struct strbuf *sb = &o->sb;
	char num[32];
	size_t c;

	sb_puts(sb, "<table:table-row>");
	for (c = 0; c < n; c++)
		switch (cells[c].type) {
		case BOOK_EMPTY:
			sb_puts(sb, "<table:table-cell/>");
			break;
		case BOOK_TEXT:
			sb_puts(sb, "<table:table-cell "
				    "office:value-type=\"string\">");
			paragraphs(sb, cells[c].text);
			sb_puts(sb, "</table:table-cell>");
			break;
		case BOOK_NUMBER:
			/* The number as export csv writes it: every digit,
			 * a point, what xsd:double reads. */
			if (cells[c].text && *cells[c].text)
				snprintf(num, sizeof num, "%s", cells[c].text);
			else
				snprintf(num, sizeof num, "%.17g",
					 cells[c].num);
			sb_printf(sb,
				  "<table:table-cell office:value-type=\"float\""
				  " office:value=\"%s\"><text:p>%s</text:p>"
				  "</table:table-cell>",
				  num, num);
			break;
		case BOOK_DATE:
			snprintf(num, sizeof num, "%04d-%02d-%02d",
				 cells[c].year, cells[c].month, cells[c].day);
			sb_printf(sb,
				  "<table:table-cell table:style-name=\"ce1\""
				  " office:value-type=\"date\""
				  " office:date-value=\"%s\"><text:p>%s</text:p>"
				  "</table:table-cell>",
				  num, num);
			break;
		}
	sb_puts(sb, "</table:table-row>");
	return flush(o, false);
}

static int end(void *ctx, size_t rows)
{
	struct ow *o = ctx;
	char last[8];

	sb_puts(&o->sb, "</table:table>");
	/* An autofilter is a database range with filter buttons; LibreOffice
	 * names a sheet's own unnamed one after the sheet's index. */
	letters(last, o->ncols ? o->ncols - 1 : 0);
	sb_printf(&o->ranges,
		  "<table:database-range table:name=\"__Anonymous_Sheet_DB__%zu\""
		  " table:target-range-address=\"",
		  o->nsheets);
	quoted(&o->ranges, o->sheet);
	sb_puts(&o->ranges, ".A1:");
	quoted(&o->ranges, o->sheet);
	sb_printf(&o->ranges, ".%s%zu\" table:display-filter-buttons=\"true\"/>",
		  last, rows + 1);
	/* The header row frozen: split at row 1, frozen (mode 2). */
	sb_puts(&o->views, "<config:config-item-map-entry config:name=\"");
	esc(&o->views, o->sheet, strlen(o->sheet));
	sb_puts(&o->views,
		"\">"
		"<config:config-item config:name=\"HorizontalSplitMode\" "
		"config:type=\"short\">0</config:config-item>"
		"<config:config-item config:name=\"VerticalSplitMode\" "
		"config:type=\"short\">2</config:config-item>"
		"<config:config-item config:name=\"HorizontalSplitPosition\" "
		"config:type=\"int\">0</config:config-item>"
		"<config:config-item config:name=\"VerticalSplitPosition\" "
		"config:type=\"int\">1</config:config-item>"
		"<config:config-item config:name=\"ActiveSplitRange\" "
		"config:type=\"short\">2</config:config-item>"
		"<config:config-item config:name=\"PositionLeft\" "
		"config:type=\"int\">0</config:config-item>"
		"<config:config-item config:name=\"PositionRight\" "
		"config:type=\"int\">0</config:config-item>"
		"<config:config-item config:name=\"PositionTop\" "
		"config:type=\"int\">0</config:config-item>"
		"<config:config-item config:name=\"PositionBottom\" "
		"config:type=\"int\">1</config:config-item>"
		"</config:config-item-map-entry>");
	o->nsheets++;
	return flush(o, false);
}

static void content_head(struct strbuf *sb)
{
	size_t i;

	sb_puts(sb, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		    "<office:document-content" NS_DECLS
		    " office:version=\"1.3\"><office:automatic-styles>");
	for (i = 0; i < NWIDTHS; i++)
		/* About 0.21 cm a character in the default font. */
		sb_printf(sb,
			  "<style:style style:name=\"co%zu\" "
			  "style:family=\"table-column\">"
			  "<style:table-column-properties "
			  "style:column-width=\"%.2fcm\"/></style:style>",
			  i + 1, widths[i] * 0.21);
	sb_puts(sb, "<number:date-style style:name=\"N1\">"
		    "<number:year number:style=\"long\"/>"
		    "<number:text>-</number:text>"
		    "<number:month number:style=\"long\"/>"
		    "<number:text>-</number:text>"
		    "<number:day number:style=\"long\"/></number:date-style>"
		    "<style:style style:name=\"ce1\" style:family=\"table-cell\""
		    " style:data-style-name=\"N1\"/>"
		    "<style:style style:name=\"ce2\" style:family=\"table-cell\">"
		    "<style:text-properties fo:font-weight=\"bold\"/>"
		    "</style:style>"
		    "</office:automatic-styles><office:body>"
		    "<office:spreadsheet>");
}

static char *settings(const struct ow *o, const char *first, size_t *len)
{
	struct strbuf sb = {0};

	sb_puts(&sb,
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<office:document-settings"
		" xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
		" xmlns:config=\"urn:oasis:names:tc:opendocument:xmlns:config:1.0\""
		" office:version=\"1.3\"><office:settings>"
		"<config:config-item-set config:name=\"ooo:view-settings\">"
		"<config:config-item-map-indexed config:name=\"Views\">"
		"<config:config-item-map-entry>"
		"<config:config-item config:name=\"ViewId\" "
		"config:type=\"string\">view1</config:config-item>"
		"<config:config-item-map-named config:name=\"Tables\">");
	sb_add(&sb, o->views.buf ? o->views.buf : "", o->views.len);
	sb_puts(&sb, "</config:config-item-map-named>"
		     "<config:config-item config:name=\"ActiveTable\" "
		     "config:type=\"string\">");
	esc(&sb, first, strlen(first));
	sb_puts(&sb, "</config:config-item></config:config-item-map-entry>"
		     "</config:config-item-map-indexed>"
		     "</config:config-item-set></office:settings>"
		     "</office:document-settings>\n");
	*len = sb.len;
	return sb_steal(&sb);
}

int ods_write(struct reg *r, const char *path)
{
	struct odt t = {0};
	struct ow o = {&t, {0}, {0}, {0}, NULL, 0, 0, 0};
	struct book_sink sink = {begin, row, end, &o};
	struct odt_info info = {NULL, NULL, ODS_MIME};
	char *first = NULL, *data;
	size_t len;
	int rc = -1;

	t.name = xstrdup(path);
	content_head(&o.sb);
	if (book_write(r, &sink) < 0)
		goto out;
	if (o.ranges.len) {
		sb_puts(&o.sb, "<table:database-ranges>");
		sb_add(&o.sb, o.ranges.buf, o.ranges.len);
		sb_puts(&o.sb, "</table:database-ranges>");
	}
	sb_puts(&o.sb, "</office:spreadsheet></office:body>"
		       "</office:document-content>\n");
	if (flush(&o, true) < 0)
		goto out;
	first = xstrdup(C_("sheet", "Items"));
	data = settings(&o, first, &len);
	odt_add_part(&t, "settings.xml", data, len, "text/xml");
	info.title = node_text(node_child(r->root, "organisation"));
	info.lang = msg_lang();
	/* An export is made again from the register: it replaces the file,
	 * whole (odt_write's tempfile). */
	rc = odt_write(&t, path, true, &info);
out:
	free(first);
	free(o.sheet);
	sb_free(&o.sb);
	sb_free(&o.ranges);
	sb_free(&o.views);
	odt_free(&t);
	return rc;
}
