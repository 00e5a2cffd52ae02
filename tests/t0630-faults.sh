#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Faults (SPEC section 5): with tests/fault/inject.c preloaded, each write,
# fsync, close, rename, fwrite, fflush and fclose on a file
# fails in turn -- with ENOSPC (disk full), and the first of each also
# with EIO and EDQUOT -- while commands save the register, write a handout
# (libzip's zip_close) or export.  Every fault on what is being written
# must be reported, naming the file and the cause, with a non-zero exit,
# and leave the register and any existing output file untouched and no
# temporary file behind; a fault elsewhere (the lock's owner note, closing
# a file that was only read, syncing the directory after the rename) may
# let the command succeed, and then the change must be whole.
. "$(dirname "$0")/lib.sh"

SHIM=$(dirname "$STYR")/inject.so
if [ ! -f "$SHIM" ]; then
	echo "1..0 # SKIP no fault shim $SHIM (make $(dirname "$STYR")/inject.so)"
	exit 0
fi
# The shim is loaded before the sanitizer's runtime; tell it that is fine.
if [ -n "${SANITIZE_BUILD:-}" ]; then
	ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0"
	export ASAN_OPTIONS
fi

CALLS="write fsync close rename fwrite fflush fclose"

# One register with enough in it that a save takes several writes; base/
# is what each run starts from: the register and the outputs of an
# earlier handout and export.
test_expect_success 'setup: a register, a CSV, an old handout and export' '
	mkdir base empty &&
	cd base &&
	styr -q init --org "Odder Kommune" &&
	styr -q area add A "Bostøtte" &&
	i=1 &&
	while [ $i -le 40 ]; do
		styr -q add doc "Dokumentationskrav $i med en længere titel" \
			--desc "Beskrivelse $i: $(printf "%0200d" 0)" --area A \
			>/dev/null || exit 1
		i=$((i + 1))
	done &&
	styr -q meeting add workshop "Workshop" --date 2026-03-01 &&
	styr -q vote D1 remove --count 3 &&
	styr -q handout workshop -o out.odt &&
	styr -q export csv -o out.csv &&
	cd .. &&
	printf "kind,title\nrule,Importeret regel\ngoal,Importeret mål\n" \
		>items.csv
'

# fault FROM CALL N ERRNO CMD...: runs styr CMD in w/, a fresh copy of
# directory FROM, with the Nth CALL failing with ERRNO.  Sets $rc and
# $hit (the shim's log line: "CALL N PATH"; empty when nothing failed).
fault() {
	from=$1 call=$2 at=$3 err=$4
	shift 4
	rm -rf w && cp -R "$from" w &&
	rm -f fault.log &&
	rc=0 &&
	(cd w && env STYR_FAIL=$call STYR_FAIL_AT=$at STYR_FAIL_ERRNO=$err \
		STYR_FAIL_LOG="$TRASH/fault.log" LD_PRELOAD="$SHIM" \
		"$STYR" "$@" >../out 2>../err) || rc=$?
	hit=$(cat fault.log 2>/dev/null || true)
}

reason() {
	case $1 in
	ENOSPC) echo "No space left on device" ;;
	EIO) echo "Input/output error" ;;
	EDQUOT) echo "Disk quota exceeded" ;;
	esac
}

# Whether the fault in $hit could not touch what is being written: the
# lock's owner note, closing a file that was only read (the register, a
# template, a library's configuration), the directory synced after the
# rename.
harmless() {
	path=${hit#* * }
	case $path in
	*" (read-only)") return 0 ;;
	"$TRASH/w/styr.xml.lock" | "$TRASH/w/styr.xml.lock (deleted)") return 0 ;;
	"$TRASH/w/"* | [!/]*) ;;
	*) return 0 ;;
	esac
	return 1
}

# check FROM WHAT ERRNO CHANGED: after a run with a fault, what SPEC
# promises.  WHAT is the file the command writes (styr.xml, out.odt,
# out.csv, ...); CHANGED a shell test, run in w/, that the change is there.
check() {
	from=$1 what=$2 err=$3 changed=$4
	case $rc in
	0)
		harmless || {
			echo "'$hit' was not reported"
			cat err
			return 1
		}
		case $hit in
		fsync*"$TRASH/w (read-only)")
			test "$what" != styr.xml ||
				grep -q "could not be synced" err || {
					echo "'$hit': no warning"; return 1; } ;;
		esac
		(cd w && eval "$changed") || {
			echo "'$hit': exit 0 but the change is not there"
			return 1
		}
		if [ -e w/styr.xml ]; then
			"$STYR" -q -f w/styr.xml validate >/dev/null || return 1
		fi
		left=$( (ls -A "$from"; echo "$what") | sort -u >expect.ls &&
			ls -A w | sort | comm -13 expect.ls -)
		if [ -n "$left" ]; then
			echo "left behind after '$hit': $left"
			return 1
		fi
		;;
	1 | 3)
		grep -q "$(reason "$err")" err &&
		grep -q "$what" err || {
			echo "'$hit': the message does not name $what and the cause:"
			cat err
			return 1
		}
		diff -r "$from" w || {
			echo "'$hit': exit $rc, but the files are not as they were"
			return 1
		}
		;;
	*)
		echo "'$hit': exit $rc"
		cat err
		return 1
		;;
	esac
}

# every NAME FROM WHAT CHANGED CMD...: fails each call of each kind in
# turn, until a run passes with no fault left to inject; then the first
# of each kind again with EIO and EDQUOT.
every() {
	name=$1 from=$2 what=$3 changed=$4
	shift 4
	for call in $CALLS; do
		n=1
		while :; do
			fault $from $call $n ENOSPC "$@"
			if [ -z "$hit" ]; then
				test $rc = 0 || {
					echo "$call $n: exit $rc without a fault"
					cat err
					return 1
				}
				break
			fi
			echo "$name $rc $hit" >>faults.txt
			check $from "$what" ENOSPC "$changed" || return 1
			n=$((n + 1))
			test $n -lt 400 || return 1
		done
		for err in EIO EDQUOT; do
			fault $from $call 1 $err "$@"
			test -n "$hit" || continue
			echo "$name $rc $hit" >>faults.txt
			check $from "$what" $err "$changed" || return 1
		done
	done
}

test_expect_success 'init: every fault' '
	every init empty styr.xml "grep -q \"Ny kommune\" styr.xml" \
		init --org "Ny kommune"
'

test_expect_success 'add: every fault' '
	every add base styr.xml "grep -q \"<title>Ny ting</title>\" styr.xml" \
		add doc "Ny ting"
'

test_expect_success 'vote: every fault' '
	every vote base styr.xml "grep -q \"by=.Fejlfri.\" styr.xml" \
		--by Fejlfri vote D2 anchor --guest
'

test_expect_success 'edit: every fault' '
	every edit base styr.xml "grep -q \"<title>Nyt navn</title>\" styr.xml" \
		edit D3 --title "Nyt navn"
'

test_expect_success 'import csv: every fault' '
	every import base styr.xml "grep -q \"Importeret mål\" styr.xml" \
		import csv ../items.csv
'

test_expect_success 'meeting add: every fault' '
	every meeting base styr.xml "grep -q \"Fejlmøde\" styr.xml" \
		meeting add workshop "Fejlmøde" --date 2026-05-01
'

test_expect_success 'handout over an existing file (zip_close): every fault' '
	every handout base out.odt \
		"! cmp -s ../base/out.odt out.odt && unzip -tq out.odt" \
		handout workshop --force -o out.odt
'

test_expect_success 'handout to a new file: every fault' '
	every handout-new base new.odt "unzip -tq new.odt" \
		handout status -o new.odt
'

test_expect_success 'export csv over an existing file: every fault' '
	every export base out.csv "grep -q \"Ny\" out.csv || grep -q D1 out.csv" \
		export csv -o out.csv
'

# The other writers save through the same code: for each, the first write,
# fsync, close and rename of the save fail (the first call of each kind on
# the register's temporary file), with ENOSPC.  CHANGE is a grep pattern
# that the change leaves in the register.
writers() {
	cat <<-\EOF
	delete D4|<entry [^>]*action="delete"
	note D1 Citat --method interview|Citat
	rate D1 too-tight --respondent R --guest|respondent="R"
	burden D1 --minutes 5 --per-year 10|minutes="5"
	area add B Børn|Børn
	person add Anna --role agent|Anna
	prioritise D1 remove --why Fordi|Fordi
	decide D1 selected --why Valgt|Valgt
	phase start 2|action="phase"
	milestone done 1.1 --date 2026-01-02|done="2026-01-02"
	meeting add seminar Seminar --date 2026-02-01|Seminar
	EOF
}

test_expect_success 'every other writer: its save fails on each kind of call' '
	writers >writers.txt &&
	while IFS="|" read -r cmd change; do
		for call in write fsync close rename; do
			n=1
			while :; do
				eval "fault base $call $n ENOSPC $cmd" &&
				case $hit in
				*styr.xml.new* | rename*) break ;;
				"") echo "$cmd: no $call on the save"; exit 1 ;;
				esac
				n=$((n + 1))
				test $n -lt 50 || exit 1
			done
			echo "${cmd%% *} $rc $hit" >>faults.txt
			check base styr.xml ENOSPC "grep -q \"$change\" styr.xml" ||
				exit 1
			test $rc = 1 || { echo "$cmd: $call $n: exit $rc"; exit 1; }
		done
	done <writers.txt
'

test_expect_success 'a full disk while saving, as the user reads it' '
	fault base write 2 ENOSPC add doc "Ny ting" &&
	test $rc = 1 &&
	test_grep "styr.xml: cannot save: No space left on device; the register was not changed" err &&
	test_cmp base/styr.xml w/styr.xml
'

test_expect_success 'faults were injected in every kind of call' '
	for call in $CALLS; do
		grep -q "^[a-z-]* [0-9] $call " faults.txt ||
			{ echo "no $call fault"; exit 1; }
	done
'

if [ -f faults.txt ]; then
	echo "# $(wc -l <faults.txt) faults injected" \
		"($(cut -d" " -f3 faults.txt | sort | uniq -c | tr -s " " |
		    sed "s/^ //" | tr "\n" "," | sed "s/,$//; s/,/, /g")):" \
		"$(grep -c "^[a-z-]* [13] " faults.txt) reported with nothing" \
		"changed, $(grep -c "^[a-z-]* 0 " faults.txt) harmless" \
		"(a file only read, the lock note, the directory sync)"
fi

test_done
