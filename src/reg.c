// SPDX-License-Identifier: GPL-3.0-or-later
/* The register file: load, check, change-log and atomic save. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/hash.h>
#include <libxml/xmlsave.h>

#include "guard.h"
#include "paths.h"
#include "reg.h"
#include "tempfile.h"
#include "trust.h"
#include "util.h"
#include "vocab.h"
#include "xmlsafe.h"
#include "reg_int.h"

/* --- tree helpers (the rest are in node.c) --- */

xmlNodePtr node_new(struct reg *r, const char *name, const char *text)
{
	xmlNodePtr n = xmlNewDocNode(r->doc, r->root ? r->root->ns : NULL,
				     BAD_CAST name, NULL);

	if (!n)
		die(_("out of memory"));
	if (text && *text)
		xmlNodeAddContent(n, BAD_CAST text);
	return n;
}

/* --- look-ups --- */

/* Remembers an item a writer may change (see changed_part). */
static void touch(struct reg *r, xmlNodePtr item)
{
	if (r->lock.fd < 0 ||
	    (r->ntouched && r->touched[r->ntouched - 1] == item))
		return;
	r->touched = xgrow(r->touched, r->ntouched, &r->touched_cap, 16,
			   sizeof *r->touched);
	r->touched[r->ntouched++] = item;
}

static xmlNodePtr find_by_id(xmlNodePtr section, const char *id)
{
	xmlNodePtr n;

	for (n = node_first(section); n; n = node_after(n)) {
		const char *nid = node_attr(n, "id");
		if (nid && !strcasecmp(nid, id))
			return n;
	}
	return NULL;
}

xmlNodePtr reg_find_item(struct reg *r, const char *id)
{
	xmlNodePtr n = find_by_id(r->items, id);

	if (n)
		touch(r, n);
	return n;
}

xmlNodePtr reg_item(struct reg *r, const char *id)
{
	xmlNodePtr n = reg_find_item(r, id);

	if (!n)
		error(_("unknown item '%s' (see 'styr list')"), id);
	return n;
}

int reg_open_item(struct reg *r, enum reg_mode mode, const char *id,
		  xmlNodePtr *item)
{
	int rc = reg_open(r, mode);

	if (!rc && !(*item = reg_item(r, id)))
		rc = REG_REFUSED;
	return rc;
}

xmlNodePtr reg_area(struct reg *r, const char *id)
{
	return find_by_id(r->areas, id);
}

xmlNodePtr reg_meeting(struct reg *r, const char *id)
{
	return find_by_id(r->meetings, id);
}

xmlNodePtr reg_known_meeting(struct reg *r, const char *id)
{
	xmlNodePtr m = reg_meeting(r, id);

	if (!m)
		error(_("unknown meeting '%s' (see 'styr meeting list')"), id);
	return m;
}

xmlNodePtr reg_known_area(struct reg *r, const char *id)
{
	xmlNodePtr a = reg_area(r, id);

	if (!a)
		error(_("unknown area '%s' (see 'styr area list')"), id);
	return a;
}

int reg_area_filter(struct reg *r, const char *id, const char **canonical)
{
	xmlNodePtr a = NULL;

	if (id && !(a = reg_known_area(r, id)))
		return -1;
	*canonical = a ? node_attr(a, "id") : NULL;
	return 0;
}

xmlNodePtr reg_person(struct reg *r, const char *id_or_name)
{
	xmlNodePtr n = find_by_id(r->people, id_or_name);

	if (n)
		return n;
	for (n = node_first(r->people); n; n = node_after(n))
		if (!strcmp(node_text(n), id_or_name))
			return n;
	return NULL;
}

long reg_next_id(xmlNodePtr section, const char *counter)
{
	const char *s = node_attr(section, counter);
	long next = s ? strtol(s, NULL, 10) : 1;
	char buf[32];

	if (next < 1)
		next = 1;
	if (next >= MAX_NUMBER)
		die(_("the register has used up its numbers for %s; nothing was "
		      "changed"),
		    counter);
	snprintf(buf, sizeof buf, "%ld", next + 1);
	node_set_attr(section, counter, buf);
	return next;
}

xmlNodePtr reg_new_item(struct reg *r, const char *kind, const char *title)
{
	char counter[32], id[32];
	xmlNodePtr item;

	snprintf(counter, sizeof counter, "next-%s", kind);
	snprintf(id, sizeof id, "%c%ld", kind_letter(kind),
		 reg_next_id(r->items, counter));
	item = node_new(r, "item", NULL);
	node_set_attr(item, "id", id);
	node_set_attr(item, "kind", kind);
	node_set_attr(item, "phase", node_attr(r->model, "current"));
	xmlAddChild(item, node_new(r, "title", title));
	xmlAddChild(r->items, item);
	touch(r, item);
	return item;
}

xmlNodePtr reg_new_area(struct reg *r, const char *id, const char *name)
{
	xmlNodePtr area = node_new(r, "area", name);

	node_set_attr(area, "id", id);
	xmlAddChild(r->areas, area);
	return area;
}

xmlNodePtr reg_new_person(struct reg *r, const char *name, const char *role)
{
	xmlNodePtr person = node_new(r, "person", name);
	char id[32];

	snprintf(id, sizeof id, "P%ld", reg_next_id(r->people, "next"));
	node_set_attr(person, "id", id);
	node_set_attr(person, "role", role);
	xmlAddChild(r->people, person);
	return person;
}

xmlNodePtr reg_new_meeting(struct reg *r, const char *kind, const char *date,
			   const char *phase, const char *title)
{
	xmlNodePtr m = node_new(r, "meeting", NULL);
	char id[32];

	snprintf(id, sizeof id, "M%ld", reg_next_id(r->meetings, "next"));
	node_set_attr(m, "id", id);
	node_set_attr(m, "kind", kind);
	node_set_attr(m, "date", date);
	node_set_attr(m, "phase", phase);
	xmlAddChild(m, node_new(r, "title", title));
	xmlAddChild(r->meetings, m);
	return m;
}

void reg_add_attendee(struct reg *r, xmlNodePtr meeting, const char *pid)
{
	xmlNodePtr att = node_new(r, "attendee", NULL);

	node_set_attr(att, "ref", pid);
	xmlAddChild(meeting, att);
}

xmlNodePtr reg_log(struct reg *r, const char *action, const char *ref,
		   const char *fmt, ...)
{
	char when[21];
	va_list ap;
	char *what;
	xmlNodePtr e;

	va_start(ap, fmt);
	what = xvasprintf(fmt, ap);
	va_end(ap);
	now_iso(when);
	e = node_new(r, "entry", NULL);
	node_set_attr(e, "when", when);
	node_set_attr(e, "by", author());
	node_set_attr(e, "action", action);
	node_set_attr(e, "ref", ref);
	xmlAddChild(e, node_new(r, "what", what));
	xmlAddChild(r->log, e);
	free(what);
	return e;
}

int reg_current_phase(struct reg *r)
{
	const char *s = node_attr(r->model, "current");

	return s ? atoi(s) : 0;
}

/* The text of the first child NAME in LANG, else the first of any. */
const char *lang_text(xmlNodePtr parent, const char *name, const char *lang)
{
	xmlNodePtr n, first = NULL;

	for (n = node_child(parent, name); n; n = node_next(n, name)) {
		const char *l = node_attr(n, "lang");
		if (!first)
			first = n;
		if (l && !strcmp(l, lang))
			return node_text(n);
	}
	return first ? node_text(first) : "";
}

/* --- load --- */

int reg_find_sections(struct reg *r)
{
	r->root = xmlDocGetRootElement(r->doc);
	r->model = node_child(r->root, "model");
	r->areas = node_child(r->root, "areas");
	r->people = node_child(r->root, "people");
	r->meetings = node_child(r->root, "meetings");
	r->items = node_child(r->root, "items");
	r->log = node_child(r->root, "log");
	return 0;
}

static void reg_init(struct reg *r, const char *path)
{
	memset(r, 0, sizeof *r);
	r->lock.fd = -1;
	r->path = xstrdup(path);
	r->file = guard_follow(r->path);
}

int reg_open(struct reg *r, enum reg_mode mode)
{
	static bool warned;
	int rc = reg_open_path(r, reg_path(), mode);
	size_t n = rc ? 0 : reg_conflicts(r);

	/* Until a merge's conflicts are resolved, every command says so:
	 * what it shows or prints may hold only one side's value.  Once a
	 * process (styr serve opens the register for each request). */
	if (n && !warned) {
		struct strbuf names = {0};
		xmlNodePtr c = node_first(node_child(r->root, "conflicts"));
		int shown = 0;

		for (; c && shown < 3; c = node_after(c), shown++)
			sb_printf(&names, "%s%s %s", shown ? "; " : "",
				  node_attr(c, "id"),
				  node_text(node_child(c, "what")));
		if (c)
			sb_puts(&names, "; ...");
		warned = true;
		warning(ngettext("%s: %zu conflict from a merge is open (%s); "
				 "what is shown holds our side's value until "
				 "it is resolved (see 'styr conflicts')",
				 "%s: %zu conflicts from a merge are open "
				 "(%s); what is shown holds our side's value "
				 "until they are resolved (see 'styr "
				 "conflicts')",
				 n),
			r->path, n, names.buf);
		sb_free(&names);
	}
	return rc;
}

size_t reg_conflicts(struct reg *r)
{
	xmlNodePtr c = node_child(r->root, "conflicts"), n;
	size_t count = 0;

	for (n = c ? node_first(c) : NULL; n; n = node_after(n))
		count++;
	return count;
}

void reg_check_all(struct reg *r)
{
	xmlNodePtr n;

	reg_find_sections(r);
	r->ntouched = 0;
	for (n = node_first(r->items); n; n = node_after(n))
		touch(r, n);
	r->log_mark = NULL;
}

int reg_adopt(struct reg *r, const char *path, xmlDocPtr doc)
{
	reg_init(r, path);
	r->doc = doc;
	if ((access(r->file, F_OK) == 0 &&
	     guard_writable(r->file, r->path) < 0) ||
	    lock_take(&r->lock, r->file) < 0)
		return -1;
	reg_check_all(r);
	return 0;
}

int reg_open_path(struct reg *r, const char *path, enum reg_mode mode)
{
	struct stat st;

	reg_init(r, path);
	/* Before the lock: a refused writer leaves nothing behind.  (A
	 * register that is not there is reported below.) */
	if (mode == REG_WRITE &&
	    (guard_output(r->path, N_("the register"), true) < 0 ||
	     (access(r->file, F_OK) == 0 &&
	      guard_writable(r->file, r->path) < 0) ||
	     lock_take(&r->lock, r->file) < 0))
		return REG_REFUSED;
	if (access(r->path, F_OK) != 0) {
		error(_("%s: no register here (%s); start one with 'styr init' "
			"or name one with -f FILE"),
		      r->path, strerror(errno));
		return REG_UNREADABLE;
	}
	r->doc = xmlsafe_read_file_stat(r->file, 0, &st);
	if (!r->doc)
		return REG_UNREADABLE;
	/* A file styr wrote and nothing touched since passed the schema and
	 * the rules beyond it when it was saved (reg_save checks both before
	 * writing): no checks (trust.c says why that is safe). */
	return reg_check_loaded(r, r->path, trust_check(r->file, &st)) < 0
		       ? REG_UNREADABLE
		       : 0;
}

xmlDocPtr reg_load_model(const char *path, const char **name)
{
	xmlDocPtr model;
	xmlNodePtr root;

	if (path) {
		*name = path;
		model = xmlsafe_read_file(path, 0);
	} else {
		*name = _("the built-in model");
		model = xmlsafe_read_memory((const char *)model_xml,
					    model_xml_len, *name, 0);
	}
	if (!model)
		return NULL;
	root = xmlDocGetRootElement(model);
	if (!node_is(root, "model") || !root->ns ||
	    strcmp((const char *)root->ns->href, REG_NS)) {
		error(_("%s:%ld: not a styr phase model (its root must be "
			"<model xmlns=\"%s\">; see 'styr model export')"),
		      *name, root ? xmlGetLineNo(root) : 1L, REG_NS);
		xmlFreeDoc(model);
		return NULL;
	}
	return model;
}

int reg_create(struct reg *r, xmlDocPtr model, const char *org,
	       const char *title)
{
	xmlNodePtr m;
	xmlNsPtr ns;

	reg_init(r, reg_path());
	if ((access(r->file, F_OK) != 0 &&
	     guard_writable(r->file, r->path) < 0) ||
	    lock_take(&r->lock, r->file) < 0) {
		xmlFreeDoc(model);
		return -1;
	}
	if (access(r->path, F_OK) == 0) {
		xmlFreeDoc(model);
		return error(_("%s: a register exists already; nothing was "
			       "changed"),
			     r->path);
	}
	r->doc = xmlNewDoc(BAD_CAST "1.0");
	r->root = xmlNewDocNode(r->doc, NULL, BAD_CAST "register", NULL);
	ns = xmlNewNs(r->root, BAD_CAST REG_NS, NULL);
	xmlSetNs(r->root, ns);
	xmlDocSetRootElement(r->doc, r->root);
	node_set_attr(r->root, "version", REG_VERSION);
	xmlAddChild(r->root, node_new(r, "organisation", org));
	if (title && *title)
		xmlAddChild(r->root, node_new(r, "title", title));
	m = xmlDocCopyNode(xmlDocGetRootElement(model), r->doc, 1);
	xmlFreeDoc(model);
	if (!m)
		die(_("out of memory"));
	xmlAddChild(r->root, m);
	node_adopt_ns(m, ns);
	xmlAddChild(r->root, node_new(r, "areas", NULL));
	node_set_attr(xmlAddChild(r->root, node_new(r, "people", NULL)),
		      "next", "1");
	node_set_attr(xmlAddChild(r->root, node_new(r, "meetings", NULL)),
		      "next", "1");
	xmlNodePtr items = xmlAddChild(r->root, node_new(r, "items", NULL));
	node_set_attr(items, "next-goal", "1");
	node_set_attr(items, "next-rule", "1");
	node_set_attr(items, "next-doc", "1");
	xmlAddChild(r->root, node_new(r, "log", NULL));
	reg_find_sections(r);
	return 0;
}

/* --- save --- */

struct sink {
	int fd;
	int err; /* first errno of a failed write */
};

static int sink_write(void *ctx, const char *buf, int len)
{
	struct sink *s = ctx;

	if (write_all(s->fd, buf, (size_t)len) < 0) {
		s->err = errno;
		return -1;
	}
	return len;
}

static int sink_close(void *ctx)
{
	(void)ctx;
	return 0;
}

/*
 * Checking the whole tree against the schema again before every save would
 * double what a one-item change costs on a big register.  The tree was
 * valid when loaded, and the schema relates no item (and no log entry) to
 * another, so a copy that holds every other section whole but only the
 * items the writer reached and the log entries it added is valid exactly
 * when the whole tree is.  (Ids and references across the tree are
 * checked in full by reg_check_consistency, which is cheap.)
 */
void reg_check_whole(struct reg *r)
{
	r->check_whole = true;
}

static xmlDocPtr changed_part(struct reg *r)
{
	xmlDocPtr v;
	xmlNodePtr root, c, sect;
	size_t i;

	if (r->check_whole) {
		if (!(v = xmlCopyDoc(r->doc, 1)))
			die(_("out of memory"));
		return v;
	}
	v = xmlNewDoc(BAD_CAST "1.0");
	root = xmlDocCopyNode(r->root, v, 2);
	if (!v || !root)
		die(_("out of memory"));
	xmlDocSetRootElement(v, root);
	for (c = node_first(r->root); c; c = node_after(c)) {
		if (c != r->items && c != r->log) {
			xmlAddChild(root, xmlDocCopyNode(c, v, 1));
			continue;
		}
		sect = xmlAddChild(root, xmlDocCopyNode(c, v, 2));
		if (c == r->items) {
			for (i = 0; i < r->ntouched; i++)
				if (r->touched[i]->parent == r->items)
					xmlAddChild(sect,
						    xmlDocCopyNode(r->touched[i],
								   v, 1));
			continue;
		}
		for (xmlNodePtr e = r->log_mark ? node_after(r->log_mark)
						: node_first(r->log);
		     e; e = node_after(e))
			xmlAddChild(sect, xmlDocCopyNode(e, v, 1));
	}
	return v;
}

int reg_save(struct reg *r)
{
	struct tempfile *tf = NULL;
	struct sink sink = {-1, 0};
	xmlOutputBufferPtr out;
	struct stat written;
	int synced;

	if (r->lock.fd < 0)
		die("internal error: saving without the lock");
	/* Never write what we could not read back. */
	xmlDocPtr changed = changed_part(r);
	int invalid = schema_validate(changed, r->path) < 0 ||
		      reg_check_consistency(r) < 0;
	xmlFreeDoc(changed);
	if (invalid) {
		return error(_("%s: internal error: the change would make "
			       "the register invalid; nothing was written"),
			     r->path);
	}
	/* REGISTER.new, at a fixed name: only the lock holder writes it, so
	 * nothing piles up after kill -9.  A new register gets 0644 less
	 * the umask, a saved one keeps its mode. */
	if (guard_output(r->path, N_("the register"), true) < 0)
		return -1;
	tf = tempfile_create(r->file, 0644,
			     TEMPFILE_FIXED_NAME | TEMPFILE_KEEP_MODE);
	if (!tf) {
		char *tmp = xasprintf("%s.new", r->file);
		error(_("%s: cannot write: %s; nothing was changed"), tmp,
		      strerror(errno));
		free(tmp);
		return -1;
	}
	sink.fd = tempfile_fd(tf);
	out = xmlOutputBufferCreateIO(sink_write, sink_close, &sink, NULL);
	if (!out)
		die(_("out of memory"));
	if (xmlSaveFormatFileTo(out, r->doc, "UTF-8", 1) < 0 || sink.err) {
		errno = sink.err ? sink.err : EIO;
		tempfile_delete(&tf);
		goto failed;
	}
	/* What the trust record needs before the rename (see trust.h). */
	trust_written(sink.fd, r->lock.fd, &written);
	synced = tempfile_commit(&tf, 0);
	if (synced > 0)
		warning(_("%s: saved, but the directory could not be synced: "
			  "%s"),
			r->path, strerror(errno));
	if (synced < 0)
		goto failed;
	trust_record(r->file, &written, r->lock.fd);
	return 0;
failed:
	return error(_("%s: cannot save: %s; the register was not changed"),
		     r->path, strerror(errno));
}

void reg_close(struct reg *r)
{
	if (r->lock.fd >= 0) {
		/* A writer killed with kill -9 in its save leaves
		 * "REGISTER.new"; only the lock holder writes it, so it is
		 * ours to remove. */
		char *tmp = xasprintf("%s.new", r->file);
		unlink(tmp);
		free(tmp);
	}
	lock_release(&r->lock);
	xmlsafe_free_doc(r->doc);
	free(r->touched);
	free(r->path);
	free(r->file);
	memset(r, 0, sizeof *r);
	r->lock.fd = -1;
}
