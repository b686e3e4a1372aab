#!/usr/bin/env bash
# Embedded build vs the distributed build on Spark local mode, same project, same machine (docs/BENCHMARKS.md).
# Usage: bench/spark/run.sh [N] [WORKDIR] [MASTER]   (default 1,000,000 examples, local[2])
#   heap: SPOTTER_JAVA_OPTS (default -Xmx3g, both runs); SPOTTER_SPARK_JAVA_OPTS overrides it for the Spark run
#   ONLY=spark: keep WORKDIR/embedded from an earlier run and run the Spark build only
# Input: bench/assemble/gen_data.py (two sources, planted duplicates, PII, broken lines). Prints wall time, CPU
# time (user + sys), peak RSS of each run, and whether every upload file, provenance, quarantine and log is
# byte-identical between the two (cmp). Not a test: timings live here, never in unit tests.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
N="${1:-1000000}"
WORK="${2:-/tmp/spotter-spark-bench-$N}"
MASTER="${3:-local[2]}"
if [[ ! -f "$WORK/spotter.yaml" ]]; then
  echo "generating $N examples in $WORK ..." >&2
  python3 "$ROOT/bench/assemble/gen_data.py" "$WORK" "$N"
fi
"$ROOT/spotter" --version >/dev/null   # builds spotter-cli/target/spotter.jar when stale
cp "$ROOT/spotter-cli/target/spotter.jar" "$WORK/spotter.jar"
"$ROOT/scripts/spotter-spark" >/dev/null 2>&1 || true   # builds spotter-spark-app.jar and the Spark class path when stale
cp "$ROOT/spotter-spark/target/spotter-spark-app.jar" "$WORK/spotter-spark-app.jar"
. "$ROOT/scripts/jdk.sh"
OPTS="${SPOTTER_JAVA_OPTS:--Xmx3g}"
SPARK_OPTS="${SPOTTER_SPARK_JAVA_OPTS:-$OPTS}"
echo "date: $(date -u +%FT%TZ)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -h | awk '/Mem:/{print $2}') RAM, load $(cut -d' ' -f1-3 /proc/loadavg); heap $OPTS (spark: $SPARK_OPTS); spark master $MASTER"
du -sh "$WORK"/*.jsonl
report() { grep -E "Maximum resident|Elapsed|User time|System time" "$1" | sed 's/^\s*/  /'; }
rm -rf "$WORK/spark"
if [[ "${ONLY:-}" != spark ]]; then
  rm -rf "$WORK/embedded"
  echo "embedded: spotter build"
  /usr/bin/time -v "$JAVA_HOME/bin/java" $OPTS -jar "$WORK/spotter.jar" build --project "$WORK/spotter.yaml" \
      --out "$WORK/embedded" > "$WORK/embedded.log" 2> "$WORK/embedded.time" || true
fi
echo "embedded (load at its end: $(cut -d' ' -f1-3 /proc/loadavg)):"
report "$WORK/embedded.time"
echo "spark $MASTER: scripts/spotter-spark build"
SPOTTER_SPARK_JAR="$WORK/spotter-spark-app.jar" SPOTTER_JAVA_OPTS="$SPARK_OPTS" /usr/bin/time -v "$ROOT/scripts/spotter-spark" --master "$MASTER" -- build \
    --project "$WORK/spotter.yaml" --out "$WORK/spark" > "$WORK/spark.log" 2> "$WORK/spark.time" || true
report "$WORK/spark.time"
grep -E "^  (ingest|write)" "$WORK/spark.time" || true
cat "$WORK/spark.log"
same=0; differ=0
for f in $(cd "$WORK/embedded" && find . -name '*.jsonl' -not -path './.state/*' | sort); do
  if cmp -s "$WORK/embedded/$f" "$WORK/spark/$f"; then same=$((same + 1)); else differ=$((differ + 1)); echo "  DIFFERS: $f"; fi
done
echo "identical files: $same, different: $differ"
