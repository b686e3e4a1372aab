#!/usr/bin/env bash
# Review app benchmark. Usage: bench/review/run.sh [RECORDS] [STEPS]
# Runs dev.spotter.bench.review.ReviewBench (spotter-bench module): a batch of RECORDS (default 10,000) injury
# records, the review server on 127.0.0.1, server times from its Server-Timing header. Results: docs/BENCHMARKS.md.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
cd "$ROOT"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -h | awk '/Mem:/{print $2}') RAM; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
exec java -Xmx1g --enable-native-access=ALL-UNNAMED -cp "$BENCH_JAR" dev.spotter.bench.review.ReviewBench "$@"
