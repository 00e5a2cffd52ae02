// SPDX-License-Identifier: GPL-3.0-or-later
/* SVG charts for handouts; see chart.h.  Coordinates are millimetres. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "chart.h"
#include "number.h"
#include "util.h"
#include "vocab.h"

#define SVG_NS "http://www.w3.org/2000/svg"
#define FONT "Liberation Sans, Arial, Helvetica, sans-serif"

const char *const chart_names[] = {"votes", "burden", NULL};

enum {
	WIDTH = 160,	/* mm */
	LABEL_END = 62, /* labels are right-aligned here */
	BAR_START = 65,
	BAR_WIDTH = 78,
	BURDEN_WIDTH = 44, /* room after the bar for "12.345,5 timer ·
			    * 5.555.475 kr." */
	ROW = 7,	   /* row height */
	TOP = 20,	   /* first row */
	MAX_ROWS = 15,	   /* the items with most votes */
	LABEL_CHARS = 34,
};

static const char *const colours[3] = {"#c0392b", "#e0a030", "#2e8b57"};

/* A length as SVG wants it, whatever the C locale's decimal point. */
static const char *num(char buf[32], double v)
{
	long h = lround(v * 100);
	const char *sign = h < 0 ? "-" : "";

	h = labs(h);
	if (h % 100)
		snprintf(buf, 32, "%s%ld.%02ld", sign, h / 100, h % 100);
	else
		snprintf(buf, 32, "%s%ld", sign, h / 100);
	return buf;
}

static void attr(xmlNodePtr n, const char *name, const char *value)
{
	if (!xmlNewProp(n, BAD_CAST name, BAD_CAST value))
		die(_("out of memory"));
}

static void attr_num(xmlNodePtr n, const char *name, double v)
{
	char buf[32];

	attr(n, name, num(buf, v));
}

static xmlNodePtr element(xmlNodePtr parent, const char *name)
{
	xmlNodePtr n = xmlNewChild(parent, parent->ns, BAD_CAST name, NULL);

	if (!n)
		die(_("out of memory"));
	return n;
}

static void rect(xmlNodePtr svg, double x, double y, double w, double h,
		 const char *fill)
{
	xmlNodePtr r = element(svg, "rect");

	attr_num(r, "x", x);
	attr_num(r, "y", y);
	attr_num(r, "width", w);
	attr_num(r, "height", h);
	attr(r, "fill", fill);
}

/* Text at (X, Y); ANCHOR start, middle or end. */
static xmlNodePtr text(xmlNodePtr svg, double x, double y, double size,
		       const char *anchor, const char *s)
{
	xmlNodePtr t = element(svg, "text");

	attr_num(t, "x", x);
	attr_num(t, "y", y);
	attr_num(t, "font-size", size);
	if (strcmp(anchor, "start"))
		attr(t, "text-anchor", anchor);
	xmlNodeAddContent(t, BAD_CAST s);
	return t;
}

/* S cut to at most N characters, with an ellipsis when cut. */
static char *shorten(const char *s, size_t n)
{
	struct strbuf sb = {0};
	size_t chars = 0, len;
	const char *p = s;

	while (*p) {
		len = 1;
		while (p[len] && ((unsigned char)p[len] & 0xc0) == 0x80)
			len++;
		if (chars == n - 1 && p[len]) {
			sb_puts(&sb, "…");
			break;
		}
		sb_add(&sb, p, len);
		chars++;
		p += len;
	}
	return sb.buf ? sb_steal(&sb) : xstrdup("");
}

static xmlDocPtr new_svg(double height, xmlNodePtr *root)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr svg = xmlNewDocNode(doc, NULL, BAD_CAST "svg", NULL);
	char buf[64], h[32];

	if (!doc || !svg)
		die(_("out of memory"));
	xmlDocSetRootElement(doc, svg);
	xmlSetNs(svg, xmlNewNs(svg, BAD_CAST SVG_NS, NULL));
	attr(svg, "version", "1.1");
	attr(svg, "width", "160mm");
	snprintf(buf, sizeof buf, "%smm", num(h, height));
	attr(svg, "height", buf);
	snprintf(buf, sizeof buf, "0 0 %d %s", WIDTH, num(h, height));
	attr(svg, "viewBox", buf);
	attr(svg, "font-family", FONT);
	rect(svg, 0, 0, WIDTH, height, "#ffffff");
	*root = svg;
	return doc;
}

static void finish(xmlDocPtr doc, double height, const char *title,
		   struct chart *out)
{
	xmlChar *buf;
	int len;

	xmlDocDumpFormatMemoryEnc(doc, &buf, &len, "UTF-8", 1);
	xmlFreeDoc(doc);
	if (!buf)
		die(_("out of memory"));
	out->svg = xmalloc((size_t)len);
	memcpy(out->svg, buf, (size_t)len);
	out->len = (size_t)len;
	xmlFree(buf);
	out->width_cm = WIDTH / 10.0;
	out->height_cm = height / 10.0;
	out->title = title;
}

static const char *str_at(const struct val *v, const char *path)
{
	const char *s = val_str_at(v, path);

	return s ? s : "";
}

struct ranked {
	long total;
	size_t index;
};

static int by_votes(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->total != y->total)
		return x->total > y->total ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

static void votes_chart(const struct val *data, const char *lang,
			struct chart *out)
{
	const struct val *items = val_get(data, "items");
	size_t n = items && items->type == VAL_ARR ? items->u.arr.n : 0;
	struct ranked *rank = xcalloc(n ? n : 1, sizeof *rank);
	size_t voted = 0, rows, i;
	long max = 0;
	xmlNodePtr svg;
	xmlDocPtr doc;
	double height, x;
	const char *title = vocab_label(&vocab_handout, "votes-chart", lang);
	char buf[160];
	int p;

	for (i = 0; i < n; i++) {
		long total = val_int_at(items->u.arr.v[i], "votes.total");
		if (total > 0)
			rank[voted++] = (struct ranked){total, i};
	}
	qsort(rank, voted, sizeof *rank, by_votes);
	rows = voted < MAX_ROWS ? voted : MAX_ROWS;
	if (voted)
		max = rank[0].total;
	height = rows ? TOP + (double)rows * ROW + (voted > rows ? 9 : 4) : 34;
	doc = new_svg(height, &svg);
	attr(text(svg, 0, 6, 4.5, "start", title), "font-weight", "bold");
	/* Legend. */
	for (p = 0, x = 0; p < 3; p++) {
		const char *label = vocab_label(
		    &vocab_priority, vocab_priority.words[p].key, lang);
		rect(svg, x, 10.5, 3.5, 3.5, colours[p]);
		text(svg, x + 5, 13.7, 3.5, "start", label);
		x += 8 + 2.2 * (double)strlen(label);
	}
	if (!rows)
		text(svg, 0, 26, 3.5, "start",
		     vocab_label(&vocab_handout, "no-votes", lang));
	for (i = 0; i < rows; i++) {
		const struct val *it = items->u.arr.v[rank[i].index];
		double y = TOP + (double)i * ROW, bx = BAR_START;
		char *label;
		snprintf(buf, sizeof buf, "%s %s", str_at(it, "id"),
			 str_at(it, "title"));
		label = shorten(buf, LABEL_CHARS);
		text(svg, LABEL_END, y + 3.8, 3.2, "end", label);
		free(label);
		for (p = 0; p < 3; p++) {
			static const char *const keys[] = {
			    "votes.remove", "votes.change", "votes.anchor"};
			long v = val_int_at(it, keys[p]);
			double w = (double)v / (double)max * BAR_WIDTH;
			if (!v)
				continue;
			rect(svg, bx, y, w, 5, colours[p]);
			if (w >= 5) {
				snprintf(buf, sizeof buf, "%ld", v);
				attr(text(svg, bx + w / 2, y + 3.7, 3, "middle",
					  buf),
				     "fill", "#ffffff");
			}
			bx += w;
		}
		snprintf(buf, sizeof buf, "%ld", rank[i].total);
		text(svg, bx + 1.5, y + 3.7, 3.2, "start", buf);
	}
	if (voted > rows) {
		snprintf(buf, sizeof buf,
			 vocab_label(&vocab_handout, "most-votes%", lang), rows,
			 voted);
		text(svg, 0, height - 2.5, 3, "start", buf);
	}
	free(rank);
	finish(doc, height, title, out);
}

static void burden_chart(const struct val *data, const char *lang,
			 struct chart *out)
{
	const struct val *areas = val_get(data, "areas");
	const struct val *items = val_get(data, "items");
	size_t na = areas && areas->type == VAL_ARR ? areas->u.arr.n : 0;
	size_t ni = items && items->type == VAL_ARR ? items->u.arr.n : 0;
	double *hours = xcalloc(na + 1, sizeof *hours);
	double *cost = xcalloc(na + 1, sizeof *cost);
	double max = 0, total = 0, height;
	const char *title = vocab_label(&vocab_handout, "burden-chart", lang);
	size_t i, j, rows;
	xmlNodePtr svg;
	xmlDocPtr doc;
	char buf[160], nb[64];

	/* Areas are few; look each item's area up among them. */
	for (i = 0; i < ni; i++) {
		const struct val *it = items->u.arr.v[i];
		const char *area = str_at(it, "area");
		double h = val_num_at(it, "burden.hours_per_year");
		for (j = 0; j < na; j++)
			if (!strcmp(area, str_at(areas->u.arr.v[j], "id")))
				break;
		hours[j] += h; /* j == na: no area */
		cost[j] += val_num_at(it, "burden.cost_per_year");
		total += h;
	}
	rows = na + (hours[na] > 0);
	for (i = 0; i < rows; i++)
		if (hours[i] > max)
			max = hours[i];
	height = total > 0 ? TOP - 7 + (double)rows * ROW + 9 : 22;
	doc = new_svg(height, &svg);
	attr(text(svg, 0, 6, 4.5, "start", title), "font-weight", "bold");
	if (total <= 0)
		text(svg, 0, 15, 3.5, "start",
		     vocab_label(&vocab_handout, "no-estimates", lang));
	for (i = 0; total > 0 && i < rows; i++) {
		double y = TOP - 7 + (double)i * ROW;
		double w = max > 0 ? hours[i] / max * BURDEN_WIDTH : 0;
		char *label = shorten(
		    i < na ? str_at(areas->u.arr.v[i], "name")
			   : vocab_label(&vocab_handout, "no-area", lang),
		    LABEL_CHARS);
		text(svg, LABEL_END, y + 3.8, 3.2, "end", label);
		free(label);
		if (w > 0)
			rect(svg, BAR_START, y, w, 5, "#4a78a8");
		format_number_for(nb, hours[i], lang);
		if (cost[i] > 0) {
			/* Kroner beside hours wherever a tariff is known. */
			char nk[64];
			format_number_for(nk, cost[i], lang);
			snprintf(buf, sizeof buf,
				 vocab_label(&vocab_handout, "hours-cost%",
					     lang),
				 nb, nk);
		} else {
			snprintf(buf, sizeof buf, "%s %s", nb,
				 vocab_label(&vocab_handout, "hours", lang));
		}
		text(svg, BAR_START + w + 1.5, y + 3.7, 3.2, "start", buf);
	}
	if (total > 0) {
		double kr = 0;
		char nk[64];

		for (i = 0; i <= na; i++)
			kr += cost[i];
		format_number_for(nb, total, lang);
		format_number_for(nk, kr, lang);
		/* Kroner beside hours wherever a tariff is known. */
		if (kr > 0)
			snprintf(buf, sizeof buf,
				 vocab_label(&vocab_handout,
					     "hours-cost-in-all%", lang),
				 nb, nk);
		else
			snprintf(buf, sizeof buf,
				 vocab_label(&vocab_handout, "hours-in-all%",
					     lang),
				 nb);
		text(svg, 0, height - 2.5, 3, "start", buf);
	}
	free(hours);
	free(cost);
	finish(doc, height, title, out);
}

int chart_make(const char *name, const struct val *data, const char *lang,
	       struct chart *out)
{
	memset(out, 0, sizeof *out);
	if (!strcmp(name, "votes"))
		votes_chart(data, lang, out);
	else if (!strcmp(name, "burden"))
		burden_chart(data, lang, out);
	else
		return -1;
	return 0;
}

void chart_free(struct chart *c)
{
	free(c->svg);
	c->svg = NULL;
}
