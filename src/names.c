// SPDX-License-Identifier: GPL-3.0-or-later
/* People's names; see names.h.  GNU libunistring does the Unicode work
 * (normalisation and full case folding), so that no table of letters is
 * kept here. */
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "names.h"
#include "util.h"

/* ASCII text is its own NFC, and folds by lower-casing: the common case
 * (ids, "Respondent 3") costs no Unicode work.  NULL when NAME is not
 * ASCII. */
static char *normalise_ascii(const char *name, bool fold)
{
	const char *s;
	char *out, *o;
	bool space = false;

	for (s = name; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return NULL;
	o = out = xmalloc((size_t)(s - name) + 1);
	for (s = name; *s; s++) {
		/* the ASCII white space of Unicode's White_Space */
		if (*s == ' ' || (*s >= '\t' && *s <= '\r')) {
			space = o != out;
			continue;
		}
		if (space)
			*o++ = ' ';
		space = false;
		*o++ = fold && *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a')
						      : *s;
	}
	*o = '\0';
	return out;
}

/* NAME in NFC (FOLD: case-folded too) with white space collapsed. */
static char *normalise(const char *name, bool fold)
{
	const uint8_t *s = (const uint8_t *)name;
	size_t n = 0, i;
	uint8_t *folded;
	char *out, *o;
	bool space = false;

	if ((out = normalise_ascii(name, fold)))
		return out;
	/* Case folding first, then NFC of the result: "Ø", "ø" and "o" with
	 * a combining stroke all come out as one code point. */
	if (fold)
		folded =
		    u8_casefold(s, strlen(name), NULL, UNINORM_NFC, NULL, &n);
	else
		folded = u8_normalize(UNINORM_NFC, s, strlen(name), NULL, &n);
	if (!folded) /* only on invalid input or memory: keep the text */
		return xstrdup(name);
	o = out = xmalloc(n + 1);
	for (i = 0; i < n;) {
		ucs4_t c;
		int len = u8_mbtouc(&c, folded + i, n - i);
		if (uc_is_property_white_space(c)) {
			space = o != out;
		} else {
			if (space)
				*o++ = ' ';
			space = false;
			memcpy(o, folded + i, (size_t)len);
			o += len;
		}
		i += (size_t)len;
	}
	*o = '\0';
	free(folded);
	return out;
}

/* The last few keys made, as a key is a function of the name alone: a
 * command that walks 10,000 items meets the same few people's names on
 * each (people_identity), and case folding is the dear part.  Kept for
 * the process; small, so a linear search is the fastest. */
static struct {
	char *name[64], *key[64];
	size_t n;
} made;

char *name_key(const char *name)
{
	size_t i;

	for (i = 0; i < made.n; i++)
		if (!strcmp(made.name[i], name))
			return xstrdup(made.key[i]);
	char *key = normalise(name, true);
	if (made.n < sizeof made.name / sizeof *made.name) {
		made.name[made.n] = xstrdup(name);
		made.key[made.n++] = xstrdup(key);
	}
	return key;
}

char *name_tidy(const char *name) { return normalise(name, false); }

size_t name_distance(const char *a, const char *b)
{
	size_t na = u8_mbsnlen((const uint8_t *)a, strlen(a));
	size_t nb = u8_mbsnlen((const uint8_t *)b, strlen(b));
	ucs4_t *ca = xmalloc((na + 1) * sizeof *ca);
	ucs4_t *cb = xmalloc((nb + 1) * sizeof *cb);
	size_t i, j, d;
	const uint8_t *p;

	for (i = 0, p = (const uint8_t *)a; i < na; i++)
		p = u8_next(&ca[i], p);
	for (j = 0, p = (const uint8_t *)b; j < nb; j++)
		p = u8_next(&cb[j], p);
	d = edit_distance(ca, na, cb, nb, sizeof *ca);
	free(ca);
	free(cb);
	return d;
}

/* "P12", "p12": the shape of a person's id. */
static bool looks_like_id(const char *s)
{
	if ((s[0] != 'P' && s[0] != 'p') || s[1] < '1' || s[1] > '9')
		return false;
	for (s += 2; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

void people_keys_init(struct people_keys *pk, xmlNodePtr people)
{
	memset(pk, 0, sizeof *pk);
	pk->people = people;
}

void people_keys_free(struct people_keys *pk)
{
	size_t i;

	for (i = 0; i < pk->n; i++)
		free(pk->key[i]);
	free(pk->key);
	free(pk->person);
	memset(pk, 0, sizeof *pk);
}

/* The people's keys, made on first need: a register whose votes hold ids
 * never needs them. */
static void build_keys(struct people_keys *pk)
{
	xmlNodePtr n;
	size_t cap = 0;

	pk->built = true;
	for (n = node_first(pk->people); n; n = node_after(n)) {
		if (pk->n == cap) {
			cap = cap ? 2 * cap : 16;
			pk->key = xrealloc(pk->key, cap * sizeof *pk->key);
			pk->person =
			    xrealloc(pk->person, cap * sizeof *pk->person);
		}
		pk->person[pk->n] = n;
		pk->key[pk->n++] = name_key(node_text(n));
	}
}

char *people_identity(struct people_keys *pk, const char *who)
{
	xmlNodePtr n;
	char *key, *id;
	size_t i;

	if (looks_like_id(who))
		for (n = node_first(pk->people); n; n = node_after(n))
			if (!strcasecmp(node_attr(n, "id"), who))
				return xstrdup(node_attr(n, "id"));
	/* The name exactly as registered: no Unicode work. */
	for (n = node_first(pk->people); n; n = node_after(n))
		if (!strcmp(node_text(n), who))
			return xstrdup(node_attr(n, "id"));
	if (!pk->built)
		build_keys(pk);
	key = name_key(who);
	for (i = 0; i < pk->n; i++)
		if (!strcmp(pk->key[i], key)) {
			free(key);
			return xstrdup(node_attr(pk->person[i], "id"));
		}
	id = xasprintf("guest:%s", key);
	free(key);
	return id;
}

char *who_identity(xmlNodePtr people, const char *who)
{
	struct people_keys pk;
	char *id;

	people_keys_init(&pk, people);
	id = people_identity(&pk, who);
	people_keys_free(&pk);
	return id;
}

xmlNodePtr person_find(struct reg *r, const char *id_or_name)
{
	xmlNodePtr n;
	char *who = who_identity(r->people, id_or_name);

	for (n = node_first(r->people); n; n = node_after(n))
		if (!strcmp(node_attr(n, "id"), who))
			break;
	free(who);
	return n;
}

char *person_closest(struct reg *r, const char *name)
{
	struct {
		xmlNodePtr n;
		size_t d;
	} best[3];
	size_t nbest = 0, i;
	char *key = name_key(name);
	struct strbuf sb = {0};
	xmlNodePtr n;
	/* A name that shares less than half its letters is no suggestion:
	 * "Anne" should not be offered "Torben". */
	size_t most = u8_mbsnlen((const uint8_t *)key, strlen(key)) / 2;

	if (most < 3)
		most = 3;
	for (n = node_first(r->people); n; n = node_after(n)) {
		char *k = name_key(node_text(n));
		size_t d = name_distance(key, k);
		free(k);
		if (d > most)
			continue;
		/* Keep the three nearest, nearest first, in list order
		 * among equals. */
		for (i = nbest; i > 0 && best[i - 1].d > d; i--)
			if (i < 3)
				best[i] = best[i - 1];
		if (i < 3) {
			best[i].n = n;
			best[i].d = d;
			if (nbest < 3)
				nbest++;
		}
	}
	for (i = 0; i < nbest; i++)
		sb_printf(&sb, "%s'%s' (%s)", i ? ", " : "",
			  node_text(best[i].n), node_attr(best[i].n, "id"));
	free(key);
	return sb.len ? sb_steal(&sb) : xstrdup("");
}

int person_unknown(struct reg *r, const char *name, const char *close,
		   const char *far)
{
	char *closest = person_closest(r, name);

	if (*closest)
		error(close, name, closest);
	else
		error(far, name);
	free(closest);
	return -1;
}
