#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# PDF handouts (SPEC section 10): styr handout NAME -o FILE.pdf, --format
# pdf and --pdf convert the ODT with LibreOffice (soffice --headless, a
# private profile, a time limit).  pdftotext reads what a reader of the
# PDF reads: the organisation, the items and the figures, worked out here
# from the register's numbers.  The refusals write nothing: a name that
# says another format, LibreOffice missing (a PATH without soffice), a
# LibreOffice that hangs (killed at the time limit) or makes no PDF, and
# a styr killed mid-conversion; no temporary file or folder stays, and no
# LibreOffice process outlives styr.  A check is skipped (TAP "# SKIP")
# only when LibreOffice or pdftotext is not installed.
. "$(dirname "$0")/lib.sh"

# The conversions' temporary folders go here, so that the tests can see
# that none stays.
mkdir tmp
export TMPDIR="$TRASH/tmp"
no_leftovers() {
	if [ -n "$(ls -A "$TMPDIR")" ]; then
		echo "left in TMPDIR:" >&2
		ls -lA "$TMPDIR" >&2
		return 1
	fi
}
# pdftext FILE: the PDF's text, one line per line, for grep.
pdftext() { pdftotext -layout "$1" - | tr -s ' '; }

test_expect_success 'set-up: a register with items, burden, ratings, votes' '
	styr init --org "Testkommune Nord" --title "Forsøg med styring" &&
	styr area add VIS "Visitation" &&
	styr add doc "Udredning efter VUM" --area VIS >/dev/null &&
	styr add rule "Timer pr. uge" >/dev/null &&
	styr burden D1 --minutes 30 --per-year 400 --staff 4 &&
	styr burden R1 --minutes 15 --per-year 10 --tariff 450 &&
	styr rate D1 too-tight && styr rate D1 too-tight &&
	styr rate D1 supportive &&
	styr meeting add workshop "Workshop" --date 2026-03-01 --phase 4 >/dev/null &&
	styr vote D1 remove --count 3 --meeting M1 &&
	styr vote R1 change --count 2 --meeting M1
'

if have soffice && have pdftotext; then
	test_expect_success '-o FILE.pdf writes a PDF with the organisation, items and figures' '
		styr handout workshop -o ark.pdf 2>err &&
		test_grep "wrote ark.pdf" err &&
		head -c 5 ark.pdf | grep -q "^%PDF-" &&
		pdftext ark.pdf >ark.txt &&
		test_grep -i "Testkommune Nord" ark.txt &&
		test_grep "Udredning efter VUM" ark.txt &&
		test_grep "Timer pr. uge" ark.txt &&
		test_grep "Visitation" ark.txt &&
		# 30 minutes x 400 a year = 200 hours, 50 for each of 4;
		# 15 x 10 = 2.5 hours (Danish: 2,5).
		hours=$((30 * 400 / 60)) && per=$((hours / 4)) &&
		test_grep -w "$hours" ark.txt &&
		test_grep -i "$per pr. medarbejder" ark.txt &&
		test_grep "2,5" ark.txt &&
		no_leftovers
	'

	test_expect_success '--format pdf and --pdf name it NAME.pdf; --lang en' '
		styr handout styregruppe --format pdf 2>err &&
		test -s styregruppe.pdf && test ! -e styregruppe.odt &&
		pdftext styregruppe.pdf >s.txt &&
		test_grep -i "Testkommune Nord" s.txt &&
		test_grep "Udredning efter VUM" s.txt &&
		test_grep "Timer pr. uge" s.txt &&
		# The votes as the memo tallies them.
		test_grep -w "3" s.txt && test_grep -w "2" s.txt &&
		mkdir en && (cd en && styr -f ../styr.xml handout status --pdf --lang en) &&
		pdftext en/status.pdf >e.txt &&
		test_grep -i "Testkommune Nord" e.txt &&
		no_leftovers
	'

	test_expect_success 'an existing PDF needs --force; then it is replaced whole' '
		echo old >old.pdf &&
		test_expect_code 1 styr handout workshop -o old.pdf 2>err &&
		test_grep "use --force" err &&
		test "$(cat old.pdf)" = old &&
		styr handout workshop -o old.pdf --force &&
		head -c 5 old.pdf | grep -q "^%PDF-" &&
		no_leftovers
	'

	test_expect_success 'a temporary folder with spaces and letters like ø works' '
		mkdir "tmp/sti med æøå" &&
		TMPDIR="$TMPDIR/sti med æøå" styr handout workshop -o sti.pdf &&
		pdftext sti.pdf | grep -q "Udredning efter VUM" &&
		rmdir "tmp/sti med æøå" && no_leftovers
	'
else
	skip "LibreOffice (soffice) or pdftotext is not installed"
	skip "LibreOffice (soffice) or pdftotext is not installed"
	skip "LibreOffice (soffice) or pdftotext is not installed"
	skip "LibreOffice (soffice) or pdftotext is not installed"
fi

test_expect_success 'the name must say the format written' '
	test_expect_code 2 styr handout workshop --format pdf -o wrong.odt 2>err &&
	test_grep "named .pdf" err &&
	test_expect_code 2 styr handout workshop --pdf -o wrong.docx 2>err &&
	test_expect_code 2 styr handout workshop --format odt -o wrong.pdf 2>err &&
	test_grep "name it .odt, or .pdf" err &&
	test_expect_code 2 styr handout workshop --pdf --format html 2>err &&
	test_expect_code 2 styr handout status --pdf -o s.html 2>err &&
	test_expect_code 2 styr handout workshop --format docx 2>err &&
	test_grep "odt, pdf or html" err &&
	! ls wrong.* 2>/dev/null && no_leftovers
'

# A PATH with what styr needs but no soffice: the binary is called by its
# full path, so an empty folder will do.
mkdir nobin fakebin
test_expect_success 'without LibreOffice: says how to install it, writes nothing' '
	PATH="$TRASH/nobin" test_expect_code 1 "$STYR" handout workshop -o x.pdf 2>err &&
	test_grep "LibreOffice" err &&
	test_grep "apt-get install libreoffice-writer-nogui" err &&
	PATH="$TRASH/nobin" test_expect_code 1 "$STYR" handout workshop --pdf 2>err &&
	test ! -e x.pdf && test ! -e workshop.pdf && test ! -e workshop.odt &&
	no_leftovers
'

# A LibreOffice that hangs: killed at the time limit, with everything it
# started (the child it forked too).
cat >fakebin/soffice <<'EOF'
#!/bin/sh
echo $$ >"$FAKE_PIDS"
sleep 300 &
echo $! >>"$FAKE_PIDS"
wait
EOF
chmod +x fakebin/soffice
gone() {
	for pid in $(cat "$1"); do
		i=0
		while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do
			sleep 0.1
			i=$((i + 1))
		done
		if kill -0 "$pid" 2>/dev/null; then
			echo "process $pid outlived styr" >&2
			return 1
		fi
	done
}

test_expect_success 'a LibreOffice that hangs is stopped at the time limit' '
	start=$(date +%s) &&
	FAKE_PIDS=$TRASH/pids PATH="$TRASH/fakebin:$PATH" STYR_PDF_TIMEOUT=1 \
		test_expect_code 1 styr handout workshop -o slow.pdf 2>err &&
	end=$(date +%s) &&
	test $((end - start)) -lt 30 &&
	test_grep "did not finish the PDF within 1 seconds" err &&
	test_grep "nothing was written" err &&
	test $(wc -l <pids) = 2 && gone pids &&
	test ! -e slow.pdf && no_leftovers
'

test_expect_success 'a LibreOffice that makes no PDF: its words, nothing written' '
	printf "#!/bin/sh\necho \"Error: source file could not be loaded\"\n" \
		>fakebin/soffice &&
	PATH="$TRASH/fakebin:$PATH" test_expect_code 1 styr handout workshop -o none.pdf 2>err &&
	test_grep "made no PDF (it said: Error: source file could not be loaded)" err &&
	test ! -e none.pdf && no_leftovers
'

test_expect_success 'styr killed mid-conversion: LibreOffice and the files go too' '
	cat >fakebin/soffice <<-\EOF &&
	#!/bin/sh
	sleep 300 &
	echo $! >"$FAKE_PIDS"
	echo $$ >>"$FAKE_PIDS"
	wait
	EOF
	rm -f pids &&
	for sig in TERM HUP; do
		rm -f pids &&
		# Braces: "$!" is styr itself, not a subshell around it.
		{ FAKE_PIDS=$TRASH/pids PATH="$TRASH/fakebin:$PATH" \
			"$STYR" handout workshop -o killed.pdf 2>err & } &&
		styr_pid=$! && echo $styr_pid >styr.pid &&
		i=0 &&
		while [ "$(cat pids 2>/dev/null | wc -l)" != 2 ] && [ $i -lt 100 ]; do
			sleep 0.1; i=$((i + 1))
		done &&
		{ test -n "$(ls -A "$TMPDIR")" || { echo "$sig: no folder"; exit 1; }; } &&
		kill -$sig $styr_pid &&
		{ wait $styr_pid; rc=$?; } &&
		{ test $rc -gt 128 || { echo "$sig: exit $rc"; cat err; exit 1; }; } &&
		gone pids &&
		test ! -e killed.pdf && no_leftovers || exit 1
	done
'
# Should a step above have failed, nothing it started outlives the test.
for pid in $(cat styr.pid pids 2>/dev/null); do
	kill -KILL "$pid" 2>/dev/null
done

test_done
