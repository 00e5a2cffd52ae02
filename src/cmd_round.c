// SPDX-License-Identifier: GPL-3.0-or-later
/* styr round: open, close and reveal a workshop's voting round, or show
 * where it stands -- what the facilitator's page in `styr serve` does. */
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "number.h"
#include "round.h"
#include "table.h"
#include "util.h"
#include "value.h"
#include "vocab.h"
#include "vote.h"

enum action { SHOW, OPEN, CLOSE, REVEAL };

struct args {
	enum action action;
	char **pos;
	int npos;
	const char *meeting, *items, *votes, *minutes, *format;
	bool named, anonymous, hidden;
};

static const struct cli_option show_options[] = {
	{"format", 'F', N_("FORMAT"), offsetof(struct args, format),
	 N_("text (default) or json")},
	{0}};

static const struct cli_option open_options[] = {
	{"meeting", 'm', N_("MID"), offsetof(struct args, meeting),
	 N_("the workshop the round belongs to (default: the one workshop "
	    "of the current phase)")},
	{"items", 'i', N_("ID..."), offsetof(struct args, items),
	 N_("the items to vote on, separated by commas or given as further "
	    "words (default: every item)")},
	{"votes", 'n', N_("N"), offsetof(struct args, votes),
	 N_("votes per participant (default: one per item)")},
	{"minutes", 't', N_("N"), offsetof(struct args, minutes),
	 N_("a time limit: the round takes no votes after N minutes")},
	{"named", 'N', NULL, offsetof(struct args, named),
	 N_("participants vote under their name (the default)")},
	{"anonymous", 'a', NULL, offsetof(struct args, anonymous),
	 N_("participants vote without a name")},
	{"hidden", 'H', NULL, offsetof(struct args, hidden),
	 N_("keep the result hidden until 'styr round reveal'")},
	{0}};

static void check_open(const void *input, struct argp_state *state)
{
	const struct args *a = input;

	if (a->named && a->anonymous)
		argp_error(state, _("give --named or --anonymous, not both"));
}

static void print_text(struct reg *r, xmlNodePtr rd, const char *now)
{
	const char *lang = msg_lang(), *state = round_state(rd, now);
	xmlNodePtr m = round_meeting(rd), s;
	struct arena *a = arena_new();
	struct val *v = round_view(a, r, rd, lang, round_shows_tally(rd), NULL,
				   NULL, now);
	struct val *items = val_get(v, "items"), *left;
	size_t i;

	printf(_("Round %s in meeting %s (%s): %s\n"),
	       node_attr(rd, "number"), node_attr(m, "id"),
	       node_text(node_child(m, "title")),
	       !strcmp(state, "open")     ? _("open")
	       : !strcmp(state, "closed") ? _("closed")
					  : _("closed, result revealed"));
	printf(_("Items:"));
	for (s = node_child(rd, "subject"); s; s = node_next(s, "subject"))
		printf(" %s", node_attr(s, "ref"));
	printf("\n");
	printf(_("Votes per participant: %s; %s\n"), node_attr(rd, "votes"),
	       round_anonymous(rd) ? _("anonymous") : _("named"));
	if (node_attr(rd, "ends") && !strcmp(state, "open")) {
		left = val_get(v, "seconds_left");
		printf(_("Time limit: %s (%ld minutes left)\n"),
		       node_attr(rd, "ends"), (left->u.i + 59) / 60);
	}
	printf(_("Participants who have voted: %ld\n"),
	       val_get(v, "voted")->u.i);
	if (!round_shows_tally(rd)) {
		printf(_("The result is hidden until 'styr round reveal'.\n"));
		goto out;
	}
	for (i = 0; i < items->u.arr.n; i++) {
		struct val *it = items->u.arr.v[i], *t = val_get(it, "tally");
		const char *lead = val_get(t, "leading")->type == VAL_STR
					   ? val_get(t, "leading")->u.str
					   : NULL;
		printf("  %-5s %s: %s %ld, %s %ld, %s %ld%s%s\n",
		       val_get(it, "id")->u.str, val_get(it, "title")->u.str,
		       vocab_label(&vocab_priority, "remove", lang),
		       val_get(t, "remove")->u.i,
		       vocab_label(&vocab_priority, "change", lang),
		       val_get(t, "change")->u.i,
		       vocab_label(&vocab_priority, "anchor", lang),
		       val_get(t, "anchor")->u.i, lead ? " -> " : "",
		       !lead ? ""
		       : !strcmp(lead, "tie")
			       ? _("Tie")
			       : vocab_label(&vocab_priority, lead, lang));
	}
out:
	arena_free(a);
}

static int show(struct reg *r, void *input)
{
	struct args *a = input;
	xmlNodePtr rd = round_current(r);
	char now[21];

	now_iso(now);
	if (!rd) {
		if (a->format) {
			printf("null\n");
			return EXIT_OK;
		}
		info(_("no voting round yet; open one with 'styr round "
		       "open'"));
		return EXIT_OK;
	}
	if (a->format) {
		struct arena *ar = arena_new();
		val_write_json(stdout,
			       round_view(ar, r, rd, msg_lang(),
					  round_shows_tally(rd), NULL, NULL,
					  now));
		arena_free(ar);
	} else {
		print_text(r, rd, now);
	}
	return cli_finish_stdout(EXIT_OK);
}

/* The ids from --items (commas or spaces) and the further words. */
static const char **item_list(struct args *a, char **buf, size_t *n)
{
	const char **v = xcalloc((size_t)a->npos + 1 +
					 (a->items ? strlen(a->items) : 0),
				 sizeof *v);
	char *s, *save = NULL;
	int i;

	*n = 0;
	*buf = a->items ? xstrdup(a->items) : NULL;
	for (s = *buf ? strtok_r(*buf, ", \t", &save) : NULL; s;
	     s = strtok_r(NULL, ", \t", &save))
		v[(*n)++] = s;
	for (i = 0; i < a->npos; i++)
		v[(*n)++] = a->pos[i];
	return v;
}

static int change(struct reg *r, void *input)
{
	struct args *a = input;
	struct round_spec s = {0};
	xmlNodePtr rd;
	char now[21], *buf = NULL;
	int rc = -1;

	now_iso(now);
	if (a->action == OPEN) {
		if ((a->votes &&
		     parse_count("--votes", a->votes, 100000, &s.votes) < 0) ||
		    (a->minutes && parse_count("--minutes", a->minutes, 100000,
					       &s.minutes) < 0))
			return -1;
		if ((a->votes && s.votes < 1) ||
		    (a->minutes && s.minutes < 1))
			return error(_("--votes and --minutes take a number "
				       "from 1 up"));
		if (!(s.meeting = vote_meeting(r, a->meeting)))
			return -1;
		s.items = item_list(a, &buf, &s.nitems);
		s.anonymous = a->anonymous;
		s.hidden = a->hidden;
		rd = round_open(r, &s, now);
		if (rd)
			info(_("round %s opened in meeting %s"),
			     node_attr(rd, "number"),
			     node_attr(round_meeting(rd), "id"));
		free(s.items);
		free(buf);
		return rd ? 0 : -1;
	}
	rd = round_current(r);
	if (!rd)
		return error(_("there is no voting round; open one with 'styr "
			       "round open'"));
	if (a->action == CLOSE)
		rc = round_close(r, rd, now);
	else
		rc = round_reveal(r, rd, now);
	if (!rc)
		info(a->action == CLOSE ? _("round %s closed in meeting %s")
					: _("round %s revealed in meeting %s"),
		     node_attr(rd, "number"),
		     node_attr(round_meeting(rd), "id"));
	return rc;
}

static int run(int action, void *input)
{
	struct args *a = input;

	a->action = (enum action)action;
	if (a->action == SHOW) {
		if (a->format && strcasecmp(a->format, "json")) {
			if (strcasecmp(a->format, "text"))
				return cli_usage("round",
						 _("unknown format '%s' (use "
						   "text or json)"),
						 a->format);
			a->format = NULL;
		}
		return cli_read(show, a);
	}
	return cli_change(change, a);
}

static const size_t pos_at[] = {offsetof(struct args, pos),
				offsetof(struct args, npos)};

static const struct cli_sub subs[] = {
	{.shared = run, .action = SHOW, .max = 0, .opts = show_options},
	{.name = "show", .shared = run, .action = SHOW, .max = 0,
	 .args_doc = N_("[--format json]"), .opts = show_options,
	 .doc = N_("Show the open round (else the last one): its items, "
		   "votes per participant, time left, how many have voted "
		   "and, unless it is hidden, the result.")},
	{.name = "open", .shared = run, .action = OPEN, .max = CLI_MANY,
	 .argv_at = pos_at,
	 .args_doc = N_("[--meeting MID] [--items ID...] [--votes N] "
			"[--minutes N] [--named|--anonymous] [--hidden]"),
	 .opts = open_options, .check = check_open,
	 .doc = N_("Open a voting round at a workshop.\vParticipants vote "
		   "on the round's items in 'styr serve'; each has N votes "
		   "(one item, one vote: remove, change or anchor, which they "
		   "can change while the round is open).  Only one round is "
		   "open at a time.")},
	{.name = "close", .shared = run, .action = CLOSE, .max = 0,
	 .doc = N_("Close the open round: it takes no more votes.")},
	{.name = "reveal", .shared = run, .action = REVEAL, .max = 0,
	 .doc = N_("Show the round's result (closing it first when open).")},
	{0}};

const struct cli_command cmd_round = {
	.subs = subs, .input_size = sizeof(struct args),
	.doc = N_("Open, close and reveal a workshop's voting round, or show "
		  "where it stands.")};
