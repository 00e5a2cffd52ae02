#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Danish words everywhere a Dane would type them (SPEC section 7): every
# keyword in any letter case, NFC or NFD; the labels styr prints accepted
# as input; the built-in templates by their Danish spelling; facilitator
# as a role.
. "$(dirname "$0")/lib.sh"

da() { LC_ALL=da_DK.UTF-8 LANG=da_DK.UTF-8 "$STYR" "$@"; }
# The kind stored for item ID, read from the register itself.
kind_of() {
	sed -n "s/.*<item id=\"$1\" kind=\"\([a-z]*\)\".*/\1/p" styr.xml
}
origin_of() {
	sed -n "s/.*<item id=\"$1\" .*origin=\"\([a-z]*\)\".*/\1/p" styr.xml
}

# fresh_import DIR CSV: in a new folder DIR (the test goes there), a new
# register with the rows CSV (a printf format) imported as in.csv.
fresh_import() {
	mkdir "$1" && cd "$1" && styr -q init --org X &&
	printf "$2" >in.csv && styr -q import csv in.csv
}

test_expect_success 'setup' '
	styr -q init --org "Odder Kommune"
'

test_expect_success 'the title before the kind is told the order, in Danish' '
	test_expect_code 1 da add "Statusnotat" dokumentation 2>err &&
	test_grep "^styr: .Statusnotat. er ikke en type, men det er .dokumentation.: typen kommer først (styr add dokumentation \"Statusnotat\")$" err &&
	! grep -q "Statusnotat" styr.xml
'

test_expect_success 'MÅL in capitals is a goal' '
	styr add MÅL "Borgeren mestrer eget liv" >id &&
	test "$(cat id)" = G1 &&
	test "$(kind_of G1)" = goal
'

test_expect_success 'mål written decomposed (a + combining ring) is a goal' '
	styr add "$(printf "ma\314\212l")" "Flere hjælpes" >id &&
	test "$(cat id)" = G2 &&
	styr add "$(printf "MA\314\212L")" "Og hurtigere" >id &&
	test "$(cat id)" = G3
'

test_expect_success 'dokumentationskrav is a documentation demand' '
	styr add dokumentationskrav "Handleplan for korte forløb" >id &&
	test "$(cat id)" = D1 &&
	test "$(kind_of D1)" = doc
'

test_expect_success 'the label styr prints is a kind: Regel og proceskrav' '
	da list >out &&
	test_grep "Dokumentation" out &&
	styr add "Regel og proceskrav" "Ugentligt timeantal" >id &&
	test "$(cat id)" = R1 &&
	styr add "regel  OG proceskrav" "Besøg i hjemmet" >id &&
	test "$(cat id)" = R2
'

test_expect_success 'lokal praksis is an origin, in any case and spacing' '
	styr edit R1 --origin "lokal praksis" &&
	test "$(origin_of R1)" = local &&
	styr edit R2 --origin "LOKAL   Praksis" &&
	test "$(origin_of R2)" = local &&
	styr edit D1 --origin Lovkrav &&
	test "$(origin_of D1)" = law
'

test_expect_success 'what styr shows can be typed back: the origin label' '
	da show R1 >out &&
	test_grep "Lokal praksis" out &&
	styr edit R2 --origin "$(sed -n "s/.*\(Lokal praksis\).*/\1/p" out | head -1)" &&
	test "$(origin_of R2)" = local
'

test_expect_success 'the other vocabularies by label: experience, round, status' '
	styr rate R1 "For stram" --respondent Anne --guest &&
	styr rate R1 "FOR  STRAM" --respondent Bo --guest --round Før &&
	test "$(grep -c "experience=\"too-tight\"" styr.xml)" = 2 &&
	styr -q prioritise R1 Fjerne &&
	styr -q decide R1 Valgt &&
	styr -q solution R1 --status "IDÉ" &&
	grep -q "status=\"idea\"\|<status>idea</status>" styr.xml
'

test_expect_success 'format names in any letter case: --format JSON, Csv' '
	styr list --format json >a.json &&
	styr list --format JSON >b.json &&
	test_cmp a.json b.json &&
	styr list -F Csv >c.csv &&
	head -1 c.csv | grep -q "^id,"
'

test_expect_success 'two words as a Dane writes them: andet møde, follow up' '
	styr meeting add "andet møde" "Kaffemøde" --date 2026-01-06 --phase 1 >id &&
	grep -q "<meeting id=\"$(cat id)\" kind=\"other\"" styr.xml &&
	styr rate R2 "too tight" --respondent Cai --guest --round "follow up" &&
	grep -q "round=\"followup\"" styr.xml
'

test_expect_success 'an unknown word is still refused, with the choices' '
	test_expect_code 1 styr add widget "x" 2>err &&
	test_grep "goal/mål" err &&
	test_expect_code 1 styr add "mål regel" "x" 2>err &&
	test_expect_code 1 styr edit R1 --origin "praksis lokal" 2>err
'

test_expect_success 'facilitator is a role, in the schema too' '
	styr person add "Tina Sloth Poulsen" --role facilitator >id &&
	test "$(cat id)" = P1 &&
	styr person add "Lene" --role Facilitator >/dev/null &&
	grep -q "role=\"facilitator\"" styr.xml &&
	valid &&
	da person list >out &&
	test_grep "Tina Sloth Poulsen.*Facilitator" out
'

test_expect_success 'the facilitator is not a missing link of the governance chain' '
	styr -q meeting add workshop "W" --date 2026-01-05 --phase 1 &&
	styr -q meeting attend M1 P1 &&
	styr phase >out &&
	! grep "not yet:.*Facilitator" out
'

test_expect_success 'built-in templates by their Danish spelling: kortlægning' '
	styr handout kortlægning 2>err &&
	test -s kortlaegning.odt &&
	test_grep "kortlaegning.odt" err &&
	styr handout KORTLÆGNING -o k2.odt &&
	test -s k2.odt &&
	styr handout Faseplan -o f.odt &&
	styr handout --check kortlægning &&
	styr handout kortlægning --lang en -o k-en.odt
'

test_expect_success '--lang as a Dane writes it: DA, dansk, Engelsk' '
	styr handout status --lang DA -o s-da.odt &&
	styr handout status --lang dansk -o s-dansk.odt &&
	styr handout status --lang Engelsk -o s-en.odt &&
	styr handout status --lang en -o s-en2.odt &&
	part s-da.odt content.xml >a.xml && part s-dansk.odt content.xml >b.xml &&
	test_cmp a.xml b.xml &&
	part s-en.odt content.xml >c.xml && part s-en2.odt content.xml >d.xml &&
	test_cmp c.xml d.xml &&
	! cmp -s a.xml c.xml &&
	test_expect_code 1 styr handout status --lang fr -o s-fr.odt 2>err &&
	test_grep "use da or en" err
'

test_expect_success 'and a template of the user with that name still comes first' '
	mkdir own &&
	cp -r "$SRC_DIR/templates/da/status" "own/kortlægning" &&
	styr handout kortlægning --template-dir own -o own.odt &&
	part own.odt content.xml >own.xml &&
	part kortlaegning.odt content.xml >builtin.xml &&
	! cmp -s own.xml builtin.xml
'

test_expect_success 'an unknown template is still refused' '
	test_expect_code 1 styr handout kortlaeg 2>err &&
	test_grep "unknown template" err
'

test_expect_success 'a misspelt template is offered the nearest, in both languages' '
	test_expect_code 1 styr handout kortlaeging 2>err &&
	test_grep "^styr: unknown template .kortlaeging.; did you mean .kortlaegning.?" err &&
	test_expect_code 1 da handout kortlæging 2>err &&
	test_grep "^styr: ukendt skabelon .kortlæging.; mente du .kortlægning.?" err &&
	test_expect_code 1 styr handout kortlaeg 2>err &&
	! grep -q "did you mean" err
'

test_expect_success 'CSV import reads Danish labels in the kind column' '
	fresh_import imp "kind,title,origin\nRegel og proceskrav,A,lokal praksis\nMÅL,B,Lovkrav\ndokumentationskrav,C,\n" &&
	test "$(kind_of R1)" = rule &&
	test "$(kind_of G1)" = goal &&
	test "$(kind_of D1)" = doc &&
	test "$(origin_of R1)" = local
'

# --- option errors in styr's words, Danish under a Danish locale ---------

test_expect_success 'an unknown long option, in Danish, named by styr not its path' '
	test_expect_code 2 da list --bogus 2>err &&
	test_grep "^styr list: ukendt tilvalg .--bogus.$" err &&
	test_grep "^Prøv .styr list --help." err &&
	! grep -q "unrecognized\|ugyldigt\|/styr" err
'

test_expect_success 'an unknown option before the command too' '
	test_expect_code 2 da --bogus list 2>err &&
	test_grep "^styr: ukendt tilvalg .--bogus.$" err &&
	! grep -q "unrecognized\|/" err &&
	test_expect_code 2 da meeting add --bogus 2>err &&
	test_grep "^styr meeting add: ukendt tilvalg" err
'

test_expect_success 'an unknown short option, alone and in a cluster' '
	test_expect_code 2 da list -Z 2>err &&
	test_grep "ukendt tilvalg .-Z." err &&
	test_expect_code 2 da list -qZ 2>err &&
	test_grep "ukendt tilvalg .-Z." err &&
	! grep -q "invalid option\|ugyldigt flag" err
'

test_expect_success 'a missing value names the option and what it wants' '
	test_expect_code 2 da add regel x --area 2>err &&
	test_grep "^styr add: tilvalget .--area. skal have en værdi: --area" err &&
	test_expect_code 2 da -f 2>err &&
	test_grep "^styr: tilvalget .-f. skal have en værdi: -f FIL" err &&
	! grep -q "requires an argument\|skal have et argument" err
'

test_expect_success 'a value where none goes, an abbreviation of two, a near miss' '
	test_expect_code 2 da list --quiet=3 2>err &&
	test_grep "tilvalget .--quiet. skal ikke have en værdi" err &&
	test_expect_code 2 da list --f json 2>err &&
	test_grep "tvetydigt: det kan være" err &&
	test_grep -- "--format" err &&
	test_expect_code 2 da list --formt json 2>err &&
	test_grep "mente du --format?" err
'

test_expect_success 'a Danish command name is answered with the English one, in Danish' '
	test_expect_code 2 da tilføj mål "Ventetid" 2>err &&
	test_grep "^styr: .tilføj. er ikke en styr-kommando; mente du .styr add.? (styrs kommandoer er på engelsk)$" err &&
	test_expect_code 2 da møde list 2>err &&
	test_grep "mente du .styr meeting.?" err &&
	test_expect_code 2 da lsit 2>err &&
	test_grep "^styr: .lsit. er ikke en styr-kommando; mente du .styr list.?$" err
'

test_expect_success 'the copy'"'"'s file without -o is shown with it, in Danish' '
	test_expect_code 2 da copy lene.xml 2>err &&
	test_grep "^styr copy: uventet argument .lene.xml.; giv kopien et navn med -o: styr copy -o lene.xml$" err
'

test_expect_success 'every usage error ends with the same Danish pointer to --help' '
	test_expect_code 2 da list --bogus 2>a &&
	test_expect_code 2 da list x y z 2>b &&
	test_expect_code 2 da area 2>c &&
	for f in a b c; do
		tail -1 $f | grep -q "^Prøv .styr [a-z]* --help.* for at få mere at vide\.$" ||
		{ cat $f; exit 1; }
	done
'

test_expect_success 'and the same in English otherwise' '
	test_expect_code 2 styr list --bogus 2>err &&
	test_grep "^styr list: unknown option .--bogus.$" err &&
	test_grep "^Try .styr list --help. for more information" err &&
	test_expect_code 2 styr add regel x --area 2>err &&
	test_grep "option .--area. needs a value: --area ID" err &&
	test_expect_code 2 styr list --formt json 2>err &&
	test_grep "did you mean --format?" err
'

test_expect_success 'what getopt takes is still taken: =, attached, clusters, abbreviations, --' '
	styr list --format=json >a.json &&
	styr list -Fjson >b.json &&
	styr -q list -F json >c.json &&
	styr list --form json >d.json &&
	test_cmp a.json b.json && test_cmp a.json c.json && test_cmp a.json d.json &&
	styr add regel -- "-med en streg" >id &&
	styr show "$(cat id)" >out &&
	test_grep -- "-med en streg" out &&
	test_expect_code 1 styr burden R1 --minutes -5 --per-year 3 2>err &&
	test_grep "negative" err
'

# --- CSV for a Danish spreadsheet ----------------------------------------

test_expect_success 'import csv reads the Danish column names: Type;Titel' '
	fresh_import dacsv "Type;Titel;Oprindelse;Minutter;Gange om året;TIMEPRIS\r\nRegel;Ugentligt timeantal;Lovkrav;7,5;12.000;620,5\r\nMÅL;Borgeren mestrer eget liv;lokal praksis;;;\r\n" &&
	test "$(kind_of R1)" = rule && test "$(kind_of G1)" = goal &&
	test "$(origin_of R1)" = law && test "$(origin_of G1)" = local &&
	grep -q "<burden minutes=\"7.5\" per-year=\"12000\" tariff=\"620.5\"/>" styr.xml
'

test_expect_success 'an unknown column is answered with the Danish names under Danish' '
	cd dacsv &&
	printf "Type;Titlen\r\nRegel;x\r\n" >bad.csv &&
	test_expect_code 1 da import csv bad.csv 2>err &&
	test_grep "ukendt kolonne .Titlen. (styr læser disse kolonner: Id, Type, Titel, Beskrivelse, Område," err &&
	test_expect_code 1 styr import csv bad.csv 2>err &&
	test_grep "unknown column .Titlen. (the columns styr reads are: id, kind, title," err
'

test_expect_success 'export csv under a Danish locale: BOM, semicolons, Danish names, words and decimal commas' '
	cd dacsv &&
	styr -q add dokumentation "Handleplan; også for korte forløb" --origin lov >/dev/null &&
	styr -q prioritise R1 fjerne --why "Tid; og mere tid" &&
	da export csv -o da.csv &&
	head -c 3 da.csv | od -An -tx1 | grep -q "ef bb bf" &&
	head -1 da.csv | grep -q "^.Id;Type;Titel;Beskrivelse;Område;" &&
	grep -q "^R1;Regel og proceskrav;Ugentligt timeantal;;;;Lovkrav;.*;7,5;12000;;620,5;0;0;0;Fjerne;\"Tid; og mere tid\";" da.csv &&
	grep -q "^D1;Dokumentation;\"Handleplan; også for korte forløb\";" da.csv &&
	styr export csv >en.csv &&
	head -1 en.csv | grep -q "^id,kind,title," &&
	grep -q "^R1,rule,Ugentligt timeantal,,,,law,.*,7.5,12000,,620.5,0,0,0,remove," en.csv
'

test_expect_success 'and import csv reads the Danish file back to the same register' '
	cd dacsv && mkdir back && cd back &&
	styr -q init --org X &&
	styr -q import csv ../da.csv &&
	styr export csv >en.csv &&
	test_cmp ../en.csv en.csv
'

if command -v soffice >/dev/null 2>&1; then
	test_expect_success 'LibreOffice in Danish reads its numbers as numbers, æøå whole' '
		cd dacsv &&
		timeout 300 soffice -env:UserInstallation="file://$TRASH/lo-profile" \
			--headless --infilter="CSV:59,34,76,1,,1030" \
			--convert-to ods --outdir ods da.csv >/dev/null 2>&1 &&
		python3 - ods/da.ods <<-\EOF
		import sys, zipfile, xml.etree.ElementTree as ET
		T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
		O = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
		root = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read("content.xml"))
		rows = []
		for r in root.iter(T + "table-row"):
		    cells = []
		    for c in r.findall(T + "table-cell"):
		        n = min(int(c.get(T + "number-columns-repeated", "1")), 30)
		        cells += [(c.get(O + "value-type"), c.get(O + "value"),
		                   "".join(c.itertext()))] * n
		    rows.append(cells)
		head = [c[2] for c in rows[0]]
		assert head[:3] == ["Id", "Type", "Titel"], head
		assert "Område" in head and "Gange om året" in head, head
		r1 = dict(zip(head, rows[1]))
		assert r1["Id"][2] == "R1", r1["Id"]
		assert r1["Minutter"][:2] == ("float", "7.5"), r1["Minutter"]
		assert r1["Gange om året"][:2] == ("float", "12000"), r1["Gange om året"]
		assert r1["Timepris"][:2] == ("float", "620.5"), r1["Timepris"]
		assert r1["Type"][2] == "Regel og proceskrav", r1["Type"]
		d1 = dict(zip(head, rows[3]))
		assert d1["Titel"][2] == "Handleplan; også for korte forløb", d1["Titel"]
		EOF
	'
else
	test_count=$((test_count + 1))
	echo "ok $test_count # SKIP LibreOffice (soffice) is not installed"
fi

test_done
