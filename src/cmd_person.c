// SPDX-License-Identifier: GPL-3.0-or-later
/* styr person: add or list the people taking part, with their roles. */
#include <string.h>

#include <stdlib.h>

#include "commands.h"
#include "correct.h"
#include "names.h"
#include "reg.h"
#include "table.h"
#include "util.h"
#include "value.h"
#include "vocab.h"

enum action { RENAME, REMOVE };

struct args {
	const char *who, *name; /* the person named, the name to give */
	const char *role;
	enum format fmt;
	const char *why;
};

/* 'add' cannot go without --role. */
static void check_add(const void *input, struct argp_state *state)
{
	const struct args *a = input;

	if (!a->role)
		argp_error(state, _("give the person's role with --role"));
}

static int person_add(void *input)
{
	const struct args *a = input;
	const char *name = a->name, *role_word = a->role;
	struct reg r;
	xmlNodePtr old, person;
	const char *role;
	char id[32];
	int k, rc;

	if (check_text(_("name"), name) < 0)
		return EXIT_REFUSED;
	if (!*name) {
		error(_("a person needs a name"));
		return EXIT_REFUSED;
	}
	k = vocab_parse(&vocab_role, role_word);
	if (k < 0)
		return EXIT_REFUSED;
	role = vocab_role.words[k].key;
	rc = cli_status(reg_open(&r, REG_WRITE));
	if (rc)
		goto out;
	old = person_find(&r, name);
	if (old) {
		/* People are named by id or name: two of one name could not
		 * be told apart. */
		error(_("'%s' is registered already as %s; give the new person "
			"a name that tells them apart"),
		      name, node_attr(old, "id"));
		rc = EXIT_REFUSED;
		goto out;
	}
	person = reg_new_person(&r, name, role);
	snprintf(id, sizeof id, "%s", node_attr(person, "id"));
	reg_log(&r, "person", id, _("added %s '%s' (%s)"), id, name,
		vocab_word(&vocab_role, role, msg_lang()));
	rc = cli_status(reg_save(&r));
	if (!rc)
		printf("%s\n", id);
out:
	reg_close(&r);
	return rc;
}

/* person rename WHO NAME, person remove WHO: WHO an id or a name. */
static int person_fix(int action, void *input)
{
	const struct args *a = input;
	const char *who = a->who, *name = action == RENAME ? a->name : NULL;
	const char *why = a->why;
	struct correction c = {.action = "person", .why = why};
	xmlNodePtr person, other;
	char *users;
	int rc;

	if ((name && check_text(_("name"), name) < 0) ||
	    correct_check_why(why) < 0)
		return EXIT_REFUSED;
	if (name && !*name) {
		error(_("a person needs a name"));
		return EXIT_REFUSED;
	}
	if ((rc = correct_open(&c, NULL)))
		return cli_status(rc);
	if (!(person = person_find(&c.r, who))) {
		person_unknown(&c.r, who,
			       _("'%s' is not in the people list; did you "
				 "mean %s?"),
			       _("'%s' is not in the people list (see 'styr "
				 "person list')"));
		return cli_status(correct_cancel(&c));
	}
	c.ref = node_attr(person, "id");
	c.was = xstrdup(node_text(person));
	if (action == RENAME) {
		other = person_find(&c.r, name);
		if (other == person && !strcmp(c.was, name)) {
			error(_("%s is called '%s' already; nothing was "
				"changed"),
			      c.ref, name);
			return cli_status(correct_cancel(&c));
		}
		if (other && other != person) {
			error(_("'%s' is registered already as %s; give %s a "
				"name that tells them apart"),
			      name, node_attr(other, "id"), c.ref);
			return cli_status(correct_cancel(&c));
		}
		/* TRANSLATORS: in the change log */
		c.what = xasprintf(_("%s renamed: '%s' -> '%s'"), c.ref, c.was,
				   name);
		correct_rename(person, name);
	} else {
		users = correct_person_users(&c.r, c.ref);
		if (*users) {
			error(_("%s (%s) is named by %s; correct those first "
				"('styr vote withdraw', 'styr rate "
				"remove')"),
			      c.ref, c.was, users);
			free(users);
			return cli_status(correct_cancel(&c));
		}
		free(users);
		/* TRANSLATORS: in the change log: "P3 'Name' (staff)
		 * removed" */
		c.what = xasprintf(_("%s '%s' (%s) removed"), c.ref, c.was,
				   vocab_word(&vocab_role,
					      node_attr(person, "role"),
					      msg_lang()));
		c.gone = person;
	}
	return cli_status(correct_commit(&c));
}

/* person change WHO --role ROLE. */
static int person_role(void *input)
{
	const struct args *a = input;
	const char *who = a->who, *role_word = a->role, *why = a->why;
	struct correction c = {.action = "person", .why = why};
	const char *role, *lang = msg_lang();
	xmlNodePtr person;
	int k, rc;

	k = vocab_parse(&vocab_role, role_word);
	if (k < 0 || correct_check_why(why) < 0)
		return EXIT_REFUSED;
	role = vocab_role.words[k].key;
	if ((rc = correct_open(&c, NULL)))
		return cli_status(rc);
	if (!(person = person_find(&c.r, who))) {
		error(_("'%s' is not in the people list (see 'styr person "
			"list')"),
		      who);
		return cli_status(correct_cancel(&c));
	}
	c.ref = node_attr(person, "id");
	if (!strcmp(node_attr(person, "role"), role)) {
		info(_("%s: nothing changed (the values given are the ones it "
		       "has)"),
		     c.ref);
		correct_cancel(&c);
		return EXIT_OK;
	}
	/* TRANSLATORS: in the change log: "P3 'Name': role: staff -> MED" */
	c.what = xasprintf(_("%s '%s': role: %s -> %s"), c.ref,
			   node_text(person),
			   vocab_word(&vocab_role, node_attr(person, "role"),
				      lang),
			   vocab_word(&vocab_role, role, lang));
	node_set_attr(person, "role", role);
	return cli_status(correct_commit(&c));
}

static int person_list(struct reg *r, void *input)
{
	enum format fmt = ((const struct args *)input)->fmt;
	const char *lang = msg_lang();
	xmlNodePtr n;

	if (fmt == FMT_JSON) {
		struct arena *a = arena_new();
		struct val *arr = val_arr(a);
		for (n = node_first(r->people); n; n = node_after(n)) {
			struct val *o = val_obj(a);
			val_set(a, o, "id", val_str(a, node_attr(n, "id")));
			val_set(a, o, "name", val_str(a, node_text(n)));
			val_set(a, o, "role", val_str(a, node_attr(n, "role")));
			val_push(a, arr, o);
		}
		val_write_json(stdout, arr);
		arena_free(a);
	} else if (!node_first(r->people) && fmt == FMT_TABLE) {
		info(_("no people yet; add one with 'styr person add NAME "
		       "--role ROLE'"));
	} else {
		const char *table_headers[] = {
			C_("table header", "ID"), C_("table header", "Name"),
			C_("table header", "Role")};
		static const char *const data_headers[] = {"id", "name",
							   "role"};
		struct table *t = table_new(
			3, fmt == FMT_TABLE ? table_headers : data_headers);
		for (n = node_first(r->people); n; n = node_after(n)) {
			const char *role = node_attr(n, "role");
			table_row(t);
			table_cell(t, node_attr(n, "id"));
			table_cell(t, node_text(n));
			/* People read labels; spreadsheets get keywords. */
			table_cell(t, fmt == FMT_TABLE
					      ? vocab_label(&vocab_role, role,
							    lang)
					      : role);
		}
		table_print(t, fmt, stdout);
		table_free(t);
	}
	return EXIT_OK;
}

static const struct cli_option add_options[] = {
	{"role", 'r', N_("ROLE"), offsetof(struct args, role),
	 N_("management (ledelse), med, administration (forvaltning), staff "
	    "(medarbejder), steward (tr), agent (dokumentationsagent), "
	    "steering (styregruppe) or facilitator")},
	{0}};

static const struct cli_option list_options[] = {
	CLI_FORMAT_TABLES(struct args, fmt), {0}};

static const struct cli_option change_options[] = {
	{"role", 'r', N_("ROLE"), offsetof(struct args, role),
	 N_("the role the person has")},
	CLI_WHY_CORRECTED(struct args, why),
	{0}};

static const struct cli_option why_options[] = {
	CLI_WHY_CORRECTED(struct args, why), {0}};

static const size_t who_name[] = {offsetof(struct args, who),
				  offsetof(struct args, name)};

static const struct cli_sub subs[] = {
	{.name = "add", .run = person_add, .min = 1, .max = 1,
	 .args_doc = N_("NAME --role ROLE"), .needs = N_("the person's name"),
	 .hint = N_("put a name with spaces in quotes"),
	 .opts = add_options, .check = check_add,
	 .words_at = who_name + 1,
	 .doc = N_("Add a person and print the new id (P1, P2, ...).\vA "
		   "person can later be named by id or by name.")},
	{.name = "list", .read = person_list, .opts = list_options,
	 .formats = FMT_TABLES,
	 .doc = N_("List the people and their roles.")},
	{.name = "rename", .shared = person_fix, .action = RENAME, .min = 2,
	 .max = 2, .args_doc = N_("ID|NAME NEW-NAME [--why TEXT]"),
	 .needs = N_("the person (id or name) and the new name"),
	 .hint = N_("put a name with spaces in quotes"),
	 .opts = why_options, .words_at = who_name,
	 .doc = N_("Give a person a new name; the log keeps the old one.\v"
		   "Votes and ratings name the person by id, so they follow.")},
	{.name = "change", .run = person_role, .min = 1, .max = 1,
	 .args_doc = N_("ID|NAME --role ROLE [--why TEXT]"),
	 .needs = N_("the person (id or name)"),
	 .hint = N_("put a name with spaces in quotes"),
	 .opts = change_options, .check = check_add, .words_at = who_name,
	 .doc = N_("Correct a person's role; the log keeps the old one.")},
	{.name = "remove", .shared = person_fix, .action = REMOVE, .min = 1,
	 .max = 1, .args_doc = N_("ID|NAME [--why TEXT]"),
	 .needs = N_("the person to remove (id or name)"),
	 .hint = N_("put a name with spaces in quotes"),
	 .opts = why_options, .words_at = who_name,
	 .doc = N_("Remove a person nothing names; the log keeps them.\vA "
		   "person whose votes, ratings or attendance are recorded is "
		   "refused, naming them: correct those first.")},
	{0}};

const struct cli_command cmd_person = {
	.subs = subs, .input_size = sizeof(struct args),
	.doc = N_("Add, list, rename, change or remove the people taking part "
		  "in the process and their roles.")};
