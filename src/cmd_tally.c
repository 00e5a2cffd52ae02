// SPDX-License-Identifier: GPL-3.0-or-later
/* styr tally: the workshop votes counted per item. */
#include "commands.h"
#include "reg.h"
#include "table.h"
#include "util.h"
#include "value.h"
#include "view.h"
#include "vocab.h"

struct args {
	const char *meeting, *format;
};

static const struct cli_option options[] = {
	{"meeting", 'm', N_("MID"), offsetof(struct args, meeting),
	 N_("count only the votes cast in this meeting")},
	CLI_FORMAT_TABLES(struct args, format),
	{0}};

/* The leading priority's keyword, "tie", or NULL when nobody voted. */
static const char *leading_key(const struct item_facts *f)
{
	if (f->leading >= 0)
		return vocab_priority.words[f->leading].key;
	return f->leading == -2 ? "tie" : NULL;
}

static void print_json(struct reg *r, const char *mid)
{
	struct arena *a = arena_new();
	struct val *arr = val_arr(a);
	struct item_facts f;
	xmlNodePtr n;
	int i;

	for (n = node_first(r->items); n; n = node_after(n)) {
		struct val *o = val_obj(a);
		item_facts(n, mid, 0, &f);
		val_set(a, o, "id", val_str(a, node_attr(n, "id")));
		for (i = 0; i < 3; i++)
			val_set(a, o, vocab_priority.words[i].key,
				val_int(a, f.votes[i]));
		val_set(a, o, "leading", val_str_or_null(a, leading_key(&f)));
		val_push(a, arr, o);
	}
	val_write_json(stdout, arr);
	arena_free(a);
}

static void print_table(struct reg *r, const char *mid, enum format fmt)
{
	const char *lang = msg_lang();
	/* The priorities' columns carry their labels, as in the cells. */
	const char *table_headers[] = {
		C_("table header", "ID"),
		C_("table header", "Title"),
		vocab_label(&vocab_priority, "remove", lang),
		vocab_label(&vocab_priority, "change", lang),
		vocab_label(&vocab_priority, "anchor", lang),
		C_("table header", "Leading")};
	static const char *const data_headers[] = {
		"id", "title", "remove", "change", "anchor", "leading"};
	struct table *t = table_new(6, fmt == FMT_TABLE ? table_headers
						       : data_headers);
	struct item_facts f;
	xmlNodePtr n;
	int i;

	table_max_width(t, 1, 40);
	for (i = 2; i < 5; i++)
		table_align_right(t, i);
	for (n = node_first(r->items); n; n = node_after(n)) {
		const char *lead;
		item_facts(n, mid, 0, &f);
		lead = leading_key(&f);
		table_row(t);
		table_cell(t, node_attr(n, "id"));
		table_cell(t, node_text(node_child(n, "title")));
		for (i = 0; i < 3; i++)
			table_cellf(t, "%d", f.votes[i]);
		/* People read labels; spreadsheets get keywords. */
		if (fmt != FMT_TABLE || !lead)
			table_cell(t, lead);
		else if (f.leading == -2)
			/* TRANSLATORS: two priorities have the most votes */
			table_cell(t, _("Tie"));
		else
			table_cell(t, vocab_label(&vocab_priority, lead, lang));
	}
	table_print(t, fmt, stdout);
	table_free(t);
}

static int run(void *input)
{
	struct args *a = input;
	enum format fmt = FMT_TABLE;
	const char *mid = NULL;
	struct reg r;
	xmlNodePtr m = NULL;
	int rc;

	if (cli_format(a->format, FMT_TABLES, &fmt) < 0)
		return EXIT_REFUSED;
	rc = cli_status(reg_open(&r, REG_READ));
	if (rc)
		goto out;
	if (a->meeting && !(m = reg_known_meeting(&r, a->meeting))) {
		rc = EXIT_REFUSED;
		goto out;
	}
	mid = m ? node_attr(m, "id") : NULL;
	if (fmt == FMT_JSON)
		print_json(&r, mid);
	else if (!node_first(r.items) && fmt == FMT_TABLE)
		info(_("no items yet; add one with 'styr add KIND TITLE'"));
	else
		print_table(&r, mid, fmt);
out:
	reg_close(&r);
	return rc;
}

const struct cli_command cmd_tally = {
	.one = {.run = run, .opts = options},
	.input_size = sizeof(struct args),
	.doc = N_("Count the workshop votes per item: how many for remove "
		  "(fjerne), change (forandre) and anchor (forankre), and "
		  "which leads.  When two priorities have the most votes, the "
		  "item shows a tie.")};
