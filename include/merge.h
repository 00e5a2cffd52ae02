/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Three-way merge of registers on their meaning (SPEC section 9).
 *
 * The register is a tree of records matched by identity: the sections,
 * phases (by number), milestones, areas, people, meetings and items (by
 * id), named votes (by voter and meeting), named ratings (by round and
 * respondent), burden and solution.  A record's attributes and text are
 * its fields, merged one by one.  Everything else is a value merged
 * whole: a title, a decision, a note, an anonymous vote, a log entry
 * (the last three matched by their content, so they are only ever added
 * or removed -- but a note changed in place is matched as the note it
 * was: merge_notes.c).  Counters ("next") take the larger side.
 *
 * Ownership: merge_run changes OURS in place into the merged register and
 * reads BASE and THEIRS (THEIRS is renumbered in place first).  The
 * conflicts it finds are kept in a struct merge_result the caller frees
 * with merge_result_free.
 */
#ifndef STYR_MERGE_H
#define STYR_MERGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <libxml/tree.h>

enum merge_kind {
	MERGE_BOTH_CHANGED, /* both sides changed one value differently */
	MERGE_CHANGED_DELETED, /* ours changed what theirs deleted */
	MERGE_DELETED_CHANGED, /* ours deleted what theirs changed */
	MERGE_BOTH_ADDED, /* both added one value (same key) differently */
};

struct merge_conflict {
	enum merge_kind kind;
	char *at;   /* where (merge_find reads it) */
	char *what; /* what people read: "D3: title" */
	char *ref;  /* the id concerned, or NULL */
	/* The values; NULL where a side has none (deleted).  Fields are
	 * plain text, whole values their XML. */
	char *base, *ours, *theirs;
};

/* One id given a new number because both sides made it. */
struct merge_renumbered {
	char *from, *to;
};

struct merge_result {
	struct merge_conflict *conflicts;
	size_t nconflicts, cap;
	struct merge_renumbered *renumbered;
	size_t nrenumbered, rcap;
};

/* Merges: OURS becomes the merged register.  0, or -1 after printing
 * why (nothing to free in OURS then but the document). */
int merge_run(xmlDocPtr base, xmlDocPtr ours, xmlDocPtr theirs,
	      struct merge_result *res);
void merge_result_free(struct merge_result *res);

/* Adds a conflict to RES (BASE, OURS and THEIRS are taken over). */
void merge_add_conflict(struct merge_result *res, enum merge_kind kind,
			const char *at, const char *what, const char *ref,
			char *base, char *ours, char *theirs);
/* A copy of THEIRS (another document's node) for the tree of INTO. */
xmlNodePtr merge_graft(xmlNodePtr into, xmlNodePtr theirs);
/* merge_refs.c: an area, person or meeting one side removed while the
 * other came to refer to it is kept in the merged register OURS (taken
 * from THEIRS or BASE) and recorded as a conflict. */
void merge_keep_referred(xmlNodePtr base, xmlNodePtr ours, xmlNodePtr theirs,
			 struct merge_result *res);

/* merge_log.c: the log sections B, R (ours: the result) and T merged
 * into R.  B's entries must begin R's and T's (merge_check_history). */
void merge_log_entries(xmlNodePtr b, xmlNodePtr r, xmlNodePtr t,
		       struct merge_result *res);

/* merge_notes.c: the notes of the item SIDE that are notes of the item
 * BASE with their text changed in place (`note change`, as the <was> and
 * <now> of SIDE's new log entries say), each with the base note it was.
 * *PAIRS is allocated (free it); returns how many. */
struct merge_note_pair {
	xmlNodePtr was, now;
};
size_t merge_changed_notes(xmlNodePtr base, xmlNodePtr side,
			   struct merge_note_pair **pairs);

/* merge_renumber.c: gives THEIRS' new ids that OURS also handed out
 * since BASE the next free numbers (rewriting every reference in
 * THEIRS: votes, ratings, attendance, log entries and their sentences)
 * and raises the counters.  Records each in RES. */
void merge_renumber(xmlNodePtr base, xmlNodePtr ours, xmlNodePtr theirs,
		    struct merge_result *res);

/* merge.c, shared with merge_conflict.c: the canonical text of a node
 * (what "unchanged" compares) and its XML. */
char *merge_canon(xmlNodePtr n);
/* Whether A and B hold the same (names, attributes, texts, children);
 * NULL equals only NULL. */
bool merge_same(xmlNodePtr a, xmlNodePtr b);
char *merge_xml(xmlNodePtr n);
/* Finds what AT names under ROOT: *PARENT the element that holds it,
 * *NODE the element itself (NULL when absent), *FIELD the attribute
 * ("@name") or text ("#text") when AT names a field, else NULL.
 * 0, or -1 when the path no longer leads anywhere. */
int merge_find(xmlNodePtr root, const char *at, xmlNodePtr *parent,
	       xmlNodePtr *node, const char **field);
/* The canonical child order under PARENT, for node_insert. */
const char *const *merge_order(xmlNodePtr parent);

/* merge_conflict.c: the conflicts kept in the register. */
/* Writes RES's conflicts into the <conflicts> element of REGISTER's root
 * (made when missing), numbered on from what is there. */
void merge_record_conflicts(xmlNodePtr root, const struct merge_result *res);
/* Number of open conflicts recorded in the register ROOT. */
size_t merge_open_conflicts(xmlNodePtr root);
/* The label of a kind, for people: "both sides changed it" ... */
const char *merge_kind_text(const char *kind);
/* A field's name in the reader's words ("title" -> "titel", "per-year"
 * -> "gange om året"), for a conflict's description; NAME itself when
 * it is none styr names. */
const char *merge_field_word(const char *name);
/* The conflict ID (C3, any case) in ROOT, or NULL. */
xmlNodePtr merge_conflict_find(xmlNodePtr root, const char *id);
/* SIDE's value ("base", "ours", "theirs") in words, to show; allocated. */
char *merge_conflict_show(xmlNodePtr conflict, const char *side);
/* Resolves CONFLICT in the register ROOT: the value of SIDE ("ours",
 * "theirs"), or with SIDE NULL the new VALUE, put in place; the conflict
 * is removed.  0, or -1 after saying why (nothing changed). */
int merge_resolve(xmlNodePtr root, xmlNodePtr conflict, const char *side,
		  const char *value);

/* merge_base.c: common history, and the base of a copy for the field. */
/* Whether SIDE grew from BASE (BASE's log entries begin SIDE's log): 0,
 * or -1 after saying so, naming them as BASE_NAME and SIDE_NAME. */
int merge_check_history(xmlNodePtr base, xmlNodePtr side,
			const char *base_name, const char *side_name);
/* Whether SIDE holds the conflicts BASE holds (or neither any). */
bool merge_same_conflicts(xmlNodePtr base, xmlNodePtr side);
/* The id of the copy the register ROOT is (styr copy), or NULL. */
const char *merge_copy_id(xmlNodePtr root);
/* A new copy id (16 hex digits); allocated. */
char *merge_new_copy_id(void);
/* A copy of DOC marked as copy ID of the register FROM, made at WHEN. */
xmlDocPtr merge_copy_doc(xmlDocPtr doc, const char *id, const char *from,
			 const char *when);
/* Where the register at REG_FILE keeps the base of its copy COPY_ID;
 * allocated. */
char *merge_snapshot_path(const char *reg_file, const char *copy_id);
/* Keeps the file FROM as the snapshot SNAPSHOT (written whole, its folder
 * made when missing).  0, or -1 after saying why. */
int merge_keep_snapshot(const char *from, const char *snapshot);

/* merge_text.c: the register ROOT as sentences, one fact a line (git's
 * diff driver). */
void merge_text(xmlNodePtr root, FILE *out);

#endif
