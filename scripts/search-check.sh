#!/usr/bin/env bash
# Shows that search works in a real browser: serves a built site (default
# public/) on localhost, opens /search/?q=燃气 and /en/search/?q=fire in
# headless Chromium (the page runs the same search as typing into the box),
# and checks that a plan page is among the results.
#   scripts/search-check.sh [SITE]
set -euo pipefail
SITE="${1:-public}"
[ -d "$SITE/pagefind" ] || { echo "search-check: $SITE has no pagefind/ index (is pagefind-bin-extended installed?)" >&2; exit 1; }
CHROME="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
[ -n "$CHROME" ] || { echo "search-check: Chromium is not installed" >&2; exit 1; }
PORT="${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$SITE" >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
python3 - "$PORT" <<'PY'
import sys, time, urllib.request
for _ in range(100):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/", timeout=1); break
    except Exception:
        time.sleep(0.1)
PY

status=0
check() { # path query expected-url-prefix
  local url="http://127.0.0.1:$PORT/$1?q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$2")"
  local dom hits attempt
  # Loading the WebAssembly and the index takes a moment; a slow start is retried.
  for attempt in 1 2 3; do
  dom="$(timeout 60 "$CHROME" --headless --no-sandbox --disable-gpu --virtual-time-budget=30000 --dump-dom "$url" 2>/dev/null || true)"
  hits="$(printf '%s' "$dom" | python3 -c '
import re, sys
html = sys.stdin.read()
m = re.search(r"<ol class=\"search-results\"[^>]*>(.*?)</ol>", html, re.S)
print("\n".join(re.findall(r"<li><a href=\"([^\"]+)\"", m.group(1))) if m else "")')"
  printf '%s\n' "$hits" | grep -q "^$3" && break
  done
  if printf '%s\n' "$hits" | grep -q "^$3"; then
    echo "search-check: ok: '$2' on /$1 finds $(printf '%s\n' "$hits" | grep -c .) pages, including $(printf '%s\n' "$hits" | grep "^$3" | head -1)"
  else
    echo "search-check: FAIL: '$2' on /$1 found no page under $3; results: $(printf '%s' "$hits" | tr '\n' ' ')" >&2
    status=1
  fi
}
check "search/" "燃气" "/plans/"
check "en/search/" "fire" "/en/"
exit $status
