#!/usr/bin/perl
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes a zip file entry by entry, exactly as told, including the lies a
# hostile template tells: tests/t0520-hostile-templates.sh and friends.
#
#   perl mkzip.pl OUT.zip ENTRY...
#
# ENTRY is NAME[,OPTION...]=SOURCE.  SOURCE is @FILE (its bytes), zeros:N
# (N zero bytes) or the text itself.  OPTIONs:
#   deflate     compress (default: stored)
#   declare:N   write N as the uncompressed size in both headers
#   symlink     mark the entry as a Unix symbolic link
#   encrypted   set the "encrypted" flag
# Only core Perl modules are used.
use strict;
use warnings;
use Compress::Raw::Zlib;

my $out = shift or die "usage: mkzip.pl OUT.zip ENTRY...\n";
my ($data_out, @central) = ('');

sub deflate_raw {
	my ($bytes) = @_;
	my ($d, $status) = Compress::Raw::Zlib::Deflate->new(
		-WindowBits => -MAX_WBITS(), -Level => Z_BEST_COMPRESSION(),
		-AppendOutput => 1);
	die "deflate: $status\n" unless $status == Z_OK;
	my $res = '';
	$d->deflate($bytes, $res) == Z_OK or die "deflate failed\n";
	$d->flush($res) == Z_OK or die "deflate flush failed\n";
	return $res;
}

# N zero bytes deflated, and their CRC, without holding them: a 1 MB block
# of zeros ended by a full flush does not depend on what came before, so
# the stream is that block repeated, the rest, and an empty final block.
# (Deflating 1 GB of zeros in one piece took most of t0640's minutes.)
sub deflate_zeros {
	my ($n) = @_;
	my $chunk = 1 << 20;
	my $block = sub {
		my ($len, $flush) = @_;
		my ($d, $status) = Compress::Raw::Zlib::Deflate->new(
			-WindowBits => -MAX_WBITS(),
			-Level => Z_BEST_COMPRESSION(), -AppendOutput => 1);
		die "deflate: $status\n" unless $status == Z_OK;
		my $res = '';
		$d->deflate("\0" x $len, $res) == Z_OK or die "deflate failed\n";
		$d->flush($res, $flush) == Z_OK or die "deflate flush failed\n";
		return $res;
	};
	my $whole = int($n / $chunk);
	my $zeros = "\0" x $chunk;
	my $crc = Compress::Raw::Zlib::crc32('');
	$crc = Compress::Raw::Zlib::crc32($zeros, $crc) for 1 .. $whole;
	my $rest = $n - $whole * $chunk;
	$crc = Compress::Raw::Zlib::crc32("\0" x $rest, $crc);
	my $stored = $whole ? $block->($chunk, Z_FULL_FLUSH()) x $whole : '';
	return ($crc, $stored . $block->($rest, Z_FINISH()));
}

for my $arg (@ARGV) {
	my ($spec, $source) = split /=/, $arg, 2;
	die "bad entry '$arg'\n" unless defined $source;
	my ($name, @opts) = split /,/, $spec;
	my %opt = map { /^(\w+)(?::(.*))?$/ ? ($1 => $2 // 1) : () } @opts;
	my ($bytes, $crc, $stored, $length);
	if ($source =~ /^zeros:(\d+)$/ && $opt{deflate}) {
		$length = $1;
		($crc, $stored) = deflate_zeros($length);
	} elsif ($source =~ /^@(.*)$/) {
		open my $fh, '<:raw', $1 or die "$1: $!\n";
		local $/;
		$bytes = <$fh>;
		$bytes = '' unless defined $bytes;
	} elsif ($source =~ /^zeros:(\d+)$/) {
		$bytes = "\0" x $1;
	} else {
		$bytes = $source;
	}
	if (defined $bytes) {
		$length = length $bytes;
		$crc = Compress::Raw::Zlib::crc32($bytes);
		$stored = $opt{deflate} ? deflate_raw($bytes) : $bytes;
	}
	my $method = $opt{deflate} ? 8 : 0;
	my $size = defined $opt{declare} ? $opt{declare} : $length;
	my $flags = 0x0800 | ($opt{encrypted} ? 1 : 0);
	my $mode = $opt{symlink} ? 0120777 : 0100644;
	my $offset = length $data_out;
	my @common = (20, $flags, $method, 0, 0x5821, $crc, length $stored,
		      $size, length $name);
	$data_out .= pack('V v v v v v V V V v v', 0x04034b50, @common, 0)
		   . $name . $stored;
	push @central, pack('V v v v v v v V V V v v v v v V V', 0x02014b50,
			    0x031e, @common, 0, 0, 0, 0, $mode << 16,
			    $offset) . $name;
}
my $cd = join '', @central;
my $end = pack('V v v v v V V v', 0x06054b50, 0, 0, scalar @central,
	       scalar @central, length $cd, length $data_out, 0);
open my $fh, '>:raw', $out or die "$out: $!\n";
print $fh $data_out, $cd, $end;
close $fh or die "$out: $!\n";
