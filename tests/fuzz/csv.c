// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * libFuzzer target: the CSV importer.  Every input is imported as
 * `styr import csv FILE` does, into a copy of the register in
 * tests/fuzz/data.xml: an import that succeeds must leave a register that
 * loads again, one that fails must leave it byte for byte as it was.  The
 * same input is also read with tight limits (tiny fields, few rows), so
 * that the reader's refusals are exercised too.
 */
#include "csv.h"
#include "fuzz.h"

static struct fuzz_import reg;
static char *csv_file;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_import_setup(&reg);
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
	fuzz_capture();
	tight(data, size);
	fuzz_write(csv_file, data, size);
	fuzz_import(&reg, "csv", csv_file);
	fuzz_release();
	return 0;
}
