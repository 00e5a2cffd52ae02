#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# meeting: add (Danish kind aliases, the current phase by default, ids never
# reused), list (held from the date on; table, CSV, TSV, JSON) and attend.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup' '
	styr init --org "Odder Kommune" 2>/dev/null &&
	styr person add "Anne Agent" --role agent >/dev/null &&
	styr person add "Bo Leder" --role management >/dev/null &&
	styr person add "Lis Larsen" --role med >/dev/null
'

test_expect_success 'add prints M1, M2...; Danish kinds; the current phase by default' '
	test "$(styr meeting add netværksmøde "Netværksmøde 1" --date 2020-03-01)" = M1 &&
	test "$(styr meeting add undervisningsmodul "Modul 1" --date 2020-02-01)" = M2 &&
	test "$(styr meeting add styregruppemøde "Styregruppe" --date 2099-05-01 --phase 4)" = M3 &&
	test "$(styr meeting add læringsmøde "Læring" --date 2020-02-01)" = M4 &&
	test "$(styr meeting add workshop "Prioritering, dag 1" --date 2020-04-01 --phase 4)" = M5 &&
	test "$(styr meeting add seminar "Kick-off" --date today)" = M6 &&
	test_grep "<meeting id=\"M1\" kind=\"network\" date=\"2020-03-01\" phase=\"1\">" styr.xml &&
	test_grep "<meeting id=\"M2\" kind=\"module\" date=\"2020-02-01\" phase=\"1\">" styr.xml &&
	test_grep "<meeting id=\"M3\" kind=\"steering\" date=\"2099-05-01\" phase=\"4\">" styr.xml &&
	test_grep "<meeting id=\"M4\" kind=\"learning\" date=\"2020-02-01\" phase=\"1\">" styr.xml &&
	test_grep "<meeting id=\"M6\" kind=\"seminar\" date=\"$(date +%F)\" phase=\"1\">" styr.xml &&
	test_grep "<title>Prioritering, dag 1</title>" styr.xml &&
	test_grep "<meetings next=\"7\">" styr.xml &&
	test_grep "action=\"meeting\" ref=\"M3\"" styr.xml &&
	test_grep "<what>added Steering group meeting .Styregruppe. on 2099-05-01 in phase 4</what>" styr.xml &&
	valid
'

test_expect_success 'the default phase follows the current phase' '
	styr phase start 3 2>/dev/null &&
	test "$(styr meeting add module "Modul 2" --date 2020-05-01)" = M7 &&
	test_grep "<meeting id=\"M7\" kind=\"module\" date=\"2020-05-01\" phase=\"3\">" styr.xml
'

test_expect_success 'ids are never reused, even after a meeting is gone' '
	perl -0pi -e "s{\n *<meeting id=\"M7\".*?</meeting>}{}s" styr.xml &&
	! grep "id=\"M7\"" styr.xml &&
	test "$(styr meeting add other "Ekstra" --date 2020-06-01)" = M8
'

test_expect_success 'attend: ids and exact names; the log names who' '
	styr meeting attend M1 P1 "Bo Leder" 2>err &&
	test_grep "M1: 2 attendees recorded" err &&
	test_grep "<attendee ref=\"P1\"/>" styr.xml &&
	test_grep "<what>recorded at meeting M1 .Netværksmøde 1.: Anne Agent (P1), Bo Leder (P2)</what>" styr.xml &&
	valid
'

test_expect_success 'attending twice is harmless' '
	cp styr.xml before.xml &&
	styr meeting attend M1 "Anne Agent" P2 P1 2>err &&
	test_grep "nothing changed" err &&
	test_cmp before.xml styr.xml &&
	styr meeting attend M1 P3 p3 "Lis Larsen" 2>err &&
	test_grep "M1: 1 attendee recorded" err &&
	test "$(grep -c "<attendee ref=\"P3\"/>" styr.xml)" = 1
'

test_expect_success 'attend: an unknown name or meeting writes nothing' '
	cp styr.xml before.xml &&
	test_expect_code 1 styr meeting attend M2 P1 "Ukendt Person" P9 2>err &&
	test_grep "unknown person .Ukendt Person." err &&
	test_grep "unknown person .P9." err &&
	test_expect_code 1 styr meeting attend M2 "Ane Agentt" 2>err &&
	test_grep "unknown person .Ane Agentt.; did you mean .Anne Agent. (P1)?" err &&
	test_expect_code 1 styr meeting attend M3 P1 2>err &&
	test_grep "meeting M3 is dated 2099-05-01, a day still to come" err &&
	test_expect_code 1 styr meeting attend M2 P1 --date 2999-01-01 2>err &&
	test_grep "in the future" err &&
	test_expect_code 1 styr meeting attend M99 P1 2>err &&
	test_grep "unknown meeting .M99. (see .styr meeting list.)" err &&
	test_cmp before.xml styr.xml
'

test_expect_success 'list: by date, held or planned, attendees by name' '
	styr meeting list >out &&
	cat >expect <<-EOF &&
	ID  Date        Phase  Kind                    Title                Status   Attendees
	M2  2020-02-01  1      Teaching module         Modul 1              held     
	M4  2020-02-01  1      Learning meeting        Læring               held     
	M1  2020-03-01  1      Network meeting         Netværksmøde 1       held     Anne Agent, Bo Leder, Lis Larsen
	M5  2020-04-01  4      Workshop                Prioritering, dag 1  held     
	M8  2020-06-01  3      Meeting                 Ekstra               held     
	M6  $(date +%F)  1      Seminar                 Kick-off             held     
	M3  2099-05-01  4      Steering group meeting  Styregruppe          planned  
	EOF
	test_cmp expect out
'

test_expect_success 'list --phase N' '
	styr meeting list --phase 4 >out &&
	test "$(wc -l <out)" = 3 &&
	test_grep "^M5 " out && test_grep "^M3 " out &&
	styr meeting list --phase 2 >out &&
	test "$(wc -l <out)" = 1 &&
	test_expect_code 1 styr meeting list --phase 9 2>err &&
	test_grep "unknown phase .9." err
'

test_expect_success 'list --format csv: keywords and person ids' '
	styr meeting list --phase 1 --format csv >out &&
	printf "%s\r\n" \
		"id,date,phase,kind,title,status,attendees" \
		"M2,2020-02-01,1,module,Modul 1,held," \
		"M4,2020-02-01,1,learning,Læring,held," \
		"M1,2020-03-01,1,network,Netværksmøde 1,held,P1 P2 P3" \
		"M6,$(date +%F),1,seminar,Kick-off,held," >expect &&
	test_cmp expect out &&
	styr meeting list --phase 4 --format csv >out &&
	printf "%s\r\n" \
		"id,date,phase,kind,title,status,attendees" \
		"M5,2020-04-01,4,workshop,\"Prioritering, dag 1\",held," \
		"M3,2099-05-01,4,steering,Styregruppe,planned," >expect &&
	test_cmp expect out
'

test_expect_success 'list --format tsv' '
	styr meeting list --phase 4 --format tsv >out &&
	printf "id\tdate\tphase\tkind\ttitle\tstatus\tattendees\nM5\t2020-04-01\t4\tworkshop\tPrioritering, dag 1\theld\t\nM3\t2099-05-01\t4\tsteering\tStyregruppe\tplanned\t\n" >expect &&
	test_cmp expect out
'

test_expect_success 'list --format json: the export json meeting objects, plus held' '
	styr meeting list --format json >out.json &&
	python3 -c "
import json
d = json.load(open(\"out.json\"))
assert [m[\"id\"] for m in d] == [\"M2\", \"M4\", \"M1\", \"M5\", \"M8\", \"M6\", \"M3\"], d
m = d[2]
assert m == {\"id\": \"M1\", \"kind\": \"network\", \"title\": \"Netværksmøde 1\",
             \"date\": \"2020-03-01\", \"phase\": 1,
             \"attendees\": [\"P1\", \"P2\", \"P3\"], \"held\": True}, m
assert d[-1][\"held\"] is False and d[-1][\"phase\"] == 4, d[-1]
"
'

test_expect_success 'a meeting counts as held in the overview from its date on' '
	styr phase start 4 2>/dev/null &&
	styr phase >out &&
	test_grep "^    2020-04-01  held     M5  Workshop: Prioritering, dag 1$" out &&
	test_grep "^    2099-05-01  planned  M3  Steering group meeting: Styregruppe$" out
'

test_expect_success 'refusals: unknown kind, bad date, unknown phase, bad title' '
	cp styr.xml before.xml &&
	test_expect_code 1 styr meeting add fest "Julefrokost" --date 2020-12-01 2>err &&
	test_grep "unknown meeting kind .fest." err &&
	test_grep "netværksmøde" err &&
	test_expect_code 1 styr meeting add workshop "X" --date 2020-13-01 2>err &&
	test_grep "2020-13-01" err &&
	test_expect_code 1 styr meeting add workshop "X" --date 2020-01-01 --phase 7 2>err &&
	test_grep "unknown phase .7. (the model has phases 1 to 6)" err &&
	test_expect_code 1 styr meeting add workshop "  " --date 2020-01-01 2>err &&
	test_grep "needs a title" err &&
	test_expect_code 1 styr meeting add workshop "$(printf "a\001")" --date 2020-01-01 2>err &&
	test_grep "control" err &&
	test_cmp before.xml styr.xml
'

test_expect_success 'usage errors exit 2' '
	cp styr.xml before.xml &&
	test_expect_code 2 styr meeting add workshop "X" 2>err &&
	test_grep "needs --date" err &&
	test_expect_code 2 styr meeting add workshop --date 2020-01-01 2>err &&
	test_grep "needs a KIND and a TITLE" err &&
	test_expect_code 2 styr meeting attend M1 2>err &&
	test_grep "one or more people" err &&
	test_expect_code 2 styr meeting plan 2>err &&
	test_grep "unknown subcommand .plan." err &&
	test_expect_code 2 styr meeting list --date 2020-01-01 2>err &&
	test_expect_code 2 styr meeting add workshop "X" --date 2020-01-01 --format json 2>err &&
	test_expect_code 2 styr meeting list --format xml 2>err &&
	test_grep "unknown format .xml." err &&
	test_cmp before.xml styr.xml
'

test_expect_success 'meeting with no action lists' '
	styr meeting >a &&
	styr meeting list >b &&
	test_cmp a b
'

test_expect_success 'no lock or temporary file is left behind' '
	test ! -e styr.xml.lock && test ! -e styr.xml.new
'

test_expect_success 'attend: names as vote matches them; the day it happened in the log' '
	styr -f a.xml init --org X >/dev/null 2>&1 &&
	styr -f a.xml person add "Hanne Møller" --role staff >/dev/null &&
	styr -f a.xml meeting add workshop "W" --date 2020-01-10 >/dev/null &&
	styr -f a.xml meeting attend M1 "hanne  MØLLER" 2>err &&
	test_grep "M1: 1 attendee recorded" err &&
	test_grep "<attendee ref=\"P1\"/>" a.xml &&
	test_grep "action=\"meeting\" ref=\"M1\" happened=\"2020-01-10\"" a.xml &&
	styr -f a.xml person add "Bo" --role med >/dev/null &&
	styr -f a.xml meeting attend M1 Bo --date 2020-01-11 2>/dev/null &&
	test_grep "happened=\"2020-01-11\"" a.xml
'

test_done
