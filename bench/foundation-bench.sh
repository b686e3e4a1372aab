#!/usr/bin/env bash
# Foundation benchmark: validate (with Llama 3 token counting) and convert --to llama3-text over N generated
# voice-sized examples, each in one JVM with a 512 MB heap cap. Reports examples/s and peak heap from the GC log
# (largest heap occupancy any GC saw, before collection), plus max RSS from /usr/bin/time when available.
#
#   bench/foundation-bench.sh [N]        (default N = 1000000; data cached in bench/target/)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-1000000}"
OUT="$ROOT/bench/target"
mkdir -p "$OUT"
. "$ROOT/scripts/jdk.sh"
DATA="$OUT/voice_${N}.jsonl"
if [[ ! -s "$DATA" ]]; then
  echo "generating $N examples -> $DATA" >&2
  python3 "$ROOT/examples/data/make_voice_sample.py" --clean --count "$N" --seed 11 > "$DATA.tmp" && mv "$DATA.tmp" "$DATA"
fi
JAR="$ROOT/spotter-cli/target/spotter.jar"
if [[ ! -f "$JAR" ]]; then (cd "$ROOT" && ./mvnw -B -q -ntp package -DskipTests); fi

run() { # name, spotter args...
  local name=$1; shift
  local gclog="$OUT/$name.gc.log"
  local t0 t1
  t0=$(date +%s.%N)
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f "%M %U %S" -o "$OUT/$name.rss" "$JAVA_HOME/bin/java" -Xmx512m -Xlog:gc:file="$gclog" -jar "$JAR" "$@" > "$OUT/$name.out"
  else
    "$JAVA_HOME/bin/java" -Xmx512m -Xlog:gc:file="$gclog" -jar "$JAR" "$@" > "$OUT/$name.out"
  fi
  t1=$(date +%s.%N)
  # G1 lines look like "... Pause Young (Normal) (G1 Evacuation Pause) 301M->22M(512M) 3.1ms": take max "before".
  local peak live
  peak=$(grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$gclog" | sed -E 's/M->.*//' | sort -n | tail -1)
  # live = largest occupancy right after a GC: what the run actually retains (the rest is young-gen garbage)
  live=$(grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$gclog" | sed -E 's/.*->([0-9]+)M.*/\1/' | sort -n | tail -1)
  local rss="?" cpu="0"
  if [[ -f "$OUT/$name.rss" ]]; then
    read -r kb usr sys < <(tail -1 "$OUT/$name.rss")
    rss=$(( kb / 1024 )); cpu=$(python3 -c "print($usr + $sys)")
  fi
  # examples per CPU-second is the steadier figure on a shared machine (wall time depends on other load)
  python3 - "$name" "$N" "$t0" "$t1" "${peak:-0}" "${live:-0}" "$rss" "$cpu" <<'PY'
import sys
name, n, t0, t1, peak, live, rss, cpu = sys.argv[1:]
secs = float(t1) - float(t0)
cpu = float(cpu)
per_cpu = f"{int(n)/cpu:,.0f} examples per CPU-second ({cpu:.0f} CPU-s, all JVM threads)" if cpu > 0 else "CPU time n/a"
print(f"{name}: {int(n):,} examples in {secs:.1f} s wall = {int(n)/secs:,.0f} examples/s; {per_cpu}; "
      f"peak heap {peak} MB before GC, max live {live} MB after GC (-Xmx512m); max RSS {rss} MB")
PY
}

echo "date: $(date -u +%FT%TZ); load average: $(cut -d" " -f1-3 /proc/loadavg)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
free -h | head -2
echo "java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
echo "input: $DATA ($(du -h "$DATA" | cut -f1))"
run validate validate "$DATA" --json
run convert-llama3-text convert "$DATA" --to llama3-text -o "$OUT/voice_${N}.llama3.jsonl" --json
run stats stats "$DATA" --json
echo "validate summary: $(cut -c1-200 "$OUT/validate.out")"
