// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Unit tests of the template engine (src/template.c) on small content.xml
 * bodies: values and escaping, tags split across runs, loops over
 * paragraphs, list items and table rows, nesting, conditions in blocks and
 * inside text, charts, and every kind of problem; then the handout data
 * (src/handout_data.c) against its field table, both ways.  Prints TAP.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/tree.h>

#include "handout_data.h"
#include "reg.h"
#include "template.h"
#include "util.h"
#include "value.h"
#include "xmlsafe.h"
#include "tap.h"

/* Shows both sides when a comparison fails. */
static void is(const char *got, const char *want, const char *what)
{
	int same = got && !strcmp(got, want);

	ok(same, "%s", what);
	if (!same)
		printf("#   got:  %s\n#   want: %s\n", got ? got : "(null)",
		       want);
}

static bool contains(const char *s, const char *part)
{
	return s && strstr(s, part);
}

#define V TPL_VALUE
#define L TPL_LIST
#define G TPL_GROUP
static const struct tpl_field fields[] = {
    {"", "name", V, NULL, ""},
    {"", "note", V, NULL, ""},
    {"", "count", V, NULL, ""},
    {"", "zero", V, NULL, ""},
    {"", "hours", V, NULL, ""},
    {"", "big", V, NULL, ""},
    {"", "items", L, "item", ""},
    {"", "empty", L, "item", ""},
    {"", "tags", L, NULL, ""},
    {"", "decisions", L, "entry", ""},
    {"item", "id", V, NULL, ""},
    {"item", "title", V, NULL, ""},
    {"item", "priority", V, NULL, ""},
    {"item", "notes", L, "note", ""},
    {"item", "quotes", L, "note", ""},
    {"item", "votes", G, NULL, ""},
    {"item", "votes.remove", V, NULL, ""},
    {"item", "votes.too-tight", V, NULL, ""},
    {"note", "text", V, NULL, ""},
    {"entry", "what", V, NULL, ""},
    {NULL, NULL, V, NULL, NULL}};
#undef V
#undef L
#undef G

static const char *const charts[] = {"votes", NULL};

static struct val *item(struct arena *a, const char *id, const char *title,
			const char *priority, long remove, int nnotes)
{
	struct val *it = val_obj(a), *votes = val_obj(a), *notes = val_arr(a);
	int i;

	val_set(a, it, "id", val_str(a, id));
	val_set(a, it, "title", val_str(a, title));
	val_set(a, it, "priority", val_str_or_null(a, priority));
	val_set(a, votes, "remove", val_int(a, remove));
	val_set(a, votes, "too-tight", val_int(a, 7));
	val_set(a, it, "votes", votes);
	for (i = 1; i <= nnotes; i++) {
		struct val *n = val_obj(a);
		val_set(a, n, "text",
			val_str(a, arena_printf(a, "%s-n%d", id, i)));
		val_push(a, notes, n);
	}
	val_set(a, it, "notes", notes);
	val_set(a, it, "quotes", notes);
	return it;
}

static struct val *data(struct arena *a)
{
	struct val *d = val_obj(a), *items = val_arr(a), *tags = val_arr(a);
	struct val *dec = val_arr(a), *e = val_obj(a);

	val_set(a, d, "name", val_str(a, "A & B <C>"));
	val_set(a, d, "note", val_str(a, "line1\nline2\tx  y"));
	val_set(a, d, "count", val_int(a, 3));
	val_set(a, d, "zero", val_int(a, 0));
	val_set(a, d, "hours", val_num(a, 1234.5));
	val_set(a, d, "big", val_num(a, 12345.25));
	val_push(a, items, item(a, "D1", "First", "remove", 2, 2));
	val_push(a, items, item(a, "D2", "Second", NULL, 0, 0));
	val_set(a, d, "items", items);
	val_set(a, d, "empty", val_arr(a));
	val_push(a, tags, val_str(a, "x"));
	val_push(a, tags, val_str(a, "y"));
	val_set(a, d, "tags", tags);
	val_set(a, e, "what", val_str(a, "decided"));
	val_push(a, dec, e);
	val_set(a, d, "decisions", dec);
	return d;
}

/* --- rendering a body --- */

struct result {
	char *out;	    /* the rendered office:text children */
	struct strbuf msgs; /* problems, one a line */
	int problems;
	int charts;
};

static void collect(void *arg, const char *msg)
{
	struct result *r = arg;

	sb_puts(&r->msgs, msg);
	sb_puts(&r->msgs, "\n");
}

static int chart(void *arg, const char *name, struct tpl_picture *pic)
{
	struct result *r = arg;

	r->charts++;
	pic->href = "Pictures/chart-1.svg";
	pic->width_cm = 16;
	pic->height_cm = 7.25;
	pic->title = name;
	return 0;
}

#define HEAD                                                                   \
	"<office:document-content "                                            \
	"xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "   \
	"xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "       \
	"xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\">"     \
	"<office:body><office:text>"
#define TAIL "</office:text></office:body></office:document-content>"

static int collect_flushed(void *arg, const char *buf, size_t len)
{
	sb_add(arg, buf, len);
	return 0;
}

/*
 * The output of O on XML once more, handed on in pieces as small as it
 * may be (tpl_opts.flush, after every node): it must be the same bytes as
 * OUT, rendered in one buffer, whatever was taken back (runs emptied by a
 * branch, tables without rows, elements closed as "<x/>").
 */
static bool same_when_flushed(const char *xml, struct tpl_opts o,
			      const struct strbuf *out)
{
	xmlDocPtr doc = xmlsafe_read_memory(xml, strlen(xml), "t", 1);
	struct strbuf flushed = {0}, rest = {0};
	struct result ignored = {0};
	bool same;

	o.chart_arg = &ignored;
	o.report_arg = &ignored;
	o.flush = collect_flushed;
	o.flush_arg = &flushed;
	o.flush_every = 1;
	same = doc && tpl_render(doc, &o, &rest) == 0 && rest.len == 0 &&
	       flushed.len == out->len &&
	       !memcmp(flushed.buf, out->buf, out->len);
	xmlFreeDoc(doc);
	sb_free(&flushed);
	sb_free(&rest);
	sb_free(&ignored.msgs);
	return same;
}

static void render_lang(const char *body, const struct val *d, const char *lang,
			struct result *r)
{
	char *xml = xasprintf(HEAD "%s" TAIL, body);
	xmlDocPtr doc = xmlsafe_read_memory(xml, strlen(xml), "t", 1);
	struct tpl_opts o = {.name = "t",
			     .fields = fields,
			     .charts = charts,
			     .data = d,
			     .lang = lang,
			     .chart = chart,
			     .chart_arg = r,
			     .report = collect,
			     .report_arg = r};
	struct strbuf out = {0};
	xmlNodePtr n;
	xmlBufferPtr buf;

	memset(r, 0, sizeof *r);
	if (!doc) {
		free(xml);
		r->problems = -1;
		return;
	}
	r->problems = tpl_render(doc, &o, &out);
	xmlFreeDoc(doc);
	if (r->problems) {
		free(xml);
		sb_free(&out);
		return;
	}
	ok(same_when_flushed(xml, o, &out), "the same when flushed: %s", body);
	free(xml);
	/* What was written must be well-formed XML; its body is compared. */
	doc = xmlsafe_read_memory(out.buf, out.len, "output", 1);
	sb_free(&out);
	if (!doc) {
		r->out = xstrdup("(not well-formed)");
		return;
	}
	buf = xmlBufferCreate();
	n = xmlDocGetRootElement(doc)->children;	 /* office:body */
	for (n = n ? n->children : NULL; n; n = n->next) /* office:text */
		for (xmlNodePtr c = n->children; c; c = c->next)
			xmlNodeDump(buf, doc, c, 0, 0);
	r->out = xstrdup((const char *)xmlBufferContent(buf));
	xmlBufferFree(buf);
	xmlFreeDoc(doc);
}

static void render(const char *body, const struct val *d, struct result *r)
{
	render_lang(body, d, "da", r);
}

static void done(struct result *r)
{
	free(r->out);
	sb_free(&r->msgs);
}

/* Renders BODY and compares the output with WANT. */
static void expect(const struct val *d, const char *body, const char *want,
		   const char *what)
{
	struct result r;

	render(body, d, &r);
	if (r.problems && strcmp(want, "(problems)"))
		printf("# problems: %s", r.msgs.buf ? r.msgs.buf : "\n");
	is(r.problems ? "(problems)" : r.out, want, what);
	done(&r);
}

/* Renders BODY, which must have problems; each string in PARTS must be in
 * the messages. */
static void expect_problem(const struct val *d, const char *body,
			   const char *what, ...)
{
	struct result r;
	va_list ap;
	const char *part;
	int good;

	render(body, d, &r);
	good = r.problems > 0;
	va_start(ap, what);
	while ((part = va_arg(ap, const char *)))
		if (!contains(r.msgs.buf, part)) {
			good = 0;
			printf("# missing '%s'\n", part);
		}
	va_end(ap);
	ok(good, "%s", what);
	if (!good)
		printf("# messages: %s\n", r.msgs.buf ? r.msgs.buf : "(none)");
	done(&r);
}

/* The bodies below are XML pasted from string literals: laid out by
 * hand, the formatter would cut them apart. */
/* clang-format off */
#define P(x) "<text:p>" x "</text:p>"
#define ROW(x)                                                                 \
	"<table:table-row><table:table-cell><text:p>" x                       \
	"</text:p></table:table-cell><table:table-cell/></table:table-row>"

static void test_values(const struct val *d)
{
	struct result r;

	expect(d, P("Hi {{name}}!"), P("Hi A &amp; B &lt;C&gt;!"),
	       "a value is XML-escaped");
	expect(d, P("{{ name }}"), P("A &amp; B &lt;C&gt;"),
	       "spaces inside the braces are allowed");
	expect(d,
	       P("Hi <text:span text:style-name=\"B\">{{na</text:span>me}}!"),
	       P("Hi <text:span text:style-name=\"B\">A &amp; B &lt;C&gt;"
		 "</text:span>!"),
	       "a tag split across runs goes into the first run, with its "
	       "style");
	expect(d,
	       P("{<text:span text:style-name=\"B\">{</text:span><text:span "
		 "text:style-name=\"I\">name<text:s/></text:span>}}x"),
	       P("A &amp; B &lt;C&gt;x"),
	       "a tag over three runs and a text:s; emptied runs go");
	expect(d, P("<text:span>{{count}}</text:span> and {{count}}"),
	       P("<text:span>3</text:span> and 3"), "two tags in a paragraph");
	expect(d, P("{{note}}"),
	       P("line1<text:line-break/>line2<text:tab/>x <text:s "
		 "text:c=\"1\"/>y"),
	       "newline, tab and double space in a value");
	expect(d, P("{{hours}} / {{big}} / {{zero}}"),
	       P("1234,5 / 12.345,25 / 0"), "numbers in Danish");
	render_lang(P("{{hours}} / {{big}}"), d, "en", &r);
	is(r.out, P("1234.5 / 12,345.25"), "numbers in English");
	done(&r);
	expect(d, "<text:h text:outline-level=\"1\">{{name}}</text:h>",
	       "<text:h text:outline-level=\"1\">A &amp; B &lt;C&gt;</text:h>",
	       "headings hold tags too");
	expect(d, P("a }x} {x{ b"), P("a }x} {x{ b"),
	       "single braces are plain text");
}

static void test_loops(const struct val *d)
{
	struct result r;

	expect(d,
	       P("{{#each items}}") P("{{item.id}}: {{item.title}}")
		       P("{{/each}}"),
	       P("D1: First") P("D2: Second"), "a loop over paragraphs");
	expect(d,
	       P("{{#each items}}") P("{{item.id}}") P("{{#each item.notes}}")
		       P("{{note.text}} of {{item.id}}, {{count}}")
			       P("{{/each}}")
			       P("{{/each}}"),
	       P("D1") P("D1-n1 of D1, 3") P("D1-n2 of D1, 3") P("D2"),
	       "nested loops see the loop element and all outer fields");
	expect(d, P("{{#each item.quotes}}") P("x") P("{{/each}}"),
	       "(problems)",
	       "a list of a loop element outside the loop is a problem");
	expect(d,
	       P("{{#each items}}") P("{{#each item.quotes}}")
		       P("{{quote.text}}={{note.text}}") P("{{/each}}")
			       P("{{/each}}"),
	       P("D1-n1=D1-n1") P("D1-n2=D1-n2"),
	       "the element is named by the singular and by its type");
	expect(d, P("{{#each decisions}}") P("{{decision.what}} {{entry.what}}")
			  P("{{/each}}"),
	       P("decided decided"), "decisions: decision and entry");
	expect(d, P("{{#each tags}}") P("[{{tag}}]") P("{{/each}}"),
	       P("[x]") P("[y]"), "a list of plain values");
	expect(d,
	       P("a") P("{{#each empty}}") P("{{item.id}}") P("{{/each}}")
		       P("b"),
	       P("a") P("b"), "a loop over nothing leaves nothing");
	expect(d,
	       "<table:table><table:table-header-rows>" ROW("Id")
	       "</table:table-header-rows>" ROW("{{#each items}}")
		       ROW("{{item.id}}") ROW("{{/each}}") "</table:table>",
	       "<table:table><table:table-header-rows>" ROW("Id")
	       "</table:table-header-rows>" ROW("D1") ROW("D2")
		       "</table:table>",
	       "markers in table rows repeat the rows between, and vanish");
	expect(d,
	       "<table:table>" ROW("{{#each empty}}") ROW("{{item.id}}")
		       ROW("{{/each}}") "</table:table>" P("after"),
	       P("after"), "a table left without rows goes");
	expect(d,
	       "<table:table><table:table-row><table:table-cell>"
	       P("{{#each tags}}") P("{{tag}}") P("{{/each}}")
	       "</table:table-cell><table:table-cell>" P("side")
	       "</table:table-cell></table:table-row></table:table>",
	       "<table:table><table:table-row><table:table-cell>" P("x")
	       P("y") "</table:table-cell><table:table-cell>" P("side")
	       "</table:table-cell></table:table-row></table:table>",
	       "markers in one cell repeat paragraphs in the cell");
	expect(d,
	       "<text:list><text:list-item>" P("{{#each tags}}")
	       "</text:list-item><text:list-item>" P("{{tag}}")
	       "</text:list-item><text:list-item>" P("{{/each}}")
	       "</text:list-item></text:list>",
	       "<text:list><text:list-item>" P("x")
	       "</text:list-item><text:list-item>" P("y")
	       "</text:list-item></text:list>",
	       "markers in list items repeat list items");
	render("<text:p>{{#each items}}</text:p><text:p xml:id=\"p1\">"
	       "{{item.id}}</text:p><text:p>{{/each}}</text:p>",
	       d, &r);
	is(r.out,
	   "<text:p xml:id=\"p1\">D1</text:p><text:p>D2</text:p>",
	   "xml:id is kept once, not repeated");
	done(&r);
	expect(d,
	       P("{{#each items}}") "<text:soft-page-break/>" P("{{item.id}}")
			  P("{{/each}}"),
	       P("D1") P("D2"), "stale soft page breaks are dropped");
}

static void test_conditions(const struct val *d)
{
	expect(d,
	       P("{{#if count}}") P("yes") P("{{else}}") P("no") P("{{/if}}"),
	       P("yes"), "if: the first branch");
	expect(d, P("{{#if zero}}") P("yes") P("{{else}}") P("no") P("{{/if}}"),
	       P("no"), "if: zero is false");
	expect(d, P("{{#if empty}}") P("yes") P("{{/if}}") P("end"), P("end"),
	       "if: an empty list is false, no else");
	expect(d,
	       P("{{#each items}}") P("{{#if item.priority == \"remove\"}}")
		       P("{{item.id}} goes") P("{{else}}")
			       P("{{item.id}} stays")
			       P("{{/if}}") P("{{/each}}"),
	       P("D1 goes") P("D2 stays"), "if field == \"text\"");
	expect(d,
	       P("{{#each items}}") P("{{#if item.priority == “remove”}}")
		       P("{{item.id}}") P("{{/if}}") P("{{/each}}"),
	       P("D1"), "typographic quotes, as autocorrect makes them");
	expect(d, P("x{{#if empty}}A{{else}}B{{/if}}y"), P("xBy"),
	       "an inline if inside a paragraph");
	expect(d,
	       P("{{#if count}}<text:span>yes</text:span>{{else}}<text:span>"
		 "no</text:span>{{/if}}"),
	       P("<text:span>yes</text:span>"),
	       "an inline if across runs drops the runs not shown");
	expect(d, P("{{#if count}}a{{#if zero}}b{{else}}c{{/if}}d{{/if}}e"),
	       P("acde"), "nested inline ifs");
	expect(d, P("{{#if zero}}a{{#if count}}b{{else}}c{{/if}}d{{/if}}e"),
	       P("e"), "nothing inside a branch not taken shows");
	expect(d, P("{{#if zero}}a{{/if}}") "<text:p><!-- a note --></text:p>",
	       "<text:p/><text:p/>",
	       "a paragraph left empty is closed at once, also when flushed");
}

static void test_charts(const struct val *d)
{
	struct result r;

	render(P("{{chart votes}}"), d, &r);
	ok(!r.problems && r.charts == 1 &&
		   contains(r.out, "<draw:frame") &&
		   contains(r.out, "xlink:href=\"Pictures/chart-1.svg\"") &&
		   contains(r.out, "svg:width=\"16.00cm\"") &&
		   contains(r.out, "svg:height=\"7.25cm\"") &&
		   contains(r.out, "text:anchor-type=\"as-char\"") &&
		   contains(r.out, "draw:mime-type=\"image/svg+xml\"") &&
		   contains(r.out, "<svg:title>votes</svg:title>"),
	   "a chart becomes a frame with the picture, in its paragraph");
	if (!contains(r.out, "<draw:frame"))
		printf("# %s\n", r.out);
	done(&r);
	expect_problem(d, P("{{chart pie}}"), "an unknown chart",
		       "{{chart pie}}",
		       "unknown chart 'pie'", "votes", NULL);
	expect_problem(d, P("see {{chart votes}}"),
		       "a chart must be alone in its paragraph",
		       "alone in its paragraph", NULL);
}

static void test_problems(const struct val *d)
{
	struct result r;

	expect_problem(d, P("Title: {{titel}}"), "an unknown field",
		       "t: {{titel}}: unknown field 'titel'",
		       "in the paragraph \"Title: {{titel}}\"", NULL);
	expect_problem(d,
		       P("{{#each items}}") P("{{item.titel}}") P("{{/each}}"),
		       "a misspelt field gets a suggestion",
		       "did you mean 'item.title'?", NULL);
	expect_problem(d,
		       P("{{#each empty}}") P("{{item.nope}}") P("{{/each}}"),
		       "fields are checked even in a loop over nothing",
		       "'item.nope'", NULL);
	expect_problem(d, P("{{item.id}}"), "a loop element outside its loop",
		       "only known inside a loop such as {{#each items}}",
		       NULL);
	expect_problem(d, P("{{items}}"), "a list printed as a value",
		       "is a list", "{{#each items}}", NULL);
	expect_problem(d,
		       P("{{#each items}}") P("{{item.votes}}") P("{{/each}}"),
		       "a group printed as a value", "group of fields", NULL);
	expect_problem(d, P("{{#each name}}") P("x") P("{{/each}}"),
		       "each over a value", "not a list", NULL);
	expect_problem(d, P("{{#each items}}") P("x"), "an unclosed loop",
		       "{{#each items}}", "never closed", NULL);
	expect_problem(d, P("x") P("{{/if}}"), "a closer without opener",
		       "{{/if}}", "no open block", NULL);
	expect_problem(d, P("{{#if count}}") P("{{/each}}") P("{{/if}}"),
		       "a closer of the wrong kind",
		       "{{#if count}} must be closed first", NULL);
	expect_problem(d, P("{{else}}"), "else without if", "{{else}}", NULL);
	expect_problem(d, P("a {{#each items}} b"),
		       "each in the middle of text",
		       "paragraphs (or table rows) of their own", NULL);
	expect_problem(d, P("a {{#if count}} b"), "an unclosed inline if",
		       "{{/if}} in the same paragraph", NULL);
	expect_problem(d, P("a {{name"), "an unclosed tag",
		       "'{{' is not closed", NULL);
	expect_problem(d, P("a name}} b"), "a stray close", "'}}' without",
		       NULL);
	expect_problem(d, P("{{}}"), "an empty tag", "empty tag", NULL);
	expect_problem(d, P("{{a..b}}"), "a malformed path",
		       "'a..b' is not a field name", NULL);
	expect_problem(d, P("{{#for items}}"), "an unknown block",
		       "unknown block tag", NULL);
	expect_problem(d, P("{{#if count = \"x\"}}") P("{{/if}}"),
		       "a malformed condition", "a condition is", NULL);
	expect_problem(d,
		       P("{{#each items}}") "<table:table>" ROW("{{/each}}")
		       "</table:table>",
		       "opener and closer at different levels",
		       "same level", NULL);
	/* Every problem is listed, not just the first. */
	render(P("{{a1}}") P("{{a2}}") P("{{#each items}}") P("{{item.x}}")
		       P("{{/each}}"),
	       d, &r);
	ok(r.problems == 3, "all problems are counted (%d)", r.problems);
	done(&r);
	/* A long paragraph is quoted around the tag, shortened. */
	render(P("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed "
		 "do eiusmod tempor {{bad}} incididunt ut labore et dolore "
		 "magna aliqua ut enim ad minim veniam"),
	       d, &r);
	ok(contains(r.msgs.buf, "\"…") && contains(r.msgs.buf, "{{bad}}") &&
		   contains(r.msgs.buf, "…\""),
	   "a long paragraph is shortened around the tag");
	done(&r);
	/* Checking without data renders nothing. */
	{
		struct tpl_opts o = {
		    .name = "t", .fields = fields, .charts = charts};
		char *xml = xasprintf(HEAD P("{{name}}") TAIL);
		xmlDocPtr doc = xmlsafe_read_memory(xml, strlen(xml), "t", 1);

		ok(tpl_render(doc, &o, NULL) == 0 &&
			   contains((const char *)xmlDocGetRootElement(doc)
					    ->children->children->children
					    ->children->content,
				    "{{name}}"),
		   "without data, only checks");
		xmlFreeDoc(doc);
		free(xml);
	}
}

/* clang-format on */

static void test_helpers(void)
{
	char buf[64];

	is(tpl_singular("items", buf), "item", "items -> item");
	is(tpl_singular("people", buf), "person", "people -> person");
	is(tpl_singular("next_milestones", buf), "milestone",
	   "next_milestones -> milestone");
	is(tpl_singular("categories", buf), "category", "...ies -> ...y");
	is(tpl_singular("tags", buf), "tag", "...s -> ...");
	tpl_number(buf, 100, "da");
	is(buf, "100", "whole numbers have no decimals");
	tpl_number(buf, 2.5, "da");
	is(buf, "2,5", "a decimal comma in Danish");
	tpl_number(buf, 1234567.891, "en");
	is(buf, "1,234,567.89", "grouping and two decimals in English");
	tpl_number(buf, 9999, "da");
	is(buf, "9999", "four digits are not grouped");
	tpl_number(buf, -12000.5, "da");
	is(buf, "-12.000,5", "negative numbers");
}

/* --- the handout data and its field table --- */

static xmlNodePtr child(struct reg *r, xmlNodePtr parent, const char *name,
			const char *text, const char *const attrs[])
{
	xmlNodePtr n = node_new(r, name, text);
	int i;

	for (i = 0; attrs && attrs[i]; i += 2)
		node_set_attr(n, attrs[i], attrs[i + 1]);
	xmlAddChild(parent, n);
	return n;
}

static void fill(struct reg *r)
{
	xmlNodePtr it, m;

	child(r, r->areas, "area", "Visitation",
	      (const char *[]){"id", "VIS", NULL});
	child(r, r->people, "person", "Anne",
	      (const char *[]){"id", "P1", "role", "agent", NULL});
	node_set_attr(r->people, "next", "2");
	m = child(r, r->meetings, "meeting", NULL,
		  (const char *[]){"id", "M1", "kind", "workshop", "date",
				   "2026-03-01", "phase", "4", NULL});
	child(r, m, "title", "Workshop", NULL);
	child(r, m, "attendee", NULL, (const char *[]){"ref", "P1", NULL});
	node_set_attr(r->meetings, "next", "2");
	it = reg_new_item(r, "doc", "Udredning");
	node_set_attr(it, "area", "VIS");
	node_set_attr(it, "origin", "law");
	node_set_attr(it, "found", "interview");
	child(r, it, "description", "Fuld udredning", NULL);
	child(r, it, "owner", "Myndighed", NULL);
	child(r, it, "source", "SEL § 85", NULL);
	child(r, it, "note", "Tungt",
	      (const char *[]){"method", "interview", "by", "Anne", "date",
			       "2026-02-01", NULL});
	child(r, it, "rating", NULL,
	      (const char *[]){"round", "baseline", "experience", "too-tight",
			       NULL});
	child(r, it, "burden", NULL,
	      (const char *[]){"minutes", "30", "per-year", "400", "staff", "4",
			       "tariff", "450", NULL});
	child(r, it, "vote", NULL,
	      (const char *[]){"priority", "remove", "count", "3", NULL});
	child(r, it, "priority", "Tung",
	      (const char *[]){"value", "remove", "date", "2026-03-01", "by",
			       "Anne", NULL});
	child(r, it, "decision", "Ja",
	      (const char *[]){"value", "selected", "date", "2026-03-05", "by",
			       "Anne", NULL});
	m = child(r, it, "solution", NULL,
		  (const char *[]){"status", "pilot", "evaluate-by",
				   "2026-12-01", NULL});
	child(r, m, "criteria", "Tid sparet", NULL);
	reg_new_item(r, "goal", "Uden område");
	reg_log(r, "decide", "D1", "selected D1");
	reg_log(r, "vote", "D1", "a vote");

	/* A field copy's mark and a merge conflict (styr copy, styr merge). */
	xmlNodePtr copy = xmlNewChild(r->root, NULL, BAD_CAST "copy", NULL);
	xmlNewProp(copy, BAD_CAST "id", BAD_CAST "c1");
	xmlNewProp(copy, BAD_CAST "from", BAD_CAST "/srv/styr.xml");
	xmlNewProp(copy, BAD_CAST "when", BAD_CAST "2026-03-01T12:00:00Z");
	xmlNodePtr list = xmlNewChild(r->root, NULL, BAD_CAST "conflicts", NULL);
	xmlNewProp(list, BAD_CAST "next", BAD_CAST "2");
	xmlNodePtr c = xmlNewChild(list, NULL, BAD_CAST "conflict", NULL);
	xmlNewProp(c, BAD_CAST "id", BAD_CAST "C1");
	xmlNewProp(c, BAD_CAST "kind", BAD_CAST "both-changed");
	xmlNewProp(c, BAD_CAST "at", BAD_CAST "D1 title");
	xmlNewProp(c, BAD_CAST "ref", BAD_CAST "D1");
	static const char *const texts[] = {"what", "base", "ours", "theirs"};
	for (size_t i = 0; i < 4; i++)
		xmlNewTextChild(c, NULL, BAD_CAST texts[i], BAD_CAST "x");
}

/* Every key in the data (following lists into their first element) is in
 * the table, under SCOPE; the table's fields are marked in SEEN. */
static void walk(const struct val *v, const char *scope, const char *prefix,
		 bool *seen, int *missing)
{
	size_t i;
	int f;

	for (i = 0; i < v->u.obj.n; i++) {
		const char *key = v->u.obj.m[i].key;
		const struct val *x = v->u.obj.m[i].val;
		char *path =
		    *prefix ? xasprintf("%s.%s", prefix, key) : xstrdup(key);
		for (f = 0; handout_fields[f].path; f++)
			if (!strcmp(handout_fields[f].scope, scope) &&
			    !strcmp(handout_fields[f].path, path))
				break;
		if (!handout_fields[f].path) {
			printf("# not in the field table: %s%s%s\n", scope,
			       *scope ? "." : "", path);
			(*missing)++;
		} else {
			seen[f] = true;
			if (x->type == VAL_OBJ)
				walk(x, scope, path, seen, missing);
			else if (x->type == VAL_ARR && x->u.arr.n &&
				 handout_fields[f].elem)
				walk(x->u.arr.v[0], handout_fields[f].elem, "",
				     seen, missing);
		}
		free(path);
	}
}

static void test_data(void)
{
	char dir[] = "/tmp/styr-unit-template.XXXXXX";
	struct arena *a = arena_new();
	struct reg r;
	xmlDocPtr model;
	struct val *d;
	bool seen[256] = {false};
	int missing = 0, unseen = 0, f;

	if (!mkdtemp(dir) || chdir(dir) < 0)
		return;
	opt.file = "styr.xml";
	model = xmlsafe_read_memory((const char *)model_xml, model_xml_len,
				    "model", 0);
	if (!model || reg_create(&r, model, "Org", "Projekt") != 0)
		return;
	node_set_attr(r.model, "current", "4");
	node_set_attr(node_child(r.model, "phase"), "status", "done");
	fill(&r);
	d = handout_data(a, &r, "da", NULL);
	walk(d, "", "", seen, &missing);
	ok(missing == 0, "every key of the data is in the field table");
	for (f = 0; handout_fields[f].path; f++)
		if (!seen[f]) {
			printf("# not in the data: %s.%s\n",
			       handout_fields[f].scope, handout_fields[f].path);
			unseen++;
		}
	ok(unseen == 0, "every field of the table is in the data");
	ok(f < 256, "the field table fits the test");

	const struct val *items = val_get(d, "items");
	const struct val *area = val_get(d, "areas")->u.arr.v[0];
	ok(items->u.arr.n == 2 && val_get(area, "items")->u.arr.n == 1 &&
	       val_get(d, "unassigned")->u.arr.n == 1,
	   "items are grouped by area, the rest is unassigned");
	ok(val_path(d, "totals.hours_per_year")->u.num == 200 &&
	       /* D1 is a legal demand: proposed for removal, it frees
		* nothing (SPEC 7). */
	       val_path(d, "totals.hours_freed")->u.num == 0 &&
	       val_path(d, "totals.cost_per_year")->u.num == 200 * 450 &&
	       val_path(d, "totals.cost_freed")->u.num == 0 &&
	       val_path(d, "totals.votes")->u.i == 3 &&
	       val_path(d, "totals.selected")->u.i == 1 &&
	       val_path(d, "totals.items")->u.i == 2,
	   "totals: 30 min x 400 = 200 hours; a law proposed for removal "
	   "frees none");
	ok(val_get(d, "decisions")->u.arr.n == 1 &&
	       !strcmp(
		   val_path(val_get(d, "decisions")->u.arr.v[0], "item_title")
		       ->u.str,
		   "Udredning"),
	   "decisions: decide entries only, with the item's title");
	ok(!strcmp(val_get(d, "current_phase_name")->u.str, "Prioritering") &&
	       val_get(d, "next_milestones")->u.arr.n == 6,
	   "the current phase's name and open milestones");
	ok(!strcmp(val_path(items->u.arr.v[0], "leading_label")->u.str,
		   "Fjerne") &&
	       val_path(items->u.arr.v[0], "tight")->u.i == 1,
	   "item extras: leading_label, tight");
	d = handout_data(a, &r, "en", "VIS");
	ok(val_get(d, "items")->u.arr.n == 1 &&
	       val_get(d, "areas")->u.arr.n == 1 &&
	       val_get(d, "unassigned")->u.arr.n == 0 &&
	       !strcmp(val_get(d, "area_filter")->u.str, "VIS") &&
	       !strcmp(val_get(d, "current_phase_name")->u.str,
		       "Prioritisation"),
	   "an area filter keeps that area's items; English names");
	reg_close(&r);
	arena_free(a);
	unlink("styr.xml");
	if (chdir("/") == 0)
		rmdir(dir);
}

int main(void)
{
	struct arena *a;
	struct val *d;

	xmlsafe_init(false);
	a = arena_new();
	d = data(a);
	test_helpers();
	test_values(d);
	test_loops(d);
	test_conditions(d);
	test_charts(d);
	test_problems(d);
	arena_free(a);
	test_data();
	xmlsafe_cleanup();
	return tap_done();
}
