// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * libFuzzer target: the spreadsheet readers (sheet_xlsx.c, sheet_ods.c)
 * behind `styr import xlsx|ods`.  The first byte of an input chooses the
 * format (even: XLSX, odd: ODS); the rest is the sheet's XML -- an XLSX
 * worksheet, or an ODS content.xml -- which is packed with fixed parts
 * (workbook, relationships, shared texts, styles with date formats; or
 * the ODS mimetype) into a package and imported into a copy of the
 * register in tests/fuzz/data.xml.  Fuzzing the XML, not the zip, keeps
 * the inputs past the zip's checksums.  An import that succeeds must
 * leave a register that loads again, one that fails must leave it byte
 * for byte as it was.  tests/t0650 replays the seeds the same way.
 */
#include <zip.h>

#include "fuzz.h"

#define NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

static struct fuzz_import reg;
static char *xlsx_file, *ods_file;

static const char *const xlsx_parts[][2] = {
	{"[Content_Types].xml", "<Types/>"},
	{"xl/workbook.xml",
	 "<workbook xmlns=\"" NS "\" xmlns:r=\"" REL "\"><sheets><sheet "
	 "name=\"Ark1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
	{"xl/_rels/workbook.xml.rels",
	 "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
	 "2006/relationships\"><Relationship Id=\"rId1\" Type=\"" REL
	 "/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship "
	 "Id=\"rId2\" Type=\"" REL "/sharedStrings\" Target=\"sharedStrings."
	 "xml\"/><Relationship Id=\"rId3\" Type=\"" REL "/styles\" "
	 "Target=\"styles.xml\"/></Relationships>"},
	{"xl/sharedStrings.xml",
	 "<sst xmlns=\"" NS "\"><si><t>kind</t></si><si><t>title</t></si>"
	 "<si><t>goal</t></si><si><r><t>M</t></r><r><t>ål</t></r></si>"
	 "<si><t>minutes</t></si><si><t>per_year</t></si></sst>"},
	{"xl/styles.xml",
	 "<styleSheet xmlns=\"" NS "\"><numFmts><numFmt numFmtId=\"164\" "
	 "formatCode=\"dd/mm/yyyy\"/></numFmts><cellXfs><xf numFmtId=\"0\"/>"
	 "<xf numFmtId=\"14\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>"},
};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_import_setup(&reg);
	xlsx_file = fuzz_path("sheet.xlsx");
	ods_file = fuzz_path("sheet.ods");
	return 0;
}

static void add(zip_t *z, const char *name, const void *data, size_t len)
{
	zip_source_t *s = zip_source_buffer(z, data, len, 0);

	if (!s || zip_file_add(z, name, s, ZIP_FL_OVERWRITE) < 0) {
		zip_source_free(s);
		fprintf(stderr, "cannot add %s\n", name);
		abort();
	}
}

/* Packs SHEET (LEN bytes) as the package PATH of the format XLSX. */
static void pack(const char *path, int xlsx, const uint8_t *sheet,
		 size_t len)
{
	static const char mime[] =
		"application/vnd.oasis.opendocument.spreadsheet";
	int err;
	size_t i;
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);

	if (!z)
		abort();
	if (xlsx) {
		for (i = 0; i < sizeof xlsx_parts / sizeof *xlsx_parts; i++)
			add(z, xlsx_parts[i][0], xlsx_parts[i][1],
			    strlen(xlsx_parts[i][1]));
		add(z, "xl/worksheets/sheet1.xml", sheet, len);
	} else {
		add(z, "mimetype", mime, strlen(mime));
		add(z, "content.xml", sheet, len);
	}
	if (zip_close(z) < 0)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int xlsx = size && !(data[0] & 1);
	char *file = xlsx ? xlsx_file : ods_file;

	if (!size)
		return 0;
	fuzz_capture();
	pack(file, xlsx, data + 1, size - 1);
	fuzz_import(&reg, xlsx ? "xlsx" : "ods", file);
	fuzz_release();
	return 0;
}
