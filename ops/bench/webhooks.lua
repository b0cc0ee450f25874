-- wrk script for -t2: posts the distinct signed webhooks of webhook-bodies.py (thread 0 the even lines, thread 1
-- the odd ones) and prints p50 / p90 / p99 / max latency and the answers that were not 2xx. README, "Webhook benchmark".
local reqs = {}
local n = 0
local counter = 0
local tid = 0
local threads = {}
setup = function(thread)
  thread:set("tid", tid)
  tid = tid + 1
  table.insert(threads, thread)
end
init = function(args)
  for line in io.lines(os.getenv("WEBHOOKS") or "/tmp/webhooks.txt") do
    local tab = string.find(line, "\t", 1, true)
    n = n + 1
    reqs[n] = { string.sub(line, 1, tab - 1), string.sub(line, tab + 1) }
  end
  counter = tid
end
request = function()
  local r = reqs[(counter % n) + 1]
  counter = counter + 2
  return wrk.format("POST", "/webhooks/fivetran", { ["Content-Type"] = "application/json", ["X-Fivetran-Signature-256"] = r[2] }, r[1])
end
done = function(summary, latency, requests)
  io.write(string.format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; non-2xx/3xx: %d\n",
    latency:percentile(50)/1000, latency:percentile(90)/1000, latency:percentile(99)/1000, latency.max/1000, summary.errors.status))
end
