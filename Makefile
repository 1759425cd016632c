# gen-site — the two commands of the README, and a few more.
#   make site    build public/ from content/ (installs missing system packages)
#   make test    run the test suite
#   make audit   build the site and judge it with site-audit (HTML, accessibility, links)
#   make check   validate content/ and print every diagnostic

SWIFT ?= swift
CONTENT ?= content
OUT ?= public
SITE_AUDIT ?= ../shared/tools/site-audit
AUDIT_DEPS ?= $(dir $(SITE_AUDIT))install-audit-deps.sh
SYSTEM_PACKAGES := pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
RELEASE_BIN = $(shell $(SWIFT) build -c release --show-bin-path)/gen-site

.PHONY: site test audit check deps release clean bench

site: release
	$(RELEASE_BIN) build $(CONTENT) -o $(OUT)

test: deps
	$(SWIFT) test

check: release
	$(RELEASE_BIN) check $(CONTENT)

audit: site
	bash $(AUDIT_DEPS)
	$(SITE_AUDIT) $(OUT)

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

clean:
	rm -rf .build $(OUT)
