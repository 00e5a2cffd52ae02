#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# model: export the default model to tailor, show the register's own, and
# init --model with tailored and broken models.
. "$(dirname "$0")/lib.sh"

today=$(date +%F)
# A broken model must stop init with exit 3 and an error naming FILE and
# LINE, leaving no register (and no lock) behind.
init_refused() {
	file=$1 line=$2
	test_expect_code 3 styr -f reg.xml init --model "$file" 2>err &&
	test_grep "^styr: $file:$line: " err &&
	test ! -e reg.xml && test ! -e reg.xml.lock
}

test_expect_success 'model export prints the default model byte for byte' '
	styr model export >out.xml &&
	cmp "$SRC_DIR/data/model.xml" out.xml
'

test_expect_success 'model export -o FILE; an existing file needs --force' '
	styr model export -o mine.xml &&
	cmp "$SRC_DIR/data/model.xml" mine.xml &&
	echo "my own edits" >mine.xml &&
	test_expect_code 1 styr model export -o mine.xml 2>err &&
	test_grep "mine.xml: the file exists; use --force" err &&
	test_grep "my own edits" mine.xml &&
	styr model export -o mine.xml --force &&
	cmp "$SRC_DIR/data/model.xml" mine.xml &&
	test_expect_code 1 styr model export -o nodir/x.xml 2>err &&
	test_grep "nodir/x.xml: cannot write" err
'

test_expect_success 'the exported model starts a register as it is' '
	styr model export >exported.xml &&
	styr -f e.xml init --model exported.xml 2>/dev/null &&
	valid e.xml &&
	test "$(grep -c "<milestone " e.xml)" = 24 &&
	test_grep "<model current=\"1\" small-steps=\"1\">" e.xml
'

test_expect_success 'model show: the register'"'"'s phases, milestones and small steps' '
	styr -f e.xml model show >out &&
	head -n 6 out >got &&
	cat >expect <<-\EOF &&
	6 phases, 24 milestones
	Small steps: focus in at most 1 review area at a time

	1  Support and organisation
	   1.1  Management and MED have decided the whole process and the project description
	   1.2  The organisation, including the steering group, is decided
	EOF
	test_cmp expect got &&
	test "$(grep -c "^   [1-6]\.[1-9]  " out)" = 24 &&
	test_grep "^6  Evaluation and dissemination$" out &&
	styr -f e.xml model >out2 &&
	test_cmp out out2
'

test_expect_success 'a tailored model: 4 phases, own milestones, small-steps 2' '
	cat >tailored.xml <<-\EOF &&
	<?xml version="1.0" encoding="UTF-8"?>
	<!-- Odder: four phases, our own milestones -->
	<model xmlns="urn:x-styr:register:1" small-steps="2">
	  <phase number="1">
	    <name lang="da">Opstart</name>
	    <name lang="en">Kick-off</name>
	    <milestone id="1.1">
	      <title lang="da">Kommissorium godkendt i MED</title>
	      <title lang="en">Terms of reference approved by MED</title>
	    </milestone>
	  </phase>
	  <phase number="2">
	    <name lang="da">Kortlægning</name>
	    <milestone id="2.1"><title lang="da">Feltrejser gennemført</title></milestone>
	    <milestone id="2.2"><title lang="da">Interview gennemført</title></milestone>
	  </phase>
	  <phase number="3">
	    <name lang="da">Prioritering og beslutning</name>
	  </phase>
	  <phase number="4">
	    <name lang="da">Afprøvning</name>
	    <milestone id="4.1"><title lang="da">Pilot evalueret</title></milestone>
	  </phase>
	</model>
	EOF
	styr init --org "Odder Kommune" --model tailored.xml 2>err &&
	test_grep "phase 1 .Kick-off. started" err &&
	valid &&
	test_grep "<model current=\"1\" small-steps=\"2\">" styr.xml &&
	styr model show >out &&
	cat >expect <<-\EOF &&
	4 phases, 4 milestones
	Small steps: focus in at most 2 review areas at a time

	1  Kick-off
	   1.1  Terms of reference approved by MED

	2  Kortlægning
	   2.1  Feltrejser gennemført
	   2.2  Interview gennemført

	3  Prioritering og beslutning

	4  Afprøvning
	   4.1  Pilot evalueret
	EOF
	test_cmp expect out
'

test_expect_success 'the tailored model drives phase, milestone and meeting' '
	styr phase >out &&
	test_grep "^>  1  Kick-off  " out &&
	test_grep "^   2  Kortlægning  " out &&
	test_grep "^   4  Afprøvning  " out &&
	! grep "^   5" out &&
	styr milestone done 1.1 2>/dev/null &&
	styr phase >out &&
	test_grep "^  All milestones of this phase are ticked off$" out &&
	styr phase start 3 2>/dev/null &&
	styr phase >out &&
	test_grep "^Current phase 3: Prioritering og beslutning$" out &&
	test_grep "^  This phase has no milestones$" out &&
	styr milestone list >out &&
	test "$(wc -l <out)" = 5 &&
	styr phase start 4 2>/dev/null &&
	test_expect_code 1 styr phase start 5 2>err &&
	test_grep "unknown phase .5. (the model has phases 1 to 4)" err &&
	test_expect_code 1 styr meeting add workshop "X" --date 2020-01-01 --phase 5 2>err &&
	test_grep "the model has phases 1 to 4" err &&
	styr milestone done 2.2 2>/dev/null &&
	test_grep "<milestone id=\"2.2\" done=\"$today\">" styr.xml &&
	valid
'

test_expect_success 'progress written in a model file is not taken over' '
	sed -e "s/<model /<model current=\"3\" /" \
	    -e "s/<phase number=\"2\">/<phase number=\"2\" status=\"done\" started=\"2020-01-01\" completed=\"2020-02-01\">/" \
	    -e "s/<milestone id=\"2.1\">/<milestone id=\"2.1\" done=\"2020-01-15\">/" \
	    tailored.xml >progress.xml &&
	test_grep "status=\"done\"" progress.xml &&
	styr -f p.xml init --model progress.xml 2>/dev/null &&
	test_grep "<model current=\"1\" small-steps=\"2\">" p.xml &&
	test_grep "<phase number=\"2\">" p.xml &&
	test_grep "<milestone id=\"2.1\">" p.xml &&
	! grep "2020-0" p.xml
'

test_expect_success 'broken: not well-formed XML' '
	printf "<model xmlns=\"urn:x-styr:register:1\" small-steps=\"1\">\n  <phase number=\"1\">\n    <name lang=\"da\">A</phase>\n</model>\n" >bad.xml &&
	init_refused bad.xml 3 &&
	test_grep "not well-formed" err
'

test_expect_success 'broken: the wrong root element or namespace' '
	printf "<?xml version=\"1.0\"?>\n\n<phases xmlns=\"urn:x-styr:register:1\" small-steps=\"1\"/>\n" >root.xml &&
	init_refused root.xml 3 &&
	test_grep "not a styr phase model" err &&
	printf "<model small-steps=\"1\">\n  <phase number=\"1\"><name lang=\"da\">A</name></phase>\n</model>\n" >nons.xml &&
	init_refused nons.xml 1 &&
	test_grep "not a styr phase model" err &&
	printf "<register xmlns=\"urn:x-styr:register:1\" version=\"1\"/>\n" >reg-as-model.xml &&
	init_refused reg-as-model.xml 1
'

test_expect_success 'broken: a milestone id in the wrong phase' '
	cat >wrong.xml <<-\EOF &&
	<model xmlns="urn:x-styr:register:1" small-steps="1">
	  <phase number="1">
	    <name lang="da">A</name>
	    <milestone id="1.1"><title lang="da">x</title></milestone>
	  </phase>
	  <phase number="2">
	    <name lang="da">B</name>
	    <milestone id="1.2"><title lang="da">y</title></milestone>
	  </phase>
	</model>
	EOF
	init_refused wrong.xml 8 &&
	test_grep "milestone .1.2. is in phase 2" err
'

test_expect_success 'broken: phases not numbered 1..n' '
	cat >numbers.xml <<-\EOF &&
	<model xmlns="urn:x-styr:register:1" small-steps="1">
	  <phase number="1">
	    <name lang="da">A</name>
	  </phase>
	  <phase number="3">
	    <name lang="da">C</name>
	  </phase>
	</model>
	EOF
	init_refused numbers.xml 5 &&
	test_grep "phase 3 should be number 2" err &&
	sed "s/number=\"1\"/number=\"2\"/; s/number=\"3\"/number=\"1\"/" numbers.xml >order.xml &&
	init_refused order.xml 2 &&
	test_grep "phase 2 should be number 1" err
'

test_expect_success 'broken: a duplicate milestone id, a phase without a name' '
	cat >dup.xml <<-\EOF &&
	<model xmlns="urn:x-styr:register:1" small-steps="1">
	  <phase number="1">
	    <name lang="da">A</name>
	    <milestone id="1.1"><title lang="da">x</title></milestone>
	    <milestone id="1.1"><title lang="da">y</title></milestone>
	  </phase>
	</model>
	EOF
	init_refused dup.xml 5 &&
	test_grep "milestone id .1.1. is used twice" err &&
	cat >noname.xml <<-\EOF &&
	<model xmlns="urn:x-styr:register:1" small-steps="1">
	  <phase number="1">
	    <milestone id="1.1"><title lang="da">x</title></milestone>
	  </phase>
	</model>
	EOF
	init_refused noname.xml 3
'

test_expect_success 'broken: a DOCTYPE, a missing file' '
	printf "<?xml version=\"1.0\"?>\n<!DOCTYPE model [<!ENTITY x \"y\">]>\n<model xmlns=\"urn:x-styr:register:1\" small-steps=\"1\"/>\n" >dtd.xml &&
	init_refused dtd.xml 2 &&
	test_grep "DOCTYPE" err &&
	test_expect_code 3 styr -f reg.xml init --model missing.xml 2>err &&
	test_grep "missing.xml" err &&
	test ! -e reg.xml
'

test_expect_success 'model show without a register: exit 3' '
	test_expect_code 3 styr -f none.xml model show 2>err &&
	test_grep "none.xml" err
'

test_expect_success 'usage errors exit 2' '
	test_expect_code 2 styr model print 2>err &&
	test_grep "unknown subcommand .print." err &&
	test_expect_code 2 styr model show -o x.xml 2>err &&
	test_expect_code 2 styr model export extra 2>err &&
	test ! -e x.xml
'

test_done
