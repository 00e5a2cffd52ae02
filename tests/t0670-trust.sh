#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Trusting what styr wrote (SPEC section 2): a register styr saved and
# nothing touched since loads without the schema check; any other file --
# edited by hand (even keeping size and mtime), replaced by rename, copied,
# hard-linked -- is validated as always.  A cache that is corrupt, foreign,
# unwritable or absent changes nothing but the speed.
. "$(dirname "$0")/lib.sh"

export STYR_TRUST_TRACE=1
CACHE="$XDG_CACHE_HOME/styr"

skipped() { test_grep "^styr: trust: $1: saved by styr and unchanged" err; }
checked() { test_grep "^styr: trust: $1: validating" err; }
# The cache entry recording register $1 (its real path).
entry() { grep -l "^path $(realpath "$1")\$" "$CACHE"/* | head -n 1; }
# Overwrites bytes of FILE in place (same inode, same size): at the first
# match of OLD, the same number of bytes NEW.
patch_in_place() {
	off=$(grep -bo "$2" "$1" | head -n 1 | cut -d: -f1) &&
	printf '%s' "$3" | dd of="$1" bs=1 seek="$off" conv=notrunc 2>/dev/null
}
# Line of the first line of FILE matching PATTERN.
line_of() { grep -n "$2" "$1" | head -n 1 | cut -d: -f1; }

test_expect_success 'a register styr saved loads without the schema check' '
	styr init --org "Odder Kommune" 2>err &&
	test_grep "^styr: trust: styr.xml: recorded" err &&
	styr add goal "Et mål" >/dev/null 2>err &&
	skipped styr.xml &&
	styr add goal "Et andet mål" >/dev/null 2>err &&
	styr list >out 2>err &&
	skipped styr.xml &&
	test_grep "Et andet mål" out &&
	test -f "$(entry styr.xml)"
'

test_expect_success 'the cache is private: a directory 0700, entries 0600' '
	test "$(stat -c %a "$CACHE")" = 700 &&
	test "$(stat -c %a "$(entry styr.xml)")" = 600
'

test_expect_success 'styr validate always checks in full' '
	styr validate >out 2>err &&
	checked styr.xml &&
	test_grep "^styr.xml: valid (2 items)" out
'

test_expect_success 'STYR_NO_TRUST=1: every load validates, nothing recorded' '
	STYR_NO_TRUST=1 styr list >/dev/null 2>err &&
	checked styr.xml &&
	STYR_NO_TRUST=1 styr -f off.xml init --org X 2>err &&
	! grep recorded err &&
	STYR_NO_TRUST=1 styr -f off.xml list 2>err &&
	checked off.xml &&
	! grep -q "^path $(realpath off.xml)\$" "$CACHE"/*
'

# The hard case: the same inode, the same size, the mtime put back to the
# recorded one to the nanosecond -- only ctime, which no user can set,
# tells that the file changed.
test_expect_success 'edited by hand in place, same size and mtime: refused' '
	styr list >/dev/null 2>err && skipped styr.xml &&
	cp styr.xml saved.xml &&
	ino=$(stat -c %i styr.xml) && size=$(stat -c %s styr.xml) &&
	mtime=$(stat -c %.9Y styr.xml) &&
	patch_in_place styr.xml "kind=\"goal\"" "kind=\"gaol\"" &&
	touch -m -d "@$mtime" styr.xml &&
	test "$(stat -c %i.%s.%.9Y styr.xml)" = "$ino.$size.$mtime" &&
	n=$(line_of styr.xml "kind=\"gaol\"") &&
	test_expect_code 3 styr list >out 2>err &&
	checked styr.xml &&
	test_grep "^styr: styr.xml:$n: does not follow the register format" err &&
	test ! -s out &&
	test_expect_code 3 styr add goal "Et tredje" 2>err &&
	test_grep "^styr: styr.xml:$n: " err
'

test_expect_success 'a copy of the same bytes renamed into place is validated' '
	cp saved.xml styr.xml &&
	styr add doc "Et krav" >/dev/null 2>err &&
	test_grep "recorded" err &&
	cp -p styr.xml copy.xml &&
	mv copy.xml styr.xml &&
	styr list >/dev/null 2>err &&
	checked styr.xml &&
	cp -p styr.xml copy.xml &&
	patch_in_place copy.xml "kind=\"doc\"" "kind=\"dok\"" &&
	touch -m -r styr.xml copy.xml &&
	mv copy.xml styr.xml &&
	test_expect_code 3 styr list 2>err &&
	checked styr.xml &&
	test_grep "does not follow the register format" err
'

test_expect_success 'a hard link made since the save: both names validate' '
	cp saved.xml styr.xml &&
	styr add doc "Et krav" >/dev/null 2>&1 &&
	styr list >/dev/null 2>err && skipped styr.xml &&
	ln styr.xml linked.xml &&
	styr list >/dev/null 2>err && checked styr.xml &&
	styr -f linked.xml list >/dev/null 2>err && checked linked.xml &&
	rm linked.xml
'

test_expect_success 'the record of another register does not apply' '
	styr -f a.xml init --org A 2>/dev/null &&
	styr -f b.xml init --org B 2>/dev/null &&
	styr -f b.xml list >/dev/null 2>err && skipped b.xml &&
	eb=$(entry b.xml) &&
	cp "$(entry a.xml)" "$eb" &&
	styr -f b.xml list >/dev/null 2>err && checked b.xml &&
	rm "$eb" &&
	cp -p a.xml c.xml &&
	styr -f c.xml list >/dev/null 2>err && checked c.xml &&
	styr -f a.xml list >/dev/null 2>err && skipped a.xml
'

test_expect_success 'a corrupt cache entry: validated, and replaced by a save' '
	e=$(entry a.xml) &&
	printf "styr trust 1\ngarbage\n" >"$e" &&
	styr -f a.xml list >/dev/null 2>err && checked a.xml &&
	: >"$e" &&
	styr -f a.xml list >/dev/null 2>err && checked a.xml &&
	head -c 100000 /dev/urandom >"$e" &&
	styr -f a.xml list >/dev/null 2>err && checked a.xml &&
	styr -f a.xml add goal "Mål" >/dev/null 2>&1 &&
	styr -f a.xml list >/dev/null 2>err && skipped a.xml
'

test_expect_success 'an entry with a trailing byte or a later clock: validated' '
	e=$(entry a.xml) && cp "$e" good &&
	{ cat good; echo; } >"$e" &&
	styr -f a.xml list >/dev/null 2>err && checked a.xml &&
	sed "s/^clock .*/clock 1.000000000/" good >"$e" &&
	styr -f a.xml list >/dev/null 2>err && checked a.xml &&
	sed "s/^schema .*/schema 0000000000000000/" good >"$e" &&
	styr -f a.xml list >/dev/null 2>err && checked a.xml &&
	cp good "$e" && chmod 600 "$e" &&
	styr -f a.xml list >/dev/null 2>err && skipped a.xml
'

test_expect_success 'an entry others may write, or a link, is not believed' '
	e=$(entry a.xml) &&
	chmod 620 "$e" &&
	styr -f a.xml list >/dev/null 2>err && checked a.xml &&
	chmod 602 "$e" &&
	styr -f a.xml list >/dev/null 2>err && checked a.xml &&
	chmod 600 "$e" && mv "$e" elsewhere && ln -s "$PWD/elsewhere" "$e" &&
	styr -f a.xml list >/dev/null 2>err && checked a.xml &&
	rm "$e" && mv elsewhere "$e" &&
	styr -f a.xml list >/dev/null 2>err && skipped a.xml
'

if [ "$(id -u)" = 0 ]; then
	test_expect_success 'an entry another user owns is not believed' '
		e=$(entry a.xml) &&
		chown 4242 "$e" &&
		styr -f a.xml list >/dev/null 2>err && checked a.xml &&
		chown 0 "$e" &&
		styr -f a.xml list >/dev/null 2>err && skipped a.xml
	'
fi

test_expect_success 'a cache that cannot be written: saves work, loads validate' '
	: >not-a-dir &&
	XDG_CACHE_HOME="$PWD/not-a-dir/cache" styr -f u.xml init --org U 2>err &&
	test -f u.xml &&
	XDG_CACHE_HOME="$PWD/not-a-dir/cache" styr -f u.xml add goal G \
		>/dev/null 2>err &&
	checked u.xml &&
	XDG_CACHE_HOME="$PWD/not-a-dir/cache" styr -f u.xml list >out 2>err &&
	checked u.xml &&
	test_grep "^G1 " out
'

test_expect_success 'no HOME and no XDG_CACHE_HOME: saves work, loads validate' '
	env -u HOME -u XDG_CACHE_HOME "$STYR" -f h.xml init --org H 2>err &&
	env -u HOME -u XDG_CACHE_HOME "$STYR" -f h.xml add goal G \
		>/dev/null 2>err &&
	checked h.xml &&
	env -u HOME -u XDG_CACHE_HOME "$STYR" -f h.xml list >/dev/null 2>err &&
	checked h.xml
'

test_expect_success 'without XDG_CACHE_HOME (or a relative one): ~/.cache/styr' '
	mkdir home &&
	env -u XDG_CACHE_HOME HOME="$PWD/home" "$STYR" -f x.xml init --org X \
		2>/dev/null &&
	test -n "$(ls home/.cache/styr)" &&
	HOME="$PWD/home" XDG_CACHE_HOME=rel "$STYR" -f x.xml list \
		>/dev/null 2>err &&
	skipped x.xml &&
	test ! -e rel
'

test_done
