#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Hostile files (SPEC section 5): registers (DOCTYPE, XXE, entity bombs,
# deep nesting, 100 MB text nodes, invalid UTF-8, schema-valid but
# inconsistent content), CSV (unterminated quotes, NUL bytes, 1 MB and
# 100 MB fields, too many rows, BOM and CRLF) and templates (zip bombs,
# thousands of entries, path traversal, a symbolic link, a DOCTYPE, no
# content.xml, XML that swells in memory).  Each is refused with a non-zero
# exit and a message naming the file and the problem, changes nothing, and
# stays within a memory bound, measured here as peak RSS with
# /usr/bin/time (in the plain build: a sanitizer's or valgrind's own
# memory would swamp it).  The messages of hostile templates are checked
# in detail in t0520; here the promise that nothing changes, and memory.
. "$(dirname "$0")/lib.sh"

MIME=mimetype=application/vnd.oasis.opendocument.text
MB=1048576

# The bounds, in MB of peak RSS (measured: about 17 MB for a refused
# register, 10 MB for a refused CSV but 140 MB for 100,001 rows, 8 to
# 27 MB for a refused template, 165 MB for the largest template the
# limits let through).
REG_MB=32
CSV_MB=32
ROWS_MB=200
TPL_MB=48
BIG_TPL_MB=220

# peak NAME BOUND CMD...: runs CMD, records its peak RSS in hostile.txt
# and returns its exit status, or 99 when it used more than BOUND MB.
peak() {
	name=$1 bound=$2
	shift 2
	rc=0
	/usr/bin/time -f %M -o rss.out "$@" || rc=$?
	kb=$(tail -n 1 rss.out)
	echo "$kb $name" >>"$TRASH/hostile.txt"
	if [ -z "${SANITIZE_BUILD:-}" ] && [ "$kb" -gt $((bound * 1024)) ]; then
		echo "$name: peak RSS $kb KB, above the bound of $bound MB" >&2
		return 99
	fi
	return $rc
}

# hostile_register NAME PATTERN: NAME.xml is refused by a reader and by a
# writer with exit 3 and a message naming NAME.xml (with a line) that
# matches PATTERN, within REG_MB, and stays as it was.
hostile_register() {
	cp "$1.xml" "$1.before" &&
	test_expect_code 3 peak "register $1" $REG_MB \
		"$STYR" -f "$1.xml" list >out 2>err &&
	test_grep -e "^styr: $1.xml:[0-9]*: " err &&
	test_grep -e "$2" err &&
	test_expect_code 3 peak "register $1 (writer)" $REG_MB \
		"$STYR" -f "$1.xml" add doc "x" >out 2>err &&
	test_grep -e "$2" err &&
	cmp "$1.before" "$1.xml" &&
	test ! -e "$1.xml.new" && test ! -e "$1.xml.lock" &&
	rm "$1.before"
}

# variant NAME PERL: NAME.xml is the good register changed by PERL (run on
# the whole file as $_).
variant() {
	perl -0pe "$2" good.xml >"$1.xml"
}

test_expect_success 'setup: a register with something of everything' '
	styr -q init --org "Odder Kommune" &&
	styr -q area add A "Bostøtte" &&
	styr -q person add "Anna Agent" --role agent &&
	styr -q meeting add workshop "Prioritering" --date 2026-03-01 --phase 4 &&
	styr -q meeting attend M1 P1 &&
	styr -q add doc "Dokumentér hvert besøg" --area A >/dev/null &&
	styr -q add rule "Visitation hver uge" >/dev/null &&
	styr -q vote D1 remove --count 3 --meeting M1 &&
	styr -q vote R1 change --by "Anna Agent" --meeting M1 &&
	cp styr.xml good.xml &&
	styr -f good.xml validate
'

# --- registers: XML attacks ---

# Entity bombs: "a" ten bytes, each next entity ten of the one before, up
# to a billion bytes; and one entity of 100 KB used 2,000 times.
billion_laughs() {
	perl -e 'print qq{<?xml version="1.0"?>\n<!DOCTYPE register [\n},
		qq{ <!ENTITY a "aaaaaaaaaa">\n};
		my @l = ("a" .. "i");
		print qq{ <!ENTITY $l[$_] "}, qq{&$l[$_ - 1];} x 10, qq{">\n}
			for 1 .. $#l;
		print qq{]>\n<register xmlns="urn:x-styr:register:1" version="1">},
		      qq{<organisation>&i;</organisation></register>\n}'
}
quadratic_blowup() {
	perl -e 'print qq{<?xml version="1.0"?>\n<!DOCTYPE register },
		qq{[<!ENTITY x "}, "x" x 100000, qq{">]>\n<register>},
		"&x;" x 2000, qq{</register>\n}'
}

test_expect_success 'register: an entity bomb (billion laughs)' '
	billion_laughs >bomb.xml &&
	hostile_register bomb "bomb.xml:2: a DOCTYPE is not allowed"
'

test_expect_success 'register: a quadratic blow-up entity' '
	quadratic_blowup >quadratic.xml &&
	hostile_register quadratic "quadratic.xml:2: a DOCTYPE is not allowed"
'

test_expect_success 'register: external entities (XXE) and an external DTD' '
	printf "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<register>&x;</register>\n" >xxe.xml &&
	hostile_register xxe "xxe.xml:2: a DOCTYPE is not allowed" &&
	! grep -q "root:" err out &&
	printf "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY %% p SYSTEM \"http://127.0.0.1:9/p.dtd\"> %%p;]>\n<register/>\n" >param.xml &&
	hostile_register param "DOCTYPE is not allowed" &&
	printf "<?xml version=\"1.0\"?>\n<!DOCTYPE register SYSTEM \"http://127.0.0.1:9/register.dtd\">\n<register/>\n" >dtd.xml &&
	hostile_register dtd "dtd.xml:2: a DOCTYPE is not allowed"
'

test_expect_success 'register: XInclude is not processed' '
	variant xinclude "s{<organisation>}{<organisation><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\" parse=\"text\"/>}" &&
	hostile_register xinclude "does not follow the register format" &&
	! grep -q "root:" err
'

test_expect_success 'register: 100,000 levels of nesting' '
	perl -e "print qq{<register xmlns=\"urn:x-styr:register:1\" version=\"1\">}, qq{<a>} x 100000" >deep.xml &&
	hostile_register deep "Excessive depth"
'

test_expect_success 'register: a 100 MB text node' '
	{
		sed -n "1,2p" good.xml &&
		printf "  <organisation>" &&
		head -c $((100 * MB)) /dev/zero | tr "\0" a &&
		printf "</organisation>\n" &&
		sed -n "4,\$p" good.xml
	} >huge.xml &&
	hostile_register huge "huge.xml:3: .*huge text node" &&
	rm huge.xml
'

test_expect_success 'register: a 20 MB attribute and a 100 KB element name' '
	perl -e "print qq{<register x=\"}, q{a} x (20 * 1024 * 1024), qq{\"/>}" >attr.xml &&
	hostile_register attr "AttValue length too long" &&
	perl -e "print q{<}, q{a} x 100000, q{/>}" >name.xml &&
	hostile_register name "Name too long"
'

test_expect_success 'register: invalid UTF-8, bad characters' '
	variant utf8 "s{Odder}{Od\\xffder}" &&
	hostile_register utf8 "utf8.xml:3: .*not UTF-8 text (the bytes 0xFF" &&
	variant overlong "s{Odder}{Od\\xc0\\xafder}" &&
	hostile_register overlong "not UTF-8 text" &&
	variant surrogate "s{Odder}{Od\\xed\\xa0\\x80der}" &&
	hostile_register surrogate "0xD800 out of allowed range" &&
	variant cut "s{Odder}{Od\\xc3der}" &&
	hostile_register cut "not UTF-8 text" &&
	variant nul "s{Odder}{Od&#0;der}" &&
	hostile_register nul "not well-formed" &&
	variant fffe "s{Odder}{Od&#xFFFE;der}" &&
	hostile_register fffe "not well-formed" &&
	variant control "s{Odder}{Od\\x01der}" &&
	hostile_register control "invalid Char value 1" &&
	variant attrutf8 "s{id=\"A\">}{id=\"A\\xff\">}" &&
	hostile_register attrutf8 "not UTF-8 text"
'

test_expect_success 'register: empty, truncated, binary, a directory' '
	: >empty.xml &&
	hostile_register empty "Document is empty" &&
	head -c 700 good.xml >truncated.xml &&
	hostile_register truncated "truncated.xml:[0-9]*: not well-formed" &&
	head -c 4096 /dev/urandom | tr "<" x >binary.xml &&
	hostile_register binary "not well-formed\|not UTF-8" &&
	mkdir dir.xml &&
	test_expect_code 3 styr -f dir.xml list 2>err &&
	test_grep "dir.xml" err
'

# --- registers: schema-valid, but not consistent ---

test_expect_success 'register: the same id twice' '
	variant dupitem "s{id=\"R1\" kind=\"rule\"}{id=\"D1\" kind=\"doc\"}" &&
	hostile_register dupitem "item id .D1. is used twice" &&
	variant duparea "s{(<area id=\"A\">[^<]*</area>)}{\$1\$1}" &&
	hostile_register duparea "area id .A. is used twice" &&
	variant dupperson "s{(<person [^>]*>[^<]*</person>)}{\$1\$1}" &&
	hostile_register dupperson "person id .P1. is used twice" &&
	variant dupmeeting "s{(<meeting .*?</meeting>)}{\$1\$1}s" &&
	hostile_register dupmeeting "meeting id .M1. is used twice" &&
	variant dupmilestone "s{id=\"1.2\"}{id=\"1.1\"}" &&
	hostile_register dupmilestone "milestone id .1.1. is used twice"
'

test_expect_success 'register: references to what is not there' '
	variant votemeeting "s{meeting=\"M1\"}{meeting=\"M9\"}" &&
	hostile_register votemeeting "a vote on .D1. names unknown meeting .M9." &&
	variant attendee "s{<attendee ref=\"P1\"/>}{<attendee ref=\"P9\"/>}" &&
	hostile_register attendee "meeting .M1. names unknown person .P9." &&
	variant area "s{area=\"A\"}{area=\"Z\"}" &&
	hostile_register area "item .D1. is in unknown area .Z." &&
	variant current "s{current=\"[0-9]\"}{current=\"9\"}" &&
	hostile_register current "current phase 9 does not exist" &&
	variant meetingphase "s{phase=\"4\">}{phase=\"9\">}" &&
	hostile_register meetingphase "is in phase 9, which does not exist"
'

test_expect_success 'register: ids that do not fit their kind or counter' '
	variant kindid "s{id=\"R1\" kind=\"rule\"}{id=\"R1\" kind=\"goal\"}" &&
	hostile_register kindid "item .R1. is of kind .goal., whose ids start with .G." &&
	variant counter "s{next-doc=\"2\"}{next-doc=\"1\"}" &&
	hostile_register counter "item .D1. is not below the next free number" &&
	variant phases "s{<phase number=\"2\"}{<phase number=\"3\"}" &&
	hostile_register phases "phase 3 should be number 2" &&
	variant milestone "s{id=\"2.1\"}{id=\"1.9\"}" &&
	hostile_register milestone "milestone .1.9. is in phase 2"
'

test_expect_success 'register: keywords padded with spaces (the schema lets them through)' '
	variant padkind "s{kind=\"doc\"}{kind=\" doc\"}" &&
	hostile_register padkind "kind=\" doc\": a value in the register may not start or end with a space" &&
	variant padcount "s{count=\"3\"}{count=\"3 \"}" &&
	hostile_register padcount "count=\"3 \": a value" &&
	variant padnewline "s{priority=\"remove\"}{priority=\"&#10;remove\"}" &&
	hostile_register padnewline "may not start or end with a space"
'

test_expect_success 'register: numbers too large to add up' '
	variant bigcount "s{count=\"3\"}{count=\"99999999999999999999\"}" &&
	hostile_register bigcount "count=\"99999999999999999999\" is larger than 1000000000" &&
	variant bigcounter "s{next-doc=\"2\"}{next-doc=\"9223372036854775807\"}" &&
	hostile_register bigcounter "next-doc=\"9223372036854775807\" is larger than" &&
	variant manyvotes "s{(<vote priority=\"remove\")( count=\"3\")([^>]*/>)}{\$1 count=\"600000000\"\$3\$1 count=\"600000000\"\$3}" &&
	hostile_register manyvotes "item .D1. has more than 1000000000 votes" &&
	variant bigminutes "s{(<item id=\"R1\"[^>]*>\\s*<title>[^<]*</title>)}{\$1<burden minutes=\"99999999999.5\" per-year=\"1\"/>}" &&
	hostile_register bigminutes "minutes=\"99999999999.5\" is larger than"
'

test_expect_success 'register: a counter at its end refuses the next id cleanly' '
	variant lastid "s{next-rule=\"2\"}{next-rule=\"1000000000\"}" &&
	cp lastid.xml lastid.before &&
	test_expect_code 1 styr -f lastid.xml add rule "one too many" 2>err &&
	test_grep "used up its numbers for next-rule; nothing was changed" err &&
	test_cmp lastid.before lastid.xml &&
	styr -f lastid.xml add doc "another kind still works" >/dev/null
'

# --- files planted beside the register ---

test_expect_success 'a symbolic link planted as styr.xml.new is not written through' '
	mkdir planted && cp good.xml planted/styr.xml &&
	echo precious >victim &&
	ln -s ../victim planted/styr.xml.new &&
	styr -q -f planted/styr.xml add doc "efter" >/dev/null &&
	echo precious >expect && test_cmp expect victim &&
	test -f planted/styr.xml && test ! -L planted/styr.xml &&
	test_grep "<title>efter</title>" planted/styr.xml &&
	test ! -e planted/styr.xml.new
'

test_expect_success 'a symbolic link planted as styr.xml.lock is refused' '
	cp planted/styr.xml planted.before &&
	ln -s ../victim planted/styr.xml.lock &&
	test_expect_code 1 styr -f planted/styr.xml add doc "nej" 2>err &&
	test_grep "styr.xml.lock: the lock file is a symbolic link" err &&
	test_cmp expect victim &&
	test_cmp planted.before planted/styr.xml &&
	rm planted/styr.xml.lock
'

test_expect_success 'a directory planted as styr.xml.new: refused, nothing changed' '
	mkdir planted/styr.xml.new &&
	test_expect_code 1 styr -f planted/styr.xml add doc "nej" 2>err &&
	test_grep "styr.xml.new: cannot write" err &&
	test_cmp planted.before planted/styr.xml &&
	rmdir planted/styr.xml.new
'

# --- CSV ---

test_expect_success 'setup: the register CSV files are imported into' '
	cp good.xml styr.xml && cp good.xml csv.before
'

# hostile_csv NAME PATTERN [BOUND]: importing NAME.csv exits 1 with a
# message naming NAME.csv (and a line) that matches PATTERN, within BOUND
# MB (default CSV_MB), and the register stays as it was.
hostile_csv() {
	test_expect_code 1 peak "csv $1" "${3:-$CSV_MB}" \
		"$STYR" import csv "$1.csv" >out 2>err &&
	test_grep -e "^styr: $1.csv:[0-9]*: " err &&
	test_grep -e "$2" err &&
	test_grep "$1.csv: nothing was imported" err &&
	test_cmp csv.before styr.xml &&
	test ! -e styr.xml.new && test ! -e styr.xml.lock
}

# hostile_rows NAME FORMAT PATTERN: NAME.csv, written by printf FORMAT,
# refused as hostile_csv says.
hostile_rows() {
	printf "$2" >"$1.csv" && hostile_csv "$1" "$3"
}

test_expect_success 'csv: an unterminated quote' '
	hostile_rows unterminated "kind,title\ndoc,\"no end\ndoc,more\n" "unterminated.csv:2: a quoted field is not closed"
'

test_expect_success 'csv: a quote in the wrong place, a ragged row' '
	hostile_rows stray "kind,title\ndoc,a \"b\" c\n" "stray.csv:2: a double quote in the wrong place" &&
	hostile_rows ragged "kind,title\ndoc,a\ndoc,b,c\n" "ragged.csv:3: the row has 3 fields, but the header row has 2 columns"
'

test_expect_success 'csv: NUL bytes, and UTF-16' '
	hostile_rows nul "kind,title\ndoc,a\0b\n" "nul.csv:2: the file holds a NUL byte" &&
	hostile_rows utf16 "\377\376k\0i\0n\0d\0,\0t\0i\0t\0l\0e\0\n\0" "NUL byte"
'

test_expect_success 'csv: invalid UTF-8 and control characters' '
	hostile_rows latin1 "kind,title\ndoc,Gr\370nland\n" "latin1.csv:2: column .title.: not valid UTF-8" &&
	hostile_rows escape "kind,title\ndoc,a\033[31mb\n" "escape.csv:2: column .title.: control character 0x1b"
'

test_expect_success 'csv: a 1 MB field, quoted or not' '
	{ printf "kind,title\ndoc,\""; head -c $MB /dev/zero | tr "\0" x; printf "\"\n"; } >field.csv &&
	hostile_csv field "field.csv:2: a field is longer than 524288 bytes" &&
	{ printf "kind,title\ndoc,"; head -c $MB /dev/zero | tr "\0" x; printf "\n"; } >bare.csv &&
	hostile_csv bare "bare.csv:2: a field is longer than 524288 bytes"
'

test_expect_success 'csv: a 100 MB field that never ends' '
	{ printf "kind,title\ndoc,\""; head -c $((100 * MB)) /dev/zero | tr "\0" x; } >endless.csv &&
	hostile_csv endless "endless.csv:2: a field is longer than 524288 bytes" &&
	rm endless.csv
'

test_expect_success 'csv: a million fields in one row, a million columns' '
	{ printf "kind,title\ndoc,"; head -c $MB /dev/zero | tr "\0" ,; printf "\n"; } >commas.csv &&
	hostile_csv commas "commas.csv:2: the row has 1048578 fields" &&
	{ head -c $MB /dev/zero | tr "\0" ,; printf "\n"; } >columns.csv &&
	hostile_csv columns "columns.csv:1: column 1 has no name"
'

test_expect_success 'csv: more than 100,000 rows' '
	perl -e "print qq{kind,title\n}, qq{doc,x\n} x 100001" >rows.csv &&
	hostile_csv rows "rows.csv:100002: more than 100000 rows" $ROWS_MB
'

test_expect_success 'csv: an unknown column, an empty file' '
	hostile_rows unknown "kind,title,secret\ndoc,a,b\n" "unknown column .secret." &&
	: >empty.csv &&
	test_expect_code 1 styr import csv empty.csv 2>err &&
	test_grep "empty.csv: the file is empty" err &&
	test_cmp csv.before styr.xml
'

test_expect_success 'csv: a byte order mark and CRLF line ends are fine' '
	printf "\357\273\277kind,title,description\r\ndoc,Med BOM,\"to\r\nlinjer\"\r\nrule,CRLF,\r\n" >bom.csv &&
	styr import csv bom.csv 2>err &&
	test_grep "imported 2 items" err &&
	styr show D2 --format json >d2.json &&
	test_grep "\"title\": \"Med BOM\"" d2.json &&
	test_grep "\"description\": \"to\\\\r\\\\nlinjer\"" d2.json &&
	styr show R2 --format json >r2.json &&
	test_grep "\"title\": \"CRLF\"" r2.json &&
	cp csv.before styr.xml
'

# --- templates ---

content="content.xml,deflate=@$DATA/split-template/content.xml"

test_expect_success 'setup: an earlier handout that must survive' '
	styr -q handout workshop -o out.odt &&
	cp out.odt out.before && cp styr.xml tpl.before
'

# hostile_template FILE PATTERN: styr handout FILE --force over an
# existing out.odt exits 3 with a message naming FILE that matches
# PATTERN, within TPL_MB; out.odt and the register stay as they were and
# no temporary out.odt.* is left.
hostile_template() {
	test_expect_code 3 peak "template $1" $TPL_MB \
		"$STYR" handout "./$1" --force -o out.odt >out 2>err &&
	test_grep "$1" err &&
	test_grep -e "$2" err &&
	cmp out.before out.odt &&
	cmp tpl.before styr.xml &&
	test -z "$(ls -A | grep "^out\.odt\.")"
}

test_expect_success 'template: a zip bomb (1 GB of zeros in 1 MB)' '
	mkzip bomb.odt "$MIME" "$content" "big.xml,deflate=zeros:$((1024 * MB))" &&
	hostile_template bomb.odt "would unpack to more than 50 MB"
'

test_expect_success 'template: a bomb that lies about its size' '
	mkzip liar.odt "$MIME" "$content" "big.xml,deflate,declare:1000=zeros:$((1024 * MB))" &&
	hostile_template liar.odt "does not hold what its header says"
'

test_expect_success 'template: 8 MB of empty paragraphs in 16 KB (swells in memory)' '
	{
		printf "<?xml version=\"1.0\"?>\n<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>"
		perl -e "print q{<text:p/>} x 940000"
		printf "</office:text></office:body></office:document-content>\n"
	} >swell.xml &&
	mkzip swell.odt "$MIME" "content.xml,deflate=@swell.xml" &&
	hostile_template swell.odt "its XML parts would unpack to more than 8 MB"
'

test_expect_success 'template: the largest XML the limits let through costs a bounded amount' '
	{
		printf "<?xml version=\"1.0\"?>\n<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>"
		perl -e "print q{<text:p/>} x 920000"
		printf "</office:text></office:body></office:document-content>\n"
	} >limit.xml &&
	test $(wc -c <limit.xml) -le $((8 * MB)) &&
	mkzip limit.odt "$MIME" "content.xml,deflate=@limit.xml" &&
	peak "template limit.odt (accepted)" $BIG_TPL_MB \
		"$STYR" handout ./limit.odt -o limit-out.odt 2>err &&
	rm limit-out.odt
'

test_expect_success 'template: ten thousand entries' '
	mkzip many.odt "$MIME" "$content" $(i=0; while [ $i -lt 10000 ]; do echo "p$i=x"; i=$((i + 1)); done) &&
	hostile_template many.odt "more than 1000 files"
'

test_expect_success 'template: path traversal' '
	mkzip up.odt "$MIME" "$content" "../../evil.txt=x" &&
	hostile_template up.odt "not an acceptable name" &&
	test ! -e ../evil.txt && test ! -e ../../evil.txt
'

test_expect_success 'template: a symbolic link' '
	mkzip link.odt "$MIME" "$content" "Pictures/logo.png,symlink=/etc/passwd" &&
	hostile_template link.odt "is a symbolic link"
'

test_expect_success 'template: a DOCTYPE (entity bomb) in content.xml' '
	printf "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"><office:body><office:text>&b;</office:text></office:body></office:document-content>\n" >dt.xml &&
	mkzip doctype.odt "$MIME" "content.xml=@dt.xml" &&
	hostile_template doctype.odt "content.xml:2: a DOCTYPE is not allowed"
'

test_expect_success 'template: no content.xml, not a zip' '
	mkzip nocontent.odt "$MIME" "styles.xml=@$DATA/split-template/styles.xml" &&
	hostile_template nocontent.odt "it has no content.xml" &&
	head -c 5000 /dev/urandom >random.odt &&
	hostile_template random.odt "cannot read it as an ODF document"
'

test_expect_success 'nothing hostile got out' '
	test ! -e evil.txt && test ! -e ../evil.txt &&
	! grep -q "root:" out err
'

# The figures for the README: inputs refused (each tried by a reader and
# a writer counts once) and the largest peak RSS of each kind.
if [ -f "$TRASH/hostile.txt" ]; then
	grep -v "(accepted)" "$TRASH/hostile.txt" >"$TRASH/refused.txt"
	sed "s/^[0-9]* //; s/ (writer)//" "$TRASH/refused.txt" | sort -u \
		>"$TRASH/inputs.txt"
	for kind in register csv template; do
		n=$(grep -c "^$kind " "$TRASH/inputs.txt")
		m=$(grep " $kind " "$TRASH/refused.txt" | sort -n | tail -n 1)
		echo "# $n hostile $kind inputs refused, largest peak RSS" \
			"$((${m%% *} / 1024)) MB (${m#* })"
	done
	echo "# $(wc -l <"$TRASH/inputs.txt") hostile inputs in all, and 3" \
		"files planted beside the register"
	grep "(accepted)" "$TRASH/hostile.txt" |
		while read -r kb what; do
			echo "# $what: peak RSS $((kb / 1024)) MB"
		done
fi

test_done
