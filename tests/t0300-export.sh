#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# export: the whole register as CSV (RFC 4180, CRLF) and as JSON in the
# shape SPEC section 3 fixes; -o writes a file atomically.
. "$(dirname "$0")/lib.sh"

test_expect_success 'set-up: items with every kind of data' '
	styr init --org "Odder Kommune" --title "Nybureaukratisering" &&
	styr area add A "Bostøtte" 2>/dev/null &&
	styr person add Anne --role agent >/dev/null &&
	styr meeting add workshop "Prioriteringsworkshop" --date 2026-03-01 \
		>/dev/null &&
	styr meeting attend M1 Anne 2>/dev/null &&
	styr add goal "Aktivt medborgerskab" --desc "Borgeren deltager" \
		--area A --origin lovkrav --found interview \
		--owner Myndighed --source "SEL § 85" >/dev/null &&
	styr add rule "Visitation, hver uge" >/dev/null &&
	styr add doc "Skriv \"kort\"" --desc "$(printf "to\nlinjer")" \
		>/dev/null &&
	styr note G1 "Det tager for lang tid" --method interview \
		--date 2026-02-01 2>/dev/null &&
	styr rate G1 too-tight --respondent Bo --guest 2>/dev/null &&
	styr rate G1 too-tight --respondent Eva --guest 2>/dev/null &&
	styr burden G1 --minutes 15 --per-year 400 --staff 6 --tariff 450 \
		>/dev/null &&
	styr burden R1 --minutes 2.5 --per-year 1000 >/dev/null &&
	styr vote G1 remove --count 3 2>/dev/null &&
	styr vote G1 change --by Anne --meeting M1 2>/dev/null &&
	styr prioritise G1 change --why "loven står fast" 2>/dev/null &&
	styr decide G1 selected --why "et godt sted at starte" 2>/dev/null &&
	styr solution G1 --status pilot --criteria "færre timer" \
		--evaluate-by 2027-01-01 2>/dev/null
'

# The CSV worked out by hand: 24 columns, numbers plain, empty when absent,
# quotes doubled, the record ends CRLF (crlf, in lib.sh) while the newline
# inside D1 stays.

test_expect_success 'export csv: a header row and one row per item' '
	today=$(date -u +%F) &&
	{
		crlf "id,kind,title,description,area,area_name,origin,owner,found,source,minutes,per_year,staff,tariff,votes_remove,votes_change,votes_anchor,priority,priority_reason,decision,decision_reason,solution,criteria,evaluate_by,priority_date,priority_by,decision_date,decision_by" \
		     "G1,goal,Aktivt medborgerskab,Borgeren deltager,A,Bostøtte,law,Myndighed,interview,SEL § 85,15,400,6,450,3,1,0,change,loven står fast,selected,et godt sted at starte,pilot,færre timer,2027-01-01,$today,tester,$today,tester" \
		     "R1,rule,\"Visitation, hver uge\",,,,,,,,2.5,1000,,,0,0,0,,,,,,,,,,," &&
		printf "D1,doc,\"Skriv \"\"kort\"\"\",\"to\nlinjer\",,,,,,,,,,,0,0,0,,,,,,,,,,,\r\n"
	} >expect &&
	styr export csv >out &&
	test_cmp expect out
'

test_expect_success 'export csv -o FILE writes the same to the file' '
	styr export csv -o items.csv >out &&
	test ! -s out &&
	test_cmp expect items.csv
'

test_expect_success 'an existing export is replaced, not appended to' '
	echo "old content" >items.csv &&
	styr export csv -o items.csv &&
	test_cmp expect items.csv
'

test_expect_success 'an export keeps the mode of the file it replaces' '
	chmod 640 items.csv &&
	styr export csv -o items.csv &&
	test "$(stat -c %a items.csv)" = 640
'

test_expect_success 'no temporary file is left beside the export' '
	ls >files &&
	! grep "items.csv\." files
'

test_expect_success 'a directory that does not exist: exit 1, names the file' '
	test_expect_code 1 styr export csv -o nodir/items.csv 2>err &&
	test_grep "nodir/items.csv" err &&
	test ! -e nodir
'

# ulimit -f: the file may not grow past 512 bytes (the JSON is longer,
# the message shorter), so a write fails as on a full disk.
test_expect_success 'a write error: exit 1, names the file, nothing left' '
	rm -f big.csv &&
	( trap "" XFSZ; ulimit -f 1; styr export json -o big.csv ) 2>err;
	test $? = 1 &&
	test_grep "big.csv: cannot write" err &&
	ls >files &&
	! grep "big.csv" files
'

test_expect_success 'a directory in the way: exit 1, the temporary file removed' '
	mkdir taken &&
	test_expect_code 1 styr export csv -o taken 2>err &&
	test_grep "taken" err &&
	ls >files &&
	! grep "taken\." files
'

test_expect_success 'exporting over the register itself is refused' '
	cp styr.xml before.xml &&
	test_expect_code 1 styr export json -o styr.xml 2>err &&
	test_grep "register itself" err &&
	test_cmp before.xml styr.xml
'

cat >check_json.py <<'EOF'
import json, sys

d = json.load(open(sys.argv[1]))

def keys(obj, want, what):
    missing = set(want.split()) - set(obj)
    assert not missing, "%s lacks %s" % (what, sorted(missing))

keys(d, "format version organisation title current_phase phases areas "
        "people meetings items", "the register")
assert d["format"] == "styr" and d["version"] == 1
assert d["organisation"] == "Odder Kommune"
assert d["title"] == "Nybureaukratisering"
assert d["current_phase"] == 1
assert len(d["phases"]) == 6
for p in d["phases"]:
    keys(p, "number name status milestones", "a phase")
    for m in p["milestones"]:
        keys(m, "id title done", "a milestone")
assert d["phases"][0]["name"] == "Opbakning og organisering"
assert d["phases"][0]["status"] == "active"
assert d["phases"][1]["status"] == "not-started"
assert d["phases"][0]["milestones"][0]["id"] == "1.1"
assert d["phases"][0]["milestones"][0]["done"] is None
assert d["areas"] == [{"id": "A", "name": "Bostøtte"}]
keys(d["people"][0], "id name role", "a person")
assert (d["people"][0]["id"], d["people"][0]["name"],
        d["people"][0]["role"]) == ("P1", "Anne", "agent")
m = d["meetings"][0]
keys(m, "id kind title date phase attendees", "a meeting")
assert (m["id"], m["kind"], m["date"], m["phase"], m["attendees"]) == \
    ("M1", "workshop", "2026-03-01", 1, ["P1"])

items = {i["id"]: i for i in d["items"]}
assert list(items) == ["G1", "R1", "D1"]
for i in d["items"]:
    keys(i, "id kind title description area origin owner found source "
            "notes experience burden votes priority priority_reason "
            "decision decision_reason solution", "item " + i["id"])
    for r in ("baseline", "followup"):
        keys(i["experience"][r], "supportive too-tight too-loose",
             "experience")
    keys(i["votes"], "remove change anchor", "votes")
g = items["G1"]
assert g["kind"] == "goal" and g["area"] == "A" and g["origin"] == "law"
assert g["owner"] == "Myndighed" and g["found"] == "interview"
assert g["source"] == "SEL § 85"
assert g["notes"] == [{"text": "Det tager for lang tid",
                       "method": "interview", "by": "tester",
                       "date": "2026-02-01"}], g["notes"]
assert g["experience"]["baseline"] == \
    {"supportive": 0, "too-tight": 2, "too-loose": 0}
b = g["burden"]
keys(b, "minutes per_year staff hours_per_year tariff cost_per_year",
     "burden")
assert (b["minutes"], b["per_year"], b["staff"], b["hours_per_year"],
        b["tariff"], b["cost_per_year"]) == (15, 400, 6, 100, 450, 45000)
assert (g["votes"]["remove"], g["votes"]["change"],
        g["votes"]["anchor"]) == (3, 1, 0)
assert g["priority"] == "change"
assert g["priority_reason"] == "loven står fast"
assert g["decision"] == "selected"
assert g["decision_reason"] == "et godt sted at starte"
keys(g["solution"], "status criteria evaluate_by", "solution")
assert (g["solution"]["status"], g["solution"]["criteria"],
        g["solution"]["evaluate_by"]) == \
    ("pilot", "færre timer", "2027-01-01")
r = items["R1"]
assert r["area"] is None and r["origin"] is None
assert r["burden"]["hours_per_year"] == 2.5 * 1000 / 60  # full precision
assert r["burden"]["cost_per_year"] is None
assert r["priority"] is None and r["decision"] is None
assert r["solution"] is None
assert items["D1"]["burden"] is None
assert items["D1"]["description"] == "to\nlinjer"
assert items["D1"]["title"] == 'Skriv "kort"'
EOF

test_expect_success 'export json has the keys and values SPEC fixes' '
	styr export json >out.json &&
	python3 check_json.py out.json
'

test_expect_success 'export json -o FILE writes the same document' '
	styr export json -o file.json &&
	test_cmp out.json file.json
'

test_expect_success 'an unknown format is a usage error' '
	test_expect_code 2 styr export xml 2>err &&
	test_grep "xml" err &&
	test_expect_code 2 styr export 2>err
'

test_expect_success 'no register: exit 3 naming it' '
	test_expect_code 3 styr -f none.xml export csv 2>err &&
	test_grep "none.xml" err
'

test_expect_success 'an empty register exports a header row only' '
	styr -f empty.xml init --org X &&
	styr -f empty.xml export csv >out &&
	test "$(wc -l <out)" = 1 &&
	head -n 1 expect >want &&
	test_cmp want out
'

test_done
