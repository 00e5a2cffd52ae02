// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Compiling, part two: one tag.  Parses what stands between {{ and }}
 * into a struct tag, and checks the field it names against the static
 * field table with the loop variables in scope, so that a misspelt field
 * is found (with a "did you mean") even inside a loop over nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "template_int.h"

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

/* parse_path, saying what is wrong when S..END is not a field name. */
static bool field_path(struct cctx *c, struct tag *t, const char *quote,
		       const char *s, const char *end)
{
	if (parse_path(c, t, s, end))
		return true;
	tpl_problem(c, t->text, quote,
		    _("'%.*s' is not a field name (letters, digits, '_' "
		      "and '-', parts joined by '.')"),
		    (int)(end - s), s);
	return false;
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
		tpl_problem(c, text, quote, _("empty tag"));
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
				tpl_problem(
				    c, text, quote,
				    _("unknown closing tag (use {{/each}} "
				      "or {{/if}})"));
				return NULL;
			}
			return t;
		}
		if (n == 4 && !strncmp(word, "each", 4)) {
			t->kind = T_EACH;
			if (p == end) {
				tpl_problem(c, text, quote,
					    _("{{#each}} needs a list, e.g. "
					      "{{#each items}}"));
				return NULL;
			}
			return field_path(c, t, quote, p, end) ? t : NULL;
		}
		if (n == 2 && !strncmp(word, "if", 2)) {
			const char *q, *eq;
			t->kind = T_IF;
			if (p == end) {
				tpl_problem(c, text, quote,
					    _("{{#if}} needs a field, e.g. "
					      "{{#if item.burden}}"));
				return NULL;
			}
			for (q = p; q < end && !space_len(q) && *q != '='; q++)
				;
			if (!field_path(c, t, quote, p, q))
				return NULL;
			eq = skip_space(q, end);
			if (eq == end)
				return t;
			size_t ql;
			const char *v, *ve;
			if (end - eq < 2 || strncmp(eq, "==", 2) ||
			    !(ql = quote_len(v = skip_space(eq + 2, end)))) {
				tpl_problem(
				    c, text, quote,
				    _("a condition is a field, or a field "
				      "== \"text\""));
				return NULL;
			}
			v += ql;
			for (ve = v; ve < end && !quote_len(ve); ve++)
				;
			if (ve == end || ve + quote_len(ve) != end) {
				tpl_problem(
				    c, text, quote,
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
		tpl_problem(c, text, quote,
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
			tpl_problem(
			    c, text, quote,
			    _("{{chart}} needs a name, e.g. {{chart votes}}"));
			return NULL;
		}
		parse_path(c, t, p, end);
		return t;
	}
	t->kind = T_VALUE;
	return field_path(c, t, quote, s, end) ? t : NULL;
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

static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);

	if (la > 128 || lb > 128)
		return 999;
	return edit_distance(a, la, b, lb, 1);
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
			d = distance(path, cand);
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
bool tpl_resolve(struct cctx *c, struct tag *t, const char *quote,
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
			tpl_problem(c, t->text, quote,
				    _("unknown field '%s': '%s' is only known "
				      "inside a loop such as {{#each %s%s%s}}"),
				    t->path, t->seg[0], f->scope,
				    *f->scope ? "." : "", f->path);
			return false;
		}
	}
	char *hint = suggest(c, t->path);
	if (hint)
		tpl_problem(c, t->text, quote,
			    _("unknown field '%s' (did you mean '%s'?)"),
			    t->path, hint);
	else
		tpl_problem(
		    c, t->text, quote,
		    _("unknown field '%s' (see 'styr templates --fields')"),
		    t->path);
	free(hint);
	return false;
}

/* Checks a field printed as a value. */
void tpl_check_value(struct cctx *c, struct tag *t, const char *quote)
{
	const struct tpl_field *field, *f;
	const char *elem, *scope, *below;
	enum tpl_kind kind;
	size_t n;

	if (!tpl_resolve(c, t, quote, &kind, &elem, &field))
		return;
	if (kind == TPL_LIST) {
		tpl_problem(c, t->text, quote,
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
	tpl_problem(
	    c, t->text, quote,
	    _("'%s' is a group of fields; name one of them, e.g. {{%s.%s}}"),
	    t->path, t->path, f->path ? f->path + (n ? n + 1 : 0) : "...");
}

/* Parses token T of the current paragraph (reporting what is wrong with
 * it); returns its tag or NULL. */
struct tag *tpl_parse_tok(struct cctx *c, struct tok *t, const char *quote)
{
	const char *s = c->s.buf + t->start;
	size_t len = t->end - t->start;

	if (t->parsed)
		return t->tag;
	t->parsed = true;
	if (t->bad == 1) {
		tpl_problem(c, "}}", quote, _("'}}' without '{{' before it"));
		return NULL;
	}
	if (t->bad == 2) {
		if (len > 40) {
			len = 40;
			while (len && ((unsigned char)s[len] & 0xc0) == 0x80)
				len--;
		}
		char *text = xasprintf("%.*s", (int)len, s);
		tpl_problem(
		    c, text, quote,
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

bool tpl_has_block_tag(const char *text)
{
	const char *s = text, *end;

	while ((s = strstr(s, "{{")) && (end = strstr(s + 2, "}}"))) {
		s = skip_space(s + 2, end);
		end = trim_end(s, end);
		if (s < end && (*s == '#' || *s == '/'))
			return true;
		if (end - s == 4 && !strncmp(s, "else", 4))
			return true;
		s = end;
	}
	return false;
}
