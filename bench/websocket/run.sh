#!/usr/bin/env bash
# WebSocket fan-out: 1000 subscribers to one symbol on /ws/market of the running application; prints the
# p50/p99 delivery latency of the tick batches. Starts the application if it is not running.
#   bench/websocket/run.sh [subscribers] [seconds]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SUBSCRIBERS="${1:-1000}" DURATION="${2:-20}"
BASE=http://localhost:8080
if [[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/ready")" != 200 ]]; then
  "$ROOT/finagent" run
fi
EMAIL="bench-$(date +%s%N)@example.com"
curl -s -o /dev/null -X POST "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"benchmark-password\"}"
TOKEN=$(curl -s -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"benchmark-password\"}" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
[[ -d "$ROOT/bench/websocket/node_modules" ]] || npm ci --silent --no-audit --no-fund --prefix "$ROOT/bench/websocket"
node "$ROOT/bench/websocket/fanout.mjs" ws://localhost:8080 "$TOKEN" "$SUBSCRIBERS" "$DURATION"
