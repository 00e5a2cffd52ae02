// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Unit tests of numbers as people write them (src/number.c): each form in
 * Danish and English, what is refused, and JSON's shortest round trip.
 * Refusals print to stderr, which the harness shows beside the results.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"
#include "tap.h"
#include "util.h"

/* S read in LANG with FLAGS gives PLAIN ("" when it must be refused). */
static void reads(const char *lang, unsigned flags, const char *s,
		  const char *plain)
{
	char got[NUM_PLAIN] = "";
	double v = -1;
	int rc = parse_number("n", s, lang, flags, 1e12, &v, got);

	if (!*plain)
		ok(rc < 0, "%s '%s' is refused", lang, s);
	else
		ok(rc == 0 && !strcmp(got, plain) && v == strtod(plain, NULL),
		   "%s '%s' is %s (got %s)", lang, s, plain,
		   rc ? "refused" : got);
}

static void json(double v, const char *want)
{
	char out[32];

	format_json_number(out, v);
	ok(!strcmp(out, want), "json %.17g is %s (got %s)", v, want, out);
}

int main(void)
{
	reads("da", 0, "12.000", "12000");
	reads("da", 0, "7,5", "7.5");
	reads("da", 0, "1.234.567,25", "1234567.25");
	reads("da", 0, "12 000", "12000");
	reads("da", 0, " 42 ", "42");
	reads("da", 0, "0,125", "0.125");
	reads("da", 0, "7,50", "7.5");
	reads("da", 0, "007", "7");
	reads("da", 0, "12,000", "");
	reads("da", NUM_SURE, "12,000", "12");
	reads("da", 0, "1.5", "");
	reads("da", 0, "12.00", "");
	reads("da", 0, "1,234.5", "");
	reads("da", 0, "1.23.456", "");
	reads("da", 0, "0.125", "");
	reads("da", 0, "12.000 000", "");
	reads("en", 0, "12,000", "12000");
	reads("en", 0, "7.5", "7.5");
	reads("en", 0, "7,5", "7.5");
	reads("en", 0, "12,000.25", "12000.25");
	reads("en", 0, "0.125", "0.125");
	reads("en", 0, "12.000", "");
	reads("en", NUM_SURE, "12.000", "12");
	reads("en", 0, "1.234,5", "");
	reads("en", 0, "12,00,000", "");
	for (int i = 0; i < 2; i++) {
		const char *lang = i ? "en" : "da";
		reads(lang, 0, "", "");
		reads(lang, 0, "-5", "");
		reads(lang, 0, "+5", "");
		reads(lang, 0, "1e3", "");
		reads(lang, 0, "12kr", "");
		reads(lang, 0, "0x10", "");
		reads(lang, 0, "inf", "");
		reads(lang, 0, "nan", "");
		reads(lang, 0, "12  000", "");
		reads(lang, NUM_WHOLE, "2", "2");
	}
	reads("da", NUM_WHOLE, "2,5", "");
	reads("da", NUM_WHOLE, "1.000", "1000");
	reads("en", 0, "2000000000000", "");

	json(12, "12");
	json(0, "0");
	json(-0.0, "0");
	json(0.125, "0.125");
	json(0.1, "0.1");
	json(2500.0 / 60, "41.666666666666664");
	json(0.01 / 60, "0.00016666666666666666");
	json(1e20, "100000000000000000000");
	json(-9007199254740991.0, "-9007199254740991");
	json(9007199254740992.0, "9007199254740992");
	json(77562.5, "77562.5");
	json(0.1 + 0.2, "0.30000000000000004");
	json(1500 * 0.7, "1050");
	json(1.0 / 3, "0.3333333333333333");
	json(NAN, "null");
	json(INFINITY, "null");
	for (double v = 0.001; v < 1e6; v = v * 7.3 + 0.0001) {
		char out[32];
		format_json_number(out, v);
		if (strtod(out, NULL) != v)
			ok(0, "json %.17g reads back (got %s)", v, out);
	}
	ok(1, "json reads back for a range of values");
	return tap_done();
}
