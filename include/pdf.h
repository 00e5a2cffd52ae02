/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * PDF handouts (SPEC section 10): the handout is written as ODT into a
 * private temporary directory (tempfile.h's tempdir) and converted there
 * by LibreOffice (`soffice --headless --convert-to pdf`), with a profile
 * of its own in that directory (so no running LibreOffice takes the job
 * over, and none of the user's settings changes it) and a time limit
 * (STYR_PDF_TIMEOUT seconds, default PDF_TIMEOUT), after which
 * LibreOffice is killed.  The PDF is then copied to its place through a
 * tempfile, so a reader sees no PDF or a whole one.  The directory goes
 * on every path: at the end, at exit, and on SIGINT, SIGTERM, SIGHUP and
 * SIGPIPE, when LibreOffice is killed first.
 */
#ifndef STYR_PDF_H
#define STYR_PDF_H

#include <stdbool.h>

#include "odt.h"

#define PDF_TIMEOUT 120

/* Whether LibreOffice's soffice is on PATH: 0, or -1 after saying how to
 * install it (called before any work, so that nothing is written). */
int pdf_available(void);

/*
 * Writes the rendered handout T (as odt_write takes it, with INFO) as a
 * PDF at OUTPUT; an existing OUTPUT only with FORCE.  Returns 0, or -1
 * after printing why; then nothing was written and OUTPUT is untouched.
 */
int pdf_write(struct odt *t, const struct odt_info *info, const char *output,
	      bool force);

#endif
