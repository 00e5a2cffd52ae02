// SPDX-License-Identifier: GPL-3.0-or-later
/* An item and its parts; see item.h. */
#include <stdlib.h>
#include <string.h>

#include "item.h"
#include "names.h"
#include "vocab.h"

/* The extra key beside a field, by its type (item_fields.h). */
#define EXTRA_TEXT(name) NULL
#define EXTRA_TEXT_NULL(name) NULL
#define EXTRA_WORD(name) name "_label"
#define EXTRA_AREA(name) name "_name"

const struct item_field_info item_field_info[F_COUNT] = {
#define FIELD(id, name, type, vocab, option, key, arg, help, what, label,   \
	      ...)                                                          \
	[F_##id] = {name, ITEM_##type, vocab, EXTRA_##type(name), what, label},
#include "item_fields.h"
#undef FIELD
};

/* A field without a short option gets a key past the characters. */
#define FIELD_KEY(id, key) ((key) ? (key) : 0x100 + F_##id)

/* The title's option first: `add` leaves it out (its title is an
 * argument) by starting one further on. */
static const struct argp_option field_options[] = {
#define FIELD(id, name, type, vocab, option, key, arg, help, ...)           \
	{option, FIELD_KEY(id, key), arg, 0, help, 0},
#include "item_fields.h"
#undef FIELD
	{0}};

static error_t parse_field(int key, char *arg, struct argp_state *state)
{
	static const int keys[F_COUNT] = {
#define FIELD(id, name, type, vocab, option, key, ...) FIELD_KEY(id, key),
#include "item_fields.h"
#undef FIELD
	};
	struct item_fields *f = state->input;
	int i;

	for (i = 0; i < F_COUNT; i++)
		if (key == keys[i]) {
			f->v[i] = arg;
			return 0;
		}
	return ARGP_ERR_UNKNOWN;
}

const struct argp item_fields_argp = {field_options + 1, parse_field, NULL,
				      NULL, NULL, NULL, NULL};
const struct argp item_fields_title_argp = {field_options, parse_field, NULL,
					    NULL, NULL, NULL, NULL};

const char *item_field_get(xmlNodePtr item, enum item_field field)
{
	const struct item_field_info *f = &item_field_info[field];
	xmlNodePtr n;

	if (f->type == ITEM_WORD || f->type == ITEM_AREA)
		return node_attr(item, f->name);
	n = node_child(item, f->name);
	return n ? node_text(n) : NULL;
}

const char *item_field_value(xmlNodePtr item, enum item_field field)
{
	const char *s = item_field_get(item, field);

	return s ? s : "";
}

const char *item_check_new(const char *kind, const char *title)
{
	int k = vocab_parse(&vocab_kind, kind);

	if (k < 0)
		return NULL;
	if (check_text(_("title"), title) < 0)
		return NULL;
	if (!*title) {
		error(_("an item needs a title"));
		return NULL;
	}
	return vocab_kind.words[k].key;
}

/* "area: 'A' -> 'B'" for the change log and the confirmation: the field's
 * name and keyword values in the language of the one who makes the
 * change, as the log is read like minutes. */
static void describe_change(struct strbuf *changes,
			    const struct item_field_info *f, const char *old,
			    const char *v)
{
	const char *lang = msg_lang();

	if (f->vocab) {
		if (*old)
			old = vocab_label(f->vocab, old, lang);
		if (*v)
			v = vocab_label(f->vocab, v, lang);
	}
	if (changes->len)
		sb_puts(changes, "; ");
	/* TRANSLATORS: these three describe the change of one field of an
	 * item in the change log: "owner: set to 'Myndighed'" */
	if (!*old)
		sb_printf(changes, _("%s: set to '%s'"), _(f->what), v);
	else if (!*v)
		sb_printf(changes, _("%s: '%s' removed"), _(f->what), old);
	else
		sb_printf(changes, _("%s: '%s' -> '%s'"), _(f->what), old, v);
}

int item_fields_apply(struct reg *r, xmlNodePtr item,
		      const struct item_fields *given, struct strbuf *changes)
{
	const struct item_field_info *f;
	const char *value[F_COUNT];
	int i;

	/* Check everything first, so that a bad value changes nothing. */
	for (i = 0; i < F_COUNT; i++) {
		const char *v = given->v[i];
		f = &item_field_info[i];
		value[i] = v;
		if (!v)
			continue;
		if (check_text(_(f->what), v) < 0)
			return -1;
		if (i == F_TITLE && !*v)
			return error(_("an item needs a title"));
		if (f->type == ITEM_WORD && *v) {
			int k = vocab_parse(f->vocab, v);
			if (k < 0)
				return -1;
			value[i] = f->vocab->words[k].key;
		}
		if (f->type == ITEM_AREA && *v) {
			xmlNodePtr area = reg_known_area(r, v);
			if (!area)
				return -1;
			value[i] = node_attr(area, "id");
		}
	}
	for (i = 0; i < F_COUNT; i++) {
		const char *old, *v = value[i];
		f = &item_field_info[i];
		if (!v)
			continue;
		old = item_field_value(item, (enum item_field)i);
		if (!strcmp(old, v))
			continue;
		if (changes)
			describe_change(changes, f, old, v);
		if (f->type == ITEM_WORD || f->type == ITEM_AREA)
			node_set_attr(item, f->name, *v ? v : NULL);
		else
			item_set_text(r, item, f->name, v);
	}
	return 0;
}

/* --- the parts of an item --- */

/* Removes ITEM's child NAME, if it has one. */
static void remove_child(xmlNodePtr item, const char *name)
{
	xmlNodePtr n = node_child(item, name);

	if (n)
		node_remove(n);
}

/* The fields that are elements come first, in the table's order. */
#define ELEMENT_TEXT(name) name,
#define ELEMENT_TEXT_NULL(name) name,
#define ELEMENT_WORD(name)
#define ELEMENT_AREA(name)
const char *const item_order[] = {
#define FIELD(id, name, type, ...) ELEMENT_##type(name)
#include "item_fields.h"
#undef FIELD
	"note", "rating", "burden", "vote", "priority", "decision",
	"solution", NULL};

void item_set_text(struct reg *r, xmlNodePtr item, const char *name,
		   const char *value)
{
	remove_child(item, name);
	if (value && *value)
		node_insert(item, node_new(r, name, value), item_order);
}

char *item_note_words(xmlNodePtr note)
{
	const char *m = node_attr(note, "method");
	const char *parts[] = {
		m ? vocab_word(&vocab_method, m, msg_lang()) : NULL,
		node_attr(note, "by"), node_attr(note, "date")};
	struct strbuf sb = {0};
	size_t i, n = 0;

	sb_printf(&sb, "'%s'", node_text(note));
	for (i = 0; i < sizeof parts / sizeof *parts; i++)
		if (parts[i] && *parts[i])
			sb_printf(&sb, "%s%s", n++ ? ", " : " (", parts[i]);
	if (n)
		sb_puts(&sb, ")");
	return sb_steal(&sb);
}

void item_add_note(struct reg *r, xmlNodePtr item, const char *text,
		   const char *method, const char *by, const char *date)
{
	xmlNodePtr note = node_new(r, "note", text);

	node_set_attr(note, "method", method);
	node_set_attr(note, "by", by);
	node_set_attr(note, "date", date);
	node_insert(item, note, item_order);
}

/* The people list of ITEM's register, to tell who a vote or rating is
 * by (names.h). */
static xmlNodePtr item_people(xmlNodePtr item)
{
	return node_child(xmlDocGetRootElement(item->doc), "people");
}

/* Is WHO (a vote's "by", a rating's "respondent") the one whose
 * identity is KEY? */
static bool same_who(xmlNodePtr people, const char *who, const char *key)
{
	char *k = who_identity(people, who);
	bool same = !strcmp(k, key);

	free(k);
	return same;
}

/* Who made vote or rating N ("by", "respondent"), and where it counts
 * ("meeting", "round"). */
static const char *record_who(xmlNodePtr n)
{
	return node_attr(n, node_is(n, "vote") ? "by" : "respondent");
}

static const char *record_where(xmlNodePtr n)
{
	const char *w = node_attr(n, node_is(n, "vote") ? "meeting" : "round");

	return w ? w : "";
}

/* The votes and ratings of an item with a person's name or id, and who
 * that is (names.h), made once per item. */
struct records {
	xmlNodePtr *node;
	char **who;
	size_t n, next;
};

static void records_init(struct records *rec, xmlNodePtr item)
{
	struct people_keys pk;
	xmlNodePtr n;
	size_t cap = 0;

	memset(rec, 0, sizeof *rec);
	people_keys_init(&pk, item_people(item));
	for (n = node_first(item); n; n = node_after(n)) {
		if (!(node_is(n, "vote") || node_is(n, "rating")) ||
		    !record_who(n))
			continue;
		if (rec->n == cap) {
			cap = cap ? 2 * cap : 8;
			rec->node = xrealloc(rec->node, cap * sizeof *rec->node);
			rec->who = xrealloc(rec->who, cap * sizeof *rec->who);
		}
		rec->node[rec->n] = n;
		rec->who[rec->n++] = people_identity(&pk, record_who(n));
	}
	people_keys_free(&pk);
}

static void records_free(struct records *rec)
{
	size_t i;

	for (i = 0; i < rec->n; i++)
		free(rec->who[i]);
	free(rec->who);
	free(rec->node);
}

/* Has record N (the next one in REC, in document order) a later one by
 * the same person of the same kind, in the same meeting (vote) or round
 * (rating)?  Then only that later one counts: a register written before
 * names were matched may hold two spellings of one person. */
static bool superseded(struct records *rec, xmlNodePtr n)
{
	size_t i, k;

	if (rec->next >= rec->n || rec->node[rec->next] != n)
		return false;
	i = rec->next++;
	for (k = i + 1; k < rec->n; k++)
		if (xmlStrEqual(rec->node[k]->name, n->name) &&
		    !strcmp(rec->who[k], rec->who[i]) &&
		    !strcmp(record_where(rec->node[k]), record_where(n)))
			return true;
	return false;
}

xmlNodePtr item_find_rating(xmlNodePtr item, const char *round,
			    const char *respondent)
{
	xmlNodePtr n;

	xmlNodePtr people = item_people(item);
	char *key = who_identity(people, respondent);

	for (n = node_child(item, "rating"); n; n = node_next(n, "rating")) {
		const char *who = node_attr(n, "respondent");
		if (who && !strcmp(node_attr(n, "round"), round) &&
		    same_who(people, who, key))
			break;
	}
	free(key);
	return n;
}

xmlNodePtr item_find_answer(xmlNodePtr item, const char *round,
			    const char *answer)
{
	xmlNodePtr n;

	for (n = node_child(item, "rating"); n; n = node_next(n, "rating")) {
		const char *id = node_attr(n, "answer-id");
		if (id && !strcmp(id, answer) &&
		    !strcmp(node_attr(n, "round"), round))
			break;
	}
	return n;
}

char *item_rating_anonymous(xmlNodePtr rating)
{
	const char *aid = node_attr(rating, "answer-id");

	/* TRANSLATORS: an anonymous rating, by the survey tool's id of its
	 * answer */
	return aid ? xasprintf(_("anonymous answer %s"), aid)
		   : xstrdup(_("anonymous"));
}

xmlNodePtr item_set_rating(struct reg *r, xmlNodePtr item, xmlNodePtr rating,
			   const char *round, const char *experience,
			   const char *respondent, const char *date)
{
	if (!rating) {
		rating = node_new(r, "rating", NULL);
		node_set_attr(rating, "round", round);
		node_set_attr(rating, "respondent", respondent);
		node_insert(item, rating, item_order);
	}
	node_set_attr(rating, "experience", experience);
	node_set_attr(rating, "date", date);
	return rating;
}

void item_set_burden(struct reg *r, xmlNodePtr item, const char *minutes,
		     const char *per_year, const char *staff,
		     const char *tariff)
{
	xmlNodePtr b = node_new(r, "burden", NULL);

	remove_child(item, "burden");
	node_set_attr(b, "minutes", minutes);
	node_set_attr(b, "per-year", per_year);
	node_set_attr(b, "staff", staff);
	node_set_attr(b, "tariff", tariff);
	node_insert(item, b, item_order);
}

xmlNodePtr item_find_vote(struct reg *r, xmlNodePtr item, const char *who,
			  const char *mid)
{
	xmlNodePtr v;

	for (v = node_child(item, "vote"); v; v = node_next(v, "vote")) {
		const char *by = node_attr(v, "by");
		const char *m = node_attr(v, "meeting");
		char *other;
		bool same;

		if (!by || !m || strcmp(m, mid))
			continue;
		other = who_identity(r->people, by);
		same = !strcmp(other, who);
		free(other);
		if (same)
			return v;
	}
	return NULL;
}

xmlNodePtr item_find_ballot(xmlNodePtr item, const char *ballot,
			    const char *mid)
{
	xmlNodePtr v;

	for (v = node_child(item, "vote"); v; v = node_next(v, "vote")) {
		const char *b = node_attr(v, "ballot");
		const char *m = node_attr(v, "meeting");

		if (b && m && !strcmp(b, ballot) && !strcmp(m, mid))
			return v;
	}
	return NULL;
}

xmlNodePtr item_set_vote(struct reg *r, xmlNodePtr item, xmlNodePtr vote,
			 const char *priority, const char *by, long count,
			 const char *meeting, const char *date)
{
	char n[32];

	if (!vote) {
		vote = node_new(r, "vote", NULL);
		node_insert(item, vote, item_order);
	}
	node_set_attr(vote, "priority", priority);
	if (by) {
		node_set_attr(vote, "by", by);
	} else {
		snprintf(n, sizeof n, "%ld", count);
		node_set_attr(vote, "count", n);
	}
	node_set_attr(vote, "meeting", meeting);
	node_set_attr(vote, "date", date);
	return vote;
}

char *item_set_stamp(struct reg *r, xmlNodePtr item, const char *element,
		     const char *value, const char *reason, const char *date,
		     const char *by)
{
	xmlNodePtr old = node_child(item, element), n;
	char *was = NULL;

	if (old) {
		was = xstrdup(node_attr(old, "value"));
		node_remove(old);
	}
	n = node_new(r, element, reason);
	node_set_attr(n, "value", value);
	node_set_attr(n, "date", date);
	node_set_attr(n, "by", by);
	node_insert(item, n, item_order);
	return was;
}

void item_set_solution(struct reg *r, xmlNodePtr item, const char *status,
		       const char *evaluate_by, const char *criteria)
{
	xmlNodePtr sol = node_child(item, "solution");

	if (!sol) {
		sol = node_new(r, "solution", NULL);
		node_insert(item, sol, item_order);
	}
	node_set_attr(sol, "status", status);
	if (evaluate_by)
		node_set_attr(sol, "evaluate-by", evaluate_by);
	if (criteria) {
		remove_child(sol, "criteria");
		if (*criteria)
			node_append(sol, node_new(r, "criteria", criteria));
	}
}

static double attr_num(xmlNodePtr n, const char *name)
{
	const char *s = node_attr(n, name);

	return s ? strtod(s, NULL) : 0;
}

void item_facts(xmlNodePtr item, const char *meeting, double default_tariff,
		struct item_facts *f)
{
	xmlNodePtr n;
	struct records rec;
	int best = 0, i;

	memset(f, 0, sizeof *f);
	records_init(&rec, item);
	for (n = node_first(item); n; n = node_after(n)) {
		if (superseded(&rec, n))
			continue;
		if (node_is(n, "vote")) {
			int p = vocab_index(&vocab_priority,
					    node_attr(n, "priority"));
			const char *m = node_attr(n, "meeting");
			const char *count = node_attr(n, "count");
			if (p < 0 || (meeting && (!m || strcmp(m, meeting))))
				continue;
			f->votes[p] += count ? atoi(count) : 1;
		} else if (node_is(n, "rating")) {
			int round = vocab_index(&vocab_round,
						node_attr(n, "round"));
			int e = vocab_index(&vocab_experience,
					    node_attr(n, "experience"));
			if (round >= 0 && e >= 0)
				f->exp[round][e]++;
		} else if (node_is(n, "burden")) {
			f->has_burden = true;
			f->minutes = attr_num(n, "minutes");
			f->per_year = attr_num(n, "per-year");
			f->staff = attr_num(n, "staff");
			f->tariff = attr_num(n, "tariff");
		}
	}
	records_free(&rec);
	f->leading = -1;
	for (i = 0; i < 3; i++)
		if (f->votes[i] > best) {
			best = f->votes[i];
			f->leading = i;
		} else if (f->votes[i] == best && best > 0) {
			f->leading = -2;
		}
	if (f->has_burden) {
		f->hours_per_year = f->minutes * f->per_year / 60.0;
		if (!f->tariff)
			f->tariff = default_tariff;
		f->cost_per_year =
			f->tariff ? f->hours_per_year * f->tariff : -1;
	}
}

