#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# import ratings takes a survey tool's export as it comes (Microsoft
# Forms, SurveyXact, Google Forms: their own columns read past, their id
# of each answer kept on its ratings) and never counts the same answers
# twice: an answer imported again replaces its rating, and a file without
# answer ids whose anonymous answers are in the round already is refused
# (unless --again).  The answer id goes through export/import json and
# merge.
. "$(dirname "$0")/lib.sh"

# PY (a python3 with openpyxl) (lib.sh).
office_tools

# count ROUND [ITEM]: how many ratings of ROUND (of ITEM) the register has.
count() {
	styr export json -o all.json &&
	python3 - "$@" <<-\EOF
	import json, sys
	n = 0
	for it in json.load(open("all.json"))["items"]:
	    if len(sys.argv) > 2 and it["id"] != sys.argv[2]:
	        continue
	    n += sum(r["round"] == sys.argv[1] for r in it["ratings"])
	print(n)
	EOF
}

# dates [ROUND]: each rating's answer id and date ("ID=DATE", in the
# register's order), of ROUND if given, from export json.
dates() {
	styr export json -o all.json &&
	python3 - "$@" <<-\EOF
	import json, sys
	for it in json.load(open("all.json"))["items"]:
	    for r in it["ratings"]:
	        if len(sys.argv) < 2 or r["round"] == sys.argv[1]:
	            print("%s=%s" % (r["answer_id"], r["date"]))
	EOF
}

# forms NAME ROWS [DANISH]: a Microsoft Forms export (Excel) NAME.xlsx of
# answers 1..ROWS to D1, anonymous ("anonymous" in Name and Email), with
# the tool's times; answer 3 says "For slap" when CHANGED is set.
forms() {
	NAME=$1 ROWS=$2 CHANGED=${3:-} workbook "Sheet1" <<-\EOF
	import os
	rows, changed = int(os.environ["ROWS"]), os.environ["CHANGED"]
	ws.append(["ID", "Start time", "Completion time", "Email", "Name",
	           "Last modified time", "D1: § 85 bostøtte kræver fuld VUM-udredning"])
	t = datetime.datetime(2026, 11, 2, 9, 0, 0)
	for i in range(1, rows + 1):
	    answer = ("For slap" if changed and i == 3 else
	              ["For stram", "Understøttende"][i % 2])
	    ws.append([i, t, t + datetime.timedelta(minutes=3), "anonymous",
	               "anonymous", None, answer])
	    t += datetime.timedelta(minutes=7)
	wb.save(os.environ["NAME"] + ".xlsx")
	EOF
}

test_expect_success 'set-up: items and people' '
	styr init --org "Odder Kommune" 2>/dev/null &&
	styr person add "Torben Højris" --role medarbejder >/dev/null &&
	styr person add "Åse Nørgaard" --role leder >/dev/null &&
	styr add dokumentation "§ 85 bostøtte kræver fuld VUM-udredning" >/dev/null &&
	styr add regel "Bostøtte bevilges i ugentlige timer" >/dev/null &&
	styr add mål "Borgeren mestrer eget liv" >/dev/null &&
	cp styr.xml empty.xml
'

if test -n "$PY"; then
test_expect_success 'Microsoft Forms, Monday then Friday: 20, then 35 ratings, not 55' '
	forms mandag 20 &&
	forms fredag 35 changed &&
	styr import ratings mandag.xlsx --round baseline --date 2026-11-02 2>err &&
	test_grep "read past: .Start time., .Completion time., .Email., .Last modified time.$" err &&
	test $(grep -c "read past" err) = 1 &&
	test_grep "imported 20 ratings (Baseline) from mandag.xlsx: 20 new, 0 replaced, 0 unchanged" err &&
	test "$(count baseline D1)" = 20 &&
	cp styr.xml monday.xml &&
	styr import ratings fredag.xlsx --round baseline --date 2026-11-06 2>err &&
	test_grep "imported 16 ratings (Baseline) from fredag.xlsx: 15 new, 1 replaced, 19 unchanged" err &&
	test_grep "1 earlier rating replaced (D1: answer 3 .Supportive. -> .Too loose.)" err &&
	test "$(count baseline D1)" = 35 &&
	test "$(count baseline)" = 35 &&
	test_unchanged "every answer in the file is recorded already" \
		styr import ratings fredag.xlsx --round baseline &&
	test "$(count baseline D1)" = 35 &&
	grep "<rating " styr.xml | grep -c " answer-id=\"[0-9]*\"" >n &&
	echo 35 >want && test_cmp want n &&
	valid
'

test_expect_success 'Microsoft Forms in Danish, with names: Id, Navn, Mail and the Danish times' '
	cp empty.xml styr.xml &&
	workbook "Ark1" <<-\EOF &&
	t = datetime.datetime(2026, 11, 2, 9, 0, 0)
	ws.append(["Id", "Starttidspunkt", "Tidspunkt for fuldførelse", "Mail",
	           "Navn", "Tidspunkt for seneste ændring", "R1"])
	ws.append([1, t, t, "th@odder.dk", "Torben Højris", t, "for stram"])
	ws.append([2, t, t, "anonymous", "anonymous", None, "understøttende"])
	wb.save("da.xlsx")
	EOF
	LC_ALL=da_DK.UTF-8 styr import ratings da.xlsx --round før --date 2026-11-02 2>err &&
	test_grep "egne kolonner springes over: .Starttidspunkt., .Tidspunkt for fuldførelse., .Mail., .Tidspunkt for seneste ændring.$" err &&
	test_grep "importerede 2 vurderinger (Før) fra da.xlsx: 2 nye, 0 erstattede, 0 uændrede" err &&
	grep "<rating " styr.xml >r &&
	test_grep "respondent=\"P1\" answer-id=\"1\"" r &&
	grep -v respondent r | test_grep "answer-id=\"2\"" &&
	LC_ALL=da_DK.UTF-8 styr import ratings da.xlsx --round før 2>err &&
	test_grep "alle svar i filen er allerede registreret" err
'
else
	skip "openpyxl is not installed"
	skip "openpyxl is not installed"
fi

test_expect_success 'SurveyXact (CSV): respondentid kept, its status and time columns read past' '
	cp empty.xml styr.xml &&
	{
		crlf "respondentid;statstatus;stattotaltime;email;name;D1;R1;Borgeren mestrer eget liv" &&
		crlf "48213307;2;312;;;For stram;Understøttende;" &&
		crlf "48213311;2;95;;;For slap;;For stram" &&
		crlf "48213342;2;240;aase@odder.dk;Åse Nørgaard;Understøttende;For stram;For slap"
	} >sx.csv &&
	styr import ratings sx.csv --round followup --date 2026-11-02 2>err &&
	test_grep "read past: .statstatus., .stattotaltime., .email.$" err &&
	test_grep "imported 7 ratings (Follow-up) from sx.csv: 7 new, 0 replaced, 0 unchanged" err &&
	test "$(count followup)" = 7 &&
	grep -c "answer-id=\"48213311\"" styr.xml >n && echo 2 >want && test_cmp want n &&
	grep "answer-id=\"48213342\"" styr.xml | grep -q "respondent=\"P2\"" &&
	test_unchanged "every answer in the file is recorded already" \
		styr import ratings sx.csv --round followup &&
	test "$(count followup)" = 7 &&
	valid
'

test_expect_success 'Google Forms (CSV): the time stamp is the answer id, two in one second told apart' '
	cp empty.xml styr.xml &&
	{
		echo "Timestamp,Email Address,D1,R1" &&
		echo "2026/11/02 9:12:33 AM GMT+1,,For stram,For slap" &&
		echo "2026/11/02 9:12:33 AM GMT+1,,Understøttende," &&
		echo "2026/11/02 9:40:02 AM GMT+1,,For stram,"
	} >g1.csv &&
	cp g1.csv g2.csv &&
	echo "2026/11/03 1:05:12 PM GMT+1,,For slap,For slap" >>g2.csv &&
	styr import ratings g1.csv --round baseline 2>err &&
	test_grep "read past: .Email Address.$" err &&
	test "$(count baseline)" = 4 &&
	test_grep "answer-id=\"2026/11/02 9:12:33 AM GMT+1 #2\"" styr.xml &&
	styr import ratings g2.csv --round baseline 2>err &&
	test_grep ": 2 new, 0 replaced, 4 unchanged" err &&
	test "$(count baseline)" = 6 &&
	cp empty.xml styr.xml &&
	sed "s/^Timestamp,Email Address/Tidsstempel,Mailadresse/" g1.csv >g-da.csv &&
	styr import ratings g-da.csv --round baseline 2>err &&
	test_grep "read past: .Mailadresse.$" err &&
	test "$(count baseline)" = 4
'

test_expect_success 'anonymous answers without ids: the same file twice is refused, byte for byte' '
	cp empty.xml styr.xml &&
	crlf "Navn;D1;R1" ";For stram;For slap" "anonymous;Understøttende;" "Torben Højris;For stram;" >anon.csv &&
	styr import ratings anon.csv --round baseline --date 2026-11-02 2>err &&
	test "$(count baseline)" = 4 &&
	cp styr.xml once.xml &&
	import_refused once.xml "anon.csv: these answers were imported into the Baseline round already, on 20[0-9-]{8} [0-9:]{5} \(UTC\) by tester \(the log says: .imported 4 ratings \(Baseline\) from anon.csv: 3 respondents, answered 2026-11-02.\); the file has no answer ids, so importing it again would count its 2 anonymous respondents twice" \
		ratings anon.csv --round baseline &&
	test_grep "import the file with --again" err &&
	import_refused once.xml "already" ratings anon.csv --round før --dry-run &&
	cp once.xml styr.xml &&
	tr -d "\r" <anon.csv | sed "s/;/,/g" >anon-komma.csv &&
	import_refused once.xml "the file has no answer ids" ratings anon-komma.csv --round baseline &&
	test_expect_code 1 env LC_ALL=da_DK.UTF-8 "$STYR" import ratings anon.csv --round baseline 2>err &&
	test_grep "disse svar er allerede importeret i runden Før" err &&
	test_grep "importér filen med --again" err &&
	test_cmp once.xml styr.xml &&
	test "$(count baseline)" = 4
'

test_expect_success '--again imports them once more; another round or another file is no repeat' '
	cp once.xml styr.xml &&
	styr import ratings anon.csv --round baseline --again 2>err &&
	test_grep "imported 3 ratings (Baseline) from anon.csv: 3 new, 0 replaced, 1 unchanged" err &&
	test "$(count baseline)" = 7 &&
	cp once.xml styr.xml &&
	styr import ratings anon.csv --round followup 2>err &&
	test "$(count followup)" = 4 &&
	crlf ";For slap;" >>anon.csv &&
	styr import ratings anon.csv --round baseline 2>err &&
	test "$(count baseline)" = 8 &&
	crlf "Navn;D1" "Torben Højris;For stram" >named.csv &&
	styr import ratings named.csv --round baseline 2>err &&
	test_unchanged "recorded already" styr import ratings named.csv --round baseline
'

test_expect_success 'refused still: a misspelt item, a column no tool writes, a doubled or missing answer id' '
	cp empty.xml before.xml &&
	crlf "ID;Borgeren mestrer eget lv" "1;For stram" >a.csv &&
	import_refused before.xml "a.csv:1: column 2, .Borgeren mestrer eget lv., is no item of the register \(by its id, such as D4, or its title; did you mean .G1: Borgeren mestrer eget liv.\?\)" \
		ratings a.csv --round baseline &&
	crlf "ID;Start tid;D1" "1;09:00;For stram" >b.csv &&
	import_refused before.xml "b.csv:1: column 2, .Start tid., is no item of the register" \
		ratings b.csv --round baseline &&
	crlf "ID;D1" "7;For stram" "7;For slap" >c.csv &&
	import_refused before.xml "c.csv:3: column .ID.: answer id 7 is on line 2 already" \
		ratings c.csv --round baseline &&
	crlf "ID;D1" "7;For stram" ";For slap" >d.csv &&
	import_refused before.xml "d.csv:3: column .ID.: the row has no answer id" \
		ratings d.csv --round baseline &&
	crlf "ID;respondentid;D1" "7;8;For stram" >e.csv &&
	import_refused before.xml "two columns hold the answers. ids \(ID and respondentid\)" \
		ratings e.csv --round baseline
'

test_expect_success 'export json and import json keep the answer id' '
	cp empty.xml styr.xml &&
	styr import ratings sx.csv --round followup --date 2026-11-02 2>err &&
	styr export json -o full.json &&
	python3 -c "
import json
rs = [r for i in json.load(open(\"full.json\"))[\"items\"] for r in i[\"ratings\"]]
assert sorted(set(r[\"answer_id\"] for r in rs)) == [\"48213307\", \"48213311\", \"48213342\"], rs
log = json.load(open(\"full.json\"))[\"log\"]
assert [e[\"digest\"] for e in log if \"digest\" in e][0].startswith(\"crc32:\"), log
" &&
	styr -f restored.xml -q init --org "Odder Kommune" &&
	styr -f restored.xml import json full.json 2>err &&
	styr -f restored.xml validate &&
	styr -f restored.xml export json -o again.json &&
	python3 -c "
import json
a, b = (json.load(open(f)) for f in (\"full.json\", \"again.json\"))
assert [i[\"ratings\"] for i in a[\"items\"]] == [i[\"ratings\"] for i in b[\"items\"]]
assert [e.get(\"digest\") for e in a[\"log\"]] == [e.get(\"digest\") for e in b[\"log\"][:len(a[\"log\"])]]
" &&
	test_unchanged "recorded already" styr -f restored.xml import ratings sx.csv --round followup
'

if test -n "$PY"; then
test_expect_success 'merge: both copies imported the same survey rows; each rating once' '
	cp empty.xml base.xml &&
	cp empty.xml ours.xml &&
	cp empty.xml theirs.xml &&
	styr -f ours.xml import ratings fredag.xlsx --round baseline --date 2026-11-06 2>err &&
	styr -f theirs.xml import ratings fredag.xlsx --round baseline --date 2026-11-06 2>err &&
	styr merge ours.xml base.xml theirs.xml 2>err &&
	! grep -q "<conflict " ours.xml &&
	test "$(grep -c "<rating " ours.xml)" = 35 &&
	valid ours.xml &&
	cp empty.xml ours.xml &&
	cp empty.xml theirs.xml &&
	styr -f ours.xml import ratings mandag.xlsx --round baseline --date 2026-11-06 2>err &&
	styr -f theirs.xml import ratings fredag.xlsx --round baseline --date 2026-11-06 2>err &&
	test_expect_code 1 styr merge ours.xml base.xml theirs.xml 2>err &&
	test "$(grep -c "<rating " ours.xml)" = 35 &&
	test "$(grep -c "<conflict " ours.xml)" = 1 &&
	test_grep "D1: rating (baseline), answer 3" ours.xml &&
	valid ours.xml
'
else
	skip "openpyxl is not installed"
fi

test_expect_success 'an anonymous answer is told apart by its id: show, rate change, the git diff text' '
	cp empty.xml styr.xml &&
	styr import ratings sx.csv --round followup --date 2026-11-02 2>err &&
	styr show D1 >out &&
	test_grep "^Ratings: *1\. follow-up, anonymous answer 48213307: too tight (2026-11-02)$" out &&
	test_grep "^ *3\. follow-up, Åse Nørgaard: supportive (2026-11-02)$" out &&
	styr -q git textconv styr.xml >text &&
	test_grep "^D1: rating (follow-up) by anonymous answer 48213311: too loose$" text &&
	test_grep "^D1: rating (follow-up) by Åse Nørgaard: supportive$" text &&
	styr rate change D1 2 too-tight --why "tastefejl" 2>err &&
	styr log >log &&
	test_grep "rating 2 changed: follow-up, anonymous answer 48213311: too loose (2026-11-02) -> too tight; why: tastefejl$" log &&
	LC_ALL=da_DK.UTF-8 styr show D1 >out &&
	test_grep "^Vurderinger: *1\. efter, anonymt svar 48213307: for stram (2026-11-02)$" out &&
	LC_ALL=da_DK.UTF-8 styr -q git textconv styr.xml >text &&
	test_grep "^D1: vurdering (efter) fra anonymt svar 48213307: for stram$" text &&
	crlf "D1" "For stram" >plain.csv &&
	styr import ratings plain.csv --round baseline --date 2026-11-02 2>err &&
	styr -q git textconv styr.xml >text &&
	test_grep "^D1: rating (baseline) by anonymous: too tight$" text
'

# The day each answer was completed, from the tool's column: all rows or
# none.  TODAY is the day of the import.
TODAY=$(date +%F)

if test -n "$PY"; then
test_expect_success 'Microsoft Forms date cells: each answer keeps the day it was completed' '
	cp empty.xml styr.xml &&
	workbook "Sheet1" <<-\EOF &&
	ws.append(["ID", "Start time", "Completion time", "Email", "Name", "D1"])
	for i, day in enumerate([2, 3, 5], 1):
	    t = datetime.datetime(2026, 11, day, 23, 50, 0)
	    ws.append([i, t - datetime.timedelta(minutes=5), t, "anonymous",
	               "anonymous", "For stram"])
	wb.save("days.xlsx")
	EOF
	styr import ratings days.xlsx --round baseline 2>err &&
	test_grep "read past: .Start time., .Email.$" err &&
	test_grep "^days.xlsx: the ratings have the days their answers were completed, from column .Completion time.: 2026-11-02 to 2026-11-05$" err &&
	! grep "not a date" err &&
	printf "%s\n" 1=2026-11-02 2=2026-11-03 3=2026-11-05 >want-days &&
	dates >got && test_cmp want-days got &&
	styr log >log &&
	test_grep "imported 3 ratings (Baseline) from days.xlsx: 3 respondents, answered 2026-11-02 to 2026-11-05 (dated 2026-11-05)$" log &&
	test_grep "action=\"import\".* happened=\"2026-11-05\"" styr.xml &&
	valid &&
	cp empty.xml styr.xml &&
	LC_ALL=da_DK.UTF-8 styr import ratings days.xlsx --round før 2>err &&
	test_grep "vurderingerne har den dag, svaret blev afsluttet, fra kolonnen .Completion time.: 2026-11-02 til 2026-11-05$" err &&
	LC_ALL=da_DK.UTF-8 styr log >log &&
	test_grep "besvaret 2026-11-02 til 2026-11-05 ([a-z]* 2026-11-05)$" log
'

test_expect_success '--date wins over the file'"'"'s days, and nothing is said about them' '
	cp empty.xml styr.xml &&
	styr import ratings days.xlsx --round baseline --date 2026-11-20 2>err &&
	test_grep "read past: .Start time., .Completion time., .Email.$" err &&
	! grep "completed\|not a date" err &&
	printf "%s\n" 1=2026-11-20 2=2026-11-20 3=2026-11-20 >want &&
	dates >got && test_cmp want got &&
	styr log >log && test_grep "answered 2026-11-20 (dated 2026-11-20)$" log
'
else
	skip "openpyxl is not installed"
	skip "openpyxl is not installed"
fi

test_expect_success 'ISO 8601 text: the day as written, with or without time, seconds and zone' '
	cp empty.xml styr.xml &&
	crlf "ID;Completion time;D1" "1;2026-11-02 10:32;For stram" \
		"2;2026-11-03T23:15:00+01:00;For slap" "3;2026-11-04;Understøttende" \
		"4;2026-11-04T08:01:02.5Z;For slap" >iso.csv &&
	styr import ratings iso.csv --round followup 2>err &&
	test_grep "from column .Completion time.: 2026-11-02 to 2026-11-04$" err &&
	printf "%s\n" 1=2026-11-02 2=2026-11-03 3=2026-11-04 4=2026-11-04 >want &&
	dates >got && test_cmp want got
'

test_expect_success 'a day written either way round (12/1/2026) is never guessed: no row takes its day from the file' '
	cp empty.xml styr.xml &&
	{
		echo "Timestamp,Email Address,D1,R1" &&
		echo "12/1/2026 10:32:15,,For stram,For slap" &&
		echo "12/2/2026 11:00:00,,Understøttende,"
	} >g-us.csv &&
	styr import ratings g-us.csv --round baseline 2>err &&
	test_grep "^g-us.csv:2: column .Timestamp.: .12/1/2026 10:32:15. is not a date styr can read without guessing (such as 2026-12-01 or 2026-12-01 10:32, or a spreadsheet.s date cell), so no rating takes its day from that column: all have today.s date, $TODAY; to give the day they were answered, import with --date$" err &&
	test $(grep -c "not a date" err) = 1 &&
	test_grep "imported 3 ratings" err &&
	printf "%s\n" "12/1/2026 10:32:15=$TODAY" "12/2/2026 11:00:00=$TODAY" "12/1/2026 10:32:15=$TODAY" >want &&
	dates >got && test_cmp want got &&
	cp empty.xml styr.xml &&
	crlf "ID;Completion time;D1" "1;2026-11-02 10:32;For stram" "2;02-11-2026 10:32;For slap" >mixed.csv &&
	styr import ratings mixed.csv --round baseline 2>err &&
	test_grep "^mixed.csv:3: column .Completion time.: .02-11-2026 10:32. is not a date" err &&
	printf "%s\n" 1=$TODAY 2=$TODAY >want &&
	dates >got && test_cmp want got &&
	cp empty.xml styr.xml &&
	styr import ratings g-us.csv --round baseline --date 2026-11-02 2>err &&
	! grep "not a date" err &&
	styr log >log && test_grep "answered 2026-11-02 (dated 2026-11-02)$" log
'

test_expect_success 'a completion day to come is refused, naming the cell; nothing is written' '
	crlf "ID;Completion time;D1" "1;2026-11-02 10:32;For stram" "2;2099-01-01T08:00:00Z;For slap" >future.csv &&
	import_refused empty.xml "^styr: future.csv:3: column .Completion time.: .2099-01-01T08:00:00Z. is a day to come \(today is $TODAY\); correct the cell, or give the day the survey was answered with --date$" \
		ratings future.csv --round baseline &&
	styr import ratings future.csv --round baseline --date 2026-11-02 2>err &&
	test "$(count baseline)" = 2
'

test_expect_success 'a row without a completion time: today for that row, said once' '
	cp empty.xml styr.xml &&
	crlf "ID;Completion time;D1" "1;2026-11-02 10:32;For stram" "2;;For slap" "3;;For slap" >undated.csv &&
	styr import ratings undated.csv --round baseline 2>err &&
	test_grep "^undated.csv: 2 rows have no day in column .Completion time. (the first: undated.csv:3); their ratings have today.s date, $TODAY$" err &&
	printf "%s\n" 1=2026-11-02 2=$TODAY 3=$TODAY >want &&
	dates >got && test_cmp want got &&
	styr log >log && test_grep "answered 2026-11-02 to $TODAY" log
'

if test -n "$PY"; then
test_expect_success 'two agents import the same export on different days: each answer once, no conflicts' '
	cp empty.xml styr.xml &&
	styr copy -o agent.xml 2>err &&
	test "$(TZ=AAA-14 date +%F)" != "$(TZ=BBB+12 date +%F)" &&
	TZ=AAA-14 styr import ratings days.xlsx --round baseline 2>err &&
	TZ=BBB+12 styr -f agent.xml import ratings days.xlsx --round baseline 2>err &&
	styr merge agent.xml 2>err &&
	! grep "<conflict " styr.xml &&
	test "$(count baseline D1)" = 3 &&
	dates >got && test_cmp want-days got &&
	valid styr.xml agent.xml
'
else
	skip "openpyxl is not installed"
fi

test_done
