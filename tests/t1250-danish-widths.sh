#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Under a Danish locale the workbook's kind column holds labels ("Regel og
# proceskrav"), not keywords ("rule"): the column is wide enough for them,
# in xlsx and in ods alike.  Read from the package parts, no office suite
# needed.
. "$(dirname "$0")/lib.sh"

test_expect_success 'set-up: a rule' '
	styr -q init --org X &&
	styr -q add rule "Ugentligt timeantal" >/dev/null
'

if locale -a 2>/dev/null | grep -qi "^da_DK\.utf-\?8$"; then
	test_expect_success 'xlsx: the Danish kind column is 20 wide, the English one 8' '
		LC_ALL=da_DK.UTF-8 LANGUAGE=da styr export xlsx -o da.xlsx &&
		part da.xlsx xl/worksheets/sheet1.xml >da.xml &&
		test_grep "<col min=\"2\" max=\"2\" width=\"20\.[0-9]*\"" da.xml &&
		test_grep "<t>Regel og proceskrav</t>" da.xml &&
		LC_ALL=C styr export xlsx -o en.xlsx &&
		part en.xlsx xl/worksheets/sheet1.xml >en.xml &&
		test_grep "<col min=\"2\" max=\"2\" width=\"8\.[0-9]*\"" en.xml
	'

	test_expect_success 'ods: the Danish kind column takes the next width up (24), the English one 8' '
		LC_ALL=da_DK.UTF-8 LANGUAGE=da styr export ods -o da.ods &&
		LC_ALL=C styr export ods -o en.ods &&
		part da.ods content.xml | grep -o "<table:table-column [^>]*>" | sed -n 2p >da.col &&
		part en.ods content.xml | grep -o "<table:table-column [^>]*>" | sed -n 2p >en.col &&
		test_grep "table:style-name=\"co3\"" da.col &&
		test_grep "table:style-name=\"co1\"" en.col
	'
else
	skip "no da_DK.UTF-8 locale"
fi

test_done
