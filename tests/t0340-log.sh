#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# log: the change log, oldest first, filtered by date and item, as text
# and as JSON.
. "$(dirname "$0")/lib.sh"

# Gives the log entries the stamps given, in order, so that the dates are
# known (a real log gets the time of each change).
set_stamps() {
	python3 - "$@" <<'EOF'
import re, sys
stamps = iter(sys.argv[1:])
text = open("styr.xml", encoding="utf-8").read()
text = re.sub(r'(<entry when=")[^"]*"',
              lambda m: m.group(1) + next(stamps) + '"', text)
open("styr.xml", "w", encoding="utf-8").write(text)
EOF
}

test_expect_success 'set-up: a register with four changes on known dates' '
	styr init --org "Odder Kommune" &&
	styr --by "Anne Agent" add goal "Aktivt medborgerskab" >/dev/null &&
	styr add rule "Visitation" >/dev/null &&
	styr edit G1 --title "Aktivt medborgerskab for alle" 2>/dev/null &&
	set_stamps 2026-01-10T09:00:00Z 2026-02-01T10:30:00Z \
		2026-02-15T08:00:00Z 2026-03-01T12:00:00Z &&
	valid
'

test_expect_success 'log: every change, oldest first, with time, who, what' '
	styr log >out &&
	test "$(wc -l <out)" = 5 &&
	head -n 1 out | grep "^Time  *Who  *Action  *Item  *What$" &&
	sed -n 2p out | grep "^2026-01-10 09:00  tester" | grep "init" &&
	sed -n 3p out | grep "^2026-02-01 10:30  Anne Agent  add" |
		grep "G1" | grep "Aktivt medborgerskab" &&
	sed -n 4p out | grep "^2026-02-15 08:00" | grep "R1" &&
	sed -n 5p out | grep "^2026-03-01 12:00" | grep "edit" | grep "G1"
'

test_expect_success 'log --item: only that item, in any case' '
	styr log --item g1 >out &&
	test "$(wc -l <out)" = 3 &&
	! grep "R1" out &&
	! grep "init" out
'

test_expect_success 'log --since: from that date on, the date itself included' '
	styr log --since 2026-02-15 >out &&
	test "$(wc -l <out)" = 3 &&
	test_grep "2026-02-15 08:00" out &&
	! grep "2026-02-01" out &&
	styr log --since 2026-02-15 --item G1 >out &&
	test "$(wc -l <out)" = 2
'

test_expect_success 'nothing to show: no output, a note on stderr' '
	styr log --since 2027-01-01 >out 2>err &&
	test ! -s out &&
	test_grep "no changes" err
'

test_expect_success 'log --format json: when, by, action, ref, what' '
	styr log --format json >out.json &&
	python3 -c "
import json
d = json.load(open(\"out.json\"))
assert [e[\"when\"] for e in d] == [\"2026-01-10T09:00:00Z\",
    \"2026-02-01T10:30:00Z\", \"2026-02-15T08:00:00Z\",
    \"2026-03-01T12:00:00Z\"], d
assert [e[\"action\"] for e in d] == [\"init\", \"add\", \"add\", \"edit\"]
assert [e[\"ref\"] for e in d] == [None, \"G1\", \"R1\", \"G1\"]
assert d[1][\"by\"] == \"Anne Agent\" and d[0][\"by\"] == \"tester\"
assert \"Aktivt medborgerskab\" in d[1][\"what\"]
for e in d:
    assert set(e) >= {\"when\", \"by\", \"action\", \"ref\", \"what\"}
" &&
	styr log --format json --item R1 --since 2026-02-01 >out.json &&
	python3 -c "
import json
d = json.load(open(\"out.json\"))
assert len(d) == 1 and d[0][\"ref\"] == \"R1\", d
" &&
	styr log --format json --since 2030-01-01 >out.json &&
	echo "[]" >expect &&
	test_cmp expect out.json
'

test_expect_success 'a bad date or format is refused' '
	test_expect_code 1 styr log --since 2026-02-30 2>err &&
	test_grep "2026-02-30" err &&
	test_expect_code 2 styr log --format csv 2>err &&
	test_grep "csv" err
'

test_expect_success 'log reads only: the register is unchanged' '
	test_unchanged "" styr log
'

test_expect_success 'no register: exit 3 naming it' '
	test_expect_code 3 styr -f none.xml log 2>err &&
	test_grep "none.xml" err
'

test_done
