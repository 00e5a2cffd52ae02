// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Messages in a language chosen per thread, for styr serve: each request
 * is answered in its page's language while the terminal keeps the
 * process's.  The process's language cannot be switched per request:
 * setlocale() and LANGUAGE belong to the whole process, setenv() is not
 * thread-safe, and the server answers on one thread while it saves votes
 * on another.  uselocale() is per thread, but it needs the Danish locale
 * installed and still loses to LANGUAGE.  So a thread that names its
 * language (msg_thread_lang) is answered from our own catalogue: "en" is
 * the message itself, "da" is looked up in locale/da/LC_MESSAGES/styr.mo,
 * read once (pthread_once) and only read after that, so that any thread
 * may look in it.  A thread that names none gets gettext's choice.
 */
#include <locale.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "paths.h"
#include "util.h"

#undef ngettext

static _Thread_local const char *thread_lang;

void msg_thread_lang(const char *lang)
{
	thread_lang = lang;
}

const char *msg_thread(void)
{
	return thread_lang;
}

/* The Danish catalogue: a .mo file read whole (GNU gettext's format: a
 * header, then the messages and their translations as (length, offset)
 * pairs, the messages sorted by their bytes). */
static struct {
	char *data;
	size_t len;
	uint32_t n, orig, trans;
	bool swap;
} da;
static pthread_once_t da_once = PTHREAD_ONCE_INIT;

static uint32_t word(size_t at)
{
	uint32_t w;

	memcpy(&w, da.data + at, 4);
	return da.swap ? __builtin_bswap32(w) : w;
}

/* All of F (malloc'd, its length in *LEN), or NULL. */
static char *slurp(FILE *f, size_t *len)
{
	struct strbuf sb = {0};
	char buf[8192];
	size_t n;

	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sb_add(&sb, buf, n);
	if (ferror(f)) {
		sb_free(&sb);
		return NULL;
	}
	*len = sb.len;
	return sb.buf;
}

static void da_load(void)
{
	char *path = xasprintf("%s/da/LC_MESSAGES/styr.mo", locale_dir());
	FILE *f = fopen(path, "rb");
	uint32_t magic;

	free(path);
	if (!f)
		return;
	da.data = slurp(f, &da.len);
	fclose(f);
	if (!da.data || da.len < 28)
		goto bad;
	memcpy(&magic, da.data, 4);
	if (magic != 0x950412de && magic != 0xde120495)
		goto bad;
	da.swap = magic == 0xde120495;
	da.n = word(8);
	da.orig = word(12);
	da.trans = word(16);
	if (da.orig > da.len || da.trans > da.len ||
	    da.n > (da.len - da.orig) / 8 || da.n > (da.len - da.trans) / 8)
		goto bad;
	return;
bad:
	free(da.data);
	da.data = NULL;
	da.n = 0;
}

/* String I of TABLE (da.orig or da.trans), or NULL when it lies outside
 * the file. */
static const char *entry(uint32_t table, uint32_t i, uint32_t *len)
{
	uint32_t l = word(table + 8 * i), off = word(table + 8 * i + 4);

	if (off >= da.len || l >= da.len - off || da.data[off + l])
		return NULL;
	*len = l;
	return da.data + off;
}

/* The Danish translation of MSGID (its forms, NUL-separated), or NULL. */
static const char *da_lookup(const char *msgid, uint32_t *len)
{
	uint32_t lo = 0, hi, mid;
	const char *s;
	int c;

	pthread_once(&da_once, da_load);
	hi = da.n;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (!(s = entry(da.orig, mid, len)))
			return NULL;
		c = strcmp(msgid, s);
		if (!c)
			return (s = entry(da.trans, mid, len)) && *s ? s : NULL;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const char *msg_gettext(const char *msgid)
{
	const char *t;
	uint32_t len;

	if (!thread_lang)
		return gettext(msgid);
	if (strcmp(thread_lang, "da") || !*msgid)
		return msgid;
	t = da_lookup(msgid, &len);
	return t ? t : msgid;
}

const char *msg_ngettext(const char *one, const char *many, unsigned long n)
{
	const char *t;
	uint32_t len;

	if (!thread_lang)
		return dcngettext(NULL, one, many, n, LC_MESSAGES);
	/* Danish and English both: one form for 1, another for the rest. */
	if (!strcmp(thread_lang, "da") && (t = da_lookup(one, &len))) {
		if (n == 1)
			return t;
		if (strlen(t) < len)
			return t + strlen(t) + 1;
	}
	return n == 1 ? one : many;
}
