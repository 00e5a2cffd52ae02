#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# milestone: list the model's milestones, tick them off with a date and a
# note, undo; every change logged, refusals leave the register untouched.
. "$(dirname "$0")/lib.sh"

today=$(date +%F)
# A row of `milestone list` for phase 2: id, done (DONE_W wide), title
# (as wide as the longest of phase 2), note.
row() { w=$1; shift; printf "%-3s  %-${w}s  %-50s  %s\n" "$@"; }

test_expect_success 'setup' '
	styr init --org "Odder Kommune" 2>/dev/null
'

test_expect_success 'list N: the milestones of one phase as a table' '
	styr milestone list 2 >out &&
	{
		row 4 ID Done Milestone Note &&
		row 4 2.1 - "Seminar on governance, challenges and methods held" "" &&
		row 4 2.2 - "Review areas chosen" "" &&
		row 4 2.3 - "Documentation agents appointed" ""
	} >expect &&
	test_cmp expect out
'

test_expect_success 'list: all 24 milestones, phase by phase' '
	styr milestone list >out &&
	test "$(wc -l <out)" = 25 &&
	sed -n "2p" out >first &&
	test_grep "^1.1  -     Management and MED have decided" first &&
	tail -n 1 out >last &&
	test_grep "^6.3  -     Network meeting 4 held" last &&
	test "$(styr milestone | wc -l)" = 25
'

test_expect_success 'done ID --date --note ticks it off, logged' '
	styr milestone done 2.1 --date 2026-02-01 --note "Seminar på rådhuset" 2>err &&
	test_grep "milestone 2.1 .Seminar on governance, challenges and methods held. done 2026-02-01" err &&
	test_grep "<milestone id=\"2.1\" done=\"2026-02-01\">" styr.xml &&
	test_grep "<note>Seminar på rådhuset</note>" styr.xml &&
	test_grep "action=\"milestone\" ref=\"2.1\"" styr.xml &&
	test_grep "<what>milestone 2.1 .Seminar on governance, challenges and methods held. done 2026-02-01: Seminar på rådhuset</what>" styr.xml &&
	valid
'

test_expect_success 'done ID without --date: today' '
	styr milestone done 2.2 2>/dev/null &&
	test_grep "<milestone id=\"2.2\" done=\"$today\">" styr.xml
'

test_expect_success 'the list shows dates and notes' '
	styr milestone list 2 >out &&
	{
		row 10 ID Done Milestone Note &&
		row 10 2.1 2026-02-01 "Seminar on governance, challenges and methods held" "Seminar på rådhuset" &&
		row 10 2.2 $today "Review areas chosen" "" &&
		row 10 2.3 - "Documentation agents appointed" ""
	} >expect &&
	test_cmp expect out
'

test_expect_success 'the overview counts done milestones per phase' '
	styr phase >out &&
	test_grep "^   2  Common language and competence  *not started  *2/3$" out
'

test_expect_success 'done again with nothing new changes nothing' '
	cp styr.xml before.xml &&
	styr milestone done 2.1 2>err &&
	test_grep "ticked off already (2026-02-01); nothing changed" err &&
	styr milestone done 2.1 --note "Seminar på rådhuset" 2>err &&
	test_grep "nothing changed" err &&
	test_cmp before.xml styr.xml
'

test_expect_success 'a new note keeps the date; a new date keeps the note' '
	styr milestone done 2.1 --note "Referat i ESDH" 2>/dev/null &&
	test_grep "<milestone id=\"2.1\" done=\"2026-02-01\">" styr.xml &&
	test_grep "<note>Referat i ESDH</note>" styr.xml &&
	! grep "Seminar på rådhuset</note>" styr.xml &&
	styr milestone done 2.1 --date 2026-02-03 2>/dev/null &&
	test_grep "<milestone id=\"2.1\" done=\"2026-02-03\">" styr.xml &&
	test_grep "<note>Referat i ESDH</note>" styr.xml &&
	test "$(grep -c "ref=\"2.1\"" styr.xml)" = 3 &&
	valid
'

test_expect_success 'undo takes the tick away, logged; undo again changes nothing' '
	styr milestone undo 2.2 2>err &&
	test_grep "milestone 2.2 .Review areas chosen. is open again" err &&
	test_grep "<milestone id=\"2.2\">" styr.xml &&
	test_grep "<what>milestone 2.2 .Review areas chosen. is open again (it was done $today)</what>" styr.xml &&
	cp styr.xml before.xml &&
	styr milestone undo 2.2 2>err &&
	test_grep "not ticked off; nothing changed" err &&
	test_cmp before.xml styr.xml &&
	valid
'

test_expect_success 'list --format json: the milestones with their phase' '
	styr milestone list --format json >out.json &&
	python3 -c "
import json
d = json.load(open(\"out.json\"))
assert len(d) == 24, len(d)
assert [m[\"id\"] for m in d[:4]] == [\"1.1\", \"1.2\", \"1.3\", \"2.1\"], d[:4]
m = d[3]
assert m[\"title\"] == \"Seminar om styring, udfordringer og metoder er holdt\", m
assert m[\"done\"] == \"2026-02-03\", m
assert m[\"note\"] == \"Referat i ESDH\", m
assert m[\"phase\"] == 2, m
assert d[4][\"done\"] is None and d[4][\"note\"] is None, d[4]
assert d[-1][\"id\"] == \"6.3\" and d[-1][\"phase\"] == 6, d[-1]
" &&
	styr milestone list 4 --format json >out.json &&
	python3 -c "
import json
d = json.load(open(\"out.json\"))
assert [m[\"id\"] for m in d] == [\"4.1\", \"4.2\", \"4.3\", \"4.4\", \"4.5\", \"4.6\"], d
"
'

test_expect_success 'refusals: unknown milestone, bad date, bad note; nothing written' '
	test_refused 1 "unknown milestone .9.9. (see .styr milestone list.)" styr milestone done 9.9 &&
	test_refused 1 "unknown milestone .2." styr milestone undo 2 &&
	test_refused 1 "2026-02-30" styr milestone done 2.3 --date 2026-02-30 &&
	test_refused 1 "control" styr milestone done 2.3 --note "$(printf "a\001b")" &&
	test_refused 1 "unknown phase .7." styr milestone list 7
'

test_expect_success 'usage errors exit 2' '
	test_refused 2 "needs a milestone id" styr milestone done &&
	test_refused 2 "unknown subcommand .tick." styr milestone tick 2.1 &&
	test_refused 2 "" styr milestone list --note x &&
	test_refused 2 "" styr milestone undo 2.1 --date 2026-01-01 &&
	test_refused 2 "" styr milestone done 2.1 --format json &&
	test_refused 2 "unknown format .csv." styr milestone list --format csv &&
	test_refused 2 "" styr milestone done 2.1 2.2
'

test_expect_success 'milestone ids follow a tailored model' '
	cat >m.xml <<-\EOF &&
	<model xmlns="urn:x-styr:register:1" small-steps="1">
	  <phase number="1">
	    <name lang="da">Start</name>
	    <milestone id="1.1"><title lang="da">Kommissorium godkendt</title></milestone>
	  </phase>
	</model>
	EOF
	styr -f t.xml init --model m.xml 2>/dev/null &&
	styr -f t.xml milestone list >out &&
	test_grep "^1.1  -     Kommissorium godkendt" out &&
	test_expect_code 1 styr -f t.xml milestone done 2.1 2>err &&
	test_grep "unknown milestone .2.1." err &&
	styr -f t.xml milestone done 1.1 2>/dev/null &&
	test_grep "<milestone id=\"1.1\" done=\"$today\">" t.xml
'

test_done
