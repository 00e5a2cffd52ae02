// SPDX-License-Identifier: GPL-3.0-or-later
/* styr merge: combine two registers that grew from one (SPEC section 9). */
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "guard.h"
#include "merge.h"
#include "reg.h"
#include "util.h"

struct args {
	const char *ours, *base, *theirs, *output, *label;
};

static const struct cli_option options[] = {
	{"output", 'o', N_("FILE"), offsetof(struct args, output),
	 N_("write the merged register to FILE; OURS stays as it is")},
	{"label", 'L', N_("NAME"), offsetof(struct args, label),
	 N_("what THEIRS is called in messages and the log (git's merge "
	    "driver gives the register's path)")},
	{0}};

static int refuse_open(struct reg *r)
{
	size_t n = reg_conflicts(r);

	if (!n)
		return 0;
	return error(ngettext("%s: %zu conflict from an earlier merge is "
			      "open; resolve it first ('styr conflicts'); "
			      "nothing was changed",
			      "%s: %zu conflicts from an earlier merge are "
			      "open; resolve them first ('styr conflicts'); "
			      "nothing was changed",
			      n),
		     r->path, n);
}

static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
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

/* THEIRS, a copy made by styr copy: the base the register keeps for it.
 * Allocated, or NULL after saying why. */
static char *copy_base(struct reg *ours, const char *theirs)
{
	struct reg rt;
	char *snapshot = NULL;
	const char *id;

	if (cli_status(reg_open_path(&rt, theirs, REG_READ)))
		return NULL;
	id = merge_copy_id(rt.root);
	if (!id) {
		error(_("%s is not a copy made with 'styr copy' (it does not "
			"say what it was copied from); give the register both "
			"grew from: styr merge OURS BASE THEIRS"),
		      theirs);
		goto out;
	}
	snapshot = merge_snapshot_path(ours->file, id);
	if (access(snapshot, F_OK) != 0) {
		error(_("%s is copy %s of '%s', not a copy of %s (which keeps "
			"no %s); merge it into the register it was copied from, "
			"or give the base: styr merge OURS BASE THEIRS"),
		      theirs, id, node_attr(node_child(rt.root, "copy"), "from"),
		      ours->path, snapshot);
		free(snapshot);
		snapshot = NULL;
	}
out:
	reg_close(&rt);
	return snapshot;
}

/* After "styr merge COPY": the copy becomes the merged register too (still
 * a copy, with its id), and the register keeps it as the next merge's
 * base, so the agent goes on from what both now hold, under the ids the
 * merge gave. */
static void sync_copy(struct reg *ro, struct reg *rt, const char *theirs,
		      const char *snapshot)
{
	struct reg c;
	char when[21];
	xmlNodePtr copy = node_child(rt->root, "copy");
	int rc;

	now_iso(when);
	rc = reg_adopt(&c, theirs,
		       merge_copy_doc(ro->doc, node_attr(copy, "id"),
				      node_attr(copy, "from"), when));
	if (!rc)
		rc = reg_save(&c);
	reg_close(&c);
	if (!rc)
		rc = merge_keep_snapshot(theirs, snapshot);
	if (rc)
		warning(_("%s could not be brought up to date with the merge; "
			  "make a new copy with 'styr copy' rather than merge "
			  "it again"),
			theirs);
	else
		info(_("%s: brought up to date with the merge; the agent can "
		       "go on with it"),
		     theirs);
}

static int run(void *input)
{
	struct args *a = input;
	struct reg ro, rb, rt, out;
	struct merge_result res = {0};
	char *snapshot = NULL;
	const char *shown;
	int rc;

	memset(&rb, 0, sizeof rb);
	memset(&rt, 0, sizeof rt);
	memset(&out, 0, sizeof out);
	memset(&ro, 0, sizeof ro);
	ro.lock.fd = rb.lock.fd = rt.lock.fd = out.lock.fd = -1;
	if (a->base && !a->theirs)
		return cli_usage("merge", _("give THEIRS alone (a copy made "
					    "with 'styr copy') or OURS BASE "
					    "THEIRS"));
	if (!a->base) {
		/* styr merge THEIRS: into the register, from the base it
		 * kept when it made the copy. */
		a->theirs = a->ours;
		a->ours = reg_path();
	}
	/* A copy is brought up to date after the merge: not an input
	 * that must not be written. */
	if (a->base || a->output)
		guard_input(a->theirs, N_("their register"));
	if (a->output)
		guard_input(a->ours, N_("our register"));
	if (same_file(a->ours, a->theirs)) {
		error(_("%s and %s are the same register; nothing to merge"),
		      a->ours, a->theirs);
		return EXIT_REFUSED;
	}
	rc = cli_status(reg_open_path(&ro, a->ours,
				      a->output ? REG_READ : REG_WRITE));
	if (rc)
		goto out;
	if (!a->base) {
		snapshot = copy_base(&ro, a->theirs);
		if (!snapshot) {
			rc = EXIT_REFUSED;
			goto out;
		}
		a->base = snapshot;
	}
	guard_input(a->base, N_("the base register"));
	rc = cli_status(reg_open_path(&rb, a->base, REG_READ));
	if (!rc)
		rc = cli_status(reg_open_path(&rt, a->theirs, REG_READ));
	if (rc)
		goto out;
	/* A copy brought up to date with a conflicted merge holds the
	 * conflicts its base holds: those are ours to resolve. */
	if (refuse_open(&ro) < 0 ||
	    (!merge_same_conflicts(rb.root, rt.root) && refuse_open(&rt) < 0) ||
	    merge_check_history(rb.root, ro.root, a->base, a->ours) < 0 ||
	    merge_check_history(rb.root, rt.root, a->base, a->theirs) < 0) {
		rc = EXIT_REFUSED;
		goto out;
	}
	merge_run(rb.doc, ro.doc, rt.doc, &res);
	merge_record_conflicts(ro.root, &res);
	reg_check_all(&ro);
	if (a->label)
		reg_log(&ro, "merge", NULL,
			_("merged the other side's %s (git): %zu conflicts, "
			  "%zu ids renumbered"),
			a->label, res.nconflicts, res.nrenumbered);
	else
		reg_log(&ro, "merge", NULL,
			_("merged '%s' (base '%s'): %zu conflicts, %zu ids "
			  "renumbered"),
			a->theirs,
			snapshot ? _("the copy as it was handed out") : a->base,
			res.nconflicts, res.nrenumbered);
	if (a->output) {
		xmlDocPtr doc = ro.doc;

		ro.doc = NULL;
		rc = cli_status(reg_adopt(&out, a->output, doc));
		if (!rc)
			rc = cli_status(reg_save(&out));
	} else {
		rc = cli_status(reg_save(&ro));
	}
	if (rc)
		goto out;
	if (snapshot && !a->output)
		sync_copy(&ro, &rt, a->theirs, snapshot);
	/* As git's driver, OURS is a temporary file: the label (the
	 * register's path) says which register it is. */
	shown = a->output ? a->output : a->label ? a->label : a->ours;
	report(&res, a->label ? a->label : a->theirs);
	if (res.nconflicts) {
		warning(ngettext("%s: merged with %zu conflict recorded; see "
				 "and resolve it with 'styr conflicts'",
				 "%s: merged with %zu conflicts recorded; see "
				 "and resolve them with 'styr conflicts'",
				 res.nconflicts),
			shown, res.nconflicts);
		rc = EXIT_REFUSED;
	} else {
		info(_("%s: merged"), shown);
	}
out:
	free(snapshot);
	merge_result_free(&res);
	reg_close(&ro);
	reg_close(&rb);
	reg_close(&rt);
	reg_close(&out);
	return rc;
}

const struct cli_command cmd_merge = {
	.one = {.run = run, .min = 1, .max = 3,
		.args_doc = N_("OURS BASE THEIRS\nTHEIRS"),
		.needs = N_("their register (a copy), or ours, the register "
			    "both grew from, and theirs"),
		.opts = options,
		.words_at = (const size_t[]){offsetof(struct args, ours),
					     offsetof(struct args, base),
					     offsetof(struct args, theirs)}},
	.input_size = sizeof(struct args),
	.doc = N_("Merge THEIRS into OURS: what either side added or changed "
		  "since BASE, the register both grew from, is kept.  Items, "
		  "notes, ratings, votes, meetings, attendance, people, areas, "
		  "milestones and log entries are matched by what they are, "
		  "not by lines.  An id both sides gave to something new is "
		  "kept twice: theirs gets the next free id, with every vote, "
		  "note, log entry and attendance that refers to it.  Where "
		  "both sides changed one thing differently, or one changed "
		  "what the other deleted, our value stays, both are recorded "
		  "as a conflict in the register, and 'styr conflicts' "
		  "resolves them.\vThe merged register replaces OURS (or is "
		  "written to -o FILE), whole or not at all.  Exit status 0: "
		  "merged cleanly; 1: merged with conflicts recorded, or "
		  "nothing written.  As git's merge driver: styr merge %A %O "
		  "%B (styr git setup writes it).\n\nWith THEIRS alone, a copy "
		  "made with 'styr copy', THEIRS is merged into the register "
		  "(-f): the base is the copy as it was handed out, which the "
		  "register kept.  Registers with no common history are "
		  "refused.")};
