# SPDX-License-Identifier: GPL-3.0-or-later
# Test library for styr's shell tests, after git's t/test-lib.sh: each test
# file sources this, calls test_expect_success for each case, and ends with
# test_done.  Output is TAP, for prove.
#
# Every test file runs in its own empty directory (removed at exit), with
# $STYR the binary under test (default: the build tree's).  `styr` is a
# shell function calling it, so tests read like a user's commands.

set -u
TEST_DIR=$(cd "$(dirname "$0")" && pwd)
SRC_DIR=$(cd "$TEST_DIR/.." && pwd)
: "${STYR:=$SRC_DIR/build/styr}"
: "${STYR_LOCALEDIR:=$SRC_DIR/locale}"
export STYR_LOCALEDIR
export STYR_DATADIR="${STYR_DATADIR:-$SRC_DIR/templates}"
export LC_ALL=C.UTF-8 LANG=C.UTF-8 LANGUAGE=
export STYR_USER=tester TZ=UTC
unset STYR_FILE STYR_TEMPLATES

# The fixtures (templates, packages, the zip tools) the tests share.
DATA=$SRC_DIR/tests/data

test_count=0
test_failed=0
# The sandbox: in STYR_TEST_ROOT when set (make puts it in /dev/shm; see
# TEST_ROOT in the Makefile), else in TMPDIR.
TRASH=$(mktemp -d "${STYR_TEST_ROOT:-${TMPDIR:-/tmp}}/styr-test.XXXXXX")
# (serve_stop, below, stops a server a test file left running.)
trap 'serve_stop 2>/dev/null; cd /; rm -rf "$TRASH"' EXIT
cd "$TRASH" || exit 1
# styr records the registers it saved in the user's cache (trust.c): the
# tests' records stay in the sandbox, not in the home of whoever runs them.
export XDG_CACHE_HOME="$TRASH/.cache"
# ... and styr serve keeps its tokens in the user's state folder.
export XDG_STATE_HOME="$TRASH/.state"
unset STYR_NO_TRUST STYR_TRUST_TRACE

styr() { "$STYR" "$@"; }

say() { printf '# %s\n' "$*"; }

# test_expect_success TITLE BODY: runs BODY in a subshell-free eval; the test
# passes when BODY's last command (and every && before it) succeeds.
test_expect_success() {
	test_count=$((test_count + 1))
	if (eval "set -e; $2") >"$TRASH/.out" 2>&1; then
		echo "ok $test_count - $1"
	else
		test_failed=$((test_failed + 1))
		echo "not ok $test_count - $1"
		sed 's/^/#   /' "$TRASH/.out"
	fi
}

# have CMD: CMD is installed.
have() { command -v "$1" >/dev/null 2>&1; }

# skip REASON: a test not run here, for REASON (a tool is not installed),
# counted as one (TAP "# SKIP").
skip() {
	test_count=$((test_count + 1))
	echo "ok $test_count # SKIP $*"
}

# test_must_fail CMD...: CMD must exit non-zero, but not crash (signals,
# sanitizer reports exit with other codes than ours).
test_must_fail() {
	"$@"
	rc=$?
	case $rc in
	1|2|3) return 0 ;;
	0) echo "expected failure, got success: $*" >&2; return 1 ;;
	*) echo "unexpected exit code $rc: $*" >&2; return 1 ;;
	esac
}

# test_expect_code N CMD...: CMD must exit with status N.
test_expect_code() {
	want=$1
	shift
	"$@"
	rc=$?
	if [ "$rc" != "$want" ]; then
		echo "expected exit code $want, got $rc: $*" >&2
		return 1
	fi
}

# test_refused CODE PATTERN CMD...: CMD exits with status CODE, says on
# stderr (kept in err) what PATTERN matches (grep; an empty PATTERN checks
# the status only), and leaves the register, styr.xml, byte for byte as
# it was.
test_refused() {
	_code=$1 _pat=$2
	shift 2
	cp styr.xml refused.before &&
	test_expect_code "$_code" "$@" 2>err &&
	{ [ -z "$_pat" ] || test_grep -e "$_pat" err; } &&
	test_cmp refused.before styr.xml
}

# test_unchanged PATTERN CMD...: CMD succeeds, says what PATTERN matches on
# stderr (kept in err; an empty PATTERN checks nothing there) and leaves
# styr.xml as it was: a command that only reads, or one asked for what is
# so already, changes nothing.
test_unchanged() { test_refused 0 "$@"; }

# test_cmp EXPECTED ACTUAL: files must be equal; shows the diff otherwise.
test_cmp() { diff -u "$1" "$2"; }

# grep that shows what it searched when it fails.
test_grep() {
	if ! grep "$@"; then
		eval "file=\${$#}"
		echo "no match for '$*' in:" >&2
		cat "$file" >&2
		return 1
	fi
}

# item_append_xml ID XML [FILE]: appends raw XML at the end of item ID in
# the register (default styr.xml), for giving an item parts that other
# commands make (votes, a priority, a decision) without depending on them.
item_append_xml() {
	ID="$1" XML="$2" perl -0pi -e \
		's{(<item id="\Q$ENV{ID}\E"[^>]*>.*?)(\n *</item>)}{$1$ENV{XML}$2}s' \
		"${3:-styr.xml}"
}

# import_refused REGISTER PATTERN ARG...: styr import ARG..., into a copy
# of REGISTER, is refused (exit 1) with a message matching PATTERN (an
# ERE) and "nothing was imported", and the register is as it was.
import_refused() {
	_reg=$1 _pat=$2
	shift 2
	cp "$_reg" styr.xml &&
	test_expect_code 1 styr import "$@" 2>err &&
	test_grep -E "$_pat" err &&
	test_grep "nothing was imported" err &&
	test_cmp "$_reg" styr.xml
}

# valid [FILE...]: FILE (default styr.xml) follows the register schema,
# checked by xmllint rather than by styr itself.
valid() {
	[ $# -gt 0 ] || set -- styr.xml
	xmllint --noout --relaxng "$SRC_DIR/data/register.rng" "$@"
}

# conflicted: "styr merge ours.xml base.xml theirs.xml" exits 1 saying
# it recorded conflicts, and ours.xml still follows the schema and the
# register's own rules.
conflicted() {
	test_expect_code 1 styr merge ours.xml base.xml theirs.xml 2>err &&
	test_grep "conflict" err &&
	valid ours.xml &&
	styr -f ours.xml validate
}

# crlf LINE...: each LINE ended by CRLF, as spreadsheets write CSV.
crlf() { printf '%s\r\n' "$@"; }

# part FILE NAME: the part NAME of the package (zip) FILE on stdout.
part() { perl "$DATA/unzip.pl" "$1" "$2"; }

# mkzip OUT ENTRY...: a zip made entry by entry (see tests/data/mkzip.pl).
mkzip() { perl "$DATA/mkzip.pl" "$@"; }

# The long runs, after git's EXPENSIVE tests (GIT_TEST_LONG): the
# reliability tests repeat what they prove (kills, writers, rounds) many
# times.  `make check` runs them at a quick count that still meets every
# assertion; STYR_TEST_LONG=1 (`make check-all`, CI) at the full count the
# README's figures come from.  test_long QUICK FULL prints the count to
# use; test_is_long says whether this is the long run.
test_is_long() {
	case ${STYR_TEST_LONG:-} in
	"" | 0 | no | false) return 1 ;;
	*) return 0 ;;
	esac
}
test_long() {
	if test_is_long; then echo "$2"; else echo "$1"; fi
}

test_done() {
	echo "1..$test_count"
	[ "$test_failed" = 0 ]
}

# big_register N [FILE]: a valid register (default styr.xml) with N doc
# items D1..DN, written directly rather than by N commands, for tests at
# scale.  The items carry the usual text, with Danish letters.
big_register() {
	rm -f "${2:-styr.xml}" &&
	"$STYR" -q -f "${2:-styr.xml}" init --org "Odder Kommune" &&
	awk -v n="$1" '
	/<items .*\/>/ {
		sub(/next-doc="1"\/>/, "next-doc=\"" n + 1 "\">")
		print
		for (i = 1; i <= n; i++)
			printf "    <item id=\"D%d\" kind=\"doc\"><title>" \
			       "Dokumentationskrav nummer %d om bostøtte" \
			       "</title><description>Beskrivelse af kravet, " \
			       "med æøå og lidt mere tekst end titlen." \
			       "</description></item>\n", i, i
		print "  </items>"
		next
	}
	{ print }' "${2:-styr.xml}" >"${2:-styr.xml}.tmp" &&
	mv "${2:-styr.xml}.tmp" "${2:-styr.xml}"
}

# serve_start [ARG...]: starts `styr serve --port 0 ARG...` in the
# background (its addresses in urls, its stderr added to serve.err) and
# waits, up to 10 s, for it to print them.  It sets SERVE_PID and, from
# the addresses: P, S and F (the participants', the projector's and the
# facilitator's), BASE (http://HOST:PORT), HOSTPORT (HOST:PORT) and PTOK,
# STOK, FTOK (their keys).  When the server exits or prints no addresses
# it says so, with serve.err, and returns 1.
SERVE_PID=
serve_start() {
	rm -f urls
	"$STYR" serve --port 0 "$@" >urls 2>>serve.err &
	SERVE_PID=$!
	_i=0
	while ! grep -q '^Facilitator:' urls 2>/dev/null; do
		if ! kill -0 "$SERVE_PID" 2>/dev/null; then
			say "styr serve $* exited before it printed its addresses:"
			sed 's/^/#   /' serve.err
			wait "$SERVE_PID"
			SERVE_PID=
			return 1
		fi
		_i=$((_i + 1))
		if [ $_i -ge 100 ]; then
			say "styr serve $* printed no addresses in 10 s:"
			sed 's/^/#   /' urls serve.err
			return 1
		fi
		sleep 0.1
	done
	P=$(sed -n 's/^Participants: //p' urls)
	S=$(sed -n 's/^Projector: //p' urls)
	F=$(sed -n 's/^Facilitator: //p' urls)
	BASE=${P%%/vote*}
	HOSTPORT=${BASE#http://}
	PTOK=${P#*key=}
	STOK=${S#*key=}
	FTOK=${F#*key=}
}

# serve_stop: stops the server serve_start started (SIGTERM) and adds its
# exit status to server.rc (under ASan a leak makes it 86).  Nothing when
# none runs; the EXIT trap above calls it too.
serve_stop() {
	if [ -n "$SERVE_PID" ]; then
		kill "$SERVE_PID"
		wait "$SERVE_PID"
		echo $? >>server.rc
	fi
	SERVE_PID=
}

# office_tools: the real clients of the spreadsheet and document tests.
# Sets PY, a python3 that has openpyxl (Debian's python3-openpyxl: a
# python3 from elsewhere, pyenv, may not have it), and SOFFICE,
# LibreOffice; each empty when it is not installed, for the test file to
# skip what needs it.  lo ARG... runs LibreOffice headless, with a profile
# of its own (so that no running instance, or another test, takes the
# conversion over), its output in lo.log, for at most LO_TIMEOUT seconds
# (default 300); it fails, saying so, when there is no LibreOffice.
office_tools() {
	PY=
	for _p in python3 /usr/bin/python3; do
		if have "$_p" && "$_p" -c 'import openpyxl' 2>/dev/null; then
			PY=$_p
			break
		fi
	done
	SOFFICE=
	for _s in soffice libreoffice; do
		have "$_s" && SOFFICE=$_s && break
	done
}
# workbook SHEET: runs the Python on stdin, with openpyxl (PY), datetime,
# a new workbook wb and its first sheet ws, named SHEET; the Python saves
# the workbook (wb.save(NAME)), as often as it likes.
workbook() {
	if [ -z "${PY:-}" ]; then
		echo "workbook: no python3 with openpyxl: office_tools found none" >&2
		return 1
	fi
	"$PY" -c 'import sys, datetime, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = sys.argv[1]
exec(compile(sys.stdin.read(), "workbook", "exec"))' "$1"
}
lo() {
	if [ -z "${SOFFICE:-}" ]; then
		echo "lo: no LibreOffice (soffice): office_tools found none" >&2
		return 1
	fi
	timeout "${LO_TIMEOUT:-300}" "$SOFFICE" \
		-env:UserInstallation="file://$TRASH/lo-profile" \
		--headless --norestore "$@" >lo.log 2>&1
}
