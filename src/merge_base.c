// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Where a merge's base comes from, and whether two registers share one.
 *
 * A copy for the field (styr copy) carries <copy id=".." from=".."/>, and
 * the register it was copied from keeps the copy as it was handed out in
 * REGISTER.copies/ID.xml: the base of the next "styr merge COPY", found
 * without git.  After each merge of the copy, the snapshot becomes the
 * copy as merged, so the next merge starts from there.
 *
 * Common history: the change log is only ever appended to, and a merge
 * keeps the base's entries first, in order; so a register grew from BASE
 * exactly when BASE's entries begin its log.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "merge.h"
#include "reg.h"
#include "tempfile.h"
#include "util.h"

int merge_check_history(xmlNodePtr base, xmlNodePtr side,
			const char *base_name, const char *side_name)
{
	xmlNodePtr lb = node_child(base, "log"), ls = node_child(side, "log");
	xmlNodePtr b, s;
	size_t n = 0;

	for (b = node_first(lb), s = node_first(ls); b;
	     b = node_after(b), s = node_after(s), n++) {
		if (!s || !merge_same(b, s))
			break;
	}
	if (!b)
		return 0;
	if (!n)
		return error(_("%s and %s have no common history (their change "
			       "logs begin differently): they were not copied "
			       "from one register, so there is nothing to "
			       "merge them from; nothing was changed"),
			     side_name, base_name);
	return error(_("%s did not grow from %s: its change log lacks %s's "
		       "entry %zu ('%s'); give the register both grew from; "
		       "nothing was changed"),
		     side_name, base_name, base_name, n + 1,
		     node_text(node_child(b, "what")));
}

const char *merge_copy_id(xmlNodePtr root)
{
	return node_attr(node_child(root, "copy"), "id");
}

char *merge_new_copy_id(void)
{
	unsigned char r[8];
	char *s = xmalloc(17);
	size_t i;

	if (getrandom(r, sizeof r, 0) != (ssize_t)sizeof r) {
		/* Unique enough for telling copies apart. */
		unsigned long v = (unsigned long)time(NULL) ^
				  ((unsigned long)getpid() << 16);
		for (i = 0; i < sizeof r; i++, v >>= 4)
			r[i] = (unsigned char)(v * 2654435761u >> 24);
	}
	for (i = 0; i < sizeof r; i++)
		snprintf(s + 2 * i, 3, "%02x", r[i]);
	return s;
}

static void mark_copy(xmlNodePtr root, const char *id, const char *from,
		      const char *when)
{
	xmlNodePtr old = node_child(root, "copy");
	xmlNodePtr n = xmlNewDocNode(root->doc, root->ns, BAD_CAST "copy",
				     NULL);

	if (!n)
		die(_("out of memory"));
	node_set_attr(n, "id", id);
	node_set_attr(n, "from", from);
	node_set_attr(n, "when", when);
	if (old) {
		xmlReplaceNode(old, n);
		xmlFreeNode(old);
	} else {
		node_insert(root, n, merge_order(root));
	}
}

xmlDocPtr merge_copy_doc(xmlDocPtr doc, const char *id, const char *from,
			 const char *when)
{
	xmlDocPtr copy = xmlCopyDoc(doc, 1);

	if (!copy)
		die(_("out of memory"));
	mark_copy(xmlDocGetRootElement(copy), id, from, when);
	return copy;
}

char *merge_snapshot_path(const char *reg_file, const char *copy_id)
{
	return xasprintf("%s.copies/%s.xml", reg_file, copy_id);
}

int merge_keep_snapshot(const char *from, const char *snapshot)
{
	char *dir = xstrdup(snapshot), *slash = strrchr(dir, '/');
	struct tempfile *tf = NULL;
	char buf[65536];
	ssize_t got;
	int in = -1, rc = -1;

	*slash = '\0';
	if (mkdir(dir, 0777) < 0 && errno != EEXIST) {
		error(_("%s: cannot make the folder for copies' bases: %s"),
		      dir, strerror(errno));
		goto out;
	}
	in = open(from, O_RDONLY | O_CLOEXEC);
	if (in < 0) {
		error(_("%s: cannot read: %s"), from, strerror(errno));
		goto out;
	}
	tf = tempfile_create(snapshot, 0644, 0);
	if (!tf)
		goto failed;
	while ((got = read(in, buf, sizeof buf)) > 0)
		if (write_all(tempfile_fd(tf), buf, (size_t)got) < 0)
			goto failed;
	if (got < 0 || tempfile_commit(&tf, 0) < 0)
		goto failed;
	rc = 0;
	goto out;
failed:
	error(_("%s: cannot keep the copy's base: %s"), snapshot,
	      strerror(errno));
	tempfile_delete(&tf);
out:
	if (in >= 0)
		close(in);
	free(dir);
	return rc;
}

bool merge_same_conflicts(xmlNodePtr base, xmlNodePtr side)
{
	return merge_same(node_child(base, "conflicts"),
			  node_child(side, "conflicts"));
}
