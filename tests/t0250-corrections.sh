#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Corrections (SPEC section 7): every kind of record can be taken back or
# put right, one verb pattern (styr COMMAND VERB ID ...), each a logged
# change with who, when, why and what was there; the counts follow.
. "$(dirname "$0")/lib.sh"

# py EXPR FILE: the Python expression EXPR on the JSON in FILE (as d) must
# be true.
py() {
	python3 -c "
import json, sys
d = json.load(open('$2'))
if not ($1):
    sys.exit('not true: $1 in ' + json.dumps(d, ensure_ascii=False))
"
}

# item_json ID EXPR: EXPR on 'show ID --format json'.
item_json() { styr show "$1" --format json >item.json && py "$2" item.json; }

# The last change-log entry: its attributes and sentence, one line.
last_entry() {
	styr log --format json >log.json &&
	python3 -c "
import json
e = json.load(open('log.json'))[-1]
print(e['action'], e['ref'], e['by'], e['what'])
"
}

# logged LINE: the last change-log entry is LINE (as last_entry prints it).
logged() {
	last_entry >entry && echo "$1" >expect && test_cmp expect entry
}

# The last entry's note texts as data, "WAS|NOW" ("None" for one absent).
last_texts() {
	python3 -c '
import xml.etree.ElementTree as ET
ns = {"r": "urn:x-styr:register:1"}
e = ET.parse("styr.xml").getroot().findall("r:log/r:entry", ns)[-1]
print("%s|%s" % (e.findtext("r:was", None, ns), e.findtext("r:now", None, ns)))'
}

# The parts NAME of item ID in the register, one per line.
parts() { sed -n "/<item id=\"$1\"/,/<\/item>/p" styr.xml | grep "<$2 " || true; }

test_expect_success 'set-up: an item with notes, ratings and votes' '
	styr init --org "Odder Kommune" &&
	styr area add VIS "Visitation" &&
	styr person add "Lene Fagkonsulent" --role agent >/dev/null &&
	styr person add "Torben Højris" --role staff >/dev/null &&
	styr person add "Marianne Vogt" --role staff >/dev/null &&
	styr add doc "Fuld VUM-udredning" --area VIS >/dev/null &&
	styr add rule "Ugentlige timer" --area VIS >/dev/null &&
	styr meeting add workshop "Workshop 1" --date 2026-03-01 >/dev/null &&
	styr meeting add workshop "Workshop 2" --date 2026-03-15 >/dev/null &&
	styr --by Lene note D1 "Et forløb er dokumentationstungt" \
		--method interview --date 2026-02-01 &&
	styr --by Lene note D1 "Skrevet på det forkerte punkt" \
		--date 2026-02-02 &&
	styr --by Lene note D1 "Tredje note" --date 2026-02-03 &&
	styr rate D1 too-tight --respondent "Torben Højris" --date 2026-02-05 &&
	styr rate D1 supportive --respondent P3 --date 2026-02-05 &&
	styr rate D1 too-loose --date 2026-02-06 &&
	styr vote D1 remove --by "Marianne Vogt" --meeting M1 --date 2026-03-01 &&
	styr vote D1 change --by P2 --meeting M1 --date 2026-03-01 &&
	styr vote D1 change --count 3 --meeting M1 --date 2026-03-01 &&
	styr vote D1 anchor --by P2 --meeting M2 --date 2026-03-15 &&
	valid
'

test_expect_success 'show numbers the notes, ratings and votes' '
	styr show D1 >out &&
	test_grep "^Notes: *1\. 2026-02-01, Interview, Lene$" out &&
	test_grep "^ *2\. 2026-02-02, Lene$" out &&
	test_grep "^Ratings: *1\. baseline, Torben Højris: too tight (2026-02-05)$" out &&
	test_grep "^ *3\. baseline, anonymous: too loose (2026-02-06)$" out &&
	test_grep "^ *1\. Marianne Vogt: remove (meeting M1, 2026-03-01)$" out &&
	test_grep "^ *3\. 3 paper votes: change (meeting M1, 2026-03-01)$" out &&
	test_grep "^ *4\. Torben Højris: anchor (meeting M2, 2026-03-15)$" out
'

test_expect_success 'note remove: the note goes, the log keeps it and why' '
	styr --by Lene note remove D1 2 --why "hører til R1" 2>err &&
	test_grep "note 2 removed" err &&
	item_json D1 "[n[\"text\"] for n in d[\"notes\"]] == [\"Et forløb er dokumentationstungt\", \"Tredje note\"]" &&
	logged "note D1 Lene note 2 removed: '\''Skrevet på det forkerte punkt'\'' (Lene, 2026-02-02); why: hører til R1" &&
	test "$(last_texts)" = "Skrevet på det forkerte punkt|None" &&
	valid
'

test_expect_success 'note change: new text, the same method, author and date' '
	styr note change D1 2 "Tredje note, rettet" &&
	parts D1 note >notes &&
	test_grep "<note by=\"Lene\" date=\"2026-02-03\">Tredje note, rettet</note>" notes &&
	test "$(wc -l <notes)" = 2 &&
	logged "note D1 tester note 2 changed: '\''Tredje note'\'' (Lene, 2026-02-03) -> '\''Tredje note, rettet'\''" &&
	test "$(last_texts)" = "Tredje note|Tredje note, rettet" &&
	valid
'

test_expect_success 'note: unknown number, no notes, bad input are refused; nothing changes' '
	cp styr.xml before.xml &&
	test_expect_code 1 styr note remove D1 3 2>err &&
	test_grep "D1 has no note 3 (they are numbered 1 to 2" err &&
	test_expect_code 1 styr note remove D1 0 2>err &&
	test_grep "D1 has no note 0" err &&
	test_expect_code 1 styr note remove D1 to 2>err &&
	test_grep "to" err &&
	test_expect_code 1 styr note remove R1 1 2>err &&
	test_grep "R1 has no note to correct" err &&
	test_expect_code 1 styr note remove D9 1 2>err &&
	test_grep "D9" err &&
	test_expect_code 1 styr note change D1 1 "" 2>err &&
	test_grep "empty" err &&
	test_expect_code 2 styr note remove D1 2>err &&
	test_expect_code 2 styr note change D1 1 2>err &&
	test_cmp before.xml styr.xml
'

test_expect_success 'rate remove and change: the counts follow, the log keeps the rating' '
	item_json D1 "d[\"experience\"][\"baseline\"] == {\"supportive\": 1, \"too-tight\": 1, \"too-loose\": 1}" &&
	styr rate remove D1 3 --why "dobbelt indtastet" &&
	logged "rate D1 tester rating 3 removed: baseline, anonymous: too loose (2026-02-06); why: dobbelt indtastet" &&
	styr rate change D1 1 for-slap &&
	logged "rate D1 tester rating 1 changed: baseline, Torben Højris: too tight (2026-02-05) -> too loose" &&
	parts D1 rating >ratings &&
	test_grep "respondent=\"P2\"" ratings | test_grep -q "experience=\"too-loose\"" &&
	test "$(wc -l <ratings)" = 2 &&
	item_json D1 "d[\"experience\"][\"baseline\"] == {\"supportive\": 1, \"too-tight\": 0, \"too-loose\": 1}" &&
	valid
'

test_expect_success 'rate: refusals (number, the same experience, bad word)' '
	cp styr.xml before.xml &&
	test_expect_code 1 styr rate remove D1 5 2>err &&
	test_grep "D1 has no rating 5" err &&
	test_expect_code 1 styr rate change D1 1 too-loose 2>err &&
	test_grep "already" err &&
	test_expect_code 1 styr rate change D1 1 lovely 2>err &&
	test_grep "supportive" err &&
	test_expect_code 1 styr rate remove R1 1 2>err &&
	test_grep "R1 has no rating to correct" err &&
	test_cmp before.xml styr.xml
'

test_expect_success 'vote withdraw --by: the vote goes, tally follows, the log keeps it' '
	styr tally --meeting M1 --format json >t.json &&
	py "[x for x in d if x[\"id\"] == \"D1\"][0][\"change\"] == 4" t.json &&
	styr vote withdraw D1 --by "torben  højris" --meeting M1 \
		--why "stemte ved en fejl" 2>err &&
	test_grep "vote withdrawn" err &&
	styr tally --meeting M1 --format json >t.json &&
	py "[x for x in d if x[\"id\"] == \"D1\"][0] == {\"id\": \"D1\", \"remove\": 1, \"change\": 3, \"anchor\": 0, \"leading\": \"change\"}" t.json &&
	logged "vote D1 torben  højris vote withdrawn: Torben Højris: change (meeting M1, 2026-03-01); why: stemte ved en fejl" &&
	parts D1 vote >votes &&
	test "$(grep -c "by=\"P2\"" votes)" = 1 &&
	test_grep "by=\"P2\" meeting=\"M2\"" votes &&
	valid
'

test_expect_success 'vote withdraw N: paper votes by number' '
	styr vote withdraw D1 2 &&
	logged "vote D1 tester vote withdrawn: 3 paper votes: change (meeting M1, 2026-03-01)" &&
	styr tally --format json >t.json &&
	py "[x for x in d if x[\"id\"] == \"D1\"][0][\"change\"] == 0" t.json &&
	valid
'

test_expect_success 'vote withdraw: nothing to withdraw, which meeting, usage' '
	styr vote D1 remove --by P2 --meeting M1 &&
	cp styr.xml before.xml &&
	test_expect_code 1 styr vote withdraw D1 --by P2 2>err &&
	test_grep "Torben Højris has voted on D1 in M[12], M[12]" err &&
	test_grep "\-\-meeting" err &&
	test_expect_code 1 styr vote withdraw R1 --by P2 2>err &&
	test_grep "no vote on R1 to withdraw" err &&
	test_expect_code 1 styr vote withdraw D1 --by P1 --meeting M2 2>err &&
	test_grep "no vote on D1 in meeting M2" err &&
	test_expect_code 1 styr vote withdraw D1 --by P2 --meeting M9 2>err &&
	test_grep "M9" err &&
	test_expect_code 1 styr vote withdraw D1 9 2>err &&
	test_grep "D1 has no vote 9" err &&
	test_expect_code 2 styr vote withdraw D1 2>err &&
	test_grep "\-\-by NAME" err &&
	test_expect_code 2 styr vote withdraw D1 1 --by P2 2>err &&
	test_expect_code 2 styr vote withdraw 2>err &&
	test_cmp before.xml styr.xml
'

test_expect_success 'set-up: a proposal, a decision and a solution on R1' '
	styr prioritise R1 remove --why "Frigør tid" --date 2026-03-15 &&
	styr decide R1 selected --why "Ny model" --date 2026-04-01 &&
	styr solution R1 --status pilot --criteria "Halv tid" \
		--evaluate-by 2027-06-01 --date 2026-04-02
'

test_expect_success 'solution clear: the track goes, the log keeps it' '
	styr solution clear R1 --why "forkert punkt" &&
	test -z "$(parts R1 solution)" &&
	! grep -q "<solution" styr.xml &&
	logged "solution R1 tester solution track cleared: pilot; criteria: Halv tid; evaluate by 2027-06-01; why: forkert punkt" &&
	item_json R1 "d[\"solution\"] is None" &&
	valid
'

test_expect_success 'decide clear and prioritise clear: cleared, logged with what was there' '
	styr decide clear R1 --why "besluttet på et forkert grundlag" &&
	logged "decide R1 tester decision cleared: selected (2026-04-01, tester): Ny model; why: besluttet på et forkert grundlag" &&
	item_json R1 "d[\"decision\"] is None and d[\"priority\"] == \"remove\"" &&
	styr prioritise clear R1 &&
	logged "prioritise R1 tester proposal cleared: remove (2026-03-15, tester): Frigør tid" &&
	item_json R1 "d[\"priority\"] is None and d[\"priority_reason\"] is None" &&
	styr list --priority remove --format json >l.json &&
	py "d == []" l.json &&
	valid
'

test_expect_success 'the decision log (beslutninger) shows the clearings' '
	styr handout beslutninger -o b.odt 2>/dev/null &&
	part b.odt content.xml >c.xml &&
	test_grep -i "proposal cleared: remove" c.xml &&
	test_grep -i "decision cleared: selected" c.xml &&
	test_grep -i "solution track cleared: pilot" c.xml
'

test_expect_success 'clear with nothing to clear is refused; nothing changes' '
	test_refused 1 "R1 has no proposal to clear" styr prioritise clear R1 &&
	test_refused 1 "R1 has no decision to clear" styr decide clear R1 &&
	test_refused 1 "R1 has no solution track to clear" styr solution clear R1 &&
	test_refused 1 "R9" styr decide clear R9 &&
	test_refused 2 "" styr decide clear &&
	test_refused 2 "" styr prioritise clear R1 remove
'

test_expect_success 'decide clear keeps a solution track and says so' '
	styr decide R1 selected &&
	styr solution R1 --status idea &&
	styr decide clear R1 2>err &&
	test_grep "solution track" err &&
	test -n "$(parts R1 solution)" &&
	styr solution clear R1 && valid
'

test_expect_success 'area rename: the items follow, the log keeps the old name' '
	styr area rename VIS "Visitation og bevilling" --why "nyt navn" &&
	logged "area VIS tester review area VIS renamed: '\''Visitation'\'' -> '\''Visitation og bevilling'\''; why: nyt navn" &&
	styr area list --format json >a.json &&
	py "d == [{\"id\": \"VIS\", \"name\": \"Visitation og bevilling\", \"items\": 2}]" a.json &&
	item_json D1 "d[\"area\"] == \"VIS\"" &&
	styr show D1 >out && test_grep "VIS (Visitation og bevilling)" out &&
	valid
'

test_expect_success 'area remove: refused while items are in it, naming them' '
	test_refused 1 "area VIS (.Visitation og bevilling.) has items: D1, R1" styr area remove vis &&
	test_refused 1 "unknown area .NOPE." styr area remove NOPE &&
	test_refused 1 "" styr area rename VIS ""
'

test_expect_success 'area remove: removed once nothing is in it; the id may be added again' '
	styr edit D1 --area "" &&
	styr edit R1 --area "" &&
	styr area remove VIS --why "området udgår" &&
	logged "area VIS tester review area VIS '\''Visitation og bevilling'\'' removed; why: området udgår" &&
	styr area list --format json >a.json && py "d == []" a.json &&
	styr area add VIS "Visitation" && valid
'

test_expect_success 'person rename: votes and ratings follow (they name the id)' '
	styr person rename "torben højris" "Torben Højris Madsen" &&
	logged "person P2 tester P2 renamed: '\''Torben Højris'\'' -> '\''Torben Højris Madsen'\''" &&
	styr show D1 >out &&
	test_grep "Torben Højris Madsen: anchor (meeting M2" out &&
	styr vote D1 change --by "Torben Højris Madsen" --meeting M2 2>err &&
	test_grep "replaces" err &&
	valid
'

test_expect_success 'person rename: a name that is someone else'\''s, or the same, is refused' '
	cp styr.xml before.xml &&
	test_expect_code 1 styr person rename P2 "marianne vogt" 2>err &&
	test_grep "registered already as P3" err &&
	test_expect_code 1 styr person rename P2 "Torben Højris Madsen" 2>err &&
	test_grep "already" err &&
	test_expect_code 1 styr person rename "Nobody Here" "X" 2>err &&
	test_grep "not in the people list" err &&
	test_cmp before.xml styr.xml
'

test_expect_success 'person remove: refused while votes, ratings or attendance name them' '
	styr meeting attend M1 "Lene Fagkonsulent" &&
	cp styr.xml before.xml &&
	test_expect_code 1 styr person remove P2 2>err &&
	test_grep "P2 (Torben Højris Madsen) is named by votes on D1; ratings on D1" err &&
	test_expect_code 1 styr person remove "lene fagkonsulent" 2>err &&
	test_grep "attendance at M1" err &&
	test_cmp before.xml styr.xml
'

test_expect_success 'person remove: a person nothing names; the id is not given again' '
	styr person add "Fejl Indtastet" --role staff >/dev/null &&
	styr person remove "fejl indtastet" --why "tastefejl" &&
	logged "person P4 tester P4 '\''Fejl Indtastet'\'' (staff) removed; why: tastefejl" &&
	styr person list --format json >p.json &&
	py "[p[\"id\"] for p in d] == [\"P1\", \"P2\", \"P3\"]" p.json &&
	test "$(styr person add "Ny Person" --role staff)" = P5 &&
	valid
'

test_expect_success 'edit --kind: a new id of the new kind, the old one stays taken, linked in the log' '
	styr add rule "Skulle have været et mål" >/dev/null &&
	styr note R2 "En note følger med" &&
	test "$(styr edit R2 --kind mål --why "det er et mål")" = G1 &&
	item_json G1 "d[\"kind\"] == \"goal\" and d[\"title\"] == \"Skulle have været et mål\" and len(d[\"notes\"]) == 1" &&
	test_expect_code 1 styr show R2 2>err &&
	test_grep "R2" err &&
	test_grep "action=\"edit\" ref=\"R2\" became=\"G1\"" styr.xml &&
	logged "edit R2 tester kind: rule -> goal; R2 is now G1; why: det er et mål" &&
	test "$(styr add rule "Ny regel")" = R3 &&
	valid
'

test_expect_success 'log --item follows an item back through its kind changes' '
	test "$(styr edit G1 --kind doc)" = D2 &&
	styr log --item d2 --format json >l.json &&
	py "[e[\"ref\"] for e in d] == [\"R2\", \"R2\", \"R2\", \"G1\"]" l.json &&
	styr log --item R2 --format json >l.json &&
	py "[e[\"ref\"] for e in d] == [\"R2\", \"R2\", \"R2\"]" l.json
'

test_expect_success 'show names the ids an item had before' '
	styr show D2 >out &&
	test_grep "^Formerly: *G1, R2$" out &&
	styr show D1 >out &&
	! grep -q "^Formerly:" out
'

test_expect_success 'person change --role: the log keeps the old role' '
	styr person change P1 --role styregruppe --why "skiftede rolle" &&
	logged "person P1 tester P1 '\''Lene Fagkonsulent'\'': role: documentation agent -> steering group; why: skiftede rolle" &&
	styr person list --format json >p.json &&
	py "[p[\"role\"] for p in d if p[\"id\"] == \"P1\"] == [\"steering\"]" p.json &&
	test_expect_code 1 styr person change P1 --role king 2>err &&
	test_grep "king" err &&
	test_expect_code 2 styr person change P1 2>err &&
	valid
'

test_expect_success 'edit --kind: the same kind changes nothing; a bad kind is refused' '
	cp styr.xml before.xml &&
	styr edit D2 --kind doc 2>err &&
	test_grep "nothing changed" err &&
	test_expect_code 1 styr edit D2 --kind spell 2>err &&
	test_grep "spell" err &&
	test_cmp before.xml styr.xml
'

test_expect_success 'burden clear: the estimate goes, the sums follow, the log keeps it' '
	styr burden D1 --minutes 30 --per-year 100 --staff 2 >/dev/null &&
	styr summary --format json >s.json &&
	py "d[\"burden_hours_per_year\"] == 50" s.json &&
	styr burden clear D1 --why "skønnet på det forkerte punkt" &&
	logged "burden D1 tester burden cleared: 30 minutes x 100 a year, staff 2, tariff -; why: skønnet på det forkerte punkt" &&
	item_json D1 "d[\"burden\"] is None" &&
	styr summary --format json >s.json &&
	py "d[\"burden_hours_per_year\"] == 0" s.json &&
	test_expect_code 1 styr burden clear D1 2>err &&
	test_grep "D1 has no burden estimate to clear" err &&
	valid
'

test_expect_success 'meeting absent: attendance recorded by mistake' '
	styr meeting attend M2 P1 P3 &&
	styr meeting absent M2 "Marianne Vogt" --why "var syg" &&
	logged "meeting M2 tester not at meeting M2 '\''Workshop 2'\'' after all: Marianne Vogt (P3); why: var syg" &&
	styr meeting list --format json >m.json &&
	py "[m[\"attendees\"] for m in d if m[\"id\"] == \"M2\"] == [[\"P1\"]]" m.json &&
	cp styr.xml before.xml &&
	test_expect_code 1 styr meeting absent M2 P3 2>err &&
	test_grep "Marianne Vogt (P3) is not recorded as attending M2" err &&
	test_expect_code 1 styr meeting absent M2 P1 P9 2>err &&
	test_grep "P9" err &&
	test_cmp before.xml styr.xml &&
	# Names are matched as attend matches them: case, spaces, a near miss.
	styr meeting attend M2 P3 &&
	styr meeting absent M2 "  marianne   VOGT " &&
	styr meeting list --format json >m.json &&
	py "[m[\"attendees\"] for m in d if m[\"id\"] == \"M2\"] == [[\"P1\"]]" m.json &&
	cp styr.xml before.xml &&
	test_expect_code 1 styr meeting absent M2 "Marianne Vogd" 2>err &&
	test_grep "unknown person .Marianne Vogd.; did you mean .Marianne Vogt. (P3)?" err &&
	test_cmp before.xml styr.xml &&
	valid
'

test_expect_success 'meeting change: title, date, phase; the log keeps the old ones' '
	styr meeting change M2 --title "Workshop 2 (aflyst)" --date 2026-03-16 &&
	logged "meeting M2 tester meeting M2 changed: title: '\''Workshop 2'\'' -> '\''Workshop 2 (aflyst)'\''; date: 2026-03-15 -> 2026-03-16" &&
	styr meeting list --format json >m.json &&
	py "[(m[\"title\"], m[\"date\"]) for m in d if m[\"id\"] == \"M2\"] == [(\"Workshop 2 (aflyst)\", \"2026-03-16\")]" m.json &&
	cp styr.xml before.xml &&
	test_expect_code 1 styr meeting change M2 --date 2026-02-30 2>err &&
	test_expect_code 1 styr meeting change M9 --title x 2>err &&
	test_expect_code 2 styr meeting change M2 2>err &&
	test_cmp before.xml styr.xml && valid
'

test_expect_success 'meeting remove: refused while votes were cast in it, naming the items' '
	cp styr.xml before.xml &&
	test_expect_code 1 styr meeting remove M2 2>err &&
	test_grep "meeting M2 (.Workshop 2 (aflyst).) has votes on D1" err &&
	test_cmp before.xml styr.xml &&
	styr meeting add seminar "Fejl" --date 2026-03-20 >/dev/null &&
	styr meeting attend M3 P1 &&
	styr meeting remove M3 --why "oprettet to gange" &&
	logged "meeting M3 tester meeting M3 removed: seminar '\''Fejl'\'' on 2026-03-20; attended by Lene Fagkonsulent (P1); why: oprettet to gange" &&
	test "$(styr meeting add seminar "Ny" --date 2026-03-21)" = M4 &&
	valid
'

test_expect_success 'the verb after the id is answered with the right order' '
	cp styr.xml before.xml &&
	test_expect_code 1 styr vote D1 withdraw --by P2 2>err &&
	test_grep "styr vote withdraw D1 --by NAME" err &&
	test_expect_code 1 styr rate D1 remove 2>err &&
	test_grep "styr rate remove D1 N" err &&
	test_expect_code 1 styr decide D1 clear 2>err &&
	test_grep "styr decide clear D1" err &&
	test_cmp before.xml styr.xml
'

test_expect_success 'options after the words: checked as the command'\''s own, not the verb'\''s' '
	cp styr.xml before.xml &&
	test_expect_code 2 styr note D1 "tekst" --why "x" 2>err &&
	test_grep "^styr note: unknown option .--why." err &&
	test_expect_code 2 styr vote D1 remove --by P1 --whyy x 2>err &&
	test_grep "^styr vote: unknown option .--whyy." err &&
	test_expect_code 2 styr vote withdraw D1 --by P1 --count 2 2>err &&
	test_grep "^styr vote withdraw: unknown option .--count." err &&
	test_cmp before.xml styr.xml
'

test_expect_success 'Danish: the corrections speak Danish' '
	LC_ALL=da_DK.UTF-8 styr note remove D1 7 2>err;
	test_grep "D1 har ingen note 7 (de er nummereret 1 til 2" err &&
	LC_ALL=da_DK.UTF-8 styr prioritise clear D1 2>err;
	test_grep "D1 har intet forslag at rydde" err
'

test_expect_success 'the verbs are in --help and in the man page' '
	styr vote --help >out && test_grep "withdraw" out &&
	styr note --help >out && test_grep "remove" out && test_grep "change" out &&
	styr rate --help >out && test_grep "remove" out && test_grep "change" out &&
	styr prioritise --help >out && test_grep "clear" out &&
	styr decide --help >out && test_grep "clear" out &&
	styr solution --help >out && test_grep "clear" out &&
	styr area --help >out && test_grep "rename" out && test_grep "remove" out &&
	styr person --help >out && test_grep "rename" out && test_grep "remove" out &&
	styr edit --help >out && test_grep "\-\-kind" out &&
	styr burden --help >out && test_grep "clear" out &&
	styr meeting --help >out && test_grep "absent" out &&
	test_grep "change" out && test_grep "remove" out &&
	for v in "note remove" "note change" "rate remove" "rate change" \
		"vote withdraw" "prioritise clear" "decide clear" \
		"solution clear" "area rename" "area remove" "person rename" \
		"person remove" "person change" "burden clear" "meeting absent" \
		"meeting change" "meeting remove"; do
		sed -n "/^\.It Ic ${v% *} ${v#* }/p" "$SRC_DIR/styr.1" | grep -q . ||
			{ echo "no $v in styr.1"; exit 1; }
	done
'

test_done
