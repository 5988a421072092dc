#!/usr/bin/env bash
# Runs tst_gui_trayicon on a real X server (Xvfb) with Debian's trayer as the system tray host, so
# the tray cases run instead of being skipped: the icon docks, its menu works, closing the window
# hides it to the tray and a failed listener is notified.
# Usage: tray_under_xvfb.sh PATH/TO/tst_gui_trayicon. Exit 77 (skipped) only without xvfb-run.
set -euo pipefail
test_binary=${1:?usage: tray_under_xvfb.sh PATH/TO/tst_gui_trayicon}
if ! command -v xvfb-run >/dev/null; then
    echo "SKIP: xvfb-run is not installed (apt-get install xvfb xauth trayer)"
    exit 77
fi
for tool in trayer xdotool; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed (installer/install-deps.sh)"; exit 1; }
done

inner=$(mktemp)
trap 'rm -f "$inner"' EXIT
cat >"$inner" <<'INNER'
set -euo pipefail
# trayer may come up before the X server accepts it; start it again until it has mapped its
# window and owns the tray selection (bounded: 10 s).
tray_pid=
trap 'kill "$tray_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    if [ -z "$tray_pid" ] || ! kill -0 "$tray_pid" 2>/dev/null; then
        trayer --edge bottom --align right --width 10 --height 32 --transparent false --expand true &
        tray_pid=$!
    fi
    xdotool search --classname trayer >/dev/null 2>&1 && break
    sleep 0.1
done
xdotool search --classname trayer >/dev/null || { echo "FAIL: trayer did not start"; exit 1; }
sleep 0.5
log=$(mktemp)
status=0
QT_QPA_PLATFORM=xcb "$@" -o "$log",txt || status=$?
cat "$log"
# The tray case must have run here, not been skipped.
grep -q '^PASS   : TestGuiTrayIcon::closeHidesToTheTray()' "$log" || { echo "FAIL: the tray case did not pass"; exit 1; }
rm -f "$log"
exit "$status"
INNER
# -a finds a free display; starting the search at a random number keeps parallel runs (ctest -j,
# other Xvfb users) from racing for the same one.
xvfb-run -a -n $((100 + RANDOM % 800)) -s "-screen 0 1024x768x24" bash "$inner" "$test_binary"
