#!/usr/bin/env bash
# A trivial endpoint's latency (p50, p99) on the idle server and while 16 clients hammer sign-in and heavy analytics,
# measured in one run against the running application (started with ./finagent run if it is not).
#   bench/edge/run.sh [seconds per phase]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BASE=http://localhost:8080
if [[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/ready")" != 200 ]]; then
  "$ROOT/finagent" run
fi
java "$ROOT/bench/edge/EdgeBench.java" "$BASE" "${1:-30}"
