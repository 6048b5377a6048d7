-- wrk script: POST /consents/check for random subjects and purposes of the loaded data.
-- Environment: TOKEN (partner-demo-a access token), SUBJECTS (number of loaded subjects).
local token = os.getenv("TOKEN")
local subjects = tonumber(os.getenv("SUBJECTS") or "250000")
local purposes = {"payment_processing", "marketing.communications", "analytics", "customer_support"}
local categories = {"user.name", "user.contact.email", "user.device.identifier", "user.financial.transaction"}

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(seed or os.time())
end

request = function()
  local body = string.format('{"subjectId":"bench-subj-%d","purpose":"%s","category":"%s"}',
    math.random(0, subjects - 1), purposes[math.random(1, 4)], categories[math.random(1, 4)])
  return wrk.format(nil, "/consents/check", nil, body)
end

local statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f requests=%d non2xx=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.requests, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
