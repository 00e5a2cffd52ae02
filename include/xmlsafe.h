/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Reading XML from strangers (registers, model files, template parts) and
 * the register's compiled-in RelaxNG schema.
 *
 * Parsing never touches the network, loads no DTD or external entity, and
 * refuses any document with a DOCTYPE outright, so entity bombs and XXE
 * have nothing to work with.  Errors are printed as "FILE:LINE: message".
 */
#ifndef STYR_XMLSAFE_H
#define STYR_XMLSAFE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>
#include <libxml/tree.h>

/* Once per process: refuses external entities, silences libxml2's own
 * printing.  styr_main says the process runs one command and ends, so
 * that big trees are left to the exit (see xmlsafe_free_doc). */
void xmlsafe_init(bool process_runs_one_command);
/* Frees a document, or keeps it until the exit in a one-command process. */
void xmlsafe_free_doc(xmlDocPtr doc);
/* Frees the compiled schema and libxml2's globals, for leak checkers. */
void xmlsafe_cleanup(void);

/* Parses a file or a memory buffer; NAME is what messages call it.
 * BLANKS keeps whitespace-only text (templates); without it, formatting
 * whitespace is dropped so that saving re-indents canonically.
 * Returns NULL after printing the first error. */
xmlDocPtr xmlsafe_read_file(const char *path, int keep_blanks);
/* The same, and fills ST (if not NULL) with fstat of the descriptor read,
 * taken after the parse; zeroed when there is none. */
xmlDocPtr xmlsafe_read_file_stat(const char *path, int keep_blanks,
				 struct stat *st);
xmlDocPtr xmlsafe_read_memory(const char *buf, size_t len, const char *name,
			      int keep_blanks);

/*
 * Reading big XML from strangers piece by piece, without a tree (a
 * spreadsheet's sheet): SAX2 under the same rules (no network, no DTD or
 * entity, a DOCTYPE refused).  The callbacks get the element's namespace
 * URI and local name, and its attributes with NUL-terminated values (valid
 * during the call); text comes in pieces.  A callback returns 0 to go on,
 * -1 after printing to stop with an error, or XMLSAFE_DONE to stop early
 * without one.  xmlsafe_stream_feed takes the bytes as they come (LAST on
 * the final piece) and returns 0, XMLSAFE_DONE, or -1 after printing
 * (a parse error as "NAME:LINE: ...").
 */
enum { XMLSAFE_DONE = 1 };
struct xmlsafe_attr {
	const char *ns, *name, *value;
};
struct xmlsafe_sax {
	int (*start)(void *user, const char *ns, const char *name,
		     const struct xmlsafe_attr *attrs, size_t nattrs);
	int (*end)(void *user, const char *ns, const char *name);
	int (*text)(void *user, const char *s, size_t len);
};
struct xmlsafe_stream;
struct xmlsafe_stream *xmlsafe_stream_new(const struct xmlsafe_sax *sax,
					  void *user, const char *name);
int xmlsafe_stream_feed(struct xmlsafe_stream *st, const char *buf,
			size_t len, bool last);
/* The line being parsed, for the callbacks' messages. */
long xmlsafe_stream_line(const struct xmlsafe_stream *st);
void xmlsafe_stream_free(struct xmlsafe_stream *st);
/* The value of attribute NAME in namespace NS (NULL: none) or NULL. */
const char *xmlsafe_attr_get(const struct xmlsafe_attr *attrs, size_t n,
			     const char *ns, const char *name);

/* Validates DOC against the register schema; prints each problem as
 * "NAME:LINE: ..." (at most a few dozen) and returns -1 if invalid. */
int schema_validate(xmlDocPtr doc, const char *name);
/* The same for a register split into parts (see reg.c), each checked in a
 * thread of its own; the problems are printed once each, in line order. */
enum { SCHEMA_MAX_PARTS = 4 };
int schema_validate_parts(xmlDocPtr *docs, int n, const char *name);

/* The default six-phase model, embedded in the binary. */
extern const unsigned char model_xml[];
extern const unsigned int model_xml_len;
extern const unsigned char register_rng[];
extern const unsigned int register_rng_len;

#endif
