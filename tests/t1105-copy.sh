#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# styr copy and styr merge COPY (SPEC section 9): a copy for the field
# records what it was copied from, the register keeps it as handed out,
# and the merge back needs no base file; afterwards both hold the merged
# register, so the agent goes on and merges again.  Registers with no
# common history are refused.
. "$(dirname "$0")/lib.sh"

STYR_USER=tester
export STYR_USER

test_expect_success 'setup' '
	styr -q init --org "Odder Kommune" &&
	styr -q add goal "Borgeren i centrum" >/dev/null &&
	styr -q person add "Anna Holm" --role agent >/dev/null
'

test_expect_success 'copy writes a valid copy that says where it is from' '
	styr copy -o anna.xml 2>err &&
	test_grep "styr merge anna.xml" err &&
	valid anna.xml &&
	grep "<copy id=\"[0-9a-f]\{16\}\" .*from=\"styr.xml\"" anna.xml &&
	id=$(sed -n "s/.*<copy id=\"\([0-9a-f]*\)\".*/\1/p" anna.xml) &&
	test -f "styr.xml.copies/$id.xml" &&
	cmp anna.xml "styr.xml.copies/$id.xml" &&
	test_grep "action=\"copy\"" styr.xml &&
	! grep "<copy " styr.xml
'

test_expect_success 'copy refuses to overwrite without --force, and needs -o' '
	test_expect_code 1 styr copy -o anna.xml 2>err &&
	test_grep "force" err &&
	test_expect_code 2 styr copy 2>err &&
	test_expect_code 1 styr copy -o styr.xml 2>err
'

test_expect_success 'the copy'"'"'s file without -o is shown with it' '
	test_expect_code 2 styr copy lene.xml 2>err &&
	test_grep "^styr copy: unexpected argument .lene.xml.; name the copy with -o: styr copy -o lene.xml$" err &&
	! test -e lene.xml
'

test_expect_success 'merge COPY takes the agent'"'"'s work back without a base' '
	styr -q -f anna.xml add doc "Annas krav" >/dev/null &&
	styr -q -f anna.xml note G1 "Sagt på mødet" &&
	styr -q add rule "Kontorets regel" >/dev/null &&
	styr merge anna.xml 2>err &&
	test_grep "brought up to date" err &&
	styr list --format csv >list &&
	test_grep "Annas krav" list &&
	test_grep "Kontorets regel" list &&
	styr show G1 >show &&
	test_grep "Sagt på mødet" show &&
	valid styr.xml anna.xml &&
	! grep "<copy " styr.xml
'

test_expect_success 'the same ids on both sides: renumbered, and the copy follows' '
	styr -q -f anna.xml add doc "Annas andet krav" >/dev/null &&
	styr -q add doc "Kontorets krav" >/dev/null &&
	styr merge anna.xml 2>err &&
	test_grep "both sides added D2: theirs (anna.xml) is now D3" err &&
	styr -f anna.xml show D3 >show &&
	test_grep "Annas andet krav" show &&
	styr -q -f anna.xml note D3 "Mere fra marken" &&
	styr merge anna.xml 2>err &&
	! grep "both sides" err &&
	styr show D3 >show &&
	test_grep "Mere fra marken" show &&
	test "$(grep -c "Annas andet krav" styr.xml)" -ge 1 &&
	styr list --format csv >list &&
	test "$(grep -c "Annas andet krav" list)" = 1
'

test_expect_success 'a conflict, resolved at the office, does not come back' '
	styr -q -f anna.xml edit G1 --title "Annas titel" &&
	styr -q edit G1 --title "Kontorets titel" &&
	test_expect_code 1 styr merge anna.xml 2>err &&
	test_grep "G1: title" err &&
	styr conflicts resolve C1 theirs &&
	styr -q -f anna.xml note G1 "Endnu en note" 2>/dev/null &&
	styr merge anna.xml 2>err &&
	styr show G1 >show &&
	test_grep "Annas titel" show &&
	test_grep "Endnu en note" show &&
	styr list >out 2>err &&
	! test -s err
'

test_expect_success 'no common history: refused, nothing changed' '
	styr -q -f other.xml init --org "Skanderborg Kommune" &&
	cp styr.xml before.xml &&
	test_expect_code 1 styr merge other.xml 2>err &&
	test_grep "not a copy made with .styr copy." err &&
	test_expect_code 1 styr merge styr.xml other.xml anna.xml -o x.xml 2>err &&
	test_grep "no common history" err &&
	cmp styr.xml before.xml &&
	test ! -e x.xml
'

test_expect_success 'a copy of another register is refused' '
	styr -q -f other.xml copy -o bo.xml &&
	test_expect_code 1 styr merge bo.xml 2>err &&
	test_grep "not a copy of styr.xml" err &&
	test_expect_code 1 styr merge styr.xml 2>err &&
	test_grep "same register" err
'

test_expect_success 'a conflict is told in the reader'"'"'s words, not the register'"'"'s' '
	mkdir words && (
	cd words &&
	styr -q init --org "Odder Kommune" &&
	styr -q person add "Anna Holm" --role medarbejder >/dev/null &&
	styr -q add regel "Bostøtte i ugentlige timer" >/dev/null &&
	styr -q burden R1 --minutes 5 --per-year 2 >/dev/null &&
	styr -q copy -o lene.xml &&
	styr -q person change P1 --role leder &&
	styr -q -f lene.xml person change P1 --role tr &&
	styr -q edit R1 --origin lov >/dev/null &&
	styr -q -f lene.xml edit R1 --origin forvaltningen >/dev/null &&
	styr -q burden R1 --minutes 6 --per-year 2 >/dev/null &&
	styr -q -f lene.xml burden R1 --minutes 7 --per-year 2 >/dev/null &&
	styr -q prioritise R1 forandre --why "a" >/dev/null &&
	styr -q -f lene.xml prioritise R1 forankre --why "b" >/dev/null &&
	LC_ALL=da_DK.UTF-8 test_expect_code 1 styr merge lene.xml 2>err &&
	test_grep "konflikt: P1: rolle" err &&
	test_grep "konflikt: R1: oprindelse" err &&
	test_grep "konflikt: R1: tidsforbrug: minutter" err &&
	test_grep "konflikt: R1: prioritering" err &&
	LC_ALL=da_DK.UTF-8 styr conflicts >out &&
	test_grep "vores *ledelse" out &&
	test_grep "deres *forvaltningen" out &&
	test_grep "grundlag *medarbejder" out &&
	test_grep "forandre, af: tester" out &&
	! grep -E "role|origin|minutes|priority|management|staff|value=|by=" out &&
	styr conflicts resolve all theirs >/dev/null &&
	test "$(styr show R1 | grep Origin)" = "Origin:       Administration"
	)
'

test_done
