#!/usr/bin/env bash
# Monte Carlo benchmark: Fin Agent's simulation against a vectorised NumPy version of the same model, in one
# run on this machine. Needs Debian's python3-numpy (installed if missing). Prints both rates and the ratio.
#   bench/montecarlo/run.sh [paths] [steps] [runs]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/target/bench/montecarlo"
PATHS="${1:-100000}" STEPS="${2:-252}" RUNS="${3:-3}"
PY=/usr/bin/python3
mkdir -p "$OUT"
if ! "$PY" -c 'import numpy' 2>/dev/null; then
  apt-get install -y -qq python3-numpy >/dev/null
fi
cd "$ROOT"
mvn -B -ntp -q -o install -DskipTests -pl persistence,agents,ejb-module -am >/dev/null
mvn -B -ntp -q -o -pl ejb-module dependency:build-classpath -Dmdep.outputFile="$OUT/classpath" >/dev/null
CP="$ROOT/ejb-module/target/classes:$(cat "$OUT/classpath")"
javac -d "$OUT/classes" -cp "$CP" bench/montecarlo/MonteCarloBench.java
java -cp "$OUT/classes:$CP" MonteCarloBench ../shared/data/market/pypfopt_stock_prices_adjclose_20tickers_1989_2018.csv \
  "$OUT/params.txt" "$PATHS" "$STEPS" "$RUNS" | tee "$OUT/java.txt"
"$PY" bench/montecarlo/numpy_gbm.py "$OUT/params.txt" "$PATHS" "$STEPS" "$RUNS" | tee "$OUT/numpy.txt"
best() { sed -E 's/.*path_steps_per_s=([^ ]+).*/\1/' "$1" | sort -g | tail -1; }
"$PY" - "$(best "$OUT/java.txt")" "$(best "$OUT/numpy.txt")" <<'PY'
import sys
java, numpy = float(sys.argv[1]), float(sys.argv[2])
print(f"best path-steps/s: java {java:.3e}, numpy {numpy:.3e}, ratio java/numpy = {java / numpy:.2f}")
PY
