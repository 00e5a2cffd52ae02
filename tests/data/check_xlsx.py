# SPDX-License-Identifier: GPL-3.0-or-later
# Reads an `export xlsx` workbook with openpyxl and checks it against
# `export csv` and `export json` of the same register (t1210):
#   check_xlsx.py BOOK.xlsx ITEMS.csv ALL.json LANG [lo | DANISH.csv]
# LANG da: the book was written under a Danish locale and its items sheet
# must hold what export csv writes under one (DANISH.csv: ';', decimal
# commas, the Danish words), the other sheets the Danish words too.
# "lo": BOOK is LibreOffice's conversion of an export (ODS to XLSX), made
# headless, which keeps no view and so no frozen panes; the ODS's own are
# checked in its settings.xml instead.
import csv
import datetime
import json
import sys

import openpyxl
from openpyxl.utils import get_column_letter

book, items_csv, all_json, lang = sys.argv[1:5]
by_lo = sys.argv[5:6] == ["lo"]
danish_csv = sys.argv[5] if lang == "da" else None
# The Danish words the sheets use, to their keys (src/vocab.c).
KEY = {"Før": "baseline", "Efter": "followup",
       "Understøttende": "supportive", "For stram": "too-tight",
       "For slap": "too-loose", "Fjerne": "remove", "Forandre": "change",
       "Forankre": "anchor", "Workshop": "workshop",
       "Styregruppemøde": "steering", "Prioritering": "prioritise",
       "Beslutning": "decide", "Løsning": "solution"}


def key(v):
    return KEY.get(v, v) if lang == "da" else v
wb = openpyxl.load_workbook(book)
names = {
    "en": ["Items", "Ratings", "Votes", "Meetings", "Decision log"],
    "da": ["Punkter", "Vurderinger", "Stemmer", "Møder", "Beslutningslog"],
}[lang]
assert wb.sheetnames == names, wb.sheetnames
items_ws, ratings_ws, votes_ws, meetings_ws, log_ws = (wb[n] for n in names)

# Every sheet: the header row frozen, a filter over the header and rows.
for ws in wb.worksheets:
    assert by_lo or ws.freeze_panes == "A2", (ws.title, ws.freeze_panes)
    want = "A1:%s%d" % (get_column_letter(ws.max_column), ws.max_row)
    assert ws.auto_filter.ref == want, (ws.title, ws.auto_filter.ref, want)


def rows(ws):
    return [list(r) for r in ws.iter_rows(values_only=True)]


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def is_date(v, iso):
    return isinstance(v, datetime.datetime) and v.date().isoformat() == iso


# --- Items: every column and value of export csv --------------------------
with open(items_csv, newline="", encoding="utf-8") as f:
    want = list(csv.reader(f))
head = want[0]
if danish_csv:
    with open(danish_csv, newline="", encoding="utf-8-sig") as f:
        want = list(csv.reader(f, delimiter=";"))
got = rows(items_ws)
assert len(got) == len(want), (len(got), len(want))
assert len(got[0]) == len(head), (got[0], head)
if lang == "en":
    assert got[0] == head, got[0]
else:
    assert got[0] == want[0], (got[0], want[0])
    da = dict(zip(head, got[0]))
    # The Danish names export csv writes under a Danish locale.
    assert da["title"] == "Titel" and da["minutes"] == "Minutter", da
    assert da["area_name"] == "Områdenavn", da
    assert da["votes_remove"] == "Stemmer fjerne", da
numbers = {"minutes", "per_year", "staff", "tariff", "votes_remove",
           "votes_change", "votes_anchor"}
dates = {"evaluate_by", "priority_date", "decision_date"}
seen_number = seen_date = 0
for r, (w, g) in enumerate(zip(want[1:], got[1:]), start=2):
    for name, s, v in zip(head, w, g):
        where = "%s row %d: %r vs %r" % (name, r, s, v)
        if s == "":
            assert v is None, where
        elif name in numbers:
            assert is_number(v) and v == float(s.replace(",", ".")), where
            seen_number += 1
        elif name in dates:
            assert is_date(v, s), where
            cell = items_ws.cell(row=r, column=head.index(name) + 1)
            fmt = cell.number_format.replace("\\", "").lower()
            assert fmt == "yyyy-mm-dd", cell.number_format
            seen_date += 1
        else:
            assert v == s, where
assert seen_number and seen_date >= 3, (seen_number, seen_date)

# --- The other sheets, against export json --------------------------------
d = json.load(open(all_json, encoding="utf-8"))
people = {p["id"]: p["name"] for p in d["people"]}
items = {i["id"]: i for i in d["items"]}

rat = rows(ratings_ws)[1:]
counts = {}
rat = [[key(v) for v in r] for r in rat]
for item, title, rnd, exp, who, date in rat:
    assert items[item]["title"] == title
    assert who is None or who in people.values(), who
    assert isinstance(date, datetime.datetime), date
    counts[(item, rnd, exp)] = counts.get((item, rnd, exp), 0) + 1
for i in d["items"]:
    for rnd, by in i["experience"].items():
        for exp, n in by.items():
            assert counts.get((i["id"], rnd, exp), 0) == n, (i["id"], rnd, exp)
assert ["D1", "Udredning & <VUM>", "baseline", "too-tight", "Anne Agent",
        datetime.datetime(2026, 1, 5)] in rat, rat
assert ["D1", "Udredning & <VUM>", "baseline", "too-loose", None,
        datetime.datetime(2026, 1, 7)] in rat, rat

vot = [[key(v) for v in r] for r in rows(votes_ws)[1:]]
tally = {}
for item, title, prio, by, count, meeting, date in vot:
    assert is_number(count) and count >= 1, count
    assert isinstance(date, datetime.datetime), date
    tally[(item, prio)] = tally.get((item, prio), 0) + count
for i in d["items"]:
    for prio in ("remove", "change", "anchor"):
        assert tally.get((i["id"], prio), 0) == i["votes"][prio], (i["id"], prio)
assert ["D1", "Udredning & <VUM>", "change", "Bo Leder", 1, "M1",
        datetime.datetime(2026, 3, 1)] in vot, vot
assert ["R1", "Timer pr. uge", "change", None, 3, "M1",
        datetime.datetime(2026, 3, 1)] in vot, vot

mee = rows(meetings_ws)[1:]
assert len(mee) == len(d["meetings"])
for m, row in zip(d["meetings"], mee):
    mid, date, kind, phase, title, n, names_ = row
    assert (mid, key(kind), title) == (m["id"], m["kind"], m["title"]), row
    assert is_date(date, m["date"]), row
    assert is_number(phase) and phase == m["phase"], row
    assert is_number(n) and n == len(m["attendees"]), row
    assert (names_ or "") == "; ".join(people[p] for p in m["attendees"]), row

log = rows(log_ws)[1:]
got_log = [(key(r[3]), r[4], r[0].date().isoformat()) for r in log]
assert got_log == [("prioritise", "R1", "2026-03-02"),
                   ("decide", "R1", "2026-03-15"),
                   ("solution", "R1", "2026-04-01")], got_log
for r in log:
    assert r[2] == "tester" and r[5] == "Timer pr. uge" and r[6], r
    assert isinstance(r[1], str) and r[1].endswith("Z"), r
print("ok", book, len(got) - 1, "items")
