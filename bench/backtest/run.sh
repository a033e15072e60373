#!/usr/bin/env bash
# Backtest throughput: an offline backtest of one symbol over five years, weekly (~260 debates with the offline
# model, point-in-time prices and the offline corpora searched as of each day), run two debates at a time (the
# server's default) and one after another in the same run: wall time, debates per second, and their ratio.
# With a model latency (ms) every model call first waits that long, as a hosted model's would.
#   bench/backtest/run.sh [symbol] [width] [model latency ms] [rounds]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/target/bench/backtest"
SHARED="${FINAGENT_SHARED_DATA:-$ROOT/../shared/data}"
mkdir -p "$OUT"
cd "$ROOT"
mvn -B -ntp -Dstyle.color=never -q -pl ejb-module -am test-compile dependency:build-classpath -Djacoco.skip=true -Dmdep.outputFile="$OUT/classpath" >/dev/null
CP="$ROOT/ejb-module/target/classes:$ROOT/agents/target/classes:$ROOT/agents/target/test-classes:$ROOT/persistence/target/classes:$(cat "$OUT/classpath")"
javac -d "$OUT/classes" -cp "$CP" bench/backtest/BacktestBench.java
java -cp "$OUT/classes:$CP" BacktestBench "$SHARED" "${1:-AAPL}" "${2:-2}" "${3:-0}" "${4:-3}" 2> >(grep -v '^SLF4J' >&2)
