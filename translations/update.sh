#!/usr/bin/env bash
# Brings translations/postern_*.ts up to date with the tr() strings in ui/ (new strings appear
# unfinished, vanished ones are dropped). With --check, changes nothing and fails when an update
# would change a file: CI runs that, so every string change ships with its catalogue update.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
lupdate=${LUPDATE:-$(command -v lupdate6 || true)}
[ -n "$lupdate" ] || lupdate=/usr/lib/qt6/bin/lupdate
ts_files=("$root"/translations/postern_*.ts)
run_lupdate() {
    # No source locations: they would change with every edit of a file and hide real changes.
    "$lupdate" -silent -locations none -no-obsolete -extensions cpp,h,ui "$root/ui" -ts "$@"
}
if [ "${1:-}" = "--check" ]; then
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    copies=()
    for ts in "${ts_files[@]}"; do
        cp "$ts" "$work/"
        copies+=("$work/$(basename "$ts")")
    done
    run_lupdate "${copies[@]}"
    status=0
    for ts in "${ts_files[@]}"; do
        if ! diff -u "$ts" "$work/$(basename "$ts")" > "$work/diff"; then
            echo "translations: $(basename "$ts") is out of date with the strings in ui/; run translations/update.sh" >&2
            head -40 "$work/diff" >&2
            status=1
        fi
    done
    exit $status
fi
run_lupdate "${ts_files[@]}"
