// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The handout template engine; see template.h.
 *
 * Two passes over a part.  Compiling (classify(), then compile_walk())
 * notes what each element is, drops the white space that only lays out the
 * template's XML, and visits every paragraph in document order: it
 * gathers the paragraph's text across its runs, parses the tags,
 * checks every field against the static field table (with the loop
 * variables in scope at that point), merges each tag into the run where it
 * starts, and hangs a plan on the nodes that need one (node->_private):
 * the text nodes holding tags, the first node ("unit") of each block
 * construct and chart paragraphs.  Rendering then walks the template's
 * tree once, repeating and dropping sibling ranges as the plans say, and
 * writes the document as it goes.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "template.h"
#include "util.h"

#define TEXT_NS "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define TABLE_NS "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define OFFICE_NS "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define STYLE_NS "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define DRAW_NS "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
#define SVG_NS "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#define XLINK_NS "http://www.w3.org/1999/xlink"

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

/* --- small helpers --- */

static bool in_ns(xmlNodePtr n, const char *ns)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns &&
	       !strcmp((const char *)n->ns->href, ns);
}

static bool is(xmlNodePtr n, const char *ns, const char *name)
{
	return in_ns(n, ns) && !strcmp((const char *)n->name, name);
}

static bool is_paragraph(xmlNodePtr n)
{
	return is(n, TEXT_NS, "p") || is(n, TEXT_NS, "h");
}

/* Elements inside a paragraph whose text is the paragraph's own text:
 * runs, links and metadata wrappers.  Fields, notes, frames and comments
 * hold other text and are left alone. */
static bool is_inline_container(xmlNodePtr n)
{
	static const char *const names[] = {
	    "span", "a", "meta", "meta-field", "ruby", "ruby-base", NULL};
	int i;

	if (!in_ns(n, TEXT_NS))
		return false;
	for (i = 0; names[i]; i++)
		if (!strcmp((const char *)n->name, names[i]))
			return true;
	return false;
}

/* Elements whose content is elements only: white space between their
 * children is layout of the template's XML, not text, and goes. */
static bool element_only(xmlNodePtr n)
{
	static const char *const text_names[] = {
	    "list",	      "list-item",	  "list-header",
	    "section",	      "note-body",	  "sequence-decls",
	    "variable-decls", "user-field-decls", NULL};
	int i;

	if (!n || n->type != XML_ELEMENT_NODE || !n->ns)
		return false;
	if (in_ns(n, OFFICE_NS) || in_ns(n, TABLE_NS) || in_ns(n, STYLE_NS) ||
	    in_ns(n, DRAW_NS))
		return true;
	if (!in_ns(n, TEXT_NS))
		return false;
	for (i = 0; text_names[i]; i++)
		if (!strcmp((const char *)n->name, text_names[i]))
			return true;
	return false;
}

/* Length of the white space character at S (ASCII, no-break and thin
 * spaces LibreOffice may put in), 0 if none. */
static size_t space_len(const char *s)
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

static const char *skip_space(const char *s, const char *end)
{
	size_t n;

	while (s < end && (n = space_len(s)))
		s += n;
	return s;
}

static bool all_space(const char *s, const char *end)
{
	return skip_space(s, end) >= end;
}

/* Trims white space at the end of [S, END). */
static const char *trim_end(const char *s, const char *end)
{
	for (;;) {
		const char *p = s, *last = NULL;
		size_t n;
		/* Find the last character start before END that is a space
		 * and runs to END. */
		while (p < end) {
			n = space_len(p);
			if (n && p + n == end)
				last = p;
			p += n ? n : 1;
		}
		if (!last)
			return end;
		end = last;
	}
}

/* --- numbers --- */

void tpl_number(char out[64], double v, const char *lang)
{
	char plain[48];
	long long cents;
	int frac;

	out[0] = '\0';
	if (!isfinite(v))
		return;
	if (fabs(v) >= 1e15) {
		snprintf(out, 64, "%.0f", v);
		return;
	}
	cents = llround(fabs(v) * 100);
	frac = (int)(cents % 100);
	/* At most two decimals, none for whole numbers: "12345.5". */
	snprintf(plain, sizeof plain, "%s%lld", v < 0 && cents ? "-" : "",
		 cents / 100);
	if (frac % 10)
		snprintf(plain + strlen(plain), sizeof plain - strlen(plain),
			 ".%02d", frac);
	else if (frac)
		snprintf(plain + strlen(plain), sizeof plain - strlen(plain),
			 ".%d", frac / 10);
	number_for_people(out, 64, plain, lang);
}

const char *tpl_singular(const char *list, char buf[64])
{
	static const char *const words[][2] = {{"items", "item"},
					       {"areas", "area"},
					       {"phases", "phase"},
					       {"milestones", "milestone"},
					       {"meetings", "meeting"},
					       {"people", "person"},
					       {"notes", "note"},
					       {"quotes", "quote"},
					       {"decisions", "decision"},
					       {"selected", "item"},
					       {"proposed", "item"},
					       {"unassigned", "item"},
					       {"next_milestones", "milestone"},
					       {"entries", "entry"},
					       {"attendees", "attendee"},
					       {NULL, NULL}};
	size_t n = strlen(list);
	int i;

	for (i = 0; words[i][0]; i++)
		if (!strcmp(words[i][0], list))
			return words[i][1];
	if (n >= 64)
		return list;
	memcpy(buf, list, n + 1);
	if (n > 3 && !strcmp(buf + n - 3, "ies"))
		strcpy(buf + n - 3, "y");
	else if (n > 1 && buf[n - 1] == 's')
		buf[n - 1] = '\0';
	return buf;
}

/* ===================================================================== */
/* Compiling: finding, checking and merging tags                         */
/* ===================================================================== */

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

struct mark {
	const char *at; /* NULL: no more */
	bool searched;
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

static void report(const struct tpl_opts *o, const char *msg)
{
	if (o->report)
		o->report(o->report_arg, msg);
	else
		error("%s", msg);
}

/* The paragraph's text for a message: white space collapsed, cut to about
 * 60 characters around byte offset AT. */
static char *quote_text(const char *s, size_t len, size_t at)
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

/* Reports a problem with TAG (as written) in the paragraph QUOTE, or when
 * QUOTE is NULL in the current paragraph around c->at (quoted only then:
 * a long paragraph full of good tags costs nothing). */
static void problem(struct cctx *c, const char *tag, const char *quote,
		    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void problem(struct cctx *c, const char *tag, const char *quote,
		    const char *fmt, ...)
{
	struct strbuf sb = {0};
	va_list ap;
	char *what, *own;

	/* A template can be all mistakes: the first ones tell enough. */
	if (++c->problems > MAX_REPORTED)
		return;
	own = quote ? NULL : quote_text(c->s.buf, c->s.len, c->at);

	va_start(ap, fmt);
	if (vasprintf(&what, fmt, ap) < 0)
		die(_("out of memory"));
	va_end(ap);
	sb_printf(&sb, "%s: %s: %s", c->o->name, tag, what);
	sb_printf(&sb, _(", in the paragraph \"%s\""), quote ? quote : own);
	free(own);
	if (c->o->where)
		sb_printf(&sb, " (%s)", c->o->where);
	report(c->o, sb.buf);
	sb_free(&sb);
	free(what);
}

/* Appends LEN bytes of TEXT (NULL: LEN spaces) as a run of NODE. */
static void add_piece(struct cctx *c, xmlNodePtr node, const char *text,
		      size_t len)
{
	size_t i;

	if (c->npieces == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 32;
		c->pieces = xrealloc(c->pieces, c->cap * sizeof *c->pieces);
	}
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

/* --- parsing a tag --- */

static bool path_char(char ch, bool first)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	       ch == '_' || (!first && ((ch >= '0' && ch <= '9') || ch == '-'));
}

/* Splits a dotted path into T->seg; false when it is not one. */
static bool parse_path(struct cctx *c, struct tag *t, const char *s,
		       const char *end)
{
	const char *p = s;

	t->path = arena_strdup(c->a, "");
	t->nseg = 0;
	if (p >= end)
		return false;
	{
		size_t len = (size_t)(end - s);
		char *path = arena_alloc(c->a, len + 1);
		memcpy(path, s, len);
		path[len] = '\0';
		t->path = path;
	}
	while (p < end) {
		const char *q = p;
		while (q < end && path_char(*q, q == p))
			q++;
		if (q == p || t->nseg == MAX_SEGS)
			return false;
		char *seg = arena_alloc(c->a, (size_t)(q - p) + 1);
		memcpy(seg, p, (size_t)(q - p));
		seg[q - p] = '\0';
		t->seg[t->nseg++] = seg;
		if (q == end)
			break;
		if (*q != '.' || q + 1 == end)
			return false;
		p = q + 1;
	}
	return true;
}

/* Length of a quotation mark at S (straight or typographic, as
 * LibreOffice's autocorrect makes them), 0 if none. */
static size_t quote_len(const char *s)
{
	static const char *const marks[] = {"\"", "'", "“", "”", "„",
					    "‘",  "’", "«", "»", NULL};
	int i;

	for (i = 0; marks[i]; i++)
		if (!strncmp(s, marks[i], strlen(marks[i])))
			return strlen(marks[i]);
	return 0;
}

/* Parses the inside of {{...}} (between S and END) into a tag; reports and
 * returns NULL when it is malformed. */
static struct tag *parse_tag(struct cctx *c, const char *s, const char *end,
			     const char *text, const char *quote)
{
	struct tag *t = arena_alloc(c->a, sizeof *t);
	const char *p, *word;
	size_t n;

	memset(t, 0, sizeof *t);
	t->text = text;
	t->depth = -1;
	s = skip_space(s, end);
	end = trim_end(s, end);
	if (s == end) {
		problem(c, text, quote, _("empty tag"));
		return NULL;
	}
	if (*s == '#' || *s == '/') {
		word = s + 1;
		for (p = word; p < end && !space_len(p); p++)
			;
		n = (size_t)(p - word);
		p = skip_space(p, end);
		if (*s == '/') {
			if (n == 4 && !strncmp(word, "each", 4) && p == end)
				t->kind = T_END_EACH;
			else if (n == 2 && !strncmp(word, "if", 2) && p == end)
				t->kind = T_END_IF;
			else {
				problem(c, text, quote,
					_("unknown closing tag (use {{/each}} "
					  "or {{/if}})"));
				return NULL;
			}
			return t;
		}
		if (n == 4 && !strncmp(word, "each", 4)) {
			t->kind = T_EACH;
			if (p == end) {
				problem(c, text, quote,
					_("{{#each}} needs a list, e.g. "
					  "{{#each items}}"));
				return NULL;
			}
			if (!parse_path(c, t, p, end)) {
				problem(
				    c, text, quote,
				    _("'%.*s' is not a field name (letters, "
				      "digits, '_' and '-', parts joined "
				      "by '.')"),
				    (int)(end - p), p);
				return NULL;
			}
			return t;
		}
		if (n == 2 && !strncmp(word, "if", 2)) {
			const char *q, *eq;
			t->kind = T_IF;
			if (p == end) {
				problem(c, text, quote,
					_("{{#if}} needs a field, e.g. "
					  "{{#if item.burden}}"));
				return NULL;
			}
			for (q = p; q < end && !space_len(q) && *q != '='; q++)
				;
			if (!parse_path(c, t, p, q)) {
				problem(
				    c, text, quote,
				    _("'%.*s' is not a field name (letters, "
				      "digits, '_' and '-', parts joined "
				      "by '.')"),
				    (int)(q - p), p);
				return NULL;
			}
			eq = skip_space(q, end);
			if (eq == end)
				return t;
			size_t ql;
			const char *v, *ve;
			if (end - eq < 2 || strncmp(eq, "==", 2) ||
			    !(ql = quote_len(v = skip_space(eq + 2, end)))) {
				problem(c, text, quote,
					_("a condition is a field, or a field "
					  "== \"text\""));
				return NULL;
			}
			v += ql;
			for (ve = v; ve < end && !quote_len(ve); ve++)
				;
			if (ve == end || ve + quote_len(ve) != end) {
				problem(c, text, quote,
					_("a condition is a field, or a field "
					  "== \"text\""));
				return NULL;
			}
			char *cmp = arena_alloc(c->a, (size_t)(ve - v) + 1);
			memcpy(cmp, v, (size_t)(ve - v));
			cmp[ve - v] = '\0';
			t->cmp = cmp;
			return t;
		}
		problem(c, text, quote,
			_("unknown block tag (use {{#each LIST}} or {{#if "
			  "FIELD}})"));
		return NULL;
	}
	if (end - s == 4 && !strncmp(s, "else", 4)) {
		t->kind = T_ELSE;
		return t;
	}
	if (end - s >= 5 && !strncmp(s, "chart", 5) &&
	    (s + 5 == end || space_len(s + 5))) {
		t->kind = T_CHART;
		p = skip_space(s + 5, end);
		if (p == end) {
			problem(
			    c, text, quote,
			    _("{{chart}} needs a name, e.g. {{chart votes}}"));
			return NULL;
		}
		parse_path(c, t, p, end);
		return t;
	}
	t->kind = T_VALUE;
	if (!parse_path(c, t, s, end)) {
		problem(c, text, quote,
			_("'%.*s' is not a field name (letters, digits, '_' "
			  "and '-', parts joined by '.')"),
			(int)(end - s), s);
		return NULL;
	}
	return t;
}

/* --- checking fields against the table --- */

static const struct tpl_field *find_field(const struct tpl_field *f,
					  const char *scope, const char *path)
{
	for (; f->path; f++)
		if (!strcmp(f->scope, scope) && !strcmp(f->path, path))
			return f;
	return NULL;
}

static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t row[130], prev, tmp;

	if (la > 128 || lb > 128)
		return 999;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			tmp = row[j];
			size_t best = prev + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = tmp;
		}
	}
	return row[lb];
}

/* The closest field name in scope to PATH, for "did you mean"; NULL when
 * nothing is close. */
static char *suggest(struct cctx *c, const char *path)
{
	const struct tpl_field *f;
	size_t best = strlen(path) / 3 + 1, d;
	char *found = NULL, *cand;
	int i;

	if (best > 3)
		best = 3;
	for (f = c->o->fields; f->path; f++) {
		for (i = -1; i < c->depth; i++) {
			if (i < 0 && *f->scope)
				continue;
			if (i >= 0 && (!c->scope[i].type ||
				       strcmp(c->scope[i].type, f->scope)))
				continue;
			cand = i < 0 ? xstrdup(f->path)
				     : xasprintf("%s.%s", c->scope[i].name,
						 f->path);
			d = edit_distance(path, cand);
			if (d > 0 && (d < best || (d == best && !found))) {
				free(found);
				found = cand;
				best = d;
			} else {
				free(cand);
			}
		}
	}
	return found;
}

/* Resolves T's path in the static scope; KIND and ELEM say what it is.
 * Returns false (after reporting) when the field does not exist. */
static bool resolve(struct cctx *c, struct tag *t, const char *quote,
		    enum tpl_kind *kind, const char **elem,
		    const struct tpl_field **field)
{
	const struct tpl_field *f;
	const char *scope = "";
	struct strbuf rest = {0};
	int i, d;

	t->depth = -1;
	t->first = 0;
	/* Callers use these even when the field is unknown. */
	*kind = TPL_VALUE;
	*elem = NULL;
	if (field)
		*field = NULL;
	for (d = c->depth - 1; d >= 0; d--)
		if (!strcmp(c->scope[d].name, t->seg[0]) ||
		    (c->scope[d].type && !strcmp(c->scope[d].type, t->seg[0])))
			break;
	if (d >= 0) {
		t->depth = d;
		t->first = 1;
		if (c->scope[d].any) {
			*kind = TPL_VALUE;
			*elem = NULL;
			return true;
		}
		if (t->nseg == 1) {
			*kind = c->scope[d].type ? TPL_GROUP : TPL_VALUE;
			*elem = c->scope[d].type;
			return true;
		}
		scope = c->scope[d].type ? c->scope[d].type : "\001";
	}
	for (i = t->first; i < t->nseg; i++) {
		if (i > t->first)
			sb_add(&rest, ".", 1);
		sb_puts(&rest, t->seg[i]);
	}
	f = find_field(c->o->fields, scope, rest.buf ? rest.buf : "");
	sb_free(&rest);
	if (f) {
		*kind = f->kind;
		*elem = f->elem;
		if (field)
			*field = f;
		return true;
	}
	if (t->depth < 0) {
		/* A loop variable used outside its loop? */
		char buf[64];
		for (f = c->o->fields; f->path; f++) {
			const char *last = strrchr(f->path, '.');
			if (f->kind != TPL_LIST ||
			    (strcmp(
				 tpl_singular(last ? last + 1 : f->path, buf),
				 t->seg[0]) &&
			     (!f->elem || strcmp(f->elem, t->seg[0]))))
				continue;
			problem(c, t->text, quote,
				_("unknown field '%s': '%s' is only known "
				  "inside a loop such as {{#each %s%s%s}}"),
				t->path, t->seg[0], f->scope,
				*f->scope ? "." : "", f->path);
			return false;
		}
	}
	char *hint = suggest(c, t->path);
	if (hint)
		problem(c, t->text, quote,
			_("unknown field '%s' (did you mean '%s'?)"), t->path,
			hint);
	else
		problem(c, t->text, quote,
			_("unknown field '%s' (see 'styr templates --fields')"),
			t->path);
	free(hint);
	return false;
}

/* Checks a field printed as a value. */
static void check_value(struct cctx *c, struct tag *t, const char *quote)
{
	const struct tpl_field *field, *f;
	const char *elem, *scope, *below;
	enum tpl_kind kind;
	size_t n;

	if (!resolve(c, t, quote, &kind, &elem, &field))
		return;
	if (kind == TPL_LIST) {
		problem(c, t->text, quote,
			_("'%s' is a list: repeat it with {{#each %s}} ... "
			  "{{/each}}"),
			t->path, t->path);
		return;
	}
	if (kind != TPL_GROUP)
		return;
	/* Name the group's first value as an example. */
	scope = field ? field->scope : elem ? elem : "";
	below = field ? field->path : "";
	n = strlen(below);
	for (f = c->o->fields; f->path; f++)
		if (f->kind == TPL_VALUE && !strcmp(f->scope, scope) &&
		    (!n || (!strncmp(f->path, below, n) && f->path[n] == '.')))
			break;
	problem(
	    c, t->text, quote,
	    _("'%s' is a group of fields; name one of them, e.g. {{%s.%s}}"),
	    t->path, t->path, f->path ? f->path + (n ? n + 1 : 0) : "...");
}

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
			if (in_ns(c, DRAW_NS) || is(c, TABLE_NS, "table"))
				return false;
			if (!blank(c))
				return false;
		}
	}
	return true;
}

/* The nodes that may stand for a marker paragraph P, innermost first:
 * P, the list item it is alone in, the list that item is alone in, the
 * table row whose other cells are empty. */
static int unit_chain(xmlNodePtr p, xmlNodePtr chain[8])
{
	int n = 0;
	xmlNodePtr u = p, row, cell;

	chain[n++] = u;
	while (n < 8 && u->parent) {
		xmlNodePtr parent = u->parent;
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
			row = parent->parent;
			for (cell = row->children; cell; cell = cell->next)
				if (cell != parent &&
				    cell->type == XML_ELEMENT_NODE &&
				    !blank(cell))
					break;
			if (cell)
				break;
			u = row;
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
	problem(c, op->tag->text, op->quote,
		_("it and its %s must stand at the same level: both in "
		  "paragraphs of the same text, table cell or list item, or "
		  "both in rows of the same table (its %s is in the paragraph "
		  "\"%s\")"),
		close_text, close_text, quote);
}

/* A block tag alone in paragraph P. */
static void marker(struct cctx *c, struct tag *t, xmlNodePtr p, size_t at)
{
	char *quote = quote_text(c->s.buf, c->s.len, at);
	struct opened *top = c->nopen ? &c->open[c->nopen - 1] : NULL;
	enum tpl_kind kind;
	const char *elem;
	char buf[64];
	bool ok;

	switch (t->kind) {
	case T_EACH:
	case T_IF:
		if (c->nopen == MAX_DEPTH || c->depth == MAX_DEPTH) {
			problem(c, t->text, quote,
				_("blocks nested too deeply (at most %d)"),
				MAX_DEPTH);
			break;
		}
		ok = resolve(c, t, quote, &kind, &elem, NULL);
		if (t->kind == T_EACH) {
			struct binding *b = &c->scope[c->depth++];
			b->name = arena_strdup(
			    c->a, tpl_singular(t->seg[t->nseg - 1], buf));
			b->type = elem;
			b->any = !ok;
			if (ok && kind != TPL_LIST) {
				problem(c, t->text, quote,
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
			problem(c, t->text, quote,
				_("{{else}} belongs between {{#if ...}} and "
				  "{{/if}}"));
		else if (top->mid)
			problem(c, t->text, quote,
				_("a second {{else}} for %s"), top->tag->text);
		else
			top->mid = p;
		break;
	case T_END_EACH:
	case T_END_IF:
		if (!top) {
			problem(c, t->text, quote,
				_("there is no open block "
				  "to close here"));
			break;
		}
		if ((t->kind == T_END_EACH) != (top->tag->kind == T_EACH)) {
			problem(c, t->text, quote,
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

/* Parses token T of the current paragraph (reporting what is wrong with
 * it); returns its tag or NULL. */
static struct tag *parse_tok(struct cctx *c, struct tok *t, const char *quote)
{
	const char *s = c->s.buf + t->start;
	size_t len = t->end - t->start;

	if (t->parsed)
		return t->tag;
	t->parsed = true;
	if (t->bad == 1) {
		problem(c, "}}", quote, _("'}}' without '{{' before it"));
		return NULL;
	}
	if (t->bad == 2) {
		if (len > 40) {
			len = 40;
			while (len && ((unsigned char)s[len] & 0xc0) == 0x80)
				len--;
		}
		char *text = xasprintf("%.*s", (int)len, s);
		problem(c, text, quote,
			_("'{{' is not closed with '}}' in this paragraph"));
		free(text);
		return NULL;
	}
	char *text = arena_alloc(c->a, len + 1);
	memcpy(text, s, len);
	text[len] = '\0';
	t->tag = parse_tag(c, s + 2, s + len - 2, text, quote);
	return t->tag;
}

static void chart_paragraph(struct cctx *c, struct tag *t, xmlNodePtr p)
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
		problem(c, t->text, NULL,
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

static void mixed(struct cctx *c, xmlNodePtr p, struct tok *toks, size_t ntoks)
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
			parse_tok(c, &toks[i], quote);
		t = toks[i].tag;
		switch (t ? t->kind : T_VALUE) {
		case T_VALUE:
			if (t)
				check_value(c, t, quote);
			break;
		case T_IF:
			resolve(c, t, quote, &kind, &elem, NULL);
			if (depth == MAX_DEPTH)
				problem(c, t->text, quote,
					_("blocks nested too deeply (at most "
					  "%d)"),
					MAX_DEPTH);
			else
				stack[depth++] = t;
			break;
		case T_ELSE:
			if (!depth || stack[depth - 1]->kind == T_ELSE)
				problem(c, t->text, quote,
					_("{{else}} in the middle of text "
					  "belongs between {{#if ...}} and "
					  "{{/if}} in the same paragraph"));
			else
				stack[depth - 1] = t;
			break;
		case T_END_IF:
			if (!depth)
				problem(c, t->text, quote,
					_("{{/if}} in the middle of text needs "
					  "its {{#if ...}} in the same "
					  "paragraph (or put both in "
					  "paragraphs of their own)"));
			else
				depth--;
			break;
		case T_EACH:
		case T_END_EACH:
			problem(c, t->text, quote,
				_("{{#each}} and {{/each}} must stand in "
				  "paragraphs (or table rows) of their own"));
			break;
		case T_CHART:
			problem(c, t->text, quote,
				_("a chart must stand alone in its paragraph"));
			break;
		}
	}
	if (depth) {
		c->at = 0;
		while (depth-- > 0) {
			struct tag *t = stack[depth];
			problem(c, t->text, quote,
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

/* Finds, parses and checks the tags of paragraph P.  Returns true when P
 * is consumed whole (a block marker or a chart), so that what is nested in
 * it is not looked at. */
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
		if (ntoks == cap) {
			cap = cap ? cap * 2 : 8;
			toks = xrealloc(toks, cap * sizeof *toks);
		}
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
		struct tag *tag = parse_tok(c, &toks[0], NULL);
		if (tag && tag->kind != T_VALUE) {
			whole = true;
			if (tag->kind == T_CHART)
				chart_paragraph(c, tag, p);
			else
				marker(c, tag, p, toks[0].start);
		} else {
			mixed(c, p, toks, ntoks);
		}
	} else if (ntoks) {
		mixed(c, p, toks, ntoks);
	}
	free(toks);
	return whole;
}

static bool table_part(xmlNodePtr n)
{
	return is(n, TABLE_NS, "table") || is(n, TABLE_NS, "table-rows") ||
	       is(n, TABLE_NS, "table-header-rows") ||
	       is(n, TABLE_NS, "table-row-group");
}

static void classify_one(struct cctx *c, xmlNodePtr n)
{
	struct plan *p = arena_alloc(c->a, sizeof *p);

	p->kind = P_ELEM;
	p->flags = (is_inline_container(n) ? F_INLINE : 0) |
		   (table_part(n) ? F_TABLE_PART : 0) |
		   (is(n, TABLE_NS, "table-row") ? F_ROW : 0) |
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

/* ===================================================================== */
/* Rendering                                                             */
/* ===================================================================== */

/*
 * The output is written as it is made, straight from the template's nodes
 * into one buffer: a handout of 10,000 items is tens of megabytes of XML,
 * and a tree of it would cost ten times that in memory and most of the
 * time.  Every byte of text and every attribute value goes through
 * put_escaped(); names and namespace prefixes come from the parsed
 * template, so they are well-formed already.
 */

struct rctx {
	const struct tpl_opts *o;
	xmlDocPtr doc;
	struct strbuf *out;
	xmlNsPtr text_ns, draw_ns, svg_ns, xlink_ns;
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
	if (c->out->len == body) {
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
	bool en = c->o->lang && !strcmp(c->o->lang, "en");
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
			 v->u.b ? (en ? "yes" : "ja") : (en ? "no" : "nej"));
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
	body = c->out->len;
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
	start = c->out->len;
	rows = c->rows;
	start_tag(c, n);
	body = c->out->len;
	emit_range(c, n->children, NULL);
	if (((flags & F_INLINE) && c->out->len == body && n->children) ||
	    ((flags & F_TABLE_PART) && c->rows == rows)) {
		/* A run whose text all went with a branch not taken, or a
		 * table whose rows were all in loops over nothing (a table
		 * needs rows): left out. */
		c->out->len = start;
		c->out->buf[start] = '\0';
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
	if (++c->steps < MAX_STEPS && c->out->len < MAX_OUTPUT)
		return false;
	snprintf(msg, sizeof msg,
		 _("%s: the handout would be too large (more than %d MB or "
		   "%d million steps); is a loop repeated inside itself?"),
		 c->o->name, MAX_OUTPUT / (1024 * 1024), MAX_STEPS / 1000000);
	report(c->o, msg);
	c->stop = true;
	c->failed = 1;
	return true;
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

/* ===================================================================== */

/* The plans live in an arena freed at the end: no pointer to it stays. */
static void clear_plans(xmlNodePtr n)
{
	for (; n; n = n->next) {
		n->_private = NULL;
		if (n->type == XML_ELEMENT_NODE)
			clear_plans(n->children);
	}
}

int tpl_render(xmlDocPtr doc, const struct tpl_opts *o, struct strbuf *out)
{
	struct cctx c = {0};
	xmlNodePtr root = xmlDocGetRootElement(doc);
	int i;

	if (!root)
		return 0;
	c.o = o;
	c.a = arena_new();
	classify_one(&c, root);
	classify(&c, root);
	compile_walk(&c, root);
	for (i = c.nopen; i-- > 0;) {
		problem(&c, c.open[i].tag->text, c.open[i].quote,
			c.open[i].tag->kind == T_EACH
			    ? _("it is never closed with {{/each}}")
			    : _("it is never closed with {{/if}}"));
		free(c.open[i].quote);
	}
	if (c.problems > MAX_REPORTED) {
		char *msg = xasprintf(_("%s: %d more problems not shown"),
				      o->name, c.problems - MAX_REPORTED);
		report(o, msg);
		free(msg);
	}
	free(c.pieces);
	sb_free(&c.s);
	if (!c.problems && o->data && out) {
		struct rctx r = {0};
		r.o = o;
		r.doc = doc;
		r.out = out;
		/* Declared on the root before it is written. */
		r.text_ns = ns_for(doc, TEXT_NS, "text");
		if (c.charts) {
			r.draw_ns = ns_for(doc, DRAW_NS, "draw");
			r.svg_ns = ns_for(doc, SVG_NS, "svg");
			r.xlink_ns = ns_for(doc, XLINK_NS, "xlink");
		}
		puts_(&r, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		emit_node(&r, root);
		puts_(&r, "\n");
		if (r.failed)
			c.problems++;
	}
	clear_plans(root);
	arena_free(c.a);
	return c.problems;
}
