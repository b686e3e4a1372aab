#!/usr/bin/env bash
# Voice parser throughput, trace off (JSON only) and on: makes 20,000 mixed synthetic utterances (seed 1) and times the
# batch API on one thread (-XX:ActiveProcessorCount=1, JIT compiler threads still run). Usage: bench/voice/run.sh [rounds]
# The JMH form of the same measurement: java -jar spotter-bench/target/spotter-bench.jar VoiceParserBenchmark
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
cd "$ROOT"
OUT="$ROOT/bench/target/voice"
mkdir -p "$OUT"
java -jar "$SPOTTER_JAR" synth-voice --count 20000 --seed 1 -o "$OUT/synth.jsonl" >&2
# the last user utterance of each example, one per line
java -cp "$BENCH_JAR" -XX:ActiveProcessorCount=1 dev.spotter.bench.voice.ExtractUtterances "$OUT/synth.jsonl" > "$OUT/utterances.txt"
echo "machine: $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(free -h | awk '/Mem:/{print $2" RAM, "$7" available"}')"
uptime
for mode in notrace trace; do
  java -Xms512m -Xmx512m -XX:ActiveProcessorCount=1 -cp "$BENCH_JAR" dev.spotter.bench.voice.VoiceParseBench "$OUT/utterances.txt" "${1:-7}" "$mode"
done
