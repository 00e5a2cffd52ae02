// SPDX-License-Identifier: GPL-3.0-or-later
/* export survey: the question list for a survey tool; see survey.h. */
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "survey.h"
#include "util.h"
#include "vocab.h"

/* The words of the list, in the survey's language (not the terminal's:
 * the list is for the respondents, as a handout is). */
struct words {
	const char *id, *question, *kind, *help, *answer;
	const char *text, *choice, *name, *role;
};

static const struct words da = {
	"id", "spørgsmål", "type", "hjælpetekst", "svar",
	"fritekst", "ét svar", "Navn", "Rolle"};
static const struct words en = {
	"id", "question", "type", "help", "answer",
	"free text", "one answer", "Name", "Role"};

enum { MAX_ANSWERS = 16 };

static void row(FILE *f, const char *id, const char *question,
		const char *kind, const char *help, const struct vocab *v,
		const char *lang, int width)
{
	const char *cell[4 + MAX_ANSWERS] = {id, question, kind, help};
	int i, n = v ? vocab_count(v) : 0;

	for (i = 0; i < n && i < MAX_ANSWERS; i++)
		cell[4 + i] = vocab_label(v, v->words[i].key, lang);
	csv_write_row(f, cell, (size_t)(4 + width));
}

void survey_write_csv(struct reg *r, FILE *f, const char *lang,
		      const char *area)
{
	const struct words *w = strcmp(lang, "en") ? &da : &en;
	int width = vocab_count(&vocab_role), i;
	const char *head[4 + MAX_ANSWERS];
	char *answers[MAX_ANSWERS];
	xmlNodePtr item;

	if (vocab_count(&vocab_experience) > width)
		width = vocab_count(&vocab_experience);
	if (width > MAX_ANSWERS)
		width = MAX_ANSWERS;
	head[0] = w->id;
	head[1] = w->question;
	head[2] = w->kind;
	head[3] = w->help;
	for (i = 0; i < width; i++)
		head[4 + i] = answers[i] = xasprintf("%s %d", w->answer, i + 1);
	csv_write_row(f, head, (size_t)(4 + width));
	for (i = 0; i < width; i++)
		free(answers[i]);
	/* The headers import ratings takes for who answered. */
	row(f, "respondent", w->name, w->text, "", NULL, lang, width);
	row(f, "role", w->role, w->choice, "", &vocab_role, lang, width);
	for (item = node_first(r->items); item; item = node_after(item)) {
		char *q;
		xmlNodePtr desc;
		const char *in = node_attr(item, "area");

		if (area && (!in || strcmp(in, area)))
			continue;
		q = xasprintf("%s: %s", node_attr(item, "id"),
			      node_text(node_child(item, "title")));
		desc = node_child(item, "description");
		row(f, node_attr(item, "id"), q, w->choice,
		    desc ? node_text(desc) : "", &vocab_experience, lang,
		    width);
		free(q);
	}
}
