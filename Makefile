# SPDX-License-Identifier: GPL-3.0-or-later
# styr: build, test, install.  `make example` builds and runs the worked
# example; `make check` runs the whole test suite (plain and under
# AddressSanitizer + UndefinedBehaviorSanitizer) in a few minutes;
# `make check-all` (CI) adds the long counts, valgrind and the fuzz smoke
# run; `make test T=t0200` runs one test file.

VERSION   = 0.1
PREFIX   ?= /usr/local
BINDIR    = $(PREFIX)/bin
MANDIR    = $(PREFIX)/share/man
LOCALEDIR = $(PREFIX)/share/locale
DATADIR   = $(PREFIX)/share/styr
# The installed binary finds its data relative to itself (git's
# RUNTIME_PREFIX; src/paths.c): these are the ways from BINDIR to DATADIR
# and LOCALEDIR, the same for every PREFIX, so `make install PREFIX=...`
# needs no rebuild and an installed tree can be moved.  The absolute
# places above are only the last resort.
relpath   = $(shell realpath -m --relative-to='$(1)' '$(2)' 2>/dev/null || echo '$(3)')
RELATIVE_DATADIR   := $(call relpath,$(BINDIR),$(DATADIR),../share/styr)
RELATIVE_LOCALEDIR := $(call relpath,$(BINDIR),$(LOCALEDIR),../share/locale)

CC       ?= cc
CFLAGS   ?= -O2 -g
# CI builds with WERROR=-Werror (.ci/run); a user's newer compiler may warn
# about what this one does not, and should not stop the build.
WARNINGS  = -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes $(WERROR) \
            -Wmissing-prototypes -Wformat=2 -Wno-format-nonliteral
PKG_CFLAGS := $(shell pkg-config --cflags libxml-2.0 libzip zlib libmicrohttpd libqrencode xlsxwriter json-c 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs libxml-2.0 libzip zlib libmicrohttpd libqrencode xlsxwriter json-c 2>/dev/null)
ALL_CPPFLAGS = -D_GNU_SOURCE -Iinclude -I$(B) $(PKG_CFLAGS) \
            -DVERSION='"$(VERSION)"' -DLOCALEDIR='"$(LOCALEDIR)"' \
            -DDATADIR='"$(DATADIR)"' \
            -DRELATIVE_DATADIR='"$(RELATIVE_DATADIR)"' \
            -DRELATIVE_LOCALEDIR='"$(RELATIVE_LOCALEDIR)"' $(CPPFLAGS)
LIBS      = $(PKG_LIBS) -lcsv -lunistring -lm -pthread

# Build directory: build/ for the plain binary, build/asan for the
# sanitizer build (make B=build/asan SANITIZE=1).
B        ?= build
ifdef SANITIZE
CFLAGS   += -O1 -fsanitize=address,undefined -fno-omit-frame-pointer \
            -fno-sanitize-recover=undefined
LDFLAGS  += -fsanitize=address,undefined
endif

SRC      = $(wildcard src/*.c)
OBJ      = $(patsubst src/%.c,$(B)/%.o,$(SRC)) $(B)/embedded.o
LIB_OBJ  = $(filter-out $(B)/main.o,$(OBJ))
UNIT_SRC = $(wildcard tests/unit/*.c)
UNIT_BIN = $(patsubst tests/unit/%.c,$(B)/unit/%,$(UNIT_SRC))
LINGUAS  = da
MO       = $(patsubst %,locale/%/LC_MESSAGES/styr.mo,$(LINGUAS))

# Debian packages the build needs, and those the tests use besides: real
# ODF clients (LibreOffice Writer and Calc, pandoc), the ODF schema checker (jing), a Danish
# locale for the translation tests, a real browser for the web pages
# (chromium, driven by selenium), openpyxl to read what export xlsx writes,
# and git for the merge driver.
BUILD_DEPS = gcc make pkg-config libxml2-dev libzip-dev zlib1g-dev libcsv-dev \
             libunistring-dev libmicrohttpd-dev libqrencode-dev libxlsxwriter-dev \
             libjson-c-dev gettext
TEST_DEPS  = perl python3 locales libc-l10n libxml2-utils zip unzip \
             libreoffice-writer-nogui libreoffice-calc-nogui pandoc jing poppler-utils \
             fonts-liberation2 fonts-dejavu-core \
             valgrind clang libclang-rt-14-dev time git \
             chromium chromium-driver python3-selenium python3-openpyxl

.PHONY: all deps test-deps example check check-plain check-asan unit install \
        uninstall clean format pot check-all test
.PHONY: check-build asan-build
.PHONY: check-valgrind fuzz fuzz-build fuzz-bins fuzz-smoke bench deb

all: $(B)/styr $(MO)
ifeq ($(B),build)
all: styr
endif

styr: $(B)/styr
	cp $< $@

$(B)/styr: $(OBJ)
	$(CC) $(LDFLAGS) -o $@ $(OBJ) $(LIBS)

$(B)/%.o: src/%.c $(wildcard include/*.h src/*.h) | $(B)
	$(CC) $(ALL_CPPFLAGS) $(WARNINGS) $(CFLAGS) -c -o $@ $<

# The schema and default model are compiled in, as byte arrays.
# So are the pages, style sheet and script of `styr serve` (data/web/),
# as the table web_files (src/serve_pages.c).
WEB_FILES = $(sort $(wildcard data/web/*.html data/web/*.css data/web/*.js))
$(B)/embedded.c: data/register.rng data/model.xml $(WEB_FILES) | $(B)
	{ for pair in register_rng:data/register.rng model_xml:data/model.xml; do \
	    name=$${pair%%:*}; file=$${pair#*:}; \
	    echo "const unsigned char $$name[] = {"; \
	    od -An -v -tx1 $$file | sed 's/\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	    echo "0x00};"; \
	    echo "const unsigned int $${name}_len = sizeof $$name - 1;"; \
	  done; \
	  n=0; for file in $(WEB_FILES); do \
	    echo "static const unsigned char web_$$n[] = {"; \
	    od -An -v -tx1 $$file | sed 's/\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	    echo "0x00};"; n=$$((n + 1)); \
	  done; \
	  echo "struct web_file { const char *name; const unsigned char *data; unsigned int len; };"; \
	  echo "extern const struct web_file web_files[];"; \
	  echo "const struct web_file web_files[] = {"; \
	  n=0; for file in $(WEB_FILES); do \
	    echo "{\"$${file#data/web/}\", web_$$n, sizeof web_$$n - 1},"; n=$$((n + 1)); \
	  done; \
	  echo "{0, 0, 0}};"; } > $@

$(B)/embedded.o: $(B)/embedded.c
	$(CC) $(CFLAGS) -c -o $@ $<

$(B) $(B)/unit:
	mkdir -p $@

# The fault-injection shim the tests LD_PRELOAD (tests/t0630-faults.sh):
# built without sanitizers in every build directory, so a test finds it
# beside the binary it tests.
$(B)/inject.so: tests/fault/inject.c | $(B)
	$(CC) -std=c11 -D_GNU_SOURCE -Wall -Wextra -O2 -g -fPIC -shared \
	  -o $@ $< -ldl

locale/%/LC_MESSAGES/styr.mo: po/%.po
	mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

# Installs what the build (or, with PACKAGES, anything else) needs when
# missing: as root with apt, else it prints the exact command to run.
PACKAGES = $(BUILD_DEPS)
deps:
	@missing=""; \
	for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' \
	    || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	      apt-get install -y -qq --no-install-recommends $$missing; \
	  else \
	    echo "styr needs these packages; run:"; \
	    echo "  sudo apt-get install$$missing"; exit 1; \
	  fi; \
	fi

# The test tools, and the Danish locale the translation tests run under.
test-deps: deps web-deps
	@$(MAKE) -s deps PACKAGES="$(TEST_DEPS)"
	@if ! locale -a 2>/dev/null | grep -qi '^da_DK\.utf-\?8$$'; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    sed -i 's/^# *\(da_DK.UTF-8\)/\1/' /etc/locale.gen; \
	    grep -q '^da_DK.UTF-8' /etc/locale.gen || \
	      echo 'da_DK.UTF-8 UTF-8' >> /etc/locale.gen; \
	    locale-gen >/dev/null; \
	  else \
	    echo "the tests need a Danish locale; run: sudo locale-gen da_DK.UTF-8"; \
	    exit 1; \
	  fi; \
	fi

# axe-core for the browser tests (tests/web/browser.py), from npm by the
# lock in tests/web, installed when missing (or the lock changed).  npm is
# needed for this alone; nothing here downloads a browser: the tests drive
# Debian's chromium (TEST_DEPS).
.PHONY: web-deps
WEB_AXE = tests/web/node_modules/axe-core/axe.min.js
web-deps: $(WEB_AXE)
$(WEB_AXE): tests/web/package.json tests/web/package-lock.json
	@command -v npm >/dev/null 2>&1 || $(MAKE) -s deps PACKAGES=npm
	cd tests/web && npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

example: deps
	$(MAKE) all
	cd examples/odder && ./run.sh

$(B)/unit/%: tests/unit/%.c tests/unit/tap.h $(LIB_OBJ) | $(B)/unit
	$(CC) $(ALL_CPPFLAGS) $(WARNINGS) $(CFLAGS) $(LDFLAGS) -o $@ $< \
	  $(LIB_OBJ) $(LIBS)

unit: $(UNIT_BIN)

# The test suite.
#   make check      every test file, plain, then under ASan+UBSan: the
#                   proof for a newcomer, under five minutes on 2 cores.
#                   Both builds are made first, in parallel; then the
#                   files run in parallel (prove -j$(TEST_JOBS)); each
#                   works in its own mktemp -d sandbox, so they cannot
#                   collide.  The long reliability runs (t0600-t0620:
#                   kills, writers) repeat at a smaller count, as git's
#                   EXPENSIVE tests do.
#   make check-all  what CI runs (.ci/run): the same with STYR_TEST_LONG=1,
#                   the full counts (200 kills, 8 x 50 writers, ...) the
#                   README's Reliability figures come from, then the
#                   valgrind subset and the fuzz smoke run.
#   make test T=t0200      one test file, plain build, verbose: tests/t0200-*.sh
#   make test T="t0200 t0300"   several (T=unit: the C unit tests)
# STYR_TEST_LONG=1 works with any of them; JOBS=N sets the builds'
# parallelism, TEST_JOBS=N prove's.
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
# Two test files per processor: most files spend half their time waiting
# (on LibreOffice, chromium, a server's reply, a lock held on purpose, a
# python3 or soffice starting), not computing, so one per processor
# leaves the processors idle half the time.
TEST_JOBS ?= $(shell echo $$(( $(JOBS) * 2 )))
# The sandboxes go in memory (/dev/shm) where there is one, as git's
# --root=/dev/shm does: every save fsyncs the register and its folder,
# and on a disk shared with other work each sync can take long.  What
# the syncs promise is tested apart from the disk (t0630's injected
# faults; t0600, t0620 and t1040 keep their sandboxes on the disk).
# Only a /dev/shm with room (1 GB: LibreOffice profiles, big registers)
# that runs programs (t1200 puts a fake soffice there) will do: a
# container's is often 64 MB and noexec.  TEST_ROOT= puts the sandboxes
# in $$TMPDIR.  The check runs once, for the goals that run tests; the
# make it calls inherits the answer (exported, even when empty).
TEST_GOALS = check check-all check-plain check-asan test
ifeq ($(origin TEST_ROOT),undefined)
ifneq ($(filter $(TEST_GOALS),$(MAKECMDGOALS)),)
TEST_ROOT := $(shell f=$$(mktemp /dev/shm/styr-probe.XXXXXX 2>/dev/null) || \
  exit 0; printf '\043!/bin/sh\n' >$$f && chmod +x $$f && $$f 2>/dev/null && \
  test "$$(df -Pk /dev/shm | awk 'NR == 2 { print $$4 }')" -gt 1048576 && \
  echo /dev/shm; rm -f $$f)
export TEST_ROOT
endif
endif
# The slowest files first (measured: the plain and ASan runs together),
# so that no long one starts last and runs alone.
SLOW_TESTS = t0630-faults t0315-exchange t1000-serve t1020-status-html \
             t1110-merge-random t1010-serve-browser t0800-examples \
             t1100-merge t1200-pdf t0530-real-clients t0640-hostile \
             t1210-spreadsheets t1220-import-sheets t0620-crashes \
             t0250-corrections t0610-concurrency t0660-threads \
             t1230-ratings t1040-serve-kill t0135-numbers t0910-danish \
             t0680-no-overwrite t0600-reliability t1050-serve-load \
             t0500-handout t0400-phase t0520-hostile-templates
TESTS    = $(patsubst %,tests/%.sh,$(SLOW_TESTS)) \
           $(filter-out $(patsubst %,tests/%.sh,$(SLOW_TESTS)), \
             $(wildcard tests/t[0-9]*.sh)) tests/unit.sh
TEST_ENV = STYR_LOCALEDIR=$(CURDIR)/locale STYR_TEST_LONG=$(STYR_TEST_LONG) \
           $(if $(TEST_ROOT),STYR_TEST_ROOT=$(TEST_ROOT))

# The builds make check and check-all test, made at once (-j$(JOBS)
# unless make was given a -j of its own).
PAR = $(if $(filter -j%,$(MAKEFLAGS)),,-j$(JOBS))
check-build: all unit $(B)/inject.so asan-build
asan-build: $(MO)
	$(MAKE) B=build/asan SANITIZE=1 $(MO) build/asan/styr unit \
	  build/asan/inject.so

check: test-deps
	$(MAKE) $(PAR) check-build
	$(MAKE) check-plain
	$(MAKE) check-asan

check-all: test-deps
	$(MAKE) $(PAR) check-build
	$(MAKE) check-plain STYR_TEST_LONG=1
	$(MAKE) check-asan STYR_TEST_LONG=1
	$(MAKE) check-valgrind
	if command -v clang >/dev/null; then $(MAKE) fuzz-smoke; fi

check-plain: all unit $(B)/inject.so
	$(TEST_ENV) STYR=$(CURDIR)/$(B)/styr UNIT_DIR=$(CURDIR)/$(B)/unit \
	  prove -f --timer -j$(TEST_JOBS) $(TESTS)

# T names test files by the start of their name (t0200, t03, unit).
test: all unit $(B)/inject.so
	@test -n "$(T)" || { echo 'usage: make test T=t0200 (or T="t0200 t0300")'; \
	  exit 2; }
	@files="$(foreach t,$(T),$(or $(wildcard tests/$(t)*.sh),$(t)?))"; \
	case "$$files" in *"?"*) \
	  echo "no test file tests/NAME*.sh for: $$(echo "$$files" | \
	    tr " " "\n" | sed -n "s/?$$//p" | tr "\n" " ")"; exit 2;; esac; \
	$(TEST_ENV) STYR=$(CURDIR)/$(B)/styr UNIT_DIR=$(CURDIR)/$(B)/unit \
	  prove -v $$files

# Sanitizer reports exit 86/87, never one of styr's own statuses, so no
# report can pass for an expected refusal.
check-asan: asan-build
	SANITIZE_BUILD=1 ASAN_OPTIONS=detect_leaks=1:exitcode=86 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=87 \
	STYR=$(CURDIR)/build/asan/styr UNIT_DIR=$(CURDIR)/build/asan/unit \
	  $(TEST_ENV) prove -f --timer -j$(TEST_JOBS) $(TESTS)

# A subset of the suite under valgrind memcheck (see the README's
# Reliability section for which and why): STYR is a wrapper that runs the
# plain binary under valgrind; a leak or memory error exits 88.
VALGRIND_TESTS = t0000-basic t0100-init-add t0120-edit-delete t0220-solution \
             t0300-export t0310-import t0330-validate t0340-log t0500-handout \
             t0520-hostile-templates t0640-hostile t0650-fuzz-regress
check-valgrind: all
	mkdir -p $(B)/valgrind
	printf '#!/bin/sh\nexec valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=88 -q %s "$$@"\n' \
	  "$(CURDIR)/$(B)/styr" >$(B)/valgrind/styr
	chmod +x $(B)/valgrind/styr
	SANITIZE_BUILD=1 STYR=$(CURDIR)/$(B)/valgrind/styr \
	  STYR_LOCALEDIR=$(CURDIR)/locale \
	  prove -f -j$(JOBS) $(patsubst %,tests/%.sh,$(VALGRIND_TESTS))

# Fuzzing with clang's libFuzzer under ASan+UBSan: the project's objects
# built with clang into build/fuzz and linked with each tests/fuzz/NAME.c
# into build/fuzz/fuzz-NAME.  `make fuzz FUZZ_SECONDS=N` runs each target
# for N seconds from its seed corpus tests/fuzz/corpus-NAME (what it finds
# goes to build/fuzz/corpus-NAME, crashes to build/fuzz/crashes/);
# `make fuzz-smoke` replays the seeds and the kept crashing inputs
# (tests/fuzz/regress-NAME) and fuzzes each target a few seconds.
FUZZ_B       = build/fuzz
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 10
FUZZ_TARGETS = $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/*.c))
FUZZ_CFLAGS  = -O1 -g -fsanitize=fuzzer-no-link,address,undefined \
               -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_RUN     = -timeout=25 -rss_limit_mb=2048 -max_len=65536 \
               -artifact_prefix=$(FUZZ_B)/crashes/$$t-

fuzz-build:
	$(MAKE) B=$(FUZZ_B) CC=clang CFLAGS="$(FUZZ_CFLAGS)" fuzz-bins

fuzz-bins: $(patsubst %,$(B)/fuzz-%,$(FUZZ_TARGETS))

$(B)/fuzz-%: tests/fuzz/%.c tests/fuzz/fuzz.h $(LIB_OBJ)
	$(CC) $(ALL_CPPFLAGS) $(WARNINGS) $(CFLAGS) -fsanitize=fuzzer \
	  -Wl,--wrap=error -DFUZZ_DATA='"$(CURDIR)/tests/fuzz/data.xml"' -o $@ $< \
	  $(LIB_OBJ) $(LIBS)

fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_B)/corpus-$$t $(FUZZ_B)/crashes; \
	  echo "fuzzing $$t for $(FUZZ_SECONDS) seconds"; \
	  $(FUZZ_B)/fuzz-$$t $(FUZZ_RUN) -max_total_time=$(FUZZ_SECONDS) \
	    -dict=tests/fuzz/$$t.dict $(FUZZ_B)/corpus-$$t \
	    tests/fuzz/corpus-$$t || exit 1; \
	done

fuzz-smoke: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	  rm -rf $(FUZZ_B)/smoke-$$t; \
	  mkdir -p $(FUZZ_B)/smoke-$$t $(FUZZ_B)/crashes; \
	  echo "replaying tests/fuzz/corpus-$$t and regress-$$t"; \
	  $(FUZZ_B)/fuzz-$$t $(FUZZ_RUN) -runs=0 tests/fuzz/corpus-$$t \
	    $$(test -d tests/fuzz/regress-$$t && echo tests/fuzz/regress-$$t) \
	    || exit 1; \
	  echo "fuzzing $$t for $(FUZZ_SMOKE_SECONDS) seconds"; \
	  $(FUZZ_B)/fuzz-$$t $(FUZZ_RUN) -max_total_time=$(FUZZ_SMOKE_SECONDS) \
	    -dict=tests/fuzz/$$t.dict $(FUZZ_B)/smoke-$$t \
	    tests/fuzz/corpus-$$t || exit 1; \
	done

# The benchmark (not part of `make check`): an optimised build of its own,
# registers of 1,000, 10,000 and 100,000 items, styr's commands against
# xmllint, zip, Taskwarrior and Carbone in the same run; see bench/run.sh.
# BENCH_SIZES and BENCH_RUNS choose other sizes and a run count.
BENCH_SIZES ?= 1000 10000 100000
bench: deps
	$(MAKE) B=build/bench CFLAGS="-O2 -g" build/bench/styr
	RUNS=$(BENCH_RUNS) STYR=$(CURDIR)/build/bench/styr bench/run.sh $(BENCH_SIZES)
	STYR=$(CURDIR)/build/bench/styr bench/serve.sh

# PREFIX (and BINDIR, DATADIR...) may differ from the build's: the binary
# does not depend on it.  Quoted throughout, for a PREFIX with a space.
install: all
	install -d "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(MANDIR)/man1" \
	  "$(DESTDIR)$(MANDIR)/man5" "$(DESTDIR)$(DATADIR)/templates"
	install -m 755 $(B)/styr "$(DESTDIR)$(BINDIR)/styr"
	install -m 644 styr.1 "$(DESTDIR)$(MANDIR)/man1/styr.1"
	install -m 644 styr.5 "$(DESTDIR)$(MANDIR)/man5/styr.5"
	for l in $(LINGUAS); do \
	  install -d "$(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES"; \
	  install -m 644 locale/$$l/LC_MESSAGES/styr.mo \
	    "$(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/styr.mo"; \
	done
	cp -R templates/. "$(DESTDIR)$(DATADIR)/templates/"

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/styr" "$(DESTDIR)$(MANDIR)/man1/styr.1" \
	  "$(DESTDIR)$(MANDIR)/man5/styr.5"
	rm -rf "$(DESTDIR)$(DATADIR)"
	for l in $(LINGUAS); do \
	  rm -f "$(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/styr.mo"; done

# The Debian package, built by Debian's own tools (debian/, dh calling the
# install target above with PREFIX=/usr) in a copy of the tree under
# build/deb, so that the build here (build/, ./styr) is left as it is:
# styr_VERSION_ARCH.deb, copied to the top directory.  debian/changelog's
# version must be the Makefile's.
DEB_DEPS = $(BUILD_DEPS) debhelper dpkg-dev lintian fakeroot
DEB_DIR  = build/deb/styr-$(VERSION)
deb:
	@$(MAKE) -s deps PACKAGES="$(DEB_DEPS)"
	@v=$$(dpkg-parsechangelog -S Version); [ "$$v" = "$(VERSION)" ] || { \
	  echo "debian/changelog is at $$v, the Makefile at $(VERSION):" \
	    "add an entry with dch -v $(VERSION)"; exit 1; }
	rm -rf build/deb && mkdir -p $(DEB_DIR)
	tar -cf - --exclude-vcs --exclude=./build --exclude=./styr \
	  --exclude=./locale --exclude='./styr_*' --exclude='./tests/trash*' \
	  --exclude=./examples/odder/out . | tar -xf - -C $(DEB_DIR)
	cd $(DEB_DIR) && dpkg-buildpackage -us -uc -b
	cp build/deb/styr_$(VERSION)_$$(dpkg --print-architecture).deb .
	@echo "built styr_$(VERSION)_$$(dpkg --print-architecture).deb;" \
	  "check it with: lintian styr_$(VERSION)_*.deb"

# Refreshes po/styr.pot and merges it into each translation.
pot:
	xgettext --from-code=UTF-8 -k_ -kN_ -kC_:1c,2 -c/ --package-name=styr \
	  --package-version=$(VERSION) -o po/styr.pot \
	  $(SRC) include/item_fields.h include/cli.h
	for l in $(LINGUAS); do msgmerge -q -U --backup=none po/$$l.po po/styr.pot; done

format:
	clang-format -i $(SRC) src/*.h include/*.h $(UNIT_SRC) tests/unit/tap.h

clean:
	rm -rf build styr locale styr_*.deb
