#!/usr/bin/env bash
# Voice parser throughput, trace off (JSON only) and on: builds the jar, makes 20,000 mixed synthetic utterances (seed 1), and times the batch
# API on one thread (-XX:ActiveProcessorCount=1, JIT compiler threads still run). Usage: bench/voice/run.sh [rounds]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$ROOT/scripts/jdk.sh"
cd "$ROOT"
[[ -f target/spotter.jar ]] || ./mvnw -B -q -ntp package -DskipTests
OUT="$ROOT/bench/target/voice"
mkdir -p "$OUT"
java -jar target/spotter.jar synth-voice --count 20000 --seed 1 -o "$OUT/synth.jsonl" >&2
# the last user utterance of each example, one per line
java -cp target/spotter.jar -XX:ActiveProcessorCount=1 "$ROOT/bench/voice/ExtractUtterances.java" "$OUT/synth.jsonl" > "$OUT/utterances.txt"
echo "machine: $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(free -h | awk '/Mem:/{print $2" RAM, "$7" available"}')"
uptime
for mode in notrace trace; do
  java -Xms512m -Xmx512m -XX:ActiveProcessorCount=1 -cp target/spotter.jar "$ROOT/bench/voice/VoiceParseBench.java" "$OUT/utterances.txt" "${1:-7}" "$mode"
done
