#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A register made without --title: the handouts name the model where the
# title would stand, so no line ends in "Styregruppen for" or "registret
# for , Kommune".
. "$(dirname "$0")/lib.sh"

test_expect_success 'set-up: a register with an organisation and no title' '
	styr -q init --org "Tom Kommune"
'

test_expect_success 'the status letter is signed by the steering group for the model' '
	styr -q handout status &&
	part status.odt content.xml >c.xml &&
	test_grep ">Styregruppen for Nybureaukratisering<" c.xml &&
	! grep ">Styregruppen for <" c.xml
'

test_expect_success 'the memo and the decision log name the model too' '
	styr -q handout styregruppe &&
	part styregruppe.odt content.xml >c.xml &&
	test_grep ">Styregruppen for Nybureaukratisering<" c.xml &&
	styr -q handout beslutninger &&
	part beslutninger.odt content.xml >c.xml &&
	test_grep "registret for Nybureaukratisering, Tom Kommune" c.xml
'

test_expect_success 'in English, in English' '
	styr -q handout status --lang en -o en.odt &&
	part en.odt content.xml >c.xml &&
	test_grep "New bureaucratisation" c.xml &&
	! grep "Nybureaukratisering" c.xml
'

test_expect_success 'a title given is used as it is' '
	styr -q -f t.xml init --org X --title "Meningsfuld styring" &&
	styr -q -f t.xml handout status -o t.odt &&
	part t.odt content.xml >c.xml &&
	test_grep "Meningsfuld styring" c.xml &&
	! grep "Nybureaukratisering" c.xml
'

test_done
