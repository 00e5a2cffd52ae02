// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Conflicts a merge could not decide, kept in the register itself so that
 * it still validates and nothing is lost: <conflicts> holds, per conflict,
 * where it is (a path merge_find reads), what people call it, and the
 * base's, our and their value (absent: that side deleted it).  The tree
 * holds our value meanwhile; resolving puts the chosen value in place.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "item.h"
#include "merge.h"
#include "reg.h"
#include "util.h"
#include "vocab.h"
#include "xmlsafe.h"

static const char *const kind_words[] = {"both-changed", "changed-deleted",
					 "deleted-changed", "both-added"};

const char *merge_kind_text(const char *kind)
{
	if (!strcmp(kind, "both-changed"))
		return _("both sides changed it");
	if (!strcmp(kind, "changed-deleted"))
		return _("we changed it, they deleted it");
	if (!strcmp(kind, "deleted-changed"))
		return _("we deleted it, they changed it");
	return _("both sides added it differently");
}

/* The fields a conflict can be over that are not an item's descriptive
 * fields (item_field_info has those), in words, and the vocabulary their
 * values are keywords of (a person reads "Lovkrav", not "law"). */
static const struct {
	const char *name, *word;
	const struct vocab *vocab;
} fields[] = {
	{"role", N_("role"), &vocab_role},
	{"kind", N_("kind"), &vocab_kind},
	{"kind", N_("kind"), &vocab_meeting_kind},
	{"method", NULL, &vocab_method},
	{"round", NULL, &vocab_round},
	{"experience", NULL, &vocab_experience},
	{"minutes", N_("minutes"), NULL},
	{"per-year", N_("per year"), NULL},
	{"staff", N_("staff"), NULL},
	{"tariff", N_("tariff"), NULL},
	{"burden", N_("burden"), NULL},
	{"priority", N_("priority"), &vocab_priority},
	{"decision", N_("decision"), &vocab_decision},
	{"solution", N_("solution"), &vocab_status},
	{"status", N_("status"), &vocab_status},
	{"date", N_("date"), NULL},
	{"criteria", N_("criteria"), NULL},
	{"name", N_("name"), NULL},
};

const char *merge_field_word(const char *name)
{
	size_t i;

	for (i = 0; i < F_COUNT; i++)
		if (!strcmp(item_field_info[i].name, name))
			return _(item_field_info[i].what);
	for (i = 0; i < sizeof fields / sizeof *fields; i++)
		if (fields[i].word && !strcmp(fields[i].name, name))
			return _(fields[i].word);
	return name;
}

/* VALUE of the field or element NAME as a person reads it: a keyword as
 * a word in the reader's language ("lovkrav" for "law"), anything else
 * as it is.  A keyword's word points into vocab_word's small ring. */
static const char *field_value(const char *name, const char *value)
{
	size_t i;

	for (i = 0; i < F_COUNT; i++)
		if (item_field_info[i].vocab &&
		    !strcmp(item_field_info[i].name, name) &&
		    vocab_index(item_field_info[i].vocab, value) >= 0)
			return vocab_word(item_field_info[i].vocab, value,
					  msg_lang());
	for (i = 0; i < sizeof fields / sizeof *fields; i++)
		if (fields[i].vocab && !strcmp(fields[i].name, name) &&
		    vocab_index(fields[i].vocab, value) >= 0)
			return vocab_word(fields[i].vocab, value,
					  msg_lang());
	return value;
}

/* The last step of a conflict's path: the attribute or element it is
 * over ("origin" of ".../@origin"). */
static const char *last_step(xmlNodePtr conflict)
{
	const char *at = node_attr(conflict, "at");
	const char *last = strrchr(at, '/');

	last = last ? last + 1 : at;
	if (*last == '@')
		last++;
	return last;
}

static xmlNodePtr new_child(xmlNodePtr parent, const char *name,
			    const char *text)
{
	xmlNodePtr n = xmlNewDocNode(parent->doc, parent->ns, BAD_CAST name,
				     NULL);

	if (!n)
		die(_("out of memory"));
	if (text && *text)
		xmlNodeAddContent(n, BAD_CAST text);
	xmlAddChild(parent, n);
	return n;
}

void merge_record_conflicts(xmlNodePtr root, const struct merge_result *res)
{
	xmlNodePtr list = node_child(root, "conflicts");
	long next;
	size_t i;
	char num[32];

	if (!res->nconflicts)
		return;
	if (!list) {
		list = new_child(root, "conflicts", NULL);
		node_set_attr(list, "next", "1");
	}
	next = atol(node_attr(list, "next"));
	for (i = 0; i < res->nconflicts; i++) {
		const struct merge_conflict *c = &res->conflicts[i];
		xmlNodePtr n = new_child(list, "conflict", NULL);

		snprintf(num, sizeof num, "C%ld", next++);
		node_set_attr(n, "id", num);
		node_set_attr(n, "kind", kind_words[c->kind]);
		node_set_attr(n, "at", c->at);
		node_set_attr(n, "ref", c->ref);
		new_child(n, "what", c->what);
		if (c->base)
			new_child(n, "base", c->base);
		if (c->ours)
			new_child(n, "ours", c->ours);
		if (c->theirs)
			new_child(n, "theirs", c->theirs);
	}
	snprintf(num, sizeof num, "%ld", next);
	node_set_attr(list, "next", num);
}

size_t merge_open_conflicts(xmlNodePtr root)
{
	xmlNodePtr list = node_child(root, "conflicts"), n;
	size_t count = 0;

	for (n = list ? node_first(list) : NULL; n; n = node_after(n))
		count++;
	return count;
}

xmlNodePtr merge_conflict_find(xmlNodePtr root, const char *id)
{
	xmlNodePtr list = node_child(root, "conflicts"), n;

	for (n = list ? node_first(list) : NULL; n; n = node_after(n))
		if (!strcasecmp(node_attr(n, "id"), id))
			return n;
	return NULL;
}

/* Whether the conflict is over a field (an attribute or a text), whose
 * values are plain text, rather than a whole element kept as XML. */
static bool is_field(xmlNodePtr conflict)
{
	const char *at = node_attr(conflict, "at");
	const char *last = strrchr(at, '/');

	last = last ? last + 1 : at;
	return *last == '@' || *last == '#';
}

/* The element kept as XML in VALUE, as a node of DOC; NULL after saying
 * why. */
static xmlNodePtr parse_value(xmlNodePtr root, const char *value,
			      const char *id)
{
	char *wrapped = xasprintf("<w xmlns=\"" REG_NS "\">%s</w>", value);
	xmlDocPtr d = xmlsafe_read_memory(wrapped, strlen(wrapped), id, 0);
	xmlNodePtr n = NULL, first;

	free(wrapped);
	if (!d)
		return NULL;
	first = node_first(xmlDocGetRootElement(d));
	if (first) {
		n = xmlDocCopyNode(first, root->doc, 1);
		if (!n)
			die(_("out of memory"));
		node_adopt_ns(n, root->ns);
	}
	xmlFreeDoc(d);
	if (!n)
		error(_("conflict %s: its value is not an element"), id);
	return n;
}

char *merge_conflict_show(xmlNodePtr conflict, const char *side)
{
	xmlNodePtr v = node_child(conflict, side), n;
	xmlDocPtr d;
	char *wrapped, *s;
	struct strbuf sb = {0};
	xmlAttrPtr a;

	if (!v)
		return xstrdup(_("(deleted)"));
	if (is_field(conflict))
		return xstrdup(field_value(last_step(conflict), node_text(v)));
	wrapped = xasprintf("<w xmlns=\"" REG_NS "\">%s</w>", node_text(v));
	d = xmlsafe_read_memory(wrapped, strlen(wrapped), "conflict", 0);
	free(wrapped);
	n = d ? node_first(xmlDocGetRootElement(d)) : NULL;
	if (!n) {
		xmlFreeDoc(d);
		return xstrdup(node_text(v));
	}
	if (node_is(n, "note")) {
		s = item_note_words(n);
		xmlFreeDoc(d);
		return s;
	}
	if (node_child(n, "title") && node_attr(n, "id")) {
		s = xasprintf("%s %s '%s'", (const char *)n->name,
			      node_attr(n, "id"),
			      node_text(node_child(n, "title")));
		xmlFreeDoc(d);
		return s;
	}
	/* A proposal, a decision, a burden: "forandre, af: anna, dato:
	 * 2026-12-01", its keyword as a label and its fields named. */
	for (a = n->properties; a; a = a->next) {
		const char *an = (const char *)a->name;
		const char *val = node_attr(n, an);

		if (!strcmp(an, "value"))
			sb_printf(&sb, "%s%s", sb.len ? ", " : "",
				  field_value((const char *)n->name, val));
		else if (!strcmp(an, "by"))
			/* TRANSLATORS: who made a proposal or decision, in
			 * a merge conflict: "Fjerne, by: anna" */
			sb_printf(&sb, "%s%s: %s", sb.len ? ", " : "",
				  C_("made by", "by"), val);
		else
			sb_printf(&sb, "%s%s: %s", sb.len ? ", " : "",
				  merge_field_word(an), field_value(an, val));
	}
	if (!node_first(n) && *node_text(n))
		sb_printf(&sb, "%s'%s'", sb.len ? ", " : "", node_text(n));
	if (!sb.len)
		sb_puts(&sb, node_text(v));
	xmlFreeDoc(d);
	return sb_steal(&sb);
}

int merge_resolve(xmlNodePtr root, xmlNodePtr conflict, const char *side,
		  const char *value)
{
	const char *id = node_attr(conflict, "id");
	const char *at = node_attr(conflict, "at");
	xmlNodePtr parent, node, v, n;
	const char *field;

	if (merge_find(root, at, &parent, &node, &field) < 0 || !parent)
		return error(_("conflict %s (%s): what it was about is no "
			       "longer in the register; take ours"),
			     id, node_text(node_child(conflict, "what")));
	v = side ? node_child(conflict, side) : NULL;
	if (field) {
		const char *text = side ? (v ? node_text(v) : NULL) : value;
		if (*field == '@') {
			node_set_attr(node, field + 1, text);
		} else {
			xmlNodeSetContent(node, NULL);
			if (text && *text)
				xmlNodeAddContent(node, BAD_CAST text);
		}
		goto done;
	}
	if (!side) {
		/* A new value for a whole element: its text (a title, a
		 * description, a note, a reason). */
		xmlNodePtr like = node_child(conflict, "ours");
		if (!like)
			like = node_child(conflict, "theirs");
		n = like ? parse_value(root, node_text(like), id) : NULL;
		if (!n)
			return -1;
		if (node_first(n)) {
			xmlFreeNode(n);
			return error(_("conflict %s is about a whole %s: take "
				       "ours or theirs, then change it with "
				       "the usual commands"),
				     id, node_text(node_child(conflict,
							      "what")));
		}
		xmlNodeSetContent(n, NULL);
		if (*value)
			xmlNodeAddContent(n, BAD_CAST value);
	} else if (!v) {
		n = NULL;
	} else {
		n = parse_value(root, node_text(v), id);
		if (!n)
			return -1;
	}
	if (node && n) {
		xmlReplaceNode(node, n);
		xmlFreeNode(node);
	} else if (node) {
		node_remove(node);
	} else if (n) {
		node_insert(parent, n, merge_order(parent));
	}
done:
	n = conflict->parent;
	node_remove(conflict);
	if (!node_first(n))
		node_remove(n);
	return 0;
}
