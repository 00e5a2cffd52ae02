#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the C unit tests (tests/unit/*.c, built by `make unit` into
# $UNIT_DIR) and merges their TAP into one stream for prove.
. "$(dirname "$0")/lib.sh"

: "${UNIT_DIR:=$SRC_DIR/build/unit}"
for src in "$SRC_DIR"/tests/unit/*.c; do
	[ -e "$src" ] || continue
	name=$(basename "$src" .c)
	test_expect_success "unit tests: $name" "
		\"$UNIT_DIR/$name\" >unit.out 2>&1;
		rc=\$?;
		cat unit.out;
		[ \$rc = 0 ] && ! grep -q '^not ok' unit.out && grep -q '^1\\.\\.' unit.out
	"
done
test_done
