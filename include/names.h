/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * People's names, compared the way a person reads them: "Hanne Møller",
 * "HANNE  MØLLER" and the decomposed spelling (o + combining stroke) are
 * one name.  The key is Unicode NFC, case-folded (æ, ø, å too) and with
 * runs of white space collapsed to one space and trimmed.
 *
 * Ownership: every char * returned here is the caller's, to free().
 */
#ifndef STYR_NAMES_H
#define STYR_NAMES_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

#include "reg.h"

/* The comparison key of NAME (UTF-8; checked text).  Never NULL. */
char *name_key(const char *name);
/* NAME as a guest's name is recorded: NFC, white space collapsed, the
 * case as written. */
char *name_tidy(const char *name);
/* The edit distance between two keys, in code points. */
size_t name_distance(const char *a, const char *b);

/* Who a vote's "by" or a rating's "respondent" is: the person's id when
 * WHO is an id (P3) or the name of someone in the people list, else
 * "guest:" and WHO's key.  Two records with the same identity are one
 * person's. */
char *who_identity(xmlNodePtr people, const char *who);

/* The person whose id (P3, p3) or name (compared by key) is ID_OR_NAME,
 * or NULL.  reg_person (reg.h) compares names exactly. */
xmlNodePtr person_find(struct reg *r, const char *id_or_name);
/* The same for many records: the people's keys are made once (on first
 * need) and kept until people_keys_free.  PEOPLE must not change
 * meanwhile. */
struct people_keys {
	xmlNodePtr people;
	xmlNodePtr *person;
	char **key;
	size_t n;
	bool built;
};
void people_keys_init(struct people_keys *pk, xmlNodePtr people);
char *people_identity(struct people_keys *pk, const char *who);
void people_keys_free(struct people_keys *pk);

/* Up to three names from the people list closest to NAME, as
 * "'Hanne Møller' (P8), ..." for a message; "" when there is no one. */
char *person_closest(struct reg *r, const char *name);
/* Says that NAME is not in the people list: CLOSE, a format taking NAME
 * and the closest names ("'%s' is not in the people list; did you mean
 * %s?"), or, when no name is close, FAR, taking NAME.  Returns -1. */
int person_unknown(struct reg *r, const char *name, const char *close,
		   const char *far);

#endif
