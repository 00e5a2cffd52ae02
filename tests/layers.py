#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""layers.py SRC_DIR: the include graph of styr's modules must have no cycle.

A module is a src/NAME.c; it depends on module M when it includes "M.h"
and src/M.c exists (headers without a .c of their own, such as commands.h
or item_fields.h, are tables, not modules).  Prints each cycle found, as
"a -> b -> a", and exits with 1; prints nothing and exits with 0 when the
modules form layers, as src/README.md says they do."""
import glob
import os
import re
import sys

src = os.path.join(sys.argv[1], "src")
modules = {os.path.basename(f)[:-2] for f in glob.glob(os.path.join(src, "*.c"))}
deps = {}
for m in modules:
    text = open(os.path.join(src, m + ".c"), encoding="utf-8").read()
    deps[m] = {h for h in re.findall(r'#include "([^"/]+)\.h"', text)
               if h in modules and h != m}

# Depth-first search; a grey module met again closes a cycle.
state, path, cycles = {}, [], []


def visit(m):
    state[m] = "grey"
    path.append(m)
    for d in sorted(deps[m]):
        if state.get(d) == "grey":
            cycles.append(path[path.index(d):] + [d])
        elif d not in state:
            visit(d)
    path.pop()
    state[m] = "black"


for m in sorted(modules):
    if m not in state:
        visit(m)
for c in cycles:
    print(" -> ".join(c))
sys.exit(1 if cycles else 0)
