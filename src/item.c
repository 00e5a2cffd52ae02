// SPDX-License-Identifier: GPL-3.0-or-later
/* An item and its parts; see item.h. */
#include <stdlib.h>
#include <string.h>

#include "item.h"
#include "names.h"
#include "vocab.h"

/* Where each field lives: an attribute or a child element. */
static const struct {
	const char *name;  /* attribute or element */
	bool attribute;
	const struct vocab *vocab; /* when the value is a keyword */
	const char *what;  /* for messages */
} fields[F_COUNT] = {
	[F_TITLE] = {"title", false, NULL, N_("title")},
	[F_DESC] = {"description", false, NULL, N_("description")},
	[F_AREA] = {"area", true, NULL, N_("area")},
	[F_ORIGIN] = {"origin", true, &vocab_origin, N_("origin")},
	[F_OWNER] = {"owner", false, NULL, N_("owner")},
	[F_FOUND] = {"found", true, &vocab_found, N_("found")},
	[F_SOURCE] = {"source", false, NULL, N_("source")},
};

enum { OPT_DESC = 'd', OPT_AREA = 'a', OPT_ORIGIN = 'o', OPT_OWNER = 'w',
       OPT_FOUND = 'F', OPT_SOURCE = 's', OPT_TITLE = 't' };

#define FIELD_OPTIONS                                                       \
	{"desc", OPT_DESC, N_("TEXT"), 0, N_("what the demand says"), 0},   \
	{"area", OPT_AREA, N_("ID"), 0, N_("its review area"), 0},          \
	{"origin", OPT_ORIGIN, N_("ORIGIN"), 0,                             \
	 N_("who set it: law, council, administration, management, "        \
	    "local"),                                                       \
	 0},                                                                \
	{"owner", OPT_OWNER, N_("TEXT"), 0, N_("who owns it"), 0},          \
	{"found", OPT_FOUND, N_("HOW"), 0,                                  \
	 N_("how it was found: interview, document, observation"), 0},      \
	{"source", OPT_SOURCE, N_("TEXT"), 0,                               \
	 N_("where it is written down (document, paragraph)"), 0}

static const struct argp_option field_options[] = {FIELD_OPTIONS, {0}};
static const struct argp_option field_title_options[] = {
	{"title", OPT_TITLE, N_("TEXT"), 0, N_("a new title"), 0},
	FIELD_OPTIONS,
	{0}};

static error_t parse_field(int key, char *arg, struct argp_state *state)
{
	struct item_fields *f = state->input;
	enum item_field field;

	switch (key) {
	case OPT_TITLE: field = F_TITLE; break;
	case OPT_DESC: field = F_DESC; break;
	case OPT_AREA: field = F_AREA; break;
	case OPT_ORIGIN: field = F_ORIGIN; break;
	case OPT_OWNER: field = F_OWNER; break;
	case OPT_FOUND: field = F_FOUND; break;
	case OPT_SOURCE: field = F_SOURCE; break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	f->v[field] = arg;
	return 0;
}

const struct argp item_fields_argp = {field_options, parse_field, NULL,
				      NULL, NULL, NULL, NULL};
const struct argp item_fields_title_argp = {field_title_options, parse_field,
					    NULL, NULL, NULL, NULL, NULL};

const char *item_field_value(xmlNodePtr item, enum item_field field)
{
	const char *s;

	if (fields[field].attribute)
		s = node_attr(item, fields[field].name);
	else
		s = node_text(node_child(item, fields[field].name));
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
static void describe_change(struct strbuf *changes, int i, const char *old,
			    const char *v)
{
	const char *lang = msg_lang();

	if (fields[i].vocab) {
		if (*old)
			old = vocab_label(fields[i].vocab, old, lang);
		if (*v)
			v = vocab_label(fields[i].vocab, v, lang);
	}
	if (changes->len)
		sb_puts(changes, "; ");
	/* TRANSLATORS: these three describe the change of one field of an
	 * item in the change log: "owner: set to 'Myndighed'" */
	if (!*old)
		sb_printf(changes, _("%s: set to '%s'"), _(fields[i].what), v);
	else if (!*v)
		sb_printf(changes, _("%s: '%s' removed"), _(fields[i].what),
			  old);
	else
		sb_printf(changes, _("%s: '%s' -> '%s'"), _(fields[i].what),
			  old, v);
}

int item_fields_apply(struct reg *r, xmlNodePtr item,
		      const struct item_fields *f, struct strbuf *changes)
{
	const char *value[F_COUNT];
	int i;

	/* Check everything first, so that a bad value changes nothing. */
	for (i = 0; i < F_COUNT; i++) {
		const char *v = f->v[i];
		value[i] = v;
		if (!v)
			continue;
		if (check_text(_(fields[i].what), v) < 0)
			return -1;
		if (i == F_TITLE && !*v)
			return error(_("an item needs a title"));
		if (fields[i].vocab && *v) {
			int k = vocab_parse(fields[i].vocab, v);
			if (k < 0)
				return -1;
			value[i] = fields[i].vocab->words[k].key;
		}
		if (i == F_AREA && *v) {
			xmlNodePtr area = reg_area(r, v);
			if (!area)
				return error(_("unknown area '%s' (see 'styr "
					       "area list')"),
					     v);
			value[i] = node_attr(area, "id");
		}
	}
	for (i = 0; i < F_COUNT; i++) {
		const char *old, *v = value[i];
		if (!v)
			continue;
		old = item_field_value(item, (enum item_field)i);
		if (!strcmp(old, v))
			continue;
		if (changes)
			describe_change(changes, i, old, v);
		if (fields[i].attribute)
			node_set_attr(item, fields[i].name, *v ? v : NULL);
		else
			item_set_text(r, item, fields[i].name, v);
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

const char *const item_order[] = {
	"title", "description", "owner", "source", "note", "rating",
	"burden", "vote", "priority", "decision", "solution", NULL};

void item_set_text(struct reg *r, xmlNodePtr item, const char *name,
		   const char *value)
{
	remove_child(item, name);
	if (value && *value)
		node_insert(item, node_new(r, name, value), item_order);
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

void item_set_rating(struct reg *r, xmlNodePtr item, xmlNodePtr rating,
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

void item_set_vote(struct reg *r, xmlNodePtr item, xmlNodePtr vote,
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

