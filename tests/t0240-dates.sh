#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# --date: a real calendar day written YYYY-MM-DD, never in the future for
# what has already happened; the log keeps the day it happened beside the
# time it was typed in, and the decision log handout shows that day.
. "$(dirname "$0")/lib.sh"

tomorrow=$(date -d tomorrow +%F)
yesterday=$(date -d yesterday +%F)

test_expect_success 'set-up' '
	styr init --org "Odder Kommune" >/dev/null &&
	test "$(styr add doc "Udredning")" = D1 &&
	test "$(styr add rule "Bostøtte")" = R1 &&
	styr person add Anne --role staff >/dev/null
'

test_expect_success 'decide --date reaches the log' '
	styr decide D1 selected --date 2017-11-28 --why "styregruppen" \
		2>/dev/null &&
	test_grep -q "action=\"decide\".* happened=\"2017-11-28\"" styr.xml &&
	valid
'

test_expect_success 'prioritise --date reaches the log' '
	styr prioritise R1 change --date 2017-10-02 &&
	test_grep -q "action=\"prioritise\".* happened=\"2017-10-02\"" styr.xml &&
	valid
'

test_expect_success 'log shows the day it happened beside the time typed' '
	styr log >out &&
	test_grep "decide .*(dated 2017-11-28)" out &&
	test_grep "^$(date -u +%Y)-" out &&
	styr log --format json >out.json &&
	test_grep "\"happened\": *\"2017-11-28\"" out.json
'

test_expect_success 'beslutninger dates a decision by its --date' '
	styr -q handout beslutninger -o b.odt &&
	part b.odt content.xml | sed "s/<[^>]*>/ /g" | tr -s " " >text &&
	test_grep -q "2017-11-28 [^ ]* Beslutning D1" text
'

test_expect_success 'note --date in the future is refused' '
	test_expect_code 1 styr note D1 "senere" --date "$tomorrow" 2>err &&
	test_grep "future" err &&
	! test_grep -q "senere" styr.xml
'

test_expect_success 'note --date yesterday and today are accepted' '
	styr note D1 "i går" --date "$yesterday" &&
	styr note D1 "i dag" --date "$(date +%F)" &&
	test_grep -q "action=\"note\".* happened=\"$yesterday\"" styr.xml && valid
'

test_expect_success 'decide --date in the future is refused' '
	test_expect_code 1 styr decide R1 rejected --date "$tomorrow" 2>err &&
	test_grep "future" err &&
	test_grep -q "date=\"2017-10-02\"" styr.xml
'

test_expect_success 'prioritise --date in the future is refused' '
	test_expect_code 1 styr prioritise R1 anchor --date "$tomorrow" 2>err &&
	test_grep "future" err
'

for bad in 2026-02-30 2023-02-29 2026-1-5 " 2026-01-01" "2026-01- 1" \
	"2026-01-01 " 2026-13-01 2026-00-10 2026-04-31 "2026/01/01" \
	"+026-01-01" "2026-01-1x"; do
	test_expect_success "note --date '$bad' is refused and names it" "
		test_expect_code 1 styr note D1 x --date '$bad' 2>err &&
		test_grep \"'$bad' is not a date\" err
	"
done

test_expect_success 'milestone done --date "2026-01- 1" is refused cleanly' '
	test_expect_code 1 styr milestone done 1.1 --date "2026-01- 1" \
		>out 2>err &&
	test_grep "is not a date" err &&
	! test_grep -q "internal error" err &&
	test_must_fail test -s out
'

test_expect_success '2024-02-29 is a day, 2023-02-29 is not' '
	styr note D1 "skuddag" --date 2024-02-29 &&
	test_expect_code 1 styr note D1 "ingen" --date 2023-02-29 2>err &&
	test_grep "not a date" err
'

test_expect_success 'solution --evaluate-by in the past is warned of' '
	styr solution D1 --evaluate-by 2020-01-01 2>err &&
	test_grep "in the past" err &&
	test_grep -q "2020-01-01" styr.xml &&
	styr solution D1 --evaluate-by "$tomorrow" 2>err &&
	! test_grep -q "in the past" err
'

test_expect_success 'a register with log entries without date still loads' '
	sed -i "s/ happened=\"[0-9-]*\"//" styr.xml &&
	! grep -q "happened=" styr.xml &&
	valid && styr log >/dev/null
'

test_expect_success 'vote --date: the day it was cast, not in the future' '
	styr meeting add workshop "Workshop" --date 2017-11-08 >/dev/null &&
	styr vote D1 change --by Anne --date 2017-11-08 &&
	test_grep -q "<vote .*date=\"2017-11-08\"" styr.xml &&
	test_grep -q "action=\"vote\".* happened=\"2017-11-08\"" styr.xml &&
	test_expect_code 1 styr vote R1 change --count 2 --date "$tomorrow" \
		2>err &&
	test_grep "future" err &&
	test_expect_code 1 styr vote R1 change --count 2 --date 2017-02-29 \
		2>err &&
	test_grep "not a date" err && valid
'

test_expect_success 'rate --date: the day it was answered, not in the future' '
	styr rate D1 too-tight --date 2017-09-01 &&
	test_grep -q "<rating .*date=\"2017-09-01\"" styr.xml &&
	test_expect_code 1 styr rate R1 too-tight --date "$tomorrow" 2>err &&
	test_grep "future" err && valid
'

test_expect_success 'solution --date: the day it was decided, kept in the log' '
	styr solution D1 --status pilot --date 2018-03-15 2>err &&
	test_grep -q "action=\"solution\".* happened=\"2018-03-15\"" styr.xml &&
	styr solution D1 --evaluate-by 2018-01-01 --date 2018-03-15 2>err &&
	test_grep "before --date 2018-03-15" err &&
	test_expect_code 1 styr solution D1 --status idea --date "$tomorrow" \
		2>err &&
	test_grep "future" err && valid
'

test_expect_success 'a date written the Danish way: refused, the ISO form suggested' '
	cp styr.xml before.xml &&
	LC_ALL=da_DK.UTF-8 test_expect_code 1 styr note D1 "x" \
		--date 6/12-2017 2>err &&
	test_grep "ikke en dato (ÅÅÅÅ-MM-DD); mente du 2017-12-06?" err &&
	LC_ALL=da_DK.UTF-8 test_expect_code 1 styr meeting add workshop W \
		--date 06.12.2017 2>err &&
	test_grep "mente du 2017-12-06?" err &&
	LC_ALL=da_DK.UTF-8 test_expect_code 1 styr note D1 "x" \
		--date 31/2-2017 2>err &&
	! grep "mente du" err &&
	test_expect_code 1 styr note D1 "x" --date 6/12/2017 2>err &&
	test_grep "is not a date (YYYY-MM-DD)$" err &&
	cmp styr.xml before.xml
'

test_expect_success 'a date error names the option as typed, in every command' '
	cp styr.xml before.xml &&
	for c in "meeting add workshop W" "meeting change M1" \
		"milestone done 1.1" "phase start 2" "note D1 x" \
		"rate D1 supportive --respondent Anne"; do
		test_expect_code 1 styr $c --date 2026-13-01 2>err ||
			{ echo "styr $c: not 1"; exit 1; }
		grep -q "^styr: --date: .2026-13-01. is not a date (YYYY-MM-DD)$" err ||
			{ echo "styr $c:"; cat err; exit 1; }
		LC_ALL=da_DK.UTF-8 test_expect_code 1 styr $c --date 2026-13-01 2>err &&
		grep -q "^styr: --date: .2026-13-01. er ikke en dato (ÅÅÅÅ-MM-DD)$" err ||
			{ echo "styr $c (da):"; cat err; exit 1; }
	done &&
	test_expect_code 1 styr solution D1 --evaluate-by 2026-13-01 2>err &&
	test_grep "^styr: --evaluate-by: .2026-13-01. is not a date" err &&
	cmp styr.xml before.xml
'

test_done
