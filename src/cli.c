// SPDX-License-Identifier: GPL-3.0-or-later
/* Global options, the command table, dispatch and shared CLI helpers. */
#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "cli_int.h"
#include "commands.h"
#include "paths.h"
#include "reg.h"
#include "util.h"
#include "vocab.h"
#include "xmlsafe.h"

#ifndef VERSION
#define VERSION "0.1"
#endif

const char *argp_program_version = "styr " VERSION;
const char *argp_program_bug_address = NULL;

static const struct command {
	const char *name;
	const struct cli_command *cmd;
	const char *doc;
} commands[] = {
	{"init", &cmd_init, N_("start a register with the six-phase model")},
	{"add", &cmd_add, N_("add a goal, rule or documentation demand")},
	{"edit", &cmd_edit, N_("change an item's fields or its kind")},
	{"delete", &cmd_delete, N_("delete an item (the log keeps it)")},
	{"show", &cmd_show, N_("show one item with all it holds")},
	{"list", &cmd_list, N_("list and filter items")},
	{"note", &cmd_note, N_("record a quote or observation on an item")},
	{"rate", &cmd_rate, N_("record a respondent's experience of an item")},
	{"burden", &cmd_burden, N_("estimate the hours (and kroner) an item costs a year")},
	{"area", &cmd_area, N_("add, list, rename or remove review areas")},
	{"person", &cmd_person, N_("add, list and correct the people and their roles")},
	{"vote", &cmd_vote, N_("cast a workshop vote: remove, change, anchor")},
	{"tally", &cmd_tally, N_("count the votes per item")},
	{"round", &cmd_round, N_("open, close and reveal a voting round")},
	{"serve", &cmd_serve, N_("the workshop and the status in the browser")},
	{"prioritise", &cmd_prioritise, N_("record the workshop's proposal")},
	{"prioritize", &cmd_prioritise, NULL},
	{"decide", &cmd_decide, N_("record the steering group's decision")},
	{"solution", &cmd_solution,
	 N_("track a selected item's solution and evaluation criteria")},
	{"phase", &cmd_phase, N_("show, start, complete, reopen or check phases")},
	{"milestone", &cmd_milestone, N_("list or tick off milestones")},
	{"meeting", &cmd_meeting, N_("plan meetings and record who took part")},
	{"model", &cmd_model, N_("show the register's phase model or print the default")},
	{"handout", &cmd_handout, N_("print a handout from a template: ODT, PDF or HTML (status)")},
	{"templates", &cmd_templates, N_("list the handout templates")},
	{"export", &cmd_export, N_("write the register as CSV, JSON, XLSX, ODS or survey questions")},
	{"import", &cmd_import, N_("add items (CSV, XLSX, ODS), a register (JSON) or survey answers")},
	{"summary", &cmd_summary, N_("counts, burden and where the process stands")},
	{"validate", &cmd_validate, N_("check the register against its format")},
	{"log", &cmd_log, N_("show the change log")},
	{"copy", &cmd_copy, N_("copy the register for work in the field")},
	{"merge", &cmd_merge, N_("merge a field copy back, or registers that grew from one")},
	{"git", &cmd_git, N_("keep the register in git: merges and diffs by meaning")},
	{"conflicts", &cmd_conflicts,
	 N_("list and resolve the conflicts of a merge")},
};

/*
 * The commands are English words (SPEC section 1: the keywords have Danish
 * aliases, the commands do not).  A Danish word for one is answered with
 * the command, compared as keywords are (vocab.h: any case, NFC or NFD,
 * æ, ø, å or ae, oe, aa).  The key is the command; no labels.
 */
static const struct word danish_commands[] = {
	{"add", "tilføj tilfoej", "", ""},
	{"edit", "ret rediger", "", ""},
	{"delete", "slet", "", ""},
	{"show", "vis", "", ""},
	{"list", "liste vis-alle", "", ""},
	{"note", "noter notat", "", ""},
	{"rate", "vurder", "", ""},
	{"burden", "byrde tidsforbrug", "", ""},
	{"vote", "stem afstem", "", ""},
	{"tally", "optæl optael", "", ""},
	{"prioritise", "prioriter", "", ""},
	{"decide", "beslut", "", ""},
	{"solution", "løsning loesning", "", ""},
	{"phase", "fase", "", ""},
	{"milestone", "milepæl milepael", "", ""},
	{"meeting", "møde moede", "", ""},
	{"area", "område omraade", "", ""},
	{"export", "eksporter eksportér", "", ""},
	{"import", "importer importér", "", ""},
	{"handout", "uddeling materiale", "", ""},
	{"templates", "skabeloner", "", ""},
	{"copy", "kopi kopier", "", ""},
	{"merge", "flet", "", ""},
	{"conflicts", "konflikter", "", ""},
	{"log", "historik", "", ""},
	{"summary", "opsummering overblik", "", ""},
	{"init", "start opret", "", ""},
	{"validate", "tjek valider", "", ""},
	{"serve", "server vis-workshop", "", ""},
	{NULL, NULL, NULL, NULL}};
static const struct vocab vocab_command = {"command", danish_commands};

/* Is A the word B with two neighbouring letters swapped ("lsit")? */
static bool swapped(const char *a, const char *b)
{
	size_t i = 0;

	while (a[i] && a[i] == b[i])
		i++;
	return a[i] && a[i + 1] && a[i] == b[i + 1] && a[i + 1] == b[i] &&
	       !strcmp(a + i + 2, b + i + 2);
}

/* The command NAME may have meant: a Danish word for one (*DANISH set),
 * else the English command nearest to it (a swap of two letters counts
 * as one); NULL when none is near. */
static const char *command_meant(const char *name, bool *danish)
{
	const char *best = NULL;
	size_t i, d, n = strlen(name), most = n < 4 ? 2 : 3;
	int w = vocab_find(&vocab_command, name);

	/* "ADD" is the command in capitals, not a Danish word. */
	*danish = w >= 0 && strcasecmp(name, danish_commands[w].key);
	if (w >= 0)
		return danish_commands[w].key;
	for (i = 0; n < 63 && i < sizeof commands / sizeof *commands; i++) {
		const char *c = commands[i].name;

		d = swapped(name, c) ? 1
				     : edit_distance(name, n, c, strlen(c), 1);
		if (commands[i].doc && d < most) {
			most = d;
			best = c;
		}
	}
	return best;
}

/*
 * glibc's argp looks up its own words in the program's text domain, not in
 * libc's, so they are listed here for xgettext and translated in po/.
 */
static const char *const argp_words[] __attribute__((unused)) = {
	N_("Usage:"),
	N_("  or: "),
	N_(" [OPTION...]"),
	N_("Give this help list"),
	N_("Give a short usage message"),
	N_("Print program version"),
	N_("Mandatory or optional arguments to long options are also "
	   "mandatory or optional for any corresponding short options."),
	N_("Try `%s --help' or `%s --usage' for more information.\n"),
	N_("Report bugs to %s.\n"),
	N_("%s: Too many arguments\n"),
};

/* --- global options --- */

static const struct argp_option common_options[] = {
	{"file", 'f', N_("FILE"), 0,
	 N_("the register (default: $STYR_FILE, else styr.xml)"), -1},
	{"by", 'b', N_("NAME"), 0,
	 N_("who makes the change (default: $STYR_USER, else your login)"),
	 -1},
	{"quiet", 'q', NULL, 0, N_("print only errors and requested output"),
	 -1},
	{0}};

static error_t parse_common(int key, char *arg, struct argp_state *state)
{
	switch (key) {
	case 'f':
		opt.file = arg;
		break;
	case 'b':
		/* The name goes into the register: refuse what XML cannot
		 * hold before anything is read or written. */
		if (check_text("--by", arg) < 0)
			argp_failure(state, EXIT_USAGE, 0,
				     _("give a plain name with --by"));
		opt.by = arg;
		break;
	case 'q':
		opt.quiet = true;
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

const struct argp common_argp = {common_options, parse_common, NULL, NULL,
				 NULL, NULL, NULL};
const struct argp_child common_children[] = {
	{&common_argp, 0, N_("Common options:"), -1}, {0}};

/* --- the root parser: options, then the command name --- */

struct root_args {
	int command; /* index in argv of the command name, 0 if none */
};

static error_t parse_root(int key, char *arg, struct argp_state *state)
{
	struct root_args *args = state->input;

	(void)arg;
	switch (key) {
	case ARGP_KEY_ARG:
		args->command = state->next - 1;
		state->next = state->argc; /* the rest is the command's */
		break;
	case ARGP_KEY_END:
		if (!args->command)
			argp_usage(state);
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static char *root_help(int key, const char *text, void *input)
{
	struct strbuf sb = {0};
	size_t i;

	(void)input;
	if (key != ARGP_KEY_HELP_POST_DOC)
		return (char *)text;
	sb_puts(&sb, _("Commands:"));
	sb_puts(&sb, "\n");
	for (i = 0; i < sizeof commands / sizeof *commands; i++)
		if (commands[i].doc)
			sb_printf(&sb, "  %-12s %s\n", commands[i].name,
				  _(commands[i].doc));
	sb_puts(&sb, "\n");
	sb_puts(&sb, _("'styr COMMAND --help' tells more about each command."));
	return sb_steal(&sb);
}

static const struct argp root_argp = {
	NULL,
	parse_root,
	N_("COMMAND [ARG...]"),
	N_("Keep a register of governance items (goals, rules, documentation "
	   "demands), record what the mapping found and how each item is "
	   "prioritised (remove, change, anchor), print ODT handouts, and "
	   "track the six phases of the nybureaukratisering model.\v"),
	common_children,
	root_help,
	NULL};

/* --- commands and subcommands declared by table --- */

/* What the wrapping parser knows while argp runs over one (sub)command. */
struct cli_ctx {
	const struct cli_sub *sub;  /* whose options and arguments */
	const struct cli_sub *subs; /* looking for a subcommand's word */
	const char *word;           /* the (sub)command's name, for messages */
	void *input;                /* the command's own */
	int first;                  /* index of the subcommand's word */
	bool own_options;           /* options of SUB seen before the word */
	int nwords;
	char **words;
	const char *format; /* the value of SUB's --format, if any */
};

/* Is S an entry of its table, not the {0} that ends it? */
static bool is_sub(const struct cli_sub *s)
{
	return s->run || s->shared || s->read;
}

static const struct cli_sub *find_sub(const struct cli_sub *subs,
				      const char *name)
{
	for (; is_sub(subs); subs++)
		if (name ? subs->name && !strcmp(subs->name, name) : !subs->name)
			return subs;
	return NULL;
}

/* "add, list or attend" */
static char *sub_names(const struct cli_sub *subs)
{
	struct strbuf sb = {0};
	const struct cli_sub *s;
	int n = 0, i = 0;

	for (s = subs; is_sub(s); s++)
		n += s->name != NULL;
	for (s = subs; is_sub(s); s++) {
		if (!s->name)
			continue;
		if (i && i == n - 1)
			sb_printf(&sb, " %s ", C_("a list", "or"));
		else if (i)
			sb_puts(&sb, ", ");
		sb_puts(&sb, s->name);
		i++;
	}
	return sb_steal(&sb);
}

/* Keeps an option's value or a positional word where C->sub says it
 * goes in the input.  False when it does not say. */
static bool store(struct cli_ctx *c, int key, char *arg, unsigned arg_num)
{
	const struct cli_sub *s = c->sub;
	const struct cli_option *o;
	char *base = c->input;

	if (key == ARGP_KEY_ARG) {
		/* cli_parser has refused words beyond s->max already. */
		if (!s->words_at)
			return false;
		*(const char **)(base + s->words_at[arg_num]) = arg;
		return true;
	}
	for (o = s->opts; o && (o->name || o->key); o++) {
		if (o->key != key)
			continue;
		if (s->formats && o->name && !strcmp(o->name, "format"))
			c->format = arg; /* parsed at the end */
		else if (o->arg)
			*(const char **)(base + o->at) = arg;
		else
			*(bool *)(base + o->at) = true;
		return true;
	}
	return false;
}

/* C->sub's --format, once every word is read: cli_format exits with a
 * usage error when the value is not one of its formats. */
static void parse_formats(struct cli_ctx *c)
{
	const struct cli_option *o;
	char *base = c->input;

	for (o = c->sub->opts; o && (o->name || o->key); o++)
		if (c->sub->formats && o->name && !strcmp(o->name, "format")) {
			enum format *fmt = (enum format *)(base + o->at);
			*fmt = (enum format)__builtin_ctz(c->sub->formats);
			cli_format(c->format, c->sub->formats, fmt);
		}
}

/* The options argp shows and parses for S: OPTS, then OPTIONS. */
static struct argp_option *all_options(const struct cli_sub *s)
{
	struct argp_option *all;
	size_t n = 0, m = 0, i;

	if (!s)
		return NULL;
	while (s->opts && (s->opts[n].name || s->opts[n].key))
		n++;
	while (s->options && (s->options[m].name || s->options[m].key ||
			      s->options[m].doc || s->options[m].group))
		m++;
	if (!n && !m)
		return NULL; /* an empty table makes glibc's help leak */
	all = xcalloc(n + m + 1, sizeof *all);
	for (i = 0; i < n; i++) {
		all[i].name = s->opts[i].name;
		all[i].key = s->opts[i].key;
		all[i].arg = s->opts[i].arg;
		all[i].doc = s->opts[i].doc;
	}
	if (m)
		memcpy(all + n, s->options, m * sizeof *all);
	return all;
}

static error_t cli_parser(int key, char *arg, struct argp_state *state)
{
	struct cli_ctx *c = state->input;
	const struct cli_sub *s = c->sub;
	error_t e = ARGP_ERR_UNKNOWN;

	if (c->subs && key == ARGP_KEY_ARG && s && s->max != 0 &&
	    !find_sub(c->subs, arg)) {
		/* A command whose own form takes words and that has verbs
		 * besides (vote ID PRIORITY, vote withdraw ID): a word that
		 * is no verb is the first of its own form. */
		c->subs = NULL;
	} else if (c->subs && key == ARGP_KEY_ARG) {
		/* The first word names the subcommand; the rest is its. */
		const struct cli_sub *w = find_sub(c->subs, arg);
		if (!w || !w->name) {
			char *names = sub_names(c->subs);
			argp_error(state, _("unknown subcommand '%s' (use %s)"),
				   arg, names);
			free(names);
		}
		if (c->own_options)
			argp_error(state, _("put '%s' first, then its options"),
				   arg);
		c->first = state->next - 1;
		state->next = state->argc;
		return 0;
	}
	if (c->subs && key == ARGP_KEY_END && !c->first && !s) {
		char *names = sub_names(c->subs);
		argp_error(state, _("say what to do: %s"), names);
		free(names);
	}
	if (c->subs && c->first && key == ARGP_KEY_END)
		return 0; /* the subcommand's own parse checks */
	if (!s)
		return ARGP_ERR_UNKNOWN;
	if (key == ARGP_KEY_ARG && s->max != CLI_MANY &&
	    (int)state->arg_num >= s->max) {
		if (s->hint) {
			/* The hint may show the word where it goes. */
			char *hint = xasprintf(_(s->hint), arg);
			argp_error(state, _("unexpected argument '%s'; %s"), arg,
				   hint);
			free(hint);
		}
		argp_error(state, _("unexpected argument '%s'"), arg);
	}
	if (key == ARGP_KEY_END && (int)state->arg_num < s->min)
		argp_error(state, _("'%s' needs %s"), c->word,
			   _(s->needs ? s->needs : s->args_doc));
	if (key == ARGP_KEY_INIT && s->child_input_at)
		state->child_inputs[0] = (char *)c->input + *s->child_input_at;
	if (store(c, key, arg, state->arg_num))
		e = 0;
	if (s->parse_opt) {
		error_t own;

		state->input = c->input;
		own = s->parse_opt(key, arg, state);
		state->input = c;
		if (own != ARGP_ERR_UNKNOWN)
			e = own;
	}
	if (key == ARGP_KEY_END && s->check)
		s->check(c->input, state);
	if (key == ARGP_KEY_END)
		parse_formats(c);
	if (key == ARGP_KEY_ARG && e == ARGP_ERR_UNKNOWN) {
		c->words = xrealloc(c->words,
				    (size_t)(c->nwords + 1) * sizeof *c->words);
		c->words[c->nwords++] = arg;
		e = 0;
	}
	if (!e && key > 0 && key < ARGP_KEY_END)
		c->own_options = true;
	return e;
}

/* Runs argp over ARGV for C->sub with ARGV[0] shown as NAME. */
static void parse_as(struct cli_ctx *c, const char *name, const char *usage,
		     const char *doc, unsigned flags, int argc, char **argv)
{
	const struct cli_sub *s = c->sub;
	struct argp_option *options = all_options(s);
	struct argp argp = {options,
			    cli_parser,
			    usage,
			    doc,
			    s && s->children ? s->children : common_children,
			    NULL,
			    NULL};
	char *saved = argv[0];

	argv[0] = (char *)name;
	cli_check_options(&argp, flags, argc, argv, name);
	argp_parse(&argp, argc, argv, flags, NULL, c);
	argv[0] = saved;
	free(options);
}

/* Is ARGV a command's own form (vote ID PRIORITY) rather than one of its
 * verbs (vote withdraw ID)?  Then its options may come after its words
 * and are all checked as such; a verb ends the command's options. */
static bool own_form(const struct cli_sub *subs, int argc, char **argv)
{
	const struct cli_sub *s = find_sub(subs, NULL);
	int i;

	if (!s || s->max == 0)
		return false;
	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++)
		if (!strcmp(argv[i], "--"))
			return true;
	return i < argc && !find_sub(subs, argv[i]);
}

/* Runs S's work on INPUT, where the ARGC words ARGV go that the parse
 * did not store. */
static int run_sub(const struct cli_sub *s, void *input, int argc,
		   char **argv)
{
	char *base = input;

	if (s->argv_at) {
		*(char ***)(base + s->argv_at[0]) = argv;
		*(int *)(base + s->argv_at[1]) = argc;
	}
	if (s->read)
		return cli_read(s->read, input);
	return s->run ? s->run(input) : s->shared(s->action, input);
}

/* A command without subcommands: its one entry S, DOC its help. */
static int dispatch_one(const struct cli_sub *s, const char *doc, int argc,
			char **argv, void *input)
{
	struct cli_ctx c = {s, NULL, argv[0], input, 0, false, 0, NULL, NULL};
	char *name = xasprintf("styr %s", argv[0]);
	int rc;

	parse_as(&c, name, s->args_doc, doc, 0, argc, argv);
	free(name);
	rc = run_sub(s, input, c.nwords, c.words);
	free(c.words);
	return rc;
}

int cli_dispatch(const struct cli_sub *subs, const char *doc, int argc,
		 char **argv, void *input)
{
	struct cli_ctx c = {find_sub(subs, NULL), subs, argv[0], input,
			    0, false, 0, NULL, NULL};
	struct strbuf usage = {0}, help = {0};
	const struct cli_sub *s;
	char *name;
	int rc;

	/* The command's --help: its usage lines, its text, its subcommands. */
	for (s = subs; is_sub(s); s++) {
		if (usage.len || s != subs)
			sb_puts(&usage, "\n");
		sb_printf(&usage, "%s%s%s", s->name ? s->name : "",
			  s->name && s->args_doc ? " " : "",
			  s->args_doc ? _(s->args_doc) : "");
	}
	sb_printf(&help, "%s%s%s\n", _(doc), strchr(_(doc), '\v') ? "\n\n" : "\v",
		  _("Subcommands:"));
	for (s = subs; is_sub(s); s++)
		if (s->name && s->doc)
			sb_printf(&help, "  %-8s %.*s\n", s->name,
				  (int)strcspn(_(s->doc), "\v"), _(s->doc));
	sb_printf(&help, "\n");
	sb_printf(&help, _("'styr %s SUBCOMMAND --help' tells more."), argv[0]);
	name = xasprintf("styr %s", argv[0]);
	parse_as(&c, name, usage.buf, help.buf,
		 own_form(subs, argc, argv) ? 0 : ARGP_IN_ORDER, argc, argv);
	sb_free(&usage);
	sb_free(&help);
	free(name);
	if (c.first) {
		int first = c.first;

		c.sub = find_sub(subs, argv[first]);
		c.subs = NULL;
		c.word = c.sub->name;
		c.format = NULL;
		name = xasprintf("styr %s %s", argv[0], c.sub->name);
		parse_as(&c, name, c.sub->args_doc, c.sub->doc, 0,
			 argc - first, argv + first);
		free(name);
	}
	rc = run_sub(c.sub, input, c.nwords, c.words);
	free(c.words);
	return rc;
}

int cli_run(const struct cli_command *cmd, int argc, char **argv)
{
	void *input;
	int rc;

	if (cmd->main)
		return cmd->main(cmd->data, argc, argv);
	input = xcalloc(1, cmd->input_size ? cmd->input_size : 1);
	if (cmd->subs)
		rc = cli_dispatch(cmd->subs, cmd->doc, argc, argv, input);
	else
		rc = dispatch_one(&cmd->one, cmd->doc, argc, argv, input);
	free(input);
	return rc;
}

void cli_vusage(const char *name, const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", name);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	fprintf(stderr, _("Try '%s --help' for more information."), name);
	fputc('\n', stderr);
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
	char *name = xasprintf("styr %s", cmd);
	va_list ap;

	va_start(ap, fmt);
	cli_vusage(name, fmt, ap);
	va_end(ap);
	free(name);
	return EXIT_USAGE;
}

int cli_format(const char *s, unsigned allowed, enum format *out)
{
	static const char *const names[] = {"text", "table", "csv", "tsv",
					    "json"};
	struct strbuf sb = {0};
	int i;

	if (!s)
		return 0;
	for (i = 0; i < 5; i++)
		if ((allowed & (1u << i)) && !strcasecmp(s, names[i])) {
			*out = (enum format)i;
			return 0;
		}
	for (i = 0; i < 5; i++)
		if (allowed & (1u << i)) {
			if (sb.len)
				sb_puts(&sb, ", ");
			sb_puts(&sb, names[i]);
		}
	error(_("unknown format '%s' (use one of: %s)"), s, sb.buf);
	sb_free(&sb);
	/* A bad option value is a usage error like a bad option (SPEC §7:
	 * one meaning per exit status); exiting here gives every command
	 * the same status whatever it would return for -1. */
	exit(EXIT_USAGE);
}

int cli_read(cli_reg_fn *fn, void *ctx)
{
	struct reg r;
	int rc = cli_status(reg_open(&r, REG_READ));

	if (!rc)
		rc = fn(&r, ctx);
	reg_close(&r);
	return rc;
}

int cli_change(cli_reg_fn *fn, void *ctx)
{
	struct reg r;
	int rc = cli_status(reg_open(&r, REG_WRITE));

	if (!rc) {
		rc = fn(&r, ctx);
		rc = rc < 0 ? EXIT_REFUSED
		     : rc > 0 ? EXIT_OK
			      : cli_status(reg_save(&r));
	}
	reg_close(&r);
	return rc;
}

int cli_finish_stdout(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (errno == EPIPE)
			return status;
		error(_("cannot write the output: %s"), strerror(errno));
		return status ? status : EXIT_REFUSED;
	}
	return status;
}

int cli_status(int rc)
{
	if (!rc)
		return EXIT_OK;
	return rc == REG_UNREADABLE ? EXIT_UNREADABLE : EXIT_REFUSED;
}

int styr_main(int argc, char **argv)
{
	struct root_args args = {0};
	const char *name;
	size_t i;
	int status;

	setlocale(LC_ALL, "");
	/* Numbers in the register, JSON and CSV always use a decimal point,
	 * whatever the user's locale writes. */
	setlocale(LC_NUMERIC, "C");
	bindtextdomain("styr", locale_dir());
	bind_textdomain_codeset("styr", "UTF-8");
	textdomain("styr");
	paths_check_translation();
	argp_err_exit_status = EXIT_USAGE;
	xmlsafe_init(true);

	cli_check_options(&root_argp, ARGP_IN_ORDER, argc, argv, "styr");
	argp_parse(&root_argp, argc, argv, ARGP_IN_ORDER, NULL, &args);
	name = argv[args.command];
	for (i = 0; i < sizeof commands / sizeof *commands; i++)
		if (!strcmp(commands[i].name, name))
			break;
	if (i == sizeof commands / sizeof *commands) {
		bool danish;
		const char *meant = command_meant(name, &danish);

		if (meant && danish)
			fprintf(stderr,
				_("styr: '%s' is not a styr command; did you "
				  "mean 'styr %s'? (styr's commands are in "
				  "English)"),
				name, meant);
		else if (meant)
			fprintf(stderr,
				_("styr: '%s' is not a styr command; did you "
				  "mean 'styr %s'?"),
				name, meant);
		else
			fprintf(stderr, _("styr: '%s' is not a styr command"),
				name);
		fputc('\n', stderr);
		fprintf(stderr, _("Try 'styr --help' for the list of commands."));
		fputc('\n', stderr);
		xmlsafe_cleanup();
		return EXIT_USAGE;
	}
	status = cli_run(commands[i].cmd, argc - args.command,
			 argv + args.command);
	xmlsafe_cleanup();
	return cli_finish_stdout(status);
}
