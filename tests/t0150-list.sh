#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# list: filters that combine, sort orders with ties in id order, table,
# CSV, TSV and JSON output.
. "$(dirname "$0")/lib.sh"

# ids FORMAT-ARGS...: the ids `styr list` prints, on one line.
ids() { styr list "$@" | awk 'NR > 1 { printf "%s%s", sep, $1; sep = " " } END { print "" }'; }

# listed: reads cases "OPTIONS = IDS" from stdin; styr list OPTIONS must
# list IDS in that order.  Says which case did not.
listed() {
	while IFS= read -r _case; do
		_got=$(ids ${_case%% = *}) &&
		test "$_got" = "${_case#* = }" ||
			{ echo "list ${_case%% = *}: got '$_got'"; return 1; }
	done
}

# The items, worked out by hand (added in this order, so that file order is
# not id order):
#   id  area  burden (h/year)  baseline too-tight  votes      priority decision
#   D1  BOST  15*400/60 = 100  2                   3+1 = 4    remove   selected
#   G1  BOST  -                1                   0          -        -
#   R1  HJEM  30*100/60 = 50   3                   2          anchor   deferred
#   D2  HJEM  5*1200/60 = 100  0                   4          change   rejected
#   G2  -     1*60/60 = 1      2                   3          -        -
test_expect_success 'setup' '
	styr init --org "Odder Kommune" &&
	styr area add BOST "Bostøtte" &&
	styr area add HJEM "Hjemmepleje" &&
	styr add doc "Udredning" --area BOST >/dev/null &&
	styr add goal "Aktivt liv" --area BOST >/dev/null &&
	styr add rule "Timer pr. uge" --area HJEM >/dev/null &&
	styr add doc "Dagbog, \"daglig\"" --area HJEM >/dev/null &&
	styr add goal "Trivsel" >/dev/null &&
	styr burden D1 --minutes 15 --per-year 400 >/dev/null &&
	styr burden R1 --minutes 30 --per-year 100 >/dev/null &&
	styr burden D2 --minutes 5 --per-year 1200 >/dev/null &&
	styr burden G2 --minutes 1 --per-year 60 >/dev/null &&
	styr rate D1 too-tight && styr rate D1 too-tight &&
	styr rate D1 supportive && styr rate D1 too-tight --round followup &&
	styr rate G1 too-tight &&
	styr rate R1 too-tight && styr rate R1 too-tight && styr rate R1 too-tight &&
	styr rate D2 too-loose &&
	styr rate G2 too-tight && styr rate G2 too-tight &&
	item_append_xml D1 "<vote priority=\"remove\" count=\"3\"/><vote priority=\"change\" by=\"Bo\"/><priority value=\"remove\" date=\"2026-03-10\" by=\"W\">Spild</priority><decision value=\"selected\" date=\"2026-04-01\" by=\"S\">Ja</decision>" &&
	item_append_xml R1 "<vote priority=\"anchor\" count=\"2\"/><priority value=\"anchor\" date=\"2026-03-10\" by=\"W\"/><decision value=\"deferred\" date=\"2026-04-01\" by=\"S\"/>" &&
	item_append_xml D2 "<vote priority=\"change\" count=\"4\"/><priority value=\"change\" date=\"2026-03-10\" by=\"W\"/><decision value=\"rejected\" date=\"2026-04-01\" by=\"S\"/>" &&
	item_append_xml G2 "<vote priority=\"remove\" count=\"3\"/>" &&
	valid
'

test_expect_success 'list sorts by id by default: G, R, D, then number' '
	test "$(ids)" = "G1 G2 R1 D1 D2" &&
	test "$(ids --sort id)" = "G1 G2 R1 D1 D2"
'

test_expect_success 'list --sort burden: most hours first, ties in id order' '
	test "$(ids --sort burden)" = "D1 D2 R1 G2 G1"
'

test_expect_success 'list --sort votes: most votes first, ties in id order' '
	test "$(ids --sort votes)" = "D1 D2 G2 R1 G1"
'

test_expect_success 'list --sort tight: most too-tight (baseline) first' '
	test "$(ids --sort tight)" = "R1 G2 D1 G1 D2"
'

test_expect_success 'list filters: kind (with Danish aliases), area' '
	listed <<-\EOF
	--kind doc = D1 D2
	--kind dokumentation = D1 D2
	--kind mål = G1 G2
	--kind regel = R1
	--area BOST = G1 D1
	--area hjem = R1 D2
	EOF
'

test_expect_success 'list filters: priority and decision (Danish aliases)' '
	listed <<-\EOF
	--priority remove = D1
	--priority fjern = D1
	--priority forankre = R1
	--decision valgt = D1
	--decision udskudt = R1
	--decision rejected = D2
	EOF
'

test_expect_success 'list filters combine' '
	listed <<-\EOF
	--kind doc --area HJEM = D2
	--kind doc --sort tight = D1 D2
	--area BOST --sort burden = D1 G1
	EOF
'

test_expect_success 'no match: a friendly line on stderr, json []' '
	styr list --priority remove --area HJEM >out 2>err &&
	test ! -s out &&
	test_grep "no items match" err &&
	test "$(styr list --kind goal --decision valgt --format json)" = "[]"
'

test_expect_success 'list --phase: the phase an item was registered in' '
	cp styr.xml phase.xml &&
	sed -i "s/<model current=\"1\"/<model current=\"2\"/" phase.xml &&
	test "$(styr -f phase.xml add doc "Fundet i fase 2")" = D3 &&
	test "$(ids -f phase.xml --phase 2)" = "D3" &&
	test "$(ids -f phase.xml --phase 1)" = "G1 G2 R1 D1 D2" &&
	test "$(ids -f phase.xml --phase 3)" = ""
'

test_expect_success 'the table: columns, labels and numbers' '
	styr list >out &&
	test_grep "^ID  *Kind  *Area  *Title  *Too tight  *Hours/year  *Votes  *Proposal  *Decision$" out &&
	test_grep "^D1  *Documentation  *BOST  *Udredning  *2  *100.0  *4  *Remove  *Selected$" out &&
	test_grep "^G1  *Goal  *BOST  *Aktivt liv  *1  *-  *0  *-  *-$" out &&
	test_grep "^G2  *Goal  *-  *Trivsel  *2  *1.0  *3  *-  *-$" out &&
	test_grep "^R1  *Rule  *HJEM  *Timer pr. uge  *3  *50.0  *2  *Anchor  *Deferred$" out
'

test_expect_success 'the table truncates a long title; csv keeps it whole' '
	long="En meget lang titel der fylder langt mere end otteogfyrre tegn i alt" &&
	styr -f long.xml init --org X &&
	styr -f long.xml add doc "$long" >/dev/null &&
	styr -f long.xml list >out &&
	! grep -q "$long" out &&
	test_grep "En meget lang titel der fylder langt mere end o…" out &&
	styr -f long.xml list --format csv >out &&
	test_grep "$long" out
'

test_expect_success 'list --format csv: header, keywords, RFC 4180 quoting' '
	styr list --kind doc --format csv >out &&
	printf "%s\r\n" \
		"id,kind,area,title,too_tight,hours_per_year,votes,priority,decision" \
		"D1,doc,BOST,Udredning,2,100.0,4,remove,selected" \
		"D2,doc,HJEM,\"Dagbog, \"\"daglig\"\"\",0,100.0,4,change,rejected" >expect &&
	test_cmp expect out
'

test_expect_success 'list --format tsv' '
	styr list --kind goal --format tsv >out &&
	printf "%s\n" \
		"id	kind	area	title	too_tight	hours_per_year	votes	priority	decision" \
		"G1	goal	BOST	Aktivt liv	1		0		" \
		"G2	goal		Trivsel	2	1.0	3		" >expect &&
	test_cmp expect out
'

test_expect_success 'list --format json: an array of SPEC ITEMs in the chosen order' '
	styr list --format json --sort votes >out.json &&
	python3 -c "
import json
d = json.load(open(\"out.json\"))
assert [i[\"id\"] for i in d] == [\"D1\", \"D2\", \"G2\", \"R1\", \"G1\"], d
keys = {\"id\", \"kind\", \"title\", \"description\", \"area\", \"origin\",
        \"owner\", \"found\", \"source\", \"notes\", \"experience\", \"burden\",
        \"votes\", \"priority\", \"priority_reason\", \"decision\",
        \"decision_reason\", \"solution\"}
for i in d:
    assert keys <= set(i), keys - set(i)
d1 = d[0]
assert d1[\"burden\"][\"hours_per_year\"] == 100
assert d1[\"votes\"][\"remove\"] == 3 and d1[\"votes\"][\"change\"] == 1
assert d1[\"experience\"][\"baseline\"][\"too-tight\"] == 2
assert d1[\"experience\"][\"followup\"][\"too-tight\"] == 1
assert d1[\"priority\"] == \"remove\" and d1[\"priority_reason\"] == \"Spild\"
assert d1[\"decision\"] == \"selected\" and d1[\"decision_reason\"] == \"Ja\"
assert d[1][\"title\"] == \"Dagbog, \\\"daglig\\\"\", d[1][\"title\"]
assert d[4][\"burden\"] is None and d[4][\"priority\"] is None
"
'

test_expect_success 'list on an empty register' '
	styr -f empty.xml init --org X &&
	styr -f empty.xml list >out 2>err &&
	test ! -s out && test_grep "no items yet" err &&
	test "$(styr -f empty.xml list --format json)" = "[]" &&
	styr -f empty.xml list --format csv >out &&
	test "$(cat out)" = "$(printf "id,kind,area,title,too_tight,hours_per_year,votes,priority,decision\r")"
'

test_expect_success 'list: bad keywords are refused listing the words' '
	test_expect_code 1 styr list --kind widget 2>err &&
	test_grep "widget" err && test_grep "goal" err &&
	test_expect_code 1 styr list --priority maybe 2>err &&
	test_grep "anchor" err &&
	test_expect_code 1 styr list --decision yes 2>err &&
	test_grep "deferred" err &&
	test_expect_code 1 styr list --sort title 2>err &&
	test_grep "burden" err &&
	test_expect_code 2 styr list --format xml 2>err &&
	test_grep "csv" err
'

test_expect_success 'list: unknown area, phase; extra arguments' '
	test_expect_code 1 styr list --area NOPE 2>err &&
	test_grep "NOPE" err &&
	test_expect_code 1 styr list --phase 9 2>err &&
	test_grep "9" err &&
	test_expect_code 1 styr list --phase x 2>err &&
	test_expect_code 2 styr list doc 2>err
'

test_expect_success 'the table: kroner beside hours where a tariff is known, - for never rated' '
	styr -q -f kr.xml init --org X &&
	styr -q -f kr.xml add doc "Med timepris" &&
	styr -q -f kr.xml add doc "Uden timepris" &&
	styr -q -f kr.xml add doc "Vurderet" &&
	styr -q -f kr.xml burden D1 --minutes 30 --per-year 2400 --tariff 450 &&
	styr -q -f kr.xml burden D2 --minutes 30 --per-year 2400 &&
	styr -q -f kr.xml rate D3 supportive --respondent Anne --guest &&
	styr -f kr.xml list >out &&
	# 30 min x 2400 = 1200 hours; at 450 kr: 540,000 kr.
	test_grep "^D1  *Documentation  *-  *Med timepris  *-  *1200.0 (540,000 kr)  *0  *-  *-$" out &&
	test_grep "^D2  *Documentation  *-  *Uden timepris  *-  *1200.0  *0  *-  *-$" out &&
	test_grep "^D3  *Documentation  *-  *Vurderet  *0  *-  *0  *-  *-$" out &&
	LC_ALL=da_DK.UTF-8 styr -f kr.xml list >out &&
	test_grep "^D1  .*  1200,0 (540.000 kr.)  " out &&
	styr -f kr.xml list --format csv >out &&
	test_grep "^D1,doc,,Med timepris,0,1200.0,0,,.\?$" out
'

test_done
