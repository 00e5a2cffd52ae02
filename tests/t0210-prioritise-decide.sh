#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# prioritise and decide: the workshop's proposal, the steering group's
# decision, and the reminders of the model's principles (a legal demand is
# not simply removed; small steps: one review area at a time).
. "$(dirname "$0")/lib.sh"

today=$(date +%F)

# The <NAME ...>...</NAME> lines of ITEM.
child() {
	sed -n "/<item id=\"$1\"/,/<\/item>/p" styr.xml | grep "<$2 "
}

test_expect_success 'set-up: two review areas and items in them' '
	styr init --org "Odder Kommune" &&
	styr area add A "Myndighed" &&
	styr area add B "Bostøtte" &&
	test "$(styr add doc "Udredning efter VUM" --origin law --area A)" = D1 &&
	test "$(styr add rule "Visitation pr. ydelse" --area A)" = R1 &&
	test "$(styr add goal "Aktivt medborgerskab" --area B)" = G1 &&
	test "$(styr add doc "Ugentlig statistik")" = D2 &&
	test "$(styr add rule "Kørselsregnskab")" = R2
'

test_expect_success 'prioritise stores the proposal with reason, date and who' '
	styr prioritise R1 remove --why "Dobbeltregistrering" &&
	echo "      <priority value=\"remove\" by=\"tester\" date=\"$today\">Dobbeltregistrering</priority>" >expect &&
	child R1 priority >actual &&
	test_cmp expect actual
'

test_expect_success 'the change log has action prioritise, the id, and none -> remove' '
	grep -A1 "action=\"prioritise\" ref=\"R1\"" styr.xml >log &&
	test_grep "by=\"tester\"" log &&
	test_grep "proposal: none -&gt; Remove; why: Dobbeltregistrering" log
'

test_expect_success 'a new proposal replaces the earlier one; the log keeps old -> new' '
	styr --by "Anne Agent" prioritise R1 change --date 2026-03-02 &&
	echo "      <priority value=\"change\" by=\"Anne Agent\" date=\"2026-03-02\"/>" >expect &&
	child R1 priority >actual &&
	test_cmp expect actual &&
	grep -A1 "by=\"Anne Agent\" action=\"prioritise\" ref=\"R1\"" styr.xml >log &&
	test_grep "proposal: Remove -&gt; Change" log
'

if locale -a 2>/dev/null | grep -qi "^da_DK\.utf-\?8$" &&
	test -f "$STYR_LOCALEDIR/da/LC_MESSAGES/styr.mo"; then
	test_expect_success 'a Danish user reads and logs the Danish labels' '
		LC_ALL=da_DK.UTF-8 styr prioritise D2 fjern 2>err &&
		test_grep "^D2: forslag: ingen -> Fjerne$" err &&
		test_grep "<what>forslag: ingen -&gt; Fjerne</what>" styr.xml &&
		! grep "remove" err
	'
else
	say "skipping the Danish proposal test: no da_DK.UTF-8 locale or catalog"
fi

test_expect_success 'prioritize (US spelling) and Danish priorities work' '
	styr prioritize G1 forankre &&
	child G1 priority | test_grep -q "value=\"anchor\"" &&
	styr prioritise D2 FJERN &&
	child D2 priority | test_grep -q "value=\"remove\""
'

test_expect_success 'proposing to remove a legal demand warns; the proposal stands' '
	styr prioritise D1 remove --why "Tager for lang tid" 2>err &&
	test_grep "D1 is a legal demand" err &&
	test_grep "consider .change." err &&
	child D1 priority | test_grep -q "value=\"remove\"" &&
	styr prioritise D1 change 2>err &&
	! grep "legal" err
'

test_expect_success 'prioritise: bad priority, id, date or text change nothing' '
	test_refused 1 "unknown priority .maybe." styr prioritise R1 maybe &&
	test_refused 1 "unknown item .X9." styr prioritise X9 remove &&
	test_refused 1 "2026-02-30" styr prioritise R1 remove --date 2026-02-30 &&
	test_refused 1 "" styr prioritise R1 remove --why "$(printf "a\001b")" &&
	test_refused 2 "" styr prioritise R1 &&
	test_refused 2 "" styr prioritise R1 remove extra
'

test_expect_success 'decide stores the decision with reason, date and who' '
	styr decide R1 selected --why "Mest tid at hente" 2>err &&
	echo "      <decision value=\"selected\" by=\"tester\" date=\"$today\">Mest tid at hente</decision>" >expect &&
	child R1 decision >actual &&
	test_cmp expect actual &&
	grep -A1 "action=\"decide\" ref=\"R1\"" styr.xml >log &&
	test_grep "decision: none -&gt; Selected; why: Mest tid at hente" log
'

test_expect_success 'the first selected area gives no small-steps warning' '
	! grep "review area" err
'

test_expect_success 'a second item in the same area: still no warning' '
	styr decide D1 valgt --date 2026-04-01 2>err &&
	! grep "review area" err &&
	echo "      <decision value=\"selected\" by=\"tester\" date=\"2026-04-01\"/>" >expect &&
	child D1 decision >actual &&
	test_cmp expect actual
'

test_expect_success 'a second area: the small-steps warning, the decision stands' '
	styr decide G1 selected 2>err &&
	test_grep "warning: the steering group is selecting focus in 2 review areas at once (Myndighed, Bostøtte)" err &&
	test_grep "one area at a time" err &&
	child G1 decision | test_grep -q "value=\"selected\""
'

test_expect_success 'items without an area count as one more group' '
	styr decide D2 selected 2>err &&
	test_grep "3 review areas at once (Myndighed, Bostøtte, no area)" err
'

test_expect_success 'deferring or rejecting gives no small-steps warning' '
	styr decide G1 udskudt 2>err &&
	! grep "review area" err &&
	styr decide D2 afvist 2>err &&
	! grep "review area" err &&
	child G1 decision | test_grep -q "value=\"deferred\"" &&
	child D2 decision | test_grep -q "value=\"rejected\"" &&
	grep -A1 "action=\"decide\" ref=\"D2\"" styr.xml | tail -n 1 >log &&
	test_grep "decision: Selected -&gt; Rejected" log
'

test_expect_success 'the limit is the model'"'"'s small-steps; rejected items do not count' '
	sed -i "s/small-steps=\"1\"/small-steps=\"2\"/" styr.xml &&
	styr decide G1 selected 2>err &&
	! grep "review area" err &&
	styr decide R2 selected 2>err &&
	test_grep "3 review areas at once" err &&
	test_grep "at most 2 areas at a time" err
'

test_expect_success 'a decision without a workshop proposal warns' '
	! child R2 priority &&
	styr decide R2 deferred 2>err &&
	test_grep "R2 has no proposal from the workshop" err &&
	test_grep "recorded anyway" err &&
	child R2 decision | test_grep -q "value=\"deferred\"" &&
	styr decide R1 selected 2>err &&
	! grep "no proposal" err
'

test_expect_success 'decide: bad decision or id, missing arguments change nothing' '
	test_refused 1 "unknown decision .maybe." styr decide R1 maybe &&
	test_grep "selected" err &&
	test_refused 1 "unknown item .Q1." styr decide Q1 selected &&
	test_refused 1 "tomorrow" styr decide R1 selected --date tomorrow &&
	test_refused 2 "" styr decide R1
'

test_expect_success 'selecting a legal demand whose votes lead to removal warns, without a proposal too' '
	styr -q -f law.xml init --org X &&
	styr -q -f law.xml add doc "Handleplan" --origin lov >/dev/null &&
	styr -q -f law.xml add doc "Afgørelse" --origin lov >/dev/null &&
	styr -q -f law.xml meeting add workshop W --date 2026-01-05 --phase 1 >/dev/null &&
	styr -q -f law.xml vote D1 remove --count 3 2>/dev/null &&
	styr -q -f law.xml vote D2 change --count 3 &&
	styr -f law.xml decide D1 selected 2>err &&
	test_grep "D1 is a legal demand (origin law) and cannot simply be removed.*(the decision is recorded)" err &&
	grep -q "value=\"selected\"" law.xml &&
	styr -f law.xml decide D2 selected 2>err &&
	! grep -q "legal demand" err
'

test_expect_success 'the same decision typed again keeps its reason, day and who' '
	styr -q -f again.xml init --org X &&
	styr -q -f again.xml add rule "Ugentligt timeantal" >/dev/null &&
	styr -q -f again.xml prioritise R1 remove &&
	styr -f again.xml --by Styregruppen decide R1 selected \
		--why "Ny visitationsmodel" --date 2026-01-05 2>/dev/null &&
	cp again.xml before.xml &&
	styr -f again.xml decide R1 selected 2>err &&
	test_grep "^R1: the same decision as before, selected (2026-01-05, Styregruppen): Ny visitationsmodel; nothing changed$" err &&
	test_cmp before.xml again.xml &&
	styr -f again.xml prioritise R1 remove 2>err &&
	test_grep "nothing changed" err &&
	test_cmp before.xml again.xml &&
	styr -f again.xml decide R1 selected --why "Ny visitationsmodel fra 1. januar" 2>/dev/null &&
	grep -q ">Ny visitationsmodel fra 1. januar</decision>" again.xml
'

test_expect_success 'the register stays valid' '
	valid
'

test_done
