/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The descriptive fields of an item that `add`, `edit` and `import` share:
 * their options, their checks and how they are stored.
 */
#ifndef STYR_ITEM_H
#define STYR_ITEM_H

#include <argp.h>

#include "reg.h"
#include "util.h"

enum item_field {
	F_TITLE,
	F_DESC,
	F_AREA,
	F_ORIGIN,
	F_OWNER,
	F_FOUND,
	F_SOURCE,
	F_COUNT
};

/* Values given for each field; NULL = not given, "" = clear it. */
struct item_fields {
	const char *v[F_COUNT];
};

/* argp child with --desc, --area, --origin, --owner, --found, --source
 * (and --title when WITH_TITLE).  Its input is a struct item_fields. */
extern const struct argp item_fields_argp, item_fields_title_argp;

/* Checks every given value (text, vocabularies, that the area exists) and
 * stores it on ITEM; describes each change in CHANGES ("area: A -> B").
 * Returns 0, or -1 after printing; on -1 nothing has been changed. */
int item_fields_apply(struct reg *r, xmlNodePtr item,
		      const struct item_fields *f, struct strbuf *changes);
/* The stored value of a field ("" when unset); no copy. */
const char *item_field_value(xmlNodePtr item, enum item_field field);
/* Checks KIND and TITLE of a new item; returns the canonical kind or NULL
 * after printing. */
const char *item_check_new(const char *kind, const char *title);

#endif
