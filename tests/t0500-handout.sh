#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# styr handout: the ODT package (mimetype first and stored, a fresh
# manifest, meta.xml, ODF 1.3), values from the register escaped and in
# the handout's language, tags split across runs, loops and conditions,
# charts, --area, --lang, template look-up, --check, and what happens to the
# output file when something goes wrong.
. "$(dirname "$0")/lib.sh"

SPLIT=$DATA/split-template

# The entries of the package FILE (part, in lib.sh, prints one).
entries() { perl "$DATA/unzip.pl" -l "$1"; }

# A template directory DIR with content BODY (inside office:text), and
# styles, meta and manifest from the split-tags fixture.
mktpl() {
	mkdir -p "$1/META-INF" &&
	cp "$SPLIT/mimetype" "$SPLIT/styles.xml" "$SPLIT/meta.xml" "$1/" &&
	cp "$SPLIT/META-INF/manifest.xml" "$1/META-INF/" &&
	cat >"$1/content.xml" <<-EOF
	<?xml version="1.0" encoding="UTF-8"?>
	<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2"><office:body><office:text>$2</office:text></office:body></office:document-content>
	EOF
}

# Zips template directory DIR into FILE, mimetype first (as an .odt/.ott).
zipdir() {
	set -- "$1" "$2" "mimetype=@$1/mimetype" &&
	for f in $(cd "$1" && find . -type f ! -name mimetype | sed 's|^\./||' | sort); do
		set -- "$@" "$f,deflate=@$1/$f"
	done &&
	dir=$1 out=$2 && shift 2 && perl "$DATA/mkzip.pl" "$out" "$@"
}

test_expect_success 'set-up: a register with areas, items, votes, burden' '
	styr init --org "Testkommune" --title "Forsøg" &&
	styr area add VIS "Visitation" &&
	styr area add DOK "Dokumentation" &&
	styr person add "Anne Agent" --role agent &&
	styr add doc "Udredning & <VUM>" --area DOK \
		--desc "$(printf "Linje 1\nLinje 2")" >/dev/null &&
	styr add rule "Timer pr. uge" --area VIS >/dev/null &&
	styr add goal "Borgeren mestrer eget liv" >/dev/null &&
	styr burden D1 --minutes 30 --per-year 400 --staff 4 &&
	styr burden R1 --minutes 15 --per-year 10 &&
	styr meeting add workshop "Workshop" --date 2026-03-01 >/dev/null &&
	styr vote D1 remove --count 3 &&
	styr vote D1 change --count 1 &&
	styr vote R1 change --count 2 &&
	styr note D1 "Det tager en hel dag" --by "Anne Agent" &&
	styr prioritise D1 remove --why "For tungt" &&
	styr prioritise R1 change &&
	styr decide D1 selected --why "Ja" 2>/dev/null &&
	cp styr.xml register.xml
'

test_expect_success 'a user template renders to TEMPLATE-NAME.odt here' '
	styr handout "$SPLIT" 2>err &&
	test -f split-template.odt &&
	test_grep "wrote split-template.odt" err
'

test_expect_success 'mimetype is the first entry, stored, with no extra field' '
	perl "$DATA/unzip.pl" -v split-template.odt >v &&
	head -n 1 v >first &&
	echo "0 mimetype method=0 extra=0 central_extra=0 flags=0" >expect &&
	test_cmp expect first &&
	printf "application/vnd.oasis.opendocument.text" >expect &&
	part split-template.odt mimetype >actual &&
	test_cmp expect actual &&
	test "$(head -c 38 split-template.odt | tail -c 8)" = mimetype
'

test_expect_success 'entries in a fixed order: parts, pictures, charts, manifest last' '
	cat >expect <<-\EOF &&
	mimetype
	content.xml
	styles.xml
	meta.xml
	Pictures/logo.svg
	Pictures/chart-1.svg
	Pictures/chart-2.svg
	META-INF/manifest.xml
	EOF
	entries split-template.odt >actual &&
	test_cmp expect actual
'

test_expect_success 'the manifest lists every part with its media type, ODF 1.3' '
	part split-template.odt META-INF/manifest.xml >manifest.xml &&
	xmllint --noout manifest.xml &&
	test_grep "<manifest:manifest [^>]*manifest:version=\"1.3\"" manifest.xml &&
	test_grep "full-path=\"/\" manifest:version=\"1.3\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"" manifest.xml &&
	for p in content.xml styles.xml meta.xml; do
		test_grep "full-path=\"$p\" manifest:media-type=\"text/xml\"" manifest.xml || return 1
	done &&
	for p in logo chart-1 chart-2; do
		test_grep "full-path=\"Pictures/$p.svg\" manifest:media-type=\"image/svg+xml\"" manifest.xml || return 1
	done &&
	test "$(grep -c "<manifest:file-entry" manifest.xml)" = 7
'

test_expect_success 'meta.xml: title and organisation, generator, dates; ODF 1.3' '
	part split-template.odt meta.xml >meta.xml &&
	test_grep "<dc:title>Testark – Testkommune</dc:title>" meta.xml &&
	test_grep "<meta:generator>styr [0-9.]*</meta:generator>" meta.xml &&
	test_grep "<meta:creation-date>$(date -u +%F)T" meta.xml &&
	test_grep "<dc:date>$(date -u +%F)T" meta.xml &&
	for p in content.xml styles.xml meta.xml; do
		part split-template.odt $p >p.xml &&
		xmllint --noout p.xml &&
		test_grep "office:version=\"1.3\"" p.xml || return 1
	done
'

test_expect_success 'values are escaped; a tag split across runs keeps its first run' '
	part split-template.odt content.xml >content.xml &&
	test_grep "outline-level=\"1\">Testkommune: <text:span text:style-name=\"T2\">Forsøg</text:span></text:h>" content.xml &&
	test_grep "Dato: <text:span text:style-name=\"T1\">$(date +%F)</text:span>, fase 1 (Opbakning og organisering)" content.xml &&
	test_grep "Udredning &amp; &lt;VUM&gt;" content.xml &&
	! grep "{{" content.xml
'

test_expect_success 'loops over areas and their items in table rows; marker rows vanish' '
	test "$(grep -o "<table:table-row>" content.xml | wc -l)" = 4 &&
	test_grep "Område VIS: Visitation</text:h><table:table [^>]*><table:table-column [^>]*/><table:table-header-rows><table:table-row>.*Fjerne</text:p></table:table-cell></table:table-row></table:table-header-rows><table:table-row><table:table-cell office:value-type=\"string\"><text:p>R1</text:p>" content.xml &&
	test_grep "<text:p>D1</text:p></table:table-cell><table:table-cell office:value-type=\"string\"><text:p>Udredning &amp; &lt;VUM&gt;</text:p></table:table-cell><table:table-cell office:value-type=\"string\"><text:p>3</text:p>" content.xml
'

test_expect_success 'conditions, numbers in Danish, quotes in list items' '
	test_grep "D1 Udredning &amp; &lt;VUM&gt;</text:span>: 200 timer om året</text:p><text:p text:style-name=\"Standard\">Forslag: fjernes.</text:p><text:list><text:list-item><text:p text:style-name=\"Standard\">Citat: Det tager en hel dag (Anne Agent)</text:p></text:list-item></text:list>" content.xml &&
	test_grep "R1 Timer pr. uge</text:span>: 2,5 timer om året</text:p><text:p text:style-name=\"Standard\">Forslag: Forandre.</text:p><text:list/>" content.xml &&
	test_grep "G1 Borgeren mestrer eget liv</text:span>: ikke opgjort</text:p><text:p text:style-name=\"Standard\">Forslag: intet.</text:p>" content.xml &&
	test_grep "Uden område: 3 punkter i alt." content.xml
'

test_expect_success 'charts: frames in their paragraphs, SVG pictures in the package' '
	test_grep "<text:p text:style-name=\"Standard\"><draw:frame draw:name=\"Chart 1\" text:anchor-type=\"as-char\" svg:width=\"16.00cm\" svg:height=\"[0-9.]*cm\"><draw:image xlink:href=\"Pictures/chart-1.svg\" xlink:type=\"simple\" xlink:show=\"embed\" xlink:actuate=\"onLoad\" draw:mime-type=\"image/svg+xml\"/><svg:title>Stemmer pr. punkt</svg:title></draw:frame></text:p>" content.xml &&
	test_grep "xlink:href=\"Pictures/chart-2.svg\"" content.xml &&
	part split-template.odt Pictures/chart-1.svg >votes.svg &&
	part split-template.odt Pictures/chart-2.svg >burden.svg &&
	xmllint --noout votes.svg burden.svg &&
	test_grep ">D1 Udredning &amp; &lt;VUM&gt;<" votes.svg &&
	test_grep ">Fjerne<" votes.svg &&
	test_grep ">Forankre<" votes.svg &&
	test_grep ">Dokumentation<" burden.svg &&
	test_grep ">200 timer<" burden.svg &&
	test_grep ">I alt: 202,5 timer pr. år.<" burden.svg
'

test_expect_success 'the page footer in styles.xml is filled in too' '
	part split-template.odt styles.xml >styles.xml &&
	test_grep "<text:p text:style-name=\"Standard\">Testkommune – side <text:page-number" styles.xml
'

test_expect_success 'the template picture is copied through' '
	part split-template.odt Pictures/logo.svg >logo.svg &&
	test_cmp "$SPLIT/Pictures/logo.svg" logo.svg
'

test_expect_success 'an existing output is refused without --force, left alone' '
	echo keep >split-template.odt &&
	test_expect_code 1 styr handout "$SPLIT" 2>err &&
	test_grep "split-template.odt exists; use --force" err &&
	test "$(cat split-template.odt)" = keep &&
	styr handout "$SPLIT" --force &&
	entries split-template.odt >list &&
	test_grep "^content.xml$" list
'

test_expect_success '-o names the output; no temporary file is left' '
	styr -q handout "$SPLIT" -o other.odt &&
	test -f other.odt &&
	test -z "$(ls -a | grep "\.odt\.")"
'

test_expect_success 'a newline in a value is a line break, spaces keep their width' '
	mktpl desc "<text:p>{{#each items}}</text:p><text:p>[{{item.description}}]</text:p><text:p>{{/each}}</text:p>" &&
	styr -q handout ./desc &&
	part desc.odt content.xml >c.xml &&
	test_grep "<text:p>\[Linje 1<text:line-break/>Linje 2\]</text:p>" c.xml &&
	test_grep "<text:p>\[\]</text:p>" c.xml
'

test_expect_success '--area: only that review area' '
	styr -q handout "$SPLIT" --area vis -o area.odt &&
	part area.odt content.xml >c.xml &&
	test_grep "Område VIS" c.xml &&
	! grep "Område DOK" c.xml &&
	! grep "Udredning" c.xml &&
	test_expect_code 1 styr handout "$SPLIT" --area NOPE -o x.odt 2>err &&
	test_grep "unknown area .NOPE." err &&
	test ! -e x.odt
'

test_expect_success '--lang en: English names and numbers' '
	styr -q handout "$SPLIT" --lang en -o en.odt &&
	part en.odt content.xml >c.xml &&
	test_grep "fase 1 (Support and organisation)" c.xml &&
	test_grep "2.5 timer om året" c.xml &&
	test_grep "Forslag: Change." c.xml &&
	test_grep "<svg:title>Votes per item</svg:title>" c.xml &&
	part en.odt meta.xml >m.xml &&
	test_grep "<dc:language>en</dc:language>" m.xml &&
	test_expect_code 1 styr handout "$SPLIT" --lang fr -o x.odt 2>err &&
	test_grep "unknown handout language .fr." err
'

test_expect_success 'an .ott template gives a text document, not a template' '
	cp -R "$SPLIT" ott &&
	printf "application/vnd.oasis.opendocument.text-template" >ott/mimetype &&
	zipdir ott mine.ott &&
	styr -q handout ./mine.ott &&
	printf "application/vnd.oasis.opendocument.text" >expect &&
	part mine.odt mimetype >actual &&
	test_cmp expect actual &&
	test_grep "application/vnd.oasis.opendocument.text\"" manifest.xml
'

test_expect_success 'a zipped template: thumbnail and old manifest are dropped, settings kept' '
	cp -R "$SPLIT" zipped &&
	printf "<?xml version=\"1.0\"?><office:document-settings xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>" >zipped/settings.xml &&
	mkdir zipped/Thumbnails && printf "PNG" >zipped/Thumbnails/thumbnail.png &&
	zipdir zipped zipped.odt &&
	styr -q handout ./zipped.odt -o out.odt &&
	entries out.odt >list &&
	test_grep "^settings.xml$" list &&
	! grep Thumbnails list &&
	test "$(grep -c "META-INF/manifest.xml" list)" = 1 &&
	part out.odt META-INF/manifest.xml >m.xml &&
	test_grep "full-path=\"settings.xml\" manifest:media-type=\"text/xml\"" m.xml &&
	! grep Thumbnails m.xml
'

test_expect_success 'a LibreOffice-saved template renders too' '
	styr -q handout "$DATA/resaved.odt" -o resaved-out.odt &&
	part resaved-out.odt content.xml >c.xml &&
	test_grep "Testkommune" c.xml &&
	test_grep "Udredning &amp; &lt;VUM&gt;" c.xml &&
	! grep "{{" c.xml &&
	entries resaved-out.odt >list &&
	test_grep "^manifest.rdf$" list &&
	! grep -e Thumbnails -e Configurations2 list
'

test_expect_success 'built-in templates by name; --template-dir and STYR_TEMPLATES first' '
	mktpl mydir/workshop "<text:p>MY {{organisation}}</text:p>" &&
	styr -q handout workshop --template-dir mydir -o dir.odt &&
	part dir.odt content.xml >c.xml &&
	test_grep "MY Testkommune" c.xml &&
	STYR_TEMPLATES=/nonexistent:$PWD/mydir styr -q handout workshop -o env.odt &&
	part env.odt content.xml >c.xml &&
	test_grep "MY Testkommune" c.xml &&
	if test -d "$SRC_DIR/templates/da/workshop"; then
		styr -q handout workshop &&
		part workshop.odt content.xml >c.xml &&
		! grep "MY Testkommune" c.xml &&
		test_grep "Timer pr. uge" c.xml
	fi
'

test_expect_success 'an unknown template name: exit 1; a missing file: exit 3' '
	test_expect_code 1 styr handout nosuch 2>err &&
	test_grep "unknown template .nosuch." err &&
	test_expect_code 3 styr handout ./nosuch.odt 2>err &&
	test_grep "nosuch.odt: cannot open the template" err &&
	test ! -e nosuch.odt
'

test_expect_success 'a template error: exit 3, names template, tag and paragraph; no output' '
	mktpl bad "<text:p>Titel: {{item.titel}}</text:p><text:p>{{#each items}}</text:p><text:p>{{item.titel}} og {{organisatio}}</text:p>" &&
	test_expect_code 3 styr handout ./bad 2>err &&
	test_grep "^styr: ./bad: {{item.titel}}: unknown field .item.titel.: .item. is only known inside a loop such as {{#each items}}, in the paragraph \"Titel: {{item.titel}}\"" err &&
	test_grep "{{item.titel}}: unknown field .item.titel. (did you mean .item.title.?), in the paragraph \"{{item.titel}} og {{organisatio}}\"" err &&
	test_grep "{{organisatio}}: unknown field .organisatio. (did you mean .organisation.?)" err &&
	test_grep "{{#each items}}: it is never closed with {{/each}}" err &&
	test_grep "nothing was written" err &&
	test ! -e bad.odt
'

test_expect_success '--check lists every problem, writes nothing, exit 3' '
	test_expect_code 3 styr handout --check ./bad >out 2>err &&
	test "$(grep -c "^./bad: " out)" = 4 &&
	test_grep "in the paragraph \"Titel: {{item.titel}}\"" out &&
	test_grep "4 problems" err &&
	test ! -e bad.odt
'

test_expect_success '--check on a good template: exit 0, and no register is needed' '
	mkdir elsewhere && (
		cd elsewhere &&
		styr handout --check "$SPLIT" >out &&
		test_grep "no problems found" out &&
		test -z "$(ls | grep -v out)"
	)
'

test_expect_success 'an empty register renders every part of the template' '
	mkdir empty && (
		cd empty &&
		styr init --org "Tom" &&
		styr -q handout "$SPLIT" &&
		part split-template.odt content.xml >c.xml &&
		test_grep "Alle punkter</text:h><text:p text:style-name=\"Standard\"><draw:frame" c.xml &&
		part split-template.odt Pictures/chart-1.svg >v.svg &&
		test_grep "Ingen stemmer endnu." v.svg
	)
'

test_expect_success 'no register: exit 3 and a clear message' '
	mkdir none && (
		cd none &&
		test_expect_code 3 styr handout "$SPLIT" 2>err &&
		test_grep "no register here" err &&
		test ! -e split-template.odt
	)
'

test_expect_success 'writing fails (file too large): exit 1, nothing left, old file kept' '
	echo keep >big.odt &&
	( trap "" XFSZ; ulimit -f 1; styr handout "$SPLIT" -o new.odt ) 2>err;
	test $? = 1 &&
	test_grep "new.odt: cannot write" err &&
	test ! -e new.odt &&
	( trap "" XFSZ; ulimit -f 1; styr handout "$SPLIT" -o big.odt --force ) 2>err;
	test $? = 1 &&
	test "$(cat big.odt)" = keep &&
	test -z "$(ls -a | grep "\.odt\.")"
'

test_expect_success 'an output in a missing directory, or a directory: exit 1' '
	test_expect_code 1 styr handout "$SPLIT" -o nodir/x.odt 2>err &&
	test_grep "nodir/x.odt: cannot write" err &&
	mkdir adir &&
	test_expect_code 1 styr handout "$SPLIT" -o adir --force 2>err &&
	test_grep "adir is a directory" err &&
	test -z "$(ls adir)"
'

test_expect_success 'an output name that is not .odt is refused (no ODT named .pdf)' '
	for f in x.docx x.xlsx d.odt/x.txt; do
		test_expect_code 2 styr handout "$SPLIT" -o $f 2>err ||
			{ echo "$f: not 2"; exit 1; }
		test_grep "$f" err && test_grep "\.odt" err &&
		test_grep "PDF" err && test ! -e $f || exit 1
	done &&
	# A .pdf name asks for PDF (t1200): with --format odt it is refused.
	for f in x.pdf x.PDF; do
		test_expect_code 2 styr handout "$SPLIT" -o $f --format odt 2>err ||
			{ echo "$f: not 2"; exit 1; }
		test_grep "$f" err && test_grep "\.odt" err &&
		test_grep "PDF" err && test ! -e $f || exit 1
	done &&
	styr handout "$SPLIT" -o upper.ODT 2>/dev/null && test -s upper.ODT
'

# in_order HANDOUT EXPECTED: the meeting titles in HANDOUT.odt, in order.
in_order() {
	styr handout $1 -o $1.odt 2>/dev/null &&
	part $1.odt content.xml >c.xml &&
	grep -o "Tidligere\|Samme dag\|Senere\|Snart" c.xml | tr "\n" , >got &&
	test "$(cat got)" = "$2" || { echo "$1: $(cat got)"; return 1; }
}

test_expect_success 'meetings in date order; status says only what comes next' '
	mkdir dates && cd dates &&
	styr init --org "Testkommune" >/dev/null 2>&1 &&
	styr meeting add seminar "Senere" --date 2999-05-01 >/dev/null &&
	styr meeting add seminar "Tidligere" --date 2020-01-10 >/dev/null &&
	styr meeting add seminar "Samme dag" --date 2020-01-10 >/dev/null &&
	styr meeting add seminar "Snart" --date 2998-01-01 >/dev/null &&
	in_order faseplan "Tidligere,Samme dag,Snart,Senere," &&
	in_order status "Snart,Senere,"
'

test_expect_success 'beslutninger: a deleted item keeps its title (from the log)' '
	mkdir gone && cd gone &&
	styr init --org "Testkommune" >/dev/null 2>&1 &&
	styr add goal "Ventetid i visitationen" >/dev/null &&
	styr prioritise G1 remove >/dev/null &&
	styr delete G1 >/dev/null 2>&1 &&
	styr handout beslutninger -o b.odt 2>/dev/null &&
	part b.odt content.xml >c.xml &&
	test_grep "Ventetid i visitationen" c.xml
'

test_expect_success 'the register is never changed by a handout' '
	test_cmp register.xml styr.xml
'

test_done
