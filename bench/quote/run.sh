#!/usr/bin/env bash
# Quote endpoint throughput: GET /api/v1/market/quote/AAPL (answered from JCache) against the trivial
# authenticated GET /api/v1/ping, both with wrk at 64 connections on the running application, in one run.
# Starts the application if it is not running (./finagent run). Needs Debian's wrk (installed if missing).
#   bench/quote/run.sh [seconds]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SECONDS_PER_RUN="${1:-15}"
BASE=http://localhost:8080
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
if [[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/ready")" != 200 ]]; then
  "$ROOT/finagent" run
fi
EMAIL="bench-$(date +%s%N)@example.com"
curl -s -o /dev/null -X POST "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"benchmark-password\"}"
TOKEN=$(curl -s -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"benchmark-password\"}" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
curl -s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/market/quote/AAPL" >/dev/null
measure() {
  wrk -t2 -c64 -d"${SECONDS_PER_RUN}s" --latency -H "Authorization: Bearer $TOKEN" "$BASE$1" | tee /dev/stderr \
    | awk '/Requests\/sec/ {rps=$2} /^ +99%/ {p99=$2} END {print rps, p99}'
}
wrk -t2 -c64 -d5s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/ping" >/dev/null
wrk -t2 -c64 -d5s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/market/quote/AAPL" >/dev/null
read -r PING_RPS PING_P99 < <(measure /api/v1/ping 2>/dev/null)
read -r QUOTE_RPS QUOTE_P99 < <(measure /api/v1/market/quote/AAPL 2>/dev/null)
python3 -c "
ping, quote = float('$PING_RPS'), float('$QUOTE_RPS')
print(f'ping: {ping:.0f} req/s, p99 $PING_P99; quote: {quote:.0f} req/s, p99 $QUOTE_P99; quote/ping = {quote / ping:.2f}')
"
