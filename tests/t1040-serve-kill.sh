#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# kill -9 of styr serve while participants vote (issue 12): at least 20
# times, votes come from four threads through the JSON interface and the
# server is killed at a random moment, then started again (the same
# addresses and ballots, from its state file).  Every vote answered 200
# must be in the register (or a later one of the same voter on the same
# item that was sent when the server died), and the register validates
# after every restart.  The register is read with ElementTree.
# Kills must land in real syncs to the disk, not in a tmpfs where a sync
# is nothing: the sandbox stays in TMPDIR (lib.sh, STYR_TEST_ROOT).
STYR_TEST_ROOT=
. "$(dirname "$0")/lib.sh"

WEB=$SRC_DIR/tests/web
KILLS=$(test_long 20 60)

test_expect_success 'set-up: 8 people, 6 items, a named round with 6 votes each' '
	styr -q init --org "Odder Kommune" &&
	for i in 1 2 3 4 5 6; do styr -q add doc "Dokumentationskrav $i" || exit 1; done &&
	for i in 1 2 3 4 5 6 7 8; do styr -q person add "Deltager $i" --role staff || exit 1; done &&
	styr -q meeting add workshop "Prioriteringsworkshop" --date 2026-01-10 --phase 1 &&
	styr -q round open --votes 6
'

test_expect_success "$KILLS times kill -9 while voting: every vote answered 200 is in the register, which validates" '
	python3 -S "$WEB/serve_kill.py" "$STYR" "$KILLS" 8 6 >acked 2>err || { cat acked err; false; } &&
	cat err &&
	test_grep "^$KILLS kills, [1-9][0-9]* votes answered 200" err &&
	valid && styr validate &&
	python3 - <<-PY
	import sys, xml.etree.ElementTree as ET
	ns = {"r": "urn:x-styr:register:1"}
	have = {}
	for it in ET.parse("styr.xml").getroot().iterfind(".//r:items/r:item", ns):
	    for v in it.iterfind("r:vote", ns):
	        key = (v.get("by"), it.get("id"))
	        assert key not in have, "two votes of %s on %s" % key
	        have[key] = v.get("priority")
	bad = 0
	n = 0
	for line in open("acked"):
	    who, item, a, l = line.split()
	    a, l = a[6:], l[6:]
	    ok = ([a] if a != "-" else []) + ([] if l == "-" else l.split(","))
	    got = have.get((who, item))
	    if a != "-":
	        n += 1
	    if (got is None and a != "-") or (got is not None and got not in ok):
	        print("%s %s: register %s, answered %s, sent later %s" % (who, item, got, a, l))
	        bad += 1
	print("%d voter-item pairs answered 200, all in the register" % n if not bad else "")
	sys.exit(1 if bad else 0)
	PY
'

test_done
