/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A map from strings to pointers, for the look-ups that must stay linear
 * in a large register (ids to nodes, ids to counters).  The keys are
 * copied; the values are the caller's.  Commands use this rather than
 * libxml2's hash, which stays inside the modules.
 */
#ifndef STYR_STRMAP_H
#define STYR_STRMAP_H

struct strmap;

/* A new, empty map sized for about SIZE keys (0: a default). */
struct strmap *strmap_new(int size);
void strmap_free(struct strmap *m);
/* Adds KEY -> VALUE; returns 0, or -1 when KEY is there already (the map
 * is then unchanged). */
int strmap_add(struct strmap *m, const char *key, void *value);
/* The value of KEY, or NULL. */
void *strmap_get(struct strmap *m, const char *key);

#endif
