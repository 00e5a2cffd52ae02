#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Headings left at the foot of a page, away from what they introduce.

    keep_check.py FILE.odt FILE.pdf

Reads the handout's body (Python's zipfile and ElementTree, not styr's
code): each heading outside a table and what follows it up to the next
heading.  What it introduces is the first table or list there, or else
the first paragraph.  The PDF's text (pdftotext -layout, one page per form
feed) must show, on the heading's page and after it, the start of what it
introduces: each cell's first word of the table's first body row (of its
header row when the body rows are empty), the first words of a list or a
paragraph.  Prints one line per heading parted from it and exits 1;
prints nothing and exits 0 when every heading stays with its content.
Words are compared, not lines: a long line may wrap in the PDF, and a
header cell's words sit above or below the row's line.
"""
import subprocess
import sys
import zipfile
import xml.etree.ElementTree as ET

# The blocks of a body, and their text as a reader sees it.
from keep_styles import blocks, tag
from odt_text import text_of

TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
WORDS = 3


def first_text(n):
    """The first words a reader sees of a table, list or paragraph."""
    if tag(n) in ("h", "p"):
        return clean(text_of(n))[:WORDS]
    if tag(n) == "table":
        # The first body row with text (a header row repeats on every
        # page the table reaches: its first page is the body's), else the
        # header row: each cell's first word.
        head = n.find("{%s}table-header-rows" % TABLE)
        rows = [r for r in n.iter("{%s}table-row" % TABLE)
                if head is None or r not in list(head)]
        if head is not None:
            rows += list(head)
        for row in rows:
            cells = [clean(text_of(c)) for c in row
                     if tag(c) == "table-cell"]
            words = [c[0] for c in cells if c]
            if words:
                return words
        return []
    for p in n.iter():
        if tag(p) in ("p", "h") and text_of(p):
            return clean(text_of(p))[:WORDS]
    return []


def pairs(odt):
    with zipfile.ZipFile(odt) as z:
        root = ET.fromstring(z.read("content.xml"))
    body = root.find("{%s}body/{%s}text" % (OFFICE, OFFICE))
    items = list(blocks(body))
    for i, h in enumerate(items):
        if tag(h) != "h" or not text_of(h):
            continue
        target = None
        for n in items[i + 1:]:
            if tag(n) == "h":
                break
            if tag(n) in ("table", "list") and first_text(n):
                target = n
                break
            if target is None and tag(n) == "p" and first_text(n):
                target = n
        if target is not None:
            yield text_of(h), first_text(target)


def clean(s):
    return s.replace("\u00ad", "").split()


def find(words, seq, start=0):
    """Where seq's words begin in words, from start; -1 if nowhere."""
    for k in range(start, len(words) - len(seq) + 1):
        if words[k:k + len(seq)] == seq:
            return k
    return -1


def follows(words, at, want):
    """Whether every word of want is on the page after at (a row's cells
    side by side, a header's words wrapped above or below its line)."""
    rest = words[at:]
    return all(w in rest for w in want)


def main():
    odt, pdf = sys.argv[1:3]
    out = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True,
                         capture_output=True, text=True).stdout
    pages = [clean(p) for p in out.split("\f")]
    bad = 0
    page = 0
    for head, first in pairs(odt):
        h = clean(head)[:WORDS]
        at = -1
        while page < len(pages):
            at = find(pages[page], h)
            if at >= 0:
                break
            page += 1
        if at < 0:
            print("%s: heading '%s' not found" % (pdf, head))
            return 1
        if not follows(pages[page], at + len(h), first):
            print("%s: heading '%s' on page %d, but not '%s'"
                  % (pdf, head, page + 1, " ".join(first)))
            bad = 1
    return bad


if __name__ == "__main__":
    sys.exit(main())
