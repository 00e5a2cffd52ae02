// SPDX-License-Identifier: GPL-3.0-or-later
/* XLSX workbooks (Office Open XML, as Excel, openpyxl and LibreOffice
 * write them), one sheet row by row; see sheet.h. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "odt.h"
#include "sheet_int.h"

#define MAIN_NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define STRICT_NS "http://purl.oclc.org/ooxml/spreadsheetml/main"
#define REL_NS \
	"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define STRICT_REL_NS "http://purl.oclc.org/ooxml/officeDocument/relationships"

/* Shared texts: each a malloc is too dear; one buffer, offsets. */
enum { MAX_SHARED = 5000000 };

struct xlsx {
	const struct sheet_source *src;
	struct sheet_zip zip;
	char *sheet;	   /* the sheet's name */
	char *sheet_part;  /* its part, e.g. xl/worksheets/sheet1.xml */
	char *shared_part; /* NULL: none */
	char *styles_part; /* NULL: none */
	bool date1904;
	bool *is_date; /* per cell style (cellXfs) */
	size_t nstyles;

	struct strbuf shared;
	size_t *shared_at;
	size_t nshared, shared_cap;
	bool in_si, in_t, in_rph;

	struct sheet_rows rows;
	bool in_data, in_row, in_cell, in_v, in_is, has_f;
	long next_row;
	size_t col, next_col;
	long style;
	char type[12];
	struct strbuf v; /* the cell's value or text */
};

static bool is_main(const char *ns)
{
	return ns && (!strcmp(ns, MAIN_NS) || !strcmp(ns, STRICT_NS));
}

/* An element NAME of the spreadsheet namespace (or any, for package
 * relationships, whose elements are plain). */
static bool el(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE &&
	       !strcmp((const char *)n->name, name);
}

static char *prop(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetNoNsProp(n, BAD_CAST name);
	char *s = v ? xstrdup((const char *)v) : NULL;

	xmlFree(v);
	return s;
}

static char *rel_id(xmlNodePtr n)
{
	xmlChar *v = xmlGetNsProp(n, BAD_CAST "id", BAD_CAST REL_NS);
	char *s;

	if (!v)
		v = xmlGetNsProp(n, BAD_CAST "id", BAD_CAST STRICT_REL_NS);
	s = v ? xstrdup((const char *)v) : NULL;
	xmlFree(v);
	return s;
}

/* TARGET relative to the part in DIR ("xl/"), as a name in the package:
 * "/xl/x.xml" and "../x.xml" resolved, never climbing out. */
static char *resolve(const char *dir, const char *target)
{
	char *joined = *target == '/' ? xstrdup(target + 1)
				      : xasprintf("%s%s", dir, target);
	char *out = xmalloc(strlen(joined) + 1), *p = joined, *o = out;

	*o = '\0';
	while (*p) {
		size_t len = strcspn(p, "/");
		if (len == 2 && !strncmp(p, "..", 2)) {
			if (o > out)
				o--;
			while (o > out && o[-1] != '/')
				o--;
			*o = '\0';
		} else if (len && !(len == 1 && *p == '.')) {
			memcpy(o, p, len);
			o += len;
			if (p[len] == '/')
				*o++ = '/';
			*o = '\0';
		}
		p += len;
		if (*p == '/')
			p++;
	}
	free(joined);
	return out;
}

/* The folder of PART with its slash ("xl/"), malloc'd. */
static char *dir_of(const char *part)
{
	const char *slash = strrchr(part, '/');

	return slash ? xasprintf("%.*s", (int)(slash - part + 1), part)
		     : xstrdup("");
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcmp(s + n - m, suffix);
}

/* The target of relationship ID, or of the first of TYPE (a suffix of
 * the type URI), in the relationships of PART; NULL when none. */
static char *relationship(struct xlsx *x, const char *part, const char *id,
			  const char *type)
{
	char *dir = dir_of(part), *rels, *found = NULL;
	const char *base = strrchr(part, '/') ? strrchr(part, '/') + 1 : part;
	xmlDocPtr doc;
	xmlNodePtr n;

	rels = xasprintf("%s_rels/%s.rels", dir, base);
	if (!sheet_zip_has(&x->zip, rels)) {
		free(rels);
		free(dir);
		return NULL;
	}
	doc = sheet_zip_xml(&x->zip, rels);
	free(rels);
	n = doc ? xmlDocGetRootElement(doc) : NULL;
	for (n = n ? n->children : NULL; n && !found; n = n->next) {
		char *i, *t, *target, *mode;
		if (!el(n, "Relationship"))
			continue;
		i = prop(n, "Id");
		t = prop(n, "Type");
		target = prop(n, "Target");
		mode = prop(n, "TargetMode");
		if (target && !(mode && !strcasecmp(mode, "External")) &&
		    ((id && i && !strcmp(i, id)) ||
		     (type && t && ends_with(t, type))))
			found = resolve(dir, target);
		free(i);
		free(t);
		free(target);
		free(mode);
	}
	xmlFreeDoc(doc);
	free(dir);
	return found;
}

/* --- the workbook --- */

static int find_sheet(struct xlsx *x)
{
	char *book = relationship(x, "", NULL, "/officeDocument");
	struct strbuf names = {0};
	xmlNodePtr root, n, s;
	xmlDocPtr doc;
	int rc = -1;

	if (!book)
		book = xstrdup("xl/workbook.xml");
	doc = sheet_zip_xml(&x->zip, book);
	if (!doc)
		goto out;
	root = xmlDocGetRootElement(doc);
	if (!el(root, "workbook") || !root->ns ||
	    !is_main((const char *)root->ns->href)) {
		error(_("%s: not an Excel workbook (%s holds no workbook)"),
		      x->src->name, book);
		goto out;
	}
	for (n = root->children; n; n = n->next) {
		if (el(n, "workbookPr")) {
			char *d = prop(n, "date1904");
			x->date1904 = d && (!strcmp(d, "1") ||
					    !strcasecmp(d, "true"));
			free(d);
		}
		if (!el(n, "sheets"))
			continue;
		for (s = n->children; s && !x->sheet_part; s = s->next) {
			char *name, *id;
			if (!el(s, "sheet"))
				continue;
			name = prop(s, "name");
			id = rel_id(s);
			if (name && id &&
			    (!x->src->sheet || !strcmp(name, x->src->sheet))) {
				x->sheet_part =
				    relationship(x, book, id, NULL);
				if (!x->sheet_part) {
					error(_("%s: the workbook does not say "
						"where sheet '%s' is"),
					      x->src->name, name);
					free(name);
					free(id);
					goto out;
				}
				x->sheet = xstrdup(name);
			} else if (name) {
				sb_printf(&names, "%s'%s'",
					  names.len ? ", " : "", name);
			}
			free(name);
			free(id);
		}
	}
	if (!x->sheet_part) {
		if (x->src->sheet)
			error(_("%s: no sheet is called '%s' (the sheets are: "
				"%s)"),
			      x->src->name, x->src->sheet,
			      names.len ? names.buf : "-");
		else
			error(_("%s: the workbook has no sheet"),
			      x->src->name);
		goto out;
	}
	x->shared_part = relationship(x, book, NULL, "/sharedStrings");
	x->styles_part = relationship(x, book, NULL, "/styles");
	rc = 0;
out:
	xmlFreeDoc(doc);
	sb_free(&names);
	free(book);
	return rc;
}

/* --- styles: which cells hold dates --- */

/* Whether format CODE shows a date: a day or a year outside quoted text,
 * [brackets] and escapes. */
static bool date_code(const char *code)
{
	const char *p;

	for (p = code; *p; p++) {
		if (*p == '"') {
			p = strchr(p + 1, '"');
			if (!p)
				return false;
		} else if (*p == '[') {
			p = strchr(p + 1, ']');
			if (!p)
				return false;
		} else if ((*p == '\\' || *p == '_' || *p == '*') && p[1]) {
			p++;
		} else if (strchr("dDyY", *p)) {
			return true;
		}
	}
	return false;
}

/* Excel's built-in formats that show a date (times alone are not). */
static bool date_builtin(long id)
{
	return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) ||
	       (id >= 34 && id <= 36) || (id >= 50 && id <= 58);
}

static int read_styles(struct xlsx *x)
{
	xmlDocPtr doc;
	xmlNodePtr root, n, f;
	long *custom_id = NULL;
	bool *custom_date = NULL;
	size_t ncustom = 0, i;

	if (!x->styles_part || !sheet_zip_has(&x->zip, x->styles_part))
		return 0;
	doc = sheet_zip_xml(&x->zip, x->styles_part);
	if (!doc)
		return -1;
	root = xmlDocGetRootElement(doc);
	for (n = root ? root->children : NULL; n; n = n->next) {
		if (el(n, "numFmts")) {
			for (f = n->children; f; f = f->next) {
				char *id, *code;
				if (!el(f, "numFmt"))
					continue;
				id = prop(f, "numFmtId");
				code = prop(f, "formatCode");
				custom_id = xrealloc(custom_id,
						     (ncustom + 1) *
							 sizeof *custom_id);
				custom_date = xrealloc(custom_date,
						       (ncustom + 1) *
							   sizeof *custom_date);
				custom_id[ncustom] = id ? atol(id) : -1;
				custom_date[ncustom++] = code && date_code(code);
				free(id);
				free(code);
			}
		} else if (el(n, "cellXfs")) {
			for (f = n->children; f; f = f->next) {
				char *id;
				long fmt;
				bool date;
				if (!el(f, "xf"))
					continue;
				id = prop(f, "numFmtId");
				fmt = id ? atol(id) : 0;
				free(id);
				date = date_builtin(fmt);
				for (i = 0; i < ncustom; i++)
					if (custom_id[i] == fmt)
						date = custom_date[i];
				x->is_date = xrealloc(x->is_date,
						      (x->nstyles + 1) *
							  sizeof *x->is_date);
				x->is_date[x->nstyles++] = date;
			}
		}
	}
	free(custom_id);
	free(custom_date);
	xmlFreeDoc(doc);
	return 0;
}

/* --- shared texts --- */

static int shared_start(void *user, const char *ns, const char *name,
			const struct xmlsafe_attr *attrs, size_t nattrs)
{
	struct xlsx *x = user;

	(void)attrs;
	(void)nattrs;
	if (!is_main(ns))
		return 0;
	if (!strcmp(name, "si")) {
		if (x->nshared >= MAX_SHARED)
			return error(_("%s: more than %d shared texts; "
				       "refused"),
				     x->src->name, MAX_SHARED);
		x->shared_at = xgrow(x->shared_at, x->nshared, &x->shared_cap,
				     1024, sizeof *x->shared_at);
		x->shared_at[x->nshared] = x->shared.len;
		x->in_si = true;
	} else if (!strcmp(name, "t")) {
		x->in_t = true;
	} else if (!strcmp(name, "rPh")) {
		x->in_rph = true; /* a reading aid, not the text */
	}
	return 0;
}

static int shared_end(void *user, const char *ns, const char *name)
{
	struct xlsx *x = user;

	if (!is_main(ns))
		return 0;
	if (!strcmp(name, "si") && x->in_si) {
		sb_add(&x->shared, "", 1);
		x->nshared++;
		x->in_si = false;
	} else if (!strcmp(name, "t")) {
		x->in_t = false;
	} else if (!strcmp(name, "rPh")) {
		x->in_rph = false;
	}
	return 0;
}

static int shared_text(void *user, const char *s, size_t len)
{
	struct xlsx *x = user;

	if (x->in_si && x->in_t && !x->in_rph) {
		if (x->shared.len + len > (size_t)ODT_MAX_ENTRY)
			return error(_("%s: its shared texts come to more "
				       "than %ld MB; refused"),
				     x->src->name,
				     ODT_MAX_ENTRY / (1024 * 1024));
		sb_add(&x->shared, s, len);
	}
	return 0;
}

static int read_shared(struct xlsx *x)
{
	static const struct xmlsafe_sax sax = {shared_start, shared_end,
					       shared_text};

	if (!x->shared_part || !sheet_zip_has(&x->zip, x->shared_part))
		return 0;
	return sheet_zip_stream(&x->zip, x->shared_part, &sax, x);
}

/* --- the sheet --- */

/* Excel's escapes for characters XML cannot hold: _x000D_ is a carriage
 * return, _x005F_ an underscore. */
static void unescape(struct strbuf *out, const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		unsigned long c;
		char hex[5], utf8[4];
		if (i + 7 <= len && s[i] == '_' && s[i + 1] == 'x' &&
		    s[i + 6] == '_') {
			memcpy(hex, s + i + 2, 4);
			hex[4] = '\0';
		} else {
			hex[0] = '\0';
		}
		if (hex[0] && strspn(hex, "0123456789abcdefABCDEF") == 4) {
			c = strtoul(hex, NULL, 16);
			if (c < 0x80) {
				utf8[0] = (char)c;
				sb_add(out, utf8, 1);
			} else if (c < 0x800) {
				utf8[0] = (char)(0xc0 | c >> 6);
				utf8[1] = (char)(0x80 | (c & 0x3f));
				sb_add(out, utf8, 2);
			} else {
				utf8[0] = (char)(0xe0 | c >> 12);
				utf8[1] = (char)(0x80 | ((c >> 6) & 0x3f));
				utf8[2] = (char)(0x80 | (c & 0x3f));
				sb_add(out, utf8, 3);
			}
			i += 7;
			continue;
		}
		sb_add(out, s + i, 1);
		i++;
	}
}

/* Day COUNT after 1970-01-01 as YYYY-MM-DD (Howard Hinnant's
 * civil_from_days). */
static void civil(long count, char out[11])
{
	long z = count + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp < 10 ? mp + 3 : mp - 9;

	/* Callers stay within the years 1900 to 9999. */
	snprintf(out, 11, "%04u-%02u-%02u",
		 (unsigned)(m <= 2 ? y + 1 : y) % 10000u, (unsigned)m % 100u,
		 (unsigned)d % 100u);
}

/* Serial day V of the workbook's date system as YYYY-MM-DD; false when
 * it is no day from 1900 to 9999.  In the 1900 system day 60 is the
 * 29 February 1900 Lotus believed in: days before it count from
 * 1899-12-31, later ones from 1899-12-30. */
static bool serial_date(double v, bool date1904, char out[11])
{
	long day;

	if (!(v >= 1 && v < 2958466))
		return false;
	day = (long)floor(v);
	if (date1904)
		day += 1462;
	else if (day < 60)
		day += 1;
	civil(day - 25569, out);
	return true;
}

static int cell_problem(struct xlsx *x, const char *fmt, const char *what)
{
	return error(fmt, sheet_rows_cell_name(&x->rows, x->col), what);
}

/* The value of the cell just read, as sheet.h promises it. */
static int cell_value(struct xlsx *x, struct strbuf *out)
{
	const char *t = x->type, *v = x->v.buf ? x->v.buf : "";
	char buf[32], *end;
	double d;

	if (!strcmp(t, "s")) {
		unsigned long i;
		errno = 0;
		i = strtoul(v, &end, 10);
		if (!*v || *end || errno || !isdigit((unsigned char)*v))
			return cell_problem(x,
					    _("%s: '%s' is not a number of a "
					      "shared text"),
					    v);
		if (i >= x->nshared) {
			snprintf(buf, sizeof buf, "%zu", x->nshared);
			return error(_("%s: the cell refers to shared text "
				       "number %s, but the file has only %s; "
				       "the file is damaged"),
				     sheet_rows_cell_name(&x->rows, x->col), v,
				     buf);
		}
		unescape(out, x->shared.buf + x->shared_at[i],
			 strlen(x->shared.buf + x->shared_at[i]));
		return 0;
	}
	if (!strcmp(t, "inlineStr") || !strcmp(t, "str")) {
		unescape(out, v, x->v.len);
		return 0;
	}
	if (!strcmp(t, "e"))
		return cell_problem(x,
				    _("%s: the cell shows the error %s; "
				      "correct it in the spreadsheet"),
				    v);
	if (!strcmp(t, "b")) {
		sb_puts(out, !strcmp(v, "0") ? "false" : "true");
		return 0;
	}
	if (!x->v.len) {
		if (x->has_f)
			return error(_("%s: the cell holds a formula whose "
				       "value was never computed; open the "
				       "file in a spreadsheet and save it"),
				     sheet_rows_cell_name(&x->rows, x->col));
		return 0;
	}
	if (!strcmp(t, "d")) {
		/* An ISO 8601 date, with or without its time. */
		sb_add(out, v, x->v.len >= 10 ? 10 : x->v.len);
		return 0;
	}
	d = strtod(v, &end);
	if (*end || !isfinite(d))
		return cell_problem(x, _("%s: '%s' is not a number"), v);
	if (x->style >= 0 && (size_t)x->style < x->nstyles &&
	    x->is_date[x->style] && serial_date(d, x->date1904, buf)) {
		sb_puts(out, buf);
		return 0;
	}
	csv_format_number(buf, d);
	sb_puts(out, buf);
	return 0;
}

/* The column of a cell reference such as "C5" (0-based), or -1. */
static long ref_column(const char *ref)
{
	long col = 0;
	int n = 0;

	for (; isalpha((unsigned char)*ref); ref++) {
		if (++n > 7)
			return SHEET_MAX_COLS * 2L;
		col = col * 26 + (toupper((unsigned char)*ref) - 'A' + 1);
	}
	return n ? col - 1 : -1;
}

/* The flag that says the reader is in element NAME of a cell: <v>, <is>,
 * <t> or <rPh>; NULL for any other. */
static bool *cell_flag(struct xlsx *x, const char *name)
{
	static const char *const names[] = {"v", "is", "t", "rPh"};
	bool *flags[] = {&x->in_v, &x->in_is, &x->in_t, &x->in_rph};
	size_t i;

	for (i = 0; i < 4; i++)
		if (!strcmp(name, names[i]))
			return flags[i];
	return NULL;
}

static int sheet_start(void *user, const char *ns, const char *name,
		       const struct xmlsafe_attr *a, size_t na)
{
	struct xlsx *x = user;
	const char *v;

	if (!is_main(ns))
		return 0;
	if (!strcmp(name, "sheetData")) {
		x->in_data = true;
	} else if (x->in_data && !strcmp(name, "row")) {
		long row = x->next_row;
		v = xmlsafe_attr_get(a, na, NULL, "r");
		if (v && atol(v) > 0 && atol(v) < 100000000L)
			row = atol(v);
		sheet_rows_begin(&x->rows, row);
		x->next_row = row + 1;
		x->next_col = 0;
		x->in_row = true;
	} else if (x->in_row && !strcmp(name, "c")) {
		long col = -1;
		v = xmlsafe_attr_get(a, na, NULL, "r");
		if (v)
			col = ref_column(v);
		x->col = col >= 0 ? (size_t)col : x->next_col;
		v = xmlsafe_attr_get(a, na, NULL, "s");
		x->style = v ? atol(v) : -1;
		v = xmlsafe_attr_get(a, na, NULL, "t");
		snprintf(x->type, sizeof x->type, "%s", v ? v : "n");
		x->v.len = 0;
		x->has_f = x->in_v = x->in_is = x->in_t = x->in_rph = false;
		x->in_cell = true;
	} else if (x->in_cell) {
		bool *in = cell_flag(x, name);
		if (in)
			*in = true;
		else if (!strcmp(name, "f"))
			x->has_f = true;
	}
	return 0;
}

static int sheet_text(void *user, const char *s, size_t len)
{
	struct xlsx *x = user;

	if (!x->in_cell ||
	    !(x->in_v || (x->in_is && x->in_t && !x->in_rph)))
		return 0;
	if (x->v.len + len > CSV_MAX_FIELD * 2)
		return error(_("%s: the cell holds more than %zu bytes"),
			     sheet_rows_cell_name(&x->rows, x->col),
			     CSV_MAX_FIELD);
	sb_add(&x->v, s, len);
	return 0;
}

static int sheet_end(void *user, const char *ns, const char *name)
{
	struct xlsx *x = user;
	struct strbuf value = {0};
	bool *in;
	int rc;

	if (!is_main(ns))
		return 0;
	if (!strcmp(name, "sheetData"))
		return XMLSAFE_DONE;
	if (x->in_cell && !strcmp(name, "c")) {
		x->in_cell = false;
		sb_add(&x->v, "", 1); /* a NUL after the text */
		x->v.len--;
		rc = cell_value(x, &value);
		if (!rc && value.len)
			rc = sheet_rows_cell(&x->rows, x->col, value.buf,
					     value.len);
		sb_free(&value);
		x->next_col = x->col + 1;
		return rc;
	}
	if (x->in_row && !strcmp(name, "row")) {
		x->in_row = false;
		return sheet_rows_end(&x->rows, 1);
	}
	in = cell_flag(x, name);
	if (in)
		*in = false;
	return 0;
}

int sheet_read_xlsx(const struct sheet_source *src, csv_record_fn *fn,
		    void *ctx)
{
	static const struct xmlsafe_sax sax = {sheet_start, sheet_end,
					       sheet_text};
	struct xlsx x;
	int rc = -1;

	memset(&x, 0, sizeof x);
	x.src = src;
	x.next_row = 1;
	if (sheet_zip_open(&x.zip, src->path, src->name) < 0)
		return -1;
	if (sheet_zip_has(&x.zip, "content.xml") ||
	    sheet_zip_has(&x.zip, "mimetype")) {
		error(_("%s: an OpenDocument file, not an Excel workbook; "
			"import it as ods"),
		      src->name);
		goto out;
	}
	if (find_sheet(&x) < 0 || read_styles(&x) < 0 || read_shared(&x) < 0)
		goto out;
	sheet_rows_init(&x.rows, src->name, x.sheet, fn, ctx);
	rc = sheet_zip_stream(&x.zip, x.sheet_part, &sax, &x);
	if (!rc && !x.rows.records)
		rc = error(_("%s: sheet '%s' is empty"), src->name, x.sheet);
	sheet_rows_free(&x.rows);
out:
	sheet_zip_close(&x.zip);
	free(x.sheet);
	free(x.sheet_part);
	free(x.shared_part);
	free(x.styles_part);
	free(x.is_date);
	sb_free(&x.shared);
	free(x.shared_at);
	sb_free(&x.v);
	return rc;
}
