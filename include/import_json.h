/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * `styr import json`: a register restored from what `export json` wrote.
 *
 * The document is read with json-c and checked whole before the register
 * is touched: every key has the type `export json` gives it, every keyword
 * is one of the register's, every date a real day, every reference (an
 * area, a person, a meeting) one the document holds.  A message names the
 * file and the place in the document ("items[3] (R7): votes_cast[0]:
 * meeting"); then nothing has been changed.
 *
 * Only an empty register (just made by `styr init`: no areas, people,
 * meetings or items) takes an import: the document's model, settings,
 * ids, counters and change log replace the register's own, so that
 * `export json` afterwards prints the same document but for the one log
 * entry that records the import.
 */
#ifndef STYR_IMPORT_JSON_H
#define STYR_IMPORT_JSON_H

#include <stdio.h>

#include "reg.h"

/* Reads the JSON document in F (NAME in messages) into R, which must be
 * open for writing and empty, and logs the import.  Returns the number of
 * items restored, or -1 after printing (R is then not to be saved). */
long import_json(struct reg *r, FILE *f, const char *name);

#endif
