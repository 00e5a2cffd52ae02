#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The benchmark (`make bench`): styr's commands on registers of 1,000,
# 10,000 and 100,000 items, each timed as a whole process (start-up
# included) against references measured in the same run on the same files:
#
#   parse                 xmllint --noout REG (commands that only read a
#                         register styr saved: the load trusts it)
#   parse+write           xmllint REG > out.xml (commands that save)
#   parse+validate        xmllint --relaxng data/register.rng --noout REG
#   parse+validate+write  xmllint --relaxng data/register.rng REG > out.xml
#                         (the -copied rows: a plain copy of the register,
#                         which styr checks in full)
#   handout limit         xmllint --noout REG, plus zip -q -X of the
#                         handout's own content.xml (the two added up)
#   merge                 parse+validate of the three registers (3 times
#                         the first row); beside it git merge-file of the
#                         same three files
#   peers, if they install: Taskwarrior (task add, task list) on as many
#                         tasks; Carbone rendering the workshop table of
#                         the same items, ODT in and ODT out
#
# Each figure is the median of RUNS runs (9 up to 10,000 items, 5 above)
# after one warm-up, all jobs in turn in each round; memory is the peak
# RSS GNU time reports.  A command that changes the register starts each
# run from the same register as styr saved it (the preparation is not
# timed).  Prints a Markdown table
# and writes it, and a TSV file, to OUT (build/bench/results.*).
#
# Usage: bench/run.sh [SIZE...]     (default: 1000 10000 100000)
# Environment: STYR (the binary, default build/bench/styr), RUNS,
# NO_PEERS=1 to leave out Taskwarrior and Carbone.
set -euo pipefail

SRC=$(cd "$(dirname "$0")/.." && pwd)
STYR=${STYR:-$SRC/build/bench/styr}
RUNS=${RUNS:-}
WORK=${WORK:-$SRC/build/bench-data}
OUT=${OUT:-$SRC/build/bench/results}
SIZES=${*:-1000 10000 100000}
RNG=$SRC/data/register.rng
GEN="perl $SRC/bench/gen.pl"
export LC_ALL=C.UTF-8 STYR_USER=bench STYR_DATADIR=$SRC/templates
unset STYR_FILE STYR_TEMPLATES

say() { printf '%s\n' "$*" >&2; }

# --- tools -----------------------------------------------------------------

# Debian packages the benchmark needs; installed when missing and root.
need_pkgs() {
	local missing="" p
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
			grep -q 'ok installed' || missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	if [ "$(id -u)" != 0 ]; then
		say "bench: missing packages:$missing (run: sudo apt-get install$missing)"
		return 1
	fi
	say "bench: installing$missing"
	apt-get update -qq >/dev/null &&
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends $missing >/dev/null
}

need_pkgs time libxml2-utils zip unzip perl || exit 1
TIME=/usr/bin/time
[ -x "$STYR" ] || { say "bench: no binary at $STYR (run 'make bench')"; exit 1; }

# --- the registers -----------------------------------------------------------

# Makes $WORK/N/styr.xml with N items (kept between runs: the same N gives
# the same register).
make_register() {
	local n=$1 d=$WORK/$1
	if [ -s "$d/styr.xml" ] && [ "$(cat "$d/made-by" 2>/dev/null)" = \
		"$(cat "$SRC/bench/gen.pl" "$STYR" | cksum)" ]; then
		return 0
	fi
	say "bench: making a register of $n items"
	rm -rf "$d"
	mkdir -p "$d"
	(
		cd "$d"
		S() { "$STYR" -q "$@" >/dev/null; }
		S init --org "Aarhus Kommune" \
			--title "Meningsfuld styring på tværs af forvaltningerne"
		S area add VIS "Visitation"
		S area add DOK "Dokumentation og opfølgning"
		S area add HJP "Hjemmepleje"
		S area add BOS "Bostøtte efter § 85"
		S area add MYN "Myndighed"
		S area add SUN "Sundhed og omsorg"
		S area add BUF "Børn, unge og familie"
		S area add AEL "Ældre og rehabilitering"
		for p in "Marianne Sørensen:agent" "Torben Ægidius:staff" \
			"Lene Fagkonsulent:agent" "Søren Højgaard:management" \
			"Åse Nørgaard:med" "Mette Kjær:steering"; do
			S person add "${p%%:*}" --role "${p#*:}"
		done
		S meeting add workshop "Prioriteringsworkshop" --date 2017-11-08
		$GEN csv "$n" >items.csv
		S import csv items.csv
		# Notes, ratings and votes by person, as the commands write
		# them (one process per note would take hours at 100,000).
		$GEN fill "$n" <styr.xml >filled.xml
		mv filled.xml styr.xml
		S validate
		# styr's own save must give the same bytes but for what it adds.
		cp styr.xml before.xml
		S person add "Kirsten Bench" --role staff
		local changed
		changed=$(diff before.xml styr.xml | grep -c '^[<>]' || true)
		if [ "$changed" -gt 8 ]; then
			say "bench: the generated register is not in styr's own form:"
			diff before.xml styr.xml | head -20 >&2
			exit 1
		fi
		rm -f before.xml items.csv
	)
	cat "$SRC/bench/gen.pl" "$STYR" | cksum >"$d/made-by"
}

# --- timing -------------------------------------------------------------------

# job NAME PREP CMD: queues CMD (a shell command line, run in the size's
# directory) under NAME; PREP runs untimed before each run of it (a
# writer's fresh copy of the register; "" for nothing).
job() {
	JOB_NAME+=("$1")
	JOB_PREP+=("$2")
	JOB_CMD+=("$3")
}

# run_jobs DIR: runs every queued job RUNS times after a warm-up, round
# robin (one run of each in turn, so that styr and its references see the
# same load on a busy machine), and writes "NAME median_seconds peak_kb"
# lines to DIR/times.  Wall time from bash's clock (GNU time's has 10 ms
# steps), peak RSS from GNU time.
runs_for() {
	echo "${RUNS:-$(($1 > 10000 ? 5 : 9))}"
}

run_jobs() {
	local dir=$1 i j t0 t1 runs
	runs=$(runs_for "$(basename "$dir")")
	rm -rf "$dir/.samples" && mkdir "$dir/.samples"
	for ((i = 0; i <= runs; i++)); do
		say "bench: $(basename "$dir") items, run $i of $runs (0 is the warm-up)"
		for ((j = 0; j < ${#JOB_NAME[@]}; j++)); do
			[ -z "${JOB_PREP[j]}" ] || (cd "$dir" && eval "${JOB_PREP[j]}")
			t0=$EPOCHREALTIME
			(cd "$dir" && $TIME -f %M -o "$dir/.rss" sh -c "${JOB_CMD[j]}") ||
				{ say "bench: '${JOB_CMD[j]}' failed in $dir"; exit 1; }
			t1=$EPOCHREALTIME
			((i == 0)) && continue
			echo "$t0 $t1 $(tail -n 1 "$dir/.rss")" |
				awk '{printf "%.6f %s\n", $2 - $1, $3}' \
				>>"$dir/.samples/${JOB_NAME[j]}"
		done
	done
	: >"$dir/times"
	for ((j = 0; j < ${#JOB_NAME[@]}; j++)); do
		sort -g "$dir/.samples/${JOB_NAME[j]}" | awk -v name="${JOB_NAME[j]}" '
			{ s[NR] = $1; if ($2 > kb) kb = $2 }
			END { m = NR % 2 ? s[(NR + 1) / 2] : (s[NR / 2] + s[NR / 2 + 1]) / 2
			      print name, m, kb }' >>"$dir/times"
	done
	JOB_NAME=() JOB_PREP=() JOB_CMD=()
}

# Makes $WORK/N/import.{csv,xlsx,ods}: N items as a mapping spreadsheet
# holds them, the spreadsheets saved by LibreOffice from the CSV (when it
# is installed; else the import-xlsx and import-ods rows are left out).
make_imports() {
	local n=$1 d=$WORK/$1 f
	[ -s "$d/import.csv" ] || $GEN csv "$n" >"$d/import.csv"
	for f in xlsx ods; do
		[ -s "$d/import.$f" ] && continue
		command -v soffice >/dev/null || continue
		say "bench: LibreOffice saves the $n items as $f"
		timeout 900 soffice -env:UserInstallation="file://$d/lo-profile" \
			--headless --norestore --infilter=CSV:44,34,76,1 \
			--convert-to "$f" --outdir "$d" "$d/import.csv" \
			>/dev/null 2>&1 || say "bench: LibreOffice could not save $f"
	done
	rm -rf "$d/lo-profile"
}

# --- one size -----------------------------------------------------------------

bench_size() {
	local n=$1 d=$WORK/$1 last h
	make_register "$n"
	cp "$d/styr.xml" "$d/pristine.xml"
	# The last item: a look-up that walks the whole register.
	last=$(grep -o '<item id="[^"]*"' "$d/styr.xml" | tail -n 1 | cut -d'"' -f2)
	# P starts a run from the same register as styr saved it: a user's
	# register was last written by styr, so the load trusts it (trust.c).
	# C makes a plain copy, copied.xml, which every load checks in full;
	# it is a file of its own, so that styr.xml stays as styr saved it
	# for the jobs that follow (a copy over it would be checked in full
	# by every reader after it in the round).
	local S="exec $STYR" C="cp pristine.xml copied.xml"
	local P="cp pristine.xml styr.xml && $STYR -q person add 'Bench Forberedelse' --role staff >/dev/null"
	say "bench: $n items ($(du -m "$d/styr.xml" | cut -f1) MB), last item $last"
	JOB_NAME=() JOB_PREP=() JOB_CMD=()

	job ref:parse+validate "" \
		"exec xmllint --relaxng $RNG --noout styr.xml 2>/dev/null"
	job ref:parse+validate+write "" \
		"exec xmllint --relaxng $RNG styr.xml 2>/dev/null >out.xml"
	job ref:parse "" "exec xmllint --noout styr.xml"
	job ref:parse+write "" "exec xmllint styr.xml >out.xml"

	job add "$P" "$S -q add rule 'Udredning skal godkendes af to ledere før bevilling' --area VIS --origin administration >/dev/null"
	job vote "$P" "$S -q vote $last forandre --by 'Åse Nørgaard' --meeting M1"
	job note "$P" "$S -q note $last 'Vi bruger en time om ugen på skemaet, og borgeren mærker intet' --method interview"
	job list "" "$S list >out.txt"
	job add-copied "$C" "$S -q -f copied.xml add rule 'Udredning skal godkendes af to ledere før bevilling' --area VIS --origin administration >/dev/null"
	job list-copied "$C" "$S -f copied.xml list >out.txt"
	job list-json "" "$S list --format json >out.json"
	job show "" "$S show $last >out.txt"
	job tally "" "$S tally >out.txt"
	job summary "" "$S summary >out.txt"
	job export-json "" "$S export json -o out.json"
	job export-csv "" "$S export csv -o out.csv"
	# Import into an empty register (made by init, untimed): CSV, and the
	# same items from the spreadsheets LibreOffice saved.
	make_imports "$n"
	local E="rm -f imported.xml && $STYR -q -f imported.xml init --org Bench 2>/dev/null"
	for h in csv xlsx ods; do
		[ -s "$d/import.$h" ] || continue
		job "import-$h" "$E" "$S -q -f imported.xml import $h import.$h"
	done
	# The spreadsheet exports, held against export csv in the same run.
	job export-xlsx "" "$S export xlsx -o out.xlsx"
	job export-ods "" "$S export ods -o out.ods"
	for h in workshop styregruppe; do
		job "handout-$h" "" "$S -q handout $h -o $h.odt --force"
		# The handout's limit: a parse of the register (ref:parse)
		# and its own content.xml zipped.
		"$STYR" -q -f "$d/styr.xml" handout $h -o "$d/$h.odt" --force
		rm -rf "$d/$h.x" && mkdir "$d/$h.x"
		unzip -q "$d/$h.odt" content.xml -d "$d/$h.x"
		job "ref:zip-$h" "rm -f $h.x/c.zip" \
			"cd $h.x && exec zip -q -X c.zip content.xml"
	done
	# styr merge of two copies with a tenth of the items changed on each
	# side (1,000 at 10,000 items), beside git merge-file of the same
	# three files (which conflicts where both logs grew: it exits 1).
	perl "$SRC/bench/merge-side.pl" ours $((n / 10)) <"$d/pristine.xml" \
		>"$d/merge-ours.xml"
	perl "$SRC/bench/merge-side.pl" theirs $((n / 10)) <"$d/pristine.xml" \
		>"$d/merge-theirs.xml"
	cp "$d/pristine.xml" "$d/merge-base.xml"
	job merge "cp merge-ours.xml mo.xml" \
		"$S -q merge mo.xml merge-base.xml merge-theirs.xml"
	if command -v git >/dev/null; then
		job ref:merge-file "cp merge-ours.xml mg.xml" \
			"git merge-file -q mg.xml merge-base.xml merge-theirs.xml; test \$? -lt 128"
	fi
	[ -n "${NO_PEERS:-}" ] || peers "$n"
	(cd "$d" && eval "$P")
	run_jobs "$d"
	cp "$d/pristine.xml" "$d/styr.xml"
}

# --- peers --------------------------------------------------------------------

CACHE=$SRC/build/bench-cache
CARBONE_VERSION=3.8.2

# Taskwarrior and Carbone, installed here (never by the build); a peer that
# cannot be installed is left out of the table, with a message.
setup_peers() {
	HAVE_TASK= HAVE_CARBONE=
	[ -n "${NO_PEERS:-}" ] && return 0
	if need_pkgs taskwarrior && command -v task >/dev/null; then
		HAVE_TASK=1
	else
		say "bench: no Taskwarrior; its rows are left out"
	fi
	command -v npm >/dev/null || need_pkgs nodejs npm || true
	if [ ! -d "$CACHE/node_modules/carbone" ] && command -v npm >/dev/null; then
		mkdir -p "$CACHE"
		say "bench: npm install carbone@$CARBONE_VERSION (into $CACHE)"
		npm install --prefix "$CACHE" --no-audit --no-fund --silent \
			"carbone@$CARBONE_VERSION" >&2 || true
	fi
	if [ -d "$CACHE/node_modules/carbone" ]; then
		HAVE_CARBONE=1
		cp "$SRC/bench/carbone/render.js" "$CACHE/render.js"
		rm -f "$CACHE/workshop.odt"
		(cd "$SRC/bench/carbone/template" &&
			zip -q -X -0 "$CACHE/workshop.odt" mimetype &&
			zip -q -X -r "$CACHE/workshop.odt" META-INF content.xml)
	else
		say "bench: no Carbone; its rows are left out"
	fi
}

peers() {
	local n=$1 d=$WORK/$1
	if [ -n "$HAVE_TASK" ]; then
		# The same items as tasks, imported once; each run starts
		# from that copy, as styr's writers start from theirs.
		printf 'data.location=%s\nconfirmation=off\nnews.version=2.6.0\n' \
			"$d/task" >"$d/taskrc"
		if [ ! -s "$d/task.pristine/pending.data" ]; then
			rm -rf "$d/task.pristine" && mkdir -p "$d/task.pristine"
			$GEN tasks "$n" >"$d/tasks.json"
			TASKRC=$d/taskrc task rc.data.location="$d/task.pristine" \
				rc.verbose=nothing import "$d/tasks.json" >/dev/null
		fi
		local T="TASKRC=$d/taskrc exec task"
		local TP="rm -rf task && cp -r task.pristine task"
		job peer:task-add "$TP" \
			"$T add 'Udredning skal godkendes af to ledere før bevilling' project:VIS >/dev/null 2>&1"
		job peer:task-list "$TP" "$T list >out.txt 2>/dev/null"
	fi
	if [ -n "$HAVE_CARBONE" ]; then
		$GEN carbone "$n" >"$d/carbone.json"
		job peer:carbone-workshop "" \
			"exec node $CACHE/render.js $CACHE/workshop.odt carbone.json carbone.odt"
	fi
}

# --- main ---------------------------------------------------------------------

machine() {
	local ram
	ram=$(awk '/^MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)
	printf 'Machine: %s cores (`nproc`), %s, %s RAM; %s; libxml2 %s; %s.\n' \
		"$(nproc)" \
		"$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')" \
		"$ram" "$(uname -sr)" \
		"$(xmllint --version 2>&1 | head -n 1 | sed 's/.*version //')" \
		"$(date -u +%Y-%m-%d)"
	local n runs=""
	for n in $SIZES; do
		runs="$runs${runs:+, }$(runs_for "$n") at $n"
	done
	printf 'Each figure: the median of several runs after a warm-up (%s items), ' "$runs"
	printf 'whole processes, all commands in turn in each round; MB: peak RSS (GNU time). '
	printf 'Load average before the run: %s; after it: %s.\n' "$LOAD_BEFORE" \
		"$(cut -d' ' -f1-3 /proc/loadavg)"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

setup_peers
mkdir -p "$(dirname "$OUT")" "$WORK"
for n in $SIZES; do
	bench_size "$n"
done
{
	machine
	echo
	perl "$SRC/bench/report.pl" "$OUT.tsv" "$WORK" $SIZES
} >"$OUT.md"
cat "$OUT.md"
say "bench: wrote $OUT.md and $OUT.tsv"
