// SPDX-License-Identifier: GPL-3.0-or-later
/* Reading ODF templates from strangers: a zip or an unpacked directory,
 * within the limits odt.h states, entry names checked and never made into
 * file names. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/hash.h>
#include <zip.h>

#include "odt.h"
#include "odt_int.h"
#include "util.h"
#include "xmlsafe.h"

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
	if (odt_has_suffix(name, ".xml") || odt_has_suffix(name, ".rdf"))
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

	t->parts = xgrow(t->parts, t->nparts, &t->cap, 16, sizeof *t->parts);
	p = &t->parts[t->nparts++];
	p->name = xstrdup(name);
	p->data = data;
	p->len = len;
	p->media_type = media_type ? xstrdup(media_type) : NULL;
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
			if (odt_has_suffix((const char *)path, "/")) {
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

/* Where T keeps the document of part NAME: content.xml, styles.xml and
 * meta.xml are kept as trees; NULL for any other part. */
static xmlDocPtr *kept_doc(struct odt *t, const char *name)
{
	if (!strcmp(name, "content.xml"))
		return &t->content;
	if (!strcmp(name, "styles.xml"))
		return &t->styles;
	if (!strcmp(name, "meta.xml"))
		return &t->meta;
	return NULL;
}

/* Takes over DATA, the bytes of part NAME. */
static int take_part(struct reading *rd, const char *name, char *data,
		     size_t len)
{
	struct odt *t = rd->t;
	xmlDocPtr doc = NULL, *kept;
	int rc = 0;

	/* Every XML part is parsed, even those left out: none may carry a
	 * DOCTYPE. */
	if (odt_has_suffix(name, ".xml") || odt_has_suffix(name, ".rdf")) {
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
	} else if ((kept = kept_doc(t, name))) {
		*kept = doc;
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

char *odt_zip_read(zip_file_t *f, const char *file, const char *entry,
		   size_t size)
{
	size_t got = 0;
	zip_int64_t n = 0;
	char *data = xmalloc(size + 1), extra;

	while (got < size) {
		n = zip_fread(f, data + got, size - got);
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	/* Never read past the declared size: one byte more is a lie. */
	if (got == size)
		n = zip_fread(f, &extra, 1);
	if (n < 0)
		error(_("%s: cannot read '%s': %s"), file, entry,
		      zip_error_strerror(zip_file_get_error(f)));
	else if (got != size || n > 0)
		error(_("%s: '%s' does not hold what its header says (%zu "
			"bytes); refused"),
		      file, entry, size);
	zip_fclose(f);
	if (n != 0 || got != size) {
		free(data);
		return NULL;
	}
	data[size] = '\0';
	return data;
}

static int read_entry(struct reading *rd, zip_t *z, zip_uint64_t i,
		      const char *name, size_t size)
{
	zip_file_t *f = zip_fopen_index(z, i, 0);
	char *data;

	if (!f)
		return zip_problem(rd, name, zip_get_error(z));
	data = odt_zip_read(f, rd->t->name, name, size);
	return data ? take_part(rd, name, data, size) : -1;
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
		if (odt_has_suffix(st.name, "/") && st.size == 0) {
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
		if (odt_has_suffix(st.name, "/") && st.size == 0)
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
		if (de->d_name[0] == '.' || odt_has_suffix(de->d_name, "~"))
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

/* The office:text element of a document's content, or NULL. */
static xmlNodePtr office_text(xmlDocPtr content)
{
	xmlNodePtr root = xmlDocGetRootElement(content), body, n;

	for (body = root ? root->children : NULL; body; body = body->next)
		if (is_element(body, OFFICE_NS, "body"))
			break;
	for (n = body ? body->children : NULL; n; n = n->next)
		if (is_element(n, OFFICE_NS, "text"))
			return n;
	return NULL;
}

static int check_root(struct odt *t)
{
	xmlNodePtr root;

	if (!t->content)
		return error(_("%s: not a template: it has no content.xml"),
			     t->name);
	root = xmlDocGetRootElement(t->content);
	if (!is_element(root, OFFICE_NS, "document-content"))
		return error(_("%s: content.xml is not an ODF document's "
			       "content"),
			     t->name);
	if (office_text(t->content))
		return 0;
	return error(_("%s: not a text document (a spreadsheet or "
		       "presentation cannot be a handout template)"),
		     t->name);
}

/* Where a document's text begins in office:text: after the declarations
 * ODF puts first (forms, tracked changes, variable, sequence and table
 * declarations). */
static bool is_prologue(xmlNodePtr n)
{
	static const char *const names[] = {
	    "forms", "tracked-changes", "variable-decls", "sequence-decls",
	    "user-field-decls", "dde-connection-decls",
	    "alphabetical-index-auto-mark-file", "calculation-settings",
	    "content-validations", "label-ranges"};

	if (n->type != XML_ELEMENT_NODE)
		return true;
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (!strcmp((const char *)n->name, names[i]))
			return true;
	return false;
}

void odt_insert_warning(struct odt *t, const char *text,
			bool (*opens_block)(const char *text))
{
	xmlNodePtr office = office_text(t->content), n, p;
	xmlNsPtr ns;

	ns = xmlSearchNsByHref(t->content, office, BAD_CAST TEXT_NS);
	p = xmlNewDocNode(t->content, NULL, BAD_CAST "p", NULL);
	xmlSetNs(p, ns ? ns : xmlNewNs(p, BAD_CAST TEXT_NS, BAD_CAST "text"));
	xmlNodeAddContent(p, BAD_CAST text);
	for (n = office->children; n && is_prologue(n); n = n->next)
		;
	/* The first paragraph may start the first page's own page style (the
	 * built-in templates' "First" does): put before it, the warning would
	 * stand alone on a page of its own. */
	if (n && (is_element(n, TEXT_NS, "p") || is_element(n, TEXT_NS, "h"))) {
		xmlChar *first = xmlNodeGetContent(n);
		bool block = first && opens_block((const char *)first);

		xmlFree(first);
		if (!block) {
			xmlAddNextSibling(n, p);
			return;
		}
	}
	if (n)
		xmlAddPrevSibling(n, p);
	else
		xmlAddChild(office, p);
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
		odt_set_version(t->content);
		if (t->styles)
			odt_set_version(t->styles);
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
	odt_deflate_free(t->content_z);
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
