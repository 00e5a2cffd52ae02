#!/usr/bin/perl
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Looks inside a zip (an ODT) with core Perl only, for the handout tests:
#
#   perl unzip.pl -l FILE         the entry names, in the order stored
#   perl unzip.pl -v FILE         one line per entry: offset of its local
#                                 header, name, method, extra field lengths
#                                 (local and central), flags
#   perl unzip.pl FILE NAME       the bytes of entry NAME on stdout
use strict;
use warnings;
use IO::Uncompress::Unzip qw(unzip $UnzipError);

my $mode = $ARGV[0] =~ /^-[lv]$/ ? shift : '';
my $file = shift or die "usage: unzip.pl [-l|-v] FILE [NAME]\n";

if (!$mode) {
	my $name = shift or die "usage: unzip.pl FILE NAME\n";
	binmode STDOUT;
	my $out;
	unzip $file => \$out, Name => $name, BinModeOut => 1
	    or die "unzip.pl: $file: $name: $UnzipError\n";
	print $out;
	exit 0;
}

open my $fh, '<:raw', $file or die "$file: $!\n";
local $/;
my $zip = <$fh>;
my $eocd = rindex $zip, "PK\x05\x06";
die "$file: not a zip\n" if $eocd < 0;
my ($entries, $cd_size, $cd_offset) =
    (unpack 'v v v v V V', substr $zip, $eocd + 4, 16)[3, 4, 5];
my $p = $cd_offset;
for (1 .. $entries) {
	my ($sig, $made, $need, $flags, $method, $time, $date, $crc, $csize,
	    $usize, $nlen, $xlen, $clen, $disk, $iattr, $eattr, $offset) =
	    unpack 'V v v v v v v V V V v v v v v V V', substr $zip, $p, 46;
	die "$file: bad central directory\n" unless $sig == 0x02014b50;
	my $name = substr $zip, $p + 46, $nlen;
	my $local_xlen = unpack 'v', substr $zip, $offset + 28, 2;
	if ($mode eq '-l') {
		print "$name\n";
	} else {
		print "$offset $name method=$method extra=$local_xlen "
		    . "central_extra=$xlen flags=$flags\n";
	}
	$p += 46 + $nlen + $xlen + $clen;
}
