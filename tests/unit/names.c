// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Unit tests of people's names (src/names.c): the comparison key (NFC,
 * case folding, white space), the guest's tidy form and the edit distance
 * used for suggestions.  Prints TAP.
 */
#include <stdlib.h>
#include <string.h>

#include "names.h"
#include "tap.h"

/* Do A and B have the same key? */
static int same(const char *a, const char *b)
{
	char *ka = name_key(a), *kb = name_key(b);
	int eq = !strcmp(ka, kb);

	free(ka);
	free(kb);
	return eq;
}

static int key_is(const char *name, const char *want)
{
	char *k = name_key(name);
	int eq = !strcmp(k, want);

	free(k);
	return eq;
}

static int tidy_is(const char *name, const char *want)
{
	char *k = name_tidy(name);
	int eq = !strcmp(k, want);

	free(k);
	return eq;
}

int main(void)
{
	ok(key_is("Hanne Møller", "hanne møller"), "lower case, ø kept");
	ok(same("HANNE MØLLER", "hanne møller"), "Ø folds to ø");
	ok(same("ÆBLE ÅSE", "æble åse"), "Æ and Å fold");
	ok(same("A\xcc\x8a" "se", "\xc3\x85se"), "NFD å is NFC å");
	ok(same("a\xcc\x8a" "se", "\xc3\x85SE"), "NFD and case at once");
	ok(key_is("  Hanne \t\n Møller  ", "hanne møller"),
	   "white space collapsed and trimmed");
	ok(key_is("Hanne\xc2\xa0Møller", "hanne møller"),
	   "a no-break space is white space");
	ok(!same("Hanne Møller", "Hanne Moller"), "ø is not o");
	ok(same("Straße", "STRASSE"), "full case folding (ß)");
	ok(key_is("", ""), "empty name, empty key");
	ok(tidy_is(" Ulla \t udefra ", "Ulla udefra"),
	   "tidy keeps the case, collapses white space");
	ok(tidy_is("A\xcc\x8a" "se", "\xc3\x85se"), "tidy composes");
	ok(name_distance("hanne møller", "hanne møller") == 0, "distance 0");
	ok(name_distance("hane moller", "hanne møller") == 2,
	   "a missing letter and ø for o: 2");
	ok(name_distance("", "åse") == 3, "distance counts code points");
	ok(name_distance("anne", "torben") == 5, "anne to torben: 5");
	return tap_done();
}
