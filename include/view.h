/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The register as data: the shape SPEC section 3 fixes for `export json`,
 * and the same plus labels for templates.  The one place that decides which
 * key means what; JSON output and handouts both read from here.
 */
#ifndef STYR_VIEW_H
#define STYR_VIEW_H

#include <stdbool.h>
#include <libxml/tree.h>

#include "csv.h"
#include "item.h"
#include "reg.h"
#include "value.h"

/* The register's default tariff in kr per hour, 0 when unset. */
double reg_default_tariff(struct reg *r);
struct strbuf;
/* Appends the burden in words to SB, e.g. "100.0 hours per year, 16.67
 * per person, 45000 kr per year (at 450 kr per hour)"; what is unknown
 * is left out.  FACTS must have a burden. */
void burden_describe(struct strbuf *sb, const struct item_facts *facts);

/* ITEM as one row of the item table `export csv` writes (csv.h's
 * columns); the cells point into the tree or into the row's buffers, NULL
 * for an empty cell. */
struct item_row {
	const char *cell[COL_COUNT];
	char num[4][32], votes[3][16];
};
struct strmap;
struct vocab;
/* The vocabulary of each item column that holds a keyword (kind, origin,
 * found, priority, decision, solution), NULL for the others: what a
 * Danish CSV or workbook prints as its Danish word (vocab_label). */
void view_column_vocabs(const struct vocab *v[COL_COUNT]);
/* Area ids to their <area>, so that a large register stays linear;
 * strmap_free() it. */
struct strmap *view_area_index(struct reg *r);
/* DEFAULT_TARIFF (reg_default_tariff) fills the tariff of an item that has
 * a burden but no tariff of its own: the cost a row shows is the
 * register's. */
void view_item_row(struct strmap *areas, double default_tariff,
		   xmlNodePtr item, struct item_row *row);

struct view_opts {
	const char *lang; /* "da" or "en": adds *_label keys when set */
	const char *area; /* only items (and areas) of this review area */
	bool handout;     /* leave out what only an exchange needs: the id
			   * counters ("next") */
};

/* ITEM as SPEC's ITEM object. */
struct val *view_item(struct arena *a, struct reg *r, xmlNodePtr item,
		      const struct view_opts *o);
/* The whole register as `export json` prints it. */
struct val *view_register(struct arena *a, struct reg *r,
			  const struct view_opts *o);
/* The same with "items" left an empty array, for val_write_json_stream to
 * fill from view_item. */
struct val *view_register_head(struct arena *a, struct reg *r,
			       const struct view_opts *o);
/* The model's phases with their milestones, as in `export json`; names and
 * titles in LANG. */
struct val *view_phases(struct arena *a, struct reg *r, const char *lang);
/* Log entry E as in `export json`'s "log": when it was recorded, by whom,
 * the action, the id concerned, the sentence, the day it happened, and
 * the new id of an item whose kind changed ("became"), a corrected
 * note's text before and after ("was", "now") and the item a deletion
 * kept. */
struct val *view_log_entry(struct arena *a, struct reg *r, xmlNodePtr e);
/* Conflict N (an element of <conflicts>) as in `export json`'s
 * "conflicts": id, kind, at, ref, what, and the base's, our and their
 * value as the register keeps them (null where a side has none). */
struct val *view_conflict(struct arena *a, xmlNodePtr n);
/* MEETING as in `export json`, plus "held" (its date is TODAY or before). */
struct val *view_meeting(struct arena *a, xmlNodePtr meeting,
			 const char *today, const struct view_opts *o);
#endif
