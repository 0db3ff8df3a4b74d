-- bench/wrk.lua: the wrk script of every HTTP scenario of bench/run.sh.
--
-- Configured through the environment (wrk passes no arguments to init()
-- of every thread in a portable way):
--   BENCH_MODE    fixed   GET BENCH_PATH on every request (a list page,
--                         a static file)
--                 detail  GET <BENCH_PREFIX><uuid>, a uuid picked at random
--                         from BENCH_UUIDS (one uuid per line) per request:
--                         the applicaties (/autorisaties/api/v1/applicaties/
--                         and out/uuids.txt) or the zaaktypen
--                         (/catalogi/api/v1/zaaktypen/ and
--                         out/zaaktype-uuids.txt)
--                 mixed   as detail, but 1 in BENCH_LIST_EVERY (10) requests is
--                         a list page BENCH_PATH?page=N, N random in
--                         1..BENCH_PAGES
--                 bodies  BENCH_METHOD (POST) BENCH_PATH with a body picked at
--                         random per request from BENCH_BODIES (one JSON
--                         body per line): the zaak POST
--   BENCH_METHOD  the method of fixed and bodies (GET; POST for bodies)
--   BENCH_BODY    fixed: a file whose content is sent as the body of every
--                 request (the _zoek POST)
--   BENCH_HEADERS more request headers, "Name: value" separated by "|"
--                 (the Zaken API's Accept-Crs and Content-Crs)
--   BENCH_TOKEN   sent as "Authorization: Bearer <token>" when set
--   BENCH_RESULT  done() appends one tab-separated line to this file:
--                 label conns threads duration_s requests rps p50_ms p90_ms
--                 p99_ms p999_ms max_ms non2xx socket_errors bytes_per_req
--   BENCH_LABEL   first column of that line
--
-- All requests are formatted in init(), so request() costs one table lookup
-- and one random number: the Lua side stays cheap next to the server.

local mode = os.getenv("BENCH_MODE") or "fixed"
local token = os.getenv("BENCH_TOKEN")
local reqs = {}
local nreqs = 0
local lists = {}
local nlists = 0
local counter = 0
local list_every = tonumber(os.getenv("BENCH_LIST_EVERY") or "10")
local threads = {}

local function headers()
    local h = { ["Accept"] = "application/json" }
    if token and token ~= "" then
        h["Authorization"] = "Bearer " .. token
    end
    for line in string.gmatch(os.getenv("BENCH_HEADERS") or "", "[^|]+") do
        local name, value = string.match(line, "^%s*([^:]+):%s*(.-)%s*$")
        assert(name, "BENCH_HEADERS: not 'Name: value': " .. line)
        h[name] = value
    end
    return h
end

function setup(thread)
    thread:set("id", #threads + 1)
    table.insert(threads, thread)
end

function init(args)
    math.randomseed(os.time() * 1000 + (id or 0) * 7919)
    local h = headers()
    if mode == "fixed" then
        local path = os.getenv("BENCH_PATH")
        assert(path and path ~= "", "BENCH_MODE=fixed needs BENCH_PATH")
        local body = nil
        local bfile = os.getenv("BENCH_BODY")
        if bfile and bfile ~= "" then
            local f = assert(io.open(bfile, "r"), "cannot open BENCH_BODY " .. bfile)
            body = f:read("*a")
            f:close()
            h["Content-Type"] = "application/json"
        end
        reqs[1] = wrk.format(os.getenv("BENCH_METHOD") or "GET", path, h, body)
        nreqs = 1
        return
    end
    if mode == "bodies" then
        local path = os.getenv("BENCH_PATH")
        local file = os.getenv("BENCH_BODIES")
        assert(path and path ~= "", "BENCH_MODE=bodies needs BENCH_PATH")
        local f = assert(io.open(file or "", "r"), "cannot open BENCH_BODIES " .. tostring(file))
        h["Content-Type"] = "application/json"
        for line in f:lines() do
            if line ~= "" then
                nreqs = nreqs + 1
                reqs[nreqs] = wrk.format(os.getenv("BENCH_METHOD") or "POST", path, h, line)
            end
        end
        f:close()
        assert(nreqs > 0, "no bodies in " .. file)
        return
    end
    assert(mode == "detail" or mode == "mixed", "unknown BENCH_MODE " .. mode)
    local file = os.getenv("BENCH_UUIDS")
    local prefix = os.getenv("BENCH_PREFIX")
    assert(prefix and prefix ~= "", "BENCH_MODE=" .. mode .. " needs BENCH_PREFIX")
    local f = assert(io.open(file, "r"), "cannot open BENCH_UUIDS " .. tostring(file))
    for line in f:lines() do
        if line ~= "" then
            nreqs = nreqs + 1
            reqs[nreqs] = wrk.format("GET", prefix .. line, h)
        end
    end
    f:close()
    assert(nreqs > 0, "no uuids in " .. file)
    if mode == "mixed" then
        local path = os.getenv("BENCH_PATH")
        local pages = tonumber(os.getenv("BENCH_PAGES") or "1")
        for p = 1, pages do
            nlists = nlists + 1
            lists[nlists] = wrk.format("GET", path .. "?page=" .. p, h)
        end
    end
end

function request()
    if nreqs == 1 then
        return reqs[1]
    end
    if nlists > 0 then
        counter = counter + 1
        if counter % list_every == 0 then
            return lists[math.random(nlists)]
        end
    end
    return reqs[math.random(nreqs)]
end

function done(summary, latency, requests)
    local secs = summary.duration / 1e6
    local e = summary.errors
    local sockerr = e.connect + e.read + e.write + e.timeout
    local function ms(us) return string.format("%.3f", us / 1000) end
    local line = table.concat({
        os.getenv("BENCH_LABEL") or "wrk",
        os.getenv("BENCH_CONNS") or "?",
        os.getenv("BENCH_THREADS") or "?",
        string.format("%.1f", secs),
        tostring(summary.requests),
        string.format("%.0f", summary.requests / secs),
        ms(latency:percentile(50)),
        ms(latency:percentile(90)),
        ms(latency:percentile(99)),
        ms(latency:percentile(99.9)),
        ms(latency.max),
        tostring(e.status),
        tostring(sockerr),
        string.format("%.0f", summary.requests > 0 and summary.bytes / summary.requests or 0),
    }, "\t")
    io.write(string.format("  %s: %s req/s, p50 %s ms, p99 %s ms, non-2xx %d, socket errors %d\n",
        os.getenv("BENCH_LABEL") or "wrk",
        string.format("%.0f", summary.requests / secs),
        ms(latency:percentile(50)), ms(latency:percentile(99)), e.status, sockerr))
    local out = os.getenv("BENCH_RESULT")
    if out and out ~= "" then
        local f = assert(io.open(out, "a"))
        f:write(line, "\n")
        f:close()
    end
end
