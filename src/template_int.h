/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Private to the template engine (src/template*.c); the API is template.h.
 *
 * The engine is two passes over a part's libxml2 tree that share what is
 * declared here: compiling finds and checks the tags and hangs a plan on
 * the nodes that need one (node->_private), rendering writes the document
 * from the tree and its plans.  Compiling is three files: template_scan.c
 * reads a paragraph's text across its runs and finds the tags in it,
 * template_parse.c parses a tag and checks its field against the table,
 * template_plan.c pairs block tags and merges inline tags into single
 * runs.  template_render.c is the second pass; template.c drives both.
 * (After mandoc's tbl_int.h and jq's compile.c/execute.c.)
 */
#ifndef STYR_TEMPLATE_INT_H
#define STYR_TEMPLATE_INT_H

#include <stdbool.h>
#include <string.h>

#include <libxml/tree.h>

#include "template.h"
#include "util.h"

#define TEXT_NS "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define TABLE_NS "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define OFFICE_NS "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define STYLE_NS "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define DRAW_NS "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
#define SVG_NS "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#define XLINK_NS "http://www.w3.org/1999/xlink"
/* An XHTML template (the status page): the same language, with HTML's
 * blocks as paragraphs, <tr> as rows and <li> as list items.  The
 * elements' namespace says which, so one engine needs no switch. */
#define XHTML_NS "http://www.w3.org/1999/xhtml"

enum {
	MAX_DEPTH = 32, /* nesting of {{#each}}/{{#if}} */
	/* A template's loops nested in each other could make an output or a
	 * number of steps without end; real handouts of 10,000 items take a
	 * few million steps and tens of megabytes. */
	MAX_STEPS = 50 * 1000 * 1000,
	MAX_OUTPUT = 512 * 1024 * 1024,
	MAX_SEGS = 16,	    /* segments of a field path */
	MAX_REPORTED = 100, /* problems listed; the rest are counted */
	MAX_SPACES = 1000   /* <text:s text:c="N"/> counted for tag finding */
};

enum tag_kind { T_VALUE, T_EACH, T_END_EACH, T_IF, T_ELSE, T_END_IF, T_CHART };

struct tag {
	enum tag_kind kind;
	const char *text; /* as written, "{{item.title}}", for messages */
	const char *path; /* field path or chart name */
	const char *seg[MAX_SEGS];
	int nseg;
	int depth;	 /* the loop variable it starts from; -1: top level */
	int first;	 /* the first segment to follow from there */
	const char *cmp; /* {{#if f == "text"}}: the text, else NULL */
};

enum plan_kind { P_ELEM, P_TEXT, P_EACH, P_IF, P_CHART };

/* What rendering needs to know of an element, found once per template
 * node rather than once per copy. */
enum {
	F_INLINE = 1,	  /* a run: dropped when a branch empties it */
	F_TABLE_PART = 2, /* a table or row group: dropped without rows */
	F_ROW = 4,	  /* a table row */
	F_SKIP = 8,	  /* never written (stale layout hints) */
};

struct plan {
	enum plan_kind kind;
	unsigned flags; /* P_ELEM */
};

/* A text node holding tags: literal pieces and tags, in order. */
struct seg {
	const char *lit;
	size_t len;
	struct tag *tag; /* NULL: literal */
};

struct text_plan {
	struct plan p;
	int n;
	struct seg *segs;
};

/* A block construct: OPEN, MID ({{else}}) and CLOSE are sibling units
 * (paragraphs, list items or table rows) holding the markers. */
struct block {
	struct plan p;
	struct tag *tag;
	xmlNodePtr open, mid, close;
};

struct chart_plan {
	struct plan p;
	struct tag *tag;
};

/* --- compiling: the state the three compile files share --- */

/* A run of the paragraph's text: a text node, or an element standing for
 * white space (text:s, text:tab, text:line-break). */
struct piece {
	xmlNodePtr node;
	size_t start, len;
};

/* A tag's place in the paragraph's text.  BAD: a '}}' with no '{{'
 * (1) or a '{{' not closed (2); else TAG is the parsed tag, NULL when
 * malformed, once PARSED. */
struct tok {
	size_t start, end;
	int bad;
	bool parsed;
	struct tag *tag;
};

struct binding {
	const char *name; /* loop variable: "item" */
	const char *type; /* its type, also usable as a name; NULL: plain */
	bool any;	  /* the list was unknown: accept anything below */
};

struct opened {
	struct tag *tag;
	xmlNodePtr para, mid;
	char *quote;
};

struct cctx {
	const struct tpl_opts *o;
	struct arena *a;
	int problems;
	int charts; /* chart paragraphs found */
	struct binding scope[MAX_DEPTH];
	int depth;
	struct opened open[MAX_DEPTH];
	int nopen;
	/* The current paragraph, and where in it the tag at hand is. */
	struct strbuf s;
	size_t at;
	struct piece *pieces;
	size_t npieces, cap;
};

/* --- small helpers on nodes and on text, for the compile files --- */

static inline bool in_ns(xmlNodePtr n, const char *ns)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns &&
	       !strcmp((const char *)n->ns->href, ns);
}

static inline bool is(xmlNodePtr n, const char *ns, const char *name)
{
	return in_ns(n, ns) && !strcmp((const char *)n->name, name);
}

/* An element of NS named one of NAMES (NULL-terminated). */
static inline bool is_any(xmlNodePtr n, const char *ns,
			  const char *const *names)
{
	int i;

	if (!in_ns(n, ns))
		return false;
	for (i = 0; names[i]; i++)
		if (!strcmp((const char *)n->name, names[i]))
			return true;
	return false;
}

/* Elements inside a paragraph whose text is the paragraph's own text:
 * runs, links and metadata wrappers.  Fields, notes, frames and comments
 * hold other text and are left alone. */
static inline bool is_inline_container(xmlNodePtr n)
{
	static const char *const names[] = {
	    "span", "a", "meta", "meta-field", "ruby", "ruby-base", NULL};
	static const char *const html[] = {
	    "span", "a",    "strong", "em",   "b",    "i",    "small",
	    "abbr", "time", "mark",   "code", "cite", "q",    "data",
	    "dfn",  "kbd",  "s",      "sub",  "sup",  "u",    NULL};

	return is_any(n, TEXT_NS, names) || is_any(n, XHTML_NS, html);
}

/* Length of the white space character at S (ASCII, no-break and thin
 * spaces LibreOffice may put in), 0 if none. */
static inline size_t space_len(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (*u == ' ' || *u == '\t' || *u == '\n' || *u == '\r')
		return 1;
	if (u[0] == 0xc2 && u[1] == 0xa0)
		return 2;
	if (u[0] == 0xe2 && u[1] == 0x80 &&
	    (u[2] == 0x87 || u[2] == 0x8b || u[2] == 0xaf))
		return 3;
	return 0;
}

static inline const char *skip_space(const char *s, const char *end)
{
	size_t n;

	while (s < end && (n = space_len(s)))
		s += n;
	return s;
}

static inline bool all_space(const char *s, const char *end)
{
	return skip_space(s, end) >= end;
}

/* template.c */

/* Hands one problem to o->report, or prints it with error(). */
void tpl_report(const struct tpl_opts *o, const char *msg);

/* template_scan.c: the compile pass over the whole tree */

/* Classifies every element below ROOT and compiles every paragraph; the
 * problems are counted in c->problems, block tags still open when the
 * part ends are left in c->open. */
void tpl_compile(struct cctx *c, xmlNodePtr root);
/* The paragraph's text for a message: white space collapsed, cut to about
 * 60 characters around byte offset AT.  Free it. */
char *tpl_quote_text(const char *s, size_t len, size_t at);
/* Reports a problem with TAG (as written) in the paragraph QUOTE, or when
 * QUOTE is NULL in the current paragraph around c->at (quoted only then:
 * a long paragraph full of good tags costs nothing). */
void tpl_problem(struct cctx *c, const char *tag, const char *quote,
		 const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* template_parse.c: one tag, and its field against the table */

/* Parses token T of the current paragraph (reporting what is wrong with
 * it); returns its tag or NULL. */
struct tag *tpl_parse_tok(struct cctx *c, struct tok *t, const char *quote);
/* Resolves T's path in the static scope; KIND and ELEM say what it is.
 * Returns false (after reporting) when the field does not exist. */
bool tpl_resolve(struct cctx *c, struct tag *t, const char *quote,
		 enum tpl_kind *kind, const char **elem,
		 const struct tpl_field **field);
/* Checks a field printed as a value. */
void tpl_check_value(struct cctx *c, struct tag *t, const char *quote);

/* template_plan.c: plans for the paragraphs that hold tags */

/* A block tag alone in paragraph P, at byte AT of its text. */
void tpl_marker(struct cctx *c, struct tag *t, xmlNodePtr p, size_t at);
/* A chart tag alone in paragraph P. */
void tpl_chart_paragraph(struct cctx *c, struct tag *t, xmlNodePtr p);
/* Paragraph P with values and inline {{#if}}: TOKS are its tags. */
void tpl_mixed(struct cctx *c, xmlNodePtr p, struct tok *toks, size_t ntoks);

/* template_render.c */

/* Writes the compiled DOC with O->data to OUT; CHARTS: whether it has
 * chart paragraphs (their namespaces are declared then).  Returns -1
 * when a chart failed or the output would be too big (reported), else 0. */
int tpl_emit(xmlDocPtr doc, const struct tpl_opts *o, bool charts,
	     struct strbuf *out);

#endif
