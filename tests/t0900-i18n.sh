#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Danish and English: every message and --help text is translated, and a
# Danish locale gives Danish output.
. "$(dirname "$0")/lib.sh"

da() { LC_ALL=da_DK.UTF-8 LANG=da_DK.UTF-8 "$STYR" "$@"; }

test_expect_success 'a Danish locale exists (make test-deps makes it)' '
	locale -a | grep -qi "^da_DK\.utf-\?8$"
'

test_expect_success 'po/da.po translates every message in the sources' '
	xgettext --from-code=UTF-8 -k_ -kN_ -kC_:1c,2 -o styr.pot "$SRC_DIR"/src/*.c \
		"$SRC_DIR"/include/item_fields.h "$SRC_DIR"/include/cli.h &&
	msgcmp "$SRC_DIR/po/da.po" styr.pot
'

test_expect_success 'po/da.po has no untranslated or fuzzy entries' '
	msgfmt --statistics -o /dev/null "$SRC_DIR/po/da.po" 2>stats &&
	cat stats &&
	! grep -q "untranslated\|fuzzy" stats
'

test_expect_success 'errors are Danish under a Danish locale' '
	test_expect_code 3 da list 2>err &&
	test_grep "intet register" err
'

test_expect_success 'and English otherwise' '
	test_expect_code 3 styr list 2>err &&
	test_grep "no register here" err
'

test_expect_success '--help is Danish: commands and options' '
	da --help >out &&
	test_grep "Kommandoer:" out &&
	test_grep "tilføj et mål, en regel eller et dokumentationskrav" out &&
	da add --help >out &&
	test_grep "hvem der har stillet kravet" out
'

test_expect_success 'the Danish command list: each on one line, up to date' '
	da --help | sed -n "/^Kommandoer:$/,/^$/p" | sed "1d;\$d" >lines &&
	! grep -v "^  [a-z][a-z-]*  " lines &&
	test_grep "^  export .*CSV, JSON, XLSX, ODS eller spørgeskema" lines &&
	test_grep "^  import .*(CSV, XLSX, ODS), et register (JSON) eller svar" lines &&
	test_grep "^  handout .*ODT, PDF eller HTML (status)" lines
'

test_expect_success "--help is Danish in argp's own words too" '
	da add --help >out &&
	test_grep "^Brug: " out &&
	test_grep "Giv denne hjælpeliste" out &&
	! grep -q "Usage:\|Give this help list" out
'

test_expect_success 'Danish keywords and Danish messages in a whole session' '
	da init --org "Odder Kommune" 2>err &&
	test_grep "fase 1" err &&
	test_expect_code 1 da add widget "x" 2>err &&
	test_grep "ukendt" err
'

test_expect_success 'numbers keep a decimal point under a Danish locale' '
	da add doc "Dagbog" >/dev/null &&
	da burden D1 --minutes 7,5 --per-year 8 >/dev/null &&
	test_grep "minutes=\"7.5\"" styr.xml &&
	da show D1 --format json >d1.json &&
	python3 -c "import json; b = json.load(open(\"d1.json\"))[\"burden\"]; assert b[\"minutes\"] == 7.5 and b[\"hours_per_year\"] == 1.0, b"
'

# People read 15.001,5 in Danish and 15,001.5 in English (as handouts
# print them); the register and JSON keep 15001.5.
test_expect_success 'terminal numbers are written the Danish way under a Danish locale' '
	da burden D1 --minutes 90 --per-year 10001 --tariff 450 >out &&
	test_grep "15.001,5 timer om året" out &&
	test_grep "6.750.675 kr. om året (ved 450 kr. i timen)" out &&
	da show D1 >out && test_grep "15.001,5 timer om året" out &&
	da summary >out && test_grep "15.001,5" out &&
	test_grep "^Udgift: 6.750.675 kr. om året$" out &&
	da list >out && test_grep "15.001,5" out &&
	styr show D1 >out && test_grep "15,001.5 hours per year" out &&
	test_grep "6,750,675 kr per year" out &&
	styr list --format csv >out && test_grep ",15001.5," out &&
	da show D1 --format json >d1.json &&
	python3 -c "import json; b = json.load(open(\"d1.json\"))[\"burden\"]; assert b[\"hours_per_year\"] == 15001.5, b"
'

test_expect_success 'words in Danish log sentences are not capitalised, acronyms are' '
	da meeting add workshop "Workshop" --date 2026-03-01 >/dev/null &&
	da vote D1 fjern --by Anne --guest >/dev/null &&
	test_grep "<what>Anne stemte fjerne (møde M1)</what>" styr.xml &&
	da person add "Mette" --role med >/dev/null &&
	test_grep "(MED)</what>" styr.xml &&
	da add mål "Trivsel" >/dev/null &&
	test_grep "<what>tilføjede mål .Trivsel.</what>" styr.xml
'

test_done
