#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Many participants at once (issue 12): simulated phones (threads of
# tests/web/serve_load.py, the JSON interface) join and vote on a
# 1,000-item register while the command line adds items and votes to
# the same register.  Every vote answered 200 is in the register (read
# with ElementTree), none lost, so is every change the command line made,
# and the register validates.  20 phones with 5 votes each by default;
# 60 phones with 20 votes each with STYR_TEST_LONG (the issue's figure).
. "$(dirname "$0")/lib.sh"

WEB=$SRC_DIR/tests/web
VOTERS=$(test_long 20 60)
PER=$(test_long 5 20)

test_expect_success 'set-up: 1,000 items, 61 people, a named round on them all with 20 votes each' '
	styr -q init --org "Odder Kommune" &&
	{
		echo "kind,title,description" &&
		i=1 && while [ $i -le 1000 ]; do
			echo "doc,Dokumentationskrav nummer $i,Hvad kortlægningen fandt om krav $i"
			i=$((i + 1))
		done
	} >items.csv &&
	styr -q import csv items.csv &&
	i=1 && while [ $i -le 61 ]; do
		styr -q person add "Deltager $i" --role staff >/dev/null || exit 1
		i=$((i + 1))
	done &&
	styr -q meeting add workshop "Prioriteringsworkshop" --date 2026-01-10 --phase 1 >/dev/null &&
	styr -q round open --votes 20 &&
	test "$(grep -c "<subject ref=" styr.xml)" = 1000
'

# The server runs beside the tests (serve_start in lib.sh sets $P, $F,
# $HOSTPORT, $PTOK...; serve_stop adds its exit status to server.rc).
serve_start

test_expect_success "$VOTERS phones vote $PER times each while the command line adds items and votes: nothing lost" '
	(
		i=1
		while [ $i -le 10 ]; do
			"$STYR" -q add rule "Tilføjet under afstemningen $i" >/dev/null &&
			"$STYR" -q vote "D$((900 + i))" anchor --by P61 --meeting M1 &&
			echo "R$i P61-D$((900 + i))" >>cli.done
			i=$((i + 1))
		done
	) &
	cli=$! &&
	python3 -S "$WEB/serve_load.py" "$HOSTPORT" "$PTOK" "$VOTERS" "$PER" 1000 \
		>acked 2>figures || { cat figures; false; } &&
	wait $cli &&
	cat figures &&
	test "$(wc -l <acked)" = $((VOTERS * PER)) &&
	test "$(wc -l <cli.done)" = 10 &&
	valid && styr validate &&
	python3 - <<-PY
	import xml.etree.ElementTree as ET
	ns = {"r": "urn:x-styr:register:1"}
	root = ET.parse("styr.xml").getroot()
	have, titles = set(), set()
	for it in root.iterfind(".//r:items/r:item", ns):
	    titles.add(it.findtext("r:title", namespaces=ns))
	    for v in it.iterfind("r:vote", ns):
	        have.add((v.get("by"), it.get("id"), v.get("priority")))
	miss = [l for l in open("acked") if tuple(l.split()) not in have]
	assert not miss, "answered 200 but not in the register: %r" % miss[:5]
	for i in range(1, 11):
	    assert "Tilføjet under afstemningen %d" % i in titles, i
	    assert ("P61", "D%d" % (900 + i), "anchor") in have, i
	print("%d votes answered 200, all in the register; and the 10 items and 10 votes of the command line" % len(have))
	PY
'

serve_stop

test_expect_success 'the server stopped cleanly' '
	test "$(cat server.rc)" = 0
'

test_done
