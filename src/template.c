// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The handout template engine; see template.h.
 *
 * Two passes over a part.  compile() visits every paragraph in document
 * order: it gathers the paragraph's text across its runs, parses the tags,
 * checks every field against the static field table (with the loop
 * variables in scope at that point), merges each tag into the run where it
 * starts, and hangs a plan on the nodes that need one (node->_private):
 * the text nodes holding tags, the first node ("unit") of each block
 * construct and chart paragraphs.  render() then builds the new content of
 * the root element from the template's nodes, repeating and dropping
 * sibling ranges as the plans say, so every output node is made once and
 * appended in O(1).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "template.h"
#include "util.h"

#define TEXT_NS "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define TABLE_NS "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define DRAW_NS "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
#define SVG_NS "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#define XLINK_NS "http://www.w3.org/1999/xlink"

enum {
	MAX_DEPTH = 32,   /* nesting of {{#each}}/{{#if}} */
	MAX_SEGS = 16,    /* segments of a field path */
	MAX_SPACES = 1000 /* <text:s text:c="N"/> counted for tag finding */
};

enum tag_kind { T_VALUE, T_EACH, T_END_EACH, T_IF, T_ELSE, T_END_IF, T_CHART };

struct tag {
	enum tag_kind kind;
	const char *text; /* as written, "{{item.title}}", for messages */
	const char *path; /* field path or chart name */
	const char *seg[MAX_SEGS];
	int nseg;
	int depth; /* loop variable the path starts from; -1: top level */
	int first; /* first segment to follow from there */
	const char *cmp; /* {{#if f == "text"}}: the text, else NULL */
};

enum plan_kind { P_TEXT, P_EACH, P_IF, P_CHART };

struct plan {
	enum plan_kind kind;
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
	static const char *const names[] = {"span", "a", "meta", "meta-field",
					    "ruby", "ruby-base", NULL};
	int i;

	if (!in_ns(n, TEXT_NS))
		return false;
	for (i = 0; names[i]; i++)
		if (!strcmp((const char *)n->name, names[i]))
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
	bool en = lang && !strcmp(lang, "en");
	char digits[40];
	long long cents, whole;
	int frac;
	size_t n, i, o = 0;

	out[0] = '\0';
	if (!isfinite(v))
		return;
	if (fabs(v) >= 1e15) {
		snprintf(out, 64, "%.0f", v);
		return;
	}
	cents = llround(fabs(v) * 100);
	whole = cents / 100;
	frac = (int)(cents % 100);
	if (v < 0 && cents)
		out[o++] = '-';
	snprintf(digits, sizeof digits, "%lld", whole);
	n = strlen(digits);
	for (i = 0; i < n; i++) {
		out[o++] = digits[i];
		if (n >= 5 && i + 1 < n && (n - i - 1) % 3 == 0)
			out[o++] = en ? ',' : '.';
	}
	if (frac) {
		out[o++] = en ? '.' : ',';
		out[o++] = (char)('0' + frac / 10);
		if (frac % 10)
			out[o++] = (char)('0' + frac % 10);
	}
	out[o] = '\0';
}

const char *tpl_singular(const char *list, char buf[64])
{
	static const char *const words[][2] = {
		{"items", "item"},	   {"areas", "area"},
		{"phases", "phase"},	   {"milestones", "milestone"},
		{"meetings", "meeting"},   {"people", "person"},
		{"notes", "note"},	   {"quotes", "quote"},
		{"decisions", "decision"}, {"selected", "item"},
		{"proposed", "item"},	   {"unassigned", "item"},
		{"next_milestones", "milestone"},
		{"entries", "entry"},	   {"attendees", "attendee"},
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
	struct binding scope[MAX_DEPTH];
	int depth;
	struct opened open[MAX_DEPTH];
	int nopen;
	/* The current paragraph. */
	struct strbuf s;
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

/* Reports a problem with TAG (as written) in the paragraph QUOTE. */
static void problem(struct cctx *c, const char *tag, const char *quote,
		    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void problem(struct cctx *c, const char *tag, const char *quote,
		    const char *fmt, ...)
{
	struct strbuf sb = {0};
	va_list ap;
	char *what;

	va_start(ap, fmt);
	if (vasprintf(&what, fmt, ap) < 0)
		die(_("out of memory"));
	va_end(ap);
	sb_printf(&sb, "%s: %s: %s", c->o->name, tag, what);
	sb_printf(&sb, _(", in the paragraph \"%s\""), quote);
	if (c->o->where)
		sb_printf(&sb, " (%s)", c->o->where);
	report(c->o, sb.buf);
	sb_free(&sb);
	free(what);
	c->problems++;
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
	       ch == '_' ||
	       (!first && ((ch >= '0' && ch <= '9') || ch == '-'));
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
	static const char *const marks[] = {"\"", "'", "“", "”", "„", "‘",
					    "’", "«", "»", NULL};
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
				problem(c, text, quote,
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
				problem(c, text, quote,
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
			problem(c, text, quote,
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
		    enum tpl_kind *kind, const char **elem)
{
	const struct tpl_field *f;
	const char *scope = "";
	struct strbuf rest = {0};
	int i, d;

	t->depth = -1;
	t->first = 0;
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
		return true;
	}
	if (t->depth < 0) {
		/* A loop variable used outside its loop? */
		char buf[64];
		for (f = c->o->fields; f->path; f++) {
			const char *last = strrchr(f->path, '.');
			if (f->kind != TPL_LIST ||
			    (strcmp(tpl_singular(last ? last + 1 : f->path, buf),
				    t->seg[0]) &&
			     (!f->elem || strcmp(f->elem, t->seg[0]))))
				continue;
			problem(c, t->text, quote,
				_("unknown field '%s': '%s' is only known "
				  "inside a loop such as {{#each %s%s%s}}"),
				t->path, t->seg[0], f->scope, *f->scope ? "." : "",
				f->path);
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
	enum tpl_kind kind;
	const char *elem;

	if (!resolve(c, t, quote, &kind, &elem))
		return;
	if (kind == TPL_LIST)
		problem(c, t->text, quote,
			_("'%s' is a list: repeat it with {{#each %s}} ... "
			  "{{/each}}"),
			t->path, t->path);
	else if (kind == TPL_GROUP)
		problem(c, t->text, quote,
			_("'%s' is a group of fields; name one of them, e.g. "
			  "{{%s.%s}}"),
			t->path, t->path,
			elem && !strcmp(elem, "item") ? "title" : "...");
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
			if (oc[i]->_private) /* cannot happen: one marker each */
				continue;
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
		ok = resolve(c, t, quote, &kind, &elem);
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
			problem(c, t->text, quote, _("there is no open block "
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

static size_t find_piece(struct cctx *c, size_t pos)
{
	size_t i;

	for (i = c->npieces; i-- > 0;)
		if (c->pieces[i].start <= pos &&
		    pos < c->pieces[i].start + c->pieces[i].len)
			return i;
	return 0;
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
		const char *s = (const char *)n->content, *p = s, *o, *e;
		struct seg segs[64];
		int ns = 0, cap = 64;
		struct seg *all = segs;
		while ((o = strstr(p, "{{")) && (e = strstr(o + 2, "}}")) &&
		       *next < ntoks) {
			if (ns + 2 > cap) {
				struct seg *more =
					arena_alloc(c->a, sizeof *more * cap * 2);
				memcpy(more, all, sizeof *more * (size_t)ns);
				all = more;
				cap *= 2;
			}
			if (o > p)
				all[ns++] = (struct seg){p, (size_t)(o - p), NULL};
			all[ns++] = (struct seg){o, 0, toks[(*next)++].tag};
			p = e + 2;
		}
		if (*p)
			all[ns++] = (struct seg){p, strlen(p), NULL};
		struct text_plan *tp = arena_alloc(c->a, sizeof *tp);
		tp->p.kind = P_TEXT;
		tp->n = ns;
		tp->segs = arena_alloc(c->a, sizeof *tp->segs * (size_t)ns);
		memcpy(tp->segs, all, sizeof *tp->segs * (size_t)ns);
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
		char *quote = quote_text(c->s.buf, c->s.len, 0);
		struct strbuf names = {0};
		for (name = c->o->charts; name && *name; name++)
			sb_printf(&names, "%s%s", names.len ? ", " : "", *name);
		problem(c, t->text, quote, _("unknown chart '%s' (there are: %s)"),
			t->path, names.buf ? names.buf : "");
		sb_free(&names);
		free(quote);
		return;
	}
	cp = arena_alloc(c->a, sizeof *cp);
	cp->p.kind = P_CHART;
	cp->tag = t;
	p->_private = cp;
}

static void mixed(struct cctx *c, xmlNodePtr p, struct tok *toks,
		  size_t ntoks)
{
	struct tag *stack[MAX_DEPTH];
	int depth = 0, before = c->problems;
	enum tpl_kind kind;
	const char *elem;
	char *quote;
	size_t i;

	for (i = 0; i < ntoks; i++) {
		struct tag *t;
		quote = quote_text(c->s.buf, c->s.len, toks[i].start);
		if (toks[i].bad || !toks[i].parsed)
			parse_tok(c, &toks[i], quote);
		t = toks[i].tag;
		switch (t ? t->kind : T_VALUE) {
		case T_VALUE:
			if (t)
				check_value(c, t, quote);
			break;
		case T_IF:
			resolve(c, t, quote, &kind, &elem);
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
		free(quote);
	}
	if (depth) {
		quote = quote_text(c->s.buf, c->s.len, 0);
		while (depth-- > 0) {
			struct tag *t = stack[depth];
			problem(c, t->text, quote,
				_("{{#if ...}} in the middle of text needs its "
				  "{{/if}} in the same paragraph (or put both "
				  "in paragraphs of their own)"));
		}
		free(quote);
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
static bool paragraph(struct cctx *c, xmlNodePtr p)
{
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
		const char *o = strstr(s + pos, "{{"), *cl = strstr(s + pos, "}}");
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
		e = strstr(o + 2, "}}");
		o2 = strstr(o + 2, "{{");
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
		char *quote = quote_text(s, c->s.len, toks[0].start);
		struct tag *tag = parse_tok(c, &toks[0], quote);
		free(quote);
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

struct nsmap {
	xmlNsPtr from, to;
};

struct rctx {
	const struct tpl_opts *o;
	xmlDocPtr doc;
	xmlNodePtr root;
	xmlNsPtr text_ns;
	const struct val *scope[MAX_DEPTH];
	int depth;
	int repeat;   /* > 0 inside a second or later loop iteration */
	bool inactive; /* inside a branch of an inline {{#if}} not taken */
	struct inline_if {
		bool outer, cond;
	} ifs[MAX_DEPTH];
	int nifs;
	struct nsmap *map;
	size_t nmap, mapcap;
	int charts;
	int failed;
};

static xmlNsPtr ns_for(struct rctx *c, const char *href, const char *prefix)
{
	xmlNsPtr ns = xmlSearchNsByHref(c->doc, c->root, BAD_CAST href);
	char buf[32];
	int i;

	if (ns)
		return ns;
	ns = xmlNewNs(c->root, BAD_CAST href, BAD_CAST prefix);
	for (i = 1; !ns && i < 100; i++) {
		snprintf(buf, sizeof buf, "%s%d", prefix, i);
		ns = xmlNewNs(c->root, BAD_CAST href, BAD_CAST buf);
	}
	if (!ns)
		die(_("out of memory"));
	return ns;
}

static xmlNsPtr map_ns(struct rctx *c, xmlNsPtr ns)
{
	size_t i;

	for (i = c->nmap; i-- > 0;)
		if (c->map[i].from == ns)
			return c->map[i].to;
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

static xmlNodePtr append(xmlNodePtr parent, xmlNodePtr n)
{
	if (!n)
		die(_("out of memory"));
	return xmlAddChild(parent, n);
}

static xmlNodePtr text_element(struct rctx *c, xmlNodePtr parent,
			       const char *name)
{
	return append(parent,
		      xmlNewDocNode(c->doc, c->text_ns, BAD_CAST name, NULL));
}

/* Writes a value as ODF text: newlines become line breaks, tabs tabs, and
 * runs of spaces keep their width (ODF collapses them otherwise). */
static void emit_value(struct rctx *c, xmlNodePtr parent, const char *s)
{
	const char *p = s;
	char count[32];
	size_t n;

	while (*p) {
		for (n = 0; p[n] && p[n] != '\n' && p[n] != '\t' &&
			    p[n] != '\r' && !(p[n] == ' ' && p[n + 1] == ' ');
		     n++)
			;
		if (n)
			append(parent,
			       xmlNewDocTextLen(c->doc, BAD_CAST p, (int)n));
		p += n;
		switch (*p) {
		case '\n':
			text_element(c, parent, "line-break");
			p++;
			break;
		case '\t':
			text_element(c, parent, "tab");
			p++;
			break;
		case '\r':
			p++;
			break;
		case ' ':
			n = strspn(p, " ");
			append(parent, xmlNewDocText(c->doc, BAD_CAST " "));
			snprintf(count, sizeof count, "%zu", n - 1);
			xmlNewNsProp(text_element(c, parent, "s"), c->text_ns,
				     BAD_CAST "c", BAD_CAST count);
			p += n;
			break;
		}
	}
}

static void print_value(struct rctx *c, xmlNodePtr parent,
			const struct tag *t)
{
	const struct val *v = lookup(c, t);
	char buf[64];

	if (!v)
		return;
	if (v->type == VAL_NUM)
		tpl_number(buf, v->u.num, c->o->lang);
	else if (v->type == VAL_INT)
		tpl_number(buf, (double)v->u.i, c->o->lang);
	else if (v->type == VAL_BOOL)
		snprintf(buf, sizeof buf, "%s",
			 v->u.b ? (c->o->lang && !strcmp(c->o->lang, "en")
					   ? "yes"
					   : "ja")
				: (c->o->lang && !strcmp(c->o->lang, "en")
					   ? "no"
					   : "nej"));
	else if (v->type != VAL_STR)
		return;
	emit_value(c, parent, v->type == VAL_STR ? v->u.str : buf);
}

static void text_plan(struct rctx *c, const struct text_plan *tp,
		      xmlNodePtr parent)
{
	int i;

	for (i = 0; i < tp->n; i++) {
		const struct seg *s = &tp->segs[i];
		if (!s->tag) {
			if (!c->inactive)
				append(parent,
				       xmlNewDocTextLen(c->doc, BAD_CAST s->lit,
							(int)s->len));
			continue;
		}
		switch (s->tag->kind) {
		case T_VALUE:
			if (!c->inactive)
				print_value(c, parent, s->tag);
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

static void emit_range(struct rctx *c, xmlNodePtr first, xmlNodePtr stop,
		       xmlNodePtr parent);

/* True when a table or row group still has a row. */
static bool has_rows(xmlNodePtr n)
{
	xmlNodePtr r;

	for (r = n->children; r; r = r->next)
		if (is(r, TABLE_NS, "table-row") ||
		    ((is(r, TABLE_NS, "table-rows") ||
		      is(r, TABLE_NS, "table-header-rows") ||
		      is(r, TABLE_NS, "table-row-group")) &&
		     has_rows(r)))
			return true;
	return false;
}

/* A shallow copy of element N under PARENT: name, namespace declarations
 * and attributes (no xml:id in repeated copies, ids must stay unique). */
static xmlNodePtr shell(struct rctx *c, xmlNodePtr n, xmlNodePtr parent)
{
	xmlNodePtr e = append(parent, xmlNewDocNode(c->doc, NULL, n->name, NULL));
	xmlAttrPtr a;
	xmlNsPtr ns;

	for (ns = n->nsDef; ns; ns = ns->next) {
		xmlNsPtr copy = xmlNewNs(e, ns->href, ns->prefix);
		if (!copy)
			continue;
		if (c->nmap == c->mapcap) {
			c->mapcap = c->mapcap ? c->mapcap * 2 : 8;
			c->map = xrealloc(c->map, c->mapcap * sizeof *c->map);
		}
		c->map[c->nmap].from = ns;
		c->map[c->nmap].to = copy;
		c->nmap++;
	}
	xmlSetNs(e, map_ns(c, n->ns));
	for (a = n->properties; a; a = a->next) {
		if (c->repeat && a->ns &&
		    !strcmp((const char *)a->ns->href,
			    (const char *)XML_XML_NAMESPACE) &&
		    !strcmp((const char *)a->name, "id"))
			continue;
		/* No DTD, so no entity references: the value is text,
		 * nearly always one node. */
		if (a->children && a->children->type == XML_TEXT_NODE &&
		    !a->children->next) {
			xmlNewNsProp(e, map_ns(c, a->ns), a->name,
				     a->children->content);
		} else {
			xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
			xmlNewNsProp(e, map_ns(c, a->ns), a->name,
				     v ? v : BAD_CAST "");
			xmlFree(v);
		}
	}
	return e;
}

static void set_attr(xmlNodePtr e, xmlNsPtr ns, const char *name,
		     const char *value)
{
	if (!xmlNewNsProp(e, ns, BAD_CAST name, BAD_CAST value))
		die(_("out of memory"));
}

/* "12.34cm" whatever the C locale says about decimal points. */
static void cm(char out[32], double v)
{
	long hundredths = lround(v * 100);

	snprintf(out, 32, "%ld.%02ldcm", hundredths / 100, hundredths % 100);
}

static void chart(struct rctx *c, xmlNodePtr p, const struct chart_plan *cp,
		  xmlNodePtr parent)
{
	xmlNsPtr draw = ns_for(c, DRAW_NS, "draw");
	xmlNsPtr svg = ns_for(c, SVG_NS, "svg");
	xmlNsPtr xlink = ns_for(c, XLINK_NS, "xlink");
	struct tpl_picture pic = {0};
	xmlNodePtr para, frame, img;
	char buf[32];

	para = shell(c, p, parent);
	if (!c->o->chart || c->o->chart(c->o->chart_arg, cp->tag->path, &pic) < 0) {
		c->failed = 1;
		return;
	}
	c->charts++;
	frame = append(para, xmlNewDocNode(c->doc, draw, BAD_CAST "frame", NULL));
	snprintf(buf, sizeof buf, "Chart %d", c->charts);
	set_attr(frame, draw, "name", buf);
	set_attr(frame, c->text_ns, "anchor-type", "as-char");
	cm(buf, pic.width_cm);
	set_attr(frame, svg, "width", buf);
	cm(buf, pic.height_cm);
	set_attr(frame, svg, "height", buf);
	img = append(frame, xmlNewDocNode(c->doc, draw, BAD_CAST "image", NULL));
	set_attr(img, xlink, "href", pic.href);
	set_attr(img, xlink, "type", "simple");
	set_attr(img, xlink, "show", "embed");
	set_attr(img, xlink, "actuate", "onLoad");
	set_attr(img, draw, "mime-type", "image/svg+xml");
	if (pic.title && *pic.title) {
		xmlNodePtr t = append(frame, xmlNewDocNode(c->doc, svg,
							   BAD_CAST "title",
							   NULL));
		xmlNodeAddContent(t, BAD_CAST pic.title);
	}
}

static void emit_node(struct rctx *c, xmlNodePtr n, xmlNodePtr parent)
{
	const struct plan *plan = n->_private;
	xmlNodePtr e;
	size_t nmap;

	switch (n->type) {
	case XML_TEXT_NODE:
		if (plan && plan->kind == P_TEXT)
			text_plan(c, (const struct text_plan *)plan, parent);
		else if (!c->inactive && n->content)
			append(parent, xmlNewDocText(c->doc, n->content));
		return;
	case XML_COMMENT_NODE:
		if (!c->inactive)
			append(parent, xmlNewDocComment(c->doc, n->content));
		return;
	case XML_ELEMENT_NODE:
		break;
	default:
		return;
	}
	if (plan && plan->kind == P_CHART) {
		chart(c, n, (const struct chart_plan *)plan, parent);
		return;
	}
	/* Layout hints from the last save are stale in a new document. */
	if (is(n, TEXT_NS, "soft-page-break"))
		return;
	if (c->inactive && !is_inline_container(n))
		return;
	nmap = c->nmap;
	e = shell(c, n, parent);
	emit_range(c, n->children, NULL, e);
	c->nmap = nmap;
	if (is_inline_container(n) && !e->children && n->children) {
		/* A run whose text all went away with a branch. */
		xmlUnlinkNode(e);
		xmlFreeNode(e);
	} else if ((is(n, TABLE_NS, "table") || is(n, TABLE_NS, "table-rows") ||
		    is(n, TABLE_NS, "table-header-rows") ||
		    is(n, TABLE_NS, "table-row-group")) &&
		   !has_rows(e)) {
		/* Every row was in a loop over nothing: a table needs rows. */
		xmlUnlinkNode(e);
		xmlFreeNode(e);
	}
}

static void each(struct rctx *c, const struct block *b, xmlNodePtr parent)
{
	const struct val *list = lookup(c, b->tag);
	size_t i;

	if (!list || list->type != VAL_ARR)
		return;
	if (c->depth == MAX_DEPTH)
		return; /* the compiler refuses deeper nesting */
	for (i = 0; i < list->u.arr.n; i++) {
		c->scope[c->depth++] = list->u.arr.v[i];
		if (i == 1)
			c->repeat++;
		emit_range(c, b->open->next, b->close, parent);
		c->depth--;
	}
	if (list->u.arr.n > 1)
		c->repeat--;
}

static void emit_range(struct rctx *c, xmlNodePtr first, xmlNodePtr stop,
		       xmlNodePtr parent)
{
	xmlNodePtr n = first;

	while (n && n != stop) {
		const struct plan *plan =
			n->type == XML_ELEMENT_NODE ? n->_private : NULL;
		if (plan && (plan->kind == P_EACH || plan->kind == P_IF)) {
			const struct block *b = (const struct block *)plan;
			if (plan->kind == P_EACH)
				each(c, b, parent);
			else if (condition(c, b->tag))
				emit_range(c, b->open->next,
					   b->mid ? b->mid : b->close, parent);
			else if (b->mid)
				emit_range(c, b->mid->next, b->close, parent);
			n = b->close->next;
			continue;
		}
		emit_node(c, n, parent);
		n = n->next;
	}
}

/* ===================================================================== */

int tpl_render(xmlDocPtr doc, const struct tpl_opts *o)
{
	struct cctx c = {0};
	xmlNodePtr root = xmlDocGetRootElement(doc), old;
	int i;

	if (!root)
		return 0;
	c.o = o;
	c.a = arena_new();
	compile_walk(&c, root);
	for (i = c.nopen; i-- > 0;) {
		problem(&c, c.open[i].tag->text, c.open[i].quote,
			c.open[i].tag->kind == T_EACH
				? _("it is never closed with {{/each}}")
				: _("it is never closed with {{/if}}"));
		free(c.open[i].quote);
	}
	free(c.pieces);
	sb_free(&c.s);
	if (!c.problems && o->data) {
		struct rctx r = {0};
		r.o = o;
		r.doc = doc;
		r.root = root;
		r.text_ns = ns_for(&r, TEXT_NS, "text");
		old = root->children;
		root->children = root->last = NULL;
		emit_range(&r, old, NULL, root);
		xmlFreeNodeList(old);
		free(r.map);
		if (r.failed)
			c.problems++;
	}
	arena_free(c.a);
	return c.problems;
}
