// SPDX-License-Identifier: GPL-3.0-or-later
/* styr model: the default phase model to tailor, or the register's own. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "guard.h"
#include "phase.h"
#include "reg.h"
#include "tempfile.h"
#include "util.h"
#include "view.h"
#include "xmlsafe.h"

struct args {
	const char *output;
	bool force;
};

/* Long only: -F is --format in other commands. */
enum { OPT_FORCE = 256 };

static const struct cli_option options[] = {
	{"output", 'o', N_("FILE"), offsetof(struct args, output),
	 N_("write to FILE instead of standard output")},
	{"force", OPT_FORCE, NULL, offsetof(struct args, force),
	 N_("overwrite FILE")},
	{0}};


/* Writes the model to -o FILE atomically (tempfile.h); never over the
 * register, and over another file only with --force. */
static int export(const struct args *a)
{
	struct tempfile *tf;
	FILE *f;
	int rc;

	if (!a->output) {
		fwrite(model_xml, 1, model_xml_len, stdout);
		return 0;
	}
	if (guard_output(a->output, N_("the model"), false) < 0)
		return -1;
	if (!a->force && access(a->output, F_OK) == 0)
		goto exists;
	tf = tempfile_create(a->output, 0666, TEMPFILE_KEEP_MODE);
	f = tf ? tempfile_fdopen(tf, "w") : NULL;
	if (!f) {
		tempfile_delete(&tf);
		return error(_("%s: cannot write: %s"), a->output,
			     strerror(errno));
	}
	fwrite(model_xml, 1, model_xml_len, f);
	/* Without --force, a file that appeared meanwhile is kept. */
	rc = tempfile_commit(&tf, a->force ? 0 : TEMPFILE_NO_REPLACE);
	if (rc < 0 && errno == EEXIST && !a->force)
		goto exists;
	if (rc < 0)
		return error(_("%s: cannot write: %s"), a->output,
			     strerror(errno));
	return 0;
exists:
	return error(_("%s: the file exists; use --force to overwrite it"),
		     a->output);
}

static void show(struct reg *r)
{
	const char *lang = msg_lang();
	long steps = strtol(node_attr(r->model, "small-steps"), NULL, 10);
	xmlNodePtr p, m;
	long phases = phase_count(r);
	int milestones = 0;

	for (p = node_child(r->model, "phase"); p; p = node_next(p, "phase"))
		for (m = node_child(p, "milestone"); m;
		     m = node_next(m, "milestone"))
			milestones++;
	printf(ngettext("%ld phase", "%ld phases", (unsigned long)phases),
	       phases);
	printf(ngettext(", %d milestone\n", ", %d milestones\n",
			(unsigned long)milestones),
	       milestones);
	printf(ngettext("Small steps: focus in at most %ld review area at a "
			"time\n",
			"Small steps: focus in at most %ld review areas at a "
			"time\n",
			(unsigned long)steps),
	       steps);
	for (p = node_child(r->model, "phase"); p; p = node_next(p, "phase")) {
		printf("\n%ld  %s\n", phase_number(p), phase_name(p, lang));
		for (m = node_child(p, "milestone"); m;
		     m = node_next(m, "milestone"))
			printf("   %s  %s\n", node_attr(m, "id"),
			       lang_text(m, "title", lang));
	}
}

static int model_export(void *input)
{
	return export(input) < 0 ? EXIT_REFUSED : EXIT_OK;
}

static int model_show(void *input)
{
	struct reg r;
	int rc;

	(void)input;
	rc = cli_status(reg_open(&r, REG_READ));
	if (!rc)
		show(&r);
	reg_close(&r);
	return rc;
}

static const struct cli_sub subs[] = {
	{.run = model_show, .max = 0},
	{.name = "show", .run = model_show, .max = 0,
	 .doc = N_("List the register's phases and milestones and the "
		   "small-steps limit.\vThe limit is how many review areas the "
		   "steering group should select focus in at once.")},
	{.name = "export", .run = model_export, .max = 0,
	 .args_doc = N_("[-o FILE] [--force]"), .opts = options,
	 .doc = N_("Print the default six-phase model as XML.\vCopy it, "
		   "rename or add phases and milestones to fit your "
		   "organisation, and start a register with 'styr init --model "
		   "FILE'.")},
	{0}};

const struct cli_command cmd_model = {
	.subs = subs, .input_size = sizeof(struct args),
	.doc = N_("Show the register's phase model, or print the default one "
		  "to tailor.")};
