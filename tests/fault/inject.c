// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Fault injection for the tests (tests/t0630-faults.sh): LD_PRELOAD this
 * and one call of the kind named fails, as on a full disk or a failing
 * device.
 *
 *   STYR_FAIL=CALL      write, fsync, fdatasync, close, rename, fwrite,
 *                       fflush or fclose
 *   STYR_FAIL_AT=N      fail the Nth such call (default 1); 0 fails all
 *   STYR_FAIL_ERRNO=E   the error: ENOSPC (default), EIO, EDQUOT, EROFS,
 *                       EACCES, EPERM, EXDEV, or a number
 *   STYR_FAIL_LOG=FILE  appends a line per injected fault: "CALL N PATH",
 *                       PATH being the file or directory the descriptor
 *                       is open on, with " (read-only)" after it when it
 *                       was opened only for reading (rename: the old name)
 *
 * Only calls on regular files and directories count, never on standard
 * input, output or error, so that messages still get out.  stdio has its
 * own entries because glibc's fwrite, fflush and fclose write and close
 * inside libc, past an interposed write or close; libzip writes its
 * archive with stdio and renames its own temporary file, so zip_close's
 * writes fail through fwrite, fclose and rename.
 *
 * A failing close or fclose still closes, as the kernel does; a failing
 * fclose still frees the stream.
 */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static long seen;
static int busy; /* inside the shim: pass everything through */

static void *next(const char *name)
{
	void *f = dlsym(RTLD_NEXT, name);

	if (!f)
		abort();
	return f;
}

#define REAL(ret, name, params)                                             \
	static ret(*real_##name) params;                                    \
	if (!real_##name)                                                   \
		real_##name = (ret(*) params)next(#name)

static int fail_errno(void)
{
	static const struct {
		const char *name;
		int value;
	} names[] = {{"ENOSPC", ENOSPC}, {"EIO", EIO},	   {"EDQUOT", EDQUOT},
		     {"EROFS", EROFS},	 {"EACCES", EACCES}, {"EPERM", EPERM},
		     {"EXDEV", EXDEV},	 {NULL, 0}};
	const char *s = getenv("STYR_FAIL_ERRNO");
	int i;

	if (!s || !*s)
		return ENOSPC;
	for (i = 0; names[i].name; i++)
		if (!strcmp(s, names[i].name))
			return names[i].value;
	return atoi(s) > 0 ? atoi(s) : ENOSPC;
}

static void log_fault(const char *call, const char *path)
{
	const char *file = getenv("STYR_FAIL_LOG");
	char line[PATH_MAX + 64];
	int fd, n;

	if (!file || !*file)
		return;
	n = snprintf(line, sizeof line, "%s %ld %s\n", call, seen, path);
	fd = open(file, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
	if (fd < 0)
		return;
	if (write(fd, line, (size_t)n) < 0)
		n = 0;
	close(fd);
}

/* Whether this call of CALL on FD (or on PATH when FD < 0) must fail; sets
 * errno when it must. */
static int must_fail(const char *call, int fd, const char *path)
{
	const char *want = getenv("STYR_FAIL"), *at = getenv("STYR_FAIL_AT");
	char buf[PATH_MAX], link[64];
	struct stat st;
	long n = at && *at ? atol(at) : 1;
	ssize_t len;
	int err;

	if (busy || !want || strcmp(want, call))
		return 0;
	if (fd >= 0) {
		if (fd <= 2 || fstat(fd, &st) < 0 ||
		    !(S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)))
			return 0;
		snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
		len = readlink(link, buf, sizeof buf - 16);
		buf[len > 0 ? len : 0] = '\0';
		if ((fcntl(fd, F_GETFL) & O_ACCMODE) == O_RDONLY)
			strcat(buf, " (read-only)");
		path = buf;
	}
	seen++;
	if (n != 0 && seen != n)
		return 0;
	err = fail_errno();
	busy = 1;
	log_fault(call, path);
	busy = 0;
	errno = err;
	return 1;
}

ssize_t write(int fd, const void *buf, size_t n)
{
	REAL(ssize_t, write, (int, const void *, size_t));
	if (must_fail("write", fd, NULL))
		return -1;
	return real_write(fd, buf, n);
}

int fsync(int fd)
{
	REAL(int, fsync, (int));
	if (must_fail("fsync", fd, NULL))
		return -1;
	return real_fsync(fd);
}

int fdatasync(int fd)
{
	REAL(int, fdatasync, (int));
	if (must_fail("fdatasync", fd, NULL))
		return -1;
	return real_fdatasync(fd);
}

int close(int fd)
{
	REAL(int, close, (int));
	if (must_fail("close", fd, NULL)) {
		int err = errno;
		real_close(fd);
		errno = err;
		return -1;
	}
	return real_close(fd);
}

int rename(const char *from, const char *to)
{
	REAL(int, rename, (const char *, const char *));
	if (must_fail("rename", -1, from))
		return -1;
	return real_rename(from, to);
}

static int stream_fd(FILE *f)
{
	return f ? fileno(f) : -1;
}

/* A stream whose write failed has its error flag set (ferror), as glibc
 * sets it when its own write fails. */
static void stream_error(FILE *f)
{
	f->_flags |= _IO_ERR_SEEN;
}

size_t fwrite(const void *p, size_t size, size_t n, FILE *f)
{
	REAL(size_t, fwrite, (const void *, size_t, size_t, FILE *));
	if (stream_fd(f) >= 0 && must_fail("fwrite", stream_fd(f), NULL)) {
		stream_error(f);
		return 0;
	}
	return real_fwrite(p, size, n, f);
}

int fflush(FILE *f)
{
	REAL(int, fflush, (FILE *));
	if (stream_fd(f) >= 0 && must_fail("fflush", stream_fd(f), NULL)) {
		stream_error(f);
		return EOF;
	}
	return real_fflush(f);
}

int fclose(FILE *f)
{
	REAL(int, fclose, (FILE *));
	if (stream_fd(f) >= 0 && must_fail("fclose", stream_fd(f), NULL)) {
		int err = errno;
		real_fclose(f);
		errno = err;
		return EOF;
	}
	return real_fclose(f);
}
