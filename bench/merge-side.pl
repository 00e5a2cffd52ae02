#!/usr/bin/perl
# SPDX-License-Identifier: GPL-3.0-or-later
#
# One side of the benchmark's merge (bench/run.sh): the register on stdin
# with CHANGES of its items changed, written as styr writes them, on
# stdout.  Side "ours" changes items 1, 11, 21, ... and side "theirs"
# items 6, 16, 26, ... (every tenth when CHANGES is a tenth of the items):
# a new title, and a field note with its log entry, so that the two sides
# never touch the same item and a three-way merge is clean.
#
#   merge-side.pl ours|theirs CHANGES < styr.xml > side.xml
use strict;
use warnings;

my ($side, $changes) = @ARGV;
my $offset = $side eq 'ours' ? 1 : 6;
my ($n, $id, $done, $when) = (0, undef, 0, '2026-12-01T10:00:00Z');
my @log;
while (my $line = <STDIN>) {
	if ($line =~ /^    <item id="([^"]+)"/) {
		$n++;
		$id = ($n % 10 == $offset % 10 && $done < $changes) ? $1 : undef;
		$done++ if defined $id;
	}
	if (defined $id && $line =~ m{^      <title>(.*)</title>$}) {
		$line = "      <title>$1 ($side)</title>\n";
		push @log, "    <entry when=\"$when\" by=\"bench\" action=\"edit\" ref=\"$id\">\n"
			. "      <what>title changed on the $side side</what>\n    </entry>\n";
	}
	if ($line =~ m{^  </log>$}) {
		print @log;
	} elsif ($line =~ m{^  <log/>$}) {
		$line = "  <log>\n" . join('', @log) . "  </log>\n";
	}
	print $line;
}
