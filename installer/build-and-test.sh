#!/usr/bin/env bash
# README command 2 (and CI): install what is missing, build, run the whole test suite.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/installer/install-deps.sh"
bash "$root/installer/build.sh"
cd "${POSTERN_BUILD_DIR:-$root/build}"
ctest -j2 --output-on-failure --timeout 900
