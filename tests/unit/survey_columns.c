// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Unit tests of a survey export's completion times (src/survey_columns.c):
 * the forms of ISO 8601 read as the day written, and what is never
 * guessed at.  Prints TAP.
 */
#include <string.h>

#include "survey_columns.h"
#include "tap.h"

/* S gives the day WANT ("" when it must not be read). */
static void day(const char *s, const char *want)
{
	char got[11] = "";
	bool read = survey_completed_day(s, got);

	if (!*want)
		ok(!read, "'%s' is not read (got %s)", s, read ? got : "-");
	else
		ok(read && !strcmp(got, want), "'%s' is %s (got %s)", s, want,
		   read ? got : "-");
}

int main(void)
{
	day("2026-12-01", "2026-12-01");
	day("2026-12-01 10:32", "2026-12-01");
	day("2026-12-01T10:32", "2026-12-01");
	day("2026-12-01T10:32:15", "2026-12-01");
	day("2026-12-01 10:32:15.123", "2026-12-01");
	day("2026-12-01T23:32:15Z", "2026-12-01");
	day("2026-12-01T23:32:15+01:00", "2026-12-01");
	day("2026-12-01T00:32:15-0500", "2026-12-01");
	day("2026-12-01T00:32+01", "2026-12-01");
	day("2024-02-29 08:00", "2024-02-29");
	day("12/1/2026 10:32", "");
	day("12/1/2026 10:32:15", "");
	day("1.12.2026 10.32", "");
	day("2026/11/02 9:12:33 AM GMT+1", "");
	day("46357.4375", "");
	day("2026-12-1", "");
	day("2026-02-30", "");
	day("2025-02-29", "");
	day("2026-12-01 10", "");
	day("2026-12-01 10:3", "");
	day("2026-12-01 25:00", "");
	day("2026-12-01 10:61", "");
	day("2026-12-01 10:32 AM", "");
	day("2026-12-01 10:32:15.", "");
	day("2026-12-01T10:32+01:", "");
	day("2026-12-01T10:32+1", "");
	day("2026-12-01T10:32Zx", "");
	day("2026-12-01x", "");
	day("2026-12", "");
	day("", "");
	ok(survey_column_completed("completion time") &&
	       survey_column_completed("tidspunkt for fuldførelse") &&
	       survey_column_completed("timestamp") &&
	       survey_column_completed("tidsstempel"),
	   "the completion columns of Microsoft Forms and Google Forms");
	ok(!survey_column_completed("start time") &&
	       !survey_column_completed("last modified time") &&
	       !survey_column_completed("starttidspunkt"),
	   "a start or a change is no completion");
	return tap_done();
}
