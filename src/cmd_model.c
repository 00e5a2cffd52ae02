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
	 N_("with 'export': write to FILE instead of standard output"), 0},
	{"force", OPT_FORCE, NULL, 0, N_("with 'export': overwrite FILE"),
	 0},
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
	case ARGP_KEY_ARG:
		if (state->arg_num > 0)
			argp_error(state, _("unexpected argument '%s'"), arg);
		else if (!strcmp(arg, "export"))
			a->action = EXPORT;
		else if (strcmp(arg, "show"))
			argp_error(state, _("unknown action '%s' (use export "
					    "or show)"),
				   arg);
		break;
	case ARGP_KEY_END:
		if (a->action != EXPORT && (a->output || a->force))
			argp_error(state, _("-o and --force go with "
					    "'export'"));
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const struct argp argp = {
	options, parse_opt,
	N_("[show]\n"
	   "export [-o FILE] [--force]"),
	N_("Show the register's phase model, or print the default one to "
	   "tailor.\v"
	   "'show' lists the register's phases and milestones and the "
	   "small-steps limit (how many review areas the steering group "
	   "should select focus in at once).  'export' prints the default "
	   "six-phase model as XML: copy it, rename or add phases and "
	   "milestones to fit your organisation, and start a register with "
	   "'styr init --model FILE'."),
	common_children, NULL, NULL};

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

int cmd_model(int argc, char **argv)
{
	struct args a = {SHOW, NULL, false};
	struct reg r;
	int rc;

	cli_parse_argp(&argp, argc, argv, &a);
	if (a.action == EXPORT)
		return export(&a) < 0 ? EXIT_REFUSED : EXIT_OK;
	rc = reg_open(&r, REG_READ);
	if (!rc)
		show(&r);
	reg_close(&r);
	return rc;
}
