#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# One person, one vote (SPEC section 7): voters and respondents are matched
# to the people list by id or by name (NFC, case folded, white space
# collapsed); guests only with --guest; one vote per person, item and
# workshop; votes belong to workshops.
. "$(dirname "$0")/lib.sh"

# Votes on ITEM: the <vote .../> lines; tally_of ITEM: "remove change anchor".
votes() { sed -n "/<item id=\"$1\"/,/<\/item>/p" styr.xml | grep "<vote "; }
tally_of() {
	styr tally --format csv | tr -d "\r" | grep "^$1," |
		awk -F, '{ print $(NF-3), $(NF-2), $(NF-1) }'
}
ratings() { sed -n "/<item id=\"$1\"/,/<\/item>/p" styr.xml | grep -c "<rating "; }

# "Hanne Møller" and "Åse Ørum" in decomposed (NFD) spelling: å is a + ring
# above (U+030A); ø has no decomposition, so that name's NFD is itself.
NFD_ASE=$(printf 'A\314\212se \303\230rum')
NFD_HANNE=$(printf 'Hanne M\303\270ller')

test_expect_success 'set-up: items, people and one workshop in phase 1' '
	styr init --org "Odder Kommune" 2>/dev/null &&
	for i in 1 2 3 4 5; do styr add doc "Krav $i" >/dev/null || exit 1; done &&
	styr add rule "Regel" >/dev/null &&
	for who in "Anne Hansen" "Bo Berg" "Cai Carlsen" "Dorte Due" "Eva Ek" \
		"Frank Friis" "Gitte Gram" "Hanne Møller" "Åse Ørum" Torben; do
		styr person add "$who" --role staff >/dev/null || exit 1
	done &&
	styr meeting add workshop "Prioritering" --date 2026-03-01 >/dev/null &&
	styr meeting add module "Modul 2" --date 2026-02-01 >/dev/null
'

test_expect_success 'one person under her name, id, spacing and NFD: one vote' '
	styr vote D5 fjerne --by "Hanne Møller" &&
	styr vote D5 forandre --by "Anne Hansen" &&
	styr vote D5 forandre --by P8 &&
	styr vote D5 forandre --by "Hanne  Møller" &&
	styr vote D5 forandre --by "$NFD_HANNE" &&
	test "$(votes D5 | wc -l)" = 2 &&
	test "$(tally_of D5)" = "0 2 0"
'

test_expect_success 'upper case, tabs, a lower-case id: still the same person' '
	styr vote D5 forankre --by "HANNE MØLLER" 2>err &&
	test_grep "Hanne Møller has voted before" err &&
	styr vote D5 fjerne --by "$(printf " hanne\tmøller ")" 2>err &&
	test_grep "replaces the earlier one (anchor)" err &&
	styr vote D5 forandre --by p8 &&
	test "$(votes D5 | wc -l)" = 2 &&
	test "$(tally_of D5)" = "0 2 0"
'

test_expect_success 'NFD å: the same person as NFC Å' '
	styr vote D4 fjerne --by "Åse Ørum" &&
	styr vote D4 forankre --by "$NFD_ASE" 2>err &&
	test_grep "replaces" err &&
	test "$(tally_of D4)" = "0 0 1"
'

test_expect_success 'a vote records the person id, not the spelling typed' '
	votes D4 | test_grep -q "by=\"P9\" meeting=\"M1\"" &&
	! grep "<vote " styr.xml | grep -q "by=\"HANNE\|by=\"Hanne\|by=\"p8" &&
	valid
'

test_expect_success 'a vote says what it recorded; -q keeps it quiet' '
	styr vote D3 fjerne --by "Bo Berg" 2>err &&
	test_grep "^D3: Bo Berg.s vote (remove) recorded (meeting M1)$" err &&
	styr vote D3 forandre --by "Bo Berg" 2>err &&
	test_grep "^D3: Bo Berg has voted before; the new vote (change) replaces the earlier one (remove)$" err &&
	styr vote D3 fjerne --count 2 2>err &&
	test_grep "^D3: 2 paper votes (remove) recorded (meeting M1)$" err &&
	styr -q vote D3 fjerne --by "Cai Carlsen" 2>err &&
	test ! -s err
'

test_expect_success 'a name that is no one.s is refused, with the closest names' '
	cp styr.xml before.xml &&
	test_expect_code 1 styr vote D2 fjerne --by "Hane Moller" 2>err &&
	test_grep "not in the people list" err &&
	test_grep "did you mean .Hanne Møller. (P8)" err &&
	test_grep -e "--guest" err &&
	test_expect_code 1 styr vote D2 fjerne --by "Zacharias" 2>err &&
	test_grep "Zacharias" err &&
	! grep "did you mean" err &&
	test_expect_code 1 styr vote D2 fjerne --by P99 2>err &&
	test_grep "P99" err &&
	test_cmp before.xml styr.xml
'

test_expect_success 'a guest with --guest, matched the same way: two spellings, one vote' '
	styr vote D2 fjerne --by "Ulla Udefra" --guest 2>err &&
	test_grep "Ulla Udefra.s vote" err &&
	styr vote D2 forankre --by "$(printf "ULLA \t udefra")" --guest 2>err &&
	test_grep "replaces" err &&
	test "$(votes D2 | wc -l)" = 1 &&
	votes D2 | test_grep -q "by=\"ULLA udefra\"" &&
	test "$(tally_of D2)" = "0 0 1"
'

test_expect_success '--guest for someone on the list still records the person' '
	styr vote D1 fjerne --by "eva ek" --guest &&
	votes D1 | test_grep -q "by=\"P5\""
'

test_expect_success '--guest without --by is a usage error' '
	test_expect_code 2 styr vote D1 fjerne --count 2 --guest 2>err &&
	test_grep -e "--guest" err
'

test_expect_success 'a vote at a teaching module is refused' '
	cp styr.xml before.xml &&
	test_expect_code 1 styr vote D1 fjerne --by "Anne Hansen" --meeting M2 2>err &&
	test_grep "meeting M2 is a teaching module, not a workshop" err &&
	test_expect_code 1 styr vote D1 fjerne --count 3 --meeting m2 2>err &&
	test_grep "not a workshop" err &&
	test_cmp before.xml styr.xml
'

test_expect_success 'without --meeting the vote goes to the one workshop of the phase' '
	styr vote R1 fjerne --by "Frank Friis" &&
	votes R1 | test_grep -q "meeting=\"M1\""
'

test_expect_success 'two workshops in the phase: refused with the choices' '
	styr meeting add workshop "Prioritering, dag 2" --date 2026-03-02 >/dev/null &&
	cp styr.xml before.xml &&
	test_expect_code 1 styr vote R1 forandre --by "Gitte Gram" 2>err &&
	test_grep "which workshop" err &&
	test_grep "M1 (Prioritering), M3 (Prioritering, dag 2)" err &&
	test_cmp before.xml styr.xml &&
	styr vote R1 forandre --by "Gitte Gram" --meeting M3 &&
	styr vote R1 forankre --by "Frank Friis" --meeting M3 2>err &&
	! grep replaces err &&
	test "$(votes R1 | wc -l)" = 3
'

test_expect_success 'no workshop in the current phase: refused' '
	styr -f other.xml init --org X 2>/dev/null &&
	styr -f other.xml add doc "Krav" >/dev/null &&
	styr -f other.xml person add Anne --role staff >/dev/null &&
	styr -f other.xml meeting add module "Modul" --date 2026-02-01 >/dev/null &&
	cp other.xml before.xml &&
	test_expect_code 1 styr -f other.xml vote D1 fjerne --by Anne 2>err &&
	test_grep "phase 1 has no workshop" err &&
	test_expect_code 1 styr -f other.xml vote D1 fjerne --count 2 2>err &&
	test_grep "no workshop" err &&
	test_cmp before.xml other.xml
'

test_expect_success 'rate: Torben and torben are one respondent' '
	styr rate D1 too-tight --respondent Torben &&
	styr rate D1 supportive --respondent torben 2>err &&
	test_grep "replaced" err &&
	styr rate D1 too-loose --respondent "  TORBEN " 2>err &&
	test_grep "replaced" err &&
	styr rate D1 supportive --respondent p10 2>err &&
	test_grep "replaced" err &&
	test "$(ratings D1)" = 1 &&
	test_grep "respondent=\"P10\"" styr.xml
'

test_expect_success 'rate: an unknown respondent is refused, a guest is matched' '
	cp styr.xml before.xml &&
	test_expect_code 1 styr rate D1 too-tight --respondent Torbn 2>err &&
	test_grep "did you mean .Torben. (P10)" err &&
	test_cmp before.xml styr.xml &&
	styr rate D1 too-tight --respondent "Ole Ude" --guest &&
	styr rate D1 supportive --respondent "ole  ude" --guest 2>err &&
	test_grep "replaced" err &&
	test "$(ratings D1)" = 2
'

test_expect_success 'an old register: spellings of one person count once' '
	item_append_xml D3 "<vote priority=\"anchor\" by=\"dorte due\" meeting=\"M1\"/><vote priority=\"anchor\" by=\"DORTE  DUE\" meeting=\"M1\"/><vote priority=\"anchor\" by=\"P4\" meeting=\"M1\"/>" &&
	test "$(styr add doc "Krav 6")" = D6 &&
	item_append_xml D6 "<rating round=\"baseline\" experience=\"too-tight\" respondent=\"Torben\"/><rating round=\"baseline\" experience=\"too-tight\" respondent=\"torben\"/>" &&
	styr validate >/dev/null &&
	test "$(tally_of D3)" = "3 1 1" &&
	styr show D6 --format json >d3.json &&
	python3 -c "import json,sys; e = json.load(open(sys.argv[1]))[\"experience\"][\"baseline\"]; assert e[\"too-tight\"] == 1, e" d3.json
'

test_expect_success 'person add: a name that differs only in case or spacing is taken' '
	test_expect_code 1 styr person add "hanne  MØLLER" --role staff 2>err &&
	test_grep "P8" err
'

test_expect_success 'the register stays valid' '
	valid
'

test_done
