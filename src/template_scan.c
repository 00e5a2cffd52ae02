// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Compiling, part one: the walk over the tree and the paragraph's text.
 *
 * LibreOffice splits a paragraph's text into <text:span> runs wherever
 * its style or an edit changed, so "{{item.title}}" may stand in three
 * runs.  This file walks the part, classifies its elements for rendering,
 * gathers each paragraph's text across its runs and finds the tags in it
 * (and the stray '{{' and '}}'), then hands the paragraph to
 * template_plan.c.  It also quotes that text in messages.  See
 * template_int.h for how the passes fit together.
 */
#include <stdlib.h>
#include <string.h>

#include "template_int.h"

struct mark {
	const char *at; /* NULL: no more */
	bool searched;
};

static bool is_paragraph(xmlNodePtr n)
{
	static const char *const html[] = {
	    "p",  "h1", "h2", "h3",	 "h4",	       "h5",	  "h6",
	    "li", "td", "th", "dt",	 "dd",	       "caption", "figcaption",
	    "title", "summary", "label", "legend", "address", NULL};

	return is(n, TEXT_NS, "p") || is(n, TEXT_NS, "h") ||
	       is_any(n, XHTML_NS, html);
}

/* Elements whose content is elements only: white space between their
 * children is layout of the template's XML, not text, and goes. */
static bool element_only(xmlNodePtr n)
{
	static const char *const text_names[] = {
	    "list",	      "list-item",	  "list-header",
	    "section",	      "note-body",	  "sequence-decls",
	    "variable-decls", "user-field-decls", NULL};
	static const char *const html[] = {"html",  "head",  "ul",	"ol",
					   "dl",    "table", "thead", "tbody",
					   "tfoot", "tr",    NULL};

	if (!n || n->type != XML_ELEMENT_NODE || !n->ns)
		return false;
	if (is_any(n, XHTML_NS, html))
		return true;
	if (in_ns(n, OFFICE_NS) || in_ns(n, TABLE_NS) || in_ns(n, STYLE_NS) ||
	    in_ns(n, DRAW_NS))
		return true;
	return is_any(n, TEXT_NS, text_names);
}

/* Quotes the paragraph; see template_int.h. */
char *tpl_quote_text(const char *s, size_t len, size_t at)
{
	struct strbuf sb = {0};
	const char *p = s, *end = s + len;
	size_t n, chars = 0, at_char = 0, from, to, i;
	bool space = false;
	enum { WIDTH = 60 };

	/* Collapse white space into sb, remembering where AT lands. */
	p = skip_space(p, end);
	while (p < end) {
		if ((size_t)(p - s) <= at)
			at_char = chars;
		if ((n = space_len(p))) {
			space = true;
			p += n;
			continue;
		}
		if (space) {
			sb_add(&sb, " ", 1);
			chars++;
			space = false;
		}
		n = 1;
		while (p + n < end && ((unsigned char)p[n] & 0xc0) == 0x80)
			n++;
		sb_add(&sb, p, n);
		chars++;
		p += n;
	}
	if (!sb.buf)
		return xstrdup("");
	if (chars <= WIDTH)
		return sb_steal(&sb);
	from = at_char > 20 ? at_char - 20 : 0;
	if (from + WIDTH > chars)
		from = chars - WIDTH;
	to = from + WIDTH;
	/* Cut at character boundaries. */
	struct strbuf out = {0};
	if (from)
		sb_puts(&out, "…");
	for (i = 0, p = sb.buf; *p; i++) {
		n = 1;
		while (p[n] && ((unsigned char)p[n] & 0xc0) == 0x80)
			n++;
		if (i >= from && i < to)
			sb_add(&out, p, n);
		p += n;
	}
	if (to < chars)
		sb_puts(&out, "…");
	sb_free(&sb);
	return sb_steal(&out);
}

/* Reports a problem with TAG; see template_int.h. */
void tpl_problem(struct cctx *c, const char *tag, const char *quote,
		 const char *fmt, ...)
{
	struct strbuf sb = {0};
	va_list ap;
	char *what, *own;

	/* A template can be all mistakes: the first ones tell enough. */
	if (++c->problems > MAX_REPORTED)
		return;
	own = quote ? NULL : tpl_quote_text(c->s.buf, c->s.len, c->at);

	va_start(ap, fmt);
	if (vasprintf(&what, fmt, ap) < 0)
		die(_("out of memory"));
	va_end(ap);
	sb_printf(&sb, "%s: %s: %s", c->o->name, tag, what);
	sb_printf(&sb, _(", in the paragraph \"%s\""), quote ? quote : own);
	free(own);
	if (c->o->where)
		sb_printf(&sb, " (%s)", c->o->where);
	tpl_report(c->o, sb.buf);
	sb_free(&sb);
	free(what);
}

/* Appends LEN bytes of TEXT (NULL: LEN spaces) as a run of NODE. */
static void add_piece(struct cctx *c, xmlNodePtr node, const char *text,
		      size_t len)
{
	size_t i;

	c->pieces = xgrow(c->pieces, c->npieces, &c->cap, 32,
			  sizeof *c->pieces);
	c->pieces[c->npieces].node = node;
	c->pieces[c->npieces].start = c->s.len;
	c->pieces[c->npieces].len = len;
	c->npieces++;
	if (text)
		sb_add(&c->s, text, len);
	else
		for (i = 0; i < len; i++)
			sb_add(&c->s, " ", 1);
}

static size_t space_count(xmlNodePtr n)
{
	xmlChar *v = xmlGetNsProp(n, BAD_CAST "c", BAD_CAST TEXT_NS);
	long count = v ? strtol((const char *)v, NULL, 10) : 1;

	xmlFree(v);
	if (count < 1)
		count = 1;
	return count > MAX_SPACES ? MAX_SPACES : (size_t)count;
}

/* Gathers the text of a paragraph (its runs) into c->s and c->pieces. */
static void collect(struct cctx *c, xmlNodePtr parent)
{
	xmlNodePtr n;

	for (n = parent->children; n; n = n->next) {
		if (n->type == XML_TEXT_NODE) {
			const char *t = (const char *)n->content;
			if (t && *t)
				add_piece(c, n, t, strlen(t));
		} else if (is(n, TEXT_NS, "s")) {
			add_piece(c, n, NULL, space_count(n));
		} else if (is(n, TEXT_NS, "tab")) {
			add_piece(c, n, "\t", 1);
		} else if (is(n, TEXT_NS, "line-break")) {
			add_piece(c, n, "\n", 1);
		} else if (is_inline_container(n)) {
			collect(c, n);
		}
	}
}

/* The next MARK at or after FROM, remembered in *CACHE so that the text
 * is searched once however many tags it holds (FROM never goes back). */
static const char *next_mark(struct mark *cache, const char *from,
			     const char *mark)
{
	if (!cache->searched || (cache->at && cache->at < from)) {
		cache->at = strstr(from, mark);
		cache->searched = true;
	}
	return cache->at;
}

/* Finds, parses and checks the tags of paragraph P.  Returns true when P
 * is consumed whole (a block marker or a chart), so that what is nested in
 * it is not looked at. */
static bool paragraph(struct cctx *c, xmlNodePtr p)
{
	struct mark opens = {NULL, false}, closes = {NULL, false};
	struct tok *toks = NULL, *t;
	size_t ntoks = 0, cap = 0, pos = 0;
	const char *s;
	bool whole = false;

	c->s.len = 0;
	if (c->s.buf)
		c->s.buf[0] = '\0';
	c->npieces = 0;
	collect(c, p);
	s = c->s.buf;
	if (!s || (!strstr(s, "{{") && !strstr(s, "}}")))
		return false;
	for (;;) {
		const char *o = next_mark(&opens, s + pos, "{{");
		const char *cl = next_mark(&closes, s + pos, "}}");
		const char *o2, *e;
		if (!o && !cl)
			break;
		toks = xgrow(toks, ntoks, &cap, 8, sizeof *toks);
		t = &toks[ntoks++];
		memset(t, 0, sizeof *t);
		if (cl && (!o || cl < o)) {
			t->bad = 1;
			t->start = (size_t)(cl - s);
			t->end = t->start + 2;
			pos = t->end;
			continue;
		}
		t->start = (size_t)(o - s);
		e = next_mark(&closes, o + 2, "}}");
		o2 = next_mark(&opens, o + 2, "{{");
		if (!e || (o2 && o2 < e)) {
			t->bad = 2;
			t->end = o2 ? (size_t)(o2 - s) : c->s.len;
			pos = t->end;
			continue;
		}
		t->end = (size_t)(e - s) + 2;
		pos = t->end;
	}
	if (ntoks == 1 && !toks[0].bad && all_space(s, s + toks[0].start) &&
	    all_space(s + toks[0].end, s + c->s.len)) {
		c->at = toks[0].start;
		struct tag *tag = tpl_parse_tok(c, &toks[0], NULL);
		if (tag && tag->kind != T_VALUE) {
			whole = true;
			if (tag->kind == T_CHART)
				tpl_chart_paragraph(c, tag, p);
			else
				tpl_marker(c, tag, p, toks[0].start);
		} else {
			tpl_mixed(c, p, toks, ntoks);
		}
	} else if (ntoks) {
		tpl_mixed(c, p, toks, ntoks);
	}
	free(toks);
	return whole;
}

static bool table_part(xmlNodePtr n)
{
	static const char *const html[] = {"table", "thead", "tbody", "tfoot",
					   NULL};

	return is_any(n, XHTML_NS, html) || is(n, TABLE_NS, "table") ||
	       is(n, TABLE_NS, "table-rows") ||
	       is(n, TABLE_NS, "table-header-rows") ||
	       is(n, TABLE_NS, "table-row-group");
}

static void classify_one(struct cctx *c, xmlNodePtr n)
{
	struct plan *p = arena_alloc(c->a, sizeof *p);

	p->kind = P_ELEM;
	p->flags = (is_inline_container(n) ? F_INLINE : 0) |
		   (table_part(n) ? F_TABLE_PART : 0) |
		   (is(n, TABLE_NS, "table-row") || is(n, XHTML_NS, "tr")
			? F_ROW
			: 0) |
		   (is(n, TEXT_NS, "soft-page-break") ? F_SKIP : 0);
	n->_private = p;
}

/* Gives every element its flags, and drops the white space that only
 * lays out the template's XML (between table cells, list items...). */
static void classify(struct cctx *c, xmlNodePtr parent)
{
	bool elements_only = element_only(parent);
	xmlNodePtr n, next;

	for (n = parent->children; n; n = next) {
		next = n->next;
		if (n->type == XML_TEXT_NODE && elements_only &&
		    (!n->content ||
		     all_space((const char *)n->content,
			       (const char *)n->content +
				   strlen((const char *)n->content)))) {
			xmlUnlinkNode(n);
			xmlFreeNode(n);
		} else if (n->type == XML_ELEMENT_NODE) {
			classify_one(c, n);
			classify(c, n);
		}
	}
}

static void compile_walk(struct cctx *c, xmlNodePtr parent)
{
	xmlNodePtr n;

	for (n = parent->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is_paragraph(n) && paragraph(c, n))
			continue;
		compile_walk(c, n);
	}
}

void tpl_compile(struct cctx *c, xmlNodePtr root)
{
	classify_one(c, root);
	classify(c, root);
	compile_walk(c, root);
}
