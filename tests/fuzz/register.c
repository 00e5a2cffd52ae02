// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * libFuzzer target: the register loader.  Every input is parsed and
 * checked as `styr` checks a register it opens (safe parser, schema,
 * consistency).  One that passes is then viewed as `export json` and a
 * handout see it, and changed and saved as `styr add` does; the saved file
 * must load again, and a save that fails must leave the file as it was.
 */
#include "fuzz.h"
#include "handout_data.h"
#include "reg.h"
#include "value.h"
#include "view.h"

static FILE *devnull;
static char *path;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup();
	devnull = fopen("/dev/null", "w");
	path = fuzz_path("styr.xml");
	opt.file = path;
	opt.quiet = true;
	return 0;
}

static void view(struct reg *r)
{
	struct arena *a = arena_new();
	struct view_opts o = {0};

	val_write_json(devnull, view_register(a, r, &o));
	handout_data(a, r, "en", NULL);
	arena_free(a);
}

/* What `styr add doc TITLE` does, on the file. */
static void add_and_save(const uint8_t *data, size_t size)
{
	struct reg r;
	xmlNodePtr item;

	fuzz_write(path, data, size);
	if (reg_open(&r, REG_WRITE) != 0) {
		reg_close(&r);
		return;
	}
	item = reg_new_item(&r, "doc", "Fuzzed item");
	reg_log(&r, "add", node_attr(item, "id"), "added %s",
		node_attr(item, "id"));
	if (reg_save(&r) != 0) {
		reg_close(&r);
		fuzz_same(path, (const char *)data, size,
			  "a failed save changed the register");
		return;
	}
	reg_close(&r);
	if (reg_open(&r, REG_READ) != 0) {
		fprintf(stderr, "a saved register does not load again\n");
		abort();
	}
	reg_close(&r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct reg r;
	int valid;

	fuzz_capture();
	memset(&r, 0, sizeof r);
	r.lock.fd = -1;
	r.path = xstrdup("fuzz.xml");
	r.doc = xmlsafe_read_memory((const char *)data, size, "fuzz.xml", 0);
	valid = r.doc && reg_verify(&r, "fuzz.xml") == 0;
	if (valid)
		view(&r);
	reg_close(&r);
	if (valid)
		add_and_save(data, size);
	fuzz_release();
	return 0;
}
