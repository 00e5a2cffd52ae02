/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The survey of experience, both ways: `export survey` writes the question
 * list to set up in a survey tool (SurveyXact, Microsoft Forms), and
 * `import ratings` (import_ratings.h) reads the tool's export of the
 * answers back.  The two agree: each item's question starts with its id
 * ("D4: the title"), the answers are the experience labels, and the
 * questions for name and role carry the headers import ratings takes.
 */
#ifndef STYR_SURVEY_H
#define STYR_SURVEY_H

#include <stdio.h>

#include "reg.h"

/* Writes the question list as CSV in LANG ("da" or "en"): a header row,
 * then one row per question -- the respondent's name, role, and each
 * item in register order -- with its id, the question, its kind (free
 * text or one choice), a help text (the item's description) and the
 * answers to choose from, one per column.  AREA (an area's id) keeps
 * the items of that review area only; NULL: every item. */
void survey_write_csv(struct reg *r, FILE *f, const char *lang,
		      const char *area);

#endif
