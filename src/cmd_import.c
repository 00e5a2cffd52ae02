// SPDX-License-Identifier: GPL-3.0-or-later
/* styr import: items from CSV, XLSX or ODS (import_items.c), a whole
 * register from JSON (import_json.c), ratings from a survey
 * (import_ratings.c); all or nothing. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "commands.h"
#include "guard.h"
#include "import_items.h"
#include "import_ratings.h"
#include "import_json.h"
#include "reg.h"
#include "sheet.h"
#include "util.h"

struct args {
	const char *format, *file, *sheet;
	const char *round, *date; /* import ratings */
	bool dry_run, guest, again;
};

enum { OPT_SHEET = 0x100, OPT_ROUND, OPT_DATE, OPT_GUEST, OPT_AGAIN };

static const struct argp_option options[] = {
	{"dry-run", 'n', NULL, 0,
	 N_("check the whole file and say what would be imported, without "
	    "changing the register"),
	 0},
	{"sheet", OPT_SHEET, N_("NAME"), 0,
	 N_("read the sheet NAME of an xlsx or ods file (default: the "
	    "first)"),
	 0},
	{NULL, 0, NULL, 0, N_("With import ratings:"), 0},
	{"round", OPT_ROUND, N_("ROUND"), 0,
	 N_("the survey round the answers belong to: baseline (før) or "
	    "followup (efter); required"),
	 0},
	{"date", OPT_DATE, N_("DATE"), 0,
	 N_("the day every answer was given (YYYY-MM-DD; default: each "
	    "answer's own day when the file gives it, else today)"),
	 0},
	{"guest", OPT_GUEST, NULL, 0,
	 N_("respondents who are not in the people list are guests"), 0},
	{"again", OPT_AGAIN, NULL, 0,
	 N_("import anonymous answers from a file imported into the round "
	    "before (without it, the same file is refused: its answers "
	    "would count twice)"),
	 0},
	{0}};

static error_t parse_opt(int key, char *arg, struct argp_state *state)
{
	struct args *a = state->input;

	switch (key) {
	case 'n':
		a->dry_run = true;
		break;
	case OPT_SHEET:
		a->sheet = arg;
		break;
	case OPT_ROUND:
		a->round = arg;
		break;
	case OPT_DATE:
		a->date = arg;
		break;
	case OPT_GUEST:
		a->guest = true;
		break;
	case OPT_AGAIN:
		a->again = true;
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}


/* import json: the whole register, or nothing. */
static int run_json(struct reg *r, FILE *f, const char *name, bool dry_run)
{
	long items = import_json(r, f, name);
	int rc;

	if (items < 0) {
		error(_("%s: nothing was imported"), name);
		return EXIT_REFUSED;
	}
	if (dry_run) {
		printf(ngettext("%s: a register of %ld item would be restored; "
				"nothing was written\n",
				"%s: a register of %ld items would be "
				"restored; nothing was written\n",
				(unsigned long)items),
		       name, items);
		return 0;
	}
	reg_log(r, "import", NULL,
		ngettext("restored the register from %s (%ld item)",
			 "restored the register from %s (%ld items)",
			 (unsigned long)items),
		name, items);
	rc = cli_status(reg_save(r));
	if (!rc)
		info(ngettext("restored a register of %ld item from %s",
			      "restored a register of %ld items from %s",
			      (unsigned long)items),
		     items, name);
	return rc;
}

static int run(void *input)
{
	struct args *a = input;
	struct sheet_source src = {0};
	struct import_result im;
	struct reg r;
	const char *name;
	bool json = false;
	FILE *f;
	int rc, fmt = SHEET_CSV;

	if (!strcasecmp(a->format, "ratings")) {
		struct ratings_opts o = {a->round, a->date, a->guest,
					 a->dry_run, a->again};
		return import_ratings_file("import", a->file, a->sheet, &o);
	}
	if (a->round || a->date || a->guest || a->again)
		return cli_usage("import", _("--round, --date, --guest and "
					    "--again are for import ratings"));
	if (!strcasecmp(a->format, "json"))
		json = true;
	else if ((fmt = sheet_format_named(a->format)) < 0)
		return cli_usage("import", _("unknown format '%s' (styr imports "
					    "csv, json, xlsx and ods)"),
				 a->format);
	if (a->sheet && fmt == SHEET_CSV)
		return cli_usage("import", _("--sheet is for xlsx and ods "
					    "files, which have sheets"));
	if (!strcmp(a->file, "-")) {
		name = _("standard input");
	} else {
		name = a->file;
		guard_input(a->file, N_("the imported file"));
		if (access(a->file, R_OK) < 0) {
			error(_("%s: cannot open: %s"), a->file,
			      strerror(errno));
			return EXIT_REFUSED;
		}
	}
	src.path = a->file;
	src.name = name;
	src.format = (enum sheet_format)fmt;
	src.sheet = a->sheet;
	rc = cli_status(reg_open(&r, a->dry_run ? REG_READ : REG_WRITE));
	if (rc) {
		reg_close(&r);
		return rc;
	}
	if (json) {
		f = strcmp(a->file, "-") ? fopen(a->file, "r") : stdin;
		if (!f) {
			error(_("%s: cannot open: %s"), a->file,
			      strerror(errno));
			reg_close(&r);
			return EXIT_REFUSED;
		}
		rc = run_json(&r, f, name, a->dry_run);
		if (f != stdin)
			fclose(f);
		reg_close(&r);
		return rc;
	}
	if (import_items(&r, &src, &im) < 0) {
		error(_("%s: nothing was imported"), name);
		rc = EXIT_REFUSED;
	} else if (!im.items) {
		info(_("%s: no items in the file; nothing was changed"), name);
	} else if (a->dry_run) {
		/* The separator was guessed: a trial run says which. */
		if (im.sheet)
			printf(_("%s: read from sheet '%s'\n"), name,
			       im.sheet);
		else if (im.delim == ';')
			printf(_("%s: the columns are separated by "
				 "semicolons\n"),
			       name);
		else
			printf(_("%s: the columns are separated by commas\n"),
			       name);
		printf(ngettext("%s: %ld item would be imported; nothing "
				"was written\n",
				"%s: %ld items would be imported; nothing "
				"was written\n",
				(unsigned long)im.items),
		       name, im.items);
		if (im.nareas)
			printf(ngettext("%s: a new review area would be made: "
					"%s\n",
					"%s: new review areas would be made: "
					"%s\n",
					(unsigned long)im.nareas),
			       name, im.new_areas.buf);
	} else {
		struct strbuf what = {0};

		sb_printf(&what,
			  ngettext("imported %ld item from %s",
				   "imported %ld items from %s",
				   (unsigned long)im.items),
			  im.items, name);
		if (im.nareas) {
			sb_puts(&what, "; ");
			sb_printf(&what,
				  ngettext("new review area: %s",
					   "new review areas: %s",
					   (unsigned long)im.nareas),
				  im.new_areas.buf);
		}
		reg_log(&r, "import", NULL, "%s", what.buf);
		sb_free(&what);
		rc = cli_status(reg_save(&r));
		if (!rc) {
			if (im.nareas)
				info(ngettext("%s: new review area: %s",
					      "%s: new review areas: %s",
					      (unsigned long)im.nareas),
				     name, im.new_areas.buf);
			info(ngettext("imported %ld item from %s",
				      "imported %ld items from %s",
				      (unsigned long)im.items),
			     im.items, name);
		}
	}
	import_result_free(&im);
	reg_close(&r);
	return rc;
}

const struct cli_command cmd_import = {
	.one = {.run = run, .min = 2, .max = 2,
		.args_doc = N_("csv|json|xlsx|ods|ratings FILE"),
		.needs = N_("the format and the file: import csv FILE or "
			    "import json FILE"),
		.words_at = (const size_t[]){offsetof(struct args, format),
					     offsetof(struct args, file)},
		.options = options, .parse_opt = parse_opt},
	.input_size = sizeof(struct args),
	.doc = N_("Add the items in a CSV file (saved from a spreadsheet: "
		  "UTF-8, a header row, the columns separated by commas or, as "
		  "a Danish spreadsheet saves CSV, by semicolons) to the "
		  "register.  The header names the columns: 'kind' and 'title' "
		  "are needed; 'description', 'area', 'origin', 'owner', "
		  "'found', 'source', 'minutes', 'per_year' and 'staff' may be "
		  "there, and so may every other column 'styr export csv' "
		  "writes.  Review areas that do not exist yet are created.  A "
		  "bad row stops the import with its line number, and then "
		  "nothing is added.  FILE - reads standard input.\vjson "
		  "restores a whole register from what 'styr export json' "
		  "wrote, into an empty register (just made with 'styr init'): "
		  "its phases, areas, people, meetings, items and change log.  "
		  "A mistake in the file is named with its place in it, and "
		  "then nothing is changed.\n\nimport xlsx FILE and import ods "
		  "FILE read the same columns as csv from the first sheet of a "
		  "spreadsheet saved by Excel or LibreOffice (or the sheet "
		  "--sheet names): the first row that is not empty is the "
		  "header; numbers, dates and the values formulas last "
		  "computed are read as the spreadsheet shows them.  A bad "
		  "cell or row stops the import naming the sheet, row and "
		  "column.\n\nimport ratings FILE --round baseline|followup "
		  "reads a survey's answers (CSV, xlsx or ods): a row per "
		  "respondent, a column per item headed by its id (D4) or "
		  "title, the answers as experience words in Danish or English "
		  "(a blank cell: no answer), and optionally a 'respondent' "
		  "and a 'role' column.  Respondents are matched to the people "
		  "list as 'styr rate' matches them.  The survey tools' own "
		  "columns (times, mail addresses, status) are read past, and "
		  "their id of each answer (Microsoft Forms' ID, SurveyXact's "
		  "respondentid, else Google Forms' Timestamp) is kept with "
		  "its ratings: an answer imported again replaces its rating "
		  "rather than counting twice.  A file without answer ids "
		  "whose anonymous answers were imported into the round "
		  "before is refused, unless --again.  An unknown column, "
		  "answer or person stops the import, and then nothing is "
		  "changed.")};
