/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Small helpers for the register's libxml2 tree (all element names are in
 * the register's namespace): what modules use instead of calling libxml2
 * themselves.  Strings returned by node_attr()/node_text() point into the
 * tree and live as long as it does.  node_new, which needs the register's
 * document, is in reg.h.
 */
#ifndef STYR_NODE_H
#define STYR_NODE_H

#include <stdbool.h>
#include <libxml/tree.h>

/* Value of attribute NAME or NULL; no copy. */
const char *node_attr(xmlNodePtr n, const char *name);
/* Whether N has any attribute. */
bool node_has_attrs(xmlNodePtr n);
/* Sets (VALUE non-NULL) or removes attribute NAME. */
void node_set_attr(xmlNodePtr n, const char *name, const char *value);
/* Text content of a simple element ("" when empty); no copy. */
const char *node_text(xmlNodePtr n);
/* First child element called NAME, or NULL. */
xmlNodePtr node_child(xmlNodePtr parent, const char *name);
/* Next sibling element called NAME after N, or NULL. */
xmlNodePtr node_next(xmlNodePtr n, const char *name);
/* First element child of any name / next element sibling. */
xmlNodePtr node_first(xmlNodePtr parent);
xmlNodePtr node_after(xmlNodePtr n);
bool node_is(xmlNodePtr n, const char *name);
/* Appends CHILD (not yet linked) as PARENT's last child. */
void node_append(xmlNodePtr parent, xmlNodePtr child);
/* Links N (not yet linked) just before SIBLING. */
void node_insert_before(xmlNodePtr sibling, xmlNodePtr n);
/* Unlinks N from where it is and appends it to PARENT. */
void node_move(xmlNodePtr n, xmlNodePtr parent);
/* Moves N and everything under it (a node copied from another document)
 * into the namespace NS, dropping the copy's own declarations so that NS
 * is written once, where it is declared. */
void node_adopt_ns(xmlNodePtr n, xmlNsPtr ns);
/* Unlinks and frees N with everything in it. */
void node_remove(xmlNodePtr n);
/* Links CHILD into PARENT at its canonical place among the siblings, as
 * ORDER (NULL-terminated element names) fixes it; appends after the last
 * sibling of the same name. */
void node_insert(xmlNodePtr parent, xmlNodePtr child,
		 const char *const order[]);

#endif
