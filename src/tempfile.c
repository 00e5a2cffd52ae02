// SPDX-License-Identifier: GPL-3.0-or-later
/* Files written whole or not at all; see tempfile.h. */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tempfile.h"
#include "util.h"

struct tempfile {
	struct tempfile *next; /* in the list of registered files */
	/* Cleared before the file stops being ours to remove (renamed or
	 * deleted), so that a handler never removes what is not. */
	volatile sig_atomic_t active;
	int fd;
	FILE *fp;
	char *path;
	char *target;
};

/* The registered temporary files.  Changed only with the signals blocked,
 * each change a single store, so that a handler walking the list from
 * another thread sees it whole. */
static struct tempfile *volatile registered;

struct tempdir {
	struct tempdir *next;
	volatile sig_atomic_t active;
	volatile sig_atomic_t pgid; /* a process group writing here, or 0 */
	char *path;
};

/* The registered temporary directories, kept as the files are. */
static struct tempdir *volatile registered_dirs;

static const int interrupting[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};

/* A directory entry as getdents64(2) gives it. */
struct dirent64_raw {
	uint64_t ino;
	int64_t off;
	unsigned short reclen;
	unsigned char type;
	char name[];
};

/*
 * Removes everything in the directory open at DFD, never following a
 * symbolic link.  Async-signal-safe (getdents64, unlinkat, openat; no
 * malloc, unlike opendir), so a signal handler may call it.  Passes
 * again from the start while a pass removed something, as entries may
 * move while a directory is read and changed.
 */
static void remove_in(int dfd, int depth)
{
	_Alignas(8) char buf[2048];
	int pass, sub;
	long n, off;
	bool removed;

	for (pass = 0; pass < 64; pass++) {
		removed = false;
		if (lseek(dfd, 0, SEEK_SET) < 0)
			return;
		while ((n = syscall(SYS_getdents64, dfd, buf, sizeof buf)) > 0)
			for (off = 0; off < n;) {
				struct dirent64_raw *d =
				    (struct dirent64_raw *)(void *)(buf + off);
				const char *name = d->name;

				off += d->reclen;
				if (name[0] == '.' &&
				    (!name[1] || (name[1] == '.' && !name[2])))
					continue;
				if (unlinkat(dfd, name, 0) == 0) {
					removed = true;
					continue;
				}
				if ((errno != EISDIR && errno != EPERM) ||
				    depth >= 64)
					continue;
				sub = openat(dfd, name,
					     O_RDONLY | O_DIRECTORY |
						 O_NOFOLLOW | O_CLOEXEC);
				if (sub >= 0) {
					remove_in(sub, depth + 1);
					close(sub);
				}
				if (unlinkat(dfd, name, AT_REMOVEDIR) == 0)
					removed = true;
			}
		if (!removed)
			return;
	}
}

static void remove_tree(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

	if (fd >= 0) {
		remove_in(fd, 0);
		close(fd);
	}
	rmdir(path);
}

/* Kills TD's process group and removes TD: async-signal-safe.  The
 * group's leader is reaped when it is our child; the others are given a
 * moment to go before the directory is swept once more. */
static void remove_dir(struct tempdir *td)
{
	pid_t pgid = td->pgid;
	struct timespec tick = {0, 10 * 1000 * 1000};
	int i;

	if (pgid > 0) {
		kill(-pgid, SIGKILL);
		waitpid(pgid, NULL, 0);
	}
	remove_tree(td->path);
	if (pgid > 0) {
		for (i = 0; i < 100 && kill(-pgid, 0) == 0; i++)
			nanosleep(&tick, NULL);
		remove_tree(td->path);
	}
}

/* Async-signal-safe: unlink, kill and the directory sweep only. */
static void remove_registered(void)
{
	struct tempfile *tf;
	struct tempdir *td;

	for (tf = registered; tf; tf = tf->next)
		if (tf->active)
			unlink(tf->path);
	for (td = registered_dirs; td; td = td->next)
		if (td->active)
			remove_dir(td);
}

static void on_signal(int sig)
{
	remove_registered();
	/* Ends the process as the signal would have: the signal is blocked
	 * while this handler runs and is delivered when it returns. */
	signal(sig, SIG_DFL);
	raise(sig);
}

static void install_handlers(void)
{
	static bool installed;
	struct sigaction sa, old;
	size_t i;

	if (installed)
		return;
	installed = true;
	atexit(remove_registered);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* A signal the caller ignores (nohup, a background job) stays
	 * ignored. */
	for (i = 0; i < sizeof interrupting / sizeof *interrupting; i++)
		if (sigaction(interrupting[i], NULL, &old) == 0 &&
		    old.sa_handler != SIG_IGN)
			sigaction(interrupting[i], &sa, NULL);
}

static void block_signals(sigset_t *was)
{
	sigset_t block;
	size_t i;

	sigemptyset(&block);
	for (i = 0; i < sizeof interrupting / sizeof *interrupting; i++)
		sigaddset(&block, interrupting[i]);
	pthread_sigmask(SIG_BLOCK, &block, was);
}

static void unblock_signals(const sigset_t *was)
{
	pthread_sigmask(SIG_SETMASK, was, NULL);
}

/* Takes TF off the list; signals blocked by the caller. */
static void deregister(struct tempfile *tf)
{
	struct tempfile *volatile *p;

	tf->active = 0;
	for (p = &registered; *p; p = &(*p)->next)
		if (*p == tf) {
			*p = tf->next;
			break;
		}
}

/* Six characters for a name no other writer picked, as mkstemp's. */
static void random_suffix(char *out)
{
	static const char chars[] = "abcdefghijklmnopqrstuvwxyz"
				    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	static unsigned counter;
	unsigned char r[6];
	size_t i;

	if (getrandom(r, sizeof r, GRND_NONBLOCK) != (ssize_t)sizeof r) {
		struct timespec ts;
		uint64_t v;

		clock_gettime(CLOCK_REALTIME, &ts);
		v = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 30) ^
		    ((uint64_t)getpid() << 40) ^
		    (uint64_t)++counter * 0x9E3779B97F4A7C15u;
		for (i = 0; i < sizeof r; i++)
			r[i] = (unsigned char)(v >> (8 * i));
	}
	for (i = 0; i < sizeof r; i++)
		out[i] = chars[r[i] % (sizeof chars - 1)];
}

static void free_tempfile(struct tempfile *tf)
{
	free(tf->path);
	free(tf->target);
	free(tf);
}

struct tempfile *tempfile_create(const char *target, mode_t mode, int flags)
{
	const int oflags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;
	struct tempfile *tf = xmalloc(sizeof *tf);
	size_t len = strlen(target);
	sigset_t was;
	struct stat st;
	int tries, err;

	memset(tf, 0, sizeof *tf);
	tf->fd = -1;
	tf->target = xstrdup(target);
	tf->path = xmalloc(len + sizeof ".XXXXXX");
	memcpy(tf->path, target, len);
	install_handlers();
	if (flags & TEMPFILE_FIXED_NAME) {
		memcpy(tf->path + len, ".new", sizeof ".new");
		unlink(tf->path);
	}
	/* Made and registered with the signals held back: no moment at
	 * which one would leave the file behind unnamed. */
	block_signals(&was);
	for (tries = 0; tries < 100; tries++) {
		if (!(flags & TEMPFILE_FIXED_NAME)) {
			tf->path[len] = '.';
			random_suffix(tf->path + len + 1);
			tf->path[len + 7] = '\0';
		}
		/* The kernel applies the umask to MODE, as it would for a
		 * new TARGET. */
		tf->fd = open(tf->path, oflags, mode);
		if (tf->fd >= 0 || errno != EEXIST ||
		    (flags & TEMPFILE_FIXED_NAME))
			break;
	}
	if (tf->fd < 0) {
		err = errno;
		unblock_signals(&was);
		free_tempfile(tf);
		errno = err;
		return NULL;
	}
	tf->active = 1;
	tf->next = registered;
	registered = tf;
	unblock_signals(&was);
	if ((flags & TEMPFILE_KEEP_MODE) && stat(target, &st) == 0)
		fchmod(tf->fd, st.st_mode & 07777);
	return tf;
}

int tempfile_fd(const struct tempfile *tf)
{
	return tf->fp ? fileno(tf->fp) : tf->fd;
}

const char *tempfile_path(const struct tempfile *tf)
{
	return tf->path;
}

FILE *tempfile_fdopen(struct tempfile *tf, const char *mode)
{
	if (!tf->fp)
		tf->fp = fdopen(tf->fd, mode);
	return tf->fp;
}

/* Closes TF's file; -1 with errno set when the close reports an error. */
static int close_file(struct tempfile *tf)
{
	int rc = 0;

	if (tf->fp) {
		if (fclose(tf->fp) != 0)
			rc = -1;
	} else if (tf->fd >= 0 && close(tf->fd) < 0) {
		rc = -1;
	}
	tf->fp = NULL;
	tf->fd = -1;
	return rc;
}

/* Syncs the directory holding PATH, so that a rename in it survives a
 * power cut.  -1 with errno set when the sync fails; a directory that
 * cannot be opened or synced at all (EINVAL) has nothing we can do. */
static int fsync_dir_of(const char *path)
{
	char *copy = xstrdup(path);
	int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int rc = 0, err = 0;

	free(copy);
	if (fd < 0)
		return 0;
	if (fsync(fd) < 0 && errno != EINVAL) {
		err = errno;
		rc = -1;
	}
	close(fd);
	errno = err;
	return rc;
}

/* Renames TF over its target, or with NO_REPLACE links it there;
 * signals blocked by the caller. */
static int put_in_place(struct tempfile *tf, bool no_replace)
{
	if (!no_replace)
		return rename(tf->path, tf->target);
	if (link(tf->path, tf->target) == 0) {
		unlink(tf->path);
		return 0;
	}
	/* link() refuses to replace a file that appeared meanwhile; where
	 * hard links are not supported, check and rename. */
	if (errno == EEXIST || access(tf->target, F_OK) == 0) {
		errno = EEXIST;
		return -1;
	}
	return rename(tf->path, tf->target);
}

int tempfile_commit(struct tempfile **tfp, int flags)
{
	struct tempfile *tf = *tfp;
	sigset_t was;
	int rc, err;

	if (tf->fp && (fflush(tf->fp) != 0 || ferror(tf->fp))) {
		if (!errno)
			errno = EIO;
		goto failed;
	}
	if (fsync(tempfile_fd(tf)) < 0)
		goto failed;
	/* A file's close may report what its fsync did not. */
	if (close_file(tf) < 0) {
		if (!errno)
			errno = EIO;
		goto failed;
	}
	block_signals(&was);
	rc = put_in_place(tf, flags & TEMPFILE_NO_REPLACE);
	err = errno;
	if (rc == 0)
		deregister(tf);
	unblock_signals(&was);
	if (rc < 0) {
		errno = err;
		goto failed;
	}
	rc = fsync_dir_of(tf->target) < 0 ? 1 : 0;
	err = errno;
	free_tempfile(tf);
	*tfp = NULL;
	errno = err;
	return rc;
failed:
	tempfile_delete(tfp);
	return -1;
}

void tempfile_delete(struct tempfile **tfp)
{
	struct tempfile *tf = *tfp;
	int err = errno;
	sigset_t was;

	if (!tf)
		return;
	close_file(tf);
	block_signals(&was);
	unlink(tf->path);
	deregister(tf);
	unblock_signals(&was);
	free_tempfile(tf);
	*tfp = NULL;
	errno = err;
}

struct tempdir *tempdir_create(const char *prefix)
{
	const char *base = getenv("TMPDIR");
	struct tempdir *td = xmalloc(sizeof *td);
	sigset_t was;
	int err;

	if (!base || !*base)
		base = "/tmp";
	memset(td, 0, sizeof *td);
	td->path = xasprintf("%s/%s.XXXXXX", base, prefix);
	install_handlers();
	block_signals(&was);
	if (!mkdtemp(td->path)) {
		err = errno;
		unblock_signals(&was);
		free(td->path);
		free(td);
		errno = err;
		return NULL;
	}
	td->active = 1;
	td->next = registered_dirs;
	registered_dirs = td;
	unblock_signals(&was);
	return td;
}

const char *tempdir_path(const struct tempdir *td)
{
	return td->path;
}

void tempdir_watch(struct tempdir *td, pid_t pgid)
{
	td->pgid = pgid;
}

void tempdir_delete(struct tempdir **tdp)
{
	struct tempdir *td = *tdp;
	struct tempdir *volatile *p;
	int err = errno;
	sigset_t was;

	if (!td)
		return;
	block_signals(&was);
	remove_dir(td);
	td->active = 0;
	for (p = &registered_dirs; *p; p = &(*p)->next)
		if (*p == td) {
			*p = td->next;
			break;
		}
	unblock_signals(&was);
	free(td->path);
	free(td);
	*tdp = NULL;
	errno = err;
}
