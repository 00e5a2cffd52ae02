#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Handouts as real clients see them.  For our fixture templates and every
# built-in template present (da and en), on an empty and on a filled
# register:
#   (a) content.xml and styles.xml validate against the OASIS ODF 1.3
#       RelaxNG schema (jing), for the templates styr ships or we wrote;
#       LibreOffice-made templates carry extensions (loext:, officeooo:)
#       the strict schema refuses, so those are checked by converting only;
#   (b) LibreOffice converts each to text holding the expected titles and
#       figures;
#   (c) pandoc reads each;
#   (d) a handout with charts converts to PDF with the charts' text in it,
#       and to PNG (for a person to look at: tests/README would say how);
#   (e) no heading, and no intro paragraph before a table, can be left at
#       the foot of a page (fo:keep-with-next in its style), and a table
#       after a heading that may break repeats its header row;
#   (f) in the PDF, each heading's page shows the start of what it
#       introduces, on a register whose cards leave just too little room
#       for the last heading and its table (the mapping guide's "Nye fund").
# A check is skipped (TAP "# SKIP") only when its tool is not installed.
. "$(dirname "$0")/lib.sh"

SPLIT=$DATA/split-template

# PY, SOFFICE and lo (lib.sh); the conversions to PDF may take long.
office_tools
LO_TIMEOUT=600

test_expect_success 'set-up: an empty and a filled register' '
	mkdir empty filled &&
	(cd empty && styr init --org "Tom Kommune" --title "Ingenting") &&
	(
		cd filled &&
		styr init --org "Testkommune" --title "Forsøg" &&
		styr area add VIS "Visitation" &&
		styr area add DOK "Dokumentation" &&
		styr person add "Anne Agent" --role agent &&
		styr person add "Styregruppen" --role steering &&
		styr add doc "Udredning & <VUM>" --area DOK \
			--desc "$(printf "Linje 1\nLinje 2")" --origin law >/dev/null &&
		styr add rule "Timer pr. uge" --area VIS >/dev/null &&
		styr add goal "Borgeren mestrer eget liv" >/dev/null &&
		styr burden D1 --minutes 30 --per-year 400 --staff 4 &&
		styr burden R1 --minutes 15 --per-year 10 &&
		styr rate D1 too-tight && styr rate D1 too-tight &&
		styr rate R1 supportive --round followup &&
		styr note D1 "Det tager en hel dag" --by "Anne Agent" &&
		styr meeting add workshop "Prioriteringsworkshop" --date 2026-03-01 --phase 4 >/dev/null &&
		styr meeting attend M1 P1 P2 &&
		styr vote D1 remove --count 3 --meeting M1 &&
		styr vote R1 change --count 2 --meeting M1 &&
		styr prioritise D1 change --why "Lovkrav" 2>/dev/null &&
		styr prioritise R1 remove --why "Dobbelt" &&
		styr decide R1 selected --why "Ja" 2>/dev/null &&
		styr solution R1 --status idea --criteria "Tid sparet" &&
		styr milestone done 1.1 --date 2026-01-10
	)
'

# Every template to try: NAME:PATH[:lo] (lo: made by LibreOffice).
templates() {
	echo "split:$SPLIT"
	echo "resaved:$DATA/resaved.odt:lo"
	for dir in "$SRC_DIR"/templates/da/* "$SRC_DIR"/templates/en/*; do
		[ -f "$dir/content.xml" ] || continue
		l=$(basename "$(dirname "$dir")")
		echo "$(basename "$dir")-$l:$dir"
	done
}

test_expect_success 'every handout is made, on both registers' '
	mkdir out &&
	templates >list &&
	while IFS=: read -r name path lo; do
		for reg in empty filled; do
			lang=da && case $name in *-en) lang=en ;; esac &&
			(cd $reg && styr -q handout "$path" --lang $lang \
				-o "../out/$reg-$name.odt") || return 1
		done
	done <list &&
	test $(ls out | wc -l) -ge 4
'

if ! have jing; then
	skip "jing is not installed"
elif ! schema=$("$SRC_DIR/tests/odf-schema.sh"); then
	skip "the ODF 1.3 schema cannot be had (emacs-common)"
else
	test_expect_success '(a) content.xml and styles.xml follow the ODF 1.3 schema' '
		mkdir -p parts &&
		set -- &&
		while IFS=: read -r name path lo; do
			[ -z "$lo" ] || continue
			for reg in empty filled; do
				for p in content styles; do
					f=parts/$reg-$name-$p.xml &&
					part out/$reg-$name.odt $p.xml >$f &&
					set -- "$@" $f || return 1
				done
			done
		done <list &&
		test $# -ge 8 &&
		jing -i -c "$schema" "$@" >jing.out 2>jing.err;
		rc=$? &&
		cat jing.out &&
		test $rc = 0 && ! test -s jing.out
	'
fi

if [ -z "$SOFFICE" ]; then
	skip "LibreOffice is not installed"
	skip "LibreOffice is not installed"
else
	test_expect_success '(b) LibreOffice converts every handout to text' '
		lo --convert-to "txt:Text (encoded):UTF8" --outdir txt out/*.odt ||
			{ cat lo.log; return 1; } &&
		for f in out/*.odt; do
			t=txt/$(basename "$f" .odt).txt &&
			test -s "$t" || { echo "no text for $f"; return 1; }
			! grep "{{" "$t" || return 1
		done
	'

	test_expect_success '(b) the text holds the titles and figures expected' '
		t=txt/filled-split.txt &&
		test_grep "Testkommune: Forsøg" $t &&
		test_grep "^D1 Udredning & <VUM>: 200 timer om året$" $t &&
		test_grep "^R1 Timer pr. uge: 2,5 timer om året$" $t &&
		test_grep "^G1 Borgeren mestrer eget liv: ikke opgjort$" $t &&
		test_grep "Citat: Det tager en hel dag (Anne Agent)" $t &&
		test_grep "Uden område: 3 punkter i alt." $t &&
		test_grep "Testkommune: Forsøg" txt/filled-resaved.txt &&
		test_grep "Udredning & <VUM>" txt/filled-resaved.txt &&
		test_grep "Tom Kommune: Ingenting" txt/empty-split.txt &&
		! grep "Udredning" txt/empty-split.txt &&
		for t in txt/filled-*-da.txt txt/filled-*-en.txt; do
			[ -e "$t" ] || continue
			test_grep "Testkommune" $t || return 1
		done &&
		for t in txt/filled-workshop-da.txt txt/filled-workshop-en.txt \
			 txt/filled-kortlaegning-da.txt; do
			[ -e "$t" ] || continue
			test_grep "Udredning & <VUM>" $t &&
			test_grep "Timer pr. uge" $t || return 1
		done &&
		if [ -e txt/filled-workshop-da.txt ]; then
			test_grep "200" txt/filled-workshop-da.txt
		fi
	'
fi

if ! have pandoc; then
	skip "pandoc is not installed"
else
	test_expect_success '(c) pandoc reads every handout' '
		for f in out/*.odt; do
			pandoc -f odt -t plain "$f" >p.txt 2>p.err ||
				{ echo "pandoc: $f"; cat p.err; return 1; }
			! grep "{{" p.txt || return 1
		done &&
		pandoc -f odt -t plain out/filled-split.odt >p.txt &&
		test_grep "Udredning & <VUM>" p.txt &&
		test_grep "200 timer om året" p.txt
	'
fi

if [ -z "$SOFFICE" ] || ! have pdftotext || ! have pdftoppm; then
	skip "LibreOffice or poppler-utils is not installed"
else
	test_expect_success '(d) charts show in a PDF; a PNG for the eye' '
		f=out/filled-split.odt &&
		[ ! -e out/filled-styregruppe-da.odt ] || f=out/filled-styregruppe-da.odt &&
		lo --convert-to pdf --outdir pdf "$f" || { cat lo.log; return 1; } &&
		pdf=pdf/$(basename "$f" .odt).pdf &&
		pdftotext "$pdf" pdf.txt &&
		test_grep "Stemmer pr. punkt" pdf.txt &&
		test_grep "Forankre" pdf.txt &&
		test_grep "Timer pr. år pr. område" pdf.txt &&
		test_grep "I alt: 202,5 timer pr. år." pdf.txt &&
		pdftoppm -png -r 60 -f 1 -l 1 "$pdf" page &&
		test -s page-1.png || test -s page-01.png
	'
fi

# The built-in handouts (da and en), on both registers.
builtin() {
	while IFS=: read -r name path lo; do
		case $name in
		*-da | *-en) echo "out/empty-$name.odt out/filled-$name.odt" ;;
		esac
	done <list
}

test_expect_success '(e) headings and intro paragraphs keep with what follows' '
	set -- $(builtin) &&
	test $# -ge 4 &&
	python3 "$DATA/keep_styles.py" "$@"
'

if [ -z "$SOFFICE" ] || ! have pdftotext; then
	skip "LibreOffice or pdftotext is not installed"
else
	# Two items: two cards fill a page but for the room "Nye fund" and
	# its intro take, so its table must take them to the next page.
	test_expect_success '(f) in the PDF a heading is on the page its table starts on' '
		mkdir two keep &&
		(
			cd two &&
			styr init --org "Kort Kommune" --title "Eftersyn" &&
			styr area add VIS "Visitation" &&
			styr add doc "Dokumentationskrav et" --area VIS >/dev/null &&
			styr add doc "Dokumentationskrav to" --area VIS >/dev/null
		) &&
		while IFS=: read -r name path lo; do
			case $name in *-da) lang=da ;; *-en) lang=en ;; *) continue ;; esac
			(cd two && styr -q handout "$path" --lang $lang \
				-o "../keep/$name.odt") || return 1
		done <list &&
		test -e keep/kortlaegning-da.odt &&
		lo --convert-to pdf --outdir keep keep/*.odt || { cat lo.log; return 1; } &&
		for f in keep/*.odt; do
			python3 "$DATA/keep_check.py" "$f" "${f%.odt}.pdf" || return 1
		done
	'
fi

test_done
