/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The handout template language (SPEC section 4) on the libxml2 tree of an
 * ODF part (content.xml, styles.xml): {{field}}, {{#each list}}..{{/each}},
 * {{#if cond}}..{{else}}..{{/if}} and {{chart NAME}}.
 *
 * The engine never works on serialised text: it finds tags in the text of
 * each paragraph (text:p, text:h) across the <text:span> runs LibreOffice
 * splits them into, moves each tag into the run where it starts (keeping
 * that run's style), and writes the output from the template's nodes, so
 * the template's styles stay as they are; every value is escaped as it is
 * written.
 *
 * Every tag is checked before anything is rendered, against a static
 * description of the data (struct tpl_field), so that a misspelt field is
 * found even inside a loop over an empty list.  Problems are reported one
 * message each (through tpl_opts.report) and counted.
 */
#ifndef STYR_TEMPLATE_H
#define STYR_TEMPLATE_H

#include <libxml/tree.h>
#include <stdbool.h>

#include "util.h"
#include "value.h"

/* What a field is: a printable value, a list to loop over, or a group of
 * fields (an object, e.g. item.votes). */
enum tpl_kind { TPL_VALUE, TPL_LIST, TPL_GROUP };

/*
 * One field a template may use.  SCOPE is "" for the top level or the type
 * of a list's elements ("item"); PATH is dotted below it ("votes.remove").
 * A TPL_LIST names the type of its elements in ELEM (NULL: plain values).
 * Inside {{#each LIST}} the element is called by the singular of LIST's
 * last segment (tpl_singular) and also by its type.  A table of these ends
 * with a NULL path.
 */
struct tpl_field {
	const char *scope;
	const char *path;
	enum tpl_kind kind;
	const char *elem;
	const char *doc; /* one line for `styr templates --fields` (N_) */
};

/* A picture the chart callback made: where it is in the package, its size
 * and a title for people who cannot see it. */
struct tpl_picture {
	const char *href; /* "Pictures/chart-1.svg" */
	double width_cm, height_cm;
	const char *title;
};

struct tpl_opts {
	const char *name;  /* the template, as messages call it */
	const char *where; /* NULL, or a note on the part: "page header" */
	const struct tpl_field *fields;
	const char *const *charts; /* chart names, NULL-terminated */
	/* The data; NULL checks the template without rendering it. */
	const struct val *data;
	const char *lang; /* "da" or "en": how numbers are written */
	/* Makes chart NAME; returns 0 and fills PIC, or -1 after an error. */
	int (*chart)(void *arg, const char *name, struct tpl_picture *pic);
	void *chart_arg;
	/* Receives each problem as one line; NULL prints it with error(). */
	void (*report)(void *arg, const char *msg);
	void *report_arg;
	/* When set, the rendered document is handed to FLUSH in order, in
	 * pieces of about FLUSH_EVERY bytes (64 KB when 0), as soon as
	 * nothing can take them back (a run or a table left out after
	 * all), and OUT is left empty: a handout need not be held whole.
	 * FLUSH returns 0, or -1 after an error, which stops rendering. */
	int (*flush)(void *arg, const char *buf, size_t len);
	void *flush_arg;
	size_t flush_every;
};

/*
 * Checks every tag of DOC and, when O->data is set and nothing was wrong,
 * appends the rendered document (serialised XML, UTF-8) to OUT, or hands
 * it to O->flush.  Returns
 * the number of problems found (0: success).  DOC is changed (tags are
 * merged into single runs, namespaces for charts declared).
 */
int tpl_render(xmlDocPtr doc, const struct tpl_opts *o, struct strbuf *out);

/* Whether TEXT (a paragraph's text) holds a block tag: {{#...}},
 * {{/...}} or {{else}}, with the white space the engine allows inside the
 * braces. */
bool tpl_has_block_tag(const char *text);

/* The loop variable for a list: items -> item, people -> person, ...;
 * the result is static or points into LIST. Writes at most 64 bytes. */
const char *tpl_singular(const char *list, char buf[64]);

/* Writes a number as a handout prints it in LANG: format_number_for
 * (util.h), no decimals for whole numbers, else at most two; thousands
 * grouped from 10000 up (da: 12.345,5  en: 12,345.5). */
void tpl_number(char out[64], double v, const char *lang);

#endif
