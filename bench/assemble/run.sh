#!/usr/bin/env bash
# Assembly benchmark: spotter build over N generated examples (default 1,000,000).
# Usage: bench/assemble/run.sh [N] [WORKDIR]   (heap: SPOTTER_JAVA_OPTS, default -Xmx3g)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
N="${1:-1000000}"
WORK="${2:-/tmp/spotter-assemble-bench-$N}"
if [[ ! -f "$WORK/spotter.yaml" ]]; then
  echo "generating $N examples in $WORK ..." >&2
  python3 "$ROOT/bench/assemble/gen_data.py" "$WORK" "$N"
fi
rm -rf "$WORK/build"
export SPOTTER_JAVA_OPTS="${SPOTTER_JAVA_OPTS:--Xmx3g}"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -h | awk '/Mem:/{print $2}') RAM; heap $SPOTTER_JAVA_OPTS"
du -sh "$WORK"/*.jsonl
start=$(date +%s.%N)
/usr/bin/time -v "$ROOT/spotter" build --project "$WORK/spotter.yaml" --timings 2> "$WORK/time.txt" || true
end=$(date +%s.%N)
grep -E "Maximum resident|Elapsed" "$WORK/time.txt" || true
echo "wall: $(echo "$end - $start" | bc) s"
# second run: nothing changed, every step reused
"$ROOT/spotter" build --project "$WORK/spotter.yaml" --timings | tail -14
