/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by reg.c and reg_check.c only: the register's own rules. */
#ifndef STYR_REG_INT_H
#define STYR_REG_INT_H

#include "reg.h"

/* The largest number a register may hold in a counter, a count or an
 * amount (check_values): far beyond any real register, and small enough
 * that sums of them never overflow. */
#define MAX_NUMBER 1000000000L

/* Points R's section pointers at the root's sections.  Returns 0. */
int reg_find_sections(struct reg *r);

/* Rules the schema cannot say (unique ids, references, counters ahead of
 * ids, exact values); prints each problem.  0 or -1. */
int reg_check_consistency(struct reg *r);

/* reg_verify, but checking nothing when TRUSTED: reg_open's file that
 * trust.c vouches for (styr checked and wrote it, nothing touched it
 * since).  0 or -1. */
int reg_check_loaded(struct reg *r, const char *name, bool trusted);

#endif
