// SPDX-License-Identifier: GPL-3.0-or-later
/* styr validate: is the register well-formed, valid and consistent? */
#include "commands.h"
#include "reg.h"
#include "trust.h"
#include "util.h"

static int run(void *input)
{
	struct reg r;
	xmlNodePtr n;
	long items = 0;
	int rc;

	(void)input;
	/* Loading is validating: reg_open checks the schema and what it
	 * cannot express, and prints every problem with its line.  The
	 * user asked: check in full even a file styr wrote (trust.h). */
	trust_disable();
	rc = cli_status(reg_open(&r, REG_READ));
	if (!rc) {
		for (n = node_first(r.items); n; n = node_after(n))
			items++;
		printf(ngettext("%s: valid (%ld item)\n",
				"%s: valid (%ld items)\n",
				(unsigned long)items),
		       r.path, items);
	}
	reg_close(&r);
	return rc;
}

const struct cli_command cmd_validate = {
	.one = {.run = run, .hint = N_("name another register with -f FILE")},
	.doc = N_("Check the register: that it is well-formed XML, follows the "
		  "register format, and that its ids are unique and its "
		  "references resolve.  Each problem is printed with the file "
		  "and line number to look at; the exit status is 3 when there "
		  "is any.")};
