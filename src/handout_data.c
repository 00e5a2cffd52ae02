// SPDX-License-Identifier: GPL-3.0-or-later
/* The data a handout template sees, and its field table; see
 * handout_data.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>

#include "handout_data.h"
#include "phase.h"
#include "util.h"
#include "view.h"
#include "vocab.h"

#define V TPL_VALUE
#define L TPL_LIST
#define G TPL_GROUP

/* Keep in step with view.c and handout_data() below: the unit test
 * compares this table with the data of a filled register both ways. */
const struct tpl_field handout_fields[] = {
    {"", "organisation", V, NULL, N_("the organisation's name")},
    {"", "title", V, NULL, N_("the project's title")},
    {"", "today", V, NULL, N_("the date the handout is made (YYYY-MM-DD)")},
    {"", "lang", V, NULL, N_("the handout's language: da or en")},
    {"", "current_phase", V, NULL,
     N_("number of the current phase (0 before any has started)")},
    {"", "current_phase_name", V, NULL,
     N_("name of the current phase, in the handout's language")},
    {"", "next_phase_name", V, NULL,
     N_("name of the phase after the current one, in the handout's "
	"language; empty in the last")},
    {"", "area_filter", V, NULL,
     N_("the review area given with --area, else empty")},
    {"", "format", V, NULL, N_("always \"styr\"")},
    {"", "version", V, NULL, N_("version of the register format (1)")},
    {"", "phases", L, "phase", N_("the six phases of the model")},
    {"", "areas", L, "area", N_("the review areas")},
    {"", "people", L, "person", N_("the people and their roles")},
    {"", "meetings", L, "meeting", N_("the meetings, planned and held")},
    {"", "upcoming_meetings", L, "meeting",
     N_("the meetings not held yet, in date order")},
    {"", "items", L, "item", N_("every item (goal, rule, documentation)")},
    {"", "unassigned", L, "item", N_("the items in no review area")},
    {"", "proposed", L, "item",
     N_("the items the workshop proposed a priority for")},
    {"", "selected", L, "item", N_("the items the steering group selected")},
    {"", "next_milestones", L, "milestone",
     N_("the open milestones of the current phase")},
    {"", "decisions", L, "entry",
     N_("the log of proposals, decisions and solution changes")},
    {"", "tariff", V, NULL,
     N_("the register's default tariff, kr per hour (empty: none)")},
    {"", "small_steps", V, NULL,
     N_("the model's small steps: how many items a step takes at most")},
    {"", "copy", G, NULL,
     N_("the copy for the field this register is (styr copy); empty if none")},
    {"", "copy.id", V, NULL, N_("the copy's id")},
    {"", "copy.from", V, NULL, N_("the register it was copied from")},
    {"", "copy.when", V, NULL, N_("when it was copied")},
    {"", "conflicts", L, "conflict",
     N_("what a merge left for a person to decide (styr conflicts)")},
    {"", "totals", G, NULL, N_("sums over all items")},
    {"", "totals.items", V, NULL, N_("number of items")},
    {"", "totals.hours_per_year", V, NULL,
     N_("hours per year all estimated items cost")},
    {"", "totals.hours_freed", V, NULL,
     N_("hours per year of the items proposed (or voted) for removal, "
	"but for legal demands and items the steering group rejected")},
    {"", "totals.cost_per_year", V, NULL,
     N_("kr per year of the items with a tariff (0: no tariff known)")},
    {"", "totals.cost_freed", V, NULL,
     N_("kr per year of the hours freed that have a tariff")},
    {"", "totals.votes", V, NULL, N_("number of workshop votes")},
    {"", "totals.selected", V, NULL,
     N_("number of items the steering group selected")},
    {"", "totals.meetings_held", V, NULL, N_("number of meetings held")},

    {"item", "id", V, NULL, N_("the item's id, e.g. D3")},
    {"item", "kind", V, NULL, N_("goal, rule or doc")},
    {"item", "kind_label", V, NULL,
     N_("the kind in the handout's language (mål, regel, ...)")},
#define ROW_EXTRA_TEXT(name, doc)
#define ROW_EXTRA_TEXT_NULL(name, doc)
#define ROW_EXTRA_WORD(name, doc) {"item", name "_label", V, NULL, doc},
#define ROW_EXTRA_AREA(name, doc) {"item", name "_name", V, NULL, doc},
#define FIELD(id, name, type, vocab, option, key, arg, help, what, label,   \
	      doc, extra_doc)                                               \
    {"item", name, V, NULL, doc}, ROW_EXTRA_##type(name, extra_doc)
#include "item_fields.h"
#undef FIELD
    {"item", "phase", V, NULL,
     N_("the phase that was current when it was registered")},
    {"item", "notes", L, "note",
     N_("the field notes: quotes and observations")},
    {"item", "quotes", L, "note", N_("the item's first two notes")},
    {"item", "experience", G, NULL, N_("experience ratings per survey round")},
    {"item", "experience.baseline", G, NULL, N_("ratings of the first round")},
    {"item", "experience.baseline.supportive", V, NULL,
     N_("respondents who find it supportive")},
    {"item", "experience.baseline.too-tight", V, NULL,
     N_("respondents who find it too tight")},
    {"item", "experience.baseline.too-loose", V, NULL,
     N_("respondents who find it too loose")},
    {"item", "experience.followup", G, NULL,
     N_("ratings of the follow-up round")},
    {"item", "experience.followup.supportive", V, NULL,
     N_("follow-up: supportive")},
    {"item", "experience.followup.too-tight", V, NULL,
     N_("follow-up: too tight")},
    {"item", "experience.followup.too-loose", V, NULL,
     N_("follow-up: too loose")},
    {"item", "supportive", V, NULL,
     N_("first round: supportive (a number; – when no one rated the item)")},
    {"item", "tight", V, NULL,
     N_("first round: too tight (a number; – when no one rated the item)")},
    {"item", "loose", V, NULL,
     N_("first round: too loose (a number; – when no one rated the item)")},
    {"item", "followup_supportive", V, NULL,
     N_("follow-up: supportive (– when the item was not rated again)")},
    {"item", "followup_tight", V, NULL,
     N_("follow-up: too tight (– when the item was not rated again)")},
    {"item", "followup_loose", V, NULL,
     N_("follow-up: too loose (– when the item was not rated again)")},
    {"item", "burden", G, NULL,
     N_("the time estimate; empty when there is none")},
    {"item", "burden.minutes", V, NULL, N_("minutes per occurrence")},
    {"item", "burden.per_year", V, NULL, N_("occurrences per year")},
    {"item", "burden.staff", V, NULL, N_("number of staff who carry it")},
    {"item", "burden.hours_per_year", V, NULL, N_("hours per year")},
    {"item", "burden.hours_per_person", V, NULL,
     N_("hours per year per member of staff")},
    {"item", "burden.tariff", V, NULL, N_("kr per hour")},
    {"item", "burden.item_tariff", V, NULL,
     N_("the item's own tariff, kr per hour (empty: the register's)")},
    {"item", "burden.cost_per_year", V, NULL, N_("kr per year")},
    {"item", "votes", G, NULL, N_("workshop votes")},
    {"item", "votes.remove", V, NULL, N_("votes to remove it")},
    {"item", "votes.change", V, NULL, N_("votes to change it")},
    {"item", "votes.anchor", V, NULL, N_("votes to anchor it")},
    {"item", "votes.total", V, NULL, N_("all votes on it")},
    {"item", "votes_cast", L, "vote", N_("every vote as recorded")},
    {"item", "leading", V, NULL,
     N_("the priority with most votes: remove, change, anchor or tie")},
    {"item", "leading_label", V, NULL,
     N_("the leading priority in the handout's language")},
    {"item", "priority", V, NULL, N_("the workshop's proposal")},
    {"item", "priority_label", V, NULL,
     N_("the proposal in the handout's language")},
    {"item", "priority_reason", V, NULL, N_("why the workshop proposed it")},
    {"item", "priority_by", V, NULL, N_("who recorded the proposal")},
    {"item", "priority_date", V, NULL, N_("when it was proposed")},
    {"item", "decision", V, NULL,
     N_("the steering group's decision: selected, deferred, rejected")},
    {"item", "decision_label", V, NULL,
     N_("the decision in the handout's language")},
    {"item", "decision_reason", V, NULL, N_("why it was decided so")},
    {"item", "decision_date", V, NULL, N_("when it was decided")},
    {"item", "decision_by", V, NULL, N_("who recorded the decision")},
    {"item", "solution", G, NULL,
     N_("the solution track; empty when there is none")},
    {"item", "solution.status", V, NULL,
     N_("idea, prototype, pilot or implemented")},
    {"item", "solution.status_label", V, NULL,
     N_("the status in the handout's language")},
    {"item", "solution.criteria", V, NULL, N_("the evaluation criteria")},
    {"item", "solution.evaluate_by", V, NULL, N_("when it is evaluated")},

    {"note", "text", V, NULL, N_("the quote or observation")},
    {"note", "method", V, NULL, N_("interview, observation or document")},
    {"note", "method_label", V, NULL,
     N_("the method in the handout's language")},
    {"note", "by", V, NULL, N_("who wrote it down")},
    {"note", "date", V, NULL, N_("when")},

    {"item", "ratings", L, "rating", N_("every rating as recorded")},
    {"rating", "round", V, NULL, N_("baseline or followup")},
    {"rating", "experience", V, NULL,
     N_("supportive, too-tight or too-loose")},
    {"rating", "respondent", V, NULL, N_("who answered")},
    {"rating", "date", V, NULL, N_("the day it was answered")},
    {"rating", "answer_id", V, NULL,
     N_("the survey tool's id of the answer (empty: none)")},

    {"vote", "priority", V, NULL, N_("remove, change or anchor")},
    {"vote", "by", V, NULL, N_("who voted (empty for paper ballots)")},
    {"vote", "count", V, NULL, N_("how many paper ballots")},
    {"vote", "meeting", V, NULL, N_("the workshop it was cast in")},
    {"vote", "date", V, NULL, N_("the day it was cast")},

    {"area", "id", V, NULL, N_("the area's id")},
    {"area", "name", V, NULL, N_("the area's name")},
    {"area", "items", L, "item", N_("the items in the area")},

    {"phase", "number", V, NULL, N_("1 to 6")},
    {"phase", "name", V, NULL,
     N_("the phase's name in the handout's language")},
    {"phase", "names", G, NULL, N_("the phase's name in each language")},
    {"phase", "names.da", V, NULL, N_("in Danish")},
    {"phase", "names.en", V, NULL, N_("in English")},
    {"phase", "status", V, NULL, N_("done, active or not-started")},
    {"phase", "status_label", V, NULL,
     N_("the status in the handout's language")},
    {"phase", "started", V, NULL, N_("when it started")},
    {"phase", "completed", V, NULL, N_("when it was completed")},
    {"phase", "milestones_done", V, NULL, N_("milestones reached")},
    {"phase", "milestones_total", V, NULL, N_("milestones in all")},
    {"phase", "milestones", L, "milestone", N_("the phase's milestones")},

    {"milestone", "id", V, NULL, N_("e.g. 4.2")},
    {"milestone", "title", V, NULL,
     N_("what is to be reached, in the handout's language")},
    {"milestone", "titles", G, NULL, N_("the title in each language")},
    {"milestone", "titles.da", V, NULL, N_("in Danish")},
    {"milestone", "titles.en", V, NULL, N_("in English")},
    {"milestone", "done", V, NULL, N_("when it was reached; empty if open")},
    {"milestone", "note", V, NULL, N_("a note on it")},

    {"meeting", "id", V, NULL, N_("the meeting's id, e.g. M2")},
    {"meeting", "kind", V, NULL,
     N_("module, network, workshop, seminar, learning, steering")},
    {"meeting", "kind_label", V, NULL,
     N_("the kind in the handout's language")},
    {"meeting", "title", V, NULL, N_("the meeting's title")},
    {"meeting", "date", V, NULL, N_("its date")},
    {"meeting", "phase", V, NULL, N_("the phase it belongs to")},
    {"meeting", "held", V, NULL,
     N_("whether it has been held (its date has come): ja/nej, yes/no")},
    {"meeting", "attendees", L, NULL, N_("ids of the people who attended")},

    {"person", "id", V, NULL, N_("the person's id, e.g. P3")},
    {"person", "name", V, NULL, N_("the person's name")},
    {"person", "role", V, NULL,
     N_("management, med, administration, staff, steward, agent, steering, "
	"facilitator")},
    {"person", "role_label", V, NULL, N_("the role in the handout's language")},

    {"conflict", "id", V, NULL, N_("the conflict's id, e.g. C1")},
    {"conflict", "kind", V, NULL, N_("what kind of conflict it is")},
    {"conflict", "at", V, NULL, N_("what it is about (an item, a field)")},
    {"conflict", "ref", V, NULL, N_("the id of the record concerned")},
    {"conflict", "what", V, NULL, N_("the conflict in words")},
    {"conflict", "base", V, NULL, N_("the value both started from")},
    {"conflict", "ours", V, NULL, N_("the value on this side")},
    {"conflict", "theirs", V, NULL, N_("the value on the other side")},

    {"entry", "when", V, NULL, N_("when (date and time, UTC)")},
    {"entry", "date", V, NULL,
     N_("the day it happened (YYYY-MM-DD; --date, else the day recorded)")},
    {"entry", "by", V, NULL, N_("who made the change")},
    {"entry", "action", V, NULL, N_("prioritise, decide or solution")},
    {"entry", "action_label", V, NULL,
     N_("the action in the handout's language")},
    {"entry", "ref", V, NULL, N_("the item's id")},
    {"entry", "item_title", V, NULL, N_("the item's title (now)")},
    {"entry", "what", V, NULL,
     N_("what was changed, in plain words: \"Forslag: Fjerne; "
	"begrundelse: ...\", a change as \"Fjerne → Forandre\"")},
    {"entry", "logged", V, NULL, N_("what was changed, as the log says it")},
    {NULL, NULL, V, NULL, NULL}};

#undef V
#undef L
#undef G

/* A phase's status as view.c gives it; anything else has not started. */
static const char *phase_status_label(const char *status, const char *lang)
{
	if (vocab_index(&vocab_phase_status, status) < 0)
		status = "not-started";
	return vocab_label(&vocab_phase_status, status, lang);
}

static bool is_str(const struct val *v, const char *path, const char *s)
{
	const char *x = val_str_at(v, path);

	return x && !strcmp(x, s);
}

/* A count of the ratings of ROUND ("baseline", "followup"), or "–" when
 * no one rated the item in that round: an evaluation that did not happen
 * is not zero people finding it supportive (SPEC section 7). */
static struct val *measured(struct arena *a, const struct val *item,
			    const char *round, const char *experience)
{
	static const char *const all[] = {"supportive", "too-tight",
					  "too-loose"};
	char path[64];
	bool any = false;
	size_t i;

	for (i = 0; i < 3 && !any; i++) {
		snprintf(path, sizeof path, "experience.%s.%s", round, all[i]);
		any = val_int_at(item, path) != 0;
	}
	if (!any)
		return val_str(a, "\xe2\x80\x93");
	snprintf(path, sizeof path, "experience.%s.%s", round, experience);
	return val_int(a, val_int_at(item, path));
}

/* The extras of one item (the "item" rows of handout_fields). */
static void item_extras(struct arena *a, struct val *item, const char *lang)
{
	const struct val *notes = val_get(item, "notes");
	struct val *quotes = val_arr(a);
	const char *leading = val_str_at(item, "leading");
	size_t i;

	for (i = 0; notes && i < notes->u.arr.n && i < 2; i++)
		val_push(a, quotes, notes->u.arr.v[i]);
	val_set(a, item, "quotes", quotes);
	val_set(a, item, "supportive",
		measured(a, item, "baseline", "supportive"));
	val_set(a, item, "tight", measured(a, item, "baseline", "too-tight"));
	val_set(a, item, "loose", measured(a, item, "baseline", "too-loose"));
	val_set(a, item, "followup_supportive",
		measured(a, item, "followup", "supportive"));
	val_set(a, item, "followup_tight",
		measured(a, item, "followup", "too-tight"));
	val_set(a, item, "followup_loose",
		measured(a, item, "followup", "too-loose"));
	val_set(a, item, "leading_label",
		val_str(a, !leading ? ""
			   : !strcmp(leading, "tie")
			       ? vocab_label(&vocab_handout, "tie", lang)
			       : vocab_label(&vocab_priority, leading, lang)));
}

/* Sorts LIST by its members' "date" (ISO dates sort as strings),
 * keeping the order of those of one day (a merge sort: stable, and a
 * long log is no slower for it); a member without a date goes last. */
static int date_cmp(const struct val *x, const struct val *y)
{
	const char *d = val_str_at(x, "date"), *e = val_str_at(y, "date");

	if (!d || !e)
		return !d - !e;
	return strcmp(d, e);
}

static void merge_sort(struct val **v, struct val **tmp, size_t n)
{
	size_t half = n / 2, i = 0, j = half, k = 0;

	if (n < 2)
		return;
	merge_sort(v, tmp, half);
	merge_sort(v + half, tmp, n - half);
	while (i < half && j < n)
		tmp[k++] = date_cmp(v[j], v[i]) < 0 ? v[j++] : v[i++];
	while (i < half)
		tmp[k++] = v[i++];
	while (j < n)
		tmp[k++] = v[j++];
	memcpy(v, tmp, n * sizeof *v);
}

static void by_date(struct val *list)
{
	struct val **tmp;

	if (!list || list->u.arr.n < 2)
		return;
	tmp = xmalloc(list->u.arr.n * sizeof *tmp);
	merge_sort(list->u.arr.v, tmp, list->u.arr.n);
	free(tmp);
}

/* The log's sentence in plain words for a reader of the decision log:
 * "forslag: ingen -> Fjerne; begrundelse: ..." reads "Forslag: Fjerne;
 * begrundelse: ...", and a change "Fjerne -> Forandre" reads "Fjerne →
 * Forandre".  The log keeps its own words (it is the record; "logged"). */
static const char *plain_what(struct arena *a, const char *text)
{
	static const char *const nothing[] = {"ingen -> ", "none -> "};
	struct strbuf sb = {0};
	const char *p = text, *out;
	size_t i;

	while (*p) {
		bool skipped = false;

		/* "none -> " after a "label: " or at the start: the value
		 * alone says it. */
		if (p == text || (p - text >= 2 && p[-1] == ' ' && p[-2] == ':'))
			for (i = 0; i < 2 && !skipped; i++)
				if (!strncmp(p, nothing[i], strlen(nothing[i]))) {
					p += strlen(nothing[i]);
					skipped = true;
				}
		if (skipped)
			continue;
		if (!strncmp(p, " -> ", 4)) {
			sb_puts(&sb, " \xe2\x86\x92 ");
			p += 4;
			continue;
		}
		sb_add(&sb, p, 1);
		p++;
	}
	if (sb.len && sb.buf[0] >= 'a' && sb.buf[0] <= 'z')
		sb.buf[0] = (char)(sb.buf[0] - 'a' + 'A');
	out = arena_printf(a, "%s", sb.len ? sb.buf : "");
	sb_free(&sb);
	return out;
}

static struct val *decisions(struct arena *a, struct reg *r,
			     xmlHashTablePtr included, const char *area,
			     const char *lang)
{
	struct val *list = val_arr(a);
	xmlHashTablePtr titles = xmlHashCreate(0);
	xmlNodePtr e, n;

	for (n = node_first(r->items); n; n = node_after(n))
		xmlHashAddEntry(titles, BAD_CAST node_attr(n, "id"),
				(void *)node_text(node_child(n, "title")));
	/* A deleted item lives on whole in its delete entry: its rows keep
	 * their title (ids are never reused, so no clash). */
	for (e = node_first(r->log); e; e = node_after(e))
		if (!strcmp(node_attr(e, "action") ? node_attr(e, "action") : "",
			    "delete") &&
		    node_child(e, "item") && node_attr(e, "ref"))
			xmlHashAddEntry(
			    titles, BAD_CAST node_attr(e, "ref"),
			    (void *)node_text(
				node_child(node_child(e, "item"), "title")));
	/* An item whose kind changed keeps its title under its old ids
	 * (newest first, to follow R1 -> D2 -> G1 back). */
	for (e = r->log->last; e; e = e->prev) {
		const char *became, *title;
		if (e->type != XML_ELEMENT_NODE ||
		    !(became = node_attr(e, "became")) || !node_attr(e, "ref"))
			continue;
		title = xmlHashLookup(titles, BAD_CAST became);
		if (title)
			xmlHashAddEntry(titles, BAD_CAST node_attr(e, "ref"),
					(void *)title);
	}
	for (e = node_first(r->log); e; e = node_after(e)) {
		const char *action = node_attr(e, "action");
		const char *ref = node_attr(e, "ref");
		const char *when = node_attr(e, "when");
		const char *title;
		struct val *d;

		if (!action ||
		    (strcmp(action, "prioritise") && strcmp(action, "decide") &&
		     strcmp(action, "solution")))
			continue;
		if (area && (!ref || !xmlHashLookup(included, BAD_CAST ref)))
			continue;
		title = ref ? xmlHashLookup(titles, BAD_CAST ref) : NULL;
		d = val_obj(a);
		val_set(a, d, "when", val_str(a, when));
		/* The day it was decided (--date), else the day it was
		 * typed in: a decision log dated by the typing misleads. */
		val_set(a, d, "date",
			val_str(a, node_attr(e, "happened")
				       ? node_attr(e, "happened")
				       : arena_printf(a, "%.10s",
						      when ? when : "")));
		val_set(a, d, "by", val_str(a, node_attr(e, "by")));
		val_set(a, d, "action", val_str(a, action));
		val_set(
		    a, d, "action_label",
		    val_str(a, vocab_label(&vocab_log_action, action, lang)));
		val_set(a, d, "ref", val_str(a, ref ? ref : ""));
		val_set(a, d, "item_title", val_str(a, title ? title : ""));
		val_set(a, d, "what",
			val_str(a, plain_what(a, node_text(
					      node_child(e, "what")))));
		val_set(a, d, "logged",
			val_str(a, node_text(node_child(e, "what"))));
		val_push(a, list, d);
	}
	xmlHashFree(titles, NULL);
	/* A decision log reads in the order things happened (--date),
	 * not the order they were typed in. */
	by_date(list);
	return list;
}

struct val *handout_decisions(struct arena *a, struct reg *r,
			      const char *lang)
{
	return decisions(a, r, NULL, NULL, lang);
}

static long meetings_held(struct reg *r, const char *today)
{
	xmlNodePtr m;
	long n = 0;

	for (m = node_first(r->meetings); m; m = node_after(m))
		n += meeting_held(m, today);
	return n;
}

struct val *handout_data(struct arena *a, struct reg *r, const char *lang,
			 const char *area)
{
	struct view_opts o = {lang, area, true};
	struct val *v = view_register(a, r, &o);
	struct val *items = val_get(v, "items"), *areas = val_get(v, "areas");
	struct val *phases = val_get(v, "phases");

	struct val *meetings = val_get(v, "meetings"), *upcoming = val_arr(a);

	by_date(meetings);
	/* "What happens next" must not list a meeting already held. */
	for (size_t k = 0; meetings && k < meetings->u.arr.n; k++)
		if (!val_truthy(val_get(meetings->u.arr.v[k], "held")))
			val_push(a, upcoming, meetings->u.arr.v[k]);
	val_set(a, v, "upcoming_meetings", upcoming);
	struct val *unassigned = val_arr(a), *proposed = val_arr(a);
	struct val *selected = val_arr(a), *next = val_arr(a);
	struct val *totals = val_obj(a);
	xmlHashTablePtr by_id = xmlHashCreate(0), included = xmlHashCreate(0);
	long current = val_int_at(v, "current_phase"), votes = 0;
	double hours = 0, freed = 0, cost = 0, cost_freed = 0;
	char *today = arena_alloc(a, 11);
	const char *phase_name = "", *next_name = "";
	size_t i, j;

	today_iso(today);
	val_set(a, v, "today", val_str(a, today));
	val_set(a, v, "lang", val_str(a, lang));
	struct val *title = val_get(v, "title");
	if (title && title->type == VAL_STR && !*title->u.str)
		*title = *val_str(a, vocab_label(&vocab_handout, "untitled", lang));
	val_set(a, v, "area_filter", val_str(a, area ? area : ""));

	for (i = 0; i < phases->u.arr.n; i++) {
		struct val *ph = phases->u.arr.v[i];
		const struct val *ms = val_get(ph, "milestones");
		const char *status = val_str_at(ph, "status");
		val_set(a, ph, "status_label",
			val_str(a, phase_status_label(status, lang)));
		if (val_int_at(ph, "number") == current + 1)
			next_name = val_str_at(ph, "name");
		if (val_int_at(ph, "number") != current)
			continue;
		phase_name = val_str_at(ph, "name");
		for (j = 0; j < ms->u.arr.n; j++)
			if (!val_str_at(ms->u.arr.v[j], "done"))
				val_push(a, next, ms->u.arr.v[j]);
	}
	val_set(a, v, "current_phase_name", val_str(a, phase_name));
	val_set(a, v, "next_phase_name", val_str(a, next_name));

	/* Each area gets its items: grouped in one pass over the items. */
	for (i = 0; i < areas->u.arr.n; i++) {
		struct val *ar = areas->u.arr.v[i], *list = val_arr(a);
		val_set(a, ar, "items", list);
		xmlHashAddEntry(by_id, BAD_CAST val_str_at(ar, "id"), list);
	}
	for (i = 0; i < items->u.arr.n; i++) {
		struct val *it = items->u.arr.v[i], *list;
		const char *aid = val_str_at(it, "area");
		item_extras(a, it, lang);
		xmlHashAddEntry(included, BAD_CAST val_str_at(it, "id"), it);
		list = aid ? xmlHashLookup(by_id, BAD_CAST aid) : unassigned;
		if (list)
			val_push(a, list, it);
		if (val_truthy(val_get(it, "priority")))
			val_push(a, proposed, it);
		if (is_str(it, "decision", "selected"))
			val_push(a, selected, it);
		double h = val_num_at(it, "burden.hours_per_year");
		double kr = val_num_at(it, "burden.cost_per_year");
		hours += h;
		cost += kr;
		/* Only what can be removed frees time: not a law, not what
		 * the steering group rejected. */
		if ((is_str(it, "priority", "remove") ||
		     (!val_str_at(it, "priority") &&
		      is_str(it, "leading", "remove"))) &&
		    !is_str(it, "origin", "law") &&
		    !is_str(it, "decision", "rejected")) {
			freed += h;
			cost_freed += kr;
		}
		votes += val_int_at(it, "votes.total");
	}
	val_set(a, v, "unassigned", unassigned);
	val_set(a, v, "proposed", proposed);
	val_set(a, v, "selected", selected);
	val_set(a, v, "next_milestones", next);
	val_set(a, v, "decisions", decisions(a, r, included, area, lang));

	val_set(a, totals, "items", val_int(a, (long)items->u.arr.n));
	val_set(a, totals, "hours_per_year", val_num(a, hours));
	val_set(a, totals, "hours_freed", val_num(a, freed));
	val_set(a, totals, "cost_per_year", val_num(a, cost));
	val_set(a, totals, "cost_freed", val_num(a, cost_freed));
	val_set(a, totals, "votes", val_int(a, votes));
	val_set(a, totals, "selected", val_int(a, (long)selected->u.arr.n));
	val_set(a, totals, "meetings_held",
		val_int(a, meetings_held(r, today)));
	val_set(a, v, "totals", totals);
	xmlHashFree(by_id, NULL);
	xmlHashFree(included, NULL);
	return v;
}
