#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# styr merge and styr conflicts (SPEC section 9), by hand: changes on one
# side taken silently, each kind of conflict recorded so that the register
# still validates and resolved (ours, theirs, a new value) with a log
# entry, each kind of reference renumbered when both sides made the same
# new id, and OURS untouched when the merge cannot be written.
. "$(dirname "$0")/lib.sh"

STYR_USER=tester
export STYR_USER

# xq FILE XPATH: how many elements XPATH (ElementTree's, the register's
# namespace as r:) finds in FILE, or with a third argument the text or the
# attribute named by it of the first.
xq() {
	python3 - "$@" <<'EOF'
import sys, xml.etree.ElementTree as ET
ns = {"r": "urn:x-styr:register:1"}
root = ET.parse(sys.argv[1]).getroot()
found = root.findall(sys.argv[2], ns)
if len(sys.argv) > 3:
    if not found:
        print("(none)")
    elif sys.argv[3] == "text":
        print(found[0].text or "")
    else:
        print(found[0].get(sys.argv[3]))
else:
    print(len(found))
EOF
}

test_expect_success 'setup: a base register both sides copy' '
	styr -q -f base.xml init --org "Odder Kommune" &&
	styr -q -f base.xml person add "Anna Holm" --role agent >/dev/null &&
	styr -q -f base.xml meeting add workshop "Workshop" --date 2026-03-01 \
		--phase 4 >/dev/null &&
	styr -q -f base.xml phase start 4 2>/dev/null &&
	styr -q -f base.xml add goal "Borgeren i centrum" >/dev/null &&
	styr -q -f base.xml add rule "Tidsregistrering" >/dev/null &&
	styr -q -f base.xml add doc "Dagbog" --owner "Leder" >/dev/null &&
	styr -q -f base.xml vote R1 change --by "Anna Holm" --meeting M1 &&
	styr -f base.xml validate
'

fresh() {
	cp base.xml ours.xml && cp base.xml theirs.xml
}

test_expect_success 'changes on different things merge silently' '
	fresh &&
	styr -q -f ours.xml edit G1 --title "Borgeren først" &&
	styr -q -f ours.xml note R1 "Vi taster dobbelt" &&
	styr -q -f theirs.xml edit G1 --desc "Fra kommunens strategi" &&
	styr -q -f theirs.xml note R1 "Det tager en time om dagen" &&
	styr -q -f theirs.xml vote D1 remove --by P1 --meeting M1 &&
	styr -q -f theirs.xml edit D1 --owner "Kvalitet" &&
	styr merge ours.xml base.xml theirs.xml 2>err &&
	test_grep "merged" err &&
	! grep -i conflict err &&
	valid ours.xml &&
	test "$(xq ours.xml ".//r:item[@id=\"G1\"]/r:title" text)" = "Borgeren først" &&
	test "$(xq ours.xml ".//r:item[@id=\"G1\"]/r:description" text)" = "Fra kommunens strategi" &&
	test "$(xq ours.xml ".//r:item[@id=\"R1\"]/r:note")" = 2 &&
	test "$(xq ours.xml ".//r:item[@id=\"D1\"]/r:vote[@by=\"P1\"]" priority)" = remove &&
	test "$(xq ours.xml "r:conflicts")" = 0 &&
	test "$(xq ours.xml "r:log/r:entry[@action=\"merge\"]")" = 1 &&
	styr -f ours.xml tally >tally 2>err &&
	! test -s err
'

test_expect_success 'the log holds both sides entries in time order' '
	python3 - ours.xml <<-\EOF
	import sys, xml.etree.ElementTree as ET
	ns = {"r": "urn:x-styr:register:1"}
	when = [e.get("when") for e in ET.parse(sys.argv[1]).getroot().findall("r:log/r:entry", ns)]
	assert when == sorted(when), when
	EOF
'

test_expect_success 'a change to an item the other side deleted is kept' '
	fresh &&
	styr -q -f theirs.xml delete R1 &&
	styr -q -f ours.xml edit D1 --title "Dagbog for alle" &&
	styr merge ours.xml base.xml theirs.xml 2>err &&
	test "$(xq ours.xml ".//r:items/r:item[@id=\"R1\"]")" = 0 &&
	test "$(xq ours.xml ".//r:entry[@action=\"delete\"]/r:item[@id=\"R1\"]")" = 1 &&
	valid ours.xml
'

test_expect_success 'both changed one field: a conflict, ours in place' '
	fresh &&
	styr -q -f ours.xml edit G1 --title "Vores titel" &&
	styr -q -f theirs.xml edit G1 --title "Deres titel" &&
	conflicted &&
	test "$(xq ours.xml "r:conflicts/r:conflict")" = 1 &&
	test "$(xq ours.xml "r:conflicts/r:conflict" kind)" = both-changed &&
	test "$(xq ours.xml "r:conflicts/r:conflict/r:ours" text)" = "<title>Vores titel</title>" &&
	test "$(xq ours.xml "r:conflicts/r:conflict/r:theirs" text)" = "<title>Deres titel</title>" &&
	test "$(xq ours.xml ".//r:item[@id=\"G1\"]/r:title" text)" = "Vores titel"
'

test_expect_success 'every command names the open conflicts; so do handouts' '
	styr -f ours.xml list >out 2>err &&
	test_grep "1 conflict from a merge is open" err &&
	styr -f ours.xml handout workshop -o ws.odt 2>err &&
	test_grep "1 conflict from a merge is open" err &&
	# The handout itself says so at the top: its readers never see
	# stderr.  It comes after the letterhead, whose paragraph style
	# starts the first page, so the memo does not begin on page 2.
	part ws.odt content.xml >content.xml &&
	test_grep "<office:text><text:p text:style-name=\"First\">Odder Kommune</text:p><text:p>Advarsel: registret har en uafklaret konflikt fra en fletning" content.xml &&
	styr -f ours.xml handout status --lang en -o st.odt 2>/dev/null &&
	part st.odt content.xml >content.xml &&
	test_grep "<text:p>Warning: the register has an open conflict from merging two versions" content.xml &&
	# A template that opens with a block: the warning goes first, not
	# into the block (where it would be repeated or left out).
	unzip -q -o -d blk ws.odt &&
	python3 - blk/content.xml <<-\EOF &&
	import re, sys
	p = sys.argv[1]
	s = open(p, encoding="utf-8").read()
	body = "<text:p>{{#each items}}</text:p><text:p>{{item.id}}</text:p><text:p>{{/each}}</text:p>"
	s = re.sub(r"<office:text>.*</office:text>", "<office:text>" + body + "</office:text>", s, flags=re.S)
	open(p, "w", encoding="utf-8").write(s)
	EOF
	styr -f ours.xml handout ./blk -o blk.odt 2>/dev/null &&
	part blk.odt content.xml >content.xml &&
	test_grep "<office:text><text:p>Advarsel: registret" content.xml &&
	test "$(grep -o Advarsel content.xml | wc -l)" = 1 &&
	# The same with the white space the engine allows in a tag.
	sed -i "s|{{#each items}}|{{  #each items }}|; s|{{/each}}|{{ /each}}|" \
		blk/content.xml &&
	styr -f ours.xml handout ./blk -o blk2.odt 2>/dev/null &&
	part blk2.odt content.xml >content.xml &&
	test_grep "<office:text><text:p>Advarsel: registret" content.xml &&
	test "$(grep -o Advarsel content.xml | wc -l)" = 1 &&
	styr -f ours.xml list 2>err >/dev/null &&
	test_grep "1 conflict from a merge is open" err
'

test_expect_success 'conflicts lists it with each side; a second merge is refused' '
	styr -f ours.xml conflicts >out &&
	test_grep "C1  G1: title (both sides changed it)" out &&
	test_grep "ours    .Vores titel." out &&
	test_grep "theirs  .Deres titel." out &&
	test_grep "base    .Borgeren i centrum." out &&
	cp ours.xml before.xml &&
	test_expect_code 1 styr merge ours.xml base.xml theirs.xml 2>err &&
	test_grep "resolve it first" err &&
	cmp ours.xml before.xml
'

test_expect_success 'resolve theirs: their value in place, logged, no warning' '
	styr -f ours.xml conflicts resolve C1 theirs 2>err &&
	test "$(xq ours.xml ".//r:item[@id=\"G1\"]/r:title" text)" = "Deres titel" &&
	test "$(xq ours.xml "r:conflicts")" = 0 &&
	test "$(xq ours.xml "r:log/r:entry[@action=\"resolve\"]" ref)" = G1 &&
	test_grep "their value taken" ours.xml &&
	styr -f ours.xml list >out 2>err &&
	! test -s err &&
	styr -f ours.xml handout workshop -o ws2.odt 2>/dev/null &&
	part ws2.odt content.xml >content.xml &&
	test_grep "Prioriteringsark" content.xml &&
	! grep -q "Advarsel" content.xml &&
	valid ours.xml
'

test_expect_success 'a new value resolves a field conflict' '
	fresh &&
	styr -q -f ours.xml edit R1 --origin law &&
	styr -q -f theirs.xml edit R1 --origin council &&
	conflicted &&
	test "$(xq ours.xml "r:conflicts/r:conflict" at)" = "/items/item[R1]/@origin" &&
	styr -f ours.xml conflicts resolve c1 --value administration &&
	test "$(xq ours.xml ".//r:item[@id=\"R1\"]" origin)" = administration &&
	test_grep "new value .administration." ours.xml &&
	valid ours.xml
'

test_expect_success 'a vote both changed: a conflict on that vote; resolve ours' '
	fresh &&
	styr -q -f ours.xml vote R1 remove --by P1 --meeting M1 &&
	styr -q -f theirs.xml vote R1 anchor --by P1 --meeting M1 &&
	conflicted &&
	test_grep "R1: vote by P1 (M1): priority" err &&
	styr -f ours.xml conflicts resolve C1 ours &&
	test "$(xq ours.xml ".//r:item[@id=\"R1\"]/r:vote" priority)" = remove &&
	test "$(xq ours.xml ".//r:item[@id=\"R1\"]/r:vote")" = 1
'

test_expect_success 'we changed what they deleted: kept, resolve theirs deletes' '
	fresh &&
	styr -q -f ours.xml note D1 "Bruges af alle" &&
	styr -q -f theirs.xml delete D1 &&
	conflicted &&
	test "$(xq ours.xml "r:conflicts/r:conflict" kind)" = changed-deleted &&
	test "$(xq ours.xml "r:items/r:item[@id=\"D1\"]")" = 1 &&
	styr -f ours.xml conflicts >out &&
	test_grep "theirs  (deleted)" out &&
	styr -f ours.xml conflicts resolve C1 theirs &&
	test "$(xq ours.xml "r:items/r:item[@id=\"D1\"]")" = 0 &&
	valid ours.xml
'

test_expect_success 'we deleted what they changed: theirs kept in the conflict' '
	fresh &&
	styr -q -f ours.xml delete D1 &&
	styr -q -f theirs.xml note D1 "Bruges af alle" &&
	conflicted &&
	test "$(xq ours.xml "r:conflicts/r:conflict" kind)" = deleted-changed &&
	test "$(xq ours.xml "r:items/r:item[@id=\"D1\"]")" = 0 &&
	styr -f ours.xml conflicts resolve all theirs &&
	test "$(xq ours.xml "r:items/r:item[@id=\"D1\"]/r:note" text)" = "Bruges af alle" &&
	valid ours.xml
'

test_expect_success 'both added one area id with different names' '
	fresh &&
	styr -q -f ours.xml area add BOST "Bostøtte" &&
	styr -q -f theirs.xml area add BOST "Botilbud" &&
	conflicted &&
	test "$(xq ours.xml "r:conflicts/r:conflict" kind)" = both-added &&
	test_must_fail styr -f ours.xml conflicts resolve C1 maybe 2>err &&
	styr -f ours.xml conflicts resolve C1 --value "Bostøtte og botilbud" &&
	test "$(xq ours.xml "r:areas/r:area[@id=\"BOST\"]" text)" = "Bostøtte og botilbud"
'

test_expect_success 'the same new ids on both sides: theirs renumbered with every reference' '
	fresh &&
	styr -q -f ours.xml add doc "Vores nye krav" >/dev/null &&
	styr -q -f ours.xml person add "Bo Berg" --role staff >/dev/null &&
	styr -q -f ours.xml meeting add workshop "Vores workshop" --date 2026-03-02 >/dev/null &&
	styr -q -f theirs.xml add doc "Deres nye krav" >/dev/null &&
	styr -q -f theirs.xml person add "Eva Lund" --role med >/dev/null &&
	styr -q -f theirs.xml meeting add workshop "Deres workshop" --date 2026-03-03 >/dev/null &&
	styr -q -f theirs.xml meeting attend M2 P2 &&
	styr -q -f theirs.xml note D2 "Et citat" &&
	styr -q -f theirs.xml vote D2 remove --by P2 --meeting M2 &&
	styr -q -f theirs.xml rate D2 too-tight --respondent P2 &&
	styr merge ours.xml base.xml theirs.xml 2>err &&
	test_grep "both sides added D2: theirs (theirs.xml) is now D3" err &&
	test_grep "both sides added P2" err &&
	test_grep "both sides added M2" err &&
	valid ours.xml &&
	test "$(xq ours.xml ".//r:item[@id=\"D2\"]/r:title" text)" = "Vores nye krav" &&
	test "$(xq ours.xml ".//r:item[@id=\"D3\"]/r:title" text)" = "Deres nye krav" &&
	test "$(xq ours.xml "r:people/r:person[@id=\"P3\"]" text)" = "Eva Lund" &&
	test "$(xq ours.xml "r:meetings/r:meeting[@id=\"M3\"]/r:title" text)" = "Deres workshop" &&
	test "$(xq ours.xml "r:meetings/r:meeting[@id=\"M3\"]/r:attendee" ref)" = P3 &&
	test "$(xq ours.xml "r:meetings/r:meeting[@id=\"M2\"]/r:attendee")" = 0 &&
	test "$(xq ours.xml ".//r:item[@id=\"D3\"]/r:note" text)" = "Et citat" &&
	test "$(xq ours.xml ".//r:item[@id=\"D3\"]/r:vote" by)" = P3 &&
	test "$(xq ours.xml ".//r:item[@id=\"D3\"]/r:vote" meeting)" = M3 &&
	test "$(xq ours.xml ".//r:item[@id=\"D3\"]/r:rating" respondent)" = P3 &&
	test "$(xq ours.xml "r:log/r:entry[@action=\"note\"][@ref=\"D3\"]")" = 1 &&
	xq ours.xml "r:log/r:entry[@action=\"add\"][@ref=\"D3\"]/r:what" text >what &&
	test_grep "Deres nye krav" what &&
	xq ours.xml "r:log/r:entry[@action=\"add\"][@ref=\"D2\"]/r:what" text >what &&
	test_grep "Vores nye krav" what &&
	xq ours.xml "r:log/r:entry[@action=\"meeting\"][@ref=\"M3\"]/r:what" text >what &&
	test_grep "Deres workshop" what &&
	test_grep "meeting M3 .Deres workshop.: Eva Lund (P3)</what>" ours.xml &&
	test "$(xq ours.xml "r:items" next-doc)" = 4 &&
	test "$(xq ours.xml "r:people" next)" = 4 &&
	test "$(xq ours.xml "r:meetings" next)" = 4 &&
	styr -q -f ours.xml add doc "Næste" >out &&
	test_grep D4 out
'

test_expect_success 'a person or area one side removed, the other refers to: kept, a conflict' '
	fresh &&
	styr -q -f base.xml person add "Bo Berg" --role staff >/dev/null &&
	styr -q -f base.xml area add BOST "Bostøtte" &&
	fresh &&
	styr -q -f ours.xml person remove P2 &&
	styr -q -f ours.xml area remove BOST &&
	styr -q -f theirs.xml vote G1 remove --by "Bo Berg" --meeting M1 &&
	styr -q -f theirs.xml edit G1 --area BOST &&
	conflicted &&
	test "$(xq ours.xml "r:conflicts/r:conflict[@kind=\"deleted-changed\"]")" = 2 &&
	test "$(xq ours.xml "r:people/r:person[@id=\"P2\"]" text)" = "Bo Berg" &&
	test "$(xq ours.xml "r:areas/r:area[@id=\"BOST\"]" text)" = "Bostøtte" &&
	test "$(xq ours.xml ".//r:item[@id=\"G1\"]/r:vote[@by=\"P2\"]" priority)" = remove &&
	cp ours.xml before.xml &&
	test_expect_code 1 styr -f ours.xml conflicts resolve all ours 2>err &&
	test_grep "nothing was changed" err &&
	cmp ours.xml before.xml &&
	styr -f ours.xml conflicts resolve all theirs &&
	valid ours.xml
'

test_expect_success 'an item whose kind both sides changed differently: a conflict' '
	fresh &&
	styr -q -f ours.xml edit G1 --kind rule &&
	styr -q -f theirs.xml edit G1 --kind doc &&
	conflicted &&
	test "$(xq ours.xml "r:conflicts/r:conflict")" = 2 &&
	test_grep "G1: its kind was changed on both sides (R2 here, D2 there)" err &&
	test "$(xq ours.xml "r:items/r:item[@id=\"R2\"]/r:title" text)" = "Borgeren i centrum" &&
	test "$(xq ours.xml "r:items/r:item[@id=\"D2\"]/r:title" text)" = "Borgeren i centrum" &&
	styr -f ours.xml conflicts resolve all theirs &&
	test "$(xq ours.xml "r:items/r:item[@id=\"R2\"]")" = 0 &&
	test "$(xq ours.xml "r:items/r:item[@id=\"D2\"]" kind)" = doc &&
	valid ours.xml
'

test_expect_success '-o writes the merge elsewhere and leaves OURS alone' '
	fresh &&
	styr -q -f ours.xml edit G1 --title "Vores" &&
	styr -q -f theirs.xml edit D1 --title "Deres" &&
	cp ours.xml before.xml &&
	styr merge ours.xml base.xml theirs.xml -o merged.xml 2>err &&
	cmp ours.xml before.xml &&
	test "$(xq merged.xml ".//r:item[@id=\"D1\"]/r:title" text)" = "Deres" &&
	test "$(xq merged.xml ".//r:item[@id=\"G1\"]/r:title" text)" = "Vores" &&
	test_must_fail styr merge ours.xml base.xml theirs.xml -o theirs.xml 2>err &&
	test_grep "theirs.xml" err
'

test_expect_success 'usage and unreadable input' '
	test_expect_code 2 styr merge ours.xml base.xml 2>err &&
	echo "<register/>" >bad.xml &&
	cp ours.xml before.xml &&
	test_expect_code 3 styr merge ours.xml bad.xml theirs.xml 2>err &&
	test_grep "bad.xml" err &&
	cmp ours.xml before.xml &&
	test_expect_code 1 styr conflicts resolve C9 ours -f ours.xml 2>err
'

test_expect_success 'kill -9 during a merge: OURS old or merged, whole' '
	mkdir kill && cd kill &&
	big_register 3000 base.xml &&
	cp base.xml ours.xml && cp base.xml theirs.xml &&
	styr -q -f ours.xml edit D1 --title "Vores" &&
	styr -q -f theirs.xml edit D2 --title "Deres" &&
	cp ours.xml before.xml &&
	t0=$(date +%s%N) &&
	"$STYR" -q merge ours.xml base.xml theirs.xml &&
	ms=$(( ($(date +%s%N) - t0) / 1000000 + 1 )) &&
	kills=$(test_long 8 40) && i=0 && old=0 && new=0 && tries=0 &&
	# The kills are timed against one merge measured above; on a loaded
	# machine that one can take far longer than the rest, so that every
	# kill comes after the merge is done.  Then the round is run again
	# with the time halved (up to five rounds), so that some kills land
	# inside a merge.
	while [ $i -lt $kills ] || { [ $old -eq 0 ] && [ $tries -lt 4 ] &&
		tries=$((tries + 1)) && ms=$((ms / 2 + 1)) && i=0; }; do
		cp before.xml ours.xml &&
		rm -f ours.xml.new ours.xml.lock &&
		{ "$STYR" -q merge ours.xml base.xml theirs.xml 2>/dev/null & } &&
		pid=$! &&
		sleep "$(awk -v s=$i -v ms=$ms "BEGIN { srand(s); printf \"%.3f\", rand() * ms * 1.5 / 1000 }")" &&
		kill -9 $pid 2>/dev/null
		wait $pid 2>/dev/null
		if cmp -s ours.xml before.xml; then
			old=$((old + 1))
		else
			"$STYR" -q -f ours.xml validate >/dev/null &&
			grep -q "<title>Deres</title>" ours.xml &&
			grep -q "<title>Vores</title>" ours.xml || exit 1
			new=$((new + 1))
		fi
		left=$(ls | grep -v "^\(base\|ours\|theirs\|before\).xml$\|^ours.xml.new$\|^ours.xml.lock$" || true)
		test -z "$left" || { echo "left behind: $left"; exit 1; }
		i=$((i + 1))
	done &&
	say "$kills kills in a merge of ${ms} ms: $old left OURS as it was, $new after the merge" &&
	test $old -gt 0 &&
	cd ..
'

SHIM=$(dirname "$STYR")/inject.so
if [ -f "$SHIM" ]; then
	if [ -n "${SANITIZE_BUILD:-}" ]; then
		ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0"
		export ASAN_OPTIONS
	fi
	test_expect_success 'a full disk during the merge leaves OURS untouched' '
		fresh &&
		styr -q -f ours.xml edit G1 --title "Vores" &&
		styr -q -f theirs.xml edit D1 --title "Deres" &&
		cp ours.xml before.xml &&
		n=1 && failed=0 &&
		while [ $n -le 12 ]; do
			cp before.xml ours.xml &&
			rc=0 &&
			env STYR_FAIL=write STYR_FAIL_AT=$n STYR_FAIL_ERRNO=ENOSPC \
				LD_PRELOAD="$SHIM" "$STYR" merge ours.xml base.xml \
				theirs.xml 2>err || rc=$?
			if [ $rc = 0 ]; then
				test "$(xq ours.xml ".//r:item[@id=\"D1\"]/r:title" text)" = Deres || exit 1
			else
				failed=$((failed + 1)) &&
				cmp ours.xml before.xml &&
				test_grep "No space left" err || exit 1
			fi
			test ! -e ours.xml.new || exit 1
			n=$((n + 1))
		done &&
		test $failed -gt 0
	'
fi

test_expect_success 'one conflict or two: the messages count them in words' '
	fresh &&
	styr -q -f ours.xml edit G1 --title "Vores G" &&
	styr -q -f theirs.xml edit G1 --title "Deres G" &&
	styr -q -f ours.xml edit R1 --title "Vores R" &&
	styr -q -f theirs.xml edit R1 --title "Deres R" &&
	test_expect_code 1 styr merge ours.xml base.xml theirs.xml 2>err &&
	test_grep "ours.xml: merged with 2 conflicts recorded; see and resolve them" err &&
	styr -f ours.xml conflicts resolve C1 ours 2>err &&
	test_grep "ours.xml: 1 conflict is still open" err &&
	test_expect_code 1 styr merge ours.xml base.xml theirs.xml 2>err &&
	test_grep "ours.xml: 1 conflict from an earlier merge is open; resolve it first" err &&
	LC_ALL=da_DK.UTF-8 styr -f ours.xml list 2>err >/dev/null &&
	test_grep "ours.xml: 1 konflikt fra en fletning er åben" err &&
	fresh &&
	styr -q -f ours.xml edit G1 --title "Vores G" &&
	styr -q -f theirs.xml edit G1 --title "Deres G" &&
	test_expect_code 1 styr merge ours.xml base.xml theirs.xml 2>err &&
	test_grep "ours.xml: merged with 1 conflict recorded; see and resolve it" err
'

test_done
