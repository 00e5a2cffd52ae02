// SPDX-License-Identifier: GPL-3.0-or-later
/* JSON-like values in an arena, and their JSON form; see value.h. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"
#include "util.h"
#include "value.h"

/* --- arena: big blocks, freed at once --- */

struct block {
	struct block *next;
	size_t used, size;
	max_align_t data[];
};

struct arena {
	struct block *head;
};

struct arena *arena_new(void)
{
	return xcalloc(1, sizeof(struct arena));
}

void arena_free(struct arena *a)
{
	struct block *b, *next;

	if (!a)
		return;
	for (b = a->head; b; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}

void *arena_alloc(struct arena *a, size_t n)
{
	struct block *b = a->head;
	const size_t align = sizeof(max_align_t);

	n = (n + align - 1) / align * align;
	if (!b || b->size - b->used < n) {
		size_t size = n > 65536 ? n : 65536;
		b = xmalloc(sizeof *b + size);
		b->size = size;
		b->used = 0;
		b->next = a->head;
		a->head = b;
	}
	void *p = (char *)b->data + b->used;
	b->used += n;
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(arena_alloc(a, n), s, n);
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	char *tmp, *s;

	va_start(ap, fmt);
	tmp = xvasprintf(fmt, ap);
	va_end(ap);
	s = arena_strdup(a, tmp);
	free(tmp);
	return s;
}

/* --- values --- */

static struct val *make(struct arena *a, enum val_type t)
{
	struct val *v = arena_alloc(a, sizeof *v);

	memset(v, 0, sizeof *v);
	v->type = t;
	return v;
}

struct val *val_null(struct arena *a)
{
	return make(a, VAL_NULL);
}

struct val *val_bool(struct arena *a, bool b)
{
	struct val *v = make(a, VAL_BOOL);

	v->u.b = b;
	return v;
}

struct val *val_int(struct arena *a, long i)
{
	struct val *v = make(a, VAL_INT);

	v->u.i = i;
	return v;
}

struct val *val_num(struct arena *a, double d)
{
	struct val *v = make(a, VAL_NUM);

	v->u.num = d;
	return v;
}

struct val *val_str(struct arena *a, const char *s)
{
	struct val *v = make(a, VAL_STR);

	v->u.str = s ? s : "";
	return v;
}

struct val *val_str_or_null(struct arena *a, const char *s)
{
	return s ? val_str(a, s) : val_null(a);
}

struct val *val_arr(struct arena *a)
{
	return make(a, VAL_ARR);
}

struct val *val_obj(struct arena *a)
{
	return make(a, VAL_OBJ);
}

/* Grows an array of ELEM-sized slots in the arena (old one is abandoned;
 * doubling keeps the waste at most the final size). */
static void *grow(struct arena *a, void *old, size_t n, size_t *cap,
		  size_t elem)
{
	void *p;

	if (n < *cap)
		return old;
	*cap = *cap ? *cap * 2 : 8;
	p = arena_alloc(a, *cap * elem);
	if (old)
		memcpy(p, old, n * elem);
	return p;
}

void val_push(struct arena *a, struct val *arr, struct val *v)
{
	arr->u.arr.v = grow(a, arr->u.arr.v, arr->u.arr.n, &arr->u.arr.cap,
			    sizeof *arr->u.arr.v);
	arr->u.arr.v[arr->u.arr.n++] = v;
}

void val_set(struct arena *a, struct val *obj, const char *key,
	     struct val *v)
{
	obj->u.obj.m = grow(a, obj->u.obj.m, obj->u.obj.n, &obj->u.obj.cap,
			    sizeof *obj->u.obj.m);
	obj->u.obj.m[obj->u.obj.n].key = key;
	obj->u.obj.m[obj->u.obj.n].val = v;
	obj->u.obj.n++;
}

struct val *val_get(const struct val *obj, const char *key)
{
	size_t i;

	if (!obj || obj->type != VAL_OBJ)
		return NULL;
	for (i = 0; i < obj->u.obj.n; i++)
		if (!strcmp(obj->u.obj.m[i].key, key))
			return obj->u.obj.m[i].val;
	return NULL;
}

struct val *val_path(const struct val *obj, const char *path)
{
	char key[128];
	const struct val *v = obj;

	while (v && *path) {
		size_t n = strcspn(path, ".");
		if (n >= sizeof key)
			return NULL;
		memcpy(key, path, n);
		key[n] = '\0';
		v = val_get(v, key);
		path += n;
		if (*path == '.')
			path++;
	}
	return (struct val *)v;
}

long val_int_at(const struct val *obj, const char *path)
{
	const struct val *x = val_path(obj, path);

	return x && x->type == VAL_INT ? x->u.i : 0;
}

double val_num_at(const struct val *obj, const char *path)
{
	const struct val *x = val_path(obj, path);

	if (!x)
		return 0;
	return x->type == VAL_NUM   ? x->u.num
	       : x->type == VAL_INT ? (double)x->u.i
				    : 0;
}

const char *val_str_at(const struct val *obj, const char *path)
{
	const struct val *x = val_path(obj, path);

	return x && x->type == VAL_STR ? x->u.str : NULL;
}

bool val_truthy(const struct val *v)
{
	if (!v)
		return false;
	switch (v->type) {
	case VAL_NULL:
		return false;
	case VAL_BOOL:
		return v->u.b;
	case VAL_INT:
		return v->u.i != 0;
	case VAL_NUM:
		return v->u.num != 0;
	case VAL_STR:
		return *v->u.str != '\0';
	case VAL_ARR:
		return v->u.arr.n > 0;
	case VAL_OBJ:
		return v->u.obj.n > 0;
	}
	return false;
}

const char *val_text(const struct val *v, char buf[64])
{
	if (!v)
		return "";
	switch (v->type) {
	case VAL_STR:
		return v->u.str;
	case VAL_INT:
		snprintf(buf, 64, "%ld", v->u.i);
		return buf;
	case VAL_NUM:
		format_json_number(buf, v->u.num);
		return buf;
	case VAL_BOOL:
		return v->u.b ? "true" : "false";
	default:
		return "";
	}
}

/* --- JSON --- */

/*
 * `export json` of a big register writes hundreds of megabytes, so the
 * writer gathers its output in a buffer of its own and hands it to stdio
 * in big pieces, instead of a call (and a lock) for every character; the
 * bytes are the same.
 */
struct out {
	FILE *f;
	/* The streamed arrays (val_write_json_streams), if any. */
	const struct val_stream *streams;
	size_t nstreams;
	size_t n;
	char buf[65536];
};

static void out_flush(struct out *o)
{
	fwrite_unlocked(o->buf, 1, o->n, o->f);
	o->n = 0;
}

static void out_put(struct out *o, const void *p, size_t len)
{
	if (len > sizeof o->buf - o->n) {
		out_flush(o);
		if (len >= sizeof o->buf) {
			fwrite_unlocked(p, 1, len, o->f);
			return;
		}
	}
	memcpy(o->buf + o->n, p, len);
	o->n += len;
}

static void out_char(struct out *o, char c)
{
	if (o->n == sizeof o->buf)
		out_flush(o);
	o->buf[o->n++] = c;
}

static void out_str(struct out *o, const char *s)
{
	out_put(o, s, strlen(s));
}

static void write_string(struct out *o, const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *run = p;
	char esc[8];

	out_char(o, '"');
	for (;; p++) {
		if (*p >= 0x20 && *p != '"' && *p != '\\')
			continue;
		out_put(o, run, (size_t)(p - run));
		if (!*p)
			break;
		run = p + 1;
		switch (*p) {
		case '"':
			out_str(o, "\\\"");
			break;
		case '\\':
			out_str(o, "\\\\");
			break;
		case '\n':
			out_str(o, "\\n");
			break;
		case '\r':
			out_str(o, "\\r");
			break;
		case '\t':
			out_str(o, "\\t");
			break;
		default:
			snprintf(esc, sizeof esc, "\\u%04x", *p);
			out_str(o, esc);
		}
	}
	out_char(o, '"');
}

static void indent(struct out *o, int depth)
{
	static const char spaces[] = "                                ";
	size_t n = 2 * (size_t)depth, k;

	out_char(o, '\n');
	for (; n; n -= k) {
		k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
		out_put(o, spaces, k);
	}
}

/* As "%ld" prints it, without printf's machinery. */
static void write_long(struct out *o, long v)
{
	char buf[24], *p = buf + sizeof buf;
	unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;

	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	out_put(o, p, (size_t)(buf + sizeof buf - p));
}

static void write_val(struct out *o, const struct val *v, int depth);

/* The streamed array S at DEPTH, as write_val writes an array. */
static void write_stream(struct out *o, const struct val_stream *s,
			 int depth)
{
	struct arena *a;
	size_t i;

	if (!s->n) {
		out_str(o, "[]");
		return;
	}
	out_char(o, '[');
	for (i = 0; i < s->n; i++) {
		if (i)
			out_char(o, ',');
		indent(o, depth + 1);
		a = arena_new();
		write_val(o, s->make(a, i, s->ctx), depth + 1);
		arena_free(a);
	}
	indent(o, depth);
	out_char(o, ']');
}

static void write_val(struct out *o, const struct val *v, int depth)
{
	char buf[64];
	size_t i;

	for (i = 0; i < o->nstreams; i++)
		if (v == o->streams[i].hole) {
			write_stream(o, &o->streams[i], depth);
			return;
		}
	switch (v->type) {
	case VAL_NULL:
		out_str(o, "null");
		break;
	case VAL_BOOL:
		out_str(o, v->u.b ? "true" : "false");
		break;
	case VAL_INT:
		write_long(o, v->u.i);
		break;
	case VAL_NUM:
		/* Full precision: 0.125 stays 0.125, 12 is not 12.0. */
		format_json_number(buf, v->u.num);
		out_str(o, buf);
		break;
	case VAL_STR:
		write_string(o, v->u.str);
		break;
	case VAL_ARR:
		if (!v->u.arr.n) {
			out_str(o, "[]");
			break;
		}
		out_char(o, '[');
		for (i = 0; i < v->u.arr.n; i++) {
			if (i)
				out_char(o, ',');
			indent(o, depth + 1);
			write_val(o, v->u.arr.v[i], depth + 1);
		}
		indent(o, depth);
		out_char(o, ']');
		break;
	case VAL_OBJ:
		if (!v->u.obj.n) {
			out_str(o, "{}");
			break;
		}
		out_char(o, '{');
		for (i = 0; i < v->u.obj.n; i++) {
			if (i)
				out_char(o, ',');
			indent(o, depth + 1);
			write_string(o, v->u.obj.m[i].key);
			out_put(o, ": ", 2);
			write_val(o, v->u.obj.m[i].val, depth + 1);
		}
		indent(o, depth);
		out_char(o, '}');
		break;
	}
}

void val_write_json(FILE *f, const struct val *v)
{
	val_write_json_streams(f, v, NULL, 0);
}

void val_write_json_stream(FILE *f, const struct val *v,
			   const struct val *hole, size_t n, val_make_fn *fn,
			   void *ctx)
{
	struct val_stream s = {hole, n, fn, ctx};

	val_write_json_streams(f, v, &s, 1);
}

void val_write_json_streams(FILE *f, const struct val *v,
			    const struct val_stream *streams, size_t n)
{
	struct out *o = xmalloc(sizeof *o);

	o->f = f;
	o->streams = streams;
	o->nstreams = n;
	o->n = 0;
	write_val(o, v, 0);
	out_char(o, '\n');
	flockfile(f);
	out_flush(o);
	funlockfile(f);
	free(o);
}
