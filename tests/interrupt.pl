#!/usr/bin/perl
# SPDX-License-Identifier: GPL-3.0-or-later
#
# interrupt.pl SIGNAL PATTERN CMD...: runs CMD in the current directory and
# sends it SIGNAL (INT, TERM, HUP, PIPE) as soon as a file whose name
# matches PATTERN (a Perl regex: the command's temporary file) appears, up
# to 30 times, until 3 runs were interrupted while the file was there (for
# tests/t0620-crashes.sh: handouts, saves and export -o).  After each interrupted run no file may match
# PATTERN, and the run must have ended by the signal, as an interrupted
# program does.  Prints how many runs were interrupted; exits non-zero at
# a broken promise or when no run could be caught in time.
use strict;
use warnings;
use POSIX qw(:sys_wait_h :signal_h);
use Time::HiRes qw(sleep);

my ($signal, $pattern, @cmd) = @ARGV;
die "usage: interrupt.pl SIGNAL PATTERN CMD...\n" unless @cmd;
my $want = 3;
my $caught = 0;

sub matching {
	opendir my $d, "." or die "opendir: $!";
	my @f = grep { /$pattern/ } readdir $d;
	closedir $d;
	return @f;
}

for my $run (1 .. 30) {
	my $pid = fork // die "fork: $!";
	if (!$pid) {
		# A shell starting a job in the background (`make check &`,
		# nohup) leaves it SIGINT ignored, and styr rightly keeps
		# a signal ignored that it inherited so: give the command the
		# default, as an interactive shell would.
		$SIG{$signal} = 'DEFAULT';
		open STDOUT, ">", "/dev/null";
		open STDERR, ">", "/dev/null";
		exec @cmd or exit 127;
	}
	my ($sent, $status) = (0, undef);
	while (!defined $status) {
		if (matching()) {
			kill $signal, $pid;
			$sent = 1;
			waitpid $pid, 0;
			$status = $?;
			last;
		}
		$status = $? if waitpid($pid, WNOHANG) > 0;
		sleep 0.0002;
	}
	next unless $sent && WIFSIGNALED($status);
	$caught++;
	my @left = matching();
	if (@left) {
		print "not ok: run $run, interrupted by SIG$signal, left @left\n";
		exit 1;
	}
	last if $caught >= $want;
}
print "interrupted $caught runs with SIG$signal while the file was there\n";
exit($caught ? 0 : 1);
