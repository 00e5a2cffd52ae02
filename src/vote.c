// SPDX-License-Identifier: GPL-3.0-or-later
/* One workshop vote, for `styr vote` and `styr serve`; see vote.h. */
#include <stdlib.h>
#include <string.h>

#include "item.h"
#include "names.h"
#include "util.h"
#include "vocab.h"
#include "vote.h"

/* The workshops of phase PHASE (0: those of no phase), as "M2, M5". */
static size_t phase_workshops(struct reg *r, int phase, xmlNodePtr *one,
			      struct strbuf *list)
{
	xmlNodePtr m;
	size_t n = 0;

	for (m = node_first(r->meetings); m; m = node_after(m)) {
		const char *p = node_attr(m, "phase");
		if (strcmp(node_attr(m, "kind"), "workshop") ||
		    (p ? atoi(p) : 0) != phase)
			continue;
		sb_printf(list, "%s%s (%s)", n ? ", " : "", node_attr(m, "id"),
			  node_text(node_child(m, "title")));
		*one = m;
		n++;
	}
	return n;
}

xmlNodePtr vote_meeting(struct reg *r, const char *mid)
{
	struct strbuf list = {0};
	xmlNodePtr m = NULL;
	int phase;
	size_t n;

	if (mid) {
		m = reg_known_meeting(r, mid);
		if (!m)
			return NULL;
		if (strcmp(node_attr(m, "kind"), "workshop")) {
			error(_("meeting %s is a %s, not a workshop: votes are "
				"cast at workshops (see 'styr meeting list')"),
			      node_attr(m, "id"),
			      vocab_word(&vocab_meeting_kind,
					 node_attr(m, "kind"), msg_lang()));
			return NULL;
		}
		return m;
	}
	phase = reg_current_phase(r);
	n = phase_workshops(r, phase, &m, &list);
	if (n == 1) {
		sb_free(&list);
		return m;
	}
	if (!n && phase)
		error(_("phase %d has no workshop to vote in; add one with "
			"'styr meeting add workshop TITLE' or name it with "
			"--meeting"),
		      phase);
	else if (!n)
		error(_("there is no workshop to vote in; add one with 'styr "
			"meeting add workshop TITLE' or name it with "
			"--meeting"));
	else
		error(_("which workshop? give --meeting, one of: %s"),
		      list.buf);
	sb_free(&list);
	return NULL;
}

int vote_voter(struct reg *r, const char *name, bool guest, bool web,
	       const char **stored, const char **shown, char **tidy)
{
	xmlNodePtr p = person_find(r, name);

	*tidy = NULL;
	if (p) {
		*stored = node_attr(p, "id");
		*shown = node_text(p);
		return 0;
	}
	if (guest) {
		*stored = *shown = *tidy = name_tidy(name);
		return 0;
	}
	/* The page has no guests: whoever is missing asks the facilitator. */
	if (web)
		return person_unknown(r, name,
				      _("'%s' is not in the people list; did "
					"you mean %s? If not, ask the "
					"facilitator to add you"),
				      _("'%s' is not in the people list; ask "
					"the facilitator to add you"));
	return person_unknown(r, name,
			      _("'%s' is not in the people list; did you mean "
				"%s? (a guest who is not in the list votes "
				"with --guest)"),
			      _("'%s' is not in the people list (add them "
				"with 'styr person add', or record a guest "
				"with --guest)"));
}

xmlNodePtr vote_record(struct reg *r, xmlNodePtr item,
		       const struct vote_cast *c, char **was)
{
	const char *lang = msg_lang(), *id = node_attr(item, "id");
	const char *label = vocab_word(&vocab_priority, c->priority, lang);
	xmlNodePtr vote = NULL, e;
	char *who, *where;

	*was = NULL;
	if (c->stored) {
		who = who_identity(r->people, c->stored);
		vote = item_find_vote(r, item, who, c->meeting);
		free(who);
	} else if (c->ballot) {
		vote = item_find_ballot(item, c->ballot, c->meeting);
	}
	if (vote)
		*was = xstrdup(node_attr(vote, "priority"));
	vote = item_set_vote(r, item, vote, c->priority, c->stored,
			     c->stored ? 0 : c->ballot ? 1 : c->count,
			     c->meeting, c->date);
	if (c->ballot)
		node_set_attr(vote, "ballot", c->ballot);

	/* TRANSLATORS: appended to a vote in the change log */
	where = xasprintf(_(" (meeting %s)"), c->meeting);
	/* The log is written like minutes, in the voter's language. */
	if (*was && c->stored)
		e = reg_log(r, "vote", id, _("%s votes %s%s, replacing %s"),
			    c->shown, label, where,
			    vocab_word(&vocab_priority, *was, lang));
	else if (c->stored)
		e = reg_log(r, "vote", id, _("%s votes %s%s"), c->shown, label,
			    where);
	else if (*was)
		e = reg_log(r, "vote", id,
			    _("anonymous ballot %s votes %s%s, replacing %s"),
			    c->ballot, label, where,
			    vocab_word(&vocab_priority, *was, lang));
	else if (c->ballot)
		e = reg_log(r, "vote", id, _("anonymous ballot %s votes %s%s"),
			    c->ballot, label, where);
	else
		e = reg_log(r, "vote", id,
			    ngettext("%ld paper vote: %s%s",
				     "%ld paper votes: %s%s",
				     (unsigned long)c->count),
			    c->count, label, where);
	node_set_attr(e, "happened", c->date); /* the day it was cast */
	free(where);
	return vote;
}
