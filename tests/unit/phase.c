// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Unit tests of the phase module (src/phase.c) and of the phase and
 * meeting parts of the JSON view: look-up by number, status changes and
 * which phase is current afterwards, milestones, meetings sorted and held,
 * the governance chain's roles, and the checklist of what a phase lacks.
 * Works on a register made in memory from the built-in model.  Prints TAP.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "phase.h"
#include "reg.h"
#include "util.h"
#include "value.h"
#include "view.h"
#include "vocab.h"
#include "xmlsafe.h"
#include "tap.h"

static int str_eq(const char *a, const char *b)
{
	return a && b && !strcmp(a, b);
}

/* Errors the code under test prints on purpose go to a file, so that the
 * TAP stream stays clean (and sanitizer reports still reach stderr). */
static int saved_stderr = -1;

static void quiet(void)
{
	fflush(stderr);
	saved_stderr = dup(2);
	if (!freopen("errors.txt", "w", stderr))
		abort();
}

static void loud(void)
{
	fflush(stderr);
	dup2(saved_stderr, 2);
	close(saved_stderr);
	clearerr(stderr);
}

/* A meeting made the way `styr meeting add` makes it, under the id ID
 * (the tests need M10 beside M2, so the counter's choice is overruled). */
static xmlNodePtr add_meeting(struct reg *r, const char *id, const char *date,
			      const char *phase, const char *kind)
{
	xmlNodePtr m = reg_new_meeting(r, kind, date, phase, id);

	node_set_attr(m, "id", id);
	return m;
}

static void test_phases(struct reg *r)
{
	xmlNodePtr p1 = phase_find(r, 1), p3 = phase_find(r, 3);
	xmlNodePtr p4 = phase_find(r, 4);

	ok(phase_count(r) == 6, "the default model has six phases");
	ok(p3 && phase_number(p3) == 3, "phase_find(3) finds phase 3");
	ok(!phase_find(r, 7) && !phase_find(r, 0), "no phase 0 or 7");
	ok(phase_arg(r, "4") == p4, "phase_arg parses a number");
	quiet();
	ok(!phase_arg(r, "7") && !phase_arg(r, "0") && !phase_arg(r, "x") &&
		   !phase_arg(r, "") && !phase_arg(r, "4x") &&
		   !phase_arg(r, "99999999999999999999"),
	   "phase_arg refuses 7, 0, x, empty, 4x and a huge number");
	loud();
	ok(str_eq(phase_status(p4), "not-started"),
	   "a phase without status has not started");
	ok(str_eq(phase_name(p4, "en"), "Prioritisation") &&
		   str_eq(phase_name(p4, "da"), "Prioritering") &&
		   str_eq(phase_name(p4, "fr"), "Prioritering"),
	   "phase names by language, the first name otherwise");

	ok(!phase_current(r), "no phase is current before one starts");
	phase_set_active(r, p1, "2026-01-01");
	phase_set_active(r, p3, "2026-01-02");
	ok(phase_current(r) == p3 && reg_current_phase(r) == 3,
	   "start makes a phase current");
	ok(str_eq(phase_status(p1), "active") &&
		   str_eq(node_attr(p1, "started"), "2026-01-01"),
	   "the earlier phase stays active (phases overlap)");
	phase_set_done(r, p1, "2026-01-20");
	ok(phase_current(r) == p3, "done on another phase keeps the current");
	ok(str_eq(phase_status(p1), "done") &&
		   str_eq(node_attr(p1, "completed"), "2026-01-20"),
	   "done sets status and completion date");
	phase_set_active(r, p1, "2026-02-01");
	ok(phase_current(r) == p1 && str_eq(phase_status(p1), "active") &&
		   str_eq(node_attr(p1, "started"), "2026-01-01") &&
		   !node_attr(p1, "completed"),
	   "reopening keeps the start date and forgets the completion");
	phase_set_done(r, p1, "2026-02-10");
	ok(phase_current(r) == p3,
	   "done on the current phase: the latest active becomes current");
	phase_set_done(r, p3, "2026-02-11");
	ok(!phase_current(r) && !node_attr(r->model, "current"),
	   "done on the last active phase: none is current");
	phase_set_active(r, p1, "2026-03-01");
}

static void test_milestones(struct reg *r)
{
	xmlNodePtr p4 = phase_find(r, 4), m = milestone_find(r, "4.2");

	ok(m && m->parent == p4, "milestone_find finds 4.2 in phase 4");
	ok(!milestone_find(r, "4.9") && !milestone_find(r, "7.1"),
	   "no milestone 4.9 or 7.1");
	ok(phase_open_milestones(p4) == 6, "phase 4 has six open milestones");
	node_set_attr(m, "done", "2026-03-01");
	ok(phase_open_milestones(p4) == 5, "one ticked off, five open");
	node_set_attr(m, "done", NULL);
}

static void test_meetings(struct reg *r)
{
	xmlNodePtr m1 = add_meeting(r, "M1", "2020-01-02", "1", "seminar");
	xmlNodePtr m2 = add_meeting(r, "M2", "2020-01-01", "1", "module");
	xmlNodePtr m3 = add_meeting(r, "M3", "2099-01-01", "1", "steering");
	xmlNodePtr m4 = add_meeting(r, "M4", "2020-01-01", "2", "network");
	xmlNodePtr m10 = add_meeting(r, "M10", "2020-01-01", "1", "workshop");
	xmlNodePtr *v;
	size_t n;

	n = meetings_sorted(r, 1, &v);
	ok(n == 4 && v[0] == m2 && v[1] == m10 && v[2] == m1 && v[3] == m3,
	   "meetings of phase 1 by date, then by id number (M2 before M10)");
	free(v);
	n = meetings_sorted(r, 0, &v);
	ok(n == 5 && v[0] == m2 && v[1] == m4 && v[2] == m10,
	   "all meetings when the phase is 0");
	free(v);
	n = meetings_sorted(r, 5, &v);
	ok(n == 0, "no meetings in phase 5");
	free(v);
	ok(meeting_held(m1, "2020-01-02") && meeting_held(m1, "2020-02-01") &&
		   !meeting_held(m1, "2020-01-01"),
	   "held from its date on");
	ok(meeting_phase(m4) == 2, "meeting_phase");

	ok(str_eq(node_attr(reg_new_person(r, "Anna", "agent"), "id"), "P1") &&
		   str_eq(node_attr(reg_new_person(r, "Bo", "med"), "id"), "P2") &&
		   str_eq(node_attr(reg_new_person(r, "Cai", "staff"), "id"),
			  "P3"),
	   "people numbered P1, P2, P3");
	reg_add_attendee(r, m1, "P1");
	reg_add_attendee(r, m3, "P2");
	reg_add_attendee(r, m4, "P3");
	ok(phase_roles(r, 1, "2026-01-01") ==
		   1u << vocab_index(&vocab_role, "agent"),
	   "roles of phase 1: only those at meetings held");
	ok(phase_roles(r, 1, "2100-01-01") ==
		   (1u << vocab_index(&vocab_role, "agent") |
		    1u << vocab_index(&vocab_role, "med")),
	   "roles of phase 1 once the planned meeting is held too");
}

static void test_checks(struct reg *r)
{
	struct checklist list = {0};
	xmlNodePtr p2 = phase_find(r, 2);
	int missing;

	/* P1 is an agent (test_meetings); no areas yet. */
	missing = phase_checks(r, p2, "en", "2026-01-01", &list);
	ok(missing == 4 && list.n == 5,
	   "phase 2: three milestones and the areas check lack, agents ok");
	ok(str_eq(list.v[0].text,
		  "2.1  Seminar on governance, challenges and methods held") &&
		   !list.v[0].ok && !list.v[0].detail,
	   "a milestone check reads 'ID  title'");
	ok(str_eq(list.v[3].text, "review areas chosen") && !list.v[3].ok &&
		   strstr(list.v[3].detail, "styr area add"),
	   "the areas check says how to add one");
	ok(list.v[4].ok && !list.v[4].detail, "agents appointed is ok");
	checklist_free(&list);
	ok(!list.v && !list.n, "checklist_free empties the list");

	reg_new_area(r, "BOST", "Bostøtte");
	missing = phase_checks(r, p2, "da", "2026-01-01", &list);
	ok(missing == 3 && list.v[3].ok, "with an area only milestones lack");
	ok(str_eq(list.v[2].text, "2.3  Dokumentationsagenter er udpeget"),
	   "milestone titles in the language asked for");
	checklist_free(&list);

	missing = phase_checks(r, phase_find(r, 1), "en", "2026-01-01", &list);
	ok(missing == 3 && list.n == 3, "phase 1 has only its milestones");
	checklist_free(&list);
}

static void test_view(struct reg *r)
{
	struct arena *a = arena_new();
	struct val *reg = view_register(a, r, NULL);
	struct val *phases = val_get(reg, "phases");
	struct val *meetings = val_get(reg, "meetings");
	struct val *p1, *ms, *m;
	static const char *const keys[] = {"id",   "kind",      "title", "date",
					   "phase", "attendees", "held"};
	size_t i;
	int keys_ok;

	ok(val_get(reg, "current_phase")->u.i == 1,
	   "export json: current_phase");
	ok(phases && phases->type == VAL_ARR && phases->u.arr.n == 6,
	   "export json: six phases");
	p1 = phases->u.arr.v[0];
	ok(val_get(p1, "number")->u.i == 1 &&
		   str_eq(val_get(p1, "name")->u.str,
			  "Opbakning og organisering") &&
		   str_eq(val_get(p1, "status")->u.str, "active"),
	   "a phase: number, Danish name, status");
	ok(str_eq(val_get(phases->u.arr.v[1], "status")->u.str, "not-started"),
	   "a phase not started says so");
	ms = val_get(p1, "milestones");
	ok(ms && ms->u.arr.n == 3 &&
		   str_eq(val_get(ms->u.arr.v[0], "id")->u.str, "1.1") &&
		   val_get(ms->u.arr.v[0], "title")->type == VAL_STR &&
		   val_get(ms->u.arr.v[0], "done")->type == VAL_NULL,
	   "milestones: id, title, done null when open");
	ok(meetings && meetings->u.arr.n == 5, "export json: the meetings");
	m = meetings->u.arr.v[0];
	keys_ok = m->u.obj.n == 7;
	for (i = 0; keys_ok && i < 7; i++)
		keys_ok = str_eq(m->u.obj.m[i].key, keys[i]);
	ok(keys_ok, "a meeting: id, kind, title, date, phase, attendees, held");
	ok(str_eq(val_get(m, "id")->u.str, "M1") &&
		   val_get(m, "phase")->u.i == 1 &&
		   val_get(m, "attendees")->u.arr.n == 1 &&
		   str_eq(val_get(m, "attendees")->u.arr.v[0]->u.str, "P1") &&
		   val_get(m, "held")->u.b,
	   "M1's values");
	ok(!val_get(meetings->u.arr.v[2], "held")->u.b, "M3 is not held yet");
	arena_free(a);
}

int main(void)
{
	char dir[] = "/tmp/styr-unit-phase.XXXXXX";
	struct reg r;
	xmlDocPtr model;

	xmlsafe_init(false);
	if (!mkdtemp(dir) || chdir(dir) < 0)
		return 1;
	opt.file = "styr.xml";
	model = xmlsafe_read_memory((const char *)model_xml, model_xml_len,
				    "model", 0);
	if (!model || reg_create(&r, model, "Org", NULL) != 0)
		return 1;
	test_phases(&r);
	test_milestones(&r);
	test_meetings(&r);
	test_checks(&r);
	test_view(&r);
	reg_close(&r);
	xmlsafe_cleanup();
	unlink("errors.txt");
	if (chdir("/") == 0)
		rmdir(dir);
	return tap_done();
}
