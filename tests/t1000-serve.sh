#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# styr serve (SPEC section 8, issue 12): the round in the register (styr
# round), the JSON interface, and the security cases: no token, a wrong
# token, a token of too little right, a foreign Host, a foreign Origin, a
# change by GET, an oversized body, repeated bad tokens, a hidden result
# in no reply, 127.0.0.1 only.  Every refusal is checked to have changed
# nothing (the register compared byte for byte).  The votes in the
# register are read with ElementTree (tests/web), not with styr.
. "$(dirname "$0")/lib.sh"

WEB=$SRC_DIR/tests/web
http() { python3 -S "$WEB/httpc.py" "$@"; }
code() { http "$@" | head -n 1; }
# votes [MEETING]: the votes of the register, "ITEM BY-or-ballot PRIORITY"
votes() {
	python3 - "${1:-M1}" <<-'PY'
	import sys, xml.etree.ElementTree as ET
	ns = {"r": "urn:x-styr:register:1"}
	out = []
	for it in ET.parse("styr.xml").getroot().iterfind(".//r:items/r:item", ns):
	    for v in it.iterfind("r:vote", ns):
	        if v.get("meeting") == sys.argv[1]:
	            who = v.get("by") or ("ballot" if v.get("ballot") else "paper:" + v.get("count"))
	            out.append("%s %s %s" % (it.get("id"), who, v.get("priority")))
	print("\n".join(sorted(out)))
	PY
}

# serve_start, serve_stop (lib.sh): the server, its addresses in P, S, F,
# BASE, HOSTPORT and their keys in PTOK, STOK, FTOK; each stop adds the
# server's exit status to server.rc (under ASan a leak would make it 86).

test_expect_success 'set-up: three items, two people, a workshop' '
	styr -q init --org "Odder Kommune" &&
	styr -q add rule "Daglig dokumentation af alt" &&
	styr -q add doc "Ugeskema til lederen" &&
	styr -q add goal "Flere timer hos borgeren" &&
	styr -q note R1 "Vi skriver det samme tre steder" --method interview &&
	styr -q person add "Anna Berg" --role staff &&
	styr -q person add "Bo Holm" --role management &&
	styr -q rate R1 too-tight --respondent "Bo Holm" &&
	styr -q meeting add workshop "Prioriteringsworkshop" --date 2026-01-10 --phase 1 &&
	styr -q meeting add steering "Styregruppe" --date 2026-01-11 --phase 1
'

test_expect_success 'styr round: none yet; open refuses an unknown item, a steering meeting, too many votes' '
	styr round 2>err && test_grep "no voting round" err &&
	test "$(styr round --format json)" = null &&
	cp styr.xml before.xml &&
	test_expect_code 1 styr round open --items R1,X9 2>err &&
	test_grep "X9" err &&
	test_expect_code 1 styr round open --meeting M2 2>err &&
	test_grep "not a workshop" err &&
	test_expect_code 1 styr round open --items R1,D1 --votes 3 2>err &&
	test_grep "from 1 to 2" err &&
	test_expect_code 2 styr round open --named --anonymous 2>/dev/null &&
	test_expect_code 2 styr round --format xml 2>/dev/null &&
	cmp styr.xml before.xml
'

test_expect_success 'styr round open: in the register, valid, logged; a second open is refused' '
	styr round open --items R1,D1 G1 --votes 2 --minutes 30 --hidden 2>err &&
	test_grep "round 1 opened in meeting M1" err &&
	valid &&
	grep "<round number=\"1\" state=\"open\" votes=\"2\" voters=\"named\" hidden=\"yes\"" styr.xml &&
	test "$(grep -c "<subject ref=" styr.xml)" = 3 &&
	styr log | grep "round 1 opened in meeting M1: 3 items, 2 votes per participant" &&
	styr round >out &&
	test_grep "Round 1 in meeting M1 (Prioriteringsworkshop): open" out &&
	test_grep "Items: R1 D1 G1" out &&
	test_grep "hidden" out &&
	cp styr.xml before.xml &&
	test_expect_code 1 styr round open 2>err &&
	test_grep "still open" err &&
	cmp styr.xml before.xml
'

# The server runs beside the tests (a test body runs in a subshell).
serve_start

test_expect_success 'serve: three addresses, each with its own token, on 127.0.0.1' '
	test "$(wc -l <urls)" = 3 &&
	grep -E "^Participants: http://127\.0\.0\.1:[0-9]+/vote\?key=[0-9a-f]{32}$" urls &&
	grep -E "^Projector: http://127\.0\.0\.1:[0-9]+/screen\?key=[0-9a-f]{32}$" urls &&
	grep -E "^Facilitator: http://127\.0\.0\.1:[0-9]+/facilitator\?key=[0-9a-f]{32}$" urls &&
	test "$PTOK" != "$STOK" && test "$STOK" != "$FTOK" && test "$PTOK" != "$FTOK"
'

test_expect_success 'it listens on 127.0.0.1 only: 127.0.0.2 and this machine'"'"'s other addresses get no answer' '
	port=${HOSTPORT#*:} &&
	test_expect_code 3 http GET "http://127.0.0.2:$port/api/round" --bearer "$FTOK" -H "Host: $HOSTPORT" 2>/dev/null &&
	for ip in $(hostname -I 2>/dev/null); do
		case $ip in *:*) continue ;; esac
		! python3 -c "import socket,sys; socket.create_connection((sys.argv[1], int(sys.argv[2])), 2)" "$ip" "$port" 2>/dev/null || exit 1
	done
'

cp styr.xml before.xml

test_expect_success 'no token: refused (401) on pages, the API and changes; nothing changed' '
	test "$(code GET "$BASE/vote")" = 401 &&
	test "$(code GET "$BASE/status")" = 401 &&
	test "$(code GET "$BASE/api/round")" = 401 &&
	test "$(code POST "$BASE/api/join" -d "{\"name\": \"Anna Berg\"}")" = 401 &&
	test "$(code POST "$BASE/api/round/close" -d "{}")" = 401 &&
	cmp styr.xml before.xml
'

BAD=0123456789abcdef0123456789abcdef
test_expect_success 'a wrong token: refused (403) as a bearer, a cookie and in the address; nothing changed' '
	test "$(code GET "$BASE/api/round" --bearer $BAD)" = 403 &&
	test "$(code POST "$BASE/api/round/close" --bearer $BAD -d "{}")" = 403 &&
	test "$(code GET "$BASE/facilitator" --cookie "styr_f=$BAD")" = 403 &&
	test "$(code GET "$BASE/vote?key=$BAD")" = 403 &&
	test "$(code GET "$BASE/api/round" --bearer "${FTOK}x")" = 403 &&
	cmp styr.xml before.xml
'

test_expect_success 'a participant or projector token on the facilitator'"'"'s actions: refused (403); nothing changed' '
	for t in "$PTOK" "$STOK"; do
		test "$(code POST "$BASE/api/round/close" --bearer "$t" -d "{}")" = 403 &&
		test "$(code POST "$BASE/api/round/reveal" --bearer "$t" -d "{}")" = 403 &&
		test "$(code POST "$BASE/api/round/open" --bearer "$t" -d "{}")" = 403 &&
		test "$(code POST "$BASE/api/paper" --bearer "$t" -d "{\"item\": \"R1\", \"priority\": \"remove\", \"count\": \"5\"}")" = 403 &&
		test "$(code GET "$BASE/api/workshop" --bearer "$t")" = 403 &&
		test "$(code GET "$BASE/facilitator" --cookie "styr_p=$t")" = 403 || exit 1
	done &&
	test "$(code POST "$BASE/api/join" --bearer "$STOK" -d "{\"name\": \"Anna Berg\"}")" = 403 &&
	test "$(code GET "$BASE/vote" --cookie "styr_s=$STOK")" = 403 &&
	cmp styr.xml before.xml
'

test_expect_success 'a foreign Host (DNS rebinding): refused (421), also with the facilitator token; nothing changed' '
	test "$(code POST "$BASE/api/round/close" --bearer "$FTOK" -H "Host: evil.example" -d "{}")" = 421 &&
	test "$(code GET "$BASE/api/workshop" --bearer "$FTOK" -H "Host: evil.example:${HOSTPORT#*:}")" = 421 &&
	test "$(code GET "$BASE/api/workshop" --bearer "$FTOK" -H "Host: 127.0.0.1:1")" = 421 &&
	test "$(code GET "$BASE/api/workshop" --bearer "$FTOK" -H "Host: localhost:${HOSTPORT#*:}")" = 200 &&
	cmp styr.xml before.xml
'

test_expect_success 'a foreign Origin on a POST, or a page'"'"'s POST without one: refused (403); nothing changed' '
	test "$(code POST "$BASE/api/round/close" --bearer "$FTOK" -H "Origin: http://evil.example" -d "{}")" = 403 &&
	test "$(code POST "$BASE/api/round/close" --cookie "styr_f=$FTOK" -d "{}")" = 403 &&
	test "$(code POST "$BASE/api/round/close" --cookie "styr_f=$FTOK" -H "Origin: http://$HOSTPORT" -H "Sec-Fetch-Site: cross-site" -d "{}")" = 403 &&
	test "$(code POST "$BASE/api/round/close" --cookie "styr_f=$FTOK" -H "Origin: null" -d "{}")" = 403 &&
	cmp styr.xml before.xml
'

test_expect_success 'a change by GET (or PUT, DELETE): refused (405); nothing changed' '
	test "$(code GET "$BASE/api/round/close" --bearer "$FTOK")" = 405 &&
	test "$(code GET "$BASE/api/round/reveal" --bearer "$FTOK")" = 405 &&
	test "$(code GET "$BASE/api/vote?item=R1&priority=remove" --bearer "$PTOK")" = 405 &&
	test "$(code PUT "$BASE/api/round/close" --bearer "$FTOK" -d "{}")" = 405 &&
	test "$(code DELETE "$BASE/api/round" --bearer "$FTOK")" = 405 &&
	cmp styr.xml before.xml
'

test_expect_success 'an oversized body: 413; nothing changed' '
	test "$(code POST "$BASE/api/join" --bearer "$PTOK" --size 20000)" = 413 &&
	test "$(code POST "$BASE/api/round/close" --bearer "$FTOK" --size 1000000)" = 413 &&
	cmp styr.xml before.xml
'

test_expect_success 'join: a name not in the people list is refused with the closest; bad JSON is 400' '
	http POST "$BASE/api/join" --bearer "$PTOK" -d "{\"name\": \"Ana Berg\"}" >out &&
	test "$(head -n 1 out)" = 422 &&
	test_grep "Anna Berg" out &&
	test "$(code POST "$BASE/api/join" --bearer "$PTOK" -d "{\"name\": ")" = 400 &&
	test "$(code POST "$BASE/api/join" --bearer "$PTOK" -d "{}")" = 422 &&
	cmp styr.xml before.xml
'

ballot() { sed -n 's/^ *"ballot": "\([0-9a-f]*\)".*/\1/p' "$1"; }

test_expect_success 'join by name (matched as vote --by is), vote on two items, change one; a third is over the limit' '
	http POST "$BASE/api/join" --bearer "$PTOK" -d "{\"name\": \"  anna   BERG \"}" >out &&
	test "$(head -n 1 out)" = 200 &&
	test_grep "\"name\": \"Anna Berg\"" out &&
	A=$(ballot out) && test ${#A} = 32 && echo "$A" >anna &&
	http POST "$BASE/api/vote" --bearer "$A" -d "{\"item\": \"R1\", \"priority\": \"fjerne\"}" >out &&
	test "$(head -n 1 out)" = 200 &&
	test_grep "\"priority\": \"remove\"" out && test_grep "\"votes_left\": 1" out &&
	http POST "$BASE/api/vote" --bearer "$A" -d "{\"item\": \"D1\", \"priority\": \"change\"}" >out &&
	test "$(head -n 1 out)" = 200 &&
	http POST "$BASE/api/vote" --bearer "$A" -d "{\"item\": \"G1\", \"priority\": \"anchor\"}" >out &&
	test "$(head -n 1 out)" = 409 && test_grep "used all" out &&
	http POST "$BASE/api/vote" --bearer "$A" -d "{\"item\": \"R1\", \"priority\": \"FORANKRE\"}" >out &&
	test "$(head -n 1 out)" = 200 && test_grep "\"replaced\": \"remove\"" out &&
	valid &&
	printf "%s\n" "D1 P1 change" "R1 P1 anchor" >want && votes >have && test_cmp want have &&
	styr log | grep "Anna Berg votes anchor (meeting M1), replacing remove"
'

test_expect_success 'a vote on an item outside the round, an unknown priority, without a ballot: refused' '
	cp styr.xml before.xml &&
	A=$(cat anna) &&
	styr -q add doc "Ikke med i runden" &&
	cp styr.xml before.xml &&
	test "$(code POST "$BASE/api/vote" --bearer "$A" -d "{\"item\": \"D2\", \"priority\": \"remove\"}")" = 404 &&
	test "$(code POST "$BASE/api/vote" --bearer "$A" -d "{\"item\": \"R1\", \"priority\": \"maybe\"}")" = 422 &&
	test "$(code POST "$BASE/api/vote" --bearer "$PTOK" -d "{\"item\": \"R1\", \"priority\": \"remove\"}")" = 403 &&
	test "$(code POST "$BASE/api/vote" --bearer "$A" -d "[1]")" = 400 &&
	cmp styr.xml before.xml
'

test_expect_success 'the CLI at the same time: styr vote by Bo is seen by the server' '
	styr -q vote G1 remove --by "Bo Holm" --meeting M1 &&
	http GET "$BASE/api/screen" --bearer "$STOK" >out &&
	test_grep "\"voted\": 2" out
'

test_expect_success 'while hidden, no reply of any address holds the tally' '
	A=$(cat anna) &&
	for t in "$A" "$PTOK" "$STOK" "$FTOK"; do
		http GET "$BASE/api/round" --bearer "$t" >out &&
		test "$(head -n 1 out)" = 200 &&
		test_grep "\"tally_shown\": false" out &&
		! grep -q "\"tally\"\|\"leading\"" out || exit 1
	done &&
	http GET "$BASE/api/screen" --bearer "$STOK" >out &&
	! grep -q "\"tally\"\|\"leading\"" out &&
	http GET "$BASE/api/workshop" --bearer "$FTOK" >out &&
	! grep -q "\"tally\"\|\"leading\"" out &&
	for p in vote screen facilitator status app.js app.css qr.svg; do
		http GET "$BASE/$p" --bearer "$FTOK" >out &&
		test "$(head -n 1 out)" = 200 &&
		! grep -q "\"tally\":\|\"leading\":" out || exit 1
	done
'

test_expect_success 'the status page (served and static) says nothing of the votes' '
	http GET "$BASE/status" --bearer "$PTOK" >served &&
	test "$(head -n 1 served)" = 200 &&
	sed "1,/^\r\?$/d" served >served.html &&
	styr handout status --format html -o static.html 2>/dev/null &&
	cmp served.html static.html &&
	mkdir novotes && perl -0pe "s{\n *<vote [^>]*/>}{}g" styr.xml >novotes/styr.xml &&
	(cd novotes && "$STYR" handout status --format html -o s.html 2>/dev/null) &&
	cmp static.html novotes/s.html
'

test_expect_success 'paper ballots from the facilitator go into the round'"'"'s meeting' '
	http POST "$BASE/api/paper" --bearer "$FTOK" -d "{\"item\": \"D1\", \"priority\": \"anchor\", \"count\": 3}" >out &&
	test "$(head -n 1 out)" = 200 &&
	votes | grep "D1 paper:3 anchor"
'

test_expect_success 'the workshop'"'"'s proposal from the facilitator, as styr prioritise records it; not from a participant' '
	cp styr.xml before.xml &&
	test "$(code POST "$BASE/api/propose" --bearer "$PTOK" -d "{\"item\": \"R1\", \"priority\": \"remove\"}")" = 403 &&
	test "$(code GET "$BASE/api/propose" --bearer "$FTOK")" = 405 &&
	cmp styr.xml before.xml &&
	http POST "$BASE/api/propose" --bearer "$FTOK" -d "{\"item\": \"R1\", \"priority\": \"forandre\", \"reason\": \"Én gang er nok\"}" >out &&
	test "$(head -n 1 out)" = 200 &&
	valid &&
	grep "<priority value=\"change\" by=\"tester\" date=\"$(date +%F)\">Én gang er nok</priority>" styr.xml &&
	styr log | grep "prioritise.*R1.*Change; why: Én gang er nok"
'

cp urls urls.before
serve_stop
serve_start

test_expect_success 'a restarted server carries on: the round and votes (register), the addresses and ballots (state file)' '
	sed "s/:[0-9][0-9]*\//\//" urls.before >want &&
	sed "s/:[0-9][0-9]*\//\//" urls >have &&
	test_cmp want have &&
	ls "$XDG_STATE_HOME"/styr/serve-* >state &&
	test "$(stat -c %a "$(cat state)")" = 600 &&
	http GET "$BASE/api/screen" --bearer "$STOK" >out &&
	test_grep "\"state\": \"open\"" out &&
	test_grep "\"voted\": 2" out &&
	http GET "$BASE/api/round" --bearer "$(cat anna)" >out &&
	test "$(head -n 1 out)" = 200 &&
	test_grep "\"joined\": true" out &&
	test_grep "\"name\": \"Anna Berg\"" out &&
	test_grep "\"votes_left\": 0" out
'

test_expect_success 'the facilitator closes, then reveals: votes refused, the tally shown, ties as ties' '
	http POST "$BASE/api/join" --bearer "$PTOK" -d "{\"name\": \"P1\"}" >out &&
	A=$(ballot out) && echo "$A" >anna &&
	http POST "$BASE/api/round/close" --bearer "$FTOK" -H "Origin: http://$HOSTPORT" -d "{}" >out &&
	test "$(head -n 1 out)" = 200 && test_grep "\"state\": \"closed\"" out &&
	! grep -q "\"tally\"" out &&
	test "$(code POST "$BASE/api/vote" --bearer "$A" -d "{\"item\": \"G1\", \"priority\": \"remove\"}")" = 409 &&
	test "$(code POST "$BASE/api/join" --bearer "$PTOK" -d "{\"name\": \"Bo Holm\"}")" = 409 &&
	styr -q vote G1 anchor --by "Anna Berg" --meeting M1 &&
	http POST "$BASE/api/round/reveal" --bearer "$FTOK" -d "{}" >out &&
	test_grep "\"state\": \"revealed\"" out &&
	http GET "$BASE/api/round" --bearer "$A" >out &&
	test_grep "\"tally_shown\": true" out &&
	python3 -c "
import json,sys
d = json.loads(open(\"out\").read().split(\"\n\n\", 1)[1])
t = {i[\"id\"]: i[\"tally\"] for i in d[\"items\"]}
assert t[\"R1\"] == {\"remove\": 0, \"change\": 0, \"anchor\": 1, \"total\": 1, \"leading\": \"anchor\"}, t
assert t[\"D1\"][\"change\"] == 1 and t[\"D1\"][\"anchor\"] == 3 and t[\"D1\"][\"leading\"] == \"anchor\", t
assert t[\"G1\"][\"leading\"] == \"tie\", t
" &&
	styr round >out && test_grep "closed, result revealed" out &&
	test_expect_code 1 styr round reveal 2>/dev/null
'

test_expect_success 'an anonymous round: a ballot without a name; its vote changed, not doubled' '
	styr -q round open --anonymous --items R1 --votes 1 &&
	http POST "$BASE/api/join" --bearer "$PTOK" -d "{}" >out &&
	B=$(ballot out) &&
	test "$(code POST "$BASE/api/vote" --bearer "$B" -d "{\"item\": \"R1\", \"priority\": \"remove\"}")" = 200 &&
	test "$(code POST "$BASE/api/vote" --bearer "$B" -d "{\"item\": \"R1\", \"priority\": \"change\"}")" = 200 &&
	valid &&
	test "$(grep -c "ballot=" styr.xml)" = 1 &&
	grep "<vote priority=\"change\" count=\"1\" ballot=\"[0-9a-f]*\" meeting=\"M1\"" styr.xml &&
	styr -q round close
'

test_expect_success 'pages: Danish by default, English by Accept-Language or ?lang=en; the token leaves the address' '
	http GET "$BASE/vote?key=$PTOK" >out &&
	test "$(head -n 1 out)" = 303 &&
	test_grep "^Location: /vote" out &&
	test_grep "^Set-Cookie: styr_p=$PTOK; Path=/; HttpOnly; SameSite=Strict" out &&
	http GET "$BASE/vote" --cookie "styr_p=$PTOK" >out &&
	test_grep "<html lang=\"da\">" out &&
	http GET "$BASE/vote" --cookie "styr_p=$PTOK" -H "Accept-Language: en-GB,en;q=0.9" >out &&
	test_grep "<html lang=\"en\">" out &&
	http GET "$BASE/vote?lang=en" --cookie "styr_p=$PTOK" >out &&
	test_grep "^Set-Cookie: styr_lang=en" out &&
	http GET "$BASE/vote" --cookie "styr_p=$PTOK; styr_lang=en" -H "Accept-Language: da" >out &&
	test_grep "<html lang=\"en\">" out &&
	http GET "$BASE/status" --cookie "styr_s=$STOK" -H "Accept-Language: en" >out &&
	test_grep "Where are we?" out
'

test_expect_success 'everything is served from styr itself: no address elsewhere in the pages' '
	for p in vote screen facilitator app.js app.css qr.svg; do
		http GET "$BASE/$p" --bearer "$FTOK" >out &&
		! grep -o -E "(https?:)?//[a-z0-9.-]+" out | grep -v "^//www.w3.org$\|^http://www.w3.org$" || exit 1
	done &&
	http GET "$BASE/qr.svg" --bearer "$STOK" >out &&
	test_grep "^Content-Type: image/svg+xml" out &&
	http GET "$BASE/vote" --bearer "$PTOK" >out &&
	test_grep "^Content-Security-Policy: default-src .none.; script-src .self." out
'

test_expect_success 'repeated bad tokens lock the address out (429), even with a good token then' '
	for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
		code GET "$BASE/api/round" --bearer "$BAD" >/dev/null || exit 1
	done &&
	http GET "$BASE/api/round" --bearer "$FTOK" >out &&
	test "$(head -n 1 out)" = 429 &&
	test_grep "^Retry-After: 60" out &&
	test_grep "wrong tokens" serve.err
'

serve_stop

cp urls urls.before
serve_start --new-tokens

test_expect_success 'with --new-tokens the old addresses and ballots are refused; a stale cookie gives way to the new address, or is cleared' '
	! cmp -s urls.before urls &&
	OLD=$(sed -n "s/^Facilitator: .*key=//p" urls.before) &&
	test "$(code GET "$BASE/api/workshop" --bearer "$OLD")" = 403 &&
	test "$(code GET "$BASE/api/round" --bearer "$(cat anna)")" = 403 &&
	test "$(code GET "$BASE/api/workshop" --bearer "$FTOK")" = 200 &&
	OLDP=$(sed -n "s/^Participants: .*key=//p" urls.before) &&
	http GET "$BASE/vote?key=$PTOK" --cookie "styr_p=$OLDP" >out &&
	test "$(head -n 1 out)" = 303 &&
	test_grep "^Set-Cookie: styr_p=$PTOK;" out &&
	http GET "$BASE/vote" --cookie "styr_p=$OLDP" >out &&
	test "$(head -n 1 out)" = 403 &&
	test_grep "^Set-Cookie: styr_p=; Path=/; Max-Age=0" out
'

test_expect_success 'messages in the language of the request (Accept-Language, ?lang=, the styr_lang cookie), not of the terminal' '
	styr -q person add "Carl Dahl" --role staff &&
	styr -q round open --items R1,G1 --votes 1 &&
	http GET "$BASE/api/round" -H "Accept-Language: da" >out &&
	test_grep "\"error\": \"åbn adressen med nøglen igen" out &&
	http POST "$BASE/api/join" --bearer "$PTOK" -H "Accept-Language: da-DK,da;q=0.9" -d "{\"name\": \"Anna Bergh\"}" >out &&
	test_grep "er ikke på deltagerlisten; mente du .Anna Berg." out &&
	http POST "$BASE/api/join" --bearer "$PTOK" -H "Accept-Language: da" -d "{\"name\": \"Carl Dahl\"}" >out &&
	A=$(ballot out) &&
	test "$(code POST "$BASE/api/vote" --bearer "$A" -d "{\"item\": \"R1\", \"priority\": \"remove\"}")" = 200 &&
	http POST "$BASE/api/vote?lang=da" --bearer "$A" -d "{\"item\": \"G1\", \"priority\": \"remove\"}" >out &&
	test_grep "du har brugt alle dine stemmer" out &&
	http POST "$BASE/api/vote" --bearer "$A" -d "{\"item\": \"G1\", \"priority\": \"remove\"}" >out &&
	test_grep "you have used all your votes" out &&
	http POST "$BASE/api/round/open" --bearer "$FTOK" -H "Accept-Language: da" -d "{}" >out &&
	test_grep "stadig åben" out
'

test_expect_success 'the web words its refusals for the page, not with commands; the terminal keeps its own' '
	http POST "$BASE/api/join" --bearer "$PTOK" -d "{\"name\": \"Hanne Ukendt\"}" >out &&
	test_grep "\"error\": \".Hanne Ukendt. is not in the people list; ask the facilitator to add you\"" out &&
	http POST "$BASE/api/join" --bearer "$PTOK" -H "Accept-Language: da" -d "{\"name\": \"Anna Bergh\"}" >out &&
	test_grep "mente du .Anna Berg. (P1)? Hvis ikke, så bed facilitatoren om at tilføje dig" out &&
	! grep -e "styr person add" -e "--guest" out &&
	http POST "$BASE/api/round/open" --bearer "$FTOK" -d "{}" >out &&
	test_grep "is still open; close it first with .Close the round.\"" out &&
	http POST "$BASE/api/round/open" --bearer "$FTOK" -H "Accept-Language: da" -d "{}" >out &&
	test_grep "er stadig åben; luk den først med .Luk runden.\"" out &&
	test_expect_code 1 styr round open 2>err &&
	test_grep "close it first with .styr round close." err &&
	styr -q round close &&
	http POST "$BASE/api/round/open" --bearer "$FTOK" -d "{\"items\": \"R1\", \"votes\": \"3\"}" >out &&
	test_grep "votes per participant: give from 1 to 1 (the round has 1 items)" out &&
	! grep -e "--votes" out &&
	styr -q round open --items R1
'

serve_stop
export LC_ALL=da_DK.UTF-8 LANG=da_DK.UTF-8
serve_start
export LC_ALL=C.UTF-8 LANG=C.UTF-8

test_expect_success 'on a Danish terminal an English page reads English refusals; a script that names no language, Danish' '
	http POST "$BASE/api/join" --bearer "$PTOK" --cookie "styr_lang=en" -H "Accept-Language: da" -d "{\"name\": \"Anna Bergh\"}" >out &&
	test_grep "is not in the people list; did you mean .Anna Berg." out &&
	http POST "$BASE/api/join" --bearer "$PTOK" -H "Accept-Language: en-GB,en;q=0.8" -d "{\"name\": \"Anna Bergh\"}" >out &&
	test_grep "is not in the people list" out &&
	http GET "$BASE/api/nothing" --bearer "$FTOK" -H "Accept-Language: en" >out &&
	test_grep "no such address" out &&
	http POST "$BASE/api/join" --bearer "$PTOK" -d "{\"name\": \"Anna Bergh\"}" >out &&
	test_grep "er ikke på deltagerlisten" out
'

serve_stop

test_expect_success 'the server stops on SIGTERM, exit 0 each time; --listen refuses what is not an address' '
	test_grep "stopped" serve.err &&
	printf "0\n0\n0\n0\n" >want && test_cmp want server.rc &&
	test_expect_code 1 styr serve --listen evil.example 2>err &&
	test_grep "not an IP address" err &&
	test_expect_code 2 styr serve --port 70000 2>/dev/null
'

test_done
