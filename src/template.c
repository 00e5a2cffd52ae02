// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The handout template engine; see template.h.  This file drives the two
 * passes; template_int.h says which file does what.
 *
 * Two passes over a part.  Compiling (template_scan.c, template_parse.c,
 * template_plan.c) notes what each element is, drops the white space that
 * only lays out the template's XML, and visits every paragraph in document
 * order: it gathers the paragraph's text across its runs, parses the tags,
 * checks every field against the static field table (with the loop
 * variables in scope at that point), merges each tag into the run where it
 * starts, and hangs a plan on the nodes that need one (node->_private):
 * the text nodes holding tags, the first node ("unit") of each block
 * construct and chart paragraphs.  Rendering (template_render.c) then
 * walks the template's tree once, repeating and dropping sibling ranges as
 * the plans say, and writes the document as it goes.
 */
#include <stdlib.h>
#include <string.h>

#include "number.h"
#include "template_int.h"

void tpl_report(const struct tpl_opts *o, const char *msg)
{
	if (o->report)
		o->report(o->report_arg, msg);
	else
		error("%s", msg);
}

/* --- numbers --- */

/* Charts print numbers too, so the formatting itself is util's. */
void tpl_number(char out[64], double v, const char *lang)
{
	format_number_for(out, v, lang);
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
	tpl_compile(&c, root);
	for (i = c.nopen; i-- > 0;) {
		tpl_problem(&c, c.open[i].tag->text, c.open[i].quote,
			    c.open[i].tag->kind == T_EACH
				? _("it is never closed with {{/each}}")
				: _("it is never closed with {{/if}}"));
		free(c.open[i].quote);
	}
	if (c.problems > MAX_REPORTED) {
		char *msg = xasprintf(_("%s: %d more problems not shown"),
				      o->name, c.problems - MAX_REPORTED);
		tpl_report(o, msg);
		free(msg);
	}
	free(c.pieces);
	sb_free(&c.s);
	if (!c.problems && o->data && out &&
	    tpl_emit(doc, o, c.charts > 0, out) < 0)
		c.problems++;
	clear_plans(root);
	arena_free(c.a);
	return c.problems;
}
