// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Rendering, the second pass: walks the compiled template's tree once,
 * repeating and dropping sibling ranges as the plans of template_plan.c
 * say, and fills in the data.
 *
 * The output is written as it is made, straight from the template's nodes
 * into one buffer: a handout of 10,000 items is tens of megabytes of XML,
 * and a tree of it would cost ten times that in memory and most of the
 * time.  With tpl_opts.flush the buffer is handed on whenever it has
 * grown by FLUSH_EVERY, up to where an element may still be left out
 * (struct pin), so it holds only the end of the output, not all of it.
 * Every byte of text and every attribute value goes through
 * put_escaped(); names and namespace prefixes come from the parsed
 * template, so they are well-formed already.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "template_int.h"
#include "vocab.h"

enum { FLUSH_EVERY = 64 * 1024 };

/* An element that may yet be taken back, from AT on, when it is closed
 * (emit_node): a run, always; a table part, until it has a row (ROWS is
 * c->rows at its start; -1 for a run).  Nothing from AT on is flushed
 * while the pin holds. */
struct pin {
	size_t at;
	long rows;
	const struct pin *up;
};

struct rctx {
	const struct tpl_opts *o;
	xmlDocPtr doc;
	struct strbuf *out;
	size_t base;	   /* where out->buf starts in the output */
	size_t next_flush; /* out->len from which to flush again */
	const struct pin *pins;
	xmlNsPtr text_ns, draw_ns, svg_ns, xlink_ns;
	bool html; /* an XHTML template: written as polyglot HTML5 */
	const struct val *scope[MAX_DEPTH];
	int depth;
	int repeat;    /* > 0 inside a second or later loop iteration */
	bool inactive; /* inside a branch of an inline {{#if}} not taken */
	struct inline_if {
		bool outer, cond;
	} ifs[MAX_DEPTH];
	int nifs;
	long rows; /* table rows written so far */
	long steps;
	bool stop; /* too big: give up */
	int charts;
	int failed;
};

/* Where the output has got to: offsets into the whole output, as the
 * buffer may have been flushed meanwhile. */
static size_t pos(const struct rctx *c) { return c->base + c->out->len; }

static void put(struct rctx *c, const char *s, size_t n)
{
	sb_add(c->out, s, n);
}

static void puts_(struct rctx *c, const char *s)
{
	sb_add(c->out, s, strlen(s));
}

/* Writes LEN bytes of S escaped for XML text or, ATTR, for an attribute
 * value in double quotes. */
static void put_escaped(struct rctx *c, const char *s, size_t len, bool attr)
{
	const char *p = s, *end = s + len, *run = s;

	for (; p < end; p++) {
		const char *rep;
		switch (*p) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = attr ? "&quot;" : NULL;
			break;
		case '\r':
			rep = "&#13;";
			break;
		case '\n':
			rep = attr ? "&#10;" : NULL;
			break;
		case '\t':
			rep = attr ? "&#9;" : NULL;
			break;
		default:
			rep = NULL;
		}
		if (!rep)
			continue;
		put(c, run, (size_t)(p - run));
		puts_(c, rep);
		run = p + 1;
	}
	put(c, run, (size_t)(end - run));
}

static void put_qname(struct rctx *c, xmlNsPtr ns, const xmlChar *name)
{
	if (ns && ns->prefix) {
		puts_(c, (const char *)ns->prefix);
		put(c, ":", 1);
	}
	puts_(c, (const char *)name);
}

static void put_attr(struct rctx *c, xmlNsPtr ns, const char *name,
		     const char *value)
{
	put(c, " ", 1);
	put_qname(c, ns, BAD_CAST name);
	put(c, "=\"", 2);
	put_escaped(c, value, strlen(value), true);
	put(c, "\"", 1);
}

/* "<name" and its namespace declarations; the caller adds attributes and
 * then open_end(). */
static void open_start(struct rctx *c, xmlNodePtr n)
{
	xmlNsPtr ns;

	put(c, "<", 1);
	put_qname(c, n->ns, n->name);
	for (ns = n->nsDef; ns; ns = ns->next) {
		put(c, " xmlns", 6);
		if (ns->prefix) {
			put(c, ":", 1);
			puts_(c, (const char *)ns->prefix);
		}
		put(c, "=\"", 2);
		put_escaped(c, (const char *)ns->href,
			    strlen((const char *)ns->href), true);
		put(c, "\"", 1);
	}
}

/* Closes element N whose start tag ended at BODY: "/>" when nothing was
 * written since. */
static void close_element(struct rctx *c, xmlNsPtr ns, const xmlChar *name,
			  size_t body)
{
	/* HTML parsers read "<p/>" as an open <p>: only its void elements
	 * may close themselves. */
	static const char *const void_html[] = {
	    "area", "base", "br",   "col",   "embed",  "hr",  "img",
	    "input", "link", "meta", "source", "track", "wbr", NULL};
	bool may_self_close = true;
	int i;

	if (c->html && ns && !strcmp((const char *)ns->href, XHTML_NS)) {
		may_self_close = false;
		for (i = 0; void_html[i]; i++)
			if (!strcmp((const char *)name, void_html[i]))
				may_self_close = true;
	}
	if (pos(c) == body && may_self_close) {
		c->out->len--; /* the '>' */
		put(c, "/>", 2);
		return;
	}
	put(c, "</", 2);
	put_qname(c, ns, name);
	put(c, ">", 1);
}

/* Start tag of a copy of N: attributes as in the template, but no xml:id
 * in repeated copies (ids must stay unique). */
static void start_tag(struct rctx *c, xmlNodePtr n)
{
	xmlAttrPtr a;

	open_start(c, n);
	for (a = n->properties; a; a = a->next) {
		if (c->repeat && !strcmp((const char *)a->name, "id") &&
		    a->ns &&
		    !strcmp((const char *)a->ns->href,
			    (const char *)XML_XML_NAMESPACE))
			continue;
		put(c, " ", 1);
		put_qname(c, a->ns, a->name);
		put(c, "=\"", 2);
		/* No DTD, so no entity references: the value is text. */
		for (xmlNodePtr t = a->children; t; t = t->next)
			if (t->content)
				put_escaped(c, (const char *)t->content,
					    strlen((const char *)t->content),
					    true);
		put(c, "\"", 1);
	}
	put(c, ">", 1);
}

static xmlNsPtr ns_for(xmlDocPtr doc, const char *href, const char *prefix)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	xmlNsPtr ns = xmlSearchNsByHref(doc, root, BAD_CAST href);
	char buf[32];
	int i;

	if (ns)
		return ns;
	ns = xmlNewNs(root, BAD_CAST href, BAD_CAST prefix);
	for (i = 1; !ns && i < 100; i++) {
		snprintf(buf, sizeof buf, "%s%d", prefix, i);
		ns = xmlNewNs(root, BAD_CAST href, BAD_CAST buf);
	}
	if (!ns)
		die(_("out of memory"));
	return ns;
}

static const struct val *lookup(struct rctx *c, const struct tag *t)
{
	const struct val *v = t->depth >= 0 ? c->scope[t->depth] : c->o->data;
	int i;

	for (i = t->first; v && i < t->nseg; i++)
		v = val_get(v, t->seg[i]);
	return v;
}

static bool condition(struct rctx *c, const struct tag *t)
{
	const struct val *v = lookup(c, t);
	char buf[64];

	if (t->cmp && v && (v->type == VAL_NUM || v->type == VAL_INT)) {
		/* A number equals what the template prints for it (360,
		 * 12.000 in Danish) and the plain number (360, 12000). */
		double x = v->type == VAL_NUM ? v->u.num : (double)v->u.i;
		char *end;
		double want = strtod(t->cmp, &end);
		if (*t->cmp && !*end && want == x)
			return true;
		tpl_number(buf, x, c->o->lang);
		return !strcmp(buf, t->cmp) || !strcmp(val_text(v, buf), t->cmp);
	}
	if (t->cmp)
		return !strcmp(val_text(v, buf), t->cmp);
	return val_truthy(v);
}

/* An empty text:NAME element, e.g. <text:line-break/>. */
static void text_element(struct rctx *c, const char *name)
{
	put(c, "<", 1);
	put_qname(c, c->text_ns, BAD_CAST name);
	put(c, "/>", 2);
}

/* Writes a value as ODF text: newlines become line breaks, tabs tabs, and
 * runs of spaces keep their width (ODF collapses them otherwise). */
static void emit_value(struct rctx *c, const char *s)
{
	const char *p = s;
	char count[32];
	size_t n;

	if (c->html) {
		/* HTML keeps spaces as CSS says; a newline is a <br/>. */
		while (*p) {
			n = strcspn(p, "\r\n");
			put_escaped(c, p, n, false);
			p += n;
			if (*p == '\n') {
				put(c, "<", 1);
				put_qname(c, c->text_ns, BAD_CAST "br");
				put(c, "/>", 2);
			}
			if (*p)
				p++;
		}
		return;
	}
	while (*p) {
		for (n = 0; p[n] && p[n] != '\n' && p[n] != '\t' &&
			    p[n] != '\r' && !(p[n] == ' ' && p[n + 1] == ' ');
		     n++)
			;
		put_escaped(c, p, n, false);
		p += n;
		switch (*p) {
		case '\n':
			text_element(c, "line-break");
			p++;
			break;
		case '\t':
			text_element(c, "tab");
			p++;
			break;
		case '\r':
			p++;
			break;
		case ' ':
			n = strspn(p, " ");
			put(c, " <", 2);
			put_qname(c, c->text_ns, BAD_CAST "s");
			snprintf(count, sizeof count, "%zu", n - 1);
			put_attr(c, c->text_ns, "c", count);
			put(c, "/>", 2);
			p += n;
			break;
		}
	}
}

static void print_value(struct rctx *c, const struct tag *t)
{
	const struct val *v = lookup(c, t);
	char buf[64];

	if (!v)
		return;
	switch (v->type) {
	case VAL_STR:
		emit_value(c, v->u.str);
		return;
	case VAL_NUM:
		tpl_number(buf, v->u.num, c->o->lang);
		break;
	case VAL_INT:
		tpl_number(buf, (double)v->u.i, c->o->lang);
		break;
	case VAL_BOOL:
		snprintf(buf, sizeof buf, "%s",
			 vocab_label(&vocab_handout, v->u.b ? "yes" : "no",
				     c->o->lang));
		break;
	default:
		return;
	}
	puts_(c, buf);
}

static void text_plan(struct rctx *c, const struct text_plan *tp)
{
	int i;

	for (i = 0; i < tp->n; i++) {
		const struct seg *s = &tp->segs[i];
		if (!s->tag) {
			if (!c->inactive)
				put_escaped(c, s->lit, s->len, false);
			continue;
		}
		switch (s->tag->kind) {
		case T_VALUE:
			if (!c->inactive)
				print_value(c, s->tag);
			break;
		case T_IF: {
			/* A branch is shown when every {{#if}} around it
			 * shows it. */
			struct inline_if *f = &c->ifs[c->nifs++];
			f->outer = !c->inactive;
			f->cond = f->outer && condition(c, s->tag);
			c->inactive = !f->cond;
			break;
		}
		case T_ELSE: {
			struct inline_if *f = &c->ifs[c->nifs - 1];
			c->inactive = !(f->outer && !f->cond);
			break;
		}
		case T_END_IF:
			c->inactive = !c->ifs[--c->nifs].outer;
			break;
		default:
			break;
		}
	}
}

/* "12.34cm" whatever the C locale says about decimal points. */
static void cm(char out[32], double v)
{
	long hundredths = lround(v * 100);

	snprintf(out, 32, "%ld.%02ldcm", hundredths / 100, hundredths % 100);
}

static void chart(struct rctx *c, xmlNodePtr p, const struct chart_plan *cp)
{
	struct tpl_picture pic = {0};
	char name[32], w[32], h[32];
	size_t body;

	start_tag(c, p);
	body = pos(c);
	if (!c->o->chart ||
	    c->o->chart(c->o->chart_arg, cp->tag->path, &pic) < 0) {
		c->failed = 1;
		close_element(c, p->ns, p->name, body);
		return;
	}
	c->charts++;
	snprintf(name, sizeof name, "Chart %d", c->charts);
	cm(w, pic.width_cm);
	cm(h, pic.height_cm);
	put(c, "<", 1);
	put_qname(c, c->draw_ns, BAD_CAST "frame");
	put_attr(c, c->draw_ns, "name", name);
	put_attr(c, c->text_ns, "anchor-type", "as-char");
	put_attr(c, c->svg_ns, "width", w);
	put_attr(c, c->svg_ns, "height", h);
	put(c, "><", 2);
	put_qname(c, c->draw_ns, BAD_CAST "image");
	put_attr(c, c->xlink_ns, "href", pic.href);
	put_attr(c, c->xlink_ns, "type", "simple");
	put_attr(c, c->xlink_ns, "show", "embed");
	put_attr(c, c->xlink_ns, "actuate", "onLoad");
	put_attr(c, c->draw_ns, "mime-type", "image/svg+xml");
	put(c, "/>", 2);
	if (pic.title && *pic.title) {
		put(c, "<", 1);
		put_qname(c, c->svg_ns, BAD_CAST "title");
		put(c, ">", 1);
		put_escaped(c, pic.title, strlen(pic.title), false);
		put(c, "</", 2);
		put_qname(c, c->svg_ns, BAD_CAST "title");
		put(c, ">", 1);
	}
	put(c, "</", 2);
	put_qname(c, c->draw_ns, BAD_CAST "frame");
	put(c, ">", 1);
	close_element(c, p->ns, p->name, body);
}

static void emit_range(struct rctx *c, xmlNodePtr first, xmlNodePtr stop);

static void emit_node(struct rctx *c, xmlNodePtr n)
{
	const struct plan *plan = n->_private;
	unsigned flags = plan && plan->kind == P_ELEM ? plan->flags : 0;
	size_t start, body;
	long rows;
	struct pin pin;

	if (n->type == XML_TEXT_NODE) {
		if (plan && plan->kind == P_TEXT)
			text_plan(c, (const struct text_plan *)plan);
		else if (!c->inactive && n->content)
			put_escaped(c, (const char *)n->content,
				    strlen((const char *)n->content), false);
		return;
	}
	/* Comments (the template's notes to itself) are left out. */
	if (n->type != XML_ELEMENT_NODE || (flags & F_SKIP))
		return;
	if (plan && plan->kind == P_CHART) {
		chart(c, n, (const struct chart_plan *)plan);
		return;
	}
	if (c->inactive && !(flags & F_INLINE))
		return;
	start = pos(c);
	rows = c->rows;
	if (flags & (F_INLINE | F_TABLE_PART)) {
		pin.at = start;
		pin.rows = flags & F_INLINE ? -1 : rows;
		pin.up = c->pins;
		c->pins = &pin;
	}
	start_tag(c, n);
	body = pos(c);
	emit_range(c, n->children, NULL);
	if (flags & (F_INLINE | F_TABLE_PART))
		c->pins = pin.up;
	if (((flags & F_INLINE) && pos(c) == body && n->children) ||
	    ((flags & F_TABLE_PART) && c->rows == rows)) {
		/* A run whose text all went with a branch not taken, or a
		 * table whose rows were all in loops over nothing (a table
		 * needs rows): left out. */
		c->out->len = start - c->base;
		c->out->buf[c->out->len] = '\0';
		return;
	}
	close_element(c, n->ns, n->name, body);
	if (flags & F_ROW)
		c->rows++;
}

/* Stops a template whose loops would make a handout without end. */
static bool too_big(struct rctx *c)
{
	char msg[256];

	if (c->stop)
		return true;
	if (++c->steps < MAX_STEPS && pos(c) < MAX_OUTPUT)
		return false;
	snprintf(msg, sizeof msg,
		 _("%s: the handout would be too large (more than %d MB or "
		   "%d million steps); is a loop repeated inside itself?"),
		 c->o->name, MAX_OUTPUT / (1024 * 1024), MAX_STEPS / 1000000);
	tpl_report(c->o, msg);
	c->stop = true;
	c->failed = 1;
	return true;
}

/* Hands on the output up to the first byte that may still be taken back:
 * the start of a pinned element, or the '>' of a start tag just written
 * (close_element may make it "/>"). */
static void flush(struct rctx *c)
{
	size_t upto = pos(c) - 1, n;
	const struct pin *p;

	for (p = c->pins; p; p = p->up)
		if ((p->rows < 0 || p->rows == c->rows) && p->at < upto)
			upto = p->at;
	n = upto > c->base ? upto - c->base : 0;
	if (n && c->o->flush(c->o->flush_arg, c->out->buf, n) < 0) {
		c->stop = true;
		c->failed = 1;
	}
	memmove(c->out->buf, c->out->buf + n, c->out->len - n + 1);
	c->out->len -= n;
	c->base += n;
	/* Not again before as much more was written: a long pinned
	 * stretch is not moved over and over. */
	c->next_flush =
	    c->out->len + (c->o->flush_every ? c->o->flush_every : FLUSH_EVERY);
}

static void each(struct rctx *c, const struct block *b)
{
	const struct val *list = lookup(c, b->tag);
	size_t i;

	if (!list || list->type != VAL_ARR)
		return;
	if (c->depth == MAX_DEPTH)
		return; /* the compiler refuses deeper nesting */
	for (i = 0; i < list->u.arr.n && !too_big(c); i++) {
		c->scope[c->depth++] = list->u.arr.v[i];
		if (i == 1)
			c->repeat++;
		emit_range(c, b->open->next, b->close);
		c->depth--;
	}
	if (list->u.arr.n > 1)
		c->repeat--;
}

static void emit_range(struct rctx *c, xmlNodePtr first, xmlNodePtr stop)
{
	xmlNodePtr n = first;

	while (n && n != stop && !too_big(c)) {
		const struct plan *plan =
		    n->type == XML_ELEMENT_NODE ? n->_private : NULL;
		if (c->o->flush && c->out->len >= c->next_flush)
			flush(c);
		if (plan && (plan->kind == P_EACH || plan->kind == P_IF)) {
			const struct block *b = (const struct block *)plan;
			if (plan->kind == P_EACH)
				each(c, b);
			else if (condition(c, b->tag))
				emit_range(c, b->open->next,
					   b->mid ? b->mid : b->close);
			else if (b->mid)
				emit_range(c, b->mid->next, b->close);
			n = b->close->next;
			continue;
		}
		emit_node(c, n);
		n = n->next;
	}
}

int tpl_emit(xmlDocPtr doc, const struct tpl_opts *o, bool charts,
	     struct strbuf *out)
{
	struct rctx r = {0};

	r.o = o;
	r.doc = doc;
	r.out = out;
	r.next_flush = o->flush_every ? o->flush_every : FLUSH_EVERY;
	/* Declared on the root before it is written. */
	r.html = in_ns(xmlDocGetRootElement(doc), XHTML_NS);
	/* An HTML page declares no ODF namespace; its line breaks are
	 * XHTML's own <br/>. */
	r.text_ns = r.html ? xmlDocGetRootElement(doc)->ns
			   : ns_for(doc, TEXT_NS, "text");
	if (charts && !r.html) {
		r.draw_ns = ns_for(doc, DRAW_NS, "draw");
		r.svg_ns = ns_for(doc, SVG_NS, "svg");
		r.xlink_ns = ns_for(doc, XLINK_NS, "xlink");
	}
	/* HTML5 needs its doctype (else quirks mode); the page stays
	 * well-formed XML. */
	puts_(&r, r.html ? "<!DOCTYPE html>\n"
			 : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	emit_node(&r, xmlDocGetRootElement(doc));
	puts_(&r, "\n");
	if (o->flush && !r.failed && out->len &&
	    o->flush(o->flush_arg, out->buf, out->len) < 0)
		r.failed = 1;
	if (o->flush && out->len) {
		out->len = 0;
		out->buf[0] = '\0';
	}
	return r.failed ? -1 : 0;
}
