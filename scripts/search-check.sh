#!/usr/bin/env bash
# Search in a real browser (see search-check.py): typing 燃气 on /search/
# lists plan pages containing it, typing "fire" on /en/search/ English pages;
# with --queries FILE --json, every result URL of each line of FILE as JSON.
# Uses the Python environment that ../shared/tools/install-audit-deps.sh
# makes for site-audit (it has Selenium; Chromium and chromedriver are Debian's).
#   scripts/search-check.sh [SITE]
#   scripts/search-check.sh SITE --queries FILE --json [--timing]
set -euo pipefail
cd "$(dirname "$0")/.."
SITE="${1:-public}"
for python in "${SITE_AUDIT_VENV:-/nonexistent}/bin/python" /opt/site-audit/venv/bin/python \
              "$HOME/.local/share/site-audit/venv/bin/python" python3; do
  if "$python" -c 'import selenium' 2>/dev/null; then
    exec "$python" scripts/search-check.py "$SITE" "${@:2}"
  fi
done
echo "search-check: no Python with Selenium (run ../shared/tools/install-audit-deps.sh)" >&2
exit 1
