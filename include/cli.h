/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What every command file shares: its entry point's shape, the global
 * options as an argp child, option parsing with "styr CMD" in --help, and
 * the output formats.
 */
#ifndef STYR_CLI_H
#define STYR_CLI_H

#include <argp.h>
#include <stddef.h>
#include <stdio.h>

#include "table.h"

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
 * Most options only keep their value: OPTS declares each with where it
 * goes (offsetof into the command's own INPUT), and WORDS_AT where the
 * positional words go, so a command writes a PARSE_OPT only to check
 * something.  PARSE_OPT sees every key after it is stored (and
 * ARGP_KEY_INIT/END for checks between options) with state->input the
 * command's INPUT.  Words neither stored nor taken by PARSE_OPT are
 * handed to RUN.  Use designated initialisers; unset fields are NULL or 0.
 */
#define CLI_MANY -1 /* max: no limit */

/* ACTION is the subcommand's own number from its table entry, so that
 * subcommands that share their work can share one RUN. */
typedef int cli_run_fn(int action, void *input, int argc, char **argv);

/* An option that keeps its value in the command's input: with an ARG, the
 * const char * at AT is set to it; without, the bool at AT becomes true. */
struct cli_option {
	const char *name;
	int key;
	const char *arg; /* e.g. N_("FILE"), or NULL for a flag */
	size_t at;       /* offsetof(struct args, FIELD) */
	const char *doc;
};

struct cli_sub {
	const char *name;     /* the subcommand's word; NULL: none given */
	cli_run_fn *run;      /* called with the positional words */
	int action;           /* passed to RUN */
	int min, max;         /* how many positional words */
	const char *args_doc; /* e.g. N_("ID NAME") */
	const char *needs;    /* e.g. N_("the new area's id and name") */
	const char *hint;     /* after an unexpected argument, or NULL */
	const struct cli_option *opts;     /* stored options, ended by {0} */
	const size_t *words_at; /* where each of the MAX words goes (not
				 * with CLI_MANY), or NULL */
	const struct argp_option *options; /* after OPTS; PARSE_OPT keeps */
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

/* What a command that prints a table offers. */
#define FMT_TABLES                                                             \
	(1u << FMT_TABLE | 1u << FMT_CSV | 1u << FMT_TSV | 1u << FMT_JSON)
/* Parses --format; ALLOWED is a mask of 1 << FMT_*.  S NULL (not given)
 * leaves *OUT as it is.  An unknown value is a usage error: it prints
 * the error and exits with EXIT_USAGE. */
int cli_format(const char *s, unsigned allowed, enum format *out);

/*
 * A command's work on the register, opened and closed around FN(R, CTX):
 * cli_read opens it for reading and returns what FN returns, an exit
 * status; cli_change opens it for writing, and FN returns -1 when it
 * refused (and said why), 1 when there is nothing to change and 0 when
 * it changed R, which is then saved.  Both return an exit status.
 */
struct reg;
typedef int cli_reg_fn(struct reg *r, void *ctx);
int cli_read(cli_reg_fn *fn, void *ctx);
int cli_change(cli_reg_fn *fn, void *ctx);

/* Checks that stdout was written completely; returns an exit status. */
int cli_finish_stdout(int status);

/* The exit status for what a module returned: EXIT_OK for 0,
 * EXIT_UNREADABLE for REG_UNREADABLE (reg.h: a register that is missing,
 * unreadable or invalid), EXIT_REFUSED for -1.  Modules print the error;
 * only commands choose exit statuses, through this. */
int cli_status(int rc);

#endif
