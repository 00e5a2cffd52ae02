// SPDX-License-Identifier: GPL-3.0-or-later
/* Finding styr's translations and built-in templates; see paths.h. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"
#include "util.h"

/* The build's configured places, the last resort. */
#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif
#ifndef DATADIR
#define DATADIR "/usr/local/share/styr"
#endif
/* From the installed binary's directory to LOCALEDIR and DATADIR: the
 * Makefile computes them from its BINDIR, LOCALEDIR and DATADIR, so they
 * hold whatever PREFIX the files are installed under. */
#ifndef RELATIVE_LOCALEDIR
#define RELATIVE_LOCALEDIR "../share/locale"
#endif
#ifndef RELATIVE_DATADIR
#define RELATIVE_DATADIR "../share/styr"
#endif

/* The languages styr ships a translation for (the Makefile's LINGUAS). */
static const char *const shipped[] = {"da", NULL};

static bool is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool holds_templates(const char *dir)
{
	char *da = xasprintf("%s/da", dir), *en = xasprintf("%s/en", dir);
	bool yes = is_dir(da) || is_dir(en);

	free(da);
	free(en);
	return yes;
}

static bool holds_translation(const char *dir)
{
	bool yes = false;
	size_t i;

	for (i = 0; shipped[i] && !yes; i++) {
		char *mo = xasprintf("%s/%s/LC_MESSAGES/styr.mo", dir, shipped[i]);
		yes = is_file(mo);
		free(mo);
	}
	return yes;
}

/* One kind of data and where it was found. */
struct place {
	const char *env;      /* its environment variable */
	const char *in_tree;  /* its directory in the source tree */
	const char *relative; /* its directory from the binary's */
	const char *absolute; /* the build's configured place */
	bool (*holds)(const char *dir);
	bool searched;
	bool found;           /* DIR holds the data */
	char *dir;            /* the one chosen */
	struct strbuf looked; /* where styr looked, for messages */
};

static struct place locale_place = {
	"STYR_LOCALEDIR",   "locale",	       RELATIVE_LOCALEDIR,
	LOCALEDIR,	    holds_translation, false,
	false,		    NULL,	       {0}};
static struct place data_place = {
	"STYR_DATADIR",	 "templates",	  RELATIVE_DATADIR "/templates",
	DATADIR "/templates", holds_templates, false,
	false,		      NULL,	      {0}};

/* The directory of the running binary, with symbolic links resolved (so a
 * link in ~/bin to an installed styr finds the install's data); "" when
 * unknown. */
static const char *exe_dir(void)
{
	static char dir[4096];
	ssize_t n;
	char *slash;

	if (dir[0])
		return dir;
	n = readlink("/proc/self/exe", dir, sizeof dir - 1);
	if (n <= 0 || (size_t)n >= sizeof dir - 1) {
		dir[0] = '\0';
		return dir;
	}
	dir[n] = '\0';
	slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	return dir;
}

/* BASE/REL with REL's leading "../" taken off BASE, so messages name
 * /opt/styr/share/styr rather than /opt/styr/bin/../share/styr.  BASE has
 * no links or dot segments (it comes from /proc/self/exe). */
static char *join(const char *base, const char *rel)
{
	size_t n = strlen(base);

	while (n > 1 && base[n - 1] == '/')
		n--;
	for (;;) {
		if (!strncmp(rel, "./", 2)) {
			rel += 2;
		} else if (!strncmp(rel, "../", 3) || !strcmp(rel, "..")) {
			while (n > 1 && base[n - 1] != '/')
				n--;
			while (n > 1 && base[n - 1] == '/')
				n--;
			rel += rel[2] ? 3 : 2;
		} else {
			break;
		}
	}
	if (!*rel)
		return xasprintf("%.*s", (int)n, base);
	if (n == 1 && base[0] == '/')
		return xasprintf("/%s", rel);
	return xasprintf("%.*s/%s", (int)n, base, rel);
}

/* The source tree: its top holds styr.1 and po/ beside locale/ and
 * templates/.  Asked for before the relative places so that a binary
 * built here uses this tree's data, not an older installed copy. */
static bool source_tree(const char *top)
{
	char *man = xasprintf("%s/styr.1", top), *po = xasprintf("%s/po", top);
	bool yes = is_file(man) && is_dir(po);

	free(man);
	free(po);
	return yes;
}

/* Takes DIR (malloc'd) when it holds P's data; notes it for messages. */
static bool try_dir(struct place *p, char *dir)
{
	sb_printf(&p->looked, "%s'%s'", p->looked.len ? ", " : "", dir);
	if (!p->holds(dir)) {
		free(dir);
		return false;
	}
	p->dir = dir;
	p->found = true;
	return true;
}

static void search(struct place *p)
{
	const char *env = getenv(p->env);
	const char *bin = exe_dir();

	if (p->searched)
		return;
	p->searched = true;
	if (env && *env) {
		/* The user's word is taken even when it holds nothing; the
		 * message then names the variable. */
		sb_printf(&p->looked, "%s='%s'", p->env, env);
		p->dir = xstrdup(env);
		p->found = p->holds(env);
		return;
	}
	if (*bin) {
		char *up = join(bin, "..");
		bool found = (source_tree(bin) &&
			      try_dir(p, join(bin, p->in_tree))) ||
			     (source_tree(up) &&
			      try_dir(p, join(up, p->in_tree))) ||
			     try_dir(p, join(bin, p->relative));
		free(up);
		if (found)
			return;
	}
	if (!try_dir(p, xstrdup(p->absolute)))
		p->dir = xstrdup(p->absolute);
}

const char *locale_dir(void)
{
	search(&locale_place);
	return locale_place.dir;
}

const char *data_dir(void)
{
	search(&data_place);
	return data_place.dir;
}

bool paths_have_templates(void)
{
	search(&data_place);
	return data_place.found;
}

void paths_no_templates(void)
{
	static bool said;

	if (said)
		return;
	said = true;
	search(&data_place);
	error(_("the built-in templates are missing: styr looked in %s; "
		"install styr with 'make install' (or the styr package), or "
		"set STYR_DATADIR to the folder that holds the templates' "
		"da/ and en/ (templates/ in styr's source)"),
	      data_place.looked.buf);
}

/* Whether LIST (colon-separated locale names, as in LANGUAGE) asks for
 * language LANG: "da", "da_DK", "da_DK.UTF-8", "da@...". */
static bool asks_for(const char *list, const char *lang)
{
	size_t n = strlen(lang);
	const char *s = list;

	while (s && *s) {
		if (!strncmp(s, lang, n) && strchr(":_.@", s[n]))
			return true;
		s = strchr(s, ':');
		if (s)
			s++;
	}
	return false;
}

void paths_check_translation(void)
{
	const char *msgs = setlocale(LC_MESSAGES, NULL);
	const char *language = getenv("LANGUAGE");
	size_t i;

	/* gettext translates nothing under the C locale, whatever LANGUAGE
	 * says; otherwise LANGUAGE, when set, comes before the locale. */
	if (!msgs || !strcmp(msgs, "C") || !strcmp(msgs, "POSIX") ||
	    !strncmp(msgs, "C.", 2))
		return;
	if (!language || !*language)
		language = msgs;
	search(&locale_place);
	if (locale_place.found)
		return;
	for (i = 0; shipped[i]; i++)
		if (asks_for(language, shipped[i])) {
			warning(_("no translation for '%s' where styr looked "
				  "(%s), so messages are in English; install "
				  "styr with 'make install' (or the styr "
				  "package), or set STYR_LOCALEDIR to the "
				  "folder that holds %s/LC_MESSAGES/styr.mo"),
				shipped[i], locale_place.looked.buf,
				shipped[i]);
			return;
		}
}

const char *reg_path(void)
{
	const char *s;

	if (opt.file && *opt.file)
		return opt.file;
	if ((s = getenv("STYR_FILE")) && *s)
		return s;
	return "styr.xml";
}

char *paths_own_template(const char *dir, const char *name,
			 char *(*find)(const char *d, const char *name))
{
	const char *env = getenv("STYR_TEMPLATES");
	char *path = NULL, *dirs, *d, *save = NULL;

	if (dir)
		path = find(dir, name);
	if (!path && env && *env) {
		dirs = xstrdup(env);
		for (d = strtok_r(dirs, ":", &save); d && !path;
		     d = strtok_r(NULL, ":", &save))
			if (*d)
				path = find(d, name);
		free(dirs);
	}
	return path;
}
