// SPDX-License-Identifier: GPL-3.0-or-later
/* Guards on the files styr writes; see guard.h. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "guard.h"
#include "paths.h"
#include "util.h"

/* More links than the kernel follows (its ELOOP limit is 40): the open
 * that comes after then reports the loop. */
enum { MAX_HOPS = 40 };

char *guard_follow(const char *path)
{
	char *cur = xstrdup(path), *next, *slash;
	char target[PATH_MAX];
	ssize_t n;
	int hops;

	for (hops = 0; hops < MAX_HOPS; hops++) {
		n = readlink(cur, target, sizeof target - 1);
		if (n <= 0) /* not a link, or nothing there yet */
			break;
		target[n] = '\0';
		slash = strrchr(cur, '/');
		if (target[0] == '/' || !slash)
			next = xstrdup(target);
		else
			next = xasprintf("%.*s/%s", (int)(slash - cur), cur,
					 target);
		free(cur);
		cur = next;
	}
	return cur;
}

/* The name PATH will have once written: links in its last component
 * followed, its folder made absolute and free of links and dot segments,
 * so that two spellings of one place compare equal as strings even when
 * no file is there yet.  Malloc'd; PATH as followed when its folder does
 * not exist. */
static char *canonical(const char *path)
{
	char *f = guard_follow(path), *slash = strrchr(f, '/'), *dir, *real;
	const char *base = slash ? slash + 1 : f;
	char *out;

	if (!*base || !strcmp(base, ".") || !strcmp(base, "..")) {
		real = realpath(f, NULL);
		if (!real)
			return f;
		free(f);
		return real;
	}
	dir = slash ? xasprintf("%.*s", (int)(slash - f), f) : xstrdup(".");
	real = realpath(*dir ? dir : "/", NULL);
	free(dir);
	if (!real)
		return f;
	out = xasprintf("%s%s%s", real, strcmp(real, "/") ? "/" : "", base);
	free(real);
	free(f);
	return out;
}

struct input {
	char *shown;	  /* as the user gave it */
	char *canon;	  /* canonical() */
	const char *what; /* N_() phrase */
	bool exists, dir;
	struct stat st;
};

/* The files this run reads, noted by guard_input; kept until exit (a run
 * is one command). */
static struct input *inputs;
static size_t ninputs;

static void fill(struct input *in, const char *path, const char *what)
{
	in->shown = xstrdup(path);
	in->canon = canonical(path);
	in->what = what;
	in->exists = stat(path, &in->st) == 0;
	in->dir = in->exists && S_ISDIR(in->st.st_mode);
	if (in->dir) {
		/* A folder is compared as a prefix: its own real path. */
		char *real = realpath(path, NULL);
		if (real) {
			free(in->canon);
			in->canon = real;
		}
	}
}

static void drop(struct input *in)
{
	free(in->shown);
	free(in->canon);
}

void guard_input(const char *path, const char *what)
{
	inputs = xrealloc(inputs, (ninputs + 1) * sizeof *inputs);
	fill(&inputs[ninputs++], path, what);
}

enum clash { NONE, SAME, INSIDE };

static enum clash clash(const struct input *in, const char *canon, bool exists,
			const struct stat *st)
{
	size_t n = strlen(in->canon);

	if (in->dir) {
		if (strncmp(canon, in->canon, n))
			return NONE;
		return canon[n] == '/' || !canon[n] || !strcmp(in->canon, "/")
			   ? INSIDE
			   : NONE;
	}
	/* Both there: the same inode, by whatever name or link. */
	if (exists && in->exists)
		return st->st_dev == in->st.st_dev &&
			       st->st_ino == in->st.st_ino
			   ? SAME
			   : NONE;
	return !strcmp(canon, in->canon) ? SAME : NONE;
}

static int refuse(const char *output, const char *what, enum clash how,
		  const struct input *in, bool hint)
{
	/* The hint is for the commands with -o; the register has none. */
	const char *other = hint ? _(" (name another file with -o FILE)") : "";

	if (how == INSIDE)
		return error(_("will not write %s to '%s': that is inside %s "
			       "('%s'); nothing was written%s"),
			     _(what), output, _(in->what), in->shown, other);
	if (!strcmp(output, in->shown))
		return error(_("will not write %s over %s itself ('%s'); "
			       "nothing was written%s"),
			     _(what), _(in->what), in->shown, other);
	return error(_("will not write %s to '%s': that is %s itself ('%s'); "
		       "nothing was written%s"),
		     _(what), output, _(in->what), in->shown, other);
}

int guard_output(const char *output, const char *what, bool register_ok)
{
	char *canon = canonical(output);
	struct stat st;
	bool exists = stat(output, &st) == 0;
	struct input reg;
	enum clash how;
	size_t i;
	int rc = 0;

	if (!register_ok) {
		fill(&reg, reg_path(), N_("the register"));
		how = clash(&reg, canon, exists, &st);
		if (how != NONE)
			rc = refuse(output, what, how, &reg, true);
		drop(&reg);
	}
	for (i = 0; i < ninputs && !rc; i++) {
		how = clash(&inputs[i], canon, exists, &st);
		if (how != NONE)
			rc =
			    refuse(output, what, how, &inputs[i], !register_ok);
	}
	free(canon);
	return rc;
}

/* Whether the mode says no one may write: the user's chmod a-w (or u-w on
 * a file of the user's own), which even root's write permission should
 * respect, since it is how a user says "keep this as it is". */
static bool made_read_only(const struct stat *st)
{
	return !(st->st_mode & 0222) ||
	       (st->st_uid == geteuid() && !(st->st_mode & S_IWUSR));
}

static int not_writable(const char *path)
{
	return faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) < 0 ? errno : 0;
}

int guard_writable(const char *file, const char *shown)
{
	const char *slash = strrchr(file, '/');
	char *dir;
	struct stat st;
	int err, rc = 0;

	if (stat(file, &st) == 0 && S_ISREG(st.st_mode)) {
		if (made_read_only(&st))
			return error(_("%s is read-only; nothing was changed "
				       "(make it writable with chmod u+w to "
				       "change it)"),
				     shown);
		err = not_writable(file);
		if (err == EROFS)
			return error(_("%s is on a read-only file system; "
				       "nothing was changed"),
				     shown);
		if (err) {
			struct passwd *pw = getpwuid(st.st_uid);
			char uid[32];

			snprintf(uid, sizeof uid, "%ld", (long)st.st_uid);
			return error(_("%s belongs to %s and you may not "
				       "change it; nothing was changed"),
				     shown, pw ? pw->pw_name : uid);
		}
	}
	/* Saving writes a new file in the folder and renames it over the
	 * register; the lock is a file there too. */
	dir =
	    slash ? xasprintf("%.*s", (int)(slash - file), file) : xstrdup(".");
	if (!*dir) {
		free(dir);
		dir = xstrdup("/");
	}
	if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode)) {
		err = not_writable(dir);
		if (err == EROFS)
			rc = error(_("%s is on a read-only file system; "
				     "nothing was changed"),
				   shown);
		else if (err || made_read_only(&st))
			rc = error(_("%s: its folder '%s' is read-only, and "
				     "styr saves a register by writing a new "
				     "file beside it; nothing was changed "
				     "(make the folder writable to change the "
				     "register)"),
				   shown, dir);
	}
	free(dir);
	return rc;
}
