/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Trusting what styr wrote (SPEC section 2): after a save, styr records in
 * the user's cache ($XDG_CACHE_HOME/styr, else ~/.cache/styr) the stat
 * data of the file it has just renamed into place, as git's index does; a
 * later load of a file whose stat data still match that record may skip
 * the schema check, because nothing has touched the file since styr
 * checked and wrote it.  Any other file is validated as always.
 *
 * Nothing here ever fails a command: a cache that cannot be written, read
 * or believed only means that the next load validates.
 *
 * STYR_NO_TRUST=1 turns both halves off; STYR_TRUST_TRACE=1 says on
 * stderr which way each load went (for the tests).
 */
#ifndef STYR_TRUST_H
#define STYR_TRUST_H

#include <stdbool.h>
#include <sys/stat.h>

/* Before the rename of a save: fills WRITTEN with the fstat of FD, the new
 * file after its last write, and waits (a clock tick at most) until the
 * clock of its file system, read through CLOCK_FD, has moved past that
 * write, so that the rename cannot fall in the same tick (trust.c).
 * Silent; WRITTEN's st_ino is 0 when there is nothing to trust. */
void trust_written(int fd, int clock_fd, struct stat *written);

/* After the rename of a save: PATH is the register, WRITTEN the fstat of
 * the new file taken before the rename (after its last write), CLOCK_FD a
 * descriptor of a file we own on the same file system (the lock), whose
 * times are set to read that file system's clock.  Silent. */
void trust_record(const char *path, const struct stat *written, int clock_fd);

/* Whether the file at PATH, whose descriptor's fstat after parsing gave
 * ST, is one styr wrote and nothing has changed since. */
bool trust_check(const char *path, const struct stat *st);

/* From now on, trust_check says no (styr validate: the user's explicit
 * check is always a full one). */
void trust_disable(void);

#endif
