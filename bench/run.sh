#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Stressdeck's generator against wrk, hey and Locust, in one go on this machine, all on 127.0.0.1.
#   bash bench/run.sh           the full comparison (~8 min): throughput and client CPU per request
#                               at 10/50/200 connections (Locust's FastHttpUser too), accuracy against
#                               a fixed 20 ms delay, memory per user at 1000 and 10,000 users
#   bash bench/run.sh --smoke   2 s per run at 10 connections, no Locust, the memory row at 2000 users
#                               (part of the test command)
#   bash bench/run.sh --long    adds a 10-minute maximum-rate run for memory growth
# Installs nginx-light, wrk, hey and time with apt when missing (and python3-locust for the full
# run; its rows are left out with a note when apt cannot). Every run is bounded in time. On a shared
# machine run it niced (nice bash bench/run.sh): nginx and every client inherit the same priority.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${STRESSDECK_BUILD_DIR:-$here/build}"
mode="${1:-full}"
seconds=10
conns=(10 50 200)
many=10000 many_seconds=5 # the big memory row
if [[ "$mode" == --smoke ]]; then seconds=2; conns=(10); many=2000; many_seconds=3; fi
# Every user of the big memory row holds a descriptor, and so does its connection in the demo service.
ulimit -Sn "$(ulimit -Hn)" 2>/dev/null || true

need=()
for p in nginx-light wrk hey time python3 bc; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if ((${#need[@]})); then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" > /dev/null
fi
locust_note=""
if [[ "$mode" != --smoke ]] && ! command -v locust > /dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-locust > /dev/null 2>&1 \
        || locust_note="python3-locust could not be installed with apt: no Locust rows"
fi
stressdeck="$build/app/stressdeck"
if [[ ! -x "$stressdeck" ]]; then
    cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
    cmake --build "$build" -j "$(nproc)" > /dev/null
fi

work="$(mktemp -d /tmp/stressdeck-bench.XXXXXX)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

# shellcheck source=bench/nginx.sh
source "$here/bench/nginx.sh"
start_nginx
target="http://127.0.0.1:$port"

# Each tool's row: name conns req/s p50-ms p99-ms client-CPU-% peak-RSS-MB nginx-CPU-% client-CPU-s requests
results="$work/results.txt"
: > "$results"
# The nginx workers' CPU time in clock ticks, to show when the server is the ceiling.
server_ticks() {
    local t=0 p
    for p in $(pgrep -P "${pids[0]}" 2>/dev/null); do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done
    echo "$t"
}
timed() {
    local t0 s0 t1 s1
    t0=$(date +%s.%N); s0=$(server_ticks)
    /usr/bin/time -f "%P %M %U %S" -o "$work/time.txt" "$@"
    t1=$(date +%s.%N); s1=$(server_ticks)
    echo "($s1 - $s0) * 100 / $(getconf CLK_TCK) / ($t1 - $t0)" | bc -l | xargs printf '%.0f\n' > "$work/server.txt"
}
# GNU time's last line (one before it may report a non-zero exit status): the client's CPU %, its
# peak RSS in MB, the server's CPU %, and the client's user+sys CPU seconds.
cpu_rss() {
    local cpu rss user sys
    read -r cpu rss user sys < <(tail -n 1 "$work/time.txt")
    echo "${cpu%\%} $((rss / 1024)) $(cat "$work/server.txt") $(echo "$user + $sys" | bc -l)"
}

run_wrk() {
    timed timeout $((seconds + 20)) wrk -t1 -c"$1" -d"${seconds}s" --latency "$2" > "$work/wrk.txt"
    rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
    p50=$(awk '$1=="50%" {print $2}' "$work/wrk.txt")
    p99=$(awk '$1=="99%" {print $2}' "$work/wrk.txt")
    n=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
    to_ms() { local v=$1; case "$v" in *us) echo "${v%us}/1000" | bc -l;; *ms) echo "${v%ms}";; *s) echo "${v%s}*1000" | bc -l;; *) echo 0;; esac; }
    echo "wrk $1 $rps $(to_ms "$p50") $(to_ms "$p99") $(cpu_rss) $n" >> "$results"
}
run_hey() {
    timed timeout $((seconds + 20)) hey -z "${seconds}s" -c "$1" "$2" > "$work/hey.txt"
    rps=$(awk '/Requests\/sec/ {print $2}' "$work/hey.txt")
    p50=$(awk '/ 50% in/ {print $3*1000}' "$work/hey.txt")
    p99=$(awk '/ 99% in/ {print $3*1000}' "$work/hey.txt")
    n=$(awk '$1 ~ /^\[[0-9]+\]$/ && $3 == "responses" {n += $2} END {print n + 0}' "$work/hey.txt")
    echo "hey $1 $rps $p50 $p99 $(cpu_rss) $n" >> "$results"
}
run_stressdeck() { # transport conns url path [threads]
    local threads=${5:-0} name="stressdeck-$1"
    local flags=()
    if ((threads > 0)); then flags=(--threads "$threads"); name+="-t$threads"; fi
    timed timeout $((seconds + 40)) "$stressdeck" run --transport "$1" --target "$3" --request "GET $4" -c "$2" \
        -d "${seconds}s" --think-time 0 --no-health-check --no-history "${flags[@]}" --json "$work/sd.json" \
        > /dev/null 2>&1 || true
    python3 - "$work/sd.json" "$name" "$2" "$(cpu_rss)" >> "$results" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
o = r["overall"]
if o["failure"]: print("stressdeck errors:", o["errors"], file=sys.stderr)
print(f"{sys.argv[2]} {sys.argv[3]} {o['throughput_rps']:.0f} {o['latency_ms']['p50']:.3f} {o['latency_ms']['p99']:.3f} "
      f"{sys.argv[4]} {o['total']}")
PY
}
# Locust in one process with FastHttpUser users. Its start-up (about a second of CPU for the Python
# imports) is measured once with no users and taken off, so the row shows its cost per request.
locust_startup=""
run_locust() { # conns url
    cat > "$work/locustfile.py" <<'PY'
from locust import FastHttpUser, task
class Get(FastHttpUser):
    @task
    def get(self):
        self.client.get("/index.html")
PY
    local args=(-f "$work/locustfile.py" --headless --only-summary --host "$2" --csv "$work/locust")
    if [[ -z "$locust_startup" ]]; then
        /usr/bin/time -f "%U %S" -o "$work/time.txt" timeout 60 locust "${args[@]}" -u 0 -r 1 -t 1s > /dev/null 2>&1 || true
        locust_startup=$(tail -n 1 "$work/time.txt" | awk '{print $1 + $2}')
    fi
    rm -f "$work/locust_stats.csv"
    timed timeout $((seconds + 30)) locust "${args[@]}" -u "$1" -r "$1" -t "${seconds}s" > /dev/null 2>&1 || true
    python3 - "$work/locust_stats.csv" "$1" "$(cpu_rss)" "$locust_startup" >> "$results" <<'PY'
import csv, sys
row = next(r for r in csv.DictReader(open(sys.argv[1])) if r["Name"] == "Aggregated")
cpu, rss, server, cpu_s = sys.argv[3].split()
print(f"locust-fasthttp {sys.argv[2]} {float(row['Requests/s']):.0f} {float(row['50%']):.3f} {float(row['99%']):.3f} "
      f"{cpu} {rss} {server} {max(0.0, float(cpu_s) - float(sys.argv[4])):.2f} {row['Request Count']}")
PY
}

load() { cut -d' ' -f1 /proc/loadavg; }
echo "Throughput and client CPU per request against nginx (100-byte file, 1 worker) on 127.0.0.1, ${seconds} s per run"
load_before=$(load)
for c in "${conns[@]}"; do
    run_wrk "$c" "$target/index.html"
    run_hey "$c" "$target/index.html"
    run_stressdeck fast "$c" "$target" /index.html
    run_stressdeck qnam "$c" "$target" /index.html
    if [[ "$mode" != --smoke ]] && command -v locust > /dev/null; then
        run_locust "$c" "$target" || echo "  note: the Locust run at $c connections failed"
    fi
    if [[ "$mode" != --smoke ]]; then # two engine threads (the default here is one per core minus one)
        run_stressdeck fast "$c" "$target" /index.html 2
        run_stressdeck qnam "$c" "$target" /index.html 2
    fi
done

python3 - "$results" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
by = {(r[0], r[1]): r for r in rows}
def us(r): # the client's user+sys CPU time over the requests it completed
    return float(r[8]) * 1e6 / float(r[9]) if float(r[9]) > 0 else float("nan")
print(f"{'tool':<21}{'conns':>6}{'req/s':>10}{'x wrk':>7}{'CPU us/req':>11}{'x wrk':>7}{'p50 ms':>9}{'p99 ms':>9}"
      f"{'CPU %':>7}{'RSS MB':>8}{'nginx %':>9}")
for r in rows:
    tool, c, rps = r[0], r[1], float(r[2])
    wrk = by[("wrk", c)]
    print(f"{tool:<21}{c:>6}{rps:>10.0f}{rps / float(wrk[2]):>7.2f}{us(r):>11.2f}{us(r) / us(wrk):>7.2f}"
          f"{float(r[3]):>9.3f}{float(r[4]):>9.3f}{r[5]:>7}{r[6]:>8}{r[7]:>9}")
print("  CPU us/req: the client process's user+sys CPU time (GNU time) over the requests it completed;")
print("  Locust's is without its start-up. Less sensitive to other load on the machine than req/s, not immune.")
print()
for c in sorted({r[1] for r in rows}, key=int):
    wrk = float(by[("wrk", c)][2]); hey = float(by[("hey", c)][2])
    best = lambda t: max(float(r[2]) for r in rows if r[1] == c and r[0].startswith(t))
    fast = best("stressdeck-fast"); qnam = best("stressdeck-qnam")
    fast_us, wrk_us = us(by[("stressdeck-fast", c)]), us(by[("wrk", c)])
    checks = [(f"fast CPU per request <= wrk's at {c}", fast_us <= wrk_us,
               f"{fast_us:.2f} vs {wrk_us:.2f} us, {fast_us / wrk_us:.2f} x wrk"),
              (f"fast >= 0.6 x wrk at {c}", fast >= 0.6 * wrk, f"{fast / wrk:.2f}"),
              (f"fast >= 2 x hey at {c}", fast >= 2 * hey, f"{fast / hey:.2f}; wrk itself is {wrk / hey:.2f} x hey"),
              (f"qnam >= 8000 req/s at {c}", qnam >= 8000, f"{qnam:.0f}, {qnam / wrk:.2f} x wrk")]
    for name, met, value in checks:
        print(f"  {'MET   ' if met else 'MISSED'} {name} ({value})")
    if wrk < 2 * hey:
        print(f"  note: at {c} connections even wrk reaches only {wrk / hey:.2f} x hey here, with the nginx worker at "
              f"{by[('wrk', c)][7]} % CPU: the server is the ceiling, so no client can show 2 x hey on this machine")
PY
if [[ -n "$locust_note" ]]; then echo "  note: $locust_note"; fi
echo "  load average (1 min) $load_before before these runs, $(load) after, on $(nproc) cores"

if [[ -n "${STRESSDECK_BENCH_DEBUG:-}" ]]; then cat "$results"; fi

demo_port="$(free_port)"
"$stressdeck" serve-demo --port "$demo_port" > /dev/null 2>&1 &
pids+=($!)
for _ in $(seq 50); do (exec 3<> "/dev/tcp/127.0.0.1/$demo_port") 2>/dev/null && break; sleep 0.1; done

if [[ "$mode" != --smoke ]]; then
    echo
    echo "Accuracy: a fixed 20 ms delay at light load (5 connections), stressdeck vs hey"
    seconds=10
    run_hey 5 "http://127.0.0.1:$demo_port/_demo/delay/20"
    run_stressdeck fast 5 "http://127.0.0.1:$demo_port" /_demo/delay/20
    run_stressdeck qnam 5 "http://127.0.0.1:$demo_port" /_demo/delay/20
    tail -n 3 "$results" | awk '{printf "  %-18s p50 %7.3f ms  p99 %7.3f ms  (true 20 ms; within 1 ms: %s)\n", $1, $4, $5, (($4-20)^2 < 1 && ($5-20)^2 < 1) ? "yes" : "no"}'
fi

# Peak RSS of a run whose users all wait on a 1 s delay, so every user is in flight at once.
peak_rss_kb() { # transport users seconds
    /usr/bin/time -f "%M" -o "$work/rss.txt" timeout $(($3 + 60)) "$stressdeck" run --transport "$1" \
        --target "http://127.0.0.1:$demo_port" --request "GET /_demo/delay/1000" -c "$2" -d "$3s" --think-time 0 \
        --no-health-check --no-history --json "$work/rss.json" > /dev/null 2>&1 || true
    tail -n 1 "$work/rss.txt"
}
# How many requests of that run failed, and the first error class: a user that could not connect
# holds no memory, so the row only counts when (nearly) all of them were in flight.
failures() {
    python3 -c 'import json, sys; o = json.load(open(sys.argv[1]))["overall"]
print(o["failure"], "of", o["total"], "failed", " ".join(f"({k}: {v})" for k, v in list(o["errors"].items())[:2]))' \
        "$work/rss.json" 2>/dev/null || echo "no report"
}
echo
if [[ "$mode" != --smoke ]]; then
    echo "Memory: 1000 users in flight against a 1 s delay"
    for transport in fast qnam; do
        base=$(peak_rss_kb "$transport" 1 5)
        full=$(peak_rss_kb "$transport" 1000 5)
        echo "  $transport: peak RSS $((base / 1024)) MB with 1 user, $((full / 1024)) MB with 1000:" \
            "$(((full - base) / 1000)) KB per user (target <= 30); $(failures)"
    done
fi
echo "Memory: $many users of fast in flight against a 1 s delay (open-files limit: $(ulimit -Sn) of $(ulimit -Hn))"
base=$(peak_rss_kb fast 1 5)
full=$(peak_rss_kb fast "$many" "$many_seconds")
echo "  fast: peak RSS $((base / 1024)) MB with 1 user, $((full / 1024)) MB with $many: $(((full - base) / many)) KB" \
    "per user (target <= 20); $(failures)"
if [[ "$mode" == --smoke ]]; then exit 0; fi

guilag="$build/tests/bench_guilag"
if [[ -x "$guilag" ]]; then
    echo
    echo "The window during a maximum-rate run (in-process demo service, 64 users, 20 s)"
    for transport in fast qnam; do
        QT_QPA_PLATFORM=offscreen STRESSDECK_BENCH_TRANSPORT=$transport timeout 120 "$guilag" 2>/dev/null | sed 's/^/  /' || true
    done
fi

if [[ "$mode" == --long ]]; then
    echo
    echo "Memory growth over a 10-minute maximum-rate run (target: < 5 MB between minute 1 and 10)"
    "$stressdeck" run --transport fast --target "$target" --request "GET /index.html" -c 50 -d 10m --think-time 0 \
        --no-health-check --monitor-pid $$ --json "$work/long.json" > /dev/null 2>&1 &
    sd=$!
    curve=()
    for t in $(seq 30 30 570) 595; do # RSS every 30 s; the last sample just before the end
        sleep $((t - ${last:-0})); last=$t
        rss=$(awk '/VmRSS/ {print $2}' "/proc/$sd/status" 2>/dev/null || echo 0)
        curve+=("${t}s:$((rss / 1024))")
        ((t == 60)) && m1=$rss
        m10=$rss
    done
    wait $sd || true
    echo "  RSS in MB over time: ${curve[*]}"
    python3 - "$work/long.json" "$m1" "$m10" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); o = r["overall"]; m1, m10 = int(sys.argv[2]), int(sys.argv[3])
growth = (m10 - m1) / 1024
print(f"  {o['total']} requests at {o['throughput_rps']:.0f} req/s, {o['failure']} failed")
print(f"  {'MET   ' if growth < 5 else 'MISSED'} RSS growth between minute 1 and minute 10: {growth:.1f} MB "
      f"({m1 / 1024:.1f} -> {m10 / 1024:.1f} MB; target < 5 MB)")
PY
fi
