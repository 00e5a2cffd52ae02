// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The TAP harness every unit test shares (tests/unit.sh runs each binary
 * and checks its stream): ok() prints one numbered result, tap_done()
 * prints the plan last (TAP allows it at the end, so no test needs to know
 * its count) and gives main its exit status.  Each unit test is a program
 * of its own, so the counters can be static here.
 */
#ifndef STYR_TAP_H
#define STYR_TAP_H

#include <stdarg.h>
#include <stdio.h>

static int tests, failures;

/* One result: COND true is "ok", else "not ok"; FMT names the case.
 * Flushed at once, so that a crash later leaves the results before it. */
static void ok(int cond, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void ok(int cond, const char *fmt, ...)
{
	va_list ap;

	tests++;
	if (!cond)
		failures++;
	printf("%s %d - ", cond ? "ok" : "not ok", tests);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
}

/* The plan, then main's exit status: 1 if any case failed. */
static int tap_done(void)
{
	printf("1..%d\n", tests);
	return failures != 0;
}

#endif
