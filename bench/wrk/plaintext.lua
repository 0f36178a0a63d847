-- SPDX-License-Identifier: Apache-2.0
-- Copyright 2026 the asyncio4j authors
-- The http benchmark's wrk script: `wrk -s plaintext.lua URL -- DEPTH` sends DEPTH requests per
-- write on each connection (DEPTH 1, the default: one at a time; 16: TechEmpower's pipelining, as
-- its pipeline.lua does), and prints one JSON line at the end: requests, requests/s, socket
-- errors, non-2xx responses, and the 50th and 99th latency percentiles in microseconds (with
-- pipelining, a latency is a whole batch's: from its write to each response).

function init(args)
  local depth = tonumber(args[1]) or 1
  local batch = {}
  for i = 1, depth do
    batch[i] = wrk.format()
  end
  req = table.concat(batch)
end

function request()
  return req
end

-- wrk's histogram answers 0 for a percentile beyond the latencies it can hold (seen with
-- pipelining): that is printed as null (not measured), never as a latency of 0.
local function micros(value)
  if value > 0 then
    return string.format('%d', value)
  end
  return 'null'
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"rps":%.1f,"errors":%d,"non2xx":%d,"p50_us":%s,"p99_us":%s}\n',
    summary.requests, summary.requests / (summary.duration / 1e6),
    e.connect + e.read + e.write + e.timeout, e.status,
    micros(latency:percentile(50)), micros(latency:percentile(99))))
end
