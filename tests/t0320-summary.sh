#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# summary: the register in numbers for a steering group, as text and JSON.
. "$(dirname "$0")/lib.sh"

test_expect_success 'an empty register sums up to nothing' '
	styr init --org "Odder Kommune" --title "Nybureaukratisering" &&
	styr summary >out &&
	test_grep "^Odder Kommune: Nybureaukratisering$" out &&
	test_grep "^Phase 1 of 6: Support and organisation (0 of 3 milestones done)$" out &&
	test_grep "^Items in the register: 0$" out &&
	styr summary --format json >out.json &&
	python3 -c "
import json
d = json.load(open(\"out.json\"))
assert d[\"items\"] == 0, d
assert d[\"by_kind\"] == {\"goal\": 0, \"rule\": 0, \"doc\": 0}, d
assert d[\"by_priority\"][\"none\"] == 0
assert d[\"burden_hours_per_year\"] == 0
assert d[\"current_phase\"] == 1
"
'

test_expect_success 'set-up: four items, ratings, priorities, decisions, burden' '
	styr add goal "Aktivt medborgerskab" >/dev/null &&
	styr add rule "Visitation" >/dev/null &&
	styr add doc "Statistik" >/dev/null &&
	styr add doc "Kørselsregnskab" >/dev/null &&
	styr rate G1 too-tight --respondent Bo --guest 2>/dev/null &&
	styr rate G1 too-tight --respondent Eva --guest 2>/dev/null &&
	styr rate R1 supportive --respondent Bo --guest 2>/dev/null &&
	styr rate D1 too-loose 2>/dev/null &&
	styr rate G1 supportive --round followup --respondent Bo --guest 2>/dev/null &&
	styr prioritise G1 change 2>/dev/null &&
	styr prioritise R1 remove 2>/dev/null &&
	styr prioritise D1 remove 2>/dev/null &&
	styr decide G1 selected 2>/dev/null &&
	styr decide R1 rejected 2>/dev/null &&
	styr burden G1 --minutes 15 --per-year 400 --tariff 450 >/dev/null &&
	styr burden R1 --minutes 30 --per-year 10 >/dev/null &&
	styr phase done 1 --force 2>/dev/null &&
	styr phase start 2 2>/dev/null
'

# By hand: kinds 1/1/2; baseline ratings 1 supportive, 2 too tight,
# 1 too loose (the follow-up one does not count); proposals change 1,
# remove 2, none 1; decisions selected 1, rejected 1, none 2; burden
# 15*400/60 = 100 plus 30*10/60 = 5 hours, and 100*450 = 45000 kr for the
# one item with a tariff.
test_expect_success 'summary --format json: the counts SPEC names' '
	styr summary --format json >out.json &&
	python3 -c "
import json
d = json.load(open(\"out.json\"))
assert d[\"items\"] == 4, d
assert d[\"by_kind\"] == {\"goal\": 1, \"rule\": 1, \"doc\": 2}, d
assert d[\"by_experience\"] == {\"supportive\": 1, \"too-tight\": 2,
                              \"too-loose\": 1}, d
assert d[\"by_priority\"] == {\"remove\": 2, \"change\": 1, \"anchor\": 0,
                            \"none\": 1}, d
assert d[\"by_decision\"] == {\"selected\": 1, \"deferred\": 0,
                            \"rejected\": 1, \"none\": 2}, d
assert d[\"burden_hours_per_year\"] == 105, d
assert d[\"cost_per_year\"] == 45000, d
assert d[\"current_phase\"] == 2, d
assert d[\"current_phase_name\"] == \"Fælles sprog og kompetence\", d
"
'

test_expect_success 'summary as text: phase, counts with labels, burden' '
	styr summary >out &&
	test_grep "^Phase 2 of 6: Common language and competence (0 of 3 milestones done)$" out &&
	test_grep "^Items in the register: 4$" out &&
	test_grep -E "^  Goal +1$" out &&
	test_grep -E "^  Documentation +2$" out &&
	test_grep -E "^  Too tight +2$" out &&
	test_grep -E "^  Remove +2$" out &&
	test_grep -E "^  Selected +1$" out &&
	test_grep -E "^  None +2$" out &&
	test_grep "^Burden: 105.0 hours per year, estimated for 2 of 4 items$" out &&
	test_grep "^Cost: 45,000 kr per year, counting only the items with a known hourly rate (1 of 2)$" out
'

test_expect_success 'with a default tariff every estimate has a cost' '
	styr burden --default-tariff 300 >/dev/null 2>&1 &&
	styr summary >out &&
	test_grep "^Cost: 46,500 kr per year$" out
'

test_expect_success 'an unknown format is a usage error' '
	test_expect_code 2 styr summary --format table 2>err &&
	test_grep "table" err
'

test_expect_success 'no register: exit 3 naming it' '
	test_expect_code 3 styr -f none.xml summary 2>err &&
	test_grep "none.xml" err
'

test_done
