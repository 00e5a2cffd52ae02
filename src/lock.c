// SPDX-License-Identifier: GPL-3.0-or-later
/* The register's writer lock; see lock.h for why flock plus an inode check. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "lock.h"
#include "util.h"

static double lock_timeout(void)
{
	const char *s = getenv("STYR_LOCK_TIMEOUT");
	char *end;
	double t;

	if (!s || !*s)
		return 10.0;
	t = strtod(s, &end);
	return *end || t < 0 ? 10.0 : t;
}

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Who holds the lock, for the message when we give up. */
static void report_holder(const char *path, const char *register_path)
{
	char buf[128] = "";
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd >= 0) {
		ssize_t n = read(fd, buf, sizeof buf - 1);
		buf[n > 0 ? n : 0] = '\0';
		buf[strcspn(buf, "\n")] = '\0';
		close(fd);
	}
	if (*buf)
		error(_("%s: the register is busy: another styr (%s) is "
			"changing it; nothing was changed, try again"),
		      register_path, buf);
	else
		error(_("%s: the register is busy: another styr is changing "
			"it; nothing was changed, try again"),
		      register_path);
}

int lock_take(struct lock *l, const char *register_path)
{
	double deadline = now_seconds() + lock_timeout();
	struct timespec pause = {0, 2 * 1000 * 1000};
	struct stat held, named;
	char host[64] = "";
	char owner[128];
	int fd;

	l->fd = -1;
	l->path = xasprintf("%s.lock", register_path);
	for (;;) {
		/* Never through a symbolic link: the owner note would
		 * overwrite whatever file it points to. */
		fd = open(l->path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC,
			  0644);
		if (fd < 0 && errno == ELOOP) {
			error(_("%s: the lock file is a symbolic link, which "
				"styr does not follow; remove it"),
			      l->path);
			goto fail;
		}
		if (fd < 0) {
			error(_("%s: cannot create lock file: %s"), l->path,
			      strerror(errno));
			goto fail;
		}
		if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
			/* Still the file at that path?  A previous owner may
			 * have unlinked it between our open and our flock. */
			if (fstat(fd, &held) == 0 &&
			    stat(l->path, &named) == 0 &&
			    held.st_ino == named.st_ino &&
			    held.st_dev == named.st_dev)
				break;
		} else if (errno != EWOULDBLOCK && errno != EINTR) {
			error(_("%s: cannot lock: %s"), l->path,
			      strerror(errno));
			close(fd);
			goto fail;
		}
		close(fd);
		if (now_seconds() >= deadline) {
			report_holder(l->path, register_path);
			goto fail;
		}
		nanosleep(&pause, NULL);
		if (pause.tv_nsec < 50 * 1000 * 1000)
			pause.tv_nsec *= 2;
	}
	gethostname(host, sizeof host - 1);
	snprintf(owner, sizeof owner, "pid %ld on %s\n", (long)getpid(), host);
	/* Informational only; failing to record the owner is harmless. */
	if (ftruncate(fd, 0) == 0 && write(fd, owner, strlen(owner)) < 0)
		owner[0] = '\0';
	l->fd = fd;
	return 0;
fail:
	free(l->path);
	l->path = NULL;
	return -1;
}

void lock_release(struct lock *l)
{
	if (l->fd >= 0) {
		/* Unlink while still holding it: waiters on this inode then
		 * see that the path has moved on and start again. */
		unlink(l->path);
		close(l->fd);
		l->fd = -1;
	}
	free(l->path);
	l->path = NULL;
}
