// SPDX-License-Identifier: GPL-3.0-or-later
/* styr rate: a respondent's experience of an item, in a survey round. */
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "correct.h"
#include "item.h"
#include "names.h"
#include "reg.h"
#include "util.h"
#include "vocab.h"

enum action { REMOVE, CHANGE };

struct args {
	const char *id, *experience;
	const char *round, *respondent;
	const char *date; /* --date, NULL for today */
	bool guest;
	const char *number, *why; /* remove, change */
};

static const struct cli_option options[] = {
	{"round", 'r', N_("ROUND"), offsetof(struct args, round),
	 N_("baseline (før, the default) or followup (efter)")},
	{"respondent", 'R', N_("NAME"), offsetof(struct args, respondent),
	 N_("who answered; a second answer by the same person in the same "
	    "round replaces the first (without it the rating is anonymous)")},
	{"guest", 'g', NULL, offsetof(struct args, guest),
	 N_("the respondent is a guest, not in the people list")},
	{"date", 'd', N_("DATE"), offsetof(struct args, date), N_("the day it was answered (YYYY-MM-DD; default: today)")},
	{0}};

static void check(const void *input, struct argp_state *state)
{
	const struct args *a = input;

	if (a->guest && !a->respondent)
		argp_error(state, _("--guest goes with --respondent NAME"));
}

static int rate_record(void *input)
{
	struct args *ap = input;
	struct args a = *ap;
	const char *experience, *round = "baseline", *id;
	const char *lang = msg_lang(), *round_label, *exp_label;
	const char *old_label = NULL, *stored = NULL;
	char today[11];
	struct reg r;
	xmlNodePtr item, rating = NULL, e;
	char *replaced = NULL, *guest = NULL;
	int k, rc;

	if (!strcmp(a.experience, "remove") || !strcmp(a.experience, "change")) {
		/* The verb comes first: styr rate remove ID N. */
		error(_("to correct a rating: styr rate %s %s N (see 'styr "
			"show %s')"),
		      a.experience, a.id, a.id);
		return EXIT_REFUSED;
	}
	if ((k = vocab_parse(&vocab_experience, a.experience)) < 0)
		return EXIT_REFUSED;
	experience = vocab_experience.words[k].key;
	if (a.round) {
		if ((k = vocab_parse(&vocab_round, a.round)) < 0)
			return EXIT_REFUSED;
		round = vocab_round.words[k].key;
	}
	if (a.respondent) {
		if (check_text(_("respondent"), a.respondent) < 0)
			return EXIT_REFUSED;
		if (!*a.respondent) {
			error(_("--respondent needs a name (leave it out for "
				"an anonymous rating)"));
			return EXIT_REFUSED;
		}
	}
	if (parse_past_date("--date", a.date, today) < 0)
		return EXIT_REFUSED;
	rc = cli_status(reg_open_item(&r, REG_WRITE, a.id, &item));
	if (rc)
		goto out;
	id = node_attr(item, "id");
	if (a.respondent) {
		/* Matched like a voter (see cmd_vote.c): the rating records
		 * the person's id, or the guest's name. */
		xmlNodePtr p = person_find(&r, a.respondent);
		stored = a.respondent = guest = name_tidy(a.respondent);
		if (p) {
			stored = node_attr(p, "id");
			a.respondent = node_text(p);
		} else if (!a.guest) {
			rc = cli_status(person_unknown(
				&r, a.respondent,
				_("'%s' is not in the people list; did you "
				  "mean %s? (a guest who is not in the list "
				  "answers with --guest)"),
				_("'%s' is not in the people list (add them "
				  "with 'styr person add', or record a guest "
				  "with --guest)")));
			goto out;
		}
		rating = item_find_rating(item, round, stored);
	}
	/* People read labels ("For stram"), in the log too: it is written
	 * like minutes, in the language of the one who records. */
	round_label = vocab_label(&vocab_round, round, lang);
	exp_label = vocab_label(&vocab_experience, experience, lang);
	if (rating) {
		replaced = xstrdup(node_attr(rating, "experience"));
		old_label = vocab_label(&vocab_experience, replaced, lang);
		e = reg_log(&r, "rate", id,
			    _("rating (%s) by %s: '%s' -> '%s'"),
			round_label, a.respondent, old_label, exp_label);
	} else {
		e = reg_log(&r, "rate", id, _("rating (%s) by %s: '%s'"),
			round_label,
			a.respondent ? a.respondent : _("anonymous"),
			exp_label);
	}
	node_set_attr(e, "happened", today); /* the day it was answered */
	item_set_rating(&r, item, rating, round, experience, stored, today);
	rc = cli_status(reg_save(&r));
	if (!rc && replaced)
		info(_("%s: the earlier rating (%s) by %s, '%s', is replaced "
		       "by '%s'"),
		     id, round_label, a.respondent, old_label, exp_label);
	else if (!rc)
		info(_("%s: rating '%s' (%s) recorded"), id, exp_label,
		     round_label);
out:
	free(guest);
	free(replaced);
	reg_close(&r);
	return rc;
}

static const struct cli_option why_options[] = {
	CLI_WHY_CORRECTED(struct args, why), {0}};

/* rate remove ID N, rate change ID N EXPERIENCE. */
static int rate_fix(int action, void *input)
{
	const struct args *a = input;
	struct correction c = {.action = "rate", .why = a->why};
	const char *experience = NULL, *label = NULL;
	xmlNodePtr rating;
	long n;
	int k, rc;

	if (action == CHANGE) {
		if ((k = vocab_parse(&vocab_experience, a->experience)) < 0)
			return EXIT_REFUSED;
		experience = vocab_experience.words[k].key;
		label = vocab_word(&vocab_experience, experience, msg_lang());
	}
	if (correct_check_why(a->why) < 0)
		return EXIT_REFUSED;
	if ((rc = correct_open(&c, a->id)))
		return cli_status(rc);
	if (!(rating = correct_part(c.item, "rating", a->number, &n)))
		return cli_status(correct_cancel(&c));
	if (action == CHANGE &&
	    !strcmp(node_attr(rating, "experience"), experience)) {
		error(_("%s: rating %ld is '%s' already; nothing was changed"),
		      c.ref, n, label);
		return cli_status(correct_cancel(&c));
	}
	/* The log keeps the rating: round, who, what and when. */
	c.was = correct_describe(&c.r, rating);
	if (action == REMOVE) {
		/* TRANSLATORS: in the change log: "rating 2 removed:
		 * baseline, Torben Højris: too tight (2026-03-01)" */
		c.what = xasprintf(_("rating %ld removed: %s"), n, c.was);
		c.done = xasprintf(_("%s: rating %ld removed (%s); the change "
				     "log keeps it"),
				   c.ref, n, c.was);
		c.gone = rating;
	} else {
		/* TRANSLATORS: in the change log: "rating 2 changed:
		 * baseline, Torben Højris: too tight (2026-03-01) ->
		 * supportive" */
		c.what = xasprintf(_("rating %ld changed: %s -> %s"), n, c.was,
				   label);
		c.done = xasprintf(_("%s: rating %ld changed to '%s'; the "
				     "change log keeps the earlier one"),
				   c.ref, n, label);
		node_set_attr(rating, "experience", experience);
	}
	return cli_status(correct_commit(&c));
}

static const struct cli_sub subs[] = {
	{.run = rate_record, .min = 2, .max = 2,
	 .args_doc = N_("ID EXPERIENCE"),
	 .needs = N_("an item's id and an experience: supportive, too-tight "
		     "or too-loose"),
	 .opts = options,
	 .words_at = (const size_t[]){offsetof(struct args, id),
				      offsetof(struct args, experience)},
	 .check = check},
	{.name = "remove", .shared = rate_fix, .action = REMOVE, .min = 2,
	 .max = 2,
	 .args_doc = N_("ID N [--why TEXT]"),
	 .needs = N_("an item's id and the number of the rating ('styr "
		     "show ID' numbers them)"),
	 .opts = why_options,
	 .words_at = (const size_t[]){offsetof(struct args, id),
				      offsetof(struct args, number)},
	 .doc = N_("Remove a rating; the log keeps it.\vRemove rating N of "
		   "item ID, as 'styr show ID' numbers them.  The change log "
		   "keeps the rating that was removed.")},
	{.name = "change", .shared = rate_fix, .action = CHANGE, .min = 3,
	 .max = 3,
	 .args_doc = N_("ID N EXPERIENCE [--why TEXT]"),
	 .needs = N_("an item's id, the number of the rating and the "
		     "experience it should have"),
	 .opts = why_options,
	 .words_at = (const size_t[]){offsetof(struct args, id),
				      offsetof(struct args, number),
				      offsetof(struct args, experience)},
	 .doc = N_("Change a rating; the log keeps the old one.\vChange the "
		   "experience of rating N of item ID; its respondent, round "
		   "and date stay.  The change log keeps the earlier "
		   "experience.")},
	{0}};

const struct cli_command cmd_rate = {
	.subs = subs, .input_size = sizeof(struct args),
	.doc = N_("Record how a respondent experiences item ID: supportive "
		  "(understøttende), too-tight (for-stram) or too-loose "
		  "(for-slap).  Each respondent has one rating per round; rate "
		  "again to change it.  The respondent is someone in the "
		  "people list, by id (P3) or name (case and spacing do not "
		  "matter), or a guest with --guest.  'rate remove' and 'rate "
		  "change' correct a rating.")};
