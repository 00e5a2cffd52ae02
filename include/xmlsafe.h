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

#include <stddef.h>
#include <libxml/tree.h>

/* Once per process: refuses external entities, silences libxml2's own
 * printing.  Called by styr_main. */
void xmlsafe_init(void);
/* Frees the compiled schema and libxml2's globals, for leak checkers. */
void xmlsafe_cleanup(void);

/* Parses a file or a memory buffer; NAME is what messages call it.
 * BLANKS keeps whitespace-only text (templates); without it, formatting
 * whitespace is dropped so that saving re-indents canonically.
 * Returns NULL after printing the first error. */
xmlDocPtr xmlsafe_read_file(const char *path, int keep_blanks);
xmlDocPtr xmlsafe_read_memory(const char *buf, size_t len, const char *name,
			      int keep_blanks);

/* Validates DOC against the register schema; prints each problem as
 * "NAME:LINE: ..." (at most a few dozen) and returns -1 if invalid. */
int schema_validate(xmlDocPtr doc, const char *name);

/* The default six-phase model, embedded in the binary. */
extern const unsigned char model_xml[];
extern const unsigned int model_xml_len;
extern const unsigned char register_rng[];
extern const unsigned int register_rng_len;

#endif
