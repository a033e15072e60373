#!/usr/bin/env bash
# Plaid sync throughput: links a local-sandbox item with N transactions (default 50 000) to a fresh user of the
# running application, then reports the first sync (transactions per second) and a repeat, no-change sync.
# Starts the application if it is not running; needs it in offline mode (no Plaid keys), so that the local
# sandbox answers.
#   bench/plaid/run.sh [transactions]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
COUNT="${1:-50000}"
BASE=http://localhost:8080
if [[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/ready")" != 200 ]]; then
  "$ROOT/finagent" run
fi
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
EMAIL="bench-$(date +%s%N)@example.com"
curl -sf -o /dev/null -X POST "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"benchmark-password\"}"
TOKEN=$(curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"benchmark-password\"}" | json "['access_token']")
AUTH=(-H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json')
PUBLIC=$(curl -sf -X POST "$BASE/api/v1/plaid/sandbox/public-token" "${AUTH[@]}" \
  -d "{\"institutionId\":\"ins_109508\",\"username\":\"user_transactions_$COUNT\",\"password\":\"pass_good\"}" \
  | json "['publicToken']")
START=$(date +%s%N)
FIRST=$(curl -sf -X POST "$BASE/api/v1/plaid/exchange" "${AUTH[@]}" -d "{\"publicToken\":\"$PUBLIC\"}")
END=$(date +%s%N)
ITEM=$(echo "$FIRST" | json "['itemId']")
ADDED=$(echo "$FIRST" | json "['added']")
FIRST_MS=$(echo "$FIRST" | json "['millis']")
REPEAT=$(curl -sf -X POST "$BASE/api/v1/plaid/items/$ITEM/sync" "${AUTH[@]}" -d '{}')
REPEAT_MS=$(echo "$REPEAT" | json "['millis']")
REPEAT_ADDED=$(echo "$REPEAT" | json "['added']")
python3 - "$ADDED" "$FIRST_MS" "$REPEAT_MS" "$REPEAT_ADDED" "$(( (END - START) / 1000000 ))" <<'PY'
import sys
added, first, repeat, repeat_added, exchange = (int(v) for v in sys.argv[1:])
print(f"first sync: {added} transactions in {first} ms = {added / (first / 1000):.0f} transactions/s "
      f"(exchange request incl. link: {exchange} ms)")
print(f"repeat sync: {repeat_added} new in {repeat} ms = {repeat / first:.3f} of the first")
PY
