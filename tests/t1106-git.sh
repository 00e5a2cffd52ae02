#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# styr git setup (SPEC section 9) with real git: the merge driver merges
# a register by meaning (a clean merge needs no human; a conflicted one
# leaves a valid register with the conflicts recorded and git reports the
# file as conflicted), and git diff / git log -p read as sentences.
. "$(dirname "$0")/lib.sh"

if ! command -v git >/dev/null; then
	echo "1..0 # SKIP git is not installed"
	exit 0
fi

STYR_USER=tester
export STYR_USER
GIT_CONFIG_NOSYSTEM=1 HOME=$TRASH
export GIT_CONFIG_NOSYSTEM HOME
git config --global user.email agent@example.org
git config --global user.name Agent
git config --global init.defaultBranch main

test_expect_success 'setup outside a repository is refused' '
	test_expect_code 1 styr git setup 2>err &&
	test_grep "not inside a git repository" err
'

test_expect_success 'setup writes the driver, the attributes and the diff driver' '
	git init -q office &&
	cd office &&
	styr -q init --org "Odder Kommune" &&
	styr -q person add "Anna Holm" --role agent >/dev/null &&
	styr -q meeting add workshop "Workshop" --date 2026-03-01 --phase 4 >/dev/null &&
	styr -q phase start 4 2>/dev/null &&
	styr -q add goal "Borgeren i centrum" >/dev/null &&
	styr -q add rule "Tidsregistrering" >/dev/null &&
	styr git setup 2>err &&
	test_grep "styr.xml merge=styr diff=styr" .gitattributes &&
	git config merge.styr.driver >driver &&
	test_grep "merge --label %P %A %O %B" driver &&
	git config diff.styr.textconv >textconv &&
	test_grep "git textconv" textconv &&
	styr git setup 2>err &&
	test "$(grep -c styr .gitattributes)" = 1 &&
	rm driver textconv err &&
	git add styr.xml .gitattributes &&
	git commit -qm "the register" &&
	cd ..
'

test_expect_success 'git diff and git log -p show sentences' '
	cd office &&
	styr -q vote R1 remove --by "Anna Holm" --meeting M1 &&
	git diff >../diff &&
	test_grep "^+R1: vote by Anna Holm (M1): remove" ../diff &&
	! grep "<vote" ../diff &&
	git commit -qam vote &&
	git log -p -1 >../log &&
	test_grep "^+R1: vote by Anna Holm (M1): remove" ../log &&
	cd ..
'

test_expect_success 'a clean merge of two clones needs no human' '
	git clone -q office anna &&
	(cd anna && styr git setup 2>/dev/null) &&
	(cd anna && styr -q add doc "Annas krav" >/dev/null &&
	 styr -q note G1 "Sagt i marken" && git commit -qam anna) &&
	(cd office && styr -q add doc "Kontorets krav" >/dev/null &&
	 styr -q edit R1 --owner "Leder" && git commit -qam office) &&
	cd office &&
	git pull -q --no-rebase --no-edit ../anna main 2>../err &&
	git status --porcelain >../status &&
	! test -s ../status &&
	valid styr.xml &&
	styr list --format csv >../list &&
	test_grep "Annas krav" ../list &&
	test_grep "Kontorets krav" ../list &&
	styr show G1 >../show &&
	test_grep "Sagt i marken" ../show &&
	styr show R1 >../show &&
	test_grep "Leder" ../show &&
	test_grep "both sides added D1" ../err &&
	cd ..
'

test_expect_success 'a conflicted merge: valid register, conflicts recorded, git says conflicted' '
	(cd anna && git pull -q --no-rebase --no-edit ../office main &&
	 styr -q edit G1 --title "Annas titel" && git commit -qam title) &&
	(cd office && styr -q edit G1 --title "Kontorets titel" &&
	 git commit -qam title) &&
	cd office &&
	test_must_fail git pull -q --no-rebase --no-edit ../anna main >../out 2>&1 &&
	git status --porcelain >../status &&
	test_grep "^UU styr.xml" ../status &&
	valid styr.xml &&
	! grep "<<<<<<<" styr.xml &&
	styr conflicts >../conflicts &&
	test_grep "G1: title" ../conflicts &&
	styr conflicts resolve C1 theirs &&
	git add styr.xml && git commit -qm merged &&
	styr show G1 >../show &&
	test_grep "Annas titel" ../show &&
	cd ..
'

test_done
