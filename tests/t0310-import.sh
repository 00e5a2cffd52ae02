#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# import csv: items from a spreadsheet, all or nothing; an export imports
# again into an empty register with the same items, ids and decisions.
. "$(dirname "$0")/lib.sh"

# Number of items in the register.
items() { grep -c "<item " "${1:-styr.xml}" || true; }

test_expect_success 'set-up: a register with every kind of item data' '
	mkdir src && (
		cd src &&
		styr init --org "Odder Kommune" &&
		styr area add A "Bostøtte" 2>/dev/null &&
		styr area add B "Børn og unge" 2>/dev/null &&
		styr add goal "Aktivt medborgerskab" --desc "Borgeren deltager" \
			--area A --origin lovkrav --found interview \
			--owner Myndighed --source "SEL § 85" >/dev/null &&
		styr add rule "Visitation, hver uge" --area B >/dev/null &&
		styr add doc "Skriv \"kort\"" \
			--desc "$(printf "to\r\nlinjer, med komma")" >/dev/null &&
		styr add doc "Slettes" >/dev/null &&
		styr add doc "  Mellemrum  " >/dev/null &&
		styr delete D2 2>/dev/null &&
		styr burden G1 --minutes 15 --per-year 400 --staff 6 \
			--tariff 450 >/dev/null &&
		styr burden R1 --minutes 2.5 --per-year 1000 >/dev/null &&
		styr meeting add workshop "Workshop" --date 2026-03-01 \
			>/dev/null &&
		styr vote G1 remove --count 3 2>/dev/null &&
		styr vote G1 change --by Anne --guest 2>/dev/null &&
		styr vote R1 anchor --count 2 2>/dev/null &&
		styr prioritise G1 change --why "loven står fast" 2>/dev/null &&
		styr prioritise R1 anchor 2>/dev/null &&
		styr decide G1 selected --why "godt sted at starte" \
			2>/dev/null &&
		styr decide R1 rejected 2>/dev/null &&
		styr solution G1 --status implemented --criteria "færre timer" \
			--evaluate-by 2027-01-01 2>/dev/null &&
		styr export csv -o ../export.csv
	) &&
	styr init --org "Tom" &&
	cp styr.xml empty.xml
'

test_expect_success 'round trip: export, import into an empty register, export' '
	styr import csv export.csv 2>err &&
	test_grep "imported 4 items" err &&
	styr export csv >again.csv &&
	test_cmp export.csv again.csv &&
	valid
'

test_expect_success 'the round trip keeps ids, so D2 stays unused' '
	test_grep "<item id=\"D3\" kind=\"doc\"" styr.xml &&
	! grep "id=\"D2\"" styr.xml &&
	test "$(styr add doc "Ny")" = D4 &&
	test "$(styr add goal "Nyt mål")" = G2
'

test_expect_success 'areas that did not exist are created with their names' '
	test_grep "<area id=\"A\">Bostøtte</area>" styr.xml &&
	test_grep "<area id=\"B\">Børn og unge</area>" styr.xml &&
	test_grep "new review areas: A (Bostøtte), B (Børn og unge)" err
'

test_expect_success 'vote counts come back as anonymous counts' '
	test_grep "<vote priority=\"remove\" count=\"3\"/>" styr.xml &&
	test_grep "<vote priority=\"change\" count=\"1\"/>" styr.xml
'

test_expect_success 'one log entry for the whole import' '
	test "$(grep -c "action=\"import\"" styr.xml)" = 1 &&
	test_grep "imported 4 items from export.csv" styr.xml
'

test_expect_success 'a minimal file: kind and title, Danish kinds, odd headers' '
	cp empty.xml styr.xml &&
	crlf " Kind ,TITLE, Origin" "mål,Et mål,lovkrav" "regel,En regel," \
		"dokumentation,Et krav,forvaltningen" >min.csv &&
	styr import csv min.csv 2>err &&
	test_grep "imported 3 items from min.csv" err &&
	test_grep "<item id=\"G1\" kind=\"goal\" origin=\"law\"" styr.xml &&
	test_grep "<item id=\"R1\" kind=\"rule\"" styr.xml &&
	test_grep "<item id=\"D1\" kind=\"doc\" origin=\"administration\"" \
		styr.xml &&
	valid
'

test_expect_success 'a byte order mark and LF line ends work too' '
	cp empty.xml styr.xml &&
	printf "\357\273\277kind,title\ngoal,Første\n" >bom.csv &&
	styr import csv bom.csv 2>/dev/null &&
	test_grep "<title>Første</title>" styr.xml
'

test_expect_success 'ids from the file are used; the counter moves past them' '
	cp empty.xml styr.xml &&
	crlf "id,kind,title" "G5,goal,Fem" ",goal,Næste" "r2,rule,To" \
		>ids.csv &&
	styr import csv ids.csv 2>/dev/null &&
	test_grep "<item id=\"G5\"" styr.xml &&
	test_grep "<item id=\"G6\"" styr.xml &&
	test_grep "<item id=\"R2\"" styr.xml &&
	test "$(styr add goal x)" = G7 &&
	test "$(styr add rule x)" = R3 &&
	valid
'

# refused FILE PATTERN...: the import of FILE fails with exit 1, names each
# PATTERN on stderr, and leaves the register byte for byte as it was.
refused() {
	file=$1
	shift
	cp styr.xml before.xml &&
	test_expect_code 1 styr import csv "$file" 2>err &&
	for p in "$@"; do test_grep -e "$p" err || return 1; done &&
	test_cmp before.xml styr.xml
}

# refuses NAME HEADER ROW PATTERN...: NAME.csv, the lines HEADER and ROW
# (CRLF), refused as refused says.
refuses() {
	_csv=$1.csv
	crlf "$2" "$3" >"$_csv" && shift 3 && refused "$_csv" "$@"
}

test_expect_success 'an id that exists is refused' '
	refuses dup "id,kind,title" "G5,goal,Igen" "dup.csv:2:" "G5 exists already"
'

test_expect_success 'an id handed out before (and deleted) is not reused' '
	styr delete G7 2>/dev/null &&
	refuses reuse "id,kind,title" "G7,goal,Igen" "reuse.csv:2:" "G7 was handed out before" &&
	refuses gap "id,kind,title" "G2,goal,Hul" "G2 was handed out before"
'

test_expect_success 'an id of the wrong kind or shape is refused' '
	refuses kind "id,kind,title" "R9,goal,Forkert" "kind.csv:2:" "column .id.: .R9. does not fit the item.s kind (goal), whose ids start with G" &&
	refuses zero "id,kind,title" "G0,goal,Nul" "zero.csv:2:" "not an item id" &&
	refuses long "id,kind,title" "G12345678901,goal,Stor" "not an item id"
'

test_expect_success 'the same id twice in the file is refused' '
	crlf "id,kind,title" "G20,goal,En" "G20,goal,To" >twice.csv &&
	refused twice.csv "twice.csv:3:" "G20 is already the id of the item on line 2"
'

test_expect_success 'an unknown column is named; nothing is written' '
	refuses col "kind,title,farve" "goal,Et mål,rød" "col.csv:1: unknown column .farve." "per_year"
'

# What Excel saves as "CSV" on a Danish system: a byte order mark, ';'
# between the columns, CRLF, and a field in quotes only when it holds a
# ';', a quote or a line break (a comma is data like any other).
test_expect_success 'a file separated by semicolons, as Danish Excel saves it' '
	cp empty.xml styr.xml &&
	{
		printf "\357\273\277" &&
		crlf "kind;title;area" \
			"mål;\"Aktivt liv, også i weekenden\";BOST" \
			"regel;\"Visitation; hver uge, også helligdage\";HJEM" \
			"dokumentation;Dagbog, daglig;BOST" \
			"doc;\"Skriv \"\"kort\"\", tak\";"
	} >excel.csv &&
	styr import csv excel.csv --dry-run >out 2>err &&
	test_grep "^excel.csv: the columns are separated by semicolons$" out &&
	test_grep "^excel.csv: 4 items would be imported" out &&
	test_cmp empty.xml styr.xml &&
	styr import csv excel.csv 2>err &&
	test_grep "^imported 4 items from excel.csv$" err &&
	! grep "separated" err &&
	test_grep "<item id=\"G1\" kind=\"goal\" area=\"BOST\"" styr.xml &&
	test_grep "<title>Aktivt liv, også i weekenden</title>" styr.xml &&
	test_grep "<item id=\"R1\" kind=\"rule\" area=\"HJEM\"" styr.xml &&
	test_grep "<title>Visitation; hver uge, også helligdage</title>" styr.xml &&
	test_grep "<item id=\"D1\" kind=\"doc\" area=\"BOST\"" styr.xml &&
	test_grep "<title>Dagbog, daglig</title>" styr.xml &&
	test_grep "<item id=\"D2\" kind=\"doc\" phase" styr.xml &&
	test_grep "<title>Skriv \"kort\", tak</title>" styr.xml &&
	test "$(items)" = 4 &&
	valid
'

test_expect_success 'a comma-separated file says so in a trial run only' '
	cp empty.xml styr.xml &&
	crlf "kind,title" "goal,Et mål" >comma.csv &&
	styr import csv comma.csv --dry-run >out 2>err &&
	test_grep "^comma.csv: the columns are separated by commas$" out &&
	styr import csv comma.csv >out 2>err &&
	! grep "separated" out err
'

test_expect_success 'semicolon files: errors say how the file is read' '
	cp empty.xml styr.xml &&
	refuses extra "kind;title;area" "goal;Et mål; med semikolon;A" "extra.csv:2: the row has 4 fields, but the header row has 3 columns (the file is read as separated by semicolons)" &&
	refuses squote "kind;title" "goal;a\"b" "squote.csv:2: a double quote in the wrong place; in a file separated by semicolons"
'

test_expect_success 'a header row with both commas and semicolons gets a hint' '
	refuses mixed "kind;title,area" "goal;Et mål,A" "mixed.csv:1: the header row has both commas and semicolons" "CSV UTF-8"
'

test_expect_success 'kind and title columns are required' '
	refuses nokind "title" "Et mål" "nokind.csv:1:" "kind" &&
	refuses twicecol "kind,kind,title" "goal,goal,x" "column .kind. appears twice"
'

test_expect_success 'a bad row names file, line and column; nothing is written' '
	{
		crlf "kind,title,description" "goal,Først,\"to" &&
		crlf "linjer\"" "widget,Dårlig,x" "goal,Sidst,"
	} >bad.csv &&
	refused bad.csv "bad.csv:4: column .kind.: unknown kind .widget."
'

test_expect_success 'invalid UTF-8 and control characters are refused' '
	printf "kind,title\ngoal,ok\ngoal,bad\377\n" >utf.csv &&
	refused utf.csv "utf.csv:3: column .title.: not valid UTF-8" \
		"save the file as \"CSV UTF-8\"" &&
	printf "kind,title,owner\ngoal,ok,a\033b\n" >ctl.csv &&
	refused ctl.csv "ctl.csv:2: column .owner.: control character" &&
	printf "kind,title\ngoal,bad\357\277\276\n" >nonxml.csv &&
	refused nonxml.csv "nonxml.csv:2: column .title.: a character that XML does not allow (U+FFFE)"
'

test_expect_success 'bad values: empty title, keyword, number, date' '
	refuses notitle "kind,title" "goal," "notitle.csv:2: column .title. is empty" &&
	refuses nokind "kind,title" " ,x" "nokind.csv:2: column .kind. is empty" &&
	refuses origin "kind,title,origin" "goal,x,EU" "origin.csv:2: column .origin.: unknown origin .EU." &&
	refuses prio "kind,title,priority" "goal,x,fjernes" "prio.csv:2: column .priority.: unknown priority" &&
	refuses num "kind,title,minutes,per_year" "goal,x,ti,5" "num.csv:2: column .minutes.: .ti. is not a number" &&
	refuses half "kind,title,minutes" "goal,x,5" "half.csv:2: column .per_year. is empty" &&
	refuses votes "kind,title,votes_remove" "goal,x,-1" "votes.csv:2: column .votes_remove." &&
	crlf "kind,title,solution,evaluate_by" "goal,x,idea,2027-02-30" \
		>date.csv &&
	refused date.csv "date.csv:2: column .evaluate_by.: .2027-02-30." &&
	refuses reason "kind,title,decision_reason" "goal,x,fordi" "reason.csv:2: column .decision_reason. needs"
'

test_expect_success 'implemented without criteria is refused, as in solution' '
	refuses impl "kind,title,solution" "goal,x,implemented" "impl.csv:2:" "criteria"
'

test_expect_success 'a row with too few or too many fields is refused' '
	refuses short "kind,title,owner" "goal,x" "short.csv:2: the row has 2 fields, but the header row has 3 columns (the file is read as separated by commas)" &&
	refuses one "kind,title" "goal" "one.csv:2: the row has 1 field, but the header row has 2 columns" &&
	refuses long "kind,title" "goal,x,y" "long.csv:2: the row has 3 fields"
'

test_expect_success 'broken CSV is refused: quotes, NUL bytes, an empty file' '
	printf "kind,title\ngoal,\"open\ngoal,x\n" >open.csv &&
	refused open.csv "open.csv:2: a quoted field is not closed" &&
	printf "kind,title\ngoal,a\"b\n" >quote.csv &&
	refused quote.csv "quote.csv:2: a double quote in the wrong place" &&
	printf "kind,title\ngoal,a\000b\n" >nul.csv &&
	refused nul.csv "nul.csv:2: the file holds a NUL byte" &&
	: >empty.csv &&
	refused empty.csv "empty.csv: the file is empty"
'

test_expect_success 'a field of 1 MB is refused' '
	{
		printf "kind,title,description\ngoal,Stor,\"" &&
		head -c 1048576 /dev/zero | tr "\0" x &&
		printf "\"\n"
	} >huge.csv &&
	refused huge.csv "huge.csv:2: a field is longer than 524288 bytes"
'

test_expect_success 'a missing file is exit 1 naming it' '
	refused nosuch.csv "nosuch.csv"
'

test_expect_success 'only csv, json, xlsx and ods are imported' '
	test_expect_code 2 styr import yaml x.yaml 2>err &&
	test_grep "csv, json, xlsx and ods" err
'

test_expect_success '--dry-run checks and counts, writes nothing' '
	cp empty.xml styr.xml &&
	styr import csv export.csv --dry-run >out 2>err &&
	test_grep "^export.csv: the columns are separated by commas$" out &&
	test_grep "^export.csv: 4 items would be imported; nothing was written$" out &&
	test_grep "^export.csv: new review areas would be made: A (Bostøtte), B (Børn og unge)$" out &&
	test_cmp empty.xml styr.xml &&
	refused bad.csv "bad.csv:4:" &&
	test_expect_code 1 styr import csv bad.csv --dry-run 2>err &&
	test_grep "bad.csv:4:" err &&
	test_cmp empty.xml styr.xml
'

test_expect_success 'a header with no rows changes nothing' '
	crlf "kind,title" ",  " >header.csv &&
	styr import csv header.csv 2>err &&
	test_grep "no items" err &&
	test_cmp empty.xml styr.xml
'

test_expect_success 'standard input is read as FILE -' '
	crlf "kind,title" "goal,Fra stdin" | styr import csv - 2>err &&
	test_grep "^imported 1 item from standard input$" err &&
	test_grep "<what>imported 1 item from standard input</what>" styr.xml &&
	test_grep "<title>Fra stdin</title>" styr.xml
'

test_expect_success 'no register: exit 3' '
	test_expect_code 3 styr -f none.xml import csv min.csv 2>err &&
	test_grep "none.xml" err
'

test_expect_success 'ten thousand rows import' '
	cp empty.xml styr.xml &&
	{
		echo "kind,title,area,minutes,per_year,votes_remove"
		seq 1 10000 | awk "{
			k = \$1 % 3 == 0 ? \"goal\" : \$1 % 3 == 1 ? \"rule\" : \"doc\"
			printf \"%s,\\\"Punkt %d, nr\\\",Z%d,%d,12,%d\\r\\n\", \
				k, \$1, \$1 % 7, \$1 % 60, \$1 % 4
		}"
	} >many.csv &&
	styr import csv many.csv 2>err &&
	test_grep "imported 10000 items" err &&
	test "$(items)" = 10000 &&
	valid
'

test_done
