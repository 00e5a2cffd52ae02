// SPDX-License-Identifier: GPL-3.0-or-later
/* JSON-like values in an arena, and their JSON form; see value.h. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
	if (vasprintf(&tmp, fmt, ap) < 0)
		die(_("out of memory"));
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

struct val *val_strdup(struct arena *a, const char *s)
{
	return val_str(a, arena_strdup(a, s ? s : ""));
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
		format_decimal(buf, v->u.num);
		return buf;
	case VAL_BOOL:
		return v->u.b ? "true" : "false";
	default:
		return "";
	}
}

/* --- JSON --- */

static void write_string(FILE *f, const char *s)
{
	const unsigned char *p;

	putc('"', f);
	for (p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '\r':
			fputs("\\r", f);
			break;
		case '\t':
			fputs("\\t", f);
			break;
		default:
			if (*p < 0x20)
				fprintf(f, "\\u%04x", *p);
			else
				putc(*p, f);
		}
	}
	putc('"', f);
}

static void indent(FILE *f, int depth)
{
	putc('\n', f);
	for (int i = 0; i < depth; i++)
		fputs("  ", f);
}

static void write_val(FILE *f, const struct val *v, int depth)
{
	char buf[64];
	size_t i;

	switch (v->type) {
	case VAL_NULL:
		fputs("null", f);
		break;
	case VAL_BOOL:
		fputs(v->u.b ? "true" : "false", f);
		break;
	case VAL_INT:
		fprintf(f, "%ld", v->u.i);
		break;
	case VAL_NUM:
		if (!isfinite(v->u.num)) {
			fputs("null", f);
			break;
		}
		format_decimal(buf, v->u.num);
		fputs(buf, f);
		break;
	case VAL_STR:
		write_string(f, v->u.str);
		break;
	case VAL_ARR:
		if (!v->u.arr.n) {
			fputs("[]", f);
			break;
		}
		putc('[', f);
		for (i = 0; i < v->u.arr.n; i++) {
			if (i)
				putc(',', f);
			indent(f, depth + 1);
			write_val(f, v->u.arr.v[i], depth + 1);
		}
		indent(f, depth);
		putc(']', f);
		break;
	case VAL_OBJ:
		if (!v->u.obj.n) {
			fputs("{}", f);
			break;
		}
		putc('{', f);
		for (i = 0; i < v->u.obj.n; i++) {
			if (i)
				putc(',', f);
			indent(f, depth + 1);
			write_string(f, v->u.obj.m[i].key);
			fputs(": ", f);
			write_val(f, v->u.obj.m[i].val, depth + 1);
		}
		indent(f, depth);
		putc('}', f);
		break;
	}
}

void val_write_json(FILE *f, const struct val *v)
{
	write_val(f, v, 0);
	putc('\n', f);
}
