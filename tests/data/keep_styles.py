#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Headings and intro paragraphs that a page break may part from what they
introduce, read from the handout's styles.

    keep_styles.py FILE.odt...

For each heading outside a table (in a rendered handout: the template's
markers are gone) and what follows it up to the next heading: the heading,
and every paragraph between it and the first table or list after it, must
have fo:keep-with-next="always", from its own style or a parent (the
automatic styles in content.xml, the styles in styles.xml).  A table that
follows must have a repeated header row (table:table-header-rows), so
that on the page it continues on the reader still sees what each column
is, unless its style keeps it on one page (style:may-break-between-rows
"false": an item's card).  Prints one line per fault and exits 1; prints nothing and exits 0
when there is none.  Python's zipfile and ElementTree, not styr's code.
"""
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
}


def q(name):
    p, local = name.split(":")
    return "{%s}%s" % (NS[p], local)


def tag(n):
    return n.tag.split("}")[1] if "}" in n.tag else n.tag


def paragraph_styles(*roots):
    """name -> (parent, keep-with-next or None) for paragraph styles."""
    out = {}
    for root in roots:
        for s in root.iter(q("style:style")):
            if s.get(q("style:family")) != "paragraph":
                continue
            props = s.find(q("style:paragraph-properties"))
            keep = None if props is None else props.get(q("fo:keep-with-next"))
            out[s.get(q("style:name"))] = (s.get(q("style:parent-style-name")),
                                           keep)
    return out


def unbroken_tables(root):
    """Table styles that keep the table on one page (a card)."""
    out = set()
    for s in root.iter(q("style:style")):
        props = s.find(q("style:table-properties"))
        if s.get(q("style:family")) == "table" and props is not None and \
                props.get(q("style:may-break-between-rows")) == "false":
            out.add(s.get(q("style:name")))
    return out


def keeps(styles, name):
    seen = set()
    while name and name not in seen:
        seen.add(name)
        parent, keep = styles.get(name, (None, None))
        if keep is not None:
            return keep == "always"
        name = parent
    return False


def blocks(parent):
    for n in parent:
        if tag(n) == "section":
            yield from blocks(n)
        elif tag(n) in ("h", "p", "table", "list"):
            yield n


def has_text(n):
    return "".join(n.itertext()).strip() != "" or len(n) > 0


def check(path):
    with zipfile.ZipFile(path) as z:
        content = ET.fromstring(z.read("content.xml"))
        styles_xml = ET.fromstring(z.read("styles.xml"))
    styles = paragraph_styles(styles_xml, content)
    cards = unbroken_tables(styles_xml) | unbroken_tables(content)
    body = content.find("office:body/office:text", NS)
    items = list(blocks(body))
    faults = []
    for i, h in enumerate(items):
        if tag(h) != "h":
            continue
        htext = " ".join("".join(h.itertext()).split())
        run = [h]
        target = None
        for n in items[i + 1:]:
            if tag(n) == "h":
                break
            if tag(n) in ("table", "list"):
                target = n
                break
            run.append(n)
        if target is None:
            run = [h]
        for n in run:
            name = n.get(q("text:style-name"))
            if not keeps(styles, name):
                what = "heading" if n is h else "paragraph '%s' after it" % (
                    " ".join("".join(n.itertext()).split())[:40])
                faults.append("%s: heading '%s': %s (style %s) does not "
                              "keep with next" % (path, htext, what, name))
        if target is not None and tag(target) == "table" and \
                target.get(q("table:style-name")) not in cards and \
                target.find(q("table:table-header-rows")) is None:
            faults.append("%s: heading '%s': table %s has no header rows"
                          % (path, htext, target.get(q("table:name"))))
    return faults


def main():
    faults = []
    for path in sys.argv[1:]:
        faults += check(path)
    for f in faults:
        print(f)
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main())
