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
	last_entry >entry &&
	echo "note D1 Lene note 2 removed: '\''Skrevet på det forkerte punkt'\'' (Lene, 2026-02-02); why: hører til R1" >expect &&
	test_cmp expect entry &&
	valid
'

test_expect_success 'note change: new text, the same method, author and date' '
	styr note change D1 2 "Tredje note, rettet" &&
	parts D1 note >notes &&
	test_grep "<note by=\"Lene\" date=\"2026-02-03\">Tredje note, rettet</note>" notes &&
	test "$(wc -l <notes)" = 2 &&
	last_entry >entry &&
	echo "note D1 tester note 2 changed: '\''Tredje note'\'' (Lene, 2026-02-03) -> '\''Tredje note, rettet'\''" >expect &&
	test_cmp expect entry &&
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
	last_entry >entry &&
	echo "rate D1 tester rating 3 removed: baseline, anonymous: too loose (2026-02-06); why: dobbelt indtastet" >expect &&
	test_cmp expect entry &&
	styr rate change D1 1 for-slap &&
	last_entry >entry &&
	echo "rate D1 tester rating 1 changed: baseline, Torben Højris: too tight (2026-02-05) -> too loose" >expect &&
	test_cmp expect entry &&
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
	last_entry >entry &&
	echo "vote D1 torben  højris vote withdrawn: Torben Højris: change (meeting M1, 2026-03-01); why: stemte ved en fejl" >expect &&
	test_cmp expect entry &&
	parts D1 vote >votes &&
	test "$(grep -c "by=\"P2\"" votes)" = 1 &&
	test_grep "by=\"P2\" meeting=\"M2\"" votes &&
	valid
'

test_expect_success 'vote withdraw N: paper votes by number' '
	styr vote withdraw D1 2 &&
	last_entry >entry &&
	echo "vote D1 tester vote withdrawn: 3 paper votes: change (meeting M1, 2026-03-01)" >expect &&
	test_cmp expect entry &&
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

test_expect_success 'the verbs are in --help' '
	styr vote --help >out && test_grep "withdraw" out &&
	styr note --help >out && test_grep "remove" out && test_grep "change" out &&
	styr rate --help >out && test_grep "remove" out && test_grep "change" out
'

test_done
