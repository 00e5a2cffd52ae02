#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The fuzzers' seeds and every input that once crashed a fuzz target
# (tests/fuzz/corpus-NAME, tests/fuzz/regress-NAME), replayed through the
# command line as a user would meet them, so that the fixes stay fixed in
# the plain, sanitizer and valgrind runs, without clang:
#   register  styr validate, then styr add on a copy: a refused register
#             stays as it was, an accepted one stays valid
#   template  content.xml (up to a NUL byte; after it, the register that
#             fills it) as an unpacked template: handout --check and
#             handout
#   sheet     the first byte chooses xlsx (even) or ods (odd), the rest
#             is the sheet's XML, packed with the target's fixed parts and
#             imported into tests/fuzz/data.xml like csv
#   csv       styr import csv into tests/fuzz/data.xml: refused leaves the
#             register as it was, accepted leaves it valid
# No input may make styr exit with anything but 0, 1 or 3.
. "$(dirname "$0")/lib.sh"

FUZZ=$SRC_DIR/tests/fuzz

# ours RC: an exit status of styr's own (not a crash, not a sanitizer's).
ours() {
	case $1 in
	0 | 1 | 3) return 0 ;;
	*) echo "exit status $1" >&2; return 1 ;;
	esac
}

# imported_or_refused INPUT FORMAT FILE: styr import FORMAT FILE, into a
# copy of tests/fuzz/data.xml, exits with a status of its own; imported,
# the register is valid; refused, it is as it was.  Says which INPUT not.
imported_or_refused() {
	cp "$FUZZ/data.xml" styr.xml
	rc=0; styr -q import "$2" "$3" >/dev/null 2>err || rc=$?
	ours $rc || { echo "$1"; cat err; return 1; }
	if [ $rc = 0 ]; then
		styr validate >/dev/null ||
			{ echo "$1: invalid after the import"; return 1; }
	else
		cmp -s "$FUZZ/data.xml" styr.xml ||
			{ echo "$1: a refused import changed it"; return 1; }
	fi
}

inputs() {
	for d in "$FUZZ/corpus-$1" "$FUZZ/regress-$1"; do
		[ -d "$d" ] && ls "$d"/* 2>/dev/null
	done
}

# replay KIND CHECK: CHECK INPUT for every input of the fuzz target KIND,
# stopping at the first that fails; says how many there were, and there
# must be more than three (the seeds are there).
replay() {
	n=0
	for f in $(inputs "$1"); do
		n=$((n + 1))
		"$2" "$f" || return 1
	done
	echo "$n $1 inputs"
	test $n -gt 3
}

# register INPUT: styr validate, then styr add on a copy.
register() {
	cp "$1" reg.xml && cp "$1" reg.before
	rc=0; styr -f reg.xml validate >/dev/null 2>err || rc=$?
	ours $rc || { echo "$1: validate"; cat err; return 1; }
	rc2=0; styr -q -f reg.xml add doc "replayed" >/dev/null 2>err ||
		rc2=$?
	ours $rc2 || { echo "$1: add"; cat err; return 1; }
	if [ $rc = 0 ]; then
		test $rc2 = 0 && styr -f reg.xml validate >/dev/null ||
			{ echo "$1: no longer valid after add"; return 1; }
	else
		cmp -s reg.before reg.xml ||
			{ echo "$1: a refused register changed"; return 1; }
	fi
}

# template INPUT: content.xml and the register after a NUL byte, through
# handout --check and handout.
template() {
	rm -rf t && mkdir t &&
	printf "application/vnd.oasis.opendocument.text" >t/mimetype &&
	perl -0777 -ne 'my ($c, $r) = split /\0/, $_, 2;
		open my $o, ">", "t/content.xml" or die; print $o $c;
		open $o, ">", "data.xml" or die;
		print $o defined $r ? $r : q{};' "$1" || return 1
	if [ -s data.xml ] && styr -f data.xml validate >/dev/null 2>&1
	then cp data.xml styr.xml
	else cp "$FUZZ/data.xml" styr.xml
	fi
	rc=0; styr handout --check ./t >/dev/null 2>err || rc=$?
	ours $rc || { echo "$1: --check"; cat err; return 1; }
	rc=0; styr -q handout ./t --force -o out.odt >/dev/null 2>err ||
		rc=$?
	ours $rc || { echo "$1: handout"; cat err; return 1; }
	if [ $rc = 0 ]; then
		unzip -tq out.odt >/dev/null ||
			{ echo "$1: a broken handout"; return 1; }
	fi
}

# csv INPUT: imported as it is.
csv() {
	imported_or_refused "$1" csv "$1"
}

# sheet_format INPUT: xlsx if its first byte is even, ods if odd.
sheet_format() {
	case $(head -c 1 "$1" | od -An -tu1 | tr -d " ") in
	*[13579]) echo ods ;;
	*) echo xlsx ;;
	esac
}

# pack_sheet INPUT OUT: the fuzz target's package for INPUT (tests/fuzz/sheet.c).
pack_sheet() {
	ns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	tail -c +2 "$1" >sheet.part
	case $(sheet_format "$1") in
	ods) mkzip "$2" "mimetype=application/vnd.oasis.opendocument.spreadsheet" \
		"content.xml=@sheet.part" ;;
	*) mkzip "$2" "[Content_Types].xml=<Types/>" \
		"xl/workbook.xml=<workbook xmlns=\"$ns\" xmlns:r=\"$rel\"><sheets><sheet name=\"Ark1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>" \
		"xl/_rels/workbook.xml.rels=<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"$rel/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"$rel/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rId3\" Type=\"$rel/styles\" Target=\"styles.xml\"/></Relationships>" \
		"xl/sharedStrings.xml=<sst xmlns=\"$ns\"><si><t>kind</t></si><si><t>title</t></si><si><t>goal</t></si><si><r><t>M</t></r><r><t>ål</t></r></si><si><t>minutes</t></si><si><t>per_year</t></si></sst>" \
		"xl/styles.xml=<styleSheet xmlns=\"$ns\"><numFmts><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>" \
		"xl/worksheets/sheet1.xml=@sheet.part" ;;
	esac
}

# sheet INPUT: packed as xlsx or ods and imported.
sheet() {
	fmt=$(sheet_format "$1")
	pack_sheet "$1" in.$fmt && imported_or_refused "$1" $fmt in.$fmt
}

test_expect_success 'register inputs: refused cleanly or kept valid' '
	replay register register
'

test_expect_success 'template inputs: checked and rendered or refused' '
	replay template template
'

test_expect_success 'csv inputs: imported whole or refused cleanly' '
	replay csv csv
'

test_expect_success 'sheet inputs: imported whole or refused cleanly' '
	replay sheet sheet
'

test_done
