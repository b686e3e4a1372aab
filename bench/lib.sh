# Sourced by the bench scripts: a JDK >= 21 (scripts/jdk.sh), then SPOTTER_JAR (the CLI jar) and BENCH_JAR (the
# spotter-bench module: JMH benchmarks and the harness classes under dev.spotter.bench.*), rebuilt when missing.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/jdk.sh"
SPOTTER_JAR="$ROOT/spotter-cli/target/spotter.jar"
BENCH_JAR="$ROOT/spotter-bench/target/spotter-bench.jar"
if [[ ! -f "$SPOTTER_JAR" || ! -f "$BENCH_JAR" ]]; then
  (cd "$ROOT" && ./mvnw -B -ntp -q package -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true) >&2
fi
export ROOT SPOTTER_JAR BENCH_JAR
