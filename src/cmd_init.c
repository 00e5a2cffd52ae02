// SPDX-License-Identifier: GPL-3.0-or-later
/* styr init: a new register with the six-phase model. */
#include "commands.h"
#include "reg.h"
#include "util.h"

struct args {
	const char *org, *title, *model, *date;
};

static const struct cli_option options[] = {
	{"org", 'o', N_("NAME"), offsetof(struct args, org),
	 N_("the organisation (municipality, workplace)")},
	{"title", 't', N_("TEXT"), offsetof(struct args, title),
	 N_("the project's title")},
	{"model", 'm', N_("FILE"), offsetof(struct args, model),
	 N_("a tailored phase model instead of the default one (start from "
	    "'styr model export')")},
	{"date", 'd', N_("DATE"), offsetof(struct args, date),
	 N_("when phase 1 started, for a project already under way "
	    "(default: today)")},
	{0}};

/* A model starts with no progress recorded, whatever the file says. */
static void reset_progress(xmlNodePtr model)
{
	xmlNodePtr p, m;

	node_set_attr(model, "current", NULL);
	for (p = node_child(model, "phase"); p; p = node_next(p, "phase")) {
		node_set_attr(p, "status", NULL);
		node_set_attr(p, "started", NULL);
		node_set_attr(p, "completed", NULL);
		for (m = node_child(p, "milestone"); m;
		     m = node_next(m, "milestone"))
			node_set_attr(m, "done", NULL);
	}
}

static int run(void *input)
{
	struct args *a = input;
	const char *model_name;
	char started[11];
	xmlDocPtr model;
	xmlNodePtr first;
	struct reg r;
	int rc;

	if (!a->org)
		a->org = ""; /* none given */
	if (check_text(_("organisation"), a->org) < 0 ||
	    (a->title && check_text(_("title"), a->title) < 0))
		return EXIT_REFUSED;
	if (a->date) {
		if (parse_date("--date", a->date, started) < 0)
			return EXIT_REFUSED;
	} else {
		today_iso(started);
	}
	model = reg_load_model(a->model, &model_name);
	if (!model)
		return EXIT_UNREADABLE;
	rc = cli_status(reg_create(&r, model, a->org, a->title));
	if (rc)
		goto out;
	if (reg_verify(&r, model_name) < 0) {
		rc = EXIT_UNREADABLE;
		goto out;
	}
	reset_progress(r.model);
	first = node_child(r.model, "phase");
	node_set_attr(r.model, "current", node_attr(first, "number"));
	node_set_attr(first, "status", "active");
	node_set_attr(first, "started", started);
	reg_log(&r, "init", NULL, _("started the register for %s"),
		*a->org ? a->org : "-");
	rc = cli_status(reg_save(&r));
	if (!rc)
		info(_("%s: new register, phase 1 '%s' started"), r.path,
		     lang_text(first, "name", msg_lang()));
out:
	reg_close(&r);
	return rc;
}

const struct cli_command cmd_init = {
	.one = {.run = run, .opts = options},
	.input_size = sizeof(struct args),
	.doc = N_("Start a new register (styr.xml, or the file named with -f) "
		  "with the six-phase model, phase 1 active.")};
