#!/usr/bin/env bash
# Mixed load through nginx on a Payara deployment group (ear/src/payara/cluster.sh), in one run:
#   1. one instance (an nginx of its own in front of finagent-1 only),
#   2. two instances (the cluster's nginx, round robin),
#   3. two instances, finagent-2 killed (kill -9) after 20 s;
# each phase CONNECTIONS users for SECONDS with wrk and bench/cluster/mix.lua (quotes, portfolio summaries, risk
# analyses, debates). Reports requests/s, p50/p95/p99, failed requests, and afterwards counts each phase's debates in
# the database against the 202s wrk saw: nothing lost, nothing doubled. For the kill, nginx's access log tells how
# many requests were in flight on the killed instance at that moment, to set against the failures.
# The cluster runs on its own ports (24500 and up) with a PostgreSQL of its own; rate limits are raised and the
# heavy-analytics queue lengthened so that the run measures capacity and failures, not the limiter and shedding. Builds the EAR if missing; installs wrk and nginx if missing.
#   bench/cluster/run.sh [seconds per phase, 60] [connections, 200]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SECONDS_PER_PHASE="${1:-60}"
CONNECTIONS="${2:-200}"
PORTBASE=24500
BALANCER=$((PORTBASE + 1))
ONE=$((PORTBASE + 2))
DB_PORT=24532
PAYARA="$ROOT/ear/target/payara6"
DOMAIN=finagent-bench
STATE="$ROOT/.finagent/bench-cluster"
CLUSTER="$ROOT/ear/src/payara/cluster.sh"

command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
[[ -f "$ROOT/ear/target/finagent.ear" ]] || (cd "$ROOT" && mvn -B -ntp -q install -DskipTests)
# The benchmark's own domain, made afresh with this run's admin password.
"$CLUSTER" stop "$PAYARA" "$DOMAIN" "$STATE/admin-password" "$PORTBASE" "$STATE" 2>/dev/null || true
rm -rf "$STATE" "$PAYARA/glassfish/domains/$DOMAIN" "$PAYARA/glassfish/nodes/localhost-$DOMAIN"
mkdir -p "$STATE"
(umask 077 && echo "AS_ADMIN_PASSWORD=bench-$(head -c 12 /dev/urandom | base64 | tr -d '/+=')" >"$STATE/admin-password")

(cd "$ROOT" && mvn -B -ntp -q -pl persistence dependency:build-classpath -Dmdep.outputFile="$STATE/db.classpath" >/dev/null)
java -cp "$ROOT/persistence/target/classes:$(cat "$STATE/db.classpath")" com.finagent.persistence.devdb.DevDatabase \
  "$STATE/pgdata" "$DB_PORT" >"$STATE/postgres.log" 2>&1 &
DB_PID=$!
until grep -qs '^READY' "$STATE/postgres.log"; do sleep 0.5; done
sql() {
  java -cp "$(cat "$STATE/db.classpath")" "$ROOT/bench/cluster/Sql.java" \
    "jdbc:postgresql://localhost:$DB_PORT/finagent" "$1"
}

cleanup() {
  nginx -c "$STATE/one.conf" -p "$STATE" -s stop 2>/dev/null || true
  "$CLUSTER" stop "$PAYARA" "$DOMAIN" "$STATE/admin-password" "$PORTBASE" "$STATE" || true
  kill "$DB_PID" 2>/dev/null || true
}
trap cleanup EXIT

export FINAGENT_DB_URL="jdbc:postgresql://localhost:$DB_PORT/finagent" FINAGENT_DB_USER=finagent FINAGENT_DB_PASSWORD=finagent
export FINAGENT_HOME="$STATE/home" FINAGENT_DATA_DIR="${FINAGENT_DATA_DIR:-$(cd "$ROOT/.." && pwd)/shared/data}"
export FINAGENT_TRUSTED_PROXIES=127.0.0.1 FINAGENT_RATE_LIMIT_API_PER_MINUTE=10000000
export FINAGENT_RATE_LIMIT_REGISTER_PER_MINUTE=100000 FINAGENT_DEBATE_STALE_AFTER_SECONDS=30
# The heavy-analytics bulkhead (one at a time, 4 waiting) would shed most of 200 users' risk requests with 503; here
# they wait their turn instead, so that the run counts failures, not shedding (MicroProfile Fault Tolerance's key).
export COM_FINAGENT_APPLICATION_WORKLOAD_HEAVYWORK_SUBMIT_BULKHEAD_WAITINGTASKQUEUE=1000
"$CLUSTER" start "$PAYARA" "$DOMAIN" "$STATE/admin-password" "$PORTBASE" 2 "$BALANCER" "$STATE" \
  "$ROOT/ear/target/finagent.ear" "$ROOT/ear/target/domain-lib"

# The single-instance phase's nginx: the cluster's configuration with finagent-2 left out.
sed -e "/127.0.0.1:$((PORTBASE + 280)) /d" -e "s/listen $BALANCER;/listen $ONE;/" \
  -e "s|$STATE/nginx/nginx.pid|$STATE/one.pid|" "$STATE/nginx/nginx.conf" >"$STATE/one.conf"
nginx -c "$STATE/one.conf" -p "$STATE"

echo "creating $CONNECTIONS users, each with a portfolio of two positions"
BASE="http://127.0.0.1:$BALANCER"
: >"$STATE/users.txt"
for i in $(seq 1 "$CONNECTIONS"); do
  token=$(curl -sf -X POST "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
    -d "{\"email\":\"bench-$i-$RANDOM@example.com\",\"password\":\"cluster-bench-otter-$i\"}" \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
  portfolio=$(curl -sf -X POST "$BASE/api/v1/portfolios" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d '{"name":"Bench"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
  for position in '{"symbol":"AAPL","quantity":10,"averageCost":150}' '{"symbol":"MSFT","quantity":5,"averageCost":300}'; do
    curl -sf -o /dev/null -X POST "$BASE/api/v1/portfolios/$portfolio/positions" -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' -d "$position"
  done
  echo "$token $portfolio" >>"$STATE/users.txt"
done
POSITIONS_BEFORE=$(sql "SELECT count(*) FROM positions")

drain() {
  for _ in $(seq 1 600); do
    [[ "$(sql "SELECT count(*) FROM debates WHERE status IN ('pending', 'running')")" == 0 ]] && return
    sleep 1
  done
  echo "debates still unfinished after 10 minutes" >&2
}

phase() {
  local name="$1" port="$2"
  FINAGENT_BENCH_IDS="$STATE/$name.ids" wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_PHASE}s" --timeout 30s \
    -s "$ROOT/bench/cluster/mix.lua" "http://127.0.0.1:$port" -- "$name" "$STATE/users.txt" >"$STATE/$name.wrk" 2>&1
  local result; result=$(grep '^RESULT' "$STATE/$name.wrk")
  drain
  # Every debate wrk saw accepted (202 with its id) must be stored, once; the server may also have accepted a few
  # whose answer came after wrk stopped counting.
  local ids stored rows distinct
  ids=$(paste -sd, "$STATE/$name.ids")
  stored=$(sql "SELECT count(*) FROM debates WHERE id::text = ANY (string_to_array('$ids', ','))")
  rows=$(sql "SELECT count(*) FROM debates WHERE query LIKE '$name %'")
  distinct=$(sql "SELECT count(DISTINCT query) FROM debates WHERE query LIKE '$name %'")
  echo "$name: ${result#RESULT } debates_stored=$stored debate_rows=$rows distinct_debates=$distinct" \
    | tee -a "$STATE/results.txt"
}

FINAGENT_BENCH_IDS="$STATE/warmup.ids" wrk -t2 -c"$CONNECTIONS" -d10s -s "$ROOT/bench/cluster/mix.lua" "$BASE" -- warmup \
  "$STATE/users.txt" >/dev/null 2>&1
drain
phase one-instance "$ONE"
phase two-instances "$BALANCER"
# nginx's log of this phase alone: when each request ended, its duration and the instances that answered it.
: >"$STATE/nginx/access.log"
( sleep 20; date +%s.%N >"$STATE/killed-at"; "$CLUSTER" kill "$PAYARA" "$DOMAIN" finagent-2 ) &
phase two-instances-one-killed "$BALANCER"
sleep 2
python3 - "$STATE/nginx/access.log" "$(cat "$STATE/killed-at")" "127.0.0.1:$((PORTBASE + 280))" <<'PY' | tee -a "$STATE/results.txt"
import re, sys
killed_at, killed = float(sys.argv[2]), sys.argv[3]
in_flight = failed = retried = 0
for line in open(sys.argv[1]):
    m = re.match(r'([\d.]+) ([\d.]+) (\d+) "([^"]*)" "([^"]*)" (\w+)', line)
    if not m:
        continue
    ended, took, status, upstreams = float(m.group(1)), float(m.group(2)), int(m.group(3)), m.group(4)
    first = upstreams.split(',')[0].strip()
    if first == killed and ended - took <= killed_at <= ended:
        in_flight += 1
    if status >= 500:
        failed += 1
    if ',' in upstreams and status < 500:
        retried += 1
print(f"kill: {in_flight} requests were in flight on finagent-2 when it was killed; {failed} requests failed "
      f"(5xx from nginx); {retried} were answered by finagent-1 after finagent-2 failed them")
PY
echo "positions: $POSITIONS_BEFORE before, $(sql "SELECT count(*) FROM positions") after" | tee -a "$STATE/results.txt"
python3 - "$STATE/results.txt" <<'PY'
import re, sys
rows = {m.group(1): dict(re.findall(r'(\w+)=([\w.:,]+)', line)) for line in open(sys.argv[1])
        if (m := re.match(r'([\w-]+): ', line)) and 'rps=' in line}
one, two = float(rows['one-instance']['rps']), float(rows['two-instances']['rps'])
print(f"throughput two instances / one instance = {two / one:.2f}")
for name, row in rows.items():
    lost = int(row['debates_accepted']) - int(row['debates_stored'])
    doubled = int(row['debate_rows']) - int(row['distinct_debates'])
    print(f"{name}: answers by status {row['statuses']}; {row['socket_errors']} socket errors; "
          f"debates accepted {row['debates_accepted']}, lost {lost}, doubled {doubled}")
PY
