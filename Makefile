# gen-site — the two commands of the README, and a few more.
#   make site    build public/ from content/ (installs missing system packages)
#   make test    run the test suite
#   make audit   build the site and judge it with site-audit (HTML, accessibility, links)
#   make check   validate content/ and print every diagnostic

SWIFT ?= swift
FUZZ_SECONDS ?= 600
CONTENT ?= content
OUT ?= public
SITE_AUDIT ?= ../shared/tools/site-audit
AUDIT_DEPS ?= $(dir $(SITE_AUDIT))install-audit-deps.sh
# nodejs: the search test runs the search page's own script (Templates/assets/search.js) over the example site's index.
# libcurl4: Foundation's URLSession (gen-site check --external).
SYSTEM_PACKAGES := pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-utils python3 python3-venv python3-yaml libxml2-dev poppler-utils zlib1g-dev nodejs libcurl4
# LibreOffice fills in and re-saves the spreadsheets in the round-trip tests (docs/spreadsheets.md);
# poppler-utils and the CJK fonts render the form's screenshots (make sheet-screenshots).
SHEET_TEST_PACKAGES := libreoffice-calc
SCREENSHOT_PACKAGES := libreoffice-calc poppler-utils fonts-noto-cjk
# The bench (and the test of the 2,000-page bench site's output) reads strings.yaml with PyYAML:
# Debian's python3 and python3-yaml (in SYSTEM_PACKAGES), not the Pagefind environment's python3.
BENCH_PYTHON ?= /usr/bin/python3
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
RELEASE_BIN = $(shell $(SWIFT) build -c release --show-bin-path)/gen-site

.PHONY: site test audit check deps sheet-deps sheet-screenshots release clean bench bench-statistics bench-serve search-check fuzz

site: release
	$(RELEASE_BIN) build $(CONTENT) -o $(OUT)

test: deps sheet-deps
	$(SWIFT) test

check: release
	$(RELEASE_BIN) check $(CONTENT)

audit: site
	bash $(AUDIT_DEPS)
	$(SITE_AUDIT) $(OUT)
	scripts/search-check.sh $(OUT)

# Search in a real browser: typing 燃气 finds a plan page, "fire" an English page
# (scripts/search-check.sh SITE --queries FILE --json prints every result of your own queries).
search-check: site
	bash $(AUDIT_DEPS)
	scripts/search-check.sh $(OUT)

# Benchmarks (not tests).
#   BENCH_PAGES=20000 make bench    gen-site against Hugo on the same generated site
bench: release
	GEN_SITE=$(RELEASE_BIN) $(BENCH_PYTHON) scripts/bench.py

bench-statistics:
	scripts/bench-statistics.sh

# gen-site serve on a 20,000-page site: save → edited page served, and the served pages against a build.
bench-serve: release
	GEN_SITE=$(RELEASE_BIN) scripts/bench-serve.sh

# Fuzz the content readers (libFuzzer), 10 minutes per target by default.
fuzz:
	scripts/fuzz.sh $(FUZZ_SECONDS)

release: deps
	$(SWIFT) build -c release --product gen-site

# Installs the Debian packages the build needs, only when one is missing.
deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
	fi

# LibreOffice for the spreadsheet round trips (the tests skip, saying so, without it).
SHEET_PACKAGES ?= $(SHEET_TEST_PACKAGES)
sheet-deps:
	@missing=""; for p in $(SHEET_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
	fi

# The progress form and the responsibility list as LibreOffice prints them: docs/images/*.png.
sheet-screenshots: release
	@$(MAKE) --no-print-directory sheet-deps SHEET_PACKAGES="$(SCREENSHOT_PACKAGES)"
	GEN_SITE=$(RELEASE_BIN) scripts/sheet-screenshots.sh

clean:
	rm -rf .build $(OUT) $(dir $(OUT)).$(notdir $(OUT)).prev
