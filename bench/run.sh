#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Stressdeck's generator against wrk and hey, in one go on this machine, all on 127.0.0.1.
#   bash bench/run.sh           the full comparison (~5 min): throughput at 10/50/200 connections,
#                               accuracy against a fixed 20 ms delay, memory per user at 1000 users
#   bash bench/run.sh --smoke   2 s per run at 10 connections (part of the test command)
#   bash bench/run.sh --long    adds a 10-minute maximum-rate run for memory growth
# Installs nginx-light, wrk, hey and time with apt when missing. Every run is bounded in time.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${STRESSDECK_BUILD_DIR:-$here/build}"
mode="${1:-full}"
seconds=10
conns=(10 50 200)
if [[ "$mode" == --smoke ]]; then seconds=2; conns=(10); fi

need=()
for p in nginx-light wrk hey time python3 bc; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if ((${#need[@]})); then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" > /dev/null
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

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# nginx serving a 100-byte file
port="$(free_port)"
mkdir -p "$work/www"
head -c 100 /dev/zero | tr '\0' 'x' > "$work/www/index.html"
chmod 755 "$work" "$work/www" && chmod 644 "$work/www/index.html" # nginx's workers run as www-data
sed -e "s|@PORT@|$port|g" -e "s|@DIR@|$work|g" "$here/bench/nginx.conf" > "$work/nginx.conf"
/usr/sbin/nginx -c "$work/nginx.conf" -e "$work/error.log" &
pids+=($!)
target="http://127.0.0.1:$port"
for _ in $(seq 50); do (exec 3<> "/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done

# Each tool: req/s, p50 ms, p99 ms, client CPU %, peak RSS MB
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
    /usr/bin/time -f "%P %M" -o "$work/time.txt" "$@"
    t1=$(date +%s.%N); s1=$(server_ticks)
    echo "($s1 - $s0) * 100 / $(getconf CLK_TCK) / ($t1 - $t0)" | bc -l | xargs printf '%.0f\n' > "$work/server.txt"
}
cpu_rss() { # GNU time's last line (one before it may report a non-zero exit status), then the server's CPU %
    local cpu rss
    read -r cpu rss < <(tail -n 1 "$work/time.txt")
    echo "${cpu%\%} $((rss / 1024)) $(cat "$work/server.txt")"
}

run_wrk() {
    timed timeout $((seconds + 20)) wrk -t1 -c"$1" -d"${seconds}s" --latency "$2" > "$work/wrk.txt"
    rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
    p50=$(awk '$1=="50%" {print $2}' "$work/wrk.txt")
    p99=$(awk '$1=="99%" {print $2}' "$work/wrk.txt")
    to_ms() { local v=$1; case "$v" in *us) echo "${v%us}/1000" | bc -l;; *ms) echo "${v%ms}";; *s) echo "${v%s}*1000" | bc -l;; *) echo 0;; esac; }
    echo "wrk $1 $rps $(to_ms "$p50") $(to_ms "$p99") $(cpu_rss)" >> "$results"
}
run_hey() {
    timed timeout $((seconds + 20)) hey -z "${seconds}s" -c "$1" "$2" > "$work/hey.txt"
    rps=$(awk '/Requests\/sec/ {print $2}' "$work/hey.txt")
    p50=$(awk '/ 50% in/ {print $3*1000}' "$work/hey.txt")
    p99=$(awk '/ 99% in/ {print $3*1000}' "$work/hey.txt")
    echo "hey $1 $rps $p50 $p99 $(cpu_rss)" >> "$results"
}
run_stressdeck() { # transport conns url path [threads]
    local threads=${5:-0} name="stressdeck-$1"
    local flags=()
    if ((threads > 0)); then flags=(--threads "$threads"); name+="-t$threads"; fi
    timed timeout $((seconds + 40)) "$stressdeck" run --transport "$1" --target "$3" --request "GET $4" -c "$2" \
        -d "${seconds}s" --think-time 0 --no-health-check "${flags[@]}" --json "$work/sd.json" > /dev/null 2>&1 || true
    python3 - "$work/sd.json" "$name" "$2" "$(cpu_rss)" >> "$results" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
o = r["overall"]
if o["failure"]: print("stressdeck errors:", o["errors"], file=sys.stderr)
print(f"{sys.argv[2]} {sys.argv[3]} {o['throughput_rps']:.0f} {o['latency_ms']['p50']:.3f} {o['latency_ms']['p99']:.3f} {sys.argv[4]}")
PY
}

echo "Throughput against nginx (100-byte file, 1 worker) on 127.0.0.1, ${seconds} s per run"
for c in "${conns[@]}"; do
    run_wrk "$c" "$target/index.html"
    run_hey "$c" "$target/index.html"
    run_stressdeck fast "$c" "$target" /index.html
    run_stressdeck qnam "$c" "$target" /index.html
    if [[ "$mode" != --smoke ]]; then # two engine threads (the default here is one per core minus one)
        run_stressdeck fast "$c" "$target" /index.html 2
        run_stressdeck qnam "$c" "$target" /index.html 2
    fi
done

python3 - "$results" "$mode" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
by = {(r[0], r[1]): r for r in rows}
print(f"{'tool':<21}{'conns':>6}{'req/s':>10}{'x wrk':>8}{'p50 ms':>9}{'p99 ms':>9}{'CPU %':>7}{'RSS MB':>8}{'nginx %':>9}")
ok = True
for r in rows:
    tool, c, rps = r[0], r[1], float(r[2])
    wrk = float(by[("wrk", c)][2])
    print(f"{tool:<21}{c:>6}{rps:>10.0f}{rps / wrk:>8.2f}{float(r[3]):>9.3f}{float(r[4]):>9.3f}{r[5]:>7}{r[6]:>8}{r[7]:>9}")
print()
for c in sorted({r[1] for r in rows}, key=int):
    wrk = float(by[("wrk", c)][2]); hey = float(by[("hey", c)][2])
    best = lambda t: max(float(r[2]) for r in rows if r[1] == c and r[0].startswith(t))
    fast = best("stressdeck-fast"); qnam = best("stressdeck-qnam")
    checks = [(f"fast >= 0.6 x wrk at {c}", fast >= 0.6 * wrk, f"{fast / wrk:.2f}"),
              (f"fast >= 2 x hey at {c}", fast >= 2 * hey, f"{fast / hey:.2f}; wrk itself is {wrk / hey:.2f} x hey"),
              (f"qnam >= 8000 req/s at {c}", qnam >= 8000, f"{qnam:.0f}, {qnam / wrk:.2f} x wrk")]
    for name, met, value in checks:
        print(f"  {'MET   ' if met else 'MISSED'} {name} ({value})")
    if wrk < 2 * hey:
        print(f"  note: at {c} connections even wrk reaches only {wrk / hey:.2f} x hey here, with the nginx worker at "
              f"{by[('wrk', c)][7]} % CPU: the server is the ceiling, so no client can show 2 x hey on this machine")
PY

if [[ -n "${STRESSDECK_BENCH_DEBUG:-}" ]]; then cat "$results"; fi
if [[ "$mode" == --smoke ]]; then exit 0; fi

echo
echo "Accuracy: a fixed 20 ms delay at light load (5 connections), stressdeck vs hey"
demo_port="$(free_port)"
"$stressdeck" serve-demo --port "$demo_port" > /dev/null 2>&1 &
pids+=($!)
sleep 1
seconds=10
run_hey 5 "http://127.0.0.1:$demo_port/_demo/delay/20"
run_stressdeck fast 5 "http://127.0.0.1:$demo_port" /_demo/delay/20
run_stressdeck qnam 5 "http://127.0.0.1:$demo_port" /_demo/delay/20
tail -n 3 "$results" | awk '{printf "  %-18s p50 %7.3f ms  p99 %7.3f ms  (true 20 ms; within 1 ms: %s)\n", $1, $4, $5, (($4-20)^2 < 1 && ($5-20)^2 < 1) ? "yes" : "no"}'

echo
echo "Memory: 1000 users in flight against a 1 s delay"
peak_rss_kb() { # transport users
    /usr/bin/time -f "%M" -o "$work/rss.txt" "$stressdeck" run --transport "$1" --target "http://127.0.0.1:$demo_port" \
        --request "GET /_demo/delay/1000" -c "$2" -d 5s --think-time 0 --no-health-check > /dev/null 2>&1 || true
    tail -n 1 "$work/rss.txt"
}
for transport in fast qnam; do
    base=$(peak_rss_kb "$transport" 1)
    full=$(peak_rss_kb "$transport" 1000)
    echo "  $transport: peak RSS $((base / 1024)) MB with 1 user, $((full / 1024)) MB with 1000: $(( (full - base) / 1000 )) KB per user (target <= 30)"
done

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
