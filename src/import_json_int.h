/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Private to import_json.c and import_json_item.c: the import's state and
 * the readers that check one member of a JSON object each.  Every reader
 * returns 0 (its *OUT NULL or 0 when the member is absent or null and not
 * REQ) or -1 after printing, with the place in the document first
 * (error_context is the import's "where").
 */
#ifndef STYR_IMPORT_JSON_INT_H
#define STYR_IMPORT_JSON_INT_H

#include <stdbool.h>
#include <json-c/json.h>

#include "number.h"
#include "reg.h"

struct strmap;
struct vocab;

struct ij {
	struct reg *r;
	const char *name;   /* the file, as messages call it */
	char where[256];    /* "FILE: items[3] (R7)": the error context */
	struct strmap *areas, *people, *meetings, *ids; /* id -> node */
	long next[3];       /* the next free goal, rule and doc number */
	long phases;        /* how many the model has */
	long next_conflict; /* the conflicts' counter */
	bool bad;
};

/* Prints "WHERE: KEY: message" and marks the import failed; -1. */
int ij_fail(struct ij *j, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Sets the place messages name: "FILE: " and FMT. */
void ij_at(struct ij *j, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Text that may enter the register (check_text). */
int ij_str(struct ij *j, json_object *o, const char *key, bool req,
	   const char **out);
/* A canonical keyword of V. */
int ij_word(struct ij *j, json_object *o, const char *key,
	    const struct vocab *v, bool req, const char **out);
/* A real day, YYYY-MM-DD. */
int ij_date(struct ij *j, json_object *o, const char *key, bool req,
	    const char **out);
/* A whole number from MIN up. */
int ij_int(struct ij *j, json_object *o, const char *key, bool req,
	   long min, long *out);
/* A number from 0 up, as the register keeps it (in OUT; *RES is OUT, or
 * NULL when absent). */
int ij_amount(struct ij *j, json_object *o, const char *key, bool req,
	      char out[NUM_PLAIN], const char **res);
/* A list or an object member, NULL when absent (or after printing, with
 * j->bad set, when it is something else). */
json_object *ij_list(struct ij *j, json_object *o, const char *key);
json_object *ij_obj(struct ij *j, json_object *o, const char *key);
/* Element I of the list L (called LIST in messages) as an object. */
json_object *ij_elem(struct ij *j, json_object *l, size_t i,
		     const char *list);
/* ij_elem with its "id" in *ID: messages name "LIST[I]", and from
 * then on "LIST[I] (ID)".  NULL after saying what is wrong. */
json_object *ij_record(struct ij *j, json_object *l, size_t i,
		       const char *list, const char **id);
/* As styr writes a time: 2026-12-06T16:44:36Z. */
bool ij_is_datetime(const char *s);
/* Refuses an ID SEEN before; else remembers it with NODE. */
int ij_unique(struct ij *j, struct strmap *seen, const char *id, void *node);

/* import_json_item.c: the items, then the change log (with the items
 * deletions kept).  The number of items, or -1. */
long ij_items(struct ij *j, json_object *doc);
int ij_log(struct ij *j, json_object *doc);

#endif
