// SPDX-License-Identifier: GPL-3.0-or-later
/* styr git: a git repository set up for registers (SPEC section 9). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "commands.h"
#include "merge.h"
#include "reg.h"
#include "tempfile.h"
#include "util.h"

struct args {
	const char *file; /* textconv FILE */
};

/* Runs git with ARGV (ending in NULL); OUT, when given, gets the first
 * line it prints.  0 when git succeeded. */
static int run_git(const char *const argv[], char *out, size_t size)
{
	int fd[2], status;
	pid_t pid;

	if (pipe(fd) < 0)
		return -1;
	pid = fork();
	if (pid < 0) {
		close(fd[0]);
		close(fd[1]);
		return -1;
	}
	if (pid == 0) {
		dup2(fd[1], STDOUT_FILENO);
		close(fd[0]);
		close(fd[1]);
		execvp("git", (char *const *)argv);
		_exit(127);
	}
	close(fd[1]);
	if (out && size) {
		size_t len = 0;
		ssize_t got;
		while (len + 1 < size &&
		       (got = read(fd[0], out + len, size - 1 - len)) > 0)
			len += (size_t)got;
		out[len] = '\0';
		out[strcspn(out, "\n")] = '\0';
	}
	close(fd[0]);
	if (waitpid(pid, &status, 0) < 0)
		return -1;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

/* The binary git should call: this one, wherever it is. */
static char *self_path(void)
{
	char buf[4096];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);

	if (n <= 0)
		return xstrdup("styr");
	buf[n] = '\0';
	return xstrdup(buf);
}

/* Shell-quoted for git's driver command lines. */
static char *sq(const char *s)
{
	struct strbuf sb = {0};

	sb_puts(&sb, "'");
	for (; *s; s++)
		if (*s == '\'')
			sb_puts(&sb, "'\\''");
		else
			sb_add(&sb, s, 1);
	sb_puts(&sb, "'");
	return sb_steal(&sb);
}

/* Adds "PATTERN merge=styr diff=styr" to TOP/.gitattributes unless a line
 * for PATTERN says so already.  0 or -1 after saying why. */
static int add_attributes(const char *top, const char *pattern)
{
	char *path = xasprintf("%s/.gitattributes", top);
	char *line = xasprintf("%s merge=styr diff=styr", pattern);
	struct strbuf old = {0};
	struct tempfile *tf;
	FILE *f = fopen(path, "r");
	char buf[4096];
	int rc = 0;

	if (f) {
		size_t got;
		while ((got = fread(buf, 1, sizeof buf, f)) > 0)
			sb_add(&old, buf, got);
		fclose(f);
	}
	if (old.buf && strstr(old.buf, line))
		goto out;
	tf = tempfile_create(path, 0644, TEMPFILE_KEEP_MODE);
	if (!tf)
		goto failed;
	if ((old.len && write_all(tempfile_fd(tf), old.buf, old.len) < 0) ||
	    (old.len && old.buf[old.len - 1] != '\n' &&
	     write_all(tempfile_fd(tf), "\n", 1) < 0) ||
	    write_all(tempfile_fd(tf), line, strlen(line)) < 0 ||
	    write_all(tempfile_fd(tf), "\n", 1) < 0) {
		tempfile_delete(&tf);
		goto failed;
	}
	if (tempfile_commit(&tf, 0) < 0)
		goto failed;
	goto out;
failed:
	rc = error(_("%s: cannot write: %s"), path, strerror(errno));
out:
	sb_free(&old);
	free(path);
	free(line);
	return rc;
}

static int git_setup(void *input)
{
	char top[4096];
	char *self = self_path(), *q = sq(self), *driver, *textconv;
	const char *pattern = strrchr(reg_path(), '/');
	int rc = EXIT_OK;

	(void)input;
	pattern = pattern ? pattern + 1 : reg_path();
	if (run_git((const char *const[]){"git", "rev-parse", "--show-toplevel",
					  NULL},
		    top, sizeof top) < 0 ||
	    !*top) {
		error(_("this is not inside a git repository; make one with "
			"'git init' (or clone one), then run 'styr git setup' "
			"in it"));
		rc = EXIT_REFUSED;
		goto out;
	}
	driver = xasprintf("%s merge --label %%P %%A %%O %%B", q);
	textconv = xasprintf("%s -q git textconv", q);
	if (run_git((const char *const[]){"git", "config", "merge.styr.name",
					  "styr: merge registers by meaning",
					  NULL},
		    NULL, 0) < 0 ||
	    run_git((const char *const[]){"git", "config", "merge.styr.driver",
					  driver, NULL},
		    NULL, 0) < 0 ||
	    run_git((const char *const[]){"git", "config", "diff.styr.textconv",
					  textconv, NULL},
		    NULL, 0) < 0) {
		error(_("git config failed; the repository was not set up"));
		rc = EXIT_REFUSED;
	} else if (add_attributes(top, pattern) < 0) {
		rc = EXIT_REFUSED;
	} else {
		info(_("%s: git merges %s with 'styr merge' and shows its "
		       "changes as sentences; commit .gitattributes so that "
		       "it holds in every clone (each clone runs 'styr git "
		       "setup' once)"),
		     top, pattern);
	}
	free(driver);
	free(textconv);
out:
	free(self);
	free(q);
	return rc;
}

static int git_textconv(void *input)
{
	const char *file = ((const struct args *)input)->file;
	struct reg r;
	int rc = cli_status(reg_open_path(&r, file, REG_READ));

	if (!rc)
		merge_text(r.root, stdout);
	reg_close(&r);
	return rc;
}

static const struct cli_sub subs[] = {
	{.name = "setup", .run = git_setup,
	 .doc = N_("Set up the git repository you are in: git merges the "
		   "register with 'styr merge' (a merge driver in .git/config "
		   "and a line in .gitattributes), and 'git diff' and 'git log "
		   "-p' show its changes as sentences.")},
	{.name = "textconv", .run = git_textconv, .min = 1, .max = 1,
	 .args_doc = N_("FILE"), .needs = N_("a register file"),
	 .words_at = (const size_t[]){offsetof(struct args, file)},
	 .doc = N_("Print the register FILE as sentences, one fact a line "
		   "(what 'git diff' shows; git calls this).")},
	{0}};

const struct cli_command cmd_git = {
	.subs = subs, .input_size = sizeof(struct args),
	.doc = N_("Keep the register in git: merges by meaning, diffs as "
		  "sentences.")};
