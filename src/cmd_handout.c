// SPDX-License-Identifier: GPL-3.0-or-later
/* styr handout: an ODT handout from a template and the register. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chart.h"
#include "commands.h"
#include "guard.h"
#include "handout_data.h"
#include "odt.h"
#include "paths.h"
#include "pdf.h"
#include "reg.h"
#include "status_page.h"
#include "tempfile.h"
#include "template.h"
#include "util.h"
#include "vocab.h"

enum { OPT_TEMPLATE_DIR = 256, OPT_FORCE, OPT_CHECK, OPT_FORMAT, OPT_PDF };

struct args {
	const char *template, *output, *area, *lang, *dir, *format;
	bool force, check, pdf;
};

static const struct cli_option options[] = {
	{"output", 'o', N_("FILE"), offsetof(struct args, output),
	 N_("write the handout to FILE (default: NAME.odt, or NAME.pdf for "
	    "PDF, in the current directory); a FILE ending in .pdf is "
	    "written as PDF")},
	{"area", 'a', N_("AREA"), offsetof(struct args, area),
	 N_("only the items (and the area) of review area AREA")},
	{"lang", 'l', N_("LANG"), offsetof(struct args, lang),
	 N_("the handout's language: da (Danish, the default) or en")},
	{"template-dir", OPT_TEMPLATE_DIR, N_("DIR"),
	 offsetof(struct args, dir), N_("look for the template in DIR first")},
	{"force", OPT_FORCE, NULL, offsetof(struct args, force),
	 N_("replace the output file if it exists")},
	{"check", OPT_CHECK, NULL, offsetof(struct args, check),
	 N_("only check the template: list every malformed tag and unknown "
	    "field, write nothing")},
	{"format", OPT_FORMAT, N_("FORMAT"), offsetof(struct args, format),
	 N_("odt (the default); pdf, made from the ODT by LibreOffice, "
	    "which must be installed; or html for the status handout: one "
	    "self-contained web page (default name status.html)")},
	{"pdf", OPT_PDF, NULL, offsetof(struct args, pdf),
	 N_("the same as --format pdf")},
	{0}};

/* Makes the charts a template asks for, as pictures in the package. */
struct charts {
	struct odt *odt;
	const struct val *data;
	const char *lang;
	int n;
};

static bool part_exists(const struct odt *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->nparts; i++)
		if (!strcmp(t->parts[i].name, name))
			return true;
	return false;
}

static int make_chart(void *arg, const char *name, struct tpl_picture *pic)
{
	struct charts *c = arg;
	struct chart ch;
	char *href;

	if (chart_make(name, c->data, c->lang, &ch) < 0)
		return error(_("unknown chart '%s'"), name);
	do {
		href = xasprintf("Pictures/chart-%d.svg", ++c->n);
		if (!part_exists(c->odt, href))
			break;
		free(href);
	} while (1);
	odt_add_part(c->odt, href, ch.svg, ch.len, "image/svg+xml");
	free(href);
	pic->href = c->odt->parts[c->odt->nparts - 1].name;
	pic->width_cm = ch.width_cm;
	pic->height_cm = ch.height_cm;
	pic->title = ch.title;
	return 0;
}

static void to_stdout(void *arg, const char *msg)
{
	(void)arg;
	printf("%s\n", msg);
}

/* Until a merge's conflicts are resolved, the handout itself says so
 * first (SPEC 9): a steering group reading it never sees the terminal. */
static void warn_conflicts(struct odt *t, struct reg *r, const char *lang)
{
	size_t n = reg_conflicts(r);
	char *text;

	if (!n)
		return;
	if (n == 1)
		text = xstrdup(vocab_label(&vocab_handout, "conflict-open", lang));
	else
		text = xasprintf(vocab_label(&vocab_handout, "conflicts-open%",
					     lang),
				 n);
	odt_insert_warning(t, text, tpl_has_block_tag);
	free(text);
}

/* Checks (DATA NULL) or renders both parts that may hold tags. */
static int apply(struct odt *t, const char *name, const struct val *data,
		 const char *lang, struct charts *charts, bool listing)
{
	struct tpl_opts o = {0};
	int problems;

	o.name = name;
	o.fields = handout_fields;
	o.charts = chart_names;
	o.data = data;
	o.lang = lang;
	o.chart = make_chart;
	o.chart_arg = charts;
	if (listing)
		o.report = to_stdout;
	/* content.xml, most of a handout, is deflated as it is made. */
	o.flush = data ? odt_content_write : NULL;
	o.flush_arg = t;
	problems = tpl_render(t->content, &o, &t->content_out);
	if (t->styles) {
		o.flush = NULL;
		o.where = _("in a page header, footer or style");
		problems += tpl_render(t->styles, &o, &t->styles_out);
	}
	return problems;
}

static int check(const char *path, const char *name)
{
	struct odt t;
	int problems;

	if (odt_read(&t, path, name) < 0) {
		odt_free(&t);
		return EXIT_UNREADABLE;
	}
	problems = apply(&t, name, NULL, "da", NULL, true);
	odt_free(&t);
	if (problems) {
		fflush(stdout);
		error(ngettext("%s: %d problem", "%s: %d problems", problems),
		      name, problems);
		/* The same status as writing a handout from it. */
		return EXIT_UNREADABLE;
	}
	printf(_("%s: no problems found\n"), name);
	return EXIT_OK;
}

/* Whether NAME's last component has an extension other than EXT (any
 * case); a name without one (or a directory) is left to the writer. */
static bool wrong_extension(const char *name, const char *ext)
{
	const char *slash = strrchr(name, '/');
	const char *dot = strrchr(slash ? slash + 1 : name, '.');

	return dot && dot != (slash ? slash + 1 : name) &&
	       strcasecmp(dot, ext) != 0;
}

/* Whether NAME ends in .pdf (any case). */
static bool pdf_name(const char *name)
{
	const char *slash = strrchr(name, '/');
	const char *dot = strrchr(slash ? slash + 1 : name, '.');

	return dot && !strcasecmp(dot, ".pdf");
}

/* Whether NAME ends in .html or .htm (any case). */
static bool html_name(const char *name)
{
	const char *slash = strrchr(name, '/');
	const char *dot = strrchr(slash ? slash + 1 : name, '.');

	return dot && (!strcasecmp(dot, ".html") || !strcasecmp(dot, ".htm"));
}

/*
 * Before any work: the handout OUTPUT is never written over TEMPLATE (its
 * default output name is the template's own) nor over the register,
 * --force or not, and over another file only with FORCE (said now; the
 * writer checks again when it writes).  -1 after saying why.
 */
static int check_output(const char *template, const char *output, bool force)
{
	guard_input(template, N_("the template"));
	if (guard_output(output, N_("the handout"), false) < 0)
		return -1;
	if (!force && access(output, F_OK) == 0)
		return error(_("%s exists; use --force to replace it"),
			     output);
	return 0;
}

/*
 * styr handout status --format html: the colleagues' status page as one
 * file (status_page.h), through a tempfile, guarded as an ODT handout is.
 */
static int write_html(const struct args *a, const char *lang)
{
	struct reg r;
	struct tempfile *tf = NULL;
	FILE *f;
	char *template, *output;
	int rc = EXIT_OK;

	if (strcmp(a->template, "status") != 0)
		return cli_usage("handout",
				 _("%s: only the status handout can be "
				   "written as HTML (--format html)"),
				 a->template);
	if (a->area || a->check)
		return cli_usage("handout",
				 _("--format html writes the whole status "
				   "page: it takes neither --area nor "
				   "--check"));
	output = xstrdup(a->output ? a->output : "status.html");
	if (!html_name(output)) {
		rc = cli_usage("handout",
			       _("%s: the status page is written as HTML; "
				 "name it .html (or leave out --format html "
				 "for an .odt handout)"),
			       output);
		free(output);
		return rc;
	}
	template = status_page_template(a->dir, lang);
	if (!template) {
		free(output);
		return EXIT_UNREADABLE;
	}
	if (check_output(template, output, a->force) < 0) {
		free(template);
		free(output);
		return EXIT_REFUSED;
	}
	rc = cli_status(reg_open(&r, REG_READ));
	if (rc)
		goto out;
	tf = tempfile_create(output, 0666, 0);
	f = tf ? tempfile_fdopen(tf, "w") : NULL;
	if (!f) {
		error(_("cannot write %s: %s; nothing was written"), output,
		      strerror(errno));
		rc = EXIT_REFUSED;
		goto out;
	}
	if (status_page_write(&r, lang, template, f) < 0) {
		error(_("%s was not written"), output);
		rc = EXIT_UNREADABLE;
		goto out;
	}
	if (tempfile_commit(&tf, a->force ? 0 : TEMPFILE_NO_REPLACE) < 0) {
		if (errno == EEXIST)
			error(_("%s exists; use --force to replace it"),
			      output);
		else
			error(_("cannot write %s: %s; nothing was written"),
			      output, strerror(errno));
		rc = EXIT_REFUSED;
		goto out;
	}
	info(_("wrote %s"), output);
out:
	tempfile_delete(&tf);
	reg_close(&r);
	free(template);
	free(output);
	return rc;
}

/* "Workshop – Odder Kommune": the document's title. */
static char *doc_title(const struct odt *t, const char *base,
		       const struct val *data)
{
	char *title = odt_meta_text(t, "title");
	const struct val *org = val_get(data, "organisation");
	char *out;

	if (!title || !*title) {
		free(title);
		title = xstrdup(base);
	}
	if (org && org->type == VAL_STR && *org->u.str) {
		out = xasprintf("%s – %s", title, org->u.str);
		free(title);
		return out;
	}
	return title;
}

/*
 * A built-in template's NAME while the built-in templates are missing (a
 * binary copied alone, an install that lost its data) and no template of
 * that name is where odt_find looks first: says what is missing and what to
 * do, once, rather than "unknown template".
 */
static bool builtin_missing(const char *name, const char *dir)
{
	char *path;
	struct stat st;

	if (paths_have_templates())
		return false;
	if (!odt_builtin_named(name) || stat(name, &st) == 0)
		return false;
	path = odt_template_own(dir, name);
	if (path) {
		free(path);
		return false;
	}
	paths_no_templates();
	return true;
}

static int run(void *input)
{
	struct args *a = input;
	struct reg r;
	struct odt t = {0};
	struct arena *arena = NULL;
	struct charts charts = {0};
	const char *lang, *area = NULL;
	char *path, *base = NULL, *output = NULL, *title = NULL;
	int rc = EXIT_OK, problems;
	bool pdf;

	lang = a->lang ? lang_key(a->lang) : "da";
	if (!lang) {
		error(_("unknown handout language '%s' (use da or en)"),
		      a->lang);
		return EXIT_REFUSED;
	}
	if (a->pdf) {
		if (a->format && strcmp(a->format, "pdf"))
			return cli_usage("handout",
					 _("--pdf and --format %s ask for two "
					   "formats; give one"),
					 a->format);
		a->format = "pdf";
	}
	if (a->format && !strcmp(a->format, "html"))
		return write_html(a, lang);
	if (a->format && strcmp(a->format, "odt") && strcmp(a->format, "pdf"))
		return cli_usage("handout",
				 _("unknown format '%s' (use odt, pdf or "
				   "html)"),
				 a->format);
	/* No format given: the output's name chooses. */
	pdf = a->format ? !strcmp(a->format, "pdf")
		       : a->output && pdf_name(a->output);
	if (a->output && html_name(a->output))
		return cli_usage("handout",
				 _("%s: an .html name needs --format html "
				   "(only the status handout has one)"),
				 a->output);
	if (builtin_missing(a->template, a->dir))
		return EXIT_UNREADABLE;
	path = odt_find(a->template, a->dir, lang, &base, &rc);
	if (!path)
		return rc;
	if (a->check) {
		rc = check(path, a->template);
		free(path);
		free(base);
		return rc;
	}
	output = a->output ? xstrdup(a->output)
			  : xasprintf("%s.%s", base, pdf ? "pdf" : "odt");
	if (check_output(path, output, a->force) < 0)
		rc = EXIT_REFUSED;
	else if (pdf && wrong_extension(output, ".pdf")) {
		/* A name that says another format than the file has
		 * would fool the reader's programs. */
		rc = cli_usage("handout",
			       _("%s: a PDF handout is named .pdf"), output);
	}
	else if (!pdf && wrong_extension(output, ".odt")) {
		rc = cli_usage("handout",
			       _("%s: a handout is written as OpenDocument "
				 "text; name it .odt, or .pdf for PDF (other "
				 "formats: write .odt and convert it, e.g. in "
				 "LibreOffice)"),
			       output);
	}
	/* Before any work: without LibreOffice nothing is written. */
	else if (pdf && pdf_available() < 0)
		rc = EXIT_REFUSED;
	if (rc) {
		free(path);
		free(base);
		free(output);
		return rc == EXIT_USAGE ? EXIT_USAGE : EXIT_REFUSED;
	}
	rc = cli_status(reg_open(&r, REG_READ));
	if (rc)
		goto out;
	if (reg_area_filter(&r, a->area, &area) < 0) {
		rc = EXIT_REFUSED;
		goto out;
	}
	if (odt_read(&t, path, a->template) < 0) {
		rc = EXIT_UNREADABLE;
		goto out;
	}
	warn_conflicts(&t, &r, lang);
	arena = arena_new();
	charts.odt = &t;
	charts.lang = lang;
	charts.data = handout_data(arena, &r, lang, area);
	problems = apply(&t, a->template, charts.data, lang, &charts, false);
	if (problems) {
		error(_("%s: the template has problems (see above); nothing "
			"was written"),
		      a->template);
		rc = EXIT_UNREADABLE;
		goto out;
	}
	title = doc_title(&t, base, charts.data);
	{
		struct odt_info info = {title, lang, NULL};
		if (pdf ? pdf_write(&t, &info, output, a->force) < 0
			: odt_write(&t, output, a->force, &info) < 0) {
			rc = EXIT_REFUSED;
			goto out;
		}
	}
	info(_("wrote %s"), output);
out:
	/* The data first: freed after the (much bigger) tree, its blocks
	 * would make malloc sort through all the tree's small chunks. */
	arena_free(arena);
	odt_free(&t);
	reg_close(&r);
	free(title);
	free(path);
	free(base);
	free(output);
	return rc;
}

const struct cli_command cmd_handout = {
	.one = {.run = run, .min = 1, .max = 1, .args_doc = N_("TEMPLATE"),
		.needs = N_("a template: a name such as workshop (see 'styr "
			    "templates') or a file"),
		.hint = N_("give one template"), .opts = options,
		.words_at = (const size_t[]){offsetof(struct args, template)}},
	.input_size = sizeof(struct args),
	.doc = N_("Print an ODT handout (for LibreOffice, Word and the like) "
		  "from a template filled with the register's data.  TEMPLATE "
		  "is a built-in handout (faseplan, kortlaegning, workshop, "
		  "styregruppe, status, evaluering, beslutninger; see 'styr "
		  "templates') or your own .odt, .ott or unpacked template.  "
		  "In a template, {{organisation}} or {{item.title}} prints a "
		  "value, {{#each items}} ... {{/each}} repeats what stands "
		  "between, {{#if item.burden}} ... {{else}} ... {{/if}} shows "
		  "a part only when a field is set, and {{chart votes}} or "
		  "{{chart burden}} draws a chart; 'styr templates --fields' "
		  "lists the fields.")};
