#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Spreadsheets out (SPEC section 10): export xlsx and export ods, as real
# clients read them.
#   - openpyxl (Debian's python3-openpyxl) reads every exported XLSX: the
#     items sheet holds every column and value of `export csv`, numbers as
#     numbers and dates as dates; the ratings, votes, meetings and decision
#     log sheets hold what `export json` and the commands below say; each
#     sheet's header row is frozen and has an autofilter over its rows;
#     under a Danish locale the sheet names and headers are Danish; a
#     register of awkward texts (white space at the ends, tabs, line
#     breaks, a carriage return, quotes, markup), decimals and dates
#     matches export csv cell by cell, with the bold header and the
#     column widths, and the export leaves nothing in TMPDIR.
#   - LibreOffice converts the XLSX back to CSV, sheet by sheet, with the
#     same values as `export csv`.
#   - export ods: content.xml, styles.xml, meta.xml and settings.xml
#     validate against the OASIS ODF 1.3 schema (jing); LibreOffice
#     converts the ODS to CSV with the same values as the XLSX, sheet by
#     sheet, and to XLSX, which openpyxl checks as above (values, types,
#     filters); settings.xml freezes each sheet's header row.
#   - export xlsx or ods, then import xlsx or ods into an empty register
#     (English and Danish): export csv of the two registers is the same
#     (ids, fields, burden, votes, priorities, decisions, solutions).
#   - SIGINT, SIGTERM, SIGHUP or SIGPIPE while a workbook is written leaves
#     no temporary file.
#   - the refusals: no -o, a name that is not .xlsx / .ods; nothing
#     written.
# A check is skipped (TAP "# SKIP") only when its tool is not installed.
. "$(dirname "$0")/lib.sh"

# PY (a python3 with openpyxl), SOFFICE and lo (lib.sh).
office_tools
# Every sheet to CSV (LibreOffice 7.2 and later: sheet -1), UTF-8 (76),
# comma (44), text in double quotes (34) where needed, as shown.
LO_CSV='csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'

test_expect_success 'set-up: a register with every kind of row' '
	styr init --org "Testkommune Syd" --title "Forsøg" &&
	styr area add VIS "Visitation" &&
	styr area add DOK "Dokumentation, sager" &&
	styr person add "Anne Agent" --role agent >/dev/null &&
	styr person add "Bo Leder" --role management >/dev/null &&
	styr add doc "Udredning & <VUM>" --area DOK \
		--desc "$(printf "Linje 1\nLinje 2, med \"citat\"")" --origin law >/dev/null &&
	styr add rule "Timer pr. uge" --area VIS --owner "Myndighed" >/dev/null &&
	styr add goal "Borgeren mestrer eget liv" >/dev/null &&
	styr burden D1 --minutes 30 --per-year 400 --staff 4 &&
	styr burden R1 --minutes 7.5 --per-year 12 --tariff 450.5 &&
	styr rate D1 too-tight --respondent "Anne Agent" --date 2026-01-05 &&
	styr rate D1 supportive --respondent P2 --date 2026-01-06 &&
	styr rate D1 too-loose --date 2026-01-07 &&
	styr rate R1 supportive --round followup --respondent P1 --date 2026-09-01 &&
	styr meeting add workshop "Prioriteringsworkshop" --date 2026-03-01 --phase 4 >/dev/null &&
	styr meeting add steering "Styregruppemøde" --date 2026-03-15 --phase 4 >/dev/null &&
	styr meeting attend M1 P1 P2 &&
	styr vote D1 remove --by "Anne Agent" --meeting M1 --date 2026-03-01 &&
	styr vote D1 change --by P2 --meeting M1 --date 2026-03-01 &&
	styr vote R1 change --count 3 --meeting M1 --date 2026-03-01 &&
	styr prioritise R1 change --why "Dobbelt registrering" --date 2026-03-02 &&
	styr decide R1 selected --why "Ja, i pilot" --date 2026-03-15 &&
	styr solution R1 --status pilot --criteria "Tid sparet" \
		--evaluate-by 2026-12-31 --date 2026-04-01 &&
	styr export csv -o items.csv && styr export json -o all.json
'

if [ -n "$PY" ]; then
	test_expect_success 'export xlsx: openpyxl reads every sheet, typed as it should be' '
		styr export xlsx -o r.xlsx 2>err &&
		test ! -s err &&
		"$PY" - r.xlsx items.csv all.json en <"$DATA/check_xlsx.py"
	'

	test_expect_success 'under a Danish locale: Danish sheet names, headers and words, as export csv writes them' '
		LC_ALL=da_DK.UTF-8 LANGUAGE=da styr export xlsx -o da.xlsx &&
		LC_ALL=da_DK.UTF-8 LANGUAGE=da styr export csv -o da.csv 2>/dev/null &&
		"$PY" - da.xlsx items.csv all.json da da.csv <"$DATA/check_xlsx.py"
	'

	test_expect_success 'an export replaces the file whole; a text too long for a cell is cut, said once' '
		styr add doc "Lang" --desc "$(perl -CS -e "print chr(0xF8) x 20000")" >/dev/null &&
		styr export xlsx -o r.xlsx 2>err &&
		test_grep "was cut" err && test $(wc -l <err) = 1 &&
		"$PY" -c "
import openpyxl, sys
ws = openpyxl.load_workbook(\"r.xlsx\")[\"Items\"]
rows = list(ws.iter_rows(values_only=True))
desc = rows[0].index(\"description\")
d = rows[-1][desc]
assert rows[-1][2] == \"Lang\" and len(d.encode()) <= 32767 and set(d) == {\"ø\"}, len(d)
" &&
		styr delete D2 >/dev/null 2>&1
	'

	# What the checks above do not look at: white space at either end of
	# a text, tabs, line breaks and a carriage return (Excel's _x000D_),
	# quotes and markup, decimals, empty fields, dates in every date
	# column, the bold header, the column widths; and no file of its own
	# anywhere but beside the workbook (TMPDIR stays empty).
	test_expect_success 'awkward values: every items cell as export csv has it, header and widths as before' '
		mkdir odd odd/tmp && (
			cd odd &&
			styr init --org "Kommune & Co <Øst>" >/dev/null 2>&1 &&
			styr add doc "Æblegrød på Åen – \"citat\" <b> & '\''enkelt'\''" \
				--desc "$(printf "  indrykket\tmed tab\nog linje  ")" --origin law >/dev/null &&
			styr add rule " Mellemrum først" --desc "$(printf "a\rb")" >/dev/null &&
			styr add goal "Tom" >/dev/null &&
			styr burden D1 --minutes 7.25 --per-year 0.5 --staff 3 &&
			styr burden R1 --minutes 12.5 --per-year 12 --tariff 450.55 &&
			styr decide D1 selected --why "ja" --date 1999-12-31 >/dev/null 2>&1 &&
			styr solution D1 --status pilot --criteria "Tid & kvalitet" \
				--evaluate-by 2026-02-28 --date 2026-01-31 >/dev/null &&
			styr export csv -o items.csv 2>/dev/null &&
			TMPDIR=$PWD/tmp styr export xlsx -o r.xlsx &&
			test -z "$(ls -A tmp)" && test -z "$(ls -A . | grep "\.xlsx\.")" &&
			"$PY" - <<-\EOF
			import csv, datetime, openpyxl
			wb = openpyxl.load_workbook("r.xlsx")
			ws = wb["Items"]
			want = list(csv.reader(open("items.csv", newline="", encoding="utf-8")))
			got = [list(r) for r in ws.iter_rows(values_only=True)]
			assert len(got) == len(want) == 4, (len(got), len(want))
			head = want[0]
			numbers = {"minutes", "per_year", "staff", "tariff", "votes_remove",
			           "votes_change", "votes_anchor"}
			dates = {"evaluate_by", "priority_date", "decision_date"}
			for r, (w, g) in enumerate(zip(want, got), start=1):
			    assert len(g) == len(head), g
			    for c, (name, s, v) in enumerate(zip(head, w, g), start=1):
			        cell = ws.cell(row=r, column=c)
			        where = "%s%d: %r vs %r" % (name, r, s, v)
			        if r == 1:
			            assert v == s and cell.font.b, where
			        elif s == "":
			            assert v is None, where
			        elif name in numbers:
			            assert type(v) in (int, float) and v == float(s), where
			        elif name in dates:
			            assert v == datetime.datetime.fromisoformat(s), where
			            assert cell.number_format == "yyyy-mm-dd", where
			        else:
			            # A carriage return: Excel writes _x000D_.
			            assert v == s.replace("\r", "_x000D_"), where
			assert got[1][3] == "  indrykket\tmed tab\nog linje  ", got[1]
			assert got[2][2] == " Mellemrum først" and got[1][10] == 7.25, got
			widths = {"A": 8, "B": 8, "C": 40, "D": 50, "E": 24, "K": 12}
			for col, w in widths.items():
			    # Excel keeps a width in whole pixels: 7 a digit, 5 of padding.
			    got_w = ws.column_dimensions[col].width
			    assert abs(got_w - (w + 0.7109375)) < 1e-9, (col, got_w)
			assert wb.properties.title == "Kommune & Co <Øst>", wb.properties.title
			log = [list(r) for r in wb.worksheets[4].iter_rows(values_only=True)]
			assert log[1][0] == datetime.datetime(1999, 12, 31), log
			EOF
		)
	'
else
	skip "python3-openpyxl is not installed"
	skip "python3-openpyxl is not installed"
	skip "python3-openpyxl is not installed"
	skip "python3-openpyxl is not installed"
fi

if [ -n "$SOFFICE" ]; then
	test_expect_success 'LibreOffice converts the XLSX back to CSV with the same values' '
		styr export csv -o items.csv &&
		styr export xlsx -o back.xlsx &&
		lo --convert-to "$LO_CSV" --outdir lo-xlsx back.xlsx &&
		test -s lo-xlsx/back-Items.csv &&
		python3 - items.csv lo-xlsx/back-Items.csv <<-\EOF
		import csv, sys
		a = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
		b = list(csv.reader(open(sys.argv[2], newline="", encoding="utf-8")))
		assert len(a) == len(b), (len(a), len(b))
		for ra, rb in zip(a, b):
		    assert ra == rb, (ra, rb)
		EOF
		ls lo-xlsx >sheets &&
		test_grep -c . sheets >n && test "$(cat n)" = 5 &&
		test_grep "2026-03-15" "lo-xlsx/back-Decision log.csv" &&
		test_grep "M1,2026-03-01,workshop,4,Prioriteringsworkshop,2,Anne Agent; Bo Leder" \
			lo-xlsx/back-Meetings.csv
	'
else
	skip "LibreOffice (soffice) is not installed"
fi

test_expect_success 'export ods: a package LibreOffice recognises, the same sheets' '
	styr export ods -o r.ods 2>err && test ! -s err &&
	# mimetype first, stored: the type in the first bytes.
	head -c 100 r.ods | grep -a -q "mimetypeapplication/vnd.oasis.opendocument.spreadsheet" &&
	part r.ods META-INF/manifest.xml | test_grep "settings.xml" &&
	part r.ods content.xml >content.xml &&
	part r.ods settings.xml >settings.xml &&
	python3 - content.xml settings.xml <<-\EOF
	import sys
	import xml.etree.ElementTree as ET
	T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
	O = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
	C = "{urn:oasis:names:tc:opendocument:xmlns:config:1.0}"
	root = ET.parse(sys.argv[1]).getroot()
	tables = root.iter(T + "table")
	names = [t.get(T + "name") for t in tables]
	assert names == ["Items", "Ratings", "Votes", "Meetings", "Decision log"], names
	items = next(root.iter(T + "table"))
	rows = list(items.iter(T + "table-row"))
	# D1: 30 minutes, a float; R1: evaluate by 2026-12-31, a date.
	cells = {}
	for r in rows[1:]:
	    cs = list(r.iter(T + "table-cell"))
	    cells[cs[0].findtext("{urn:oasis:names:tc:opendocument:xmlns:text:1.0}p")] = cs
	d1, r1 = cells["D1"], cells["R1"]
	assert d1[10].get(O + "value-type") == "float" and d1[10].get(O + "value") == "30"
	assert r1[10].get(O + "value") == "7.5"
	assert r1[23].get(O + "value-type") == "date" and r1[23].get(O + "date-value") == "2026-12-31"
	ranges = [d.get(T + "target-range-address") for d in root.iter(T + "database-range")]
	assert ranges[0] == "\x27Items\x27.A1:\x27Items\x27.AB%d" % len(rows), ranges
	assert len(ranges) == 5, ranges
	assert all(d.get(T + "display-filter-buttons") == "true" for d in root.iter(T + "database-range"))
	s = ET.parse(sys.argv[2]).getroot()
	frozen = {}
	for e in s.iter(C + "config-item-map-entry"):
	    items_ = {i.get(C + "name"): i.text for i in e.findall(C + "config-item")}
	    if e.get(C + "name"):
	        frozen[e.get(C + "name")] = (items_["VerticalSplitMode"], items_["VerticalSplitPosition"])
	assert frozen == {n: ("2", "1") for n in names}, frozen
	EOF
'

SCHEMA=$("$SRC_DIR/tests/odf-schema.sh" 2>/dev/null) || SCHEMA=
if have jing && [ -n "$SCHEMA" ]; then
	test_expect_success 'export ods: every XML part validates against the ODF 1.3 schema' '
		LC_ALL=da_DK.UTF-8 LANGUAGE=da styr export ods -o da.ods &&
		for f in r.ods da.ods; do
			for p in content styles meta settings; do
				part $f $p.xml >$p.xml &&
				jing -i -c "$SCHEMA" $p.xml >jing.out 2>jing.err ||
					{ echo "$f $p.xml:"; cat jing.out; exit 1; }
			done
		done
	'
else
	skip "jing or the ODF schema is not here"
fi

if [ -n "$SOFFICE" ] && [ -n "$PY" ]; then
	test_expect_success 'LibreOffice reads the ODS: the same sheets as the XLSX, typed, filtered' '
		styr export ods -o back.ods &&
		lo --convert-to "$LO_CSV" --outdir lo-ods back.ods &&
		for f in Items Ratings Votes Meetings "Decision log"; do
			test_cmp "lo-xlsx/back-$f.csv" "lo-ods/back-$f.csv" || exit 1
		done &&
		lo --convert-to xlsx --outdir lo-ods back.ods &&
		"$PY" - lo-ods/back.xlsx items.csv all.json en lo <"$DATA/check_xlsx.py"
	'
else
	skip "LibreOffice (soffice) or python3-openpyxl is not installed"
fi

test_expect_success 'export xlsx|ods, then import it into an empty register: the same items' '
	styr export csv -o want.csv 2>/dev/null &&
	for f in xlsx ods; do
		for l in C.UTF-8 da_DK.UTF-8; do
			rm -rf rt && mkdir rt &&
			LC_ALL=$l styr export $f -o rt/back.$f &&
			(
				cd rt &&
				styr init --org "Testkommune Syd" >/dev/null 2>&1 &&
				LC_ALL=$l styr import $f back.$f >/dev/null 2>&1 &&
				styr export csv -o got.csv 2>/dev/null
			) &&
			test_cmp want.csv rt/got.csv || { echo "$f under $l"; exit 1; }
		done
	done
'

# Ctrl-C, SIGTERM, a closed terminal or pipe while a workbook is written:
# its temporary file goes with the process (tempfile.h), as t0620 checks
# for the other exports.
test_expect_success 'an interrupted export xlsx|ods leaves no temporary file' '
	mkdir int && big_register 2000 int/styr.xml && cd int &&
	styr -q add doc "saved by styr, so trusted" &&
	for sig in INT TERM HUP PIPE; do
		perl "$SRC_DIR/tests/interrupt.pl" $sig "^out\.xlsx\.\w{6}\$" \
			"$STYR" -q export xlsx -o out.xlsx || exit 1
		perl "$SRC_DIR/tests/interrupt.pl" $sig "^out\.ods\.\w{6}\$" \
			"$STYR" -q export ods -o out.ods || exit 1
	done &&
	ls -A >left && test_grep -v -q "\.xlsx\.\|\.ods\." left
'

test_expect_success 'refused: no -o, -o -, a name that is not .xlsx or .ods; nothing written' '
	test_expect_code 2 styr export xlsx 2>err &&
	test_grep "o FILE.xlsx" err &&
	test_expect_code 2 styr export xlsx -o - 2>err &&
	test_expect_code 2 styr export xlsx -o r.csv 2>err &&
	test_grep "r.csv: an xlsx export is named .xlsx" err &&
	test ! -e r.csv &&
	mkdir dir.xlsx &&
	test_expect_code 1 styr export xlsx -o dir.xlsx 2>err &&
	test -d dir.xlsx && test -z "$(ls -A dir.xlsx)" &&
	test -z "$(ls -A . | grep "\.xlsx\.")" &&
	test_expect_code 2 styr export ods 2>err &&
	test_grep "o FILE.ods" err &&
	test_expect_code 2 styr export ods -o r.xlsx 2>err &&
	test_grep "r.xlsx: an ods export is named .ods" err &&
	test_expect_code 2 styr export xlsx -o r.ods 2>err &&
	mkdir dir.ods &&
	test_expect_code 1 styr export ods -o dir.ods 2>err &&
	test_grep "dir.ods is a folder" err &&
	test -d dir.ods && test -z "$(ls -A dir.ods)" &&
	test -z "$(ls -A . | grep "\.ods\.")"
'

test_done
