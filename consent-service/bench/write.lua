-- wrk script: POST /consents, one purpose, a new subject on every request (no two requests touch
-- the same consent). Environment: TOKEN (partner-demo-a access token), RUN (unique per run).
local token = os.getenv("TOKEN")
local run = os.getenv("RUN") or tostring(os.time())
-- the level (warmup, c2, c16, ...): each wrk run counts from 1 again, so without it every level after the
-- warm-up re-used the warm-up's subjects and recorded supersessions, not first decisions (until 2026-12-07
-- 06:50 it was read nowhere: LuaJIT formatted the missing variable as "nil" in every level)
local phase = os.getenv("PHASE") or "run"
local threads = 0

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

local counter = 0
request = function()
  counter = counter + 1
  local body = string.format('{"subjectId":"w-%s-%s-%d-%d","jurisdiction":"CN","language":"zh-CN","channel":"WEB",'
    .. '"collectedAt":"%s","notice":{"version":"2026-11",'
    .. '"textHash":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"},'
    .. '"legalBasis":"EXPRESS_CONSENT","method":"CHECKBOX",'
    .. '"purposes":[{"purpose":"payment_processing","categories":["user.name"],"granted":true}]}',
    run, phase, tid or 0, counter, os.date("!%Y-%m-%dT%H:%M:%SZ"))
  return wrk.format(nil, "/consents", nil, body)
end

-- shows the first refused write of each thread (the run's RESULT counts them as non2xx)
local reported = false
response = function(status, headers, body)
  if status ~= 201 and not reported then
    reported = true
    io.write(string.format("first non-201 answer: %d %s\n", status, string.sub(body or "", 1, 300)))
  end
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f requests=%d non2xx=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.requests, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
