/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * styr serve (SPEC section 8): the workshop and the status in the
 * browser, a small web server over the register on GNU libmicrohttpd.
 * The module is split by concern, with a private header (src/serve_int.h):
 * serve.c runs the server and guards every request (Host, Origin,
 * tokens, bounds), serve_api.c is the JSON interface and the votes,
 * serve_commit.c saves the votes together on a thread of its own,
 * serve_state.c keeps the tokens and ballots between runs,
 * serve_pages.c the pages, styles and script built into styr, the QR code
 * and the status page.
 */
#ifndef STYR_SERVE_H
#define STYR_SERVE_H

#include <stdbool.h>
#include <stdio.h>

struct serve_opts {
	const char *listen; /* an IP address; NULL: 127.0.0.1 */
	int port;           /* 0: any free port */
	const char *lang;   /* the pages' language when the browser has no
			     * wish: "da" (NULL) or "en" */
	const char *file;   /* the register's real path (reg.h: r->file) */
	bool new_tokens;    /* forget the tokens and ballots of earlier runs */
};

/* Starts the server, prints the three addresses (participants,
 * projector, facilitator) to OUT and serves until SIGINT or SIGTERM.
 * Returns 0, or -1 after printing why it could not start. */
int serve_run(const struct serve_opts *o, FILE *out);

#endif
