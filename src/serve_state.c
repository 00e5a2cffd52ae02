// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * What styr serve keeps between runs, so that a restarted server carries
 * on: the three tokens (the addresses on the projector and in people's
 * browsers stay valid) and the ballots handed out (a participant keeps
 * voting with the ballot she has, an anonymous one too).  The round
 * itself and the votes are in the register.
 *
 * The file is $XDG_STATE_HOME/styr/serve-HASH (else ~/.local/state/...),
 * HASH of the register's real path, mode 0600, written whole or not at
 * all (tempfile.h).  It names the register's path in full; a file that
 * does not, or does not parse, is ignored and replaced.
 *
 *	styr serve 1
 *	path /home/anna/styr.xml
 *	tokens PARTICIPANTS PROJECTOR FACILITATOR
 *	ballot TOKEN M3#2 named P7
 *	ballot TOKEN M3#2 anon 3fa9c01b22de
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "serve_int.h"
#include "tempfile.h"

static uint64_t hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* The state file of the register at REAL, making its folder; NULL when
 * there is no place for it. */
static char *state_path(const char *real)
{
	const char *x = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	char *dir, *path;

	if (x && *x == '/')
		dir = xasprintf("%s/styr", x);
	else if (home && *home == '/')
		dir = xasprintf("%s/.local/state/styr", home);
	else
		return NULL;
	/* Each folder on the way, private to the user where made here. */
	for (char *p = strchr(dir + 1, '/'); ; p = strchr(p + 1, '/')) {
		if (p)
			*p = '\0';
		if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
			free(dir);
			return NULL;
		}
		if (!p)
			break;
		*p = '/';
	}
	path = xasprintf("%s/serve-%016llx", dir,
			 (unsigned long long)hash(real));
	free(dir);
	return path;
}

static bool is_token(const char *t)
{
	size_t i;

	for (i = 0; t[i]; i++)
		if (!((t[i] >= '0' && t[i] <= '9') ||
		      (t[i] >= 'a' && t[i] <= 'f')))
			return false;
	return i == TOKEN_LEN;
}

struct ballot *serve_new_ballot(struct server *s)
{
	struct ballot *b;

	s->ballots = xgrow(s->ballots, s->nballots, &s->ballots_cap, 64,
			   sizeof *s->ballots);
	b = &s->ballots[s->nballots++];
	memset(b, 0, sizeof *b);
	return b;
}

static void add_ballot(struct server *s, const char *token,
		       const char *round, const char *kind, const char *id)
{
	struct ballot *b = serve_new_ballot(s);

	memcpy(b->token, token, TOKEN_LEN); /* is_token: exactly that long */
	b->token[TOKEN_LEN] = '\0';
	b->round = xstrdup(round);
	if (!strcmp(kind, "named"))
		b->stored = xstrdup(id);
	else
		b->anon = xstrdup(id);
}

/* Reads the file at PATH for REAL into S; 0, or -1 when it is not one. */
static int load(struct server *s, const char *path, const char *real)
{
	FILE *f = fopen(path, "r");
	char *line = NULL, *p;
	size_t cap = 0;
	ssize_t n;
	int part = 0, rc = -1;

	if (!f)
		return -1;
	while ((n = getline(&line, &cap, f)) > 0) {
		char tok[3][TOKEN_LEN + 2], round[64], kind[8], id[64];
		if (line[n - 1] == '\n')
			line[n - 1] = '\0';
		if (part == 0) {
			if (strcmp(line, "styr serve 1"))
				goto out;
		} else if (part == 1) {
			if (strncmp(line, "path ", 5) || strcmp(line + 5, real))
				goto out;
		} else if (part == 2) {
			if (sscanf(line, "tokens %33s %33s %33s", tok[0], tok[1],
				   tok[2]) != 3 ||
			    !is_token(tok[0]) || !is_token(tok[1]) ||
			    !is_token(tok[2]))
				goto out;
			for (int i = 0; i < 3; i++)
				memcpy(s->token[i], tok[i], TOKEN_LEN + 1);
			rc = 0;
		} else {
			p = line;
			if (sscanf(p, "ballot %33s %63s %7s %63s", tok[0], round,
				   kind, id) != 4 ||
			    !is_token(tok[0]) ||
			    (strcmp(kind, "named") && strcmp(kind, "anon")))
				continue;
			add_ballot(s, tok[0], round, kind, id);
		}
		part++;
	}
out:
	free(line);
	fclose(f);
	return rc;
}

void serve_state_save(struct server *s)
{
	struct tempfile *tf;
	FILE *f;
	size_t i;

	if (!s->state)
		return;
	tf = tempfile_create(s->state, 0600, 0);
	if (!tf || !(f = tempfile_fdopen(tf, "w"))) {
		tempfile_delete(&tf);
		goto failed;
	}
	fprintf(f, "styr serve 1\npath %s\ntokens %s %s %s\n", s->file,
		s->token[0], s->token[1], s->token[2]);
	for (i = 0; i < s->nballots; i++)
		fprintf(f, "ballot %s %s %s %s\n", s->ballots[i].token,
			s->ballots[i].round,
			s->ballots[i].stored ? "named" : "anon",
			s->ballots[i].stored ? s->ballots[i].stored
					     : s->ballots[i].anon);
	if (fflush(f) != 0 || ferror(f) || tempfile_commit(&tf, 0) < 0) {
		tempfile_delete(&tf);
		goto failed;
	}
	return;
failed:
	warning(_("%s: cannot save the tokens and ballots: %s; after a "
		  "restart the addresses will be new"),
		s->state, strerror(errno));
}

void serve_state_load(struct server *s, bool fresh)
{
	int i;

	s->state = state_path(s->file);
	if (fresh || !s->state || load(s, s->state, s->file) < 0) {
		serve_ballots_free(s);
		s->ballots = NULL;
		s->nballots = s->ballots_cap = 0;
		for (i = 0; i < 3; i++)
			serve_token(s->token[i]);
	}
	serve_state_save(s);
}
