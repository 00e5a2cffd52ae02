// SPDX-License-Identifier: GPL-3.0-or-later
/* styr merge: combine two registers that grew from one (SPEC section 9). */
#include <string.h>

#include "commands.h"
#include "guard.h"
#include "merge.h"
#include "reg.h"
#include "util.h"

struct args {
	const char *ours, *base, *theirs, *output;
};

static const struct cli_option options[] = {
	{"output", 'o', N_("FILE"), offsetof(struct args, output),
	 N_("write the merged register to FILE; OURS stays as it is")},
	{0}};

static const struct cli_sub cmd = {
	.min = 3, .max = 3, .args_doc = N_("OURS BASE THEIRS"),
	.needs = N_("our register, the register both grew from, and theirs"),
	.opts = options,
	.words_at = (const size_t[]){offsetof(struct args, ours),
				     offsetof(struct args, base),
				     offsetof(struct args, theirs)},
	.doc =
	N_("Merge THEIRS into OURS: what either side added or changed since "
	   "BASE, the register both grew from, is kept.  Items, notes, "
	   "ratings, votes, meetings, attendance, people, areas, milestones "
	   "and log entries are matched by what they are, not by lines.  An "
	   "id both sides gave to something new is kept twice: theirs gets "
	   "the next free id, with every vote, note, log entry and attendance "
	   "that refers to it.  Where both sides changed one thing "
	   "differently, or one changed what the other deleted, our value "
	   "stays, both are recorded as a conflict in the register, and "
	   "'styr conflicts' resolves them.\v"
	   "The merged register replaces OURS (or is written to -o FILE), "
	   "whole or not at all.  Exit status 0: merged cleanly; 1: merged "
	   "with conflicts recorded, or nothing written.  As git's merge "
	   "driver: styr merge %A %O %B (styr git setup writes it).")};

static int refuse_open(struct reg *r)
{
	size_t n = reg_conflicts(r);

	if (!n)
		return 0;
	return error(_("%s: %zu conflicts from an earlier merge are open; "
		       "resolve them first ('styr conflicts'); nothing was "
		       "changed"),
		     r->path, n);
}

static void report(const struct merge_result *res, const char *theirs)
{
	size_t i;

	for (i = 0; i < res->nrenumbered; i++)
		info(_("both sides added %s: theirs (%s) is now %s, with "
		       "everything that refers to it"),
		     res->renumbered[i].from, theirs, res->renumbered[i].to);
	for (i = 0; i < res->nconflicts; i++) {
		static const char *const kinds[] = {
			"both-changed", "changed-deleted", "deleted-changed",
			"both-added"};
		const struct merge_conflict *c = &res->conflicts[i];
		warning(_("conflict: %s (%s)"), c->what,
			merge_kind_text(kinds[c->kind]));
	}
}

int cmd_merge(int argc, char **argv)
{
	struct args a = {0};
	struct reg ro, rb, rt, out;
	struct merge_result res = {0};
	int rc, orc;

	cli_parse(&cmd, argc, argv, &a);
	memset(&rb, 0, sizeof rb);
	memset(&rt, 0, sizeof rt);
	memset(&out, 0, sizeof out);
	rb.lock.fd = rt.lock.fd = out.lock.fd = -1;
	guard_input(a.base, N_("the base register"));
	guard_input(a.theirs, N_("their register"));
	if (a.output)
		guard_input(a.ours, N_("our register"));
	rc = cli_status(orc = reg_open_path(&ro, a.ours,
					    a.output ? REG_READ : REG_WRITE));
	if (!rc)
		rc = cli_status(reg_open_path(&rb, a.base, REG_READ));
	if (!rc)
		rc = cli_status(reg_open_path(&rt, a.theirs, REG_READ));
	if (rc)
		goto out;
	if (refuse_open(&ro) < 0 || refuse_open(&rt) < 0) {
		rc = EXIT_REFUSED;
		goto out;
	}
	merge_run(rb.doc, ro.doc, rt.doc, &res);
	merge_record_conflicts(ro.root, &res);
	reg_check_all(&ro);
	reg_log(&ro, "merge", NULL,
		_("merged '%s' (base '%s'): %zu conflicts, %zu ids renumbered"),
		a.theirs, a.base, res.nconflicts, res.nrenumbered);
	if (a.output) {
		xmlDocPtr doc = ro.doc;

		ro.doc = NULL;
		rc = cli_status(reg_adopt(&out, a.output, doc));
		if (!rc)
			rc = cli_status(reg_save(&out));
	} else {
		rc = cli_status(reg_save(&ro));
	}
	if (rc)
		goto out;
	report(&res, a.theirs);
	if (res.nconflicts) {
		warning(_("%s: merged with %zu conflicts recorded; see and "
			  "resolve them with 'styr conflicts'"),
			a.output ? a.output : a.ours, res.nconflicts);
		rc = EXIT_REFUSED;
	} else {
		info(_("%s: merged"), a.output ? a.output : a.ours);
	}
out:
	(void)orc;
	merge_result_free(&res);
	reg_close(&ro);
	reg_close(&rb);
	reg_close(&rt);
	reg_close(&out);
	return rc;
}
