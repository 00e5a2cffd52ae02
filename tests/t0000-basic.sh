#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The command line itself: help, version, unknown commands, exit codes.
. "$(dirname "$0")/lib.sh"

# The commands, as `styr --help` lists them under "Commands:" (a line
# "  NAME   what it does" each, up to the blank line): every test below
# covers a new command without being told about it.
styr --help | sed -n '/^Commands:$/,/^$/s/^  \([a-z][a-z-]*\)  .*/\1/p' \
	>"$TRASH/commands"

test_expect_success 'help lists the commands' '
	styr --help >out &&
	test_grep "^  init " out &&
	test_grep "^  handout " out
'

test_expect_success 'help lists the commands under "Commands:"' '
	test "$(wc -l <commands)" -gt 20 &&
	test_grep -x init commands &&
	test_grep -x log commands
'

test_expect_success 'each command is one line under "Commands:", none wrapped' '
	styr --help | sed -n "/^Commands:$/,/^$/p" | sed "1d;\$d" >lines &&
	! grep -v "^  [a-z][a-z-]*  " lines
'

test_expect_success 'the summaries name what export, import and handout do now' '
	styr --help >out &&
	test_grep "^  export .*CSV, JSON, XLSX, ODS or survey questions" out &&
	test_grep "^  import .*(CSV, XLSX, ODS), a register (JSON) or survey answers" out &&
	test_grep "^  handout .*ODT, PDF or HTML (status)" out &&
	test_grep "^  area .*rename or remove" out
'

test_expect_success 'every command has its own --help naming it' '
	while read c; do
		styr $c --help >out || exit 1
		grep -q "styr $c" out || { echo "no styr $c in help"; exit 1; }
	done <commands
'

test_expect_success 'the man page documents every command' '
	while read c; do
		grep -q "^\.It Ic $c\b" "$SRC_DIR/styr.1" ||
			{ echo "styr.1 lacks $c"; exit 1; }
	done <commands
'

test_expect_success 'version' '
	styr --version >out && test_grep "^styr [0-9]" out
'

test_expect_success 'unknown command is a usage error (2)' '
	test_expect_code 2 styr frobnicate 2>err &&
	test_grep "frobnicate" err
'

test_expect_success 'a Danish word for a command is answered with the command' '
	for w in "tilføj add" "TILFØJ add" "tilfoej add" "noter note" \
		"kopi copy" "flet merge" "vis-alle list" "optael tally" \
		"$(printf "omra\314\212de") area" "eksportér export"; do
		set -- $w
		test_expect_code 2 styr "$1" 2>err &&
		grep -q "^styr: .$1. is not a styr command; did you mean .styr $2.? (styr.s commands are in English)$" err ||
			{ cat err; exit 1; }
	done
'

test_expect_success 'a misspelt command is offered the nearest one' '
	test_expect_code 2 styr lsit 2>err &&
	test_grep "did you mean .styr list.?$" err &&
	! grep -q "in English" err &&
	test_expect_code 2 styr frobnicate 2>err &&
	! grep -q "did you mean" err
'

test_expect_success 'no command is a usage error' '
	test_expect_code 2 styr 2>err
'

test_expect_success 'unknown option is a usage error' '
	test_expect_code 2 styr list --no-such-option 2>err
'

test_expect_success 'missing register is exit 3 naming the file' '
	test_expect_code 3 styr list 2>err &&
	test_grep "styr.xml" err
'

# SPEC §7: one meaning per exit status; a bad --format value is a bad
# command line in every command that has the option.
test_expect_success 'an unknown --format is a usage error (2) in every command' '
	styr init --org "Odder Kommune" 2>/dev/null &&
	styr add goal "Ventetid" >/dev/null &&
	for c in "list" "area list" "person list" "show 1" "log" "summary" \
		"tally" "milestone list" "meeting list"; do
		test_expect_code 2 styr $c --format xml 2>err ||
			{ echo "styr $c: not 2"; exit 1; }
		grep -q "unknown format .xml." err ||
			{ echo "styr $c: no message"; exit 1; }
	done
'

test_expect_success 'the modules include each other in layers, with no cycle' '
	python3 "$TEST_DIR/layers.py" "$SRC_DIR"
'

test_done
