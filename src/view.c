// SPDX-License-Identifier: GPL-3.0-or-later
/* The register as data (SPEC section 3's JSON shape); see view.h. */
#include <stdlib.h>
#include <string.h>

#include "number.h"
#include "phase.h"
#include "strmap.h"
#include "util.h"
#include "view.h"
#include "vocab.h"

static double attr_num(xmlNodePtr n, const char *name)
{
	const char *s = node_attr(n, name);

	return s ? strtod(s, NULL) : 0;
}

double reg_default_tariff(struct reg *r)
{
	return attr_num(node_child(r->root, "settings"), "tariff");
}

void burden_describe(struct strbuf *sb, const struct item_facts *f)
{
	const char *lang = msg_lang();
	char hours[32], per_person[32], tariff[32], cost[32];
	size_t n;

	format_decimal_for(hours, f->hours_per_year, lang);
	sb_printf(sb, _("%s hours per year"), hours);
	if (f->staff > 0) {
		format_decimal_for(per_person, f->hours_per_year / f->staff,
				   lang);
		sb_printf(sb, _(", %s per person"), per_person);
	}
	if (f->cost_per_year >= 0) {
		/* A tariff is kroner: "450", not "450.0". */
		format_decimal_for(tariff, f->tariff, lang);
		n = strlen(tariff);
		if (n > 2 && strchr(".,", tariff[n - 2]) && tariff[n - 1] == '0')
			tariff[n - 2] = '\0';
		format_kroner_for(cost, f->cost_per_year, lang);
		sb_printf(sb, _(", %s kr per year (at %s kr per hour)"), cost,
			  tariff);
	}
}

static struct val *text_or_null(struct arena *a, xmlNodePtr item,
				const char *name)
{
	xmlNodePtr n = node_child(item, name);

	return n ? val_str(a, node_text(n)) : val_null(a);
}

/* KEY and SUFFIX ("priority" "_label"), made without printf: handouts
 * label every item. */
static const char *key_with(struct arena *a, const char *key,
			    const char *suffix)
{
	size_t n = strlen(key), m = strlen(suffix);
	char *name = arena_alloc(a, n + m + 1);

	memcpy(name, key, n);
	memcpy(name + n, suffix, m + 1);
	return name;
}

/* Adds KEY_label with the label of VALUE when labels are asked for. */
static void label(struct arena *a, struct val *obj, const char *key,
		  const struct vocab *v, const char *value,
		  const struct view_opts *o)
{
	if (!o || !o->lang)
		return;
	val_set(a, obj, key_with(a, key, "_label"),
		val_str(a, value ? vocab_label(v, value, o->lang) : ""));
}

/* The workshop's proposal or the steering group's decision (NAME
 * "priority" or "decision", its values in WORDS): NAME, its label,
 * NAME_reason, NAME_date and NAME_by. */
static void judgement(struct arena *a, struct val *v, xmlNodePtr item,
		      const char *name, const struct vocab *words,
		      const struct view_opts *o)
{
	xmlNodePtr n = node_child(item, name);
	const char *value = node_attr(n, "value");

	val_set(a, v, name, val_str_or_null(a, value));
	label(a, v, name, words, value, o);
	val_set(a, v, key_with(a, name, "_reason"),
		n && *node_text(n) ? val_str(a, node_text(n)) : val_null(a));
	val_set(a, v, key_with(a, name, "_date"),
		val_str_or_null(a, node_attr(n, "date")));
	val_set(a, v, key_with(a, name, "_by"),
		val_str_or_null(a, node_attr(n, "by")));
}

/* A descriptive field of ITEM, and the key beside it when labels are
 * asked for (item_fields.h). */
static void field(struct arena *a, struct reg *r, struct val *obj,
		  xmlNodePtr item, enum item_field i, const struct view_opts *o)
{
	const struct item_field_info *f = &item_field_info[i];
	const char *s = item_field_get(item, i);

	switch (f->type) {
	case ITEM_TEXT:
		val_set(a, obj, f->name, val_str(a, s ? s : ""));
		break;
	case ITEM_TEXT_NULL:
		val_set(a, obj, f->name, val_str_or_null(a, s));
		break;
	case ITEM_WORD:
		val_set(a, obj, f->name, val_str_or_null(a, s));
		label(a, obj, f->name, f->vocab, s, o);
		break;
	case ITEM_AREA:
		val_set(a, obj, f->name, val_str_or_null(a, s));
		if (o && o->lang)
			val_set(a, obj, f->extra,
				val_str(a, s ? node_text(reg_area(r, s)) : ""));
		break;
	}
}

static struct val *experience(struct arena *a, const int counts[3])
{
	struct val *o = val_obj(a);
	int i;

	for (i = 0; i < 3; i++)
		val_set(a, o, vocab_experience.words[i].key,
			val_int(a, counts[i]));
	return o;
}

/* A numeric attribute as a number, null when absent. */
static struct val *num_or_null(struct arena *a, xmlNodePtr n,
			       const char *name)
{
	const char *s = node_attr(n, name);

	return s ? val_num(a, strtod(s, NULL)) : val_null(a);
}

/* The burden: the item's own figures, what follows from them, and the
 * tariff it is costed at ("tariff": its own, else the register's; its own
 * alone in "item_tariff"). */
static struct val *burden(struct arena *a, const struct item_facts *f,
			  xmlNodePtr n)
{
	struct val *b = val_obj(a);

	val_set(a, b, "minutes", val_num(a, f->minutes));
	val_set(a, b, "per_year", val_num(a, f->per_year));
	val_set(a, b, "staff", f->staff ? val_num(a, f->staff) : val_null(a));
	val_set(a, b, "hours_per_year", val_num(a, f->hours_per_year));
	val_set(a, b, "hours_per_person",
		f->staff ? val_num(a, f->hours_per_year / f->staff)
			 : val_null(a));
	val_set(a, b, "tariff", f->tariff ? val_num(a, f->tariff) : val_null(a));
	val_set(a, b, "item_tariff", num_or_null(a, n, "tariff"));
	val_set(a, b, "cost_per_year",
		f->cost_per_year >= 0 ? val_num(a, f->cost_per_year)
				      : val_null(a));
	return b;
}

/* A numeric attribute as a plain number, "" when absent. */
static const char *number(xmlNodePtr n, const char *attr, char buf[32])
{
	const char *s = node_attr(n, attr);

	if (!s)
		return "";
	csv_format_number(buf, strtod(s, NULL));
	return buf;
}

static const char *text_of(xmlNodePtr parent, const char *name)
{
	return node_text(node_child(parent, name));
}

/* Every rating as recorded, in order: a later one by the same respondent
 * in the same round replaces an earlier one (item.h). */
static struct val *ratings(struct arena *a, xmlNodePtr item)
{
	struct val *arr = val_arr(a);
	xmlNodePtr n;

	for (n = node_child(item, "rating"); n; n = node_next(n, "rating")) {
		struct val *o = val_obj(a);
		val_set(a, o, "round", val_str(a, node_attr(n, "round")));
		val_set(a, o, "experience",
			val_str(a, node_attr(n, "experience")));
		val_set(a, o, "respondent",
			val_str_or_null(a, node_attr(n, "respondent")));
		val_set(a, o, "date", val_str_or_null(a, node_attr(n, "date")));
		val_set(a, o, "answer_id",
			val_str_or_null(a, node_attr(n, "answer-id")));
		val_push(a, arr, o);
	}
	return arr;
}

/* Every vote as recorded, in order: by a person ("by") or a count of
 * paper ballots ("count"), with its meeting and date. */
static struct val *votes_cast(struct arena *a, xmlNodePtr item)
{
	struct val *arr = val_arr(a);
	xmlNodePtr n;

	for (n = node_child(item, "vote"); n; n = node_next(n, "vote")) {
		struct val *o = val_obj(a);
		const char *count = node_attr(n, "count");
		val_set(a, o, "priority",
			val_str(a, node_attr(n, "priority")));
		val_set(a, o, "by", val_str_or_null(a, node_attr(n, "by")));
		val_set(a, o, "count",
			count ? val_int(a, atol(count)) : val_null(a));
		val_set(a, o, "meeting",
			val_str_or_null(a, node_attr(n, "meeting")));
		val_set(a, o, "date", val_str_or_null(a, node_attr(n, "date")));
		val_push(a, arr, o);
	}
	return arr;
}

/* The vocabulary of each column that holds a keyword, or NULL. */
void view_column_vocabs(const struct vocab *v[COL_COUNT])
{
	int c = COL_TITLE, i;

	memset(v, 0, COL_COUNT * sizeof *v);
	v[COL_KIND] = &vocab_kind;
	for (i = 0; i < F_COUNT; i++) {
		v[c++] = item_field_info[i].vocab;
		if (item_field_info[i].type == ITEM_AREA)
			c++;
	}
	v[COL_PRIORITY] = &vocab_priority;
	v[COL_DECISION] = &vocab_decision;
	v[COL_SOLUTION] = &vocab_status;
}

struct strmap *view_area_index(struct reg *r)
{
	struct strmap *areas = strmap_new(0);
	xmlNodePtr n;

	for (n = node_first(r->areas); n; n = node_after(n))
		strmap_add(areas, node_attr(n, "id"), n);
	return areas;
}

void view_item_row(struct strmap *areas, double default_tariff,
		   xmlNodePtr item, struct item_row *row)
{
	const char **cell = row->cell;
	xmlNodePtr burden = node_child(item, "burden");
	xmlNodePtr prio = node_child(item, "priority");
	xmlNodePtr dec = node_child(item, "decision");
	xmlNodePtr sol = node_child(item, "solution");
	struct item_facts facts;
	xmlNodePtr n;
	int c, i;

	memset(cell, 0, sizeof row->cell);
	cell[COL_ID] = node_attr(item, "id");
	cell[COL_KIND] = node_attr(item, "kind");
	/* The fields' columns follow one another in the table's order. */
	c = COL_TITLE;
	for (i = 0; i < F_COUNT; i++) {
		const char *v = item_field_get(item, (enum item_field)i);
		cell[c++] = v;
		if (item_field_info[i].type != ITEM_AREA)
			continue;
		n = v ? strmap_get(areas, v) : NULL;
		cell[c++] = n ? node_text(n) : NULL;
	}
	/* The item's own figures, and the tariff it is costed at: its own,
	 * else the register's default, so that the cost is the same in the
	 * register the file is imported into (which stores it as the
	 * item's own). */
	cell[COL_MINUTES] = number(burden, "minutes", row->num[0]);
	cell[COL_PER_YEAR] = number(burden, "per-year", row->num[1]);
	cell[COL_STAFF] = number(burden, "staff", row->num[2]);
	cell[COL_TARIFF] = number(burden, "tariff", row->num[3]);
	if (burden && !*cell[COL_TARIFF] && default_tariff > 0) {
		csv_format_number(row->num[3], default_tariff);
		cell[COL_TARIFF] = row->num[3];
	}
	item_facts(item, NULL, 0, &facts);
	for (i = 0; i < 3; i++) {
		snprintf(row->votes[i], sizeof row->votes[i], "%d",
			 facts.votes[i]);
		cell[COL_VOTES_REMOVE + i] = row->votes[i];
	}
	cell[COL_PRIORITY] = node_attr(prio, "value");
	cell[COL_PRIORITY_REASON] = prio ? node_text(prio) : NULL;
	cell[COL_PRIORITY_DATE] = node_attr(prio, "date");
	cell[COL_PRIORITY_BY] = node_attr(prio, "by");
	cell[COL_DECISION] = node_attr(dec, "value");
	cell[COL_DECISION_REASON] = dec ? node_text(dec) : NULL;
	cell[COL_DECISION_DATE] = node_attr(dec, "date");
	cell[COL_DECISION_BY] = node_attr(dec, "by");
	cell[COL_SOLUTION] = node_attr(sol, "status");
	cell[COL_CRITERIA] = sol ? text_of(sol, "criteria") : NULL;
	cell[COL_EVALUATE_BY] = node_attr(sol, "evaluate-by");
}

struct val *view_item(struct arena *a, struct reg *r, xmlNodePtr item,
		      const struct view_opts *o)
{
	struct val *v = val_obj(a), *notes = val_arr(a), *votes = val_obj(a);
	struct val *exp = val_obj(a);
	struct item_facts f;
	xmlNodePtr n;
	int i;

	item_facts(item, NULL, reg_default_tariff(r), &f);
	const char *kind = node_attr(item, "kind");

	val_set(a, v, "id", val_str(a, node_attr(item, "id")));
	val_set(a, v, "kind", val_str(a, kind));
	label(a, v, "kind", &vocab_kind, kind, o);
	for (i = 0; i < F_COUNT; i++)
		field(a, r, v, item, (enum item_field)i, o);
	const char *phase = node_attr(item, "phase");
	val_set(a, v, "phase", phase ? val_int(a, atol(phase)) : val_null(a));

	for (n = node_child(item, "note"); n; n = node_next(n, "note")) {
		struct val *note = val_obj(a);
		const char *method = node_attr(n, "method");
		val_set(a, note, "text", val_str(a, node_text(n)));
		val_set(a, note, "method", val_str_or_null(a, method));
		label(a, note, "method", &vocab_method, method, o);
		val_set(a, note, "by", val_str_or_null(a, node_attr(n, "by")));
		val_set(a, note, "date",
			val_str_or_null(a, node_attr(n, "date")));
		val_push(a, notes, note);
	}
	val_set(a, v, "notes", notes);
	val_set(a, v, "ratings", ratings(a, item));

	val_set(a, exp, "baseline", experience(a, f.exp[0]));
	val_set(a, exp, "followup", experience(a, f.exp[1]));
	val_set(a, v, "experience", exp);
	val_set(a, v, "burden",
		f.has_burden ? burden(a, &f, node_child(item, "burden"))
			     : val_null(a));

	for (i = 0; i < 3; i++)
		val_set(a, votes, vocab_priority.words[i].key,
			val_int(a, f.votes[i]));
	val_set(a, votes, "total",
		val_int(a, f.votes[0] + f.votes[1] + f.votes[2]));
	val_set(a, v, "votes", votes);
	val_set(a, v, "votes_cast", votes_cast(a, item));
	val_set(a, v, "leading",
		f.leading >= 0	   ? val_str(a, vocab_priority.words[f.leading].key)
		: f.leading == -2 ? val_str(a, "tie")
				  : val_null(a));

	judgement(a, v, item, "priority", &vocab_priority, o);
	judgement(a, v, item, "decision", &vocab_decision, o);

	n = node_child(item, "solution");
	if (n) {
		struct val *s = val_obj(a);
		const char *status = node_attr(n, "status");
		val_set(a, s, "status", val_str(a, status));
		label(a, s, "status", &vocab_status, status, o);
		val_set(a, s, "criteria", text_or_null(a, n, "criteria"));
		val_set(a, s, "evaluate_by",
			val_str_or_null(a, node_attr(n, "evaluate-by")));
		val_set(a, v, "solution", s);
	} else {
		val_set(a, v, "solution", val_null(a));
	}
	return v;
}

/* Every child NAME of PARENT as {"da": text, "en": text}: a phase's
 * names, a milestone's titles, in each language the model has. */
static struct val *lang_texts(struct arena *a, xmlNodePtr parent,
			      const char *name)
{
	struct val *o = val_obj(a);
	xmlNodePtr n;

	for (n = node_child(parent, name); n; n = node_next(n, name))
		val_set(a, o, node_attr(n, "lang"), val_str(a, node_text(n)));
	return o;
}

struct val *view_phases(struct arena *a, struct reg *r, const char *lang)
{
	struct val *phases = val_arr(a);
	xmlNodePtr p, m;

	for (p = node_child(r->model, "phase"); p; p = node_next(p, "phase")) {
		struct val *ph = val_obj(a), *ms = val_arr(a);
		const char *status = node_attr(p, "status");
		int done = 0, total = 0;

		val_set(a, ph, "number",
			val_int(a, atol(node_attr(p, "number"))));
		val_set(a, ph, "name", val_str(a, lang_text(p, "name", lang)));
		val_set(a, ph, "names", lang_texts(a, p, "name"));
		val_set(a, ph, "status",
			val_str(a, status ? status : "not-started"));
		val_set(a, ph, "started",
			val_str_or_null(a, node_attr(p, "started")));
		val_set(a, ph, "completed",
			val_str_or_null(a, node_attr(p, "completed")));
		for (m = node_child(p, "milestone"); m;
		     m = node_next(m, "milestone")) {
			struct val *mv = val_obj(a);
			const char *d = node_attr(m, "done");
			val_set(a, mv, "id", val_str(a, node_attr(m, "id")));
			val_set(a, mv, "title",
				val_str(a, lang_text(m, "title", lang)));
			val_set(a, mv, "titles", lang_texts(a, m, "title"));
			val_set(a, mv, "done", val_str_or_null(a, d));
			val_set(a, mv, "note", text_or_null(a, m, "note"));
			val_push(a, ms, mv);
			total++;
			done += d != NULL;
		}
		val_set(a, ph, "milestones_done", val_int(a, done));
		val_set(a, ph, "milestones_total", val_int(a, total));
		val_set(a, ph, "milestones", ms);
		val_push(a, phases, ph);
	}
	return phases;
}

struct val *view_meeting(struct arena *a, xmlNodePtr n, const char *today,
			 const struct view_opts *o)
{
	struct val *m = val_obj(a), *att = val_arr(a);
	const char *kind = node_attr(n, "kind");
	const char *phase = node_attr(n, "phase");
	xmlNodePtr c;

	val_set(a, m, "id", val_str(a, node_attr(n, "id")));
	val_set(a, m, "kind", val_str(a, kind));
	label(a, m, "kind", &vocab_meeting_kind, kind, o);
	val_set(a, m, "title", val_str(a, node_text(node_child(n, "title"))));
	val_set(a, m, "date", val_str(a, node_attr(n, "date")));
	val_set(a, m, "phase", phase ? val_int(a, atol(phase)) : val_null(a));
	for (c = node_child(n, "attendee"); c; c = node_next(c, "attendee"))
		val_push(a, att, val_str(a, node_attr(c, "ref")));
	val_set(a, m, "attendees", att);
	val_set(a, m, "held", val_bool(a, meeting_held(n, today)));
	return m;
}

/* The counters that hand out ids, so that an id once given is never given
 * again, not even after an export and import. */
static struct val *next_ids(struct arena *a, struct reg *r)
{
	struct val *o = val_obj(a);
	char counter[32];
	int i;

	val_set(a, o, "person", val_int(a, atol(node_attr(r->people, "next"))));
	val_set(a, o, "meeting",
		val_int(a, atol(node_attr(r->meetings, "next"))));
	for (i = 0; i < 3; i++) {
		const char *kind = vocab_kind.words[i].key;
		snprintf(counter, sizeof counter, "next-%s", kind);
		val_set(a, o, kind,
			val_int(a, atol(node_attr(r->items, counter))));
	}
	xmlNodePtr c = node_child(r->root, "conflicts");
	val_set(a, o, "conflict", val_int(a, c ? atol(node_attr(c, "next")) : 1));
	return o;
}

/* The copy for the field this register is (styr copy), or null. */
static struct val *copy_of(struct arena *a, struct reg *r)
{
	xmlNodePtr n = node_child(r->root, "copy");
	struct val *o;

	if (!n)
		return val_null(a);
	o = val_obj(a);
	val_set(a, o, "id", val_str(a, node_attr(n, "id")));
	val_set(a, o, "from", val_str(a, node_attr(n, "from")));
	val_set(a, o, "when", val_str(a, node_attr(n, "when")));
	return o;
}

struct val *view_conflict(struct arena *a, xmlNodePtr n)
{
	struct val *o = val_obj(a);
	static const char *const texts[] = {"what", "base", "ours", "theirs"};

	val_set(a, o, "id", val_str(a, node_attr(n, "id")));
	val_set(a, o, "kind", val_str(a, node_attr(n, "kind")));
	val_set(a, o, "at", val_str(a, node_attr(n, "at")));
	val_set(a, o, "ref", val_str_or_null(a, node_attr(n, "ref")));
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
		val_set(a, o, texts[i], text_or_null(a, n, texts[i]));
	return o;
}

/* What a merge left for a person to decide (styr conflicts). */
static struct val *conflicts(struct arena *a, struct reg *r)
{
	struct val *arr = val_arr(a);
	xmlNodePtr list = node_child(r->root, "conflicts"), n;

	for (n = list ? node_first(list) : NULL; n; n = node_after(n))
		val_push(a, arr, view_conflict(a, n));
	return arr;
}

struct val *view_log_entry(struct arena *a, struct reg *r, xmlNodePtr e)
{
	struct val *o = val_obj(a);
	xmlNodePtr item = node_child(e, "item");

	val_set(a, o, "when", val_str(a, node_attr(e, "when")));
	val_set(a, o, "by", val_str(a, node_attr(e, "by")));
	val_set(a, o, "action", val_str(a, node_attr(e, "action")));
	val_set(a, o, "ref", val_str_or_null(a, node_attr(e, "ref")));
	val_set(a, o, "what", val_str(a, node_text(node_child(e, "what"))));
	val_set(a, o, "happened",
		val_str_or_null(a, node_attr(e, "happened")));
	if (node_attr(e, "became"))
		val_set(a, o, "became", val_str(a, node_attr(e, "became")));
	if (node_attr(e, "digest"))
		val_set(a, o, "digest", val_str(a, node_attr(e, "digest")));
	if (node_child(e, "was"))
		val_set(a, o, "was", val_str(a, node_text(node_child(e, "was"))));
	if (node_child(e, "now"))
		val_set(a, o, "now", val_str(a, node_text(node_child(e, "now"))));
	if (item)
		val_set(a, o, "item", view_item(a, r, item, NULL));
	return o;
}

static struct val *view(struct arena *a, struct reg *r,
			const struct view_opts *o, bool items)
{
	const char *lang = o && o->lang ? o->lang : "da";
	struct val *v = val_obj(a), *arr;
	xmlNodePtr n;
	char today[11];

	today_iso(today);

	val_set(a, v, "format", val_str(a, "styr"));
	val_set(a, v, "version", val_int(a, 1));
	val_set(a, v, "organisation",
		val_str(a, node_text(node_child(r->root, "organisation"))));
	val_set(a, v, "title",
		val_str(a, node_text(node_child(r->root, "title"))));
	val_set(a, v, "tariff",
		num_or_null(a, node_child(r->root, "settings"), "tariff"));
	val_set(a, v, "copy", copy_of(a, r));
	val_set(a, v, "current_phase", val_int(a, reg_current_phase(r)));
	val_set(a, v, "small_steps",
		val_int(a, atol(node_attr(r->model, "small-steps"))));
	val_set(a, v, "phases", view_phases(a, r, lang));
	if (!o || !o->handout)
		val_set(a, v, "next", next_ids(a, r));

	arr = val_arr(a);
	for (n = node_first(r->areas); n; n = node_after(n)) {
		struct val *area;
		if (o && o->area && strcmp(node_attr(n, "id"), o->area))
			continue;
		area = val_obj(a);
		val_set(a, area, "id", val_str(a, node_attr(n, "id")));
		val_set(a, area, "name", val_str(a, node_text(n)));
		val_push(a, arr, area);
	}
	val_set(a, v, "areas", arr);

	arr = val_arr(a);
	for (n = node_first(r->people); n; n = node_after(n)) {
		struct val *p = val_obj(a);
		const char *role = node_attr(n, "role");
		val_set(a, p, "id", val_str(a, node_attr(n, "id")));
		val_set(a, p, "name", val_str(a, node_text(n)));
		val_set(a, p, "role", val_str(a, role));
		label(a, p, "role", &vocab_role, role, o);
		val_push(a, arr, p);
	}
	val_set(a, v, "people", arr);

	arr = val_arr(a);
	for (n = node_first(r->meetings); n; n = node_after(n))
		val_push(a, arr, view_meeting(a, n, today, o));
	val_set(a, v, "meetings", arr);

	arr = val_arr(a);
	for (n = items ? node_first(r->items) : NULL; n; n = node_after(n)) {
		const char *area = node_attr(n, "area");
		if (o && o->area && (!area || strcmp(area, o->area)))
			continue;
		val_push(a, arr, view_item(a, r, n, o));
	}
	val_set(a, v, "items", arr);
	val_set(a, v, "conflicts", conflicts(a, r));
	return v;
}

struct val *view_register(struct arena *a, struct reg *r,
			  const struct view_opts *o)
{
	return view(a, r, o, true);
}

struct val *view_register_head(struct arena *a, struct reg *r,
			       const struct view_opts *o)
{
	return view(a, r, o, false);
}
