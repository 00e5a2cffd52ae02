#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What a reader of an ODT handout sees, as lines a test can grep.

    odt_text.py FILE.odt

Each table row prints as its table's name and its cells' text, tab-
separated ("Log<TAB>2017-11-08<TAB>Tina ..."); each paragraph or heading
outside a table prints as "P<TAB>text".  A cell's paragraphs are joined by
a space, and line breaks and tabs inside the text become spaces.  Read
with Python's own zipfile and ElementTree, not with styr's code.
"""
import sys
import zipfile
import xml.etree.ElementTree as ET

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"


def text_of(node):
    out = []

    def walk(n):
        tag = n.tag.split("}")[1] if "}" in n.tag else n.tag
        if tag == "s":
            out.append(" " * int(n.get("{%s}c" % TEXT, "1")))
        elif tag in ("tab", "line-break"):
            out.append(" ")
        elif n.text:
            out.append(n.text)
        for c in n:
            walk(c)
            if c.tail:
                out.append(c.tail)

    walk(node)
    return " ".join("".join(out).split())


def main():
    with zipfile.ZipFile(sys.argv[1]) as z:
        root = ET.fromstring(z.read("content.xml"))
    body = root.find(".//{urn:oasis:names:tc:opendocument:xmlns:office:1.0}text")

    def walk(n, table):
        tag = n.tag
        if tag == "{%s}table" % TABLE:
            name = n.get("{%s}name" % TABLE, "table")
            for c in n:
                walk(c, name)
            return
        if tag == "{%s}table-row" % TABLE:
            cells = []
            for c in n:
                if c.tag == "{%s}table-cell" % TABLE:
                    cells.append(" ".join(
                        t for t in (text_of(p) for p in c) if t))
            print("\t".join([table] + cells))
            return
        if table is None and tag in ("{%s}p" % TEXT, "{%s}h" % TEXT):
            t = text_of(n)
            if t:
                print("P\t" + t)
            return
        for c in n:
            walk(c, table)

    walk(body, None)


if __name__ == "__main__":
    main()
