// SPDX-License-Identifier: GPL-3.0-or-later
/* export xlsx: the register's sheets (book.c) as an Excel workbook (Office
 * Open XML), written here; see book.h.  Each sheet's XML is made as text
 * and deflated as it comes, on threads (odt_deflate, odt.h), so that a big
 * register's sheet is never held whole, and the package is written
 * through a tempfile (odt_zip_write).  The parts are the ones
 * libxlsxwriter 1.1.4 wrote for the same workbook until styr wrote them
 * itself: strings inline in the cells, style 1 the bold header, style 2
 * dates (yyyy-mm-dd), the header row frozen and an autofilter on each
 * sheet, its theme (data/xlsx-theme.xml, compiled in). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "book.h"
#include "odt.h"
#include "tempfile.h"
#include "util.h"

#ifndef VERSION
#define VERSION "0.1"
#endif

/* The workbook's theme (embedded.c). */
extern const unsigned char xlsx_theme[];
extern const unsigned int xlsx_theme_len;

#define DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define MAIN_NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define REL_NS                                                              \
	"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define PKG_REL_NS                                                          \
	"http://schemas.openxmlformats.org/package/2006/relationships"
#define MAX_SHEETS 8

struct sheet {
	char *name;
	size_t ncols, rows;
	struct odt_deflate *z;
};

struct xw {
	const char *path; /* what messages name */
	struct sheet sheets[MAX_SHEETS];
	size_t nsheets;
	struct strbuf sb;  /* the current sheet's XML not yet handed on */
	char (*col)[8];    /* its columns' letters */
	bool *date_col;    /* its date columns (style 2 for every cell) */
	size_t row;        /* the next row's number (1 the header) */
	bool failed;
};

static int failed(struct xw *x, const char *why)
{
	x->failed = true;
	return error(_("%s: cannot write: %s; no export was written"),
		     x->path, why);
}

/* Hands the sheet's XML to its deflater, in big pieces. */
static int flush(struct xw *x, bool all)
{
	struct sheet *s = &x->sheets[x->nsheets - 1];

	if (x->failed)
		return -1;
	if (x->sb.len && (all || x->sb.len >= 256 * 1024)) {
		if (odt_deflate_write(s->z, x->sb.buf, x->sb.len) < 0)
			return failed(x, strerror(ENOMEM));
		x->sb.len = 0;
	}
	return 0;
}

/* S as XML text (ATTR: an attribute's value), and as Excel reads it: a
 * control character other than tab and newline, which XML cannot hold, as
 * Excel's escape _xHHHH_ (a carriage return _x000D_), as libxlsxwriter
 * wrote it. */
static void escaped(struct strbuf *sb, const char *s, bool attr)
{
	const char *p = s;

	for (;; p++) {
		unsigned char ch = (unsigned char)*p;
		const char *e;
		char hex[8];

		if (ch >= 0x20 && ch != '&' && ch != '<' && ch != '>' &&
		    (ch != '"' || !attr))
			continue;
		if (ch == '\t' || ch == '\n')
			continue;
		sb_add(sb, s, (size_t)(p - s));
		s = p + 1;
		switch (ch) {
		case '\0':
			return;
		case '&': e = "&amp;"; break;
		case '<': e = "&lt;"; break;
		case '>': e = "&gt;"; break;
		case '"': e = "&quot;"; break;
		default:
			snprintf(hex, sizeof hex, "_x%04X_", ch);
			e = hex;
		}
		sb_puts(sb, e);
	}
}

static void text(struct strbuf *sb, const char *s)
{
	escaped(sb, s, false);
}

/* V as libxlsxwriter wrote a number ("%.16G"), a whole one without
 * printf. */
static void number(struct strbuf *sb, double v)
{
	char buf[40], *p = buf + sizeof buf;
	unsigned long long u;

	if (v == floor(v) && fabs(v) < 1e15 && (v != 0 || !signbit(v))) {
		u = (unsigned long long)fabs(v);
		do
			*--p = (char)('0' + u % 10);
		while (u /= 10);
		if (v < 0)
			*--p = '-';
		sb_add(sb, p, (size_t)(buf + sizeof buf - p));
		return;
	}
	snprintf(buf, sizeof buf, "%.16G", v);
	sb_puts(sb, buf);
}

/* Excel's serial number of a day (the 1900 system, with its 29 February
 * 1900), as libxlsxwriter counted it. */
static long serial(int year, int month, int day)
{
	static const int mdays[] = {0,  31, 28, 31, 30, 31, 30,
				    31, 31, 30, 31, 30, 31};
	int leap = year % 4 == 0 && (year % 100 || year % 400 == 0);
	long range = year - 1900, days = 0;
	int i;

	if (year == 1900 && month == 2 && day == 29)
		return 60;
	for (i = 0; i < month && i <= 12; i++)
		days += i == 2 && leap ? 29 : mdays[i];
	days += day + range * 365 + range / 4 - range / 100 +
		(range + 300) / 400 - leap;
	return days > 59 ? days + 1 : days;
}

/* A column's width as Excel keeps it: in characters of the default
 * font's digits (7 pixels) with 5 pixels of padding. */
static double col_width(double chars)
{
	return (double)(int)(((int)(chars * 7 + 0.5) + 5) / 7.0 * 256.0) /
	       256.0;
}

/* <c r="B7"[ s="N"] opened for column C of row ROW (its digits). */
static void cell_open(struct xw *x, size_t c, const char *row, int style)
{
	sb_puts(&x->sb, "<c r=\"");
	sb_puts(&x->sb, x->col[c]);
	sb_puts(&x->sb, row);
	sb_puts(&x->sb, style == 1 ? "\" s=\"1\"" : style ? "\" s=\"2\"" : "\"");
}

static void string_cell(struct xw *x, const char *s)
{
	size_t n = strlen(s);
	/* White space at either end is kept only when said. */
	bool keep = strchr(" \t\n", s[0]) || strchr(" \t\n", s[n - 1]);

	sb_puts(&x->sb, keep ? " t=\"inlineStr\"><is><t xml:space=\"preserve\">"
			     : " t=\"inlineStr\"><is><t>");
	text(&x->sb, s);
	sb_puts(&x->sb, "</t></is></c>");
}

static int begin(void *ctx, const char *name, const struct book_column *cols,
		 size_t n, size_t rows)
{
	struct xw *x = ctx;
	struct sheet *s;
	size_t c;

	if (x->nsheets == MAX_SHEETS)
		return failed(x, strerror(EINVAL));
	s = &x->sheets[x->nsheets++];
	s->name = xstrdup(name);
	s->ncols = n;
	s->z = odt_deflate_new();
	free(x->col);
	free(x->date_col);
	x->col = xcalloc(n ? n : 1, sizeof *x->col);
	x->date_col = xcalloc(n ? n : 1, sizeof *x->date_col);
	for (c = 0; c < n; c++) {
		book_column_letters(x->col[c], c);
		x->date_col[c] = cols[c].type == BOOK_DATE;
	}
	x->sb.len = 0;
	sb_puts(&x->sb, DECL "<worksheet xmlns=\"" MAIN_NS "\" xmlns:r=\"" REL_NS
			 "\"><dimension ref=\"A1:");
	sb_printf(&x->sb, "%s%zu\"/><sheetViews><sheetView ",
		  x->col[n ? n - 1 : 0], rows + 1);
	if (x->nsheets == 1)
		sb_puts(&x->sb, "tabSelected=\"1\" ");
	sb_puts(&x->sb, "workbookViewId=\"0\"><pane ySplit=\"1\" "
			"topLeftCell=\"A2\" activePane=\"bottomLeft\" "
			"state=\"frozen\"/><selection pane=\"bottomLeft\"/>"
			"</sheetView></sheetViews>"
			"<sheetFormatPr defaultRowHeight=\"15\"/><cols>");
	for (c = 0; c < n; c++) {
		sb_printf(&x->sb, "<col min=\"%zu\" max=\"%zu\" width=\"", c + 1,
			  c + 1);
		number(&x->sb, col_width(cols[c].width));
		sb_puts(&x->sb, x->date_col[c] ? "\" style=\"2\" customWidth=\"1\"/>"
					       : "\" customWidth=\"1\"/>");
	}
	sb_puts(&x->sb, "</cols><sheetData><row r=\"1\">");
	for (c = 0; c < n; c++) {
		if (!cols[c].head || !*cols[c].head)
			continue;
		cell_open(x, c, "1", 1);
		string_cell(x, cols[c].head);
	}
	sb_puts(&x->sb, "</row>");
	x->row = 2;
	return flush(x, false);
}

static int row(void *ctx, const struct book_cell *cells, size_t n)
{
	struct xw *x = ctx;
	struct sheet *s = &x->sheets[x->nsheets - 1];
	char num[24];
	bool open = false;
	size_t c;

	snprintf(num, sizeof num, "%zu", x->row++);
	for (c = 0; c < n && c < s->ncols; c++) {
		const struct book_cell *cell = &cells[c];

		if (cell->type == BOOK_EMPTY)
			continue;
		if (!open) {
			sb_puts(&x->sb, "<row r=\"");
			sb_puts(&x->sb, num);
			sb_puts(&x->sb, "\">");
			open = true;
		}
		/* A date column's format is every cell's in it. */
		cell_open(x, c, num,
			  cell->type == BOOK_DATE || x->date_col[c] ? 2 : 0);
		switch (cell->type) {
		case BOOK_TEXT:
			string_cell(x, cell->text);
			break;
		case BOOK_NUMBER:
		case BOOK_DATE:
			sb_puts(&x->sb, "><v>");
			number(&x->sb, cell->type == BOOK_DATE
					   ? (double)serial(cell->year,
							    cell->month,
							    cell->day)
					   : cell->num);
			sb_puts(&x->sb, "</v></c>");
			break;
		case BOOK_EMPTY:
			break;
		}
	}
	if (open)
		sb_puts(&x->sb, "</row>");
	return flush(x, false);
}

static int end(void *ctx, size_t rows)
{
	struct xw *x = ctx;
	struct sheet *s = &x->sheets[x->nsheets - 1];

	s->rows = rows;
	sb_printf(&x->sb,
		  "</sheetData><autoFilter ref=\"A1:%s%zu\"/>"
		  "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" "
		  "bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>",
		  x->col[s->ncols ? s->ncols - 1 : 0], rows + 1);
	if (flush(x, true) < 0)
		return -1;
	/* Finished now: its threads are done before the next sheet's. */
	if (odt_deflate_finish(s->z) < 0)
		return failed(x, strerror(ENOMEM));
	return 0;
}

/* A sheet's name as a formula names it: quoted ('Decision log', ' doubled)
 * unless letters, digits, '_' and '.' only; not yet escaped for XML. */
static void sheet_ref(struct strbuf *sb, const char *name)
{
	const char *p;
	bool plain = true;

	for (p = name; *p; p++)
		if (!(*p >= 'a' && *p <= 'z') && !(*p >= 'A' && *p <= 'Z') &&
		    !(*p >= '0' && *p <= '9') && *p != '_' && *p != '.')
			plain = false;
	if (plain) {
		sb_puts(sb, name);
		return;
	}
	book_quote_sheet(sb, name);
}

static char *workbook(const struct xw *x, size_t *len)
{
	struct strbuf sb = {0};
	struct strbuf ref[MAX_SHEETS] = {{0}};
	char last[8];
	size_t order[MAX_SHEETS], i, k;

	sb_puts(&sb, DECL "<workbook xmlns=\"" MAIN_NS "\" xmlns:r=\"" REL_NS
			  "\"><fileVersion appName=\"xl\" lastEdited=\"4\" "
			  "lowestEdited=\"4\" rupBuild=\"4505\"/>"
			  "<workbookPr defaultThemeVersion=\"124226\"/>"
			  "<bookViews><workbookView xWindow=\"240\" "
			  "yWindow=\"15\" windowWidth=\"16095\" "
			  "windowHeight=\"9660\"/></bookViews><sheets>");
	for (i = 0; i < x->nsheets; i++) {
		sb_puts(&sb, "<sheet name=\"");
		escaped(&sb, x->sheets[i].name, true);
		sb_printf(&sb, "\" sheetId=\"%zu\" r:id=\"rId%zu\"/>", i + 1,
			  i + 1);
	}
	sb_puts(&sb, "</sheets><definedNames>");
	/* The autofilters' ranges, which Excel keeps as hidden names, in
	 * the order of their text, as libxlsxwriter wrote them. */
	for (i = 0; i < x->nsheets; i++) {
		const struct sheet *s = &x->sheets[i];

		book_column_letters(last, s->ncols ? s->ncols - 1 : 0);
		sheet_ref(&ref[i], s->name);
		sb_printf(&ref[i], "!$A$1:$%s$%zu", last, s->rows + 1);
		order[i] = i;
	}
	for (i = 1; i < x->nsheets; i++)
		for (k = i; k && strcmp(ref[order[k - 1]].buf,
					ref[order[k]].buf) > 0;
		     k--) {
			size_t t = order[k];

			order[k] = order[k - 1];
			order[k - 1] = t;
		}
	for (k = 0; k < x->nsheets; k++) {
		sb_printf(&sb,
			  "<definedName name=\"_xlnm._FilterDatabase\" "
			  "localSheetId=\"%zu\" hidden=\"1\">",
			  order[k]);
		text(&sb, ref[order[k]].buf);
		sb_puts(&sb, "</definedName>");
	}
	for (i = 0; i < x->nsheets; i++)
		sb_free(&ref[i]);
	sb_puts(&sb, "</definedNames><calcPr calcId=\"124519\" "
		     "fullCalcOnLoad=\"1\"/></workbook>");
	*len = sb.len;
	return sb_steal(&sb);
}

static char *workbook_rels(const struct xw *x, size_t *len)
{
	struct strbuf sb = {0};
	size_t i;

	sb_puts(&sb, DECL "<Relationships xmlns=\"" PKG_REL_NS "\">");
	for (i = 0; i < x->nsheets; i++)
		sb_printf(&sb,
			  "<Relationship Id=\"rId%zu\" Type=\"" REL_NS
			  "/worksheet\" Target=\"worksheets/sheet%zu.xml\"/>",
			  i + 1, i + 1);
	sb_printf(&sb,
		  "<Relationship Id=\"rId%zu\" Type=\"" REL_NS "/theme\" "
		  "Target=\"theme/theme1.xml\"/>"
		  "<Relationship Id=\"rId%zu\" Type=\"" REL_NS "/styles\" "
		  "Target=\"styles.xml\"/></Relationships>",
		  i + 1, i + 2);
	*len = sb.len;
	return sb_steal(&sb);
}

static char *content_types(const struct xw *x, size_t *len)
{
	static const char *const over[][2] = {
	    {"docProps/app.xml", "officedocument.extended-properties+xml"},
	    {"docProps/core.xml", "package.core-properties+xml"},
	    {"xl/styles.xml", "officedocument.spreadsheetml.styles+xml"},
	    {"xl/theme/theme1.xml", "officedocument.theme+xml"},
	    {"xl/workbook.xml", "officedocument.spreadsheetml.sheet.main+xml"}};
	struct strbuf sb = {0};
	size_t i;

	sb_puts(&sb,
		DECL "<Types xmlns=\"http://schemas.openxmlformats.org/package/"
		     "2006/content-types\"><Default Extension=\"rels\" "
		     "ContentType=\"application/"
		     "vnd.openxmlformats-package.relationships+xml\"/>"
		     "<Default Extension=\"xml\" "
		     "ContentType=\"application/xml\"/>");
	for (i = 0; i < sizeof over / sizeof *over; i++)
		sb_printf(&sb,
			  "<Override PartName=\"/%s\" ContentType=\"application/"
			  "vnd.openxmlformats-%s\"/>",
			  over[i][0], over[i][1]);
	for (i = 0; i < x->nsheets; i++)
		sb_printf(&sb,
			  "<Override PartName=\"/xl/worksheets/sheet%zu.xml\" "
			  "ContentType=\"application/vnd.openxmlformats-"
			  "officedocument.spreadsheetml.worksheet+xml\"/>",
			  i + 1);
	sb_puts(&sb, "</Types>");
	*len = sb.len;
	return sb_steal(&sb);
}

static char *app(const struct xw *x, size_t *len)
{
	struct strbuf sb = {0};
	size_t i;

	sb_printf(&sb,
		  DECL "<Properties xmlns=\"http://schemas.openxmlformats.org/"
		       "officeDocument/2006/extended-properties\" xmlns:vt=\""
		       "http://schemas.openxmlformats.org/officeDocument/2006/"
		       "docPropsVTypes\"><Application>Microsoft Excel"
		       "</Application><DocSecurity>0</DocSecurity><ScaleCrop>"
		       "false</ScaleCrop><HeadingPairs><vt:vector size=\"2\" "
		       "baseType=\"variant\"><vt:variant><vt:lpstr>Worksheets"
		       "</vt:lpstr></vt:variant><vt:variant><vt:i4>%zu</vt:i4>"
		       "</vt:variant></vt:vector></HeadingPairs><TitlesOfParts>"
		       "<vt:vector size=\"%zu\" baseType=\"lpstr\">",
		  x->nsheets, x->nsheets);
	for (i = 0; i < x->nsheets; i++) {
		sb_puts(&sb, "<vt:lpstr>");
		text(&sb, x->sheets[i].name);
		sb_puts(&sb, "</vt:lpstr>");
	}
	sb_puts(&sb, "</vt:vector></TitlesOfParts><Company></Company>"
		     "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false"
		     "</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
		     "<AppVersion>12.0000</AppVersion></Properties>");
	*len = sb.len;
	return sb_steal(&sb);
}

static char *core(const char *title, size_t *len)
{
	struct strbuf sb = {0};
	char when[32];
	time_t now = time(NULL);
	struct tm tm;

	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&now, &tm));
	sb_puts(&sb,
		DECL "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats"
		     ".org/package/2006/metadata/core-properties\" xmlns:dc=\""
		     "http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://"
		     "purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/"
		     "dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-"
		     "instance\"><dc:title>");
	text(&sb, title);
	sb_printf(&sb,
		  "</dc:title><dc:creator></dc:creator><dc:description>styr "
		  VERSION "</dc:description><cp:lastModifiedBy>"
		  "</cp:lastModifiedBy><dcterms:created xsi:type=\""
		  "dcterms:W3CDTF\">%s</dcterms:created><dcterms:modified "
		  "xsi:type=\"dcterms:W3CDTF\">%s</dcterms:modified>"
		  "</cp:coreProperties>",
		  when, when);
	*len = sb.len;
	return sb_steal(&sb);
}

/* The formats: 1 the header's bold font, 2 a date (number format 164). */
static const char styles[] =
    DECL
    "<styleSheet xmlns=\"" MAIN_NS "\"><numFmts count=\"1\"><numFmt "
    "numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/></numFmts><fonts "
    "count=\"2\"><font><sz val=\"11\"/><color theme=\"1\"/><name "
    "val=\"Calibri\"/><family val=\"2\"/><scheme val=\"minor\"/></font>"
    "<font><b/><sz val=\"11\"/><color theme=\"1\"/><name val=\"Calibri\"/>"
    "<family val=\"2\"/><scheme val=\"minor\"/></font></fonts><fills "
    "count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill>"
    "<patternFill patternType=\"gray125\"/></fill></fills><borders "
    "count=\"1\"><border><left/><right/><top/><bottom/><diagonal/>"
    "</border></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" "
    "fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs "
    "count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" "
    "xfId=\"0\"/><xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" "
    "xfId=\"0\" applyFont=\"1\"/><xf numFmtId=\"164\" fontId=\"0\" "
    "fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" "
    "xfId=\"0\" builtinId=\"0\"/></cellStyles><dxfs count=\"0\"/>"
    "<tableStyles count=\"0\" defaultTableStyle=\"TableStyleMedium9\" "
    "defaultPivotStyle=\"PivotStyleLight16\"/></styleSheet>";

static const char rels[] =
    DECL "<Relationships xmlns=\"" PKG_REL_NS "\"><Relationship Id=\"rId1\" "
    "Type=\"" REL_NS "/officeDocument\" Target=\"xl/workbook.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" PKG_REL_NS "/metadata/"
    "core-properties\" Target=\"docProps/core.xml\"/><Relationship "
    "Id=\"rId3\" Type=\"" REL_NS "/extended-properties\" "
    "Target=\"docProps/app.xml\"/></Relationships>";

/* The package: its parts in the order Excel writes them, then the sheets
 * (deflated as they were made). */
static int package(struct xw *x, struct tempfile *tf, const char *title)
{
	struct odt_zip_part parts[8 + MAX_SHEETS];
	char *data[5], names[MAX_SHEETS][32], why[256];
	size_t len[5], n = 0, i;
	int rc;

	data[0] = content_types(x, &len[0]);
	data[1] = app(x, &len[1]);
	data[2] = core(title, &len[2]);
	data[3] = workbook(x, &len[3]);
	data[4] = workbook_rels(x, &len[4]);
	parts[n++] = (struct odt_zip_part){"[Content_Types].xml", data[0],
					   len[0], false, NULL};
	parts[n++] = (struct odt_zip_part){"_rels/.rels", rels,
					   sizeof rels - 1, false, NULL};
	parts[n++] = (struct odt_zip_part){"docProps/app.xml", data[1], len[1],
					   false, NULL};
	parts[n++] = (struct odt_zip_part){"docProps/core.xml", data[2],
					   len[2], false, NULL};
	parts[n++] = (struct odt_zip_part){"xl/workbook.xml", data[3], len[3],
					   false, NULL};
	parts[n++] = (struct odt_zip_part){"xl/_rels/workbook.xml.rels",
					   data[4], len[4], false, NULL};
	parts[n++] = (struct odt_zip_part){"xl/styles.xml", styles,
					   sizeof styles - 1, false, NULL};
	parts[n++] = (struct odt_zip_part){"xl/theme/theme1.xml",
					   (const char *)xlsx_theme,
					   xlsx_theme_len, false, NULL};
	for (i = 0; i < x->nsheets; i++) {
		snprintf(names[i], sizeof names[i], "xl/worksheets/sheet%zu.xml",
			 i + 1);
		parts[n++] = (struct odt_zip_part){names[i], NULL, 0, false,
						   x->sheets[i].z};
	}
	rc = odt_zip_write(tempfile_fd(tf), parts, n, why, sizeof why);
	if (rc < 0)
		failed(x, why);
	for (i = 0; i < 5; i++)
		free(data[i]);
	return rc;
}

int xlsx_write(struct reg *r, const char *path)
{
	struct xw x = {0};
	struct book_sink sink = {begin, row, end, &x};
	struct tempfile *tf;
	size_t i;
	int rc;

	x.path = path;
	/* An export is made again from the register: it replaces the file,
	 * keeping its mode. */
	tf = tempfile_create(path, 0666, TEMPFILE_KEEP_MODE);
	if (!tf)
		return error(_("%s: cannot write: %s"), path, strerror(errno));
	rc = book_write(r, &sink);
	if (rc == 0)
		rc = package(&x, tf, node_text(node_child(r->root,
							   "organisation")));
	if (rc == 0 && tempfile_commit(&tf, 0) < 0) {
		error(_("%s: cannot write: %s; no export was written"), path,
		      strerror(errno));
		rc = -1;
	}
	tempfile_delete(&tf);
	for (i = 0; i < x.nsheets; i++) {
		free(x.sheets[i].name);
		odt_deflate_free(x.sheets[i].z);
	}
	free(x.col);
	free(x.date_col);
	sb_free(&x.sb);
	return rc;
}
