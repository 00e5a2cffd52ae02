/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One declaration per command, each in src/cmd_NAME.c. */
#ifndef STYR_COMMANDS_H
#define STYR_COMMANDS_H

#include "cli.h"

extern const struct cli_command cmd_init, cmd_add, cmd_edit, cmd_delete,
	cmd_show, cmd_list, cmd_note, cmd_rate, cmd_burden, cmd_area,
	cmd_person, cmd_vote, cmd_tally, cmd_prioritise, cmd_decide,
	cmd_solution, cmd_phase, cmd_milestone, cmd_meeting, cmd_model,
	cmd_handout, cmd_templates, cmd_export, cmd_import, cmd_summary,
	cmd_validate, cmd_log, cmd_merge, cmd_conflicts, cmd_copy, cmd_git;
/* styr round and styr serve (the workshop in the browser). */
extern const struct cli_command cmd_round, cmd_serve;

#endif
