/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli.c's own: checking the options before argp sees them (cli_opts.c).
 * Only cli.c and cli_opts.c include this.
 */
#ifndef STYR_CLI_INT_H
#define STYR_CLI_INT_H

#include <argp.h>
#include <stdarg.h>

/*
 * A usage error as every command says it: "NAME: message" and the way
 * to NAME's --help, on stderr after stdout is flushed (cli_usage with
 * NAME "styr CMD", and the option errors below).
 */
void __attribute__((format(printf, 2, 0)))
cli_vusage(const char *name, const char *fmt, va_list ap);

/*
 * Reads ARGV as argp's getopt will for ARGP (its options, its children's
 * and argp's own --help, --usage, --version) with argp FLAGS, and when a
 * word is an unknown option, lacks its value or has one it must not,
 * says so in styr's words, in the user's language, as "NAME: ..." with
 * the way to NAME's --help, and exits with EXIT_USAGE.  getopt's own
 * messages are libc's, in English or half-translated, and name the
 * binary's path (SPEC section 7: Danish words everywhere).
 */
void cli_check_options(const struct argp *argp, unsigned flags, int argc,
		       char **argv, const char *name);

#endif
