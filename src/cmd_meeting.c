// SPDX-License-Identifier: GPL-3.0-or-later
/* styr meeting: not written yet (placeholder so that the tree builds). */
#include "commands.h"
#include "util.h"

int cmd_meeting(int argc, char **argv)
{
	(void)argc;
	return error("%s: not implemented yet", argv[0]);
}
