// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Option errors in styr's own words.  argp leaves a word it cannot take
 * to getopt, whose messages come from libc ("unrecognized option",
 * "option requires an argument"): English, or half-translated under a
 * Danish locale, and naming the binary by its path.  So before argp runs,
 * the words are read the way getopt will read them (the same options, the
 * same abbreviations of long ones, the same values taken from the next
 * word), and a word getopt would refuse is refused here first.  What
 * passes here passes getopt.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_int.h"
#include "util.h"

/* One option as getopt sees it. */
struct opt {
	const char *name; /* long name or NULL */
	int key;          /* short letter when printable ASCII, else 0 */
	const char *arg;  /* the value's name, or NULL: takes none */
	bool optional;    /* the value may be left out */
	int id;           /* argp's key (an alias's is its option's) */
	const void *from; /* whose option: two argps' are two options */
};

struct opts {
	struct opt *v;
	size_t n, cap;
};

static bool is_short(int key)
{
	return key > 0 && key < 128 && isprint(key);
}

static void push(struct opts *o, const char *name, int id, const char *arg,
		 bool optional, const void *from)
{
	o->v = xgrow(o->v, o->n, &o->cap, 32, sizeof *o->v);
	o->v[o->n++] = (struct opt){name, is_short(id) ? id : 0, arg,
				    optional, id, from};
}

/* ARGP's options and its children's, as argp hands them to getopt. */
static void collect(struct opts *o, const struct argp *argp)
{
	const struct argp_option *a;
	const struct argp_child *c;
	const char *arg = NULL;
	bool optional = false;
	int real = 0;

	if (!argp)
		return;
	for (a = argp->options;
	     a && (a->name || a->key || a->doc || a->group); a++) {
		if (a->flags & OPTION_DOC)
			continue;
		if (!(a->flags & OPTION_ALIAS)) {
			arg = a->arg;
			optional = a->flags & OPTION_ARG_OPTIONAL;
			real = a->key;
		}
		if (a->name || is_short(a->key))
			push(o, a->name, a->key ? a->key : real, arg, optional,
			     argp);
	}
	for (c = argp->children; c && c->argp; c++)
		collect(o, c->argp);
}

/* The edit distance of two short ASCII words (option names). */
static size_t distance(const char *a, size_t na, const char *b)
{
	size_t nb = strlen(b);

	if (na >= 63 || nb >= 63)
		return (size_t)-1;
	return edit_distance(a, na, b, nb, 1);
}

static void __attribute__((noreturn, format(printf, 2, 3)))
refuse(const char *name, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_vusage(name, fmt, ap);
	va_end(ap);
	exit(EXIT_USAGE);
}

/* An unknown long option WORD (N bytes of name after "--"): the nearest
 * known name, when one is near, is offered. */
static void __attribute__((noreturn))
unknown_long(const struct opts *o, const char *name, const char *word,
	     size_t n)
{
	const char *best = NULL;
	size_t i, d, most = n < 5 ? 1 : 2;

	for (i = 0; i < o->n; i++)
		if (o->v[i].name &&
		    (d = distance(word, n, o->v[i].name)) <= most) {
			most = d;
			best = o->v[i].name;
		}
	if (best)
		refuse(name, _("unknown option '--%.*s' (did you mean --%s?)"),
		       (int)n, word, best);
	refuse(name, _("unknown option '--%.*s'"), (int)n, word);
}

/* The long option WORD (after "--", up to '=' or its end, N bytes) names,
 * by its whole name or, as getopt allows, a beginning of one name only. */
static const struct opt *find_long(const struct opts *o, const char *name,
				   const char *word, size_t n)
{
	const struct opt *found = NULL;
	struct strbuf which = {0};
	size_t i, many = 0;

	for (i = 0; i < o->n; i++)
		if (o->v[i].name && strlen(o->v[i].name) == n &&
		    !strncmp(o->v[i].name, word, n))
			return &o->v[i];
	for (i = 0; i < o->n; i++) {
		const struct opt *p = &o->v[i];
		if (!p->name || strncmp(p->name, word, n))
			continue;
		if (found && (found->id != p->id || found->from != p->from ||
			      !found->arg != !p->arg))
			many++;
		if (!found)
			found = p;
		if (which.len)
			sb_puts(&which, ", ");
		sb_printf(&which, "--%s", p->name);
	}
	if (!found)
		unknown_long(o, name, word, n);
	if (many)
		refuse(name, _("option '--%.*s' is ambiguous: it could be %s"),
		       (int)n, word, which.buf);
	sb_free(&which);
	return found;
}

static const struct opt *find_short(const struct opts *o, int key)
{
	size_t i;

	for (i = 0; i < o->n; i++)
		if (o->v[i].key == key)
			return &o->v[i];
	return NULL;
}

/* The value's name as --help shows it ("FILE"). */
static const char *arg_name(const struct opt *p)
{
	return p->arg ? _(p->arg) : "";
}

void cli_check_options(const struct argp *argp, unsigned flags, int argc,
		       char **argv, const char *name)
{
	struct opts o = {0};
	int i;

	collect(&o, argp);
	/* argp's own, which it adds beside every parser (argp-parse.c). */
	if (!(flags & ARGP_NO_HELP)) {
		static const char help_argp, version_argp;
		push(&o, "help", '?', NULL, false, &help_argp);
		push(&o, "usage", -3, NULL, false, &help_argp);
		push(&o, "program-name", -2, "NAME", false, &help_argp);
		push(&o, "HANG", -4, "SECS", true, &help_argp);
		if (argp_program_version || argp_program_version_hook)
			push(&o, "version", 'V', NULL, false, &version_argp);
	}
	for (i = 1; i < argc; i++) {
		const char *w = argv[i];

		if (!strcmp(w, "--"))
			break;
		if (w[0] != '-' || !w[1]) {
			/* A word: in order, the options end here (the
			 * command's or subcommand's name); else getopt reads
			 * on past it. */
			if (flags & ARGP_IN_ORDER)
				break;
			continue;
		}
		if (w[1] == '-') {
			const char *word = w + 2;
			size_t n = strcspn(word, "=");
			const struct opt *p = find_long(&o, name, word, n);

			if (word[n] == '=' && !p->arg)
				refuse(name, _("option '--%s' takes no value"),
				       p->name);
			if (word[n] != '=' && p->arg && !p->optional) {
				if (i + 1 >= argc)
					refuse(name,
					       _("option '--%s' needs a value: "
						 "--%s %s"),
					       p->name, p->name, arg_name(p));
				i++;
			}
			continue;
		}
		for (w++; *w; w++) {
			const struct opt *p = find_short(&o, (unsigned char)*w);

			if (!p) {
				if (isprint((unsigned char)*w))
					refuse(name, _("unknown option '-%c'"),
					       *w);
				refuse(name, _("unknown option '%s'"), argv[i]);
			}
			if (!p->arg)
				continue;
			/* The rest of the word is the value, else the next
			 * word (an optional value only when attached). */
			if (!w[1] && !p->optional) {
				if (i + 1 >= argc)
					refuse(name,
					       _("option '-%c' needs a value: "
						 "-%c %s"),
					       *w, *w, arg_name(p));
				i++;
			}
			break;
		}
	}
	free(o.v);
}
