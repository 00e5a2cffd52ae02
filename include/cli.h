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

/*
 * A command, or one subcommand of it, declared once: its positional
 * arguments (how many, and what they are in words), its own options and
 * its help.  The counting and the wording of every usage error live in
 * cli.c, so that all commands say the same thing the same way:
 *
 *   'add' needs the new area's id and name           (fewer than MIN)
 *   unexpected argument 'x'; put a name in quotes    (more than MAX)
 *   unknown subcommand 'x' (use add or list)
 *
 * PARSE_OPT sees the keys of OPTIONS (and ARGP_KEY_INIT/END for checks
 * between options) with state->input the command's own INPUT.  If it
 * does not take ARGP_KEY_ARG, the words are collected and handed to RUN.
 * Use designated initialisers; unset fields are NULL or 0.
 */
#define CLI_MANY -1 /* max: no limit */

typedef int cli_run_fn(void *input, int argc, char **argv);

struct cli_sub {
	const char *name;     /* the subcommand's word; NULL: none given */
	cli_run_fn *run;      /* called with the positional words */
	int min, max;         /* how many positional words */
	const char *args_doc; /* e.g. N_("ID NAME") */
	const char *needs;    /* e.g. N_("the new area's id and name") */
	const char *hint;     /* after an unexpected argument, or NULL */
	const struct argp_option *options; /* its own, or NULL */
	argp_parser_t parse_opt;
	const struct argp_child *children; /* NULL: common_children */
	const char *doc;
};

/* Parses a command without subcommands: ARGV[0] is its name, shown as
 * "styr NAME".  Usage errors exit with EXIT_USAGE (argp); RUN is not
 * called (the caller goes on). */
void cli_parse(const struct cli_sub *cmd, int argc, char **argv,
	       void *input);

/* Finds the subcommand in ARGV (ARGV[0] is the command's name) among
 * SUBS (ended by an entry without RUN; an entry without a name runs when
 * no subcommand is given), parses its options and arguments and returns
 * what its RUN returns.  DOC is the command's --help text, which lists
 * the subcommands. */
int cli_dispatch(const struct cli_sub *subs, const char *doc, int argc,
		 char **argv, void *input);

/* Prints a usage error for the current command and returns EXIT_USAGE. */
int cli_usage(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

enum format { FMT_TEXT, FMT_TABLE, FMT_CSV, FMT_TSV, FMT_JSON };
/* Parses --format; ALLOWED is a mask of 1 << FMT_*.  -1 on error. */
int cli_format(const char *s, unsigned allowed, enum format *out);

/* Checks that stdout was written completely; returns an exit status. */
int cli_finish_stdout(int status);

/* The exit status for what a module returned: EXIT_OK for 0,
 * EXIT_UNREADABLE for REG_UNREADABLE (reg.h: a register that is missing,
 * unreadable or invalid), EXIT_REFUSED for -1.  Modules print the error;
 * only commands choose exit statuses, through this. */
int cli_status(int rc);

/* locale_dir() and data_dir() live in paths.h now; included here so that
 * code written against cli.h for them still builds. */
#include "paths.h"

#endif
