#!/usr/bin/env bash
# Usage: check-server-linkage.sh LINK-LIBRARIES-FILE SERVER-ONLY-EXECUTABLE
set -euo pipefail
libraries_file=$1
executable=$2

if grep -qi 'widgets' "$libraries_file"; then
    echo "FAIL: postern_server declares a Widgets dependency: $(cat "$libraries_file")"
    exit 1
fi
grep -q 'Qt6::Core' "$libraries_file" || { echo "FAIL: could not read postern_server's link libraries"; exit 1; }

loaded=$(ldd "$executable")
echo "$loaded" | grep -q 'libQt6Core' || { echo "FAIL: ldd shows no Qt at all for $executable"; exit 1; }
if echo "$loaded" | grep -q 'libQt6Widgets'; then
    echo "FAIL: $executable (server code only) loads libQt6Widgets"
    exit 1
fi
echo "1 passed, 0 failed"
