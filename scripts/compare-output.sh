#!/bin/bash
# Builds the same sites with a reference gen-site and with this one and compares the
# output trees byte for byte: the example site, the 2,000-page bench site (the search
# index included) and the script fixture (Tests/Fixtures/script). For a change that must
# not change the output (a refactoring, a speed-up): build the reference first, e.g.
#
#   git worktree add /tmp/ref main   (or: git archive main | tar -x -C /tmp/ref)
#   (cd /tmp/ref && swift build -c release --product gen-site --scratch-path /tmp/ref-build)
#   scripts/compare-output.sh /tmp/ref-build/release/gen-site /tmp/ref/Templates
#
# usage: scripts/compare-output.sh REFERENCE_BIN [REFERENCE_TEMPLATES] [NEW_BIN]
# Exit 0 when every tree is identical, 1 (with the first differences) otherwise.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
REF_BIN=${1:?usage: scripts/compare-output.sh REFERENCE_BIN [REFERENCE_TEMPLATES] [NEW_BIN]}
REF_TEMPLATES=${2:-$ROOT/Templates}
NEW_BIN=${3:-$ROOT/.build/release/gen-site}
PAGES=${BENCH_PAGES:-2000}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/gen-site-compare.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

[ -x "$NEW_BIN" ] || (cd "$ROOT" && swift build -c release --product gen-site)
BENCH_PAGES=$PAGES BENCH_DIR="$WORK/bench" python3 "$ROOT/scripts/bench.py" --generate-only >/dev/null

status=0
for site in "example:$ROOT/content" "bench:$WORK/bench/content" "script:$ROOT/Tests/Fixtures/script"; do
  name=${site%%:*}; content=${site#*:}
  for side in ref new; do
    if [ $side = ref ]; then bin=$REF_BIN; templates=$REF_TEMPLATES; else bin=$NEW_BIN; templates=$ROOT/Templates; fi
    "$bin" build "$content" -o "$WORK/$side-$name" --templates "$templates" --build-date 2025-09-30 > "$WORK/$side-$name.log" 2>&1 \
      || { echo "compare: $bin failed on $name:"; cat "$WORK/$side-$name.log"; exit 1; }
  done
  files=$(find "$WORK/new-$name" -type f | wc -l)
  if diff -r "$WORK/ref-$name" "$WORK/new-$name" > "$WORK/$name.diff"; then
    echo "compare: $name identical ($files files)"
  else
    echo "compare: $name DIFFERS ($(grep -c '^diff\|^Only' "$WORK/$name.diff" || true) files)"
    head -40 "$WORK/$name.diff"
    status=1
  fi
done
exit $status
