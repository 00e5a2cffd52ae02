/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What every command file shares: its declaration (struct cli_command),
 * the global options as an argp child, option parsing with "styr CMD" in
 * --help, and the output formats.
 */
#ifndef STYR_CLI_H
#define STYR_CLI_H

#include <argp.h>
#include <stddef.h>
#include <stdio.h>

#include "table.h"

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
 * something.  Or ARGV_AT names two fields, a char ** that gets all the
 * words (those PARSE_OPT did not take) and an int that gets how many,
 * as CLI_MANY wants.  CHECK says when options do not go together.
 * PARSE_OPT, for what the rest cannot say, sees every key after it is
 * stored (and ARGP_KEY_INIT/END) with state->input the command's INPUT.
 * Use designated initialisers; unset fields are NULL or 0.
 */
#define CLI_MANY -1 /* max: no limit */

/* A subcommand's work on the command's INPUT, where its options and
 * words are stored; returns an exit status. */
typedef int cli_run_fn(void *input);
/* Work on the register (cli_read, cli_change below). */
struct reg;
typedef int cli_reg_fn(struct reg *r, void *ctx);
/* Work that subcommands share: ACTION is the subcommand's own number
 * from its table entry. */
typedef int cli_shared_fn(int action, void *input);

/* Checks, once all the words and options are read, that they go
 * together; when not, says so with argp_error(STATE, ...). */
typedef void cli_check_fn(const void *input, struct argp_state *state);

/* An option that keeps its value in the command's input: with an ARG, the
 * const char * at AT is set to it; without, the bool at AT becomes true
 * (but see cli_sub's FORMATS). */
struct cli_option {
	const char *name;
	int key;
	const char *arg; /* e.g. N_("FILE"), or NULL for a flag */
	size_t at;       /* offsetof(struct args, FIELD) */
	const char *doc;
};

struct cli_sub {
	const char *name;     /* the subcommand's word; NULL: none given */
	cli_run_fn *run;      /* its work; or, for shared work: */
	cli_shared_fn *shared;
	int action;           /* passed to SHARED */
	cli_reg_fn *read;     /* or: cli_read(READ, input) */
	/* A mask of 1 << FMT_*: the --format in OPTS keeps an enum format,
	 * the first of them unless cli_format makes another of the value
	 * once all the words are read. */
	unsigned formats;
	int min, max;         /* how many positional words */
	const char *args_doc; /* e.g. N_("ID NAME") */
	const char *needs;    /* e.g. N_("the new area's id and name") */
	const char *hint;     /* after an unexpected argument, or NULL; a
			       * format, given the argument ("-o %s") */
	const struct cli_option *opts;     /* stored options, ended by {0} */
	const size_t *words_at; /* where each of the MAX words goes */
	const size_t *argv_at;  /* or where all go: char **, int */
	const struct argp_option *options; /* after OPTS; PARSE_OPT keeps */
	argp_parser_t parse_opt;
	cli_check_fn *check;
	const struct argp_child *children; /* NULL: common_children */
	const size_t *child_input_at; /* where CHILDREN[0]'s input is */
	const char *doc;
};

/*
 * A command, declared by each src/cmd_NAME.c as `cmd_NAME` and named in
 * cli.c's command table.  cli.c allocates its INPUT zeroed, parses ARGV
 * into it by SUBS, or by ONE for a command without subcommands, and runs
 * the work.  DOC is its --help text (with SUBS, the text above their
 * list).
 */
struct cli_command {
	const char *doc;
	const struct cli_sub *subs; /* ended by {0} */
	struct cli_sub one;         /* without SUBS: the command's own form */
	size_t input_size;          /* sizeof(struct args), or 0 */
	/* Or a command whose table is made when it runs (stamp.h): MAIN
	 * is called with DATA and the whole ARGV instead. */
	int (*main)(const void *data, int argc, char **argv);
	const void *data;
};

/* Runs CMD over ARGV (ARGV[0] is its name) with its own zeroed input;
 * returns its exit status.  styr_main runs the command it is given so;
 * the fuzz targets run one directly. */
int cli_run(const struct cli_command *cmd, int argc, char **argv);

/* Finds the subcommand in ARGV (ARGV[0] is the command's name) among
 * SUBS (ended by {0}; an entry without a name runs when no subcommand
 * is given), parses its options and arguments into INPUT and returns
 * what its work returns.  DOC is the command's --help text.  Usage
 * errors exit with EXIT_USAGE (argp). */
int cli_dispatch(const struct cli_sub *subs, const char *doc, int argc,
		 char **argv, void *input);

/* Option rows commands share word for word; TYPE's FIELD keeps the
 * value (TYPE is the command's struct args). */
#define CLI_WHY_CORRECTED(type, field)                                         \
	{"why", 'w', N_("TEXT"), offsetof(type, field),                        \
	 N_("why it is corrected, for the record")}
#define CLI_WHY_CLEARED(type, field)                                           \
	{"why", 'w', N_("TEXT"), offsetof(type, field),                        \
	 N_("why it is cleared, for the record")}
#define CLI_FORMAT_TABLES(type, field)                                         \
	{"format", 'F', N_("FORMAT"), offsetof(type, field),                   \
	 N_("table (default), csv, tsv or json")}

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
