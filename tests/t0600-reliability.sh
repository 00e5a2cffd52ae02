#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Nothing is lost: concurrent writers, kills during a save, stale locks, and
# broken or hostile registers that must be reported and never overwritten.
# Kills must land in real syncs to the disk, not in a tmpfs where a sync
# is nothing: the sandbox stays in TMPDIR (lib.sh, STYR_TEST_ROOT).
STYR_TEST_ROOT=
. "$(dirname "$0")/lib.sh"

count_items() { grep -c "<item id=" "${1:-styr.xml}"; }

# Kills during a save: the full count (STYR_TEST_LONG=1, make check-all)
# is 40, four kills at each of ten moments 0 to 90 ms into a save, so that
# each lands in a different step for a different size of change and
# state of the disk cache; `make check` kills 10 times, once at each
# moment (n * 7 mod 10 visits all ten), with the same checks after each.
KILLS=$(test_long 10 40)

test_expect_success 'setup' '
	styr init --org "Odder Kommune"
'

test_expect_success 'eight agents adding at once: every item arrives' '
	for w in 1 2 3 4 5 6 7 8; do
		(for i in 1 2 3 4 5 6 7 8 9 10; do
			styr --by "agent$w" add doc "w$w item $i" >>ids.$w || exit 1
		done) &
	done &&
	wait &&
	test "$(count_items)" = 80 &&
	cat ids.* | sort | uniq -d >dups && test ! -s dups &&
	test "$(cat ids.* | wc -l)" = 80 &&
	styr validate
'

test_expect_success 'a writer that cannot get the lock says so and changes nothing' '
	cp styr.xml before.xml &&
	( flock -x 9; sleep 2 ) 9>styr.xml.lock &
	sleep 0.3 &&
	STYR_LOCK_TIMEOUT=0.5 test_expect_code 1 styr add doc "late" 2>err &&
	test_grep "busy" err &&
	test_cmp before.xml styr.xml &&
	wait
'

test_expect_success 'a lock left by a dead process is taken over' '
	echo "pid 999999 on elsewhere" >styr.xml.lock &&
	STYR_LOCK_TIMEOUT=1 styr add doc "after a crash" >/dev/null &&
	test ! -e styr.xml.lock
'

test_expect_success 'a half-written styr.xml.new from a killed save is cleaned up' '
	echo "<register" >styr.xml.new &&
	styr add doc "cleaner" >/dev/null &&
	test ! -e styr.xml.new
'

# A register of 3,000 items written directly, so that each save takes long
# enough for kills to land inside it.
test_expect_success 'setup: a big register' '
	awk "BEGIN {
		print \"<?xml version=\\\"1.0\\\" encoding=\\\"UTF-8\\\"?>\"
	}" >big.xml &&
	sed -n "1,/<items /p" styr.xml | sed "1d;\$d" >>big.xml &&
	echo "  <items next-goal=\"1\" next-rule=\"1\" next-doc=\"3001\">" >>big.xml &&
	awk "BEGIN { for (i = 1; i <= 3000; i++)
		printf \"    <item id=\\\"D%d\\\" kind=\\\"doc\\\"><title>Dokumentationskrav nummer %d om bostøtte</title><description>Beskrivelse af kravet, med æøå og lidt mere tekst end titlen.</description></item>\\n\", i, i }" >>big.xml &&
	echo "  </items>" >>big.xml &&
	echo "  <log/>" >>big.xml &&
	echo "</register>" >>big.xml &&
	styr -f big.xml validate
'

test_expect_success "$KILLS kill -9s at random moments during saves: old or new, never broken" '
	n=0 &&
	while [ $n -lt $KILLS ]; do
		before=$(count_items big.xml)
		"$STYR" -f big.xml add doc "kill test $n" >/dev/null 2>&1 &
		pid=$!
		sleep 0.0$(( (n * 7) % 10 ))
		kill -9 $pid 2>/dev/null
		wait $pid 2>/dev/null
		styr -f big.xml validate >/dev/null || { echo "broken after kill $n"; exit 1; }
		after=$(count_items big.xml)
		[ "$after" = "$before" ] || [ "$after" = $((before + 1)) ] ||
			{ echo "kill $n: $before -> $after"; exit 1; }
		n=$((n + 1))
	done &&
	styr -f big.xml add doc "after the kills" >/dev/null &&
	test ! -e big.xml.new && test ! -e big.xml.lock
'

hostile() {
	name=$1
	printf "%s" "$2" >"$name.xml"
	cp "$name.xml" "$name.before"
}

# refused_kept NAME PATTERN: styr add refuses the register NAME.xml (exit
# 3) with a message matching PATTERN, and leaves it as NAME.before.
refused_kept() {
	test_expect_code 3 styr -f "$1.xml" add doc x 2>err &&
	test_grep "$2" err &&
	test_cmp "$1.before" "$1.xml"
}

test_expect_success 'a DOCTYPE (entity bomb) is refused with file and line' '
	hostile bomb "<?xml version=\"1.0\"?>
<!DOCTYPE register [
 <!ENTITY a \"aaaaaaaaaa\">
 <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">
 <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">
]>
<register xmlns=\"urn:x-styr:register:1\" version=\"1\"><organisation>&c;</organisation></register>
" &&
	refused_kept bomb "bomb.xml:2:.*DOCTYPE"
'

test_expect_success 'an external entity (XXE) is never read' '
	hostile xxe "<?xml version=\"1.0\"?>
<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>
<register>&x;</register>
" &&
	test_expect_code 3 styr -f xxe.xml list 2>err &&
	! grep -q "root:" err &&
	test_grep "DOCTYPE" err
'

test_expect_success 'a truncated register names file and line, and is not overwritten' '
	head -c 2000 styr.xml >cut.xml && cp cut.xml cut.before &&
	refused_kept cut "cut.xml:[0-9]*:"
'

test_expect_success 'invalid UTF-8 in a register is refused' '
	sed "s/Odder Kommune/Odder \\xff Kommune/" styr.xml >utf.xml &&
	cp utf.xml utf.before &&
	refused_kept utf "utf.xml:[0-9]*:"
'

test_expect_success 'schema-valid but inconsistent: a duplicate id' '
	sed "0,/id=\"D2\"/s/id=\"D2\"/id=\"D1\"/" styr.xml >dup.xml &&
	cp dup.xml dup.before &&
	refused_kept dup "dup.xml:[0-9]*: item id .D1. is used twice"
'

test_expect_success 'deep nesting is refused without a crash' '
	{ echo "<register xmlns=\"urn:x-styr:register:1\" version=\"1\">";
	  i=0; while [ $i -lt 300 ]; do printf "<a>"; i=$((i+1)); done; } >deep.xml &&
	test_expect_code 3 styr -f deep.xml list 2>err
'

test_expect_success 'an invalid value is reported with file and line' '
	sed "s/kind=\"doc\"/kind=\"widget\"/" styr.xml >bad.xml &&
	test_expect_code 3 styr -f bad.xml list 2>err &&
	test_grep "bad.xml:[0-9]*:" err
'

test_done
