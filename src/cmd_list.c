// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * styr list: the items, filtered and sorted.  One pass over the register
 * and one sort, so that it stays fast on a register of 100,000 items.
 */
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "number.h"
#include "reg.h"
#include "table.h"
#include "util.h"
#include "view.h"
#include "vocab.h"

struct args {
	const char *kind, *area, *priority, *decision, *phase, *sort, *format;
};

enum { OPT_KIND = 'k', OPT_AREA = 'a', OPT_PRIORITY = 'p',
       OPT_DECISION = 'd', OPT_PHASE = 'P', OPT_SORT = 's' };

static const struct cli_option options[] = {
	{"kind", OPT_KIND, N_("KIND"), offsetof(struct args, kind),
	 N_("only goals (mål), rules (regel) or docs (dokumentation)")},
	{"area", OPT_AREA, N_("ID"), offsetof(struct args, area),
	 N_("only items of this review area")},
	{"priority", OPT_PRIORITY, N_("PRIORITY"),
	 offsetof(struct args, priority),
	 N_("only items the workshop proposed to remove (fjerne), change "
	    "(forandre) or anchor (forankre)")},
	{"decision", OPT_DECISION, N_("DECISION"),
	 offsetof(struct args, decision),
	 N_("only items the steering group selected (valgt), deferred "
	    "(udskudt) or rejected (afvist)")},
	{"phase", OPT_PHASE, N_("N"), offsetof(struct args, phase),
	 N_("only items registered in phase N")},
	{"sort", OPT_SORT, N_("ORDER"), offsetof(struct args, sort),
	 N_("id (default), burden (hours per year, most first), votes (most "
	    "first) or tight (most 'too tight' ratings first)")},
	CLI_FORMAT_TABLES(struct args, format),
	{0}};

enum sort_key { SORT_ID, SORT_BURDEN, SORT_VOTES, SORT_TIGHT };
static const struct word sort_words[] = {
	{"id", "", "", ""},
	{"burden", "byrde timer", "", ""},
	{"votes", "stemmer", "", ""},
	{"tight", "too-tight for-stram stram", "", ""},
	{NULL, NULL, NULL, NULL}};
static const struct vocab vocab_sort = {N_("sort order"), sort_words};

struct filter {
	int kind, priority, decision; /* vocabulary index, -1 any */
	const char *area;             /* canonical id or NULL */
	long phase;                   /* 0 any */
	enum sort_key sort;
	enum format fmt;
};

struct row {
	xmlNodePtr item;
	int kind;      /* G, R, D order */
	long number;
	double key;    /* sort key, largest first */
	struct item_facts f;
};

/* The sort key first, then id order, so that ties keep id order. */
static int row_cmp(const void *pa, const void *pb)
{
	const struct row *a = pa, *b = pb;

	if (a->key != b->key)
		return a->key < b->key ? 1 : -1;
	if (a->kind != b->kind)
		return a->kind - b->kind;
	return (a->number > b->number) - (a->number < b->number);
}

/* The value attribute of ITEM's child NAME (priority, decision). */
static int child_value(xmlNodePtr item, const char *name,
		       const struct vocab *v)
{
	return vocab_index(v, node_attr(node_child(item, name), "value"));
}

static bool matches(xmlNodePtr item, const struct filter *fl)
{
	const char *s;

	if (fl->kind >= 0 &&
	    vocab_index(&vocab_kind, node_attr(item, "kind")) != fl->kind)
		return false;
	if (fl->area && (!(s = node_attr(item, "area")) || strcmp(s, fl->area)))
		return false;
	if (fl->phase && (!(s = node_attr(item, "phase")) ||
			  strtol(s, NULL, 10) != fl->phase))
		return false;
	if (fl->priority >= 0 &&
	    child_value(item, "priority", &vocab_priority) != fl->priority)
		return false;
	if (fl->decision >= 0 &&
	    child_value(item, "decision", &vocab_decision) != fl->decision)
		return false;
	return true;
}

static void print_table(const struct row *rows, size_t n, enum format fmt)
{
	const char *lang = msg_lang();
	const char *table_headers[] = {
		C_("table header", "ID"),
		C_("table header", "Kind"),
		C_("table header", "Area"),
		C_("table header", "Title"),
		C_("table header", "Too tight"),
		C_("table header", "Hours/year"),
		C_("table header", "Votes"),
		C_("table header", "Proposal"),
		C_("table header", "Decision")};
	static const char *const data_headers[] = {
		"id", "kind", "area", "title", "too_tight", "hours_per_year",
		"votes", "priority", "decision"};
	bool people = fmt == FMT_TABLE;
	const char *none = people ? "-" : "";
	struct table *t =
		table_new(9, people ? table_headers : data_headers);
	size_t i;
	int c;

	table_max_width(t, 3, 48);
	for (c = 4; c <= 6; c++)
		table_align_right(t, c);
	for (i = 0; i < n; i++) {
		xmlNodePtr item = rows[i].item;
		const struct item_facts *f = &rows[i].f;
		const char *kind = node_attr(item, "kind");
		const char *area = node_attr(item, "area");
		const char *prio =
			node_attr(node_child(item, "priority"), "value");
		const char *dec =
			node_attr(node_child(item, "decision"), "value");
		char hours[32];

		table_row(t);
		table_cell(t, node_attr(item, "id"));
		/* People read labels; spreadsheets and scripts keywords. */
		table_cell(t, people ? vocab_label(&vocab_kind, kind, lang)
				     : kind);
		table_cell(t, area ? area : none);
		table_cell(t, node_text(node_child(item, "title")));
		/* Never rated is not rated 0 (SPEC section 7). */
		if (people && !f->exp[0][0] && !f->exp[0][1] && !f->exp[0][2])
			table_cell(t, none);
		else
			table_cellf(t, "%d", f->exp[0][1]);
		if (f->has_burden && people)
			format_decimal_for(hours, f->hours_per_year, lang);
		else if (f->has_burden)
			format_decimal(hours, f->hours_per_year);
		if (f->has_burden && people && f->cost_per_year > 0) {
			/* Kroner beside hours wherever a tariff is known;
			 * scripts have the cost in --format json. */
			char kr[32];
			format_kroner_for(kr, f->cost_per_year, lang);
			table_cellf(t, C_("list cell", "%s (%s kr)"), hours,
				    kr);
		} else {
			table_cell(t, f->has_burden ? hours : none);
		}
		table_cellf(t, "%d", f->votes[0] + f->votes[1] + f->votes[2]);
		table_cell(t, !prio ? none
			      : people
				      ? vocab_label(&vocab_priority, prio, lang)
				      : prio);
		table_cell(t, !dec ? none
			      : people
				      ? vocab_label(&vocab_decision, dec, lang)
				      : dec);
	}
	table_print(t, fmt, stdout);
	table_free(t);
}

struct json_items {
	struct reg *r;
	const struct row *rows;
};

static struct val *json_item(struct arena *a, size_t i, void *ctx)
{
	const struct json_items *ji = ctx;

	return view_item(a, ji->r, ji->rows[i].item, NULL);
}

/* Checks the filters that need no register; -1 after printing. */
static int parse_filters(const struct args *a, struct filter *fl)
{
	int k;

	memset(fl, 0, sizeof *fl);
	fl->kind = fl->priority = fl->decision = -1;
	fl->sort = SORT_ID;
	fl->fmt = FMT_TABLE;
	if (a->kind && (fl->kind = vocab_parse(&vocab_kind, a->kind)) < 0)
		return -1;
	if (a->priority &&
	    (fl->priority = vocab_parse(&vocab_priority, a->priority)) < 0)
		return -1;
	if (a->decision &&
	    (fl->decision = vocab_parse(&vocab_decision, a->decision)) < 0)
		return -1;
	if (a->sort) {
		if ((k = vocab_parse(&vocab_sort, a->sort)) < 0)
			return -1;
		fl->sort = (enum sort_key)k;
	}
	if (a->phase && parse_count(_("phase"), a->phase, 999, &fl->phase) < 0)
		return -1;
	if (cli_format(a->format, FMT_TABLES, &fl->fmt) < 0)
		return -1;
	return 0;
}

/* Checks the filters against the register: the area and phase exist. */
static int check_filters(struct reg *r, const struct args *a,
			 struct filter *fl)
{
	xmlNodePtr n;
	long phases = 0;

	if (reg_area_filter(r, a->area, &fl->area) < 0)
		return -1;
	if (a->phase) {
		for (n = node_child(r->model, "phase"); n;
		     n = node_next(n, "phase"))
			phases++;
		if (fl->phase < 1 || fl->phase > phases)
			return error(_("there is no phase %s (the model has "
				       "phases 1 to %ld)"),
				     a->phase, phases);
	}
	return 0;
}

static int run(void *input)
{
	struct args *a = input;
	struct filter fl;
	struct row *rows = NULL;
	size_t n = 0, cap = 0;
	double tariff;
	struct reg r;
	xmlNodePtr item;
	int rc;

	if (parse_filters(a, &fl) < 0)
		return EXIT_REFUSED;
	rc = cli_status(reg_open(&r, REG_READ));
	if (rc)
		goto out;
	if (check_filters(&r, a, &fl) < 0) {
		rc = EXIT_REFUSED;
		goto out;
	}
	tariff = reg_default_tariff(&r);
	for (item = node_first(r.items); item; item = node_after(item)) {
		struct row *row;
		if (!matches(item, &fl))
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 256;
			rows = xrealloc(rows, cap * sizeof *rows);
		}
		row = &rows[n++];
		row->item = item;
		row->kind = vocab_index(&vocab_kind, node_attr(item, "kind"));
		row->number = strtol(node_attr(item, "id") + 1, NULL, 10);
		row->key = 0;
		/* JSON in id order needs no facts: view_item has its own. */
		if (fl.fmt == FMT_JSON && fl.sort == SORT_ID)
			continue;
		item_facts(item, NULL, tariff, &row->f);
		switch (fl.sort) {
		case SORT_BURDEN:
			row->key = row->f.has_burden ? row->f.hours_per_year
						     : -1;
			break;
		case SORT_VOTES:
			row->key = row->f.votes[0] + row->f.votes[1] +
				   row->f.votes[2];
			break;
		case SORT_TIGHT:
			row->key = row->f.exp[0][1];
			break;
		case SORT_ID:
			break;
		}
	}
	if (n > 1)
		qsort(rows, n, sizeof *rows, row_cmp);

	if (fl.fmt == FMT_JSON) {
		/* Streamed, one item's values at a time. */
		struct arena *arena = arena_new();
		struct json_items ji = {&r, rows};
		struct val *arr = val_arr(arena);
		val_write_json_stream(stdout, arr, arr, n, json_item, &ji);
		arena_free(arena);
	} else if (!n && fl.fmt == FMT_TABLE) {
		if (node_first(r.items))
			info(_("no items match"));
		else
			info(_("no items yet; add one with 'styr add KIND "
			       "TITLE'"));
	} else {
		print_table(rows, n, fl.fmt);
	}
out:
	free(rows);
	reg_close(&r);
	return rc;
}

const struct cli_command cmd_list = {
	.one = {.run = run,
		.hint = N_("filters are options, e.g. --kind doc"),
		.opts = options},
	.input_size = sizeof(struct args),
	.doc = N_("List the items, one line each: id, kind, area, title, how "
		  "many find it too tight (baseline), hours per year, votes, "
		  "the workshop's proposal and the steering group's decision.  "
		  "Filters combine.  csv and tsv give the same columns with "
		  "full titles and keywords instead of labels; json gives "
		  "every item whole.")};
