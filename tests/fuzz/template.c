// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * libFuzzer target: the template engine.  An input is a template's
 * content.xml, optionally followed by a NUL byte and a register whose
 * data fills it (else the register in tests/fuzz/data.xml does).  The
 * part is read as `styr handout` reads it, checked as `--check` does, then
 * rendered; what the engine writes (content and charts) must be
 * well-formed XML.
 */
#include "chart.h"
#include "fuzz.h"
#include "handout_data.h"
#include "reg.h"
#include "template.h"
#include "value.h"

static struct reg fallback;

static struct reg *load(struct reg *r, const char *data, size_t len)
{
	memset(r, 0, sizeof *r);
	r->lock.fd = -1;
	r->path = xstrdup("data.xml");
	r->doc = xmlsafe_read_memory(data, len, "data.xml", 0);
	if (r->doc && reg_verify(r, "data.xml") == 0)
		return r;
	reg_close(r);
	return NULL;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	size_t len;
	char *text;

	(void)argc;
	(void)argv;
	fuzz_setup();
	text = fuzz_slurp(fuzz_data(), &len);
	if (!text || !load(&fallback, text, len)) {
		fprintf(stderr, "cannot load %s\n", fuzz_data());
		abort();
	}
	free(text);
	return 0;
}

static void well_formed(const char *what, const char *buf, size_t len)
{
	xmlDocPtr doc = xmlsafe_read_memory(buf, len, what, 1);

	if (!doc) {
		fprintf(stderr, "%s is not well-formed:\n%.*s\n", what,
			(int)(len > 4000 ? 4000 : len), buf);
		abort();
	}
	xmlFreeDoc(doc);
}

struct charts {
	const struct val *data;
	char href[8][32];
	int n;
};

static int make_chart(void *arg, const char *name, struct tpl_picture *pic)
{
	struct charts *c = arg;
	struct chart ch;
	int i = c->n++ % 8;

	if (chart_make(name, c->data, "da", &ch) < 0)
		return error("unknown chart '%s'", name);
	well_formed("a chart", ch.svg, ch.len);
	snprintf(c->href[i], sizeof c->href[i], "Pictures/chart-%d.svg", c->n);
	pic->href = c->href[i];
	pic->width_cm = ch.width_cm;
	pic->height_cm = ch.height_cm;
	pic->title = ch.title;
	chart_free(&ch);
	return 0;
}

static void render(xmlDocPtr doc, struct reg *r, const char *lang)
{
	struct arena *a = arena_new();
	struct charts charts = {0};
	struct tpl_opts o = {0};
	struct strbuf out = {0};

	charts.data = handout_data(a, r, lang, NULL);
	o.name = "fuzz";
	o.fields = handout_fields;
	o.charts = chart_names;
	o.data = charts.data;
	o.lang = lang;
	o.chart = make_chart;
	o.chart_arg = &charts;
	if (tpl_render(doc, &o, &out) == 0) {
		if (!out.buf)
			abort();
		well_formed("the rendered content", out.buf, out.len);
	}
	sb_free(&out);
	arena_free(a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	const char *nul = memchr(text, '\0', size);
	size_t content_len = nul ? (size_t)(nul - text) : size;
	struct reg own, *r = &fallback;
	struct tpl_opts check = {0};
	xmlDocPtr doc, copy;

	fuzz_capture();
	if (nul && !(r = load(&own, nul + 1, size - content_len - 1)))
		r = &fallback;
	doc = xmlsafe_read_memory(text, content_len, "content.xml", 1);
	if (doc) {
		/* styr handout --check: no data */
		copy = xmlCopyDoc(doc, 1);
		check.name = "fuzz";
		check.fields = handout_fields;
		check.charts = chart_names;
		tpl_render(copy, &check, NULL);
		xmlFreeDoc(copy);
		render(doc, r, size % 2 ? "en" : "da");
		xmlFreeDoc(doc);
	}
	if (r != &fallback)
		reg_close(r);
	fuzz_release();
	return 0;
}
