/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the libFuzzer targets in tests/fuzz/ share: a scratch directory on
 * tmpfs for the files a target must write (registers, CSV), messages kept
 * in memory instead of printed (so that a refusal costs nothing and a
 * message that must never appear -- "internal error" -- can be caught),
 * and the check that a file holds exactly what it held before.
 *
 * Included by each target only: it defines static functions.
 */
#ifndef STYR_FUZZ_H
#define STYR_FUZZ_H

#include <dirent.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "reg.h"
#include "util.h"
#include "xmlsafe.h"

/* The register the targets read or import into (make passes the path). */
#ifndef FUZZ_DATA
#define FUZZ_DATA "tests/fuzz/data.xml"
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char fuzz_dir[64];
static FILE *real_stderr;
static char *messages;
static size_t messages_len;

/* At exit: the scratch directory and what the targets left in it. */
static void fuzz_cleanup(void)
{
	DIR *d = opendir(fuzz_dir);
	struct dirent *e;
	char path[sizeof fuzz_dir + 256];

	while (d && (e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
			snprintf(path, sizeof path, "%s/%s", fuzz_dir,
				 e->d_name);
			unlink(path);
		}
	if (d)
		closedir(d);
	rmdir(fuzz_dir);
}

/* Once: libxml2 set up as styr_main does it, a scratch directory, and
 * stderr replaced by a memory stream (ASan and libFuzzer write to file
 * descriptor 2 directly, so their reports still show).  FUZZ_VERBOSE=1
 * keeps styr's messages on the terminal. */
static void fuzz_setup(void)
{
	const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";

	snprintf(fuzz_dir, sizeof fuzz_dir, "%s/styr-fuzz.XXXXXX", base);
	if (!mkdtemp(fuzz_dir))
		abort();
	atexit(fuzz_cleanup);
	xmlsafe_init(false);
	real_stderr = stderr;
}

static void fuzz_capture(void)
{
	const char *v = getenv("FUZZ_VERBOSE");

	if (v && *v == '1')
		return;
	free(messages);
	messages = NULL;
	stderr = open_memstream(&messages, &messages_len);
	if (!stderr)
		abort();
}

/*
 * The targets are linked with -Wl,--wrap=error: every error() of styr's
 * modules comes here.  An error whose *format* (never input) says
 * "internal error" is a finding -- input must be refused before a change
 * could break the tree -- so it is counted, and fuzz_release aborts.
 */
static int internal_errors;

int __wrap_error(const char *fmt, ...);
int __wrap_error(const char *fmt, ...)
{
	va_list ap;

	if (strstr(fmt, "internal error"))
		internal_errors++;
	fputs("styr: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return -1;
}

/* Ends a capture; aborts after an internal error (see __wrap_error). */
static void fuzz_release(void)
{
	if (stderr != real_stderr) {
		fclose(stderr);
		stderr = real_stderr;
	}
	if (internal_errors) {
		fprintf(stderr, "styr said:\n%s", messages ? messages : "");
		abort();
	}
}

static inline char *fuzz_path(const char *name)
{
	return xasprintf("%s/%s", fuzz_dir, name);
}

static inline void fuzz_write(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (!f || (len && fwrite(data, 1, len, f) != len) || fclose(f))
		abort();
}

static inline char *fuzz_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0, got;

	if (!f)
		return NULL;
	do {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			buf = xrealloc(buf, cap);
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got);
	fclose(f);
	*len = n;
	return buf;
}

/* Aborts unless PATH holds exactly LEN bytes DATA. */
static inline void fuzz_same(const char *path, const char *data, size_t len,
		      const char *why)
{
	size_t n = 0;
	char *now = fuzz_slurp(path, &n);

	if (!now || n != len || memcmp(now, data, len)) {
		fprintf(stderr, "%s: %s\n", path, why);
		abort();
	}
	free(now);
}

/* The register of STYR_FUZZ_DATA, else FUZZ_DATA: its path. */
static inline const char *fuzz_data(void)
{
	const char *file = getenv("STYR_FUZZ_DATA");

	return file ? file : FUZZ_DATA;
}

/*
 * For the import targets (csv.c, sheet.c): the register an input is
 * imported into (its text) and the scratch file its copy is written to.
 */
struct fuzz_import {
	char *text, *file;
	size_t len;
};

/* Once, from LLVMFuzzerInitialize, in place of fuzz_setup(): sets up as
 * that does and reads the register (fuzz_data()). */
static inline void fuzz_import_setup(struct fuzz_import *im)
{
	fuzz_setup();
	im->text = fuzz_slurp(fuzz_data(), &im->len);
	if (!im->text) {
		fprintf(stderr, "cannot read %s\n", fuzz_data());
		abort();
	}
	im->file = fuzz_path("styr.xml");
}

/*
 * `styr import FORMAT FILE` into a fresh copy of the register: an import
 * that succeeds must leave a register that loads again, one that fails
 * must leave it byte for byte as it was.
 */
static inline void fuzz_import(const struct fuzz_import *im, char *format,
			       char *file)
{
	char *argv[] = {"import", "-q", "-f", im->file, format, file, NULL};
	struct reg r;

	fuzz_write(im->file, im->text, im->len);
	opt.file = NULL;
	opt.quiet = false;
	if (cli_run(&cmd_import, 6, argv) == 0) {
		if (reg_open(&r, REG_READ) != 0) {
			fprintf(stderr, "an import left a register that does "
					"not load\n");
			abort();
		}
		reg_close(&r);
	} else {
		fuzz_same(im->file, im->text, im->len,
			  "a refused import changed the register");
	}
}

#endif
