// SPDX-License-Identifier: GPL-3.0-or-later
/* The columns of a survey tool's export; see survey_columns.h. */
#include <ctype.h>
#include <stdbool.h>
#include <string.h>

#include "survey_columns.h"
#include "util.h"

static bool header_is(const char *key, const char *const words[])
{
	for (; *words; words++)
		if (!strcmp(key, *words))
			return true;
	return false;
}

static const char *const respondent_words[] = {
	"respondent", "respondent name", "respondentens navn", "navn",
	"name", "besvarer", "deltager", NULL};
static const char *const role_words[] = {"role", "rolle", NULL};

/* The survey tools' own columns, as their exports head them in English
 * and Danish.  Microsoft Forms (Excel): ID (Id), Start time
 * (Starttidspunkt), Completion time (Tidspunkt for fuldførelse), Email
 * (Mail), Name (Navn: a respondent column), Last modified time
 * (Tidspunkt for seneste ændring).  SurveyXact: respondentid, statstatus,
 * stattotaltime, email, name.  Google Forms: Timestamp (Tidsstempel),
 * Email Address (Mailadresse).  Only these: a column that is neither
 * one of them nor an item is refused, so that a misspelt item title is
 * never read past. */
static const char *const answer_words[] = {"id", "respondentid", NULL};
static const char *const stamp_words[] = {"timestamp", "tidsstempel", NULL};
static const char *const skip_words[] = {
	"start time", "completion time", "email", "last modified time",
	"starttidspunkt", "tidspunkt for fuldførelse", "mail",
	"tidspunkt for seneste ændring", "statstatus", "stattotaltime",
	"email address", "mailadresse", NULL};

enum survey_column survey_column_kind(const char *key)
{
	if (header_is(key, respondent_words))
		return SURVEY_RESPONDENT;
	if (header_is(key, role_words))
		return SURVEY_ROLE;
	if (header_is(key, answer_words))
		return SURVEY_ANSWER;
	if (header_is(key, stamp_words))
		return SURVEY_STAMP;
	if (header_is(key, skip_words))
		return SURVEY_SKIP;
	return SURVEY_OTHER;
}

bool survey_column_completed(const char *key)
{
	static const char *const words[] = {"completion time",
					    "tidspunkt for fuldførelse",
					    "timestamp", "tidsstempel", NULL};

	return header_is(key, words);
}

/* Whether S starts with N digits making a number up to MAX; past them in
 * *S. */
static bool digits(const char **s, int n, int max)
{
	int v = 0;

	for (; n; n--, (*s)++) {
		if (!isdigit((unsigned char)**s))
			return false;
		v = v * 10 + (**s - '0');
	}
	return v <= max;
}

bool survey_completed_day(const char *s, char day[11])
{
	const char *t = s + 10;

	if (strnlen(s, 10) < 10)
		return false;
	memcpy(day, s, 10);
	day[10] = '\0';
	if (!is_date(day))
		return false;
	if (!*t)
		return true;
	/* The time of day: HH:MM, then :SS and a fraction if given. */
	if ((*t != 'T' && *t != ' ') || (t++, !digits(&t, 2, 24)) ||
	    *t++ != ':' || !digits(&t, 2, 59))
		return false;
	if (*t == ':' && (t++, !digits(&t, 2, 60)))
		return false;
	if (*t == '.' || *t == ',') {
		if (!isdigit((unsigned char)*++t))
			return false;
		while (isdigit((unsigned char)*t))
			t++;
	}
	/* The zone, if any: Z, +HH, +HHMM or +HH:MM. */
	if (*t == 'Z')
		return !t[1];
	if (*t == '+' || *t == '-') {
		t++;
		if (!digits(&t, 2, 14))
			return false;
		if ((*t == ':' && (t++, !digits(&t, 2, 59))) ||
		    (*t && !digits(&t, 2, 59)))
			return false;
	}
	return !*t;
}
