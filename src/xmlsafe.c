// SPDX-License-Identifier: GPL-3.0-or-later
/* Safe XML reading and the register schema; see xmlsafe.h. */
#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
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

/* libxml2's message without its trailing newline. */
static void copy_message(char *out, size_t size, const xmlError *e)
{
	size_t n;

	snprintf(out, size, "%s", e->message ? e->message : "");
	n = strlen(out);
	while (n && out[n - 1] == '\n')
		out[--n] = '\0';
}

static void collect_error(void *data, xmlErrorPtr e)
{
	struct first_error *fe = collecting;

	(void)data;
	if (!fe || fe->msg[0] || !e || !e->message)
		return;
	copy_message(fe->msg, sizeof fe->msg, e);
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

/*
 * A styr process runs one command and ends.  Freeing a big register's tree
 * node by node then costs a tenth of the command, and more when malloc
 * tidies its free lists at exit, while the kernel takes the pages back at
 * once.  So in such a process the trees are kept until the exit, reachable
 * from here so that leak checkers see no leak.  The sanitizer build frees
 * them, to check that freeing them is right.
 */
#ifdef __SANITIZE_ADDRESS__
static const bool may_keep = false;
#else
static const bool may_keep = true;
#endif
static bool one_command;
/* volatile: the compiler sees nothing read this, and would drop it. */
static xmlDocPtr volatile kept[8];
static size_t nkept;

void xmlsafe_free_doc(xmlDocPtr doc)
{
	if (doc && may_keep && one_command &&
	    nkept < sizeof kept / sizeof *kept) {
		kept[nkept++] = doc;
		return;
	}
	xmlFreeDoc(doc);
}

void xmlsafe_init(bool process_runs_one_command)
{
	one_command = process_runs_one_command;
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

/* XML_PARSE_COMPACT keeps short texts inside their node, a malloc fewer
 * per attribute-sized text: a tenth of a big register's parse.  libxml2's
 * own functions change such nodes correctly, and styr changes trees only
 * through them (no code here writes a node's content field). */
static int parse_options(int keep_blanks)
{
	return XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES |
	       XML_PARSE_COMPACT | (keep_blanks ? 0 : XML_PARSE_NOBLANKS);
}

xmlDocPtr xmlsafe_read_file(const char *path, int keep_blanks)
{
	return xmlsafe_read_file_stat(path, keep_blanks, NULL);
}

xmlDocPtr xmlsafe_read_file_stat(const char *path, int keep_blanks,
				 struct stat *st)
{
	struct first_error fe;
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;
	int fd;

	if (st)
		memset(st, 0, sizeof *st);

	/* By descriptor: the entity loader refuses every URL, the main
	 * document's included. */
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		error(_("%s: cannot open: %s"), path, strerror(errno));
		return NULL;
	}
	ctxt = new_ctxt(&fe);
	doc = xmlCtxtReadFd(ctxt, fd, path, NULL, parse_options(keep_blanks));
	/* After the parse, of the descriptor parsed: a change made while
	 * parsing shows in these stat data (see trust.c). */
	if (st && fstat(fd, st) < 0)
		memset(st, 0, sizeof *st);
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

/* --- streams (SAX2, no tree) --- */

struct xmlsafe_stream {
	xmlParserCtxtPtr ctxt;
	const struct xmlsafe_sax *sax;
	void *user;
	char *name;
	int rc;		/* a callback's -1 or XMLSAFE_DONE */
	struct first_error fe;
	struct strbuf vals;	/* the attribute values, back to back */
	size_t *off;
	struct xmlsafe_attr *attrs;
	size_t cap;
};

static void stream_stop(struct xmlsafe_stream *st, int rc)
{
	if (rc && !st->rc) {
		st->rc = rc;
		xmlStopParser(st->ctxt);
	}
}

static void stream_start(void *ctx, const xmlChar *name, const xmlChar *prefix,
			 const xmlChar *uri, int nb_ns, const xmlChar **ns,
			 int nattrs, int ndefaulted, const xmlChar **a)
{
	struct xmlsafe_stream *st = ctx;
	size_t i, n = nattrs > 0 ? (size_t)nattrs : 0;

	(void)prefix;
	(void)nb_ns;
	(void)ns;
	(void)ndefaulted;
	if (st->rc)
		return;
	if (n > st->cap) {
		st->cap = n;
		st->attrs = xrealloc(st->attrs, n * sizeof *st->attrs);
		st->off = xrealloc(st->off, n * sizeof *st->off);
	}
	/* Five pointers per attribute: name, prefix, URI, value, its end. */
	st->vals.len = 0;
	for (i = 0; i < n; i++) {
		const xmlChar **at = a + 5 * i;
		st->off[i] = st->vals.len;
		sb_add(&st->vals, (const char *)at[3],
		       (size_t)(at[4] - at[3]));
		sb_add(&st->vals, "", 1);
	}
	for (i = 0; i < n; i++) {
		const xmlChar **at = a + 5 * i;
		st->attrs[i].name = (const char *)at[0];
		st->attrs[i].ns = (const char *)at[2];
		st->attrs[i].value = st->vals.buf + st->off[i];
	}
	if (st->sax->start)
		stream_stop(st, st->sax->start(st->user, (const char *)uri,
					       (const char *)name, st->attrs,
					       n));
}

static void stream_end(void *ctx, const xmlChar *name, const xmlChar *prefix,
		       const xmlChar *uri)
{
	struct xmlsafe_stream *st = ctx;

	(void)prefix;
	if (!st->rc && st->sax->end)
		stream_stop(st, st->sax->end(st->user, (const char *)uri,
					     (const char *)name));
}

static void stream_text(void *ctx, const xmlChar *s, int len)
{
	struct xmlsafe_stream *st = ctx;

	if (!st->rc && st->sax->text && len > 0)
		stream_stop(st, st->sax->text(st->user, (const char *)s,
					      (size_t)len));
}

static void stream_doctype(void *ctx, const xmlChar *name,
			   const xmlChar *external_id, const xmlChar *system_id)
{
	struct xmlsafe_stream *st = ctx;

	(void)name;
	(void)external_id;
	(void)system_id;
	st->fe.doctype = 1;
	st->fe.line = xmlSAX2GetLineNumber(st->ctxt);
	xmlStopParser(st->ctxt);
}

struct xmlsafe_stream *xmlsafe_stream_new(const struct xmlsafe_sax *sax,
					  void *user, const char *name)
{
	struct xmlsafe_stream *st = xcalloc(1, sizeof *st);
	xmlSAXHandler h;

	memset(&h, 0, sizeof h);
	h.initialized = XML_SAX2_MAGIC;
	h.startElementNs = stream_start;
	h.endElementNs = stream_end;
	h.characters = stream_text;
	h.ignorableWhitespace = stream_text;
	h.internalSubset = stream_doctype;
	st->sax = sax;
	st->user = user;
	st->name = xstrdup(name);
	st->ctxt = xmlCreatePushParserCtxt(&h, st, NULL, 0, name);
	if (!st->ctxt)
		die(_("out of memory"));
	xmlCtxtUseOptions(st->ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA |
					    XML_PARSE_BIG_LINES);
	return st;
}

long xmlsafe_stream_line(const struct xmlsafe_stream *st)
{
	return xmlSAX2GetLineNumber(st->ctxt);
}

int xmlsafe_stream_feed(struct xmlsafe_stream *st, const char *buf,
			size_t len, bool last)
{
	int err;

	if (st->rc)
		return st->rc;
	if (len > (size_t)INT_MAX)
		return error(_("%s: too large"), st->name);
	collecting = &st->fe;
	err = xmlParseChunk(st->ctxt, buf, (int)len, last);
	collecting = NULL;
	if (st->rc)
		return st->rc;
	if (st->fe.doctype)
		return error(_("%s:%d: a DOCTYPE is not allowed (no DTDs or "
			       "entities are read, for safety)"),
			     st->name, st->fe.line);
	if (err || !st->ctxt->wellFormed) {
		st->rc = -1;
		if (st->fe.msg[0])
			return error(_("%s:%d: not well-formed XML: %s"),
				     st->name, st->fe.line, st->fe.msg);
		return error(_("%s: cannot read the XML"), st->name);
	}
	return 0;
}

void xmlsafe_stream_free(struct xmlsafe_stream *st)
{
	if (!st)
		return;
	xmlFreeParserCtxt(st->ctxt);
	sb_free(&st->vals);
	free(st->off);
	free(st->attrs);
	free(st->name);
	free(st);
}

const char *xmlsafe_attr_get(const struct xmlsafe_attr *attrs, size_t n,
			     const char *ns, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(attrs[i].name, name) &&
		    (ns ? attrs[i].ns && !strcmp(attrs[i].ns, ns)
			: !attrs[i].ns))
			return attrs[i].value;
	return NULL;
}

/* --- the register schema --- */

/* A schema problem, kept so that problems found by several threads can be
 * printed once each, in the order of the file. */
struct problem {
	long line;
	size_t seq; /* the order libxml2 reported it in */
	char msg[512];
};

struct validation {
	xmlDocPtr doc;
	xmlRelaxNGPtr schema;
	int rc;
	struct problem *problems;
	size_t nproblems, cap;
	size_t dropped; /* problems past MAX_KEPT: counted, not kept */
	char unplaced[512]; /* the first message that had no line */
};

enum { MAX_REPORTED = 20, MAX_KEPT = 1000 };


/*
 * libxml2's RelaxNG messages are English and written for programmers
 * ("Expecting an element , got nothing").  The common ones are said again
 * in the messages' language, naming the element and the value; any other
 * is kept as libxml2 wrote it.
 */
static void plain_message(char *out, size_t size, const xmlError *e)
{
	const xmlNode *n = e->node;
	const char *el = n && n->name ? (const char *)n->name : "";
	char a[64], b[64];
	xmlChar *value;

	copy_message(out, size, e);
	if (sscanf(out, "Invalid attribute %63s for element %63s", a, b) == 2 &&
	    n && n->type == XML_ELEMENT_NODE) {
		value = xmlGetProp(n, BAD_CAST a);
		snprintf(out, size, _("%s=\"%s\" is not allowed on <%s>"), a,
			 value ? (const char *)value : "", b);
		xmlFree(value);
	} else if (sscanf(out, "Did not expect element %63s there", a) == 1) {
		snprintf(out, size, _("<%s> does not belong here"), a);
	} else if (sscanf(out, "Element %63s has extra content: %63s", a, b) ==
		   2) {
		snprintf(out, size, _("<%s> holds something it may not: <%s>"),
			 a, b);
	} else if (sscanf(out, "Expecting element %63[^,], got %63s", a, b) ==
		   2) {
		snprintf(out, size, _("expected <%s> here, found <%s>"), a, b);
	} else if (!strcmp(out, "Expecting an element , got nothing")) {
		snprintf(out, size, _("<%s> lacks an element it must have"), el);
	} else if (sscanf(out, "Element %63s failed to validate attributes",
			  a) == 1) {
		snprintf(out, size,
			 _("<%s> has an attribute that is missing or not "
			   "allowed"),
			 a);
	} else if (sscanf(out, "Element %63s failed to validate content",
			  a) == 1) {
		snprintf(out, size, _("<%s> holds something it may not"), a);
	}
}

static void collect_invalid(void *data, xmlErrorPtr e)
{
	struct validation *v = data;
	struct problem *p;
	long line = e->line;

	if (!line && e->node)
		line = xmlGetLineNo((xmlNodePtr)e->node);
	/* RelaxNG follows a precise message with a summary that has no
	 * line ("Element item failed to validate attributes"); "FILE:0:"
	 * would only confuse.  It is kept in case nothing else comes. */
	if (line <= 0) {
		if (!v->unplaced[0])
			plain_message(v->unplaced, sizeof v->unplaced, e);
		return;
	}
	/* Past the first thousand only the count matters: those are items'
	 * and entries' own problems, said once (each part reports the
	 * shared small sections first). */
	if (v->nproblems == MAX_KEPT) {
		v->dropped++;
		return;
	}
	v->problems = xgrow(v->problems, v->nproblems, &v->cap, 16,
			    sizeof *p);
	p = &v->problems[v->nproblems];
	p->line = line;
	p->seq = v->nproblems++;
	plain_message(p->msg, sizeof p->msg, e);
}

static xmlRelaxNGPtr compile_schema(void)
{
	xmlRelaxNGParserCtxtPtr pctxt;
	xmlRelaxNGPtr s;

	pctxt = xmlRelaxNGNewMemParserCtxt((const char *)register_rng,
					   (int)register_rng_len);
	s = xmlRelaxNGParse(pctxt);
	xmlRelaxNGFreeParserCtxt(pctxt);
	if (!s)
		die(_("internal error: the built-in register schema does not "
		      "compile"));
	return s;
}

static xmlRelaxNGPtr schema;

static void *validate_one(void *arg)
{
	struct validation *v = arg;
	xmlRelaxNGValidCtxtPtr vctxt = xmlRelaxNGNewValidCtxt(v->schema);

	if (!vctxt)
		die(_("out of memory"));
	xmlRelaxNGSetValidStructuredErrors(vctxt, collect_invalid, v);
	v->rc = xmlRelaxNGValidateDoc(vctxt, v->doc);

	xmlRelaxNGFreeValidCtxt(vctxt);
	return NULL;
}

static int by_line(const void *a, const void *b)
{
	const struct problem *p = a, *q = b;

	if (p->line != q->line)
		return (p->line > q->line) - (p->line < q->line);
	return (p->seq > q->seq) - (p->seq < q->seq);
}

/* Whether ALL[I] was said already on its line (by another part). */
static bool said_before(const struct problem *all, size_t i)
{
	size_t j;

	for (j = i; j-- > 0 && all[j].line == all[i].line;)
		if (!strcmp(all[j].msg, all[i].msg))
			return true;
	return false;
}

/* Prints the problems of all parts in file order, each once (the parts
 * share the register's small sections, so these are checked in each). */
static void report(struct validation *v, int n, const char *name)
{
	struct problem *all = NULL;
	size_t total = 0, i, shown = 0, more = 0;
	int k, failed = 0;

	for (k = 0; k < n; k++) {
		failed |= v[k].rc != 0;
		more += v[k].dropped;
		all = xrealloc(all, (total + v[k].nproblems + 1) * sizeof *all);
		if (v[k].nproblems)
			memcpy(all + total, v[k].problems,
			       v[k].nproblems * sizeof *all);
		total += v[k].nproblems;
	}
	qsort(all, total, sizeof *all, by_line);
	for (i = 0; i < total; i++) {
		if (said_before(all, i))
			continue;
		if (shown++ < MAX_REPORTED)
			error(_("%s:%ld: does not follow the register format: "
				"%s"),
			      name, all[i].line, all[i].msg);
		else
			more++;
	}
	if (more)
		error(ngettext("%s: %d more problem not shown",
			       "%s: %d more problems not shown",
			       (unsigned long)more),
		      name, (int)more);
	for (k = 0; failed && !shown && k < n; k++)
		if (v[k].unplaced[0]) {
			error(_("%s: does not follow the register format: %s"),
			      name, v[k].unplaced);
			shown = 1;
		}
	if (failed && !shown)
		error(_("%s: does not follow the register format"), name);
	free(all);
}

int schema_validate_parts(xmlDocPtr *docs, int n, const char *name)
{
	struct validation v[SCHEMA_MAX_PARTS];
	int k, failed = 0;

	if (n < 1 || n > SCHEMA_MAX_PARTS)
		die("internal error: validating %d parts", n);
	if (!schema)
		schema = compile_schema();
	memset(v, 0, sizeof v);
	for (k = 0; k < n; k++) {
		v[k].doc = docs[k];
		v[k].schema = schema;
	}
	/* Each thread has a validation context of its own, and a schema of
	 * its own: libxml2 does not promise that validations may share a
	 * compiled schema, and compiling one takes a millisecond. */
	for (k = 1; k < n; k++)
		v[k].schema = compile_schema();
	run_parallel(validate_one, v, sizeof *v, n);
	report(v, n, name);
	for (k = 0; k < n; k++) {
		failed |= v[k].rc != 0;
		if (k)
			xmlRelaxNGFree(v[k].schema);
		free(v[k].problems);
	}
	return failed ? -1 : 0;
}

int schema_validate(xmlDocPtr doc, const char *name)
{
	return schema_validate_parts(&doc, 1, name);
}

void xmlsafe_cleanup(void)
{
	if (schema)
		xmlRelaxNGFree(schema);
	schema = NULL;
	xmlCleanupParser();
}
