-- wrk script: POST /consents/check for random subjects, purposes and categories of the loaded data.
-- Environment: TOKEN (partner-demo-a access token), SUBJECTS (number of loaded subjects), CHECK_PATH
-- (default /consents/check; the gateway benchmark sends /api/consents/check through a proxy).
-- Without RATE wrk sends as fast as each connection gets answers (the peak). With RATE (requests per
-- second in total) and THREADS (wrk's -t) every wrk thread sends on a fixed schedule of RATE/THREADS
-- requests per second, whatever the answers' latency: delay() gives each request the next slot of
-- the thread's schedule (open model, like wrk2; a request whose slot has passed goes out at once and
-- is counted as late), and the latency is measured from sending it.
local token = os.getenv("TOKEN")
local subjects = tonumber(os.getenv("SUBJECTS") or "100000")
local rate = tonumber(os.getenv("RATE") or "0")
local check_path = os.getenv("CHECK_PATH") or "/consents/check"
local threads_n = tonumber(os.getenv("THREADS") or "2")
local purposes = {"payment_processing", "marketing.communications", "analytics", "customer_support"}
local categories = {"user.name", "user.contact.email", "user.device.identifier", "user.financial.transaction"}

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token

local threads = {}

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(seed or os.time())
  late = 0
end

request = function()
  local body = string.format('{"subjectId":"bench-subj-%d","purpose":"%s","category":"%s"}',
    math.random(0, subjects - 1), purposes[math.random(1, 4)], categories[math.random(1, 4)])
  return wrk.format(nil, check_path, nil, body)
end

if rate > 0 then
  local ffi = require("ffi")
  ffi.cdef [[
    typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
    int clock_gettime(int clock_id, bench_timespec *tp);
  ]]
  local ts = ffi.new("bench_timespec")
  local function now_us()
    ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
    return tonumber(ts.tv_sec) * 1e6 + tonumber(ts.tv_nsec) / 1e3
  end
  local interval = 1e6 * threads_n / rate
  local next_slot = nil

  function delay()
    local t = now_us()
    next_slot = next_slot or t
    local slot = next_slot
    next_slot = next_slot + interval
    if slot < t - 1000 then
      late = late + 1
    end
    return math.max(0, math.floor((slot - t) / 1000 + 0.5))
  end
end

local statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  local late_total = 0
  for _, t in ipairs(threads) do
    late_total = late_total + (t:get("late") or 0)
  end
  io.write(string.format("RESULT rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f requests=%d non2xx=%d errors=%d late=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.requests, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, late_total))
end
