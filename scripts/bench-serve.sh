#!/usr/bin/env bash
# Benchmark (not a test) of gen-site serve on a large site: generates the bench
# content (BENCH_PAGES, default 20,000 pages), starts the preview, waits until
# it has settled, then edits one task's title in one tasks.yaml and measures
# the time from the save to the moment the preview serves the task page with
# the new title (polling every 5 ms), RUNS times (default 5, each edit a new
# title). Then checks that the pages served — the edited task page, its plan
# page, a unit page, the home page — are byte for byte what `gen-site build`
# writes for the same content, and so are pages the edit does not touch (the
# preview keeps those from before the save).
#   scripts/bench-serve.sh          BENCH_PAGES=2000 scripts/bench-serve.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -d /opt/swift/usr/bin ]; then export PATH="/opt/swift/usr/bin:$PATH"; fi
PAGES="${BENCH_PAGES:-20000}"
RUNS="${RUNS:-5}"
PORT="${PORT:-18777}"
WORK="${BENCH_DIR:-$PWD/.bench-serve}"
GEN_SITE="${GEN_SITE:-$PWD/.build/release/gen-site}"
[ -x "$GEN_SITE" ] || swift build -c release --product gen-site >/dev/null
BENCH_PAGES="$PAGES" BENCH_DIR="$WORK" python3 scripts/bench.py --generate-only
site="$WORK/content"
tasks="$site/plans/plan-5/tasks.yaml"
page="plans/plan-5/tasks/1/"
"$GEN_SITE" serve "$site" --port "$PORT" >"$WORK/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/__gen-site/version" >/dev/null; do sleep 0.1; done
sleep "${SETTLE:-10}"   # the background rendering of the first version
now() { date +%s.%N; }
times=()
title="任务1"
for run in $(seq "$RUNS"); do
  new="任务1（第${run}次修改）"
  # The clock starts when the file is closed (Python's exit and the next command took 13–26 ms more, which were counted as the preview's).
  start=$(python3 - "$tasks" "$title" "$new" <<'PY'
import sys, time
path, old, new = sys.argv[1:]
text = open(path, encoding="utf-8").read()
with open(path, "w", encoding="utf-8") as f:
    f.write(text.replace(f"title: {{zh: {old}, ", f"title: {{zh: {new}, ", 1))
print(f"{time.time():.6f}")
PY
)
  until curl -s "http://127.0.0.1:$PORT/$page" | grep -q "$new"; do sleep 0.005; done
  end=$(now)
  times+=("$(echo "($end - $start) * 1000" | bc | cut -d. -f1)")
  title="$new"
  sleep 2
done
echo "bench-serve: $PAGES-page site, save → edited page served: ${times[*]} ms"
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "bench-serve: median $(echo "$sorted" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') ms"
grep 'ready in' "$WORK/serve.log" | tail -3
# The served pages against a full build of the same content.
"$GEN_SITE" build "$site" -o "$WORK/public" --no-search-index >/dev/null 2>&1
status=0
# Pages the edit touches, and pages it does not (kept from before the edit, not rendered again).
for path in "$page" "plans/plan-5/" "units/unit-5/" "" "en/$page" "data/tasks.json" \
            "plans/plan-6/tasks/2/" "en/plans/plan-7/progress/" "units/unit-40/" "notices/"; do
  file="$path"; [ -z "$file" ] || [ "${file: -1}" = "/" ] && file="${file}index.html"
  if curl -s "http://127.0.0.1:$PORT/$path" | cmp -s - "$WORK/public/$file"; then
    echo "bench-serve: /$path matches the build"
  else
    echo "bench-serve: /$path DIFFERS from the build"; status=1
  fi
done
exit $status
