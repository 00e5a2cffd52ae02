// SPDX-License-Identifier: GPL-3.0-or-later
/* styr copy: a copy of the register for an agent in the field, which
 * 'styr merge COPY' takes back without a base file (merge_base.c). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "guard.h"
#include "merge.h"
#include "reg.h"
#include "util.h"

struct args {
	const char *output;
	bool force;
};

static const struct cli_option options[] = {
	{"output", 'o', N_("FILE"), offsetof(struct args, output),
	 N_("the copy to write (required)")},
	{"force", 'F', NULL, offsetof(struct args, force),
	 N_("replace FILE if it exists")},
	{0}};

static int run(void *input)
{
	struct args *a = input;
	struct reg r, c;
	char *id = NULL, *snapshot = NULL;
	char when[21];
	int rc;

	if (!a->output)
		return cli_usage("copy", _("name the copy with -o FILE"));
	bool written = false;

	memset(&c, 0, sizeof c);
	c.lock.fd = -1;
	rc = cli_status(reg_open(&r, REG_WRITE));
	if (rc)
		goto out;
	if (guard_output(a->output, N_("the copy"), false) < 0) {
		rc = EXIT_REFUSED;
		goto out;
	}
	if (!a->force && access(a->output, F_OK) == 0) {
		error(_("%s exists already; use --force to replace it"),
		      a->output);
		rc = EXIT_REFUSED;
		goto out;
	}
	id = merge_new_copy_id();
	now_iso(when);
	reg_log(&r, "copy", NULL, _("copied to '%s' (copy %s)"), a->output, id);
	snapshot = merge_snapshot_path(r.file, id);
	rc = cli_status(reg_adopt(&c, a->output,
				  merge_copy_doc(r.doc, id, r.path, when)));
	if (!rc)
		rc = cli_status(reg_save(&c));
	written = !rc;
	if (!rc && merge_keep_snapshot(a->output, snapshot) < 0)
		rc = EXIT_REFUSED;
	if (!rc)
		rc = cli_status(reg_save(&r));
	if (rc) {
		/* The register does not know the copy: no half-made one. */
		if (written)
			unlink(a->output);
		unlink(snapshot);
		goto out;
	}
	info(_("%s: a copy for the field; take it back with 'styr merge %s'"),
	     a->output, a->output);
out:
	free(id);
	free(snapshot);
	reg_close(&c);
	reg_close(&r);
	return rc;
}

const struct cli_command cmd_copy = {
	.one = {.run = run, .opts = options,
		.hint = N_("name the copy with -o: styr copy -o %s")},
	.input_size = sizeof(struct args),
	.doc = N_("Write a copy of the register to FILE for an agent who works "
		  "away from it (a laptop at a workplace).  The copy says what "
		  "it was copied from, and the register keeps the copy as it "
		  "was handed out (beside it, in REGISTER.copies/), so that "
		  "'styr merge FILE' later takes the agent's work back without "
		  "a base file.  The copy is logged.")};
