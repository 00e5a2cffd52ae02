#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Nothing overwrites what it reads (SPEC section 7): a register reached
# through a symbolic link is locked and saved as the file the link points
# to; no output is written over the register, the template or a file being
# read, with or without --force; a read-only register is not replaced.
. "$(dirname "$0")/lib.sh"

count() { grep -c "$1" "${2:-styr.xml}" || true; }

# refused CMD...: CMD exits 1, says "will not write", and leaves the
# folder as it was (no output, no lock, no temporary file).
refused() {
	ls -a | grep -v -e "^err$" -e "-ls$" >.before-ls &&
	test_expect_code 1 "$@" 2>err &&
	test_grep "will not write" err &&
	ls -a | grep -v -e "^err$" -e "-ls$" >.after-ls &&
	test_cmp .before-ls .after-ls
}

test_expect_success 'setup: a shared register and a user template' '
	mkdir shared &&
	styr -f shared/real.xml init --org "Odder Kommune" >/dev/null 2>&1 &&
	styr -f shared/real.xml add doc "Udredning" >/dev/null &&
	cp shared/real.xml shared/start.xml &&
	styr -f shared/real.xml handout status -o mytpl.odt 2>/dev/null &&
	cp mytpl.odt mytpl.before
'

# --- a register reached through a symbolic link ---

test_expect_success 'relative link: the change lands in the real file, the link stays' '
	mkdir a && ln -s ../shared/real.xml a/styr.xml &&
	(cd a && styr add doc "via a") >/dev/null &&
	test -L a/styr.xml &&
	test_grep "<title>via a</title>" shared/real.xml &&
	test ! -e a/styr.xml.lock && test ! -e a/styr.xml.new &&
	test ! -e shared/real.xml.lock && test ! -e shared/real.xml.new
'

test_expect_success 'absolute link: the same' '
	ln -s "$TRASH/shared/real.xml" abs.xml &&
	styr -f abs.xml add doc "via abs" >/dev/null &&
	test -L abs.xml &&
	test_grep "<title>via abs</title>" shared/real.xml
'

test_expect_success 'a chain of two links, each relative to its own folder' '
	mkdir b c &&
	ln -s ../shared/real.xml b/hop.xml &&
	ln -s ../b/hop.xml c/styr.xml &&
	(cd c && styr add doc "via chain") >/dev/null &&
	test -L c/styr.xml && test -L b/hop.xml &&
	test_grep "<title>via chain</title>" shared/real.xml
'

test_expect_success 'a link given with -f from another folder' '
	styr -f c/styr.xml add doc "via -f chain" >/dev/null &&
	test -L c/styr.xml &&
	test_grep "<title>via -f chain</title>" shared/real.xml &&
	styr -f c/styr.xml validate >/dev/null
'

test_expect_success 'init through a link to a register not yet there makes the real file' '
	ln -s ../shared/new.xml a/new.xml &&
	styr -f a/new.xml init --org "Skanderborg" >/dev/null 2>&1 &&
	test -L a/new.xml && test -f shared/new.xml &&
	styr -f a/new.xml add rule "ny" >/dev/null &&
	test_grep "<title>ny</title>" shared/new.xml
'

test_expect_success 'the lock is taken beside the real file: a held lock there blocks a link' '
	cp shared/real.xml before.xml &&
	(flock 9; sleep 3) 9>shared/real.xml.lock &
	sleep 0.5 &&
	STYR_LOCK_TIMEOUT=0.5 test_expect_code 1 styr -f a/styr.xml add doc "blocked" 2>err &&
	test_grep "busy" err &&
	test_cmp before.xml shared/real.xml &&
	wait
'

test_expect_success 'two writers through two links are serialised: no add lost' '
	rm -f shared/real.xml.lock &&
	before=$(count "<item " shared/real.xml) &&
	for w in a c; do
		(
			i=1
			while [ $i -le 10 ]; do
				(cd $w && "$STYR" -q add doc "$w $i") >/dev/null ||
					echo "$w $i failed" >>failures
				i=$((i + 1))
			done
		) &
	done &&
	wait &&
	test ! -e failures &&
	test "$(count "<item " shared/real.xml)" = "$((before + 20))" &&
	test -L a/styr.xml && test -L c/styr.xml &&
	styr -f shared/real.xml validate >/dev/null
' 2>/dev/null

# --- no output over the register ---

test_expect_success 'setup: a register here' '
	cp shared/start.xml styr.xml && cp styr.xml keep.xml
'

# Each test below starts from the register and the template as they were,
# so that one that fails (on a styr that writes over them) does not make
# the next fail too.
fresh() {
	rm -f styr.xml && cp keep.xml styr.xml &&
	rm -f mytpl.odt && cp mytpl.before mytpl.odt
}

test_expect_success 'handout -o styr.xml --force: refused, the register kept' '
	fresh &&
	refused styr handout status -o styr.xml --force &&
	test_grep "will not write the handout over the register itself (.styr.xml.)" err &&
	test_cmp keep.xml styr.xml
'

test_expect_success 'handout -o ./styr.xml and -o ../dir/styr.xml: the same file' '
	fresh &&
	refused styr handout status -o ./styr.xml --force &&
	test_grep "the handout to .\./styr.xml.: that is the register itself" err &&
	refused styr handout status -o "../$(basename "$TRASH")/styr.xml" --force &&
	refused styr handout status -o "$TRASH/styr.xml" --force &&
	test_cmp keep.xml styr.xml
'

test_expect_success 'model export -o styr.xml --force: refused' '
	fresh &&
	refused styr model export -o styr.xml --force &&
	test_grep "will not write the model over the register itself" err &&
	refused styr model export -o styr.xml &&
	test_cmp keep.xml styr.xml
'

test_expect_success 'export csv/json -o styr.xml: refused' '
	fresh &&
	refused styr export csv -o styr.xml &&
	refused styr export json -o ./styr.xml &&
	test_cmp keep.xml styr.xml
'

test_expect_success 'a hard link to the register as output: refused' '
	fresh &&
	ln styr.xml hard.xml &&
	refused styr export csv -o hard.xml &&
	test_grep "that is the register itself (.styr.xml.)" err &&
	refused styr handout status -o hard.xml --force &&
	refused styr model export -o hard.xml --force &&
	test_cmp keep.xml styr.xml && test_cmp keep.xml hard.xml &&
	rm hard.xml
'

test_expect_success 'a symbolic link to the register as output: refused' '
	fresh &&
	ln -s styr.xml soft.xml &&
	refused styr export json -o soft.xml &&
	refused styr handout status -o soft.xml --force &&
	test -L soft.xml && test_cmp keep.xml styr.xml
'

test_expect_success 'the register given through a link, the real file as output: refused' '
	fresh &&
	refused styr -f a/styr.xml export csv -o shared/real.xml &&
	refused styr -f a/styr.xml handout status -o shared/real.xml --force &&
	refused styr -f shared/real.xml model export -o c/styr.xml --force &&
	test -L c/styr.xml && test -f shared/real.xml &&
	styr -f shared/real.xml validate >/dev/null
'

test_expect_success 'a register not there yet: its name is still not an output' '
	fresh &&
	refused styr -f later.xml model export -o ./later.xml &&
	ln -s later.xml dangling.xml &&
	refused styr -f later.xml model export -o dangling.xml &&
	test ! -e later.xml
'

# --- no output over the template ---

test_expect_success 'handout mytpl.odt --force: the template is not overwritten' '
	fresh &&
	refused styr handout mytpl.odt --force &&
	test_grep "will not write the handout over the template itself (.mytpl.odt.)" err &&
	test_grep "name another file with -o FILE" err &&
	test_cmp mytpl.before mytpl.odt &&
	refused styr handout mytpl.odt &&
	refused styr handout ./mytpl.odt -o "$TRASH/mytpl.odt" --force &&
	test_cmp mytpl.before mytpl.odt
'

test_expect_success 'handout of a user template with another -o works' '
	fresh &&
	styr handout mytpl.odt -o out.odt 2>/dev/null &&
	test -s out.odt && test_cmp mytpl.before mytpl.odt
'

test_expect_success 'a template folder: nothing is written into it' '
	fresh &&
	cp -r "$SRC_DIR/tests/data/split-template" tpl &&
	cp tpl/content.xml content.before &&
	refused styr handout ./tpl -o tpl/content.xml --force &&
	test_grep "that is inside the template (.\./tpl.)" err &&
	refused styr handout ./tpl -o ./tpl/extra.odt &&
	test ! -e tpl/extra.odt &&
	test_cmp content.before tpl/content.xml &&
	styr handout ./tpl -o tpl.odt 2>/dev/null && test -s tpl.odt
'

test_expect_success 'a template folder found by name in --dir: the same' '
	fresh &&
	mkdir tpls && cp -r tpl tpls/mine &&
	refused styr handout mine --template-dir tpls -o tpls/mine/styles.xml --force &&
	test_cmp tpl/styles.xml tpls/mine/styles.xml
'

# --- no output over the file being read ---

test_expect_success 'import of the register itself: refused, the register kept' '
	fresh &&
	test_expect_code 1 styr import csv styr.xml 2>err &&
	test_grep "will not write the register over the imported file itself (.styr.xml.)" err &&
	test_cmp keep.xml styr.xml &&
	ln -s styr.xml reg.csv &&
	test_expect_code 1 styr import csv reg.csv 2>err &&
	test_grep "will not write the register to .styr.xml.: that is the imported file itself (.reg.csv.)" err &&
	test_cmp keep.xml styr.xml && test -L reg.csv &&
	test ! -e styr.xml.lock
'

# --- a read-only register ---

test_expect_success 'setup: a read-only register' '
	fresh &&
	styr meeting add workshop "Workshop" --date 2026-03-01 >/dev/null 2>&1 &&
	printf "kind;title\ndoc;Importeret\n" >items.csv &&
	cp styr.xml keep.xml && chmod 444 styr.xml
'

for cmd in 'add doc "ny"' 'vote D1 remove --by Anne --meeting M1' \
	'import csv items.csv' 'note D1 "en note"' 'delete D1'; do
	test_expect_success "read-only register: $cmd is refused, nothing changed" "
		rm -f styr.xml && cp keep.xml styr.xml && chmod 444 styr.xml &&
		test_expect_code 1 styr $cmd 2>err &&
		test_grep '^styr: styr.xml is read-only; nothing was changed (make it writable with chmod u+w to change it)$' err &&
		test_cmp keep.xml styr.xml &&
		test \"\$(stat -c %a styr.xml)\" = 444 &&
		test ! -e styr.xml.lock && test ! -e styr.xml.new
	"
done

test_expect_success 'read-only register: reading commands still work' '
	styr list >/dev/null && styr export csv -o out.csv &&
	styr import csv --dry-run items.csv >/dev/null 2>&1
'

test_expect_success 'read-only register: made writable, the change goes in' '
	chmod u+w styr.xml &&
	styr add doc "ny" >/dev/null &&
	test "$(stat -c %a styr.xml)" = 644
'

test_expect_success 'a read-only register through a link: refused by its own name' '
	cp shared/real.xml ro-before.xml && chmod 444 shared/real.xml &&
	test_expect_code 1 styr -f a/styr.xml add doc "nej" 2>err &&
	test_grep "^styr: a/styr.xml is read-only" err &&
	test_cmp ro-before.xml shared/real.xml && test -L a/styr.xml &&
	test ! -e shared/real.xml.lock &&
	chmod 644 shared/real.xml
'

test_expect_success 'a read-only folder: refused with why, nothing changed' '
	mkdir ro && cp keep.xml ro/styr.xml && chmod 555 ro &&
	test_expect_code 1 styr -f ro/styr.xml add doc "nej" 2>err &&
	test_grep "ro/styr.xml: its folder .ro. is read-only" err &&
	test_cmp keep.xml ro/styr.xml &&
	test ! -e ro/styr.xml.lock &&
	mkdir ro/sub && chmod 555 ro/sub &&
	test_expect_code 1 styr -f ro/sub/new.xml init --org X 2>err &&
	test_grep "ro/sub/new.xml: its folder .ro/sub. is read-only" err &&
	test ! -e ro/sub/new.xml && test ! -e ro/sub/new.xml.lock &&
	chmod 755 ro ro/sub
'

test_expect_success 'a register of another user in a folder open to all' '
	if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null ||
	   ! setpriv --reuid=65534 --regid=65534 --clear-groups \
		test -x "$STYR"; then
		say "skipped: needs root, setpriv and a binary others may run"
		exit 0
	fi &&
	mkdir open && cp keep.xml open/styr.xml && chmod 644 open/styr.xml &&
	chmod 777 open && chmod 755 "$TRASH" &&
	test_expect_code 1 setpriv --reuid=65534 --regid=65534 --clear-groups \
		env XDG_CACHE_HOME=/nonexistent "$STYR" -f open/styr.xml \
		add doc "nej" 2>err &&
	test_grep "open/styr.xml belongs to root and you may not change it" err &&
	test_cmp keep.xml open/styr.xml &&
	test ! -e open/styr.xml.lock
'

test_expect_success 'the refusals are in Danish under a Danish locale' '
	chmod 444 styr.xml &&
	LANGUAGE=da LC_ALL=da_DK.UTF-8 test_expect_code 1 styr add doc x 2>err &&
	test_grep "skrivebeskyttet" err &&
	chmod 644 styr.xml &&
	LANGUAGE=da LC_ALL=da_DK.UTF-8 test_expect_code 1 \
		styr model export -o styr.xml --force 2>err &&
	test_grep "skriver ikke modellen oven i selve registret" err
'

test_done
