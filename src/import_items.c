// SPDX-License-Identifier: GPL-3.0-or-later
/* Items from CSV, XLSX or ODS rows, all or nothing; see import_items.h. */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv.h"
#include "import_items.h"
#include "item.h"
#include "number.h"
#include "principles.h"
#include "strmap.h"
#include "vocab.h"

enum { MAX_ID_DIGITS = 9 };

struct import {
	struct reg *r;
	const char *name;
	long line;              /* where the row being read starts */
	char *sheet;            /* its sheet, NULL for CSV */
	char *where;            /* "FILE:LINE[: column 'x']", for messages */
	int col[COL_COUNT];     /* field index of each column, -1 if absent */
	int field_col[F_COUNT]; /* the column of each item field */
	size_t ncols;
	char delim;             /* the file's separator: ',' or ';' */
	char *what[COL_COUNT];  /* "column 'x'", for messages */
	/* Hashes keep the import linear in rows and register size. */
	struct strmap *reg_ids;   /* items in the register before */
	struct strmap *file_ids;  /* id -> line of the row that has it */
	struct strmap *areas;     /* lower-cased id -> <area> */
	long first_free[3];       /* the id counters before the import */
	char today[11];
	char *by;                 /* author(), looked up once */
	long items;
	struct strbuf new_areas;
	long nareas;
};

/* The values of one row, checked and made canonical. */
struct row {
	const char *v[COL_COUNT]; /* "" when the column is absent */
	const char *kind;         /* canonical */
	const char *word[F_COUNT]; /* canonical keyword of a WORD field */
	long id;                  /* 0: the next free one */
	const char *area;         /* canonical id of an existing area, or */
	const char *new_area;     /* an area to create */
	bool burden;
	double num[4];            /* minutes, per_year, staff, tariff */
	long votes[3];
	const char *priority, *decision, *status; /* canonical or NULL */
	char evaluate_by[11], priority_date[11], decision_date[11];
};

static void lower(char *dst, const char *src, size_t size)
{
	size_t i;

	for (i = 0; i + 1 < size && src[i]; i++)
		dst[i] = (char)tolower((unsigned char)src[i]);
	dst[i] = '\0';
}

static int read_header(struct import *im, const struct csv_record *rec)
{
	struct strbuf known = {0};
	char label[16];
	size_t i;
	int c;

	im->ncols = rec->n;
	im->delim = rec->delim;
	im->sheet = rec->sheet ? xstrdup(rec->sheet) : NULL;
	im->line = rec->line;
	free(im->where);
	im->where = sheet_where(im->name, rec);
	for (i = 0; i < rec->n; i++) {
		const char *h = trim(rec->field[i]);

		sheet_column_label(label, rec, i);
		if (!*h)
			return error(_("%s: column %s has no name in the "
				       "header row"),
				     im->where, label);
		c = item_column(h);
		/* Commas or semicolons are read, but one kind per file: the
		 * header row had a comma, so a ';' here is a mix of both. */
		if (c < 0 && rec->delim == ',' && strchr(h, ';'))
			return error(_("%s: the header row has both commas "
				       "and semicolons between its columns; "
				       "styr reads a file separated by either, "
				       "but one kind only: save it from the "
				       "spreadsheet again as \"CSV UTF-8\""),
				     im->where);
		if (c < 0) {
			/* The names in the reader's language: a Dane's
			 * spreadsheet heads its columns in Danish. */
			bool da = !strcmp(msg_lang(), "da");
			for (c = 0; c < COL_COUNT; c++) {
				if (c)
					sb_puts(&known, ", ");
				sb_puts(&known, da && item_columns_da[c]
							? item_columns_da[c]
							: item_columns[c]);
			}
			error(_("%s: unknown column '%s' (the columns styr "
				"reads are: %s)"),
			      im->where, h, known.buf);
			sb_free(&known);
			return -1;
		}
		if (im->col[c] >= 0)
			return error(_("%s: column '%s' appears twice in "
				       "the header row"),
				     im->where, h);
		im->col[c] = (int)i;
	}
	/* In a spreadsheet a column has its letter too. */
	for (c = 0; rec->sheet && c < COL_COUNT; c++) {
		if (im->col[c] < 0)
			continue;
		sheet_column_label(label, rec, (size_t)im->col[c]);
		free(im->what[c]);
		im->what[c] = xasprintf(_("column %s ('%s')"), label,
					item_columns[c]);
	}
	if (im->col[COL_KIND] < 0 || im->col[COL_TITLE] < 0)
		return error(_("%s: the header row needs the columns "
			       "'kind' and 'title'"),
			     im->where);
	return 0;
}

static bool blank_row(const struct csv_record *rec)
{
	size_t i;
	const char *p;

	for (i = 0; i < rec->n; i++)
		for (p = rec->field[i]; *p; p++)
			if (!isspace((unsigned char)*p))
				return false;
	return true;
}

/* An id given in the file: the kind's letter and a number that was never
 * handed out. */
static int check_id(struct import *im, struct row *row, const char *s)
{
	char letter = kind_letter(row->kind), id[32];
	int k = vocab_index(&vocab_kind, row->kind);
	const char *digits = s + 1;
	void *line;

	if (toupper((unsigned char)s[0]) != letter)
		return error(_("column 'id': '%s' does not fit the item's "
			       "kind (%s), whose ids start with %c"),
			     s, vocab_word(&vocab_kind, row->kind, msg_lang()),
			     letter);
	if (!*digits || *digits == '0' ||
	    strspn(digits, "0123456789") != strlen(digits) ||
	    strlen(digits) > MAX_ID_DIGITS)
		return error(_("column 'id': '%s' is not an item id such as "
			       "%c12"),
			     s, letter);
	row->id = strtol(digits, NULL, 10);
	snprintf(id, sizeof id, "%c%ld", letter, row->id);
	if (strmap_get(im->reg_ids, id))
		return error(_("column 'id': item %s exists already; leave "
			       "the id empty to add the row as a new item"),
			     id);
	line = strmap_get(im->file_ids, id);
	if (line && im->sheet)
		return error(_("column 'id': %s is already the id of the item "
			       "on row %ld"),
			     id, (long)(intptr_t)line);
	if (line)
		return error(_("column 'id': %s is already the id of the item "
			       "on line %ld"),
			     id, (long)(intptr_t)line);
	if (row->id < im->first_free[k])
		return error(_("column 'id': %s was handed out before, and "
			       "ids are never reused; leave the id empty to "
			       "give the item a new one"),
			     id);
	return 0;
}

static bool is_area_id(const char *s)
{
	size_t n = strlen(s);

	return n && n <= 32 && isalnum((unsigned char)*s) &&
	       strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			 "0123456789_-") == n;
}

static int check_area(struct import *im, struct row *row)
{
	const char *id = row->v[COL_AREA];
	char key[40];
	xmlNodePtr area;

	if (!*id) {
		if (*row->v[COL_AREA_NAME])
			return error(_("column 'area_name': give the area's "
				       "id in column 'area' too"));
		return 0;
	}
	if (!is_area_id(id))
		return error(_("column 'area': '%s' is not an area id (1 to "
			       "32 letters A-Z without æ, ø, å, digits, '-' "
			       "and '_', beginning with a letter or digit)"),
			     id);
	lower(key, id, sizeof key);
	area = strmap_get(im->areas, key);
	if (area)
		row->area = node_attr(area, "id");
	else
		row->new_area = id;
	return 0;
}

/* A file separated by semicolons comes from a spreadsheet under a Danish
 * (decimal-comma) locale, so its numbers are written the Danish way. */
static const char *file_lang(const struct import *im)
{
	return im->delim == ';' ? "da" : "en";
}

/* The burden's columns and the attributes they are stored in. */
static const int burden_col[4] = {COL_MINUTES, COL_PER_YEAR, COL_STAFF,
				  COL_TARIFF};

static int check_burden(struct import *im, struct row *row)
{
	const int *cols = burden_col;
	int i;

	for (i = 0; i < 4; i++)
		if (*row->v[cols[i]])
			row->burden = true;
	if (!row->burden)
		return 0;
	for (i = 0; i < 2; i++)
		if (!*row->v[cols[i]])
			return error(_("column '%s' is empty; a burden "
				       "estimate needs both minutes and "
				       "per_year"),
				     item_columns[cols[i]]);
	for (i = 0; i < 4; i++)
		if (*row->v[cols[i]] &&
		    parse_number(im->what[cols[i]], row->v[cols[i]],
				 file_lang(im), NUM_SURE, 1e9,
				 &row->num[i], NULL) < 0)
			return -1;
	return 0;
}

/* Every message names the row's file and line (sheet and row), and the
 * column COL (unless -1) where the message itself does not. */
static void at(struct import *im, int col)
{
	struct csv_record rec = {.line = im->line, .sheet = im->sheet};
	char *row = sheet_where(im->name, &rec), label[16];

	free(im->where);
	if (col < 0) {
		im->where = row;
	} else if (im->sheet && im->col[col] >= 0) {
		sheet_column_label(label, &rec, (size_t)im->col[col]);
		im->where = xasprintf(_("%s, column %s ('%s')"), row, label,
				      item_columns[col]);
		free(row);
	} else {
		im->where = xasprintf(_("%s: column '%s'"), row,
				      item_columns[col]);
		free(row);
	}
	error_context(im->where);
}

/* A keyword column: empty, or a word of V (Danish aliases too). */
static int keyword(struct import *im, const struct vocab *v,
		   const struct row *row, int col, const char **out)
{
	int k;

	*out = NULL;
	if (!*row->v[col])
		return 0;
	at(im, col);
	k = vocab_parse(v, row->v[col]);
	at(im, -1);
	if (k < 0)
		return -1;
	*out = v->words[k].key;
	return 0;
}

static int needs(const struct row *row, int col, int needed)
{
	if (*row->v[col] && !*row->v[needed])
		return error(_("column '%s' needs a value in column '%s' too"),
			     item_columns[col], item_columns[needed]);
	return 0;
}

/* Checks every value of ROW; prints the first problem. */
static int check_row(struct import *im, const struct csv_record *rec,
		     struct row *row)
{
	static const int keywords[] = {
		COL_ID, COL_KIND,
		COL_MINUTES, COL_PER_YEAR, COL_STAFF, COL_TARIFF,
		COL_VOTES_REMOVE, COL_VOTES_CHANGE, COL_VOTES_ANCHOR,
		COL_PRIORITY, COL_DECISION, COL_SOLUTION, COL_EVALUATE_BY,
		COL_PRIORITY_DATE, COL_DECISION_DATE};
	size_t i;
	int c, f;

	/* Said with the separator: a field with an unquoted one in it is
	 * the usual cause. */
	if (rec->n != im->ncols)
		return error(im->delim == ';'
				     ? ngettext("the row has %zu field, but the "
						"header row has %zu columns (the "
						"file is read as separated by "
						"semicolons)",
						"the row has %zu fields, but the "
						"header row has %zu columns (the "
						"file is read as separated by "
						"semicolons)",
						(unsigned long)rec->n)
				     : ngettext("the row has %zu field, but the "
						"header row has %zu columns (the "
						"file is read as separated by "
						"commas)",
						"the row has %zu fields, but the "
						"header row has %zu columns (the "
						"file is read as separated by "
						"commas)",
						(unsigned long)rec->n),
			     rec->n, im->ncols);
	for (c = 0; c < COL_COUNT; c++) {
		row->v[c] = im->col[c] >= 0 ? rec->field[im->col[c]] : "";
		/* Older spreadsheets save in Windows-1252 unless asked. */
		if (!utf8_valid(row->v[c]))
			return error(_("column '%s': not valid UTF-8 text; in "
				       "the spreadsheet, save the file as "
				       "\"CSV UTF-8\""),
				     item_columns[c]);
		if (check_text(im->what[c], row->v[c]) < 0)
			return -1;
	}
	/* Spreadsheets leave stray spaces around words and numbers; in
	 * free text they are kept. */
	for (i = 0; i < sizeof keywords / sizeof *keywords; i++)
		if (im->col[keywords[i]] >= 0)
			row->v[keywords[i]] =
				trim(rec->field[im->col[keywords[i]]]);
	/* And so are the fields that hold keywords and area ids. */
	for (f = 0; f < F_COUNT; f++) {
		c = im->field_col[f];
		if ((item_field_info[f].type == ITEM_WORD ||
		     item_field_info[f].type == ITEM_AREA) &&
		    im->col[c] >= 0)
			row->v[c] = trim(rec->field[im->col[c]]);
	}

	if (!*row->v[COL_KIND])
		return error(_("column 'kind' is empty; give goal, rule or "
			       "doc"));
	if (!*row->v[COL_TITLE])
		return error(_("column 'title' is empty; an item needs a "
			       "title"));
	if (keyword(im, &vocab_kind, row, COL_KIND, &row->kind) < 0)
		return -1;
	for (f = 0; f < F_COUNT; f++)
		if (item_field_info[f].type == ITEM_WORD &&
		    keyword(im, item_field_info[f].vocab, row, im->field_col[f],
			    &row->word[f]) < 0)
			return -1;
	if (*row->v[COL_ID] && check_id(im, row, row->v[COL_ID]) < 0)
		return -1;
	if (check_area(im, row) < 0 || check_burden(im, row) < 0)
		return -1;
	for (i = 0; i < 3; i++) {
		const char *s = row->v[COL_VOTES_REMOVE + i];
		double n;
		if (*s && parse_number(im->what[COL_VOTES_REMOVE + i], s,
				       file_lang(im), NUM_WHOLE | NUM_SURE,
				       1000000, &n, NULL) < 0)
			return -1;
		row->votes[i] = *s ? (long)n : 0;
	}
	if (needs(row, COL_PRIORITY_REASON, COL_PRIORITY) < 0 ||
	    needs(row, COL_DECISION_REASON, COL_DECISION) < 0 ||
	    needs(row, COL_CRITERIA, COL_SOLUTION) < 0 ||
	    needs(row, COL_EVALUATE_BY, COL_SOLUTION) < 0 ||
	    needs(row, COL_PRIORITY_DATE, COL_PRIORITY) < 0 ||
	    needs(row, COL_PRIORITY_BY, COL_PRIORITY) < 0 ||
	    needs(row, COL_DECISION_DATE, COL_DECISION) < 0 ||
	    needs(row, COL_DECISION_BY, COL_DECISION) < 0)
		return -1;
	/* The day it was proposed or decided: a day that has been. */
	if ((*row->v[COL_PRIORITY_DATE] &&
	     parse_past_date(im->what[COL_PRIORITY_DATE],
			     row->v[COL_PRIORITY_DATE],
			     row->priority_date) < 0) ||
	    (*row->v[COL_DECISION_DATE] &&
	     parse_past_date(im->what[COL_DECISION_DATE],
			     row->v[COL_DECISION_DATE],
			     row->decision_date) < 0))
		return -1;
	if (keyword(im, &vocab_priority, row, COL_PRIORITY, &row->priority) ||
	    keyword(im, &vocab_decision, row, COL_DECISION, &row->decision) ||
	    keyword(im, &vocab_status, row, COL_SOLUTION, &row->status))
		return -1;
	if (*row->v[COL_EVALUATE_BY] &&
	    parse_date(im->what[COL_EVALUATE_BY], row->v[COL_EVALUATE_BY],
		       row->evaluate_by) < 0)
		return -1;
	return 0;
}

/* A new item; an id from the file is handed out through the kind's
 * counter, which then stands past both it and every id given before. */
static xmlNodePtr new_item(struct import *im, const struct row *row)
{
	char counter[32], buf[32];
	long before;
	xmlNodePtr item;

	if (!row->id)
		return reg_new_item(im->r, row->kind, row->v[COL_TITLE]);
	snprintf(counter, sizeof counter, "next-%s", row->kind);
	before = strtol(node_attr(im->r->items, counter), NULL, 10);
	snprintf(buf, sizeof buf, "%ld", row->id);
	node_set_attr(im->r->items, counter, buf);
	item = reg_new_item(im->r, row->kind, row->v[COL_TITLE]);
	snprintf(buf, sizeof buf, "%ld",
		 before > row->id + 1 ? before : row->id + 1);
	node_set_attr(im->r->items, counter, buf);
	return item;
}

static const char *add_area(struct import *im, const char *id,
			    const char *name)
{
	xmlNodePtr area = reg_new_area(im->r, id, *name ? name : id);
	char key[40];

	lower(key, id, sizeof key);
	strmap_add(im->areas, key, area);
	if (im->nareas++)
		sb_puts(&im->new_areas, ", ");
	sb_printf(&im->new_areas, "%s (%s)", id, *name ? name : id);
	return node_attr(area, "id");
}

/* A stamped judgement as `prioritise` and `decide` record it: dated and
 * signed as the file says, else the day of the import and its author. */
static void add_stamp(struct import *im, xmlNodePtr item, const char *name,
		      const char *value, const char *reason, const char *date,
		      const char *by)
{
	free(item_set_stamp(im->r, item, name, value, reason,
			    *date ? date : im->today, *by ? by : im->by));
}

static int add_row(struct import *im, const struct csv_record *rec,
		   const struct row *row)
{
	struct item_fields f = {0};
	const char *amount[4];
	char buf[4][32];
	xmlNodePtr item;
	int i;

	item = new_item(im, row);
	if (row->new_area)
		node_set_attr(item, "area",
			      add_area(im, row->new_area,
				       row->v[COL_AREA_NAME]));
	else if (row->area)
		node_set_attr(item, "area", row->area);
	/* The title is the new item's already; the area is set above. */
	for (i = 0; i < F_COUNT; i++)
		if (i != F_TITLE && item_field_info[i].type != ITEM_AREA)
			f.v[i] = item_field_info[i].type == ITEM_WORD
					 ? row->word[i]
					 : row->v[im->field_col[i]];
	if (item_fields_apply(im->r, item, &f, NULL) < 0)
		return -1;
	if (row->burden) {
		for (i = 0; i < 4; i++) {
			amount[i] = NULL;
			if (!*row->v[burden_col[i]])
				continue;
			csv_format_number(buf[i], row->num[i]);
			amount[i] = buf[i];
		}
		item_set_burden(im->r, item, amount[0], amount[1], amount[2],
				amount[3]);
	}
	/* Vote counts are what paper ballots give: anonymous counts. */
	for (i = 0; i < 3; i++)
		if (row->votes[i] > 0)
			item_set_vote(im->r, item, NULL,
				      vocab_priority.words[i].key, NULL,
				      row->votes[i], NULL, NULL);
	if (row->priority)
		add_stamp(im, item, "priority", row->priority,
			  row->v[COL_PRIORITY_REASON], row->priority_date,
			  row->v[COL_PRIORITY_BY]);
	if (row->decision)
		add_stamp(im, item, "decision", row->decision,
			  row->v[COL_DECISION_REASON], row->decision_date,
			  row->v[COL_DECISION_BY]);
	if (row->status) {
		at(im, COL_CRITERIA);
		if (principle_criteria_first(node_attr(item, "id"),
					     row->status,
					     row->v[COL_CRITERIA]) < 0)
			return -1;
		at(im, -1);
		item_set_solution(im->r, item, row->status,
				  *row->evaluate_by ? row->evaluate_by : NULL,
				  *row->v[COL_CRITERIA] ? row->v[COL_CRITERIA]
							: NULL);
	}
	strmap_add(im->file_ids, node_attr(item, "id"),
			(void *)(intptr_t)rec->line);
	im->items++;
	return 0;
}

static int on_record(const struct csv_record *rec, void *ctx)
{
	struct import *im = ctx;
	struct row row;
	int rc;

	if (rec->number == 1)
		return read_header(im, rec);
	if (blank_row(rec))
		return 0;
	memset(&row, 0, sizeof row);
	im->line = rec->line;
	at(im, -1);
	rc = check_row(im, rec, &row);
	if (!rc)
		rc = add_row(im, rec, &row);
	error_context(NULL);
	return rc;
}

static void import_init(struct import *im, struct reg *r, const char *name)
{
	xmlNodePtr n;
	char key[40];
	int c;

	memset(im, 0, sizeof *im);
	im->r = r;
	im->name = name;
	for (c = 0; c < COL_COUNT; c++) {
		im->col[c] = -1;
		im->what[c] = xasprintf(_("column '%s'"), item_columns[c]);
	}
	for (c = 0; c < F_COUNT; c++)
		im->field_col[c] = item_column(item_field_info[c].name);
	im->reg_ids = strmap_new(0);
	im->file_ids = strmap_new(0);
	im->areas = strmap_new(0);
	for (n = node_first(r->items); n; n = node_after(n))
		strmap_add(im->reg_ids, node_attr(n, "id"), n);
	for (n = node_first(r->areas); n; n = node_after(n)) {
		lower(key, node_attr(n, "id"), sizeof key);
		strmap_add(im->areas, key, n);
	}
	for (c = 0; c < 3; c++) {
		char counter[32];
		snprintf(counter, sizeof counter, "next-%s",
			 vocab_kind.words[c].key);
		im->first_free[c] =
			strtol(node_attr(r->items, counter), NULL, 10);
	}
	today_iso(im->today);
	im->by = xstrdup(author());
}

static void import_free(struct import *im)
{
	int c;

	for (c = 0; c < COL_COUNT; c++)
		free(im->what[c]);
	free(im->where);
	free(im->sheet);
	free(im->by);
	strmap_free(im->reg_ids);
	strmap_free(im->file_ids);
	strmap_free(im->areas);
	sb_free(&im->new_areas);
}

int import_items(struct reg *r, const struct sheet_source *src,
		 struct import_result *res)
{
	struct import im;
	int rc;

	memset(res, 0, sizeof *res);
	import_init(&im, r, src->name);
	rc = sheet_read(src, on_record, &im);
	res->items = im.items;
	res->nareas = im.nareas;
	res->new_areas = im.new_areas;
	memset(&im.new_areas, 0, sizeof im.new_areas);
	res->delim = im.delim;
	res->sheet = im.sheet;
	im.sheet = NULL;
	import_free(&im);
	return rc;
}

void import_result_free(struct import_result *res)
{
	sb_free(&res->new_areas);
	free(res->sheet);
	memset(res, 0, sizeof *res);
}
