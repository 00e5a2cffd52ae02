// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The register as sentences, one fact a line, for git's diff driver
 * (styr git textconv): "git diff" and "git log -p" then show a change as
 * the facts that came and went -- "D3: vote by Anna Holm (M2): fjerne" --
 * rather than as XML.  Lines are in the register's own order, so a
 * change shows where it happened.
 */
#include <stdlib.h>
#include <string.h>

#include "item.h"
#include "merge.h"
#include "reg.h"
#include "strmap.h"
#include "util.h"
#include "vocab.h"

/* Text on one line: line breaks become " / ". */
static void put(FILE *out, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '\n')
			fputs(" / ", out);
		else if (*s != '\r')
			fputc(*s, out);
	}
}

static const char *who(struct strmap *names, const char *id)
{
	const char *name = id ? strmap_get(names, id) : NULL;

	return name ? name : id ? id : "";
}

static void item_text(FILE *out, xmlNodePtr item, struct strmap *names,
		      const char *lang)
{
	const char *id = node_attr(item, "id");
	static const char *const fields[] = {"description", "owner", "source"};
	xmlNodePtr c;
	size_t i;

	fprintf(out, "%s: %s '", id,
		vocab_word(&vocab_kind, node_attr(item, "kind"), lang));
	put(out, node_text(node_child(item, "title")));
	fputs("'\n", out);
	if (node_attr(item, "area"))
		fprintf(out, _("%s: area %s\n"), id, node_attr(item, "area"));
	if (node_attr(item, "origin"))
		fprintf(out, _("%s: origin %s\n"), id,
			vocab_word(&vocab_origin, node_attr(item, "origin"),
				   lang));
	if (node_attr(item, "found"))
		fprintf(out, _("%s: found by %s\n"), id,
			vocab_word(&vocab_found, node_attr(item, "found"),
				   lang));
	for (i = 0; i < sizeof fields / sizeof *fields; i++) {
		c = node_child(item, fields[i]);
		if (!c)
			continue;
		fprintf(out, "%s: %s: ", id, fields[i]);
		put(out, node_text(c));
		fputc('\n', out);
	}
	for (c = node_first(item); c; c = node_after(c)) {
		if (node_is(c, "note")) {
			fprintf(out, _("%s: note by %s (%s): "), id,
				who(names, node_attr(c, "by")),
				node_attr(c, "date") ? node_attr(c, "date")
						     : "-");
			put(out, node_text(c));
			fputc('\n', out);
		} else if (node_is(c, "rating")) {
			char *anon = node_attr(c, "respondent")
					     ? NULL
					     : item_rating_anonymous(c);
			fprintf(out, _("%s: rating (%s) by %s: %s\n"), id,
				vocab_word(&vocab_round, node_attr(c, "round"),
					   lang),
				anon ? anon
				     : who(names, node_attr(c, "respondent")),
				vocab_word(&vocab_experience,
					   node_attr(c, "experience"), lang));
			free(anon);
		} else if (node_is(c, "burden")) {
			fprintf(out,
				_("%s: burden %s minutes, %s a year, staff %s, "
				  "tariff %s\n"),
				id, node_attr(c, "minutes"),
				node_attr(c, "per-year"),
				node_attr(c, "staff") ? node_attr(c, "staff")
						      : "-",
				node_attr(c, "tariff") ? node_attr(c, "tariff")
						       : "-");
		} else if (node_is(c, "vote") && node_attr(c, "by")) {
			fprintf(out, _("%s: vote by %s (%s): %s\n"), id,
				who(names, node_attr(c, "by")),
				node_attr(c, "meeting") ? node_attr(c, "meeting")
							: "-",
				vocab_word(&vocab_priority,
					   node_attr(c, "priority"), lang));
		} else if (node_is(c, "vote")) {
			fprintf(out, _("%s: %s paper votes (%s): %s\n"), id,
				node_attr(c, "count"),
				node_attr(c, "meeting") ? node_attr(c, "meeting")
							: "-",
				vocab_word(&vocab_priority,
					   node_attr(c, "priority"), lang));
		} else if (node_is(c, "priority") || node_is(c, "decision")) {
			fprintf(out, "%s: %s %s (%s, %s): ", id,
				node_is(c, "priority") ? _("proposal")
						       : _("decision"),
				vocab_word(node_is(c, "priority")
						   ? &vocab_priority
						   : &vocab_decision,
					   node_attr(c, "value"), lang),
				node_attr(c, "by"), node_attr(c, "date"));
			put(out, node_text(c));
			fputc('\n', out);
		} else if (node_is(c, "solution")) {
			fprintf(out, _("%s: solution %s, evaluate by %s: "), id,
				vocab_word(&vocab_status, node_attr(c, "status"),
					   lang),
				node_attr(c, "evaluate-by")
					? node_attr(c, "evaluate-by")
					: "-");
			put(out, node_text(node_child(c, "criteria")));
			fputc('\n', out);
		}
	}
}

void merge_text(xmlNodePtr root, FILE *out)
{
	const char *lang = msg_lang();
	struct strmap *names = strmap_new(64);
	xmlNodePtr n, c;

	for (n = node_first(node_child(root, "people")); n; n = node_after(n))
		strmap_add(names, node_attr(n, "id"), (void *)node_text(n));
	fprintf(out, _("organisation: "));
	put(out, node_text(node_child(root, "organisation")));
	fputc('\n', out);
	for (n = node_first(node_child(root, "model")); n; n = node_after(n)) {
		fprintf(out, _("phase %s: %s\n"), node_attr(n, "number"),
			node_attr(n, "status") ? node_attr(n, "status")
					       : "not-started");
		for (c = node_child(n, "milestone"); c;
		     c = node_next(c, "milestone"))
			if (node_attr(c, "done"))
				fprintf(out, _("milestone %s: done %s\n"),
					node_attr(c, "id"), node_attr(c, "done"));
	}
	for (n = node_first(node_child(root, "areas")); n; n = node_after(n)) {
		fprintf(out, _("area %s: "), node_attr(n, "id"));
		put(out, node_text(n));
		fputc('\n', out);
	}
	for (n = node_first(node_child(root, "people")); n; n = node_after(n)) {
		fprintf(out, "%s: ", node_attr(n, "id"));
		put(out, node_text(n));
		fprintf(out, " (%s)\n",
			vocab_word(&vocab_role, node_attr(n, "role"), lang));
	}
	for (n = node_first(node_child(root, "meetings")); n;
	     n = node_after(n)) {
		fprintf(out, "%s: %s '", node_attr(n, "id"),
			vocab_word(&vocab_meeting_kind, node_attr(n, "kind"),
				   lang));
		put(out, node_text(node_child(n, "title")));
		fprintf(out, "' %s\n", node_attr(n, "date"));
		for (c = node_child(n, "attendee"); c;
		     c = node_next(c, "attendee"))
			fprintf(out, _("%s: attended by %s\n"),
				node_attr(n, "id"),
				who(names, node_attr(c, "ref")));
	}
	for (n = node_first(node_child(root, "items")); n; n = node_after(n))
		item_text(out, n, names, lang);
	for (n = node_first(node_child(root, "log")); n; n = node_after(n)) {
		fprintf(out, _("log %s %s: "), node_attr(n, "when"),
			node_attr(n, "by"));
		put(out, node_text(node_child(n, "what")));
		fputc('\n', out);
	}
	for (n = node_first(node_child(root, "conflicts")); n;
	     n = node_after(n)) {
		fprintf(out, _("open conflict %s: "), node_attr(n, "id"));
		put(out, node_text(node_child(n, "what")));
		fputc('\n', out);
	}
	strmap_free(names);
}
