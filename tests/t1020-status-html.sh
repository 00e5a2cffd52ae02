#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The colleagues' status page as a static file (SPEC section 8, issue 12):
# styr handout status --format html.  The page for the Odder example is
# checked against the register by tests/web/status_check.py, which reads
# the register with ElementTree and the page with html.parser, not with
# styr; it must be self-contained (nothing loaded, nothing run), and
# axe-core in a real browser (tests/web/browser.py: Debian's chromium)
# must find no WCAG 2.1 A/AA violation at phone (360 px) and projector
# (1280 px) width.  The screenshots stay in tests/web/screenshots/ for a
# person to look at.  A browser check is skipped (TAP "# SKIP") only when
# chromium is not installed.
. "$(dirname "$0")/lib.sh"

WEB=$SRC_DIR/tests/web
SHOTS=$WEB/screenshots
CHECK="python3 $WEB/status_check.py"
browser() { python3 "$WEB/browser.py" "$@"; }
TODAY=$(date +%F)

test_expect_success 'set-up: the Odder example, one milestone open, two meetings to come' '
	mkdir bin && ln -s "$STYR" bin/styr &&
	PATH=$TRASH/bin:$PATH STYR="$STYR" \
		"$SRC_DIR/examples/odder/run.sh" "$TRASH/odder" >out 2>err &&
	cp odder/odder.xml styr.xml &&
	styr -q milestone undo 5.4 &&
	styr -q meeting add workshop "Evaluering: ny visitationsmodel" \
		--date 2030-03-14 --phase 6 &&
	styr -q meeting add steering "Opfølgning & \"spredning\" <til alle>" \
		--date 2030-01-09 --phase 6 &&
	cp styr.xml before.xml
'

test_expect_success 'handout status --format html writes one page, and nothing else' '
	styr handout status --format html -o status.html >out 2>err &&
	test_grep "status.html" err &&
	test -s status.html &&
	ls -a | grep -v "^\.\{1,2\}$" | sort >files &&
	test_grep -x status.html files &&
	! grep -q "status.html\." files &&
	cmp styr.xml before.xml
'

test_expect_success 'the default name is status.html' '
	mkdir default && cp styr.xml default/ && (
		cd default && styr handout status --format html 2>/dev/null &&
		test -s status.html
	)
'

test_expect_success 'the page is well-formed: XML, and HTML as html.parser reads it' '
	xmllint --noout status.html &&
	head -n 1 status.html >first &&
	echo "<!DOCTYPE html>" >want &&
	test_cmp want first
'

test_expect_success 'the page names the phases, the current one, decisions and why, next steps, meetings held and coming (checked against the register)' '
	$CHECK status.html styr.xml da "$TODAY" >check.out &&
	cat check.out &&
	test_grep "6 phases, 6 decisions, 1 next steps, 21 held and 2 coming meetings" check.out
'

test_expect_success 'values are escaped, not markup' '
	test_grep "Opfølgning &amp; \"spredning\" &lt;til alle&gt;" status.html &&
	! grep -q "<til alle>" status.html
'

test_expect_success 'the checker itself finds a page that lies (no current phase, a wrong date)' '
	sed "s/ aria-current=\"step\"//" status.html >bad1.html &&
	test_must_fail $CHECK bad1.html styr.xml da "$TODAY" &&
	sed "s/2030-01-09/2030-01-10/" status.html >bad2.html &&
	test_must_fail $CHECK bad2.html styr.xml da "$TODAY" &&
	sed "s/<p class=\"org\">/<script>alert(1)<\/script>&/" status.html >bad3.html &&
	test_must_fail $CHECK bad3.html styr.xml da "$TODAY"
'

test_expect_success 'the page is self-contained: no address, no script, no style from elsewhere' '
	! grep -i -E "<script|<link|<img|<iframe|src=|href=|url\(|@import" status.html &&
	! grep -o -E "https?://[^\" ]*" status.html | grep -v "^http://www.w3.org/1999/xhtml$"
'

test_expect_success 'English with --lang en' '
	styr handout status --format html --lang en -o status-en.html 2>/dev/null &&
	$CHECK status-en.html styr.xml en "$TODAY" &&
	test_grep "Where are we?" status-en.html &&
	test_grep "What happens next?" status-en.html &&
	! grep -q "Hvor står vi" status-en.html
'

test_expect_success 'a new register: phase 1 and its milestones, nothing decided or held yet' '
	mkdir empty && (
		cd empty && styr -q init --org "Tom Kommune" --title "Intet endnu" &&
		styr handout status --format html -o s.html 2>/dev/null &&
		xmllint --noout s.html &&
		$CHECK s.html styr.xml da "$TODAY" >check.out &&
		test_grep "6 phases, 0 decisions, 3 next steps, 0 held and 0 coming" check.out &&
		test_grep "Der er ingen planlagte møder lige nu" s.html &&
		test_grep "Styregruppen har ikke truffet beslutninger endnu" s.html &&
		test_grep "Der er ikke holdt nogen møder endnu" s.html
	)
'

test_expect_success 'refused: an .odt name with --format html, an .html name without it (usage, 2)' '
	test_expect_code 2 styr handout status --format html -o s.odt 2>err &&
	test_grep "s.odt" err &&
	test_expect_code 2 styr handout status -o s.html 2>err &&
	test_grep "format html" err &&
	test_expect_code 2 styr handout status --format odt -o s.html 2>/dev/null &&
	test_expect_code 2 styr handout workshop --format html -o w.html 2>err &&
	test_grep "workshop" err &&
	test_expect_code 2 styr handout status --format html --area VIS \
		-o a.html 2>/dev/null &&
	! ls s.odt s.html w.html a.html 2>/dev/null
'

test_expect_success 'refused: an existing page without --force (1), replaced with it' '
	cp status.html kept.html &&
	test_expect_code 1 styr handout status --format html -o status.html 2>err &&
	test_grep "force" err &&
	cmp status.html kept.html &&
	styr -q milestone done 5.4 &&
	styr handout status --format html -o status.html --force 2>/dev/null &&
	! cmp -s status.html kept.html &&
	cp before.xml styr.xml
'

test_expect_success 'every milestone of the phase reached: the page names the next phase' '
	styr -q milestone done 5.4 &&
	styr handout status --format html -o next.html 2>/dev/null &&
	test_grep "Der er ingen åbne milepæle i den nuværende fase. Næste fase er Evaluering og spredning." next.html &&
	styr handout status --format html --lang en -o next-en.html 2>/dev/null &&
	test_grep "There are no open milestones in the current phase. The next phase is Evaluation and dissemination." next-en.html &&
	cp before.xml styr.xml &&
	styr handout status --format html -o open.html 2>/dev/null &&
	! grep -q "Næste fase er" open.html
'

test_expect_success 'refused: writing over the register or the template, even with --force' '
	cp styr.xml reg.html &&
	test_expect_code 1 styr -f reg.html handout status --format html \
		-o reg.html --force 2>err &&
	cmp reg.html styr.xml &&
	mkdir own && cp "$SRC_DIR/templates/da/status.xhtml" own/ &&
	cp own/status.xhtml kept.xhtml &&
	test_expect_code 2 styr handout status --format html --template-dir own \
		-o own/status.xhtml --force 2>/dev/null &&
	cmp own/status.xhtml kept.xhtml
'

test_expect_success 'a restyled template of ones own is used (--template-dir), its values still filled' '
	sed -e "s/Hvor står vi?/Sådan går det/" -e "s/--accent: #0b5394/--accent: #6b2c91/" \
		"$SRC_DIR/templates/da/status.xhtml" >own/status.xhtml &&
	styr handout status --format html --template-dir own -o mine.html 2>/dev/null &&
	test_grep "Sådan går det" mine.html &&
	test_grep "#6b2c91" mine.html &&
	$CHECK mine.html styr.xml da "$TODAY"
'

test_expect_success 'a template with an unknown field: nothing written (3), the field named' '
	sed "s/{{organisation}}/{{organization}}/" \
		"$SRC_DIR/templates/da/status.xhtml" >own/status.xhtml &&
	test_expect_code 3 styr handout status --format html --template-dir own \
		-o broken.html 2>err &&
	test_grep "organization" err &&
	! test -e broken.html &&
	! ls broken.html.* 2>/dev/null
'

if browser present; then
	test_expect_success 'the browser harness finds violations on a page that has them' '
		printf "%s\n" "<!DOCTYPE html><html><head><title>x</title></head>" \
			"<body><img src=\"a.png\"><p style=\"color:#eee\">low contrast</p></body></html>" >bad.html &&
		test_expect_code 1 browser axe bad.html --width 360 >axe.out 2>&1 &&
		test_grep "image-alt" axe.out &&
		test_grep "html-has-lang" axe.out &&
		test_grep "color-contrast" axe.out
	'

	test_expect_success 'axe-core: no WCAG 2.1 A/AA violation at 360 and 1280 px (Danish; screenshots)' '
		mkdir -p "$SHOTS" &&
		browser axe status.html --width 360 --width 1280 \
			--screenshot "$SHOTS/status-{width}.png" >axe.out 2>&1 ||
			{ cat axe.out; false; } &&
		cat axe.out &&
		test -s "$SHOTS/status-360.png" && test -s "$SHOTS/status-1280.png"
	'

	test_expect_success 'axe-core: none in English, none on the empty register' '
		browser axe status-en.html --width 360 --width 1280 --lang en \
			--screenshot "$SHOTS/status-en-{width}.png" >axe.out 2>&1 ||
			{ cat axe.out; false; } &&
		browser axe empty/s.html --width 360 \
			--screenshot "$SHOTS/status-empty-{width}.png" >axe.out 2>&1 ||
			{ cat axe.out; false; }
	'

	test_expect_success 'in the browser, the page loads nothing besides itself' '
		browser resources status.html >res &&
		! test -s res
	'
else
	skip "chromium is not installed: no axe-core check"
	skip "chromium is not installed: no axe-core check"
	skip "chromium is not installed: no axe-core check"
	skip "chromium is not installed: no resources check"
fi

test_done
