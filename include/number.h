/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Numbers as people write them, and numbers as scripts read them.
 *
 * People write a number the way their language does: in Danish 12.000 is
 * twelve thousand and 7,5 seven and a half; in English 12,000 and 7.5.
 * parse_number() reads one such number completely or refuses it, saying
 * what it understood: never a silent cut (12.000 read as 12).  A group
 * separator may also be a space (12 000).  On the command line a form that
 * the other language would read differently (12.000 in English: twelve, or
 * Danish twelve thousand?) is refused; in a file the dialect is known.
 *
 * format_json_number() writes the shortest text that reads back as the
 * same double: full precision, and whole numbers without ".0".
 */
#ifndef STYR_NUMBER_H
#define STYR_NUMBER_H

enum {
	NUM_WHOLE = 1, /* decimals are refused */
	NUM_SURE = 2,  /* the dialect is the file's own: no two readings */
};

/* Long enough for any number under parse_number()'s limits. */
enum { NUM_PLAIN = 48 };

/*
 * Reads S, written as in LANG ("da" or "en"), as a number from 0 to MAX.
 * On success stores the value in *OUT and, when PLAIN is not NULL, the
 * number as the register keeps it ("12000", "7.5": no grouping, a decimal
 * point, no needless zeros).  Else prints why, naming WHAT, and returns -1.
 */
int parse_number(const char *what, const char *s, const char *lang,
		 unsigned flags, double max, double *out,
		 char plain[NUM_PLAIN]);

/* The dialect people type numbers in: the language styr prints in. */
const char *input_lang(void);

/* V as JSON: the shortest text strtod() reads back as V; "12" not
 * "12.0"; "null" for what JSON cannot hold.  OUT holds 32 bytes. */
void format_json_number(char out[32], double v);

#endif
