#!/usr/bin/perl
# SPDX-License-Identifier: GPL-3.0-or-later
#
# kill-during-save.pl KILLS REGISTER CSV: runs styr ($STYR) writers on
# REGISTER and kills each with SIGKILL at a random moment of its save,
# until KILLS runs were killed alive; after each kill it checks what SPEC
# section 5 promises (for tests/t0620-crashes.sh):
#
#   - the register parses and validates (styr validate);
#   - it holds the old state (the very same bytes) or the new one (exactly
#     one more change-log entry, and the change there);
#   - the only files left beside it are REGISTER.new and REGISTER.lock
#     (fixed names, so nothing piles up);
#   - a lock left by the killed process is taken over by the next writer
#     at once (checked every fifth kill, with a timeout of one second).
#
# The writers take turns: add (a small change on a big register), vote,
# and import of CSV (a hundred items).  A first pass without kills times
# when each writer starts writing REGISTER.new and when it ends.  Three
# kills in four then land at a random moment after REGISTER.new appeared
# (writing, fsync, rename, syncing the directory), the others at a random
# moment of the whole run.
# Prints a summary; exits non-zero at the first broken promise.
use strict;
use warnings;
use Time::HiRes qw(time sleep);
use POSIX ":sys_wait_h";
use File::Basename;
use File::Copy;

my ($want, $reg, $csv) = @ARGV;
my $styr = $ENV{STYR} or die "STYR is not set\n";
my $dir = dirname($reg);
srand($ENV{KILL_SEED} // 20260301);

sub slurp { local (@ARGV, $/) = @_; return <>; }
sub entries { my $n = () = $_[0] =~ /<entry /g; return $n; }
sub fail { print "not ok: @_\n"; exit 1; }

my @writers = (
	sub { my $n = shift; ("add", "doc", "kill test $n") },
	sub { my $n = shift; ("--by", "voter$n", "vote", "D" . (1 + $n % 1000), "change",
		      "--guest") },
	sub { ("import", "csv", $csv) },
);
my @marks = (
	sub { my $n = shift; qr{<title>kill test $n</title>} },
	sub { my $n = shift; qr{by="voter$n"} },
	sub { qr{imported 100 items} },
);

# Runs writer W (run N) and kills it DELAY seconds after it started, or
# with AFTER_NEW set, DELAY seconds after REGISTER.new appeared (undef:
# never).  Returns (killed alive?, seconds until REGISTER.new appeared,
# seconds until it ended, .new there at the kill).
sub run {
	my ($w, $n, $delay, $after_new) = @_;
	my $t0 = time;
	my $pid = fork // die "fork: $!";
	if (!$pid) {
		open STDOUT, ">", "/dev/null";
		open STDERR, ">", "/dev/null";
		exec $styr, "-q", "-f", $reg, $writers[$w]->($n);
		exit 127;
	}
	my ($seen_new, $new_at);
	while (1) {
		my $now = time - $t0;
		if (!defined $new_at && -e "$reg.new") {
			$new_at = $now;
			$seen_new = 1;
		}
		if (defined $delay && $now >= $delay +
		    ($after_new ? $new_at // 1e9 : 0)) {
			my $gone = waitpid($pid, WNOHANG) == $pid;
			return (0, $new_at, $now, $seen_new) if $gone;
			my $during = -e "$reg.new";
			kill "KILL", $pid;
			waitpid($pid, 0);
			return (1, $new_at, $now, $during);
		}
		if (waitpid($pid, WNOHANG) == $pid) {
			fail("writer $w ended with status $?") if $? && !defined $delay;
			return (0, $new_at, time - $t0, $seen_new);
		}
		sleep 0.0002;
	}
}

# Timing pass: how long loading and saving take for each writer (the
# quickest load and the slowest end of three runs that saw REGISTER.new).
# On a loaded machine this poller may not run at all while a quick save
# writes and renames REGISTER.new: such a run is timed again, up to ten
# runs; a writer whose REGISTER.new is never seen in ten is a failure.
my (@load, @end);
for my $w (0 .. $#writers) {
	my $seen = 0;
	for my $i (1 .. 10) {
		my ($killed, $new_at, $end) = run($w, "calibrate$w$i", undef);
		$end[$w] = $end if !defined $end[$w] || $end > $end[$w];
		next unless defined $new_at;
		$load[$w] = $new_at if !defined $load[$w] || $new_at < $load[$w];
		last if ++$seen == 3;
	}
	fail("writer $w: $reg.new never seen in ten runs") unless $seen;
}

my %stats = (kills => 0, attempts => 0, during_write => 0, old => 0,
	     new => 0, stale_locks => 0, taken_over => 0);
my $before = slurp($reg);
my $n = 0;
while ($stats{kills} < $want) {
	# A run that ends before its kill is no broken promise, only a miss;
	# under a load that changes after the timing pass misses are many.
	fail("too many attempts") if ++$stats{attempts} > 10 * $want;
	my $w = $n % @writers;
	# Three kills in four land in the save proper, after REGISTER.new
	# appeared; the fourth anywhere in the run (loading under the lock).
	my $after_new = $n % 4 != 0;
	my $delay = rand($after_new ? $end[$w] - $load[$w] : $end[$w]);
	my ($killed, undef, undef, $during) = run($w, $n, $delay, $after_new);
	$n++;
	$stats{kills}++ if $killed;
	$stats{during_write}++ if $killed && $during;

	# Nothing but the fixed names may be left.
	opendir(my $dh, $dir) or die;
	my $base = basename($reg);
	for my $f (readdir $dh) {
		next if $f !~ /^\Q$base\E./;
		next if $f eq "$base.new" || $f eq "$base.lock";
		fail("after kill $n: left behind: $f");
	}
	closedir $dh;

	system("$styr -q -f $reg validate >/dev/null 2>validate.err") == 0
		or fail(sprintf("after kill $n (writer $w, at %.4f s%s): the "
			. "register ", $delay, $after_new ? " after .new" : "")
			. "does not validate: " . slurp("validate.err"));
	my $now = slurp($reg);
	if ($now eq $before) {
		$stats{old}++;
	} else {
		entries($now) == entries($before) + 1
			or fail("after kill $n: neither the old nor the new state");
		$now =~ $marks[$w]->($n - 1)
			or fail("after kill $n: the change is not there");
		$stats{new}++;
		$before = $now;
	}

	# A lock file left behind is no obstacle to the next writer.
	if (-e "$reg.lock" && $n % 5 == 0) {
		$stats{stale_locks}++;
		local $ENV{STYR_LOCK_TIMEOUT} = 1;
		system("$styr -q -f $reg add doc 'after kill $n' >/dev/null") == 0
			or fail("after kill $n: the stale lock blocks the next writer");
		$stats{taken_over}++;
		fail("the lock is left after a normal run") if -e "$reg.lock";
		fail("the .new file is left after a normal run") if -e "$reg.new";
		$before = slurp($reg);
	}
}
printf "%d kills (of %d attempts, %d while %s.new was being written): "
	. "%d left the old register, %d the new; %d stale locks taken over "
	. "at once\n",
	$stats{kills}, $stats{attempts}, $stats{during_write}, basename($reg),
	$stats{old}, $stats{new}, $stats{taken_over};
exit 0;
