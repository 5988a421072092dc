#!/usr/bin/env bash
# Usage: check-install.sh BUILD-DIR — installs into a temporary prefix and checks what landed.
set -euo pipefail
build=$1
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null

failures=0
check() {
    if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; failures=$((failures + 1)); fi
}
unit="$prefix/lib/systemd/system/postern.service"
desktop="$prefix/share/applications/postern.desktop"
check "binary installed and runs" "\"$prefix/bin/postern\" --version | grep -q '^postern '"
check "systemd unit installed" "[ -f '$unit' ]"
check "unit runs the headless server" "grep -q '^ExecStart=.*/bin/postern --headless' '$unit'"
check "unit runs as user postern" "grep -q '^User=postern$' '$unit'"
check "unit may bind low ports" "grep -q '^AmbientCapabilities=CAP_NET_BIND_SERVICE$' '$unit'"
check "unit is hardened" "grep -q '^ProtectSystem=strict$' '$unit' && grep -q '^NoNewPrivileges=yes$' '$unit'"
check "desktop file installed" "[ -f '$desktop' ]"
check "desktop file starts postern" "grep -q '^Exec=postern$' '$desktop' && grep -q '^Icon=postern$' '$desktop'"
check "icon installed" "[ -f '$prefix/share/icons/hicolor/scalable/apps/postern.svg' ]"
echo "$((9 - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
