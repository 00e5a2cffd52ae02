/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The fixed vocabularies of the register (kinds, experience, priorities,
 * decisions, ...): the English keyword stored in the register and printed in
 * JSON, the Danish aliases the CLI accepts (SPEC section 1), and the labels
 * a person reads in each language.
 */
#ifndef STYR_VOCAB_H
#define STYR_VOCAB_H

struct word {
	const char *key;      /* canonical English keyword */
	const char *aliases;  /* space-separated Danish (and other) aliases */
	const char *label_da; /* what a Danish reader sees */
	const char *label_en;
};

struct vocab {
	const char *name; /* what the word is, for messages: "kind" */
	const struct word *words;
};

extern const struct vocab vocab_kind, vocab_experience, vocab_priority,
	vocab_decision, vocab_origin, vocab_found, vocab_method, vocab_round,
	vocab_role, vocab_meeting_kind, vocab_status, vocab_lang;
/* Words only handouts print, in the handout's language (vocab_label):
 * a phase's status as view.c gives it, a log entry's action, and the
 * handouts' and charts' own words and sentences (vocab_handout).  Every
 * label a handout prints comes from a table in vocab.c, none from gettext
 * (whose language is the reader's at the terminal, and needs a locale
 * installed) or from code. */
extern const struct vocab vocab_phase_status, vocab_log_action,
	vocab_handout;

/*
 * Returns the index of the word INPUT names or -1 after printing an error
 * that lists the accepted words.  INPUT may be the keyword, an alias or
 * the Danish or English label, compared as names are (names.h: any letter
 * case, NFC or NFD, white space collapsed): "MÅL", "lokal praksis".
 */
int vocab_parse(const struct vocab *v, const char *input);
/* The same without a message: -1 when INPUT names no word. */
int vocab_find(const struct vocab *v, const char *input);
/* Index of a canonical key as stored in the register, or -1. */
int vocab_index(const struct vocab *v, const char *key);
/* Number of words in the vocabulary. */
int vocab_count(const struct vocab *v);
/* The label of a canonical key in LANG ("da" or "en"); the key if unknown. */
const char *vocab_label(const struct vocab *v, const char *key,
			const char *lang);

/* The label as a word inside a sentence: "fjerne" in "Anne stemmer
 * fjerne", "mål" in "tilføjede mål"; acronyms (MED) keep their capitals.
 * Points into a small static ring: use it before the fifth call. */
const char *vocab_word(const struct vocab *v, const char *key,
		       const char *lang);

/* "da" or "en" for a --lang value as a person writes it ("da", "DA",
 * "dansk", "English"), or NULL. */
const char *lang_key(const char *input);

/* The id letter of an item kind: goal G, rule R, doc D. */
char kind_letter(const char *kind);

#endif
