#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# styr serve against broken HTTP (issue 12): tests/web/http_fuzz.py sends
# at least 10,000 malformed requests (random bytes, broken request lines,
# lying lengths, broken chunks, huge headers, bad escapes, hostile JSON
# with real tokens), one connection each, to 127.0.0.1 only, and checks
# after every 500 that a well-formed request is still answered.  The
# server must never crash (under ASan in `make check-asan`: no error, no
# leak at its clean exit), and the register must still validate.
# 10,000 requests by default, 50,000 with STYR_TEST_LONG.
. "$(dirname "$0")/lib.sh"

WEB=$SRC_DIR/tests/web
COUNT=$(test_long 10000 50000)

test_expect_success 'set-up: a register with an open round' '
	styr -q init --org "Odder Kommune" &&
	styr -q add rule "Daglig dokumentation af alt" &&
	styr -q add doc "Ugeskema til lederen" &&
	styr -q person add "Anna Berg" --role staff &&
	styr -q meeting add workshop "Prioriteringsworkshop" --date 2026-01-10 --phase 1 &&
	styr -q round open --votes 1
'

# The server runs beside the tests (serve_start in lib.sh sets $P, $F,
# $HOSTPORT, $PTOK...; serve_stop adds its exit status to server.rc).
serve_start

test_expect_success "$COUNT broken requests: every check answered, the server still running" '
	python3 -S "$WEB/http_fuzz.py" "$HOSTPORT" "$COUNT" 20261206 \
		"$PTOK" "$FTOK" >out 2>&1 || { cat out; false; } &&
	cat out &&
	test_grep "^$COUNT broken requests sent" out &&
	kill -0 "$SERVE_PID"
'

serve_stop

test_expect_success 'it stopped cleanly (exit 0; under ASan no error or leak); the register validates' '
	test "$(cat server.rc)" = 0 &&
	! grep -q "Sanitizer\|runtime error" serve.err &&
	valid && styr validate
'

test_done
