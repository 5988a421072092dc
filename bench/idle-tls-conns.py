#!/usr/bin/env python3
"""Open N SMTP connections, take each through STARTTLS and hold it idle, so that the server's
memory per idle TLS connection can be read meanwhile (with ../shared/bench/proc-mem.py).

  idle-tls-conns.py HOST PORT N [--hold S] [--ready-file F] [--setup-timeout S]

Per connection: greeting, EHLO, STARTTLS, TLS handshake (certificate not verified), EHLO.
Writes "open=N failed=M" and a line "tls=VERSION:COUNT,..." to --ready-file once every connection is set
up, then holds until SIGTERM/SIGINT or --hold seconds (default 120), closes all and exits 0
when all N came up, 2 otherwise. Loopback only; N <= 5000; every step has --setup-timeout.
"""
import argparse
import asyncio
import ipaddress
import os
import resource
import signal
import ssl
import sys

MAX_CONNS = 5000


async def read_reply(reader, timeout):
    lines = []
    while True:
        line = await asyncio.wait_for(reader.readline(), timeout)
        if not line:
            raise ConnectionError("connection closed by server")
        lines.append(line)
        if len(line) < 4 or line[3:4] != b"-":
            return b"".join(lines)


async def expect(reader, code, timeout, what):
    reply = await read_reply(reader, timeout)
    if not reply.startswith(code):
        raise ConnectionError(f"{what}: {reply[:80]!r}")


async def setup_one(args, context, sem, conns, failures, versions):
    async with sem:
        writer = None
        try:
            reader, writer = await asyncio.wait_for(asyncio.open_connection(args.host, args.port), args.setup_timeout)
            await expect(reader, b"220", args.setup_timeout, "greeting")
            writer.write(b"EHLO idle.bench.test\r\n")
            await expect(reader, b"250", args.setup_timeout, "EHLO")
            writer.write(b"STARTTLS\r\n")
            await expect(reader, b"220", args.setup_timeout, "STARTTLS")
            await asyncio.wait_for(writer.start_tls(context, server_hostname=None), args.setup_timeout)
            version = writer.get_extra_info("ssl_object").version()
            writer.write(b"EHLO idle.bench.test\r\n")
            await expect(reader, b"250", args.setup_timeout, "EHLO after STARTTLS")
            versions[version] = versions.get(version, 0) + 1
            conns.append(writer)
        except (OSError, asyncio.TimeoutError, ConnectionError, ssl.SSLError) as error:
            failures.append(f"{type(error).__name__}: {error}")
            if writer is not None:
                writer.close()


async def main_async(args):
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    conns, failures, versions = [], [], {}
    sem = asyncio.Semaphore(32)
    await asyncio.gather(*(setup_one(args, context, sem, conns, failures, versions) for _ in range(args.n)))
    for failure in failures[:10]:
        print("idle-tls-conns.py: " + failure, file=sys.stderr)
    if args.ready_file:
        tls = ",".join(f"{v}:{c}" for v, c in sorted(versions.items()))
        with open(args.ready_file + ".tmp", "w") as f:
            f.write(f"open={len(conns)} failed={len(failures)}\ntls={tls}\n")
        os.replace(args.ready_file + ".tmp", args.ready_file)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    try:
        await asyncio.wait_for(stop.wait(), args.hold)
    except asyncio.TimeoutError:
        pass
    for writer in conns:
        writer.close()
    return 0 if not failures else 2


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("n", type=int)
    parser.add_argument("--hold", type=float, default=120.0)
    parser.add_argument("--ready-file")
    parser.add_argument("--setup-timeout", type=float, default=30.0)
    args = parser.parse_args()
    if not ipaddress.ip_address(args.host).is_loopback:
        parser.error("HOST must be a loopback address")
    if not 1 <= args.n <= MAX_CONNS:
        parser.error(f"N must be 1..{MAX_CONNS}")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < args.n + 64:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, args.n + 64), hard))
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())
