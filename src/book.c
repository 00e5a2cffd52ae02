// SPDX-License-Identifier: GPL-3.0-or-later
/* The register as spreadsheet tables; see sheet.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "handout_data.h"
#include "item.h"
#include "book.h"
#include "strmap.h"
#include "util.h"
#include "value.h"
#include "view.h"
#include "vocab.h"

/* What an item column's cells hold; text unless said here. */
static enum book_cell_type item_column_type(int col)
{
	switch (col) {
	case COL_MINUTES:
	case COL_PER_YEAR:
	case COL_STAFF:
	case COL_TARIFF:
	case COL_VOTES_REMOVE:
	case COL_VOTES_CHANGE:
	case COL_VOTES_ANCHOR:
		return BOOK_NUMBER;
	case COL_EVALUATE_BY:
	case COL_PRIORITY_DATE:
	case COL_DECISION_DATE:
		return BOOK_DATE;
	default:
		return BOOK_TEXT;
	}
}

/* The item sheet's columns: the CSV columns in their order and with
 * their names, Danish (item_columns_da) under Danish, as export csv
 * writes them. */
static void item_sheet_columns(struct book_column cols[COL_COUNT])
{
	bool da = !strcmp(msg_lang(), "da");
	int c;

	for (c = 0; c < COL_COUNT; c++) {
		cols[c].head = da && item_columns_da[c] ? item_columns_da[c]
							: item_columns[c];
		cols[c].type = item_column_type(c);
		cols[c].width = cols[c].type == BOOK_TEXT ? 24 : 12;
	}
	cols[COL_TITLE].width = 40;
	cols[COL_DESCRIPTION].width = 50;
	cols[COL_ID].width = cols[COL_KIND].width = 8;
	/* The kind in Danish is a label, not a keyword: "Regel og
	 * proceskrav" would be cut at "Regel og p". */
	if (da)
		cols[COL_KIND].width = 20;
}

static void set_text(struct book_cell *c, const char *s)
{
	c->type = s && *s ? BOOK_TEXT : BOOK_EMPTY;
	c->text = s;
}

static void set_number(struct book_cell *c, const char *s)
{
	char *end;

	set_text(c, s);
	if (c->type == BOOK_EMPTY)
		return;
	c->num = strtod(s, &end);
	if (end != s && !*end)
		c->type = BOOK_NUMBER;
}

static void set_long(struct book_cell *c, char buf[32], long v)
{
	snprintf(buf, 32, "%ld", v);
	c->type = BOOK_NUMBER;
	c->text = buf;
	c->num = (double)v;
}

/* A date cell from "YYYY-MM-DD" (also the start of a date and time);
 * anything else stays text. */
static void set_date(struct book_cell *c, const char *s)
{
	int y, m, d, n = 0;

	set_text(c, s);
	if (c->type == BOOK_EMPTY)
		return;
	if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 && n == 10 &&
	    m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1900) {
		c->type = BOOK_DATE;
		c->year = y;
		c->month = m;
		c->day = d;
	}
}

static void set_typed(struct book_cell *c, enum book_cell_type type, const char *s)
{
	if (type == BOOK_NUMBER)
		set_number(c, s);
	else if (type == BOOK_DATE)
		set_date(c, s);
	else
		set_text(c, s);
}

/* KEY, a word of V, as the sheet shows it: under a Danish locale the word
 * styr prints in Danish ("Fjerne", "For stram"), as export csv does;
 * else the key itself. */
static const char *word(const struct vocab *v, const char *key)
{
	return key && !strcmp(msg_lang(), "da") ? vocab_label(v, key, "da")
						: key;
}

/* Texts longer than a cell takes are cut, and said once. */
struct writer {
	const struct book_sink *sink;
	bool warned;
	char *cut[16];
	size_t ncut;
};

static int put_row(struct writer *w, struct book_cell *cells, size_t n)
{
	size_t i, len;
	int rc;

	for (i = 0; i < n; i++) {
		if (cells[i].type != BOOK_TEXT ||
		    (len = strlen(cells[i].text)) <= BOOK_MAX_TEXT)
			continue;
		len = BOOK_MAX_TEXT;
		/* Back to the start of a UTF-8 character. */
		while (len && ((unsigned char)cells[i].text[len] & 0xC0) == 0x80)
			len--;
		if (!w->warned)
			warning(_("a text longer than a spreadsheet cell takes "
				  "(%d characters) was cut"),
				BOOK_MAX_TEXT);
		w->warned = true;
		if (w->ncut < sizeof w->cut / sizeof *w->cut) {
			w->cut[w->ncut] = xasprintf("%.*s", (int)len,
						    cells[i].text);
			cells[i].text = w->cut[w->ncut++];
		}
	}
	rc = w->sink->row(w->sink->ctx, cells, n);
	while (w->ncut)
		free(w->cut[--w->ncut]);
	return rc;
}

static int items_sheet(struct writer *w, struct reg *r)
{
	struct book_column cols[COL_COUNT];
	struct book_cell cells[COL_COUNT];
	struct strmap *areas = view_area_index(r);
	double tariff = reg_default_tariff(r);
	const struct vocab *vocab[COL_COUNT];
	struct item_row row;
	xmlNodePtr item;
	size_t rows = 0;
	int c, rc;

	item_sheet_columns(cols);
	view_column_vocabs(vocab);
	rc = w->sink->begin(w->sink->ctx, C_("sheet", "Items"), cols,
			    COL_COUNT);
	for (item = node_first(r->items); item && rc == 0;
	     item = node_after(item)) {
		view_item_row(areas, tariff, item, &row);
		memset(cells, 0, sizeof cells);
		for (c = 0; c < COL_COUNT; c++)
			set_typed(&cells[c], cols[c].type,
				  vocab[c] ? word(vocab[c], row.cell[c])
					   : row.cell[c]);
		rc = put_row(w, cells, COL_COUNT);
		rows++;
	}
	if (rc == 0)
		rc = w->sink->end(w->sink->ctx, rows);
	strmap_free(areas);
	return rc;
}

/* People's ids to their names, for the sheets that name them. */
static struct strmap *people_index(struct reg *r)
{
	struct strmap *m = strmap_new(0);
	xmlNodePtr n;

	for (n = node_first(r->people); n; n = node_after(n))
		strmap_add(m, node_attr(n, "id"), (void *)node_text(n));
	return m;
}

/* A person's name for the id ID, or ID itself (a guest's name). */
static const char *who(struct strmap *people, const char *id)
{
	const char *name = id ? strmap_get(people, id) : NULL;

	return name ? name : id;
}

static int ratings_sheet(struct writer *w, struct reg *r,
			 struct strmap *people)
{
	const struct book_column cols[] = {
	    {C_("column", "item"), BOOK_TEXT, 8},
	    {C_("column", "title"), BOOK_TEXT, 40},
	    {C_("column", "round"), BOOK_TEXT, 12},
	    {C_("column", "experience"), BOOK_TEXT, 14},
	    {C_("column", "respondent"), BOOK_TEXT, 24},
	    {C_("column", "date"), BOOK_DATE, 12}};
	struct book_cell cells[6];
	xmlNodePtr item, n;
	size_t rows = 0;
	int rc;

	rc = w->sink->begin(w->sink->ctx, C_("sheet", "Ratings"), cols, 6);
	for (item = node_first(r->items); item && rc == 0;
	     item = node_after(item))
		for (n = node_child(item, "rating"); n && rc == 0;
		     n = node_next(n, "rating")) {
			memset(cells, 0, sizeof cells);
			set_text(&cells[0], node_attr(item, "id"));
			set_text(&cells[1], node_text(node_child(item, "title")));
			set_text(&cells[2],
				 word(&vocab_round, node_attr(n, "round")));
			set_text(&cells[3], word(&vocab_experience,
						 node_attr(n, "experience")));
			set_text(&cells[4],
				 who(people, node_attr(n, "respondent")));
			set_date(&cells[5], node_attr(n, "date"));
			rc = put_row(w, cells, 6);
			rows++;
		}
	return rc ? rc : w->sink->end(w->sink->ctx, rows);
}

static int votes_sheet(struct writer *w, struct reg *r,
		       struct strmap *people)
{
	const struct book_column cols[] = {
	    {C_("column", "item"), BOOK_TEXT, 8},
	    {C_("column", "title"), BOOK_TEXT, 40},
	    {C_("column", "priority"), BOOK_TEXT, 12},
	    {C_("column", "by"), BOOK_TEXT, 24},
	    {C_("column", "count"), BOOK_NUMBER, 8},
	    {C_("column", "meeting"), BOOK_TEXT, 10},
	    {C_("column", "date"), BOOK_DATE, 12}};
	struct book_cell cells[7];
	char count[32];
	xmlNodePtr item, n;
	size_t rows = 0;
	int rc;

	rc = w->sink->begin(w->sink->ctx, C_("sheet", "Votes"), cols, 7);
	for (item = node_first(r->items); item && rc == 0;
	     item = node_after(item))
		for (n = node_child(item, "vote"); n && rc == 0;
		     n = node_next(n, "vote")) {
			const char *by = node_attr(n, "by");

			memset(cells, 0, sizeof cells);
			set_text(&cells[0], node_attr(item, "id"));
			set_text(&cells[1], node_text(node_child(item, "title")));
			set_text(&cells[2], word(&vocab_priority,
						 node_attr(n, "priority")));
			set_text(&cells[3], who(people, by));
			/* A person's vote counts one; a tally its count. */
			if (by)
				set_long(&cells[4], count, 1);
			else
				set_number(&cells[4], node_attr(n, "count"));
			set_text(&cells[5], node_attr(n, "meeting"));
			set_date(&cells[6], node_attr(n, "date"));
			rc = put_row(w, cells, 7);
			rows++;
		}
	return rc ? rc : w->sink->end(w->sink->ctx, rows);
}

static int meetings_sheet(struct writer *w, struct reg *r,
			  struct strmap *people)
{
	const struct book_column cols[] = {
	    {C_("column", "id"), BOOK_TEXT, 8},
	    {C_("column", "date"), BOOK_DATE, 12},
	    {C_("column", "kind"), BOOK_TEXT, 12},
	    {C_("column", "phase"), BOOK_NUMBER, 8},
	    {C_("column", "title"), BOOK_TEXT, 40},
	    {C_("column", "attendees"), BOOK_NUMBER, 10},
	    {C_("column", "attendee_names"), BOOK_TEXT, 50}};
	struct book_cell cells[7];
	struct strbuf names = {0};
	char count[32];
	xmlNodePtr m, a;
	size_t rows = 0;
	long n;
	int rc;

	rc = w->sink->begin(w->sink->ctx, C_("sheet", "Meetings"), cols, 7);
	for (m = node_first(r->meetings); m && rc == 0; m = node_after(m)) {
		memset(cells, 0, sizeof cells);
		names.len = 0;
		sb_puts(&names, "");
		n = 0;
		for (a = node_child(m, "attendee"); a;
		     a = node_next(a, "attendee")) {
			if (n++)
				sb_puts(&names, "; ");
			sb_puts(&names, who(people, node_attr(a, "ref")));
		}
		set_text(&cells[0], node_attr(m, "id"));
		set_date(&cells[1], node_attr(m, "date"));
		set_text(&cells[2],
			 word(&vocab_meeting_kind, node_attr(m, "kind")));
		set_number(&cells[3], node_attr(m, "phase"));
		set_text(&cells[4], node_text(node_child(m, "title")));
		set_long(&cells[5], count, n);
		set_text(&cells[6], names.buf);
		rc = put_row(w, cells, 7);
		rows++;
	}
	sb_free(&names);
	return rc ? rc : w->sink->end(w->sink->ctx, rows);
}

/* The decision log as the beslutninger handout has it (handout_data):
 * every priority, decision and solution change, with the day it
 * happened. */
static int decisions_sheet(struct writer *w, struct reg *r,
			   struct strmap *people)
{
	const struct book_column cols[] = {
	    {C_("column", "date"), BOOK_DATE, 12},
	    {C_("column", "when"), BOOK_TEXT, 22},
	    {C_("column", "by"), BOOK_TEXT, 24},
	    {C_("column", "action"), BOOK_TEXT, 12},
	    {C_("column", "item"), BOOK_TEXT, 8},
	    {C_("column", "title"), BOOK_TEXT, 40},
	    {C_("column", "what"), BOOK_TEXT, 60}};
	static const char *const keys[] = {"date", "when", "by", "action",
					   "ref", "item_title", "what"};
	struct arena *a = arena_new();
	const struct val *list = handout_decisions(a, r, msg_lang());
	struct book_cell cells[7];
	size_t i, rows = 0;
	int c, rc;

	rc = w->sink->begin(w->sink->ctx, C_("sheet", "Decision log"), cols,
			    7);
	for (i = 0; list && i < list->u.arr.n && rc == 0; i++) {
		const struct val *d = list->u.arr.v[i];

		memset(cells, 0, sizeof cells);
		for (c = 0; c < 7; c++) {
			const struct val *v = val_get(d, keys[c]);
			const char *s =
			    v && v->type == VAL_STR ? v->u.str : NULL;

			if (c == 2)
				s = who(people, s);
			if (c == 3)
				s = word(&vocab_log_action, s);
			set_typed(&cells[c], cols[c].type, s);
		}
		rc = put_row(w, cells, 7);
		rows++;
	}
	arena_free(a);
	return rc ? rc : w->sink->end(w->sink->ctx, rows);
}

int book_write(struct reg *r, const struct book_sink *sink)
{
	struct writer w = {sink, false, {0}, 0};
	struct strmap *people = people_index(r);
	int rc;

	rc = items_sheet(&w, r);
	if (rc == 0)
		rc = ratings_sheet(&w, r, people);
	if (rc == 0)
		rc = votes_sheet(&w, r, people);
	if (rc == 0)
		rc = meetings_sheet(&w, r, people);
	if (rc == 0)
		rc = decisions_sheet(&w, r, people);
	strmap_free(people);
	return rc;
}
