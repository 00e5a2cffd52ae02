// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Numbers as people write them (see number.h).  One reader for every
 * option and CSV column that takes a number, so that 12.000 means the same
 * in `burden --per-year`, `vote --count` and an imported file.
 */
#include <ctype.h>
#include <float.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"
#include "util.h"

enum status { R_OK, R_NONE, R_REST, R_GROUP };

struct reading {
	enum status status;
	char plain[NUM_PLAIN]; /* what was read, as the register keeps it */
	const char *rest;      /* where reading stopped */
	bool twofold;	       /* n.nnn: the other language reads it apart */
};

/* The bytes of a group separator at P: the language's own, or a space
 * (also no-break and narrow no-break), as both languages allow. */
static size_t group_sep(const char *p, char grp)
{
	if (*p == grp || *p == ' ')
		return 1;
	if (!strncmp(p, "\xc2\xa0", 2))
		return 2;
	if (!strncmp(p, "\xe2\x80\xaf", 3))
		return 3;
	return 0;
}

static void append(char *buf, size_t *n, char c)
{
	if (*n + 1 < NUM_PLAIN)
		buf[(*n)++] = c;
	buf[*n] = '\0';
}

static void read_number(const char *s, const char *lang, struct reading *r)
{
	bool da = strcmp(lang, "en") != 0;
	char dec = da ? ',' : '.', grp = da ? '.' : ',';
	char whole[NUM_PLAIN] = "", frac[NUM_PLAIN] = "";
	size_t nw = 0, nf = 0, run, first = 0, runs = 0, sl;
	const char *p = s, *kind = NULL;
	bool bad_group = false, long_number = false;

	memset(r, 0, sizeof *r);
	/* styr has always read a decimal comma (7,5) in English too; it
	 * stays where it cannot be a thousands separator (12,000). */
	size_t lead = strspn(s, "0123456789");
	if (!da && lead && s[lead] == ',' &&
	    strspn(s + lead + 1, "0123456789") != 3 &&
	    !s[lead + 1 + strspn(s + lead + 1, "0123456789")] &&
	    isdigit((unsigned char)s[lead + 1]))
		dec = ',';
	for (;;) {
		for (run = 0; isdigit((unsigned char)*p); p++, run++)
			append(whole, &nw, *p);
		if (!run)
			break;
		if (!runs++)
			first = run;
		else if (run != 3)
			bad_group = true;
		sl = dec == grp ? 0 : group_sep(p, grp);
		/* One kind of separator throughout, and a digit after it. */
		if (!sl || !isdigit((unsigned char)p[sl]) ||
		    (kind && strncmp(kind, p, sl)))
			break;
		kind = p;
		p += sl;
	}
	if (!runs) {
		r->status = R_NONE;
		r->rest = p;
		return;
	}
	if (runs > 1 && (first > 3 || whole[0] == '0'))
		bad_group = true;
	if (*p == dec && isdigit((unsigned char)p[1]))
		for (p++; isdigit((unsigned char)*p); p++)
			append(frac, &nf, *p);
	long_number = nw + nf + 2 >= NUM_PLAIN;
	/* 1.500 is one and a half in English, fifteen hundred in Danish. */
	r->twofold = runs == 1 && nf == 3 && nw <= 3 && whole[0] != '0';
	r->rest = p;
	r->status = *p || long_number ? R_REST : bad_group ? R_GROUP : R_OK;

	/* As the register keeps it: no leading or trailing zeros. */
	const char *w = whole;
	while (w[0] == '0' && w[1])
		w++;
	while (nf && frac[nf - 1] == '0')
		frac[--nf] = '\0';
	/* Too long to keep whole is refused as unread (long_number). */
	if (snprintf(r->plain, NUM_PLAIN, "%s%s%s", w, nf ? "." : "", frac) >=
	    NUM_PLAIN)
		r->status = R_REST;
}

/* Refuses S, read in LANG, and says how the other language would read it
 * when it can. */
static int refuse(const char *what, const char *s, const char *lang,
		  const struct reading *r)
{
	bool da = strcmp(lang, "en") != 0;
	struct reading o;
	char people[64];

	read_number(s, da ? "en" : "da", &o);
	if (o.status == R_OK) {
		number_for_people(people, sizeof people, o.plain, lang);
		if (da)
			return error(_("%s: '%s' is not a number written the "
				       "Danish way (12.000 is twelve "
				       "thousand, 7,5 seven and a half); if "
				       "you mean it the English way, write "
				       "%s"),
				     what, s, people);
		return error(_("%s: '%s' is not a number written the English "
			       "way (12,000 is twelve thousand, 7.5 seven and "
			       "a half); if you mean it the Danish way, write "
			       "%s"),
			     what, s, people);
	}
	if (r->status == R_NONE)
		return error(_("%s: '%s' is not a number"), what, s);
	if (r->status == R_GROUP)
		return error(_("%s: '%s' is not a number: its digits are not "
			       "in groups of three"),
			     what, s);
	number_for_people(people, sizeof people, r->plain, lang);
	return error(_("%s: '%s' is not a number: styr read %s and then "
		       "'%s'"),
		     what, s, people, r->rest);
}

int parse_number(const char *what, const char *s, const char *lang,
		 unsigned flags, double max, double *out, char plain[NUM_PLAIN])
{
	struct reading r, o;
	char *t = xstrdup(s ? s : ""), *p = t, *e;
	const char *minus;
	int rc = -1;
	double v;

	/* Blanks around the number are a spreadsheet's habit, not a fault. */
	while (*p == ' ' || *p == '\t')
		p++;
	e = p + strlen(p);
	while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
		*--e = '\0';
	if (!*p) {
		error(_("%s: no number given"), what);
		goto out;
	}
	/* A minus sign (- or U+2212) before what is a number. */
	minus = *p == '-' ? p + 1 : NULL;
	if (!strncmp(p, "\xe2\x88\x92", 3))
		minus = p + 3;
	if (minus) {
		read_number(minus, lang, &r);
		if (r.status == R_OK) {
			error(_("%s: '%s' is negative; give 0 or more"), what,
			      p);
			goto out;
		}
	}
	read_number(p, lang, &r);
	if (r.status != R_OK) {
		refuse(what, p, lang, &r);
		goto out;
	}
	if (r.twofold && !(flags & NUM_SURE)) {
		read_number(p, strcmp(lang, "en") ? "en" : "da", &o);
		if (o.status == R_OK && strcmp(o.plain, r.plain)) {
			error(_("%s: '%s' can be read as %s or as %s; write "
				"it without a thousands separator, or with "
				"more or fewer than three decimals"),
			      what, p, r.plain, o.plain);
			goto out;
		}
	}
	if ((flags & NUM_WHOLE) && strchr(r.plain, '.')) {
		error(_("%s: '%s' is not a whole number"), what, p);
		goto out;
	}
	v = strtod(r.plain, NULL);
	if (v > max) {
		error(_("%s: %s is more than %.0f"), what, p, max);
		goto out;
	}
	*out = v;
	if (plain)
		memcpy(plain, r.plain, NUM_PLAIN);
	rc = 0;
out:
	free(t);
	return rc;
}

const char *input_lang(void) { return msg_lang(); }

void format_json_number(char out[32], double v)
{
	int prec;

	if (!isfinite(v)) {
		snprintf(out, 32, "null");
		return;
	}
	if (v == trunc(v) && fabs(v) < 9007199254740992.0) {
		/* Whole, and exact as an integer (below 2^53): no ".0", no
		 * "-0", and no floating-point formatting. */
		snprintf(out, 32, "%lld", (long long)v);
		return;
	}
	if (v == trunc(v) && fabs(v) < 1e21) {
		snprintf(out, 32, "%.0f", v);
		return;
	}
	/* The shortest text that reads back as V.  A decimal of at most
	 * DBL_DIG (15) digits survives the trip to a double and back, so
	 * %.15g finds every such shortest form at once (%g drops trailing
	 * zeros); only the rest need 16 or 17 digits. */
	for (prec = DBL_DIG; prec < 17; prec++) {
		snprintf(out, 32, "%.*g", prec, v);
		if (strtod(out, NULL) == v)
			return;
	}
	snprintf(out, 32, "%.17g", v);
}

/* Reads a whole number as people write it in the language styr speaks. */
int parse_count(const char *what, const char *s, long max, long *out)
{
	double v;

	if (parse_number(what, s, input_lang(), NUM_WHOLE, (double)max,
			 &v, NULL) < 0)
		return -1;
	*out = (long)v;
	return 0;
}

void format_decimal(char out[32], double v)
{
	char *dot;
	size_t n;

	snprintf(out, 32, "%.2f", v);
	dot = strchr(out, '.');
	if (!dot)
		return;
	n = strlen(out);
	while (n > (size_t)(dot - out) + 2 && out[n - 1] == '0')
		out[--n] = '\0';
}

void number_for_people(char *out, size_t size, const char *plain,
		       const char *lang)
{
	bool da = !lang || strcmp(lang, "en");
	const char *p = plain, *dot;
	size_t whole, i, o = 0;

	if (*p == '-' && o + 1 < size)
		out[o++] = *p++;
	dot = strchr(p, '.');
	whole = dot ? (size_t)(dot - p) : strlen(p);
	for (i = 0; i < whole && o + 2 < size; i++) {
		out[o++] = p[i];
		if (whole >= 5 && i + 1 < whole && (whole - i - 1) % 3 == 0)
			out[o++] = da ? '.' : ',';
	}
	if (dot && o + 1 < size) {
		out[o++] = da ? ',' : '.';
		for (p = dot + 1; *p && o + 1 < size; p++)
			out[o++] = *p;
	}
	out[o] = '\0';
}

void format_decimal_for(char out[32], double v, const char *lang)
{
	char digits[32];

	format_decimal(digits, v);
	number_for_people(out, 32, digits, lang);
}

void format_kroner_for(char out[32], double v, const char *lang)
{
	char digits[64];
	size_t n;

	/* Øre are money too: 77.562,5 kr. is not 77.562 kr. */
	format_number_for(digits, v, lang);
	n = strlen(digits);
	if (n > 31)
		n = 31;
	memcpy(out, digits, n);
	out[n] = '\0';
}

void format_number_for(char out[64], double v, const char *lang)
{
	char plain[48];
	long long cents;
	int frac;

	out[0] = '\0';
	if (!isfinite(v))
		return;
	if (fabs(v) >= 1e15) {
		snprintf(out, 64, "%.0f", v);
		return;
	}
	cents = llround(fabs(v) * 100);
	frac = (int)(cents % 100);
	/* At most two decimals, none for whole numbers: "12345.5". */
	snprintf(plain, sizeof plain, "%s%lld", v < 0 && cents ? "-" : "",
		 cents / 100);
	if (frac % 10)
		snprintf(plain + strlen(plain), sizeof plain - strlen(plain),
			 ".%02d", frac);
	else if (frac)
		snprintf(plain + strlen(plain), sizeof plain - strlen(plain),
			 ".%d", frac / 10);
	number_for_people(out, 64, plain, lang);
}
