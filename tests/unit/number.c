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
	/* Each language: S written so reads as PLAIN; and what it refuses. */
	static const struct {
		const char *s, *plain;
	} da[] = {
		{"12.000", "12000"}, {"7,5", "7.5"},   {"1.234.567,25", "1234567.25"},
		{"12 000", "12000"}, {" 42 ", "42"},   {"0,125", "0.125"},
		{"7,50", "7.5"},     {"007", "7"},
	}, en[] = {
		{"12,000", "12000"}, {"7.5", "7.5"},   {"7,5", "7.5"},
		{"12,000.25", "12000.25"},	       {"0.125", "0.125"},
	};
	static const char *const da_refused[] = {
		"12,000", "1.5", "12.00", "1,234.5", "1.23.456", "0.125",
		"12.000 000"};
	static const char *const en_refused[] = {"12.000", "1.234,5",
						 "12,00,000"};
	/* Refused, or read alike, in either language. */
	static const struct {
		unsigned flags;
		const char *s, *plain;
	} both[] = {
		{0, "", ""},	 {0, "-5", ""},	  {0, "+5", ""},
		{0, "1e3", ""},	 {0, "12kr", ""}, {0, "0x10", ""},
		{0, "inf", ""},	 {0, "nan", ""},  {0, "12  000", ""},
		{NUM_WHOLE, "2", "2"},
	};
	static const struct {
		double v;
		const char *want;
	} shortest[] = {
		{12, "12"},
		{0, "0"},
		{-0.0, "0"},
		{0.125, "0.125"},
		{0.1, "0.1"},
		{2500.0 / 60, "41.666666666666664"},
		{0.01 / 60, "0.00016666666666666666"},
		{1e20, "100000000000000000000"},
		{-9007199254740991.0, "-9007199254740991"},
		{9007199254740992.0, "9007199254740992"},
		{77562.5, "77562.5"},
		{0.1 + 0.2, "0.30000000000000004"},
		{1500 * 0.7, "1050"},
		{1.0 / 3, "0.3333333333333333"},
		{NAN, "null"},
		{INFINITY, "null"},
	};

	for (size_t i = 0; i < sizeof da / sizeof *da; i++)
		reads("da", 0, da[i].s, da[i].plain);
	for (size_t i = 0; i < sizeof da_refused / sizeof *da_refused; i++)
		reads("da", 0, da_refused[i], "");
	reads("da", NUM_SURE, "12,000", "12");
	for (size_t i = 0; i < sizeof en / sizeof *en; i++)
		reads("en", 0, en[i].s, en[i].plain);
	for (size_t i = 0; i < sizeof en_refused / sizeof *en_refused; i++)
		reads("en", 0, en_refused[i], "");
	reads("en", NUM_SURE, "12.000", "12");
	for (int l = 0; l < 2; l++)
		for (size_t i = 0; i < sizeof both / sizeof *both; i++)
			reads(l ? "en" : "da", both[i].flags, both[i].s,
			      both[i].plain);
	reads("da", NUM_WHOLE, "2,5", "");
	reads("da", NUM_WHOLE, "1.000", "1000");
	reads("en", 0, "2000000000000", "");

	for (size_t i = 0; i < sizeof shortest / sizeof *shortest; i++)
		json(shortest[i].v, shortest[i].want);
	for (double v = 0.001; v < 1e6; v = v * 7.3 + 0.0001) {
		char out[32];
		format_json_number(out, v);
		if (strtod(out, NULL) != v)
			ok(0, "json %.17g reads back (got %s)", v, out);
	}
	ok(1, "json reads back for a range of values");
	return tap_done();
}
