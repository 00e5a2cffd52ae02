/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ODF text packages: reading a template (.odt, .ott or an unpacked
 * directory; odt_read.c), writing the handout (odt_write.c) and finding
 * templates (odt_find.c).
 *
 * Templates come from strangers, so reading refuses: more than
 * ODT_MAX_ENTRIES entries, an entry larger than ODT_MAX_ENTRY or a total
 * above ODT_MAX_TOTAL, XML parts above ODT_MAX_XML in all (declared sizes
 * are checked before anything is
 * inflated, and no entry is read past its declared size), entry names that
 * are absolute or climb out with "..", symbolic links, encrypted entries, a
 * DOCTYPE in any XML part, and a missing content.xml.  Entry names are
 * never made into file names.
 *
 * Ownership: a struct odt owns its documents and parts; odt_free releases
 * them.
 */
#ifndef STYR_ODT_H
#define STYR_ODT_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

#include "util.h"

#define ODT_MAX_ENTRIES 1000
#define ODT_MAX_ENTRY (50L * 1024 * 1024)
#define ODT_MAX_TOTAL (200L * 1024 * 1024)
/* The XML parts together: each is parsed into a tree of up to twenty
 * times its size, so a small zip of XML full of empty elements could
 * otherwise cost gigabytes of memory. */
#define ODT_MAX_XML (8L * 1024 * 1024)

#define ODT_MIME "application/vnd.oasis.opendocument.text"
#define OTT_MIME "application/vnd.oasis.opendocument.text-template"
#define ODS_MIME "application/vnd.oasis.opendocument.spreadsheet"

struct odt_deflate;

/* A part copied through as it is (picture, settings.xml, ...), or a
 * directory the template's manifest gives a media type (DATA NULL). */
struct odt_part {
	char *name;
	char *data;
	size_t len;
	char *media_type; /* NULL: guessed from the name */
};

struct odt {
	char *name; /* what messages call the package */
	xmlDocPtr content, styles, meta;
	/* content.xml and styles.xml as rendered, written instead of the
	 * documents when not empty; content.xml deflated as it was
	 * rendered, when CONTENT_Z is set (odt_content_write). */
	struct strbuf content_out, styles_out;
	struct odt_deflate *content_z;
	struct odt_part *parts;
	size_t nparts, cap;
};

/* Reads the template at PATH (a file or a directory); NAME is what
 * messages call it.  Returns 0, or -1 after printing what is wrong. */
int odt_read(struct odt *t, const char *path, const char *name);
void odt_free(struct odt *t);

/* Puts a paragraph saying TEXT at the top of the document's text (a
 * warning the reader must not miss): after its first paragraph or heading
 * (a letterhead or title, which may start the first page's page style)
 * unless OPENS_BLOCK says that one's text holds a template block tag
 * (the paragraph would land inside the block), else first.  T was read
 * by odt_read, which checked it is a text document. */
void odt_insert_warning(struct odt *t, const char *text,
			bool (*opens_block)(const char *text));

/* The SIZE bytes of the zip entry F (opened, closed here), NUL-terminated
 * and malloc'd; NULL after an error naming FILE and ENTRY, when libzip
 * fails or the entry holds more or less than SIZE (what its header
 * declares: never read past). */
struct zip_file;
char *odt_zip_read(struct zip_file *f, const char *file, const char *entry,
		   size_t size);

/* Adds a part; DATA (malloc'd) is taken over. */
void odt_add_part(struct odt *t, const char *name, char *data, size_t len,
		  const char *media_type);

/* Deflates rendered content.xml for ODT (a struct odt) as it comes: a
 * tpl_opts.flush callback, so that the handout's text is never held
 * whole.  0, or -1 after an error. */
int odt_content_write(void *odt, const char *buf, size_t len);

/* The template's dc:title and dc:description from meta.xml; NULL when
 * absent.  The strings are malloc'd. */
char *odt_meta_text(const struct odt *t, const char *name);

struct odt_info {
	const char *title; /* dc:title of the document */
	const char *lang;  /* dc:language */
	/* The package's media type; NULL: ODT_MIME.  Another ODF type (ODS,
	 * ods.c) brings its content.xml and styles.xml as rendered text
	 * (content_out or odt_content_write, styles_out). */
	const char *mimetype;
};

/*
 * Writes T as an ODF 1.3 text document to PATH: a temporary file in the
 * same directory, renamed into place (tempfile.h).  Without FORCE an existing PATH is
 * refused and left alone.  On any failure nothing is left behind and an
 * existing PATH is untouched.  Returns 0 or -1 (after printing).
 */
int odt_write(struct odt *t, const char *path, bool force,
	      const struct odt_info *info);

/* --- finding templates --- */

/* The built-in handouts, in the order of the six phases. */
extern const char *const odt_builtin[];
/* The built-in handout ARG names, compared as names are (names.h: any
 * letter case, NFC or NFD) with its Danish spelling and English word as
 * aliases ("kortlægning", "mapping"), or NULL. */
const char *odt_builtin_named(const char *arg);

/* The template file or directory DIR holds for NAME (DIR/NAME.ott,
 * DIR/NAME.odt or DIR/NAME/), malloc'd, or NULL. */
char *odt_template_in(const char *dir, const char *name);
/* The user's own template NAME: odt_template_in DIR (when not NULL), then
 * each directory of $STYR_TEMPLATES (colon-separated); NULL when none. */
char *odt_template_own(const char *dir, const char *name);

/*
 * Finds the template ARG: a path when it holds a '/' or ends in .odt or
 * .ott, else a name looked up in DIR (--template-dir), the directories in
 * $STYR_TEMPLATES (colon-separated), then the built-in templates in LANG.
 * Returns the path (malloc'd), or NULL after an error with the exit status
 * in *STATUS.  *BASE gets the name to call the output (malloc'd).
 */
char *odt_find(const char *arg, const char *dir, const char *lang, char **base,
	       int *status);

#endif
