#!/usr/bin/env bash
# Pictures for the admin guide: runs Postern's windows and dialogs under Xvfb (a real X server,
# so fonts and styles are what an admin sees) and writes PNGs into docs/screenshots/.
# Usage: tests/gui/screenshots.sh [BUILD_DIR]   (needs xvfb-run; installer/install-deps.sh has it)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-${POSTERN_BUILD_DIR:-$root/build}}
out="$root/docs/screenshots"
mkdir -p "$out"
unset QT_QPA_PLATFORM
xvfb-run -a -s "-screen 0 1280x900x24" "$build/tests/gui/postern_screenshooter" "$out"
# The tray icon docked in a real tray host (trayer) with its notification: the tray test's picture.
POSTERN_SCREENSHOT_DIR="$out" bash "$root/tests/gui/tray_under_xvfb.sh" "$build/tests/unit/tst_gui_trayicon" >/dev/null
ls "$out"
