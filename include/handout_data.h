/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What a handout template sees: the register as `export json` shows it
 * (view_register with labels in the handout's language) plus the extras
 * the handouts need (today, area.items, proposed, selected, decisions,
 * totals...; templates/README.md explains them to template authors), and
 * the table of every field with a short description, which checks
 * templates and which `styr templates --fields` prints.
 */
#ifndef STYR_HANDOUT_DATA_H
#define STYR_HANDOUT_DATA_H

#include "reg.h"
#include "template.h"
#include "value.h"

/* Every field, in the order `styr templates --fields` lists them. */
extern const struct tpl_field handout_fields[];

/* The data for a handout in LANG ("da", "en"); AREA limits it to one
 * review area (NULL: all).  Everything lives in A. */
struct val *handout_data(struct arena *a, struct reg *r, const char *lang,
			 const char *area);

/* The decision log alone, as handout_data's "decisions": every priority,
 * decision and solution change, each with its date, when, by, action,
 * action_label, ref, item_title and what (the export's sheet). */
struct val *handout_decisions(struct arena *a, struct reg *r,
			      const char *lang);

#endif
