#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# area and person: review areas and the people taking part, with roles.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup' '
	styr init --org "Odder Kommune" --title "Nybureaukratisering"
'

test_expect_success 'area add stores an area; area list shows it' '
	styr area add BOST "Bostøtte" &&
	styr area add hjemmepleje "Hjemmepleje, dag" &&
	test_grep "<area id=\"BOST\">Bostøtte</area>" styr.xml &&
	styr area list >out &&
	test_grep "^ID  *Name  *Items$" out &&
	test_grep "^BOST  *Bostøtte  *0$" out &&
	test_grep "^hjemmepleje  *Hjemmepleje, dag  *0$" out &&
	valid
'

test_expect_success 'area list counts the items of each area' '
	styr add doc "Udredning" --area BOST >/dev/null &&
	styr add rule "Timer" --area BOST >/dev/null &&
	styr add goal "Trivsel" --area hjemmepleje >/dev/null &&
	styr add goal "Uden område" >/dev/null &&
	styr area list >out &&
	test_grep "^BOST  *Bostøtte  *2$" out &&
	test_grep "^hjemmepleje  *Hjemmepleje, dag  *1$" out
'

test_expect_success 'area list --format json is [{id, name}]' '
	styr area list --format json >out.json &&
	python3 -c "
import json, sys
d = json.load(open(\"out.json\"))
assert [a[\"id\"] for a in d] == [\"BOST\", \"hjemmepleje\"], d
assert d[0][\"name\"] == \"Bostøtte\", d
assert d[1][\"name\"] == \"Hjemmepleje, dag\", d
assert d[0][\"items\"] == 2 and d[1][\"items\"] == 1, d
"
'

test_expect_success 'area list --format csv quotes a name with a comma' '
	styr area list --format csv >out &&
	printf "id,name,items\r\nBOST,Bostøtte,2\r\nhjemmepleje,\"Hjemmepleje, dag\",1\r\n" >expect &&
	test_cmp expect out
'

test_expect_success 'area list --format tsv' '
	styr area list --format tsv >out &&
	printf "id\tname\titems\nBOST\tBostøtte\t2\nhjemmepleje\tHjemmepleje, dag\t1\n" >expect &&
	test_cmp expect out
'

test_expect_success 'a duplicate area id is refused, also in other case' '
	test_refused 1 "BOST" styr area add BOST "Andet" &&
	test_refused 1 "BOST" styr area add bost "Andet"
'

test_expect_success 'bad area ids are refused, nothing written' '
	test_refused 1 "has space" styr area add "has space" "X" &&
	test_refused 1 "lead" styr area add -- "-lead" "X" &&
	test_refused 1 "^styr: area id .æble.: use 1 to 32 letters A-Z without æ, ø, å" styr area add "æble" "X" &&
	test_refused 1 "32" styr area add "a23456789012345678901234567890123" "X"
'

test_expect_success 'a 32-character id with - and _ is accepted' '
	styr area add "a2345678901234567890123456789_-2" "Langt" &&
	test_grep "id=\"a2345678901234567890123456789_-2\"" styr.xml
'

test_expect_success 'area: an empty name is refused' '
	test_refused 1 "name" styr area add X ""
'

test_expect_success 'area: usage errors exit 2' '
	test_refused 2 "" styr area &&
	test_refused 2 "" styr area add X &&
	test_refused 2 "" styr area add X Y Z &&
	test_refused 2 "drop" styr area drop X &&
	test_refused 2 "" styr area list extra
'

test_expect_success 'area list: unknown format is a usage error naming the formats' '
	test_expect_code 2 styr area list --format xml 2>err &&
	test_grep "xml" err && test_grep "json" err
'

test_expect_success 'area add is in the change log' '
	test_grep "action=\"area\" ref=\"BOST\"" styr.xml
'

test_expect_success 'person add prints P1, P2, ... and stores the role' '
	test "$(styr person add "Anne Agent" --role agent)" = P1 &&
	test "$(styr person add "Bo Leder" --role management)" = P2 &&
	test_grep "<person id=\"P1\" role=\"agent\">Anne Agent</person>" styr.xml &&
	test_grep "<what>added P1 .Anne Agent. (documentation agent)</what>" styr.xml &&
	test_grep "<people next=\"3\">" styr.xml &&
	valid
'

test_expect_success 'person add: Danish role aliases' '
	test "$(styr person add "Carla" --role dokumentationsagent)" = P3 &&
	test "$(styr person add "Dan" --role tr)" = P4 &&
	test "$(styr person add "Eva" --role styregruppe)" = P5 &&
	test "$(styr person add "Finn" --role medarbejder)" = P6 &&
	test "$(styr person add "Gitte" --role forvaltning)" = P7 &&
	test "$(styr person add "Hans" --role Ledelse)" = P8 &&
	test_grep "id=\"P3\" role=\"agent\"" styr.xml &&
	test_grep "id=\"P4\" role=\"steward\"" styr.xml &&
	test_grep "id=\"P5\" role=\"steering\"" styr.xml &&
	test_grep "id=\"P6\" role=\"staff\"" styr.xml &&
	test_grep "id=\"P7\" role=\"administration\"" styr.xml &&
	test_grep "id=\"P8\" role=\"management\"" styr.xml
'

test_expect_success 'person add: unknown role is refused listing the roles' '
	cp styr.xml before.xml &&
	test_expect_code 1 styr person add "Ib" --role boss 2>err &&
	test_grep "boss" err &&
	test_grep "management" err && test_grep "steward" err &&
	test_cmp before.xml styr.xml
'

test_expect_success 'person add: a name already registered is refused' '
	test_refused 1 "P1" styr person add "Anne Agent" --role staff
'

test_expect_success 'person add: usage errors exit 2, nothing written' '
	test_refused 2 "role" styr person add "Ib" &&
	test_refused 2 "" styr person add --role staff &&
	test_refused 2 "" styr person &&
	test_refused 2 "" styr person fire P1 &&
	test_refused 2 "" styr person list --role staff &&
	test_refused 1 "" styr person add "" --role staff
'

test_expect_success 'person list shows id, name and role label' '
	styr person list >out &&
	test_grep "^ID  *Name  *Role$" out &&
	test_grep "^P1  *Anne Agent  *Documentation agent$" out &&
	test_grep "^P4  *Dan  *Steward$" out &&
	test "$(grep -c "^P[0-9]" out)" = 8
'

test_expect_success 'person list --format json is [{id, name, role}]' '
	styr person list --format json >out.json &&
	python3 -c "
import json
d = json.load(open(\"out.json\"))
assert len(d) == 8, d
assert d[0] == {\"id\": \"P1\", \"name\": \"Anne Agent\", \"role\": \"agent\"}, d[0]
assert d[4] == {\"id\": \"P5\", \"name\": \"Eva\", \"role\": \"steering\"}, d[4]
"
'

test_expect_success 'person list --format csv gives keywords' '
	styr person list --format csv >out &&
	head -2 out >first &&
	printf "id,name,role\r\nP1,Anne Agent,agent\r\n" >expect &&
	test_cmp expect first
'

test_expect_success 'empty lists: a friendly line on stderr, json []' '
	styr -f empty.xml init --org X &&
	styr -f empty.xml area list >out 2>err &&
	test ! -s out && test_grep "no review areas" err &&
	styr -f empty.xml person list >out 2>err &&
	test ! -s out && test_grep "no people" err &&
	test "$(styr -f empty.xml person list --format json)" = "[]" &&
	test "$(styr -f empty.xml area list --format json)" = "[]"
'

test_done
