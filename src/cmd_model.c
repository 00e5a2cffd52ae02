// SPDX-License-Identifier: GPL-3.0-or-later
/* styr model: the default phase model to tailor, or the register's own. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "phase.h"
#include "reg.h"
#include "util.h"
#include "view.h"
#include "xmlsafe.h"

enum action { SHOW, EXPORT };

struct args {
	enum action action;
	const char *output;
	bool force;
};

/* Long only: -F is --format in other commands. */
enum { OPT_FORCE = 256 };

static const struct argp_option options[] = {
	{"output", 'o', N_("FILE"), 0,
	 N_("write to FILE instead of standard output"), 0},
	{"force", OPT_FORCE, NULL, 0, N_("overwrite FILE"), 0},
	{0}};

static error_t parse_opt(int key, char *arg, struct argp_state *state)
{
	struct args *a = state->input;

	switch (key) {
	case 'o':
		a->output = arg;
		break;
	case OPT_FORCE:
		a->force = true;
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}


static int export(const struct args *a)
{
	FILE *f = stdout;

	if (a->output) {
		f = fopen(a->output, a->force ? "w" : "wx");
		if (!f && errno == EEXIST)
			return error(_("%s: the file exists; use --force to "
				       "overwrite it"),
				     a->output);
		if (!f)
			return error(_("%s: cannot write: %s"), a->output,
				     strerror(errno));
	}
	fwrite(model_xml, 1, model_xml_len, f);
	if (f != stdout && (ferror(f) | fclose(f)))
		return error(_("%s: cannot write: %s"), a->output,
			     strerror(errno));
	return 0;
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

static int run_export(void *input, int argc, char **argv)
{
	(void)argc, (void)argv;
	return export(input) < 0 ? EXIT_REFUSED : EXIT_OK;
}

static int run_show(void *input, int argc, char **argv)
{
	struct reg r;
	int rc;

	(void)input, (void)argc, (void)argv;
	rc = cli_status(reg_open(&r, REG_READ));
	if (!rc)
		show(&r);
	reg_close(&r);
	return rc;
}

static const struct cli_sub subs[] = {
	{.run = run_show, .max = 0},
	{.name = "show", .run = run_show, .max = 0,
	 .doc = N_("List the register's phases and milestones and the "
		   "small-steps limit.\vThe limit is how many review areas the "
		   "steering group should select focus in at once.")},
	{.name = "export", .run = run_export, .max = 0,
	 .args_doc = N_("[-o FILE] [--force]"), .options = options,
	 .parse_opt = parse_opt,
	 .doc = N_("Print the default six-phase model as XML.\vCopy it, "
		   "rename or add phases and milestones to fit your "
		   "organisation, and start a register with 'styr init --model "
		   "FILE'.")},
	{0}};

int cmd_model(int argc, char **argv)
{
	struct args a = {SHOW, NULL, false};

	return cli_dispatch(subs,
			    N_("Show the register's phase model, or print the "
			       "default one to tailor."),
			    argc, argv, &a);
}
