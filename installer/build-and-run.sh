#!/usr/bin/env bash
# README command 1: install what is missing, build, and run Postern on SQLite in the default data
# directory (/var/lib/postern as root, ~/.local/share/postern otherwise). GUI when a display is
# present, headless otherwise. Extra arguments go to postern (e.g. --headless, --data-dir DIR).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/installer/install-deps.sh"
bash "$root/installer/build.sh"
exec "${POSTERN_BUILD_DIR:-$root/build}/app/postern" "$@"
