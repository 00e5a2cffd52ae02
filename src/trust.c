// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Trusting what styr wrote; see trust.h.
 *
 * What a record proves.  The kernel sets a file's ctime to the current
 * time whenever anything about the file changes -- a write, a truncation,
 * a chmod, a link or unlink, a rename -- and no user can set it (only the
 * clock itself).  So if a file's device, inode, size, mtime and ctime are
 * what they were when styr looked right after its own save, nothing has
 * touched that inode since; a copy, a restore or a replacement by rename
 * is another inode, or has another ctime.  This is git's index's bet.
 *
 * The races, and why they cannot fool us:
 *
 * 1. A change after our look, in the same timestamp tick (git's "racily
 *    clean" entry): the change would leave ctime as it was.  So a record
 *    is written only once the file system's clock has moved past the
 *    file's ctime and mtime -- read by setting the lock file's times
 *    (same directory, so same file system and granularity) and waited for
 *    a few milliseconds at most -- and the file is stat'ed again after
 *    that.  Any change after that second look happens at a later time and
 *    moves ctime.  The record keeps that clock reading, and a load trusts
 *    only a file whose mtime and ctime are strictly older than it (git's
 *    "mtime older than the index file's" rule).
 *
 * 2. A change between our rename and our first look, in the tick of the
 *    rename: ctime would not tell.  But the save hands us the stat of the
 *    new file taken after its last write (WRITTEN, by trust_written); a
 *    foreign write would set mtime to its own time, which is later than
 *    our last write unless all three (our write, our rename, the foreign
 *    write) fell in one tick.  So trust_written waits, before the rename,
 *    until the clock has moved past our last write (a tick at most, on a
 *    kernel with coarse timestamps; no wait with fine-grained ones), and
 *    we record only when the rename's ctime is strictly later than our
 *    last write's mtime, and the mtime is still ours.
 *
 * 3. A change while a load parses: the load compares the stat data of the
 *    descriptor it parsed, taken after the parse (xmlsafe_read_file_stat),
 *    so the parsed bytes are the recorded ones -- a write during the parse
 *    moves ctime, and a rename makes the path name another inode.
 *
 * 4. The cache itself: it lives in the user's own cache, is parsed
 *    strictly (the whole text must be what we would write for this path
 *    and these stat data), and is believed only if it is a regular file
 *    owned by us and not writable by group or others.  The record names
 *    the schema it was checked against and the styr that checked it, so
 *    a styr with another schema, or other rules beyond the schema
 *    (reg_check.c), checks again.
 *
 * A digest of the content was considered and left out: checking it means
 * reading the whole file again on every load, which is what we set out
 * not to do, and the stat data already prove more (that the inode has
 * not changed, not merely that its bytes are the same now).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "trust.h"
#include "util.h"
#include "xmlsafe.h"

enum {
	RECORD_MAX = PATH_MAX + 512, /* a record is never longer */
	CLOCK_TRIES = 50,	     /* ~50 ms at most, waiting for a tick */
};

static bool disabled;

void trust_disable(void)
{
	disabled = true;
}

static bool env_set(const char *name)
{
	const char *s = getenv(name);

	return s && *s && strcmp(s, "0") != 0;
}

static bool off(void)
{
	return disabled || env_set("STYR_NO_TRUST");
}

/* For the tests: which way a load went.  Not a user message, like git's
 * GIT_TRACE, so not translated. */
static void trace(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void trace(const char *fmt, ...)
{
	va_list ap;

	if (!env_set("STYR_TRUST_TRACE"))
		return;
	va_start(ap, fmt);
	fputs("styr: trust: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

static uint64_t fnv1a(const unsigned char *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	while (n--) {
		h ^= *p++;
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* $XDG_CACHE_HOME/styr, else $HOME/.cache/styr (absolute paths only, as
 * the XDG specification asks), or NULL; *PARENT gets the directory above. */
static char *cache_dir(char **parent)
{
	const char *s = getenv("XDG_CACHE_HOME");

	if (s && *s == '/') {
		*parent = xstrdup(s);
		return xasprintf("%s/styr", s);
	}
	s = getenv("HOME");
	if (s && *s == '/') {
		*parent = xasprintf("%s/.cache", s);
		return xasprintf("%s/.cache/styr", s);
	}
	return NULL;
}

/* The cache entry of the register at REAL (a real path), or NULL.  The
 * name is a hash; the record names the path in full, so two paths that
 * share a name only overwrite each other's records. */
static char *entry_path(const char *real, char **dir, char **parent)
{
	char *d = cache_dir(parent), *e;

	if (!d)
		return NULL;
	e = xasprintf("%s/%016llx", d,
		      (unsigned long long)fnv1a((const unsigned char *)real,
						strlen(real)));
	*dir = d;
	return e;
}

static int ts_cmp(struct timespec a, struct timespec b)
{
	if (a.tv_sec != b.tv_sec)
		return a.tv_sec < b.tv_sec ? -1 : 1;
	if (a.tv_nsec != b.tv_nsec)
		return a.tv_nsec < b.tv_nsec ? -1 : 1;
	return 0;
}

static bool same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino &&
	       a->st_size == b->st_size &&
	       !ts_cmp(a->st_mtim, b->st_mtim) &&
	       !ts_cmp(a->st_ctim, b->st_ctim);
}

/* Everything a record says but the clock reading: what a load expects,
 * byte for byte. */
static char *record_head(const char *real, const struct stat *st)
{
	return xasprintf("styr trust 1\nstyr %s\nschema %016llx\npath %s\n"
			 "dev %llu\nino %llu\nsize %lld\n"
			 "mtime %lld.%09ld\nctime %lld.%09ld\nclock ",
			 VERSION, (unsigned long long)fnv1a(register_rng,
						   register_rng_len),
			 real, (unsigned long long)st->st_dev,
			 (unsigned long long)st->st_ino,
			 (long long)st->st_size,
			 (long long)st->st_mtim.tv_sec, st->st_mtim.tv_nsec,
			 (long long)st->st_ctim.tv_sec, st->st_ctim.tv_nsec);
}

/* Reads the clock of CLOCK_FD's file system, by setting the file's times
 * to now, until it is past both of ST's times; 0 and *NOW, or -1. */
static int clock_past(int clock_fd, const struct stat *st,
		      struct timespec *now)
{
	const struct timespec ms = {0, 1000000};
	struct stat c;

	if (!st->st_ino)
		return -1;
	for (int i = 0; i < CLOCK_TRIES; i++) {
		if (futimens(clock_fd, NULL) < 0 || fstat(clock_fd, &c) < 0)
			return -1;
		if (c.st_dev != st->st_dev)
			return -1; /* another clock: nothing to compare */
		if (ts_cmp(c.st_ctim, st->st_ctim) > 0 &&
		    ts_cmp(c.st_ctim, st->st_mtim) > 0) {
			*now = c.st_ctim;
			return 0;
		}
		/* Kernels with fine-grained timestamps hand out a later
		 * one at once, once the times have been looked at. */
		if (i)
			nanosleep(&ms, NULL);
	}
	return -1;
}

static void write_entry(const char *entry, const char *dir,
			const char *parent, const char *text)
{
	char *tmp = xasprintf("%s.%ld.tmp", entry, (long)getpid());
	int fd;

	mkdir(parent, 0700);
	mkdir(dir, 0700);
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
		  0600);
	if (fd < 0)
		goto out;
	if (write_all(fd, text, strlen(text)) < 0) {
		close(fd);
		unlink(tmp);
		goto out;
	}
	/* No fsync: a record lost or torn in a crash is one that does not
	 * parse, and the next load validates. */
	if (close(fd) < 0 || rename(tmp, entry) < 0)
		unlink(tmp);
out:
	free(tmp);
}

void trust_written(int fd, int clock_fd, struct stat *written)
{
	struct timespec now;

	if (off() || fstat(fd, written) < 0) {
		written->st_ino = 0;
		return;
	}
	/* Race 2: the rename in a later tick than the last write.  A wait
	 * of one tick at most (none where timestamps are fine-grained);
	 * if the clock cannot be read, trust_record will find it racy. */
	clock_past(clock_fd, written, &now);
}

void trust_record(const char *path, const struct stat *written, int clock_fd)
{
	char *real = NULL, *entry = NULL, *dir = NULL, *parent = NULL;
	char *head = NULL, *text = NULL;
	struct stat st, again;
	struct timespec now;

	if (off() || !(real = realpath(path, NULL)))
		goto out;
	entry = entry_path(real, &dir, &parent);
	if (!entry || stat(path, &st) < 0)
		goto out;
	/* Race 2 above: still our inode with our last write's mtime, and
	 * the rename a tick later than that write. */
	if (st.st_dev != written->st_dev || st.st_ino != written->st_ino ||
	    st.st_size != written->st_size ||
	    ts_cmp(st.st_mtim, written->st_mtim) ||
	    ts_cmp(st.st_ctim, written->st_mtim) <= 0) {
		trace("%s: not recorded (changed or racy since written)", path);
		unlink(entry);
		goto out;
	}
	/* Race 1: the clock past the file's times, then a second look. */
	if (clock_past(clock_fd, &st, &now) < 0 || stat(path, &again) < 0 ||
	    !same_file(&st, &again)) {
		trace("%s: not recorded (no later clock reading)", path);
		unlink(entry);
		goto out;
	}
	head = record_head(real, &st);
	text = xasprintf("%s%lld.%09ld\n", head, (long long)now.tv_sec,
			 now.tv_nsec);
	write_entry(entry, dir, parent, text);
	trace("%s: recorded", path);
out:
	free(text);
	free(head);
	free(parent);
	free(dir);
	free(entry);
	free(real);
}

/* Reads the record at ENTRY if it is ours alone: a regular file owned by
 * this user, writable by no one else.  Returns its length or -1. */
static ssize_t read_entry(const char *entry, char *buf, size_t size)
{
	struct stat st;
	ssize_t n, len = 0;
	int fd = open(entry, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) ||
	    st.st_uid != geteuid() || (st.st_mode & 022) ||
	    st.st_size >= (off_t)size) {
		close(fd);
		return -1;
	}
	while ((size_t)len < size &&
	       (n = read(fd, buf + len, size - (size_t)len)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			close(fd);
			return -1;
		}
		len += n;
	}
	close(fd);
	return (size_t)len < size ? len : -1;
}

/* The clock line of a record: "SECONDS.NANOSECONDS\n" and nothing more. */
static int parse_clock(const char *s, size_t len, struct timespec *t)
{
	long long sec = 0;
	long nsec = 0;
	size_t i = 0, digits;

	for (digits = 0; i < len && s[i] >= '0' && s[i] <= '9'; i++, digits++) {
		if (digits == 18)
			return -1;
		sec = sec * 10 + (s[i] - '0');
	}
	if (!digits || i >= len || s[i++] != '.')
		return -1;
	for (digits = 0; i < len && s[i] >= '0' && s[i] <= '9'; i++, digits++)
		nsec = nsec * 10 + (s[i] - '0');
	if (digits != 9 || i + 1 != len || s[i] != '\n')
		return -1;
	t->tv_sec = (time_t)sec;
	t->tv_nsec = nsec;
	return 0;
}

bool trust_check(const char *path, const struct stat *st)
{
	char *real = NULL, *entry = NULL, *dir = NULL, *parent = NULL;
	char *head = NULL, *buf = NULL;
	const char *why = "no record";
	struct timespec clock;
	bool trusted = false;
	ssize_t len;
	size_t hlen;

	if (off()) {
		why = "turned off";
		goto out;
	}
	if (!st->st_ino || !(real = realpath(path, NULL)) ||
	    !(entry = entry_path(real, &dir, &parent)))
		goto out;
	buf = xmalloc(RECORD_MAX);
	if ((len = read_entry(entry, buf, RECORD_MAX)) < 0)
		goto out;
	head = record_head(real, st);
	hlen = strlen(head);
	why = "changed since styr saved it";
	if ((size_t)len < hlen || memcmp(buf, head, hlen) ||
	    parse_clock(buf + hlen, (size_t)len - hlen, &clock) < 0)
		goto out;
	/* Race 1: only what was older than the record's clock reading. */
	why = "racy record";
	if (ts_cmp(st->st_mtim, clock) >= 0 || ts_cmp(st->st_ctim, clock) >= 0)
		goto out;
	trusted = true;
out:
	if (trusted)
		trace("%s: saved by styr and unchanged; schema check skipped",
		      path);
	else
		trace("%s: validating (%s)", path, why);
	free(buf);
	free(head);
	free(parent);
	free(dir);
	free(entry);
	free(real);
	return trusted;
}
