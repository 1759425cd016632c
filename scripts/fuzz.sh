#!/usr/bin/env bash
# Fuzzes the content readers with libFuzzer (Swift's -sanitize=fuzzer):
# front matter, YAML into the model, CSV statistics, the plain-text importer,
# Markdown through cmark-gfm. An input that takes over 1 s is a failure
# (libFuzzer's -timeout), as a crash is: both are written where the tests replay them.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET…]     (default 600 s, every target)
# Corpora grow in .build-fuzz/corpus/<target> (seeded from Tests/Fixtures);
# crashing inputs are written to Tests/Fixtures/fuzz/<target>/ where the test
# suite replays them (FuzzRegressionTests). Prints executions per second and
# corpus sizes at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -d /opt/swift/usr/bin ]; then export PATH="/opt/swift/usr/bin:$PATH"; fi
SECONDS_PER_TARGET="${1:-600}"
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(frontmatter yaml csv import markdown)
SCRATCH=.build-fuzz
swift build -c release --scratch-path "$SCRATCH" --product gen-site-fuzz \
  -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZ >/dev/null
BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/gen-site-fuzz"

seed() { # target → its corpus folder, seeded once from the fixtures
  local corpus="$SCRATCH/corpus/$1"
  if [ ! -d "$corpus" ]; then
    mkdir -p "$corpus"
    case "$1" in
      frontmatter|markdown) find Tests/Fixtures content -name '*.md' -size -64k -exec cp -t "$corpus" {} + ;;
      yaml) i=0; for f in $(find Tests/Fixtures content -name '*.yaml' -size -64k); do cp "$f" "$corpus/$i.yaml"; i=$((i+1)); done ;;
      csv) i=0; for f in $(find Tests/Fixtures content -name '*.csv' -size -256k); do cp "$f" "$corpus/$i.csv"; i=$((i+1)); done ;;
      import) cp Tests/Fixtures/seeds/*.txt Tests/Fixtures/import/*.txt "$corpus/" ;;
    esac
  fi
  echo "$corpus"
}

summary=()
for target in "${TARGETS[@]}"; do
  corpus="$(seed "$target")"
  crashes="Tests/Fixtures/fuzz/$target"
  mkdir -p "$crashes"
  log="$SCRATCH/fuzz-$target.log"
  echo "fuzz: $target for ${SECONDS_PER_TARGET}s"
  FUZZ_TARGET="$target" "$BIN" "$corpus" -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 -timeout=1 \
    -rss_limit_mb=2048 -artifact_prefix="$crashes/" -print_final_stats=1 >"$log" 2>&1 || true
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  time=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  size=$(ls "$corpus" | wc -l)
  found=$(ls "$crashes" | wc -l)
  slowest=$(grep -o 'slowest unit: [0-9]* s' "$log" | tail -1 | grep -o '[0-9]*' || echo 0)
  summary+=("fuzz: $target: $runs runs, $time exec/s, corpus $size inputs, slowest unit ${slowest:-0} s, $found crashing or slow inputs in $crashes")
done
printf '%s\n' "${summary[@]}"
