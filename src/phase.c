// SPDX-License-Identifier: GPL-3.0-or-later
/* The six-phase process: phases, milestones, meetings, checks; see phase.h. */
#include <stdlib.h>
#include <string.h>

#include "phase.h"
#include "util.h"
#include "vocab.h"

/* --- phases --- */

long phase_number(xmlNodePtr phase)
{
	const char *s = node_attr(phase, "number");

	return s ? strtol(s, NULL, 10) : 0;
}

long phase_count(struct reg *r)
{
	xmlNodePtr p;
	long n = 0;

	for (p = node_child(r->model, "phase"); p; p = node_next(p, "phase"))
		n++;
	return n;
}

xmlNodePtr phase_find(struct reg *r, long n)
{
	xmlNodePtr p;

	for (p = node_child(r->model, "phase"); p; p = node_next(p, "phase"))
		if (phase_number(p) == n)
			return p;
	return NULL;
}

xmlNodePtr phase_arg(struct reg *r, const char *arg)
{
	long n = 0, count = phase_count(r);
	const char *s;
	xmlNodePtr p = NULL;

	/* Digits only: "3", not "3x" or "-1". */
	for (s = arg; *s >= '0' && *s <= '9'; s++)
		;
	if (*arg && !*s && s - arg < 9)
		n = strtol(arg, NULL, 10);
	if (n > 0)
		p = phase_find(r, n);
	if (!p)
		error(_("unknown phase '%s' (the model has phases 1 to %ld)"),
		      arg, count);
	return p;
}

xmlNodePtr phase_current(struct reg *r)
{
	int n = reg_current_phase(r);

	return n > 0 ? phase_find(r, n) : NULL;
}

const char *phase_status(xmlNodePtr phase)
{
	const char *s = node_attr(phase, "status");

	return s ? s : "not-started";
}

const char *phase_name(xmlNodePtr phase, const char *lang)
{
	return lang_text(phase, "name", lang);
}

void phase_set_active(struct reg *r, xmlNodePtr phase, const char *today)
{
	node_set_attr(phase, "status", "active");
	if (!node_attr(phase, "started"))
		node_set_attr(phase, "started", today);
	node_set_attr(phase, "completed", NULL);
	node_set_attr(r->model, "current", node_attr(phase, "number"));
}

void phase_set_done(struct reg *r, xmlNodePtr phase, const char *today)
{
	xmlNodePtr p, latest = NULL;

	node_set_attr(phase, "status", "done");
	node_set_attr(phase, "completed", today);
	if (phase_current(r) != phase)
		return;
	for (p = node_child(r->model, "phase"); p; p = node_next(p, "phase"))
		if (!strcmp(phase_status(p), "active"))
			latest = p;
	node_set_attr(r->model, "current",
		      latest ? node_attr(latest, "number") : NULL);
}

/* --- milestones --- */

xmlNodePtr milestone_find(struct reg *r, const char *id)
{
	xmlNodePtr p, m;

	for (p = node_child(r->model, "phase"); p; p = node_next(p, "phase"))
		for (m = node_child(p, "milestone"); m;
		     m = node_next(m, "milestone"))
			if (!strcmp(node_attr(m, "id"), id))
				return m;
	return NULL;
}

int phase_open_milestones(xmlNodePtr phase)
{
	xmlNodePtr m;
	int n = 0;

	for (m = node_child(phase, "milestone"); m;
	     m = node_next(m, "milestone"))
		n += !node_attr(m, "done");
	return n;
}

/* --- meetings --- */

bool meeting_held(xmlNodePtr meeting, const char *today)
{
	const char *date = node_attr(meeting, "date");

	/* ISO dates compare as strings. */
	return date && strcmp(date, today) <= 0;
}

long meeting_phase(xmlNodePtr meeting)
{
	const char *s = node_attr(meeting, "phase");

	return s ? strtol(s, NULL, 10) : 0;
}

static int by_date(const void *a, const void *b)
{
	xmlNodePtr x = *(const xmlNodePtr *)a, y = *(const xmlNodePtr *)b;
	int c = strcmp(node_attr(x, "date"), node_attr(y, "date"));
	long i = strtol(node_attr(x, "id") + 1, NULL, 10);
	long j = strtol(node_attr(y, "id") + 1, NULL, 10);

	return c ? c : (i > j) - (i < j);
}

size_t meetings_sorted(struct reg *r, long phase, xmlNodePtr **out)
{
	size_t n = 0, cap = 0;
	xmlNodePtr m, *v = NULL;

	for (m = node_child(r->meetings, "meeting"); m;
	     m = node_next(m, "meeting")) {
		if (phase && meeting_phase(m) != phase)
			continue;
		v = xgrow(v, n, &cap, 16, sizeof *v);
		v[n++] = m;
	}
	if (n)
		qsort(v, n, sizeof *v, by_date);
	*out = v;
	return n;
}

unsigned phase_roles(struct reg *r, long phase, const char *today)
{
	unsigned seen = 0;
	xmlNodePtr m, a, p;

	for (m = node_child(r->meetings, "meeting"); m;
	     m = node_next(m, "meeting")) {
		if ((phase > 0 && meeting_phase(m) != phase) ||
		    !meeting_held(m, today))
			continue;
		for (a = node_child(m, "attendee"); a;
		     a = node_next(a, "attendee")) {
			int role;
			p = reg_person(r, node_attr(a, "ref"));
			role = vocab_index(&vocab_role, node_attr(p, "role"));
			if (role >= 0)
				seen |= 1u << role;
		}
	}
	return seen;
}

/* --- what a phase lacks --- */

static struct check *add_check(struct checklist *list, bool ok, char *text)
{
	struct check *c;

	list->v = xgrow(list->v, list->n, &list->cap, 16, sizeof *list->v);
	c = &list->v[list->n++];
	c->ok = ok;
	c->text = text;
	c->detail = NULL;
	return c;
}

void checklist_free(struct checklist *list)
{
	size_t i;

	for (i = 0; i < list->n; i++) {
		free(list->v[i].text);
		free(list->v[i].detail);
	}
	free(list->v);
	memset(list, 0, sizeof *list);
}

/* Ids of the items a check found lacking: the first few, then a count, so
 * that a register of thousands gives a line a person can read. */
struct idlist {
	struct strbuf sb;
	int n;
};

enum { IDS_SHOWN = 8 };

static void ids_add(struct idlist *l, xmlNodePtr item)
{
	if (l->n < IDS_SHOWN) {
		if (l->n)
			sb_puts(&l->sb, ", ");
		sb_puts(&l->sb, node_attr(item, "id"));
	}
	l->n++;
}

static char *ids_text(struct idlist *l)
{
	char *s;

	if (l->n > IDS_SHOWN)
		s = xasprintf(ngettext("%s and %d more", "%s and %d more",
				       (unsigned long)(l->n - IDS_SHOWN)),
			      l->sb.buf ? l->sb.buf : "", l->n - IDS_SHOWN);
	else
		s = xstrdup(l->sb.buf ? l->sb.buf : "");
	sb_free(&l->sb);
	l->n = 0;
	return s;
}

/* A check on items: ok when no item is lacking; else the detail names
 * them.  FMT has one %s for the ids. */
static void items_check(struct checklist *list, struct idlist *lacking,
			const char *text, const char *fmt)
{
	struct check *c = add_check(list, lacking->n == 0, xstrdup(text));
	char *ids = ids_text(lacking);

	if (!c->ok)
		c->detail = xasprintf(fmt, ids);
	free(ids);
}

static void simple_check(struct checklist *list, bool ok, const char *text,
			 const char *detail)
{
	struct check *c = add_check(list, ok, xstrdup(text));

	if (!ok)
		c->detail = xstrdup(detail);
}

static bool has_rating(xmlNodePtr item, const char *round)
{
	xmlNodePtr n;

	for (n = node_child(item, "rating"); n; n = node_next(n, "rating"))
		if (!strcmp(node_attr(n, "round"), round))
			return true;
	return false;
}

static bool is_selected(xmlNodePtr item)
{
	const char *d = node_attr(node_child(item, "decision"), "value");

	return d && !strcmp(d, "selected");
}

static void check_agents_areas(struct reg *r, struct checklist *list)
{
	xmlNodePtr p;
	int agents = 0;

	for (p = node_child(r->people, "person"); p;
	     p = node_next(p, "person"))
		agents += !strcmp(node_attr(p, "role"), "agent");
	simple_check(list, node_child(r->areas, "area") != NULL,
		     _("review areas chosen"),
		     _("no review areas yet (styr area add ID NAME)"));
	simple_check(list, agents > 0, _("documentation agents appointed"),
		     _("nobody has the role agent yet (styr person add NAME "
		       "--role agent)"));
}

static void check_mapping(struct reg *r, struct checklist *list)
{
	struct idlist lacking = {{0}, 0};
	xmlNodePtr item = node_child(r->items, "item");

	simple_check(list, item != NULL, _("governance items registered"),
		     _("the register has no items yet (styr add)"));
	for (; item; item = node_next(item, "item"))
		if (!node_child(item, "note"))
			ids_add(&lacking, item);
	items_check(list, &lacking, _("field notes on every item"),
		    _("no notes on %s (styr note ID TEXT)"));
}

static void check_prioritisation(struct reg *r, long number,
				 const char *today, struct checklist *list)
{
	struct idlist unrated = {{0}, 0}, unproposed = {{0}, 0};
	bool workshop = false, votes = false, decision = false;
	xmlNodePtr n;
	char *text, *detail;

	for (n = node_child(r->items, "item"); n; n = node_next(n, "item")) {
		if (!has_rating(n, "baseline"))
			ids_add(&unrated, n);
		if (!node_child(n, "priority"))
			ids_add(&unproposed, n);
		votes |= node_child(n, "vote") != NULL;
		decision |= node_child(n, "decision") != NULL;
	}
	for (n = node_child(r->meetings, "meeting"); n;
	     n = node_next(n, "meeting"))
		workshop |= !strcmp(node_attr(n, "kind"), "workshop") &&
			    meeting_phase(n) == number &&
			    meeting_held(n, today);
	items_check(list, &unrated, _("experience ratings on every item"),
		    _("no ratings on %s (styr rate ID EXPERIENCE)"));
	text = xasprintf(_("a workshop held in phase %ld"), number);
	detail = xasprintf(_("no workshop meeting of phase %ld has been held "
			     "(styr meeting add workshop TITLE --date DATE)"),
			   number);
	simple_check(list, workshop, text, detail);
	free(text);
	free(detail);
	simple_check(list, votes, _("workshop votes cast"),
		     _("no votes yet (styr vote ID PRIORITY)"));
	items_check(list, &unproposed, _("a proposed priority on every item"),
		    _("no proposal on %s (styr prioritise ID PRIORITY)"));
	simple_check(list, decision, _("the steering group's decisions "
				       "recorded"),
		     _("no decision yet (styr decide ID selected)"));
}

static void check_solutions(struct reg *r, struct checklist *list)
{
	struct idlist untracked = {{0}, 0}, uncriteria = {{0}, 0};
	xmlNodePtr n, s;
	int selected = 0;

	for (n = node_child(r->items, "item"); n; n = node_next(n, "item")) {
		if (!is_selected(n))
			continue;
		selected++;
		s = node_child(n, "solution");
		if (!s)
			ids_add(&untracked, n);
		if (!s || !*node_text(node_child(s, "criteria")))
			ids_add(&uncriteria, n);
	}
	simple_check(list, selected > 0, _("items selected by the steering "
					   "group"),
		     _("no item is selected yet (styr decide ID selected)"));
	items_check(list, &untracked, _("a solution for every selected item"),
		    _("no solution on %s (styr solution ID --status idea)"));
	items_check(list, &uncriteria,
		    _("evaluation criteria for every selected item"),
		    _("no evaluation criteria on %s (styr solution ID "
		      "--criteria TEXT)"));
}

static void check_followup(struct reg *r, struct checklist *list)
{
	struct idlist unrated = {{0}, 0};
	xmlNodePtr n;

	for (n = node_child(r->items, "item"); n; n = node_next(n, "item"))
		if (is_selected(n) && !has_rating(n, "followup"))
			ids_add(&unrated, n);
	items_check(list, &unrated,
		    _("follow-up ratings on every selected item"),
		    _("no follow-up ratings on %s (styr rate ID EXPERIENCE "
		      "--round followup)"));
}

int phase_checks(struct reg *r, xmlNodePtr phase, const char *lang,
		 const char *today, struct checklist *list)
{
	long number = phase_number(phase);
	xmlNodePtr m;
	size_t i;
	int missing = 0;

	for (m = node_child(phase, "milestone"); m;
	     m = node_next(m, "milestone")) {
		add_check(list, node_attr(m, "done") != NULL,
			  xasprintf("%s  %s", node_attr(m, "id"),
				    lang_text(m, "title", lang)));
	}
	/* The checks belong to the default model's phase of the same number
	 * (the model file says nothing about them), so a tailored model that
	 * merges or reorders phases gets them where that number falls. */
	switch (number) {
	case 2:
		check_agents_areas(r, list);
		break;
	case 3:
		check_mapping(r, list);
		break;
	case 4:
		check_prioritisation(r, number, today, list);
		break;
	case 5:
		check_solutions(r, list);
		break;
	case 6:
		check_followup(r, list);
		break;
	}
	for (i = 0; i < list->n; i++)
		missing += !list->v[i].ok;
	return missing;
}
