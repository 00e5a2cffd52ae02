#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# styr conflicts --format: the open conflicts as a table for people and as
# CSV, TSV and JSON for scripts, with the keys of export json's
# "conflicts".  The values expected are the scenario's own, typed here.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup: a merge with three conflicts of three shapes' '
	styr -q -f base.xml init --org "Odder Kommune" &&
	styr -q -f base.xml add goal "Borgeren i centrum" >/dev/null &&
	styr -q -f base.xml area add BOST "Bostøtte" &&
	cp base.xml ours.xml && cp base.xml theirs.xml &&
	styr -q -f ours.xml edit G1 --title "Vores titel" &&
	styr -q -f theirs.xml edit G1 --title "Deres titel" &&
	styr -q -f ours.xml edit G1 --origin law &&
	styr -q -f theirs.xml edit G1 --origin council &&
	styr -q -f ours.xml area rename BOST "Bostøtte, ny" &&
	styr -q -f theirs.xml area rename BOST "Botilbud" &&
	test_expect_code 1 styr merge ours.xml base.xml theirs.xml 2>err &&
	valid ours.xml
'

test_expect_success '--format json: one object per conflict, stable keys' '
	styr -f ours.xml conflicts --format json >out.json &&
	python3 - out.json <<-\EOF
	import json, sys
	got = json.loads(open(sys.argv[1], encoding="utf-8").read())
	want = [
	    {"id": "C1", "kind": "both-changed", "at": "/areas/area[BOST]/#text",
	     "ref": "BOST", "what": "area BOST: name", "base": "Bostøtte",
	     "ours": "Bostøtte, ny", "theirs": "Botilbud"},
	    {"id": "C2", "kind": "both-changed", "at": "/items/item[G1]/@origin",
	     "ref": "G1", "what": "G1: origin", "base": None, "ours": "law",
	     "theirs": "council"},
	    {"id": "C3", "kind": "both-changed", "at": "/items/item[G1]/title",
	     "ref": "G1", "what": "G1: title",
	     "base": "<title>Borgeren i centrum</title>",
	     "ours": "<title>Vores titel</title>",
	     "theirs": "<title>Deres titel</title>"},
	]
	assert got == want, got
	for c in got:
	    assert list(c) == ["id", "kind", "at", "ref", "what", "base", "ours", "theirs"], list(c)
	EOF
'

test_expect_success 'the same keys and values as export json' '
	styr -f ours.xml export json 2>/dev/null >all.json &&
	styr -f ours.xml conflicts list -F json >out.json &&
	python3 -c "
import json, sys
a = json.load(open(\"all.json\", encoding=\"utf-8\"))[\"conflicts\"]
b = json.load(open(\"out.json\", encoding=\"utf-8\"))
assert a == b, (a, b)
"
'

test_expect_success '--format csv and tsv: a header of the keys, a row each' '
	styr -f ours.xml conflicts --format csv >out.csv &&
	python3 - out.csv <<-\EOF
	import csv, sys
	rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
	assert rows[0] == ["id", "kind", "at", "ref", "what", "base", "ours", "theirs"], rows[0]
	assert len(rows) == 4, rows
	assert rows[1] == ["C1", "both-changed", "/areas/area[BOST]/#text", "BOST",
	                   "area BOST: name", "Bostøtte", "Bostøtte, ny", "Botilbud"], rows[1]
	assert rows[2][5] == "" and rows[2][6:] == ["law", "council"], rows[2]
	EOF
	styr -f ours.xml conflicts --format tsv >out.tsv &&
	test "$(sed -n 3p out.tsv)" = "$(printf "C2\tboth-changed\t/items/item[G1]/@origin\tG1\tG1: origin\t\tlaw\tcouncil")"
'

test_expect_success '--format table: one line each, values in words' '
	styr -f ours.xml conflicts --format table >out &&
	test "$(wc -l <out)" = 4 &&
	head -1 out >hdr &&
	test_grep "^ID  *What  *Kind  *base  *ours  *theirs$" hdr &&
	test_grep "^C3  *G1: title  *both sides changed it  *.Borgeren i centrum.  *.Vores titel.  *.Deres titel.$" out &&
	test_grep "^C2  *G1: origin  *both sides changed it  *law  *council$" out
'

test_expect_success 'the default is still the listing, and no conflicts is [] in JSON' '
	styr -f ours.xml conflicts >out &&
	test_grep "^C3  G1: title (both sides changed it)$" out &&
	test_grep "^    ours    .Vores titel.$" out &&
	styr -f base.xml conflicts --format json >out.json &&
	python3 -c "import json; assert json.load(open(\"out.json\")) == []" &&
	styr -f base.xml conflicts --format csv >out.csv &&
	test "$(cat out.csv | tr -d "\r")" = "id,kind,at,ref,what,base,ours,theirs" &&
	styr -f base.xml conflicts --format table 2>err >out &&
	! test -s out &&
	test_grep "no open conflicts" err
'

test_expect_success 'an unknown format is a usage error naming the formats' '
	test_expect_code 2 styr -f ours.xml conflicts --format xml 2>err &&
	test_grep "unknown format .xml. (use one of: text, table, csv, tsv, json)" err &&
	test_expect_code 2 styr -f ours.xml conflicts resolve C1 ours --format json 2>err
'

test_expect_success 'the table in Danish' '
	LC_ALL=da_DK.UTF-8 styr -f ours.xml conflicts -F table >out &&
	test_grep "^ID  *Hvad  *Type  *grundlag  *vores  *deres$" out
'

test_done
