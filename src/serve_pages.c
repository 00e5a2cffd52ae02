// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The pages of styr serve: the participants' page (/vote), the
 * projector (/screen), the facilitator's page (/facilitator), their one
 * style sheet and script (/app.css, /app.js), all built into styr from
 * data/web/ (the Makefile's embedded.c) so that nothing is fetched from
 * anywhere; the participants' address as a QR code (/qr.svg) drawn with
 * libqrencode; and the colleagues' status page (/status, status_page.h).
 *
 * The pages are shells, each starting with the same head (head.html)
 * spliced in as it is served: the script fills them from the JSON interface
 * with textContent (never as markup), in the page's language.  A token
 * in an address (?key=) is exchanged for a cookie and the address
 * shown without it (a 303 to the bare path).
 */
#include <stdlib.h>
#include <string.h>

#include <qrencode.h>

#include "reg.h"
#include "serve_int.h"
#include "status_page.h"

/* The files of data/web/, compiled in (embedded.c). */
struct web_file {
	const char *name;
	const unsigned char *data;
	unsigned int len;
};
extern const struct web_file web_files[];

static const struct web_file *web_file(const char *name)
{
	const struct web_file *f;

	for (f = web_files; f->name; f++)
		if (!strcmp(f->name, name))
			return f;
	return NULL;
}

char *serve_qr_svg(const char *text)
{
	QRcode *qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	struct strbuf sb = {0};
	int x, y, w, quiet = 4;

	if (!qr) {
		error(_("cannot draw the QR code of %s"), text);
		return NULL;
	}
	w = qr->width + 2 * quiet;
	sb_printf(&sb,
		  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		  "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
		  "%d %d\" shape-rendering=\"crispEdges\">"
		  "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>"
		  "<path fill=\"#000\" d=\"",
		  w, w, w, w);
	for (y = 0; y < qr->width; y++)
		for (x = 0; x < qr->width; x++)
			if (qr->data[y * qr->width + x] & 1)
				sb_printf(&sb, "M%d %dh1v1h-1z", x + quiet,
					  y + quiet);
	sb_puts(&sb, "\"/></svg>\n");
	QRcode_free(qr);
	return sb_steal(&sb);
}

/* TEXT with each of WORDS[i][0] replaced by WORDS[i][1], added to SB;
 * WORDS ends with {NULL, NULL}, and other "{{" are kept. */
static void fill(struct strbuf *sb, const char *text,
		 const char *const words[][2])
{
	const char *at;
	size_t i;

	while ((at = strstr(text, "{{"))) {
		for (i = 0; words[i][0]; i++)
			if (!strncmp(at, words[i][0], strlen(words[i][0])))
				break;
		sb_add(sb, text, (size_t)(at - text));
		sb_puts(sb, words[i][0] ? words[i][1] : "{{");
		text = at + (words[i][0] ? strlen(words[i][0]) : 2);
	}
	sb_puts(sb, text);
}

/* The page NAME of data/web/ for VIEW: a line {{head}} or {{bar}} gives
 * way to the lines of head.html (what every page starts with) or bar.html
 * (the bar of language links), then {{view}} to VIEW's name and {{lang}}
 * to the page's language. */
static enum MHD_Result page(struct req *q, const char *name, const char *view)
{
	const struct web_file *f = web_file(name);
	const char *const parts[][2] = {
	    {"{{head}}\n", (const char *)web_file("head.html")->data},
	    {"{{bar}}\n", (const char *)web_file("bar.html")->data},
	    {NULL, NULL}};
	const char *const words[][2] = {
	    {"{{view}}", view}, {"{{lang}}", q->lang}, {NULL, NULL}};
	struct strbuf whole = {0}, sb = {0};
	enum MHD_Result ret;

	if (!f)
		return serve_error(q, MHD_HTTP_NOT_FOUND, _("no such page"));
	fill(&whole, (const char *)f->data, parts);
	fill(&sb, whole.buf, words);
	ret = serve_reply(q, MHD_HTTP_OK, "text/html; charset=utf-8", sb.buf,
			  sb.len, false);
	sb_free(&whole);
	sb_free(&sb);
	return ret;
}

static enum MHD_Result status(struct req *q)
{
	struct reg r;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;
	int rc;
	enum MHD_Result ret;

	if (serve_open_reg(q, &r, REG_READ, &ret) < 0)
		return ret;
	f = open_memstream(&buf, &len);
	if (!f)
		die(_("out of memory"));
	rc = status_page_write(&r, q->lang, NULL, f);
	fclose(f);
	serve_close_reg(q, &r);
	ret = rc < 0 ? serve_error(q, MHD_HTTP_INTERNAL_SERVER_ERROR, NULL)
		     : serve_reply(q, MHD_HTTP_OK, "text/html; charset=utf-8",
				   buf, len, true);
	free(buf);
	return ret;
}

/* The views: the path, the page, the cookie its token goes in and the
 * role it needs. */
static const struct view {
	const char *path, *page, *cookie;
	unsigned role;
} views[] = {
	{"/vote", "vote.html", "styr_p", ROLE_PART},
	{"/screen", "screen.html", "styr_s", ROLE_SCREEN},
	{"/facilitator", "facilitator.html", "styr_f", ROLE_FAC},
	{0}};

int serve_pages(struct req *q, enum MHD_Result *ret)
{
	const char *key = MHD_lookup_connection_value(
		q->c, MHD_GET_ARGUMENT_KIND, "key");
	const char *lang = MHD_lookup_connection_value(
		q->c, MHD_GET_ARGUMENT_KIND, "lang");
	const struct view *v;
	const struct web_file *f;
	char *c1 = NULL, *c2 = NULL;

	if (strcmp(q->method, "GET") && strcmp(q->method, "HEAD"))
		return -1;
	for (v = views; v->path; v++) {
		if (strcmp(q->url, v->path))
			continue;
		if (!(q->roles & v->role)) {
			*ret = serve_error(q, MHD_HTTP_FORBIDDEN,
					   _("this token does not open this "
					     "page"));
			return 0;
		}
		if (!key && !lang) {
			*ret = page(q, v->page, v->path + 1);
			return 0;
		}
		/* The token goes into a cookie and out of the address. */
		if (key)
			c1 = xasprintf("%s=%s; Path=/; HttpOnly; "
				       "SameSite=Strict",
				       v->cookie, key);
		if (lang)
			c2 = xasprintf("styr_lang=%s; Path=/; "
				       "SameSite=Strict",
				       q->lang);
		*ret = serve_redirect(q, v->path, c1, c2);
		free(c1);
		free(c2);
		return 0;
	}
	if (!strcmp(q->url, "/status")) {
		*ret = status(q);
		return 0;
	}
	if (!strcmp(q->url, "/qr.svg")) {
		*ret = q->s->qr ? serve_reply(q, MHD_HTTP_OK, "image/svg+xml",
					      q->s->qr, strlen(q->s->qr), false)
				: serve_error(q, MHD_HTTP_NOT_FOUND, NULL);
		return 0;
	}
	if (!strcmp(q->url, "/app.css") || !strcmp(q->url, "/app.js")) {
		f = web_file(q->url + 1);
		*ret = serve_reply(q, MHD_HTTP_OK,
				   q->url[5] == 'c' ? "text/css; charset=utf-8"
						    : "text/javascript; "
						      "charset=utf-8",
				   (const char *)f->data, f->len, false);
		return 0;
	}
	if (!strcmp(q->url, "/")) {
		/* The most the tokens allow: the facilitator's page first. */
		int i = 2;
		while (i > 0 && !(q->roles & views[i].role))
			i--;
		*ret = serve_redirect(q, views[i].path, NULL, NULL);
		return 0;
	}
	return -1;
}
