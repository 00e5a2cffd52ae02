// SPDX-License-Identifier: GPL-3.0-or-later
/* Writing the handout: an ODF package made in memory (content.xml
 * deflated as it was rendered, odt_deflate.c) and written through
 * tempfile.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/xmlsave.h>
#include <zip.h>

#include "odt.h"
#include "odt_int.h"
#include "tempfile.h"
#include "util.h"

#ifndef VERSION
#define VERSION "0.1"
#endif

#define META_NS "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"

void odt_set_version(xmlDocPtr doc)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	xmlNsPtr ns =
	    root ? xmlSearchNsByHref(doc, root, BAD_CAST OFFICE_NS) : NULL;

	if (ns)
		xmlSetNsProp(root, ns, BAD_CAST "version", BAD_CAST "1.3");
}

static const char *guess_type(const char *name)
{
	static const char *const types[][2] = {{".xml", "text/xml"},
					       {".rdf", "application/rdf+xml"},
					       {".png", "image/png"},
					       {".jpg", "image/jpeg"},
					       {".jpeg", "image/jpeg"},
					       {".gif", "image/gif"},
					       {".svg", "image/svg+xml"},
					       {".bmp", "image/bmp"},
					       {".tif", "image/tiff"},
					       {".tiff", "image/tiff"},
					       {".webp", "image/webp"},
					       {".wmf", "image/x-wmf"},
					       {".emf", "image/x-emf"},
					       {".pdf", "application/pdf"},
					       {NULL, NULL}};
	int i;

	for (i = 0; types[i][0]; i++)
		if (odt_has_suffix(name, types[i][0]))
			return types[i][1];
	return "application/octet-stream";
}

static int sink_write(void *ctx, const char *buf, int len)
{
	sb_add(ctx, buf, (size_t)len);
	return len;
}

static int sink_close(void *ctx)
{
	(void)ctx;
	return 0;
}

/* Serialises DOC as ODF 1.3 in UTF-8 (indented when FORMAT: only for
 * parts without mixed content); the result is malloc'd. */
static char *dump(xmlDocPtr doc, size_t *len, int format)
{
	struct strbuf sb = {0};
	xmlSaveCtxtPtr save;

	odt_set_version(doc);
	/* UTF-8 whatever the template declared; with no encoder given,
	 * libxml2 writes UTF-8 straight, without converting. */
	xmlFree((xmlChar *)doc->encoding);
	doc->encoding = xmlStrdup(BAD_CAST "UTF-8");
	save = xmlSaveToIO(sink_write, sink_close, &sb, NULL,
			   format ? XML_SAVE_FORMAT : 0);
	if (!save || xmlSaveDoc(save, doc) < 0 || xmlSaveClose(save) < 0)
		die(_("out of memory"));
	*len = sb.len;
	return sb_steal(&sb);
}

static xmlDocPtr empty_styles(void)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root =
	    xmlNewDocNode(doc, NULL, BAD_CAST "document-styles", NULL);

	xmlDocSetRootElement(doc, root);
	xmlSetNs(root, xmlNewNs(root, BAD_CAST OFFICE_NS, BAD_CAST "office"));
	return doc;
}

static void add_text_child(xmlNodePtr parent, xmlNsPtr ns, const char *name,
			   const char *text)
{
	xmlNodePtr n = xmlNewChild(parent, ns, BAD_CAST name, NULL);

	if (!n)
		die(_("out of memory"));
	xmlNodeAddContent(n, BAD_CAST text);
}

static xmlDocPtr make_meta(const struct odt_info *info)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root =
	    xmlNewDocNode(doc, NULL, BAD_CAST "document-meta", NULL);
	xmlNsPtr office, meta, dc;
	xmlNodePtr m;
	char now[21];

	xmlDocSetRootElement(doc, root);
	office = xmlNewNs(root, BAD_CAST OFFICE_NS, BAD_CAST "office");
	meta = xmlNewNs(root, BAD_CAST META_NS, BAD_CAST "meta");
	dc = xmlNewNs(root, BAD_CAST DC_NS, BAD_CAST "dc");
	xmlSetNs(root, office);
	m = xmlNewChild(root, office, BAD_CAST "meta", NULL);
	now_iso(now);
	add_text_child(m, meta, "generator", "styr " VERSION);
	if (info && info->title && *info->title)
		add_text_child(m, dc, "title", info->title);
	if (info && info->lang)
		add_text_child(m, dc, "language", info->lang);
	add_text_child(m, meta, "creation-date", now);
	add_text_child(m, dc, "date", now);
	return doc;
}

static void manifest_entry(xmlNodePtr root, xmlNsPtr ns, const char *path,
			   const char *type)
{
	xmlNodePtr e = xmlNewChild(root, ns, BAD_CAST "file-entry", NULL);

	xmlNewNsProp(e, ns, BAD_CAST "full-path", BAD_CAST path);
	if (!strcmp(path, "/"))
		xmlNewNsProp(e, ns, BAD_CAST "version", BAD_CAST "1.3");
	xmlNewNsProp(e, ns, BAD_CAST "media-type", BAD_CAST type);
}

static xmlDocPtr make_manifest(const struct odt *t, const char *mimetype)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlNewDocNode(doc, NULL, BAD_CAST "manifest", NULL);
	xmlNsPtr ns = xmlNewNs(root, BAD_CAST MANIFEST_NS, BAD_CAST "manifest");
	size_t i;

	xmlDocSetRootElement(doc, root);
	xmlSetNs(root, ns);
	xmlNewNsProp(root, ns, BAD_CAST "version", BAD_CAST "1.3");
	manifest_entry(root, ns, "/", mimetype);
	manifest_entry(root, ns, "content.xml", "text/xml");
	manifest_entry(root, ns, "styles.xml", "text/xml");
	manifest_entry(root, ns, "meta.xml", "text/xml");
	for (i = 0; i < t->nparts; i++)
		manifest_entry(root, ns, t->parts[i].name,
			       t->parts[i].media_type
				   ? t->parts[i].media_type
				   : guess_type(t->parts[i].name));
	return doc;
}

/* The buffers handed to libzip must live until zip_close. */
struct buffers {
	char *data[8];
	int n;
};

static int add(zip_t *z, const char *name, const void *data, size_t len,
	       bool store)
{
	zip_source_t *src = zip_source_buffer(z, data, len, 0);
	zip_int64_t idx;

	if (!src)
		return -1;
	idx = zip_file_add(z, name, src, ZIP_FL_ENC_UTF_8);
	if (idx < 0) {
		zip_source_free(src); /* only when the add failed */
		return -1;
	}
	/* libzip's default is the slowest level; 6 is zlib's usual.  (The
	 * big part, content.xml, goes through add_content.) */
	if (zip_set_file_compression(z, (zip_uint64_t)idx,
				     store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
				     store ? 0 : 6) < 0)
		return -1;
	return 0;
}

/* Adds content.xml, deflated as it was rendered, or now when it was not
 * (odt_deflate.c); T->content_z must live until zip_close. */
static int add_content(zip_t *z, struct odt *t)
{
	zip_source_t *src;
	char *data = NULL;
	size_t len = 0;
	int rc = 0;

	if (!t->content_z) {
		t->content_z = odt_deflate_new();
		if (!t->content_out.len)
			data = dump(t->content, &len, 0);
		rc = odt_deflate_write(t->content_z,
				       data ? data : t->content_out.buf,
				       data ? len : t->content_out.len);
		free(data);
	}
	if (rc < 0 || odt_deflate_finish(t->content_z) < 0) {
		zip_error_set(zip_get_error(z), ZIP_ER_INTERNAL, 0);
		return -1;
	}
	src = odt_deflate_source(z, t->content_z);
	if (!src)
		return -1;
	/* No zip_set_file_compression: with the default method, libzip
	 * takes the source's deflated data as it is. */
	if (zip_file_add(z, "content.xml", src, ZIP_FL_ENC_UTF_8) < 0) {
		zip_source_free(src);
		return -1;
	}
	return 0;
}

/* Writes the archive MEM (a buffer source, closed) holds to FD; -1 with
 * errno set on failure. */
static int write_archive(zip_source_t *mem, int fd)
{
	char buf[65536];
	zip_int64_t n;
	int rc = 0;

	if (zip_source_open(mem) < 0) {
		errno = ENOMEM;
		return -1;
	}
	while ((n = zip_source_read(mem, buf, sizeof buf)) > 0)
		if (write_all(fd, buf, (size_t)n) < 0) {
			rc = -1;
			break;
		}
	if (n < 0) {
		errno = EIO;
		rc = -1;
	}
	zip_source_close(mem);
	return rc;
}

int odt_write(struct odt *t, const char *path, bool force,
	      const struct odt_info *info)
{
	const char *mimetype = info && info->mimetype ? info->mimetype
						      : ODT_MIME;
	struct buffers b = {{0}, 0};
	xmlDocPtr meta = NULL, manifest = NULL, styles = NULL;
	struct tempfile *tf;
	size_t len[8];
	zip_t *z = NULL;
	zip_source_t *mem = NULL;
	zip_error_t ze;
	int rc = -1, i;
	size_t p;
	struct stat st;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		error(_("%s is a directory; name the handout's file with -o"),
		      path);
		return -1;
	}
	if (!force && access(path, F_OK) == 0) {
		error(_("%s exists; use --force to replace it"), path);
		return -1;
	}
	/* A handout is always a new file: 0666 less the umask, also when
	 * it replaces one. */
	tf = tempfile_create(path, 0666, 0);
	if (!tf) {
		error(_("%s: cannot write: %s"), path, strerror(errno));
		return -1;
	}

	meta = make_meta(info);
	manifest = make_manifest(t, mimetype);
	if (!t->styles)
		styles = empty_styles();
	b.data[b.n] = t->styles_out.len
			  ? NULL
			  : dump(t->styles ? t->styles : styles, &len[b.n], 0);
	b.n++;
	b.data[b.n] = dump(meta, &len[b.n], 1);
	b.n++;
	b.data[b.n] = dump(manifest, &len[b.n], 1);
	b.n++;

	/* The archive is made in memory and written to TMP here, so that
	 * libzip leaves no temporary file of its own when interrupted. */
	zip_error_init(&ze);
	mem = zip_source_buffer_create(NULL, 0, 0, &ze);
	if (mem)
		zip_source_keep(mem);
	z = mem ? zip_open_from_source(mem, ZIP_TRUNCATE, &ze) : NULL;
	if (!z) {
		error(_("%s: cannot write: %s"), path, zip_error_strerror(&ze));
		goto out;
	}
	/* A fixed order: mimetype first and stored, so that a reader can
	 * tell the type from the first bytes; the manifest last. */
	if (add(z, "mimetype", mimetype, strlen(mimetype), true) < 0 ||
	    add_content(z, t) < 0 ||
	    add(z, "styles.xml", b.data[0] ? b.data[0] : t->styles_out.buf,
		b.data[0] ? len[0] : t->styles_out.len, false) < 0 ||
	    add(z, "meta.xml", b.data[1], len[1], false) < 0)
		goto zip_failed;
	for (p = 0; p < t->nparts; p++)
		if (t->parts[p].data &&
		    add(z, t->parts[p].name, t->parts[p].data, t->parts[p].len,
			false) < 0)
			goto zip_failed;
	if (add(z, "META-INF/manifest.xml", b.data[2], len[2], false) < 0)
		goto zip_failed;
	if (zip_close(z) < 0)
		goto zip_failed;
	z = NULL;
	if (write_archive(mem, tempfile_fd(tf)) < 0) {
		error(_("%s: cannot write: %s"), path, strerror(errno));
		goto out;
	}
	/* Without --force, a file that appeared meanwhile is kept. */
	if (tempfile_commit(&tf, force ? 0 : TEMPFILE_NO_REPLACE) < 0) {
		if (errno == EEXIST)
			error(_("%s exists; use --force to replace it"), path);
		else
			error(_("%s: cannot write: %s"), path, strerror(errno));
		goto out;
	}
	rc = 0;
	goto out;
zip_failed:
	error(_("%s: cannot write: %s"), path, zip_strerror(z));
out:
	if (z)
		zip_discard(z);
	if (mem)
		zip_source_free(mem);
	zip_error_fini(&ze);
	tempfile_delete(&tf);
	for (i = 0; i < b.n; i++)
		free(b.data[i]);
	xmlFreeDoc(meta);
	xmlFreeDoc(manifest);
	xmlFreeDoc(styles);
	return rc;
}
