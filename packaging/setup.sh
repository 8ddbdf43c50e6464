#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# One entry point for a fresh Debian 12 machine (as root):
#   bash packaging/setup.sh run    install what is missing, build, open Stressdeck on the demo service
#   bash packaging/setup.sh test   install what is missing, build, run the whole test suite
set -euo pipefail

mode="${1:-run}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${STRESSDECK_BUILD_DIR:-$here/build}"

# Debian 12 packages, for every mode (the quick test run included). libqt6opengl6-dev: Qt6Charts will
# not configure without it; libqt6sql6-sqlite: the run history's SQLite driver, a plugin nothing links.
packages=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-httpserver-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qcoro-qt6-dev libxkbcommon-dev
    libhttp-parser-dev libqt6sql6-sqlite fonts-dejavu-core poppler-utils zlib1g-dev
)
# STRESSDECK_QUICK=1 (test mode only): build and run the test suite, skip the sanitizer, fuzzing,
# packaging, benchmark and Slurm stages and what only they need.
quick="${STRESSDECK_QUICK:-}"
if [[ "$mode" == test ]]; then
    packages+=(ccache) # every tree reuses the objects of earlier runs
fi
if [[ "$mode" == test && -z "$quick" ]]; then
    packages+=(clang libclang-rt-14-dev) # libFuzzer and the sanitizer runtimes
    packages+=(clazy clang-tidy)        # the static checks (.clang-tidy, CLAZY_CHECKS in CMakePresets.json)
    packages+=(desktop-file-utils appstream dpkg-dev debootstrap xxd) # packaging checks, crash dumps
    packages+=(nginx-light wrk hey time python3 bc) # the benchmark smoke run
    packages+=(slurm-wlm munge)                     # the Slurm stage (packaging/slurm/ci-local.sh)
fi
if [[ "$mode" == run ]]; then
    packages+=(xvfb xauth)
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "Installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The machine's own Debian mirror, for debootstrap: the first enabled "deb" source of bookworm
# (not -security) in the deb822 files or in sources.list; a mirror+file: list gives its first URL.
debian_mirror() {
    local uri
    uri="$(awk -v RS= '{
            uris = ""; suites = ""; types = ""; enabled = "yes"; n = split($0, line, "\n")
            for (i = 1; i <= n; i++) {
                if (line[i] ~ /^URIs:/) { sub(/^URIs:[ \t]*/, "", line[i]); uris = line[i] }
                if (line[i] ~ /^Suites:/) suites = line[i]
                if (line[i] ~ /^Types:/) types = line[i]
                if (line[i] ~ /^Enabled:/) enabled = tolower(line[i])
            }
            if (uris != "" && suites ~ /[ \t]bookworm([ \t]|$)/ && types ~ /[ \t]deb([ \t]|$)/ && enabled !~ /no/) {
                split(uris, u, /[ \t]+/); print u[1]; exit
            }
        }' /etc/apt/sources.list.d/*.sources 2>/dev/null)"
    if [[ -z "$uri" && -r /etc/apt/sources.list ]]; then
        uri="$(sed -E 's/\[[^]]*\]//' /etc/apt/sources.list | awk '$1 == "deb" && $3 == "bookworm" { print $2; exit }')"
    fi
    if [[ "$uri" == mirror+file:* ]]; then
        uri="$(grep -Eo '^(https?|file):[^[:space:]]+' "${uri#mirror+file://}" 2>/dev/null | head -n 1 || true)"
    fi
    if [[ "$uri" =~ ^(https?|file):// ]]; then
        echo "$uri"
    fi
}

jobs="$(nproc)"
# The tests mostly wait on timers and sockets (about a quarter of a core each), so twice as many
# run side by side as there are cores.
test_jobs=$((jobs * 2))
case "$mode" in
run)
    (cd "$here" && cmake --preset app -B "$build")
    cmake --build "$build" -j "$jobs"
    if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
        echo "No display: starting Stressdeck inside Xvfb (xvfb-run)."
        exec xvfb-run -a -s "-screen 0 1600x1000x24" "$build/app/stressdeck"
    fi
    exec "$build/app/stressdeck"
    ;;
test)
    started=$SECONDS
    stage() { echo; echo "=== $* ($((SECONDS - started)) s so far) ==="; }

    if [[ -z "$quick" ]]; then
        # Found first, so a machine without a usable mirror hears it before the long stages.
        mirror="$(debian_mirror)"
        [[ -n "$mirror" ]] || {
            echo "No Debian bookworm mirror (http, https or file) in /etc/apt/sources.list.d/*.sources or /etc/apt/sources.list" >&2
            exit 1
        }
    fi

    stage "Build"
    # The presets (CMakePresets.json) say how each tree is configured and how its tests run.
    # ccache keeps every tree's objects between runs on this machine (STRESSDECK_CCACHE_DIR, by
    # default under ~/.cache), keyed by content and by paths relative to the source tree, so a
    # fresh clone rebuilds only what changed; the gcc trees and the clang trees keep separate
    # caches, and the clean root below gets a copy of the gcc one. A header missing there still
    # fails, as ccache then runs the real compiler.
    cache="${STRESSDECK_CCACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/stressdeck}"
    # Qt Test puts the source and build directories into every test's flags; only QFINDTESTDATA
    # reads them, which no test uses, so they stay out of the hash and a new clone's tests hit too.
    export CCACHE_DIR="${CCACHE_DIR:-$cache/gcc}" CCACHE_BASEDIR="$here" CCACHE_NOHASHDIR=1 \
        CCACHE_COMPILERCHECK=content CCACHE_MAXSIZE=2G \
        CCACHE_IGNOREOPTIONS="-DQT_TESTCASE_SOURCEDIR=* -DQT_TESTCASE_BUILDDIR=*"
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
    cd "$here"
    cmake --preset dev -B "$build" "${launcher[@]}"
    cmake --build "$build" -j "$jobs"

    if [[ -n "$quick" ]]; then
        stage "The test suite"
        ctest --preset dev --test-dir "$build" -j "$test_jobs"
        echo "STRESSDECK_QUICK is set: skipping the sanitizer, fuzzing, packaging, benchmark and Slurm stages."
        exit 0
    fi
    # Without STRESSDECK_QUICK the dev tree's suite runs once, in the clean root below (the
    # fresh-machine stage), and here under the sanitizers: a third run would find nothing new.

    stage "clang with clazy, AddressSanitizer + UndefinedBehaviorSanitizer: the whole suite; then clang-tidy"
    # One clang build does two jobs: clazy's Qt checks as a compiler plugin (warnings are errors)
    # and the sanitizer run of every test.
    CCACHE_DIR="$cache/clang" cmake --preset asan "${launcher[@]}"
    CCACHE_DIR="$cache/clang" cmake --build --preset asan -j "$jobs"
    ctest --preset asan -j "$test_jobs"
    # clang-tidy (.clang-tidy) reads the dev tree's compile commands; after the sanitizer tests,
    # not beside them, so their timing is not disturbed. Files whose preprocessed source is the
    # same as at an earlier clean check are skipped (packaging/clang-tidy-cached.py).
    if ! python3 "$here/packaging/clang-tidy-cached.py" "$build" "$here" "$cache/clang-tidy" "$jobs" \
        "^$here/(core|widgets|app)/.*[.]cpp$" "$build/clang-tidy.log"; then
        grep -E "(warning|error):" "$build/clang-tidy.log" | sort -u || true
        echo "clang-tidy found problems (all of its output: $build/clang-tidy.log)"
        exit 1
    fi

    stage "ThreadSanitizer: the engine's cross-thread pieces on plain std::threads"
    # Debian's Qt is not instrumented, so the whole suite cannot run under TSan; the record
    # queue and the open schedule can, driven without a Qt event loop (tests/core/tst_concurrency.cpp).
    cmake --preset tsan "${launcher[@]}"
    cmake --build --preset tsan -j "$jobs"
    ctest --preset tsan

    stage "libFuzzer: scenario and report loaders"
    fuzz="$here/build-fuzz"
    CCACHE_DIR="$cache/clang" cmake --preset fuzz "${launcher[@]}"
    CCACHE_DIR="$cache/clang" cmake --build --preset fuzz -j "$jobs"
    seconds="${STRESSDECK_FUZZ_SECONDS:-45}"
    for loader in scenario report; do
        corpus="$(mktemp -d)"
        cp "$here/tests/fuzz/corpus/$loader/"* "$corpus/"
        echo "fuzz_$loader: ${seconds} s"
        if ! "$fuzz/tests/fuzz/fuzz_$loader" -max_total_time="$seconds" -max_len=65536 -print_final_stats=1 \
            -artifact_prefix="$corpus/" "$corpus" > "$corpus.log" 2>&1; then
            grep -E "ERROR|SUMMARY|#[0-9]+ .* in " "$corpus.log" | head -n 30
            for crash in "$corpus"/crash-* "$corpus"/timeout-* "$corpus"/oom-*; do
                [[ -e "$crash" ]] && { echo "input that failed ($crash):"; xxd "$crash" | head -n 40; }
            done
            exit 1
        fi
        tail -n 8 "$corpus.log"
        rm -rf "$corpus" "$corpus.log"
    done
    stage "Packaging: desktop entry, AppStream metainfo, .deb in a clean Debian 12 root"
    desktop-file-validate "$here/packaging/org.stressdeck.Stressdeck.desktop"
    appstreamcli validate --no-net "$here/packaging/org.stressdeck.Stressdeck.metainfo.xml"
    (cd "$build" && cpack -G DEB)
    deb="$(ls "$build"/stressdeck_*_amd64.deb | head -n 1)"
    dpkg-deb --info "$deb" | grep -E "Package|Version|Depends"
    root="$(mktemp -d /tmp/stressdeck-root.XXXXXX)"
    # Never into the host's /proc: unmount it lazily, and stay on the root's own file system.
    cleanup_root() { umount -l "$root/proc" 2>/dev/null || true; rm -rf --one-file-system "$root"; }
    trap cleanup_root EXIT
    debootstrap --variant=minbase bookworm "$root" "$mirror" > "$root.log" 2>&1 \
        || { tail -n 20 "$root.log"; exit 1; }
    cp "$deb" "$root/tmp/stressdeck.deb"
    mount -t proc proc "$root/proc"
    chroot "$root" /bin/bash -c 'set -e
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends /tmp/stressdeck.deb > /tmp/install.log
        stressdeck --version
        stressdeck run -d 2s --json /tmp/r.json > /dev/null
        stressdeck report /tmp/r.json --pdf /tmp/r.pdf
        stressdeck history --json | grep -q "\"report\"" # the SQLite driver came with the .deb
        test -s /tmp/r.pdf
        test -f /usr/share/applications/org.stressdeck.Stressdeck.desktop
        test -f /usr/share/man/man1/stressdeck.1.gz
        grep -q "^License: MIT" /usr/share/doc/stressdeck/copyright
        grep -q "Permission is hereby granted" /usr/share/doc/stressdeck/copyright'
    echo "The .deb installs and runs in a clean Debian 12 root."

    stage "A fresh machine: the README's test command (quick) from the source tree, in the same clean root"
    # Only what the root had from debootstrap plus what setup.sh installs itself: a package missing
    # from its list fails here, even though this machine has it.
    mkdir -p "$root/src"
    tar -C "$here" --exclude='./build*' --exclude=./.git -cf - . | tar -C "$root/src" -xf -
    rootcache="$root/root/.cache/stressdeck/gcc" # where setup.sh in the root looks, as root there
    mkdir -p "$(dirname "$rootcache")"
    cp -a "$CCACHE_DIR" "$rootcache"
    CCACHE_DIR="$rootcache" ccache --zero-stats > /dev/null
    chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
        STRESSDECK_QUICK=1 /bin/bash /src/packaging/setup.sh test
    echo "The README's test command passes in a clean Debian 12 root."
    CCACHE_DIR="$rootcache" ccache --show-stats | grep -E "Hits|Misses" || true

    stage "Benchmark smoke run (bench/run.sh --smoke)"
    STRESSDECK_BUILD_DIR="$build" bash "$here/bench/run.sh" --smoke

    stage "Slurm: three shards on a single-node Slurm on localhost"
    # munged, slurmctld and slurmd of its own in a temporary directory, the sbatch template
    # (packaging/slurm/stressdeck.sbatch) against the demo service, the merge checked against the shards.
    bash "$here/packaging/slurm/ci-local.sh" "$build"

    stage "All stages passed"
    ;;
*)
    echo "usage: bash packaging/setup.sh run|test" >&2
    exit 2
    ;;
esac
