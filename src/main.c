// SPDX-License-Identifier: GPL-3.0-or-later
/* styr's entry point: global options, the command table and dispatch. */
#include "cli.h"

int main(int argc, char **argv)
{
	return styr_main(argc, argv);
}
