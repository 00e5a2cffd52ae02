// SPDX-License-Identifier: GPL-3.0-or-later
/* ODF text packages: reading templates safely, writing handouts; see
 * odt.h. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/hash.h>
#include <libxml/xmlsave.h>
#include <zip.h>
#include <zlib.h>

#include "cli.h"
#include "odt.h"
#include "tempfile.h"
#include "util.h"
#include "xmlsafe.h"

#ifndef VERSION
#define VERSION "0.1"
#endif

#define OFFICE_NS "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define META_NS "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define DC_NS "http://purl.org/dc/elements/1.1/"
#define MANIFEST_NS "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

enum { MAX_DIR_DEPTH = 16, MAX_NAME = 1024 };

/* What reading has seen so far, for the limits. */
struct reading {
	struct odt *t;
	const char *path;
	long entries;
	long long total;
	xmlHashTablePtr names; /* entry names seen (no duplicates) */
	xmlHashTablePtr types; /* media types from the template's manifest */
	char **dirs;	       /* directories the manifest names */
	size_t ndirs;
	bool has_mimetype;
	long long xml; /* bytes of XML parts */
};

static bool has_suffix(const char *s, const char *suffix);

/* --- names and limits --- */

/* An entry name we accept: relative, no "." or ".." parts, no empty
 * parts, no backslashes or control characters, valid UTF-8. */
static bool good_name(const char *name)
{
	const char *p = name, *part;
	size_t n = strlen(name);

	if (!n || n > MAX_NAME || *name == '/' ||
	    !xmlCheckUTF8((const xmlChar *)name))
		return false;
	for (; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f || *p == '\\')
			return false;
	if (n >= 2 && name[1] == ':') /* C:... */
		return false;
	for (part = name; *part;) {
		size_t len = strcspn(part, "/");
		if (len == 0 || (len == 1 && part[0] == '.') ||
		    (len == 2 && part[0] == '.' && part[1] == '.'))
			return false;
		part += len;
		if (*part == '/')
			part++;
	}
	return true;
}

static int count_entry(struct reading *rd, const char *name, long long size)
{
	if (++rd->entries > ODT_MAX_ENTRIES)
		return error(_("%s: more than %d files in the template; "
			       "refused (is it really a document?)"),
			     rd->t->name, ODT_MAX_ENTRIES);
	if (size < 0 || size > ODT_MAX_ENTRY)
		return error(_("%s: '%s' would unpack to more than %ld MB; "
			       "refused"),
			     rd->t->name, name, ODT_MAX_ENTRY / (1024 * 1024));
	rd->total += size;
	if (rd->total > ODT_MAX_TOTAL)
		return error(_("%s: the files in the template would unpack to "
			       "more than %ld MB; refused"),
			     rd->t->name, ODT_MAX_TOTAL / (1024 * 1024));
	/* The parts take_part parses. */
	if (has_suffix(name, ".xml") || has_suffix(name, ".rdf"))
		rd->xml += size;
	if (rd->xml > ODT_MAX_XML)
		return error(_("%s: its XML parts would unpack to more than "
			       "%ld MB ('%s' among them); refused"),
			     rd->t->name, ODT_MAX_XML / (1024 * 1024), name);
	return 0;
}

static int see_name(struct reading *rd, const char *name)
{
	if (!good_name(name))
		return error(_("%s: '%s' is not an acceptable name for a part "
			       "of a document (absolute, with '..' or strange "
			       "characters); refused"),
			     rd->t->name, name);
	if (xmlHashAddEntry(rd->names, BAD_CAST name, (void *)1) != 0)
		return error(_("%s: '%s' is in the template twice; refused"),
			     rd->t->name, name);
	return 0;
}

/* --- parts --- */

void odt_add_part(struct odt *t, const char *name, char *data, size_t len,
		  const char *media_type)
{
	struct odt_part *p;

	if (t->nparts == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->parts = xrealloc(t->parts, t->cap * sizeof *t->parts);
	}
	p = &t->parts[t->nparts++];
	p->name = xstrdup(name);
	p->data = data;
	p->len = len;
	p->media_type = media_type ? xstrdup(media_type) : NULL;
}

static bool has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcasecmp(s + n - m, suffix);
}

static bool starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

static xmlDocPtr parse_part(struct reading *rd, const char *name,
			    const char *data, size_t len)
{
	char *what = xasprintf("%s: %s", rd->t->name, name);
	xmlDocPtr doc = xmlsafe_read_memory(data, len, what, 1);

	free(what);
	return doc;
}

static bool is_element(xmlNodePtr n, const char *ns, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns &&
	       !strcmp((const char *)n->ns->href, ns) &&
	       !strcmp((const char *)n->name, name);
}

/* Keeps the media types the template's manifest gives its parts. */
static int read_manifest(struct reading *rd, xmlDocPtr doc)
{
	xmlNodePtr root = xmlDocGetRootElement(doc), e;

	for (e = root ? root->children : NULL; e; e = e->next) {
		if (!is_element(e, MANIFEST_NS, "file-entry"))
			continue;
		xmlChar *path =
		    xmlGetNsProp(e, BAD_CAST "full-path", BAD_CAST MANIFEST_NS);
		xmlChar *type = xmlGetNsProp(e, BAD_CAST "media-type",
					     BAD_CAST MANIFEST_NS);
		xmlNodePtr c;
		for (c = e->children; c; c = c->next)
			if (is_element(c, MANIFEST_NS, "encryption-data")) {
				xmlFree(path);
				xmlFree(type);
				return error(_("%s: the template is protected "
					       "with a password; save it "
					       "without one"),
					     rd->t->name);
			}
		if (path && type && strcmp((const char *)path, "/") &&
		    good_name((const char *)path)) {
			if (has_suffix((const char *)path, "/")) {
				rd->dirs =
				    xrealloc(rd->dirs, (rd->ndirs + 1) *
							   sizeof *rd->dirs);
				rd->dirs[rd->ndirs++] =
				    xasprintf("%s\t%s", (const char *)path,
					      (const char *)type);
			} else if (!xmlHashLookup(rd->types, path)) {
				xmlHashAddEntry(rd->types, path,
						xstrdup((const char *)type));
			}
		}
		xmlFree(path);
		xmlFree(type);
	}
	return 0;
}

/* Takes over DATA, the bytes of part NAME. */
static int take_part(struct reading *rd, const char *name, char *data,
		     size_t len)
{
	struct odt *t = rd->t;
	xmlDocPtr doc = NULL;
	int rc = 0;

	/* Every XML part is parsed, even those left out: none may carry a
	 * DOCTYPE. */
	if (has_suffix(name, ".xml") || has_suffix(name, ".rdf")) {
		doc = parse_part(rd, name, data, len);
		if (!doc) {
			free(data);
			return -1;
		}
	}
	if (!strcmp(name, "mimetype")) {
		size_t n = len;
		while (n && (data[n - 1] == '\n' || data[n - 1] == '\r' ||
			     data[n - 1] == ' '))
			n--;
		rd->has_mimetype = true;
		if (!((n == strlen(ODT_MIME) && !memcmp(data, ODT_MIME, n)) ||
		      (n == strlen(OTT_MIME) && !memcmp(data, OTT_MIME, n))))
			rc = error(_("%s: not a text document or text template "
				     "(its mimetype is '%.*s')"),
				   t->name, (int)(n > 80 ? 80 : n), data);
		free(data);
	} else if (!strcmp(name, "content.xml")) {
		t->content = doc;
		doc = NULL;
		free(data);
	} else if (!strcmp(name, "styles.xml")) {
		t->styles = doc;
		doc = NULL;
		free(data);
	} else if (!strcmp(name, "meta.xml")) {
		t->meta = doc;
		doc = NULL;
		free(data);
	} else if (!strcmp(name, "META-INF/manifest.xml")) {
		rc = read_manifest(rd, doc);
		free(data);
	} else if (starts_with(name, "META-INF/") ||
		   starts_with(name, "Thumbnails/") ||
		   !strcmp(name, "layout-cache")) {
		/* A new manifest is written; signatures would no longer
		 * match; the thumbnail and layout cache show the template. */
		free(data);
	} else {
		odt_add_part(t, name, data, len, NULL);
	}
	xmlFreeDoc(doc);
	return rc;
}

/* --- zip files --- */

static int zip_problem(struct reading *rd, const char *entry, zip_error_t *ze)
{
	if (entry)
		return error(_("%s: cannot read '%s': %s"), rd->t->name, entry,
			     zip_error_strerror(ze));
	if (zip_error_code_zip(ze) == ZIP_ER_EXISTS)
		return error(_("%s: a name is in the template twice; refused"),
			     rd->t->name);
	return error(_("%s: cannot read it as an ODF document (a zip file): "
		       "%s"),
		     rd->t->name, zip_error_strerror(ze));
}

static int read_entry(struct reading *rd, zip_t *z, zip_uint64_t i,
		      const char *name, size_t size)
{
	zip_file_t *f = zip_fopen_index(z, i, 0);
	char *data, extra;
	size_t got = 0;
	zip_int64_t n;

	if (!f)
		return zip_problem(rd, name, zip_get_error(z));
	data = xmalloc(size + 1);
	while (got < size) {
		n = zip_fread(f, data + got, size - got);
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	/* Never read past the declared size: one byte more is a lie. */
	if (got == size)
		n = zip_fread(f, &extra, 1);
	if (n < 0) {
		zip_problem(rd, name, zip_file_get_error(f));
		goto fail;
	}
	if (got != size || n > 0) {
		error(_("%s: '%s' does not hold what its header says (%zu "
			"bytes); refused"),
		      rd->t->name, name, size);
		goto fail;
	}
	zip_fclose(f);
	data[size] = '\0';
	return take_part(rd, name, data, size);
fail:
	zip_fclose(f);
	free(data);
	return -1;
}

static int read_zip(struct reading *rd, int fd)
{
	zip_error_t ze;
	zip_t *z;
	zip_int64_t n, i;
	int err = 0, rc = -1;

	z = zip_fdopen(fd, ZIP_RDONLY | ZIP_CHECKCONS, &err);
	if (!z) {
		close(fd);
		zip_error_init_with_code(&ze, err);
		zip_problem(rd, NULL, &ze);
		zip_error_fini(&ze);
		return -1;
	}
	n = zip_get_num_entries(z, 0);
	if (n > ODT_MAX_ENTRIES) {
		error(_("%s: more than %d files in the template; refused (is "
			"it really a document?)"),
		      rd->t->name, ODT_MAX_ENTRIES);
		goto out;
	}
	/* First every name and size, before anything is inflated. */
	for (i = 0; i < n; i++) {
		zip_stat_t st;
		zip_uint8_t opsys;
		zip_uint32_t attr;

		if (zip_stat_index(z, (zip_uint64_t)i, 0, &st) < 0) {
			zip_problem(rd, NULL, zip_get_error(z));
			goto out;
		}
		if (!(st.valid & ZIP_STAT_NAME) ||
		    !(st.valid & ZIP_STAT_SIZE)) {
			error(_("%s: an entry without name or size; refused"),
			      rd->t->name);
			goto out;
		}
		if (has_suffix(st.name, "/") && st.size == 0) {
			char *dir = xstrdup(st.name);
			dir[strlen(dir) - 1] = '\0';
			if (*dir && !good_name(dir)) {
				error(_("%s: '%s' is not an acceptable name "
					"for a part of a document (absolute, "
					"with '..' or strange characters); "
					"refused"),
				      rd->t->name, st.name);
				free(dir);
				goto out;
			}
			free(dir);
			if (count_entry(rd, st.name, 0) < 0)
				goto out;
			continue;
		}
		if (see_name(rd, st.name) < 0 ||
		    count_entry(rd, st.name,
				st.size > (zip_uint64_t)ODT_MAX_TOTAL
				    ? ODT_MAX_TOTAL + 1
				    : (long long)st.size) < 0)
			goto out;
		if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
		    st.encryption_method != ZIP_EM_NONE) {
			error(_("%s: '%s' is encrypted; save the template "
				"without a password"),
			      rd->t->name, st.name);
			goto out;
		}
		if (zip_file_get_external_attributes(z, (zip_uint64_t)i, 0,
						     &opsys, &attr) == 0 &&
		    opsys == ZIP_OPSYS_UNIX &&
		    ((attr >> 16) & S_IFMT) == S_IFLNK) {
			error(_("%s: '%s' is a symbolic link; templates may "
				"not hold links"),
			      rd->t->name, st.name);
			goto out;
		}
	}
	for (i = 0; i < n; i++) {
		zip_stat_t st;
		if (zip_stat_index(z, (zip_uint64_t)i, 0, &st) < 0) {
			zip_problem(rd, NULL, zip_get_error(z));
			goto out;
		}
		if (has_suffix(st.name, "/") && st.size == 0)
			continue;
		if (read_entry(rd, z, (zip_uint64_t)i, st.name,
			       (size_t)st.size) < 0)
			goto out;
	}
	rc = 0;
out:
	zip_discard(z);
	return rc;
}

/* --- unpacked directories --- */

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int read_file_at(struct reading *rd, int dirfd, const char *file,
			const char *name)
{
	int fd =
	    openat(dirfd, file, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	struct stat st;
	size_t got = 0;
	ssize_t n;
	char *data;

	if (fd < 0)
		return error(_("%s: cannot open '%s': %s"), rd->t->name, name,
			     strerror(errno));
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return error(_("%s: '%s' is not a plain file; refused"),
			     rd->t->name, name);
	}
	if (see_name(rd, name) < 0 || count_entry(rd, name, st.st_size) < 0) {
		close(fd);
		return -1;
	}
	data = xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		n = read(fd, data + got, (size_t)st.st_size - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	if (got != (size_t)st.st_size) {
		free(data);
		return error(_("%s: cannot read '%s'"), rd->t->name, name);
	}
	data[got] = '\0';
	return take_part(rd, name, data, got);
}

static int read_dir_at(struct reading *rd, int dirfd, const char *prefix,
		       int depth)
{
	DIR *d = fdopendir(dirfd);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, i;
	int rc = 0;

	if (!d) {
		close(dirfd);
		return error(_("%s: cannot read the directory: %s"),
			     rd->t->name, strerror(errno));
	}
	while ((de = readdir(d))) {
		/* Dot files and editor backups are not part of a document. */
		if (de->d_name[0] == '.' || has_suffix(de->d_name, "~"))
			continue;
		if (n + 1 > ODT_MAX_ENTRIES) {
			rc = error(_("%s: more than %d files in the template; "
				     "refused (is it really a document?)"),
				   rd->t->name, ODT_MAX_ENTRIES);
			break;
		}
		names = xrealloc(names, (n + 1) * sizeof *names);
		names[n++] = xstrdup(de->d_name);
	}
	if (n)
		qsort(names, n, sizeof *names, by_name);
	for (i = 0; i < n && rc == 0; i++) {
		char *name = xasprintf("%s%s", prefix, names[i]);
		struct stat st;

		if (fstatat(dirfd, names[i], &st, AT_SYMLINK_NOFOLLOW) < 0) {
			rc = error(_("%s: cannot read '%s': %s"), rd->t->name,
				   name, strerror(errno));
		} else if (S_ISLNK(st.st_mode)) {
			rc = error(_("%s: '%s' is a symbolic link; templates "
				     "may not hold links"),
				   rd->t->name, name);
		} else if (S_ISDIR(st.st_mode)) {
			int sub = openat(dirfd, names[i],
					 O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
					     O_CLOEXEC);
			char *subprefix = xasprintf("%s/", name);
			if (depth >= MAX_DIR_DEPTH)
				rc = error(_("%s: '%s' is nested too deeply"),
					   rd->t->name, name);
			else if (sub < 0)
				rc = error(_("%s: cannot open '%s': %s"),
					   rd->t->name, name, strerror(errno));
			else if (count_entry(rd, subprefix, 0) == 0) {
				rc = read_dir_at(rd, sub, subprefix, depth + 1);
				sub = -1;
			} else {
				rc = -1;
			}
			if (sub >= 0)
				close(sub);
			free(subprefix);
		} else if (S_ISREG(st.st_mode)) {
			rc = read_file_at(rd, dirfd, names[i], name);
		} else {
			rc = error(_("%s: '%s' is not a plain file; refused"),
				   rd->t->name, name);
		}
		free(name);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	closedir(d);
	return rc;
}

/* --- reading --- */

static void free_type(void *payload, const xmlChar *name)
{
	(void)name;
	free(payload);
}

static void set_version(xmlDocPtr doc)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	xmlNsPtr ns =
	    root ? xmlSearchNsByHref(doc, root, BAD_CAST OFFICE_NS) : NULL;

	if (ns)
		xmlSetNsProp(root, ns, BAD_CAST "version", BAD_CAST "1.3");
}

static int check_root(struct odt *t)
{
	xmlNodePtr root, body, n;

	if (!t->content)
		return error(_("%s: not a template: it has no content.xml"),
			     t->name);
	root = xmlDocGetRootElement(t->content);
	if (!is_element(root, OFFICE_NS, "document-content"))
		return error(_("%s: content.xml is not an ODF document's "
			       "content"),
			     t->name);
	for (body = root->children; body; body = body->next)
		if (is_element(body, OFFICE_NS, "body"))
			break;
	for (n = body ? body->children : NULL; n; n = n->next)
		if (is_element(n, OFFICE_NS, "text"))
			return 0;
	return error(_("%s: not a text document (a spreadsheet or "
		       "presentation cannot be a handout template)"),
		     t->name);
}

int odt_read(struct odt *t, const char *path, const char *name)
{
	struct reading rd = {0};
	struct stat st;
	size_t i, j;
	int fd, rc;

	memset(t, 0, sizeof *t);
	t->name = xstrdup(name);
	rd.t = t;
	rd.path = path;
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return error(_("%s: cannot open the template: %s"), name,
			     strerror(errno));
	if (fstat(fd, &st) < 0) {
		close(fd);
		return error(_("%s: cannot open the template: %s"), name,
			     strerror(errno));
	}
	rd.names = xmlHashCreate(0);
	rd.types = xmlHashCreate(0);
	if (S_ISDIR(st.st_mode)) {
		rc = read_dir_at(&rd, fd, "", 0);
	} else if (S_ISREG(st.st_mode)) {
		if (st.st_size > ODT_MAX_TOTAL) {
			close(fd);
			rc = error(_("%s: larger than %ld MB; refused"), name,
				   ODT_MAX_TOTAL / (1024 * 1024));
		} else {
			rc = read_zip(&rd, fd);
		}
	} else {
		close(fd);
		rc = error(_("%s: not a file or directory"), name);
	}
	if (rc == 0)
		rc = check_root(t);
	if (rc == 0) {
		/* What is written is ODF 1.3, whatever the template was. */
		set_version(t->content);
		if (t->styles)
			set_version(t->styles);
	}
	if (rc == 0) {
		/* Media types as the template's manifest gave them, and the
		 * directories it named that still hold a part. */
		size_t nfiles = t->nparts;
		for (i = 0; i < nfiles; i++) {
			const char *type =
			    xmlHashLookup(rd.types, BAD_CAST t->parts[i].name);
			if (type)
				t->parts[i].media_type = xstrdup(type);
		}
		for (j = 0; j < rd.ndirs; j++) {
			char *tab = strchr(rd.dirs[j], '\t');
			*tab = '\0';
			for (i = 0; i < nfiles; i++)
				if (starts_with(t->parts[i].name, rd.dirs[j]))
					break;
			if (i < nfiles)
				odt_add_part(t, rd.dirs[j], NULL, 0, tab + 1);
		}
	}
	for (j = 0; j < rd.ndirs; j++)
		free(rd.dirs[j]);
	free(rd.dirs);
	xmlHashFree(rd.names, NULL);
	xmlHashFree(rd.types, free_type);
	return rc;
}

void odt_free(struct odt *t)
{
	size_t i;

	for (i = 0; i < t->nparts; i++) {
		free(t->parts[i].name);
		free(t->parts[i].data);
		free(t->parts[i].media_type);
	}
	free(t->parts);
	xmlFreeDoc(t->content);
	xmlFreeDoc(t->styles);
	xmlFreeDoc(t->meta);
	sb_free(&t->content_out);
	sb_free(&t->styles_out);
	free(t->name);
	memset(t, 0, sizeof *t);
}

char *odt_meta_text(const struct odt *t, const char *name)
{
	xmlNodePtr root = t->meta ? xmlDocGetRootElement(t->meta) : NULL, m, e;

	for (m = root ? root->children : NULL; m; m = m->next)
		if (is_element(m, OFFICE_NS, "meta"))
			for (e = m->children; e; e = e->next)
				if (is_element(e, DC_NS, name)) {
					xmlChar *s = xmlNodeGetContent(e);
					char *copy =
					    xstrdup(s ? (char *)s : "");
					xmlFree(s);
					return copy;
				}
	return NULL;
}

/* --- writing --- */

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
		if (has_suffix(name, types[i][0]))
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

	set_version(doc);
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

static xmlDocPtr make_manifest(const struct odt *t)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlNewDocNode(doc, NULL, BAD_CAST "manifest", NULL);
	xmlNsPtr ns = xmlNewNs(root, BAD_CAST MANIFEST_NS, BAD_CAST "manifest");
	size_t i;

	xmlDocSetRootElement(doc, root);
	xmlSetNs(root, ns);
	xmlNewNsProp(root, ns, BAD_CAST "version", BAD_CAST "1.3");
	manifest_entry(root, ns, "/", ODT_MIME);
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
	 * big part, content.xml, goes through add_deflated.) */
	if (zip_set_file_compression(z, (zip_uint64_t)idx,
				     store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
				     store ? 0 : 6) < 0)
		return -1;
	return 0;
}

/*
 * content.xml is most of a handout: 54 MB for 10,000 items.  It is
 * deflated in slices, one thread each, into one raw deflate stream (every
 * slice but the last ends on a byte boundary with a sync flush, as pigz
 * does), and handed to libzip as data already compressed, which it copies
 * as they are.  A small part is one slice, deflated here.
 */
enum { SLICE_MIN = 4 << 20 };

struct slice {
	const unsigned char *in;
	size_t len;
	bool last;
	struct strbuf out;
	uLong crc;
	int err;
};

static void *deflate_slice(void *arg)
{
	struct slice *sl = arg;
	z_stream zs;
	size_t done = 0;
	int rc;

	memset(&zs, 0, sizeof zs);
	/* Level 3, the best of zlib's fast levels: half the time of level
	 * 6, and 2.3 MB instead of 1.5 MB for 10,000 items. */
	if (deflateInit2(&zs, 3, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) !=
	    Z_OK) {
		sl->err = 1;
		return NULL;
	}
	sl->crc = crc32(0L, Z_NULL, 0);
	sl->out.cap = deflateBound(&zs, (uLong)sl->len) + 64;
	sl->out.buf = xmalloc(sl->out.cap);
	do {
		/* zlib counts in uInt: feed at most 1 GB at a time. */
		size_t chunk = sl->len - done < (1u << 30) ? sl->len - done
							    : (1u << 30);
		bool final = done + chunk == sl->len;

		sl->crc = crc32(sl->crc, sl->in + done, (uInt)chunk);
		zs.next_in = (Bytef *)(sl->in + done);
		zs.avail_in = (uInt)chunk;
		done += chunk;
		do {
			if (sl->out.len == sl->out.cap) {
				sl->out.cap *= 2;
				sl->out.buf =
				    xrealloc(sl->out.buf, sl->out.cap);
			}
			zs.next_out = (Bytef *)sl->out.buf + sl->out.len;
			zs.avail_out = (uInt)(sl->out.cap - sl->out.len);
			rc = deflate(&zs, !final	? Z_NO_FLUSH
					  : sl->last ? Z_FINISH
						     : Z_SYNC_FLUSH);
			sl->out.len = sl->out.cap - zs.avail_out;
		} while (rc == Z_OK && zs.avail_out == 0);
	} while (done < sl->len && rc == Z_OK);
	/* A sync flush that filled the buffer exactly, called again, has
	 * nothing left to do: Z_BUF_ERROR. */
	if (zs.avail_in || (sl->last ? rc != Z_STREAM_END
				     : rc != Z_OK && rc != Z_BUF_ERROR))
		sl->err = 1;
	deflateEnd(&zs);
	return NULL;
}

struct deflated {
	struct strbuf data;
	zip_uint64_t size;
	uLong crc;
	zip_uint64_t at;
	zip_error_t error;
};

static int deflate_parallel(const char *in, size_t len, struct deflated *d)
{
	struct slice sl[PARALLEL_MAX];
	int n = threads_allowed(PARALLEL_MAX), k, err = 0;

	if ((size_t)n > len / SLICE_MIN)
		n = len / SLICE_MIN ? (int)(len / SLICE_MIN) : 1;
	memset(sl, 0, sizeof sl);
	for (k = 0; k < n; k++) {
		size_t from = len / (size_t)n * (size_t)k;
		size_t to = k == n - 1 ? len : len / (size_t)n * (size_t)(k + 1);

		sl[k].in = (const unsigned char *)in + from;
		sl[k].len = to - from;
		sl[k].last = k == n - 1;
	}
	run_parallel(deflate_slice, sl, sizeof *sl, n);

	memset(d, 0, sizeof *d);
	d->size = len;
	d->crc = crc32(0L, Z_NULL, 0);
	for (k = 0; k < n; k++) {
		err |= sl[k].err;
		sb_add(&d->data, sl[k].out.buf, sl[k].out.len);
		d->crc = crc32_combine(d->crc, sl[k].crc, (z_off_t)sl[k].len);
		sb_free(&sl[k].out);
	}
	zip_error_init(&d->error);
	return err ? -1 : 0;
}

/* A libzip source that hands out DEFLATED's bytes as deflated data. */
static zip_int64_t deflated_source(void *state, void *data, zip_uint64_t len,
				   zip_source_cmd_t cmd)
{
	struct deflated *d = state;
	zip_stat_t *st;
	zip_uint64_t n;

	switch (cmd) {
	case ZIP_SOURCE_OPEN:
		d->at = 0;
		return 0;
	case ZIP_SOURCE_READ:
		n = d->data.len - d->at < len ? d->data.len - d->at : len;
		memcpy(data, d->data.buf + d->at, n);
		d->at += n;
		return (zip_int64_t)n;
	case ZIP_SOURCE_CLOSE:
	case ZIP_SOURCE_FREE:
		return 0;
	case ZIP_SOURCE_STAT:
		if (len < sizeof *st)
			break;
		st = data;
		zip_stat_init(st);
		st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE |
			    ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC |
			    ZIP_STAT_ENCRYPTION_METHOD;
		st->size = d->size;
		st->comp_size = d->data.len;
		st->comp_method = ZIP_CM_DEFLATE;
		st->encryption_method = ZIP_EM_NONE;
		st->crc = (zip_uint32_t)d->crc;
		return sizeof *st;
	case ZIP_SOURCE_ERROR:
		return zip_error_to_data(&d->error, data, len);
	case ZIP_SOURCE_SUPPORTS:
		return zip_source_make_command_bitmap(
		    ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
		    ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
	default:
		break;
	}
	zip_error_set(&d->error, ZIP_ER_OPNOTSUPP, 0);
	return -1;
}

/* Adds NAME deflated in slices; D must live until zip_close. */
static int add_deflated(zip_t *z, const char *name, const char *data,
			size_t len, struct deflated *d)
{
	zip_source_t *src;

	if (deflate_parallel(data, len, d) < 0) {
		zip_error_set(zip_get_error(z), ZIP_ER_INTERNAL, 0);
		return -1;
	}
	src = zip_source_function(z, deflated_source, d);
	if (!src)
		return -1;
	/* No zip_set_file_compression: with the default method, libzip
	 * takes the source's deflated data as it is. */
	if (zip_file_add(z, name, src, ZIP_FL_ENC_UTF_8) < 0) {
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
	static const char mimetype[] = ODT_MIME;
	struct buffers b = {{0}, 0};
	struct deflated content = {{0}, 0, 0, 0, {0}};
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
	manifest = make_manifest(t);
	if (!t->styles)
		styles = empty_styles();
	b.data[b.n] =
	    t->content_out.len ? NULL : dump(t->content, &len[b.n], 0);
	b.n++;
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
	    add_deflated(z, "content.xml",
			 b.data[0] ? b.data[0] : t->content_out.buf,
			 b.data[0] ? len[0] : t->content_out.len,
			 &content) < 0 ||
	    add(z, "styles.xml", b.data[1] ? b.data[1] : t->styles_out.buf,
		b.data[1] ? len[1] : t->styles_out.len, false) < 0 ||
	    add(z, "meta.xml", b.data[2], len[2], false) < 0)
		goto zip_failed;
	for (p = 0; p < t->nparts; p++)
		if (t->parts[p].data &&
		    add(z, t->parts[p].name, t->parts[p].data, t->parts[p].len,
			false) < 0)
			goto zip_failed;
	if (add(z, "META-INF/manifest.xml", b.data[3], len[3], false) < 0)
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
	sb_free(&content.data);
	zip_error_fini(&content.error);
	xmlFreeDoc(meta);
	xmlFreeDoc(manifest);
	xmlFreeDoc(styles);
	return rc;
}

/* --- finding templates --- */

const char *const odt_builtin[] = {
    "faseplan", "kortlaegning", "workshop",	"styregruppe",
    "status",	"evaluering",	"beslutninger", NULL};

char *odt_template_in(const char *dir, const char *name)
{
	static const char *const forms[] = {"%s/%s.ott", "%s/%s.odt", "%s/%s",
					    NULL};
	struct stat st;
	int i;

	for (i = 0; forms[i]; i++) {
		char *path = xasprintf(forms[i], dir, name);
		if (stat(path, &st) == 0 &&
		    (forms[i + 1] ? S_ISREG(st.st_mode) : S_ISDIR(st.st_mode)))
			return path;
		free(path);
	}
	return NULL;
}

/* The output's name for template PATH: its file name without .odt/.ott. */
static char *base_of(const char *path)
{
	char *copy = xstrdup(path), *b, *out;
	size_t n = strlen(copy);

	while (n > 1 && copy[n - 1] == '/')
		copy[--n] = '\0';
	b = basename(copy);
	out = xstrdup(b);
	n = strlen(out);
	if (has_suffix(out, ".odt") || has_suffix(out, ".ott"))
		out[n - 4] = '\0';
	free(copy);
	return out;
}

char *odt_find(const char *arg, const char *dir, const char *lang, char **base,
	       int *status)
{
	const char *env = getenv("STYR_TEMPLATES");
	char *path = NULL, *dirs, *d, *save = NULL;
	struct stat st;

	*base = NULL;
	if (strchr(arg, '/') || has_suffix(arg, ".odt") ||
	    has_suffix(arg, ".ott")) {
		if (stat(arg, &st) < 0) {
			error(_("%s: cannot open the template: %s"), arg,
			      strerror(errno));
			*status = EXIT_UNREADABLE;
			return NULL;
		}
		*base = base_of(arg);
		return xstrdup(arg);
	}
	if (dir)
		path = odt_template_in(dir, arg);
	if (!path && env && *env) {
		dirs = xstrdup(env);
		for (d = strtok_r(dirs, ":", &save); d && !path;
		     d = strtok_r(NULL, ":", &save))
			if (*d)
				path = odt_template_in(d, arg);
		free(dirs);
	}
	if (!path) {
		char *builtin = xasprintf("%s/%s/%s", data_dir(), lang, arg);
		if (stat(builtin, &st) == 0 && S_ISDIR(st.st_mode))
			path = builtin;
		else
			free(builtin);
	}
	if (!path && stat(arg, &st) == 0)
		path = xstrdup(arg); /* a template in the current directory */
	if (!path) {
		const char *other = strcmp(lang, "en") ? "en" : "da";
		char *there = xasprintf("%s/%s/%s", data_dir(), other, arg);
		if (stat(there, &st) == 0 && S_ISDIR(st.st_mode))
			error(_("template '%s' has no version in language '%s' "
				"(there is one in '%s')"),
			      arg, lang, other);
		else
			error(_("unknown template '%s' (see 'styr templates' "
				"for the templates there are)"),
			      arg);
		free(there);
		*status = EXIT_REFUSED;
		return NULL;
	}
	*base = xstrdup(arg);
	return path;
}
