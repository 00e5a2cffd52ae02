#!/usr/bin/perl
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The benchmark's table (bench/run.sh): reads the "NAME SECONDS PEAK_KB"
# lines run.sh measured for each size and writes a Markdown table to
# stdout and a TSV file, each styr figure as a ratio to its reference.
#
#   report.pl TSV_OUT WORKDIR SIZE...
use strict;
use warnings;

my ($tsv_out, $work, @sizes) = @ARGV;
die "usage: report.pl TSV WORKDIR SIZE...\n" unless $tsv_out && @sizes;

my %t; # $t{size}{name} = [seconds, kb]
for my $n (@sizes) {
	open my $f, '<', "$work/$n/times" or die "report.pl: $work/$n/times: $!\n";
	while (<$f>) {
		my ($name, $s, $kb) = split;
		$t{$n}{$name} = [$s, $kb];
	}
}

# The figure a command is held against: [reference, its name, target].
# A register styr saved itself is trusted (no schema check): held against
# xmllint's bare parse (and parse + write for a command that saves).  A
# plain copy (the -copied rows) is checked in full: held against xmllint
# with the schema.
my $pv = 'ref:parse+validate';
my $pvw = 'ref:parse+validate+write';
sub limit {
	my ($n, $cmd) = @_;
	my $r = $t{$n};
	return ($r->{$pvw}[0], 'parse+validate+write', 1.3)
		if $cmd eq 'add-copied';
	return ($r->{$pv}[0], 'parse+validate', 1.2) if $cmd eq 'list-copied';
	return ($r->{'ref:parse+write'}[0], 'parse+write', 1.2)
		if $cmd =~ /^(add|vote|note)$/;
	# A spreadsheet's import beside the CSV import of the same items
	# (issue 14: at most twice); the CSV import beside a parse and
	# write of the register, for scale.
	return ($r->{'import-csv'}[0], 'import-csv', 2)
		if $cmd =~ /^import-(xlsx|ods)$/ && $r->{'import-csv'};
	return ($r->{'ref:parse+write'}[0], 'parse+write', 3)
		if $cmd eq 'import-csv';
	# A spreadsheet export is held against export csv (issue 14: 2x).
	return ($r->{'export-csv'}[0], 'export csv', 2)
		if $cmd =~ /^export-(xlsx|ods)$/ && $r->{'export-csv'};
	# A merge reads three registers from strangers (no trust): held
	# against parse+validate of the three (issue 13: at most 3 times).
	return (3 * $r->{$pv}[0], '3 × parse+validate', 3) if $cmd eq 'merge';
	if ($cmd =~ /^handout-(.*)/) {
		return unless $r->{"ref:zip-$1"} && $r->{'ref:parse'};
		return ($r->{'ref:parse'}[0] + $r->{"ref:zip-$1"}[0],
			'parse + zip content.xml', 1.5);
	}
	return ($r->{'ref:parse'}[0], 'parse', 1.15);
}

my @cmds = qw(add vote note list list-json show tally summary export-json
	export-csv export-xlsx export-ods import-csv import-xlsx import-ods
	handout-workshop handout-styregruppe add-copied list-copied merge);
my ($base) = grep { $_ == 10000 } @sizes;
$base //= $sizes[-1];
my ($big) = grep { $_ > $base } @sizes;
my @fail;

sub fmt_s { return sprintf('%.3f', $_[0]); }
sub fmt_mb { return sprintf('%.0f', $_[0] / 1024); }
sub thousands { my $x = reverse $_[0]; $x =~ s/(\d{3})(?=\d)/$1,/g;
	return scalar reverse $x; }

open my $tsv, '>', $tsv_out or die "report.pl: $tsv_out: $!\n";
print $tsv join("\t", qw(items what seconds peak_rss_mb reference
	reference_seconds ratio target rss_ratio)), "\n";

my @head = ('command', 'reference');
push @head, thousands($_) . ' items: s (× ref)' for @sizes;
push @head, 'MB at ' . thousands($base) . ' (× xmllint)';
push @head, 'growth ' . thousands($big) . '/' . thousands($base) if $big;
push @head, 'target at ' . thousands($base);
print '| ', join(' | ', @head), " |\n";
print '|', join('|', map { '---' } @head), "|\n";

for my $cmd (@cmds) {
	my (@row, $refname, $target);
	for my $n (@sizes) {
		my $m = $t{$n}{$cmd} or next;
		my ($ref, $name, $tg) = limit($n, $cmd);
		($refname, $target) = ($name, $tg);
		my $ratio = $ref ? $m->[0] / $ref : 0;
		# A merge holds three registers: held against three xmllints.
		my $rss = $m->[1] / $t{$n}{$pv}[1] / ($cmd eq 'merge' ? 3 : 1);
		print $tsv join("\t", $n, $cmd, fmt_s($m->[0]), fmt_mb($m->[1]),
			$name, fmt_s($ref), sprintf('%.2f', $ratio), $tg,
			sprintf('%.2f', $rss)), "\n";
		push @row, sprintf('%s (%.2f×)', fmt_s($m->[0]), $ratio);
		if ($n == $base) {
			push @fail, sprintf("%s: %.2f× %s (target ≤ %s×)", $cmd, $ratio, $name, $tg)
				if $ratio > $tg;
			push @fail, sprintf("%s: peak RSS %.2f× xmllint's (target ≤ 2×)", $cmd, $rss)
				if $rss > 2;
		}
	}
	next unless @row;
	my $b = $t{$base}{$cmd};
	my @line = ("`$cmd`", $refname, @row,
		sprintf('%s (%.2f×)', fmt_mb($b->[1]), $b->[1] / $t{$base}{$pv}[1]));
	if ($big) {
		my $g = $t{$big}{$cmd}[0] / $b->[0];
		push @line, sprintf('%.1f×', $g);
		push @fail, sprintf("%s: grows %.1f× from %s to %s items (target ≤ 11×)", $cmd, $g, $base, $big)
			if $g > 11;
	}
	push @line, "≤ $target×";
	print '| ', join(' | ', @line), " |\n";
}

# The references themselves, and the peers.
my @refs = ([$pv, 'xmllint --relaxng --noout'],
	[$pvw, 'xmllint --relaxng > out.xml'],
	['ref:parse+write', 'xmllint > out.xml'],
	['ref:parse', 'xmllint --noout'],
	['ref:zip-workshop', 'zip -q -X workshop content.xml'],
	['ref:zip-styregruppe', 'zip -q -X styregruppe content.xml'],
	['ref:merge-file', 'git merge-file of the three registers (line merge)'],
	['peer:task-add', 'Taskwarrior task add'],
	['peer:task-list', 'Taskwarrior task list'],
	['peer:carbone-workshop', 'Carbone workshop table, ODT to ODT']);
for my $r (@refs) {
	my ($name, $what) = @$r;
	next unless $t{$base}{$name};
	my @line = ("*$what*", '');
	for my $n (@sizes) {
		my $m = $t{$n}{$name};
		push @line, $m ? fmt_s($m->[0]) : '';
		print $tsv join("\t", $n, $name, fmt_s($m->[0]), fmt_mb($m->[1]),
			'', '', '', '', sprintf('%.2f', $m->[1] / $t{$n}{$pv}[1])),
			"\n" if $m;
	}
	my $b = $t{$base}{$name};
	push @line, sprintf('%s (%.2f×)', fmt_mb($b->[1]), $b->[1] / $t{$base}{$pv}[1]);
	push @line, $t{$big}{$name} ? sprintf('%.1f×', $t{$big}{$name}[0] / $b->[0])
		: '' if $big;
	push @line, '';
	print '| ', join(' | ', @line), " |\n";
}
close $tsv or die "report.pl: $tsv_out: $!\n";

# The workshop handout's memory at the largest size: streamed, so within
# 1.5× of what parsing the register takes.
my $b = $t{$base};
print "\n";
if ($big && $t{$big}{'handout-workshop'} && $t{$big}{'ref:parse'}) {
	my $m = $t{$big}{'handout-workshop'}[1] / $t{$big}{'ref:parse'}[1];
	printf "- `handout-workshop` at %s items: peak %s MB, %.2f× " .
		"`xmllint --noout`'s %s MB (target ≤ 1.5×)\n", thousands($big),
		fmt_mb($t{$big}{'handout-workshop'}[1]), $m,
		fmt_mb($t{$big}{'ref:parse'}[1]);
	push @fail, sprintf('handout-workshop: peak RSS at %s items %.2f× ' .
		"xmllint --noout's (target ≤ 1.5×)", thousands($big), $m)
		if $m > 1.5;
}
# The targets that compare with peers, at the base size.
for my $p (['add', 'peer:task-add', 'Taskwarrior `task add`', 1],
	['list', 'peer:task-list', 'Taskwarrior `task list`', 1],
	['handout-workshop', 'peer:carbone-workshop', 'Carbone', 1.5]) {
	my ($cmd, $peer, $what, $times) = @$p;
	next unless $b->{$peer} && $b->{$cmd};
	my $f = $b->{$peer}[0] / $b->{$cmd}[0];
	printf "- `%s` at %s items: %.3f s, %s %.3f s: styr is %.2f× as fast " .
		"(target: %s)\n", $cmd, thousands($base), $b->{$cmd}[0], $what,
		$b->{$peer}[0], $f, $times > 1 ? "≥ ${times}×" : 'faster';
	push @fail, sprintf('%s: %.2f× as fast as %s (target %s)', $cmd, $f,
		$what, $times > 1 ? "≥ ${times}×" : '≥ 1×') if $f < $times;
}
print "\n", @fail ? "Targets not met:\n" . join('', map { "- $_\n" } @fail)
	: "All targets met.\n";
