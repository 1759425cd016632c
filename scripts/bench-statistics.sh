#!/usr/bin/env bash
# Benchmark (not a test): builds a site whose statistics/accidents.csv has
# ROWS rows (default 1,000,000: 19 MB, just under the 20 MB limit of a file,
# with one-character ids) with the release binary, BENCH_RUNS times, and
# prints the median wall time and the largest peak memory of the whole build.
#   scripts/bench-statistics.sh            # 1,000,000 rows
#   ROWS=100000 scripts/bench-statistics.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${ROWS:-1000000}"
RUNS="${BENCH_RUNS:-5}"
if [ -d /opt/swift/usr/bin ]; then export PATH="/opt/swift/usr/bin:$PATH"; fi
swift build -c release --scratch-path .build-release --product gen-site >/dev/null
BIN="$(swift build -c release --scratch-path .build-release --show-bin-path)/gen-site"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/content/statistics"
cat > "$WORK/content/site.yaml" <<'YAML'
title: {zh: 统计基准, en: Statistics benchmark}
base_url: https://example.org/
YAML
echo '[]' > "$WORK/content/units.yaml"
python3 - "$ROWS" "$WORK/content/statistics" <<'PY'
import sys, random
rows, folder = int(sys.argv[1]), sys.argv[2]
random.seed(1)
regions = [str(i) for i in range(10)]
categories = ["a", "b", "c", "d", "e", "f", "g", "h"]
with open(f"{folder}/categories.yaml", "w") as f:
    f.write("sample: true\ncategories:\n" + "".join(f"  - {{id: {c}, name: {c}}}\n" for c in categories))
    f.write("regions:\n" + "".join(f"  - {{id: {r}, name: 地区{r}}}\n" for r in regions))
with open(f"{folder}/accidents.csv", "w") as f:
    f.write("period,region,category,accidents,deaths,injuries,loss\n")
    n = 0
    for year in range(1900, 3000):
        for month in range(1, 13):
            for region in regions:
                for category in categories:
                    if n == rows: break
                    a = random.randint(0, 9); d = random.randint(0, min(a, 2))
                    f.write(f"{year}-{month:02d},{region},{category},{a},{d},{random.randint(0, 5)},{random.randint(0, 9)}\n")
                    n += 1
PY
echo "bench-statistics: accidents.csv $(stat -c %s "$WORK/content/statistics/accidents.csv") bytes"
times=(); peaks=()
for _ in $(seq "$RUNS"); do
  /usr/bin/time -f "%e %M" -o "$WORK/time" "$BIN" build "$WORK/content" -o "$WORK/public" --no-search-index --build-date 2025-01-01 >/dev/null 2>&1
  read -r seconds kilobytes < "$WORK/time"
  times+=("$seconds"); peaks+=("$((kilobytes / 1024))")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
peak=$(printf '%s\n' "${peaks[@]}" | sort -n | tail -1)
echo "bench-statistics: $ROWS rows, runs: ${times[*]} s"
echo "bench-statistics: $ROWS rows, median ${median} s, peak ${peak} MiB"
