# bb — open network traffic tester. Top-level build and test entry points.
#
#   make            build bbgen.ko (for KVER) and the userspace tools
#   make check      every test suite; ends with "N passed, N failed"
#   make fuzz       every libFuzzer harness (tests/fuzz) for SECS seconds
#   make demo       boot the VM, run examples/back-to-back.json (or
#                   DEMO=examples/http.json), copy its HTML and JSON
#                   reports to build/demo/
#
# KLINE picks the Debian kernel line (6.12 default, or 6.1); KVER the exact
# version (default: resolved by scripts/kver); KDIR the headers to build
# against. SUITES limits make check (unit host spec kunit vm-6.12 vm-6.1).

KLINE ?= 6.12
KVER ?= $(shell scripts/kver $(KLINE))
KDIR ?= /usr/src/linux-headers-$(KVER)
SUITES ?=
DEMO ?= examples/back-to-back.json

.PHONY: all kmod userspace check check-debug demo style clean deps setup fuzz

all: kmod userspace

deps:
	@scripts/check-build-deps "$(KVER)" "$(KDIR)"

kmod: deps
	$(MAKE) -C kmod KVER=$(KVER) KDIR=$(KDIR)

userspace: deps
	$(MAKE) -C userspace

# setup-deps is idempotent and quick once everything is there, so the two
# README commands work on a fresh machine without a separate step.
setup:
	@scripts/setup-deps

check: setup
	@scripts/check-all $(SUITES)

# the module on a kernel with KASAN, lockdep, kmemleak (scripts/check-debug)
check-debug: setup
	@scripts/check-debug

SECS ?= 60
fuzz: setup
	@scripts/run-fuzz --secs $(SECS)

demo: setup
	$(MAKE) all
	rm -rf build/demo
	scripts/vm-run --kver $(KVER) --out build/demo -- env DEMO_SCENARIO=$(DEMO) scripts/demo-in-vm
	@for f in build/demo/*; do [ -e "$$f" ] && echo "demo: report $(CURDIR)/$$f"; done; true

style:
	$(MAKE) -C kmod style

clean:
	$(MAKE) -C kmod clean
	$(MAKE) -C userspace clean
	rm -rf build
