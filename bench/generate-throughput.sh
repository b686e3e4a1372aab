#!/usr/bin/env bash
# Generation throughput benchmark (issue 4): fake LLM server with 200 ms latency and a 600 requests/min limit.
# Usage: bench/generate-throughput.sh [limitPerCategory=125] [concurrency=8] [rpm=600] [latencyMs=200]
# Runs ~70 s with the defaults (700 examples of the coach-qa plan). Not part of the unit tests.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
echo "machine: $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load: $(cut -d' ' -f1-3 /proc/loadavg)"
free -h | head -2
exec java --enable-native-access=ALL-UNNAMED -cp "$BENCH_JAR" dev.spotter.bench.generate.GenerateBench "$@"
