// SPDX-License-Identifier: GPL-3.0-or-later
/* Error reporting, allocation, text checks and dates shared by all modules. */
#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <pwd.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libxml/xmlstring.h>

#include "util.h"

struct global_opts opt;
static const char *context;

void error_context(const char *s)
{
	context = s;
}

/* Each thread its own: styr serve saves votes on a thread of its own. */
static _Thread_local struct strbuf *capture;

void error_capture(struct strbuf *sb)
{
	capture = sb;
}

static void report(const char *prefix, const char *fmt, va_list ap)
{
	if (capture && !prefix) {
		va_list copy;
		char *msg;

		va_copy(copy, ap);
		msg = xvasprintf(fmt, copy);
		va_end(copy);
		if (capture->len)
			sb_puts(capture, "; ");
		sb_puts(capture, msg);
		free(msg);
	}
	fflush(stdout);
	fputs("styr: ", stderr);
	if (context)
		fprintf(stderr, "%s: ", context);
	if (prefix)
		fputs(prefix, stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(NULL, fmt, ap);
	va_end(ap);
	exit(EXIT_REFUSED);
}

int error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(NULL, fmt, ap);
	va_end(ap);
	return -1;
}

void warning(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(_("warning: "), fmt, ap);
	va_end(ap);
}

void info(const char *fmt, ...)
{
	va_list ap;

	if (opt.quiet)
		return;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		die(_("out of memory"));
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		die(_("out of memory"));
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die(_("out of memory"));
	return p;
}

char *xstrdup(const char *s)
{
	char *p = strdup(s);

	if (!p)
		die(_("out of memory"));
	return p;
}

char *xvasprintf(const char *fmt, va_list ap)
{
	char *s;

	if (vasprintf(&s, fmt, ap) < 0)
		die(_("out of memory"));
	return s;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

void sb_add(struct strbuf *sb, const char *s, size_t n)
{
	if (sb->len + n + 1 > sb->cap) {
		sb->cap = (sb->len + n + 1) * 2;
		sb->buf = xrealloc(sb->buf, sb->cap);
	}
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void sb_puts(struct strbuf *sb, const char *s)
{
	sb_add(sb, s, strlen(s));
}

void sb_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0)
		die(_("out of memory"));
	sb_add(sb, s, (size_t)n);
	free(s);
}

char *sb_steal(struct strbuf *sb)
{
	char *s = sb->buf ? sb->buf : xstrdup("");

	sb->buf = NULL;
	sb->len = sb->cap = 0;
	return s;
}

void sb_free(struct strbuf *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = sb->cap = 0;
}

void *xgrow(void *v, size_t n, size_t *cap, size_t first, size_t size)
{
	if (n < *cap)
		return v;
	*cap = *cap ? 2 * *cap : first;
	return xrealloc(v, *cap * size);
}

char *trim(char *s)
{
	size_t n;

	while (isspace((unsigned char)*s))
		s++;
	n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	return s;
}

size_t edit_distance(const void *a, size_t na, const void *b, size_t nb,
		     size_t size)
{
	const char *pa = a, *pb = b;
	size_t *row = xmalloc((nb + 1) * sizeof *row), i, j, d;

	/* Levenshtein with one row. */
	for (j = 0; j <= nb; j++)
		row[j] = j;
	for (i = 1; i <= na; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (j = 1; j <= nb; j++) {
			size_t up = row[j],
			       best = diag + (memcmp(pa + (i - 1) * size,
						     pb + (j - 1) * size,
						     size) != 0);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
		}
	}
	d = row[nb];
	free(row);
	return d;
}

bool utf8_valid(const char *s)
{
	return xmlCheckUTF8((const xmlChar *)s) != 0;
}

int check_text(const char *what, const char *s)
{
	const unsigned char *p;

	if (!xmlCheckUTF8((const xmlChar *)s))
		return error(_("%s: not valid UTF-8 text"), what);
	if (strlen(s) > TEXT_MAX)
		return error(_("%s: longer than %d KB; styr keeps texts of up "
			       "to %d KB"),
			     what, TEXT_MAX / 1024, TEXT_MAX / 1024);
	for (p = (const unsigned char *)s; *p; p++) {
		if ((*p < 0x20 && *p != '\n' && *p != '\t' && *p != '\r') ||
		    *p == 0x7f)
			return error(_("%s: control character %#04x is not "
				       "allowed in text"),
				     what, *p);
		/* UTF-8 that XML 1.0 has no place for: surrogates
		 * (ED A0..BF ..) and U+FFFE, U+FFFF (EF BF BE/BF).  Saved,
		 * they would make the register unreadable. */
		if ((p[0] == 0xed && p[1] >= 0xa0) ||
		    (p[0] == 0xef && p[1] == 0xbf && p[2] >= 0xbe))
			return error(_("%s: a character that XML does not "
				       "allow (U+%04X)"),
				     what,
				     ((p[0] & 0x0fu) << 12) |
					     ((p[1] & 0x3fu) << 6) |
					     (p[2] & 0x3fu));
	}
	return 0;
}

bool is_date(const char *s)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30,
				    31, 31, 30, 31, 30, 31};
	int y, m, d, n = 0;

	/* Every one of the ten places is checked: sscanf alone lets a space
	 * through ("2026-01- 1") and the date fails later, after output. */
	for (n = 0; s[n] && n < 10; n++)
		if (n == 4 || n == 7 ? s[n] != '-' : !isdigit((unsigned char)s[n]))
			break;
	return n == 10 && !s[10] &&
	       sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 && n == 10 &&
	       m >= 1 && m <= 12 && d >= 1 && d <= mdays[m - 1] && y >= 1900 &&
	       !(m == 2 && d == 29 && (y % 4 || (y % 100 == 0 && y % 400)));
}

/* Under a Danish locale, a day written the Danish way, day first
 * (6/12-2026, 06-12-2026, 6.12.2026, 6/12/2026), as ISO in ISO[16]: what
 * to suggest, never read as a date, since only YYYY-MM-DD is one. */
static bool danish_date(const char *s, char iso[16])
{
	int d, m, y, n = 0;
	char a, b;

	if (strcmp(msg_lang(), "da") ||
	    sscanf(s, "%2d%c%2d%c%4d%n", &d, &a, &m, &b, &y, &n) != 5 ||
	    s[n] || n < 8 || !strchr("/-.", a) || !strchr("/-.", b))
		return false;
	snprintf(iso, 16, "%04d-%02d-%02d", y, m, d);
	return is_date(iso);
}

int parse_date(const char *what, const char *s, char out[11])
{
	if (!strcmp(s, "today") || !strcmp(s, "i-dag") || !strcmp(s, "idag")) {
		today_iso(out);
		return 0;
	}
	if (!is_date(s)) {
		char iso[16];

		if (danish_date(s, iso))
			/* TRANSLATORS: a date written the Danish way
			 * (6/12-2026), with the form styr reads */
			return error(_("%s: '%s' is not a date (YYYY-MM-DD); "
				       "did you mean %s?"),
				     what, s, iso);
		return error(_("%s: '%s' is not a date (YYYY-MM-DD)"), what, s);
	}
	memcpy(out, s, 11);
	return 0;
}

int parse_past_date(const char *what, const char *s, char out[11])
{
	char today[11];

	if (!s) {
		today_iso(out);
		return 0;
	}
	if (parse_date(what, s, out) < 0)
		return -1;
	today_iso(today);
	/* ISO dates compare as strings. */
	if (strcmp(out, today) > 0)
		return error(_("%s: '%s' is in the future; give the day it "
			       "happened (YYYY-MM-DD, today is %s)"),
			     what, s, today);
	return 0;
}

void now_iso(char out[21])
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void today_iso(char out[11])
{
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

const char *author(void)
{
	static char name[64];
	const char *s;
	struct passwd *pw;

	if (opt.by && *opt.by)
		return opt.by;
	if ((s = getenv("STYR_USER")) && *s) {
		if (check_text("STYR_USER", s) == 0)
			return s;
		warning(_("STYR_USER holds a control character or invalid "
			  "UTF-8; it is ignored"));
		setenv("STYR_USER", "", 1);
	}
	if ((pw = getpwuid(getuid())) && pw->pw_name && *pw->pw_name)
		return pw->pw_name;
	snprintf(name, sizeof name, "uid %ld", (long)getuid());
	return name;
}

const char *msg_lang(void)
{
	/* gettext("") is the loaded catalog's header, "" when messages are
	 * untranslated; its Language field names the language in use.  (A
	 * variable, so that xgettext does not take "" for a message.) */
	static const char header_key[] = "";
	const char *header, *lang;

	if (msg_thread())
		return msg_thread();
	header = gettext(header_key);
	lang = strstr(header, "Language: ");

	if (lang && !strncmp(lang + 10, "da", 2))
		return "da";
	return "en";
}

int threads_allowed(int max)
{
	const char *s = getenv("STYR_THREADS");
	cpu_set_t set;
	char *end;
	long n = 0;

	if (s && *s) {
		n = strtol(s, &end, 10);
		if (*end || n < 1)
			n = 0;
	}
	if (!n)
		n = sched_getaffinity(0, sizeof set, &set) == 0
			    ? CPU_COUNT(&set)
			    : 1;
	return n > max ? max : (int)n;
}

void run_parallel(void *(*fn)(void *), void *jobs, size_t size, int n)
{
	pthread_t threads[PARALLEL_MAX];
	char *job = jobs;
	int k, started = 1;

	if (n > PARALLEL_MAX)
		die("internal error: %d jobs at once", n);
	for (k = 1; k < n; k++) {
		if (pthread_create(&threads[k], NULL, fn, job + (size_t)k * size))
			break;
		started++;
	}
	fn(job);
	/* A job whose thread could not start is done here. */
	for (k = started; k < n; k++)
		fn(job + (size_t)k * size);
	for (k = 1; k < started; k++)
		pthread_join(threads[k], NULL);
}

int write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;

	while (len) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = EIO;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}
