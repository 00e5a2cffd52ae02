// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * libFuzzer target: the CSV importer.  Every input is imported as
 * `styr import csv FILE` does, into a copy of the register in
 * tests/fuzz/data.xml: an import that succeeds must leave a register that
 * loads again, one that fails must leave it byte for byte as it was.  The
 * same input is also read with tight limits (tiny fields, few rows), so
 * that the reader's refusals are exercised too.
 */
#include "commands.h"
#include "csv.h"
#include "fuzz.h"
#include "reg.h"

#ifndef FUZZ_DATA
#define FUZZ_DATA "tests/fuzz/data.xml"
#endif

static char *reg_text, *reg_file, *csv_file;
static size_t reg_len;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *file = getenv("STYR_FUZZ_DATA");

	(void)argc;
	(void)argv;
	fuzz_setup();
	reg_text = fuzz_slurp(file ? file : FUZZ_DATA, &reg_len);
	if (!reg_text) {
		fprintf(stderr, "cannot read %s\n", file ? file : FUZZ_DATA);
		abort();
	}
	reg_file = fuzz_path("styr.xml");
	csv_file = fuzz_path("items.csv");
	return 0;
}

static int count_fields(const struct csv_record *rec, void *ctx)
{
	size_t i, *total = ctx;

	for (i = 0; i < rec->n; i++)
		*total += strlen(rec->field[i]);
	return 0;
}

static void tight(const uint8_t *data, size_t size)
{
	static const struct csv_limits lim = {16, 3, false};
	FILE *f = fmemopen((void *)data, size, "rb");
	size_t total = 0;

	if (!size || !f) {
		if (f)
			fclose(f);
		return;
	}
	csv_read(f, "tight.csv", &lim, count_fields, &total);
	fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[] = {"import", "-q", "-f", reg_file, "csv", csv_file, NULL};
	struct reg r;
	int rc;

	fuzz_capture();
	tight(data, size);
	fuzz_write(reg_file, reg_text, reg_len);
	fuzz_write(csv_file, data, size);
	opt.file = NULL;
	opt.quiet = false;
	rc = cmd_import(6, argv);
	if (rc == 0) {
		if (reg_open(&r, REG_READ) != 0) {
			fprintf(stderr, "an import left a register that does "
					"not load\n");
			abort();
		}
		reg_close(&r);
	} else {
		fuzz_same(reg_file, reg_text, reg_len,
			  "a refused import changed the register");
	}
	fuzz_release();
	return 0;
}
