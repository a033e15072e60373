-- The mixed traffic of bench/cluster/run.sh: every connection of a thread takes the next user in turn, and each
-- request is, by its number, a quote (55 %), a portfolio summary (25 %), a risk analysis (19.8 %) or, one in 500,
-- a debate with a query of its own (so the run's debates can be counted afterwards, each at most once).
-- users.txt holds "token portfolio-id" per line. Arguments: the run's name and users.txt; the ids of the accepted
-- debates go to the file named by FINAGENT_BENCH_IDS. Prints one RESULT line with the answers by status.
local users = {}
local threads = {}
local symbols = {"AAPL", "MSFT", "AMZN", "KO", "JPM"}
local prices = {}
for i = 0, 59 do
  prices[#prices + 1] = string.format("%.3f", 100 + 5 * math.sin(i / 7) + i * 0.05)
end
local risk = '{"assets":{"A":[' .. table.concat(prices, ",") .. ']},"weights":{"A":1}}'
-- done() runs in the main script state, where init() does not: it finds the ids file through the environment.
thread_ids_file = os.getenv("FINAGENT_BENCH_IDS") or "accepted-debates.txt"

function setup(thread)
  thread:set("id", #threads + 1)
  threads[#threads + 1] = thread
end

function init(args)
  run = args[1] or "bench"
  for line in io.lines(args[2] or "users.txt") do
    local token, portfolio = line:match("^(%S+) (%S+)$")
    users[#users + 1] = {token = token, portfolio = portfolio}
  end
  n = 0
  statuses = {}
  accepted = {}
end

function request()
  n = n + 1
  local user = users[(n + id * 7) % #users + 1]
  local headers = {["Authorization"] = "Bearer " .. user.token, ["Content-Type"] = "application/json"}
  local pick = n % 500
  if pick == 0 then
    return wrk.format("POST", "/api/v1/debates", headers, string.format(
      '{"query":"%s thread %d debate %d: should I buy Apple?","assistantType":"analyst","symbols":["AAPL"]}', run, id, n))
  elseif pick % 20 < 11 then
    return wrk.format("GET", "/api/v1/market/quote/" .. symbols[n % #symbols + 1], headers)
  elseif pick % 20 < 16 then
    return wrk.format("GET", "/api/v1/portfolios/" .. user.portfolio .. "/summary", headers)
  else
    return wrk.format("POST", "/api/v1/analytics/risk", headers, risk)
  end
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status == 202 then
    accepted[#accepted + 1] = body:match('"id":"([%x%-]+)"')
  end
end

function done(summary, latency, requests)
  local counts, ids, errors = {}, {}, 0
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      counts[status] = (counts[status] or 0) + count
      if status >= 400 then
        errors = errors + count
      end
    end
    for _, id in ipairs(thread:get("accepted")) do
      ids[#ids + 1] = id
    end
  end
  local file = io.open(thread_ids_file, "w")
  for _, id in ipairs(ids) do
    file:write(id, "\n")
  end
  file:close()
  local by_status = {}
  for status, count in pairs(counts) do
    by_status[#by_status + 1] = status .. ":" .. count
  end
  table.sort(by_status)
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f http_errors=%d socket_errors=%d debates_accepted=%d statuses=%s\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors, socket, #ids, table.concat(by_status, ",")))
end
