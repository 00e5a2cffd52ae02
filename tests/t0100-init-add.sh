#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# init and add: a new register, items with stable, never-reused ids.
. "$(dirname "$0")/lib.sh"

test_expect_success 'init makes a valid register with the six phases' '
	styr init --org "Odder Kommune" --title "Nybureaukratisering" &&
	test -f styr.xml &&
	valid &&
	test "$(grep -c "<phase " styr.xml)" = 6 &&
	test_grep "Odder Kommune" styr.xml &&
	test_grep "current=\"1\"" styr.xml
'

test_expect_success 'init --date records when phase 1 started' '
	styr -f dated.xml init --org X --date 2017-06-01 &&
	test_grep "<phase number=\"1\" status=\"active\" started=\"2017-06-01\">" dated.xml &&
	test_expect_code 1 styr -f nodate.xml init --date 2017-02-30 2>err &&
	test_grep "2017-02-30" err &&
	test ! -e nodate.xml
'

test_expect_success 'init refuses to overwrite an existing register' '
	test_refused 1 "exists" styr init --org Other
'

test_expect_success 'add prints ids by kind: G, R, D' '
	styr add goal "Aktivt medborgerskab" >id1 &&
	styr add rule "Bostøtte i timer pr. uge" >id2 &&
	styr add doc "Udredning efter VUM" >id3 &&
	echo G1 >expect && test_cmp expect id1 &&
	echo R1 >expect && test_cmp expect id2 &&
	echo D1 >expect && test_cmp expect id3
'

test_expect_success 'Danish kind aliases: mål, maal, regel, dokumentation' '
	test "$(styr add mål "Et mål")" = G2 &&
	test "$(styr add maal "Et andet mål")" = G3 &&
	test "$(styr add regel "En regel")" = R2 &&
	test "$(styr add dokumentation "Et krav")" = D2
'

test_expect_success 'add stores description, origin and found' '
	styr add doc "§ 85 bostøtte" --desc "VUM-udredning, tung" \
		--origin lovkrav --found interview --owner "Myndighed" \
		--source "Serviceloven § 85" >id &&
	id=$(cat id) &&
	test_grep "<description>VUM-udredning, tung</description>" styr.xml &&
	test_grep "id=\"$id\" kind=\"doc\" origin=\"law\" found=\"interview\"" styr.xml
'

test_expect_success 'unknown kind is refused, nothing written' '
	test_refused 1 "widget" styr add widget "x"
'

test_expect_success 'the title typed before the kind is told the order' '
	test_refused 1 "kind comes first (styr add dokumentation \"Statusnotat\")" \
		styr add "Statusnotat" dokumentation &&
	test_grep "^styr: .Statusnotat. is not a kind, but .dokumentation. is" err &&
	test_refused 1 "unknown kind .widget." styr add widget "x"
'

test_expect_success 'unknown area is refused, nothing written' '
	test_refused 1 "NOPE" styr add doc "x" --area NOPE
'

test_expect_success 'control characters and invalid UTF-8 are refused' '
	test_refused 1 "control" styr add doc "$(printf "bad\001title")" &&
	test_refused 1 "UTF-8" styr add doc "$(printf "bad\377")"
'

test_expect_success 'the change log records who added what' '
	styr --by "Anne Agent" add doc "Logget" >/dev/null &&
	test_grep "by=\"Anne Agent\"" styr.xml &&
	STYR_USER=Bo styr add doc "Logget igen" >/dev/null &&
	test_grep "by=\"Bo\"" styr.xml
'

test_expect_success 'a control character in the author never reaches the file' '
	cp styr.xml before.xml &&
	test_expect_code 2 styr --by "$(printf "A\001")" add doc x 2>err &&
	test_grep "control" err &&
	test_cmp before.xml styr.xml &&
	STYR_USER="$(printf "B\002")" styr add doc "y" >/dev/null 2>err &&
	test_grep "STYR_USER holds a control character or invalid UTF-8; it is ignored" err &&
	styr validate
'

test_expect_success 'no lock or temporary file is left behind' '
	test ! -e styr.xml.lock && test ! -e styr.xml.new
'

test_expect_success '-f and STYR_FILE name another register' '
	styr -f other.xml init --org X &&
	test "$(styr -f other.xml add doc "a")" = D1 &&
	test "$(STYR_FILE=other.xml styr add doc "b")" = D2
'

test_done
