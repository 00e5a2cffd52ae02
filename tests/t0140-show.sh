#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# show: one item as a card for people and as SPEC's ITEM object in JSON.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup: an item with everything' '
	styr init --org "Odder Kommune" &&
	styr area add BOST "Bostøtte" &&
	styr add doc "Udredning efter VUM" --desc "Linje et
Linje to" --area BOST --origin lovkrav --owner Myndighed \
		--found interview --source "SEL § 85" >/dev/null &&
	styr --by Anne note D1 "Det tager en hel dag" --method interview \
		--date 2026-03-01 &&
	styr rate D1 too-tight --respondent Anne --guest --date 2026-03-02 &&
	styr rate D1 too-tight --respondent Bo --guest --date 2026-03-02 &&
	styr rate D1 supportive --date 2026-03-02 &&
	styr rate D1 too-loose --respondent Anne --guest --round followup \
		--date 2026-09-01 &&
	styr burden --default-tariff 450 &&
	styr burden D1 --minutes 15 --per-year 400 --staff 6 >/dev/null &&
	item_append_xml D1 "<vote priority=\"remove\" count=\"3\"/><vote priority=\"change\" by=\"Carl\"/><priority value=\"remove\" date=\"2026-03-10\" by=\"Workshop\">Frigør 100 timer</priority><decision value=\"selected\" date=\"2026-04-01\" by=\"Styregruppe\">Et lille skridt</decision><solution status=\"pilot\" evaluate-by=\"2026-10-01\"><criteria>Halv tid</criteria></solution>" &&
	styr add goal "Bare en titel" >/dev/null &&
	valid
'

test_expect_success 'show prints the whole card' '
	styr show D1 >out &&
	cat >expect <<-\EOF &&
	D1  Documentation
	Title:        Udredning efter VUM
	Description:  Linje et
	              Linje to
	Area:         BOST (Bostøtte)
	Origin:       Law
	Owner:        Myndighed
	Found by:     Interview
	Source:       SEL § 85
	Registered:   in phase 1
	Notes:        1. 2026-03-01, Interview, Anne
	                 Det tager en hel dag
	Experience:   Baseline: Supportive 1, Too tight 2, Too loose 0
	              Follow-up: Supportive 0, Too tight 0, Too loose 1
	Ratings:      1. baseline, Anne: too tight (2026-03-02)
	              2. baseline, Bo: too tight (2026-03-02)
	              3. baseline, anonymous: supportive (2026-03-02)
	              4. follow-up, Anne: too loose (2026-09-01)
	Burden:       100.0 hours per year, 16.67 per person, 45,000 kr per year (at 450 kr per hour)
	Votes:        Remove 3, Change 1, Anchor 0
	              1. 3 paper votes: remove
	              2. Carl: change
	Proposal:     Remove: Frigør 100 timer
	Decision:     Selected (2026-04-01): Et lille skridt
	Solution:     Pilot
	              criteria: Halv tid
	              evaluate by 2026-10-01
	EOF
	test_cmp expect out
'

test_expect_success 'show of a bare item: dashes, no notes yet' '
	styr show g1 >out &&
	test_grep "^G1  Goal$" out &&
	test_grep "^Description:  -$" out &&
	test_grep "^Area:         -$" out &&
	test_grep "^Notes:        none yet$" out &&
	test_grep "^Burden:       -$" out &&
	test_grep "^Votes:        Remove 0, Change 0, Anchor 0$" out &&
	test_grep "^Proposal:     -$" out &&
	test_grep "^Decision:     -$" out &&
	test_grep "^Solution:     -$" out
'

test_expect_success 'show --format json is SPEC ITEM' '
	styr show D1 --format json >out.json &&
	python3 -c "
import json
d = json.load(open(\"out.json\"))
keys = {\"id\", \"kind\", \"title\", \"description\", \"area\", \"origin\",
        \"owner\", \"found\", \"source\", \"notes\", \"experience\", \"burden\",
        \"votes\", \"priority\", \"priority_reason\", \"decision\",
        \"decision_reason\", \"solution\"}
assert keys <= set(d), keys - set(d)
assert d[\"id\"] == \"D1\" and d[\"kind\"] == \"doc\"
assert d[\"title\"] == \"Udredning efter VUM\"
assert d[\"description\"] == \"Linje et\nLinje to\"
assert d[\"area\"] == \"BOST\" and d[\"origin\"] == \"law\"
assert d[\"owner\"] == \"Myndighed\" and d[\"found\"] == \"interview\"
assert d[\"source\"] == \"SEL § 85\"
assert d[\"notes\"] == [{\"text\": \"Det tager en hel dag\", \"method\": \"interview\",
                       \"by\": \"Anne\", \"date\": \"2026-03-01\"}], d[\"notes\"]
assert d[\"experience\"] == {
    \"baseline\": {\"supportive\": 1, \"too-tight\": 2, \"too-loose\": 0},
    \"followup\": {\"supportive\": 0, \"too-tight\": 0, \"too-loose\": 1}}
b = d[\"burden\"]
assert (b[\"minutes\"], b[\"per_year\"], b[\"staff\"]) == (15, 400, 6), b
assert b[\"hours_per_year\"] == 100 and b[\"tariff\"] == 450
assert b[\"cost_per_year\"] == 45000
assert d[\"votes\"][\"remove\"] == 3 and d[\"votes\"][\"change\"] == 1
assert d[\"votes\"][\"anchor\"] == 0
assert d[\"priority\"] == \"remove\" and d[\"priority_reason\"] == \"Frigør 100 timer\"
assert d[\"decision\"] == \"selected\" and d[\"decision_reason\"] == \"Et lille skridt\"
assert d[\"solution\"] == {\"status\": \"pilot\", \"criteria\": \"Halv tid\",
                         \"evaluate_by\": \"2026-10-01\"}, d[\"solution\"]
"
'

test_expect_success 'show --format json of a bare item has nulls' '
	styr show G1 --format json >out.json &&
	python3 -c "
import json
d = json.load(open(\"out.json\"))
for k in (\"area\", \"origin\", \"owner\", \"found\", \"source\", \"burden\",
          \"priority\", \"priority_reason\", \"decision\", \"decision_reason\",
          \"solution\"):
    assert d[k] is None, (k, d[k])
assert d[\"notes\"] == [] and d[\"description\"] == \"\"
"
'

test_expect_success 'show under a Danish locale: Danish labels' '
	mkdir -p locale/da/LC_MESSAGES &&
	msgfmt -o locale/da/LC_MESSAGES/styr.mo "$SRC_DIR/po/da.po" &&
	STYR_LOCALEDIR=$PWD/locale LC_ALL=da_DK.UTF-8 styr show D1 >out &&
	test_grep "^D1  Dokumentation$" out &&
	test_grep "Lovkrav" out &&
	test_grep "Før: Understøttende 1, For stram 2, For slap 0" out &&
	test_grep "Fjerne 3, Forandre 1, Forankre 0" out &&
	test_grep "Valgt (2026-04-01): Et lille skridt" out
'

test_expect_success 'show: unknown id, bad format, usage errors' '
	test_expect_code 1 styr show D42 2>err &&
	test_grep "D42" err &&
	test_expect_code 2 styr show D1 --format xml 2>err &&
	test_grep "xml" err &&
	test_expect_code 2 styr show 2>err &&
	test_expect_code 2 styr show D1 G1 2>err
'

test_done
