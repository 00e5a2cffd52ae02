// SPDX-License-Identifier: GPL-3.0-or-later
/* styr show: one item with everything the register holds about it. */
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "correct.h"
#include "reg.h"
#include "table.h"
#include "util.h"
#include "view.h"
#include "vocab.h"

struct args {
	const char *id, *format;
};

static const struct cli_option options[] = {
	{"format", 'F', N_("FORMAT"), offsetof(struct args, format),
	 N_("text (default, for reading) or json (for scripts)")},
	{0}};

/* The card's labels besides the fields' (item_fields.h), so that the
 * values line up in any language. */
enum label {
	L_PHASE, L_FORMERLY, L_NOTES, L_EXPERIENCE, L_RATINGS, L_BURDEN,
	L_VOTES, L_PROPOSAL, L_DECISION, L_SOLUTION, L_COUNT
};
static const char *const labels[L_COUNT] = {
	N_("Registered:"), N_("Formerly:"), N_("Notes:"), N_("Experience:"),
	N_("Ratings:"), N_("Burden:"), N_("Votes:"), N_("Proposal:"),
	N_("Decision:"), N_("Solution:")};

struct card {
	int width; /* of the label column */
	bool first; /* of a field's lines */
};

/* Starts a field's line: its label (N_) on the first, blanks after. */
static void line(struct card *c, const char *label)
{
	const char *s = c->first ? _(label) : "";

	printf("%s%*s", s, c->width - text_width(s), "");
	c->first = false;
}

/* One field; TEXT may run over several lines, which keep the indent.
 * Empty text shows as "-". */
static void field(struct card *c, const char *label, const char *text)
{
	const char *p = text && *text ? text : "-";

	c->first = true;
	do {
		size_t n = strcspn(p, "\n");
		line(c, label);
		printf("%.*s\n", (int)n, p);
		p += n;
	} while (*p++);
}

/* The string member KEY of OBJ, "" when null. */
static const char *str(const struct val *obj, const char *key)
{
	const struct val *v = val_get(obj, key);

	return v && v->type == VAL_STR ? v->u.str : "";
}

static long num(const struct val *obj, const char *path)
{
	const struct val *v = val_path(obj, path);

	return v && v->type == VAL_INT ? v->u.i : 0;
}

/* "Supportive 1, Too tight 2, Too loose 0" for one survey round. */
static void experience_line(struct strbuf *sb, const struct val *item,
			    const char *round, const char *lang)
{
	int i;

	sb_printf(sb, "%s: ", vocab_label(&vocab_round, round, lang));
	for (i = 0; i < 3; i++) {
		const char *key = vocab_experience.words[i].key;
		char *path = xasprintf("experience.%s.%s", round, key);
		sb_printf(sb, "%s%s %ld", i ? ", " : "",
			  vocab_label(&vocab_experience, key, lang),
			  num(item, path));
		free(path);
	}
}

/* Each part NAME of ITEM on a line of its own, numbered as 'rate
 * remove', 'vote withdraw' and the like name them. */
static void numbered(struct strbuf *sb, struct reg *r, xmlNodePtr item,
		     const char *name)
{
	xmlNodePtr p;
	int k = 0;

	for (p = node_child(item, name); p; p = node_next(p, name)) {
		char *d = correct_describe(r, p);
		sb_printf(sb, "%s%d. %s", k ? "\n" : "", k + 1, d);
		free(d);
		k++;
	}
}

static void print_card(struct reg *r, xmlNodePtr node, const struct val *v,
		       const char *lang)
{
	struct card c = {0, true};
	struct strbuf sb = {0};
	const struct val *x;
	struct item_facts f;
	int i;

	for (i = 0; i < F_COUNT + L_COUNT; i++) {
		const char *l = i < F_COUNT ? item_field_info[i].label
					    : labels[i - F_COUNT];
		if (text_width(_(l)) + 2 > c.width)
			c.width = text_width(_(l)) + 2;
	}

	printf("%s  %s\n", str(v, "id"), str(v, "kind_label"));
	for (i = 0; i < F_COUNT; i++) {
		const struct item_field_info *fi = &item_field_info[i];
		const char *s = str(v, fi->name);
		/* Keywords in words; an area with its name. */
		if (fi->type == ITEM_WORD)
			s = str(v, fi->extra);
		if (fi->type == ITEM_AREA && *s) {
			sb_printf(&sb, "%s (%s)", s, str(v, fi->extra));
			s = sb.buf;
		}
		field(&c, fi->label, s);
		sb_free(&sb);
	}
	if (node_attr(node, "phase")) {
		sb_printf(&sb, _("in phase %s"), node_attr(node, "phase"));
		field(&c, labels[L_PHASE], sb.buf);
		sb_free(&sb);
	}

	/* The ids it had before its kind changed (edit --kind). */
	{
		const char **ids = correct_former_ids(r, node_attr(node, "id"));
		for (i = 1; ids[i]; i++)
			sb_printf(&sb, "%s%s", i > 1 ? ", " : "", ids[i]);
		if (sb.len)
			field(&c, labels[L_FORMERLY], sb.buf);
		sb_free(&sb);
		free(ids);
	}

	/* Each note: who, how and when on one line, its text below. */
	x = val_get(v, "notes");
	c.first = true;
	if (!x->u.arr.n)
		field(&c, labels[L_NOTES], _("none yet"));
	for (size_t k = 0; k < x->u.arr.n; k++) {
		const struct val *note = x->u.arr.v[k];
		const char *parts[3] = {str(note, "date"),
					str(note, "method_label"),
					str(note, "by")};
		const char *p = str(note, "text");
		int shown = 0;

		line(&c, labels[L_NOTES]);
		/* Numbered, as 'note remove' and 'note change' name them. */
		printf("%zu. ", k + 1);
		for (i = 0; i < 3; i++)
			if (*parts[i])
				printf("%s%s", shown++ ? ", " : "", parts[i]);
		if (!shown)
			printf("-");
		putchar('\n');
		do {
			size_t n = strcspn(p, "\n");
			line(&c, labels[L_NOTES]);
			printf("   %.*s\n", (int)n, p);
			p += n;
		} while (*p++);
	}

	experience_line(&sb, v, "baseline", lang);
	sb_puts(&sb, "\n");
	experience_line(&sb, v, "followup", lang);
	field(&c, labels[L_EXPERIENCE], sb.buf);
	sb_free(&sb);
	numbered(&sb, r, node, "rating");
	field(&c, labels[L_RATINGS], sb.buf);
	sb_free(&sb);

	item_facts(node, NULL, reg_default_tariff(r), &f);
	if (f.has_burden)
		burden_describe(&sb, &f);
	field(&c, labels[L_BURDEN], sb.buf);
	sb_free(&sb);

	for (i = 0; i < 3; i++) {
		const char *key = vocab_priority.words[i].key;
		sb_printf(&sb, "%s%s %d", i ? ", " : "",
			  vocab_label(&vocab_priority, key, lang), f.votes[i]);
	}
	if (node_child(node, "vote"))
		sb_puts(&sb, "\n");
	numbered(&sb, r, node, "vote");
	field(&c, labels[L_VOTES], sb.buf);
	sb_free(&sb);

	if (*str(v, "priority")) {
		sb_puts(&sb, str(v, "priority_label"));
		if (*str(v, "priority_reason"))
			sb_printf(&sb, ": %s", str(v, "priority_reason"));
	}
	field(&c, labels[L_PROPOSAL], sb.buf);
	sb_free(&sb);

	if (*str(v, "decision")) {
		sb_puts(&sb, str(v, "decision_label"));
		if (*str(v, "decision_date"))
			sb_printf(&sb, " (%s)", str(v, "decision_date"));
		if (*str(v, "decision_reason"))
			sb_printf(&sb, ": %s", str(v, "decision_reason"));
	}
	field(&c, labels[L_DECISION], sb.buf);
	sb_free(&sb);

	x = val_get(v, "solution");
	if (x && x->type == VAL_OBJ) {
		sb_puts(&sb, str(x, "status_label"));
		if (*str(x, "criteria"))
			sb_printf(&sb, _("\ncriteria: %s"), str(x, "criteria"));
		if (*str(x, "evaluate_by"))
			sb_printf(&sb, _("\nevaluate by %s"),
				  str(x, "evaluate_by"));
	}
	field(&c, labels[L_SOLUTION], sb.buf);
	sb_free(&sb);
}

static int run(void *input)
{
	struct args *a = input;
	enum format fmt = FMT_TEXT;
	struct view_opts vo = {0};
	struct arena *arena;
	struct reg r;
	xmlNodePtr item;
	int rc;

	if (a->format &&
	    cli_format(a->format, 1u << FMT_TEXT | 1u << FMT_JSON, &fmt) < 0)
		return EXIT_REFUSED;
	rc = cli_status(reg_open(&r, REG_READ));
	if (rc)
		goto out;
	item = reg_item(&r, a->id);
	if (!item) {
		rc = EXIT_REFUSED;
		goto out;
	}
	arena = arena_new();
	if (fmt == FMT_JSON) {
		val_write_json(stdout, view_item(arena, &r, item, NULL));
	} else {
		/* Labels (kind_label, ...) in the language of the messages. */
		vo.lang = msg_lang();
		print_card(&r, item, view_item(arena, &r, item, &vo), vo.lang);
	}
	arena_free(arena);
out:
	reg_close(&r);
	return rc;
}

const struct cli_command cmd_show = {
	.one = {.run = run, .min = 1, .max = 1, .args_doc = N_("ID"),
		.needs = N_("the id of the item to show (see 'styr list')"),
		.hint = N_("show one item at a time"), .opts = options,
		.words_at = (const size_t[]){offsetof(struct args, id)}},
	.input_size = sizeof(struct args),
	.doc = N_("Show item ID as a card: what it is, where it was found, the "
		  "notes from the mapping, how it is experienced, what it "
		  "costs, the votes, the proposal, the decision and the "
		  "solution.")};
