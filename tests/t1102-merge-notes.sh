#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A note corrected in place (styr note change) in a merge: changed on one
# side it is taken where it stands; changed differently on both sides, or
# changed on one and removed on the other, it is one conflict, never two
# notes or a silent loss; resolved, exactly one note is left.  Every note
# of the base below has the same author, method and date, as a day's
# interview notes have: only the change log tells which one was changed,
# by the texts it keeps as data (<was>, <now>), never by its sentence.
. "$(dirname "$0")/lib.sh"

# notes FILE ID: the texts of item ID's notes, one a line, in order.
notes() {
	python3 - "$@" <<'EOF'
import sys, xml.etree.ElementTree as ET
ns = {"r": "urn:x-styr:register:1"}
root = ET.parse(sys.argv[1]).getroot()
for n in root.findall(".//r:item[@id='%s']/r:note" % sys.argv[2], ns):
    print(n.text or "")
EOF
}

# count FILE XPATH: how many elements XPATH (ElementTree's) finds.
count() {
	python3 -c '
import sys, xml.etree.ElementTree as ET
ns = {"r": "urn:x-styr:register:1"}
print(len(ET.parse(sys.argv[1]).getroot().findall(sys.argv[2], ns)))' "$@"
}

test_expect_success 'setup: an item with three notes gathered alike' '
	styr -q -f base.xml init --org "Odder Kommune" &&
	styr -q -f base.xml add rule "Tidsregistrering" >/dev/null &&
	for t in "Vi taster dobbelt" "Det tager en time om dagen" \
		"Lederen kender ikke reglen"; do
		styr -q -f base.xml --by "Anna Holm" note R1 "$t" \
			--method interview --date 2026-03-01 || exit 1
	done &&
	test "$(notes base.xml R1 | wc -l)" = 3 &&
	valid base.xml
'

fresh() {
	cp base.xml ours.xml && cp base.xml theirs.xml
}

# clean: the merge exits 0 with no conflict and a valid register.
clean() {
	styr merge ours.xml base.xml theirs.xml 2>err &&
	! grep -i conflict err &&
	test "$(count ours.xml "r:conflicts/r:conflict")" = 0 &&
	valid ours.xml
}

test_expect_success 'both changed note 2 differently: one conflict, not two notes' '
	fresh &&
	styr -q -f ours.xml note change R1 2 "Det tager to timer om dagen" &&
	styr -q -f theirs.xml note change R1 2 "Det tager en halv time" &&
	conflicted &&
	test "$(count ours.xml "r:conflicts/r:conflict")" = 1 &&
	test "$(count ours.xml ".//r:item[@id=\"R1\"]/r:note")" = 3 &&
	notes ours.xml R1 >got &&
	printf "%s\n" "Vi taster dobbelt" "Det tager to timer om dagen" \
		"Lederen kender ikke reglen" >want &&
	test_cmp want got &&
	test_grep "conflict: R1: note 2 (both sides changed it)" err &&
	cp ours.xml conflicted.xml
'

test_expect_success 'conflicts lists it with both texts, as text and as JSON' '
	styr -f ours.xml conflicts >out &&
	test_grep "^C1  R1: note 2 (both sides changed it)$" out &&
	test_grep "^    base    .Det tager en time om dagen. (interview, Anna Holm, 2026-03-01)$" out &&
	test_grep "^    ours    .Det tager to timer om dagen. (interview, Anna Holm, 2026-03-01)$" out &&
	test_grep "^    theirs  .Det tager en halv time. (interview, Anna Holm, 2026-03-01)$" out &&
	styr -f ours.xml conflicts --format json >c.json &&
	python3 - c.json <<-\EOF
	import json, sys
	[c] = json.load(open(sys.argv[1], encoding="utf-8"))
	assert c["id"] == "C1" and c["kind"] == "both-changed", c
	assert c["ref"] == "R1" and c["what"] == "R1: note 2", c
	for side, text in (("base", "Det tager en time om dagen"),
	                   ("ours", "Det tager to timer om dagen"),
	                   ("theirs", "Det tager en halv time")):
	    v = c[side]
	    assert v.startswith("<note ") and v.endswith(">%s</note>" % text), v
	    assert " by=\"Anna Holm\"" in v and " date=\"2026-03-01\"" in v, v
	EOF
'

test_expect_success 'commands and handouts name the open conflict' '
	styr -f ours.xml list >/dev/null 2>err &&
	test_grep "1 conflict from a merge is open" err &&
	styr -f ours.xml handout status --lang en -o st.odt 2>/dev/null &&
	part st.odt content.xml >content.xml &&
	test_grep "Warning: the register has an open conflict" content.xml &&
	cp ours.xml before.xml &&
	test_expect_code 1 styr merge ours.xml base.xml theirs.xml 2>err &&
	cmp ours.xml before.xml
'

test_expect_success 'resolve theirs: one note with their text, in its place' '
	styr -f ours.xml conflicts resolve C1 theirs 2>err &&
	notes ours.xml R1 >got &&
	printf "%s\n" "Vi taster dobbelt" "Det tager en halv time" \
		"Lederen kender ikke reglen" >want &&
	test_cmp want got &&
	test "$(count ours.xml ".//r:item[@id=\"R1\"]/r:note[@by=\"Anna Holm\"][@date=\"2026-03-01\"][@method=\"interview\"]")" = 3 &&
	test "$(count ours.xml "r:conflicts")" = 0 &&
	styr -f ours.xml list >/dev/null 2>err &&
	! test -s err &&
	valid ours.xml
'

test_expect_success 'resolve ours, or a new text' '
	cp conflicted.xml ours.xml &&
	styr -q -f ours.xml conflicts resolve all ours &&
	notes ours.xml R1 | sed -n 2p >got &&
	echo "Det tager to timer om dagen" >want &&
	test_cmp want got &&
	test "$(notes ours.xml R1 | wc -l)" = 3 &&
	cp conflicted.xml ours.xml &&
	styr -q -f ours.xml conflicts resolve C1 --value "Det tager halvanden time" &&
	notes ours.xml R1 >got &&
	printf "%s\n" "Vi taster dobbelt" "Det tager halvanden time" \
		"Lederen kender ikke reglen" >want &&
	test_cmp want got &&
	test "$(count ours.xml ".//r:item[@id=\"R1\"]/r:note[@by=\"Anna Holm\"]")" = 3 &&
	test_grep "new value .Det tager halvanden time." ours.xml &&
	valid ours.xml
'

test_expect_success 'changed on their side only: taken where the note stands' '
	fresh &&
	styr -q -f theirs.xml note change R1 2 "Det tager en halv time" &&
	styr -q -f ours.xml edit R1 --desc "Alle timer registreres" &&
	clean &&
	test "$(count ours.xml ".//r:item[@id=\"R1\"]/r:description")" = 1 &&
	notes ours.xml R1 >got &&
	printf "%s\n" "Vi taster dobbelt" "Det tager en halv time" \
		"Lederen kender ikke reglen" >want &&
	test_cmp want got
'

test_expect_success 'one note changed on each side: both taken, in place' '
	fresh &&
	styr -q -f ours.xml note change R1 3 "Lederen kender reglen nu" &&
	styr -q -f theirs.xml note change R1 1 "Vi taster tre gange" &&
	clean &&
	notes ours.xml R1 >got &&
	printf "%s\n" "Vi taster tre gange" "Det tager en time om dagen" \
		"Lederen kender reglen nu" >want &&
	test_cmp want got
'

test_expect_success 'changed the same way on both sides: one note, no conflict' '
	fresh &&
	styr -q -f ours.xml note change R1 2 "Det tager en halv time" &&
	styr -q -f theirs.xml note change R1 2 "Det tager en halv time" &&
	clean &&
	notes ours.xml R1 >got &&
	printf "%s\n" "Vi taster dobbelt" "Det tager en halv time" \
		"Lederen kender ikke reglen" >want &&
	test_cmp want got
'

test_expect_success 'we changed it, they removed it: a conflict, the change kept meanwhile' '
	fresh &&
	styr -q -f ours.xml note change R1 2 "Det tager en halv time" &&
	styr -q -f theirs.xml note remove R1 2 &&
	conflicted &&
	test "$(count ours.xml "r:conflicts/r:conflict[@kind=\"changed-deleted\"]")" = 1 &&
	test "$(count ours.xml "r:conflicts/r:conflict")" = 1 &&
	notes ours.xml R1 | sed -n 2p >got &&
	echo "Det tager en halv time" >want &&
	test_cmp want got &&
	styr -f ours.xml conflicts >out &&
	test_grep "^C1  R1: note 2 (we changed it, they deleted it)$" out &&
	test_grep "^    theirs  (deleted)$" out &&
	cp ours.xml cd.xml &&
	styr -q -f ours.xml conflicts resolve C1 theirs &&
	notes ours.xml R1 >got &&
	printf "%s\n" "Vi taster dobbelt" "Lederen kender ikke reglen" >want &&
	test_cmp want got &&
	valid ours.xml &&
	cp cd.xml ours.xml &&
	styr -q -f ours.xml conflicts resolve C1 ours &&
	test "$(notes ours.xml R1 | wc -l)" = 3 &&
	test "$(notes ours.xml R1 | grep -c "Det tager en halv time")" = 1
'

test_expect_success 'we removed it, they changed it: a conflict, theirs kept in it' '
	fresh &&
	styr -q -f ours.xml note remove R1 2 &&
	styr -q -f theirs.xml note change R1 2 "Det tager en halv time" &&
	conflicted &&
	test "$(count ours.xml "r:conflicts/r:conflict[@kind=\"deleted-changed\"]")" = 1 &&
	test "$(count ours.xml "r:conflicts/r:conflict")" = 1 &&
	test "$(notes ours.xml R1 | wc -l)" = 2 &&
	styr -f ours.xml conflicts >out &&
	test_grep "^C1  R1: note 2 (we deleted it, they changed it)$" out &&
	test_grep "^    theirs  .Det tager en halv time. (interview, Anna Holm, 2026-03-01)$" out &&
	styr -q -f ours.xml conflicts resolve C1 theirs &&
	test "$(notes ours.xml R1 | wc -l)" = 3 &&
	test "$(notes ours.xml R1 | grep -c "Det tager en halv time")" = 1 &&
	valid ours.xml
'

test_expect_success 'a note removed beside the one changed: the right one conflicts' '
	fresh &&
	styr -q -f ours.xml note remove R1 1 &&
	styr -q -f ours.xml note change R1 1 "Det tager to timer om dagen" &&
	styr -q -f theirs.xml note change R1 2 "Det tager en halv time" &&
	conflicted &&
	test "$(count ours.xml "r:conflicts/r:conflict[@kind=\"both-changed\"]")" = 1 &&
	test "$(count ours.xml "r:conflicts/r:conflict")" = 1 &&
	styr -f ours.xml conflicts >out &&
	test_grep "^    base    .Det tager en time om dagen. " out &&
	test_grep "^    ours    .Det tager to timer om dagen. " out &&
	test_grep "^    theirs  .Det tager en halv time. " out &&
	notes ours.xml R1 >got &&
	printf "%s\n" "Det tager to timer om dagen" "Lederen kender ikke reglen" >want &&
	test_cmp want got &&
	styr -q -f ours.xml conflicts resolve C1 theirs &&
	notes ours.xml R1 >got &&
	printf "%s\n" "Det tager en halv time" "Lederen kender ikke reglen" >want &&
	test_cmp want got &&
	valid ours.xml
'

test_expect_success 'a note changed twice, removed on the other side: a conflict' '
	fresh &&
	styr -q -f theirs.xml note change R1 2 "Det tager en halv time" &&
	styr -q -f theirs.xml note change R1 2 "Det tager tre kvarter" &&
	styr -q -f ours.xml note remove R1 2 &&
	conflicted &&
	test "$(count ours.xml "r:conflicts/r:conflict[@kind=\"deleted-changed\"]")" = 1 &&
	test "$(notes ours.xml R1 | wc -l)" = 2 &&
	styr -f ours.xml conflicts >out &&
	test_grep "^    theirs  .Det tager tre kvarter. " out &&
	styr -q -f ours.xml conflicts resolve C1 ours &&
	notes ours.xml R1 >got &&
	printf "%s\n" "Vi taster dobbelt" "Lederen kender ikke reglen" >want &&
	test_cmp want got
'

test_expect_success 'two different new notes, one on each side: both kept' '
	fresh &&
	styr -q -f ours.xml note R1 "Vores nye note" &&
	styr -q -f theirs.xml note R1 "Deres nye note" &&
	clean &&
	test "$(notes ours.xml R1 | wc -l)" = 5 &&
	test "$(notes ours.xml R1 | grep -c "^Vores nye note$")" = 1 &&
	test "$(notes ours.xml R1 | grep -c "^Deres nye note$")" = 1
'

test_expect_success 'a note removed and a new one added: not taken for a change' '
	fresh &&
	styr -q -f ours.xml note remove R1 2 &&
	styr -q -f ours.xml note R1 "En ny note" &&
	styr -q -f theirs.xml note remove R1 2 &&
	clean &&
	notes ours.xml R1 >got &&
	printf "%s\n" "Vi taster dobbelt" "Lederen kender ikke reglen" \
		"En ny note" >want &&
	test_cmp want got
'

test_expect_success 'the conflict in Danish, the correction logged in Danish' '
	fresh &&
	LC_ALL=da_DK.UTF-8 styr -q -f ours.xml note change R1 2 "Det tager to timer om dagen" &&
	test_grep "note 2 ændret" ours.xml &&
	styr -q -f theirs.xml note change R1 2 "Det tager en halv time" &&
	test_grep "note 2 changed" theirs.xml &&
	conflicted &&
	test "$(count ours.xml "r:conflicts/r:conflict[@kind=\"both-changed\"]")" = 1 &&
	test "$(count ours.xml "r:conflicts/r:conflict")" = 1 &&
	test "$(notes ours.xml R1 | wc -l)" = 3 &&
	LC_ALL=da_DK.UTF-8 styr -f ours.xml conflicts >out &&
	test_grep "^C1  R1: note 2 (begge sider" out &&
	test_grep "^    vores   .Det tager to timer om dagen. (interview, Anna Holm, 2026-03-01)$" out
'

test_expect_success 'corrected in English here, in Danish there: one conflict' '
	fresh &&
	styr -q -f ours.xml note change R1 2 "Det tager to timer om dagen" &&
	LC_ALL=da_DK.UTF-8 styr -q -f theirs.xml note change R1 2 "Det tager en halv time" &&
	test_grep "note 2 ændret" theirs.xml &&
	conflicted &&
	test "$(count ours.xml "r:conflicts/r:conflict[@kind=\"both-changed\"]")" = 1 &&
	test "$(count ours.xml "r:conflicts/r:conflict")" = 1 &&
	notes ours.xml R1 >got &&
	printf "%s\n" "Vi taster dobbelt" "Det tager to timer om dagen" \
		"Lederen kender ikke reglen" >want &&
	test_cmp want got
'

# reword FILE: the sentence of the last log entry of FILE written anew by
# hand, the new text first and the old after it, as a translation could
# order them; its <was> and <now> stay.
reword() {
	python3 - "$1" <<-\EOF
	import re, sys
	s = open(sys.argv[1], encoding="utf-8").read()
	at = s.rindex("<what>")
	new, n = re.subn(r"<what>note (\d+) (?:changed|ændret): '([^']*)' "
	                 r"(\([^)]*\)) -&gt; '([^']*)'</what>",
	                 r"<what>note \1 now reads '\4', before '\2' \3</what>",
	                 s[at:], count=1)
	assert n == 1, s[at:at + 200]
	open(sys.argv[1], "w", encoding="utf-8").write(s[:at] + new)
	EOF
}

test_expect_success 'a sentence reworded by hand: the merge reads <was> and <now>' '
	fresh &&
	styr -q -f ours.xml note change R1 2 "Det tager to timer om dagen" &&
	styr -q -f theirs.xml note change R1 2 "Det tager en halv time" &&
	reword ours.xml && reword theirs.xml &&
	test_grep "now reads .Det tager en halv time., before .Det tager en time om dagen." theirs.xml &&
	styr -f ours.xml validate && styr -f theirs.xml validate &&
	conflicted &&
	test "$(count ours.xml "r:conflicts/r:conflict[@kind=\"both-changed\"]")" = 1 &&
	test "$(count ours.xml "r:conflicts/r:conflict")" = 1 &&
	test "$(notes ours.xml R1 | wc -l)" = 3 &&
	test_grep "conflict: R1: note 2 (both sides changed it)" err
'

test_expect_success 'the merged log keeps their entry with its <was> and <now>' '
	fresh &&
	styr -q -f theirs.xml note change R1 2 "Det tager en halv time" &&
	styr -q -f ours.xml note remove R1 3 &&
	clean &&
	test "$(count ours.xml "r:log/r:entry[r:was=\"Det tager en time om dagen\"][r:now=\"Det tager en halv time\"]")" = 1 &&
	test "$(count ours.xml "r:log/r:entry[r:was=\"Lederen kender ikke reglen\"]")" = 1 &&
	test "$(count ours.xml "r:log/r:entry/r:now")" = 1
'

# unlogged FILE: the <was> and <now> taken out of FILE, as in a register
# corrected before styr kept them.
unlogged() {
	sed -i -e "/^ *<was>.*<\/was>$/d" -e "/^ *<now>.*<\/now>$/d" "$1" &&
	! grep -q "<was>" "$1"
}

test_expect_success 'entries from before <was> and <now>: a note removed, one added' '
	fresh &&
	styr -q -f ours.xml note change R1 2 "Det tager to timer om dagen" &&
	styr -q -f theirs.xml note change R1 2 "Det tager en halv time" &&
	unlogged ours.xml && unlogged theirs.xml &&
	clean &&
	notes ours.xml R1 >got &&
	printf "%s\n" "Vi taster dobbelt" "Lederen kender ikke reglen" \
		"Det tager to timer om dagen" "Det tager en halv time" >want &&
	sort want >want.s && sort got >got.s &&
	test_cmp want.s got.s
'

test_done
