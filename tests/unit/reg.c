// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Unit tests of the register module (src/reg.c): what reg_save checks
 * before it writes.  The check looks at the items a writer reached and the
 * log entries it added; these tests break such an item behind the
 * commands' backs and make sure nothing is written, and that a save after
 * a change elsewhere still works.  Prints TAP.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "item.h"
#include "reg.h"
#include "util.h"
#include "xmlsafe.h"
#include "tap.h"

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = xmalloc((size_t)n + 1);
	buf[fread(buf, 1, (size_t)n, f)] = '\0';
	fclose(f);
	return buf;
}

/* A fresh register with two items, made the way init and add make it. */
static void make_register(void)
{
	struct reg r;
	xmlDocPtr model = xmlsafe_read_memory((const char *)model_xml,
					      model_xml_len, "model", 0);

	unlink("styr.xml");
	reg_create(&r, model, "Odder Kommune", NULL);
	reg_new_item(&r, "doc", "Første krav");
	reg_new_item(&r, "rule", "Anden regel");
	reg_log(&r, "add", NULL, "two items");
	if (reg_save(&r))
		abort();
	reg_close(&r);
}

/* Saves R, which the caller broke as WHAT says, and closes it: the save
 * must be refused and the file on disk still read BEFORE. */
static void refused(struct reg *r, const char *before, const char *what)
{
	int rc = reg_save(r);
	char *after;

	reg_close(r);
	after = slurp("styr.xml");
	ok(rc != 0, "%s is refused", what);
	ok(after && !strcmp(before, after), "and the file is unchanged");
	free(after);
}

int main(void)
{
	char dir[] = "/tmp/styr-unit-reg.XXXXXX";
	struct reg r;
	char *before, *after;
	xmlNodePtr item;
	int rc;

	if (!mkdtemp(dir) || chdir(dir))
		return 1;
	xmlsafe_init(false);
	opt.quiet = true;
	make_register();
	before = slurp("styr.xml");

	/* An item reached through reg_item and broken is caught. */
	reg_open(&r, REG_WRITE);
	item = reg_item(&r, "D1");
	node_set_attr(item, "kind", "widget");
	fprintf(stderr, "# expected errors follow\n");
	refused(&r, before, "a touched item that breaks the schema");

	/* A broken log entry is caught too. */
	reg_open(&r, REG_WRITE);
	node_set_attr(reg_log(&r, "add", NULL, "x"), "when", "yesterday");
	refused(&r, before, "a new log entry that breaks the schema");

	/* A broken reference across the tree (checked in full). */
	reg_open(&r, REG_WRITE);
	item = reg_new_item(&r, "goal", "Mål");
	node_set_attr(item, "area", "NOWHERE");
	refused(&r, before, "an item naming an unknown area");

	/* A broken section outside the items is always checked whole. */
	reg_open(&r, REG_WRITE);
	node_set_attr(r.people, "next", "zero");
	refused(&r, before, "a broken counter on <people>");

	/* And a good change goes through, keeping the other items. */
	reg_open(&r, REG_WRITE);
	item = reg_item(&r, "R1");
	item_set_text(&r, item, "description", "Ny beskrivelse");
	reg_log(&r, "edit", "R1", "description");
	rc = reg_save(&r);
	reg_close(&r);
	after = slurp("styr.xml");
	ok(rc == 0, "a valid change is saved");
	ok(after && strstr(after, "<description>Ny beskrivelse</description>") &&
		   strstr(after, "Første krav"),
	   "with the change and the untouched item");
	free(after);
	ok(reg_open(&r, REG_READ) == 0, "and the result loads and validates");
	reg_close(&r);

	free(before);
	unlink("styr.xml");
	rmdir(dir);
	xmlsafe_cleanup();
	return tap_done();
}
