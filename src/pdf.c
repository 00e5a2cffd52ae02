// SPDX-License-Identifier: GPL-3.0-or-later
/* PDF handouts through LibreOffice; see pdf.h. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "pdf.h"
#include "tempfile.h"
#include "util.h"

/* The soffice on PATH (malloc'd), or NULL. */
static char *find_soffice(void)
{
	const char *path = getenv("PATH");
	const char *p, *end;
	char *file;

	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (p = path;; p = end + 1) {
		end = strchr(p, ':');
		if (!end)
			end = p + strlen(p);
		/* An empty entry is the current directory, as for the shell. */
		file = end > p ? xasprintf("%.*s/soffice", (int)(end - p), p)
			       : xstrdup("./soffice");
		if (access(file, X_OK) == 0)
			return file;
		free(file);
		if (!*end)
			return NULL;
	}
}

int pdf_available(void)
{
	char *s = find_soffice();

	if (s) {
		free(s);
		return 0;
	}
	return error(_("a PDF handout is made by LibreOffice, which is not "
		       "installed here (no 'soffice' program was found); "
		       "install it, e.g. with 'sudo apt-get install "
		       "libreoffice-writer-nogui', or write the handout as "
		       ".odt; nothing was written"));
}

/* The seconds LibreOffice is given: STYR_PDF_TIMEOUT, else PDF_TIMEOUT. */
static long time_limit(void)
{
	const char *s = getenv("STYR_PDF_TIMEOUT");
	char *end;
	long v;

	if (!s || !*s)
		return PDF_TIMEOUT;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end || v < 1 || v > 24 * 3600) {
		warning(_("STYR_PDF_TIMEOUT '%s' is not a number of seconds "
			  "(1 to 86400); using %d"),
			s, PDF_TIMEOUT);
		return PDF_TIMEOUT;
	}
	return v;
}

/* PATH as a file: URL, every byte but the unreserved ones escaped. */
static char *file_url(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	struct strbuf sb = {0};
	const unsigned char *p;

	sb_puts(&sb, "file://");
	for (p = (const unsigned char *)path; *p; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/-._~", *p)) {
			sb_add(&sb, (const char *)p, 1);
		} else {
			char e[3] = {'%', hex[*p >> 4], hex[*p & 15]};
			sb_add(&sb, e, 3);
		}
	return sb_steal(&sb);
}

extern char **environ;

/* Our environment with TMPDIR set to TMP, made before the fork (the
 * child may not allocate).  The array is malloc'd, its strings not but
 * the first. */
static char **child_env(const char *tmp)
{
	size_t n = 0, i, j = 1;
	char **env;

	while (environ[n])
		n++;
	env = xmalloc((n + 2) * sizeof *env);
	env[0] = xasprintf("TMPDIR=%s", tmp);
	for (i = 0; i < n; i++)
		if (strncmp(environ[i], "TMPDIR=", 7))
			env[j++] = environ[i];
	env[j] = NULL;
	return env;
}

/* In the child: LibreOffice in a process group of its own, reading
 * nothing, its talk to LOG, its own temporary files where ENV's TMPDIR
 * says.  Only async-signal-safe calls: the parent may have threads.
 * Never returns. */
static void run_soffice(const char *soffice, char *const argv[],
			char *const env[], const char *log)
{
	struct sigaction dfl;
	sigset_t none;
	int fd;
	int sig;

	setpgid(0, 0);
	/* The parent's handlers would remove its files: not ours to run. */
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	for (sig = 1; sig < NSIG; sig++)
		if (sig != SIGKILL && sig != SIGSTOP)
			sigaction(sig, &dfl, NULL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	fd = open("/dev/null", O_RDONLY);
	if (fd >= 0) {
		dup2(fd, 0);
		close(fd);
	}
	fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd >= 0) {
		dup2(fd, 1);
		dup2(fd, 2);
		close(fd);
	}
	execve(soffice, argv, env);
	_exit(127);
}

/* The first line LibreOffice wrote to LOG, for a message; malloc'd, ""
 * when none. */
static char *first_line(const char *log)
{
	char buf[300];
	FILE *f = fopen(log, "r");
	size_t n;

	buf[0] = '\0';
	if (f) {
		n = fread(buf, 1, sizeof buf - 1, f);
		buf[n] = '\0';
		fclose(f);
	}
	buf[strcspn(buf, "\r\n")] = '\0';
	return xstrdup(buf);
}

/*
 * Runs LibreOffice to convert SRC (in DIR) into DIR/out: 0 when it
 * finished in time, else -1 after saying why.  TD watches its process
 * group from its fork to the end, so that a signal meanwhile kills it.
 */
static int convert(struct tempdir *td, const char *soffice, const char *src,
		   const char *output)
{
	const char *dir = tempdir_path(td);
	char *profile = xasprintf("%s/profile", dir);
	char *url = file_url(profile);
	char *env = xasprintf("-env:UserInstallation=%s", url);
	char *outdir = xasprintf("%s/out", dir);
	char *log = xasprintf("%s/soffice.log", dir);
	char *tmp = xasprintf("%s/tmp", dir);
	char **envp = NULL;
	char *argv[] = {"soffice", env, "--headless", "--invisible",
			"--norestore", "--nologo", "--nodefault",
			"--nolockcheck", "--convert-to", "pdf", "--outdir",
			outdir, (char *)src, NULL};
	struct timespec start, now, tick = {0, 20 * 1000 * 1000};
	long limit = time_limit();
	sigset_t block, was;
	siginfo_t si;
	pid_t pid;
	int rc = -1;

	if (mkdir(tmp, 0700) < 0) {
		error(_("%s: cannot make a temporary folder for LibreOffice: "
			"%s; nothing was written"),
		      output, strerror(errno));
		goto out;
	}
	envp = child_env(tmp);
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGHUP);
	sigaddset(&block, SIGPIPE);
	/* Forked and watched with the signals held back: no moment at which
	 * one would leave LibreOffice running. */
	fflush(NULL);
	pthread_sigmask(SIG_BLOCK, &block, &was);
	pid = fork();
	if (pid == 0)
		run_soffice(soffice, argv, envp, log);
	if (pid < 0) {
		pthread_sigmask(SIG_SETMASK, &was, NULL);
		error(_("%s: cannot start LibreOffice: %s; nothing was written"),
		      output, strerror(errno));
		goto out;
	}
	setpgid(pid, pid);
	tempdir_watch(td, pid);
	pthread_sigmask(SIG_SETMASK, &was, NULL);

	clock_gettime(CLOCK_MONOTONIC, &start);
	for (;;) {
		/* Not reaped yet (WNOWAIT): its group id stays ours to kill
		 * until it is. */
		memset(&si, 0, sizeof si);
		if (waitid(P_PID, (id_t)pid, &si, WEXITED | WNOHANG | WNOWAIT) <
			0 &&
		    errno != EINTR)
			break;
		if (si.si_pid == pid)
			break;
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec - start.tv_sec >= limit) {
			error(_("%s: LibreOffice did not finish the PDF within "
				"%ld seconds (STYR_PDF_TIMEOUT) and was "
				"stopped; nothing was written"),
			      output, limit);
			goto stop;
		}
		nanosleep(&tick, NULL);
	}
	if (si.si_pid == pid && si.si_code == CLD_EXITED &&
	    si.si_status == 127) {
		error(_("%s: cannot start LibreOffice (%s); nothing was "
			"written"),
		      output, soffice);
		goto stop;
	}
	rc = 0;
stop:
	/* Whatever LibreOffice left running goes with it. */
	kill(-pid, SIGKILL);
	while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
		;
	tempdir_watch(td, 0);
out:
	if (envp)
		free(envp[0]);
	free(envp);
	free(tmp);
	free(profile);
	free(url);
	free(env);
	free(outdir);
	free(log);
	return rc;
}

/* Copies the PDF at FROM to OUTPUT through a tempfile. */
static int put_in_place(const char *from, const char *output, bool force,
			const char *log)
{
	char buf[65536];
	struct tempfile *tf = NULL;
	char *said;
	ssize_t n;
	int fd = open(from, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);

	n = fd >= 0 ? read(fd, buf, 5) : -1;
	if (n != 5 || memcmp(buf, "%PDF-", 5)) {
		said = first_line(log);
		if (*said)
			error(_("%s: LibreOffice made no PDF (it said: %s); "
				"nothing was written"),
			      output, said);
		else
			error(_("%s: LibreOffice made no PDF; nothing was "
				"written"),
			      output);
		free(said);
		goto failed;
	}
	tf = tempfile_create(output, 0666, 0);
	if (!tf || write_all(tempfile_fd(tf), buf, 5) < 0)
		goto cannot;
	while ((n = read(fd, buf, sizeof buf)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || write_all(tempfile_fd(tf), buf, (size_t)n) < 0)
			goto cannot;
	}
	if (tempfile_commit(&tf, force ? 0 : TEMPFILE_NO_REPLACE) < 0) {
		if (errno == EEXIST)
			error(_("%s exists; use --force to replace it"),
			      output);
		else
			goto cannot;
		goto failed;
	}
	close(fd);
	return 0;
cannot:
	error(_("%s: cannot write: %s; nothing was written"), output,
	      strerror(errno));
failed:
	tempfile_delete(&tf);
	if (fd >= 0)
		close(fd);
	return -1;
}

int pdf_write(struct odt *t, const struct odt_info *info, const char *output,
	      bool force)
{
	struct tempdir *td = NULL;
	char *soffice = find_soffice(), *src = NULL, *pdf = NULL, *log = NULL;
	struct stat st;
	int rc = -1;

	if (!soffice)
		return pdf_available();
	if (stat(output, &st) == 0 && S_ISDIR(st.st_mode)) {
		error(_("%s is a directory; name the handout's file with -o"),
		      output);
		goto out;
	}
	if (!force && access(output, F_OK) == 0) {
		error(_("%s exists; use --force to replace it"), output);
		goto out;
	}
	td = tempdir_create("styr-pdf");
	if (!td) {
		error(_("%s: cannot make a temporary folder for LibreOffice: "
			"%s; nothing was written"),
		      output, strerror(errno));
		goto out;
	}
	src = xasprintf("%s/handout.odt", tempdir_path(td));
	pdf = xasprintf("%s/out/handout.pdf", tempdir_path(td));
	log = xasprintf("%s/soffice.log", tempdir_path(td));
	if (odt_write(t, src, false, info) < 0 ||
	    convert(td, soffice, src, output) < 0 ||
	    put_in_place(pdf, output, force, log) < 0)
		goto out;
	rc = 0;
out:
	tempdir_delete(&td);
	free(soffice);
	free(src);
	free(pdf);
	free(log);
	return rc;
}
