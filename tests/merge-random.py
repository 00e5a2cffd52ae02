#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Random merge scenarios with real git (tests/t1110-merge-random.sh).

Each scenario: a register committed in a repository set up with
'styr git setup', two clones, a random sequence of every kind of change
on each side (seeded: a failing scenario prints the line that replays
it), each clone merging the other through the merge driver.  After each
merge, checked here independently of styr's merge code, on the facts
the register holds (ids of records made since the base replaced by their
unique titles and names, so that renumbering does not count):

  - the register validates (xmllint with the schema, and styr validate);
  - every fact either side changed is there as that side left it, every
    fact neither changed is as in the base, and where both changed a
    fact differently, or its record is otherwise disputed, a conflict
    names the record;
  - merging the other way round gives the same facts and the same
    conflicted records.

usage: merge-random.py STYR RNG WORKDIR FIRST_SEED COUNT
"""
import os
import random
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = {"r": "urn:x-styr:register:1"}
Q = "{urn:x-styr:register:1}"

STYR, RNG, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
FIRST, COUNT = int(sys.argv[4]), int(sys.argv[5])
ENV = dict(os.environ, STYR_USER="tester", LC_ALL="C.UTF-8",
           GIT_CONFIG_NOSYSTEM="1", HOME=WORK,
           GIT_AUTHOR_NAME="A", GIT_AUTHOR_EMAIL="a@example.org",
           GIT_COMMITTER_NAME="A", GIT_COMMITTER_EMAIL="a@example.org")


def run(args, cwd, check=False):
    p = subprocess.run(args, cwd=cwd, env=ENV, capture_output=True,
                       text=True)
    if check and p.returncode != 0:
        raise RuntimeError("%s failed (%d): %s" % (" ".join(args),
                                                    p.returncode, p.stderr))
    if p.returncode not in (0, 1, 2, 3):
        raise RuntimeError("%s crashed (%d): %s" % (" ".join(args),
                                                    p.returncode, p.stderr))
    return p


def styr(cwd, *args, check=False):
    return run([STYR, "-q"] + list(args), cwd, check)


def git(cwd, *args):
    return run(["git", "-c", "init.defaultBranch=main"] + list(args), cwd,
               check=True)


# --- the base register, made once ---

def make_base(path):
    os.makedirs(path)
    s = lambda *a: styr(path, *a, check=True)
    s("init", "--org", "Odder Kommune")
    for name, role in (("Anna Holm", "agent"), ("Bo Berg", "staff"),
                       ("Eva Lund", "med")):
        s("person", "add", name, "--role", role)
    s("meeting", "add", "workshop", "Workshop 1", "--date", "2026-03-01",
      "--phase", "4")
    s("meeting", "add", "seminar", "Seminar", "--date", "2026-02-01",
      "--phase", "2")
    s("area", "add", "A", "Alpha")
    s("area", "add", "B", "Beta")
    run([STYR, "-q", "phase", "start", "4"], path)
    for i, kind in enumerate(("goal", "rule", "doc", "doc", "rule")):
        s("add", kind, "Base item %d" % (i + 1), "--area", "AB"[i % 2])
    s("note", "G1", "A base note")
    s("rate", "R1", "too-tight", "--respondent", "P1")
    s("vote", "R1", "remove", "--by", "P1", "--meeting", "M1")
    s("vote", "D1", "change", "--by", "P2", "--meeting", "M1")
    s("burden", "D1", "--minutes", "10", "--per-year", "100")
    s("prioritise", "R1", "remove")
    s("meeting", "attend", "M1", "P1", "P2")


# --- random changes ---

def ids(path, section, child):
    root = ET.parse(os.path.join(path, "styr.xml")).getroot()
    return [e.get("id") for e in root.findall("r:%s/r:%s" % (section, child),
                                              NS)]


class Side:
    def __init__(self, path, name, rng):
        self.path, self.name, self.rng, self.n = path, name, rng, 0

    def uniq(self, what):
        self.n += 1
        return "%s %s %d" % (what, self.name, self.n)

    def change(self):
        rng = self.rng
        items = ids(self.path, "items", "item")
        people = ids(self.path, "people", "person")
        meetings = ids(self.path, "meetings", "meeting")
        areas = ids(self.path, "areas", "area")
        it = rng.choice(items) if items else "G1"
        p = rng.choice(people) if people else "P1"
        m = rng.choice(meetings) if meetings else "M1"
        a = rng.choice(areas) if areas else "A"
        prio = rng.choice(("remove", "change", "anchor"))
        ops = [
            ("add", rng.choice(("goal", "rule", "doc")), self.uniq("Item"),
             "--area", a),
            ("edit", it, "--title", self.uniq("Title")),
            ("edit", it, "--desc", self.uniq("Description")),
            ("edit", it, "--owner", rng.choice(("Leder", "Chef"))),
            ("edit", it, "--origin", rng.choice(("law", "local"))),
            ("delete", it),
            ("note", it, self.uniq("Note")),
            ("note", "remove", it, "1"),
            ("note", "change", it, "1", self.uniq("Changed note")),
            ("rate", it, rng.choice(("supportive", "too-tight")),
             "--respondent", p),
            ("rate", "remove", it, "1"),
            ("vote", it, prio, "--by", p, "--meeting", "M1"),
            ("vote", "withdraw", it, "--by", p, "--meeting", "M1"),
            ("vote", it, prio, "--count", str(rng.randint(1, 5)),
             "--meeting", "M1"),
            ("burden", it, "--minutes", str(rng.randint(1, 60)),
             "--per-year", str(rng.randint(1, 500))),
            ("burden", "clear", it),
            ("prioritise", it, prio),
            ("prioritise", "clear", it),
            ("decide", it, rng.choice(("selected", "deferred", "rejected"))),
            ("solution", it, "--status", "idea", "--criteria",
             self.uniq("Criteria")),
            ("area", "add", "X%s%d" % (self.name, self.n + 1),
             self.uniq("Area")),
            ("area", "rename", a, self.uniq("Area name")),
            ("area", "remove", a),
            ("person", "add", self.uniq("Person"), "--role",
             rng.choice(("staff", "agent"))),
            ("person", "rename", p, self.uniq("Name")),
            ("person", "remove", p),
            ("meeting", "add", "workshop", self.uniq("Meeting"), "--date",
             "2026-04-%02d" % rng.randint(1, 28)),
            ("meeting", "attend", m, p),
            ("meeting", "absent", m, p),
            ("meeting", "change", m, "--title", self.uniq("Meeting title")),
            ("meeting", "remove", m),
            ("milestone", "done", rng.choice(("4.1", "4.2", "3.5"))),
            ("milestone", "undo", rng.choice(("4.1", "4.2", "3.5"))),
            ("edit", it, "--kind", rng.choice(("goal", "rule", "doc"))),
            ("rate", "change", it, "1", rng.choice(("too-loose",
                                                    "supportive"))),
            ("decide", "clear", it),
            ("solution", "clear", it),
            ("person", "change", p, "--role", rng.choice(("med", "staff"))),
            ("meeting", "change", m, "--date",
             "2026-05-%02d" % rng.randint(1, 28)),
        ]
        op = rng.choice(ops)
        r = styr(self.path, *op)
        return " ".join(op), r.returncode


# --- facts ---

def canon_text(s):
    return s or ""


def facts(path, base):
    """The register at PATH as {key: value}, and its conflicts as a set of
    record keys.  BASE: the base's ids per section (kept as they are)."""
    root = ET.parse(path).getroot()
    cmap = {}

    def name_of(kind, e):
        if kind == "item":
            return (e.findtext("r:title", "", NS))
        if kind == "meeting":
            return e.findtext("r:title", "", NS)
        return e.text or ""

    for kind, sect, child in (("item", "items", "item"),
                              ("person", "people", "person"),
                              ("meeting", "meetings", "meeting")):
        for e in root.findall("r:%s/r:%s" % (sect, child), NS):
            i = e.get("id")
            # the letter too: an item whose kind both sides changed
            # becomes two new items with the base item's title
            cmap[i] = i if i in base[kind] else \
                "new:%s:%s" % (i[0], name_of(kind, e))
    for e in root.findall("r:log/r:entry/r:item", NS):
        i = e.get("id")
        if i not in cmap:
            cmap[i] = i if i in base["item"] else \
                "new:%s:%s" % (i[0], e.findtext("r:title", "", NS))

    def c(i):
        if i is None:
            return None
        if i in cmap:
            return cmap[i]
        if re.fullmatch(r"[GRDPM][0-9]+", i):
            # an id neither side still holds: its number is not a fact
            return i if any(i in v for v in base.values()) else "new?"
        return i

    def ctext(s):
        return re.sub(r"\b[GRDPM][0-9]+\b", lambda m: c(m.group(0)),
                      s or "")

    f = {}

    def add(key, value):
        k, n = key, 1
        while k in f:
            n += 1
            k = key + (n,)
        f[k] = value

    f[("org",)] = root.findtext("r:organisation", "", NS)
    st = root.find("r:settings", NS)
    if st is not None:
        f[("settings",)] = repr(sorted(st.attrib.items()))
    model = root.find("r:model", NS)
    f[("model", "current")] = model.get("current")
    for ph in model.findall("r:phase", NS):
        for at in ("status", "started", "completed"):
            if ph.get(at) is not None:
                f[("phase", ph.get("number"), at)] = ph.get(at)
        for ms in ph.findall("r:milestone", NS):
            f[("milestone", ms.get("id"), "done")] = ms.get("done")
            f[("milestone", ms.get("id"), "note")] = \
                ms.findtext("r:note", None, NS)
    for ar in root.findall("r:areas/r:area", NS):
        f[("area", ar.get("id"))] = ar.text or ""
    for pe in root.findall("r:people/r:person", NS):
        f[("person", c(pe.get("id")))] = pe.get("role")
        f[("person", c(pe.get("id")), "name")] = pe.text
    for me in root.findall("r:meetings/r:meeting", NS):
        mc = c(me.get("id"))
        f[("meeting", mc)] = me.get("kind")
        for at in ("date", "phase"):
            f[("meeting", mc, at)] = me.get(at)
        f[("meeting", mc, "title")] = me.findtext("r:title", "", NS)
        for at in me.findall("r:attendee", NS):
            f[("meeting", mc, "attendee", c(at.get("ref")))] = "1"
    for it in root.findall("r:items/r:item", NS):
        ic = c(it.get("id"))
        f[("item", ic)] = "|".join(
            "%s=%s" % (k, it.get(k)) for k in ("kind", "area", "origin",
                                                "found", "phase"))
        for ch in ("title", "description", "owner", "source"):
            v = it.findtext("r:" + ch, None, NS)
            if v is not None:
                f[("item", ic, ch)] = v
        for ch in it:
            tag = ch.tag[len(Q):]
            attrs = dict(ch.attrib)
            if tag == "note":
                add(("item", ic, "note", repr(sorted(attrs.items())),
                     ch.text or ""), "1")
            elif tag == "rating" and attrs.get("respondent"):
                f[("item", ic, "rating", attrs["round"],
                   c(attrs["respondent"]))] = "%s|%s" % (
                    attrs.get("experience"), attrs.get("date"))
            elif tag in ("rating", "vote") and not attrs.get("by"):
                if "meeting" in attrs:
                    attrs["meeting"] = c(attrs["meeting"])
                add(("item", ic, tag, repr(sorted(attrs.items()))), "1")
            elif tag == "vote":
                f[("item", ic, "vote", c(attrs["by"]),
                   c(attrs.get("meeting")))] = "%s|%s" % (
                    attrs.get("priority"), attrs.get("date"))
            elif tag in ("burden", "priority", "decision", "solution"):
                f[("item", ic, tag)] = repr(sorted(attrs.items())) + \
                    (ch.text or "") + ch.findtext("r:criteria", "", NS)
    for e in root.findall("r:log/r:entry", NS):
        if e.get("action") in ("merge", "resolve"):
            continue
        kept = e.find("r:item", NS)
        add(("log", e.get("when"), c(e.get("by")), e.get("action"),
             c(e.get("ref")), e.get("happened"),
             ctext(e.findtext("r:what", "", NS)),
             "" if kept is None else ctext(" ".join(
                 [repr(sorted((k, v) for k, v in x.attrib.items()
                              if k != "id")) + (x.text or "")
                  for x in kept.iter()]))), "1")
    conflicts = set()
    for co in root.findall("r:conflicts/r:conflict", NS):
        conflicts.add(record_of_path(co.get("at"), c))
    return f, conflicts


def record_of_path(at, c):
    steps = at.strip("/").split("/")
    m = re.fullmatch(r"(\w+)\[([^]|]*)(\|[^]]*)?\]", steps[1]) \
        if len(steps) > 1 else None
    first = steps[0]
    if first in ("items", "people", "meetings") and m:
        return ({"items": "item", "people": "person",
                 "meetings": "meeting"}[first], c(m.group(2)))
    if first == "areas" and m:
        return ("area", m.group(2))
    if first == "model" and len(steps) > 2:
        mm = re.fullmatch(r"milestone\[([^]]*)\]", steps[2])
        if mm:
            return ("milestone", mm.group(1))
    if first == "model" and m:
        return ("phase", m.group(2))
    return (first.split("[")[0],)


def record_of_key(key):
    if key[0] in ("item", "meeting", "person", "area", "milestone"):
        return key[:2]
    if key[0] == "phase":
        return key[:2]
    if key[0] == "model":
        return ("model",)
    return (key[0],)


def three_way(fb, fo, ft):
    out, disputed = {}, set()
    for k in set(fb) | set(fo) | set(ft):
        b, o, t = fb.get(k), fo.get(k), ft.get(k)
        if o == t:
            v = o
        elif o == b:
            v = t
        elif t == b:
            v = o
        else:
            disputed.add(k)
            v = o
        if v is not None:
            out[k] = v
    return out, disputed


def covered(key, conflicts):
    r = record_of_key(key)
    if r in conflicts:
        return True
    # an attendance is disputed with its person, a vote with its voter
    # or meeting (a removal the other side referred to)
    return any(x in conflicts for x in (("person", k) for k in key[2:])) or \
        any(("meeting", k) in conflicts for k in key[2:])


def check_merge(label, fb, fo, ft, fm, conflicts):
    want, disputed = three_way(fb, fo, ft)
    problems = []
    for k in disputed:
        if not covered(k, conflicts):
            problems.append("%s: both changed %r, no conflict" % (label, k))
    for k in set(want) | set(fm):
        if want.get(k) != fm.get(k) and not covered(k, conflicts):
            problems.append("%s: %r is %r, expected %r" % (
                label, k, fm.get(k), want.get(k)))
    return problems


RESOLVED = [0]


def scenario(seed, base_dir):
    rng = random.Random(seed)
    d = os.path.join(WORK, "s%d" % seed)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    origin = os.path.join(d, "origin")
    git(d, "init", "-q", "origin")
    shutil.copy(os.path.join(base_dir, "styr.xml"), origin)
    styr(origin, "git", "setup", check=True)
    git(origin, "add", "styr.xml", ".gitattributes")
    git(origin, "commit", "-qm", "base")
    sides, done = {}, {}
    for name in ("a", "b"):
        git(d, "clone", "-q", "origin", name)
        path = os.path.join(d, name)
        styr(path, "git", "setup", check=True)
        side = Side(path, name, rng)
        done[name] = [side.change() for _ in range(rng.randint(1, 10))]
        git(path, "commit", "-qam", "changes", "--allow-empty")
        sides[name] = path
    base_root = ET.parse(os.path.join(origin, "styr.xml")).getroot()
    base = {k: {e.get("id") for e in base_root.findall(p, NS)}
            for k, p in (("item", "r:items/r:item"),
                         ("person", "r:people/r:person"),
                         ("meeting", "r:meetings/r:meeting"))}
    pre = {n: os.path.join(d, n + ".pre.xml") for n in sides}
    for n in sides:
        shutil.copy(os.path.join(sides[n], "styr.xml"), pre[n])
    for n, other in (("a", "b"), ("b", "a")):
        git(sides[n], "fetch", "-q", "../" + other, "main:theirs")
    result, problems = {}, []
    for n in ("a", "b"):
        p = run(["git", "merge", "--no-edit", "theirs"], sides[n])
        st = run(["git", "status", "--porcelain"], sides[n]).stdout
        reg = os.path.join(sides[n], "styr.xml")
        conflicted = st.startswith("UU")
        if conflicted != (p.returncode != 0):
            problems.append("%s: git merge exit %d but status %r" % (
                n, p.returncode, st))
        v = run(["xmllint", "--noout", "--relaxng", RNG, reg], d)
        if v.returncode != 0:
            problems.append("%s: merged register invalid: %s" % (n, v.stderr))
            continue
        if styr(sides[n], "validate").returncode != 0:
            problems.append("%s: styr validate refuses the merge" % n)
        fm, cm = facts(reg, base)
        fb, _ = facts(os.path.join(origin, "styr.xml"), base)
        fo, _ = facts(pre[n], base)
        ft, _ = facts(pre["b" if n == "a" else "a"], base)
        if conflicted != bool(cm):
            problems.append("%s: git says conflicted=%s, register holds "
                            "%d conflicts" % (n, conflicted, len(cm)))
        problems += check_merge(n, fb, fo, ft, fm, cm)
        result[n] = (fm, cm)
        if cm:
            # Resolved as a person would: all ours or all theirs (the
            # other when the first would leave a reference dangling).
            sides_ = ["ours", "theirs"]
            rng.shuffle(sides_)
            ok = any(styr(sides[n], "conflicts", "resolve", "all",
                          s_).returncode == 0 for s_ in sides_)
            left = ET.parse(reg).getroot().find("r:conflicts", NS)
            if not ok or left is not None:
                problems.append("%s: the conflicts could not be resolved"
                                % n)
            elif run(["xmllint", "--noout", "--relaxng", RNG, reg],
                     d).returncode != 0:
                problems.append("%s: invalid after resolving" % n)
            else:
                RESOLVED[0] += len(cm)
                git(sides[n], "commit", "-qam", "resolved")
    if len(result) == 2:
        (fa, ca), (fbm, cb) = result["a"], result["b"]
        if ca != cb:
            problems.append("the two ways conflict on different records: "
                            "%r / %r" % (sorted(ca), sorted(cb)))
        for k in set(fa) | set(fbm):
            if fa.get(k) != fbm.get(k) and not covered(k, ca | cb):
                problems.append("the two ways differ on %r: %r / %r" % (
                    k, fa.get(k), fbm.get(k)))
    nconf = len(result.get("a", ({}, set()))[1])
    return problems, done, nconf


def main():
    base_dir = os.path.join(WORK, "base")
    shutil.rmtree(base_dir, ignore_errors=True)
    make_base(base_dir)
    failed = 0
    conflicts = 0
    for seed in range(FIRST, FIRST + COUNT):
        problems, done, nconf = scenario(seed, base_dir)
        conflicts += nconf
        if problems:
            failed += 1
            print("not ok %d - scenario %d" % (seed - FIRST + 1, seed))
            for side in ("a", "b"):
                for op, rc in done[side]:
                    print("#   %s: styr %s -> %d" % (side, op, rc))
            for p in problems[:20]:
                print("#   " + p)
            print("#   replay: STYR_MERGE_SEED=%d STYR_MERGE_COUNT=1 "
                  "make test T=t1110" % seed)
        else:
            shutil.rmtree(os.path.join(WORK, "s%d" % seed),
                          ignore_errors=True)
            print("ok %d - scenario %d (%d changes, %d conflicts)" % (
                seed - FIRST + 1, seed, len(done["a"]) + len(done["b"]),
                nconf))
    print("# %d scenarios, %d failed, %d conflicts recorded, %d resolved "
          "(both ways)" % (COUNT, failed, conflicts, RESOLVED[0]))
    print("1..%d" % COUNT)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
