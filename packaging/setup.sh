#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine (as root):
#   bash packaging/setup.sh run    install what is missing, build, open Stressdeck on the demo service
#   bash packaging/setup.sh test   install what is missing, build, run the whole test suite
set -euo pipefail

mode="${1:-run}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${STRESSDECK_BUILD_DIR:-$here/build}"

# Debian 12 packages. libqt6opengl6-dev: Qt6Charts will not configure without it.
packages=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-httpserver-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qcoro-qt6-dev libxkbcommon-dev
    fonts-dejavu-core poppler-utils
)
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

jobs="$(nproc)"
case "$mode" in
run)
    cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSTRESSDECK_BUILD_TESTS=OFF
    cmake --build "$build" -j "$jobs"
    if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
        echo "No display: starting Stressdeck inside Xvfb (xvfb-run)."
        exec xvfb-run -a -s "-screen 0 1600x1000x24" "$build/app/stressdeck"
    fi
    exec "$build/app/stressdeck"
    ;;
test)
    cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSTRESSDECK_BUILD_TESTS=ON \
        -DSTRESSDECK_WERROR=ON
    cmake --build "$build" -j "$jobs"
    cd "$build"
    QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j "$jobs" --timeout 600 --label-exclude benchmark
    ;;
*)
    echo "usage: bash packaging/setup.sh run|test" >&2
    exit 2
    ;;
esac
