// SPDX-License-Identifier: GPL-3.0-or-later
/* Finding templates: a built-in name, a name in the template
 * directories, or a path to an .odt, an .ott or a directory. */
#include <errno.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "names.h"
#include "odt.h"
#include "odt_int.h"
#include "paths.h"
#include "util.h"

const char *const odt_builtin[] = {
    "faseplan", "kortlaegning", "spoergeskema", "workshop", "styregruppe",
    "status",	"evaluering",	"beslutninger", NULL};

/* Other ways to write the built-in names, the same order: the Danish
 * spelling (æ, ø, å) and the English word, space-separated. */
static const char *const builtin_alias[] = {
    "fase-plan phaseplan phase-plan",
    "kortlægning mapping",
    "spørgeskema questionnaire survey",
    "prioritering prioritisation prioritization",
    "styregruppenotat steering",
    "statusbrev",
    "evaluation",
    "beslutningslog decisions decision-log",
    NULL};

/* Is KEY (names.h) the key of the LEN bytes at TEXT? */
static bool key_is(const char *key, const char *text, size_t len)
{
	char *copy = xasprintf("%.*s", (int)len, text), *k = name_key(copy);
	bool same = !strcmp(k, key);

	free(k);
	free(copy);
	return same;
}

const char *odt_builtin_named(const char *arg)
{
	const char *found = NULL;
	char *key = name_key(arg);
	size_t i;

	for (i = 0; odt_builtin[i] && !found; i++) {
		const char *a = builtin_alias[i];

		if (key_is(key, odt_builtin[i], strlen(odt_builtin[i])))
			found = odt_builtin[i];
		while (*a && !found) {
			size_t len = strcspn(a, " ");
			if (key_is(key, a, len))
				found = odt_builtin[i];
			a += len;
			a += strspn(a, " ");
		}
	}
	free(key);
	return found;
}

/* The spelling of a built-in template (its name or an alias) nearest to
 * ARG, a typing mistake away ("kortlaeging"), or NULL; the caller's. */
static char *builtin_nearest(const char *arg)
{
	char *key = name_key(arg), *best = NULL;
	size_t i, most = strlen(key) < 5 ? 1 : 2;

	for (i = 0; odt_builtin[i]; i++) {
		char *words = xasprintf("%s %s", odt_builtin[i],
					builtin_alias[i]);
		char *w, *save = NULL;

		for (w = strtok_r(words, " ", &save); w;
		     w = strtok_r(NULL, " ", &save)) {
			char *k = name_key(w);
			size_t d = name_distance(key, k);

			free(k);
			if (d <= most && (!best || d < most)) {
				most = d;
				free(best);
				best = xstrdup(w);
			}
		}
		free(words);
	}
	free(key);
	return best;
}

char *odt_template_in(const char *dir, const char *name)
{
	static const char *const forms[] = {"%s/%s.ott", "%s/%s.odt", "%s/%s",
					    NULL};
	struct stat st;
	int i;

	for (i = 0; forms[i]; i++) {
		char *path = xasprintf(forms[i], dir, name);
		if (stat(path, &st) == 0 &&
		    (forms[i + 1] ? S_ISREG(st.st_mode) : S_ISDIR(st.st_mode)))
			return path;
		free(path);
	}
	return NULL;
}

char *odt_template_own(const char *dir, const char *name)
{
	return paths_own_template(dir, name, odt_template_in);
}

/* The output's name for template PATH: its file name without .odt/.ott. */
static char *base_of(const char *path)
{
	char *copy = xstrdup(path), *b, *out;
	size_t n = strlen(copy);

	while (n > 1 && copy[n - 1] == '/')
		copy[--n] = '\0';
	b = basename(copy);
	out = xstrdup(b);
	n = strlen(out);
	if (odt_has_suffix(out, ".odt") || odt_has_suffix(out, ".ott"))
		out[n - 4] = '\0';
	free(copy);
	return out;
}

char *odt_find(const char *arg, const char *dir, const char *lang, char **base,
	       int *status)
{
	char *path;
	struct stat st;

	*base = NULL;
	if (strchr(arg, '/') || odt_has_suffix(arg, ".odt") ||
	    odt_has_suffix(arg, ".ott")) {
		if (stat(arg, &st) < 0) {
			error(_("%s: cannot open the template: %s"), arg,
			      strerror(errno));
			*status = EXIT_UNREADABLE;
			return NULL;
		}
		*base = base_of(arg);
		return xstrdup(arg);
	}
	path = odt_template_own(dir, arg);
	if (!path && stat(arg, &st) < 0 && odt_builtin_named(arg))
		/* "kortlægning", "Faseplan": a built-in one by another
		 * spelling; the output is named as the built-in one. */
		arg = odt_builtin_named(arg);
	if (!path) {
		char *builtin = xasprintf("%s/%s/%s", data_dir(), lang, arg);
		if (stat(builtin, &st) == 0 && S_ISDIR(st.st_mode))
			path = builtin;
		else
			free(builtin);
	}
	if (!path && stat(arg, &st) == 0)
		path = xstrdup(arg); /* a template in the current directory */
	if (!path) {
		const char *other = strcmp(lang, "en") ? "en" : "da";
		char *near = NULL, *there = xasprintf("%s/%s/%s", data_dir(), other, arg);
		if (stat(there, &st) == 0 && S_ISDIR(st.st_mode))
			error(_("template '%s' has no version in language '%s' "
				"(there is one in '%s')"),
			      arg, lang, other);
		else if ((near = builtin_nearest(arg)))
			error(_("unknown template '%s'; did you mean '%s'? (see "
				"'styr templates' for the templates there are)"),
			      arg, near);
		else
			error(_("unknown template '%s' (see 'styr templates' "
				"for the templates there are)"),
			      arg);
		free(near);
		free(there);
		*status = EXIT_REFUSED;
		return NULL;
	}
	*base = xstrdup(arg);
	return path;
}
