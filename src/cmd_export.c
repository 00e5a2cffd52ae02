// SPDX-License-Identifier: GPL-3.0-or-later
/* styr export: the whole register as CSV (one row per item) or JSON. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "commands.h"
#include "csv.h"
#include "guard.h"
#include "item.h"
#include "reg.h"
#include "book.h"
#include "strmap.h"
#include "survey.h"
#include "tempfile.h"
#include "util.h"
#include "value.h"
#include "view.h"
#include "vocab.h"

enum export_format {
	EXPORT_CSV,
	EXPORT_JSON,
	EXPORT_XLSX,
	EXPORT_ODS,
	EXPORT_SURVEY
};

struct args {
	const char *format, *output;
	const char *lang, *area; /* export survey */
};

static const struct cli_option options[] = {
	{"output", 'o', N_("FILE"), offsetof(struct args, output),
	 N_("write to FILE (replaced if it exists) instead of the screen")},
	{"lang", 'l', N_("LANG"), offsetof(struct args, lang),
	 N_("export survey: the questions' language, da (Danish, the "
	    "default) or en")},
	{"area", 'a', N_("AREA"), offsetof(struct args, area),
	 N_("export survey: only the items of review area AREA")},
	{0}};

/* The questions' language and area (export survey --lang, --area). */
static const char *survey_lang = "da", *survey_area;

/* Under a Danish locale the file is written for a Danish spreadsheet
 * (SPEC section 7): a byte order mark, so that Excel reads UTF-8; ';'
 * between the cells; the Danish column names; decimal commas; the words
 * as styr prints them in Danish ("Regel og proceskrav", "Fjerne").
 * `import csv` reads each of these back. */
static void danish_row(const char *cell[COL_COUNT],
		       const struct vocab *const vocab[COL_COUNT],
		       char num[4][32])
{
	static const int numbers[4] = {COL_MINUTES, COL_PER_YEAR, COL_STAFF,
				       COL_TARIFF};
	int c, i;

	for (c = 0; c < COL_COUNT; c++)
		if (vocab[c] && cell[c])
			cell[c] = vocab_label(vocab[c], cell[c], "da");
	for (i = 0; i < 4; i++) {
		const char *v = cell[numbers[i]];
		char *dot;

		if (!v)
			continue;
		snprintf(num[i], sizeof num[i], "%s", v);
		if ((dot = strchr(num[i], '.')))
			*dot = ',';
		cell[numbers[i]] = num[i];
	}
}

static void write_csv(struct reg *r, FILE *f)
{
	struct strmap *areas = view_area_index(r);
	double tariff = reg_default_tariff(r);
	const struct vocab *vocab[COL_COUNT];
	const char *header[COL_COUNT];
	bool da = !strcmp(msg_lang(), "da");
	char num[4][32];
	struct item_row row;
	xmlNodePtr item;
	int c;

	view_column_vocabs(vocab);
	for (c = 0; c < COL_COUNT; c++)
		header[c] = da && item_columns_da[c] ? item_columns_da[c]
						     : item_columns[c];
	/* One lock for all the rows: stdio's own are then nearly free. */
	flockfile(f);
	if (da)
		fputs("\xef\xbb\xbf", f);
	csv_write_record(f, header, COL_COUNT, da ? ';' : ',');
	for (item = node_first(r->items); item; item = node_after(item)) {
		view_item_row(areas, tariff, item, &row);
		if (da)
			danish_row(row.cell, vocab, num);
		csv_write_record(f, row.cell, COL_COUNT, da ? ';' : ',');
	}
	funlockfile(f);
	strmap_free(areas);
}

/* Says what the register holds that a CSV row cannot: the records behind
 * the counts, and what is not an item's (SPEC section 7). */
static void say_left_out(struct reg *r)
{
	struct strbuf sb = {0};
	bool notes = false, ratings = false, voters = false;
	xmlNodePtr item, n;

	for (item = node_first(r->items); item; item = node_after(item))
		for (n = node_first(item); n; n = node_after(n)) {
			notes |= node_is(n, "note");
			ratings |= node_is(n, "rating");
			voters |= node_is(n, "vote") && node_attr(n, "by");
		}
	if (notes)
		sb_printf(&sb, "%s, ", _("field notes"));
	if (ratings)
		sb_printf(&sb, "%s, ", _("the experience ratings"));
	if (voters)
		sb_printf(&sb, "%s, ", _("who voted at which meeting (the "
					 "rows have the counts)"));
	if (node_first(r->people))
		sb_printf(&sb, "%s, ", _("the people"));
	if (node_first(r->meetings))
		sb_printf(&sb, "%s, ", _("the meetings"));
	sb_printf(&sb, "%s, %s", _("the phases and milestones"),
		  _("the change log"));
	info(_("the CSV has what one row per item can hold; it leaves out "
	       "%s ('styr export json' has everything)"),
	     sb.buf);
	sb_free(&sb);
}

/* The items of `export json`, made one at a time as they are written. */
struct items {
	struct reg *r;
	xmlNodePtr next;
};

static struct val *next_item(struct arena *a, size_t i, void *ctx)
{
	struct items *it = ctx;
	xmlNodePtr item = it->next;

	(void)i;
	it->next = node_after(item);
	return view_item(a, it->r, item, NULL);
}

static struct val *next_entry(struct arena *a, size_t i, void *ctx)
{
	struct items *it = ctx;
	xmlNodePtr e = it->next;

	(void)i;
	it->next = node_after(e);
	return view_log_entry(a, it->r, e);
}

static size_t count_children(xmlNodePtr parent)
{
	size_t count = 0;

	for (xmlNodePtr n = node_first(parent); n; n = node_after(n))
		count++;
	return count;
}

static void write_export(struct reg *r, enum export_format fmt, FILE *f)
{
	struct items it = {r, node_first(r->items)};
	struct items log = {r, node_first(r->log)};
	struct val_stream s[2];
	struct arena *a;
	struct val *v;

	if (fmt == EXPORT_SURVEY) {
		survey_write_csv(r, f, survey_lang, survey_area);
		return;
	}
	if (fmt == EXPORT_CSV) {
		write_csv(r, f);
		return;
	}
	/* Streamed: a big register's items and log would take more memory
	 * as values than the register itself. */
	a = arena_new();
	v = view_register_head(a, r, NULL);
	val_set(a, v, "log", val_arr(a));
	s[0] = (struct val_stream){val_get(v, "items"),
				   count_children(r->items), next_item, &it};
	s[1] = (struct val_stream){val_get(v, "log"), count_children(r->log),
				   next_entry, &log};
	val_write_json_streams(f, v, s, 2);
	arena_free(a);
}

/* Writes the export to PATH atomically (tempfile.h).  An export is
 * regenerated from the register, so an existing file is replaced, and
 * keeps its mode. */
static int write_file(struct reg *r, enum export_format fmt, const char *path)
{
	struct tempfile *tf;
	FILE *f;

	tf = tempfile_create(path, 0666, TEMPFILE_KEEP_MODE);
	if (!tf) {
		error(_("%s: cannot write: %s"), path, strerror(errno));
		return EXIT_REFUSED;
	}
	f = tempfile_fdopen(tf, "w");
	if (!f) {
		tempfile_delete(&tf);
		goto failed;
	}
	errno = 0;
	write_export(r, fmt, f);
	if (tempfile_commit(&tf, 0) < 0)
		goto failed;
	return EXIT_OK;
failed:
	error(_("%s: cannot write: %s; no export was written"), path,
	      strerror(errno));
	return EXIT_REFUSED;
}

/* Whether PATH names a folder (through links too). */
static bool is_folder(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Whether PATH's last component ends in EXT (any case). */
static bool has_extension(const char *path, const char *ext)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash ? slash + 1 : path, '.');

	return dot && !strcasecmp(dot, ext);
}

static int run(void *input)
{
	struct args *a = input;
	enum export_format fmt;
	struct reg r;
	int rc;

	if (!strcasecmp(a->format, "csv"))
		fmt = EXPORT_CSV;
	else if (!strcasecmp(a->format, "json"))
		fmt = EXPORT_JSON;
	else if (!strcasecmp(a->format, "xlsx"))
		fmt = EXPORT_XLSX;
	else if (!strcasecmp(a->format, "ods"))
		fmt = EXPORT_ODS;
	else if (!strcasecmp(a->format, "survey"))
		fmt = EXPORT_SURVEY;
	else
		return cli_usage("export", _("unknown format '%s' (use csv, "
					    "json, xlsx, ods or survey)"),
				 a->format);
	if ((a->lang || a->area) && fmt != EXPORT_SURVEY)
		return cli_usage("export", _("--lang and --area are for export "
					    "survey"));
	if (a->lang && !lang_key(a->lang))
		return cli_usage("export", _("unknown language '%s' (use da or "
					    "en)"),
				 a->lang);
	if (a->lang)
		a->lang = lang_key(a->lang);
	if (a->lang)
		survey_lang = a->lang;
	/* A workbook is a file, never the screen, and its name says what
	 * it is. */
	if (fmt == EXPORT_XLSX && (!a->output || !strcmp(a->output, "-")))
		return cli_usage("export", _("export xlsx writes a file: give "
					    "its name with -o FILE.xlsx"));
	if (fmt == EXPORT_XLSX && !has_extension(a->output, ".xlsx"))
		return cli_usage("export", _("%s: an xlsx export is named "
					    ".xlsx"),
				 a->output);
	if (fmt == EXPORT_ODS && (!a->output || !strcmp(a->output, "-")))
		return cli_usage("export", _("export ods writes a file: give "
					    "its name with -o FILE.ods"));
	if (fmt == EXPORT_ODS && !has_extension(a->output, ".ods"))
		return cli_usage("export", _("%s: an ods export is named .ods"),
				 a->output);
	if ((fmt == EXPORT_XLSX || fmt == EXPORT_ODS) && is_folder(a->output)) {
		error(_("%s is a folder; give the export a file's name with -o"),
		      a->output);
		return EXIT_REFUSED;
	}
	/* Before any work: never over the register, --force or not. */
	if (a->output && strcmp(a->output, "-") &&
	    guard_output(a->output, N_("the export"), false) < 0)
		return EXIT_REFUSED;
	rc = cli_status(reg_open(&r, REG_READ));
	if (rc)
		goto out;
	if (reg_area_filter(&r, a->area, &survey_area) < 0) {
		rc = EXIT_REFUSED;
		goto out;
	}
	if (fmt == EXPORT_XLSX)
		rc = xlsx_write(&r, a->output) < 0 ? EXIT_REFUSED : EXIT_OK;
	else if (fmt == EXPORT_ODS)
		rc = ods_write(&r, a->output) < 0 ? EXIT_REFUSED : EXIT_OK;
	else if (a->output && strcmp(a->output, "-"))
		rc = write_file(&r, fmt, a->output);
	else
		write_export(&r, fmt, stdout);
	if (!rc && fmt == EXPORT_CSV)
		say_left_out(&r);
out:
	reg_close(&r);
	return rc;
}

const struct cli_command cmd_export = {
	.one = {.run = run, .min = 1, .max = 1,
		.args_doc = N_("csv|json|xlsx|ods|survey"),
		.needs = N_("a format: csv, json, xlsx, ods or survey"),
		.opts = options,
		.words_at = (const size_t[]){offsetof(struct args, format)}},
	.input_size = sizeof(struct args),
	.doc = N_("Write the whole register for other programs.  csv is one "
		  "row per item with its fields, burden, vote counts, "
		  "priority, decision and solution, for spreadsheets; 'styr "
		  "import csv' reads it back.  json is everything the register "
		  "holds (the phase model, areas, people, meetings with "
		  "attendance, items with every note, rating and vote, the "
		  "change log), for scripts; 'styr import json' restores it "
		  "into an empty register.  xlsx is a workbook for Excel and "
		  "LibreOffice (written to -o FILE.xlsx): the items with every "
		  "csv column, numbers as numbers and dates as dates, then "
		  "sheets of ratings, votes, meetings and the decision log, "
		  "each with its header row frozen and a filter on it; the "
		  "headers are Danish under a Danish locale.  ods is the same "
		  "workbook for LibreOffice (OpenDocument, -o "
		  "FILE.ods).\vsurvey is the question list to set up in a "
		  "survey tool (SurveyXact, Microsoft Forms), as CSV: a "
		  "question for the respondent's name and role, then one per "
		  "item, 'D4: the title', with the item's description as help "
		  "text and the three experiences as the answers, in the "
		  "language --lang gives.  'styr import ratings' reads the "
		  "tool's export of the answers back.")};
