// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Unit tests of the CSV reader (src/csv.c): quoting, line ends, the byte
 * order mark, the line each record starts on, the separator (',' or ';',
 * from the first line), and the refusals.  Prints
 * TAP.  Error messages are caught from stderr and checked for the file
 * and line they must name.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv.h"
#include "util.h"
#include "tap.h"

/* What a read delivered: records as "line:field|field|..." lines. */
struct got {
	struct strbuf out;
	long records;
	long stop_after; /* the callback fails on this record (0: never) */
	char delim;      /* the separator the last record was read with */
};

static int collect(const struct csv_record *rec, void *ctx)
{
	struct got *g = ctx;
	size_t i;

	g->records++;
	g->delim = rec->delim;
	sb_printf(&g->out, "%ld:", rec->line);
	for (i = 0; i < rec->n; i++) {
		if (i)
			sb_puts(&g->out, "|");
		sb_puts(&g->out, rec->field[i]);
	}
	sb_puts(&g->out, "\n");
	if (g->stop_after && rec->number == g->stop_after)
		return -1;
	return 0;
}

static char errors[4096];

/* Reads LEN bytes of DATA as "t.csv"; what stderr got is left in errors. */
static int read_csv(const char *data, size_t len,
		    const struct csv_limits *lim, struct got *g)
{
	FILE *in = fmemopen((void *)data, len, "r");
	FILE *err = tmpfile();
	int saved = dup(2), rc;
	size_t n;

	if (!in || !err || saved < 0) {
		perror("test setup");
		exit(1);
	}
	fflush(stderr);
	dup2(fileno(err), 2);
	rc = csv_read(in, "t.csv", lim, collect, g);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	rewind(err);
	n = fread(errors, 1, sizeof errors - 1, err);
	errors[n] = '\0';
	fclose(err);
	fclose(in);
	return rc;
}

/* DATA (a C string) must read into EXPECT. */
static void expect(const char *what, const char *data, const char *want)
{
	struct got g = {0};
	int rc = read_csv(data, strlen(data), NULL, &g);

	ok(rc == 0 && g.out.buf && !strcmp(g.out.buf, want), "%s", what);
	if (rc != 0 || !g.out.buf || strcmp(g.out.buf, want))
		printf("#   got (rc %d): %s#   want: %s#   stderr: %s\n", rc,
		       g.out.buf ? g.out.buf : "(nothing)\n", want, errors);
	sb_free(&g.out);
}

/* LEN bytes of DATA must be refused with a message containing MESSAGE. */
static void refuse(const char *what, const char *data, size_t len,
		   const struct csv_limits *lim, const char *message)
{
	struct got g = {0};
	int rc = read_csv(data, len, lim, &g);

	ok(rc == -1 && strstr(errors, message), "%s", what);
	if (rc != -1 || !strstr(errors, message))
		printf("#   rc %d, stderr: %s#   want a message with: %s\n",
		       rc, errors, message);
	sb_free(&g.out);
}

/* A string literal and its length, NUL bytes inside included. */
#define LIT(s) s, sizeof(s) - 1

/* DATA (a C string) must read into WANT, with the separator DELIM. */
static void expect_delim(const char *what, const char *data,
			 const char *want, char delim)
{
	struct got g = {0};
	int rc = read_csv(data, strlen(data), NULL, &g);

	ok(rc == 0 && g.out.buf && !strcmp(g.out.buf, want) &&
		   g.delim == delim,
	   "%s", what);
	if (rc != 0 || !g.out.buf || strcmp(g.out.buf, want) ||
	    g.delim != delim)
		printf("#   got (rc %d, '%c'): %s#   want ('%c'): %s"
		       "#   stderr: %s\n",
		       rc, g.delim ? g.delim : '0',
		       g.out.buf ? g.out.buf : "(nothing)\n", delim, want,
		       errors);
	sb_free(&g.out);
}

static void test_delimiter(void)
{
	static const struct {
		const char *what, *data;
		size_t len;
		char want;
	} guesses[] = {
		{"semicolons and no comma: ';'", LIT("kind;title;area\r\n"), ';'},
		{"commas: ','", LIT("kind,title\n"), ','},
		{"a comma beside semicolons: ','", LIT("kind;title,area\n"), ','},
		{"a comma inside quotes does not count", LIT("\"a,b\";c\n"), ';'},
		{"a line break inside quotes does not end the line",
		 LIT("\"a\nb,c\";d\n"), ';'},
		{"only the first line counts", LIT("title\nx;y\n"), ','},
		{"no separator at all: ','", LIT("title\n"), ','},
		{"nothing at all: ','", LIT(""), ','},
	};

	for (size_t i = 0; i < sizeof guesses / sizeof *guesses; i++)
		ok(csv_guess_delim(guesses[i].data, guesses[i].len) ==
			   guesses[i].want,
		   "guess: %s", guesses[i].what);

	expect_delim("commas are read as before", "a,b\nc,d\n",
		     "1:a|b\n2:c|d\n", ',');
	expect_delim("a header with semicolons only: ';'", "a;b\nc;d\n",
		     "1:a|b\n2:c|d\n", ';');
	expect_delim("in a ';' file a comma is data, quoted or not",
		     "kind;title\ngoal;a, b\ndoc;\"c, d\"\n",
		     "1:kind|title\n2:goal|a, b\n3:doc|c, d\n", ';');
	expect_delim("in a ';' file a quoted ';' is data",
		     "k;t\n\"x;y\";z\n", "1:k|t\n2:x;y|z\n", ';');
	expect_delim("in a ',' file a ';' is data", "a,b\nx;y,z\n",
		     "1:a|b\n2:x;y|z\n", ',');
	expect_delim("Danish Excel: byte order mark, ';', CRLF, quotes",
		     "\xEF\xBB\xBFkind;title;area\r\n"
		     "mål;\"Liv; også \"\"aktivt\"\"\";BOST\r\n"
		     "doc;Dagbog, daglig;\r\n",
		     "1:kind|title|area\n2:mål|Liv; også \"aktivt\"|BOST\n"
		     "3:doc|Dagbog, daglig|\n",
		     ';');
	refuse("a quote in the wrong place in a ';' file says semicolons",
	       LIT("a;b\n1;x\"y\n"), NULL,
	       "t.csv:2: a double quote in the wrong place; in a file "
	       "separated by semicolons");
}

static void test_big(void)
{
	/* A record whose CR is the last byte of the reader's first 64 KiB
	 * chunk and whose LF starts the next: still one line end. */
	size_t first = 65535, len = first + 5;
	char *data = malloc(len);
	struct got g = {0};
	int rc;

	memset(data, 'x', first);
	data[0] = '"';
	data[first - 1] = '"';
	data[100] = '\n'; /* inside the quotes: line 2 */
	memcpy(data + first, "\r\nb\r\n", 5);
	rc = read_csv(data, len, NULL, &g);
	ok(rc == 0 && g.records == 2 && g.out.buf &&
		   strstr(g.out.buf, "\n3:b\n"),
	   "CRLF split between two chunks counts as one line end");
	sb_free(&g.out);
	free(data);
}

int main(void)
{
	static const struct {
		double v;
		const char *want, *what;
	} numbers[] = {
		{15, "15", "15 prints as 15"},
		{2.5, "2.5", "2.5 prints as 2.5"},
		{0, "0", "0 prints as 0"},
		{1234567.125, "1234567.125", "no exponent"},
	};
	struct csv_limits small = {8, 2, true};
	struct got g = {0};
	int rc;

	expect("plain fields, LF", "a,b\nc,d\n", "1:a|b\n2:c|d\n");
	expect("CRLF line ends", "a,b\r\nc,d\r\n", "1:a|b\n2:c|d\n");
	expect("CR line ends", "a,b\rc,d\r", "1:a|b\n2:c|d\n");
	expect("no line end after the last record", "a,b\nc,d",
	       "1:a|b\n2:c|d\n");
	expect("a comma inside quotes", "t\n\"a, b\"\n", "1:t\n2:a, b\n");
	expect("doubled quotes inside quotes", "t\n\"say \"\"hi\"\"\"\n",
	       "1:t\n2:say \"hi\"\n");
	expect("a line break inside quotes; the next record's line",
	       "id,text\n1,\"two\nlines\"\n2,x\n",
	       "1:id|text\n2:1|two\nlines\n4:2|x\n");
	expect("CRLF inside quotes is kept", "t\r\n\"a\r\nb\"\r\nc\r\n",
	       "1:t\n2:a\r\nb\n4:c\n");
	expect("a byte order mark is skipped", "\xEF\xBB\xBFkind,title\n",
	       "1:kind|title\n");
	expect("an empty trailing field", "a,b,\n1,2,\n", "1:a|b|\n2:1|2|\n");
	expect("empty fields", ",,\n", "1:||\n");
	expect("blank lines are skipped, line numbers still count",
	       "a\n\n\nb\n\r\nc\n", "1:a\n4:b\n6:c\n");
	expect("spaces around fields are data", " a , b \n", "1: a | b \n");
	expect("quoted empty field", "\"\",x\n", "1:|x\n");
	expect("UTF-8 passes through", "navn\nBostøtte § 85\n",
	       "1:navn\n2:Bostøtte § 85\n");

	refuse("an unterminated quote is refused, naming its record's line",
	       LIT("a,b\n1,\"open\n2,x\n"), NULL, "t.csv:2: a quoted field");
	refuse("a quote inside an unquoted field is refused",
	       LIT("a\nx\"y\n"), NULL, "t.csv:2: a double quote");
	refuse("text after a closing quote is refused", LIT("a\n\"x\"y\n"),
	       NULL, "t.csv:2: a double quote");
	refuse("a NUL byte is refused, naming its line", LIT("a,b\n1,x\0y\n"),
	       NULL, "t.csv:2: the file holds a NUL byte");
	refuse("an empty file is refused", LIT(""), NULL,
	       "t.csv: the file is empty");
	refuse("a file with only a byte order mark is empty",
	       LIT("\xEF\xBB\xBF"), NULL, "the file is empty");
	refuse("a file of blank lines is empty", LIT("\n\r\n\n"), NULL,
	       "the file is empty");
	refuse("a field over the limit is refused", LIT("a\n123456789\n"),
	       &small, "t.csv:2: a field is longer than 8 bytes");
	refuse("more rows than the limit are refused",
	       LIT("h\n1\n2\n3\n"), &small, "t.csv:4: more than 2 rows");

	/* The limit is on rows after the header: exactly two pass. */
	rc = read_csv(LIT("h\n1\n2\n"), &small, &g);
	ok(rc == 0 && g.records == 3, "rows up to the limit are read");
	sb_free(&g.out);

	/* A field of a megabyte is stopped without reading all of it. */
	{
		size_t len = 1 << 20;
		char *big = malloc(len + 8);
		memcpy(big, "a\n", 2);
		memset(big + 2, 'x', len);
		memcpy(big + 2 + len, "\n", 1);
		refuse("a 1 MB field is refused", big, len + 3, NULL,
		       "t.csv:2: a field is longer than 524288 bytes");
		free(big);
	}

	/* A callback that fails stops the read at once. */
	memset(&g, 0, sizeof g);
	g.stop_after = 2;
	rc = read_csv(LIT("a\nb\nc\n"), NULL, &g);
	ok(rc == -1 && g.records == 2, "a failing callback stops the read");
	sb_free(&g.out);

	test_big();
	test_delimiter();

	for (size_t i = 0; i < sizeof numbers / sizeof *numbers; i++) {
		char out[32];

		csv_format_number(out, numbers[i].v);
		ok(!strcmp(out, numbers[i].want), "%s (got %s)",
		   numbers[i].what, out);
	}
	ok(item_column(" Title ") == COL_TITLE,
	   "header names: case and surrounding spaces do not matter");
	ok(item_column("per_year") == COL_PER_YEAR &&
		   item_column("evaluate_by") == COL_EVALUATE_BY,
	   "every export column is known");
	ok(item_column("tittel") == -1, "an unknown header is -1");
	ok(item_column("titel") == COL_TITLE &&
		   item_column("Type") == COL_KIND &&
		   item_column(" GANGE  OM ÅRET ") == COL_PER_YEAR &&
		   item_column("Gange om a\xcc\x8aret") == COL_PER_YEAR,
	   "Danish header names, in any case, spacing, NFC or NFD");
	for (int c = 0; c < COL_COUNT; c++)
		if (!item_columns_da[c] || item_column(item_columns_da[c]) != c ||
		    item_column(item_columns[c]) != c) {
			ok(0, "column %d: its names name it", c);
			break;
		} else if (c == COL_COUNT - 1) {
			ok(1, "every column has a Danish name, and each name "
			      "names its own column");
		}

	return tap_done();
}
