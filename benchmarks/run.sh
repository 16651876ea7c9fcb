#!/usr/bin/env bash
# Runs every benchmark once (about 9 minutes on 2 cores) and writes BENCHMARKS.md at the project root.
# Usage: benchmarks/run.sh [extra JMH options, e.g. a benchmark name regex]
set -euo pipefail
cd "$(dirname "$0")/.."
out=benchmarks/target
mvn -B -ntp -q -Pbenchmarks -pl benchmarks -am package -DskipTests
java -jar "$out/benchmarks.jar" -prof gc -rf json -rff "$out/jmh-results.json" "$@"
java -cp "$out/benchmarks.jar" io.github.tiktokevents.benchmarks.RetainedMemory > "$out/retained.properties"
# issues 13 and 14: the command line and the Kafka sink task against the emulator, beside the processor alone
java -Xmx2g -cp "$out/benchmarks.jar" io.github.tiktokevents.benchmarks.IntegrationFigures > "$out/integrations.properties"
# SECONDS: bash's count since the script started, so the report can say how long the run took
java -cp "$out/benchmarks.jar" io.github.tiktokevents.benchmarks.BenchmarkReport \
  "$out/jmh-results.json" "$out/retained.properties" "$out/integrations.properties" BENCHMARKS.md "benchmarks/run.sh" "$SECONDS"
