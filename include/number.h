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

#include <stddef.h>

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

/* Parses a non-negative whole number as people write it in the language
 * styr speaks; returns -1 (and prints) on anything else. */
int parse_count(const char *what, const char *s, long max, long *out);

/* PLAIN ("-12345.5", as printf writes it) as people read it in LANG
 * ("da" or "en"): 12.345,5 or 12,345.5, thousands grouped from 10000 up.
 * Handouts and terminal text write numbers through this. */
void number_for_people(char *out, size_t size, const char *plain,
		       const char *lang);
/* Formats hours with at most two decimals and at least one: "100.0". */
void format_decimal(char out[32], double v);
/* The same for people reading LANG (number_for_people).  The register,
 * JSON and CSV keep format_decimal's plain form. */
void format_decimal_for(char out[32], double v, const char *lang);
/* Kroner for people reading LANG: 1.004.625 or 1,004,625; øre, when
 * there are any, as decimals (77.562,5). */
void format_kroner_for(char out[32], double v, const char *lang);
/* A number as a handout prints it in LANG: no decimals for whole
 * numbers, else at most two; thousands grouped from 10000 up
 * (da: 12.345,5  en: 12,345.5).  Independent of the C locale. */
void format_number_for(char out[64], double v, const char *lang);

#endif
