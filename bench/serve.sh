#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The workshop server under load (`make bench`, after bench/run.sh): for
# registers of 1,000 and 10,000 items, 60 simulated phones
# (tests/web/serve_load.py, the JSON interface, 127.0.0.1 only) each join
# a named round on every item and vote 20 times at once.  Prints a
# Markdown table: votes answered, votes a second, the latency of an
# answered vote (p50, p99), beside the time of one `styr vote` process on
# the same register and the rate of repeated ones (20 in a row), measured
# in the same run.
#
# Usage: bench/serve.sh [SIZE...]     (default: 1000 10000)
# Environment: STYR (the binary, default build/bench/styr).
set -euo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)
STYR=${STYR:-$SRC/build/bench/styr}
SIZES=${*:-1000 10000}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/styr-bench-serve.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export STYR_DATADIR=$SRC/templates XDG_CACHE_HOME=$WORK/.cache \
	XDG_STATE_HOME=$WORK/.state STYR_USER=bench LC_ALL=C.UTF-8

echo "| items | votes answered | votes/s | p50 ms | p99 ms | one styr vote ms | styr vote/s | server ÷ CLI |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in $SIZES; do
	d=$WORK/$n
	mkdir -p "$d"
	(
		cd "$d"
		"$STYR" -q init --org Bench
		{ echo "kind,title"; for ((i = 1; i <= n; i++)); do echo "doc,Krav $i"; done; } >items.csv
		"$STYR" -q import csv items.csv
		for ((i = 1; i <= 61; i++)); do "$STYR" -q person add "Deltager $i" --role staff >/dev/null; done
		"$STYR" -q meeting add workshop W --date 2026-01-10 --phase 1 >/dev/null
		"$STYR" -q round open --votes 20
		"$STYR" serve --port 0 >urls 2>serve.err &
		pid=$!
		while ! grep -q '^Facilitator:' urls 2>/dev/null; do sleep 0.1; done
		p=$(sed -n 's/^Participants: //p' urls)
		hp=${p#http://}
		hp=${hp%%/*}
		python3 -S "$SRC/tests/web/serve_load.py" "$hp" "${p#*key=}" 60 20 "$n" >acked 2>figures
		kill "$pid"
		wait "$pid"
		# One styr vote, then 20 in a row, on the register the phones left.
		t0=$(date +%s.%N)
		"$STYR" -q vote D1 change --by "Deltager 61" --meeting M1
		t1=$(date +%s.%N)
		for ((i = 2; i <= 21; i++)); do "$STYR" -q vote "D$i" change --by "Deltager 61" --meeting M1; done
		t2=$(date +%s.%N)
		perl -e '
			my ($n, $t0, $t1, $t2) = @ARGV;
			open my $f, "<", "figures" or die;
			my $l = <$f>;
			my ($ok) = $l =~ /^(\d+) votes answered/;
			my ($vps) = $l =~ /([\d.]+) votes\/s/;
			my ($p50, $p99) = $l =~ /p50 (\d+) ms, p99 (\d+) ms/;
			my $one = ($t1 - $t0) * 1000;
			my $cli = 20 / ($t2 - $t1);
			printf "| %d | %d | %.0f | %d | %d | %.0f | %.1f | %.1f× |\n",
				$n, $ok, $vps, $p50, $p99, $one, $cli, $vps / $cli;
		' "$n" "$t0" "$t1" "$t2"
	)
done
