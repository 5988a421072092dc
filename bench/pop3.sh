#!/usr/bin/env bash
# POP3 benchmark: Postern and Dovecot side by side, in the same rounds, on loopback.
#
# Sets up the peers with ../shared/bench/peers-setup.sh (Dovecot POP3 on 127.0.0.1:1110),
# starts a throwaway Postern (domain bench.test, pop1..pop10 and idle1..idle$IDLE_POP3) on
# 127.0.0.1:$POSTERN_POP3_PORT (POP3) and :$POSTERN_SMTP_PORT (SMTP, only to fill the
# mailboxes), fills pop1..pop10 through Postern's SMTP with smtp-source (as the shared runner
# does), then runs REPEATS rounds. Each round has Dovecot's POP3 cases (the shared
# run-baselines.sh, SECTIONS=pop3, one round) and Postern's same four cases (pop3-load.py,
# run here with Postern's password), alternating which goes first. Then the runner's "mem"
# section (Dovecot: 500 POP3 sessions logged in to pop1) and, on a freshly started Postern each
# time, $IDLE_POP3 logged-in POP3 sessions with PSS read by proc-mem.py. Stops Postern and
# writes the side-by-side table to bench/results/.
#
# Usage: bench/pop3.sh            (as root: peers-setup.sh installs with apt)
# Environment (all optional):
#   REPEATS=3             rounds of every case (medians need >= 3)
#   MESSAGES=1000 SIZE=10240   messages per mailbox and smtp-source body bytes
#   IDLE_POP3=500         logged-in idle POP3 sessions for the PSS-per-session case
#   IDLE_HOLD=10          seconds the idle sessions stay open after PSS is read
#   POSTERN_POP3_PORT=1111  POSTERN_SMTP_PORT=2626   Postern's ports on 127.0.0.1
#   POSTERN_BIN           default: the build next to the work tree (../../build/app/postern)
#   POSTERN_DATA_DIR      throwaway data dir (must not exist or be empty; default: mktemp in /tmp)
#   KEEP_DATA=1           keep the data dir (mail + logs) afterwards
#   SHARED_BENCH          default: $(dirname "$0")/../../shared/bench
#   SKIP_PEERS_SETUP=1    do not run peers-setup.sh (the peers must already be up)
#   RESULTS_DIR           default: bench/results
# Outputs: RESULTS_DIR/pop3-STAMP.tsv (raw rows), pop3-STAMP.md (table + targets),
# pop3-STAMP.log (progress; scratch, not committed).
# Passwords: Postern's accounts get "benchbench" (Postern wants 8+ characters); Dovecot's
# users have "bench". run-baselines.sh passes one password (BENCH_PASSWORD) to every server,
# so it is not given POSTERN_POP3; Postern's cases are run here, in the same rounds. Postern's
# POP3 login is the whole address (pop1@bench.test), Dovecot's the bare name (pop1).
set -euo pipefail

NAME=pop3.sh
KIND=pop3
HERE=$(cd "$(dirname "$0")" && pwd)
SHARED=$(cd "${SHARED_BENCH:-$(dirname "$0")/../../shared/bench}" && pwd)
REPO=$(cd "$HERE/.." && pwd)

REPEATS=${REPEATS:-3}
MESSAGES=${MESSAGES:-1000}
SIZE=${SIZE:-10240}
IDLE_POP3=${IDLE_POP3:-500}
IDLE_HOLD=${IDLE_HOLD:-10}
POSTERN_POP3_PORT=${POSTERN_POP3_PORT:-1111}
POSTERN_SMTP_PORT=${POSTERN_SMTP_PORT:-2626}
POSTERN_BIN=${POSTERN_BIN:-$REPO/../build/app/postern}
POSTERN_PASSWORD=benchbench
DOMAIN=bench.test
ADDR=127.0.0.1
RESULTS_DIR=${RESULTS_DIR:-$HERE/results}

. "$HERE/lib.sh"

check_binary_and_shared run-baselines.sh smtp-load.sh pop3-load.py idle-conns.py proc-mem.py maildir-count.py \
    summarize.py peers-setup.sh
[[ "$MESSAGES" =~ ^[0-9]+$ && "$REPEATS" =~ ^[0-9]+$ && "$IDLE_POP3" =~ ^[0-9]+$ ]] || die "REPEATS, MESSAGES, IDLE_POP3 must be numbers"
[ "$IDLE_POP3" -ge 1 ] && [ "$IDLE_POP3" -le 5000 ] || die "IDLE_POP3 must be 1..5000 (one account per session)"
for p in "$POSTERN_POP3_PORT" "$POSTERN_SMTP_PORT"; do
    port_free "$p" || die "something already listens on $ADDR:$p (set POSTERN_POP3_PORT / POSTERN_SMTP_PORT)"
done

peers_setup
raise_fds $((IDLE_POP3 * 2 + 4096))

POSTERN_PID="" IC_PID="" RUNNER_PID="" READY="" MADE_DATA=0
trap bench_cleanup EXIT
trap 'exit 130' INT TERM
make_data_dir

# ---------------------------------------------------------------- accounts and settings
pctl domain add "$DOMAIN"
for u in $(printf 'pop%d ' $(seq 1 10)); do add_user "$u"; done
# smtp-source -r 10 -t pop@ sends to pop, 2pop .. 10pop.
pctl alias add "pop@$DOMAIN" "pop1@$DOMAIN"
for i in $(seq 2 10); do pctl alias add "${i}pop@$DOMAIN" "pop$i@$DOMAIN"; done
# Postern locks a mailbox while a session is in TRANSACTION, so each idle session needs its
# own account (Dovecot's 500 sessions all log in to pop1). Default PBKDF2 cost, as for popN.
log "adding idle1..idle$IDLE_POP3"
for i in $(seq 1 "$IDLE_POP3"); do add_user "idle$i"; done
pctl config set server.hostname "mail.$DOMAIN"
pctl config set listen.addresses "$ADDR"
# The load tools send from made-up domains, and Postfix does not check sender domains by default:
# measure the servers, not a resolver.
pctl config set verify.sender_domain false
# smtp-source sends as sender@bench.test without AUTH from loopback, which Postfix allows through
# mynetworks (127.0.0.0/8 by default); Postern refuses a local sender from an untrusted client
# (smtp.require_auth_for_local_senders), so trust the load client as Postfix does.
pctl trust add 127.0.0.1/32 --comment "bench load client, as Postfix's mynetworks"
pctl config set smtp.port "$POSTERN_SMTP_PORT"
pctl config set pop3.port "$POSTERN_POP3_PORT"
for k in submission.port smtps.port pop3s.port; do pctl config set "$k" 0; done
# smtp-source opens a connection per message; the default 20 per IP is hit while closes lag.
pctl config set smtp.max_connections 1000
pctl config set smtp.max_connections_per_ip 1000
pctl config set pop3.max_connections $((IDLE_POP3 + 1000))
pctl config set pop3.max_connections_per_ip $((IDLE_POP3 + 1000))

WAIT_LINES=("listening smtp $ADDR:$POSTERN_SMTP_PORT" "listening pop3 $ADDR:$POSTERN_POP3_PORT")
start_postern
collect_metadata

# ---------------------------------------------------------------- fill Postern's mailboxes
MAILDIR=$DATA/mail/$DOMAIN
log "filling pop1..pop10 on Postern: smtp-load.sh -s 20 -m $MESSAGES -l $SIZE -r 10 -t pop@$DOMAIN"
fill_line=$("$SHARED/smtp-load.sh" "$ADDR" "$POSTERN_SMTP_PORT" -s 20 -m "$MESSAGES" -l "$SIZE" -r 10 -t "pop@$DOMAIN" \
    $(for d in $(seq 1 10); do echo "-w $MAILDIR/pop$d"; done) 2>>"$LOG") || die "filling Postern failed; see $LOG"
log "fill: $fill_line"
for d in $(seq 1 10); do
    c=$("$SHARED/maildir-count.py" "$MAILDIR/pop$d")
    [ "$c" = "$MESSAGES" ] || die "Postern's pop$d holds $c messages, not $MESSAGES"
done
# idle1..idleN: the same messages as pop1 (hard links), so each idle session has a mailbox of
# MESSAGES messages, like Dovecot's pop1 in the runner's memory case.
log "linking pop1's $MESSAGES messages into idle1..idle$IDLE_POP3"
python3 - "$MAILDIR" "$IDLE_POP3" <<'PY'
import os, sys
base, n = sys.argv[1], int(sys.argv[2])
src = os.path.join(base, "pop1", "new")
names = os.listdir(src)
for i in range(1, n + 1):
    box = os.path.join(base, f"idle{i}")
    for sub in ("tmp", "new", "cur"):
        os.makedirs(os.path.join(box, sub), mode=0o700, exist_ok=True)
    for f in names:
        os.link(os.path.join(src, f), os.path.join(box, "new", f))
PY
c=$("$SHARED/maildir-count.py" "$MAILDIR/idle$IDLE_POP3")
[ "$c" = "$MESSAGES" ] || die "idle$IDLE_POP3 holds $c messages, not $MESSAGES"

# ---------------------------------------------------------------- POP3 rounds
printf 'case\ttarget\tmetric\tvalue\trun\n' > "$OUT"
fail=0

dovecot_round() { # ROUND: the shared runner's pop3 section, one round, rows renumbered to ROUND
    local r=$1 tmp rc=0
    tmp=$(mktemp /tmp/postern-bench-round.XXXXXX)
    log "round $r: run-baselines.sh SECTIONS=pop3 REPEATS=1 MESSAGES=$MESSAGES (Dovecot)"
    env -u POSTERN_POP3 -u POSTERN_SMTP -u POSTERN_PID -u POSTERN_MAILDIR \
        REPEATS=1 SECTIONS=pop3 MESSAGES="$MESSAGES" SIZE="$SIZE" OUT="$tmp" \
        "$SHARED/run-baselines.sh" >> "$LOG" 2>&1 &
    RUNNER_PID=$!
    wait "$RUNNER_PID" || rc=$?
    RUNNER_PID=""
    awk -F'\t' -v OFS='\t' -v r="$r" 'NR > 1 { $5 = r; print }' "$tmp" >> "$OUT"
    rm -f "$tmp"
    if [ "$rc" != 0 ]; then log "FAILED run-baselines.sh pop3 round $r (exit $rc); see $LOG"; fail=1; fi
}

postern_case() { # NAME ROUND ARGS... (ARGS after HOST PORT for pop3-load.py)
    local name=$1 r=$2 line; shift 2
    if ! line=$("$SHARED/pop3-load.py" "$ADDR" "$POSTERN_POP3_PORT" "$@" 2>>"$LOG"); then
        log "FAILED $name postern round $r"; fail=1; return 0
    fi
    log "$name postern: $line"
    record "$name" postern msgs_per_s "$(kv "$line" msgs_per_s)" "$r"
    record "$name" postern MB_per_s "$(kv "$line" MB_per_s)" "$r"
    record "$name" postern client_cpu_s "$(kv "$line" client_cpu_s)" "$r"
}

postern_round() { # ROUND: the runner's four cases, same order and arguments, Postern's password
    local r=$1 client
    log "round $r: Postern POP3 cases"
    sync; sleep 1
    for client in poplib raw; do
        postern_case "pop3_${client}_s1" "$r" "pop1@$DOMAIN" "$POSTERN_PASSWORD" "$MESSAGES" --client "$client"
        postern_case "pop3_${client}_s10" "$r" "pop{n}@$DOMAIN" "$POSTERN_PASSWORD" "$MESSAGES" --client "$client" --parallel 10
    done
}

for r in $(seq 1 "$REPEATS"); do
    if [ $((r % 2)) = 1 ]; then dovecot_round "$r"; postern_round "$r"
    else postern_round "$r"; dovecot_round "$r"; fi
done

# ---------------------------------------------------------------- memory
# The runner's mem section: Postfix with IDLE_SMTP idle SMTP connections and Dovecot with
# IDLE_POP3 POP3 sessions (user pop1), each restarted before its round. Postern is not given
# to it (the password; and it would not restart Postern), so it is measured below.
log "run-baselines.sh SECTIONS=mem REPEATS=$REPEATS IDLE_POP3=$IDLE_POP3 (Postfix, Dovecot)"
rc=0
env -u POSTERN_POP3 -u POSTERN_SMTP -u POSTERN_PID -u POSTERN_MAILDIR \
    REPEATS="$REPEATS" SECTIONS=mem IDLE_POP3="$IDLE_POP3" OUT="$OUT" \
    "$SHARED/run-baselines.sh" >> "$LOG" 2>&1 &
RUNNER_PID=$!
wait "$RUNNER_PID" || rc=$?
RUNNER_PID=""
[ "$rc" = 0 ] || { log "FAILED run-baselines.sh mem (exit $rc); see $LOG"; fail=1; }
kill -0 "$POSTERN_PID" 2>/dev/null || die "Postern is no longer running"

idle_rc=0
stop_rc=0
for r in $(seq 1 "$REPEATS"); do
    log "idle round $r/$REPEATS: $IDLE_POP3 logged-in POP3 sessions against a freshly started Postern"
    stop_postern || stop_rc=1
    start_postern
    idle_round "$IDLE_POP3" "idle_pop3_${IDLE_POP3}_fresh" "$r" "$POSTERN_POP3_PORT" \
        pop3 "$ADDR" "$POSTERN_POP3_PORT" "$IDLE_POP3" --user "idle{n}@$DOMAIN" --users "$IDLE_POP3" \
        --password "$POSTERN_PASSWORD" || idle_rc=1
done
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
stop_postern || stop_rc=1

# ---------------------------------------------------------------- summary
{
    echo "# POP3 benchmark, Postern vs Dovecot ($STAMP)"
    echo
    echo "- command: \`REPEATS=$REPEATS MESSAGES=$MESSAGES SIZE=$SIZE IDLE_POP3=$IDLE_POP3 bench/pop3.sh\`"
    echo "- started $T_START; commit $COMMIT ($DIRTY modified tracked files); binary $BIN_SOURCE built $BIN_BUILT (CMAKE_BUILD_TYPE=${BUILD_TYPE:-unknown})"
    echo "- machine: $(nproc) CPUs, $(uname -r); load average at start $LOAD_START, at end $LOAD_END"
    echo "- Postern fill: $fill_line"
    echo "- raw rows: $(basename "$OUT")"
    echo
    "$SHARED/summarize.py" "$OUT"
    echo
    echo "## Targets"
    echo
    IDLE_POP3=$IDLE_POP3 python3 - "$OUT" <<'PY'
import csv, os, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
def vals(case, target, metric):
    return {r["run"]: float(r["value"]) for r in rows if (r["case"], r["target"], r["metric"]) == (case, target, metric)}
def med(case, target, metric):
    v = vals(case, target, metric)
    return statistics.median(v.values()) if v else None
print("| target | Postern | Dovecot | met? |")
print("|---|---:|---:|---|")
for client in ("raw", "poplib"):
    for s, label in (("s1", "1 session"), ("s10", "10 mailboxes in parallel")):
        c = f"pop3_{client}_{s}"
        p, d = med(c, "postern", "msgs_per_s"), med(c, "dovecot", "msgs_per_s")
        if p is None or d is None:
            print(f"| RETR msgs/s >= Dovecot, {label}, {client} client | {p} | {d} | not measured |"); continue
        pv, dv = vals(c, "postern", "msgs_per_s"), vals(c, "dovecot", "msgs_per_s")
        ahead = sum(1 for k in pv if k in dv and pv[k] >= dv[k])
        print(f"| RETR msgs/s >= Dovecot, {label}, {client} client | {p:.0f} | {d:.0f} | "
              f"{'yes' if p >= d else 'NO'} ({100 * (p / d - 1):+.0f} %; ahead in {ahead} of {len(pv)} rounds) |")
n = os.environ["IDLE_POP3"]
p = med(f"idle_pop3_{n}_fresh", "postern", "pss_kib_per_conn")
d = med(f"idle_pop3_{n}", "dovecot", "pss_kib_per_conn")
ok = [float(r["value"]) for r in rows if r["case"] == f"idle_pop3_{n}_fresh" and r["metric"] == "open_ok"]
ps = f"{p:.1f} KiB" if p is not None else "not measured"
ds = f"{d:.0f} KiB" if d is not None else "-"
print(f"| idle PSS per logged-in session <= 64 KiB, {n} sessions (fresh server) | {ps} | {ds} | {'yes' if p is not None and p <= 64 else 'NO'} |")
print(f"| {n} sessions logged in and held | {int(sum(ok))} of {len(ok)} rounds | - | {'yes' if ok and all(ok) else 'NO'} |")
PY
} > "$SUMMARY"
cat "$SUMMARY"
echo
echo "table: $SUMMARY  raw: $OUT  log: $LOG"
[ "$fail" = 0 ] && [ "$idle_rc" = 0 ] && [ "$stop_rc" = 0 ]
