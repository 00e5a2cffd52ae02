/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Error reporting, allocation and small text helpers shared by every module.
 *
 * Messages follow one shape: "styr: <file/line/id first>: <what>", lowercase,
 * no final period, translated.  error() prints and returns -1 so that
 * "return error(...)" reads well; warning() prints and goes on.
 *
 * The x*() allocators never return NULL: out of memory prints and exits with
 * EXIT_REFUSED, so callers need no NULL checks.  The caller frees what they
 * return.
 */
#ifndef STYR_UTIL_H
#define STYR_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <libintl.h>
/* Messages go through msg.c, so that a thread of styr serve can answer in
 * its request's language (msg_thread_lang); otherwise gettext's. */
#define _(s) msg_gettext(s)
#undef ngettext
#define ngettext(one, many, n) msg_ngettext(one, many, n)
const char *msg_gettext(const char *msgid) __attribute__((format_arg(1)));
const char *msg_ngettext(const char *one, const char *many, unsigned long n)
	__attribute__((format_arg(1), format_arg(2)));
/* This thread's messages in LANG ("da" or "en"; NULL: the process's
 * language again), for styr serve's requests.  msg_thread: that, or NULL. */
void msg_thread_lang(const char *lang);
const char *msg_thread(void);
#define N_(s) (s)
/*
 * A message with a context (gettext's msgctxt), for an English word that
 * reads differently in two places: C_("table header", "ID") is not the
 * argument name "ID" of a usage line.  glibc has no pgettext, so this is
 * gettext.h's: the catalog keys such a message "CONTEXT\004MSGID".
 * xgettext finds it with -kC_:1c,2.
 */
#define C_(ctx, s) ctx_gettext(ctx "\004" s, s)
static inline const char *ctx_gettext(const char *ctx_msgid,
				      const char *msgid)
{
	const char *t = msg_gettext(ctx_msgid);

	return t == ctx_msgid ? msgid : t;
}

/* Exit status, as SPEC section 3 and the man page's EXIT STATUS fix it. */
enum exit_status {
	EXIT_OK = 0,
	EXIT_REFUSED = 1,    /* unknown id, invalid value, refused rule */
	EXIT_USAGE = 2,      /* bad command line */
	EXIT_UNREADABLE = 3, /* register or template unreadable or invalid */
};

/* Options every command shares; set by styr_main before dispatch. */
struct global_opts {
	const char *file; /* register path */
	const char *by;   /* author for the change log */
	bool quiet;
};
extern struct global_opts opt;

void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
int error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Informational line on stderr, suppressed by --quiet. */
void info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* While set, error() and warning() print CONTEXT (where the input came
 * from: "items.csv:12") first, so that the shared checks (check_text,
 * vocab_parse, parse_*) name the file and line of a bad value.  The
 * string is borrowed; NULL clears it. */
void error_context(const char *context);

/* While SB is set (NULL clears it), each error() message is also
 * appended to SB ("; " between two): a server tells its client what
 * went wrong in the client's reply. */
struct strbuf;
void error_capture(struct strbuf *sb);

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
/* V, an array of N elements of SIZE bytes with room for *CAP, with room
 * for one more: reallocated, when full, to twice the room (FIRST at
 * first). */
void *xgrow(void *v, size_t n, size_t *cap, size_t first, size_t size);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap)
	__attribute__((format(printf, 1, 0)));

/* Growable string buffer; sb_free releases it, sb_steal hands it over. */
struct strbuf {
	char *buf;
	size_t len, cap;
};
void sb_add(struct strbuf *sb, const char *s, size_t n);
void sb_puts(struct strbuf *sb, const char *s);
void sb_printf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *sb_steal(struct strbuf *sb);
void sb_free(struct strbuf *sb);

/* S without the white space at either end: the end is cut in place with a
 * NUL, and the result points into S. */
char *trim(char *s);
/* The edit distance (Levenshtein) of A and B, arrays of NA and NB
 * characters of SIZE bytes each: bytes (1), or code points. */
size_t edit_distance(const void *a, size_t na, const void *b, size_t nb,
		     size_t size);

/* The longest text styr keeps in one field, note or reason, in bytes:
 * ample for a description, and far below what the XML reader allows. */
#define TEXT_MAX (512 * 1024)
/*
 * Checks user-supplied text (argument, CSV field) before it may enter the
 * register: valid UTF-8, at most TEXT_MAX bytes, no control characters but
 * tab and newline.
 * On failure prints an error naming WHAT and returns -1.
 */
int check_text(const char *what, const char *s);
/* Whether S is valid UTF-8. */
bool utf8_valid(const char *s);

/* Whether S is a real calendar day from 1900 on, written YYYY-MM-DD. */
bool is_date(const char *s);
/* Accepts YYYY-MM-DD (a real calendar date) or "today". */
int parse_date(const char *what, const char *s, char out[11]);
/* parse_date, refusing a day after today: for what has already happened.
 * S NULL (--date not given) is today. */
int parse_past_date(const char *what, const char *s, char out[11]);

/* Current time, UTC: "2026-03-01T12:00:00Z" and "2026-03-01". */
void now_iso(char out[21]);
void today_iso(char out[11]);

/* The author for the change log: --by, STYR_USER, the login name. */
const char *author(void);


/* The language messages are shown in: "da" when the Danish catalog is in
 * use (gettext's own choice from LANGUAGE, LC_ALL, LC_MESSAGES, LANG),
 * else "en".  For labels printed beside translated messages. */
const char *msg_lang(void);

/* Writes all of BUF to FD, again after EINTR; 0, or -1 with errno set. */
int write_all(int fd, const void *buf, size_t len);

/* How many threads a big job may use: STYR_THREADS, else one per processor
 * this process may run on; at most MAX. */
int threads_allowed(int max);
/* Runs FN on each of N jobs (an array of N, SIZE bytes each) at once: the
 * first in this thread, each other in a thread of its own (or here, when
 * one cannot be started); returns when all are done.  N <= PARALLEL_MAX. */
enum { PARALLEL_MAX = 8 };
void run_parallel(void *(*fn)(void *), void *jobs, size_t size, int n);

#endif
