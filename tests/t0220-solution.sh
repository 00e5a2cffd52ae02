#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# solution: the track of a selected item from idea to implemented, and the
# rule that evaluation criteria are agreed before implementation.
. "$(dirname "$0")/lib.sh"

# The <solution> element of ITEM, on one line.
solution() {
	sed -n "/<item id=\"$1\"/,/<\/item>/p" styr.xml | awk '
		/<solution/ { on = 1 }
		on { sub(/^ */, ""); printf "%s", $0 }
		on && (/\/>$/ || /<\/solution>/) { on = 0 }'
}

test_expect_success 'set-up: selected, deferred and undecided items' '
	styr init --org "Odder Kommune" &&
	styr add rule "Visitation pr. ydelse" >/dev/null &&
	styr add doc "Ugentlig statistik" >/dev/null &&
	styr add goal "Aktivt medborgerskab" >/dev/null &&
	styr add rule "Kørselsregnskab" >/dev/null &&
	styr prioritise R1 change &&
	styr decide R1 selected &&
	styr decide D1 deferred 2>/dev/null &&
	styr decide R2 selected 2>/dev/null
'

test_expect_success 'only selected items get a solution track' '
	test_refused 1 "D1 is not selected" styr solution D1 --status idea &&
	test_grep "(decision: deferred)" err &&
	test_grep "styr decide D1 selected" err &&
	test_refused 1 "styr decide G1 selected" styr solution G1 --status idea
'

test_expect_success 'implemented without criteria is refused, nothing written' '
	test_refused 1 "^styr: R1: the solution cannot be marked implemented before its evaluation criteria are agreed" styr solution R1 --status implemented &&
	test_grep -e "--criteria" err
'

test_expect_success 'a new track without --status starts at idea' '
	styr solution R1 --evaluate-by 2026-09-01 &&
	test "$(solution R1)" = "<solution status=\"idea\" evaluate-by=\"2026-09-01\"/>"
'

test_expect_success 'status changes are logged old -> new' '
	styr solution R1 --status prototype &&
	test "$(solution R1)" = "<solution status=\"prototype\" evaluate-by=\"2026-09-01\"/>" &&
	grep -A1 "action=\"solution\" ref=\"R1\"" styr.xml >log &&
	test_grep "status: none -&gt; idea; evaluate by: none -&gt; 2026-09-01" log &&
	test_grep "status: idea -&gt; prototype" log
'

test_expect_success 'Danish status words: afprøvning is pilot' '
	styr solution R1 --status afprøvning &&
	solution R1 | test_grep -q "status=\"pilot\""
'

test_expect_success 'still no criteria: implemented refused again' '
	test_refused 1 "evaluation criteria" styr solution R1 --status implementeret
'

test_expect_success 'implemented with criteria in the same command is accepted' '
	styr --by "Anne Agent" solution R1 --status implemented \
		--criteria "Sagsbehandlingstid før og efter; måles i uge 40" 2>err &&
	! grep "warning" err &&
	test "$(solution R1)" = "<solution status=\"implemented\" evaluate-by=\"2026-09-01\"><criteria>Sagsbehandlingstid før og efter; måles i uge 40</criteria></solution>" &&
	grep -A1 "by=\"Anne Agent\" action=\"solution\" ref=\"R1\"" styr.xml >log &&
	test_grep "status: pilot -&gt; implemented; criteria: Sagsbehandlingstid" log
'

test_expect_success 'criteria of an implemented solution cannot be removed' '
	test_refused 1 "evaluation criteria" styr solution R1 --criteria ""
'

test_expect_success 'the evaluation date alone can still change' '
	styr solution R1 --evaluate-by 2026-10-01 &&
	solution R1 | test_grep -q "status=\"implemented\" evaluate-by=\"2026-10-01\"><criteria>"
'

test_expect_success 'criteria recorded first allow implemented later' '
	styr solution R2 --criteria "Antal kørselsbilag pr. måned" &&
	test "$(solution R2)" = "<solution status=\"idea\"><criteria>Antal kørselsbilag pr. måned</criteria></solution>" &&
	styr solution R2 --status implemented 2>err &&
	solution R2 | test_grep -q "status=\"implemented\""
'

test_expect_success 'going from idea straight to implemented reminds of pilots' '
	test_grep "without a prototype or pilot" err &&
	test_grep "no date for the evaluation" err
'

test_expect_success 'the same status again changes nothing' '
	test_unchanged "unchanged" styr solution R2 --status implemented
'

test_expect_success 'bad status, date, text, id or no options change nothing' '
	cp styr.xml before.xml &&
	test_expect_code 1 styr solution R1 --status done 2>err &&
	test_grep "unknown status .done." err &&
	test_expect_code 1 styr solution R1 --evaluate-by 2026-13-01 2>err &&
	test_grep "2026-13-01" err &&
	test_expect_code 1 styr solution R1 --criteria "$(printf "x\033y")" &&
	test_expect_code 1 styr solution X1 --status idea 2>err &&
	test_grep "unknown item .X1." err &&
	test_expect_code 2 styr solution R1 2>err &&
	test_grep -e "--status" err &&
	test_expect_code 2 styr solution --status idea &&
	test_cmp before.xml styr.xml
'

test_expect_success 'the register stays valid' '
	valid
'

test_done
