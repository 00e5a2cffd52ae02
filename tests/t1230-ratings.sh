#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# import ratings: a survey export in its wide shape (a row per respondent,
# a column per item), with Danish answers and blanks, from CSV, from XLSX
# written by openpyxl and from ODS written by LibreOffice; respondents
# matched as `rate` matches them; refusals change nothing.
. "$(dirname "$0")/lib.sh"

# PY (a python3 with openpyxl), SOFFICE and lo (lib.sh).
office_tools

# ratings ROUND: "ITEM RESPONDENT EXPERIENCE DATE" per rating of ROUND, sorted,
# read from export json (anonymous: "-").
ratings() {
	styr export json -o all.json &&
	python3 - "$1" <<-\EOF | sort
	import json, sys
	for it in json.load(open("all.json"))["items"]:
	    for r in it["ratings"]:
	        if r["round"] == sys.argv[1]:
	            print(it["id"], r["respondent"] or "-", r["experience"],
	                  r["date"])
	EOF
}

# refused FILE PATTERN [OPTION...]: import ratings (baseline) refuses
# FILE with PATTERN, and before.xml, the register, is as it was.
refused() {
	f=$1 pat=$2
	shift 2
	import_refused before.xml "$pat" ratings "$f" --round baseline "$@"
}

# refuses NAME HEADER ROW PATTERN...: NAME.csv, the lines HEADER and ROW
# (CRLF), refused as refused says.
refuses() {
	_csv=$1.csv
	crlf "$2" "$3" >"$_csv" && shift 3 && refused "$_csv" "$@"
}

test_expect_success 'set-up: items and people' '
	styr init --org "Odder Kommune" 2>/dev/null &&
	styr person add "Torben Højris" --role medarbejder >/dev/null &&
	styr person add "Åse Nørgaard" --role leder >/dev/null &&
	styr person add "Lene Fagkonsulent" --role dokumentationsagent >/dev/null &&
	styr add dokumentation "§ 85 bostøtte kræver fuld VUM-udredning" >/dev/null &&
	styr add regel "Bostøtte bevilges i ugentlige timer" >/dev/null &&
	styr add mål "Borgeren mestrer eget liv" >/dev/null &&
	cp styr.xml before.xml
'

test_expect_success 'CSV (semicolons): ids and titles as headers, Danish answers, blanks' '
	{
		crlf "Respondent;Rolle;D1;Bostøtte bevilges i ugentlige timer;G1: Borgeren mestrer eget liv" &&
		crlf "torben  højris;medarbejder;For stram;understøttende;" &&
		crlf "ÅSE NØRGAARD;leder;for-slap;;For slap" &&
		crlf ";;too-tight;;" &&
		crlf ";;;;" &&
		crlf "P3;;;for stram;understøttende"
	} >svar.csv &&
	styr import ratings svar.csv --round før --date 2026-11-02 2>err &&
	test_grep "imported 7 ratings (Baseline) from svar.csv" err &&
	cat >expected <<-\EOF &&
	D1 - too-tight 2026-11-02
	D1 P1 too-tight 2026-11-02
	D1 P2 too-loose 2026-11-02
	G1 P2 too-loose 2026-11-02
	G1 P3 supportive 2026-11-02
	R1 P1 supportive 2026-11-02
	R1 P3 too-tight 2026-11-02
	EOF
	ratings baseline >got &&
	test_cmp expected got &&
	ratings followup >none &&
	test ! -s none &&
	valid
'

test_expect_success 'the log records the import and its day' '
	styr log >log &&
	test_grep "imported 7 ratings (Baseline) from svar.csv: 4 respondents, answered 2026-11-02" log
'

test_expect_success 'one respondent is one in the log, in English and Danish' '
	cp styr.xml one-before.xml &&
	printf "D1\r\nfor stram\r\n" >one.csv &&
	styr import ratings one.csv --round followup --date 2026-11-03 &&
	styr log >log &&
	test_grep "imported 1 rating (Follow-up) from one.csv: 1 respondent, answered 2026-11-03" log &&
	cp one-before.xml styr.xml &&
	LANGUAGE=da styr import ratings one.csv --round followup --date 2026-11-03 &&
	styr log >log.da &&
	test_grep "importerede 1 vurdering (Efter) fra one.csv: 1 besvarer, besvaret 2026-11-03" log.da &&
	cp one-before.xml styr.xml
'

test_expect_success 'named answers again change nothing; a changed answer replaces, and says so' '
	grep -v "^;;" svar.csv >named.csv &&
	cp styr.xml once.xml &&
	styr import ratings named.csv --round baseline --date 2026-11-02 2>err &&
	test_grep "every answer in the file is recorded already" err &&
	test_cmp once.xml styr.xml &&
	crlf "navn,D1" "Torben Højris,understøttende" >again.csv &&
	styr import ratings again.csv --round baseline 2>err &&
	test_grep "1 earlier rating replaced (D1: Torben Højris .Too tight. -> .Supportive.)" err &&
	test $(ratings baseline | grep -c "^D1 P1 ") = 1 &&
	ratings baseline | grep -q "^D1 P1 supportive"
'

if test -n "$PY"; then
test_expect_success 'XLSX from openpyxl: the follow-up round, English answers, a guest' '
	cp before.xml styr.xml &&
	workbook "Svar" <<-\EOF &&
	ws.append(["Respondent", "D1", "R1", "Borgeren mestrer eget liv"])
	ws.append(["Lene Fagkonsulent", "Too tight", None, "supportive"])
	ws.append([None, None, None, None])
	ws.append(["Gæst Udefra", None, "Too loose", None])
	wb.save("svar.xlsx")
	EOF
	styr import ratings svar.xlsx --round followup --guest --date 2026-10-15 2>err &&
	cat >expected <<-\EOF &&
	D1 P3 too-tight 2026-10-15
	G1 P3 supportive 2026-10-15
	R1 Gæst Udefra too-loose 2026-10-15
	EOF
	ratings followup >got &&
	test_cmp expected got
'
else
	skip "openpyxl is not installed"
fi

if test -n "$SOFFICE"; then
test_expect_success 'ODS from LibreOffice: the same answers as the CSV' '
	cp before.xml styr.xml &&
	sed "s/;/,/g" svar.csv >svar-komma.csv &&
	lo --infilter=CSV:44,34,76,1 --convert-to ods svar-komma.csv &&
	styr import ratings svar-komma.ods --round baseline --date 2026-11-02 2>err &&
	test_grep "imported 7 ratings" err &&
	ratings baseline >got-ods &&
	cp before.xml styr.xml &&
	styr import ratings svar.csv --round baseline --date 2026-11-02 2>err &&
	ratings baseline >got-csv &&
	test_cmp got-csv got-ods
'
else
	skip "LibreOffice is not installed"
fi

test_expect_success 'refused with row and column: an unknown answer, column, person or role' '
	refuses a "navn;D1;R1" "Torben Højris;for stram;ved ikke" "a.csv:2: column .R1.: unknown experience .ved ikke." &&
	refuses b "navn,D1,Kommentar" "Torben Højris,for stram,godt" "b.csv:1: column 3, .Kommentar., is no item of the register" &&
	refuses c "navn,D1" "Torben Hoejris,for stram" "c.csv:2: column .navn.: .Torben Hoejris. is not in the people list; did you mean .Torben Højris. \(P1\)" &&
	refuses d "navn,rolle,D1" "Torben Højris,leder,for stram" "d.csv:2: column .rolle.: Torben Højris is Staff in the people list, not Management" &&
	crlf "navn,D1" "Torben Højris,for stram" "torben højris,for slap" >e.csv &&
	refused e.csv "e.csv:3: column .navn.: Torben Højris answered on line 2 already" &&
	refuses f "navn,D9" "Torben Højris,for stram" "column 2, .D9., is no item of the register" &&
	refuses g "navn,rolle" "Torben Højris,medarbejder" "no column names an item" &&
	refuses h "navn,D1,D1 § 85 bostøtte" "Torben Højris,for stram," "columns .D1. and .D1 § 85 bostøtte. are both item D1"
'

test_expect_success 'a title two items have: refused; the id says which' '
	cp before.xml orig.xml &&
	cp before.xml styr.xml &&
	styr add regel "Bostøtte bevilges i ugentlige timer" >/dev/null &&
	cp styr.xml before.xml &&
	refuses i "navn,Bostøtte bevilges i ugentlige timer" "Torben Højris,for stram" "column 2, .Bostøtte bevilges i ugentlige timer., is the title of both R1 and R2; head the column with the item.s id" &&
	crlf "navn,R2" "Torben Højris,for stram" >j.csv &&
	styr import ratings j.csv --round baseline 2>err &&
	test "$(ratings baseline | cut -d" " -f1-3)" = "R2 P1 too-tight" &&
	cp orig.xml before.xml
'

if test -n "$PY"; then
test_expect_success 'refused in a spreadsheet: the sheet, row and column are named' '
	workbook "Svar" <<-\EOF &&
	ws.append(["Navn", "D1", "R1"])
	ws.append(["Torben Højris", "for stram", None])
	ws.append(["Åse Nørgaard", None, "måske"])
	wb.save("bad.xlsx")
	EOF
	refused bad.xlsx "bad.xlsx, sheet .Svar., row 3, column C \(.R1.\): unknown experience .måske."
'
else
	skip "openpyxl is not installed"
fi

if test -n "$PY"; then
test_expect_success '--sheet: the answers on another sheet of the workbook' '
	workbook "Forside" <<-\EOF &&
	ws.append(["Spørgeskema om styring"])
	ws = wb.create_sheet("Svar")
	ws.append(["Navn", "D1"])
	ws.append(["Åse Nørgaard", "For slap"])
	wb.save("ark.xlsx")
	EOF
	refused ark.xlsx "sheet .Forside., row 1: column A, .Spørgeskema om styring., is no item" &&
	cp before.xml styr.xml &&
	styr import ratings ark.xlsx --sheet Svar --round baseline --date 2026-11-04 2>err &&
	test "$(ratings baseline)" = "D1 P2 too-loose 2026-11-04"
'
else
	skip "openpyxl is not installed"
fi

test_expect_success 'usage: --round is needed; the ratings options are for ratings' '
	test_expect_code 2 styr import ratings svar.csv 2>err &&
	test_grep "needs --round baseline or --round followup" err &&
	test_expect_code 2 styr import csv svar.csv --round baseline 2>err &&
	test_grep "are for import ratings" err &&
	test_expect_code 1 styr import ratings svar.csv --round senere 2>err &&
	test_grep "unknown round" err &&
	cp before.xml styr.xml &&
	test_expect_code 1 styr import ratings svar.csv --round baseline --date 2999-01-01 &&
	test_cmp before.xml styr.xml
'

test_expect_success '--dry-run counts and writes nothing' '
	cp before.xml styr.xml &&
	styr import ratings svar.csv --round baseline --dry-run >out &&
	test_grep "7 ratings (Baseline) would be imported from 4 respondents" out &&
	test_cmp before.xml styr.xml
'

test_expect_success 'export survey: the questions for a survey tool, as import ratings reads them' '
	cp before.xml styr.xml &&
	styr export survey -o spm.csv &&
	styr export json -o all.json &&
	python3 - <<-\EOF &&
	import csv, json
	rows = list(csv.reader(open("spm.csv", newline="", encoding="utf-8")))
	assert rows[0][:5] == ["id", "spørgsmål", "type", "hjælpetekst", "svar 1"], rows[0]
	assert rows[1][:3] == ["respondent", "Navn", "fritekst"], rows[1]
	assert rows[2][:2] == ["role", "Rolle"] and "Medarbejder" in rows[2], rows[2]
	items = json.load(open("all.json"))["items"]
	assert [r[0] for r in rows[3:]] == [i["id"] for i in items], rows
	for r, i in zip(rows[3:], items):
	    assert r[1] == i["id"] + ": " + i["title"], r
	    assert r[4:7] == ["Understøttende", "For stram", "For slap"], r
	    assert not any(r[7:]), r
	# What a survey tool exports: the questions as headers, the
	# answers chosen from the list.
	out = csv.writer(open("tool.csv", "w", newline="", encoding="utf-8"))
	out.writerow([r[1] for r in rows[1:]])
	out.writerow(["Torben Højris", rows[2][7]] + [rows[3][5], "", rows[5][4]])
	out.writerow(["", "", rows[3][6], rows[4][4], ""])
	EOF
	styr import ratings tool.csv --round baseline --date 2026-11-03 2>err &&
	cat >expected <<-\EOF &&
	D1 - too-loose 2026-11-03
	D1 P1 too-tight 2026-11-03
	G1 P1 supportive 2026-11-03
	R1 - supportive 2026-11-03
	EOF
	ratings baseline >got &&
	test_cmp expected got &&
	styr export survey --lang en >en.csv &&
	test_grep "^D1,D1: § 85 bostøtte kræver fuld VUM-udredning,one answer,,Supportive,Too tight,Too loose" en.csv &&
	styr area add VIS Visitation 2>/dev/null &&
	styr edit R1 --area vis 2>/dev/null &&
	styr export survey --area VIS >vis.csv &&
	test $(grep -c "^[DRG][0-9]" vis.csv) = 1 &&
	test_grep "^R1,R1: Bostøtte bevilges i ugentlige timer," vis.csv &&
	test_expect_code 1 styr export survey --area NOPE 2>err &&
	test_grep "unknown area .NOPE." err &&
	test_expect_code 2 styr export json --area VIS 2>err &&
	test_expect_code 2 styr export survey --lang de 2>err &&
	test_expect_code 2 styr export csv --lang en 2>err
'

test_expect_success 'handout spoergeskema: the paper questionnaire, Danish and English' '
	cp before.xml styr.xml &&
	styr handout spørgeskema -o q.odt 2>err &&
	styr handout spoergeskema --lang en -o q-en.odt 2>err &&
	part q.odt content.xml >c.xml &&
	part q-en.odt content.xml >c-en.xml &&
	python3 - <<-\EOF
	import json, subprocess, xml.etree.ElementTree as ET
	T = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
	def paragraphs(f):
	    return ["".join(p.itertext()) for p in ET.parse(f).iter()
	            if p.tag in (T + "p", T + "h")]
	items = json.load(open("all.json"))["items"]
	for f, words, title in (("c.xml", ["Understøttende", "For stram", "For slap"], "Spørgeskema"),
	                        ("c-en.xml", ["Supportive", "Too tight", "Too loose"], "Questionnaire")):
	    ps = paragraphs(f)
	    assert title in ps, ps[:5]
	    text = "\n".join(ps).replace("\u00ad", "")
	    for i in items:
	        assert i["id"] + "  " + i["title"] in text or (i["id"] + " " + i["title"]) in text, (i, text)
	    for w in words:
	        assert w in text, w
	    # a tick box per item and experience, and the three in the key
	    assert text.count("☐") == 3 * len(items) + 3 + 2, text.count("☐")
	    assert not any("{{" in p for p in ps), ps
	EOF
'

test_done
