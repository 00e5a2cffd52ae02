#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# make install: under any PREFIX, whatever PREFIX the build had, staged
# with DESTDIR, and after the installed tree is moved, the installed binary
# finds its templates and its Danish by itself, from any directory
# (src/paths.c); a binary copied alone says once what it lacks.
. "$(dirname "$0")/lib.sh"

# Nothing may help the installed binary find its data: the suite's
# STYR_DATADIR and STYR_LOCALEDIR would hide exactly what is tested here.
unset STYR_DATADIR STYR_LOCALEDIR
# The make this test runs is not a sub-make of the suite's.
unset MAKEFLAGS MAKELEVEL MFLAGS

# The binary under test is the one installed, never a rebuild: under
# check-asan that is build/asan's, so the installed binary's lookups run
# under ASan+UBSan too.  Any other binary is not this tree's to install.
if [ "$STYR" -ef "$SRC_DIR/build/styr" ]; then
	MAKE_ARGS="B=build"
elif [ "$STYR" -ef "$SRC_DIR/build/asan/styr" ]; then
	MAKE_ARGS="B=build/asan SANITIZE=1"
else
	echo "1..0 # SKIP $STYR is not this tree's build/styr or build/asan/styr"
	exit 0
fi
if ! make -s -q -C "$SRC_DIR" $MAKE_ARGS all >/dev/null 2>&1; then
	echo "1..0 # SKIP the build is not up to date (make install would rebuild it)"
	exit 0
fi

# install [VAR=value...]: make install with the built binary.
install_styr() {
	make -C "$SRC_DIR" $MAKE_ARGS install "$@" >"$TRASH/make.out" 2>&1 ||
		{ cat "$TRASH/make.out"; return 1; }
}

# installed PREFIX: the files make install puts under PREFIX are there,
# the binary the one built.
installed() {
	for f in bin/styr share/man/man1/styr.1 share/man/man5/styr.5 \
		share/locale/da/LC_MESSAGES/styr.mo \
		share/styr/templates/da/status/content.xml \
		share/styr/templates/en/workshop/content.xml; do
		test -f "$1/$f" || { echo "missing: $1/$f"; return 1; }
	done
	cmp "$STYR" "$1/bin/styr"
}

# runs BIN: from a new directory far from BIN, the installed BIN starts a
# register, prints the status handout and speaks Danish, and says nothing
# else on stderr.
runs() {
	work=$(mktemp -d "$TRASH/work.XXXXXX") &&
	cd "$work" &&
	"$1" -q init --org "Odder Kommune" 2>err &&
	"$1" -q handout status 2>>err &&
	test "$(unzip -p status.odt mimetype)" = \
		application/vnd.oasis.opendocument.text &&
	{ test ! -s err || { cat err; false; }; } &&
	mkdir empty && cd empty &&
	test_expect_code 3 env LC_ALL=da_DK.UTF-8 LANG=da_DK.UTF-8 \
		"$1" list 2>err &&
	test_grep "intet register" err &&
	test "$(wc -l <err)" = 1 &&
	LC_ALL=da_DK.UTF-8 LANG=da_DK.UTF-8 "$1" --help >out &&
	test_grep "^Kommandoer:" out
}

test_expect_success 'make install PREFIX=... installs the binary as built' '
	install_styr PREFIX="$TRASH/p1" &&
	installed "$TRASH/p1"
'

test_expect_success 'the installed binary finds its templates and Danish' '
	runs "$TRASH/p1/bin/styr"
'

test_expect_success 'a PREFIX with a space in it' '
	install_styr PREFIX="$TRASH/Mine programmer/styr" &&
	installed "$TRASH/Mine programmer/styr" &&
	runs "$TRASH/Mine programmer/styr/bin/styr"
'

test_expect_success 'a PREFIX in a home directory (~/.local)' '
	install_styr PREFIX="$TRASH/home/.local" &&
	installed "$TRASH/home/.local" &&
	runs "$TRASH/home/.local/bin/styr"
'

test_expect_success 'DESTDIR stages the install; the staged tree moved into place' '
	install_styr DESTDIR="$TRASH/stage" PREFIX=/opt/styr &&
	test "$(ls -A "$TRASH/stage")" = opt &&
	test "$(ls -A "$TRASH/stage/opt")" = styr &&
	installed "$TRASH/stage/opt/styr" &&
	mkdir "$TRASH/opt" &&
	mv "$TRASH/stage/opt/styr" "$TRASH/opt/styr" &&
	runs "$TRASH/opt/styr/bin/styr"
'

test_expect_success 'a whole installed tree moved elsewhere keeps working' '
	mkdir -p "$TRASH/moved to" &&
	mv "$TRASH/p1" "$TRASH/moved to/styr-tree" &&
	test ! -e "$TRASH/p1" &&
	runs "$TRASH/moved to/styr-tree/bin/styr"
'

test_expect_success 'a link to the installed binary (~/bin/styr) finds its data' '
	mkdir "$TRASH/linkbin" &&
	ln -s "$TRASH/moved to/styr-tree/bin/styr" "$TRASH/linkbin/styr" &&
	runs "$TRASH/linkbin/styr"
'

test_expect_success 'make uninstall removes every file make install put there' '
	make -C "$SRC_DIR" $MAKE_ARGS uninstall \
		PREFIX="$TRASH/Mine programmer/styr" >make.out 2>&1 &&
	find "$TRASH/Mine programmer/styr" -type f >left &&
	{ test ! -s left || { cat left; false; }; }
'

# A binary copied alone: nothing beside it, and the build's own place for
# the data (the default PREFIX) must not hold any either.
mkdir "$TRASH/bare" && cp "$STYR" "$TRASH/bare/styr"
BARE="$TRASH/bare/styr"
if [ -d /usr/local/share/styr/templates ]; then
	say "skipping the bare binary: /usr/local/share/styr holds templates"
else
	test_expect_success 'a bare binary says once that the built-in templates are missing' '
		mkdir bare-work && cd bare-work &&
		"$BARE" -q init --org "Odder Kommune" &&
		test_expect_code 3 "$BARE" handout status 2>err &&
		cat err &&
		test "$(wc -l <err)" = 1 &&
		test_grep "^styr: the built-in templates are missing: styr looked in .$TRASH/share/styr/templates." err &&
		test_grep "make install" err &&
		test_grep "STYR_DATADIR" err &&
		! grep -q "unknown template" err &&
		test ! -e status.odt
	'

	test_expect_success 'in Danish when the locale asks for it' '
		cd bare-work &&
		test_expect_code 3 env LC_ALL=da_DK.UTF-8 LANG=da_DK.UTF-8 \
			STYR_LOCALEDIR="$SRC_DIR/locale" "$BARE" handout status 2>err &&
		test_grep "de indbyggede skabeloner mangler" err
	'

	test_expect_success 'its own templates still work; STYR_DATADIR as the message says' '
		cd bare-work &&
		STYR_TEMPLATES="$SRC_DIR/templates/da" "$BARE" -q handout status &&
		test -f status.odt &&
		STYR_DATADIR="$SRC_DIR/templates" "$BARE" -q handout workshop &&
		test -f workshop.odt
	'

	test_expect_success 'styr templates says it too, and lists the rest' '
		cd bare-work &&
		"$BARE" templates >out 2>err &&
		test "$(wc -l <err)" = 1 &&
		test_grep "built-in templates are missing" err
	'

	test_expect_success 'a Danish locale without the translation: one warning' '
		mkdir bare-empty && cd bare-empty &&
		test_expect_code 3 env LC_ALL=da_DK.UTF-8 LANG=da_DK.UTF-8 \
			"$BARE" list 2>err &&
		cat err &&
		test "$(grep -c "no translation for .da." err)" = 1 &&
		test_grep "STYR_LOCALEDIR" err &&
		test_grep "no register here" err &&
		test "$(wc -l <err)" = 2 &&
		test_expect_code 3 "$BARE" list 2>err &&
		test "$(wc -l <err)" = 1
	'
fi

test_done
