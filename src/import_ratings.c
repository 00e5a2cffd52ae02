// SPDX-License-Identifier: GPL-3.0-or-later
/* import ratings: a survey export in its wide shape; see import_ratings.h. */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <zlib.h>

#include "cli.h"
#include "guard.h"
#include "import_ratings.h"
#include "import_ratings_int.h"
#include "item.h"
#include "names.h"
#include "reg.h"
#include "strmap.h"
#include "survey_columns.h"
#include "util.h"
#include "vocab.h"

const char *ratings_cell(struct ratings *rt, const struct csv_record *rec,
			 size_t i)
{
	char *row = sheet_where(rt->name, rec), label[16];

	free(rt->where);
	sheet_column_label(label, rec, i);
	if (rec->sheet)
		rt->where = xasprintf(_("%s, column %s ('%s')"), row, label,
				      rt->col[i].header);
	else
		rt->where = xasprintf(_("%s: column '%s'"), row,
				      rt->col[i].header);
	free(row);
	return rt->where;
}

/* The item column header H names, or NULL: an id (with the title or
 * anything else after ':', '.', ' ' or '-'), or a title. */
static const char *item_of(struct ratings *rt, const char *h, const char *key)
{
	char id[16];
	size_t n = 0;
	xmlNodePtr item;

	if (strchr("GgRrDd", h[0]) && isdigit((unsigned char)h[1])) {
		while (n + 1 < sizeof id && (n == 0 || isdigit((unsigned char)h[n]))) {
			id[n] = (char)toupper((unsigned char)h[n]);
			n++;
		}
		id[n] = '\0';
		if (!h[n] || strchr(":. -)", h[n])) {
			item = reg_find_item(rt->r, id);
			if (item)
				return node_attr(item, "id");
		}
	}
	return strmap_get(rt->titles, key);
}

/* The title nearest to KEY (a header's key) for "did you mean", as
 * "'D1: the title'", or NULL when none shares at least half its
 * letters. */
static char *nearest_title(struct ratings *rt, const char *key)
{
	size_t most = strlen(key) / 2, best = (size_t)-1, d;
	xmlNodePtr n, found = NULL;

	if (most < 3)
		most = 3;
	for (n = node_first(rt->r->items); n; n = node_after(n)) {
		char *k = name_key(node_text(node_child(n, "title")));
		d = name_distance(key, k);
		free(k);
		if (d <= most && d < best) {
			best = d;
			found = n;
		}
	}
	return found ? xasprintf("'%s: %s'", node_attr(found, "id"),
				 node_text(node_child(found, "title")))
		     : NULL;
}

/* Refuses column LABEL, H (key KEY), that is nothing import reads. */
static int unknown_column(struct ratings *rt, const char *row,
			  const char *label, const char *h, const char *key)
{
	char *near = nearest_title(rt, key);
	int rc;

	if (near)
		rc = error(_("%s: column %s, '%s', is no item of the register "
			     "(by its id, such as D4, or its title; did you "
			     "mean %s?), nor 'respondent' or 'role'; correct "
			     "the header or remove the column from the file"),
			   row, label, h, near);
	else
		rc = error(_("%s: column %s, '%s', is no item of the register "
			     "(by its id, such as D4, or its title), nor "
			     "'respondent' or 'role'; remove it from the "
			     "file"),
			   row, label, h);
	free(near);
	return rc;
}

/* After the header: a time stamp stands in for the answer id only when
 * the tool gave none (Google Forms). */
static void header_done(struct ratings *rt)
{
	size_t i;

	for (i = 0; i < rt->ncols; i++)
		if (rt->col[i].what == COL_STAMP && rt->answer != (int)i)
			rt->col[i].what = COL_SKIP;
}

static int read_header(struct ratings *rt, const struct csv_record *rec)
{
	char *row = sheet_where(rt->name, rec), label[16];
	int stamp = -1;
	size_t i, j;
	int rc = 0;

	rt->sheet = rec->sheet ? xstrdup(rec->sheet) : NULL;
	rt->ncols = rec->n;
	rt->col = xcalloc(rec->n ? rec->n : 1, sizeof *rt->col);
	for (i = 0; i < rec->n && !rc; i++) {
		const char *h = trim(rec->field[i]);
		char *key = name_key(h);
		enum survey_column kind = survey_column_kind(key);
		struct column *c = &rt->col[i];

		sheet_column_label(label, rec, i);
		c->header = xstrdup(h);
		if (!*h) {
			rc = error(_("%s: column %s has no name in the header "
				     "row"),
				   row, label);
		} else if (kind == SURVEY_RESPONDENT) {
			c->what = COL_RESPONDENT;
			if (rt->respondent >= 0)
				rc = error(_("%s: two respondent columns (%s "
					     "and %s)"),
					   row, rt->col[rt->respondent].header,
					   h);
			rt->respondent = (int)i;
		} else if (kind == SURVEY_ROLE) {
			c->what = COL_ROLE;
			if (rt->role >= 0)
				rc = error(_("%s: two role columns"), row);
			rt->role = (int)i;
		} else if ((c->item = item_of(rt, h, key)) &&
			   strmap_get(rt->twice, key)) {
			rc = error(_("%s: column %s, '%s', is the title of both "
				     "%s and %s; head the column with the "
				     "item's id"),
				   row, label, h, c->item,
				   (const char *)strmap_get(rt->twice, key));
		} else if (c->item) {
			c->what = COL_ITEM;
			for (j = 0; j < i; j++)
				if (rt->col[j].what == COL_ITEM &&
				    !strcmp(rt->col[j].item, c->item))
					rc = error(_("%s: columns '%s' and '%s' "
						     "are both item %s"),
						   row, rt->col[j].header, h,
						   c->item);
			rt->nitems++;
		} else if (kind == SURVEY_ANSWER) {
			c->what = COL_ANSWER;
			if (rt->answer >= 0)
				rc = error(_("%s: two columns hold the "
					     "answers' ids (%s and %s)"),
					   row, rt->col[rt->answer].header, h);
			rt->answer = (int)i;
		} else if (kind == SURVEY_STAMP || kind == SURVEY_SKIP) {
			c->what = kind == SURVEY_STAMP ? COL_STAMP : COL_SKIP;
			if (kind == SURVEY_STAMP)
				stamp = (int)i;
			/* With --date, the file's days are not read. */
			if (rt->completed < 0 && !rt->o->date &&
			    survey_column_completed(key))
				rt->completed = (int)i;
		} else {
			rc = unknown_column(rt, row, label, h, key);
		}
		free(key);
	}
	if (!rc && !rt->nitems)
		rc = error(_("%s: no column names an item (by its id, such as "
			     "D4, or its title)"),
			   row);
	if (rt->answer < 0)
		rt->answer = stamp;
	header_done(rt);
	free(row);
	return rc;
}

/* Who answered the row: *STORED the respondent as the rating records
 * them (a person's id, a guest's name) or NULL, *SHOWN as people read
 * it.  *KEEP is freed by the caller. */
static int respondent(struct ratings *rt, const struct csv_record *rec,
		      const char **stored, const char **shown, char **keep)
{
	char *name, *identity;
	xmlNodePtr p;
	void *row;

	*stored = *shown = NULL;
	*keep = NULL;
	if (rt->respondent < 0)
		return 0;
	name = trim(rec->field[rt->respondent]);
	/* Microsoft Forms writes "anonymous" where it took no name. */
	if (!*name || !strcasecmp(name, "anonymous") ||
	    !strcasecmp(name, "anonym"))
		return 0;
	error_context(ratings_cell(rt, rec, (size_t)rt->respondent));
	if (check_text(_("respondent"), name) < 0)
		return -1;
	p = person_find(rt->r, name);
	if (p) {
		*stored = node_attr(p, "id");
		*shown = node_text(p);
	} else if (rt->o->guest) {
		*stored = *shown = *keep = name_tidy(name);
	} else {
		return person_unknown(
			rt->r, name,
			_("'%s' is not in the people list; did you mean %s? "
			  "(guests who are not in the list are imported with "
			  "--guest)"),
			_("'%s' is not in the people list (add them with "
			  "'styr person add', or import guests with "
			  "--guest)"));
	}
	identity = p ? xstrdup(*stored) : name_key(*stored);
	row = strmap_get(rt->seen, identity);
	if (row) {
		free(identity);
		if (rec->sheet)
			return error(_("%s answered on row %ld already; one "
				       "answer per person and round"),
				     *shown, (long)(intptr_t)row);
		return error(_("%s answered on line %ld already; one answer "
			       "per person and round"),
			     *shown, (long)(intptr_t)row);
	}
	strmap_add(rt->seen, identity, (void *)(intptr_t)rec->line);
	free(identity);
	if (rt->role >= 0 && p) {
		const char *role = trim(rec->field[rt->role]);
		int k;
		if (!*role)
			return 0;
		error_context(ratings_cell(rt, rec, (size_t)rt->role));
		if ((k = vocab_parse(&vocab_role, role)) < 0)
			return -1;
		if (strcmp(vocab_role.words[k].key, node_attr(p, "role")))
			return error(_("%s is %s in the people list, not %s"),
				     *shown,
				     vocab_label(&vocab_role,
						 node_attr(p, "role"),
						 msg_lang()),
				     vocab_label(&vocab_role,
						 vocab_role.words[k].key,
						 msg_lang()));
	} else if (rt->role >= 0 && *trim(rec->field[rt->role])) {
		error_context(ratings_cell(rt, rec, (size_t)rt->role));
		if (vocab_parse(&vocab_role, trim(rec->field[rt->role])) < 0)
			return -1;
	}
	return 0;
}

/* The survey tool's id of the answer on REC, in *ID (malloc'd; NULL when
 * the file has none).  A time stamp (Google Forms) is no id: two answers
 * may come in the same second, or, from a spreadsheet that shows only
 * the day, on the same day; the second one is "STAMP #2", counted in the
 * file's order, which the tool keeps from one export to the next (new
 * answers come last). */
static int answer_id(struct ratings *rt, const struct csv_record *rec,
		     char **id)
{
	const char *v;
	void *row;
	long n;

	*id = NULL;
	if (rt->answer < 0)
		return 0;
	v = trim(rec->field[rt->answer]);
	error_context(ratings_cell(rt, rec, (size_t)rt->answer));
	if (!*v)
		return error(_("the row has no answer id, though the survey "
			       "tool gives every answer one; a row typed in "
			       "by hand belongs in a file of its own"));
	if (check_text(_("answer id"), v) < 0)
		return -1;
	*id = xstrdup(v);
	for (n = 2; strmap_add(rt->answers, *id,
			       (void *)(intptr_t)rec->line) < 0;
	     n++) {
		if (rt->col[rt->answer].what != COL_STAMP) {
			row = strmap_get(rt->answers, *id);
			free(*id);
			*id = NULL;
			if (rec->sheet)
				return error(_("answer id %s is on row %ld "
					       "already; the survey tool gives "
					       "each answer its own"),
					     v, (long)(intptr_t)row);
			return error(_("answer id %s is on line %ld already; "
				       "the survey tool gives each answer "
				       "its own"),
				     v, (long)(intptr_t)row);
		}
		free(*id);
		*id = xasprintf("%s #%ld", v, n);
	}
	return 0;
}

/* Adds REC to the digest of the file: its cells as read, trimmed, so
 * that the same answers saved again (CSV from the same workbook, the
 * columns' spacing changed) are the same file. */
static void digest_add(struct ratings *rt, const struct csv_record *rec)
{
	size_t i;

	for (i = 0; i < rec->n; i++) {
		const char *f = trim(rec->field[i]);
		size_t len = strlen(f);
		rt->crc = crc32_z(rt->crc, (const Bytef *)f, len);
		rt->crc = crc32_z(rt->crc, (const Bytef *)"\x1f", 1);
		rt->size += len + 1;
	}
	rt->crc = crc32_z(rt->crc, (const Bytef *)"\x1e", 1);
	rt->size++;
}

static int read_row(struct ratings *rt, const struct csv_record *rec)
{
	const char *stored, *shown, *lang = msg_lang();
	char *keep, *aid = NULL, *said = NULL, day[11];
	size_t i;
	int k, rc = 0;
	long before;
	bool own;

	for (i = 0; i < rec->n && !*trim(rec->field[i]); i++)
		;
	if (i == rec->n)
		return 0; /* a blank row */
	if (rec->n != rt->ncols) {
		char *row = sheet_where(rt->name, rec);
		rc = error(_("%s: the row has %zu fields, but the header row "
			     "has %zu columns"),
			   row, rec->n, rt->ncols);
		free(row);
		return rc;
	}
	digest_add(rt, rec);
	if (respondent(rt, rec, &stored, &shown, &keep) < 0 ||
	    answer_id(rt, rec, &aid) < 0 ||
	    ratings_row_day(rt, rec, day, &own) < 0) {
		free(keep);
		free(aid);
		return -1;
	}
	if (!stored && aid)
		shown = said = xasprintf(_("answer %s"), aid);
	before = rt->ratings;
	rt->rows++;
	for (i = 0; i < rec->n && !rc; i++) {
		const char *answer = trim(rec->field[i]);
		xmlNodePtr item, rating = NULL;

		if (rt->col[i].what != COL_ITEM || !*answer)
			continue;
		error_context(ratings_cell(rt, rec, i));
		if ((k = vocab_parse(&vocab_experience, answer)) < 0) {
			rc = -1;
			break;
		}
		item = reg_find_item(rt->r, rt->col[i].item);
		if (stored)
			rating = item_find_rating(item, rt->round, stored);
		else if (aid)
			rating = item_find_answer(item, rt->round, aid);
		if (rating && !strcmp(node_attr(rating, "experience"),
				      vocab_experience.words[k].key)) {
			rt->same++; /* imported before: nothing new */
			continue;
		}
		if (rating)
			sb_printf(&rt->log, "%s%s: %s '%s' -> '%s'",
				  rt->replaced++ ? "; " : "",
				  rt->col[i].item, shown,
				  vocab_label(&vocab_experience,
					      node_attr(rating, "experience"),
					      lang),
				  vocab_label(&vocab_experience,
					      vocab_experience.words[k].key,
					      lang));
		rating = item_set_rating(rt->r, item, rating, rt->round,
					 vocab_experience.words[k].key, stored,
					 day);
		node_set_attr(rating, "answer-id", aid);
		ratings_answered(rt, rating, day, own);
		strmap_add(rt->items, rt->col[i].item, (void *)1);
		rt->ratings++;
	}
	if (!stored && !aid && rt->ratings > before)
		rt->plain++;
	free(keep);
	free(aid);
	free(said);
	return rc;
}

static int on_record(const struct csv_record *rec, void *ctx)
{
	struct ratings *rt = ctx;
	int rc;

	if (rec->number == 1) {
		digest_add(rt, rec);
		return read_header(rt, rec);
	}
	rc = read_row(rt, rec);
	error_context(NULL);
	return rc;
}

static void ratings_init(struct ratings *rt, struct reg *r, const char *name)
{
	xmlNodePtr n;

	memset(rt, 0, sizeof *rt);
	rt->r = r;
	rt->name = name;
	rt->respondent = rt->role = rt->answer = rt->completed = -1;
	rt->answers = strmap_new(0);
	rt->titles = strmap_new(0);
	rt->seen = strmap_new(0);
	rt->items = strmap_new(0);
	rt->twice = strmap_new(0);
	for (n = node_first(r->items); n; n = node_after(n)) {
		char *key = name_key(node_text(node_child(n, "title")));
		if (strmap_add(rt->titles, key, (void *)node_attr(n, "id")) < 0)
			strmap_add(rt->twice, key, (void *)node_attr(n, "id"));
		free(key);
	}
}

static void ratings_free(struct ratings *rt)
{
	size_t i;

	for (i = 0; i < rt->ncols; i++)
		free(rt->col[i].header);
	free(rt->col);
	free(rt->sheet);
	free(rt->where);
	free(rt->unread);
	free(rt->undated_at);
	free(rt->dated);
	strmap_free(rt->titles);
	strmap_free(rt->seen);
	strmap_free(rt->items);
	strmap_free(rt->twice);
	strmap_free(rt->answers);
	sb_free(&rt->log);
}

/* The last import of the same rows into the same round (its log entry
 * has DIGEST), or NULL.
 *
 * CRC-32 and the size are enough here: the digest only has to tell a
 * survey export from another export a person might import by mistake,
 * never from a file made to look alike, and the two that would have to
 * collide are two exports of the same survey, the same length to the
 * byte.  Should that one chance in four billion happen, the import is
 * refused and --again imports it: nothing is lost. */
static xmlNodePtr imported_before(struct reg *r, const char *digest)
{
	xmlNodePtr e, found = NULL;

	for (e = node_child(r->log, "entry"); e; e = node_next(e, "entry")) {
		const char *d = node_attr(e, "digest");
		if (d && !strcmp(d, digest))
			found = e;
	}
	return found;
}

/* Refuses the file NAME whose rows ENTRY logged importing into ROUND. */
static void refuse_again(const struct ratings *rt, const char *round,
			 xmlNodePtr entry)
{
	char when[17];

	snprintf(when, sizeof when, "%s", node_attr(entry, "when"));
	if (when[10] == 'T')
		when[10] = ' ';
	error(ngettext("%s: these answers were imported into the %s round "
		       "already, on %s (UTC) by %s (the log says: '%s'); the "
		       "file has no answer ids, so importing it again would "
		       "count its %ld anonymous respondent twice",
		       "%s: these answers were imported into the %s round "
		       "already, on %s (UTC) by %s (the log says: '%s'); the "
		       "file has no answer ids, so importing it again would "
		       "count its %ld anonymous respondents twice",
		       (unsigned long)rt->plain),
	      rt->name, round, when, node_attr(entry, "by"),
	      node_text(node_child(entry, "what")), rt->plain);
	error(_("%s: if these really are other answers than those, import "
		"the file with --again"),
	      rt->name);
}

/* How many of the file's answers were new, replaced an earlier rating or
 * were recorded already, after "imported N ratings (...) from FILE". */
static void counts(struct strbuf *sb, const struct ratings *rt)
{
	long fresh = rt->ratings - rt->replaced;

	/* TRANSLATORS: after "imported 35 ratings (Baseline) from FILE":
	 * how many were new, how many replaced earlier ones, and how many
	 * answers in the file were recorded already */
	sb_printf(sb, ngettext(": %ld new", ": %ld new", (unsigned long)fresh),
		  fresh);
	sb_printf(sb,
		  ngettext(", %ld replaced", ", %ld replaced",
			   (unsigned long)rt->replaced),
		  rt->replaced);
	sb_printf(sb,
		  ngettext(", %ld unchanged", ", %ld unchanged",
			   (unsigned long)rt->same),
		  rt->same);
}

int import_ratings(const struct sheet_source *src,
		   const struct ratings_opts *o)
{
	const char *lang = msg_lang(), *round_label;
	struct ratings rt;
	struct reg r;
	xmlNodePtr e;
	int k, rc;
	char date[11], digest[48];

	if ((k = vocab_parse(&vocab_round, o->round)) < 0)
		return EXIT_REFUSED;
	if (parse_past_date("--date", o->date, date) < 0)
		return EXIT_REFUSED;
	rc = cli_status(reg_open(&r, o->dry_run ? REG_READ : REG_WRITE));
	if (rc) {
		reg_close(&r);
		return rc;
	}
	ratings_init(&rt, &r, src->name);
	rt.o = o;
	rt.round = vocab_round.words[k].key;
	memcpy(rt.date, date, sizeof date);
	today_iso(rt.today);
	round_label = vocab_label(&vocab_round, rt.round, lang);
	/* The digest is of the round and the rows (digest_add). */
	rt.crc = crc32_z(crc32_z(0L, Z_NULL, 0), (const Bytef *)rt.round,
			 strlen(rt.round));
	rt.size = strlen(rt.round);
	rc = sheet_read(src, on_record, &rt);
	snprintf(digest, sizeof digest, "crc32:%08lx/%llu",
		 (unsigned long)rt.crc, rt.size);
	if (!rc && rt.plain && !o->again &&
	    (e = imported_before(&r, digest))) {
		refuse_again(&rt, round_label, e);
		rc = -1;
	}
	if (!rc) {
		ratings_days_done(&rt);
		ratings_columns_said(&rt);
	}
	if (rc < 0) {
		error_context(NULL);
		error(_("%s: nothing was imported"), src->name);
		rc = EXIT_REFUSED;
	} else if (!rt.ratings && rt.same) {
		info(_("%s: every answer in the file is recorded already; "
		       "nothing was changed"),
		     src->name);
	} else if (!rt.ratings) {
		info(_("%s: no answers in the file; nothing was changed"),
		     src->name);
	} else if (o->dry_run) {
		printf(ngettext("%s: %ld rating (%s) would be imported",
				"%s: %ld ratings (%s) would be imported",
				(unsigned long)rt.ratings),
		       src->name, rt.ratings, round_label);
		printf(ngettext(" from %ld respondent", " from %ld respondents",
				(unsigned long)rt.rows),
		       rt.rows);
		printf(ngettext(", %ld replacing an earlier one",
				", %ld replacing earlier ones",
				(unsigned long)rt.replaced),
		       rt.replaced);
		printf(ngettext(", %ld unchanged", ", %ld unchanged",
				(unsigned long)rt.same),
		       rt.same);
		printf(_("; nothing was written\n"));
	} else {
		/* TRANSLATORS: in the change log: how many rows
		 * (respondents) the file had */
		char *rows = xasprintf(ngettext("%ld respondent",
						"%ld respondents",
						(unsigned long)rt.rows),
				       rt.rows);
		char *when = ratings_span(&rt);

		/* TRANSLATORS: in the change log; the round, the file, the
		 * respondents ("4 respondents"), the day answered (or "DAY
		 * to DAY") */
		e = reg_log(&r, "import", NULL,
			    ngettext("imported %ld rating (%s) from %s: %s, "
				     "answered %s",
				     "imported %ld ratings (%s) from %s: %s, "
				     "answered %s",
				     (unsigned long)rt.ratings),
			    rt.ratings, round_label, src->name, rows, when);
		free(rows);
		free(when);
		/* The day the last of them was answered. */
		node_set_attr(e, "happened", rt.last);
		node_set_attr(e, "digest", digest);
		if (rt.replaced) {
			e = reg_log(&r, "rate", NULL,
				    _("earlier ratings (%s) replaced by %s: %s"),
				    round_label, src->name, rt.log.buf);
			node_set_attr(e, "happened", rt.last);
		}
		rc = cli_status(reg_save(&r));
		if (!rc && rt.replaced)
			info(ngettext("%s: %ld earlier rating replaced (%s)",
				      "%s: %ld earlier ratings replaced (%s)",
				      (unsigned long)rt.replaced),
			     src->name, rt.replaced, rt.log.buf);
		if (!rc) {
			struct strbuf sum = {0};
			sb_printf(&sum,
				  ngettext("imported %ld rating (%s) from %s",
					   "imported %ld ratings (%s) from %s",
					   (unsigned long)rt.ratings),
				  rt.ratings, round_label, src->name);
			counts(&sum, &rt);
			info("%s", sum.buf);
			sb_free(&sum);
		}
	}
	ratings_free(&rt);
	reg_close(&r);
	return rc;
}

int import_ratings_file(const char *cmd, const char *file, const char *sheet,
			const struct ratings_opts *o)
{
	struct sheet_source src = {0};

	if (!o->round)
		return cli_usage(cmd, _("import ratings needs --round "
					"baseline or --round followup"));
	src.path = file;
	src.name = strcmp(file, "-") ? file : _("standard input");
	src.format = sheet_format_of(file);
	src.sheet = sheet;
	if (sheet && src.format == SHEET_CSV)
		return cli_usage(cmd, _("--sheet is for xlsx and ods files, "
					"which have sheets"));
	if (strcmp(file, "-")) {
		guard_input(file, N_("the imported file"));
		if (access(file, R_OK) < 0) {
			error(_("%s: cannot open: %s"), file, strerror(errno));
			return EXIT_REFUSED;
		}
	}
	return import_ratings(&src, o);
}
