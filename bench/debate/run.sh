#!/usr/bin/env bash
# Debate parallelism: wall time of a debate whose every model call is a stand-in waiting a fixed delay, against its
# critical path (model calls on the longest chain x delay; goal: ratio <= 1.2) and against the same debate with
# every call run in sequence.
#   bench/debate/run.sh [delayMs] [assistantType] [runs]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/target/bench/debate"
DELAY="${1:-200}" TYPE="${2:-analyst}" RUNS="${3:-3}"
mkdir -p "$OUT"
cd "$ROOT"
mvn -B -ntp -Dstyle.color=never -q -o -pl agents test-compile >/dev/null
mvn -B -ntp -Dstyle.color=never -q -o -pl agents dependency:build-classpath -Dmdep.outputFile="$OUT/classpath" >/dev/null
CP="$ROOT/agents/target/classes:$ROOT/agents/target/test-classes:$(cat "$OUT/classpath")"
javac -d "$OUT/classes" -cp "$CP" bench/debate/DebateBench.java
java -cp "$OUT/classes:$CP" DebateBench "$DELAY" "$TYPE" "$RUNS" 2> >(grep -v '^SLF4J' >&2)
