#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# edit and delete: changing fields with a logged before/after, deleting
# with the whole item kept in the log and its id never handed out again.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup' '
	styr init --org "Odder Kommune" &&
	styr area add BOST "Bostøtte" &&
	styr area add HJEM "Hjemmepleje" &&
	styr add doc "Udredning" --desc "Lang udredning" --area BOST >/dev/null &&
	styr add doc "Dagbog" >/dev/null &&
	styr add rule "Timer" >/dev/null
'

test_expect_success 'edit --title changes the title and logs old -> new' '
	styr edit D1 --title "Udredning efter VUM" 2>err &&
	test_grep "<title>Udredning efter VUM</title>" styr.xml &&
	test_grep "title: .Udredning. -&gt; .Udredning efter VUM." styr.xml &&
	test_grep "action=\"edit\" ref=\"D1\"" styr.xml &&
	valid
'

test_expect_success 'edit several fields at once; Danish origin alias' '
	styr edit D1 --area HJEM --origin lovkrav --owner "Myndighed" \
		--found dokument --source "SEL § 85" &&
	test_grep "id=\"D1\" kind=\"doc\" area=\"HJEM\" origin=\"law\" found=\"document\"" styr.xml &&
	test_grep "<owner>Myndighed</owner>" styr.xml &&
	test_grep "<source>SEL § 85</source>" styr.xml &&
	test_grep "<what>area: .BOST. -&gt; .HJEM.; origin: set to .Law.; owner: set to .Myndighed.; found: set to .Document.; source: set to .SEL § 85.</what>" styr.xml &&
	valid
'

if locale -a 2>/dev/null | grep -qi "^da_DK\.utf-\?8$" &&
	test -f "$STYR_LOCALEDIR/da/LC_MESSAGES/styr.mo"; then
	test_expect_success 'a Danish user logs Danish field names and labels' '
		LC_ALL=da_DK.UTF-8 styr edit D1 --origin council 2>err &&
		test_grep "<what>oprindelse: .Lovkrav. -&gt; .Kommunalbestyrelsen.</what>" styr.xml &&
		styr edit D1 --origin law 2>err &&
		test_grep "<what>origin: .Council. -&gt; .Law.</what>" styr.xml
	'
else
	say "skipping the Danish edit test: no da_DK.UTF-8 locale or catalog"
fi

test_expect_success 'edit accepts the id in lower case' '
	styr edit d1 --owner "Myndighedsafdelingen" &&
	test_grep "<owner>Myndighedsafdelingen</owner>" styr.xml
'

test_expect_success 'an empty value clears a field' '
	styr edit D1 --desc "" --area "" --owner "" 2>err &&
	test_grep "^D1 changed: description: .Lang udredning. removed; area: .HJEM. removed; owner: .Myndighedsafdelingen. removed$" err &&
	! grep -q "<description>Lang udredning</description>" styr.xml &&
	! grep -q "<owner>" styr.xml &&
	test_grep "id=\"D1\" kind=\"doc\" origin=\"law\"" styr.xml &&
	valid
'

test_expect_success 'the title cannot be cleared; nothing written' '
	test_refused 1 "title" styr edit D1 --title ""
'

test_expect_success 'edit with the values it has: says so, writes nothing' '
	test_unchanged "nothing changed" styr edit D1 --title "Udredning efter VUM" --origin law
'

test_expect_success 'edit with no field is a usage error' '
	test_refused 2 "" styr edit D1 &&
	test_refused 2 "" styr edit
'

test_expect_success 'edit: unknown id, bad keyword, unknown area are refused' '
	cp styr.xml before.xml &&
	test_expect_code 1 styr edit D99 --title x 2>err &&
	test_grep "D99" err &&
	test_expect_code 1 styr edit D1 --origin king 2>err &&
	test_grep "king" err && test_grep "council" err &&
	test_expect_code 1 styr edit D1 --area NOPE 2>err &&
	test_grep "NOPE" err &&
	test_expect_code 1 styr edit D1 --title "$(printf "a\001b")" 2>err &&
	test_cmp before.xml styr.xml
'

test_expect_success 'delete removes the item and logs it whole' '
	styr note D2 "Skrives hver dag" --method observation --date 2026-03-01 &&
	styr rate D2 too-tight --respondent Anne --guest &&
	styr delete D2 2>err &&
	test_grep "D2" err &&
	test_grep "<what>note (observation): Skrives hver dag</what>" styr.xml &&
	test_grep "<what>deleted documentation .Dagbog.</what>" styr.xml &&
	valid &&
	python3 -c "
import xml.etree.ElementTree as ET
ns = {\"s\": \"urn:x-styr:register:1\"}
root = ET.parse(\"styr.xml\").getroot()
ids = [i.get(\"id\") for i in root.find(\"s:items\", ns)]
assert ids == [\"D1\", \"R1\"], ids
e = [e for e in root.find(\"s:log\", ns) if e.get(\"action\") == \"delete\"]
assert len(e) == 1 and e[0].get(\"ref\") == \"D2\", e
item = e[0].find(\"s:item\", ns)
assert item.get(\"id\") == \"D2\" and item.get(\"kind\") == \"doc\"
assert item.find(\"s:title\", ns).text == \"Dagbog\"
assert item.find(\"s:note\", ns).text == \"Skrives hver dag\"
assert item.find(\"s:rating\", ns).get(\"respondent\") == \"Anne\"
assert \"Dagbog\" in e[0].find(\"s:what\", ns).text
"
'

test_expect_success 'a deleted item is gone for the other commands' '
	test_expect_code 1 styr show D2 2>err &&
	test_grep "D2" err &&
	test_expect_code 1 styr delete D2 2>err &&
	test_grep "D2" err
'

test_expect_success 'the id of a deleted item is never reused' '
	test "$(styr add doc "Ny dokumentation")" = D3 &&
	styr delete D3 &&
	test "$(styr add dokumentation "Endnu en")" = D4 &&
	styr delete R1 &&
	test "$(styr add regel "Ny regel")" = R2
'

test_expect_success 'delete: unknown id and usage errors change nothing' '
	test_refused 1 "G7" styr delete G7 &&
	test_refused 2 "" styr delete &&
	test_refused 2 "" styr delete D1 D4
'

test_done
