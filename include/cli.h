/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What every command file shares: its entry point's shape, the global
 * options as an argp child, option parsing with "styr CMD" in --help, and
 * the output formats.
 */
#ifndef STYR_CLI_H
#define STYR_CLI_H

#include <argp.h>
#include <stdio.h>

/* A command: parses its own options from ARGV (ARGV[0] is its name) and
 * returns an exit status. */
typedef int command_fn(int argc, char **argv);

/* Entry point of the whole tool (main() only calls this). */
int styr_main(int argc, char **argv);

/* -f, --by, -q: accepted before and after the command's name. */
extern const struct argp common_argp;
/* Children list for a command's argp: just common_argp. */
extern const struct argp_child common_children[];

/* Runs argp_parse for command NAME with ARGV[0] shown as "styr NAME".
 * Unknown options or missing arguments exit with EXIT_USAGE (argp). */
void cli_parse(const struct argp *argp, int argc, char **argv, void *input);

/* Prints a usage error for the current command and returns EXIT_USAGE. */
int cli_usage(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

enum format { FMT_TEXT, FMT_TABLE, FMT_CSV, FMT_TSV, FMT_JSON };
/* Parses --format; ALLOWED is a mask of 1 << FMT_*.  -1 on error. */
int cli_format(const char *s, unsigned allowed, enum format *out);

/* Checks that stdout was written completely; returns an exit status. */
int cli_finish_stdout(int status);

/* locale_dir() and data_dir() live in paths.h now; included here so that
 * code written against cli.h for them still builds. */
#include "paths.h"

#endif
