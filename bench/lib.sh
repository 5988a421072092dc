# Helpers shared by bench/*.sh (sourced, not run). The caller sets, before sourcing:
#   NAME (script name for messages), HERE, SHARED, REPO, ADDR, DOMAIN, RESULTS_DIR, KIND
#   (prefix of the result files, e.g. pop3), POSTERN_BIN, POSTERN_PASSWORD.
# It defines STAMP, OUT, SUMMARY, LOG and the functions below. The caller's cleanup trap
# uses POSTERN_PID, IC_PID, RUNNER_PID, READY, MADE_DATA, DATA (see bench_cleanup).

STAMP=$(date +%Y%m%d-%H%M%S)
mkdir -p "$RESULTS_DIR"
OUT=$RESULTS_DIR/$KIND-$STAMP.tsv
SUMMARY=$RESULTS_DIR/$KIND-$STAMP.md
LOG=$RESULTS_DIR/$KIND-$STAMP.log

log() { echo "[$(date +%H:%M:%S)] $*" | tee -a "$LOG" >&2; }
die() { log "$NAME: $*"; exit 1; }
now() { date +%s.%N; }
kv() { tr ' ' '\n' <<<"$1" | sed -n "s/^$2=//p"; }   # kv LINE KEY
record() { printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" >> "$OUT"; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", b-a}'; }   # elapsed T0 T1

port_free() { ! (exec 3<>"/dev/tcp/$ADDR/$1") 2>/dev/null; }

check_binary_and_shared() { # FILES...: the shared scripts this benchmark needs
    local f
    [ -x "$POSTERN_BIN" ] || die "no Postern binary at $POSTERN_BIN (set POSTERN_BIN)"
    POSTERN_BIN=$(cd "$(dirname "$POSTERN_BIN")" && pwd)/$(basename "$POSTERN_BIN")
    for f in "$@"; do
        [ -x "$SHARED/$f" ] || die "missing $SHARED/$f (set SHARED_BENCH)"
    done
}

peers_setup() { # unless SKIP_PEERS_SETUP=1
    if [ "${SKIP_PEERS_SETUP:-0}" != 1 ]; then
        log "peers-setup.sh (Postfix 127.0.0.1:2525, Dovecot 127.0.0.1:1110)"
        "$SHARED/peers-setup.sh" >> "$LOG" 2>&1 || die "peers-setup.sh failed; see $LOG"
    fi
}

raise_fds() { # WANT: raise the hard and soft open-files limits to at least WANT
    local want=$1
    if [ "$(ulimit -Hn)" != unlimited ] && [ "$(ulimit -Hn)" -lt "$want" ]; then
        ulimit -Hn "$want" 2>/dev/null || die "cannot raise the hard open-files limit to $want (run as root)"
    fi
    if [ "$(ulimit -Sn)" != unlimited ] && [ "$(ulimit -Sn)" -lt "$want" ]; then
        ulimit -Sn "$want"
    fi
}

make_data_dir() { # sets DATA, MADE_DATA, BIN_SOURCE; runs a copy of the binary from DATA
    if [ -n "${POSTERN_DATA_DIR:-}" ]; then
        DATA=$POSTERN_DATA_DIR
        if [ -e "$DATA" ] && [ -n "$(ls -A "$DATA")" ]; then die "POSTERN_DATA_DIR $DATA is not empty"; fi
        mkdir -p "$DATA"
    else
        DATA=$(mktemp -d /tmp/postern-bench.XXXXXX)
    fi
    MADE_DATA=1
    DATA=$(cd "$DATA" && pwd)
    # Run a copy: a rebuild of the tree during the run must not change (or half-write) the
    # binary that the restarts start again.
    BIN_SOURCE=$POSTERN_BIN
    cp "$POSTERN_BIN" "$DATA/postern.bin"
    POSTERN_BIN=$DATA/postern.bin
    log "Postern data dir $DATA (binary: copy of $BIN_SOURCE, $(sha256sum "$POSTERN_BIN" | cut -c1-12))"
}

bench_cleanup() { # the EXIT trap: stop what this script started, delete the data dir
    local rc=$?
    set +e   # a failing `wait` (a child killed by our TERM) must not end the cleanup early
    # The runner's own EXIT trap stops its smtp-sink and idle-conns.py.
    [ -n "${RUNNER_PID:-}" ] && kill -TERM "$RUNNER_PID" 2>/dev/null && wait "$RUNNER_PID" 2>/dev/null
    [ -n "${IC_PID:-}" ] && kill -TERM "$IC_PID" 2>/dev/null && wait "$IC_PID" 2>/dev/null
    [ -n "${READY:-}" ] && rm -f "$READY" "$READY.tmp"
    if [ -n "${POSTERN_PID:-}" ] && kill -0 "$POSTERN_PID" 2>/dev/null; then
        kill -TERM "$POSTERN_PID" 2>/dev/null
        for _ in $(seq 1 300); do kill -0 "$POSTERN_PID" 2>/dev/null || break; sleep 0.1; done
    fi
    if [ "${MADE_DATA:-0}" = 1 ] && [ "${KEEP_DATA:-0}" != 1 ]; then
        rm -rf "$DATA"
    elif [ "${MADE_DATA:-0}" = 1 ]; then
        echo "$NAME: Postern data kept in $DATA" >&2
    fi
    exit $rc
}

pctl() { "$POSTERN_BIN" --data-dir "$DATA" "$@" >> "$LOG" 2>&1 || die "postern $* failed; see $LOG"; }

add_user() { # LOCALPART [ENV=VALUE...]: account LOCALPART@DOMAIN with POSTERN_PASSWORD
    local u=$1; shift
    printf '%s\n' "$POSTERN_PASSWORD" | env "$@" "$POSTERN_BIN" --data-dir "$DATA" user add "$u@$DOMAIN" --password-stdin >> "$LOG" 2>&1 \
        || die "user add $u failed; see $LOG"
}

# start_postern waits until every line in WAIT_LINES (array, e.g. "listening smtp 127.0.0.1:2626")
# is in Postern's output; sets POSTERN_PID and STDOUT.
STARTS=0
start_postern() {
    local l ok
    STARTS=$((STARTS + 1))
    STDOUT=$DATA/postern-$STARTS.out
    env -u POSTERN_PBKDF2_ITERATIONS "$POSTERN_BIN" --data-dir "$DATA" --headless </dev/null >"$STDOUT" 2>&1 &
    POSTERN_PID=$!
    for _ in $(seq 1 300); do
        ok=1
        for l in "${WAIT_LINES[@]}"; do grep -qF "$l" "$STDOUT" 2>/dev/null || ok=0; done
        [ $ok = 1 ] && break
        kill -0 "$POSTERN_PID" 2>/dev/null || { cat "$STDOUT" >&2; POSTERN_PID=""; die "Postern exited at start"; }
        sleep 0.1
    done
    [ $ok = 1 ] || { cat "$STDOUT" >&2; die "Postern did not log '${WAIT_LINES[*]}' in 30 s"; }
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

collect_metadata() { # COMMIT DIRTY BIN_BUILT BUILD_TYPE LOAD_START T_START
    COMMIT=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)
    DIRTY=$(git -C "$REPO" status --porcelain --untracked-files=no 2>/dev/null | wc -l)
    local cache
    cache=$(dirname "$(dirname "$BIN_SOURCE")")/CMakeCache.txt
    BIN_BUILT=$(date -u -r "$BIN_SOURCE" +%Y-%m-%dT%H:%M:%SZ)
    BUILD_TYPE=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$cache" 2>/dev/null || true)
    LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
    T_START=$(date -u +%Y-%m-%dT%H:%M:%SZ)
}

established() { ss -Htn state established "( sport = :$1 )" | wc -l; }   # established PORT

# idle_round N CASE ROUND PORT IDLEARGS...: against the running Postern (POSTERN_PID), read
# PSS, open N connections with `$IDLE_TOOL IDLEARGS... --hold --ready-file` (IDLE_TOOL: default
# the shared idle-conns.py), read PSS
# 2 s after the last one is up, hold IDLE_HOLD s, require all N still established, record
# the rows under CASE/postern. Status 0 only if every connection came up and held.
idle_round() {
    local n=$1 name=$2 r=$3 port=$4 before after t0 t1 held i rc=0; shift 4
    sleep 2
    before=$("$SHARED/proc-mem.py" --pid "$POSTERN_PID")
    READY=$(mktemp -u /tmp/postern-bench-ready.XXXXXX)
    t0=$(now)
    "${IDLE_TOOL:-$SHARED/idle-conns.py}" "$@" --hold $((IDLE_HOLD + 300)) --ready-file "$READY" 2>>"$LOG" &
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
    held=$(established "$port")
    kill -0 "$IC_PID" 2>/dev/null || rc=1
    kill -TERM "$IC_PID"; wait "$IC_PID" || rc=$?
    IC_PID=""
    log "$name postern round $r: $(tr '\n' ' ' < "$READY"), setup $(elapsed "$t0" "$t1") s, established after $((IDLE_HOLD + 2)) s: $held, idle-conns exit $rc; idle: $before | with $n: $after"
    rm -f "$READY"
    record "$name" postern open_ok "$([ "$rc" = 0 ] && [ "$held" -ge "$n" ] && echo 1 || echo 0)" "$r"
    record "$name" postern setup_s "$(elapsed "$t0" "$t1")" "$r"
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
    for i in $(seq 1 600); do [ "$(established "$port")" -eq 0 ] && break; sleep 0.1; done
    [ "$rc" = 0 ] && [ "$held" -ge "$n" ]
}
