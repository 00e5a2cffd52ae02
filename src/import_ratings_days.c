// SPDX-License-Identifier: GPL-3.0-or-later
/* import ratings: the day each answer was completed, from the survey
 * tool's column, all or none; see import_ratings_int.h. */
#include <string.h>

#include "import_ratings_int.h"
#include "sheet.h"
#include "survey_columns.h"
#include "util.h"

int ratings_row_day(struct ratings *rt, const struct csv_record *rec,
		    char day[11], bool *own)
{
	const char *v;

	*own = false;
	memcpy(day, rt->date, 11);
	if (rt->completed < 0)
		return 0;
	v = trim(rec->field[rt->completed]);
	if (!*v) {
		if (!rt->undated++)
			rt->undated_at = sheet_where(rt->name, rec);
		return 0;
	}
	if (!survey_completed_day(v, day)) {
		memcpy(day, rt->date, 11);
		if (!rt->unread)
			rt->unread = xasprintf(
			    _("%s: '%s' is not a date styr can read without "
			      "guessing (such as 2026-12-01 or 2026-12-01 "
			      "10:32, or a spreadsheet's date cell), so no "
			      "rating takes its day from that column: all have "
			      "today's date, %s; to give the day they were "
			      "answered, import with --date"),
			    ratings_cell(rt, rec, (size_t)rt->completed), v,
			    rt->date);
		return 0;
	}
	if (strcmp(day, rt->today) > 0) {
		error_context(ratings_cell(rt, rec, (size_t)rt->completed));
		return error(_("'%s' is a day to come (today is %s); correct "
			       "the cell, or give the day the survey was "
			       "answered with --date"),
			     v, rt->today);
	}
	*own = true;
	return 0;
}

void ratings_answered(struct ratings *rt, xmlNodePtr rating, const char *day,
		      bool own)
{
	if (own) {
		rt->dated = xgrow(rt->dated, rt->ndated, &rt->dated_cap, 64,
				  sizeof *rt->dated);
		rt->dated[rt->ndated++] = rating;
	}
	if (!*rt->first || strcmp(day, rt->first) < 0)
		memcpy(rt->first, day, 11);
	if (strcmp(day, rt->last) > 0)
		memcpy(rt->last, day, 11);
}

void ratings_days_done(struct ratings *rt)
{
	size_t i;

	if (!rt->unread)
		return;
	for (i = 0; i < rt->ndated; i++)
		node_set_attr(rt->dated[i], "date", rt->date);
	if (rt->ratings) {
		memcpy(rt->first, rt->date, 11);
		memcpy(rt->last, rt->date, 11);
	}
}

char *ratings_span(const struct ratings *rt)
{
	/* TRANSLATORS: the first and the last day a survey was answered */
	return strcmp(rt->first, rt->last)
		   ? xasprintf(_("%s to %s"), rt->first, rt->last)
		   : xstrdup(rt->first);
}

void ratings_columns_said(struct ratings *rt)
{
	struct strbuf past = {0};
	bool days = rt->completed >= 0 && !rt->unread;
	size_t i;
	char *when;

	for (i = 0; i < rt->ncols; i++)
		if (rt->col[i].what == COL_SKIP &&
		    !(days && (int)i == rt->completed))
			sb_printf(&past, "%s'%s'", past.len ? ", " : "",
				  rt->col[i].header);
	if (past.len)
		info(_("%s: the survey tool's own columns are read past: %s"),
		     rt->name, past.buf);
	sb_free(&past);
	if (rt->unread)
		info("%s", rt->unread);
	if (!days || !rt->ratings)
		return;
	if (rt->ndated) {
		when = ratings_span(rt);
		info(_("%s: the ratings have the days their answers were "
		       "completed, from column '%s': %s"),
		     rt->name, rt->col[rt->completed].header, when);
		free(when);
	}
	if (rt->undated)
		info(ngettext("%s: %ld row has no day in column '%s' (%s); "
			      "its ratings have today's date, %s",
			      "%s: %ld rows have no day in column '%s' (the "
			      "first: %s); their ratings have today's date, %s",
			      (unsigned long)rt->undated),
		     rt->name, rt->undated, rt->col[rt->completed].header,
		     rt->undated_at, rt->date);
}
