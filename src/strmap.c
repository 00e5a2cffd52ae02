// SPDX-License-Identifier: GPL-3.0-or-later
/* A string map over libxml2's hash table; see strmap.h. */
#include <libxml/hash.h>

#include "strmap.h"
#include "util.h"

struct strmap *strmap_new(int size)
{
	xmlHashTablePtr h = xmlHashCreate(size);

	if (!h)
		die(_("out of memory"));
	return (struct strmap *)h;
}

void strmap_free(struct strmap *m)
{
	if (m)
		xmlHashFree((xmlHashTablePtr)m, NULL);
}

int strmap_add(struct strmap *m, const char *key, void *value)
{
	return xmlHashAddEntry((xmlHashTablePtr)m, BAD_CAST key, value) ? -1
									 : 0;
}

void *strmap_get(struct strmap *m, const char *key)
{
	return xmlHashLookup((xmlHashTablePtr)m, BAD_CAST key);
}
