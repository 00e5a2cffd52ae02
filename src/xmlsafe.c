// SPDX-License-Identifier: GPL-3.0-or-later
/* Safe XML reading and the register schema; see xmlsafe.h. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include "util.h"
#include "xmlsafe.h"

/* The first parse error, kept for one message with file and line. */
struct first_error {
	char msg[512];
	int line;
	int doctype;
};

static struct first_error *collecting;

static void collect_error(void *data, xmlErrorPtr e)
{
	struct first_error *fe = collecting;
	size_t n;

	(void)data;
	if (!fe || fe->msg[0] || !e || !e->message)
		return;
	snprintf(fe->msg, sizeof fe->msg, "%s", e->message);
	n = strlen(fe->msg);
	while (n && fe->msg[n - 1] == '\n')
		fe->msg[--n] = '\0';
	fe->line = e->line;
	/* libxml2 says "Input is not proper UTF-8, indicate encoding !\n
	 * Bytes: 0xFF 0x20 ..." -- advice for programmers, on two lines. */
	if (!strncmp(fe->msg, "Input is not proper UTF-8", 25)) {
		char *bytes = strstr(fe->msg, "Bytes: ");
		char copy[sizeof fe->msg];

		snprintf(copy, sizeof copy, "%s", bytes ? bytes + 7 : "");
		snprintf(fe->msg, sizeof fe->msg,
			 _("not UTF-8 text (the bytes %s); save the file as "
			   "UTF-8"),
			 copy);
	}
}

static xmlParserInputPtr refuse_entity(const char *url, const char *id,
				       xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

void xmlsafe_init(void)
{
	xmlInitParser();
	xmlSetExternalEntityLoader(refuse_entity);
	xmlSetStructuredErrorFunc(NULL, collect_error);
}

/* A DOCTYPE stops the parse before any entity could be declared or used. */
static void refuse_doctype(void *ctx, const xmlChar *name,
			   const xmlChar *external_id,
			   const xmlChar *system_id)
{
	xmlParserCtxtPtr ctxt = ctx;

	(void)name;
	(void)external_id;
	(void)system_id;
	if (collecting) {
		collecting->doctype = 1;
		collecting->line = xmlSAX2GetLineNumber(ctxt);
	}
	xmlStopParser(ctxt);
}

static xmlDocPtr finish(xmlParserCtxtPtr ctxt, xmlDocPtr doc, const char *name,
			struct first_error *fe)
{
	collecting = NULL;
	if (doc && !fe->doctype && ctxt->wellFormed)
		return doc;
	xmlFreeDoc(doc);
	if (fe->doctype)
		error(_("%s:%d: a DOCTYPE is not allowed (no DTDs or entities "
			"are read, for safety)"),
		      name, fe->line);
	else if (fe->msg[0])
		error(_("%s:%d: not well-formed XML: %s"), name, fe->line,
		      fe->msg);
	else
		error(_("%s: cannot read the XML"), name);
	return NULL;
}

static xmlParserCtxtPtr new_ctxt(struct first_error *fe)
{
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();

	if (!ctxt)
		die(_("out of memory"));
	ctxt->sax->internalSubset = refuse_doctype;
	memset(fe, 0, sizeof *fe);
	collecting = fe;
	return ctxt;
}

static int parse_options(int keep_blanks)
{
	return XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES |
	       (keep_blanks ? 0 : XML_PARSE_NOBLANKS);
}

xmlDocPtr xmlsafe_read_file(const char *path, int keep_blanks)
{
	struct first_error fe;
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;
	int fd;

	/* By descriptor: the entity loader refuses every URL, the main
	 * document's included. */
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		error(_("%s: cannot open: %s"), path, strerror(errno));
		return NULL;
	}
	ctxt = new_ctxt(&fe);
	doc = xmlCtxtReadFd(ctxt, fd, path, NULL, parse_options(keep_blanks));
	close(fd);
	doc = finish(ctxt, doc, path, &fe);
	xmlFreeParserCtxt(ctxt);
	return doc;
}

xmlDocPtr xmlsafe_read_memory(const char *buf, size_t len, const char *name,
			      int keep_blanks)
{
	struct first_error fe;
	xmlParserCtxtPtr ctxt = new_ctxt(&fe);
	xmlDocPtr doc;

	if (len > (size_t)2147483647) {
		collecting = NULL;
		xmlFreeParserCtxt(ctxt);
		error(_("%s: too large"), name);
		return NULL;
	}
	doc = xmlCtxtReadMemory(ctxt, buf, (int)len, name, NULL,
				parse_options(keep_blanks));
	doc = finish(ctxt, doc, name, &fe);
	xmlFreeParserCtxt(ctxt);
	return doc;
}

/* --- the register schema --- */

struct validation {
	const char *name;
	int count;
	char unplaced[512]; /* the first message that had no line */
};

enum { MAX_REPORTED = 20 };

static void report_invalid(void *data, xmlErrorPtr e)
{
	struct validation *v = data;
	char msg[512];
	size_t n;
	long line = e->line;

	snprintf(msg, sizeof msg, "%s", e->message ? e->message : "");
	n = strlen(msg);
	while (n && msg[n - 1] == '\n')
		msg[--n] = '\0';
	if (!line && e->node)
		line = xmlGetLineNo((xmlNodePtr)e->node);
	/* RelaxNG follows a precise message with a summary that has no
	 * line ("Element item failed to validate attributes"); "FILE:0:"
	 * would only confuse.  It is kept in case nothing else comes. */
	if (line <= 0) {
		if (!v->unplaced[0])
			snprintf(v->unplaced, sizeof v->unplaced, "%s", msg);
		return;
	}
	if (++v->count > MAX_REPORTED)
		return;
	error(_("%s:%ld: does not follow the register format: %s"), v->name,
	      line, msg);
}

static xmlRelaxNGPtr schema;

static xmlRelaxNGPtr compiled_schema(void)
{
	xmlRelaxNGParserCtxtPtr pctxt;

	if (schema)
		return schema;
	pctxt = xmlRelaxNGNewMemParserCtxt((const char *)register_rng,
					   (int)register_rng_len);
	schema = xmlRelaxNGParse(pctxt);
	xmlRelaxNGFreeParserCtxt(pctxt);
	if (!schema)
		die(_("internal error: the built-in register schema does not "
		      "compile"));
	return schema;
}

int schema_validate(xmlDocPtr doc, const char *name)
{
	struct validation v = {name, 0, ""};
	xmlRelaxNGValidCtxtPtr vctxt;
	int rc;

	vctxt = xmlRelaxNGNewValidCtxt(compiled_schema());
	if (!vctxt)
		die(_("out of memory"));
	xmlRelaxNGSetValidStructuredErrors(vctxt, report_invalid, &v);
	rc = xmlRelaxNGValidateDoc(vctxt, doc);
	xmlRelaxNGFreeValidCtxt(vctxt);
	if (v.count > MAX_REPORTED)
		error(ngettext("%s: %d more problem not shown",
			       "%s: %d more problems not shown",
			       (unsigned long)(v.count - MAX_REPORTED)),
		      name, v.count - MAX_REPORTED);
	if (rc != 0 && v.count == 0 && v.unplaced[0])
		error(_("%s: does not follow the register format: %s"), name,
		      v.unplaced);
	else if (rc != 0 && v.count == 0)
		error(_("%s: does not follow the register format"), name);
	return rc == 0 ? 0 : -1;
}

void xmlsafe_cleanup(void)
{
	if (schema)
		xmlRelaxNGFree(schema);
	schema = NULL;
	xmlCleanupParser();
}
