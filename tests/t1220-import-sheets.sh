#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# import xlsx and import ods: the columns, rows and messages of CSV import,
# from spreadsheets made by real clients (openpyxl, LibreOffice), and the
# limits of templates for spreadsheets from strangers: nothing is written
# when a file is refused.
. "$(dirname "$0")/lib.sh"

# PY (a python3 with openpyxl), SOFFICE and lo (lib.sh).
office_tools
MB=1048576

# refused FILE FORMAT PATTERN [OPTION...]: import refuses FILE with a
# message matching PATTERN, and the (empty) register is as it was.
refused() {
	f=$1 fmt=$2 pat=$3
	shift 3
	import_refused empty.xml "$pat" "$fmt" "$f" "$@"
}

test_expect_success 'set-up: an empty register; the expected items' '
	styr init --org "Tom Kommune" 2>/dev/null &&
	cp styr.xml empty.xml &&
	cat >expected.csv <<-\EOT
	id,kind,title,description,area,area_name,origin,owner,found,source,minutes,per_year,staff,tariff,votes_remove,votes_change,votes_anchor,priority,priority_reason,decision,decision_reason,solution,criteria,evaluate_by,priority_date,priority_by,decision_date,decision_by
	D1,doc,Udredning & <VUM> æøå,"to
	linjer",VIS,Visitation,law,,,,30,400,4.5,,0,0,0,,,,,,,,,,,
	R1,rule,Timer pr. uge,,,,,,,,15,12000,,,0,0,0,,,,,idea,Tid brugt,2027-03-01,,,,
	G1,goal,Borgeren mestrer eget liv,,,,,,,,,,,,0,0,0,,,,,,,,,,,
	EOT
	sed -i "/^D1/!s/\$/\r/" expected.csv
'

if test -n "$PY"; then
test_expect_success 'openpyxl: numbers, dates, Danish words, a blank row' '
	workbook "Krav" <<-\EOT &&
	ws.append(["kind", "title", "description", "area", "area_name",
	           "origin", "minutes", "per_year", "staff", "solution",
	           "criteria", "evaluate_by"])
	ws.append(["dokumentation", "Udredning & <VUM> æøå", "to\nlinjer",
	           "VIS", "Visitation", "lovkrav", 30, 400, 4.5])
	ws.append(["regel", "Timer pr. uge", None, None, None, None, "15",
	           12000, None, "idé", "Tid brugt", datetime.date(2027, 3, 1)])
	ws.append([])
	ws.append(["  mål ", "Borgeren mestrer eget liv"])
	wb.create_sheet("Andet").append(["kind", "title"])
	wb["Andet"].append(["goal", "Fra det andet ark"])
	wb.save("py.xlsx")
	EOT
	cp empty.xml styr.xml &&
	styr import xlsx py.xlsx 2>err &&
	test_grep "imported 3 items from py.xlsx" err &&
	styr export csv >got.csv &&
	test_cmp expected.csv got.csv &&
	valid
'

test_expect_success '--sheet reads the sheet it names; an unknown name lists them' '
	cp empty.xml styr.xml &&
	styr import xlsx py.xlsx --sheet Andet 2>err &&
	test_grep "imported 1 item from" err &&
	grep -q "<title>Fra det andet ark</title>" styr.xml &&
	refused py.xlsx xlsx "no sheet is called .Nope. \(the sheets are: .Krav., .Andet.\)" --sheet Nope
'

test_expect_success 'a bad cell is named by file, sheet, row and column; nothing is written' '
	workbook "Ark 1" <<-\EOT &&
	ws.append(["title", "kind", "minutes", "per_year"])
	ws.append(["Fint", "goal", 5, 10])
	ws.append(["Forkert", "sommerfugl", 5, 10])
	wb.save("bad-kind.xlsx")
	ws["B3"] = "goal"
	ws["C3"] = "fem"
	wb.save("bad-number.xlsx")
	ws["C3"] = 5
	ws["E1"] = "farve"
	wb.save("bad-header.xlsx")
	ws["E1"] = None
	ws["F2"] = "uden overskrift"
	wb.save("no-header.xlsx")
	ws["F2"] = None
	ws["C2"] = "=2+3"
	wb.save("formula.xlsx")
	EOT
	refused bad-kind.xlsx xlsx "bad-kind.xlsx, sheet .Ark 1., row 3, column B \(.kind.\): .*sommerfugl" &&
	refused bad-number.xlsx xlsx "sheet .Ark 1., row 3: column C \(.minutes.\): .fem. is not a number" &&
	refused bad-header.xlsx xlsx "sheet .Ark 1., row 1: unknown column .farve." &&
	refused no-header.xlsx xlsx "sheet .Ark 1., cell F2: a value in a column that has no name" &&
	refused formula.xlsx xlsx "sheet .Ark 1., cell C2: the cell holds a formula whose value was never computed"
'
else
	skip "openpyxl is not installed (python3-openpyxl)"
	skip "openpyxl is not installed"
	skip "openpyxl is not installed"
fi

if test -n "$SOFFICE"; then
test_expect_success 'LibreOffice: xlsx and ods saved from a CSV import the same items' '
	cp expected.csv lo.csv &&
	lo --infilter=CSV:44,34,76,1 --convert-to xlsx lo.csv &&
	lo --infilter=CSV:44,34,76,1 --convert-to ods lo.csv &&
	for f in xlsx ods; do
		cp empty.xml styr.xml &&
		styr import $f lo.$f 2>err &&
		test_grep "imported 3 items" err &&
		styr export csv >got.csv &&
		test_cmp expected.csv got.csv || return 1
	done
'

if test -n "$PY"; then
test_expect_success 'LibreOffice: formulas are read as last computed, in xlsx and ods' '
	workbook "Beregnet" <<-\EOT &&
	ws.append(["kind", "title", "minutes", "per_year", "staff"])
	ws.append(["doc", "=CONCATENATE(\"Ud\",\"redning\")", "=10*3",
	           "=C2*4", 2])
	wb.save("formulas.xlsx")
	ws["D2"] = "=1/0"
	wb.save("div0.xlsx")
	EOT
	mkdir -p calc &&
	lo --convert-to xlsx --outdir calc formulas.xlsx &&
	lo --convert-to ods --outdir calc formulas.xlsx &&
	for f in xlsx ods; do
		cp empty.xml styr.xml &&
		styr import $f calc/formulas.$f 2>err &&
		styr export csv >got.csv &&
		test_grep "^D1,doc,Udredning,.*,30,120,2," got.csv || return 1
	done &&
	lo --convert-to xlsx --outdir calc div0.xlsx &&
	lo --convert-to ods --outdir calc div0.xlsx &&
	refused calc/div0.xlsx xlsx "sheet .Beregnet., cell D2: the cell shows the error #DIV/0!" &&
	refused calc/div0.ods ods "sheet .Beregnet., cell D2: the cell shows the error #DIV/0!"
'
else
	skip "openpyxl is not installed"
fi

test_expect_success 'ods: a bad cell names the sheet, row and column' '
	printf "kind,title,minutes,per_year\r\ngoal,Fint,5,10\r\ngoal,Forkert,5,\r\n" >bad.csv &&
	lo --infilter=CSV:44,34,76,1 --convert-to ods bad.csv &&
	refused bad.ods ods "bad.ods, sheet .bad., row 3: column .per_year. is empty"
'
else
	skip "LibreOffice is not installed"
	skip "LibreOffice is not installed"
	skip "LibreOffice is not installed"
fi

test_expect_success 'export xlsx or ods, then import it into an empty register: the same items' '
	mkdir rt && (
		cd rt &&
		styr init --org "Odder Kommune" 2>/dev/null &&
		styr area add A "Bostøtte" 2>/dev/null &&
		styr add goal "Aktivt medborgerskab" --desc "Borgeren deltager" \
			--area A --origin lovkrav >/dev/null &&
		styr add rule "Visitation, hver uge" >/dev/null &&
		styr add doc "Slettes" >/dev/null &&
		styr delete D1 2>/dev/null &&
		styr add doc "Skriv \"kort\"" --desc "$(printf "to\nlinjer")" >/dev/null &&
		styr burden G1 --minutes 15 --per-year 400 --staff 6 --tariff 450 >/dev/null &&
		styr burden R1 --minutes 2.5 --per-year 1000 >/dev/null &&
		styr meeting add workshop W --date 2026-03-01 >/dev/null &&
		styr vote G1 remove --count 3 2>/dev/null &&
		styr prioritise G1 change --why "loven står fast" 2>/dev/null &&
		styr decide G1 selected --why "et godt sted at starte" 2>/dev/null &&
		styr solution G1 --status pilot --criteria "færre timer" \
			--evaluate-by 2027-01-01 2>/dev/null &&
		styr export xlsx -o ../all.xlsx &&
		styr export ods -o ../all.ods &&
		styr export csv -o ../all.csv 2>/dev/null
	) &&
	cp empty.xml styr.xml &&
	styr import xlsx all.xlsx 2>err &&
	test_grep "imported 3 items" err &&
	styr export csv -o again.csv 2>/dev/null &&
	test_cmp all.csv again.csv &&
	cp empty.xml styr.xml &&
	styr import ods all.ods 2>err &&
	test_grep "imported 3 items" err &&
	styr export csv -o again.csv 2>/dev/null &&
	test_cmp all.csv again.csv &&
	if locale -a | grep -qi "^da_DK\.utf-\?8$"; then
		(cd rt && LC_ALL=da_DK.UTF-8 styr export xlsx -o ../da.xlsx) &&
		cp empty.xml styr.xml &&
		LC_ALL=da_DK.UTF-8 styr import xlsx da.xlsx 2>err &&
		test_grep "importerede 3 punkter" err &&
		styr export csv -o again.csv 2>/dev/null &&
		test_cmp all.csv again.csv
	fi
'

# --- hostile files, made by hand ---

# xlsx OUT SHEET-XML [SHARED-STRINGS-XML]: a minimal workbook; $BOOKPR
# goes into the workbook, $STYLES (the inside of styleSheet) makes
# styles.xml.
xlsx() {
	out=$1 sheet=$2 shared=${3:-}
	ns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	printf "%s" "$sheet" >sheet.part &&
	set -- "[Content_Types].xml=<Types/>" \
		"xl/workbook.xml=<workbook xmlns=\"$ns\" xmlns:r=\"$rel\">${BOOKPR:-}<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>" \
		"xl/_rels/workbook.xml.rels=<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"$rel/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"$rel/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rId3\" Type=\"$rel/styles\" Target=\"/xl/styles.xml\"/></Relationships>" \
		"xl/worksheets/sheet1.xml,deflate=@sheet.part"
	if test -n "$shared"; then
		set -- "$@" "xl/sharedStrings.xml=<sst xmlns=\"$ns\">$shared</sst>"
	fi
	if test -n "${STYLES:-}"; then
		set -- "$@" "xl/styles.xml=<styleSheet xmlns=\"$ns\">$STYLES</styleSheet>"
	fi
	mkzip "$out" "$@"
}
NS="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
HEAD='<c r="A1" t="inlineStr"><is><t>kind</t></is></c><c r="B1" t="inlineStr"><is><t>title</t></is></c>'

test_expect_success 'a hand-made workbook: shared and inline texts, booleans' '
	xlsx hand.xlsx "<worksheet xmlns=\"$NS\"><sheetData><row r=\"1\">$HEAD<c r=\"C1\" t=\"s\"><v>0</v></c></row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"B2\" t=\"inlineStr\"><is><r><t>Del </t></r><r><t>og_x000D_del</t></r></is></c><c r=\"C2\" t=\"b\"><v>1</v></c></row></sheetData></worksheet>" \
		"<si><t>description</t></si><si><r><t>g</t></r><r><t>oal</t></r><rPh><t>x</t></rPh></si>" &&
	cp empty.xml styr.xml &&
	styr import xlsx hand.xlsx 2>err &&
	styr show G1 --format json >g1.json &&
	python3 -c "
import json, sys
g = json.load(open(\"g1.json\"))
assert g[\"title\"] == \"Del og\rdel\", g
assert g[\"description\"] == \"true\", g
"
'

test_expect_success 'dates: built-in and own date formats, the 1900 and 1904 systems' '
	STYLES="<numFmts><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/><numFmt numFmtId=\"165\" formatCode=\"#,##0.0\ &quot;min&quot;\"/></numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/></cellXfs>" &&
	head="$HEAD<c r=\"C1\" t=\"inlineStr\"><is><t>solution</t></is></c><c r=\"D1\" t=\"inlineStr\"><is><t>evaluate_by</t></is></c><c r=\"E1\" t=\"inlineStr\"><is><t>minutes</t></is></c><c r=\"F1\" t=\"inlineStr\"><is><t>per_year</t></is></c>" &&
	row() { echo "<row><c t=\"inlineStr\"><is><t>goal</t></is></c><c t=\"inlineStr\"><is><t>$1</t></is></c><c t=\"inlineStr\"><is><t>idea</t></is></c><c s=\"$2\"><v>$3</v></c><c s=\"3\"><v>7.5</v></c><c><v>1E3</v></c></row>"; } &&
	STYLES=$STYLES xlsx dates.xlsx "<worksheet xmlns=\"$NS\"><sheetData><row>$head</row>$(row A 1 46082)$(row B 2 46113.75)$(row C 2 61)$(row D 1 59)</sheetData></worksheet>" &&
	cp empty.xml styr.xml &&
	styr import xlsx dates.xlsx 2>err &&
	styr export json -o d.json &&
	python3 -c "
import json
items = json.load(open(\"d.json\"))[\"items\"]
got = [(i[\"title\"], i[\"solution\"][\"evaluate_by\"], i[\"burden\"][\"minutes\"], i[\"burden\"][\"per_year\"]) for i in items]
assert got == [(\"A\", \"2026-03-01\", 7.5, 1000), (\"B\", \"2026-04-01\", 7.5, 1000),
               (\"C\", \"1900-03-01\", 7.5, 1000), (\"D\", \"1900-02-28\", 7.5, 1000)], got
" &&
	BOOKPR="<workbookPr date1904=\"1\"/>" STYLES=$STYLES xlsx d1904.xlsx "<worksheet xmlns=\"$NS\"><sheetData><row>$head</row>$(row E 1 44620)</sheetData></worksheet>" &&
	cp empty.xml styr.xml &&
	styr import xlsx d1904.xlsx 2>err &&
	styr export csv | grep -q "^G1,goal,E,.*2026-03-01"
'

test_expect_success 'shared texts pointing past their table: refused, naming the cell' '
	xlsx past.xlsx "<worksheet xmlns=\"$NS\"><sheetData><row r=\"1\">$HEAD</row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>goal</t></is></c><c r=\"B2\" t=\"s\"><v>7</v></c></row></sheetData></worksheet>" \
		"<si><t>eneste</t></si>" &&
	refused past.xlsx xlsx "sheet .S., cell B2: the cell refers to shared text number 7, but the file has only 1" &&
	xlsx none.xlsx "<worksheet xmlns=\"$NS\"><sheetData><row r=\"1\">$HEAD</row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>" &&
	refused none.xlsx xlsx "cell A2: the cell refers to shared text number 0, but the file has only 0"
'

test_expect_success 'a zip bomb is refused before it is unpacked' '
	mkzip bomb.xlsx "[Content_Types].xml=<Types/>" \
		"xl/worksheets/sheet1.xml,deflate=zeros:$((250 * MB))" &&
	test $(wc -c <bomb.xlsx) -lt 1000000 &&
	refused bomb.xlsx xlsx "would unpack to more than 200 MB" &&
	mkzip liar.xlsx "[Content_Types].xml=<Types/>" \
		"xl/workbook.xml,deflate,declare:100=zeros:$((20 * MB))" &&
	refused liar.xlsx xlsx "does not hold what its header says" &&
	mkzip bomb.ods "mimetype=application/vnd.oasis.opendocument.spreadsheet" \
		"content.xml,deflate,declare:1000=zeros:$((300 * MB))" &&
	refused bomb.ods ods "does not hold what its header says"
'

test_expect_success 'a million columns: refused when they hold a value, skipped when empty' '
	xlsx wide.xlsx "<worksheet xmlns=\"$NS\"><sheetData><row r=\"1\">$HEAD<c r=\"ZZZZ1\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData></worksheet>" &&
	refused wide.xlsx xlsx "past the last column a spreadsheet has \(16384 columns" &&
	T="urn:oasis:names:tc:opendocument:xmlns:table:1.0" &&
	O="urn:oasis:names:tc:opendocument:xmlns:office:1.0" &&
	X="urn:oasis:names:tc:opendocument:xmlns:text:1.0" &&
	cell() { echo "<t:table-cell o:value-type=\"string\"><x:p>$1</x:p></t:table-cell>"; } &&
	doc() { echo "<o:document-content xmlns:o=\"$O\" xmlns:t=\"$T\" xmlns:x=\"$X\"><o:body><o:spreadsheet><t:table t:name=\"Ark1\">$1</t:table></o:spreadsheet></o:body></o:document-content>"; } &&
	doc "<t:table-row>$(cell kind)$(cell title)<t:table-cell t:number-columns-repeated=\"1000000\" o:value-type=\"string\"><x:p>x</x:p></t:table-cell></t:table-row>" >wide.xml &&
	mkzip wide.ods "mimetype=application/vnd.oasis.opendocument.spreadsheet" "content.xml,deflate=@wide.xml" &&
	refused wide.ods ods "sheet .Ark1., row 1: a value past the last column" &&
	doc "<t:table-row>$(cell kind)$(cell title)<t:table-cell t:number-columns-repeated=\"1000000\"/></t:table-row><t:table-row>$(cell goal)$(cell Smal)<t:table-cell t:number-columns-repeated=\"1000000\"/></t:table-row><t:table-row t:number-rows-repeated=\"1048000\"><t:table-cell t:number-columns-repeated=\"1000000\"/></t:table-row>" >narrow.xml &&
	mkzip narrow.ods "mimetype=application/vnd.oasis.opendocument.spreadsheet" "content.xml,deflate=@narrow.xml" &&
	cp empty.xml styr.xml &&
	styr import ods narrow.ods 2>err &&
	test_grep "imported 1 item" err &&
	doc "<t:table-row>$(cell kind)$(cell title)</t:table-row><t:table-row t:number-rows-repeated=\"3\">$(cell goal)$(cell Igen)</t:table-row>" >rep.xml &&
	mkzip rep.ods "mimetype=application/vnd.oasis.opendocument.spreadsheet" "content.xml,deflate=@rep.xml" &&
	cp empty.xml styr.xml &&
	styr import ods rep.ods 2>err &&
	test $(grep -c "<title>Igen</title>" styr.xml) = 3
'

test_expect_success 'more rows than CSV import takes: refused, nothing written' '
	n=$(test_long 100001 100001) &&
	awk -v n=$n -v head="$HEAD" -v ns="$NS" "BEGIN {
		printf \"<worksheet xmlns=\\\"%s\\\"><sheetData><row>%s</row>\", ns, head
		for (i = 2; i <= n + 1; i++)
			printf \"<row><c t=\\\"inlineStr\\\"><is><t>goal</t></is></c><c t=\\\"inlineStr\\\"><is><t>Mål %d</t></is></c></row>\", i
		printf \"</sheetData></worksheet>\"
	}" >many.part &&
	xlsx many.xlsx "$(cat many.part)" &&
	refused many.xlsx xlsx "sheet .S., row 100002: more than 100000 rows"
'

test_expect_success 'XML with a DOCTYPE, a text document, the wrong format: refused' '
	xlsx dtd.xlsx "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><worksheet xmlns=\"$NS\"><sheetData/></worksheet>" &&
	refused dtd.xlsx xlsx "a DOCTYPE is not allowed" &&
	mkzip text.ods "mimetype=application/vnd.oasis.opendocument.text" "content.xml=<x/>" &&
	refused text.ods ods "not a spreadsheet \(its mimetype is .application/vnd.oasis.opendocument.text.\)" &&
	refused text.ods xlsx "an OpenDocument file, not an Excel workbook; import it as ods" &&
	refused hand.xlsx ods "an Excel workbook, not an OpenDocument spreadsheet; import it as xlsx" &&
	printf "kind,title\r\ngoal,x\r\n" >plain.xlsx &&
	refused plain.xlsx xlsx "cannot read it as a spreadsheet" &&
	mkzip many-files.xlsx $(i=0; while [ $i -le 1000 ]; do echo "f$i=x"; i=$((i + 1)); done) &&
	refused many-files.xlsx xlsx "more than 1000 files in the package"
'

test_expect_success '--sheet with CSV, or an unknown format: usage errors' '
	test_expect_code 2 styr import csv x.csv --sheet A 2>err &&
	test_grep "sheet is for xlsx and ods files" err &&
	test_expect_code 2 styr import xls x.xls 2>err &&
	test_grep "csv, json, xlsx and ods" err
'

test_done
