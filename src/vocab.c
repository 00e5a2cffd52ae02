// SPDX-License-Identifier: GPL-3.0-or-later
/* The register's fixed vocabularies with their Danish aliases and labels. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "names.h"
#include "util.h"
#include "vocab.h"

#define END {NULL, NULL, NULL, NULL}

static const struct word kinds[] = {
	{"goal", "mål maal mal", "Mål", "Goal"},
	{"rule", "regel regler proceskrav", "Regel og proceskrav", "Rule"},
	{"doc", "dokumentation dokumentationskrav dok documentation",
	 "Dokumentation", "Documentation"},
	END};
static const struct word experiences[] = {
	{"supportive", "understøttende understottende", "Understøttende",
	 "Supportive"},
	{"too-tight", "for-stram stram", "For stram", "Too tight"},
	{"too-loose", "for-slap slap", "For slap", "Too loose"},
	END};
static const struct word priorities[] = {
	{"remove", "fjern fjerne", "Fjerne", "Remove"},
	{"change", "forandr forandre", "Forandre", "Change"},
	{"anchor", "forankr forankre", "Forankre", "Anchor"},
	END};
static const struct word decisions[] = {
	{"selected", "valgt", "Valgt", "Selected"},
	{"deferred", "udskudt", "Udskudt", "Deferred"},
	{"rejected", "afvist", "Afvist", "Rejected"},
	END};
static const struct word origins[] = {
	{"law", "lov lovkrav", "Lovkrav", "Law"},
	{"council", "kommunalbestyrelsen kommunalbestyrelse byråd byraad",
	 "Kommunalbestyrelsen", "Council"},
	{"administration", "forvaltningen forvaltning", "Forvaltningen",
	 "Administration"},
	{"management", "ledelse ledelsen", "Ledelsen", "Management"},
	{"local", "lokal lokalt praksis", "Lokal praksis", "Local practice"},
	END};
static const struct word methods[] = {
	{"interview", "", "Interview", "Interview"},
	{"document", "dokument dokumenter", "Dokument", "Document"},
	{"observation", "", "Observation", "Observation"},
	END};
static const struct word rounds[] = {
	{"baseline", "før foer start", "Før", "Baseline"},
	{"followup", "follow-up efter opfølgning opfoelgning", "Efter",
	 "Follow-up"},
	END};
static const struct word roles[] = {
	{"management", "ledelse leder", "Ledelse", "Management"},
	{"med", "", "MED", "MED"},
	{"administration", "forvaltning", "Forvaltning", "Administration"},
	{"staff", "medarbejder medarbejdere", "Medarbejder", "Staff"},
	{"steward", "tr tillidsrepræsentant tillidsrepraesentant",
	 "Tillidsrepræsentant", "Steward"},
	{"agent", "dokumentationsagent", "Dokumentationsagent",
	 "Documentation agent"},
	{"steering", "styregruppe", "Styregruppe", "Steering group"},
	/* Who leads the process; not a link of the governance chain. */
	{"facilitator", "procesleder", "Facilitator", "Facilitator"},
	END};
static const struct word meeting_kinds[] = {
	{"module", "undervisningsmodul modul", "Undervisningsmodul",
	 "Teaching module"},
	{"network", "netværksmøde netvaerksmoede netværk", "Netværksmøde",
	 "Network meeting"},
	{"workshop", "", "Workshop", "Workshop"},
	{"seminar", "", "Seminar", "Seminar"},
	{"learning", "læringsmøde laeringsmoede", "Læringsmøde",
	 "Learning meeting"},
	{"steering", "styregruppemøde styregruppemoede", "Styregruppemøde",
	 "Steering group meeting"},
	{"other", "andet andet-møde møde", "Møde", "Meeting"},
	END};
static const struct word statuses[] = {
	{"idea", "ide idé", "Idé", "Idea"},
	{"prototype", "", "Prototype", "Prototype"},
	{"pilot", "afprøvning afproevning", "Afprøvning", "Pilot"},
	{"implemented", "implementeret", "Implementeret", "Implemented"},
	END};

/* The languages of handouts and pages (--lang). */
static const struct word langs[] = {
	{"da", "dansk danish", "Dansk", "Danish"},
	{"en", "engelsk english", "Engelsk", "English"},
	END};

/* What only handouts print: every word a handout or its charts show in
 * the handout's language is in a table here, so that a language is added
 * in this file.  Never parsed, so no aliases; a key ending in "%" is a
 * printf format, and its labels take the same arguments. */
static const struct word phase_statuses[] = {
	{"not-started", "", "ikke startet", "not started"},
	{"active", "", "i gang", "in progress"},
	{"done", "", "afsluttet", "done"},
	END};
static const struct word log_actions[] = {
	{"prioritise", "", "Prioritering", "Proposal"},
	{"decide", "", "Beslutning", "Decision"},
	{"solution", "", "Løsning", "Solution"},
	END};
static const struct word handout_words[] = {
	{"yes", "", "ja", "yes"},
	{"no", "", "nej", "no"},
	{"tie", "", "uafgjort", "tie"},
	{"votes-chart", "", "Stemmer pr. punkt", "Votes per item"},
	{"no-votes", "", "Ingen stemmer endnu.", "No votes yet."},
	{"most-votes%", "", "De %zu punkter med flest stemmer af %zu.",
	 "The %zu items with most votes of %zu."},
	{"burden-chart", "", "Timer pr. år pr. område",
	 "Hours per year per review area"},
	{"no-estimates", "", "Ingen tidsestimater endnu.",
	 "No time estimates yet."},
	{"no-area", "", "Uden område", "No area"},
	/* A register made without --title: the model's name stands in for
	 * it ("Styregruppen for ..." must not end in "for"). */
	{"untitled", "", "Nybureaukratisering", "New bureaucratisation"},
	{"hours", "", "timer", "hours"},
	{"hours-in-all%", "", "I alt: %s timer pr. år.",
	 "In all: %s hours per year."},
	{"hours-cost-in-all%", "", "I alt: %s timer pr. år, ca. %s kr.",
	 "In all: %s hours per year (about %s kr)."},
	{"hours-cost%", "", "%s timer · %s kr.", "%s hours · %s kr"},
	{"conflict-open", "",
	 "Advarsel: registret har en uafklaret konflikt fra en fletning af "
	 "to udgaver. Hvor den står, viser dokumentet kun den ene udgave, og "
	 "tallene kan ændre sig, når den er afgjort (styr conflicts).",
	 "Warning: the register has an open conflict from merging two "
	 "versions. Where it stands, this document shows one version only, "
	 "and the figures may change once it is resolved (styr conflicts)."},
	{"conflicts-open%", "",
	 "Advarsel: registret har %zu uafklarede konflikter fra en fletning "
	 "af to udgaver. Hvor de står, viser dokumentet kun den ene udgave, "
	 "og tallene kan ændre sig, når de er afgjort (styr conflicts).",
	 "Warning: the register has %zu open conflicts from merging two "
	 "versions. Where they stand, this document shows one version only, "
	 "and the figures may change once they are resolved (styr "
	 "conflicts)."},
	END};

const struct vocab vocab_kind = {N_("kind"), kinds};
const struct vocab vocab_experience = {N_("experience"), experiences};
const struct vocab vocab_priority = {N_("priority"), priorities};
const struct vocab vocab_decision = {N_("decision"), decisions};
const struct vocab vocab_origin = {N_("origin"), origins};
const struct vocab vocab_found = {N_("found"), methods};
const struct vocab vocab_method = {N_("method"), methods};
const struct vocab vocab_round = {N_("round"), rounds};
const struct vocab vocab_role = {N_("role"), roles};
const struct vocab vocab_meeting_kind = {N_("meeting kind"), meeting_kinds};
const struct vocab vocab_status = {N_("status"), statuses};
const struct vocab vocab_lang = {N_("language"), langs};
/* Handout words are never parsed, so their names are never shown. */
const struct vocab vocab_phase_status = {"phase status", phase_statuses};
const struct vocab vocab_log_action = {"action", log_actions};
const struct vocab vocab_handout = {"handout word", handout_words};

/* Is WORD one of the space-separated words of LIST (case-insensitive)? */
static int in_list(const char *list, const char *word)
{
	size_t n = strlen(word);

	while (*list) {
		size_t len = strcspn(list, " ");

		if (len == n && !strncasecmp(list, word, n))
			return 1;
		list += len;
		list += strspn(list, " ");
	}
	return 0;
}

/* The key a word is compared by: the name key (names.h) of the LEN bytes
 * at TEXT with '-' and '_' read as spaces, so that "for stram",
 * "for-stram" and "FOR_STRAM" are one word. */
static char *word_key(const char *text, size_t len)
{
	char *copy = xasprintf("%.*s", (int)len, text), *p, *k;

	for (p = copy; *p; p++)
		if (*p == '-' || *p == '_')
			*p = ' ';
	k = name_key(copy);
	free(copy);
	return k;
}

/* Is KEY (a word_key) the key of the LEN bytes at TEXT? */
static int key_of(const char *key, const char *text, size_t len)
{
	char *k = word_key(text, len);
	int same = !strcmp(k, key);

	free(k);
	return same;
}

/* Is KEY the key of one of the space-separated words of LIST? */
static int in_list_key(const char *list, const char *key)
{
	while (*list) {
		size_t len = strcspn(list, " ");

		if (len && key_of(key, list, len))
			return 1;
		list += len;
		list += strspn(list, " ");
	}
	return 0;
}

int vocab_find(const struct vocab *v, const char *input)
{
	char *key;
	int i, found = -1;

	/* The keyword or an alias as written: no Unicode work. */
	for (i = 0; v->words[i].key; i++)
		if (!strcasecmp(v->words[i].key, input) ||
		    in_list(v->words[i].aliases, input))
			return i;
	/* Else compared as names are (SPEC section 7): any letter case,
	 * NFC or NFD, white space collapsed, a hyphen as a space
	 * ("follow up"); and the labels styr prints,
	 * in Danish and English, are words too ("lokal praksis"). */
	key = word_key(input, strlen(input));
	for (i = 0; *key && v->words[i].key && found < 0; i++) {
		const struct word *w = &v->words[i];

		if (key_of(key, w->key, strlen(w->key)) ||
		    in_list_key(w->aliases, key) ||
		    (*w->label_da &&
		     key_of(key, w->label_da, strlen(w->label_da))) ||
		    (*w->label_en &&
		     key_of(key, w->label_en, strlen(w->label_en))))
			found = i;
	}
	free(key);
	return found;
}

int vocab_parse(const struct vocab *v, const char *input)
{
	struct strbuf accepted = {0};
	int i = vocab_find(v, input);

	if (i >= 0)
		return i;
	for (i = 0; v->words[i].key; i++) {
		if (i)
			sb_puts(&accepted, ", ");
		sb_puts(&accepted, v->words[i].key);
		if (*v->words[i].aliases) {
			size_t n = strcspn(v->words[i].aliases, " ");
			sb_puts(&accepted, "/");
			sb_add(&accepted, v->words[i].aliases, n);
		}
	}
	error(_("unknown %s '%s' (use one of: %s)"), _(v->name), input,
	      accepted.buf);
	sb_free(&accepted);
	return -1;
}

int vocab_index(const struct vocab *v, const char *key)
{
	int i;

	if (!key)
		return -1;
	for (i = 0; v->words[i].key; i++)
		if (!strcmp(v->words[i].key, key))
			return i;
	return -1;
}

int vocab_count(const struct vocab *v)
{
	int i = 0;

	while (v->words[i].key)
		i++;
	return i;
}

const char *vocab_label(const struct vocab *v, const char *key,
			const char *lang)
{
	int i = vocab_index(v, key);

	if (i < 0)
		return key ? key : "";
	return lang && !strcmp(lang, "en") ? v->words[i].label_en
					   : v->words[i].label_da;
}

const char *vocab_word(const struct vocab *v, const char *key,
		       const char *lang)
{
	/* A few at a time: one message may name the old and the new word. */
	static char ring[4][96];
	static unsigned next;
	const char *label = vocab_label(v, key, lang);
	char *out = ring[next++ % 4];
	unsigned char *p = (unsigned char *)out;

	snprintf(out, sizeof ring[0], "%s", label);
	/* "MED" stays as it is: a second capital means an acronym. */
	if (isupper(p[0]) && !isupper(p[1]))
		p[0] = (unsigned char)tolower(p[0]);
	else if (p[0] == 0xC3 && p[1] >= 0x80 && p[1] <= 0x9E &&
		 p[1] != 0x97 && !isupper(p[2]))
		p[1] += 0x20; /* Æ Ø Å and the other Latin-1 capitals */
	return out;
}

char kind_letter(const char *kind)
{
	switch (vocab_index(&vocab_kind, kind)) {
	case 0:
		return 'G';
	case 1:
		return 'R';
	default:
		return 'D';
	}
}

const char *lang_key(const char *input)
{
	int i = input ? vocab_find(&vocab_lang, input) : -1;

	return i < 0 ? NULL : vocab_lang.words[i].key;
}
