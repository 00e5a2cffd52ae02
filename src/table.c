// SPDX-License-Identifier: GPL-3.0-or-later
/* Aligned tables, CSV and TSV output; see table.h. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "table.h"
#include "util.h"

struct table {
	int ncols;
	char **cells; /* row-major, header row first */
	size_t ncells, cap;
	int *max_width;
	unsigned char *right;
};

struct table *table_new(int ncols, const char *const headers[])
{
	struct table *t = xcalloc(1, sizeof *t);
	int i;

	t->ncols = ncols;
	t->max_width = xcalloc((size_t)ncols, sizeof *t->max_width);
	t->right = xcalloc((size_t)ncols, 1);
	for (i = 0; i < ncols; i++)
		table_cell(t, headers[i]);
	return t;
}

void table_row(struct table *t)
{
	(void)t; /* rows are implicit: every NCOLS cells */
}

void table_cell(struct table *t, const char *text)
{
	t->cells = xgrow(t->cells, t->ncells, &t->cap, 64, sizeof *t->cells);
	t->cells[t->ncells++] = xstrdup(text ? text : "");
}

void table_cellf(struct table *t, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	table_cell(t, s);
	free(s);
}

void table_max_width(struct table *t, int col, int width)
{
	t->max_width[col] = width;
}

void table_align_right(struct table *t, int col)
{
	t->right[col] = 1;
}

int text_width(const char *s)
{
	int w = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			w++;
	return w;
}

/* Byte length of the first N characters of S. */
static size_t prefix_bytes(const char *s, int n)
{
	const char *p = s;

	while (*p && n > 0) {
		p++;
		while (((unsigned char)*p & 0xc0) == 0x80)
			p++;
		n--;
	}
	return (size_t)(p - s);
}

/* The cell as shown in a table: one line, at most max_width; S itself
 * when it is that already (most cells), else a copy.  *WIDTH is its
 * width. */
static const char *table_text(const struct table *t, int col, const char *s,
			      int *width)
{
	char *copy, *p;
	int max = t->max_width[col];

	*width = text_width(s);
	if (!strpbrk(s, "\n\t\r") && !(max > 1 && *width > max))
		return s;
	copy = xstrdup(s);
	for (p = copy; *p; p++)
		if (*p == '\n' || *p == '\t' || *p == '\r')
			*p = ' ';
	if (max > 1 && text_width(copy) > max) {
		size_t n = prefix_bytes(copy, max - 1);
		copy = xrealloc(copy, n + sizeof "…");
		memcpy(copy + n, "…", sizeof "…");
	}
	*width = text_width(copy);
	return copy;
}

/* A character of a TSV cell: tabs and line ends become spaces. */
static char one_line(char c)
{
	return c == '\t' || c == '\n' || c == '\r' ? ' ' : c;
}

/* N spaces. */
static void pad(FILE *f, int n)
{
	static const char spaces[] = "                                ";
	int k;

	for (; n > 0; n -= k) {
		k = n < (int)sizeof spaces - 1 ? n : (int)sizeof spaces - 1;
		fwrite_unlocked(spaces, 1, (size_t)k, f);
	}
}

void table_print(struct table *t, enum format fmt, FILE *f)
{
	size_t nrows = t->ncells / (size_t)t->ncols, r;
	int c, *width = xcalloc((size_t)t->ncols, sizeof *width);
	const char **shown = NULL;
	int *shown_width = NULL;

	if (fmt == FMT_TABLE) {
		shown = xcalloc(t->ncells, sizeof *shown);
		shown_width = xcalloc(t->ncells, sizeof *shown_width);
		for (r = 0; r < t->ncells; r++) {
			c = (int)(r % (size_t)t->ncols);
			shown[r] = table_text(t, c, t->cells[r],
					      &shown_width[r]);
			if (shown_width[r] > width[c])
				width[c] = shown_width[r];
		}
	}
	/* One lock for the whole table: a big register has many cells. */
	flockfile(f);
	for (r = 0; r < nrows; r++) {
		for (c = 0; c < t->ncols; c++) {
			size_t i = r * (size_t)t->ncols + (size_t)c;
			const char *s = t->cells[i];
			switch (fmt) {
			case FMT_CSV:
				if (c)
					putc_unlocked(',', f);
				csv_write_field(f, s, ',');
				break;
			case FMT_TSV:
				if (c)
					putc_unlocked('\t', f);
				for (; *s; s++)
					putc_unlocked(one_line(*s), f);
				break;
			default: {
				int room = width[c] - shown_width[i];
				if (c)
					fputs_unlocked("  ", f);
				if (t->right[c])
					pad(f, room);
				fputs_unlocked(shown[i], f);
				if (!t->right[c] && c < t->ncols - 1)
					pad(f, room);
			}
			}
		}
		fputs_unlocked(fmt == FMT_CSV ? "\r\n" : "\n", f);
	}
	funlockfile(f);
	if (shown) {
		for (r = 0; r < t->ncells; r++)
			if (shown[r] != t->cells[r])
				free((char *)shown[r]);
		free(shown);
		free(shown_width);
	}
	free(width);
}

void table_free(struct table *t)
{
	size_t i;

	if (!t)
		return;
	for (i = 0; i < t->ncells; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->max_width);
	free(t->right);
	free(t);
}
