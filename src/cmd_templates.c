// SPDX-License-Identifier: GPL-3.0-or-later
/* styr templates: the handout templates there are, and their fields. */
#include <dirent.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "commands.h"
#include "handout_data.h"
#include "odt.h"
#include "paths.h"
#include "table.h"
#include "template.h"
#include "util.h"

enum { OPT_TEMPLATE_DIR = 256, OPT_FIELDS };

struct args {
	const char *dir;
	bool fields;
};

static const struct cli_option options[] = {
	{"fields", OPT_FIELDS, NULL, offsetof(struct args, fields),
	 N_("list the fields a template can use, with what each holds")},
	{"template-dir", OPT_TEMPLATE_DIR, N_("DIR"), offsetof(struct args, dir),
	 N_("list the templates in DIR too")},
	{0}};

/* --- the fields --- */

/* A copy of a loop variable's name that outlives tpl_singular's buffer. */
static const char *keep_name(const char *var)
{
	static char names[16][64];
	static int n;
	char *slot = names[n++ % 16];

	snprintf(slot, 64, "%s", var);
	return slot;
}

/* The loops whose elements are of TYPE, e.g. "{{#each items}} (item)". */
static const char *loops_of(const char *type, struct strbuf *sb)
{
	const struct tpl_field *f;
	const char *first = NULL;
	char buf[64];

	for (f = handout_fields; f->path; f++) {
		const char *last = strrchr(f->path, '.');
		const char *var;
		if (f->kind != TPL_LIST || !f->elem || strcmp(f->elem, type))
			continue;
		var = tpl_singular(last ? last + 1 : f->path, buf);
		if (sb->len)
			sb_puts(sb, ", ");
		if (*f->scope)
			sb_printf(sb, "{{#each %s.%s}} (%s)", f->scope, f->path,
				  var);
		else
			sb_printf(sb, "{{#each %s}} (%s)", f->path, var);
		if (!first)
			first = keep_name(var);
	}
	return first ? first : type;
}

static void field_line(const char *prefix, const struct tpl_field *f)
{
	char *name =
	    *prefix ? xasprintf("%s.%s", prefix, f->path) : xstrdup(f->path);
	const char *doc = _(f->doc);
	char buf[64];

	const char *last = strrchr(name, '.') ? strrchr(name, '.') + 1 : name;

	if (f->kind == TPL_LIST) {
		printf("  %-36s %s; ", name, doc);
		printf(_("a list: each element is '%s'"),
		       tpl_singular(last, buf));
		putchar('\n');
	} else if (f->kind == TPL_GROUP) {
		printf("  %-36s %s; %s\n", name, doc,
		       _("a group of the fields below it"));
	} else {
		printf("  %-36s %s\n", name, doc);
	}
	free(name);
}

static int print_fields(void)
{
	const struct tpl_field *f, *g;

	printf("%s\n\n",
	       _("{{FIELD}} prints a value; {{#each LIST}} ... {{/each}} "
		 "repeats for each element of a list; {{#if FIELD}} ... "
		 "{{else}} ... {{/if}} shows a part only when the field is set "
		 "(or with {{#if FIELD == \"text\"}}, when it is that text); "
		 "{{chart votes}} and {{chart burden}} draw charts."));
	printf("%s\n", _("Everywhere:"));
	for (f = handout_fields; f->path; f++)
		if (!*f->scope)
			field_line("", f);
	/* Then each element type, where it first appears. */
	for (f = handout_fields; f->path; f++) {
		struct strbuf sb = {0};
		const char *prefix;
		if (!*f->scope)
			continue;
		for (g = handout_fields; g != f; g++)
			if (!strcmp(g->scope, f->scope))
				break;
		if (g != f)
			continue;
		prefix = loops_of(f->scope, &sb);
		printf("\n");
		printf(_("Inside %s:"), sb.buf ? sb.buf : f->scope);
		printf("\n");
		sb_free(&sb);
		for (g = f; g->path; g++)
			if (!strcmp(g->scope, f->scope))
				field_line(prefix, g);
	}
	return EXIT_OK;
}

/* --- the templates --- */

static char *describe(const char *path, const char *name)
{
	struct odt t;
	char *s;

	if (odt_read(&t, path, name) < 0) {
		odt_free(&t);
		return xstrdup(_("(cannot be read; see above)"));
	}
	s = odt_meta_text(&t, "description");
	if (!s || !*s) {
		free(s);
		s = odt_meta_text(&t, "title");
	}
	odt_free(&t);
	if (s) {
		/* One line. */
		for (char *p = s; *p; p++)
			if (*p == '\n' || *p == '\r' || *p == '\t')
				*p = ' ';
		return s;
	}
	return xstrdup("");
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Names of the subdirectories (or, FILES, of the .odt/.ott files and
 * template directories) of DIR, sorted. */
static size_t names_in(const char *dir, bool files, char ***out)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0;

	*out = NULL;
	if (!d)
		return 0;
	while ((de = readdir(d)) && n < 1000) {
		char *path = xasprintf("%s/%s", dir, de->d_name);
		struct stat st;
		size_t len = strlen(de->d_name);
		bool take = false;
		if (de->d_name[0] != '.' && stat(path, &st) == 0) {
			if (S_ISDIR(st.st_mode))
				take = true;
			else if (files && S_ISREG(st.st_mode) && len > 4 &&
				 (!strcmp(de->d_name + len - 4, ".ott") ||
				  !strcmp(de->d_name + len - 4, ".odt")))
				take = true;
		}
		if (take && files && S_ISDIR(st.st_mode)) {
			/* A directory is a template when it has content. */
			char *content = xasprintf("%s/content.xml", path);
			take = stat(content, &st) == 0;
			free(content);
		}
		free(path);
		if (!take)
			continue;
		names = xrealloc(names, (n + 1) * sizeof *names);
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, by_name);
	*out = names;
	return n;
}

static void free_names(char **names, size_t n)
{
	while (n-- > 0)
		free(names[n]);
	free(names);
}

static bool has(char **names, size_t n, const char *name)
{
	while (n-- > 0)
		if (!strcmp(names[n], name))
			return true;
	return false;
}

static void builtin_row(struct table *tb, const char *name, char **da,
			size_t nda, char **en, size_t nen)
{
	bool in_da = has(da, nda, name), in_en = has(en, nen, name);
	const char *msgs = setlocale(LC_MESSAGES, NULL);
	/* The description in the language messages are printed in. */
	bool prefer_da = in_da && (!in_en || (msgs && !strncmp(msgs, "da", 2)));
	char *path =
	    xasprintf("%s/%s/%s", data_dir(), prefer_da ? "da" : "en", name);
	char *desc = describe(path, name);

	table_row(tb);
	table_cell(tb, name);
	table_cell(tb, in_da && in_en ? "da, en" : in_da ? "da" : "en");
	table_cell(tb, _("built-in"));
	table_cell(tb, desc);
	free(desc);
	free(path);
}

static void user_rows(struct table *tb, const char *dir)
{
	char **names;
	size_t n = names_in(dir, true, &names), i;

	for (i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]);
		char *name = xstrdup(names[i]);
		size_t len = strlen(name);
		if (len > 4 && (!strcmp(name + len - 4, ".ott") ||
				!strcmp(name + len - 4, ".odt")))
			name[len - 4] = '\0';
		char *desc = describe(path, path);
		table_row(tb);
		table_cell(tb, name);
		table_cell(tb, "");
		table_cell(tb, path);
		table_cell(tb, desc);
		free(desc);
		free(name);
		free(path);
	}
	free_names(names, n);
}

static int run(void *input)
{
	struct args *a = input;
	const char *h[4] = {C_("table header", "Name"),
			    C_("table header", "Language"),
			    C_("table header", "Where"),
			    C_("table header", "Description")};
	struct table *tb;
	char **da, **en;
	size_t nda, nen, i;
	const char *env = getenv("STYR_TEMPLATES");
	char *da_dir, *en_dir;

	if (a->fields)
		return print_fields();
	/* The user's own templates are still listed. */
	if (!paths_have_templates())
		paths_no_templates();
	da_dir = xasprintf("%s/da", data_dir());
	en_dir = xasprintf("%s/en", data_dir());
	nda = names_in(da_dir, false, &da);
	nen = names_in(en_dir, false, &en);
	tb = table_new(4, h);
	table_max_width(tb, 3, 70);
	/* The six phases' order first, then any other built-in ones. */
	for (i = 0; odt_builtin[i]; i++)
		if (has(da, nda, odt_builtin[i]) ||
		    has(en, nen, odt_builtin[i]))
			builtin_row(tb, odt_builtin[i], da, nda, en, nen);
	for (i = 0; i < nda + nen; i++) {
		const char *name = i < nda ? da[i] : en[i - nda];
		size_t j;
		for (j = 0; odt_builtin[j]; j++)
			if (!strcmp(odt_builtin[j], name))
				break;
		if (odt_builtin[j] || (i >= nda && has(da, nda, name)))
			continue;
		builtin_row(tb, name, da, nda, en, nen);
	}
	if (a->dir)
		user_rows(tb, a->dir);
	if (env && *env) {
		char *dirs = xstrdup(env), *save = NULL, *d;
		for (d = strtok_r(dirs, ":", &save); d;
		     d = strtok_r(NULL, ":", &save))
			if (*d && (!a->dir || strcmp(d, a->dir)))
				user_rows(tb, d);
		free(dirs);
	}
	table_print(tb, FMT_TABLE, stdout);
	table_free(tb);
	free_names(da, nda);
	free_names(en, nen);
	free(da_dir);
	free(en_dir);
	return EXIT_OK;
}

const struct cli_command cmd_templates = {
	.one = {.run = run, .opts = options},
	.input_size = sizeof(struct args),
	.doc = N_("List the handout templates, one a line: the built-in ones "
		  "and your own (in --template-dir DIR and the directories in "
		  "$STYR_TEMPLATES, separated by ':'; a template there is "
		  "NAME.ott, NAME.odt or an unpacked directory NAME/).  'styr "
		  "handout NAME' prints one.  With --fields, list what a "
		  "template can show.")};
