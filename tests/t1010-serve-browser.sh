#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# styr serve in a real browser (SPEC section 8, issue 12): Debian's
# chromium, headless, through tests/web/serve_flow.py (selenium).  A
# participant opens the participants' address (no QR scanned: the address
# itself), types her name, votes on three items and changes one; the
# projector shows that one has voted and no tally; the facilitator closes
# the round and reveals it; the projector and the participants' page then
# show the tally.  The register holds exactly those votes (read with
# ElementTree).  axe-core finds no WCAG 2.1 A/AA violation on any view at
# 360 and 1280 px; the screenshots stay in tests/web/screenshots/ for a
# person to look at.  Skipped (TAP "# SKIP") only when chromium is not
# installed.
. "$(dirname "$0")/lib.sh"

WEB=$SRC_DIR/tests/web
SHOTS=$WEB/screenshots
flow() { python3 "$WEB/serve_flow.py" "$@"; }

if ! python3 "$WEB/browser.py" present; then
	for i in 1 2 3 4 5 6 7 8 9 10; do
		skip "chromium is not installed"
	done
	test_done
	exit 0
fi

test_expect_success 'set-up: four items, what the mapping found, a named round with three votes, hidden' '
	styr -q init --org "Odder Kommune" &&
	styr -q add rule "Daglig dokumentation af alt" &&
	styr -q add doc "Ugeskema til lederen" &&
	styr -q add goal "Flere timer hos borgeren" &&
	styr -q add doc "Månedlig rapport om magtanvendelse" &&
	styr -q note R1 "Vi skriver det samme tre steder" --method interview &&
	styr -q person add "Anna Berg" --role staff &&
	styr -q rate R1 too-tight --respondent "Anna Berg" &&
	styr -q burden R1 --minutes 10 --per-year 220 --staff 12 &&
	styr -q meeting add workshop "Prioriteringsworkshop" --date 2026-01-10 --phase 1 &&
	styr -q round open --votes 3 --hidden
'

# The server runs under the tests' C locale, but its messages (a refusal)
# are in the page's language: Danish, as the browser asks.  The server runs beside the tests (serve_start in lib.sh sets $P, $F,
# $HOSTPORT, $PTOK...; serve_stop adds its exit status to server.rc).
serve_start
mkdir -p "$SHOTS"

test_expect_success 'a participant joins by name, votes on three items, changes one (axe-core clean at 360 and 1280 px)' '
	flow vote "$P" "$SHOTS" "anna berg" >out 2>&1 || { cat out; false; } &&
	cat out &&
	test_grep "^items: R1 D1 G1 D2$" out &&
	test_grep "^Du stemmer som Anna Berg.$" out &&
	test_grep "^voted R1 anchor: Din stemme på R1 er ændret til forankre.$" out &&
	test_grep "^pressed: b-D1-change b-G1-anchor b-R1-anchor$" out &&
	test_grep "^left: Du har brugt alle 3 stemmer" out
'

test_expect_success 'the register holds exactly those votes, by Anna (P1), in the workshop' '
	valid &&
	python3 - >have <<-PY &&
	import xml.etree.ElementTree as ET
	ns = {"r": "urn:x-styr:register:1"}
	for it in ET.parse("styr.xml").getroot().iterfind(".//r:items/r:item", ns):
	    for v in it.iterfind("r:vote", ns):
	        print(it.get("id"), v.get("by"), v.get("meeting"), v.get("priority"))
	PY
	printf "%s\n" "R1 P1 M1 anchor" "D1 P1 M1 change" "G1 P1 M1 anchor" >want &&
	test_cmp want have
'

test_expect_success 'the projector: the QR code, the address, 1 has voted, no tally while hidden' '
	flow screen "$S" "$SHOTS" 1 hidden >out 2>&1 || { cat out; false; } &&
	cat out &&
	test_grep "^qr: shown, alt: QR-kode med deltagernes adresse$" out &&
	test_grep "^url: $P$" out &&
	test_grep "^tally: hidden$" out
'

test_expect_success 'at 1920x1080 the projector is readable from the back of the room' '
	flow projector "$S" "$SHOTS" >out 2>&1 || { cat out; false; } &&
	cat out &&
	sed -n "s/^qr: \([0-9]*\) px, address: \([0-9]*\) px, count: \([0-9]*\) px, status: \([0-9]*\) px$/\1 \2 \3 \4/p" out >px &&
	read qr addr count st <px &&
	test "$qr" -ge 480 && test "$addr" -ge 30 && test "$count" -ge 120 && test "$st" -ge 36
'

test_expect_success 'the facilitator closes the round and reveals it, each after a question' '
	flow facilitate "$F" "$SHOTS" >out 2>&1 || { cat out; false; } &&
	cat out &&
	test_grep "^open form: hidden, note: Runde 1 er åben. Luk den, før du åbner en ny.$" out &&
	test_grep "^asked: Luk runde 1? 1 har stemt. Derefter kan ingen stemme i runden.$" out &&
	test_grep "^said: Runde 1 er lukket: 1 har stemt.$" out &&
	test_grep "^open form: offered, note: $" out &&
	test_grep "^closed: Runde 1 i M1 Prioriteringsworkshop: lukket" out &&
	test_grep "^asked: Vis resultatet af runde 1 for alle, også på projektoren?$" out &&
	test_grep "^revealed: Runde 1 i M1 Prioriteringsworkshop: lukket, resultatet vist" out &&
	test_grep "^said: Resultatet af runde 1 vises nu, også på projektoren.$" out &&
	grep "<round number=\"1\" state=\"closed\"" styr.xml | grep "revealed="
'

test_expect_success 'then the projector and the participants see the tally' '
	flow screen "$S" "$SHOTS" 1 revealed >out 2>&1 || { cat out; false; } &&
	cat out &&
	test_grep "^tally: R1 Daglig dokumentation af alt | 0 | 0 | 1 | Forankre$" out &&
	test_grep "^tally: D1 Ugeskema til lederen | 0 | 1 | 0 | Forandre$" out &&
	test_grep "^tally: D2 Månedlig rapport om magtanvendelse | 0 | 0 | 0 | –$" out &&
	flow result "$P" "$SHOTS" >out 2>&1 || { cat out; false; } &&
	cat out &&
	test_grep "^result: Fjerne 0 · Forandre 1 · Forankre 0 – Flest stemmer: Forandre$" out
'

test_expect_success 'a phone that lost its cookie gets a readable page saying what to do, not JSON' '
	flow lost "$P" "$SHOTS" >out 2>&1 || { cat out; false; } &&
	cat out &&
	test_grep "^h1: Siden kan ikke åbnes$" out &&
	test_grep "^p: åbn adressen med nøglen igen, som facilitatoren gav den (deltagere: scan QR-koden på projektoren igen).$" out
'

test_expect_success 'in a timed round, "your vote is saved" and a refused name stay on the phone while it polls' '
	styr -q round open --votes 2 --minutes 10 &&
	flow linger "$P" "$SHOTS" "Anna Berg" D1 >out 2>&1 || { cat out; false; } &&
	cat out &&
	test_grep "^after two polls: Din stemme på D1 er .* forandre.$" out &&
	flow linger "$P" "$SHOTS" "Hanne Ukendt" - >out 2>&1 || { cat out; false; } &&
	cat out &&
	test_grep "^after two polls: Det lykkedes ikke: .Hanne Ukendt. er ikke på deltagerlisten" out
'

test_expect_success 'on a phone (390x844) the facilitator sees all ten items of the checklist, the page scrolling, not a box in it' '
	for t in "Mødereferat" "Tjekliste ved indflytning" "Årlig handleplan" "Kvartalsvis tilsyn" "Sagsgennemgang" "Ugentlig teamtavle"; do
		styr -q add doc "$t" || exit 1
	done &&
	styr -q round close &&
	flow checklist "$F" "$SHOTS" >out 2>&1 || { cat out; false; } &&
	cat out &&
	test_grep "^checklist: 10 items, 10 shown when the page is scrolled to them$" out &&
	test_grep "^list box: grows with the page$" out
'

serve_stop
test_expect_success 'the server stopped cleanly; the screenshots are there' '
	test "$(cat server.rc)" = 0 &&
	for v in vote-join vote screen-hidden facilitator facilitator-revealed screen-revealed vote-revealed; do
		test -s "$SHOTS/$v-360.png" && test -s "$SHOTS/$v-1280.png" || exit 1
	done
'

test_done
