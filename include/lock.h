/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The writer lock of a register: "REGISTER.lock" beside it, held with
 * flock(2) and holding the owner's pid and host for messages.  The kernel
 * drops the lock when its owner dies, so a lock file left by a killed
 * process is taken over by the next writer without any guess about pids.
 * After flock succeeds we check that the path still names the inode we
 * locked: a releasing owner unlinks the file, and whoever locked the old
 * inode must start again.
 */
#ifndef STYR_LOCK_H
#define STYR_LOCK_H

struct lock {
	int fd; /* -1 when not held */
	char *path;
};

/* Waits up to STYR_LOCK_TIMEOUT seconds (default 10) for the lock of
 * REGISTER.  Returns 0, or -1 after printing who holds it. */
int lock_take(struct lock *l, const char *register_path);
void lock_release(struct lock *l);

#endif
