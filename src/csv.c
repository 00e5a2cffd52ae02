// SPDX-License-Identifier: GPL-3.0-or-later
/* CSV reading (libcsv) with line numbers, and writing; see csv.h. */
#include <ctype.h>
#include <errno.h>
#include <string.h>
#include <strings.h>

#define STYR_WITH_LIBCSV /* libcsv's csv.h too: see csv.h */
#include "csv.h"
#include "names.h"
#include "number.h"
#include "util.h"

/* The input is read in chunks of this size and fed to libcsv one physical
 * line (or the part of one in this chunk) at a time. */
enum { CHUNK = 65536 };

struct reader {
	const char *name;
	const struct csv_limits *lim;
	csv_record_fn *fn;
	void *ctx;

	/* The record being assembled: field texts back to back, each with
	 * its NUL, and where each starts. */
	struct strbuf text;
	size_t *start;
	size_t nfields, cap;
	char **ptrs;
	size_t ptrs_cap;

	long line;         /* physical line being fed */
	long record_line;  /* line the current record started on */
	bool between;      /* no record was in progress when the line began */
	bool called;       /* libcsv called back while feeding this piece */
	bool ended;        /* ... and ended a record */
	long records;
	bool failed;
	char delim;        /* ',' or ';' */
};

/* libcsv's field callback.  It cannot stop the parser, so after a failure
 * the rest is ignored and the caller stops feeding. */
static void on_field(void *s, size_t len, void *data)
{
	struct reader *rd = data;

	rd->called = true;
	if (rd->failed)
		return;
	if (len > rd->lim->max_field) {
		error(_("%s:%ld: a field is longer than %zu bytes"), rd->name,
		      rd->record_line, rd->lim->max_field);
		rd->failed = true;
		return;
	}
	rd->start = xgrow(rd->start, rd->nfields, &rd->cap, 32,
			  sizeof *rd->start);
	rd->start[rd->nfields++] = rd->text.len;
	if (len)
		sb_add(&rd->text, s, len);
	sb_add(&rd->text, "", 1); /* the field's NUL */
}

static void on_record(int c, void *data)
{
	struct reader *rd = data;
	struct csv_record rec;
	long max;
	size_t i;

	(void)c;
	rd->called = rd->ended = true;
	if (rd->failed)
		goto reset;
	rd->records++;
	max = rd->lim->max_rows + (rd->lim->header ? 1 : 0);
	if (rd->records > max) {
		error(_("%s:%ld: more than %ld rows; split the file into "
			"smaller ones"),
		      rd->name, rd->record_line, rd->lim->max_rows);
		rd->failed = true;
		goto reset;
	}
	if (rd->nfields > rd->ptrs_cap) {
		rd->ptrs_cap = rd->nfields;
		rd->ptrs = xrealloc(rd->ptrs, rd->ptrs_cap * sizeof *rd->ptrs);
	}
	for (i = 0; i < rd->nfields; i++)
		rd->ptrs[i] = rd->text.buf + rd->start[i];
	rec.field = rd->ptrs;
	rec.n = rd->nfields;
	rec.line = rd->record_line;
	rec.number = rd->records;
	rec.delim = rd->delim;
	rec.sheet = NULL;
	if (rd->fn(&rec, rd->ctx) < 0)
		rd->failed = true;
reset:
	rd->nfields = 0;
	rd->text.len = 0;
}

/* Feeds one piece: at most one physical line, ending at its CR or LF. */
static int feed(struct reader *rd, struct csv_parser *p, const char *s,
		size_t len)
{
	size_t i;
	bool content = false;

	for (i = 0; i < len; i++) {
		if (s[i] == '\0')
			return error(_("%s:%ld: the file holds a NUL byte; it "
				       "is not a text (CSV) file"),
				     rd->name, rd->line);
		if (s[i] != '\r' && s[i] != '\n')
			content = true;
	}
	/* A record can only start at the beginning of a line; the line it
	 * starts on is the one being fed when none was in progress. */
	if (rd->between)
		rd->record_line = rd->line;
	rd->called = rd->ended = false;
	if (csv_parse(p, s, len, on_field, on_record, rd) != len) {
		if (csv_error(p) == CSV_EPARSE && rd->delim == ';')
			return error(_("%s:%ld: a double quote in the wrong "
				       "place; in a file separated by "
				       "semicolons, a field with semicolons, "
				       "quotes or line breaks must be in "
				       "double quotes, and a quote inside it "
				       "doubled (\"\")"),
				     rd->name, rd->line);
		if (csv_error(p) == CSV_EPARSE)
			return error(_("%s:%ld: a double quote in the wrong "
				       "place; a field with commas, quotes or "
				       "line breaks must be in double quotes, "
				       "and a quote inside it doubled (\"\")"),
				     rd->name, rd->line);
		return error(_("%s:%ld: cannot read: %s"), rd->name, rd->line,
			     csv_strerror(csv_error(p)));
	}
	if (rd->failed)
		return -1;
	/* libcsv holds the field it is reading; stop a runaway one early
	 * rather than buffer all of it. */
	if (csv_get_buffer_size(p) > rd->lim->max_field + 4096)
		return error(_("%s:%ld: a field is longer than %zu bytes"),
			     rd->name, rd->record_line, rd->lim->max_field);
	if (rd->ended)
		rd->between = true;
	else if (content || rd->called)
		rd->between = false;
	return 0;
}

char csv_guess_delim(const char *s, size_t len)
{
	bool quoted = false, semicolon = false;
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (s[i] == '\n' || s[i] == '\r')
			break;
		else if (s[i] == ',')
			return ',';
		else if (s[i] == ';')
			semicolon = true;
	}
	return semicolon ? ';' : ',';
}

static int is_not_space(unsigned char c)
{
	(void)c;
	return 0;
}

int csv_read(FILE *f, const char *name, const struct csv_limits *limits,
	     csv_record_fn *fn, void *ctx)
{
	static const struct csv_limits defaults = {CSV_MAX_FIELD, CSV_MAX_ROWS,
						   true};
	struct reader rd = {0};
	struct csv_parser p;
	char *buf = xmalloc(CHUNK);
	bool first = true, cr_pending = false;
	int rc = -1;
	size_t n;

	rd.name = name;
	rd.lim = limits ? limits : &defaults;
	rd.fn = fn;
	rd.ctx = ctx;
	rd.line = 1;
	rd.delim = ',';
	rd.between = true;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		die(_("out of memory"));
	/* Spaces are data: "  x" stays "  x". */
	csv_set_space_func(&p, is_not_space);

	while ((n = fread(buf, 1, CHUNK, f)) > 0) {
		const char *s = buf, *end = buf + n;

		if (first && n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
			s += 3;
		/* The header line is in the first chunk (or as much of it
		 * as says anything). */
		if (first) {
			rd.delim = csv_guess_delim(s, (size_t)(end - s));
			csv_set_delim(&p, (unsigned char)rd.delim);
		}
		first = false;
		while (s < end) {
			const char *e = s;

			/* A CR counts as a line end unless an LF follows:
			 * then the LF ends the line. */
			if (cr_pending && *s != '\n')
				rd.line++;
			cr_pending = false;
			while (e < end && *e != '\n' && *e != '\r')
				e++;
			if (e < end)
				e++;
			if (feed(&rd, &p, s, (size_t)(e - s)) < 0)
				goto out;
			if (e[-1] == '\n')
				rd.line++;
			else if (e[-1] == '\r')
				cr_pending = true;
			s = e;
		}
	}
	if (ferror(f)) {
		error(_("%s: cannot read: %s"), name, strerror(errno));
		goto out;
	}
	if (cr_pending)
		rd.line++;
	if (csv_fini(&p, on_field, on_record, &rd) != 0) {
		error(_("%s:%ld: a quoted field is not closed: a double quote "
			"is missing"),
		      name, rd.record_line);
		goto out;
	}
	if (rd.failed)
		goto out;
	if (!rd.records) {
		error(_("%s: the file is empty"), name);
		goto out;
	}
	rc = 0;
out:
	csv_free(&p);
	free(buf);
	free(rd.start);
	free(rd.ptrs);
	sb_free(&rd.text);
	return rc;
}

void csv_write_row(FILE *f, const char *const cells[], size_t n)
{
	csv_write_record(f, cells, n, ',');
}

void csv_write_record(FILE *f, const char *const cells[], size_t n,
		      char delim)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const char *s = cells[i] ? cells[i] : "";

		if (i)
			putc(delim, f);
		csv_write_field(f, s, delim);
	}
	fputs("\r\n", f);
}

void csv_write_field(FILE *f, const char *s, char delim)
{
	/* Quoted only when it must be: a decimal comma in a semicolon
	 * file stays a number. */
	if (!strchr(s, delim) && !strpbrk(s, "\"\r\n")) {
		fputs(s, f);
		return;
	}
	putc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			putc('"', f);
		putc(*s, f);
	}
	putc('"', f);
}

void csv_format_number(char out[32], double v)
{
	/* As JSON writes it: every digit the register holds, no ".0". */
	format_json_number(out, v);
}

#define NAME_EXTRA_TEXT(id, name)
#define NAME_EXTRA_TEXT_NULL(id, name)
#define NAME_EXTRA_WORD(id, name)
#define NAME_EXTRA_AREA(id, name) [COL_##id##_NAME] = name "_name",
const char *const item_columns[COL_COUNT] = {
	[COL_ID] = "id",
	[COL_KIND] = "kind",
#define FIELD(id, name, type, ...)                                          \
	[COL_##id] = name, NAME_EXTRA_##type(id, name)
#include "item_fields.h"
#undef FIELD
	[COL_MINUTES] = "minutes",
	[COL_PER_YEAR] = "per_year",
	[COL_STAFF] = "staff",
	[COL_TARIFF] = "tariff",
	[COL_VOTES_REMOVE] = "votes_remove",
	[COL_VOTES_CHANGE] = "votes_change",
	[COL_VOTES_ANCHOR] = "votes_anchor",
	[COL_PRIORITY] = "priority",
	[COL_PRIORITY_REASON] = "priority_reason",
	[COL_DECISION] = "decision",
	[COL_DECISION_REASON] = "decision_reason",
	[COL_SOLUTION] = "solution",
	[COL_CRITERIA] = "criteria",
	[COL_EVALUATE_BY] = "evaluate_by",
	[COL_PRIORITY_DATE] = "priority_date",
	[COL_PRIORITY_BY] = "priority_by",
	[COL_DECISION_DATE] = "decision_date",
	[COL_DECISION_BY] = "decision_by",
};

/* The same columns by their Danish names (SPEC section 7: a Dane's
 * spreadsheet may head its columns "Type;Titel"). */
const char *const item_columns_da[COL_COUNT] = {
	[COL_ID] = "Id",
	[COL_KIND] = "Type",
	[COL_TITLE] = "Titel",
	[COL_DESCRIPTION] = "Beskrivelse",
	[COL_AREA] = "Område",
	[COL_AREA_NAME] = "Områdenavn",
	[COL_ORIGIN] = "Oprindelse",
	[COL_OWNER] = "Ejer",
	[COL_FOUND] = "Fundet via",
	[COL_SOURCE] = "Kilde",
	[COL_MINUTES] = "Minutter",
	[COL_PER_YEAR] = "Gange om året",
	[COL_STAFF] = "Medarbejdere",
	[COL_TARIFF] = "Timepris",
	[COL_VOTES_REMOVE] = "Stemmer fjerne",
	[COL_VOTES_CHANGE] = "Stemmer forandre",
	[COL_VOTES_ANCHOR] = "Stemmer forankre",
	[COL_PRIORITY] = "Forslag",
	[COL_PRIORITY_REASON] = "Begrundelse for forslag",
	[COL_DECISION] = "Beslutning",
	[COL_DECISION_REASON] = "Begrundelse for beslutning",
	[COL_SOLUTION] = "Løsning",
	[COL_CRITERIA] = "Evalueringskriterier",
	[COL_EVALUATE_BY] = "Evalueres senest",
	[COL_PRIORITY_DATE] = "Dato for forslag",
	[COL_PRIORITY_BY] = "Forslag af",
	[COL_DECISION_DATE] = "Dato for beslutning",
	[COL_DECISION_BY] = "Beslutning af",
};

int item_column(const char *header)
{
	size_t len;
	int i, found = -1;
	char *key;

	while (isspace((unsigned char)*header))
		header++;
	len = strlen(header);
	while (len && isspace((unsigned char)header[len - 1]))
		len--;
	for (i = 0; i < COL_COUNT; i++)
		if (strlen(item_columns[i]) == len &&
		    !strncasecmp(item_columns[i], header, len))
			return i;
	/* A Danish name, compared as names are (any letter case, NFC or
	 * NFD, white space collapsed): "TITEL", "gange  om året". */
	key = xasprintf("%.*s", (int)len, header);
	{
		char *k = name_key(key);
		free(key);
		key = k;
	}
	for (i = 0; i < COL_COUNT && found < 0; i++) {
		char *k;
		if (!item_columns_da[i])
			continue;
		k = name_key(item_columns_da[i]);
		if (!strcmp(k, key))
			found = i;
		free(k);
	}
	free(key);
	return found;
}
