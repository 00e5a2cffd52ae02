// SPDX-License-Identifier: GPL-3.0-or-later
/* styr serve: the workshop and the status in the browser (SPEC section
 * 8); the server itself is serve.h. */
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "number.h"
#include "reg.h"
#include "serve.h"
#include "util.h"
#include "vocab.h"

struct args {
	const char *listen, *port, *lang;
	bool new_tokens;
};

static const struct cli_option options[] = {
	{"listen", 'l', N_("ADDR"), offsetof(struct args, listen),
	 N_("the IP address to listen on (default 127.0.0.1: this machine "
	    "only; 0.0.0.0 opens it to the room's network)")},
	{"port", 'p', N_("N"), offsetof(struct args, port),
	 N_("the port (default 8080; 0: any free port)")},
	{"new-tokens", 'n', NULL, offsetof(struct args, new_tokens),
	 N_("new tokens: the addresses of earlier runs, and the ballots "
	    "handed out, stop working")},
	{"lang", 'L', N_("LANG"), offsetof(struct args, lang),
	 N_("the pages' language when the browser asks for none: da "
	    "(default) or en")},
	{0}};

static int run(void *input)
{
	struct args *a = input;
	struct serve_opts o = {0};
	struct reg r;
	long port = 8080;
	char *file;
	int rc;

	if (a->port && parse_count("--port", a->port, 65535, &port) < 0)
		return EXIT_USAGE;
	if (a->lang && !(a->lang = lang_key(a->lang)))
		return cli_usage("serve", _("--lang: use da or en"));
	/* The register must be there and readable before anyone is told
	 * an address. */
	rc = cli_status(reg_open(&r, REG_READ));
	if (rc) {
		reg_close(&r);
		return rc;
	}
	file = xstrdup(r.file);
	reg_close(&r);
	o.listen = a->listen;
	o.port = (int)port;
	o.lang = a->lang;
	o.file = file;
	o.new_tokens = a->new_tokens;
	rc = serve_run(&o, stdout) < 0 ? EXIT_REFUSED : EXIT_OK;
	free(file);
	return rc;
}

const struct cli_command cmd_serve = {
	.one = {.run = run, .opts = options},
	.input_size = sizeof(struct args),
	.doc = N_("Serve the prioritisation workshop and the process's status "
		  "in the browser.\vPrints three addresses, each with its own "
		  "token: Participants (vote on their phones), Projector (the "
		  "QR code, how many have voted, the timer and, once revealed, "
		  "the result) and Facilitator (open, close and reveal the "
		  "round, type in paper ballots; never show it on the "
		  "projector).  Every address also opens the colleagues' "
		  "status page, /status.  Votes are saved to the register as "
		  "'styr vote' saves them; open the round here or with 'styr "
		  "round open'.  Stop with Ctrl-C.")};
