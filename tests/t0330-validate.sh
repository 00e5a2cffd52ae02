#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# validate: a register that is not well-formed, valid and consistent is
# reported with file:line for each problem, and exit status 3.
. "$(dirname "$0")/lib.sh"

# Line of the first line of FILE matching PATTERN (grep -n).
line_of() { grep -n "$2" "$1" | head -n 1 | cut -d: -f1; }

test_expect_success 'a valid register: its name and item count, exit 0' '
	styr init --org "Odder Kommune" &&
	styr add goal "Et mål" >/dev/null &&
	styr add goal "Et andet mål" >/dev/null &&
	styr add doc "Et krav" >/dev/null &&
	styr validate >out &&
	echo "styr.xml: valid (3 items)" >expect &&
	test_cmp expect out &&
	styr -f styr.xml validate >out &&
	test_cmp expect out
'

test_expect_success 'an empty register is valid too' '
	styr -f empty.xml init --org X &&
	styr -f empty.xml validate >out &&
	test_grep "^empty.xml: valid (0 items)$" out &&
	styr -f empty.xml add goal "Det eneste" >/dev/null &&
	styr -f empty.xml validate >out &&
	test_grep "^empty.xml: valid (1 item)$" out
'

test_expect_success 'a syntax error: file and line, exit 3' '
	sed "s|<title>Et andet mål</title>|<title>Et andet mål</titel>|" \
		styr.xml >broken.xml &&
	n=$(line_of broken.xml "</titel>") &&
	test_expect_code 3 styr -f broken.xml validate >out 2>err &&
	test_grep "^styr: broken.xml:$n: not well-formed" err &&
	test ! -s out
'

test_expect_success 'a DOCTYPE is refused with its line, exit 3' '
	{
		echo "<?xml version=\"1.0\"?>" &&
		echo "<!DOCTYPE register [<!ENTITY x \"boom\">]>" &&
		sed 1d styr.xml
	} >doctype.xml &&
	test_expect_code 3 styr -f doctype.xml validate 2>err &&
	test_grep "^styr: doctype.xml:2: a DOCTYPE is not allowed" err
'

test_expect_success 'a schema violation (kind="widget"): its line, exit 3' '
	sed "s|kind=\"doc\"|kind=\"widget\"|" styr.xml >widget.xml &&
	n=$(line_of widget.xml "kind=\"widget\"") &&
	test_expect_code 3 styr -f widget.xml validate 2>err &&
	test_grep "^styr: widget.xml:$n: does not follow the register format" err &&
	test_grep "widget" err
'

# A hand-edited register: the problem in words a user can act on, not
# libxml2's ("Invalid attribute kind for element item").
test_expect_success 'schema problems are said plainly, in English and Danish' '
	test_expect_code 3 styr -f widget.xml validate 2>err &&
	test_grep "kind=\"widget\" is not allowed on <item>" err &&
	test_expect_code 3 env LC_ALL=da_DK.UTF-8 "$STYR" -f widget.xml \
		validate 2>err &&
	test_grep "følger ikke registerformatet: kind=\"widget\" er ikke tilladt på <item>" err &&
	perl -0pe "s|(<item [^>]*>\s*)<title>([^<]*)</title>|\$1<titel>\$2</titel>|" \
		styr.xml >titel.xml &&
	test_expect_code 3 styr -f titel.xml validate 2>err &&
	test_grep "<titel> does not belong here" err &&
	perl -0pe "s|(<item [^>]*>\s*)<title>[^<]*</title>|\$1|" styr.xml \
		>untitled.xml &&
	test_expect_code 3 styr -f untitled.xml validate 2>err &&
	test_grep "<item> lacks an element it must have" err
'

test_expect_success 'a duplicate id: the second one and its line, exit 3' '
	sed "s|id=\"G2\"|id=\"G1\"|" styr.xml >dup.xml &&
	n=$(grep -n "<item id=\"G1\"" dup.xml | tail -n 1 | cut -d: -f1) &&
	test_expect_code 3 styr -f dup.xml validate 2>err &&
	test_grep "^styr: dup.xml:$n: item id .G1. is used twice" err
'

test_expect_success 'every problem is listed, not just the first' '
	sed -e "s|kind=\"doc\"|kind=\"widget\"|" \
	    -e "s|kind=\"goal\"|kind=\"gaol\"|g" styr.xml >many.xml &&
	test_expect_code 3 styr -f many.xml validate 2>err &&
	test "$(grep -c "many.xml:[0-9]*:" err)" -ge 3
'

test_expect_success 'an id counter behind the ids: its line, exit 3' '
	sed "s|next-goal=\"3\"|next-goal=\"2\"|" styr.xml >counter.xml &&
	n=$(line_of counter.xml "<item id=\"G2\"") &&
	test_expect_code 3 styr -f counter.xml validate 2>err &&
	test_grep "^styr: counter.xml:$n: item .G2. is not below" err
'

test_expect_success 'a register that is not there: exit 3 naming it' '
	test_expect_code 3 styr -f none.xml validate 2>err &&
	test_grep "none.xml" err
'

test_expect_success 'validate changes nothing' '
	test_unchanged "" styr validate
'

test_expect_success 'extra arguments are a usage error' '
	test_expect_code 2 styr validate other.xml 2>err &&
	test_grep "other.xml" err
'

test_done
