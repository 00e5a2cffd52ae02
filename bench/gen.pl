#!/usr/bin/perl
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Deterministic data for the benchmark (bench/run.sh); the same N gives the
# same bytes on every machine.  Plain perl (perl-base), no modules.
#
#   gen.pl csv N              N items as `styr import csv` reads them: Danish
#                             titles (~60 characters, with æøå), descriptions
#                             (~200), areas, origin, owner, burden figures,
#                             paper-ballot vote counts, proposals, decisions
#   gen.pl fill N < REG.xml   the imported register with what the mapping and
#                             the workshop add item by item, written as
#                             `styr note`, `styr rate` and `styr vote --by`
#                             write it (with their log entries): field notes,
#                             experience ratings, workshop votes by person
#   gen.pl tasks N            the same items as Taskwarrior import JSON (the
#                             description and notes as annotations)
#   gen.pl carbone N          the same items as the JSON data a Carbone
#                             template of the workshop table reads
#
# `fill` only adds elements at their canonical place in styr's own
# serialisation (two-space indentation), so the result is what the
# commands would have written; run.sh checks it with `styr validate` and by
# saving it once with styr.
use strict;
use warnings;
use utf8;

binmode STDOUT, ':encoding(UTF-8)';
my ($mode, $n) = @ARGV;
die "usage: gen.pl csv|fill|tasks|carbone N\n"
	unless $mode && defined $n && $n =~ /^[1-9][0-9]*$/;

# A small linear congruential generator: the same sequence everywhere.
my $seed = 20171108;
sub rnd {
	my ($k) = @_;
	$seed = ($seed * 1103515245 + 12345) % 2147483648;
	return int(($seed / 2147483648) * $k);
}
sub pick { return $_[rnd(scalar @_)]; }

# Danish words and phrases (the file is UTF-8: `use utf8`).
my @subject = ('Bostøtte', 'Visitation', 'Hjemmepleje', 'Sagsbehandling',
	'Dokumentation', 'Opfølgning', 'Handleplan', 'Genoptræning',
	'Børnefaglig undersøgelse', 'Magtanvendelse', 'Tilsyn',
	'Medicinhåndtering', 'Døgnrapport', 'Underretning', 'Journalføring',
	'Økonomisk friplads', 'Kørselsgodtgørelse', 'Ældrebolig',
	'Forebyggende hjemmebesøg', 'Rehabiliteringsforløb');
my @rule = ('kræver godkendelse af afdelingsleder',
	'skal registreres i fagsystemet inden for tre døgn',
	'følges op hver fjerde uge med skriftlig status',
	'dokumenteres med fuld VUM-udredning',
	'bevilges i ugentlige timer efter fast skema',
	'kræver underskrift fra både borger og pårørende',
	'gennemgås på teammøde før beslutning',
	'skal følge kommunens kvalitetsstandard på området',
	'må kun ændres efter fornyet visitation',
	'kræver særskilt tilladelse fra forvaltningen');
my @desc = ('Medarbejderne oplever, at kravet tager tid fra borgerne',
	'Kravet blev indført efter en tilsynssag i 2014',
	'Der er stor forskel på, hvordan teamene udfylder skemaet',
	'Lederne bruger oplysningerne til månedlig opfølgning',
	'Ingen har kunnet sige, hvem der læser dokumentationen',
	'Borgerne efterspørger mere fleksibilitet i støtten',
	'Forvaltningen henviser til serviceloven § 85 og § 107',
	'Kravet gælder både dag- og aftenvagter på tværs af områder',
	'Fagsystemet tvinger felter, der sjældent er relevante',
	'Kravet overlapper med sundhedsfaglig journalføring');
my @quote = ('Vi skriver det samme tre steder, og ingen læser det',
	'Det giver tryghed, når vi er uenige med pårørende',
	'Skemaet passer dårligt til borgere med svingende behov',
	'Jeg bruger en time om ugen på det, og borgeren mærker intet',
	'Det er godt, at vi får talt sagerne igennem i teamet',
	'Fristen er umulig at holde, når kollegaer er syge',
	'Kravet er lovbestemt, men måden vi gør det på er vores egen');
my @areas = qw(VIS DOK HJP BOS MYN SUN BUF AEL);
my @origin = qw(law council administration management local);
my @found = qw(interview document observation);
my @owner = ('Socialforvaltningen', 'Myndighedsafdelingen',
	'Hjemmeplejen Nord', 'Børne- og ungeområdet', 'Sundhed og omsorg',
	'Kvalitet og udvikling');
my @people = ('Marianne Sørensen', 'Torben Ægidius', 'Lene Fagkonsulent',
	'Søren Højgaard', 'Åse Nørgaard', 'Mette Kjær');
my @prio = qw(remove change anchor);

# Phrases from FROM, none twice in a row, to about LEN characters.
sub sentence {
	my ($len, @from) = @_;
	my $k = rnd(scalar @from);
	my $s = $from[$k];
	while (length($s) < $len) {
		$k = ($k + 1 + rnd(scalar @from - 1)) % @from;
		$s .= ', og ' . lcfirst($from[$k]);
	}
	return $s;
}

# Item I's fixed text and figures (the same in every mode).
# Each item has its own seed, so every mode sees the same item I whatever
# it drew before.  Ids count per kind, as styr hands them out.
my %next = (goal => 1, rule => 1, doc => 1);
sub item {
	my ($i) = @_;
	my %it;
	$seed = ($i * 2654435761) % 2147483648;
	rnd(1) for 1 .. 3;
	$it{kind} = (qw(goal rule rule doc doc doc))[rnd(6)];
	$it{id} = uc(substr($it{kind}, 0, 1)) . $next{$it{kind}}++;
	$it{title} = pick(@subject) . ' ' . pick(@rule);
	$it{title} .= ' (' . pick(@areas) . " $i)" while length($it{title}) < 50;
	$it{title} =~ s/^(.{1,70})\s.*/$1/ if length($it{title}) > 72;
	$it{desc} = sentence(190, @desc) . '.';
	$it{area} = pick(@areas);
	$it{origin} = pick(@origin);
	$it{owner} = pick(@owner);
	$it{found} = pick(@found);
	$it{source} = 'Kvalitetsstandard ' . (2010 + rnd(15)) . ', afsnit ' .
		(1 + rnd(20));
	if (rnd(10) < 8) {
		$it{minutes} = 5 + rnd(120);
		$it{per_year} = 10 * (1 + rnd(500));
		$it{staff} = 1 + rnd(40);
	}
	my $ballots = rnd(3) ? 1 + rnd(12) : 0;
	$it{votes} = [map { rnd($ballots + 1) } 0 .. 2];
	if (rnd(10) < 3) {
		$it{priority} = pick(@prio);
		$it{priority_reason} = sentence(60, @desc);
		if (rnd(3) == 0) {
			$it{decision} = (qw(selected deferred rejected))[rnd(3)];
			$it{decision_reason} = 'Besluttet på styregruppemødet';
		}
	}
	$it{notes} = rnd(3);   # 0..2 field notes
	$it{ratings} = rnd(5); # 0..4 experience ratings
	$it{pvotes} = rnd(3);  # 0..2 votes by person at the workshop
	return \%it;
}

sub csv_field {
	my ($s) = @_;
	return $s unless $s =~ /[",\r\n]/;
	$s =~ s/"/""/g;
	return "\"$s\"";
}

if ($mode eq 'csv') {
	my @cols = qw(kind title description area origin owner found source
		minutes per_year staff votes_remove votes_change votes_anchor
		priority priority_reason decision decision_reason);
	print join(',', @cols), "\r\n";
	for my $i (1 .. $n) {
		my $it = item($i);
		my @v = map { $it->{$_} // '' } qw(kind title desc area origin
			owner found source minutes per_year staff);
		push @v, map { $_ || '' } @{$it->{votes}};
		push @v, map { $it->{$_} // '' } qw(priority priority_reason
			decision decision_reason);
		print join(',', map { csv_field($_) } @v), "\r\n";
	}
	exit 0;
}

sub json_str {
	my ($s) = @_;
	$s =~ s/(["\\])/\\$1/g;
	return "\"$s\"";
}

die "gen.pl: unknown mode '$mode'\n" unless $mode =~ /^(?:fill|carbone|tasks)$/;

# fill: walk the register line by line.  Items are numbered in file order,
# which is import order, so item I gets the same figures as CSV row I.
binmode STDIN, ':encoding(UTF-8)';
my ($i, $it, $id, @log) = (0);
my $day = 0;
sub date { my $d = $day++ % 250; return sprintf('2017-%02d-%02d',
	3 + int($d / 28), 1 + $d % 28); }
# Log entries after the import's: one a second, 08:00 to 16:00, from the day
# after it on.
sub stamp {
	my ($s) = @_;
	my $d = 21 + int($s / 28800);
	return sprintf('2017-%02d-%02dT%02d:%02d:%02dZ', 11 + int(($d - 1) / 30),
		1 + ($d - 1) % 30, 8 + int($s / 3600) % 8, int($s / 60) % 60,
		$s % 60);
}
my ($pending_notes, $pending_votes, $seq) = ('', '', 0);

sub mapping {
	my $x = '';
	for (1 .. $it->{notes}) {
		my ($by, $m, $d) = (pick(@people), pick(@found), date());
		my $text = pick(@quote);
		$x .= qq(      <note method="$m" by="$by" date="$d">$text</note>\n);
		push @log, [$id, 'note', $by, "noted on $id"];
	}
	for (1 .. $it->{ratings}) {
		my $round = rnd(4) ? 'baseline' : 'followup';
		my $e = (qw(supportive too-tight too-tight too-loose))[rnd(4)];
		my $who = 'Respondent ' . (1 + rnd(60));
		$x .= qq(      <rating round="$round" experience="$e" )
			. qq(respondent="$who" date=") . date() . qq("/>\n);
		push @log, [$id, 'rate', 'Lene Fagkonsulent',
			"rated $id as $e ($round)"];
	}
	return $x;
}

sub votes {
	my $x = '';
	my %seen;
	for (1 .. $it->{pvotes}) {
		my $by = pick(@people);
		next if $seen{$by}++;
		my $p = pick(@prio);
		$x .= qq(      <vote priority="$p" by="$by" meeting="M1" )
			. qq(date="2017-11-08"/>\n);
		push @log, [$id, 'vote', $by, "$by voted $p on $id"];
	}
	return $x;
}

if ($mode eq 'carbone') {
	# What the workshop handout shows per item, for the Carbone peer:
	# the same figures, drawn as `fill` draws them.
	my %kind = (goal => 'Mål', rule => 'Regel', doc => 'Dokumentation');
	print '{"organisation":"Aarhus Kommune","items":[';
	for my $k (1 .. $n) {
		$it = item($k);
		$id = $it->{id};
		my $m = mapping();
		my %e;
		$e{$1}++ while $m =~ /round="baseline" experience="([a-z-]+)"/g;
		my ($qby, $qtext) = $m =~ /by="([^"]*)" date="[^"]*">([^<]*)</;
		my ($hours, $per) = ('', '');
		if ($it->{minutes}) {
			my $h = $it->{minutes} * $it->{per_year} / 60;
			($hours, $per) = (sprintf('%.1f', $h),
				sprintf('%.1f', $h / $it->{staff}));
		}
		print ',' if $k > 1;
		printf '{"id":"%s","kind":"%s","title":%s,"description":%s,'
			. '"area":"%s","tight":%d,"supportive":%d,"loose":%d,'
			. '"hours":"%s","per_person":"%s","quote":%s,"quote_by":%s}',
			$id, $kind{$it->{kind}}, json_str($it->{title}),
			json_str($it->{desc}), $it->{area}, $e{'too-tight'} // 0,
			$e{supportive} // 0, $e{'too-loose'} // 0, $hours, $per,
			json_str($qtext // ''), json_str($qby // '');
	}
	print "]}\n";
	exit 0;
}

if ($mode eq 'tasks') {
	# Taskwarrior's import format, one task a line: the title as the
	# description, the area as the project, the kind as a tag, and the
	# item's description and field notes as annotations.
	for my $k (1 .. $n) {
		$it = item($k);
		$id = $it->{id};
		my @ann = ([$it->{desc}, '20171101T080000Z']);
		my $m = mapping();
		push @ann, [$2, $1 =~ tr/-//dr . 'T120000Z']
			while $m =~ /date="([^"]*)">([^<]*)</g;
		printf '{"description":%s,"project":"%s","tags":["%s"],'
			. '"status":"pending","entry":"20171101T080000Z",'
			. '"uuid":"%08x-0000-4000-8000-%012x","annotations":[%s]}' . "\n",
			json_str($it->{title}), $it->{area}, $it->{kind}, $k, $k,
			join(',', map { sprintf '{"entry":"%s","description":%s}',
				$_->[1], json_str($_->[0]) } @ann);
	}
	exit 0;
}

# What styr stamped with the day of the set-up (the import's proposals and
# decisions, the log, the start of phase 1) gets a fixed date, so that the
# register is the same whatever day it is made.
my @t = gmtime;
my $today = sprintf('%04d-%02d-%02d', $t[5] + 1900, $t[4] + 1, $t[3]);
while (my $line = <STDIN>) {
	$line =~ s/="$today"/="2017-11-20"/g;
	$line =~ s/ when="${today}T[0-9:]+Z"/ when="2017-11-20T08:00:00Z"/;
	if ($line =~ /^    <item id="([GRD][0-9]+)"/) {
		$id = $1;
		$it = item(++$i);
		die "gen.pl: item $i is $id, expected $it->{id}\n"
			unless $id eq $it->{id};
		$pending_notes = mapping();
		$pending_votes = votes();
	} elsif (defined $it) {
		# Notes and ratings go before burden, votes and the rest;
		# votes by person before the proposal and the decision.
		if ($pending_notes ne '' &&
		    $line =~ m{^      <(?:burden|vote|priority|decision|solution)\b|^    </item>}) {
			print $pending_notes;
			$pending_notes = '';
		}
		if ($pending_votes ne '' &&
		    $line =~ m{^      <(?:priority|decision|solution)\b|^    </item>}) {
			print $pending_votes;
			$pending_votes = '';
		}
		undef $it if $line =~ m{^    </item>};
	}
	if ($line =~ m{^  </log>|^  <log/>}) {
		print "  <log>\n" if $line =~ m{<log/>};
		for my $e (@log) {
			my ($ref, $action, $by, $what) = @$e;
			print qq(    <entry when=") . stamp($seq++)
				. qq(" by="$by" action="$action" ref="$ref">\n)
				. qq(      <what>$what</what>\n    </entry>\n);
		}
		print "  </log>\n";
		next;
	}
	print $line;
}
die "gen.pl: the register holds $i items, not $n\n" unless $i == $n;
