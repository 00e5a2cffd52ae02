#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Prints the path of the OASIS ODF 1.3 RelaxNG schema (compact syntax),
# fetching it once into build/odf-schema/.  Debian ships it in
# emacs-common; when that is not installed, the package is downloaded with
# apt-get (no root needed) and only the schema is kept.  Exits 1, printing
# nothing, when it cannot be had (no network, not Debian).
set -u
SRC_DIR=$(cd "$(dirname "$0")/.." && pwd)
CACHE=$SRC_DIR/build/odf-schema
NAME=OpenDocument-schema-v1.3.rnc

if [ -s "$CACHE/$NAME" ]; then
	echo "$CACHE/$NAME"
	exit 0
fi
for f in /usr/share/emacs/*/etc/schema/$NAME; do
	if [ -s "$f" ]; then
		echo "$f"
		exit 0
	fi
done
command -v apt-get >/dev/null 2>&1 && command -v dpkg-deb >/dev/null 2>&1 ||
	exit 1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/odf-schema.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
(
	cd "$tmp" &&
	apt-get download emacs-common >/dev/null 2>&1 &&
	dpkg-deb -x emacs-common_*.deb x
) || exit 1
found=$(find "$tmp/x" -name "$NAME" | head -n 1)
[ -n "$found" ] || exit 1
mkdir -p "$CACHE" &&
cp "$found" "$CACHE/$NAME.$$" &&
mv "$CACHE/$NAME.$$" "$CACHE/$NAME" || exit 1
echo "$CACHE/$NAME"
