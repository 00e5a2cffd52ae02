// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * styr burden: how much time an item costs, in the spirit of the Standard
 * Cost Model (minutes per occurrence x occurrences per year), and the
 * register's default tariff that turns hours into kroner.
 */
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "correct.h"
#include "item.h"
#include "number.h"
#include "reg.h"
#include "util.h"
#include "view.h"

/* Generous ceilings that still catch a slip of the keyboard. */
#define MAX_MINUTES 1e6
#define MAX_PER_YEAR 1e9
#define MAX_STAFF 1e6
#define MAX_TARIFF 1e6

enum { OPT_MINUTES = 'm', OPT_PER_YEAR = 'n', OPT_STAFF = 's',
       OPT_TARIFF = 't', OPT_DEFAULT_TARIFF = 'D' };

struct args {
	const char *id;
	const char *minutes, *per_year, *staff, *tariff, *default_tariff;
	const char *why; /* clear */
};

static const struct cli_option options[] = {
	{"minutes", OPT_MINUTES, N_("M"), offsetof(struct args, minutes),
	 N_("minutes each time it is done (decimals with . or ,)")},
	{"per-year", OPT_PER_YEAR, N_("N"), offsetof(struct args, per_year),
	 N_("how many times a year it is done in the whole unit")},
	{"staff", OPT_STAFF, N_("K"), offsetof(struct args, staff),
	 N_("how many people carry it (for hours per person)")},
	{"tariff", OPT_TARIFF, N_("KR_PER_HOUR"), offsetof(struct args, tariff),
	 N_("cost of an hour for this item (default: the register's)")},
	{"default-tariff", OPT_DEFAULT_TARIFF, N_("KR_PER_HOUR"),
	 offsetof(struct args, default_tariff),
	 N_("without ID: set the register's default cost of an hour (0 "
	    "removes it)")},
	{0}};

/* An item's estimate, or the default tariff alone. */
static void check(const void *input, struct argp_state *state)
{
	const struct args *a = input;

	if (a->default_tariff) {
		if (a->id || a->minutes || a->per_year || a->staff || a->tariff)
			argp_error(state, _("--default-tariff goes alone, "
					    "without an item"));
	} else if (!a->id) {
		argp_error(state, _("give an item's id, or --default-tariff"));
	} else if (!a->minutes || !a->per_year) {
		argp_error(state, _("give both --minutes and --per-year"));
	}
}

/*
 * Checks a decimal option and returns it as stored: the number the user
 * wrote (12.000 in Danish is 12000), with a decimal point and no float
 * round trip, so 7,5 is kept as 7.5.  NULL after printing.  POSITIVE
 * refuses zero.
 */
static char *amount(const char *what, const char *s, double max,
		    bool positive, double *value)
{
	char plain[NUM_PLAIN];

	if (parse_number(what, s, input_lang(), 0, max, value, plain) < 0)
		return NULL;
	if (positive && *value <= 0) {
		error(_("%s: must be more than 0"), what);
		return NULL;
	}
	return xstrdup(plain);
}

static int set_default_tariff(const char *value)
{
	struct reg r;
	xmlNodePtr settings;
	double v, old;
	char *stored = NULL;
	int rc;

	/* "" or 0 removes the default. */
	if (*value && !(stored = amount(_("default tariff"), value,
					MAX_TARIFF, false, &v)))
		return EXIT_REFUSED;
	if (stored && v == 0) {
		free(stored);
		stored = NULL;
	}
	rc = cli_status(reg_open(&r, REG_WRITE));
	if (rc)
		goto out;
	old = reg_default_tariff(&r);
	if ((stored ? v : 0) == old) {
		/* As the register has it: "450", not the "450,0" typed. */
		if (stored)
			info(_("the default tariff is %s kr per hour already; "
			       "nothing changed"),
			     node_attr(node_child(r.root, "settings"),
				       "tariff"));
		else
			info(_("there is no default tariff; nothing changed"));
		goto out;
	}
	settings = node_child(r.root, "settings");
	if (!settings) {
		/* Its place is just before the model (after the title). */
		settings = node_new(&r, "settings", NULL);
		node_insert_before(r.model, settings);
	}
	node_set_attr(settings, "tariff", stored);
	if (!stored && !node_has_attrs(settings))
		node_remove(settings);
	if (stored)
		reg_log(&r, "tariff", NULL,
			_("default tariff set to %s kr per hour"), stored);
	else
		reg_log(&r, "tariff", NULL, _("default tariff removed"));
	rc = cli_status(reg_save(&r));
	if (!rc && stored)
		info(_("default tariff: %s kr per hour"), stored);
	else if (!rc)
		info(_("the default tariff is removed"));
out:
	free(stored);
	reg_close(&r);
	return rc;
}

static int burden_set(void *input)
{
	const struct args *ap = input;
	struct args a = *ap;
	char *minutes = NULL, *per_year = NULL, *staff = NULL, *tariff = NULL;
	struct item_facts f;
	char hours[32];
	struct reg r;
	xmlNodePtr item;
	const char *id;
	double v;
	int rc = EXIT_REFUSED;

	if (a.default_tariff)
		return set_default_tariff(a.default_tariff);
	if (!(minutes = amount(_("minutes"), a.minutes, MAX_MINUTES, false,
			       &v)) ||
	    !(per_year = amount(_("per year"), a.per_year, MAX_PER_YEAR,
				false, &v)) ||
	    (a.staff &&
	     !(staff = amount(_("staff"), a.staff, MAX_STAFF, true, &v))) ||
	    (a.tariff &&
	     !(tariff = amount(_("tariff"), a.tariff, MAX_TARIFF, true, &v))))
		goto done;
	rc = cli_status(reg_open_item(&r, REG_WRITE, a.id, &item));
	if (rc)
		goto out;
	id = node_attr(item, "id");
	item_set_burden(&r, item, minutes, per_year, staff, tariff);
	item_facts(item, NULL, reg_default_tariff(&r), &f);
	format_decimal_for(hours, f.hours_per_year, msg_lang());
	reg_log(&r, "burden", id,
		_("burden: %s minutes x %s a year, staff %s, tariff %s: %s "
		  "hours per year"),
		minutes, per_year, staff ? staff : "-", tariff ? tariff : "-",
		hours);
	rc = cli_status(reg_save(&r));
	if (!rc) {
		struct strbuf sb = {0};
		burden_describe(&sb, &f);
		printf("%s: %s\n", id, sb.buf);
		sb_free(&sb);
	}
out:
	reg_close(&r);
done:
	free(minutes);
	free(per_year);
	free(staff);
	free(tariff);
	return rc;
}

/* burden clear ID: the log keeps the estimate. */
static int burden_clear(void *input)
{
	const struct args *a = input;
	struct correction c = {.action = "burden", .why = a->why};
	xmlNodePtr b;
	int rc;

	if (correct_check_why(a->why) < 0)
		return EXIT_REFUSED;
	if ((rc = correct_open(&c, a->id)))
		return cli_status(rc);
	if (!(b = node_child(c.item, "burden"))) {
		error(_("%s has no burden estimate to clear"), c.ref);
		return cli_status(correct_cancel(&c));
	}
	/* TRANSLATORS: in the change log, the estimate as it was */
	c.what = xasprintf(_("burden cleared: %s minutes x %s a year, staff "
			     "%s, tariff %s"),
			   node_attr(b, "minutes"), node_attr(b, "per-year"),
			   node_attr(b, "staff") ? node_attr(b, "staff") : "-",
			   node_attr(b, "tariff") ? node_attr(b, "tariff")
						  : "-");
	c.done = xasprintf(
		_("%s: burden estimate cleared; the change log keeps it"),
		c.ref);
	c.gone = b;
	return cli_status(correct_commit(&c));
}

static const struct cli_option clear_options[] = {
	CLI_WHY_CLEARED(struct args, why), {0}};

static const struct cli_sub subs[] = {
	{.run = burden_set, .max = 1,
	 .args_doc = N_("ID --minutes M --per-year N [--staff K] [--tariff "
			"KR_PER_HOUR]\n--default-tariff KR_PER_HOUR"),
	 .opts = options,
	 .words_at = (const size_t[]){offsetof(struct args, id)},
	 .check = check},
	{.name = "clear", .run = burden_clear, .min = 1, .max = 1,
	 .args_doc = N_("ID [--why TEXT]"),
	 .needs = N_("the item's id"),
	 .hint = N_("put a reason with spaces in quotes after --why"),
	 .opts = clear_options,
	 .words_at = (const size_t[]){offsetof(struct args, id)},
	 .doc = N_("Clear an item's burden estimate; the log keeps it.")},
	{0}};

const struct cli_command cmd_burden = {
	.subs = subs, .input_size = sizeof(struct args),
	.doc = N_("Estimate the time item ID costs: minutes each time times "
		  "the number of times a year gives hours per year; with "
		  "--staff also hours per person, and with a tariff (the "
		  "item's or the register's default) the cost per year in "
		  "kroner.  A new estimate replaces the old one; 'burden "
		  "clear' takes it back.")};
