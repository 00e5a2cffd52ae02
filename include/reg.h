/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The register: one XML file (namespace REG_NS, format version 1) held in
 * memory as a libxml2 tree.  Commands read and change the tree through the
 * helpers below and call reg_save(); nothing else touches the file.
 *
 * Ownership: a struct reg owns its document and lock.  Strings returned by
 * node_attr()/node_text() point into the tree and live as long as it does.
 *
 * Writers open with REG_WRITE: the lock is taken *before* the file is read,
 * so two writers never work on the same old state (no lost update).
 */
#ifndef STYR_REG_H
#define STYR_REG_H

#include <stdbool.h>
#include <libxml/tree.h>

#include "lock.h"
#include "node.h"
#include "paths.h"

#define REG_NS "urn:x-styr:register:1"
#define REG_VERSION "1"

enum reg_mode { REG_READ, REG_WRITE };

struct reg {
	char *path; /* as the user gave it: what messages name */
	/* The file itself, symbolic links followed (guard_follow): what is
	 * read, locked and replaced, so that a register reached through a
	 * link is saved as the file it points to. */
	char *file;
	xmlDocPtr doc;
	xmlNodePtr root;
	/* The top-level sections, in file order; always present. */
	xmlNodePtr model, areas, people, meetings, items, log;
	struct lock lock;
	/* What a writer changed since the load, so that reg_save can check
	 * just that against the schema (see reg.c): the items it looked up
	 * or made, and the last log entry that was there before. */
	xmlNodePtr *touched;
	size_t ntouched, touched_cap;
	xmlNodePtr log_mark;
	bool check_whole; /* reg_check_whole: no part is known valid */
};

/* Why reg_open failed.  Like every function here it returns -1 when it
 * refuses (the lock is another writer's); a register that is missing,
 * unreadable or invalid is told apart, as commands exit with a status of
 * their own for it (cli_status() makes the exit status of either). */
enum reg_failure {
	REG_REFUSED = -1,
	REG_UNREADABLE = -2,
};

/* Loads (and validates) the register; REG_WRITE takes the lock first.
 * Returns 0, or after printing the error REG_REFUSED or REG_UNREADABLE. */
int reg_open(struct reg *r, enum reg_mode mode);
/* reg_open of the register at PATH (not the one -f names), and without
 * the warning about open conflicts. */
int reg_open_path(struct reg *r, const char *path, enum reg_mode mode);
/* How many conflicts from a merge the register holds (<conflicts>). */
size_t reg_conflicts(struct reg *r);
/* Makes reg_save check the whole tree, not only what a writer reached:
 * for a writer that changed the tree by other means (a merge). */
void reg_check_all(struct reg *r);
/* A register at PATH (new or replaced) holding DOC (consumed, also on
 * failure), under PATH's lock, for reg_save with the whole tree checked.
 * 0 or -1 after saying why; reg_close is due either way. */
int reg_adopt(struct reg *r, const char *path, xmlDocPtr doc);
/* Reads a phase model for a new register: the file PATH, or the built-in
 * model when PATH is NULL; its root must be <model> in REG_NS.  NAME is
 * set to what messages call it.  Returns the document, or NULL after
 * printing (the input is unreadable). */
xmlDocPtr reg_load_model(const char *path, const char **name);
/* Creates a new register in memory from a model document (consumed),
 * under the lock; fails if the file exists.  0 or -1. */
int reg_create(struct reg *r, xmlDocPtr model, const char *org,
	       const char *title);
/* Checks the tree against the schema and the rules the schema cannot
 * express (unique ids, references); messages name NAME.  0 or -1. */
int reg_verify(struct reg *r, const char *name);
/* Makes reg_save check the whole tree against the schema, not only what
 * the writer reached: for a writer that replaced whole sections (import
 * json). */
void reg_check_whole(struct reg *r);
/* Validates and atomically replaces the file.  0 or -1. */
int reg_save(struct reg *r);
/* Releases lock and memory; safe after a failed open. */
void reg_close(struct reg *r);

/* Appends a change-log entry: ACTION is a keyword (add, edit, vote, ...),
 * REF the id concerned or NULL, WHAT a human sentence.  Returns the entry. */
xmlNodePtr reg_log(struct reg *r, const char *action, const char *ref,
		   const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Finds an item by id; on failure prints "unknown item" and returns NULL.
 * A writer must reach every item it changes through reg_item,
 * reg_find_item or reg_new_item: reg_save checks exactly those. */
xmlNodePtr reg_item(struct reg *r, const char *id);
/* The same, silent. */
xmlNodePtr reg_find_item(struct reg *r, const char *id);
/* reg_open, then reg_item: 0 with *ITEM set, or after printing why
 * REG_REFUSED or REG_UNREADABLE, as reg_open (reg_close is still due;
 * cli_status() makes the exit status). */
int reg_open_item(struct reg *r, enum reg_mode mode, const char *id,
		  xmlNodePtr *item);
/* Creates an item of KIND with the next free id (never reused). */
xmlNodePtr reg_new_item(struct reg *r, const char *kind, const char *title);
/* Area, person and meeting look-ups; NULL (silent) when absent.
 * reg_person accepts an id (P3) or an exact name. */
xmlNodePtr reg_area(struct reg *r, const char *id);
xmlNodePtr reg_person(struct reg *r, const char *id_or_name);
xmlNodePtr reg_meeting(struct reg *r, const char *id);
/* reg_meeting and reg_area that print "unknown meeting" or "unknown
 * area" when absent. */
xmlNodePtr reg_known_meeting(struct reg *r, const char *id);
xmlNodePtr reg_known_area(struct reg *r, const char *id);
/* A filter such as --area: *CANONICAL is area ID's id as the register
 * spells it, or NULL when ID is NULL (no filter).  An unknown area is
 * said as reg_known_area says it, and -1. */
int reg_area_filter(struct reg *r, const char *id, const char **canonical);
/* New areas, people and meetings, appended to their section; the
 * values are checked and canonical already (NULL leaves one out). */
xmlNodePtr reg_new_area(struct reg *r, const char *id, const char *name);
/* Hands out the next P-id. */
xmlNodePtr reg_new_person(struct reg *r, const char *name, const char *role);
/* Hands out the next M-id; PHASE is a phase number or NULL. */
xmlNodePtr reg_new_meeting(struct reg *r, const char *kind, const char *date,
			   const char *phase, const char *title);
/* Adds person PID to MEETING's attendees. */
void reg_add_attendee(struct reg *r, xmlNodePtr meeting, const char *pid);
/* The text of the first child NAME whose lang is LANG, else of the first
 * child NAME; "" when none (phase names, milestone titles). */
const char *lang_text(xmlNodePtr parent, const char *name, const char *lang);
/* Number of the current phase, 0 when none is active. */
int reg_current_phase(struct reg *r);

/* Hands out the next number of a counter attribute on SECTION ("next"). */
long reg_next_id(xmlNodePtr section, const char *counter);

/* New element NAME (in REG_NS) with optional text, not yet linked; the
 * other tree helpers are in node.h. */
xmlNodePtr node_new(struct reg *r, const char *name, const char *text);

#endif
