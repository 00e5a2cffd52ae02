/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The descriptive fields of an item: the one table that `add` and `edit`
 * (their options), the register's XML, `export json` and `export csv`,
 * `import csv`, `show` and the handout field list all follow, in this
 * order.  A new field is a new row here, plus the schema
 * (data/register.rng), the man pages and a test.
 *
 * No include guard: like jq's opcode_list.h, this file is included where
 * the table is needed, with FIELD defined to pick the columns wanted:
 * item.h (enum item_field), csv.h and csv.c (the CSV columns), item.c
 * (the options and the field table) and handout_data.c (the handout
 * fields).  Unused columns are never expanded, so N_() and the vocabularies
 * need to be known only where those columns are used.
 *
 * FIELD(ID, NAME, TYPE, VOCAB, OPTION, KEY, ARG, HELP, WHAT, LABEL, DOC,
 *       EXTRA_DOC)
 *   ID         F_ID in enum item_field, COL_ID in enum item_column
 *   NAME       the XML element or attribute, the JSON key, the CSV column
 *              and the handout field
 *   TYPE       TEXT       a child element; "" in JSON when absent
 *              TEXT_NULL  a child element; null in JSON when absent
 *              WORD       an attribute holding a keyword of VOCAB; null in
 *                         JSON when absent, and NAME_label (EXTRA_DOC)
 *                         beside it where labels are asked for
 *              AREA       an attribute holding an area's id; null in JSON
 *                         when absent, with NAME_name (EXTRA_DOC) where
 *                         labels are asked for and as a CSV column
 *   VOCAB      the vocabulary of a WORD field, else NULL
 *   OPTION     the long option of `add` and `edit`; KEY its short letter,
 *              or 0 for none; ARG and HELP its --help
 *   WHAT       the field's name in messages and in the change log
 *   LABEL      its label in `show`
 *   DOC        its line in `styr templates --fields`
 *
 * The title comes first: `add` takes it as an argument, not an option.
 * A new field goes last (after source), so that the columns and keys of
 * existing registers keep their places.
 */
FIELD(TITLE, "title", TEXT, NULL,
      "title", 't', N_("TEXT"), N_("a new title"),
      N_("title"), N_("Title:"), N_("the item's title"), NULL)
FIELD(DESCRIPTION, "description", TEXT, NULL,
      "desc", 'd', N_("TEXT"), N_("what the demand says"),
      N_("description"), N_("Description:"), N_("the item's description"),
      NULL)
FIELD(AREA, "area", AREA, NULL,
      "area", 'a', N_("ID"), N_("its review area"),
      N_("area"), N_("Area:"), N_("id of its review area"),
      N_("name of its review area"))
FIELD(ORIGIN, "origin", WORD, &vocab_origin,
      "origin", 'o', N_("ORIGIN"),
      N_("who set it: law, council, administration, management, local"),
      N_("origin"), N_("Origin:"),
      N_("who set the demand: law, council, administration, management, "
	 "local"),
      N_("the origin in the handout's language"))
FIELD(OWNER, "owner", TEXT_NULL, NULL,
      "owner", 'w', N_("TEXT"), N_("who owns it"),
      N_("owner"), N_("Owner:"), N_("who owns the demand"), NULL)
FIELD(FOUND, "found", WORD, &vocab_found,
      "found", 'F', N_("HOW"),
      N_("how it was found: interview, document, observation"),
      N_("found"), N_("Found by:"),
      N_("how it was found: interview, document, observation"),
      N_("how it was found, in the handout's language"))
FIELD(SOURCE, "source", TEXT_NULL, NULL,
      "source", 's', N_("TEXT"),
      N_("where it is written down (document, paragraph)"),
      N_("source"), N_("Source:"),
      N_("where it comes from (a law, a document)"), NULL)
