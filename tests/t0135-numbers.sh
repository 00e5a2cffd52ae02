#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Numbers as people write them (SPEC 7): 12.000 is twelve thousand in
# Danish, 12,000 in English; what could be read two ways, or is not read
# completely, is refused with what was read; CSV in the file's dialect;
# JSON at full precision.  And sums that mean what they say: the time
# that removal would free, kroner beside hours, "–" for what was never
# measured.
. "$(dirname "$0")/lib.sh"

da() { LC_ALL=da_DK.UTF-8 LANG=da_DK.UTF-8 "$STYR" "$@"; }

# json EXPR: the Python expression EXPR on `export json` (as d, with the
# items by id as items) must be true.
json() {
	styr export json >out.json &&
	python3 -c "
import json, sys
d = json.load(open('out.json'))
items = {i['id']: i for i in d['items']}
if not ($1):
    sys.exit('not true: $1')
"
}

# burden_attr ID: the burden element of item ID as the register has it.
burden_attr() {
	python3 -c "
import sys, xml.etree.ElementTree as ET
ns = {'s': ET.parse('styr.xml').getroot().tag.split('}')[0][1:]}
for it in ET.parse('styr.xml').getroot().iter():
    if it.get('id') == '$1':
        b = it.find('s:burden', ns) if ns['s'] else it.find('burden')
        print(' '.join('%s=%s' % kv for kv in sorted(b.attrib.items())))
"
}

# refused LANG VALUE PATTERN: burden D1 --per-year VALUE under LANG (da or
# en) exits 1, writes nothing and says PATTERN.
refused() {
	cp styr.xml before.xml &&
	if [ "$1" = da ]; then
		test_expect_code 1 da burden D1 --minutes 1 --per-year "$2" 2>err
	else
		test_expect_code 1 styr burden D1 --minutes 1 --per-year "$2" 2>err
	fi &&
	test_grep -F -- "$3" err &&
	test_cmp before.xml styr.xml
}

test_expect_success 'setup' '
	styr init --org "Odder Kommune" --title "Tal" &&
	styr add doc "Dagbog" >/dev/null &&
	styr add doc "Journal" >/dev/null
'

test_expect_success 'Danish: 12.000 is twelve thousand, 7,5 seven and a half' '
	da burden D1 --minutes 7,5 --per-year 12.000 >out &&
	test "$(burden_attr D1)" = "minutes=7.5 per-year=12000" &&
	json "items[\"D1\"][\"burden\"][\"hours_per_year\"] == 7.5 * 12000 / 60" &&
	test_grep "1500,0 timer om året" out
'

test_expect_success 'Danish: 1.234.567,25 and a space or no-break space as grouping' '
	da burden D1 --minutes 1 --per-year 1.234.567,25 &&
	test "$(burden_attr D1)" = "minutes=1 per-year=1234567.25" &&
	da burden D1 --minutes 1 --per-year "12 000" &&
	test "$(burden_attr D1)" = "minutes=1 per-year=12000" &&
	da burden D1 --minutes 1 --per-year "$(printf "12\302\240000")" &&
	test "$(burden_attr D1)" = "minutes=1 per-year=12000"
'

test_expect_success 'English: 12,000 is twelve thousand, 7.5 seven and a half' '
	styr burden D1 --minutes 7.5 --per-year 12,000 >out &&
	test "$(burden_attr D1)" = "minutes=7.5 per-year=12000" &&
	test_grep "1500.0 hours per year" out &&
	styr burden D1 --minutes 0.125 --per-year "1,234,567.5" &&
	test "$(burden_attr D1)" = "minutes=0.125 per-year=1234567.5" &&
	styr burden D1 --minutes 1 --per-year "12 000" &&
	test "$(burden_attr D1)" = "minutes=1 per-year=12000"
'

test_expect_success 'a form the other language reads differently is refused with both readings' '
	refused en 12.000 "can be read as 12 or as 12000" &&
	refused da 12,000 "kan læses som 12 eller som 12000" &&
	refused en 1.500 "can be read as 1.5 or as 1500" &&
	refused da 7,125 "kan læses som 7.125 eller som 7125"
'

test_expect_success 'Danish: an English decimal point or mixed separators are refused with a hint' '
	refused da 1.5 "mener du det på engelsk, så skriv 1,5" &&
	refused da 12.00 "mener du det på engelsk, så skriv 12" &&
	refused da 1,234.5 "mener du det på engelsk, så skriv 1234,5" &&
	refused en 1.234,5 "if you mean it the Danish way, write 1234.5"
'

test_expect_success 'the Danish refusal is in Danish' '
	refused da 1.5 "er ikke et tal skrevet på dansk"
'

test_expect_success 'what is not read completely is refused with what was read' '
	refused en 12kr "styr read 12 and then '"'"'kr'"'"'" &&
	refused da 12kr "styr læste 12 og derefter" &&
	refused en 1e3 "styr read 1 and then '"'"'e3'"'"'" &&
	refused en "12,000.5.5" "and then" &&
	refused en 1,2,3 "not a number" &&
	refused en 12,00,000 "not a number" &&
	refused en "12  000" "not a number" &&
	refused en abc "'"'"'abc'"'"' is not a number" &&
	refused en 0x10 "and then" &&
	refused en +5 "not a number"
'

test_expect_success 'negative and empty numbers are refused' '
	refused en -5 "'"'"'-5'"'"' is negative" &&
	refused da -7,5 "negativt" &&
	refused en "" "no number given" &&
	refused en "   " "no number given"
'

test_expect_success 'vote --count reads 1.000 in Danish and 1,000 in English' '
	styr -q meeting add workshop "Prioritering" --date 2026-03-01 &&
	da vote D2 fjerne --count 1.000 &&
	json "items[\"D2\"][\"votes\"][\"remove\"] == 1000" &&
	styr vote D2 change --count 2,000 &&
	json "items[\"D2\"][\"votes\"][\"change\"] == 2000" &&
	cp styr.xml before.xml &&
	test_expect_code 1 styr vote D2 remove --count 1.000 2>err &&
	test_grep "can be read as 1 or as 1000" err &&
	test_expect_code 1 da vote D2 fjerne --count 2,5 2>err &&
	test_grep "ikke et helt tal" err &&
	test_cmp before.xml styr.xml
'

test_expect_success 'CSV separated by semicolons is read the Danish way' '
	printf "kind;title;minutes;per_year;tariff\ndoc;Skema;7,5;12.000;1.000,5\n" >da.csv &&
	styr import csv da.csv &&
	test "$(burden_attr D3)" = "minutes=7.5 per-year=12000 tariff=1000.5" &&
	json "items[\"D3\"][\"burden\"][\"hours_per_year\"] == 1500"
'

test_expect_success 'CSV separated by commas is read the English way, three decimals too' '
	printf "kind,title,minutes,per_year,votes_remove\ndoc,Form,0.125,\"12,000\",\"1,000\"\n" >en.csv &&
	styr import csv en.csv &&
	test "$(burden_attr D4)" = "minutes=0.125 per-year=12000" &&
	json "items[\"D4\"][\"burden\"][\"minutes\"] == 0.125 and items[\"D4\"][\"votes\"][\"remove\"] == 1000"
'

test_expect_success 'CSV: a number in the other dialect is refused with its line' '
	cp styr.xml before.xml &&
	printf "kind;title;minutes;per_year\ndoc;Skema;1.5;10\n" >bad.csv &&
	test_expect_code 1 styr import csv bad.csv 2>err &&
	test_grep "bad.csv:2" err && test_grep "write 1,5" err &&
	printf "kind;title;minutes;per_year\ndoc;Skema;7,5;12kr\n" >bad.csv &&
	test_expect_code 1 styr import csv bad.csv 2>err &&
	test_grep "bad.csv:2" err && test_grep "12 and then" err &&
	test_cmp before.xml styr.xml
'

test_expect_success 'JSON keeps full precision and writes whole numbers without .0' '
	styr burden D1 --minutes 0.125 --per-year 8 &&
	styr export json >out.json &&
	test_grep "\"minutes\": 0.125" out.json &&
	test_grep "\"per_year\": 8," out.json &&
	test_grep "\"hours_per_year\": 0.016666666666666666" out.json &&
	! grep -E "\"(minutes|per_year|hours_per_year|tariff)\": -?[0-9]+\.0[,}]?$" out.json
'

test_expect_success 'JSON: hours are not 0 beside a cost that is not' '
	styr burden D1 --minutes 0.01 --per-year 1 --tariff 450 &&
	json "items[\"D1\"][\"burden\"][\"hours_per_year\"] == 0.01 / 60 and items[\"D1\"][\"burden\"][\"cost_per_year\"] == 0.01 / 60 * 450" &&
	styr show D1 --format json >d1.json &&
	! grep -E "\"hours_per_year\": 0(\.0)?,?$" d1.json
'

test_expect_success 'kroner keep their øre: 77.562,5 kr.' '
	da burden D1 --minutes 15 --per-year 620,5 --tariff 500 >out &&
	# 15 * 620.5 / 60 = 155.125 hours; 155.125 * 500 = 77562.5 kr
	test_grep "77.562,5 kr." out &&
	styr show D1 >out && test_grep "77,562.5 kr" out
'

test_expect_success 'a template compares a number as it prints it, or as a number' '
	styr burden D1 --minutes 360 --per-year 12000 &&
	mkdir -p tpl/META-INF &&
	printf "application/vnd.oasis.opendocument.text" >tpl/mimetype &&
	cat >tpl/META-INF/manifest.xml <<-\EOF &&
	<?xml version="1.0" encoding="UTF-8"?>
	<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>
	EOF
	cat >tpl/content.xml <<-\EOF &&
	<?xml version="1.0" encoding="UTF-8"?>
	<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:text><text:p>{{#each items}}</text:p><text:p>{{#if item.burden.minutes == "360"}}</text:p><text:p>M={{item.burden.minutes}}</text:p><text:p>{{/if}}</text:p><text:p>{{#if item.burden.per_year == "12000"}}</text:p><text:p>N-plain</text:p><text:p>{{/if}}</text:p><text:p>{{#if item.burden.per_year == "12.000"}}</text:p><text:p>N-da</text:p><text:p>{{/if}}</text:p><text:p>{{/each}}</text:p></office:text></office:body></office:document-content>
	EOF
	da handout tpl -o t.odt &&
	part t.odt content.xml >c.xml &&
	test_grep "M=360" c.xml && test_grep "N-plain" c.xml && test_grep "N-da" c.xml
'

# Items for the steering group: what removal frees, computed by hand.
LAW_MIN=60 LAW_N=100       # R1: a legal demand proposed for removal
REJ_MIN=60 REJ_N=1000      # D5: proposed for removal, rejected
FREE_MIN=60 FREE_N=30      # D6: proposed for removal, selected
KEEP_MIN=30 KEEP_N=10      # D7: proposed for change
TARIFF=450

# group NUMBER: NUMBER with Danish thousands points from 10000 up, as
# handouts print it.
group() {
	if [ "$1" -ge 10000 ]; then
		echo "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|\.\)/\1.\2\3/' -e 'ta'
	else
		echo "$1"
	fi
}

test_expect_success 'steering group: time freed leaves out laws and rejected items' '
	styr init --org "Odder Kommune" --title "Styr" -f sg.xml >/dev/null 2>&1 &&
	export STYR_FILE=sg.xml &&
	styr burden --default-tariff $TARIFF &&
	styr add rule "Lovkrav" --origin law >/dev/null &&
	styr add doc "Afvist" >/dev/null &&
	styr add doc "Fjernes" >/dev/null &&
	styr add doc "Ændres" >/dev/null &&
	styr burden R1 --minutes $LAW_MIN --per-year $LAW_N >/dev/null &&
	styr burden D1 --minutes $REJ_MIN --per-year $REJ_N >/dev/null &&
	styr burden D2 --minutes $FREE_MIN --per-year $FREE_N >/dev/null &&
	styr burden D3 --minutes $KEEP_MIN --per-year $KEEP_N >/dev/null &&
	styr prioritise R1 remove 2>/dev/null &&
	styr prioritise D1 remove && styr decide D1 rejected &&
	styr prioritise D2 remove && styr decide D2 selected &&
	styr prioritise D3 change &&
	hours=$((FREE_MIN * FREE_N / 60)) &&
	kr=$((hours * TARIFF)) &&
	total=$(((LAW_MIN * LAW_N + REJ_MIN * REJ_N + FREE_MIN * FREE_N + KEEP_MIN * KEEP_N) / 60)) &&
	da handout styregruppe -o sg.odt &&
	part sg.odt content.xml >sg.xml.txt &&
	test_grep "frigøres ca. $(group $hours) timer om året" sg.xml.txt &&
	test_grep "opgjort $(group $total) timer om året" sg.xml.txt &&
	test_grep "ca. $(group $kr) kr. om året" sg.xml.txt
'

test_expect_success 'kroner beside hours wherever a tariff is known' '
	export STYR_FILE=sg.xml &&
	hours=$((FREE_MIN * FREE_N / 60)) &&
	total=$(((LAW_MIN * LAW_N + REJ_MIN * REJ_N + FREE_MIN * FREE_N + KEEP_MIN * KEEP_N) / 60)) &&
	da handout workshop -o ws.odt &&
	part ws.odt content.xml >ws.xml.txt &&
	test_grep "ca. $(group $total) timer om året på dem, svarende til ca. $(group $((total * TARIFF))) kr. om året" ws.xml.txt &&
	test_grep ">$(group $((hours * TARIFF))) kr.<" ws.xml.txt &&
	test_grep ">$(group $((hours * TARIFF))) kr. om året<" ws.xml.txt &&
	part sg.odt content.xml >sg.xml.txt &&
	test_grep ">$(group $((hours * TARIFF))) kr.<" sg.xml.txt
'

test_expect_success 'no kroner where no tariff is known' '
	export STYR_FILE=sg.xml &&
	styr burden --default-tariff 0 &&
	da handout workshop -o ws0.odt &&
	part ws0.odt content.xml >ws.xml.txt &&
	! grep "kr\. om året" ws.xml.txt &&
	da handout styregruppe -o sg0.odt &&
	part sg0.odt content.xml >sg0.xml.txt &&
	! grep " kr\." sg0.xml.txt &&
	styr burden --default-tariff $TARIFF
'

test_expect_success 'selecting the removal of a legal demand warns as proposing it does' '
	export STYR_FILE=sg.xml &&
	da decide R1 valgt 2>err &&
	test_grep "lovkrav" err &&
	styr decide R1 selected --why "the English warning too" 2>err &&
	test_grep "R1 is a legal demand" err &&
	styr decide D2 selected 2>err &&
	! grep "legal demand" err &&
	styr prioritise R1 change 2>/dev/null &&
	styr decide R1 selected 2>err &&
	! grep "legal demand" err
'

# row ID: the cells but the first of the first table row of item ID in
# c.xml (the evaluation's table of ratings: before and after, side by side).
row() {
	python3 -c "
import re
s = open('c.xml').read()
for r in re.findall(r'<table:table-row[ >].*?</table:table-row>', s, re.S):
    if re.search(r'>$1<', r):
        cells = re.findall(r'<table:table-cell[ >].*?</table:table-cell>', r, re.S)
        print('|'.join(re.sub(r'<[^>]*>', '', c).strip() for c in cells[1:]))
        break
"
}

test_expect_success 'evaluation: a follow-up never measured is –, not 0' '
	export STYR_FILE=sg.xml &&
	for i in 1 2 3 4 5 6 7; do
		styr rate D2 supportive --guest --respondent "R$i" >/dev/null ||
		return 1
	done &&
	styr rate D3 too-tight --guest --respondent A >/dev/null &&
	styr rate D3 supportive --round followup --guest --respondent A \
		>/dev/null &&
	da handout evaluering -o ev.odt &&
	part ev.odt content.xml >c.xml &&
	test "$(row D2)" = "7|–|0|–|0|–" &&
	test "$(row D3)" = "0|1|1|0|0|0"
'

test_done
