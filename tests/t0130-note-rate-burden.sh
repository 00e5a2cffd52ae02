#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# note, rate and burden: what the mapping found about an item.
. "$(dirname "$0")/lib.sh"

# item_json ID EXPR: evaluates the Python expression EXPR on `show --format
# json` of ID (as d); fails unless it is true.
item_json() {
	styr show "$1" --format json >item.json &&
	python3 -c "
import json, sys
d = json.load(open('item.json'))
if not ($2):
    sys.exit('not true: $2 in ' + json.dumps(d))
"
}

test_expect_success 'setup' '
	styr init --org "Odder Kommune" --title "Projekt" &&
	styr add doc "Udredning" >/dev/null &&
	styr add rule "Timer" >/dev/null
'

test_expect_success 'note stores text, method, author and date' '
	styr --by "Anne Agent" note D1 "Det tager en hel dag" \
		--method interview --date 2026-03-01 &&
	test_grep "<note by=\"Anne Agent\" method=\"interview\" date=\"2026-03-01\">Det tager en hel dag</note>" styr.xml &&
	test_grep "action=\"note\" ref=\"D1\"" styr.xml &&
	valid
'

test_expect_success 'note: date defaults to today, method alias, author from STYR_USER' '
	styr note D1 "Skemaet findes i tre udgaver" --method dokument &&
	today=$(date +%Y-%m-%d) &&
	test_grep "<note by=\"tester\" method=\"document\" date=\"$today\">Skemaet" styr.xml
'

test_expect_success 'note: notes keep their order, before ratings' '
	styr rate D1 too-tight &&
	styr note D1 "Tredje note" &&
	item_json D1 "[n[\"text\"] for n in d[\"notes\"]] == [\"Det tager en hel dag\", \"Skemaet findes i tre udgaver\", \"Tredje note\"]" &&
	valid
'

test_expect_success 'note: bad method, date, text and id are refused' '
	cp styr.xml before.xml &&
	test_expect_code 1 styr note D1 "x" --method telepathy 2>err &&
	test_grep "telepathy" err && test_grep "interview" err &&
	test_expect_code 1 styr note D1 "x" --date 2026-02-30 2>err &&
	test_grep "2026-02-30" err &&
	test_expect_code 1 styr note D1 "" 2>err &&
	test_expect_code 1 styr note D1 "$(printf "bad\001")" 2>err &&
	test_expect_code 1 styr note D9 "x" 2>err &&
	test_grep "D9" err &&
	test_expect_code 2 styr note D1 2>err &&
	test_expect_code 2 styr note 2>err &&
	test_cmp before.xml styr.xml
'

test_expect_success 'rate: respondent, anonymous and Danish aliases' '
	styr rate R1 too-tight --respondent Anne --guest 2>err &&
	test_grep "^R1: rating .Too tight. (Baseline) recorded$" err &&
	! grep "too-tight\|baseline" err &&
	test_grep "rating (Baseline) by Anne: .Too tight.</what>" styr.xml &&
	styr rate R1 for-stram &&
	styr rate R1 understøttende --respondent Bo --guest &&
	styr rate R1 for-slap &&
	item_json R1 "d[\"experience\"][\"baseline\"] == {\"supportive\": 1, \"too-tight\": 2, \"too-loose\": 1}" &&
	item_json R1 "d[\"experience\"][\"followup\"] == {\"supportive\": 0, \"too-tight\": 0, \"too-loose\": 0}" &&
	test_grep "<rating round=\"baseline\" experience=\"too-tight\" respondent=\"Anne\" date=\"" styr.xml &&
	valid
'

test_expect_success 'rate: a second rating by the same respondent replaces the first' '
	styr rate R1 supportive --respondent Anne --guest 2>err &&
	test_grep "Anne" err && test_grep "replaced" err &&
	item_json R1 "d[\"experience\"][\"baseline\"] == {\"supportive\": 2, \"too-tight\": 1, \"too-loose\": 1}" &&
	test "$(grep -c "respondent=\"Anne\"" styr.xml)" = 1 &&
	test_grep "R1: the earlier rating (Baseline) by Anne, .Too tight., is replaced by .Supportive." err &&
	test_grep "rating (Baseline) by Anne: .Too tight. -&gt; .Supportive." styr.xml
'

test_expect_success 'rate: the same respondent in another round is a new rating' '
	styr rate R1 too-loose --respondent Anne --guest --round efter 2>err &&
	! grep -q replaced err &&
	styr rate R1 too-tight --respondent Anne --guest --round followup 2>err &&
	test_grep "replaced" err &&
	item_json R1 "d[\"experience\"][\"followup\"] == {\"supportive\": 0, \"too-tight\": 1, \"too-loose\": 0}" &&
	item_json R1 "d[\"experience\"][\"baseline\"][\"supportive\"] == 2"
'

test_expect_success 'rate: anonymous ratings add up' '
	styr rate R1 for-stram &&
	styr rate R1 for-stram &&
	item_json R1 "d[\"experience\"][\"baseline\"][\"too-tight\"] == 3"
'

test_expect_success 'rate: bad experience, round, id are refused' '
	cp styr.xml before.xml &&
	test_expect_code 1 styr rate R1 great 2>err &&
	test_grep "great" err && test_grep "too-tight" err &&
	test_expect_code 1 styr rate R1 supportive --round later 2>err &&
	test_grep "later" err && test_grep "baseline" err &&
	test_expect_code 1 styr rate R7 supportive 2>err &&
	test_grep "R7" err &&
	test_expect_code 1 styr rate R1 supportive --respondent "" 2>err &&
	test_expect_code 2 styr rate R1 2>err &&
	test_expect_code 2 styr rate 2>err &&
	test_cmp before.xml styr.xml
'

test_expect_success 'burden: hours per year and per person, no tariff yet' '
	styr burden D1 --minutes 15 --per-year 400 --staff 6 >out &&
	echo "D1: 100.0 hours per year, 16.67 per person" >expect &&
	test_cmp expect out &&
	test_grep "<burden minutes=\"15\" per-year=\"400\" staff=\"6\"/>" styr.xml &&
	item_json D1 "d[\"burden\"][\"hours_per_year\"] == 100 and d[\"burden\"][\"cost_per_year\"] is None" &&
	valid
'

test_expect_success 'burden --default-tariff goes after the title; cost appears' '
	styr burden --default-tariff 450 2>err &&
	test_grep "450" err &&
	test_grep "<settings tariff=\"450\"/>" styr.xml &&
	python3 -c "
import xml.etree.ElementTree as ET
root = ET.parse(\"styr.xml\").getroot()
tags = [c.tag.split(\"}\")[1] for c in root]
assert tags[:4] == [\"organisation\", \"title\", \"settings\", \"model\"], tags
" &&
	valid &&
	item_json D1 "d[\"burden\"][\"tariff\"] == 450 and d[\"burden\"][\"cost_per_year\"] == 45000"
'

test_expect_success 'burden replaces the estimate; decimals with a comma' '
	styr burden D1 --minutes 7,5 --per-year 100 >out &&
	echo "D1: 12.5 hours per year, 5625 kr per year (at 450 kr per hour)" >expect &&
	test_cmp expect out &&
	test "$(grep -c "<burden " styr.xml)" = 1 &&
	test_grep "<burden minutes=\"7.5\" per-year=\"100\"/>" styr.xml
'

test_expect_success 'burden: the item tariff wins over the default' '
	styr burden D1 --minutes 30 --per-year 10.5 --staff 3 --tariff 300,5 >out &&
	echo "D1: 5.25 hours per year, 1.75 per person, 1577.63 kr per year (at 300.5 kr per hour)" >expect &&
	test_cmp expect out &&
	item_json D1 "d[\"burden\"][\"tariff\"] == 300.5 and d[\"burden\"][\"staff\"] == 3"
'

test_expect_success 'burden: the burden element keeps its place among the others' '
	styr rate D1 supportive --respondent Carl --guest &&
	styr note D1 "Efter byrden" &&
	valid
'

test_expect_success 'burden --default-tariff: the same value changes nothing' '
	test_unchanged "^the default tariff is 450 kr per hour already; nothing changed$" styr burden --default-tariff 450,0
'

test_expect_success 'burden --default-tariff 0 removes the setting' '
	styr burden --default-tariff 0 &&
	! grep -q "<settings" styr.xml &&
	valid &&
	test_unchanged "^there is no default tariff; nothing changed$" styr burden --default-tariff ""
'

test_expect_success 'burden --default-tariff without a project title' '
	styr -f notitle.xml init --org X &&
	styr -f notitle.xml burden --default-tariff 500 &&
	python3 -c "
import xml.etree.ElementTree as ET
root = ET.parse(\"notitle.xml\").getroot()
tags = [c.tag.split(\"}\")[1] for c in root]
assert tags[:3] == [\"organisation\", \"settings\", \"model\"], tags
" &&
	valid notitle.xml
'

test_expect_success 'burden: bad numbers and unknown ids are refused' '
	cp styr.xml before.xml &&
	test_expect_code 1 styr burden D1 --minutes abc --per-year 4 2>err &&
	test_grep "abc" err &&
	test_expect_code 1 styr burden D1 --minutes -5 --per-year 4 2>err &&
	test_expect_code 1 styr burden D1 --minutes 5 --per-year 1e3 2>err &&
	test_expect_code 1 styr burden D1 --minutes 5 --per-year 4 --staff 0 2>err &&
	test_grep "staff" err &&
	test_expect_code 1 styr burden D1 --minutes 5 --per-year 4 --tariff x 2>err &&
	test_expect_code 1 styr burden D1 --minutes 1,2,3 --per-year 4 2>err &&
	test_expect_code 1 styr burden G5 --minutes 5 --per-year 4 2>err &&
	test_grep "G5" err &&
	test_expect_code 1 styr burden --default-tariff lots 2>err &&
	test_cmp before.xml styr.xml
'

test_expect_success 'burden: usage errors exit 2' '
	cp styr.xml before.xml &&
	test_expect_code 2 styr burden D1 --minutes 5 2>err &&
	test_grep "per-year" err &&
	test_expect_code 2 styr burden D1 --per-year 5 2>err &&
	test_expect_code 2 styr burden 2>err &&
	test_expect_code 2 styr burden D1 --default-tariff 4 2>err &&
	test_expect_code 2 styr burden --minutes 5 --per-year 4 2>err &&
	test_cmp before.xml styr.xml
'

test_done
