#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The Slurm stage of `packaging/setup.sh test`: a single-node Slurm on localhost, three shards of one run
# through packaging/slurm/stressdeck.sbatch against the demo service on 127.0.0.1, and the merged report
# checked against the shards' own reports. As root, with Debian 12's slurm-wlm and munge installed:
#   bash packaging/slurm/ci-local.sh BUILD_DIR
# Everything it starts (munged, slurmctld, slurmd, the demo service, the job's steps) lives in one
# temporary directory and is stopped on the way out, passed or failed.
set -euo pipefail

build="${1:?usage: ci-local.sh BUILD_DIR}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
stressdeck="$(cd "$build" && pwd)/app/stressdeck"
shards=3
started=$SECONDS

fail() {
    echo "Slurm stage: $*" >&2
    exit 1
}
[[ -x "$stressdeck" ]] || fail "no $stressdeck (build first)"
((EUID == 0)) || fail "needs root (slurmctld and slurmd run as root here, and slurmd starts the job's tasks)"
for tool in mungekey munged slurmd slurmctld sinfo sbatch srun scancel python3; do
    command -v "$tool" > /dev/null || fail "$tool is missing: apt-get install slurm-wlm munge python3"
done

# munged refuses a socket whose directories are not searchable by all: the directory is 0755.
tmp="$(mktemp -d "${TMPDIR:-/tmp}/stressdeck-slurm.XXXXXX")"
chmod 755 "$tmp"
mkdir -p "$tmp/munge" "$tmp/state" "$tmp/spool" "$tmp/log" "$tmp/run" "$tmp/home"
mkdir -m 700 "$tmp/xdg-runtime"
# Stressdeck's recovery copies and settings stay in here too, not in root's home.
export XDG_DATA_HOME="$tmp/home/data" XDG_CONFIG_HOME="$tmp/home/config" XDG_CACHE_HOME="$tmp/home/cache" \
    XDG_RUNTIME_DIR="$tmp/xdg-runtime"
# Every process this stage starts carries a marker in its environment (slurmd's steps and the job's
# tasks inherit it), so that the cleanup finds exactly those, and no other Slurm or munged on the machine.
marker="STRESSDECK_SLURM_CI=$tmp"
pids=()
slurm_up=""
passed=""

show_logs() {
    local f
    for f in "$tmp"/log/*.log "$tmp"/munge/munged.log "$tmp"/job.out "$tmp"/run/shard-*.err; do
        [[ -s "$f" ]] || continue
        echo "--- $f (last lines)"
        tail -n 15 "$f"
    done
}

marked_pids() {
    local environ pid
    for environ in /proc/[0-9]*/environ; do
        pid="${environ#/proc/}"
        pid="${pid%/environ}"
        grep -qzxF "$marker" "$environ" 2> /dev/null && echo "$pid"
    done
    return 0
}

# Waits up to $1 seconds for the command after it to succeed.
wait_for() {
    local seconds="$1"
    shift
    local deadline=$((SECONDS + seconds))
    until "$@"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.2
    done
}
no_jobs() {
    local queue
    queue="$(squeue -h -o %i 2> /dev/null)" || return 0 # no controller, no jobs
    [[ -z "$queue" ]]
}
none_left() { [[ -z "$(marked_pids)" ]]; }
gone() { ! kill -0 "$1" 2> /dev/null; }

cleanup() {
    local rc=$? i pid
    trap - EXIT INT TERM
    # A job still running is cancelled while munged and the daemons are there to end its steps (only
    # this stage's controller, SLURM_CONF, has these jobs); then the daemons in the reverse order of
    # their start, then anything they left.
    if [[ -n "$slurm_up" ]]; then
        squeue -h -o %i 2> /dev/null | xargs -r scancel 2> /dev/null || true
        wait_for 15 no_jobs || echo "Slurm stage: jobs still there after 15 s: $(squeue -h 2>&1)" >&2
    fi
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
        kill "${pids[i]}" 2> /dev/null || true
        wait_for 5 gone "${pids[i]}" || true
    done
    if ! wait_for 10 none_left; then
        for pid in $(marked_pids); do
            kill -KILL "$pid" 2> /dev/null || true
        done
        wait_for 2 none_left || echo "Slurm stage: could not stop $(marked_pids | tr '\n' ' ')" >&2
    fi
    wait 2> /dev/null || true
    if [[ -n "$passed" ]]; then
        rm -rf "$tmp"
    else
        show_logs
        echo "Slurm stage failed after $((SECONDS - started)) s; its files are in $tmp" >&2
        ((rc)) || rc=1
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "munged with a key of its own, on a socket in $tmp"
mungekey --create --keyfile="$tmp/munge/munge.key"
env "$marker" munged --foreground --socket="$tmp/munge/munge.socket" --key-file="$tmp/munge/munge.key" \
    --pid-file="$tmp/munge/munged.pid" --seed-file="$tmp/munge/munged.seed" \
    --log-file="$tmp/munge/munged.log" > "$tmp/log/munged.out" 2>&1 &
pids+=($!)
wait_for 10 test -S "$tmp/munge/munge.socket" || fail "munged did not create its socket within 10 s"

# Two free ports on the loopback, so that a Slurm already on this machine is left alone.
read -r ctld_port slurmd_port < <(python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s:
    x.bind(("127.0.0.1", 0))
print(*(x.getsockname()[1] for x in s))')
# The node as slurmd sees the hardware (CPUs, sockets, cores, threads, memory), under the name localhost.
hardware="$(slurmd -C | sed -n 's/^NodeName=[^ ]* //p')"
[[ "$hardware" == *CPUs=* ]] || fail "slurmd -C printed no CPUs= line"
export SLURM_CONF="$tmp/slurm.conf"
cat > "$SLURM_CONF" << EOF
# A single-node Slurm for the Stressdeck CI: linuxproc process tracking, no cgroups, no accounting.
ClusterName=stressdeck-ci
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$tmp/munge/munge.socket
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
KillWait=5
NodeName=localhost NodeAddr=127.0.0.1 $hardware State=UNKNOWN
PartitionName=ci Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF

echo "slurmctld and slurmd (ports $ctld_port, $slurmd_port): $hardware"
env "$marker" slurmctld -D -f "$SLURM_CONF" > "$tmp/log/slurmctld.out" 2>&1 &
pids+=($!)
slurm_up=yes
env "$marker" slurmd -D -f "$SLURM_CONF" -N localhost > "$tmp/log/slurmd.out" 2>&1 &
pids+=($!)
node_idle() { [[ "$(sinfo -h -n localhost -o %T 2> /dev/null)" == idle ]]; }
wait_for 30 node_idle || fail "the node is not idle after 30 s: $(sinfo -N 2>&1 | tail -n 1)"
echo "Node localhost idle after $((SECONDS - started)) s"

env "$marker" "$stressdeck" serve-demo --port 0 > "$tmp/log/demo.out" 2> "$tmp/log/demo.log" &
pids+=($!)
demo_pid=$!
demo_url() { grep -o 'http://127\.0\.0\.1:[0-9]*' "$tmp/log/demo.out" 2> /dev/null; }
wait_for 10 demo_url > /dev/null || fail "the demo service did not say where it listens within 10 s"
target="$(demo_url)"

# The template as a user submits it, on three tasks of the two-CPU node (-O: one CPU is enough for
# each), a short closed-model run; the demo service is the monitored process, as it would be on a
# cluster (the whole system's memory moves with everything else on a CI machine).
users=6
duration=4s
echo "sbatch: $shards shards of $users users for $duration against $target"
job_started=$SECONDS
job_status=0
# In the background, so that an interrupt is handled at once rather than when sbatch returns.
env "$marker" STRESSDECK="$stressdeck" TARGET="$target" USERS=$users DURATION=$duration LEAD=3 SHARDS=$shards \
    RUN_DIR="$tmp/run" timeout 90 sbatch --parsable --wait -O --ntasks=$shards --cpus-per-task=1 --time=5 \
    --chdir="$tmp" --output="$tmp/job.out" "$here/stressdeck.sbatch" --monitor-pid "$demo_pid" \
    > "$tmp/jobid" &
pids+=($!)
wait $! || job_status=$?
jobid="$(head -n 1 "$tmp/jobid" | cut -d';' -f1)"
((job_status != 124)) || fail "job ${jobid:-?} did not finish within 90 s"
echo "Job ${jobid:-?} finished in $((SECONDS - job_started)) s with exit code $job_status"

# A criterion failing on this busy machine (1) is not this stage's business; a refused merge (2) or
# a shard that could not run is. The job's verdict must be the merge's.
((job_status == 0 || job_status == 1)) || fail "the job failed (exit $job_status)"
merge_status=0
"$stressdeck" merge --from-logs "$tmp/run/shards.log" > /dev/null 2>&1 || merge_status=$?
((job_status == merge_status)) || fail "the job exited $job_status, its merge exits $merge_status"

python3 - "$tmp/run" "$shards" << 'EOF' || fail "the merged report does not add up (above)"
import base64, gzip, json, sys

run, count = sys.argv[1], int(sys.argv[2])
problems = []
shard_reports = {}
for i in range(count):
    framed = [l for l in open(f"{run}/shard-{i}.log", encoding="utf-8") if "STRESSDECK-REPORT " in l]
    if len(framed) != 1:
        problems.append(f"shard-{i}.log has {len(framed)} STRESSDECK-REPORT lines, not 1")
        continue
    data = base64.b64decode(framed[0].split("STRESSDECK-REPORT ", 1)[1].strip())
    shard_reports[i] = json.loads(gzip.decompress(data))
merged = json.load(open(f"{run}/run.json", encoding="utf-8"))

for i, r in shard_reports.items():
    s = r["shard"]
    print(f"  shard {i}: {r['overall']['total']} requests, {r['config']['concurrency']} users, "
          f"woke {s['start_lag_ms']:.2f} ms late, pid {s['pid']}, from {s['source']}")
    if (s["index"], s["count"], s["source"]) != (i, count, "slurm"):
        problems.append(f"shard-{i}.log is shard {s['index']}/{s['count']} from {s['source']}, not {i}/{count} from slurm")
if len({r["shard"]["pid"] for r in shard_reports.values()}) != len(shard_reports):
    problems.append("two shards report the same process")

m = merged["shards"]
print(f"  merged: {merged['overall']['total']} requests, shards.count {m['count']}, merged {m['merged']}, "
      f"missing {m['missing']}, start skew {m['start_skew_ms']:.2f} ms, passed {merged['passed']}")
if m["count"] != count or sorted(m["merged"]) != list(range(count)) or m["missing"] or m.get("partial"):
    problems.append(f"the merge is not of shards 0..{count - 1}: {m}")
if not m["start_skew_ms"] < 100:
    problems.append(f"start skew {m['start_skew_ms']} ms, not under 100 ms")
if sum(r["config"]["concurrency"] for r in shard_reports.values()) != merged["config"]["concurrency"]:
    problems.append("the shards' users do not add up to the merged run's")

# Every counter of the merged run is the sum of the shards', overall and per request type.
for key in ("total", "success", "failure", "timeouts"):
    parts = sum(r["overall"][key] for r in shard_reports.values())
    if merged["overall"][key] != parts:
        problems.append(f"overall.{key}: merged {merged['overall'][key]}, shards' sum {parts}")
for key in ("histogram", "failure_histogram"):
    parts = sum(r["overall"][key]["count"] for r in shard_reports.values())
    if merged["overall"][key]["count"] != parts:
        problems.append(f"overall.{key}.count: merged {merged['overall'][key]['count']}, shards' sum {parts}")
for t in merged["request_types"]:
    parts = sum(x["total"] for r in shard_reports.values() for x in r["request_types"] if x["name"] == t["name"])
    if t["total"] != parts:
        problems.append(f"request type {t['name']}: merged {t['total']}, shards' sum {parts}")
if merged["overall"]["total"] == 0:
    problems.append("no requests at all")
failed = [c["id"] for c in merged["criteria"] if not c["passed"]]
if failed:
    print("  the merged run failed " + ", ".join(failed) + " (a busy machine; not what this stage checks)")

for p in problems:
    print("  FAILED: " + p)
sys.exit(1 if problems else 0)
EOF

passed=yes
echo "Slurm stage passed in $((SECONDS - started)) s: $shards shards merged, counts equal the shards' sum, start skew under 100 ms"
