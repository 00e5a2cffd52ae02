#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The steering-group memo's "Timer om året" cell holds the hours and, under
# them, the kroner: "720" then "324.000 kr.".  In a column too narrow for
# the amount it printed "720 / 324.000 / kr.", which a steering group may
# read as one figure.  The kroner now stay on one line (what a reader of
# the PDF sees, via LibreOffice and pdftotext).
. "$(dirname "$0")/lib.sh"

test_expect_success 'set-up: an item with 720 hours a year at 450 kr.' '
	styr -q init --org "Odder Kommune" --title "Forsøg" &&
	styr -q add doc "Fuld udredning efter Voksenudredningsmetoden" >/dev/null &&
	styr -q burden D1 --minutes 360 --per-year 120 --staff 6 --tariff 450 &&
	styr -q meeting add workshop "Workshop" --date 2026-03-01 --phase 4 >/dev/null &&
	styr -q vote D1 change --count 4 --meeting M1 &&
	styr -q prioritise D1 change
'

if have soffice && have pdftotext; then
	test_expect_success 'the kroner are printed whole, on one line, in Danish and English' '
		styr -q handout styregruppe -o s.pdf &&
		pdftotext -layout s.pdf - | tr -s " " >s.txt &&
		grep -x " *324\.000 kr\. *" s.txt &&
		! grep -x " *324\.000 *" s.txt &&
		styr -q handout styregruppe --lang en -o e.pdf &&
		pdftotext -layout e.pdf - | tr -s " " >e.txt &&
		grep -x " *324,000 kr *" e.txt
	'
else
	skip "LibreOffice (soffice) or pdftotext is not installed"
fi

test_done
