#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# vote and tally: one vote per person and workshop, paper ballots, counts
# per item with the leading priority and ties.
. "$(dirname "$0")/lib.sh"

today=$(date +%F)

# Workshops M1 and M2.  'styr meeting add' is used where the build has it;
# otherwise the same two meetings are written into the XML (schema-valid).
make_meetings() {
	if styr meeting add workshop "Workshop 1" --date 2026-03-01 \
		>/dev/null 2>&1; then
		styr meeting add workshop "Workshop 2" --date 2026-03-15 \
			>/dev/null
	else
		sed -i 's|<meetings next="1"/>|<meetings next="3"><meeting id="M1" kind="workshop" date="2026-03-01"><title>Workshop 1</title></meeting><meeting id="M2" kind="workshop" date="2026-03-15"><title>Workshop 2</title></meeting></meetings>|' styr.xml
	fi &&
	test_grep -q "id=\"M2\"" styr.xml &&
	valid
}

# The voters, P1 to P6: a vote names someone in the people list.
add_people() {
	for who in Anne Bo Cai Dorte Eva "Åse Ørum"; do
		styr person add "$who" --role staff >/dev/null || return 1
	done
}

# Votes on ITEM: the <vote .../> lines, one per line.
votes() { sed -n "/<item id=\"$1\"/,/<\/item>/p" styr.xml | grep "<vote "; }

test_expect_success 'set-up: items and two workshops' '
	styr init --org "Odder Kommune" &&
	test "$(styr add doc "Udredning efter VUM" --origin law)" = D1 &&
	test "$(styr add rule "Bostøtte i eget hjem")" = R1 &&
	test "$(styr add goal "Aktivt medborgerskab")" = G1 &&
	test "$(styr add doc "Ugentlig statistik")" = D2 &&
	add_people &&
	make_meetings
'

test_expect_success 'a vote needs a voter (--by) or a count' '
	cp styr.xml before.xml &&
	test_expect_code 2 styr vote R1 remove 2>err &&
	test_grep -e "--by NAME" err &&
	test_cmp before.xml styr.xml
'

test_expect_success 'a vote records priority, voter, meeting and date' '
	styr vote R1 remove --by Anne --meeting M1 &&
	echo "      <vote priority=\"remove\" by=\"P1\" meeting=\"M1\" date=\"$today\"/>" >expect &&
	votes R1 >actual &&
	test_cmp expect actual
'

test_expect_success 'the voter is logged as who, with action vote and the id' '
	test_grep -q "by=\"Anne\" action=\"vote\" ref=\"R1\"" styr.xml &&
	test_grep "<what>Anne votes remove (meeting M1)</what>" styr.xml
'

test_expect_success 'same person, same meeting: the second vote replaces the first' '
	styr --by anne vote R1 change --meeting m1 2>err &&
	test_grep "^R1: Anne has voted before; the new vote (change) replaces the earlier one (remove)$" err &&
	test_grep "<what>Anne votes change (meeting M1), replacing remove</what>" styr.xml &&
	echo "      <vote priority=\"change\" by=\"P1\" meeting=\"M1\" date=\"$today\"/>" >expect &&
	votes R1 >actual &&
	test_cmp expect actual
'

test_expect_success 'names are compared without case, Danish letters too' '
	styr vote G1 remove --by "Åse Ørum" --meeting M1 &&
	styr vote G1 anchor --by "åse øRUM" --meeting M1 2>err &&
	test_grep "replaces" err &&
	test "$(votes G1 | wc -l)" = 1 &&
	votes G1 | test_grep -q "priority=\"anchor\" by=\"P6\" meeting=\"M1\" date"
'

test_expect_success 'same person in another meeting: both votes kept' '
	styr vote R1 anchor --by Anne --meeting M2 2>err &&
	! grep "replaces" err &&
	test "$(votes R1 | wc -l)" = 2
'

test_expect_success 'another person in the same meeting: both votes kept' '
	styr vote R1 remove --by Bo --meeting M1 2>err &&
	! grep "replaces" err &&
	test "$(votes R1 | wc -l)" = 3
'

test_expect_success 'a vote without a meeting: refused when the phase has two workshops' '
	styr vote D2 remove --by Anne --meeting M1 &&
	test_expect_code 1 styr vote D2 remove --by Anne 2>err &&
	test_grep "M1 (Workshop 1), M2 (Workshop 2)" err &&
	cat >expect <<-EOF &&
	      <vote priority="remove" by="P1" meeting="M1" date="$today"/>
	EOF
	votes D2 >actual &&
	test_cmp expect actual
'

test_expect_success 'Danish priorities: fjern, forandre, forankr' '
	styr vote D2 fjern --by Cai --meeting M1 &&
	styr vote D2 forandre --by Dorte --meeting M1 &&
	styr vote D2 FORANKR --by Eva --meeting M1 &&
	votes D2 | tail -n 3 | sed "s/.*priority=\"\([a-z]*\)\".*/\1/" >actual &&
	printf "remove\nchange\nanchor\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'paper ballots: --count N anonymous votes' '
	styr vote G1 change --count 3 --meeting M1 &&
	styr vote G1 change --count 2 --meeting M1 &&
	test_grep "<what>3 paper votes: change (meeting M1)</what>" styr.xml &&
	echo "      <vote priority=\"change\" count=\"3\" meeting=\"M1\" date=\"$today\"/>" >expect &&
	votes G1 | sed -n 2p >actual &&
	test_cmp expect actual &&
	test "$(votes G1 | grep -c "count=")" = 2 &&
	styr vote G1 anchor --count 1 --meeting M2 &&
	test_grep "<what>1 paper vote: anchor (meeting M2)</what>" styr.xml
'

test_expect_success 'paper ballots and a voter together are a usage error' '
	cp styr.xml before.xml &&
	test_expect_code 2 styr vote G1 change --count 2 --by Anne 2>err &&
	test_grep -e "--count" err &&
	test_expect_code 2 styr --by Anne vote G1 change --count 2 &&
	test_cmp before.xml styr.xml
'

test_expect_success 'a count must be a whole number from 1 to 100000' '
	cp styr.xml before.xml &&
	test_expect_code 1 styr vote G1 change --count 0 2>err &&
	test_grep "count" err &&
	test_expect_code 1 styr vote G1 change --count 100001 2>err &&
	test_grep "100000" err &&
	test_expect_code 1 styr vote G1 change --count 2x 2>err &&
	test_grep "2x" err &&
	test_expect_code 1 styr vote G1 change --count -3 &&
	test_cmp before.xml styr.xml &&
	styr vote G1 change --count 100000 --meeting M1 &&
	votes G1 | test_grep -q "count=\"100000\""
'

test_expect_success 'removing a legal demand warns and suggests change; the vote counts' '
	styr vote D1 remove --by Anne --meeting M1 2>err &&
	test_grep "D1 is a legal demand" err &&
	test_grep "cannot simply be removed" err &&
	test_grep "consider .change." err &&
	votes D1 | test_grep -q "priority=\"remove\" by=\"P1\"" &&
	styr vote D1 fjerne --count 2 --meeting M1 2>err &&
	test_grep "legal demand" err
'

test_expect_success 'no warning for change on a legal demand or remove on others' '
	styr vote D1 change --by Bo --meeting M1 2>err &&
	! grep "legal" err &&
	styr vote D2 remove --by Bo --meeting M1 2>err &&
	! grep "legal" err
'

test_expect_success 'unknown meeting, item or priority: refused, nothing written' '
	cp styr.xml before.xml &&
	test_expect_code 1 styr vote R1 remove --by Anne --meeting M9 2>err &&
	test_grep "unknown meeting .M9." err &&
	test_expect_code 1 styr vote X9 remove --by Anne 2>err &&
	test_grep "unknown item .X9." err &&
	test_expect_code 1 styr vote R1 maybe --by Anne 2>err &&
	test_grep "maybe" err &&
	test_grep "remove" err &&
	test_expect_code 2 styr vote R1 --by Anne &&
	test_expect_code 2 styr vote R1 remove --by "$(printf "A\001")" &&
	test_cmp before.xml styr.xml
'

test_expect_success 'the register stays valid' '
	valid
'

# A register of its own for the tally, with votes counted by hand:
#   D1  M1: Anne remove, Bo change, Cai change   M2: 2 paper anchor
#       -> 1 / 2 / 2, a tie;  M1 alone: change;  M2 alone: anchor
#   R1  M1: 3 paper remove   M2: Anne remove   no meeting: Bo anchor (a vote
#       from before votes belonged to workshops, written into the XML)
#       -> 4 / 0 / 1, remove; M1: remove; M2: remove
#   G1  M1: Anne anchor, Bo remove -> 1 / 0 / 1, a tie; M2: no votes
#   D2  no votes
test_expect_success 'set-up: votes for the tally' '
	mkdir tally && cd tally &&
	styr init --org X &&
	styr add doc "Udredning efter VUM" --origin law >/dev/null &&
	styr add rule "Bostøtte i eget hjem" >/dev/null &&
	styr add goal "Aktivt medborgerskab" >/dev/null &&
	styr add doc "Ugentlig statistik" >/dev/null &&
	add_people &&
	make_meetings &&
	styr vote D1 remove --by Anne --meeting M1 2>/dev/null &&
	styr vote D1 change --by Bo --meeting M1 &&
	styr vote D1 change --by Cai --meeting M1 &&
	styr vote D1 anchor --count 2 --meeting M2 &&
	styr vote R1 remove --count 3 --meeting M1 &&
	styr vote R1 remove --by Anne --meeting M2 &&
	item_append_xml R1 "<vote priority=\"anchor\" by=\"Bo\"/>" &&
	styr vote G1 anchor --by Anne --meeting M1 &&
	styr vote G1 remove --by Bo --meeting M1
'

# check_json FILE EXPECTED-PYTHON-LIST: the exact JSON tally.
check_json() {
	python3 -c "
import json, sys
got = json.load(open(sys.argv[1]))
want = $2
keys = ['id', 'remove', 'change', 'anchor', 'leading']
assert isinstance(got, list), got
for g in got:
    assert list(g) == keys, list(g)
assert got == [dict(zip(keys, w)) for w in want], got
" "$1"
}

test_expect_success 'tally --format json: counts, leading, ties, null' '
	cd tally &&
	styr tally --format json >out.json &&
	check_json out.json "[
		[\"D1\", 1, 2, 2, \"tie\"],
		[\"R1\", 4, 0, 1, \"remove\"],
		[\"G1\", 1, 0, 1, \"tie\"],
		[\"D2\", 0, 0, 0, None]]"
'

test_expect_success 'tally --meeting counts only that meeting' '
	cd tally &&
	styr tally --meeting M1 --format json >m1.json &&
	check_json m1.json "[
		[\"D1\", 1, 2, 0, \"change\"],
		[\"R1\", 3, 0, 0, \"remove\"],
		[\"G1\", 1, 0, 1, \"tie\"],
		[\"D2\", 0, 0, 0, None]]" &&
	styr tally --meeting m2 --format json >m2.json &&
	check_json m2.json "[
		[\"D1\", 0, 0, 2, \"anchor\"],
		[\"R1\", 1, 0, 0, \"remove\"],
		[\"G1\", 0, 0, 0, None],
		[\"D2\", 0, 0, 0, None]]"
'

test_expect_success 'tally as a table: labels, ties as a word' '
	cd tally &&
	styr tally >out &&
	test_grep "^ID  *Title  *Remove  *Change  *Anchor  *Leading$" out &&
	test_grep "^D1  *Udredning efter VUM  *1  *2  *2  *Tie$" out &&
	test_grep "^R1  *Bostøtte i eget hjem  *4  *0  *1  *Remove$" out &&
	test_grep "^G1  *Aktivt medborgerskab  *1  *0  *1  *Tie$" out &&
	test_grep "^D2  *Ugentlig statistik  *0  *0  *0 *$" out
'

if locale -a 2>/dev/null | grep -qi "^da_DK\.utf-\?8$" &&
	test -f "$STYR_LOCALEDIR/da/LC_MESSAGES/styr.mo"; then
	test_expect_success 'tally in Danish shows Danish priority labels' '
		cd tally &&
		LC_ALL=da_DK.UTF-8 styr tally >out &&
		test_grep "^R1 .* 4  *0  *1  *Fjerne$" out &&
		test_grep "^ID  .*  Fjerne  *Forandre  *Forankre  " out
	'
else
	say "skipping the Danish tally test: no da_DK.UTF-8 locale or catalog"
fi

test_expect_success 'tally as CSV and TSV: keywords for spreadsheets' '
	cd tally &&
	styr tally --format csv | tr -d "\r" >out.csv &&
	cat >expect <<-\EOF &&
	id,title,remove,change,anchor,leading
	D1,Udredning efter VUM,1,2,2,tie
	R1,Bostøtte i eget hjem,4,0,1,remove
	G1,Aktivt medborgerskab,1,0,1,tie
	D2,Ugentlig statistik,0,0,0,
	EOF
	test_cmp expect out.csv &&
	styr tally --format tsv --meeting M2 | sed -n 2p >out.tsv &&
	printf "D1\tUdredning efter VUM\t0\t0\t2\tanchor\n" >expect &&
	test_cmp expect out.tsv
'

test_expect_success 'tally reads only: the register is unchanged' '
	cd tally &&
	cp styr.xml before.xml &&
	styr tally >/dev/null &&
	styr tally --format json >/dev/null &&
	test_cmp before.xml styr.xml
'

test_expect_success 'tally: unknown meeting or format is refused' '
	cd tally &&
	test_expect_code 1 styr tally --meeting M7 2>err &&
	test_grep "unknown meeting .M7." err &&
	test_expect_code 2 styr tally --format xml 2>err &&
	test_grep "xml" err &&
	test_expect_code 2 styr tally extra
'

test_expect_success 'tally of an empty register: [] in JSON' '
	styr -f empty.xml init --org Y &&
	styr -f empty.xml tally --format json >out &&
	python3 -c "import json,sys; assert json.load(open(sys.argv[1])) == []" out
'

test_done
