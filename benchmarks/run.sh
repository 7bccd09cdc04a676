#!/usr/bin/env bash
# Every figure of benchmarks/RESULTS.md, from one run, in about five minutes on 2 cores:
#
#     bash benchmarks/run.sh                 # build, measure, write benchmarks/results/latest/ and RESULTS.md
#     bash benchmarks/run.sh --no-build      # measure the jars already built
#
# Needs Java 17, Maven (offline is fine once dependencies are cached) and Debian's NumPy
# (/usr/bin/python3 with python3-numpy). Environment overrides: PYTHON (default /usr/bin/python3),
# REFERENCE_DIR (default ../shared/reference, the NumPy peer), PEER_TRIALS (100000), OUT
# (benchmarks/results/latest). Run nothing else heavy meanwhile: the figures are timings.
#
# Steps (raw output of each lands in $OUT):
#   1. machine.txt   nproc, CPU, JDK, load average before and after
#   2. census.txt    what one trial draws (TraceCensus)
#   3. jmh.json/txt  KernelBenchmark (floor / kernel / trace-walk, µs per trial, -prof gc),
#                    RunnerBenchmark (40,000 trials at 1 and 2 threads) and StatsBenchmark (recording one
#                    trial's 1,500 monthly values: moments, quantiles, and the library DDSketch it replaced)
#   4. memory.txt    MemoryProbe at 10^4, 10^5, 10^6 trials, one fresh JVM each, -Xms512m -Xmx512m
#   5. peer.txt      reference.py and Interlock (PeerRun) at $PEER_TRIALS trials, five timed runs each
#                    (medians reported), then peer_compare.py on the percentiles (peer.json)
#   6. RESULTS.md    written by report.py from the files above
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PYTHON=${PYTHON:-/usr/bin/python3}
REFERENCE_DIR=${REFERENCE_DIR:-$ROOT/../shared/reference}
PEER_TRIALS=${PEER_TRIALS:-100000}
OUT=${OUT:-benchmarks/results/latest}
JAR=benchmarks/target/benchmarks.jar
CLI=cli/target/interlock.jar
SCEN=$ROOT/scenarios/reference.yaml

if [[ "${1:-}" != "--no-build" ]]; then
  mvn -B -o -q -DskipTests package
fi
rm -rf "$OUT"
mkdir -p "$OUT"
echo "$0 $*" > "$OUT/command.txt"

elapsed() {  # seconds since a `date +%s%N` stamp
  local now
  now=$(date +%s%N)
  printf '%d.%03d' $(((now - $1) / 1000000000)) $((((now - $1) / 1000000) % 1000))
}

machine() {
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc: $(nproc)"
  echo "cpu: $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1)"
  echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  echo "jdk: $(java -version 2>&1 | head -2 | tr '\n' ' ')"
  echo "python: $($PYTHON -c 'import sys, numpy; print(sys.version.split()[0], "numpy", numpy.__version__)')"
  echo "git: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- engine benchmarks ':!benchmarks/results' ':!benchmarks/RESULTS.md' \
    || echo ' (uncommitted changes)')"
  echo "load_before: $(cut -d' ' -f1-3 /proc/loadavg)"
}
machine > "$OUT/machine.txt"
cat "$OUT/machine.txt"

echo "== census"
java -Dinterlock.scenario="$SCEN" -cp "$JAR" dev.interlock.benchmarks.TraceCensus | tee "$OUT/census.txt"

echo "== JMH: kernel vs floor, runner scaling, statistics"
java -jar "$JAR" 'KernelBenchmark|RunnerBenchmark|StatsBenchmark' -prof gc -rf json -rff "$OUT/jmh.json" \
  | tee "$OUT/jmh.txt" | grep -E '^(Benchmark|KernelBenchmark|RunnerBenchmark|StatsBenchmark)' || true

echo "== memory"
: > "$OUT/memory.txt"
for n in 10000 100000 1000000; do
  java -Xms512m -Xmx512m -Dinterlock.scenario="$SCEN" -cp "$JAR" dev.interlock.benchmarks.MemoryProbe "$n" 2 \
    | tee -a "$OUT/memory.txt"
done

echo "== peer: NumPy vs Interlock at $PEER_TRIALS trials"
: > "$OUT/peer.txt"
for i in 1 2 3 4 5; do
  start=$(date +%s%N)
  $PYTHON "$REFERENCE_DIR/reference.py" --trials "$PEER_TRIALS" --seed 1 --out "$OUT/numpy.csv" \
    | sed "s/^/numpy run=$i /" | tee -a "$OUT/peer.txt"
  echo "numpy run=$i process_seconds=$(elapsed "$start")" | tee -a "$OUT/peer.txt"
  start=$(date +%s%N)
  java -Dinterlock.scenario="$SCEN" -cp "$JAR" dev.interlock.benchmarks.PeerRun "$PEER_TRIALS" 2 \
    "$OUT/interlock-monthly.csv" | sed "s/^/interlock run=$i /" | tee -a "$OUT/peer.txt"
  echo "interlock run=$i process_seconds=$(elapsed "$start")" | tee -a "$OUT/peer.txt"
done
# The same figures through the CLI (JVM start, loading, trials.csv and every other file included).
rm -rf "$OUT/cli-run"
start=$(date +%s%N)
java -jar "$CLI" run "$SCEN" --trials "$PEER_TRIALS" --threads 2 -o "$OUT/cli-run" > "$OUT/cli.txt"
echo "cli process_seconds=$(elapsed "$start")" | tee -a "$OUT/peer.txt"
cmp -s "$OUT/cli-run/monthly.csv" "$OUT/interlock-monthly.csv" \
  && echo "cli monthly.csv identical to PeerRun's: yes" | tee -a "$OUT/peer.txt" \
  || echo "cli monthly.csv identical to PeerRun's: NO" | tee -a "$OUT/peer.txt"
rm -rf "$OUT/cli-run"
$PYTHON benchmarks/peer_compare.py --reference-dir "$REFERENCE_DIR" --numpy-csv "$OUT/numpy.csv" \
  --interlock-csv "$OUT/interlock-monthly.csv" --trials "$PEER_TRIALS" --seed 1 --json "$OUT/peer.json" \
  | tee -a "$OUT/peer.txt"

echo "load_after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
$PYTHON benchmarks/report.py "$OUT"
echo "wrote $OUT and benchmarks/RESULTS.md"
