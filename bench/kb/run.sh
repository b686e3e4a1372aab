#!/usr/bin/env bash
# kb import/export streaming benchmark. Usage: bench/kb/run.sh [ROWS] [DB_URL]
# Builds target/spotter.jar if needed, then runs KbBench with a 64 MB heap.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/jdk.sh
[[ -f target/spotter.jar ]] || ./mvnw -B -ntp -q package -DskipTests
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -h | awk '/Mem:/{print $2}') RAM; $(date -u +%FT%TZ)"
exec java -Xmx64m --enable-native-access=ALL-UNNAMED -cp target/spotter.jar bench/kb/KbBench.java "$@"
