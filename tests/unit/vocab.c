// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Unit tests of the vocabularies (src/vocab.c): every keyword, alias and
 * label a person may type names its word, in any letter case, NFC or NFD
 * and with white space as it comes (SPEC section 7), no two words of a
 * vocabulary share a spelling, and the built-in templates' other names
 * (src/odt_find.c).  Prints TAP.
 */
#include <stdlib.h>
#include <string.h>

#include "names.h"
#include "odt.h"
#include "tap.h"
#include "vocab.h"

static const struct vocab *const all[] = {
    &vocab_kind,  &vocab_experience, &vocab_priority,	  &vocab_decision,
    &vocab_origin, &vocab_found,     &vocab_round,	  &vocab_role,
    &vocab_meeting_kind, &vocab_status, NULL};

/* The index INPUT names in V, or -1 (no message). */
static int find(const struct vocab *v, const char *input)
{
	return vocab_find(v, input);
}

static int is(const struct vocab *v, const char *input, const char *key)
{
	int i = find(v, input);

	return i >= 0 && !strcmp(v->words[i].key, key);
}

/* Every spelling of every word of V: the key, each alias, both labels,
 * upper-cased and with doubled spaces, names that word and no other. */
static void every_spelling(const struct vocab *v)
{
	int i, bad = 0, n = 0;

	for (i = 0; v->words[i].key; i++) {
		const struct word *w = &v->words[i];
		char buf[256];
		const char *a = w->aliases;
		const char *fixed[3] = {w->key, w->label_da, w->label_en};
		int j;

		for (j = 0; j < 3; j++, n++)
			if (find(v, fixed[j]) != i) {
				printf("# %s: '%s' names %d, not %d\n",
				       v->name, fixed[j], find(v, fixed[j]), i);
				bad++;
			}
		while (*a) {
			size_t len = strcspn(a, " ");
			snprintf(buf, sizeof buf, "%.*s", (int)len, a);
			if (find(v, buf) != i) {
				printf("# %s: alias '%s' names %d, not %d\n",
				       v->name, buf, find(v, buf), i);
				bad++;
			}
			n++;
			a += len;
			a += strspn(a, " ");
		}
		/* The label with its white space doubled and padded. */
		snprintf(buf, sizeof buf, "  %s ", w->label_da);
		for (j = 0; buf[j]; j++)
			if (buf[j] == ' ' && j > 2 && buf[j + 1] != '\0') {
				memmove(buf + j + 1, buf + j,
					strlen(buf + j) + 1);
				j++;
			}
		if (find(v, buf) != i) {
			printf("# %s: '%s' names %d, not %d\n", v->name, buf,
			       find(v, buf), i);
			bad++;
		}
		n++;
	}
	ok(!bad, "%s: each of %d spellings names its own word", v->name, n);
}

int main(void)
{
	/* The built-in templates' other names. */
	static const struct {
		const char *name, *builtin, *what;
	} templates[] = {
		{"kortlægning", "kortlaegning",
		 "kortlægning is the built-in kortlaegning"},
		{"KORTLÆGNING", "kortlaegning", "KORTLÆGNING too"},
		{"Beslutninger", "beslutninger", "Beslutninger is beslutninger"},
		{"mapping", "kortlaegning", "mapping (English) is kortlaegning"},
	};
	size_t i;

	for (i = 0; all[i]; i++)
		every_spelling(all[i]);

	/* The words issue 11 found refused. */
	ok(is(&vocab_kind, "MÅL", "goal"), "MÅL is a goal");
	ok(is(&vocab_kind, "ma\xcc\x8al", "goal"),
	   "mål written decomposed (a + combining ring) is a goal");
	ok(is(&vocab_kind, "M\x41\xcc\x8aL", "goal"),
	   "MÅL written decomposed is a goal");
	ok(is(&vocab_kind, "dokumentationskrav", "doc"),
	   "dokumentationskrav is a documentation demand");
	ok(is(&vocab_kind, "Regel og proceskrav", "rule"),
	   "the Danish label 'Regel og proceskrav' is a rule");
	ok(is(&vocab_origin, "lokal praksis", "local"),
	   "lokal praksis is the origin local");
	ok(is(&vocab_origin, "LOKAL\tPRAKSIS", "local"),
	   "LOKAL<tab>PRAKSIS too");
	ok(is(&vocab_origin, "Local practice", "local"),
	   "the English label 'Local practice' too");
	ok(is(&vocab_role, "facilitator", "facilitator"),
	   "facilitator is a role");
	ok(is(&vocab_role, "Tillidsrepræsentant", "steward"),
	   "Tillidsrepræsentant is the steward");
	ok(is(&vocab_experience, "FOR STRAM", "too-tight"),
	   "FOR STRAM (the label) is too tight");
	ok(is(&vocab_experience, "For-stram", "too-tight"),
	   "For-stram (the alias) too");
	ok(is(&vocab_meeting_kind, "Netværksmøde", "network"),
	   "Netværksmøde is a network meeting");
	ok(is(&vocab_status, "IDÉ", "idea"), "IDÉ is an idea");
	ok(is(&vocab_round, "follow up", "followup") &&
		   is(&vocab_round, "Follow_Up", "followup"),
	   "a hyphen is a space: follow up, Follow_Up");
	ok(is(&vocab_experience, "TOO_TIGHT", "too-tight") &&
		   is(&vocab_experience, "for  stram", "too-tight"),
	   "TOO_TIGHT and 'for  stram' are too tight");
	ok(is(&vocab_meeting_kind, "andet møde", "other") &&
		   is(&vocab_meeting_kind, "Andet Møde", "other"),
	   "andet møde (two words) is the other kind of meeting");
	ok(is(&vocab_status, "Ide\xcc\x81", "idea"),
	   "Idé written decomposed is an idea");

	/* What is no word stays no word. */
	ok(find(&vocab_kind, "") < 0, "the empty word is no kind");
	{
		/* A vocabulary without labels (list --sort's): an empty or
		 * blank word names none of its words. */
		static const struct word bare_words[] = {
		    {"id", "", "", ""}, {"votes", "stemmer", "", ""},
		    {NULL, NULL, NULL, NULL}};
		static const struct vocab bare = {"sort order", bare_words};
		ok(find(&bare, "") < 0 && find(&bare, "   ") < 0,
		   "an empty word names no word of a vocabulary without labels");
		ok(find(&bare, "STEMMER") == 1, "but its aliases do");
	}
	ok(find(&vocab_kind, "målet") < 0, "målet is no kind");
	ok(find(&vocab_kind, "mål regel") < 0, "two words are no kind");
	ok(find(&vocab_role, "lov") < 0, "lov is no role");

	for (i = 0; i < sizeof templates / sizeof *templates; i++) {
		const char *got = odt_builtin_named(templates[i].name);

		ok(got && !strcmp(got, templates[i].builtin), "%s",
		   templates[i].what);
	}
	for (i = 0; odt_builtin[i]; i++)
		if (!odt_builtin_named(odt_builtin[i]) ||
		    strcmp(odt_builtin_named(odt_builtin[i]), odt_builtin[i]))
			break;
	ok(!odt_builtin[i], "each built-in name names itself");
	ok(!odt_builtin_named("kort"), "kort is no template");
	ok(!odt_builtin_named("mytemplate"), "mytemplate is no built-in");
	return tap_done();
}
