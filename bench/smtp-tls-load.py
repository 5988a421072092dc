#!/usr/bin/env python3
"""Submission load over STARTTLS + AUTH PLAIN, the same for any server (Postern, Postfix).

  smtp-tls-load.py HOST PORT --user U --password P [--sessions 20] [--messages 2000]
                   [--size 10240] [--to RCPT] [--from SENDER] [--per-connection 1]
                   [--timeout 30]

Each of --sessions processes sends its share of --messages: per connection, EHLO, STARTTLS,
EHLO, AUTH PLAIN, then --per-connection messages (MAIL, RCPT, DATA), QUIT; a new connection
after that (1 = a new TLS handshake and login for every message, as a mail client submitting
one message does). The certificate is not verified: both servers use the same self-signed one.
Prints one line: target, sessions, messages, accept_s, accept_msgs_per_s, tls versions seen,
client_cpu_s. Exit 0 when every message got its 250, 2 otherwise (the failures to stderr).
Loopback only: HOST must be 127.0.0.0/8 or ::1. Every socket operation has --timeout.
"""
import argparse
import ipaddress
import multiprocessing
import os
import smtplib
import ssl
import sys
import time


def body(size, sender, rcpt, n):
    head = (f"From: <{sender}>\r\nTo: <{rcpt}>\r\nSubject: tls load {n}\r\n"
            f"Message-ID: <tls-load-{os.getpid()}-{n}@bench.test>\r\n\r\n")
    line = b"x" * 78 + b"\r\n"
    payload = (line * (size // len(line) + 1))[:size]
    return head.encode() + payload


def worker(args, count, results):
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    sent = 0
    versions = {}
    errors = []
    n = 0
    while sent < count and len(errors) < 5:
        try:
            with smtplib.SMTP(args.host, args.port, timeout=args.timeout) as smtp:
                smtp.ehlo("load.bench.test")
                smtp.starttls(context=context)
                versions[smtp.sock.version()] = versions.get(smtp.sock.version(), 0) + 1
                smtp.ehlo("load.bench.test")
                smtp.user, smtp.password = args.user, args.password
                code, reply = smtp.auth("PLAIN", smtp.auth_plain)
                if code != 235:
                    raise smtplib.SMTPAuthenticationError(code, reply)
                for _ in range(min(args.per_connection, count - sent)):
                    n += 1
                    refused = smtp.sendmail(args.sender, [args.to], body(args.size, args.sender, args.to, n))
                    if refused:
                        raise smtplib.SMTPRecipientsRefused(refused)
                    sent += 1
        except (OSError, smtplib.SMTPException) as error:
            errors.append(f"{type(error).__name__}: {error}")
    usage = os.times()
    results.put((sent, versions, errors, usage.user + usage.system))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--size", type=int, default=10240)
    parser.add_argument("--to", default="bench@bench.test")
    parser.add_argument("--from", dest="sender", default="sender@bench.test")
    parser.add_argument("--per-connection", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=30.0)
    args = parser.parse_args()
    if not ipaddress.ip_address(args.host).is_loopback:
        parser.error("HOST must be a loopback address")
    if not (1 <= args.sessions <= 200 and 1 <= args.messages <= 100000 and args.per_connection >= 1):
        parser.error("sessions 1..200, messages 1..100000, per-connection >= 1")

    shares = [args.messages // args.sessions + (1 if i < args.messages % args.sessions else 0)
              for i in range(args.sessions)]
    results = multiprocessing.Queue()
    processes = [multiprocessing.Process(target=worker, args=(args, share, results)) for share in shares]
    start = time.monotonic()
    for process in processes:
        process.start()
    collected = [results.get(timeout=args.timeout * (args.messages + 10)) for _ in processes]
    elapsed = time.monotonic() - start
    for process in processes:
        process.join(timeout=args.timeout)

    sent = sum(r[0] for r in collected)
    versions = {}
    for r in collected:
        for version, count in r[1].items():
            versions[version] = versions.get(version, 0) + count
    errors = [e for r in collected for e in r[2]]
    cpu = sum(r[3] for r in collected)
    for error in errors[:10]:
        print("smtp-tls-load.py: " + error, file=sys.stderr)
    tls = ",".join(f"{v}:{c}" for v, c in sorted(versions.items()))
    print(f"smtp-tls target={args.host}:{args.port} sessions={args.sessions} messages={sent} bytes={args.size} "
          f"per_connection={args.per_connection} accept_s={elapsed:.3f} accept_msgs_per_s={sent / elapsed:.1f} "
          f"tls={tls} client_cpu_s={cpu:.2f}")
    return 0 if sent == args.messages and not errors else 2


if __name__ == "__main__":
    sys.exit(main())
