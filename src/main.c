// SPDX-License-Identifier: GPL-3.0-or-later
/* styr's entry point: everything else (global options, the command
 * table in cli.c, dispatch) is styr_main, so that tests can drive the
 * whole tool as a function. */
#include "cli.h"

int main(int argc, char **argv)
{
	return styr_main(argc, argv);
}
