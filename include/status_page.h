/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The colleagues' status page (SPEC section 8): where the process stands
 * (the six phases), the meetings held and coming, what was decided and
 * why, and what comes next -- one self-contained HTML5 document (its CSS
 * inline, no scripts, no address of any other file), the same for
 * `styr handout status --format html` and for `styr serve`'s /status.
 *
 * The page is the XHTML template LANG/status.xhtml in the templates
 * folder (data_dir()), filled by the handout template engine with the
 * data handouts see (handout_data.h), so that users restyle it as they
 * restyle handouts: a status.xhtml of their own in --template-dir or
 * $STYR_TEMPLATES is used first.
 *
 * Usage, e.g. for a buffer:
 *	char *buf; size_t len;
 *	FILE *f = open_memstream(&buf, &len);
 *	if (status_page_write(&r, "en", NULL, f) < 0) ... (error printed)
 *	fclose(f); ... send buf ...; free(buf);
 */
#ifndef STYR_STATUS_PAGE_H
#define STYR_STATUS_PAGE_H

#include <stdio.h>

#include "reg.h"

/* The template's name in a template folder. */
#define STATUS_PAGE_TEMPLATE "status.xhtml"

/* The path of the template for LANG: DIR/status.xhtml (DIR may be NULL),
 * else one in $STYR_TEMPLATES, else the built-in one.  Malloc'd; NULL
 * after error() when there is none. */
char *status_page_template(const char *dir, const char *lang);

/*
 * Writes the page for register R (opened, read or write) in LANG ("da"
 * or "en") to OUT.  TEMPLATE: the XHTML template's path, NULL for
 * status_page_template(NULL, LANG).  Returns 0, or -1 after error() when
 * the template is missing, unreadable or has problems (each reported),
 * or writing OUT failed; OUT may then hold part of a page: a caller that
 * must not show half a page writes to a buffer or a tempfile.
 */
int status_page_write(struct reg *r, const char *lang, const char *template,
		      FILE *out);

#endif
