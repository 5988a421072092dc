#!/usr/bin/env bash
# Configures (once) and builds Postern into ./build with the project's flags. Incremental.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${POSTERN_BUILD_DIR:-$root/build}
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPOSTERN_HARDENED_CHECKS=ON
fi
cmake --build "$build" -j"$(nproc)"
