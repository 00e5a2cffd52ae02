/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Charts for handouts, as SVG pictures drawn from the handout data
 * (handout_data.h):
 *   votes   votes per priority (remove, change, anchor) as stacked bars,
 *           one per item, the items with most votes first
 *   burden  hours per year per review area
 * Labels are in the handout's language; the SVG is built as a libxml2
 * tree, so the register's text is escaped on output.
 */
#ifndef STYR_CHART_H
#define STYR_CHART_H

#include <stddef.h>

#include "value.h"

/* The chart names templates may use, NULL-terminated. */
extern const char *const chart_names[];

struct chart {
	char *svg; /* the SVG document (malloc'd) */
	size_t len;
	double width_cm, height_cm;
	const char *title; /* static: a one-line description of the chart */
};

/* Draws chart NAME from DATA in LANG.  Returns 0, or -1 when NAME is not
 * a chart.  chart_free releases the SVG. */
int chart_make(const char *name, const struct val *data, const char *lang,
	       struct chart *out);
void chart_free(struct chart *c);

#endif
