#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Random merges with real git (SPEC section 9, issue 13): in each scenario
# two clones of a register kept with 'styr git setup' make random
# sequences of every kind of change, and each merges the other through
# the merge driver; tests/merge-random.py checks, independently of styr's
# merge code, that every change of both sides is there or recorded as a
# conflict, nothing else changed, the register validates, and merging the
# other way round gives the same register up to the renumbering of new
# ids.  20 scenarios (the first 10 of them under a sanitizer, where each
# is several times slower), 200 with STYR_TEST_LONG=1 (make check-all,
# both builds); seeded and replayable:
# STYR_MERGE_SEED=N STYR_MERGE_COUNT=1 make test T=t1110.
. "$(dirname "$0")/lib.sh"

if ! command -v git >/dev/null || ! command -v python3 >/dev/null; then
	echo "1..0 # SKIP needs git and python3"
	exit 0
fi

seed=${STYR_MERGE_SEED:-1}
if [ -n "${SANITIZE_BUILD:-}" ]; then
	count=${STYR_MERGE_COUNT:-$(test_long 10 200)}
else
	count=${STYR_MERGE_COUNT:-$(test_long 20 200)}
fi
mkdir -p "$TRASH/work"
python3 "$SRC_DIR/tests/merge-random.py" "$STYR" "$SRC_DIR/data/register.rng" \
	"$TRASH/work" "$seed" "$count"
