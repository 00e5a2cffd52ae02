#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Big jobs run in threads (STYR_THREADS, default one per processor), and
# whatever their number the result is the same:
# - a big register is checked against the schema in shares, one thread
#   each (reg.c: validate): the verdict and every message are those of
#   checking it whole, and the register comes back in its own order, so a
#   save writes what one thread would have written;
# - a big handout's content.xml is deflated as it is rendered, in slices
#   of a fixed size, each by a free thread (odt_deflate.c): the file
#   unpacks to the same content.
. "$(dirname "$0")/lib.sh"

# 3,000 items and 1,500 log entries: enough units for 4 shares.
test_expect_success 'a register with many items and log entries' '
	big_register 3000 &&
	perl -pi -e "if (m{^  </log>}) { for my \$i (1..1500) {
		print qq{    <entry when=\"2026-01-01T10:00:00Z\" by=\"Ane\" action=\"note\" ref=\"D\$i\"><what>noterede på D\$i</what></entry>\n} } }" styr.xml &&
	test "$(grep -c "<entry " styr.xml)" = 1501 &&
	cp styr.xml good.xml
'

# Counted with strace, where there is one: the split must really happen.
# (LeakSanitizer cannot work under ptrace, so it is off for this.)
threads() {
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
	STYR_THREADS=$1 strace -f -qq -e trace=clone,clone3 -o trace \
		"$STYR" validate >/dev/null 2>&1
	grep -c "CLONE_THREAD" trace || :
}
if command -v strace >/dev/null; then
	test_expect_success 'four threads check it when asked' '
		one=$(threads 1) && four=$(threads 4) &&
		test "$((four - one))" = 3
	'
fi

# refused_with_threads CMD T...: styr CMD, refused (exit 3) with each
# thread count T, its messages in err.T.
refused_with_threads() {
	cmd=$1
	shift
	for t in "$@"; do
		test_expect_code 3 env STYR_THREADS=$t "$STYR" $cmd \
			>/dev/null 2>err.$t || return 1
	done
}

test_expect_success 'every thread count reads it alike' '
	for t in 1 2 3 4; do
		STYR_THREADS=$t styr validate >out.$t 2>&1 &&
		STYR_THREADS=$t styr list --format tsv >list.$t || return 1
	done &&
	test_grep "valid (3000 items)" out.1 &&
	test "$(wc -l <list.1)" = 3001 &&
	for t in 2 3 4; do
		test_cmp out.1 out.$t && test_cmp list.1 list.$t || return 1
	done
'

# The new entry'"'"'s time is the only thing two saves may differ in.
test_expect_success 'a save after a split check keeps the order of everything' '
	for t in 1 4; do
		cp good.xml styr.xml &&
		STYR_THREADS=$t styr -q note D2999 "Sidst i tredje del" &&
		sed "s/when=\"[^\"]*\"/when=\"T\"/" styr.xml >saved.$t || return 1
	done &&
	test_cmp saved.1 saved.4 &&
	grep -o "ref=\"D[0-9]*\"" saved.4 | sed -n "1p;1500p;1501p" >refs &&
	printf "%s\n" "ref=\"D1\"" "ref=\"D1500\"" "ref=\"D2999\"" >expect &&
	test_cmp expect refs
'

test_expect_success 'bad items in every share: the same messages, in file order' '
	cp good.xml styr.xml &&
	perl -pi -e "s/kind=\"doc\"/kind=\"dok\"/ if /<item id=\"D(\d+)\"/ && \$1 % 100 == 0" styr.xml &&
	refused_with_threads validate 1 2 3 4 &&
	test "$(grep -c "does not follow the register format" err.1)" = 20 &&
	test_grep "10 more problems not shown" err.1 &&
	line=$(grep -n "<item id=\"D100\"" styr.xml | cut -d: -f1) &&
	head -n 1 err.1 | test_grep "^styr: styr.xml:$line: " &&
	sed -n "s/^styr: styr.xml:\([0-9]*\):.*/\1/p" err.1 >lines &&
	sort -n lines | test_cmp lines - &&
	for t in 2 3 4; do test_cmp err.1 err.$t || return 1; done
'

test_expect_success 'thousands of problems: the count of those not shown is exact' '
	cp good.xml styr.xml &&
	perl -pi -e "s/kind=\"doc\"/kind=\"dok\"/ if /<item id=\"D/" styr.xml &&
	refused_with_threads validate 1 4 &&
	test_grep "2980 more problems not shown" err.1 &&
	test_cmp err.1 err.4
'

test_expect_success 'a bad log entry at the very end is found' '
	cp good.xml styr.xml &&
	perl -0pi -e "s{(.*)action=\"note\"}{\$1action=\"no te\"}s" styr.xml &&
	line=$(grep -n "action=\"no te\"" styr.xml | cut -d: -f1) &&
	refused_with_threads list 1 4 &&
	test_grep "^styr: styr.xml:$line: " err.1 &&
	test_cmp err.1 err.4
'

# The small sections are copied into every share; a problem there is
# still said once.
test_expect_success 'a problem outside the items is said once' '
	cp good.xml styr.xml &&
	perl -pi -e "s/<phase number=\"2\"/<phase number=\"2\" status=\"busy\"/" styr.xml &&
	test_expect_code 3 env STYR_THREADS=4 "$STYR" validate 2>err &&
	line=$(grep -n "status=\"busy\"" styr.xml | cut -d: -f1) &&
	test "$(grep -c "^styr: styr.xml:$line: " err)" = 1 &&
	STYR_THREADS=1 "$STYR" validate 2>err.1 || :
	test_cmp err.1 err
'

test_expect_success 'a failed check leaves the register as it was' '
	cp good.xml styr.xml &&
	perl -pi -e "s/kind=\"doc\"/kind=\"dok\"/ if /<item id=\"D2500\"/" styr.xml &&
	cp styr.xml before.xml &&
	test_expect_code 3 env STYR_THREADS=4 "$STYR" -q add regel "Ny regel" &&
	test_cmp before.xml styr.xml &&
	! test -e styr.xml.new
'

test_expect_success 'STYR_THREADS that is not a number is ignored' '
	cp good.xml styr.xml &&
	STYR_THREADS=mange styr validate >out 2>&1 &&
	test_grep "valid (3000 items)" out
'

# 5,000 items make a content.xml of over 8 MB: two slices or more.
test_expect_success 'a handout deflated in slices unpacks to the same content' '
	big_register 5000 &&
	STYR_THREADS=1 styr -q handout workshop -o one.odt &&
	STYR_THREADS=4 styr -q handout workshop -o four.odt &&
	unzip -tq one.odt && unzip -tq four.odt &&
	unzip -p one.odt content.xml >one.xml &&
	unzip -p four.odt content.xml >four.xml &&
	test "$(wc -c <one.xml)" -gt 8388608 &&
	test_cmp one.xml four.xml &&
	python3 -c "
import sys, zipfile, zlib
sizes = []
for name in sys.argv[1:]:
    with zipfile.ZipFile(name) as z:
        assert z.testzip() is None, name
        info = z.getinfo(\"content.xml\")
        assert info.compress_type == zipfile.ZIP_DEFLATED, name
        data = z.read(\"content.xml\")
        assert zlib.crc32(data) == info.CRC, name
        sizes.append(info.compress_size)
# Slices start afresh and end with a flush marker: a few bytes more.
assert sizes[1] > sizes[0], sizes
" one.odt four.odt
'

# The slices are of a fixed size (odt_deflate.c), whatever the number of
# threads: two, three or four threads write the same deflated bytes, and
# the stream shows a sync flush (00 00 ff ff) where each slice ends.
test_expect_success 'any number of threads above one deflates alike' '
	for t in 2 3; do
		STYR_THREADS=$t styr -q handout workshop -o $t.odt &&
		unzip -p $t.odt content.xml >$t.xml &&
		test_cmp one.xml $t.xml || return 1
	done &&
	python3 -c "
import sys, zipfile
raw = []
for name in sys.argv[1:]:
    with zipfile.ZipFile(name) as z:
        info = z.getinfo(\"content.xml\")
        with open(name, \"rb\") as f:
            f.seek(info.header_offset + 26)
            skip = int.from_bytes(f.read(2), \"little\") + \
                int.from_bytes(f.read(2), \"little\")
            f.seek(skip, 1)
            raw.append(f.read(info.compress_size))
assert raw[0] == raw[1] == raw[2], [len(r) for r in raw]
assert raw[0].count(b\"\\x00\\x00\\xff\\xff\") >= 2
" 2.odt 3.odt four.odt
'

test_done
