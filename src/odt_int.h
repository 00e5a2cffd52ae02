/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the three parts of the ODF package module share, and no other
 * module includes (mandoc's tbl_int.h); their API is odt.h:
 *
 *   odt_read.c   reading templates from strangers (zip limits, entry
 *                names, the manifest, unpacked directories)
 *   odt_write.c  writing the handout (tempfile.h)
 *   odt_deflate.c  deflating content.xml as it is rendered, in threads
 *   odt_find.c   finding a template by name or path
 */
#ifndef STYR_ODT_INT_H
#define STYR_ODT_INT_H

#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include <libxml/tree.h>
#include <zip.h>

#define OFFICE_NS "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define TEXT_NS "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define DC_NS "http://purl.org/dc/elements/1.1/"
#define MANIFEST_NS "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

/* Whether S ends in SUFFIX, in any case (".ODT" as ".odt"). */
static inline bool odt_has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcasecmp(s + n - m, suffix);
}

/* Marks DOC's root as ODF 1.3, which is what styr writes whatever the
 * template was: at reading, so that the template engine's own output
 * says so too, and again when a part is written (odt_write.c). */
void odt_set_version(xmlDocPtr doc);

/*
 * A part deflated as it is written (odt_deflate.c): _write hands it on in
 * pieces of any size, _finish says it is complete, _source gives it to
 * libzip as data already deflated, with its size and CRC (D must live
 * until zip_close).  The threads are STYR_THREADS's (threads_allowed).
 * _write and _finish return -1 when zlib fails; the part is unusable then.
 */
struct odt_deflate *odt_deflate_new(void);
int odt_deflate_write(struct odt_deflate *d, const char *buf, size_t len);
int odt_deflate_finish(struct odt_deflate *d);
zip_source_t *odt_deflate_source(zip_t *z, struct odt_deflate *d);
void odt_deflate_free(struct odt_deflate *d);

#endif
