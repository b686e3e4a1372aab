#!/usr/bin/env bash
# Assembly benchmark: spotter build over N generated examples (default 1,000,000).
# Usage: bench/assemble/run.sh [N] [WORKDIR]   (heap: SPOTTER_JAVA_OPTS, default -Xmx3g)
# The jar is copied into WORKDIR first, so rebuilding the project during a long run cannot disturb it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
N="${1:-1000000}"
WORK="${2:-/tmp/spotter-assemble-bench-$N}"
if [[ ! -f "$WORK/spotter.yaml" ]]; then
  echo "generating $N examples in $WORK ..." >&2
  python3 "$ROOT/bench/assemble/gen_data.py" "$WORK" "$N"
fi
"$ROOT/spotter" --version >/dev/null   # builds spotter-cli/target/spotter.jar when stale
cp "$ROOT/spotter-cli/target/spotter.jar" "$WORK/spotter.jar"
. "$ROOT/scripts/jdk.sh"
rm -rf "$WORK/build"
OPTS="${SPOTTER_JAVA_OPTS:--Xmx3g}"
echo "date: $(date -u +%FT%TZ)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -h | awk '/Mem:/{print $2}') RAM, load $(cut -d' ' -f1-3 /proc/loadavg); heap $OPTS"
du -sh "$WORK"/*.jsonl
start=$(date +%s.%N)
/usr/bin/time -v "$JAVA_HOME/bin/java" $OPTS -jar "$WORK/spotter.jar" build --project "$WORK/spotter.yaml" --timings 2> "$WORK/time.txt" || true
end=$(date +%s.%N)
grep -E "Maximum resident|Elapsed|User time|System time" "$WORK/time.txt" || true
echo "wall: $(echo "$end - $start" | bc) s"
echo "second run (nothing changed):"
"$JAVA_HOME/bin/java" $OPTS -jar "$WORK/spotter.jar" build --project "$WORK/spotter.yaml" --timings | grep -A12 "step timings"
