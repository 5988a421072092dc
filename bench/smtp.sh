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
#   WITH_TLS=1            then run bench/smtp-tls.sh (STARTTLS + AUTH PLAIN against Postfix
#                         with the same certificate; 0 = skip)
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

NAME=smtp.sh
KIND=smtp
. "$HERE/lib.sh"

check_binary_and_shared run-baselines.sh smtp-load.sh idle-conns.py proc-mem.py maildir-count.py summarize.py peers-setup.sh
[[ "$MESSAGES" =~ ^[0-9]+$ && "$REPEATS" =~ ^[0-9]+$ && "$IDLE_MANY" =~ ^[0-9]+$ ]] || die "REPEATS, MESSAGES, IDLE_MANY must be numbers"
[ "$IDLE_MANY" -le 20000 ] || die "IDLE_MANY must be <= 20000 (idle-conns.py's bound)"
port_free "$POSTERN_PORT" || die "something already listens on $ADDR:$POSTERN_PORT (set POSTERN_PORT)"

peers_setup
# idle-conns.py needs N+64, Postern N + a few (it raises its soft limit to the hard one).
raise_fds $((IDLE_MANY + IDLE_SMTP + 4096))

POSTERN_PID="" IC_PID="" RUNNER_PID="" READY="" MADE_DATA=0
trap bench_cleanup EXIT
trap 'exit 130' INT TERM
make_data_dir

pctl domain add "$DOMAIN"
# bench1 first: postmaster@ becomes an alias of a domain's first account, as on the peers.
for u in bench1 bench bench2 bench3 bench4 bench5 $(printf 'pop%d ' $(seq 1 10)); do add_user "$u"; done
# smtp-source -r N sends to bench, 2bench .. Nbench; the load's sender is sender@ (-> bench1).
for i in 2 3 4 5; do pctl alias add "${i}bench@$DOMAIN" "bench$i@$DOMAIN"; done
pctl alias add "pop@$DOMAIN" "pop1@$DOMAIN"
for i in $(seq 2 10); do pctl alias add "${i}pop@$DOMAIN" "pop$i@$DOMAIN"; done
pctl alias add "sender@$DOMAIN" "bench1@$DOMAIN"
pctl config set server.hostname "mail.$DOMAIN"
pctl config set listen.addresses "$ADDR"
# The load tools send from made-up domains, and Postfix does not check sender domains by default:
# measure the servers, not a resolver.
pctl config set verify.sender_domain false
# smtp-source sends as sender@bench.test without AUTH from loopback, which Postfix allows through
# mynetworks (127.0.0.0/8 by default); Postern refuses a local sender from an untrusted client
# (smtp.require_auth_for_local_senders), so trust the load client as Postfix does.
pctl trust add 127.0.0.1/32 --comment "bench load client, as Postfix's mynetworks"
pctl config set smtp.port "$POSTERN_PORT"
for k in submission.port smtps.port pop3.port pop3s.port; do pctl config set "$k" 0; done
pctl config set smtp.max_connections 12000
pctl config set smtp.max_connections_per_ip 12000

WAIT_LINES=("listening smtp $ADDR:$POSTERN_PORT")
start_postern
collect_metadata

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
idle_rc=0
stop_rc=0
for r in $(seq 1 "$REPEATS"); do
    for n in "$IDLE_SMTP" "$IDLE_MANY"; do
        [ "$n" -gt 0 ] || continue
        log "idle round $r/$REPEATS: $n SMTP connections held against a freshly started Postern"
        stop_postern || stop_rc=1
        start_postern
        idle_round "$n" "idle_smtp_${n}_fresh" "$r" "$POSTERN_PORT" smtp "$ADDR" "$POSTERN_PORT" "$n" || idle_rc=1
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

# ---------------------------------------------------------------- STARTTLS + AUTH cases
# In their own script (own table, own Postfix service with TLS and SASL), run here by default.
tls_rc=0
if [ "${WITH_TLS:-1}" = 1 ]; then
    log "TLS cases: bench/smtp-tls.sh (table in $RESULTS_DIR/smtp-tls-*.md)"
    env -u POSTERN_DATA_DIR SKIP_PEERS_SETUP=1 REPEATS="$REPEATS" MESSAGES="$MESSAGES" SIZE="$SIZE" \
        POSTERN_BIN="$BIN_SOURCE" RESULTS_DIR="$RESULTS_DIR" "$HERE/smtp-tls.sh" || tls_rc=$?
fi
[ "$runner_rc" = 0 ] && [ "$idle_rc" = 0 ] && [ "$stop_rc" = 0 ] && [ "$tls_rc" = 0 ]
