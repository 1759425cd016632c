#!/usr/bin/env bash
# Search in a real browser (see search-check.py): typing 燃气 on /search/
# lists a plan page, typing "fire" on /en/search/ lists an English page.
# Uses the Python environment that ../shared/tools/install-audit-deps.sh
# makes for site-audit (it has Selenium; Chromium and chromedriver are Debian's).
#   scripts/search-check.sh [SITE]
set -euo pipefail
cd "$(dirname "$0")/.."
SITE="${1:-public}"
for python in "${SITE_AUDIT_VENV:-/nonexistent}/bin/python" /opt/site-audit/venv/bin/python \
              "$HOME/.local/share/site-audit/venv/bin/python" python3; do
  if "$python" -c 'import selenium' 2>/dev/null; then
    exec "$python" scripts/search-check.py "$SITE"
  fi
done
echo "search-check: no Python with Selenium (run ../shared/tools/install-audit-deps.sh)" >&2
exit 1
