#!/usr/bin/env bash
# Log viewer on a big file: generates one (default 1 GiB) in a temp dir, indexes it with
# LogFileIndex and runs one text filter, printing the times and the lines read. The checks are
# about work (each line read at most once by a filter), not time; the times are for reading.
#   bash bench/logviewer-index.sh [BYTES]          (BUILD=build dir, default ./build)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILD:-$root/build}
bytes=${1:-$((1024 * 1024 * 1024))}
cmake --build "$build" --target tst_gui_logfileindex >/dev/null
POSTERN_BENCH_LOG_BYTES=$bytes QT_QPA_PLATFORM=offscreen \
    "$build/tests/unit/tst_gui_logfileindex" largeFileWork
