#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# phase: the overview, start / done / reopen (phases overlap; going back is
# allowed and logged) and phase check (what the current phase lacks).
. "$(dirname "$0")/lib.sh"

today=$(date +%F)

# The overview's phase table: marker, number, name, status, milestones;
# columns as wide as their widest cell, two spaces apart, the last two
# right-aligned.  NAME_W and STATUS_W are worked out per test.
row() { printf "%-1s  %1s  %-${NAME_W}s  %-${STATUS_W}s  %10s\n" "$@"; }

test_expect_success 'setup' '
	styr init --org "Odder Kommune" --title "Nybureaukratisering" &&
	styr person add "Anne Agent" --role agent >/dev/null &&
	styr person add "Bo Leder" --role management >/dev/null &&
	styr person add "Lis Larsen" --role med >/dev/null &&
	styr person add "Per Planlagt" --role steering >/dev/null
'

test_expect_success 'the overview: six phases, English names, phase 1 current' '
	styr phase >out &&
	NAME_W=32 STATUS_W=23 &&
	{
		echo "Odder Kommune: Nybureaukratisering" &&
		echo &&
		row "" "#" "Phase" "Status" "Milestones" &&
		row ">" 1 "Support and organisation" "active since $today" 0/3 &&
		row "" 2 "Common language and competence" "not started" 0/3 &&
		row "" 3 "Exploration and mapping" "not started" 0/5 &&
		row "" 4 "Prioritisation" "not started" 0/6 &&
		row "" 5 "Developing and trying a solution" "not started" 0/4 &&
		row "" 6 "Evaluation and dissemination" "not started" 0/3
	} >expect &&
	head -n 9 out >head &&
	test_cmp expect head
'

test_expect_success 'the overview: the current phase, its milestones, meetings, roles' '
	styr phase >out &&
	cat >expect <<-\EOF &&
	Current phase 1: Support and organisation
	  Next milestones:
	    [ ] 1.1  Management and MED have decided the whole process and the project description
	    [ ] 1.2  The organisation, including the steering group, is decided
	    [ ] 1.3  Participation in common seminar(s) is decided
	  No meetings in this phase yet (styr meeting add KIND TITLE --date DATE)
	  Governance chain at the meetings held so far:
	    taken part:  nobody yet
	    not yet:     Management, MED, Administration, Staff, Steward, Documentation agent, Steering group
	  Still lacking: 3 things (styr phase check)
	EOF
	tail -n +11 out >tail &&
	test_cmp expect tail
'

test_expect_success 'the overview lists held and planned meetings and who took part' '
	styr meeting add seminar "Opstart" --date 2020-01-10 >/dev/null &&
	styr meeting add styregruppemøde "Styregruppe 1" --date 2099-01-01 >/dev/null &&
	styr meeting add workshop "Andet" --date 2020-01-05 --phase 4 >/dev/null &&
	styr meeting attend M1 "Anne Agent" P2 &&
	test_expect_code 1 styr meeting attend M2 "Per Planlagt" 2>err &&
	test_grep "M2 is dated 2099-01-01, a day still to come" err &&
	styr meeting attend M3 "Lis Larsen" &&
	styr phase >out &&
	cat >expect <<-\EOF &&
	  Meetings:
	    2020-01-10  held     M1  Seminar: Opstart (2 attending)
	    2099-01-01  planned  M2  Steering group meeting: Styregruppe 1
	  Governance chain at the meetings held so far:
	    taken part:  Management, Documentation agent
	    not yet:     MED, Administration, Staff, Steward, Steering group
	EOF
	sed -n "/^  Meetings:/,/^    not yet:/p" out >got &&
	test_cmp expect got
'

test_expect_success 'the whole governance chain taking part is said so' '
	styr -f chain.xml init >/dev/null 2>&1 &&
	for role in management med administration staff steward agent steering; do
		styr -f chain.xml person add "$role person" --role $role >/dev/null || return 1
	done &&
	styr -f chain.xml meeting add network "Alle" --date 2020-01-01 >/dev/null &&
	styr -f chain.xml meeting attend M1 P1 P2 P3 P4 P5 P6 P7 &&
	styr -f chain.xml phase >out &&
	test_grep "^    taken part:  Management, MED, Administration, Staff, Steward, Documentation agent, Steering group$" out &&
	test_grep "^    not yet:     none: the whole chain has taken part$" out
'

test_expect_success 'a phase without meetings still shows who took part in the process' '
	cp styr.xml later.xml &&
	styr -f later.xml phase start 5 >/dev/null 2>&1 &&
	styr -f later.xml phase >out &&
	test_grep "^    taken part:  nobody yet$" out &&
	test_grep "^    in the whole process:  Management, MED, Documentation agent$" out
'

test_expect_success 'phase names follow a Danish locale' '
	mkdir -p loc/da/LC_MESSAGES &&
	msgfmt -o loc/da/LC_MESSAGES/styr.mo "$SRC_DIR/po/da.po" &&
	LC_ALL=da_DK.UTF-8 STYR_LOCALEDIR=$PWD/loc styr phase >out &&
	test_grep "^>  1  Opbakning og organisering  " out &&
	test_grep "^   5  Udvikling og afprøvning af løsning  " out &&
	test_grep "1.1  Ledelse og MED har besluttet det samlede forløb og projektbeskrivelsen$" out &&
	! grep "Support and organisation" out
'

test_expect_success 'start N: active and current; earlier phases stay active' '
	styr phase start 3 2>err &&
	test_grep "warning: phase 2 .Common language and competence. has not started" err &&
	test_grep "phase 3 .Exploration and mapping. started" err &&
	test_grep "<model current=\"3\" small-steps=\"1\">" styr.xml &&
	test_grep "<phase number=\"1\" status=\"active\" started=\"$today\">" styr.xml &&
	test_grep "<phase number=\"2\">" styr.xml &&
	test_grep "<phase number=\"3\" status=\"active\" started=\"$today\">" styr.xml &&
	test_grep "action=\"phase\" ref=\"3\"" styr.xml &&
	test_grep "<what>started phase 3 .Exploration and mapping.</what>" styr.xml &&
	valid
'

test_expect_success 'the overview marks the current phase and shows at most three milestones' '
	styr milestone done 3.1 2>/dev/null &&
	styr phase >out &&
	NAME_W=32 STATUS_W=23 &&
	row "" 1 "Support and organisation" "active since $today" 0/3 >expect &&
	row ">" 3 "Exploration and mapping" "active since $today" 1/5 >>expect &&
	grep "^.  [13]  " out >got &&
	test_cmp expect got &&
	cat >expect <<-\EOF &&
	Current phase 3: Exploration and mapping
	  Next milestones:
	    [ ] 3.2  Interviews in the administration done
	    [ ] 3.3  Governance documents reviewed
	    [ ] 3.4  Impressions from practice gathered
	    ... and 1 more (styr milestone list 3)
	  No meetings in this phase yet (styr meeting add KIND TITLE --date DATE)
	EOF
	sed -n "/^Current phase/,/^  No meetings/p" out >got &&
	test_cmp expect got
'

test_expect_success 'starting the current phase again changes nothing' '
	test_unchanged "already active and current; nothing changed" styr phase start 3
'

test_expect_success 'start on an active phase makes it current' '
	styr phase start 1 2>err &&
	test_grep "<model current=\"1\"" styr.xml &&
	test_grep "<what>made phase 1 .Support and organisation. current</what>" styr.xml &&
	! grep warning err
'

test_expect_success 'done with open milestones warns, lists them and refuses' '
	cp styr.xml before.xml &&
	test_expect_code 1 styr phase done 1 2>err &&
	cat >expect <<-\EOF &&
	styr: warning: phase 1 '"'"'Support and organisation'"'"' has 3 open milestones:
	  1.1  Management and MED have decided the whole process and the project description
	  1.2  The organisation, including the steering group, is decided
	  1.3  Participation in common seminar(s) is decided
	styr: phase 1 was not marked done: tick off its milestones with '"'"'styr milestone done ID'"'"', or use --force
	EOF
	test_cmp expect err &&
	test_cmp before.xml styr.xml
'

test_expect_success 'done --force marks it done today; the latest active phase becomes current' '
	styr phase done 1 --force 2>err &&
	test_grep "warning: phase 1 .Support and organisation. has 3 open milestones" err &&
	test_grep "the current phase is 3 .Exploration and mapping." err &&
	test_grep "<phase number=\"1\" status=\"done\" started=\"$today\" completed=\"$today\">" styr.xml &&
	test_grep "<model current=\"3\"" styr.xml &&
	test_grep "<what>marked phase 1 .Support and organisation. done with 3 open milestones (--force)</what>" styr.xml &&
	valid
'

test_expect_success 'the overview shows the done phase with its date' '
	styr phase >out &&
	NAME_W=32 STATUS_W=23 &&
	row "" 1 "Support and organisation" "done $today" 0/3 >expect &&
	grep "^.  1  " out >got &&
	test_cmp expect got
'

test_expect_success 'done on a done phase changes nothing' '
	test_unchanged "already done ($today); nothing changed" styr phase done 1
'

test_expect_success 'start on a done phase refuses and points to reopen' '
	test_refused 1 "phase 1 .Support and organisation. is done; to go back to it, use .styr phase reopen 1." styr phase start 1
'

test_expect_success 'reopen N goes back: active again, current, logged' '
	styr phase reopen 1 2>err &&
	test_grep "active again and the current phase" err &&
	test_grep "<phase number=\"1\" status=\"active\" started=\"$today\">" styr.xml &&
	test_grep "<model current=\"1\"" styr.xml &&
	test_grep "<what>reopened phase 1 .Support and organisation. (it was done $today)</what>" styr.xml &&
	test "$(grep -c "action=\"phase\"" styr.xml)" = 4 &&
	valid
'

test_expect_success 'reopen on a phase that has not started refuses' '
	test_refused 1 "phase 5 .Developing and trying a solution. has not started" styr phase reopen 5 &&
	test_grep "styr phase start 5" err
'

test_expect_success 'done with every milestone ticked off needs no --force' '
	styr milestone done 1.1 2>/dev/null &&
	styr milestone done 1.2 2>/dev/null &&
	styr milestone done 1.3 2>/dev/null &&
	styr phase done 1 2>err &&
	! grep warning err &&
	test_grep "<what>marked phase 1 .Support and organisation. done</what>" styr.xml &&
	test_grep "<model current=\"3\"" styr.xml
'

test_expect_success 'when no phase is active, none is current' '
	styr phase done 3 --force 2>err &&
	test_grep "start the next with .styr phase start 4." err &&
	test_grep "<model small-steps=\"1\">" styr.xml &&
	styr phase >out &&
	test_grep "^No phase is current: start one with .styr phase start N.$" out &&
	test_expect_code 1 styr phase check 2>err &&
	test_grep "no phase is current" err &&
	valid
'

test_expect_success 'a meeting added with no phase current belongs to none' '
	styr meeting add other "Efter" --date 2099-06-01 >id &&
	test_grep "<meeting id=\"$(cat id)\" kind=\"other\" date=\"2099-06-01\">" styr.xml
'

test_expect_success '--date records when a phase started or was done' '
	styr -f d.xml init --date 2017-06-01 2>/dev/null &&
	cp d.xml before.xml &&
	test_expect_code 1 styr -f d.xml phase done 1 --force --date 2017-05-30 2>err &&
	test_grep "started on 2017-06-01" err &&
	test_cmp before.xml d.xml &&
	styr -f d.xml phase done 1 --force --date 2017-06-30 2>/dev/null &&
	test_grep "<phase number=\"1\" status=\"done\" started=\"2017-06-01\" completed=\"2017-06-30\">" d.xml &&
	styr -f d.xml phase start 2 --date 2017-07-01 2>/dev/null &&
	test_grep "<phase number=\"2\" status=\"active\" started=\"2017-07-01\">" d.xml &&
	cp d.xml before.xml &&
	test_expect_code 1 styr -f d.xml phase done 2 --force --date 2017-02-30 2>err &&
	test_grep "2017-02-30" err &&
	test_expect_code 2 styr -f d.xml phase reopen 1 --date 2017-08-01 2>err &&
	test_grep "date" err &&
	test_expect_code 2 styr -f d.xml phase check --date 2017-08-01 2>err &&
	test_cmp before.xml d.xml
'

test_expect_success 'unknown phases and bad numbers are refused, nothing written' '
	cp styr.xml before.xml &&
	for n in 7 0 x 2x 99999999999999999999; do
		test_expect_code 1 styr phase start "$n" 2>err || return 1
		test_grep "unknown phase .$n. (the model has phases 1 to 6)" err || return 1
	done &&
	test_expect_code 1 styr phase done 7 2>err &&
	test_expect_code 1 styr phase reopen 7 2>err &&
	test_expect_code 1 styr phase check 7 2>err &&
	test_grep "unknown phase .7." err &&
	test_cmp before.xml styr.xml
'

test_expect_success 'usage errors exit 2' '
	test_refused 2 "needs a phase number" styr phase start &&
	test_refused 2 "unknown subcommand .begin." styr phase begin 2 &&
	test_refused 2 "force" styr phase start 2 --force &&
	test_refused 2 "" styr phase done 2 3 &&
	test_refused 2 "" styr phase 2
'

test_expect_success 'without a register: exit 3' '
	test_expect_code 3 styr -f none.xml phase 2>err &&
	test_grep "none.xml" err &&
	test_expect_code 3 styr -f none.xml phase start 2 2>err &&
	test ! -e none.xml && test ! -e none.xml.lock
'

# --- phase check: a register per phase, made ready step by step ---

test_expect_success 'check: phase 1 lacks its milestones; exit 1' '
	styr -f c.xml init 2>/dev/null &&
	test_expect_code 1 styr -f c.xml phase check >out &&
	cat >expect <<-\EOF &&
	Phase 1 Support and organisation: 0 of 3 in place

	  [ ] 1.1  Management and MED have decided the whole process and the project description
	  [ ] 1.2  The organisation, including the steering group, is decided
	  [ ] 1.3  Participation in common seminar(s) is decided

	3 things are still lacking
	EOF
	test_cmp expect out
'

test_expect_success 'check: nothing lacking exits 0' '
	for m in 1.1 1.2 1.3; do styr -f c.xml milestone done $m 2>/dev/null || return 1; done &&
	styr -f c.xml phase check >out &&
	cat >expect <<-\EOF &&
	Phase 1 Support and organisation: 3 of 3 in place

	  [x] 1.1  Management and MED have decided the whole process and the project description
	  [x] 1.2  The organisation, including the steering group, is decided
	  [x] 1.3  Participation in common seminar(s) is decided

	Nothing is lacking: phase 1 can be marked done (styr phase done 1)
	EOF
	test_cmp expect out &&
	styr -f c.xml phase >out &&
	test_grep "^  Nothing is lacking: the phase can be marked done (styr phase done 1)$" out
'

test_expect_success 'check: phase 2 wants review areas and documentation agents' '
	styr -f c.xml phase done 1 2>/dev/null &&
	styr -f c.xml phase start 2 2>/dev/null &&
	test_expect_code 1 styr -f c.xml phase check >out &&
	cat >expect <<-\EOF &&
	Phase 2 Common language and competence: 0 of 5 in place

	  [ ] 2.1  Seminar on governance, challenges and methods held
	  [ ] 2.2  Review areas chosen
	  [ ] 2.3  Documentation agents appointed
	  [ ] review areas chosen
	        no review areas yet (styr area add ID NAME)
	  [ ] documentation agents appointed
	        nobody has the role agent yet (styr person add NAME --role agent)

	5 things are still lacking
	EOF
	test_cmp expect out &&
	styr -f c.xml area add BOST "Bostøtte" &&
	styr -f c.xml person add "Bo Leder" --role management >/dev/null &&
	test_expect_code 1 styr -f c.xml phase check >out &&
	test_grep "^  \[x\] review areas chosen$" out &&
	test_grep "^  \[ \] documentation agents appointed$" out &&
	styr -f c.xml person add "Anne Agent" --role agent >/dev/null &&
	for m in 2.1 2.2 2.3; do styr -f c.xml milestone done $m 2>/dev/null || return 1; done &&
	styr -f c.xml phase check >out &&
	test_grep "^  \[x\] documentation agents appointed$" out &&
	test_grep "^Phase 2 Common language and competence: 5 of 5 in place$" out
'

test_expect_success 'check: phase 3 wants items, each with field notes' '
	styr -f c.xml phase start 3 2>/dev/null &&
	test_expect_code 1 styr -f c.xml phase check >out &&
	test_grep "^  \[ \] governance items registered$" out &&
	test_grep "^        the register has no items yet (styr add)$" out &&
	test_grep "^  \[x\] field notes on every item$" out &&
	styr -f c.xml add rule "Timer pr. uge" >/dev/null &&
	styr -f c.xml add doc "VUM-udredning" >/dev/null &&
	styr -f c.xml add doc "Dagbog" >/dev/null &&
	item_append_xml D2 "<note method=\"interview\">Vi skriver meget</note>" c.xml &&
	test_expect_code 1 styr -f c.xml phase check >out &&
	test_grep "^  \[x\] governance items registered$" out &&
	test_grep "^  \[ \] field notes on every item$" out &&
	test_grep "^        no notes on R1, D1 (styr note ID TEXT)$" out
'

test_expect_success 'check: a long list of items is cut after eight ids' '
	styr -f many.xml init 2>/dev/null &&
	for i in 1 2 3 4 5 6 7 8 9 10; do
		styr -f many.xml add rule "Regel $i" >/dev/null || return 1
	done &&
	styr -f many.xml phase start 3 2>/dev/null &&
	test_expect_code 1 styr -f many.xml phase check >out &&
	test_grep "^        no notes on R1, R2, R3, R4, R5, R6, R7, R8 and 2 more (styr note ID TEXT)$" out
'

test_expect_success 'check: phase 4 wants ratings, a held workshop, votes, proposals, decisions' '
	item_append_xml R1 "<note>Stramt</note>" c.xml &&
	item_append_xml D1 "<note>Tungt</note>" c.xml &&
	styr -f c.xml phase start 4 2>/dev/null &&
	test_expect_code 1 styr -f c.xml phase check >out &&
	cat >expect <<-\EOF &&
	  [ ] experience ratings on every item
	        no ratings on R1, D1, D2 (styr rate ID EXPERIENCE)
	  [ ] a workshop held in phase 4
	        no workshop meeting of phase 4 has been held (styr meeting add workshop TITLE --date DATE)
	  [ ] workshop votes cast
	        no votes yet (styr vote ID PRIORITY)
	  [ ] a proposed priority on every item
	        no proposal on R1, D1, D2 (styr prioritise ID PRIORITY)
	  [ ] the steering group'"'"'s decisions recorded
	        no decision yet (styr decide ID selected)

	11 things are still lacking
	EOF
	sed -n "/^  \[.\] experience/,\$p" out >got &&
	test_cmp expect got &&
	test_grep "^Phase 4 Prioritisation: 0 of 11 in place$" out
'

test_expect_success 'check: only a workshop of phase 4 that has been held counts' '
	styr -f c.xml meeting add workshop "Planlagt" --date 2099-03-01 >/dev/null &&
	styr -f c.xml meeting add workshop "I fase 3" --date 2020-03-01 --phase 3 >/dev/null &&
	styr -f c.xml meeting add seminar "Ikke workshop" --date 2020-03-01 >/dev/null &&
	test_expect_code 1 styr -f c.xml phase check >out &&
	test_grep "^  \[ \] a workshop held in phase 4$" out &&
	styr -f c.xml meeting add workshop "Prioritering" --date 2020-03-02 >/dev/null &&
	test_expect_code 1 styr -f c.xml phase check >out &&
	test_grep "^  \[x\] a workshop held in phase 4$" out
'

test_expect_success 'check: phase 4 ready item by item' '
	item_append_xml R1 "<rating round=\"baseline\" experience=\"too-tight\"/>" c.xml &&
	item_append_xml D1 "<rating round=\"followup\" experience=\"too-tight\"/>" c.xml &&
	test_expect_code 1 styr -f c.xml phase check >out &&
	test_grep "^        no ratings on D1, D2 (styr rate ID EXPERIENCE)$" out &&
	item_append_xml R1 "<vote priority=\"remove\" by=\"Anne\"/><priority value=\"remove\" date=\"2020-03-02\" by=\"ws\">Fjern</priority>" c.xml &&
	test_expect_code 1 styr -f c.xml phase check >out &&
	test_grep "^  \[x\] workshop votes cast$" out &&
	test_grep "^        no proposal on D1, D2 (styr prioritise ID PRIORITY)$" out &&
	test_grep "^  \[ \] the steering group.s decisions recorded$" out &&
	item_append_xml R1 "<decision value=\"selected\" date=\"2020-04-01\" by=\"sg\"/>" c.xml &&
	test_expect_code 1 styr -f c.xml phase check >out &&
	test_grep "^  \[x\] the steering group.s decisions recorded$" out
'

test_expect_success 'check: phase 5 wants selected items with a solution and criteria' '
	styr -f c.xml phase start 5 2>/dev/null &&
	test_expect_code 1 styr -f c.xml phase check >out &&
	cat >expect <<-\EOF &&
	  [x] items selected by the steering group
	  [ ] a solution for every selected item
	        no solution on R1 (styr solution ID --status idea)
	  [ ] evaluation criteria for every selected item
	        no evaluation criteria on R1 (styr solution ID --criteria TEXT)

	6 things are still lacking
	EOF
	sed -n "/^  \[.\] items selected/,\$p" out >got &&
	test_cmp expect got &&
	item_append_xml R1 "<solution status=\"idea\"/>" c.xml &&
	test_expect_code 1 styr -f c.xml phase check >out &&
	test_grep "^  \[x\] a solution for every selected item$" out &&
	test_grep "^  \[ \] evaluation criteria for every selected item$" out
'

test_expect_success 'check: phase 5 with nothing selected lacks a selection' '
	cp c.xml n.xml &&
	perl -0pi -e "s{<decision[^>]*/>}{}" n.xml &&
	test_expect_code 1 styr -f n.xml phase check 5 >out &&
	test_grep "^  \[ \] items selected by the steering group$" out &&
	test_grep "^        no item is selected yet (styr decide ID selected)$" out
'

test_expect_success 'check: phase 6 wants follow-up ratings on selected items' '
	styr -f c.xml phase start 6 2>/dev/null &&
	test_expect_code 1 styr -f c.xml phase check >out &&
	test_grep "^  \[ \] follow-up ratings on every selected item$" out &&
	test_grep "^        no follow-up ratings on R1 (styr rate ID EXPERIENCE --round followup)$" out &&
	perl -0pi -e "s{(<rating round=\"baseline\" experience=\"too-tight\"/>)}{\$1<rating round=\"followup\" experience=\"supportive\"/>}" c.xml &&
	for m in 6.1 6.2 6.3; do styr -f c.xml milestone done $m 2>/dev/null || return 1; done &&
	styr -f c.xml phase check >out &&
	test_grep "^Phase 6 Evaluation and dissemination: 4 of 4 in place$" out
'

test_expect_success 'check N looks at another phase than the current one' '
	test_expect_code 1 styr -f c.xml phase check 3 >out &&
	test_grep "^Phase 3 Exploration and mapping: 2 of 7 in place$" out &&
	test_grep "^  \[ \] 3.2  Interviews in the administration done$" out &&
	test_grep "^  \[x\] field notes on every item$" out
'

test_expect_success 'check output is the same for the current phase and check N' '
	styr -f c.xml phase check >a &&
	styr -f c.xml phase check 6 >b &&
	test_cmp a b &&
	valid c.xml
'

test_expect_success 'export json holds the phase state, milestone dates and meetings' '
	styr -f c.xml milestone done 4.2 --date 2020-03-02 2>/dev/null &&
	styr -f c.xml export json >out.json &&
	TODAY=$today python3 -c "
import json, os
today = os.environ[\"TODAY\"]
d = json.load(open(\"out.json\"))
assert d[\"current_phase\"] == 6, d[\"current_phase\"]
ph = d[\"phases\"]
assert [p[\"number\"] for p in ph] == [1, 2, 3, 4, 5, 6], ph
assert [p[\"status\"] for p in ph] == [\"done\", \"active\", \"active\",
                                      \"active\", \"active\", \"active\"], ph
assert ph[0][\"name\"] == \"Opbakning og organisering\", ph[0]
assert ph[3][\"name\"] == \"Prioritering\", ph[3]
m = ph[0][\"milestones\"][0]
assert m[\"id\"] == \"1.1\" and m[\"done\"] == today, m
assert m[\"title\"] == \"Ledelse og MED har besluttet det samlede forløb og projektbeskrivelsen\", m
m = ph[3][\"milestones\"][1]
assert m[\"id\"] == \"4.2\" and m[\"done\"] == \"2020-03-02\", m
assert ph[3][\"milestones\"][0][\"done\"] is None, ph[3]
ws = [x for x in d[\"meetings\"] if x[\"title\"] == \"Prioritering\"]
assert len(ws) == 1, d[\"meetings\"]
w = ws[0]
assert (w[\"id\"], w[\"kind\"], w[\"date\"], w[\"phase\"], w[\"attendees\"]) == \\
       (\"M4\", \"workshop\", \"2020-03-02\", 4, []), w
"
'

test_done
