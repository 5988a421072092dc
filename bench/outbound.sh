#!/usr/bin/env bash
# Outbound benchmark: Postern and Postfix relaying the same load to smtp-sink, same run, loopback.
#
# Each server takes MESSAGES messages from the shared smtp-load.sh (smtp-source, SESSIONS at once,
# SIZE-byte bodies) for bench@relay.test and relays them to Postfix's smtp-sink on
# 127.0.0.1:$SINK_PORT, which stores nothing. Measured per load: accepted msgs/s (smtp-source's
# first connect to its exit) and relayed msgs/s (first connect until smtp-sink has the last
# message), REPEATS rounds with the two servers interleaved; then PSS of each server. Then the
# drain case (DRAIN=1): each server's queue filled with MESSAGES while smtp-sink is down, then a
# flush, timed until smtp-sink has the last message (delivery alone, as after an outage).
#
# - Postfix: a second instance of its own, separate from the shared bench peer (which must never
#   send anything anywhere), in $RELAY_ROOT: smtpd on 127.0.0.1:$POSTFIX_PORT, mynetworks
#   127.0.0.0/8, relayhost [127.0.0.1]:$SINK_PORT, DNS off, no local delivery. Its
#   default_destination_concurrency_limit is 20 as shipped.
# - Postern: a throwaway data dir, bench.test local, 127.0.0.1 trusted (so relaying needs no
#   AUTH, as Postfix's mynetworks), dns.servers = a dnsmasq on 127.0.0.1:$DNS_PORT that says
#   relay.test's MX is mx.relay.test = 127.0.0.1, outbound.mx_port = $SINK_PORT,
#   outbound.tls opportunistic (smtp-sink offers no STARTTLS, as for Postfix's "may"),
#   outbound.max_per_domain 20 (Postfix's limit; Postern's default is 5).
#
# Usage: bench/outbound.sh      (as root: the Postfix instance runs as root's master)
# Environment (all optional):
#   REPEATS=3  MESSAGES=2000  SESSIONS=20  SIZE=10240
#   PER_DOMAIN=20           Postern's outbound.max_per_domain (Postfix: 20, its default)
#   POSTERN_PORT=2629 POSTFIX_PORT=2527 SINK_PORT=2528 DNS_PORT=2553   (all on 127.0.0.1)
#   RELAY_TIMEOUT=600       seconds a load may take until smtp-sink has every message
#   POSTERN_BIN             default: the build next to the work tree (../../build/app/postern)
#   POSTERN_DATA_DIR KEEP_DATA=1 SHARED_BENCH RESULTS_DIR   as for bench/smtp.sh
#   RELAY_ROOT=/var/lib/postern-bench-relay   the Postfix instance (config, queue, log)
#   TARGETS="postfix postern"   measure only some (e.g. TARGETS=postfix: no Postern needed)
#   DRAIN=1                 also the drain case (queue filled while smtp-sink is down, then a flush); 0 = off
# Outputs: RESULTS_DIR/outbound-STAMP.tsv (raw rows), outbound-STAMP.md (table + target),
# outbound-STAMP.log (progress; scratch, not committed).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
SHARED=$(cd "${SHARED_BENCH:-$(dirname "$0")/../../shared/bench}" && pwd)
REPO=$(cd "$HERE/.." && pwd)

REPEATS=${REPEATS:-3}
MESSAGES=${MESSAGES:-2000}
SESSIONS=${SESSIONS:-20}
SIZE=${SIZE:-10240}
PER_DOMAIN=${PER_DOMAIN:-20}
POSTERN_PORT=${POSTERN_PORT:-2629}
POSTFIX_PORT=${POSTFIX_PORT:-2527}
SINK_PORT=${SINK_PORT:-2528}
DNS_PORT=${DNS_PORT:-2553}
RELAY_TIMEOUT=${RELAY_TIMEOUT:-600}
RELAY_ROOT=${RELAY_ROOT:-/var/lib/postern-bench-relay}
POSTERN_BIN=${POSTERN_BIN:-$REPO/../build/app/postern}
POSTERN_PASSWORD=benchbench
DOMAIN=bench.test
REMOTE=relay.test
RCPT=bench@$REMOTE
SENDER=sender@$DOMAIN
ADDR=127.0.0.1
RESULTS_DIR=${RESULTS_DIR:-$HERE/results}
CASE=relay_s${SESSIONS}_m${MESSAGES}
DRAIN=${DRAIN:-1}
DRAIN_CASE=drain_m${MESSAGES}
TARGETS=${TARGETS:-postfix postern}
has() { [[ " $TARGETS " == *" $1 "* ]]; }

NAME=outbound.sh
KIND=outbound
. "$HERE/lib.sh"

PF_CONF=$RELAY_ROOT/etc
PF_SPOOL=$RELAY_ROOT/spool
PF_PIDFILE=$PF_SPOOL/pid/master.pid
PF_LOG=$RELAY_ROOT/postfix.log

[ "$(id -u)" = 0 ] || die "run as root (the Postfix instance's master runs as root)"
has postfix || has postern || die "TARGETS must name postfix, postern or both"
if has postern; then
    check_binary_and_shared smtp-load.sh proc-mem.py summarize.py
else
    POSTERN_BIN=none BIN_SOURCE=none
    for f in smtp-load.sh proc-mem.py summarize.py; do [ -x "$SHARED/$f" ] || die "missing $SHARED/$f"; done
fi
for t in postfix postconf postsuper postqueue smtp-source smtp-sink dnsmasq sqlite3; do
    command -v "$t" >/dev/null || die "$t is not installed (apt-get install postfix dnsmasq sqlite3)"
done
for n in REPEATS MESSAGES SESSIONS SIZE PER_DOMAIN RELAY_TIMEOUT; do
    [[ "${!n}" =~ ^[0-9]+$ ]] && [ "${!n}" -ge 1 ] || die "$n must be a positive number"
done
for p in "$POSTERN_PORT" "$POSTFIX_PORT" "$SINK_PORT" "$DNS_PORT"; do
    port_free "$p" || die "something already listens on $ADDR:$p (see the *_PORT variables)"
done
case $RELAY_ROOT in /var/*) ;; *) die "RELAY_ROOT must be under /var (Postfix's maillog_file_prefixes)" ;; esac

# ---------------------------------------------------------------- cleanup (by PID, also on failure)
POSTERN_PID="" IC_PID="" RUNNER_PID="" READY="" MADE_DATA=0 SINK_PID="" DNS_PID="" LOAD_PID="" SINK_DIR="" PF_STARTED=0
outbound_cleanup() {
    local rc=$? pid
    set +e
    if [ -n "$LOAD_PID" ]; then
        # smtp-load.sh's child is `timeout`, which passes the TERM on to smtp-source.
        pkill -TERM -P "$LOAD_PID" 2>/dev/null
        kill -TERM "$LOAD_PID" 2>/dev/null && wait "$LOAD_PID" 2>/dev/null
    fi
    [ -n "$SINK_PID" ] && kill -TERM "$SINK_PID" 2>/dev/null && wait "$SINK_PID" 2>/dev/null
    [ -n "$SINK_DIR" ] && rm -rf "$SINK_DIR"
    [ -n "$DNS_PID" ] && kill -TERM "$DNS_PID" 2>/dev/null && wait "$DNS_PID" 2>/dev/null
    if [ "$PF_STARTED" = 1 ]; then
        postsuper -c "$PF_CONF" -d ALL >/dev/null 2>&1
        pid=$(tr -dc 0-9 2>/dev/null < "$PF_PIDFILE")
        if [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null; then
            for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        fi
    fi
    (exit "$rc")
    bench_cleanup   # stops Postern, deletes its data dir, exits with rc
}
trap outbound_cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- Postfix relay instance
pf_queue_count() { find "$PF_SPOOL"/{maildrop,incoming,active,deferred,hold} -type f 2>/dev/null | wc -l; }

start_postfix_relay() {
    local svc
    mkdir -p "$PF_CONF" "$PF_SPOOL" "$RELAY_ROOT/data"
    chown postfix "$RELAY_ROOT/data"
    cat > "$PF_CONF/main.cf" <<EOF
# Postern outbound benchmark: a Postfix instance that relays everything to smtp-sink on
# loopback. Written by bench/outbound.sh; separate from the shared bench peer in /etc/postfix.
compatibility_level = 3.6
queue_directory = $PF_SPOOL
data_directory = $RELAY_ROOT/data
syslog_name = postfix-bench-relay
maillog_file = $PF_LOG
myhostname = relay-mta.$DOMAIN
mydomain = $DOMAIN
myorigin = \$mydomain
inet_interfaces = $ADDR
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
smtpd_peername_lookup = no
smtpd_banner = \$myhostname ESMTP
# No local delivery at all; every message, bounces and notices included, goes to smtp-sink.
mydestination =
local_transport = error:5.1.1 no local delivery on the benchmark relay
alias_maps =
alias_database =
relay_domains =
relayhost = [$ADDR]:$SINK_PORT
default_transport = smtp
relay_transport = smtp
smtp_dns_support_level = disabled
# As Postern's outbound.tls opportunistic (smtp-sink offers no STARTTLS, so no TLS either way).
smtp_tls_security_level = may
biff = no
readme_directory = no
EOF
    cat > "$PF_CONF/master.cf" <<EOF
# Postern outbound benchmark relay instance, written by bench/outbound.sh. No chroot.
# service          type  private unpriv chroot wakeup maxproc command
$ADDR:$POSTFIX_PORT inet n      -      n      -      100     smtpd
pickup             unix  n       -      n      60     1       pickup
cleanup            unix  n       -      n      -      0       cleanup
qmgr               unix  n       -      n      300    1       qmgr
tlsmgr             unix  -       -      n      1000?  1       tlsmgr
rewrite            unix  -       -      n      -      -       trivial-rewrite
bounce             unix  -       -      n      -      0       bounce
defer              unix  -       -      n      -      0       bounce
trace              unix  -       -      n      -      0       bounce
verify             unix  -       -      n      -      1       verify
flush              unix  n       -      n      1000?  0       flush
proxymap           unix  -       -      n      -      -       proxymap
proxywrite         unix  -       -      n      -      1       proxymap
smtp               unix  -       -      n      -      -       smtp
showq              unix  n       -      n      -      -       showq
error              unix  -       -      n      -      -       error
retry              unix  -       -      n      -      -       error
discard            unix  -       -      n      -      -       discard
anvil              unix  -       -      n      -      1       anvil
scache             unix  -       -      n      -      1       scache
postlog            unix-dgram n  -      n      -      1       postlogd
EOF
    touch "$PF_LOG"
    if pid_alive_file "$PF_PIDFILE"; then
        die "a Postfix instance already runs from $RELAY_ROOT (pid $(tr -dc 0-9 < "$PF_PIDFILE")); stop it first"
    fi
    postfix -c "$PF_CONF" check >> "$LOG" 2>&1 || die "postfix check of $PF_CONF failed; see $LOG"
    PF_STARTED=1
    postsuper -c "$PF_CONF" -d ALL >> "$LOG" 2>&1 || true
    postfix -c "$PF_CONF" start </dev/null >> "$LOG" 2>&1 || die "the Postfix relay instance did not start; see $LOG and $PF_LOG"
    for _ in $(seq 1 100); do ! port_free "$POSTFIX_PORT" && break; sleep 0.1; done
    port_free "$POSTFIX_PORT" && die "the Postfix relay instance does not answer on $ADDR:$POSTFIX_PORT; see $PF_LOG"
    svc=$(postconf -c "$PF_CONF" -h default_destination_concurrency_limit initial_destination_concurrency | paste -sd/)
    log "Postfix relay instance: master pid $(tr -dc 0-9 < "$PF_PIDFILE"), $ADDR:$POSTFIX_PORT -> [$ADDR]:$SINK_PORT, destination concurrency limit/initial $svc"
}

pid_alive_file() { local p; p=$(tr -dc 0-9 2>/dev/null < "$1"); [ -n "$p" ] && kill -0 "$p" 2>/dev/null; }

# ---------------------------------------------------------------- dnsmasq: relay.test MX -> 127.0.0.1
start_dnsmasq() {
    local out=$DATA/dnsmasq.log
    dnsmasq --no-daemon --no-resolv --no-hosts --conf-file=/dev/null --bind-interfaces \
        --listen-address="$ADDR" --port="$DNS_PORT" --log-facility="$out" --cache-size=0 \
        --local=/test/ --local=/in-addr.arpa/ --local=/ip6.arpa/ --local-ttl=300 \
        --mx-host="$REMOTE,mx.$REMOTE,10" --host-record="mx.$REMOTE,$ADDR" \
        --host-record="mail.$DOMAIN,$ADDR" </dev/null >>"$LOG" 2>&1 &
    DNS_PID=$!
    for _ in $(seq 1 100); do grep -q 'started, version' "$out" 2>/dev/null && break; kill -0 "$DNS_PID" 2>/dev/null || break; sleep 0.05; done
    grep -q 'started, version' "$out" 2>/dev/null || { cat "$out" >&2; DNS_PID=""; die "dnsmasq did not start on $ADDR:$DNS_PORT"; }
    log "dnsmasq pid $DNS_PID on $ADDR:$DNS_PORT: MX $REMOTE -> mx.$REMOTE = $ADDR"
}

# ---------------------------------------------------------------- Postern
postern_queue_count() { # messages still queued (rows; files are removed after the rows)
    sqlite3 -readonly -cmd '.timeout 5000' "$DATA/postern.db" 'SELECT COUNT(*) FROM queue_messages' 2>>"$LOG" || echo "?"
}

setup_postern() {
    make_data_dir
    pctl domain add "$DOMAIN"
    add_user bench1   # first account: postmaster@ resolves to it; reports for sender@ land here
    pctl alias add "$SENDER" "bench1@$DOMAIN"
    pctl config set server.hostname "mail.$DOMAIN"
    pctl config set listen.addresses "$ADDR"
    pctl config set verify.sender_domain false
    pctl trust add 127.0.0.1/32 --comment "bench load client, as Postfix's mynetworks"
    pctl config set smtp.port "$POSTERN_PORT"
    for k in submission.port smtps.port pop3.port pop3s.port; do pctl config set "$k" 0; done
    # All SESSIONS come from 127.0.0.1; Postfix does not limit mynetworks clients either.
    pctl config set smtp.max_connections 1000
    pctl config set smtp.max_connections_per_ip 1000
    pctl config set dns.servers "$ADDR:$DNS_PORT"
    pctl config set outbound.mx_port "$SINK_PORT"
    pctl config set outbound.tls opportunistic
    pctl config set outbound.max_per_domain "$PER_DOMAIN"
    WAIT_LINES=("listening smtp $ADDR:$POSTERN_PORT")
    start_postern
}

# ---------------------------------------------------------------- smtp-sink and the queue, per load
# start_sink: a fresh smtp-sink (its counter starts at 0) in SINK_DIR, ready to take mail.
start_sink() {
    SINK_DIR=$(mktemp -d /tmp/postern-bench-sink.XXXXXX)
    "$HERE/sink-watch.py" "$ADDR:$SINK_PORT" --expect "$MESSAGES" --ready "$SINK_DIR/ready" --done "$SINK_DIR/done" \
        --timeout $((RELAY_TIMEOUT + 120)) > "$SINK_DIR/final" 2>>"$LOG" &
    SINK_PID=$!
    for _ in $(seq 1 200); do [ -f "$SINK_DIR/ready" ] && break; kill -0 "$SINK_PID" 2>/dev/null || break; sleep 0.1; done
    [ -f "$SINK_DIR/ready" ] || { SINK_PID=""; die "smtp-sink did not start on $ADDR:$SINK_PORT"; }
}

# sink_and_queue_done TARGET WHAT: waits (bounded) until smtp-sink has every message (the time is
# in its file, taken at the N-th "."; this only notices it) and the server's queue is empty (a
# message is not relayed until it is gone), then a moment more so that a duplicate would still be
# counted, and stops smtp-sink. Non-zero, logged with WHAT, when any of it failed.
sink_and_queue_done() {
    local target=$1 what=$2 rc=0 q i
    for i in $(seq 1 $((RELAY_TIMEOUT * 10))); do
        [ -f "$SINK_DIR/done" ] && break
        kill -0 "$SINK_PID" 2>/dev/null || break
        sleep 0.1
    done
    [ -f "$SINK_DIR/done" ] || { rc=1; log "FAILED $what: smtp-sink did not get $MESSAGES messages within $RELAY_TIMEOUT s"; }
    for i in $(seq 1 600); do
        if [ "$target" = postfix ]; then q=$(pf_queue_count); else q=$(postern_queue_count); fi
        [ "$q" = 0 ] && break
        sleep 0.1
    done
    [ "$q" = 0 ] || { rc=1; log "FAILED $what: $q messages still queued 60 s later"; }
    sleep 1
    stop_sink || rc=1
    [ "$(kv "$(cat "$SINK_DIR/final")" msgs)" = "$MESSAGES" ] \
        || { rc=1; log "FAILED $what: smtp-sink got $(cat "$SINK_DIR/final"), not $MESSAGES messages"; }
    return $rc
}

stop_sink() { local rc=0; kill -TERM "$SINK_PID" 2>/dev/null; wait "$SINK_PID" || rc=1; SINK_PID=""; return $rc; }
drop_sink() { rm -rf "$SINK_DIR"; SINK_DIR=""; }

# ---------------------------------------------------------------- one load
# relay_case TARGET PORT ROUND: smtp-sink (fresh, so it counts from 0), the load, the wait until
# smtp-sink has every message and the server's queue is empty, then the rows.
relay_case() {
    local target=$1 port=$2 r=$3 line t0 t1 done_line last first final sessions mem rc=0
    start_sink
    local dir=$SINK_DIR

    # In the background and waited for, so that a signal stops the run at once (the trap stops it).
    t0=$(now)
    "$SHARED/smtp-load.sh" "$ADDR" "$port" -s "$SESSIONS" -m "$MESSAGES" -l "$SIZE" \
        -t "$RCPT" -f "$SENDER" -T "$RELAY_TIMEOUT" > "$dir/load" 2>>"$LOG" &
    LOAD_PID=$!
    wait "$LOAD_PID" || rc=1
    t1=$(now)
    LOAD_PID=""
    line=$(cat "$dir/load")
    if [ $rc = 0 ]; then
        sink_and_queue_done "$target" "$CASE $target round $r" || rc=1
    else
        log "FAILED $CASE $target round $r: smtp-load.sh failed (see above)"
        stop_sink
    fi
    final=$(cat "$dir/final")
    sessions=$(kv "$final" sessions)
    if [ "$target" = postfix ]; then mem=$("$SHARED/proc-mem.py" --pidfile "$PF_PIDFILE"); else mem=$("$SHARED/proc-mem.py" --pid "$POSTERN_PID"); fi
    log "$CASE $target round $r: ${line:-no load line} | smtp-sink: $final | $(cat "$dir/done" 2>/dev/null) | after: $mem"
    if [ $rc = 0 ]; then
        done_line=$(cat "$dir/done")
        first=$(kv "$done_line" first)
        last=$(kv "$done_line" last)
        record "$CASE" "$target" accept_msgs_per_s "$(kv "$line" accept_msgs_per_s)" "$r"
        record "$CASE" "$target" accept_s "$(kv "$line" accept_s)" "$r"
        record "$CASE" "$target" relayed_msgs_per_s "$(awk -v a="$t0" -v b="$last" -v m="$MESSAGES" 'BEGIN{printf "%.1f", m/(b-a)}')" "$r"
        record "$CASE" "$target" relayed_s "$(elapsed "$t0" "$last")" "$r"
        record "$CASE" "$target" first_relayed_s "$(elapsed "$t0" "$first")" "$r"
        record "$CASE" "$target" relay_tail_s "$(elapsed "$t1" "$last")" "$r"
        # smtp-sink counts sink-watch.py's own readiness probe as one session.
        record "$CASE" "$target" sink_sessions "$((sessions - 1))" "$r"
        record "$CASE" "$target" pss_kib_after "$(kv "$mem" pss_kib)" "$r"
        record "$CASE" "$target" rss_kib_after "$(kv "$mem" rss_kib)" "$r"
        record "$CASE" "$target" procs_after "$(kv "$mem" procs)" "$r"
    fi
    drop_sink
    return $rc
}

# drain_case TARGET PORT ROUND: the queue filled while smtp-sink is down (every message tried
# once and deferred), then smtp-sink starts and the server is told to flush (Postfix: postqueue -f;
# Postern: queue retry --all). Measures delivery alone, from the flush until smtp-sink has the
# last message: what a server does after an outage, and the issue's "2,000 messages queued".
drain_case() {
    local target=$1 port=$2 r=$3 t0 last q tried rc=0 i
    port_free "$SINK_PORT" || die "smtp-sink still listens on $ADDR:$SINK_PORT"
    "$SHARED/smtp-load.sh" "$ADDR" "$port" -s "$SESSIONS" -m "$MESSAGES" -l "$SIZE" \
        -t "$RCPT" -f "$SENDER" -T "$RELAY_TIMEOUT" > /dev/null 2>>"$LOG" &
    LOAD_PID=$!
    wait "$LOAD_PID" || rc=1
    LOAD_PID=""
    [ $rc = 0 ] || { log "FAILED $DRAIN_CASE $target round $r: smtp-load.sh failed"; return 1; }
    # Every message queued and tried once (bounded): nothing is in flight when the flush comes.
    for i in $(seq 1 $((RELAY_TIMEOUT * 10))); do
        if [ "$target" = postfix ]; then
            q=$(find "$PF_SPOOL/deferred" -type f 2>/dev/null | wc -l); tried=$q
        else
            q=$(postern_queue_count)
            tried=$(sqlite3 -readonly -cmd '.timeout 5000' "$DATA/postern.db" \
                'SELECT COUNT(*) FROM queue_recipients WHERE attempts > 0' 2>>"$LOG" || echo 0)
        fi
        [ "$q" = "$MESSAGES" ] && [ "$tried" = "$MESSAGES" ] && break
        sleep 0.1
    done
    [ "$tried" = "$MESSAGES" ] || { log "FAILED $DRAIN_CASE $target round $r: only $tried of $MESSAGES deferred"; return 1; }
    start_sink
    t0=$(now)
    if [ "$target" = postfix ]; then postqueue -c "$PF_CONF" -f 2>>"$LOG"
    else "$POSTERN_BIN" --data-dir "$DATA" queue retry --all >> "$LOG" 2>&1; fi
    sink_and_queue_done "$target" "$DRAIN_CASE $target round $r" || rc=1
    log "$DRAIN_CASE $target round $r: flush at $t0 | smtp-sink: $(cat "$SINK_DIR/final") | $(cat "$SINK_DIR/done" 2>/dev/null)"
    if [ $rc = 0 ]; then
        last=$(kv "$(cat "$SINK_DIR/done")" last)
        record "$DRAIN_CASE" "$target" drained_msgs_per_s "$(awk -v a="$t0" -v b="$last" -v m="$MESSAGES" 'BEGIN{printf "%.1f", m/(b-a)}')" "$r"
        record "$DRAIN_CASE" "$target" drained_s "$(elapsed "$t0" "$last")" "$r"
    fi
    drop_sink
    return $rc
}

# ---------------------------------------------------------------- run
log "outbound.sh: $REPEATS rounds of $MESSAGES messages ($SESSIONS sessions, $SIZE-byte bodies) to $RCPT, each server relaying to smtp-sink $ADDR:$SINK_PORT"
if has postfix; then start_postfix_relay; fi
if has postern; then
    setup_postern   # makes DATA (dnsmasq logs there), so dnsmasq starts after it; Postern resolves lazily
    start_dnsmasq
    collect_metadata
else
    COMMIT=$(git -C "$REPO" rev-parse --short HEAD) DIRTY=- BIN_BUILT=- BUILD_TYPE=-
    LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg) T_START=$(date -u +%Y-%m-%dT%H:%M:%SZ)
fi
printf 'case\ttarget\tmetric\tvalue\trun\n' > "$OUT"

# rounds CASE_FUNCTION FIRST SECOND: REPEATS rounds of one case, alternating who goes first so
# neither always runs on the other's leftover page cache or load.
rounds() {
    local run=$1 first=$2 second=$3 r order target
    for r in $(seq 1 "$REPEATS"); do
        if [ $((r % 2)) = 1 ]; then order="$first $second"; else order="$second $first"; fi
        for target in $order; do
            has "$target" || continue
            log "$run round $r/$REPEATS: $target"
            if [ "$target" = postfix ]; then "$run" postfix "$POSTFIX_PORT" "$r" || fail=1
            else "$run" postern "$POSTERN_PORT" "$r" || fail=1; fi
        done
    done
}

fail=0
rounds relay_case postfix postern
if [ "$DRAIN" = 1 ]; then rounds drain_case postern postfix; fi
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
stop_rc=0
if has postern; then stop_postern || stop_rc=1; fi

# ---------------------------------------------------------------- summary
{
    echo "# Outbound benchmark, Postern vs Postfix relaying to smtp-sink ($STAMP)"
    echo
    echo "- command: \`REPEATS=$REPEATS MESSAGES=$MESSAGES SESSIONS=$SESSIONS SIZE=$SIZE PER_DOMAIN=$PER_DOMAIN bench/outbound.sh\`"
    echo "- started $T_START; commit $COMMIT ($DIRTY modified tracked files); binary $BIN_SOURCE built $BIN_BUILT (CMAKE_BUILD_TYPE=${BUILD_TYPE:-unknown})"
    echo "- machine: $(nproc) CPUs, $(uname -r); load average at start $LOAD_START, at end $LOAD_END"
    echo "- Postfix $(postconf -h mail_version) relay instance (relayhost [$ADDR]:$SINK_PORT, destination concurrency $(postconf -c "$PF_CONF" -h default_destination_concurrency_limit)); Postern outbound.max_per_domain $PER_DOMAIN, MX via dnsmasq"
    echo "- raw rows: $(basename "$OUT")"
    echo
    "$SHARED/summarize.py" "$OUT"
    echo
    echo "## Target"
    echo
    python3 - "$OUT" "$CASE" "$DRAIN_CASE" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
def med(target, metric):
    v = [float(r["value"]) for r in rows if r["case"] in sys.argv[2:] and r["target"] == target and r["metric"] == metric]
    return statistics.median(v) if v else None
print("| target | Postern | Postfix | met? |")
print("|---|---:|---:|---|")
for metric, label in (("relayed_msgs_per_s", "relayed msgs/s >= Postfix"),
                      ("drained_msgs_per_s", "drained msgs/s from a full queue >= Postfix"),
                      ("accept_msgs_per_s", "accepted msgs/s (for reference)")):
    p, f = med("postern", metric), med("postfix", metric)
    if p is None or f is None:
        print(f"| {label} | {p} | {f} | not measured |")
        continue
    print(f"| {label} | {p:.1f} | {f:.1f} | {'yes' if p >= f else 'NO'} ({100 * (p / f - 1):+.0f} %) |")
PY
} > "$SUMMARY"
cat "$SUMMARY"
echo
echo "table: $SUMMARY  raw: $OUT  log: $LOG"
[ "$fail" = 0 ] && [ "$stop_rc" = 0 ]
