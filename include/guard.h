/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Guards on the files styr writes (SPEC section 7, "Nothing overwrites
 * what it reads"), in one place so that every writer asks the same
 * questions:
 *
 *  - guard_follow: the file a path names, through symbolic links, so that
 *    a register reached through a link is locked and saved as the file the
 *    link points to (its lock and its temporary file sit beside that file,
 *    and two links to one register take one lock);
 *  - guard_input / guard_output: a command notes each file it reads, and
 *    asks before it writes an output whether the output would be the
 *    register or one of those files -- refused with or without --force;
 *  - guard_writable: a register the user has made read-only, or whose
 *    folder is, is not replaced; asked before any work and before the lock.
 *
 * What these print is an error() naming the path the user gave; they
 * return -1 (or 0), and the command chooses the exit status.
 */
#ifndef STYR_GUARD_H
#define STYR_GUARD_H

#include <stdbool.h>

/* The path of the file PATH names once symbolic links in its last
 * component are followed (a chain of them, relative ones taken from the
 * link's own folder); PATH itself when it is not a link.  The file need
 * not exist.  Links in the folders before it are left alone: the folder
 * is the same whichever way it is reached.  Malloc'd. */
char *guard_follow(const char *path);

/* Notes that this run reads PATH (a file, or a folder all of whose files
 * it reads) as WHAT, an N_() phrase with its article ("the template"),
 * translated when printed.  The register (reg_path()) need not be noted:
 * it is always guarded. */
void guard_input(const char *path, const char *what);

/* Whether OUTPUT may be written as WHAT (an N_() phrase: "the handout"):
 * -1 after saying why when it is the register, a file noted by
 * guard_input (the same file, by any name, also a file that does not
 * exist yet but would be at the same place) or lies in a folder noted so;
 * else 0.  REGISTER_OK: OUTPUT is the register being saved, which is then
 * checked against the noted inputs only. */
int guard_output(const char *output, const char *what, bool register_ok);

/* Whether the register at FILE (its real file, guard_follow's) may be
 * replaced: -1 after saying why (named SHOWN, the path the user gave) when
 * FILE exists and is read-only, not the user's to change, on a read-only
 * file system, or when its folder cannot take a new file; else 0. */
int guard_writable(const char *file, const char *shown);

#endif
