// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Compiling, part three: the plans.  A block tag ({{#each}}, {{#if}},
 * {{else}}, {{/...}}) alone in its paragraph is paired with its partners
 * at one level of the tree (paragraphs, list items or table rows), and
 * the first of them gets the block's plan; a paragraph of text with
 * values and inline {{#if}} has each tag moved into the run where it
 * starts and a text plan on each text node holding tags; a chart tag
 * makes a chart plan.  template_render.c follows these plans.
 */
#include <string.h>

#include "template_int.h"

/* --- block constructs --- */

/* True when N's parent has no element child but N. */
static bool only_child(xmlNodePtr n)
{
	xmlNodePtr s;

	for (s = n->parent->children; s; s = s->next)
		if (s != n && s->type == XML_ELEMENT_NODE)
			return false;
	return true;
}

/* True when N holds no text and no pictures or objects. */
static bool blank(xmlNodePtr n)
{
	xmlNodePtr c;

	for (c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE) {
			const char *t = (const char *)c->content;
			if (t && !all_space(t, t + strlen(t)))
				return false;
		} else if (c->type == XML_ELEMENT_NODE) {
			if (in_ns(c, DRAW_NS) || is(c, TABLE_NS, "table") ||
			    is(c, XHTML_NS, "table") || is(c, XHTML_NS, "img"))
				return false;
			if (!blank(c))
				return false;
		}
	}
	return true;
}

/* Whether every element in ROW but CELL (a table row's other cells) is
 * blank. */
static bool others_blank(xmlNodePtr row, xmlNodePtr cell)
{
	xmlNodePtr c;

	for (c = row->children; c; c = c->next)
		if (c != cell && c->type == XML_ELEMENT_NODE && !blank(c))
			return false;
	return true;
}

/* The nodes that may stand for a marker paragraph P, innermost first:
 * P, the list item it is alone in, the list that item is alone in, the
 * table row whose other cells are empty. */
static int unit_chain(xmlNodePtr p, xmlNodePtr chain[8])
{
	int n = 0;
	xmlNodePtr u = p;

	chain[n++] = u;
	static const char *const html_list[] = {"li", "ul", "ol", "td", "th",
						NULL};

	while (n < 8 && u->parent) {
		xmlNodePtr parent = u->parent;
		/* XHTML: a cell (itself a paragraph) stands for its row as
		 * an ODF cell's paragraph does; a paragraph alone in a list
		 * item or cell, an item alone in its list, for them. */
		if ((is(u, XHTML_NS, "td") || is(u, XHTML_NS, "th")) &&
		    is(parent, XHTML_NS, "tr")) {
			if (!others_blank(parent, u))
				break;
			u = parent;
			chain[n++] = u;
			continue;
		}
		if (is_any(parent, XHTML_NS, html_list) && only_child(u)) {
			u = parent;
			chain[n++] = u;
			continue;
		}
		if ((is(parent, TEXT_NS, "list-item") ||
		     is(parent, TEXT_NS, "list-header") ||
		     is(parent, TEXT_NS, "list")) &&
		    only_child(u)) {
			u = parent;
			chain[n++] = u;
			continue;
		}
		if (is(parent, TABLE_NS, "table-cell") && only_child(u) &&
		    is(parent->parent, TABLE_NS, "table-row")) {
			if (!others_blank(parent->parent, parent))
				break;
			u = parent->parent;
			chain[n++] = u;
			continue;
		}
		break;
	}
	return n;
}

static void make_block(struct cctx *c, struct opened *op, xmlNodePtr close,
		       const char *close_text, const char *quote)
{
	xmlNodePtr oc[8], cc[8], mc[8];
	int no, nc, nm = 0, i, j, k;

	no = unit_chain(op->para, oc);
	nc = unit_chain(close, cc);
	if (op->mid)
		nm = unit_chain(op->mid, mc);
	for (i = 0; i < no; i++)
		for (j = 0; j < nc; j++) {
			if (oc[i]->parent != cc[j]->parent || oc[i] == cc[j])
				continue;
			for (k = 0; k < nm; k++)
				if (mc[k]->parent == oc[i]->parent)
					break;
			if (op->mid && k == nm)
				continue;
			if (oc[i]->_private &&
			    ((struct plan *)oc[i]->_private)->kind != P_ELEM)
				continue; /* cannot happen: one marker each */
			struct block *b = arena_alloc(c->a, sizeof *b);
			b->p.kind = op->tag->kind == T_EACH ? P_EACH : P_IF;
			b->tag = op->tag;
			b->open = oc[i];
			b->mid = op->mid ? mc[k] : NULL;
			b->close = cc[j];
			oc[i]->_private = b;
			return;
		}
	tpl_problem(
	    c, op->tag->text, op->quote,
	    _("it and its %s must stand at the same level: both in "
	      "paragraphs of the same text, table cell or list item, or "
	      "both in rows of the same table (its %s is in the paragraph "
	      "\"%s\")"),
	    close_text, close_text, quote);
}

/* A block tag alone in paragraph P. */
void tpl_marker(struct cctx *c, struct tag *t, xmlNodePtr p, size_t at)
{
	char *quote = tpl_quote_text(c->s.buf, c->s.len, at);
	struct opened *top = c->nopen ? &c->open[c->nopen - 1] : NULL;
	enum tpl_kind kind;
	const char *elem;
	char buf[64];
	bool ok;

	switch (t->kind) {
	case T_EACH:
	case T_IF:
		if (c->nopen == MAX_DEPTH || c->depth == MAX_DEPTH) {
			tpl_problem(c, t->text, quote,
				    _("blocks nested too deeply (at most %d)"),
				    MAX_DEPTH);
			break;
		}
		ok = tpl_resolve(c, t, quote, &kind, &elem, NULL);
		if (t->kind == T_EACH) {
			struct binding *b = &c->scope[c->depth++];
			b->name = arena_strdup(
			    c->a, tpl_singular(t->seg[t->nseg - 1], buf));
			b->type = elem;
			b->any = !ok;
			if (ok && kind != TPL_LIST) {
				tpl_problem(
				    c, t->text, quote,
				    _("'%s' is not a list, so it cannot be "
				      "repeated (use {{#if %s}} to show "
				      "something only when it is set)"),
				    t->path, t->path);
				b->any = true;
			}
			if (ok && kind == TPL_LIST && !elem)
				b->type = NULL;
		}
		c->open[c->nopen].tag = t;
		c->open[c->nopen].para = p;
		c->open[c->nopen].mid = NULL;
		c->open[c->nopen].quote = quote;
		c->nopen++;
		return;
	case T_ELSE:
		if (!top || top->tag->kind != T_IF)
			tpl_problem(
			    c, t->text, quote,
			    _("{{else}} belongs between {{#if ...}} and "
			      "{{/if}}"));
		else if (top->mid)
			tpl_problem(c, t->text, quote,
				    _("a second {{else}} for %s"),
				    top->tag->text);
		else
			top->mid = p;
		break;
	case T_END_EACH:
	case T_END_IF:
		if (!top) {
			tpl_problem(c, t->text, quote,
				    _("there is no open block "
				      "to close here"));
			break;
		}
		if ((t->kind == T_END_EACH) != (top->tag->kind == T_EACH)) {
			tpl_problem(c, t->text, quote,
				    _("%s must be closed first (with %s)"),
				    top->tag->text,
				    top->tag->kind == T_EACH ? "{{/each}}"
							     : "{{/if}}");
			break;
		}
		make_block(c, top, p, t->text, quote);
		if (top->tag->kind == T_EACH)
			c->depth--;
		free(top->quote);
		c->nopen--;
		break;
	default:
		break;
	}
	free(quote);
}

/* --- mixed paragraphs: values and inline {{#if}} --- */

static void drop_node(xmlNodePtr n)
{
	xmlNodePtr parent = n->parent;

	xmlUnlinkNode(n);
	xmlFreeNode(n);
	/* A run left empty by the merge goes too. */
	while (parent && is_inline_container(parent) && !parent->children) {
		xmlNodePtr up = parent->parent;
		xmlUnlinkNode(parent);
		xmlFreeNode(parent);
		parent = up;
	}
}

/* The run holding byte POS of the paragraph's text (runs are in order). */
static size_t find_piece(struct cctx *c, size_t pos)
{
	size_t lo = 0, hi = c->npieces;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->pieces[mid].start <= pos)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Moves the whole text of the tag at [START, END) of the paragraph's text
 * into the run where it starts. */
static void merge(struct cctx *c, size_t start, size_t end)
{
	size_t i = find_piece(c, start), j = find_piece(c, end - 1), k;
	struct piece *pi = &c->pieces[i], *pj = &c->pieces[j];
	struct strbuf sb = {0};
	const char *content;

	if (i == j)
		return;
	content = (const char *)pi->node->content;
	sb_add(&sb, content, start - pi->start);
	sb_add(&sb, c->s.buf + start, end - start);
	xmlNodeSetContent(pi->node, BAD_CAST sb.buf);
	sb_free(&sb);
	for (k = i + 1; k < j; k++)
		drop_node(c->pieces[k].node);
	content = (const char *)pj->node->content;
	if (!content[end - pj->start]) {
		drop_node(pj->node);
	} else {
		char *rest = xstrdup(content + (end - pj->start));
		xmlNodeSetContent(pj->node, BAD_CAST rest);
		free(rest);
	}
}

/* Hangs a text plan on every text node of the paragraph that holds tags;
 * TOKS are the paragraph's tags in order, each now whole in one node. */
static void plan_texts(struct cctx *c, xmlNodePtr parent, struct tok *toks,
		       size_t ntoks, size_t *next)
{
	xmlNodePtr n;

	for (n = parent->children; n; n = n->next) {
		if (is_inline_container(n)) {
			plan_texts(c, n, toks, ntoks, next);
			continue;
		}
		if (n->type != XML_TEXT_NODE || !n->content ||
		    !strstr((const char *)n->content, "{{"))
			continue;
		const char *s = (const char *)n->content, *p, *o, *e;
		struct text_plan *tp = arena_alloc(c->a, sizeof *tp);
		int count = 0;

		/* At most a literal before each tag, the tag, and a last
		 * literal. */
		for (p = s; (o = strstr(p, "{{")) && (e = strstr(o + 2, "}}"));
		     p = e + 2)
			count++;
		tp->p.kind = P_TEXT;
		tp->n = 0;
		tp->segs = arena_alloc(c->a, sizeof *tp->segs *
						 (size_t)(2 * count + 1));
		for (p = s; (o = strstr(p, "{{")) &&
			    (e = strstr(o + 2, "}}")) && *next < ntoks;
		     p = e + 2) {
			if (o > p)
				tp->segs[tp->n++] =
				    (struct seg){p, (size_t)(o - p), NULL};
			tp->segs[tp->n++] =
			    (struct seg){o, 0, toks[(*next)++].tag};
		}
		if (*p)
			tp->segs[tp->n++] = (struct seg){p, strlen(p), NULL};
		n->_private = tp;
	}
}

void tpl_chart_paragraph(struct cctx *c, struct tag *t, xmlNodePtr p)
{
	const char *const *name;
	struct chart_plan *cp;

	for (name = c->o->charts; name && *name; name++)
		if (!strcmp(*name, t->path))
			break;
	if (!name || !*name) {
		struct strbuf names = {0};
		for (name = c->o->charts; name && *name; name++)
			sb_printf(&names, "%s%s", names.len ? ", " : "", *name);
		c->at = 0;
		tpl_problem(c, t->text, NULL,
			    _("unknown chart '%s' (there are: %s)"), t->path,
			    names.buf ? names.buf : "");
		sb_free(&names);
		return;
	}
	cp = arena_alloc(c->a, sizeof *cp);
	cp->p.kind = P_CHART;
	c->charts++;
	cp->tag = t;
	p->_private = cp;
}

void tpl_mixed(struct cctx *c, xmlNodePtr p, struct tok *toks, size_t ntoks)
{
	struct tag *stack[MAX_DEPTH];
	int depth = 0, before = c->problems;
	enum tpl_kind kind;
	const char *elem;
	const char *quote = NULL; /* the current paragraph, around c->at */
	size_t i;

	for (i = 0; i < ntoks; i++) {
		struct tag *t;
		c->at = toks[i].start;
		if (toks[i].bad || !toks[i].parsed)
			tpl_parse_tok(c, &toks[i], quote);
		t = toks[i].tag;
		switch (t ? t->kind : T_VALUE) {
		case T_VALUE:
			if (t)
				tpl_check_value(c, t, quote);
			break;
		case T_IF:
			tpl_resolve(c, t, quote, &kind, &elem, NULL);
			if (depth == MAX_DEPTH)
				tpl_problem(
				    c, t->text, quote,
				    _("blocks nested too deeply (at most "
				      "%d)"),
				    MAX_DEPTH);
			else
				stack[depth++] = t;
			break;
		case T_ELSE:
			if (!depth || stack[depth - 1]->kind == T_ELSE)
				tpl_problem(c, t->text, quote,
					    _("{{else}} in the middle of text "
					      "belongs between {{#if ...}} and "
					      "{{/if}} in the same paragraph"));
			else
				stack[depth - 1] = t;
			break;
		case T_END_IF:
			if (!depth)
				tpl_problem(
				    c, t->text, quote,
				    _("{{/if}} in the middle of text needs "
				      "its {{#if ...}} in the same "
				      "paragraph (or put both in "
				      "paragraphs of their own)"));
			else
				depth--;
			break;
		case T_EACH:
		case T_END_EACH:
			tpl_problem(
			    c, t->text, quote,
			    _("{{#each}} and {{/each}} must stand in "
			      "paragraphs (or table rows) of their own"));
			break;
		case T_CHART:
			tpl_problem(
			    c, t->text, quote,
			    _("a chart must stand alone in its paragraph"));
			break;
		}
	}
	if (depth) {
		c->at = 0;
		while (depth-- > 0) {
			struct tag *t = stack[depth];
			tpl_problem(
			    c, t->text, quote,
			    _("{{#if ...}} in the middle of text needs its "
			      "{{/if}} in the same paragraph (or put both "
			      "in paragraphs of their own)"));
		}
	}
	if (c->problems != before)
		return;
	for (i = ntoks; i-- > 0;)
		merge(c, toks[i].start, toks[i].end);
	i = 0;
	plan_texts(c, p, toks, ntoks, &i);
}
