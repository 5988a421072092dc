#!/usr/bin/env bash
# SMTP benchmark: Postern and Postfix side by side, in the same rounds, on loopback.
#
# Sets up the peers (Postfix, Dovecot) with ../shared/bench/peers-setup.sh, starts a
# throwaway Postern (domain bench.test, the same users and aliases as the peers) on
# 127.0.0.1:$POSTERN_PORT, runs the shared run-baselines.sh for its "smtp" and "mem"
# sections with Postern as the second server, then, on a freshly restarted Postern each
# time, holds $IDLE_SMTP and $IDLE_MANY idle SMTP connections (the runner neither restarts
# Postern nor has a 10,000-connection case) and reads its PSS, stops Postern with SIGTERM
# and writes the side-by-side table to bench/results/.
#
# Usage: bench/smtp.sh            (as root: peers-setup.sh installs with apt)
# Environment (all optional):
#   REPEATS=3             rounds of every case (medians need >= 3)
#   MESSAGES=2000 SIZE=10240   messages per SMTP case and body bytes
#   IDLE_SMTP=1000        idle connections for the PSS-per-connection case (both servers)
#   IDLE_MANY=10000       idle connections held against Postern (0 = skip)
#   IDLE_HOLD=10          seconds the idle connections stay open after PSS is read; they
#                         must all still be established then
#   POSTERN_PORT=2626     Postern's SMTP port on 127.0.0.1
#   POSTERN_BIN           default: the build next to the work tree (../../build/app/postern)
#   POSTERN_DATA_DIR      throwaway data dir (must not exist or be empty; default: mktemp in /tmp)
#   KEEP_DATA=1           keep the data dir (mail + logs) afterwards
#   SHARED_BENCH          default: $(dirname "$0")/../../shared/bench
#   SKIP_PEERS_SETUP=1    do not run peers-setup.sh (the peers must already be up)
#   RESULTS_DIR           default: bench/results
# Outputs: RESULTS_DIR/smtp-STAMP.tsv (raw rows), smtp-STAMP.md (table + targets),
# smtp-STAMP.log (the runners' progress; scratch, not committed).
# Postern's accounts get the password "benchbench": Postern wants 8+ characters, so the
# peers' "bench" is refused. Nothing here logs in (POP3 is not measured), so it does not matter.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
SHARED=$(cd "${SHARED_BENCH:-$(dirname "$0")/../../shared/bench}" && pwd)
REPO=$(cd "$HERE/.." && pwd)

REPEATS=${REPEATS:-3}
MESSAGES=${MESSAGES:-2000}
SIZE=${SIZE:-10240}
IDLE_SMTP=${IDLE_SMTP:-1000}
IDLE_MANY=${IDLE_MANY:-10000}
IDLE_HOLD=${IDLE_HOLD:-10}
POSTERN_PORT=${POSTERN_PORT:-2626}
POSTERN_BIN=${POSTERN_BIN:-$REPO/../build/app/postern}
POSTERN_PASSWORD=benchbench
DOMAIN=bench.test
ADDR=127.0.0.1
RESULTS_DIR=${RESULTS_DIR:-$HERE/results}

STAMP=$(date +%Y%m%d-%H%M%S)
mkdir -p "$RESULTS_DIR"
OUT=$RESULTS_DIR/smtp-$STAMP.tsv
SUMMARY=$RESULTS_DIR/smtp-$STAMP.md
LOG=$RESULTS_DIR/smtp-$STAMP.log

log() { echo "[$(date +%H:%M:%S)] $*" | tee -a "$LOG" >&2; }
die() { log "smtp.sh: $*"; exit 1; }
now() { date +%s.%N; }
kv() { tr ' ' '\n' <<<"$1" | sed -n "s/^$2=//p"; }   # kv LINE KEY
record() { printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" >> "$OUT"; }

[ -x "$POSTERN_BIN" ] || die "no Postern binary at $POSTERN_BIN (set POSTERN_BIN)"
POSTERN_BIN=$(cd "$(dirname "$POSTERN_BIN")" && pwd)/$(basename "$POSTERN_BIN")
for f in run-baselines.sh smtp-load.sh idle-conns.py proc-mem.py maildir-count.py summarize.py peers-setup.sh; do
    [ -x "$SHARED/$f" ] || die "missing $SHARED/$f (set SHARED_BENCH)"
done
[[ "$MESSAGES" =~ ^[0-9]+$ && "$REPEATS" =~ ^[0-9]+$ && "$IDLE_MANY" =~ ^[0-9]+$ ]] || die "REPEATS, MESSAGES, IDLE_MANY must be numbers"
[ "$IDLE_MANY" -le 20000 ] || die "IDLE_MANY must be <= 20000 (idle-conns.py's bound)"
if (exec 3<>"/dev/tcp/$ADDR/$POSTERN_PORT") 2>/dev/null; then
    die "something already listens on $ADDR:$POSTERN_PORT (set POSTERN_PORT)"
fi

# ---------------------------------------------------------------- peers
if [ "${SKIP_PEERS_SETUP:-0}" != 1 ]; then
    log "peers-setup.sh (Postfix 127.0.0.1:2525, Dovecot 127.0.0.1:1110)"
    "$SHARED/peers-setup.sh" >> "$LOG" 2>&1 || die "peers-setup.sh failed; see $LOG"
fi

# ---------------------------------------------------------------- file descriptors
# idle-conns.py needs N+64, Postern N + a few (it raises its soft limit to the hard one).
want_fds=$((IDLE_MANY + IDLE_SMTP + 4096))
if [ "$(ulimit -Hn)" != unlimited ] && [ "$(ulimit -Hn)" -lt "$want_fds" ]; then
    ulimit -Hn "$want_fds" 2>/dev/null || die "cannot raise the hard open-files limit to $want_fds (run as root)"
fi
if [ "$(ulimit -Sn)" != unlimited ] && [ "$(ulimit -Sn)" -lt "$want_fds" ]; then
    ulimit -Sn "$want_fds"
fi

# ---------------------------------------------------------------- Postern data dir
MADE_DATA=0
if [ -n "${POSTERN_DATA_DIR:-}" ]; then
    DATA=$POSTERN_DATA_DIR
    if [ -e "$DATA" ] && [ -n "$(ls -A "$DATA")" ]; then die "POSTERN_DATA_DIR $DATA is not empty"; fi
    mkdir -p "$DATA"
else
    DATA=$(mktemp -d /tmp/postern-bench.XXXXXX)
fi
MADE_DATA=1
DATA=$(cd "$DATA" && pwd)
# Run a copy: a rebuild of the tree during the run must not change (or half-write) the binary
# that the restarts below start again.
BIN_SOURCE=$POSTERN_BIN
cp "$POSTERN_BIN" "$DATA/postern.bin"
POSTERN_BIN=$DATA/postern.bin

POSTERN_PID=""
IC_PID=""
RUNNER_PID=""
READY=""
cleanup() {
    local rc=$?
    set +e   # a failing `wait` (a child killed by our TERM) must not end the cleanup early
    # The runner's own EXIT trap stops its smtp-sink and idle-conns.py.
    [ -n "$RUNNER_PID" ] && kill -TERM "$RUNNER_PID" 2>/dev/null && wait "$RUNNER_PID" 2>/dev/null
    [ -n "$IC_PID" ] && kill -TERM "$IC_PID" 2>/dev/null && wait "$IC_PID" 2>/dev/null
    [ -n "$READY" ] && rm -f "$READY" "$READY.tmp"
    if [ -n "$POSTERN_PID" ] && kill -0 "$POSTERN_PID" 2>/dev/null; then
        kill -TERM "$POSTERN_PID" 2>/dev/null
        for _ in $(seq 1 300); do kill -0 "$POSTERN_PID" 2>/dev/null || break; sleep 0.1; done
    fi
    if [ "$MADE_DATA" = 1 ] && [ "${KEEP_DATA:-0}" != 1 ]; then
        rm -rf "$DATA"
    elif [ "$MADE_DATA" = 1 ]; then
        echo "smtp.sh: Postern data kept in $DATA" >&2
    fi
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

pctl() { "$POSTERN_BIN" --data-dir "$DATA" "$@" >> "$LOG" 2>&1 || die "postern $* failed; see $LOG"; }

log "Postern data dir $DATA (binary: copy of $BIN_SOURCE, $(sha256sum "$POSTERN_BIN" | cut -c1-12))"
pctl domain add "$DOMAIN"
# bench1 first: postmaster@ becomes an alias of a domain's first account, as on the peers.
for u in bench1 bench bench2 bench3 bench4 bench5 $(printf 'pop%d ' $(seq 1 10)); do
    printf '%s\n' "$POSTERN_PASSWORD" | "$POSTERN_BIN" --data-dir "$DATA" user add "$u@$DOMAIN" --password-stdin >> "$LOG" 2>&1 \
        || die "user add $u failed; see $LOG"
done
# smtp-source -r N sends to bench, 2bench .. Nbench; the load's sender is sender@ (-> bench1).
for i in 2 3 4 5; do pctl alias add "${i}bench@$DOMAIN" "bench$i@$DOMAIN"; done
pctl alias add "pop@$DOMAIN" "pop1@$DOMAIN"
for i in $(seq 2 10); do pctl alias add "${i}pop@$DOMAIN" "pop$i@$DOMAIN"; done
pctl alias add "sender@$DOMAIN" "bench1@$DOMAIN"
pctl config set server.hostname "mail.$DOMAIN"
pctl config set listen.addresses "$ADDR"
pctl config set smtp.port "$POSTERN_PORT"
for k in submission.port smtps.port pop3.port pop3s.port; do pctl config set "$k" 0; done
pctl config set smtp.max_connections 12000
pctl config set smtp.max_connections_per_ip 12000

# ---------------------------------------------------------------- start / stop Postern
STARTS=0
start_postern() { # sets POSTERN_PID and STDOUT; waits for the "listening smtp" line
    STARTS=$((STARTS + 1))
    STDOUT=$DATA/postern-$STARTS.out
    env -u POSTERN_PBKDF2_ITERATIONS "$POSTERN_BIN" --data-dir "$DATA" --headless </dev/null >"$STDOUT" 2>&1 &
    POSTERN_PID=$!
    for _ in $(seq 1 300); do
        grep -q "listening smtp $ADDR:$POSTERN_PORT" "$STDOUT" 2>/dev/null && break
        kill -0 "$POSTERN_PID" 2>/dev/null || { cat "$STDOUT" >&2; POSTERN_PID=""; die "Postern exited at start"; }
        sleep 0.1
    done
    grep -q "listening smtp $ADDR:$POSTERN_PORT" "$STDOUT" || { cat "$STDOUT" >&2; die "Postern did not log 'listening smtp' in 30 s"; }
    log "Postern pid $POSTERN_PID: $(grep -m1 'worker threads' "$STDOUT" | sed 's/.* - //')"
}

stop_postern() { # SIGTERM, wait (bounded); status: Postern's exit code, 1 if it did not stop
    local rc=0
    log "stopping Postern (SIGTERM to pid $POSTERN_PID)"
    kill -TERM "$POSTERN_PID"
    for _ in $(seq 1 300); do kill -0 "$POSTERN_PID" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$POSTERN_PID" 2>/dev/null; then
        log "Postern still running 30 s after SIGTERM"; return 1
    fi
    wait "$POSTERN_PID" || rc=$?
    [ "$rc" = 0 ] || log "Postern exited with $rc after SIGTERM"
    grep -E ' (WARN|WARNING|ERROR) ' "$STDOUT" | head -20 >> "$LOG" || true
    POSTERN_PID=""
    return $rc
}

start_postern

# ---------------------------------------------------------------- metadata
COMMIT=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)
DIRTY=$(git -C "$REPO" status --porcelain --untracked-files=no 2>/dev/null | wc -l)
CACHE=$(dirname "$(dirname "$BIN_SOURCE")")/CMakeCache.txt
BIN_BUILT=$(date -u -r "$BIN_SOURCE" +%Y-%m-%dT%H:%M:%SZ)
BUILD_TYPE=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$CACHE" 2>/dev/null || true)
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
T_START=$(date -u +%Y-%m-%dT%H:%M:%SZ)

# ---------------------------------------------------------------- shared runner: smtp + mem
printf 'case\ttarget\tmetric\tvalue\trun\n' > "$OUT"
log "run-baselines.sh SECTIONS='smtp mem' REPEATS=$REPEATS MESSAGES=$MESSAGES SIZE=$SIZE IDLE_SMTP=$IDLE_SMTP"
runner_rc=0
env -u POSTERN_POP3 REPEATS="$REPEATS" SECTIONS="smtp mem" MESSAGES="$MESSAGES" SIZE="$SIZE" IDLE_SMTP="$IDLE_SMTP" \
    OUT="$OUT" POSTERN_SMTP="$ADDR:$POSTERN_PORT" POSTERN_PID="$POSTERN_PID" \
    POSTERN_MAILDIR="$DATA/mail/$DOMAIN/{user}" \
    "$SHARED/run-baselines.sh" >> "$LOG" 2>&1 &
RUNNER_PID=$!
wait "$RUNNER_PID" || runner_rc=$?
RUNNER_PID=""
# run-baselines.sh (shared, as of this writing) exits 1 at its very end when POSTERN_PID is set
# without POSTERN_POP3: the last `[ -n "$POSTERN_POP3" ] && mem_case ...` of mem_rounds becomes
# the function's status under set -e, so it stops before its own summary. Its rows are all
# written by then, so the run is judged by its rows: every case, both servers, REPEATS each.
if [ "$runner_rc" != 0 ]; then
    missing=$(REPEATS=$REPEATS MESSAGES=$MESSAGES IDLE_SMTP=$IDLE_SMTP python3 - "$OUT" <<'PY'
import csv, os, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
n, m, i = int(os.environ["REPEATS"]), int(os.environ["MESSAGES"]), os.environ["IDLE_SMTP"]
want = [(c, t, "delivered_msgs_per_s") for c in (f"smtp_s20_m{m}_r1", f"smtp_s1_m{m}_r1", f"smtp_s20_m{m // 2}_r5")
        for t in ("postfix", "postern")] + [(f"idle_smtp_{i}", t, "pss_kib_per_conn") for t in ("postfix", "postern")]
for c, t, k in want:
    got = sum(1 for r in rows if (r["case"], r["target"], r["metric"]) == (c, t, k))
    if got != n:
        print(f"{c}/{t}/{k}: {got} of {n}")
PY
)
    if [ -z "$missing" ] && ! grep -q 'FAILED' "$LOG"; then
        log "run-baselines.sh exited $runner_rc after writing every row (its trailing-status exit, see above); continuing"
        runner_rc=0
    else
        log "run-baselines.sh failed (exit $runner_rc); missing rows: ${missing:-none}; see $LOG"
    fi
fi
kill -0 "$POSTERN_PID" 2>/dev/null || die "Postern is no longer running"

# ---------------------------------------------------------------- idle connections, fresh Postern
# The shared runner measures Postern's idle PSS right after the SMTP load and never restarts
# it, so from its second round on the "before" figure already holds the heap that glibc kept
# from the previous round's connections (per-connection cost then reads as ~0). Here Postern is
# restarted before each measurement, as the runner does for the peers: a fresh idle server,
# then IDLE_SMTP (and separately IDLE_MANY) connections, held IDLE_HOLD seconds.
established() { ss -Htn state established "( sport = :$POSTERN_PORT )" | wc -l; }

idle_round() { # N CASE ROUND
    local n=$1 name=$2 r=$3 before after t0 t1 held i rc=0
    sleep 2
    before=$("$SHARED/proc-mem.py" --pid "$POSTERN_PID")
    READY=$(mktemp -u /tmp/postern-bench-ready.XXXXXX)
    t0=$(now)
    "$SHARED/idle-conns.py" smtp "$ADDR" "$POSTERN_PORT" "$n" --hold $((IDLE_HOLD + 300)) \
        --ready-file "$READY" 2>>"$LOG" &
    IC_PID=$!
    for i in $(seq 1 3000); do [ -f "$READY" ] && break; kill -0 "$IC_PID" 2>/dev/null || break; sleep 0.1; done
    t1=$(now)
    if [ ! -f "$READY" ] || ! grep -q "^open=$n failed=0$" "$READY"; then
        log "FAILED $name postern round $r: $(cat "$READY" 2>/dev/null || echo 'not ready in 300 s')"
        kill -TERM "$IC_PID" 2>/dev/null; wait "$IC_PID" 2>/dev/null || true; IC_PID=""; rm -f "$READY"
        record "$name" postern open_ok 0 "$r"
        return 1
    fi
    sleep 2
    after=$("$SHARED/proc-mem.py" --pid "$POSTERN_PID")
    sleep "$IDLE_HOLD"
    held=$(established)
    kill -0 "$IC_PID" 2>/dev/null || rc=1
    kill -TERM "$IC_PID"; wait "$IC_PID" || rc=$?
    IC_PID=""
    log "$name postern round $r: $(cat "$READY"), setup $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}') s, established after $((IDLE_HOLD + 2)) s: $held, idle-conns exit $rc; idle: $before | with $n: $after"
    rm -f "$READY"
    record "$name" postern open_ok "$([ "$rc" = 0 ] && [ "$held" -ge "$n" ] && echo 1 || echo 0)" "$r"
    record "$name" postern setup_s "$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.2f", b-a}')" "$r"
    record "$name" postern established_after_hold "$held" "$r"
    record "$name" postern idle_rss_kib "$(kv "$before" rss_kib)" "$r"
    record "$name" postern idle_pss_kib "$(kv "$before" pss_kib)" "$r"
    record "$name" postern rss_kib "$(kv "$after" rss_kib)" "$r"
    record "$name" postern pss_kib "$(kv "$after" pss_kib)" "$r"
    record "$name" postern pss_kib_per_conn \
        "$(awk -v a="$(kv "$after" pss_kib)" -v b="$(kv "$before" pss_kib)" -v n="$n" 'BEGIN{printf "%.1f", (a-b)/n}')" "$r"
    record "$name" postern rss_kib_per_conn \
        "$(awk -v a="$(kv "$after" rss_kib)" -v b="$(kv "$before" rss_kib)" -v n="$n" 'BEGIN{printf "%.1f", (a-b)/n}')" "$r"
    # Let the server see every close before going on (bounded).
    for i in $(seq 1 600); do [ "$(established)" -eq 0 ] && break; sleep 0.1; done
    [ "$rc" = 0 ] && [ "$held" -ge "$n" ]
}

idle_rc=0
stop_rc=0
for r in $(seq 1 "$REPEATS"); do
    for n in "$IDLE_SMTP" "$IDLE_MANY"; do
        [ "$n" -gt 0 ] || continue
        log "idle round $r/$REPEATS: $n SMTP connections held against a freshly started Postern"
        stop_postern || stop_rc=1
        start_postern
        idle_round "$n" "idle_smtp_${n}_fresh" "$r" || idle_rc=1
    done
done
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
stop_postern || stop_rc=1

# ---------------------------------------------------------------- summary
{
    echo "# SMTP benchmark, Postern vs Postfix ($STAMP)"
    echo
    echo "- command: \`REPEATS=$REPEATS MESSAGES=$MESSAGES SIZE=$SIZE IDLE_SMTP=$IDLE_SMTP IDLE_MANY=$IDLE_MANY bench/smtp.sh\`"
    echo "- started $T_START; commit $COMMIT ($DIRTY modified tracked files); binary $BIN_SOURCE built $BIN_BUILT (CMAKE_BUILD_TYPE=${BUILD_TYPE:-unknown})"
    echo "- machine: $(nproc) CPUs, $(uname -r); load average at start $LOAD_START, at end $LOAD_END"
    echo "- raw rows: $(basename "$OUT")"
    echo
    "$SHARED/summarize.py" "$OUT"
    echo
    echo "## Targets"
    echo
    MESSAGES=$MESSAGES IDLE_SMTP=$IDLE_SMTP IDLE_MANY=$IDLE_MANY python3 - "$OUT" <<'PY'
import csv, os, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
def med(case, target, metric):
    v = [float(r["value"]) for r in rows if r["case"] == case and r["target"] == target and r["metric"] == metric]
    return statistics.median(v) if v else None
m = int(os.environ["MESSAGES"]); i1 = os.environ["IDLE_SMTP"]; i2 = os.environ["IDLE_MANY"]
print("| target | Postern | Postfix | met? |")
print("|---|---:|---:|---|")
for case, label in ((f"smtp_s20_m{m}_r1", "20 sessions"), (f"smtp_s1_m{m}_r1", "1 session"),
                    (f"smtp_s20_m{m // 2}_r5", "20 sessions x 5 rcpts")):
    p, f = med(case, "postern", "delivered_msgs_per_s"), med(case, "postfix", "delivered_msgs_per_s")
    if p is None or f is None:
        print(f"| delivered msgs/s >= Postfix, {label} | {p} | {f} | not measured |"); continue
    print(f"| delivered msgs/s >= Postfix, {label} | {p:.1f} | {f:.1f} | {'yes' if p >= f else 'NO'} ({100 * (p / f - 1):+.0f} %) |")
f = med(f"idle_smtp_{i1}", "postfix", "pss_kib_per_conn")
for n in (i1, i2):
    if n == "0":
        continue
    c = f"idle_smtp_{n}_fresh"
    p = med(c, "postern", "pss_kib_per_conn")
    ok = [float(r["value"]) for r in rows if r["case"] == c and r["metric"] == "open_ok"]
    fc = f"{f:.0f} KiB" if n == i1 and f is not None else "-"
    ps = f"{p:.1f} KiB" if p is not None else "not measured"
    print(f"| PSS per idle connection <= 64 KiB, {n} conns (fresh server) | {ps} | {fc} | {'yes' if p is not None and p <= 64 else 'NO'} |")
    print(f"| {n} idle connections held (open={n} failed=0, still established after the hold) | {int(sum(ok))} of {len(ok)} rounds | - | {'yes' if ok and all(ok) else 'NO'} |")
PY
} > "$SUMMARY"
cat "$SUMMARY"
echo
echo "table: $SUMMARY  raw: $OUT  log: $LOG"
[ "$runner_rc" = 0 ] && [ "$idle_rc" = 0 ] && [ "$stop_rc" = 0 ]
