/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Where styr's files are: the register the user names (reg_path), and
 * styr's own data: the compiled translations (a locale directory holding
 * da/LC_MESSAGES/styr.mo) and the built-in templates (a directory holding
 * da/ and en/).  The data is looked for in this order:
 *
 *   1. the environment: STYR_LOCALEDIR, STYR_DATADIR (taken as given);
 *   2. the source tree, when the binary is its ./styr or build/styr
 *      (locale/ and templates/ beside styr.1);
 *   3. beside the running binary, as git's RUNTIME_PREFIX does:
 *      BINDIR/../share/locale and BINDIR/../share/styr/templates, BINDIR
 *      being the directory of /proc/self/exe and the relative paths the
 *      Makefile's (RELATIVE_LOCALEDIR, RELATIVE_DATADIR), so an install
 *      under any PREFIX, or a whole installed tree moved, finds its data;
 *   4. the absolute place the build was configured for (LOCALEDIR,
 *      DATADIR), as a last resort.
 *
 * The strings returned are computed once and live until exit; callers do
 * not free them.
 */
#ifndef STYR_PATHS_H
#define STYR_PATHS_H

#include <stdbool.h>

/* The register's path: -f, else $STYR_FILE, else "styr.xml". */
const char *reg_path(void);

/* The directory to bind the "styr" text domain to. */
const char *locale_dir(void);
/* The directory of the built-in templates (DIR/da/NAME, DIR/en/NAME). */
const char *data_dir(void);

/* The user's own template NAME: the first FIND(D, NAME) that is not NULL
 * (a malloc'd path), D being DIR (when not NULL), then each directory of
 * $STYR_TEMPLATES (colon-separated); NULL when none has it. */
char *paths_own_template(const char *dir, const char *name,
			 char *(*find)(const char *d, const char *name));

/* Whether data_dir() holds templates at all. */
bool paths_have_templates(void);
/* Says, once per run, that the built-in templates are missing: where styr
 * looked and what to do. */
void paths_no_templates(void);

/* After setlocale() and bindtextdomain(): warns, once, when the locale asks
 * for a language styr ships and its translation is not where styr looked. */
void paths_check_translation(void);

#endif
