#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# styr templates: the built-in and the user's templates, one line each
# (name, languages, where, description), and --fields, what a template can
# show.
. "$(dirname "$0")/lib.sh"

SPLIT=$DATA/split-template

test_expect_success 'set-up: built-in templates of our own, da and en' '
	for l in da en; do
		mkdir -p builtin/$l &&
		cp -R "$SPLIT" builtin/$l/workshop || return 1
	done &&
	cp -R "$SPLIT" builtin/da/extra &&
	sed "s|<dc:description>[^<]*</dc:description>||" "$SPLIT/meta.xml" \
		>builtin/da/extra/meta.xml &&
	sed "s|Test template: tags split across runs|An English description|" \
		"$SPLIT/meta.xml" >builtin/en/workshop/meta.xml
'

test_expect_success 'built-in templates: name, languages, built-in, description' '
	STYR_DATADIR=$PWD/builtin styr templates >out &&
	head -n 1 out >header &&
	test_grep "^Name *Language *Where *Description$" header &&
	test_grep "^workshop  *da, en  *built-in  *An English description$" out &&
	test_grep "^extra  *da  *built-in  *Testark$" out &&
	test "$(wc -l <out)" = 3
'

if locale -a 2>/dev/null | grep -qi "^da_DK.utf-\?8$"; then
	test_expect_success 'under a Danish locale, the Danish description' '
		LC_ALL=da_DK.UTF-8 STYR_DATADIR=$PWD/builtin styr templates >out &&
		test_grep "^workshop  *da, en  *.*Test template: tags split across runs$" out
	'
fi

test_expect_success 'the phases order first: workshop before extra' '
	STYR_DATADIR=$PWD/builtin styr templates >out &&
	sed -n 2p out | grep "^workshop" &&
	sed -n 3p out | grep "^extra"
'

test_expect_success 'the repository built-ins are all listed, when present' '
	styr templates >out &&
	for t in faseplan kortlaegning spoergeskema workshop styregruppe status evaluering beslutninger; do
		if test -d "$SRC_DIR/templates/da/$t"; then
			grep "^$t  *da" out >/dev/null || { echo "missing $t"; return 1; }
		fi
	done
'

test_expect_success 'user templates in --template-dir and STYR_TEMPLATES' '
	mkdir -p mine theirs &&
	cp -R "$SPLIT" mine/dirtpl &&
	perl "$DATA/mkzip.pl" mine/zipped.ott \
		"mimetype=application/vnd.oasis.opendocument.text-template" \
		"content.xml,deflate=@$SPLIT/content.xml" \
		"meta.xml=@$SPLIT/meta.xml" &&
	perl "$DATA/mkzip.pl" theirs/other.odt \
		"mimetype=application/vnd.oasis.opendocument.text" \
		"content.xml,deflate=@$SPLIT/content.xml" &&
	mkdir mine/notatemplate && echo x >mine/readme.txt &&
	STYR_DATADIR=$PWD/builtin STYR_TEMPLATES=$PWD/theirs \
		styr templates --template-dir mine >out &&
	test_grep "^dirtpl  *mine/dirtpl  *Test template: tags split across runs$" out &&
	test_grep "^zipped  *mine/zipped.ott  *Test template: tags split across runs$" out &&
	test_grep "^other  *$PWD/theirs/other.odt *$" out &&
	! grep -e notatemplate -e readme out
'

test_expect_success 'a user template that cannot be read is listed, with the reason' '
	printf "junk" >mine/broken.odt &&
	STYR_DATADIR=$PWD/builtin styr templates --template-dir mine >out 2>err &&
	test_grep "^broken  *mine/broken.odt  *(cannot be read; see above)$" out &&
	test_grep "mine/broken.odt: cannot read it as an ODF document" err
'

test_expect_success 'a listed user template is found by name' '
	styr init --org "Testkommune" &&
	styr -q handout zipped --template-dir mine &&
	test -f zipped.odt
'

test_expect_success '--fields: every field with a description' '
	styr templates --fields >fields &&
	test_grep "^  organisation  *the organisation.s name$" fields &&
	test_grep "^  items  *every item .*a list: each element is .item.$" fields &&
	test_grep "^Inside {{#each items}} (item), {{#each unassigned}} (item), {{#each proposed}} (item), {{#each selected}} (item), {{#each area.items}} (item):$" fields &&
	test_grep "^  item.title  *the item.s title$" fields &&
	test_grep "^  item.votes.remove  *votes to remove it$" fields &&
	test_grep "^  item.experience.baseline.too-tight  " fields &&
	test_grep "^  item.burden.hours_per_year  *hours per year$" fields &&
	test_grep "^  totals.hours_freed  " fields &&
	test_grep "^Inside {{#each decisions}} (decision):$" fields &&
	test_grep "^  decision.item_title  " fields &&
	test_grep "^Inside {{#each item.notes}} (note), {{#each item.quotes}} (quote):$" fields &&
	# The id counters are for an exchange (export json), not a handout.
	! grep -q "^  next[ .]" fields &&
	styr export json | grep -q "\"next\": {"
'

test_expect_success '--fields and the engine agree: every listed field passes --check' '
	# Top-level values as they are; element fields inside their loop.
	body= &&
	grep -v -e "; a list: " -e "; a group of" fields |
		sed -n "s/^  \([a-z_.-]*\)  .*/\1/p" >values &&
	for f in $(grep -v "^[a-z_]*\.[a-z]" values; grep "^totals\." values); do
		body="$body<text:p>{{$f}}</text:p>"
	done &&
	for f in $(grep "^item\." values); do
		body="$body<text:p>{{#each items}}</text:p><text:p>{{$f}}</text:p><text:p>{{/each}}</text:p>"
	done &&
	for t in note:notes rating:ratings votes_cast:votes_cast; do
		for f in $(grep "^${t%%:*}\." values); do
			body="$body<text:p>{{#each items}}</text:p><text:p>{{#each item.${t#*:}}}</text:p><text:p>{{$f}}</text:p><text:p>{{/each}}</text:p><text:p>{{/each}}</text:p>"
		done
	done &&
	for t in area:areas phase:phases milestone:next_milestones meeting:meetings person:people decision:decisions conflict:conflicts; do
		for f in $(grep "^${t%%:*}\." values); do
			body="$body<text:p>{{#each ${t#*:}}}</text:p><text:p>{{$f}}</text:p><text:p>{{/each}}</text:p>"
		done
	done &&
	test $(grep -c . values) -gt 100 &&
	mkdir -p all/META-INF &&
	cp "$SPLIT/mimetype" "$SPLIT/styles.xml" "$SPLIT/meta.xml" all/ &&
	printf "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>%s</office:text></office:body></office:document-content>" "$body" >all/content.xml &&
	styr handout --check ./all >out 2>err || { cat err out; false; } &&
	test_grep "no problems found" out
'

test_expect_success 'templates takes no arguments' '
	test_expect_code 2 styr templates extra 2>err &&
	test_grep "unexpected argument" err
'

test_done
