// SPDX-License-Identifier: GPL-3.0-or-later
/* Tables from CSV, XLSX and ODS, row by row: formats, the package within
 * the limits of templates, and the rows the readers build; see sheet.h. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "odt.h"
#include "sheet_int.h"

enum { CHUNK = 65536 };

/* --- formats and places --- */

int sheet_format_named(const char *word)
{
	if (!strcasecmp(word, "csv"))
		return SHEET_CSV;
	if (!strcasecmp(word, "xlsx"))
		return SHEET_XLSX;
	if (!strcasecmp(word, "ods"))
		return SHEET_ODS;
	return -1;
}

static bool has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcasecmp(s + n - m, suffix);
}

enum sheet_format sheet_format_of(const char *path)
{
	unsigned char magic[4] = {0};
	enum sheet_format fmt = SHEET_CSV;
	zip_t *z;
	int fd, err;

	if (has_suffix(path, ".csv") || has_suffix(path, ".txt"))
		return SHEET_CSV;
	if (has_suffix(path, ".xlsx") || has_suffix(path, ".xlsm"))
		return SHEET_XLSX;
	if (has_suffix(path, ".ods") || has_suffix(path, ".ots"))
		return SHEET_ODS;
	if (!strcmp(path, "-"))
		return SHEET_CSV;
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return SHEET_CSV; /* the reader says why it cannot open it */
	if (read(fd, magic, 4) == 4 && !memcmp(magic, "PK\3\4", 4)) {
		fmt = SHEET_XLSX;
		lseek(fd, 0, SEEK_SET);
		z = zip_fdopen(fd, ZIP_RDONLY, &err);
		if (z) {
			if (zip_name_locate(z, "content.xml", 0) >= 0)
				fmt = SHEET_ODS;
			zip_discard(z);
			return fmt;
		}
	}
	close(fd);
	return fmt;
}

void sheet_column_letters(char out[8], size_t i)
{
	char rev[8];
	size_t n = 0, k = 0;

	do {
		rev[n++] = (char)('A' + i % 26);
		i = i / 26;
	} while (i-- > 0 && n < sizeof rev - 1);
	while (n)
		out[k++] = rev[--n];
	out[k] = '\0';
}

void sheet_column_label(char out[16], const struct csv_record *rec, size_t i)
{
	if (rec->sheet) {
		char letters[8];

		sheet_column_letters(letters, i);
		snprintf(out, 16, "%s", letters);
	} else {
		snprintf(out, 16, "%zu", i + 1);
	}
}

char *sheet_where(const char *name, const struct csv_record *rec)
{
	if (rec->sheet)
		return xasprintf(_("%s, sheet '%s', row %ld"), name, rec->sheet,
				 rec->line);
	return xasprintf("%s:%ld", name, rec->line);
}

bool sheet_is(const char *ns, const char *name, const char *want,
	      const char *local)
{
	return ns && !strcmp(name, local) && !strcmp(ns, want);
}

/* --- the package --- */

static int zip_problem(struct sheet_zip *sz, const char *entry,
		       zip_error_t *ze)
{
	if (entry)
		return error(_("%s: cannot read '%s': %s"), sz->name, entry,
			     zip_error_strerror(ze));
	return error(_("%s: cannot read it as a spreadsheet (XLSX and ODS "
		       "files are zip packages): %s"),
		     sz->name, zip_error_strerror(ze));
}

int sheet_zip_open(struct sheet_zip *sz, const char *path, const char *name)
{
	long long total = 0;
	struct stat st;
	zip_error_t ze;
	zip_int64_t n, i;
	int fd, err = 0;

	memset(sz, 0, sizeof *sz);
	sz->name = name;
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return error(_("%s: cannot open: %s"), name, strerror(errno));
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return error(_("%s: not a file"), name);
	}
	if (st.st_size > ODT_MAX_TOTAL) {
		close(fd);
		return error(_("%s: larger than %ld MB; refused"), name,
			     ODT_MAX_TOTAL / (1024 * 1024));
	}
	sz->z = zip_fdopen(fd, ZIP_RDONLY | ZIP_CHECKCONS, &err);
	if (!sz->z) {
		close(fd);
		zip_error_init_with_code(&ze, err);
		zip_problem(sz, NULL, &ze);
		zip_error_fini(&ze);
		return -1;
	}
	n = zip_get_num_entries(sz->z, 0);
	if (n > ODT_MAX_ENTRIES)
		goto too_many;
	/* Every declared size before anything is inflated. */
	for (i = 0; i < n; i++) {
		zip_stat_t zs;

		if (zip_stat_index(sz->z, (zip_uint64_t)i, 0, &zs) < 0) {
			zip_problem(sz, NULL, zip_get_error(sz->z));
			goto fail;
		}
		if (!(zs.valid & ZIP_STAT_NAME) || !(zs.valid & ZIP_STAT_SIZE)) {
			error(_("%s: an entry without name or size; refused"),
			      name);
			goto fail;
		}
		if (zs.size > (zip_uint64_t)ODT_MAX_TOTAL) {
			error(_("%s: '%s' would unpack to more than %ld MB; "
				"refused"),
			      name, zs.name, ODT_MAX_TOTAL / (1024 * 1024));
			goto fail;
		}
		total += (long long)zs.size;
		if (total > ODT_MAX_TOTAL) {
			error(_("%s: the files in the spreadsheet would unpack "
				"to more than %ld MB; refused"),
			      name, ODT_MAX_TOTAL / (1024 * 1024));
			goto fail;
		}
		if ((zs.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
		    zs.encryption_method != ZIP_EM_NONE) {
			error(_("%s: '%s' is encrypted; save the spreadsheet "
				"without a password"),
			      name, zs.name);
			goto fail;
		}
	}
	return 0;
too_many:
	error(_("%s: more than %d files in the package; refused (is it "
		"really a spreadsheet?)"),
	      name, ODT_MAX_ENTRIES);
fail:
	zip_discard(sz->z);
	sz->z = NULL;
	return -1;
}

void sheet_zip_close(struct sheet_zip *sz)
{
	if (sz->z)
		zip_discard(sz->z);
	sz->z = NULL;
}

bool sheet_zip_has(struct sheet_zip *sz, const char *entry)
{
	return zip_name_locate(sz->z, entry, 0) >= 0;
}

/* Opens ENTRY, its declared size in *SIZE, at most MAX. */
static zip_file_t *open_entry(struct sheet_zip *sz, const char *entry,
			      long max, size_t *size)
{
	zip_int64_t i = zip_name_locate(sz->z, entry, 0);
	zip_stat_t zs;
	zip_file_t *f;

	if (i < 0) {
		error(_("%s: '%s' is missing; is it really a spreadsheet?"),
		      sz->name, entry);
		return NULL;
	}
	if (zip_stat_index(sz->z, (zip_uint64_t)i, 0, &zs) < 0) {
		zip_problem(sz, entry, zip_get_error(sz->z));
		return NULL;
	}
	if (zs.size > (zip_uint64_t)max) {
		error(_("%s: '%s' would unpack to more than %ld MB; refused"),
		      sz->name, entry, max / (1024 * 1024));
		return NULL;
	}
	f = zip_fopen_index(sz->z, (zip_uint64_t)i, 0);
	if (!f)
		zip_problem(sz, entry, zip_get_error(sz->z));
	*size = (size_t)zs.size;
	return f;
}

static int lie(struct sheet_zip *sz, const char *entry, size_t size)
{
	return error(_("%s: '%s' does not hold what its header says (%zu "
		       "bytes); refused"),
		     sz->name, entry, size);
}

char *sheet_zip_read(struct sheet_zip *sz, const char *entry, long max,
		     size_t *len)
{
	size_t size = 0;
	zip_file_t *f = open_entry(sz, entry, max, &size);
	char *data;

	if (!f)
		return NULL;
	data = odt_zip_read(f, sz->name, entry, size);
	if (data)
		*len = size;
	return data;
}

xmlDocPtr sheet_zip_xml(struct sheet_zip *sz, const char *entry)
{
	size_t len;
	char *data = sheet_zip_read(sz, entry, ODT_MAX_XML, &len), *what;
	xmlDocPtr doc;

	if (!data)
		return NULL;
	what = xasprintf("%s: %s", sz->name, entry);
	doc = xmlsafe_read_memory(data, len, what, 0);
	free(what);
	free(data);
	return doc;
}

int sheet_zip_stream(struct sheet_zip *sz, const char *entry,
		     const struct xmlsafe_sax *sax, void *user)
{
	size_t size = 0, got = 0;
	zip_file_t *f = open_entry(sz, entry, ODT_MAX_TOTAL, &size);
	struct xmlsafe_stream *st;
	char *buf, *what;
	zip_int64_t n;
	int rc = 0;

	if (!f)
		return -1;
	what = xasprintf("%s: %s", sz->name, entry);
	st = xmlsafe_stream_new(sax, user, what);
	buf = xmalloc(CHUNK);
	for (;;) {
		n = zip_fread(f, buf, CHUNK);
		if (n < 0) {
			rc = zip_problem(sz, entry, zip_file_get_error(f));
			break;
		}
		got += (size_t)n;
		if (got > size) {
			rc = lie(sz, entry, size);
			break;
		}
		rc = xmlsafe_stream_feed(st, buf, (size_t)n, n == 0);
		if (rc || n == 0)
			break;
	}
	if (!rc && got != size)
		rc = lie(sz, entry, size);
	free(buf);
	free(what);
	xmlsafe_stream_free(st);
	zip_fclose(f);
	return rc < 0 ? -1 : 0;
}

/* --- rows --- */

void sheet_rows_init(struct sheet_rows *r, const char *name,
		     const char *sheet, csv_record_fn *fn, void *ctx)
{
	memset(r, 0, sizeof *r);
	r->name = name;
	r->sheet = sheet;
	r->fn = fn;
	r->ctx = ctx;
}

void sheet_rows_free(struct sheet_rows *r)
{
	sb_free(&r->text);
	free(r->start);
	free(r->ptrs);
	free(r->where);
	memset(r, 0, sizeof *r);
}

void sheet_rows_begin(struct sheet_rows *r, long row)
{
	size_t i;

	for (i = 0; i < r->ncols; i++)
		r->start[i] = SIZE_MAX;
	r->ncols = 0;
	r->text.len = 0;
	r->row = row;
}

const char *sheet_rows_cell_name(struct sheet_rows *r, size_t col)
{
	char letters[8];

	sheet_column_letters(letters, col);
	free(r->where);
	r->where = xasprintf(_("%s, sheet '%s', cell %s%ld"), r->name,
			     r->sheet, letters, r->row);
	return r->where;
}

static bool blank(const char *s)
{
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

int sheet_rows_cell(struct sheet_rows *r, size_t col, const char *s,
		    size_t len)
{
	size_t i;

	if (!len)
		return 0;
	if (col >= SHEET_MAX_COLS)
		return error(_("%s, sheet '%s', row %ld: a value past the "
			       "last column a spreadsheet has (%d columns, "
			       "A to XFD); refused"),
			     r->name, r->sheet, r->row, SHEET_MAX_COLS);
	if (len > CSV_MAX_FIELD)
		return error(_("%s: the cell holds more than %zu bytes"),
			     sheet_rows_cell_name(r, col), CSV_MAX_FIELD);
	if (col >= r->cap) {
		size_t cap = r->cap ? r->cap : 32;
		while (cap <= col)
			cap *= 2;
		r->start = xrealloc(r->start, cap * sizeof *r->start);
		for (i = r->cap; i < cap; i++)
			r->start[i] = SIZE_MAX;
		r->cap = cap;
	}
	for (i = r->ncols; i < col; i++)
		r->start[i] = SIZE_MAX;
	r->start[col] = r->text.len;
	sb_add(&r->text, s, len);
	sb_add(&r->text, "", 1);
	if (col >= r->ncols)
		r->ncols = col + 1;
	return 0;
}

/* One past the last column holding more than white space. */
static size_t used_width(const struct sheet_rows *r)
{
	size_t n = r->ncols;

	while (n && (r->start[n - 1] == SIZE_MAX ||
		     blank(r->text.buf + r->start[n - 1])))
		n--;
	return n;
}

static int emit(struct sheet_rows *r, long line)
{
	struct csv_record rec;
	size_t i, empty;

	if (++r->records > CSV_MAX_ROWS + 1)
		return error(_("%s, sheet '%s', row %ld: more than %ld rows; "
			       "split the file into smaller ones"),
			     r->name, r->sheet, line, CSV_MAX_ROWS);
	empty = r->text.len;
	sb_add(&r->text, "", 1);
	r->ptrs = xrealloc(r->ptrs, (r->width ? r->width : 1) *
					    sizeof *r->ptrs);
	for (i = 0; i < r->width; i++)
		r->ptrs[i] = r->text.buf + (i < r->ncols &&
						    r->start[i] != SIZE_MAX
						? r->start[i]
						: empty);
	rec.field = r->ptrs;
	rec.n = r->width;
	rec.line = line;
	rec.number = r->records;
	rec.delim = ',';
	rec.sheet = r->sheet;
	return r->fn(&rec, r->ctx) < 0 ? -1 : 0;
}

int sheet_rows_end(struct sheet_rows *r, long repeat)
{
	size_t used = used_width(r);
	struct strbuf copy = {0};
	long k;
	int rc = 0;

	if (!used)
		return 0;
	if (!r->width) {
		r->width = used;
	} else if (used > r->width) {
		return error(_("%s: a value in a column that has no name in "
			       "the header row"),
			     sheet_rows_cell_name(r, used - 1));
	}
	/* The callback may trim cells in place: each repeat gets the row
	 * as it was. */
	if (repeat > 1)
		sb_add(&copy, r->text.buf, r->text.len);
	for (k = 0; k < repeat && !rc; k++) {
		if (k) {
			r->text.len = 0;
			sb_add(&r->text, copy.buf, copy.len);
		}
		rc = emit(r, r->row + k);
	}
	sb_free(&copy);
	return rc;
}

/* --- reading --- */

static int read_csv(const struct sheet_source *src, csv_record_fn *fn,
		    void *ctx)
{
	FILE *f = stdin;
	int rc;

	if (strcmp(src->path, "-")) {
		f = fopen(src->path, "r");
		if (!f)
			return error(_("%s: cannot open: %s"), src->name,
				     strerror(errno));
	}
	rc = csv_read(f, src->name, NULL, fn, ctx);
	if (f != stdin)
		fclose(f);
	return rc;
}

int sheet_read(const struct sheet_source *src, csv_record_fn *fn, void *ctx)
{
	if (src->format == SHEET_CSV)
		return read_csv(src, fn, ctx);
	if (!strcmp(src->path, "-"))
		return error(_("a spreadsheet cannot be read from standard "
			       "input; give its file name"));
	if (src->format == SHEET_XLSX)
		return sheet_read_xlsx(src, fn, ctx);
	return sheet_read_ods(src, fn, ctx);
}
