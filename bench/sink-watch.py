#!/usr/bin/env python3
"""Runs Postfix's smtp-sink and timestamps the messages it takes in, for bench/outbound.sh.

  sink-watch.py ADDR:PORT --expect N --ready FILE --done FILE [--timeout S] [--user nobody]

Starts `smtp-sink -c` (it prints a running "sess=S quit=Q mesg=M" counter, updated when "." is
received) on ADDR:PORT, writes `ready pid=SINKPID` to --ready once the port accepts connections,
and writes `msgs=N first=T1 last=T2` to --done the moment the counter reaches N (T1: the first
message, T2: the N-th; both Unix time with fractions, comparable with `date +%s.%N`). It keeps
counting after that, so that a duplicate delivery shows up: on SIGTERM or SIGINT it stops
smtp-sink and prints `sink msgs=M sessions=S first=T1 last=T2` (last: the latest message) to
stdout. Exit status 0, or 1 if smtp-sink did not start or --timeout (default 1800 s) passed.
Both files are written whole (temp file + rename), so a reader never sees half a line.
"""
import argparse
import os
import re
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import time

COUNTER = re.compile(rb"sess=(\d+) quit=\d+ mesg=(\d+)")
START_TIMEOUT = 15


def write_whole(path, text):
    with open(path + ".tmp", "w") as f:
        f.write(text + "\n")
    os.replace(path + ".tmp", path)


def port_open(host, port):
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("listen", help="ADDR:PORT for smtp-sink (loopback)")
    ap.add_argument("--expect", type=int, required=True, help="write --done when this many messages are in")
    ap.add_argument("--ready", required=True)
    ap.add_argument("--done", required=True)
    ap.add_argument("--timeout", type=float, default=1800.0, help="overall bound in seconds")
    ap.add_argument("--user", default="nobody", help="smtp-sink -u (required when run as root)")
    args = ap.parse_args()
    host, _, port = args.listen.rpartition(":")
    if not host.startswith("127.") or not port.isdigit() or args.expect < 1:
        ap.error("listen must be 127.x.x.x:PORT and --expect >= 1")
    sink = shutil.which("smtp-sink") or "/usr/sbin/smtp-sink"
    cmd = [sink, "-c", "-m", "1200"] + (["-u", args.user] if os.geteuid() == 0 else []) + [args.listen, "1200"]
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)

    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    signal.signal(signal.SIGINT, lambda *_: stop.append(1))

    deadline = time.monotonic() + START_TIMEOUT
    while not port_open(host, int(port)):
        if proc.poll() is not None or time.monotonic() > deadline or stop:
            out = proc.stdout.read().decode(errors="replace") if proc.poll() is not None else ""
            print(f"sink-watch.py: smtp-sink did not start on {args.listen}: {out.strip()}", file=sys.stderr)
            proc.kill()
            proc.wait()
            return 1
        time.sleep(0.05)
    write_whole(args.ready, f"ready pid={proc.pid}")

    os.set_blocking(proc.stdout.fileno(), False)
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    msgs = sessions = 0
    first = last = None
    done = False
    pending = b""
    other = []  # smtp-sink's own messages (warnings), shown at the end
    end = time.monotonic() + args.timeout
    rc = 0
    while not stop:
        if time.monotonic() > end:
            print(f"sink-watch.py: --timeout {args.timeout:g} s passed with {msgs} messages", file=sys.stderr)
            rc = 1
            break
        if not sel.select(timeout=0.5):
            if proc.poll() is not None:
                break
            continue
        now = time.time()
        try:
            chunk = os.read(proc.stdout.fileno(), 65536)
        except BlockingIOError:
            continue
        if not chunk:
            break
        pending += chunk
        *lines, pending = re.split(rb"[\r\n]", pending)
        for line in lines:
            m = COUNTER.search(line)
            if not m:
                if line.strip():
                    other.append(line.decode(errors="replace"))
                continue
            sessions = int(m.group(1))
            count = int(m.group(2))
            if count > msgs:
                msgs = count
                last = now
                if first is None:
                    first = now
        if not done and msgs >= args.expect:
            done = True
            write_whole(args.done, f"msgs={msgs} first={first:.6f} last={last:.6f}")
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    elif not stop:
        print(f"sink-watch.py: smtp-sink exited with {proc.returncode}", file=sys.stderr)
        rc = 1
    for line in other[:20]:
        print(f"sink-watch.py: smtp-sink: {line}", file=sys.stderr)
    fmt = lambda t: "-" if t is None else f"{t:.6f}"
    print(f"sink msgs={msgs} sessions={sessions} first={fmt(first)} last={fmt(last)}")
    return rc


if __name__ == "__main__":
    sys.exit(main())
