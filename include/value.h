/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A small tree of JSON-like values: what `export json`, `show`, `list`,
 * `tally` and `summary` print, and what handout templates read.  Building
 * the data once as values keeps the JSON shape and the template fields in
 * one place (view.c).
 *
 * Ownership: every value and string lives in the arena it was made in and
 * is freed with it; strings passed to val_str are borrowed and must outlive
 * the arena (copy a short-lived one with arena_strdup first).
 */
#ifndef STYR_VALUE_H
#define STYR_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct arena;

enum val_type { VAL_NULL, VAL_BOOL, VAL_INT, VAL_NUM, VAL_STR, VAL_ARR, VAL_OBJ };

struct val;
struct member {
	const char *key;
	struct val *val;
};

struct val {
	enum val_type type;
	union {
		bool b;
		long i;
		double num;
		const char *str;
		struct {
			struct val **v;
			size_t n, cap;
		} arr;
		struct {
			struct member *m;
			size_t n, cap;
		} obj;
	} u;
};

struct arena *arena_new(void);
void arena_free(struct arena *a);
void *arena_alloc(struct arena *a, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

struct val *val_null(struct arena *a);
struct val *val_bool(struct arena *a, bool b);
struct val *val_int(struct arena *a, long i);
struct val *val_num(struct arena *a, double d);
struct val *val_str(struct arena *a, const char *s); /* borrowed */
/* A string, or null when S is NULL. */
struct val *val_str_or_null(struct arena *a, const char *s);
struct val *val_arr(struct arena *a);
struct val *val_obj(struct arena *a);

void val_push(struct arena *a, struct val *arr, struct val *v);
/* Adds KEY (borrowed) to OBJ; keys keep insertion order. */
void val_set(struct arena *a, struct val *obj, const char *key,
	     struct val *v);
/* Member KEY of OBJ, or NULL. */
struct val *val_get(const struct val *obj, const char *key);
/* Follows a dotted path ("item.votes.remove") from OBJ; NULL if absent. */
struct val *val_path(const struct val *obj, const char *path);
/* The integer, number (an integer too) or string at PATH from OBJ; 0 or
 * NULL when it is absent or of another type. */
long val_int_at(const struct val *obj, const char *path);
double val_num_at(const struct val *obj, const char *path);
const char *val_str_at(const struct val *obj, const char *path);
/* True when present, non-empty and non-zero (template {{#if}}). */
bool val_truthy(const struct val *v);
/* Text of a scalar as a template prints it; "" for null.  The result is
 * either a string in the tree or written into BUF. */
const char *val_text(const struct val *v, char buf[64]);

/* Writes V as JSON, two-space indented, with a final newline. */
void val_write_json(FILE *f, const struct val *v);

/* Makes element I of a streamed array in arena A (val_write_json_stream);
 * called for I = 0, 1, ... in turn. */
typedef struct val *val_make_fn(struct arena *a, size_t i, void *ctx);
/* Writes V as val_write_json does, but the array HOLE in it (left empty;
 * it may be V itself) as the N values FN makes one at a time, each in an
 * arena that is freed once it is written: the same bytes, without a big
 * register's items all in memory at once. */
void val_write_json_stream(FILE *f, const struct val *v,
			   const struct val *hole, size_t n, val_make_fn *fn,
			   void *ctx);
/* One streamed array: HOLE (an empty array in the tree) written as the N
 * values MAKE makes, with CTX. */
struct val_stream {
	const struct val *hole;
	size_t n;
	val_make_fn *make;
	void *ctx;
};
/* val_write_json_stream with N such arrays (an export's items and log). */
void val_write_json_streams(FILE *f, const struct val *v,
			    const struct val_stream *streams, size_t n);

#endif
