#!/usr/bin/env bash
# SMTP over STARTTLS + AUTH PLAIN: Postern and Postfix side by side, in the same rounds, on
# loopback, with the same certificate (made here: ECDSA P-256, self-signed) and the same client.
#
# Sets up the peers with ../shared/bench/peers-setup.sh, then bench/postfix-tls-setup.sh adds a
# STARTTLS + SASL service to that Postfix on 127.0.0.1:$POSTFIX_TLS_PORT. Starts a throwaway
# Postern (domain bench.test, accounts bench and bench1, STARTTLS on 127.0.0.1:$POSTERN_PORT
# with the same pair). Each of REPEATS rounds runs, for both servers (alternating who goes
# first), bench/smtp-tls-load.py: $SESSIONS parallel sessions, $MESSAGES messages of $SIZE bytes,
# a new connection (handshake + AUTH PLAIN) per message, to bench@bench.test; the rate counted
# is delivered messages (all of them in the Maildir) per second from the first connect. Then,
# per round, $IDLE_TLS idle connections taken through STARTTLS (bench/idle-tls-conns.py):
# PSS per connection, Postern freshly started each time, Postfix (one smtpd per connection)
# measured the same way. Writes the table to bench/results/smtp-tls-STAMP.md.
#
# Usage: bench/smtp-tls.sh            (as root: the peers' setup installs with apt)
# Environment (all optional):
#   REPEATS=3  MESSAGES=2000  SIZE=10240  SESSIONS=20  IDLE_TLS=1000  IDLE_HOLD=10
#   POSTERN_PORT=2627  POSTFIX_TLS_PORT=2587  POSTERN_BIN  POSTERN_DATA_DIR  KEEP_DATA=1
#   SHARED_BENCH  SKIP_PEERS_SETUP=1  RESULTS_DIR
set -euo pipefail

NAME=smtp-tls.sh
KIND=smtp-tls
HERE=$(cd "$(dirname "$0")" && pwd)
SHARED=$(cd "${SHARED_BENCH:-$(dirname "$0")/../../shared/bench}" && pwd)
REPO=$(cd "$HERE/.." && pwd)

REPEATS=${REPEATS:-3}
MESSAGES=${MESSAGES:-2000}
SIZE=${SIZE:-10240}
SESSIONS=${SESSIONS:-20}
IDLE_TLS=${IDLE_TLS:-1000}
IDLE_HOLD=${IDLE_HOLD:-10}
POSTERN_PORT=${POSTERN_PORT:-2627}
POSTFIX_TLS_PORT=${POSTFIX_TLS_PORT:-2587}
POSTERN_BIN=${POSTERN_BIN:-$REPO/../build/app/postern}
POSTERN_PASSWORD=benchbench
POSTFIX_LOGIN=tlsbench@bench.test
DOMAIN=bench.test
ADDR=127.0.0.1
RESULTS_DIR=${RESULTS_DIR:-$HERE/results}

. "$HERE/lib.sh"

check_binary_and_shared proc-mem.py maildir-count.py summarize.py peers-setup.sh
[[ "$MESSAGES" =~ ^[0-9]+$ && "$REPEATS" =~ ^[0-9]+$ && "$IDLE_TLS" =~ ^[0-9]+$ && "$SESSIONS" =~ ^[0-9]+$ ]] \
    || die "REPEATS, MESSAGES, SESSIONS, IDLE_TLS must be numbers"
[ "$IDLE_TLS" -ge 1 ] && [ "$IDLE_TLS" -le 1100 ] || die "IDLE_TLS must be 1..1100 (Postfix runs one smtpd per connection, 1200 at most)"
port_free "$POSTERN_PORT" || die "something already listens on $ADDR:$POSTERN_PORT (set POSTERN_PORT)"

peers_setup
raise_fds $((IDLE_TLS * 2 + 4096))

POSTERN_PID="" IC_PID="" RUNNER_PID="" READY="" MADE_DATA=0
trap bench_cleanup EXIT
trap 'exit 130' INT TERM
make_data_dir

# ---------------------------------------------------------------- one certificate for both
mkdir -p "$DATA/bench-tls"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 -subj "/CN=mail.$DOMAIN" \
    -addext "subjectAltName=DNS:mail.$DOMAIN" -keyout "$DATA/bench-tls/key.pem" -out "$DATA/bench-tls/cert.pem" 2>>"$LOG" \
    || die "openssl req failed; see $LOG"
log "$("$HERE/postfix-tls-setup.sh" "$DATA/bench-tls/cert.pem" "$DATA/bench-tls/key.pem" 2>>"$LOG")" \
    || die "postfix-tls-setup.sh failed; see $LOG"
POSTFIX_MAILDIR=/var/lib/postern-bench/bench/Maildir

# ---------------------------------------------------------------- Postern
pctl domain add "$DOMAIN"
add_user bench1   # first account: postmaster@ becomes its alias, as on the peers
add_user bench
pctl alias add "sender@$DOMAIN" "bench1@$DOMAIN"
pctl config set server.hostname "mail.$DOMAIN"
pctl config set listen.addresses "$ADDR"
# The load tools send from made-up domains, and Postfix does not check sender domains by default:
# measure the servers, not a resolver.
pctl config set verify.sender_domain false
pctl config set smtp.port "$POSTERN_PORT"
for k in submission.port smtps.port pop3.port pop3s.port; do pctl config set "$k" 0; done
pctl config set smtp.max_connections 12000
pctl config set smtp.max_connections_per_ip 12000
# One login sends every message here: lift the per-account send limit (default 500 an hour).
pctl config set limits.messages_per_hour_per_account 0
pctl config set tls.cert_file "$DATA/bench-tls/cert.pem"
pctl config set tls.key_file "$DATA/bench-tls/key.pem"
POSTERN_MAILDIR=$DATA/mail/$DOMAIN/bench

WAIT_LINES=("listening smtp $ADDR:$POSTERN_PORT")
start_postern
collect_metadata

# ---------------------------------------------------------------- delivery rounds
printf 'case\ttarget\tmetric\tvalue\trun\n' > "$OUT"
fail=0
CASE=tls_auth_s${SESSIONS}

load_case() { # TARGET PORT LOGIN MAILDIR ROUND
    local target=$1 port=$2 login=$3 maildir=$4 r=$5 line t0 t1 count
    "$SHARED/maildir-count.py" "$maildir" --clear >/dev/null 2>>"$LOG" || true
    sync; sleep 1
    t0=$(now)
    if ! line=$("$HERE/smtp-tls-load.py" "$ADDR" "$port" --user "$login" --password "$POSTERN_PASSWORD" \
            --from "$login" --sessions "$SESSIONS" --messages "$MESSAGES" --size "$SIZE" 2>>"$LOG"); then
        log "FAILED $CASE $target round $r: ${line:-no output}"; fail=1; return 0
    fi
    if ! count=$("$SHARED/maildir-count.py" "$maildir" --wait "$MESSAGES" --timeout 300 2>>"$LOG"); then
        log "FAILED $CASE $target round $r: $count of $MESSAGES delivered in 300 s"; fail=1; return 0
    fi
    t1=$(now)
    log "$CASE $target round $r: $line; all $MESSAGES in the Maildir after $(elapsed "$t0" "$t1") s"
    record "$CASE" "$target" accept_msgs_per_s "$(kv "$line" accept_msgs_per_s)" "$r"
    record "$CASE" "$target" delivered_msgs_per_s "$(awk -v m="$MESSAGES" -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", m/(b-a)}')" "$r"
    record "$CASE" "$target" client_cpu_s "$(kv "$line" client_cpu_s)" "$r"
}

for r in $(seq 1 "$REPEATS"); do
    if [ $((r % 2)) = 1 ]; then
        load_case postfix "$POSTFIX_TLS_PORT" "$POSTFIX_LOGIN" "$POSTFIX_MAILDIR" "$r"
        load_case postern "$POSTERN_PORT" "bench@$DOMAIN" "$POSTERN_MAILDIR" "$r"
    else
        load_case postern "$POSTERN_PORT" "bench@$DOMAIN" "$POSTERN_MAILDIR" "$r"
        load_case postfix "$POSTFIX_TLS_PORT" "$POSTFIX_LOGIN" "$POSTFIX_MAILDIR" "$r"
    fi
done

# ---------------------------------------------------------------- idle TLS connections
IDLE_TOOL=$HERE/idle-tls-conns.py
IDLE_CASE=idle_tls_${IDLE_TLS}

postfix_idle_round() { # ROUND: the same measurement against Postfix (master and all its children)
    local r=$1 before after rc=0
    # smtpd processes from earlier rounds wait max_idle (100 s) for reuse; a reload ends them,
    # so the 'before' reading is Postfix at rest and every connection gets a new smtpd.
    postfix reload >/dev/null 2>&1 || true
    sleep 3
    before=$("$SHARED/proc-mem.py" --pidfile /var/spool/postfix/pid/master.pid)
    READY=$(mktemp -u /tmp/postern-bench-ready.XXXXXX)
    "$IDLE_TOOL" "$ADDR" "$POSTFIX_TLS_PORT" "$IDLE_TLS" --hold $((IDLE_HOLD + 300)) --ready-file "$READY" 2>>"$LOG" &
    IC_PID=$!
    for _ in $(seq 1 3000); do [ -f "$READY" ] && break; kill -0 "$IC_PID" 2>/dev/null || break; sleep 0.1; done
    if [ ! -f "$READY" ] || ! grep -q "^open=$IDLE_TLS failed=0$" "$READY"; then
        log "FAILED $IDLE_CASE postfix round $r: $(cat "$READY" 2>/dev/null || echo 'not ready in 300 s')"; fail=1
    else
        sleep 2
        after=$("$SHARED/proc-mem.py" --pidfile /var/spool/postfix/pid/master.pid)
        log "$IDLE_CASE postfix round $r: $(tr '\n' ' ' < "$READY"); idle: $before | with $IDLE_TLS: $after"
        record "$IDLE_CASE" postfix pss_kib_per_conn \
            "$(awk -v a="$(kv "$after" pss_kib)" -v b="$(kv "$before" pss_kib)" -v n="$IDLE_TLS" 'BEGIN{printf "%.1f", (a-b)/n}')" "$r"
        record "$IDLE_CASE" postfix rss_kib_per_conn \
            "$(awk -v a="$(kv "$after" rss_kib)" -v b="$(kv "$before" rss_kib)" -v n="$IDLE_TLS" 'BEGIN{printf "%.1f", (a-b)/n}')" "$r"
    fi
    kill -TERM "$IC_PID" 2>/dev/null; wait "$IC_PID" 2>/dev/null || rc=$?
    IC_PID=""; rm -f "$READY"
    # Postfix's smtpd processes stay for max_idle after a client leaves; let them settle.
    for _ in $(seq 1 300); do [ "$(established "$POSTFIX_TLS_PORT")" -eq 0 ] && break; sleep 0.1; done
    return 0
}

idle_rc=0
stop_rc=0
for r in $(seq 1 "$REPEATS"); do
    log "idle round $r/$REPEATS: $IDLE_TLS idle STARTTLS connections, Postern freshly started, then Postfix"
    stop_postern || stop_rc=1
    start_postern
    idle_round "$IDLE_TLS" "$IDLE_CASE" "$r" "$POSTERN_PORT" "$ADDR" "$POSTERN_PORT" "$IDLE_TLS" || idle_rc=1
    postfix_idle_round "$r"
done
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
stop_postern || stop_rc=1

# ---------------------------------------------------------------- summary
{
    echo "# SMTP over STARTTLS + AUTH PLAIN, Postern vs Postfix ($STAMP)"
    echo
    echo "- command: \`REPEATS=$REPEATS MESSAGES=$MESSAGES SIZE=$SIZE SESSIONS=$SESSIONS IDLE_TLS=$IDLE_TLS bench/smtp-tls.sh\`"
    echo "- started $T_START; commit $COMMIT ($DIRTY modified tracked files); binary $BIN_SOURCE built $BIN_BUILT (CMAKE_BUILD_TYPE=${BUILD_TYPE:-unknown})"
    echo "- machine: $(nproc) CPUs, $(uname -r); load average at start $LOAD_START, at end $LOAD_END"
    echo "- certificate: ECDSA P-256 self-signed, the same file for both; client: bench/smtp-tls-load.py (Python ssl), a new connection per message"
    echo "- raw rows: $(basename "$OUT")"
    echo
    "$SHARED/summarize.py" "$OUT"
    echo
    echo "## Targets"
    echo
    CASE=$CASE IDLE_CASE=$IDLE_CASE python3 - "$OUT" <<'PY'
import csv, os, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
def vals(case, target, metric):
    return {r["run"]: float(r["value"]) for r in rows if (r["case"], r["target"], r["metric"]) == (case, target, metric)}
def med(case, target, metric):
    v = vals(case, target, metric)
    return statistics.median(v.values()) if v else None
case, idle = os.environ["CASE"], os.environ["IDLE_CASE"]
print("| target | Postern | Postfix | met? |")
print("|---|---:|---:|---|")
p, f = med(case, "postern", "delivered_msgs_per_s"), med(case, "postfix", "delivered_msgs_per_s")
if p is None or f is None:
    print(f"| delivered msgs/s >= Postfix, STARTTLS + AUTH PLAIN | {p} | {f} | not measured |")
else:
    pv, fv = vals(case, "postern", "delivered_msgs_per_s"), vals(case, "postfix", "delivered_msgs_per_s")
    ahead = sum(1 for k in pv if k in fv and pv[k] >= fv[k])
    print(f"| delivered msgs/s >= Postfix, STARTTLS + AUTH PLAIN | {p:.1f} | {f:.1f} | "
          f"{'yes' if p >= f else 'NO'} ({100 * (p / f - 1):+.0f} %; ahead in {ahead} of {len(pv)} rounds) |")
p, f = med(idle, "postern", "pss_kib_per_conn"), med(idle, "postfix", "pss_kib_per_conn")
ok = [float(r["value"]) for r in rows if r["case"] == idle and r["target"] == "postern" and r["metric"] == "open_ok"]
ps = f"{p:.1f} KiB" if p is not None else "not measured"
fs = f"{f:.0f} KiB" if f is not None else "-"
print(f"| idle PSS per TLS connection <= 128 KiB | {ps} | {fs} | {'yes' if p is not None and p <= 128 else 'NO'} |")
print(f"| idle TLS connections opened and held | {int(sum(ok))} of {len(ok)} rounds | - | {'yes' if ok and all(ok) else 'NO'} |")
PY
} > "$SUMMARY"
cat "$SUMMARY"
echo
echo "table: $SUMMARY  raw: $OUT  log: $LOG"
[ "$fail" = 0 ] && [ "$idle_rc" = 0 ] && [ "$stop_rc" = 0 ]
