// SPDX-License-Identifier: GPL-3.0-or-later
/* styr summary: the register in numbers, for a steering group. */
#include <string.h>

#include "commands.h"
#include "number.h"
#include "phase.h"
#include "reg.h"
#include "table.h"
#include "util.h"
#include "value.h"
#include "view.h"
#include "vocab.h"

struct args {
	const char *format;
};

static const struct cli_option options[] = {
	{"format", 'F', N_("FORMAT"), offsetof(struct args, format),
	 N_("text (default) or json")},
	{0}};

/* The counts, the last slot of each being "none" where that applies. */
struct counts {
	long items;
	long kind[3], experience[3], priority[4], decision[4];
	long with_burden, with_cost;
	double hours, cost;
	xmlNodePtr phase; /* the current one, or NULL */
	long phases;
};

static void count(struct reg *r, struct counts *c)
{
	double tariff = reg_default_tariff(r);
	struct item_facts f;
	xmlNodePtr item;
	int i, k;

	memset(c, 0, sizeof *c);
	for (item = node_first(r->items); item; item = node_after(item)) {
		c->items++;
		k = vocab_index(&vocab_kind, node_attr(item, "kind"));
		if (k >= 0)
			c->kind[k]++;
		item_facts(item, NULL, tariff, &f);
		for (i = 0; i < 3; i++)
			c->experience[i] += f.exp[0][i];
		k = vocab_index(&vocab_priority,
				node_attr(node_child(item, "priority"),
					  "value"));
		c->priority[k >= 0 ? k : 3]++;
		k = vocab_index(&vocab_decision,
				node_attr(node_child(item, "decision"),
					  "value"));
		c->decision[k >= 0 ? k : 3]++;
		if (f.has_burden) {
			c->with_burden++;
			c->hours += f.hours_per_year;
			if (f.cost_per_year >= 0) {
				c->with_cost++;
				c->cost += f.cost_per_year;
			}
		}
	}
	c->phase = phase_current(r);
	c->phases = phase_count(r);
}

/* {"goal": 3, ...}, with "none" last when NONE is set. */
static struct val *counts_json(struct arena *a, const struct vocab *v,
			       const long *n, bool none)
{
	struct val *o = val_obj(a);
	int i, words = vocab_count(v);

	for (i = 0; i < words; i++)
		val_set(a, o, v->words[i].key, val_int(a, n[i]));
	if (none)
		val_set(a, o, "none", val_int(a, n[words]));
	return o;
}

static void print_json(struct reg *r, const struct counts *c)
{
	struct arena *a = arena_new();
	struct val *o = val_obj(a);

	val_set(a, o, "organisation",
		val_str(a, node_text(node_child(r->root, "organisation"))));
	val_set(a, o, "title",
		val_str(a, node_text(node_child(r->root, "title"))));
	val_set(a, o, "items", val_int(a, c->items));
	val_set(a, o, "by_kind", counts_json(a, &vocab_kind, c->kind, false));
	val_set(a, o, "by_experience",
		counts_json(a, &vocab_experience, c->experience, false));
	val_set(a, o, "by_priority",
		counts_json(a, &vocab_priority, c->priority, true));
	val_set(a, o, "by_decision",
		counts_json(a, &vocab_decision, c->decision, true));
	val_set(a, o, "burden_hours_per_year", val_num(a, c->hours));
	val_set(a, o, "items_with_burden", val_int(a, c->with_burden));
	val_set(a, o, "cost_per_year",
		c->with_cost ? val_num(a, c->cost) : val_null(a));
	val_set(a, o, "current_phase",
		val_int(a, c->phase ? phase_number(c->phase) : 0));
	val_set(a, o, "current_phase_name",
		c->phase ? val_str(a, phase_name(c->phase, "da"))
			 : val_null(a));
	val_set(a, o, "phases", val_int(a, c->phases));
	val_write_json(stdout, o);
	arena_free(a);
}

/* The widest label of V (and of "None"), so that all counts line up. */
static int label_width(const struct vocab *v, const char *lang, int width)
{
	int i;

	for (i = 0; v->words[i].key; i++)
		if (text_width(vocab_label(v, v->words[i].key, lang)) > width)
			width = text_width(vocab_label(v, v->words[i].key,
						       lang));
	return text_width(_("None")) > width ? text_width(_("None")) : width;
}

/* A heading and one aligned line per word of V (and "None"). */
static void print_counts(const char *heading, const struct vocab *v,
			 const long *n, bool none, const char *lang,
			 int width)
{
	int i, words = vocab_count(v);
	const char *label;

	printf("\n%s\n", heading);
	for (i = 0; i < words + none; i++) {
		label = i < words ? vocab_label(v, v->words[i].key, lang)
				  : _("None");
		printf("  %s%*s  %6ld\n", label, width - text_width(label), "",
		       n[i]);
	}
}

static void print_text(struct reg *r, const struct counts *c)
{
	const char *lang = msg_lang();
	const char *org = node_text(node_child(r->root, "organisation"));
	const char *title = node_text(node_child(r->root, "title"));
	char hours[32], cost[32];
	int width;

	if (*org && *title)
		printf("%s: %s\n", org, title);
	else if (*org || *title)
		printf("%s\n", *org ? org : title);
	if (c->phase) {
		xmlNodePtr m;
		int done = 0, total = 0;

		for (m = node_child(c->phase, "milestone"); m;
		     m = node_next(m, "milestone")) {
			total++;
			done += node_attr(m, "done") != NULL;
		}
		printf(ngettext("Phase %ld of %ld: %s (%d of %d milestone "
				"done)\n",
				"Phase %ld of %ld: %s (%d of %d milestones "
				"done)\n",
				(unsigned long)total),
		       phase_number(c->phase), c->phases,
		       phase_name(c->phase, lang), done, total);
	} else {
		printf(ngettext("No phase is active (the model has %ld "
				"phase)\n",
				"No phase is active (the model has %ld "
				"phases)\n",
				(unsigned long)c->phases),
		       c->phases);
	}
	printf(_("\nItems in the register: %ld\n"), c->items);
	if (!c->items)
		return;
	width = label_width(&vocab_kind, lang, 0);
	width = label_width(&vocab_experience, lang, width);
	width = label_width(&vocab_priority, lang, width);
	width = label_width(&vocab_decision, lang, width);
	print_counts(_("By kind"), &vocab_kind, c->kind, false, lang, width);
	print_counts(_("Experience before (baseline ratings)"),
		     &vocab_experience, c->experience, false, lang, width);
	print_counts(_("The workshop's proposals"), &vocab_priority,
		     c->priority, true, lang, width);
	print_counts(_("The steering group's decisions"), &vocab_decision,
		     c->decision, true, lang, width);
	putchar('\n');
	if (!c->with_burden) {
		printf(_("Burden: no item has an estimate yet (see 'styr "
			 "burden')\n"));
		return;
	}
	format_decimal_for(hours, c->hours, lang);
	printf(ngettext("Burden: %s hours per year, estimated for %ld of "
			"%ld item\n",
			"Burden: %s hours per year, estimated for %ld of "
			"%ld items\n",
			(unsigned long)c->items),
	       hours, c->with_burden, c->items);
	format_kroner_for(cost, c->cost, lang);
	if (c->with_cost == c->with_burden)
		printf(_("Cost: %s kr per year\n"), cost);
	else if (c->with_cost)
		printf(_("Cost: %s kr per year, counting only the items "
			 "with a known hourly rate (%ld of %ld)\n"),
		       cost, c->with_cost, c->with_burden);
}

static int run(void *input)
{
	struct args *a = input;
	enum format fmt = FMT_TEXT;
	struct counts c;
	struct reg r;
	int rc;

	if (cli_format(a->format, 1u << FMT_TEXT | 1u << FMT_JSON, &fmt) < 0)
		return EXIT_USAGE;
	rc = cli_status(reg_open(&r, REG_READ));
	if (!rc) {
		count(&r, &c);
		if (fmt == FMT_JSON)
			print_json(&r, &c);
		else
			print_text(&r, &c);
	}
	reg_close(&r);
	return rc;
}

const struct cli_command cmd_summary = {
	.one = {.run = run, .opts = options},
	.input_size = sizeof(struct args),
	.doc = N_("Sum up the register: where the process stands, how many "
		  "goals, rules and documentation demands were found, how they "
		  "were experienced (baseline ratings), prioritised and "
		  "decided, and the burden they put on the staff in hours (and "
		  "kroner) per year.")};
