#!/usr/bin/env bash
# kb import/export streaming benchmark. Usage: bench/kb/run.sh [ROWS] [DB_URL]
# Runs dev.spotter.bench.kb.KbBench (spotter-bench module) with a 64 MB heap.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
cd "$ROOT"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -h | awk '/Mem:/{print $2}') RAM; $(date -u +%FT%TZ)"
exec java -Xmx64m --enable-native-access=ALL-UNNAMED -cp "$BENCH_JAR" dev.spotter.bench.kb.KbBench "$@"
