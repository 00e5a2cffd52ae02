/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Files written whole or not at all (after git's tempfile.h).  Every file
 * styr writes -- the register, a handout, an export -- is written to a
 * temporary file beside its target, synced, and renamed over the target,
 * so that a reader sees the old file or the new one, never half of one:
 *
 *	struct tempfile *tf = tempfile_create(path, 0666, 0);
 *	if (!tf) ... report errno ...
 *	write to tempfile_fd(tf), or to the stream tempfile_fdopen(tf) gives
 *	if (tempfile_commit(&tf, 0) < 0) ... report errno ...
 *	(or tempfile_delete(&tf) to give up)
 *
 * Ownership and lifetime: tempfile_create returns a tempfile the caller
 * owns until it passes it to tempfile_commit or tempfile_delete; both
 * close the file, free the tempfile and set the caller's pointer to NULL,
 * whether they succeed or not.  tempfile_delete(&tf) with tf NULL does
 * nothing, so one cleanup label may always call it.  The descriptor and
 * the stream belong to the tempfile: write to them, never close them.
 *
 * From its creation until its commit or deletion, the temporary file is
 * registered: it is removed when the process exits (exit(), die()) or is
 * ended by SIGINT, SIGTERM, SIGHUP or SIGPIPE -- the signal then ends the
 * process as it would have -- and the signals are blocked between making
 * the file and registering it, so there is no moment at which one would
 * leave it behind.  A signal the process ignores (nohup) stays ignored.
 * kill -9 cannot be caught: then the temporary file stays, which is why the
 * register's is at one fixed name (TEMPFILE_FIXED_NAME) the next writer
 * removes.
 *
 * Errors: these functions print nothing; they return NULL or -1 with errno
 * set, because only the caller can say what was left unchanged ("the
 * register was not changed", "no export was written").  On any failure the
 * temporary file is removed and the target is untouched.
 */
#ifndef STYR_TEMPFILE_H
#define STYR_TEMPFILE_H

#include <stdio.h>
#include <sys/types.h>

struct tempfile;

enum tempfile_flags {
	/* The temporary file is TARGET.new instead of TARGET.XXXXXX with
	 * six random characters.  Only for a writer that holds a lock no
	 * other writer of TARGET can hold (the register's, see lock.h):
	 * whatever is at TARGET.new then is a killed writer's leftover, or
	 * a symbolic link planted to have us write through it, and is
	 * removed first. */
	TEMPFILE_FIXED_NAME = 1 << 0,
	/* A file replaced keeps its mode; only a new one gets MODE. */
	TEMPFILE_KEEP_MODE = 1 << 1,
};

enum tempfile_commit_flags {
	/* Fail with EEXIST if TARGET exists by the time of the commit
	 * (a file that appeared meanwhile is never replaced). */
	TEMPFILE_NO_REPLACE = 1 << 0,
};

/*
 * Creates the temporary file for TARGET in TARGET's directory, never
 * through a symbolic link, with MODE less the umask (as open(2) would
 * give a new TARGET), and registers it for removal.  Returns the
 * tempfile, or NULL with errno set.
 */
struct tempfile *tempfile_create(const char *target, mode_t mode, int flags);

/* The temporary file's descriptor. */
int tempfile_fd(const struct tempfile *tf);

/* The temporary file's name, for a library that writes a file by name
 * (libxlsxwriter): it may open it again and write it, never rename or
 * remove it. */
const char *tempfile_path(const struct tempfile *tf);

/* A stdio stream on the temporary file (MODE as for fdopen), made once;
 * NULL with errno set if it cannot be made.  After writing to it, commit
 * as usual: the commit flushes it and finds a write that failed. */
FILE *tempfile_fdopen(struct tempfile *tf, const char *mode);

/*
 * Puts the temporary file in place of its target: flushes the stream if
 * there is one, fsyncs and closes the file (either may report what a
 * write did not), renames it over the target (with TEMPFILE_NO_REPLACE:
 * only if the target does not exist), and fsyncs the directory, so that
 * the new name survives a power cut.  Frees *TFP and sets it to NULL.
 *
 * Returns 0; or 1 when the file is in place but the directory could not
 * be synced (errno says why: worth a warning, not a failure); or -1 with
 * errno set when the target was not replaced (the temporary file is then
 * removed).
 */
int tempfile_commit(struct tempfile **tfp, int flags);

/* Closes and removes the temporary file, frees *TFP and sets it to NULL;
 * nothing when *TFP is NULL.  Keeps errno, so that a caller may delete
 * and then report why. */
void tempfile_delete(struct tempfile **tfp);

/*
 * Private temporary directories, for work another program does for us
 * (LibreOffice making a PDF, pdf.c): made with mode 0700 under $TMPDIR
 * (else /tmp) and registered like a temporary file, so that the directory
 * and everything in it is removed by tempdir_delete, at exit, or when one
 * of the signals above ends the process.  A process group noted with
 * tempdir_watch writes there: before the directory is removed at exit or
 * on a signal, the group is killed (SIGKILL), so that nothing writes into
 * it again.  Removal never follows a symbolic link and, on a signal, makes
 * only async-signal-safe calls.
 *
 * Ownership as for a tempfile: the caller owns it until tempdir_delete,
 * which frees it and sets the caller's pointer to NULL (nothing when NULL).
 */
struct tempdir;

/* Makes PREFIX.XXXXXX under $TMPDIR or /tmp; NULL with errno set. */
struct tempdir *tempdir_create(const char *prefix);
/* The directory's path (absolute when $TMPDIR is). */
const char *tempdir_path(const struct tempdir *td);
/* Notes process group PGID as writing into TD; 0 forgets it (once the
 * group is known to be gone). */
void tempdir_watch(struct tempdir *td, pid_t pgid);
/* Kills a watched group, removes the directory with all it holds, frees
 * *TDP and sets it to NULL.  Keeps errno. */
void tempdir_delete(struct tempdir **tdp);

#endif
