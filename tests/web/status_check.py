#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks a status page (styr handout status --format html) against the
register it was made from, independently of styr: the register is read
with ElementTree, the page with html.parser (as a browser's parser would,
not as XML).  Usage: status_check.py PAGE REGISTER LANG TODAY
Exits 1 with the first difference."""
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.kids = []

    def text(self):
        out = []
        for k in self.kids:
            out.append(k if isinstance(k, str) else k.text())
        return " ".join("".join(out).split())

    def all(self, tag=None, cls=None):
        for k in self.kids:
            if isinstance(k, Node):
                if (tag is None or k.tag == tag) and (
                        cls is None or cls in k.attrs.get("class", "").split()):
                    yield k
                yield from k.all(tag, cls)


class Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#doc", [], None)
        self.cur = self.root
        self.doctype = None

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        self.cur.kids.append(n)
        if tag not in VOID:
            self.cur = n

    def handle_startendtag(self, tag, attrs):
        assert tag in VOID, "<%s/> is not a void element" % tag
        self.cur.kids.append(Node(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        assert self.cur.tag == tag, "</%s> closes <%s>" % (tag, self.cur.tag)
        self.cur = self.cur.parent

    def handle_data(self, data):
        self.cur.kids.append(data)


def fail(msg):
    print("status_check: " + msg)
    sys.exit(1)


def one(tree, tag, cls=None):
    found = list(tree.all(tag, cls))
    if len(found) != 1:
        fail("expected one <%s class=%s>, found %d" % (tag, cls, len(found)))
    return found[0]


def main(page, register, lang, today):
    raw = open(page, encoding="utf-8").read()
    t = Tree()
    t.feed(raw)
    t.close()
    if t.cur is not t.root:
        fail("<%s> is never closed" % t.cur.tag)
    if (t.doctype or "").lower() != "doctype html":
        fail("no <!DOCTYPE html>: %r" % t.doctype)
    doc = t.root
    html = one(doc, "html")
    if html.attrs.get("lang") != lang:
        fail("html lang=%r, want %r" % (html.attrs.get("lang"), lang))

    # Self-contained: nothing that loads or runs anything.
    for n in doc.all():
        if n.tag in ("script", "link", "img", "iframe", "object", "embed",
                     "frame", "base", "audio", "video", "source", "form"):
            fail("a <%s> element" % n.tag)
        for a, v in n.attrs.items():
            if a in ("src", "href", "srcset", "action", "data", "poster") or \
                    a.startswith("on"):
                fail("<%s %s=%r>" % (n.tag, a, v))
            if a != "xmlns" and v and ("http:" in v or "https:" in v):
                fail("an address in <%s %s=%r>" % (n.tag, a, v))
    body_text = one(doc, "body").text()
    style = " ".join(s.text() for s in doc.all("style"))
    for bad in ("url(", "@import", "http:", "https:"):
        if bad in style or bad in body_text:
            fail("%r in the page" % bad)

    r = ET.parse(register).getroot()
    for el in r.iter():  # the register's namespace says nothing here
        el.tag = el.tag.split("}")[-1]
    name = lambda el: el.find("name[@lang='%s']" % lang).text
    mtitle = lambda el: el.find("title[@lang='%s']" % lang).text
    org = r.find("organisation").text
    title = r.find("title").text
    if org not in one(doc, "title").text() or title not in one(doc, "h1").text():
        fail("the <title>/<h1> lack the organisation or the title")
    current = int(r.find("model").get("current"))
    phases = r.findall("model/phase")

    # The six phases, and where we stand.
    lis = list(one(doc, "ol", "phases").all("li"))
    if len(lis) != 6:
        fail("%d phases listed, want 6" % len(lis))
    words = {"da": ("Afsluttet", "Ikke startet"),
             "en": ("Completed", "Not started")}[lang]
    for li, ph in zip(lis, phases):
        txt = li.text()
        if not txt.startswith(ph.get("number")) or name(ph) not in txt:
            fail("phase %s: %r" % (ph.get("number"), txt))
        st = ph.get("status")
        if st == "done" and words[0] not in txt:
            fail("phase %s is done: %r" % (ph.get("number"), txt))
        if st not in ("done", "active") and words[1] not in txt:
            fail("phase %s has not started: %r" % (ph.get("number"), txt))
    here = [li for li in lis if li.attrs.get("aria-current") == "step"]
    if len(here) != 1 or name(phases[current - 1]) not in here[0].text():
        fail("the current phase (%d) is not the one marked" % current)
    now = one(doc, "p", "now").text()
    if str(current) not in now or name(phases[current - 1]) not in now:
        fail("the current phase is not named: %r" % now)

    # What was decided and why.
    decided = [i for i in r.iter("item") if i.find("decision") is not None]
    arts = list(doc.all("article", "decision"))
    if len(arts) != len(decided):
        fail("%d decisions shown, %d in the register" % (len(arts),
                                                         len(decided)))
    for art, it in zip(arts, decided):
        txt = art.text()
        d, p = it.find("decision"), it.find("priority")
        for want in (it.find("title").text, "(%s)" % it.get("id"),
                     d.get("date"), d.text, p.text if p is not None else None):
            if want and " ".join(want.split()) not in txt:
                fail("item %s: %r not in %r" % (it.get("id"), want, txt))

    # What comes next: the open milestones of the current phase.
    open_ms = [mtitle(m) for m in phases[current - 1].findall("milestone")
               if not m.get("done")]
    got = [li.text() for li in one(doc, "ul", "next").all("li")]
    if got != open_ms:
        fail("next steps %r, want %r" % (got, open_ms))

    # Meetings held and coming, in date order, with their dates.
    meetings = [(m.get("date"), " ".join(m.find("title").text.split()))
                for m in r.iter("meeting")]
    held = sorted([m for m in meetings if m[0] <= today], key=lambda m: m[0])
    coming = sorted([m for m in meetings if m[0] > today], key=lambda m: m[0])
    for cls, want in (("held", held), ("coming", coming)):
        got = []
        for li in one(doc, "ul", cls).all("li"):
            times = list(li.all("time"))
            if len(times) != 1:
                fail("a meeting without its date: %r" % li.text())
            got.append((times[0].text(), li.text()))
        if len(got) != len(want):
            fail("%d %s meetings shown, want %d" % (len(got), cls,
                                                      len(want)))
        for (gd, gt), (wd, wt) in zip(got, want):
            if gd != wd or wt not in gt:
                fail("%s meeting %r, want %s %s" % (cls, gt, wd, wt))

    # Whom to ask.
    agents = [" ".join(p.text.split()) for p in r.iter("person")
              if p.get("role") == "agent"]
    got = [li.text() for li in one(doc, "ul", "agents").all("li")]
    if got != agents:
        fail("agents %r, want %r" % (got, agents))
    print("ok: %d phases, %d decisions, %d next steps, %d held and %d coming"
          " meetings, %d agents" % (len(lis), len(arts), len(open_ms),
                                     len(held), len(coming), len(agents)))


if __name__ == "__main__":
    main(*sys.argv[1:5])
