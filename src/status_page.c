// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The colleagues' status page; see status_page.h.  The page is an XHTML
 * template filled by the handout template engine rather than HTML printed
 * from C: the engine already escapes every value as it writes it (no
 * value can become markup), checks every field against the handout data,
 * and lets a user restyle the page as they restyle handouts, by editing a
 * copy of the template.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "handout_data.h"
#include "paths.h"
#include "status_page.h"
#include "template.h"
#include "util.h"
#include "value.h"
#include "xmlsafe.h"

/* The file NAME in DIR, when there is one. */
static char *file_in(const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);
	struct stat st;

	if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
		return path;
	free(path);
	return NULL;
}

char *status_page_template(const char *dir, const char *lang)
{
	char *path = paths_own_template(dir, STATUS_PAGE_TEMPLATE, file_in);
	char *builtin;

	if (path)
		return path;
	builtin = xasprintf("%s/%s", data_dir(), lang);
	path = file_in(builtin, STATUS_PAGE_TEMPLATE);
	if (!path)
		error(_("the status page's template %s/%s is missing; "
			"reinstall styr or set STYR_DATADIR to the folder "
			"that holds the templates"),
		      builtin, STATUS_PAGE_TEMPLATE);
	free(builtin);
	return path;
}

static int to_file(void *arg, const char *buf, size_t len)
{
	if (len && fwrite(buf, 1, len, arg) != len)
		return error(_("cannot write the status page: %s"),
			     strerror(errno));
	return 0;
}

int status_page_write(struct reg *r, const char *lang, const char *template,
		      FILE *out)
{
	static const char *const no_charts[] = {NULL};
	char *own = NULL;
	xmlDocPtr doc = NULL;
	struct arena *a = NULL;
	struct tpl_opts o = {0};
	struct strbuf sb = {0};
	int rc = -1;

	if (!template) {
		own = status_page_template(NULL, lang);
		if (!own)
			return -1;
		template = own;
	}
	doc = xmlsafe_read_file(template, 1);
	if (!doc)
		goto out;
	a = arena_new();
	o.name = template;
	o.fields = handout_fields;
	o.charts = no_charts; /* an SVG in ODF form means nothing here */
	o.data = handout_data(a, r, lang, NULL);
	o.lang = lang;
	o.flush = to_file;
	o.flush_arg = out;
	if (tpl_render(doc, &o, &sb) > 0) {
		error(_("%s: the template has problems (see above)"),
		      template);
		goto out;
	}
	if (fflush(out) != 0 || ferror(out)) {
		error(_("cannot write the status page: %s"), strerror(errno));
		goto out;
	}
	rc = 0;
out:
	sb_free(&sb);
	arena_free(a);
	if (doc)
		xmlsafe_free_doc(doc);
	free(own);
	return rc;
}
