#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Templates from strangers: zip bombs, too many entries, path traversal,
# symbolic links, DOCTYPEs, lies about sizes, missing parts, other
# document types.  Each is refused with exit 3 and a message naming the
# template and what is wrong, before anything is unpacked or written.
. "$(dirname "$0")/lib.sh"

SPLIT=$DATA/split-template
MIME=mimetype=application/vnd.oasis.opendocument.text
MB=1048576

# refused FILE PATTERN: the handout and --check both exit 3, the message
# names FILE and matches PATTERN, and no output file appears.
refused() {
	test_expect_code 3 styr handout "$1" -o out.odt 2>err &&
	test_grep -e "$2" err &&
	test_grep "$1" err &&
	test ! -e out.odt &&
	test_expect_code 3 styr handout --check "$1" >/dev/null 2>err &&
	test_grep -e "$2" err
}

test_expect_success 'set-up: a register and the parts of a good template' '
	styr init --org "Testkommune" &&
	styr add doc "Et punkt" >/dev/null &&
	content="content.xml,deflate=@$SPLIT/content.xml" &&
	styles="styles.xml,deflate=@$SPLIT/styles.xml" &&
	echo "$content" >content.arg && echo "$styles" >styles.arg &&
	mkzip good.odt "$MIME" "$content" "$styles" &&
	styr -q handout ./good.odt -o good-out.odt
'

content=$(cat content.arg 2>/dev/null)
styles=$(cat styles.arg 2>/dev/null)

test_expect_success 'an entry declaring more than 50 MB: refused before inflating' '
	mkzip bomb.odt "$MIME" "$content" "big.xml,deflate=zeros:$((51 * MB))" &&
	test $(wc -c <bomb.odt) -lt 200000 &&
	refused ./bomb.odt "big.xml. would unpack to more than 50 MB"
'

test_expect_success 'entries adding up to more than 200 MB: refused' '
	set -- "$MIME" "$content" &&
	for i in 1 2 3 4 5; do
		set -- "$@" "part$i.bin,deflate,declare:$((45 * MB))=x"
	done &&
	mkzip total.odt "$@" &&
	refused ./total.odt "would unpack to more than 200 MB"
'

test_expect_success 'an entry holding more than its header says: refused' '
	mkzip liar.odt "$MIME" "content.xml,deflate,declare:100=@$SPLIT/content.xml" &&
	refused ./liar.odt "content.xml. does not hold what its header says"
'

test_expect_success 'more than 1000 entries: refused' '
	set -- "$MIME" "$content" &&
	i=0 && while [ $i -lt 1000 ]; do
		set -- "$@" "Pictures/p$i.txt=x" && i=$((i + 1))
	done &&
	mkzip many.odt "$@" &&
	refused ./many.odt "more than 1000 files"
'

test_expect_success 'path traversal and absolute names: refused' '
	mkzip up.odt "$MIME" "$content" "../evil.txt=x" &&
	refused ./up.odt "\.\./evil.txt. is not an acceptable name" &&
	mkzip mid.odt "$MIME" "$content" "Pictures/../../evil.txt=x" &&
	refused ./mid.odt "not an acceptable name" &&
	mkzip abs.odt "$MIME" "$content" "/etc/evil=x" &&
	refused ./abs.odt "/etc/evil. is not an acceptable name" &&
	mkzip bs.odt "$MIME" "$content" "..\\evil=x" &&
	refused ./bs.odt "not an acceptable name" &&
	mkzip drive.odt "$MIME" "$content" "C:/evil=x" &&
	refused ./drive.odt "not an acceptable name" &&
	test ! -e evil.txt && test ! -e ../evil.txt
'

test_expect_success 'a symbolic link in a zip: refused' '
	mkzip link.odt "$MIME" "$content" "Pictures/logo.png,symlink=/etc/passwd" &&
	refused ./link.odt "is a symbolic link"
'

test_expect_success 'an encrypted entry: refused' '
	mkzip secret.odt "$MIME" "$content" "settings.xml,encrypted=x" &&
	refused ./secret.odt "encrypted"
'

test_expect_success 'the same name twice: refused' '
	mkzip twice.odt "$MIME" "$content" "$content" &&
	refused ./twice.odt "is in the template twice"
'

test_expect_success 'a DOCTYPE in content.xml (entity bomb): refused' '
	cat >laughs.xml <<-\EOF &&
	<?xml version="1.0"?>
	<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
	<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"><office:body><office:text>&lol2;</office:text></office:body></office:document-content>
	EOF
	mkzip laughs.odt "$MIME" "content.xml=@laughs.xml" &&
	refused ./laughs.odt "content.xml:2: a DOCTYPE is not allowed"
'

test_expect_success 'a DOCTYPE in styles.xml, the manifest, or a copied part: refused' '
	printf "<?xml version=\"1.0\"?>\n<!DOCTYPE x SYSTEM \"file:///etc/passwd\">\n<x/>\n" >ext.xml &&
	mkzip s.odt "$MIME" "$content" "styles.xml=@ext.xml" &&
	refused ./s.odt "styles.xml:2: a DOCTYPE is not allowed" &&
	mkzip m.odt "$MIME" "$content" "META-INF/manifest.xml=@ext.xml" &&
	refused ./m.odt "manifest.xml:2: a DOCTYPE is not allowed" &&
	mkzip t.odt "$MIME" "$content" "settings.xml=@ext.xml" &&
	refused ./t.odt "settings.xml:2: a DOCTYPE is not allowed"
'

test_expect_success 'no content.xml: refused' '
	mkzip empty.odt "$MIME" "$styles" &&
	refused ./empty.odt "it has no content.xml"
'

test_expect_success 'not a text document: another mimetype or a spreadsheet body' '
	mkzip sheet.odt "mimetype=application/vnd.oasis.opendocument.spreadsheet" "$content" &&
	refused ./sheet.odt "not a text document or text template" &&
	printf "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"><office:body><office:spreadsheet/></office:body></office:document-content>" >calc.xml &&
	mkzip calc.odt "content.xml=@calc.xml" &&
	refused ./calc.odt "not a text document"
'

test_expect_success 'not a zip at all, empty, cut short: refused' '
	printf "hello, I am not a zip\n" >text.odt &&
	refused ./text.odt "cannot read it as an ODF document" &&
	: >zero.odt &&
	refused ./zero.odt "zero.odt" &&
	head -c 300 good.odt >cut.odt &&
	refused ./cut.odt "cut.odt" &&
	printf "<not-xml" >broken.xml &&
	mkzip broken.odt "$MIME" "content.xml=@broken.xml" &&
	refused ./broken.odt "content.xml:1: not well-formed XML"
'

test_expect_success 'a directory template with a symbolic link: refused' '
	cp -R "$SPLIT" linked &&
	ln -s /etc/passwd linked/Pictures/passwd.svg &&
	refused ./linked "Pictures/passwd.svg. is a symbolic link" &&
	cp -R "$SPLIT" linked2 &&
	rm linked2/styles.xml &&
	ln -s ../linked/styles.xml linked2/styles.xml &&
	refused ./linked2 "styles.xml. is a symbolic link"
'

test_expect_success 'a directory template with a fifo, a huge or too many files: refused' '
	cp -R "$SPLIT" fifo &&
	mkfifo fifo/settings.xml &&
	refused ./fifo "settings.xml. is not a plain file" &&
	cp -R "$SPLIT" huge &&
	truncate -s $((51 * MB)) huge/Pictures/huge.png &&
	refused ./huge "Pictures/huge.png. would unpack to more than 50 MB" &&
	cp -R "$SPLIT" crowd &&
	i=0 && while [ $i -lt 1001 ]; do : >crowd/Pictures/f$i; i=$((i + 1)); done &&
	refused ./crowd "more than 1000 files"
'

test_expect_success 'a directory template without content.xml: refused' '
	cp -R "$SPLIT" nocontent &&
	rm nocontent/content.xml &&
	refused ./nocontent "it has no content.xml"
'

# nested_eaches N NAME: NAME.odt, a template whose content.xml (NAME.xml)
# is N {{#each items}} one inside the other, each paragraph a level.
nested_eaches() {
	body= && close= && i=0 &&
	while [ $i -lt "$1" ]; do
		body="$body<text:p>{{#each items}}</text:p>" &&
		close="$close<text:p>{{/each}}</text:p>" && i=$((i + 1))
	done &&
	printf "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>%s%s</office:text></office:body></office:document-content>" "$body" "$close" >"$2.xml" &&
	mkzip "$2.odt" "$MIME" "content.xml=@$2.xml"
}

test_expect_success 'template-language bombs: deep nesting is refused (exit 3)' '
	nested_eaches 40 deep &&
	test_expect_code 3 styr handout ./deep.odt -o out.odt 2>err &&
	test_grep "nested too deeply" err &&
	test ! -e out.odt
'

test_expect_success 'template-language bombs: loops in loops without end are stopped' '
	for i in 1 2 3 4 5 6 7 8 9; do styr add doc "Punkt $i" >/dev/null || return 1; done &&
	nested_eaches 9 loops &&
	test_expect_code 3 styr handout ./loops.odt -o out.odt 2>err &&
	test_grep "loops.odt: the handout would be too large" err &&
	test ! -e out.odt
'

test_expect_success 'nothing was unpacked anywhere' '
	test ! -e evil.txt && test ! -e "$TRASH/../evil.txt" &&
	test -z "$(ls | grep -e "^Pictures" -e "^META-INF")"
'

test_done
