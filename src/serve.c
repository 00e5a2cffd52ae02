// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The server and the guard on every request; see serve.h and
 * serve_int.h.  The order of the checks matters: bounds first (a body
 * over BODY_MAX is refused with 413 before it is read), then the Host
 * (a page from another site that reaches us through DNS rebinding names
 * its own host), then the tokens (an address that keeps guessing is
 * locked out), then Origin on changes (a page of another site cannot
 * make a participant's browser vote), and changes only by POST.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "serve_int.h"

void serve_token(char out[TOKEN_LEN + 1])
{
	unsigned char raw[TOKEN_LEN / 2];
	size_t got = 0, i;

	while (got < sizeof raw) {
		ssize_t n = getrandom(raw + got, sizeof raw - got, 0);
		if (n < 0 && errno != EINTR)
			die(_("cannot get random numbers for the tokens: %s"),
			    strerror(errno));
		if (n > 0)
			got += (size_t)n;
	}
	for (i = 0; i < sizeof raw; i++)
		snprintf(out + 2 * i, 3, "%02x", raw[i]);
}

const char *serve_header(struct req *q, const char *name)
{
	return MHD_lookup_connection_value(q->c, MHD_HEADER_KIND, name);
}

/* A response whose first header is NAME: VALUE, with what every reply
 * says, page or redirect: it is never cached, and never names the page
 * it came from to another site.  NULL when out of memory. */
static struct MHD_Response *response(const char *body, size_t len,
				     enum MHD_ResponseMemoryMode mode,
				     const char *name, const char *value)
{
	struct MHD_Response *r =
		MHD_create_response_from_buffer(len, (void *)body, mode);

	if (r) {
		MHD_add_response_header(r, name, value);
		MHD_add_response_header(r, "Cache-Control", "no-store");
		MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	}
	return r;
}

/* Queues R with STATUS and lets go of it. */
static enum MHD_Result queue(struct req *q, unsigned status,
			     struct MHD_Response *r)
{
	enum MHD_Result ret = MHD_queue_response(q->c, status, r);

	MHD_destroy_response(r);
	return ret;
}

enum MHD_Result serve_reply(struct req *q, unsigned status, const char *type,
			    const char *body, size_t len, bool inline_style)
{
	struct MHD_Response *r =
		response(body, len, MHD_RESPMEM_MUST_COPY, "Content-Type", type);

	if (!r)
		return MHD_NO;
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "X-Frame-Options", "DENY");
	MHD_add_response_header(
		r, "Content-Security-Policy",
		inline_style
			? "default-src 'none'; style-src 'unsafe-inline'; "
			  "img-src 'self'; base-uri 'none'; form-action "
			  "'none'; frame-ancestors 'none'"
			: "default-src 'none'; script-src 'self'; style-src "
			  "'self'; img-src 'self'; connect-src 'self'; "
			  "base-uri 'none'; form-action 'self'; "
			  "frame-ancestors 'none'");
	if (q->set_cookie)
		MHD_add_response_header(r, "Set-Cookie", q->set_cookie);
	if (status == MHD_HTTP_TOO_MANY_REQUESTS)
		MHD_add_response_header(r, "Retry-After", "60");
	return queue(q, status, r);
}

enum MHD_Result serve_json(struct req *q, unsigned status,
			   const struct val *v)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	enum MHD_Result ret;

	if (!f)
		die(_("out of memory"));
	val_write_json(f, v);
	fclose(f);
	ret = serve_reply(q, status, "application/json; charset=utf-8", buf,
			  len, false);
	free(buf);
	return ret;
}

/* A browser opening a page (not the JSON interface) that is refused --
 * a phone that lost its cookie, an old bookmark -- gets the reason as a
 * small readable page in the language of the messages, not as JSON. */
static bool wants_page(struct req *q)
{
	const char *accept = serve_header(q, MHD_HTTP_HEADER_ACCEPT);

	return strcmp(q->method, "POST") && strncmp(q->url, "/api/", 5) &&
	       accept && strstr(accept, "text/html");
}

static enum MHD_Result error_page(struct req *q, unsigned status,
				  const char *msg)
{
	struct strbuf sb = {0};
	enum MHD_Result ret;
	const char *c;

	sb_printf(&sb,
		  "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
		  "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
		  "content=\"width=device-width, initial-scale=1\">\n"
		  "<title>styr</title>\n<style>body{font:1.25rem/1.5 "
		  "system-ui,sans-serif;color:#1a1a1a;background:#fff;"
		  "margin:0 auto;max-width:40rem;padding:1rem}h1{font-size:"
		  "1.6rem}p::first-letter{text-transform:uppercase}"
		  "</style>\n</head>\n<body>\n<main>\n<h1>%s</h1>\n<p>",
		  msg_lang(), _("This page cannot be opened"));
	for (c = msg; *c; c++) {
		if (*c == '<')
			sb_puts(&sb, "&lt;");
		else if (*c == '>')
			sb_puts(&sb, "&gt;");
		else if (*c == '&')
			sb_puts(&sb, "&amp;");
		else
			sb_add(&sb, c, 1);
	}
	sb_puts(&sb, ".</p>\n</main>\n</body>\n</html>\n");
	ret = serve_reply(q, status, "text/html; charset=utf-8", sb.buf,
			  sb.len, true);
	sb_free(&sb);
	return ret;
}

enum MHD_Result serve_error(struct req *q, unsigned status, const char *msg)
{
	struct arena *a;
	struct val *v;
	enum MHD_Result ret;

	if (!msg)
		msg = q->errors.len ? q->errors.buf : _("the request failed");
	if (wants_page(q))
		return error_page(q, status, msg);
	a = arena_new();
	v = val_obj(a);
	val_set(a, v, "error", val_str(a, msg));
	ret = serve_json(q, status, v);
	arena_free(a);
	return ret;
}

enum MHD_Result serve_redirect(struct req *q, const char *location,
			       const char *cookie, const char *cookie2)
{
	struct MHD_Response *r =
		response("", 0, MHD_RESPMEM_PERSISTENT, "Location", location);

	if (!r)
		return MHD_NO;
	if (cookie)
		MHD_add_response_header(r, "Set-Cookie", cookie);
	if (cookie2)
		MHD_add_response_header(r, "Set-Cookie", cookie2);
	return queue(q, MHD_HTTP_SEE_OTHER, r);
}

/* --- who is asking --- */

static void client_addr(struct req *q, char out[64])
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(
		q->c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	const struct sockaddr *sa = ci ? ci->client_addr : NULL;

	strcpy(out, "?");
	if (sa && sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr,
			  out, 64);
	else if (sa && sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6,
			  &((const struct sockaddr_in6 *)sa)->sin6_addr, out,
			  64);
}

static struct strike *strike_of(struct server *s, const char *addr,
				bool make)
{
	struct strike *oldest = &s->strikes[0];
	size_t i;

	for (i = 0; i < STRIKES; i++) {
		if (!strcmp(s->strikes[i].addr, addr))
			return &s->strikes[i];
		if (s->strikes[i].first < oldest->first)
			oldest = &s->strikes[i];
	}
	if (!make)
		return NULL;
	memset(oldest, 0, sizeof *oldest);
	snprintf(oldest->addr, sizeof oldest->addr, "%s", addr);
	return oldest;
}

/* Records a bad token from Q's address. */
static void strike(struct req *q)
{
	char addr[64];
	struct strike *k;
	time_t now = time(NULL);

	client_addr(q, addr);
	k = strike_of(q->s, addr, true);
	if (!k->fails || now - k->first > STRIKE_WINDOW) {
		k->fails = 0;
		k->first = now;
	}
	if (++k->fails >= STRIKE_LIMIT) {
		k->until = now + STRIKE_LOCK;
		warning(_("%s: %d wrong tokens; its requests are refused for "
			  "%d seconds"),
			addr, k->fails, STRIKE_LOCK);
	}
}

static bool locked_out(struct req *q)
{
	char addr[64];
	struct strike *k;

	client_addr(q, addr);
	k = strike_of(q->s, addr, false);
	return k && k->until > time(NULL);
}

/* The roles TOKEN gives; 0 when it is none of ours. */
static unsigned token_roles(struct req *q, const char *token)
{
	static const unsigned roles[3] = {
		ROLE_PART, ROLE_SCREEN, ROLE_PART | ROLE_SCREEN | ROLE_FAC};
	struct ballot *b;
	int i;

	if (strlen(token) != TOKEN_LEN)
		return 0;
	for (i = 0; i < 3; i++)
		if (!strcmp(token, q->s->token[i]))
			return roles[i];
	if ((b = serve_find_ballot(q->s, token))) {
		q->ballot = b;
		return ROLE_PART;
	}
	return 0;
}

static const char *const cookie_names[] = {"styr_p", "styr_s", "styr_f",
					   "styr_b", NULL};

/* Reads the tokens of Q (Authorization: Bearer, the cookies, ?key=);
 * -1 when one of them is not ours. */
static int authenticate(struct req *q, bool *by_cookie)
{
	const char *auth = serve_header(q, MHD_HTTP_HEADER_AUTHORIZATION);
	const char *key = MHD_lookup_connection_value(
		q->c, MHD_GET_ARGUMENT_KIND, "key");
	const char *v, *stale = NULL;
	unsigned r;
	int i;

	*by_cookie = false;
	if (auth) {
		if (strncasecmp(auth, "Bearer ", 7) ||
		    !(r = token_roles(q, auth + 7)))
			return -1;
		q->roles |= r;
	}
	if (key) {
		if (!(r = token_roles(q, key)))
			return -1;
		q->roles |= r;
	}
	/* A cookie from an earlier run (--new-tokens) is not a guess: it
	 * is passed over when a valid token comes with it (the new address
	 * replaces it), and otherwise refused once and cleared. */
	for (i = 0; cookie_names[i]; i++) {
		v = MHD_lookup_connection_value(q->c, MHD_COOKIE_KIND,
						cookie_names[i]);
		if (!v)
			continue;
		if (!(r = token_roles(q, v))) {
			stale = cookie_names[i];
			continue;
		}
		q->roles |= r;
		*by_cookie = true;
	}
	if (stale && !q->roles) {
		snprintf(q->clear, sizeof q->clear,
			 "%s=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict",
			 stale);
		q->set_cookie = q->clear;
		return -1;
	}
	return 0;
}

/* Whether HOST (the Host header) names this server. */
static bool host_ours(struct server *s, const char *host)
{
	size_t i;

	if (!host)
		return false;
	for (i = 0; i < s->nhosts; i++)
		if (!strcasecmp(host, s->hosts[i]))
			return true;
	return false;
}

/* Whether a change may go ahead: the page that asks is one of ours.  A
 * browser names the page's origin; a script with a token in the
 * Authorization header (no cookie) need not. */
static bool origin_ours(struct req *q, bool by_cookie)
{
	const char *origin = serve_header(q, "Origin");
	const char *site = serve_header(q, "Sec-Fetch-Site");
	const char *host = serve_header(q, MHD_HTTP_HEADER_HOST);

	if (site && strcmp(site, "same-origin") && strcmp(site, "none"))
		return false;
	if (!origin)
		return !by_cookie;
	return !strncmp(origin, "http://", 7) && !strcasecmp(origin + 7, host);
}

/* The language of the pages: ?lang=, the cookie styr_lang, the
 * browser's first wish among da and en, else the server's default.
 * *NAMED: whether the request said any of these (a browser always sends
 * Accept-Language; a script may send nothing). */
static const char *pick_lang(struct req *q, bool *named)
{
	const char *l = MHD_lookup_connection_value(q->c, MHD_GET_ARGUMENT_KIND,
						    "lang");
	const char *acc = serve_header(q, MHD_HTTP_HEADER_ACCEPT_LANGUAGE);
	const char *da, *en;

	if (!l)
		l = MHD_lookup_connection_value(q->c, MHD_COOKIE_KIND,
						"styr_lang");
	*named = true;
	if (l && (!strcmp(l, "da") || !strcmp(l, "en")))
		return !strcmp(l, "da") ? "da" : "en";
	if (acc) {
		da = strcasestr(acc, "da");
		en = strcasestr(acc, "en");
		if (da && (!en || da < en))
			return "da";
		if (en)
			return "en";
	}
	*named = l || acc;
	return q->s->lang;
}

static enum MHD_Result route(struct req *q)
{
	bool by_cookie, change = !strcmp(q->method, "POST");
	enum MHD_Result ret;

	if (!host_ours(q->s, serve_header(q, MHD_HTTP_HEADER_HOST)))
		return serve_error(q, MHD_HTTP_MISDIRECTED_REQUEST,
				   _("this server answers only to its own "
				     "address"));
	if (locked_out(q))
		return serve_error(q, MHD_HTTP_TOO_MANY_REQUESTS,
				   _("too many wrong tokens from this "
				     "address; wait a minute"));
	if (authenticate(q, &by_cookie) < 0) {
		strike(q);
		return serve_error(q, MHD_HTTP_FORBIDDEN,
				   _("this token is not valid (the server "
				     "may have been restarted: use the "
				     "address shown on the screen)"));
	}
	if (!q->roles)
		return serve_error(q, MHD_HTTP_UNAUTHORIZED,
				   _("open the address with its key again, "
				     "as the facilitator gave it "
				     "(participants: scan the QR code on "
				     "the projector again)"));
	if (strcmp(q->method, "GET") && strcmp(q->method, "HEAD") && !change)
		return serve_error(q, MHD_HTTP_METHOD_NOT_ALLOWED,
				   _("only GET and POST are answered"));
	if (change && !origin_ours(q, by_cookie))
		return serve_error(q, MHD_HTTP_FORBIDDEN,
				   _("a change must come from this server's "
				     "own pages"));
	if (serve_api(q, &ret) == 0 || serve_pages(q, &ret) == 0)
		return ret;
	return serve_error(q, MHD_HTTP_NOT_FOUND, _("no such page"));
}

static enum MHD_Result answer(struct req *q, const char *upload,
			      size_t *upload_size, bool first)
{
	const char *cl;
	enum MHD_Result ret;

	if (first) {
		cl = MHD_lookup_connection_value(q->c, MHD_HEADER_KIND,
						 MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (cl && strtoull(cl, NULL, 10) > BODY_MAX) {
			q->seen = true;
			return serve_error(q, MHD_HTTP_CONTENT_TOO_LARGE,
					   _("the request is too large"));
		}
		return MHD_YES;
	}
	if (*upload_size) {
		if (q->body.len + *upload_size > BODY_MAX)
			q->too_big = true;
		else
			sb_add(&q->body, upload, *upload_size);
		*upload_size = 0;
		if (!q->too_big)
			return MHD_YES;
	}
	if (serve_vote_answered(q, &ret) == 0)
		return ret;
	if (q->seen)
		return MHD_YES;
	q->seen = true;
	if (q->too_big)
		return serve_error(q, MHD_HTTP_CONTENT_TOO_LARGE,
				   _("the request is too large"));
	error_capture(&q->errors);
	ret = route(q);
	error_capture(NULL);
	return ret;
}

/* Every message of a request is in its page's language (pick_lang),
 * refusals too, so that an English page on a Danish laptop reads English;
 * a request that names no language (a script) gets the terminal's.  This
 * thread's messages are switched for the request (msg_thread_lang,
 * msg.c), not the process's locale: votes are saved on another thread
 * at the same time, and setlocale and LANGUAGE are the process's. */
static enum MHD_Result handle(void *cls, struct MHD_Connection *c,
			      const char *url, const char *method,
			      const char *version, const char *upload,
			      size_t *upload_size, void **con_cls)
{
	struct req *q = *con_cls;
	bool first = !q, named;
	enum MHD_Result ret;

	(void)version;
	if (first) {
		q = xcalloc(1, sizeof *q);
		q->s = cls;
		q->c = c;
		q->url = url;
		q->method = method;
		q->lang = pick_lang(q, &named);
		q->msgs = named ? q->lang : NULL;
		*con_cls = q;
	}
	msg_thread_lang(q->msgs);
	ret = answer(q, upload, upload_size, first);
	msg_thread_lang(NULL);
	return ret;
}

static void completed(void *cls, struct MHD_Connection *c, void **con_cls,
		      enum MHD_RequestTerminationCode toe)
{
	struct req *q = *con_cls;

	(void)cls;
	(void)c;
	(void)toe;
	if (!q)
		return;
	sb_free(&q->body);
	sb_free(&q->errors);
	serve_pending_free(q->pending);
	free(q);
	*con_cls = NULL;
}

static void add_host(struct server *s, const char *host, int port)
{
	bool v6 = strchr(host, ':') != NULL;

	s->hosts = xrealloc(s->hosts, (s->nhosts + 1) * sizeof *s->hosts);
	s->hosts[s->nhosts++] = xasprintf(v6 ? "[%s]:%d" : "%s:%d", host,
					  port);
}

/* The Host values that are ours: the address listened on, localhost
 * when it is a loopback one, and every address of this machine when it
 * listens on all.  Returns the address to print. */
static char *our_hosts(struct server *s, const char *listen, int port)
{
	struct ifaddrs *ifs = NULL, *i;
	char buf[INET6_ADDRSTRLEN], *shown = NULL;
	bool any = !strcmp(listen, "0.0.0.0") || !strcmp(listen, "::");

	if (!any) {
		add_host(s, listen, port);
		if (!strncmp(listen, "127.", 4) || !strcmp(listen, "::1"))
			add_host(s, "localhost", port);
		return xstrdup(listen);
	}
	add_host(s, "localhost", port);
	if (getifaddrs(&ifs) == 0) {
		for (i = ifs; i; i = i->ifa_next) {
			int fam = i->ifa_addr ? i->ifa_addr->sa_family : -1;
			const void *a;
			if (fam == AF_INET)
				a = &((struct sockaddr_in *)i->ifa_addr)->sin_addr;
			else if (fam == AF_INET6 && listen[0] == ':')
				a = &((struct sockaddr_in6 *)i->ifa_addr)
					     ->sin6_addr;
			else
				continue;
			inet_ntop(fam, a, buf, sizeof buf);
			add_host(s, buf, port);
			if (fam == AF_INET && !shown && strncmp(buf, "127.", 4))
				shown = xstrdup(buf);
		}
		freeifaddrs(ifs);
	}
	return shown ? shown : xstrdup("127.0.0.1");
}

/* A socket listening on SS (its port 0: any free one); sets *PORT to the
 * port.  -1 with errno set when it cannot be had. */
static int listen_on(struct sockaddr_storage *ss, int *port)
{
	socklen_t len = ss->ss_family == AF_INET6 ? sizeof(struct sockaddr_in6)
						  : sizeof(struct sockaddr_in);
	int fd = socket(ss->ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0), on = 1;
	int saved;

	if (fd < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
	if (bind(fd, (struct sockaddr *)ss, len) < 0 || listen(fd, 64) < 0 ||
	    getsockname(fd, (struct sockaddr *)ss, &len) < 0) {
		saved = errno;
		close(fd);
		errno = saved;
		return -1;
	}
	*port = ntohs(ss->ss_family == AF_INET6
			      ? ((struct sockaddr_in6 *)ss)->sin6_port
			      : ((struct sockaddr_in *)ss)->sin_port);
	return fd;
}

static void server_free(struct server *s)
{
	size_t k;

	serve_ballots_free(s);
	for (k = 0; k < s->nhosts; k++)
		free(s->hosts[k]);
	free(s->hosts);
	free(s->base);
	free(s->qr);
	free(s->state);
}

int serve_run(const struct serve_opts *o, FILE *out)
{
	struct server s = {0};
	struct sockaddr_storage ss = {0};
	const char *listen = o->listen ? o->listen : "127.0.0.1";
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL |
			 MHD_ALLOW_SUSPEND_RESUME;
	char *shown, *url;
	sigset_t set;
	int port, sig, fd;

	if (inet_pton(AF_INET, listen,
		      &((struct sockaddr_in *)&ss)->sin_addr) == 1) {
		ss.ss_family = AF_INET;
		((struct sockaddr_in *)&ss)->sin_port = htons(o->port);
	} else if (inet_pton(AF_INET6, listen,
			     &((struct sockaddr_in6 *)&ss)->sin6_addr) == 1) {
		ss.ss_family = AF_INET6;
		((struct sockaddr_in6 *)&ss)->sin6_port = htons(o->port);
		flags |= MHD_USE_IPv6;
	} else {
		return error(_("--listen: '%s' is not an IP address (for "
			       "example 127.0.0.1, or 0.0.0.0 for every "
			       "network of this machine)"),
			     listen);
	}
	/* The socket first, so that the port, the addresses that are ours
	 * and the QR code are known before the server's thread answers
	 * anything. */
	fd = listen_on(&ss, &port);
	if (fd < 0)
		return error(_("cannot listen on %s port %d: %s (is another "
			       "server using the port? try --port)"),
			     listen, o->port, strerror(errno));
	s.file = o->file;
	serve_state_load(&s, o->new_tokens);
	s.lang = o->lang ? o->lang : "da";
	shown = our_hosts(&s, listen, port);
	s.base = xasprintf(strchr(shown, ':') ? "http://[%s]:%d"
					      : "http://%s:%d",
			   shown, port);
	free(shown);
	url = xasprintf("%s/vote?key=%s", s.base, s.token[0]);
	s.qr = serve_qr_svg(url);
	free(url);
	/* Block the signals that stop us before the server's threads
	 * start, so that they come to sigwait below. */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	if (serve_commit_start(&s) < 0) {
		close(fd);
		goto failed;
	}
	s.d = MHD_start_daemon(
		flags, 0, NULL, NULL, handle, &s, MHD_OPTION_LISTEN_SOCKET, fd,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)256,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)128,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
		MHD_OPTION_NOTIFY_COMPLETED, completed, &s, MHD_OPTION_END);
	if (!s.d) {
		error(_("cannot start the web server on %s port %d"), listen,
		      port);
		close(fd);
		serve_commit_stop(&s);
		goto failed;
	}
	fprintf(out, "Participants: %s/vote?key=%s\n", s.base, s.token[0]);
	fprintf(out, "Projector: %s/screen?key=%s\n", s.base, s.token[1]);
	fprintf(out, "Facilitator: %s/facilitator?key=%s\n", s.base,
		s.token[2]);
	fflush(out);
	info(_("serving the register on %s; stop with Ctrl-C"), s.base);
	sigwait(&set, &sig);
	/* The votes still queued are saved and answered first. */
	serve_commit_stop(&s);
	MHD_stop_daemon(s.d);
	pthread_sigmask(SIG_UNBLOCK, &set, NULL);
	info(_("stopped"));
	server_free(&s);
	return 0;
failed:
	pthread_sigmask(SIG_UNBLOCK, &set, NULL);
	server_free(&s);
	return -1;
}
