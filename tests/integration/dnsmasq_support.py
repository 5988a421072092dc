"""dnsmasq on loopback with fixture records, for tests that need real DNS answers without touching
outside DNS (stdlib only; pytest to skip). The twin of tests/support/dnsmasqserver.

    with Dnsmasq(["--mx-host=mail.test,mx1.mail.test,10"]) as dns:   # raises DnsmasqUnavailable
        settings["dns.servers"] = dns.server                         # "127.0.0.1:PORT"

    dns = dnsmasq_fixture(records)        # in a test module: a fixture that skips instead

It has no upstream; it answers NXDOMAIN for unknown names under test. and the reverse zones, and
REFUSED for everything else.
"""

import os
import shutil
import socket
import struct
import subprocess
import tempfile
import time

TIMEOUT = 10
START_ATTEMPTS = 5


class DnsmasqUnavailable(RuntimeError):
    """dnsmasq is not installed."""


class DnsmasqError(RuntimeError):
    """dnsmasq is installed but did not start; that is a bug, not a reason to skip."""


def binary():
    return shutil.which("dnsmasq") or shutil.which("dnsmasq", path="/usr/sbin:/sbin") or ""


def base_records(ttl=300):
    return ["--local=/test/", "--local=/in-addr.arpa/", "--local=/ip6.arpa/", f"--local-ttl={ttl}"]


def _free_port():
    """A port free for both UDP and TCP on 127.0.0.1 right now (dnsmasq binds both)."""
    for _ in range(20):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
            udp.bind(("127.0.0.1", 0))
            port = udp.getsockname()[1]
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp:
                try:
                    tcp.bind(("127.0.0.1", port))
                except OSError:
                    continue
                return port
    raise DnsmasqError("no free loopback port for dnsmasq")


class Dnsmasq:
    def __init__(self, records=(), ttl=300):
        self.records = base_records(ttl) + list(records)
        self.port = 0
        self._process = None
        self._log = None

    @property
    def server(self):
        return f"127.0.0.1:{self.port}"

    def start(self):
        program = binary()
        if not program:
            raise DnsmasqUnavailable("dnsmasq is not installed (apt-get install dnsmasq)")
        for _ in range(START_ATTEMPTS):
            self.port = _free_port()
            self._log = tempfile.TemporaryFile()
            self._process = subprocess.Popen(
                [program, "--no-daemon", "--no-resolv", "--no-hosts", "--conf-file=/dev/null", "--bind-interfaces",
                 "--log-facility=-", "--log-queries", "--cache-size=0", f"--port={self.port}",
                 "--listen-address=127.0.0.1", *self.records],
                stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT)
            deadline = time.monotonic() + TIMEOUT
            while time.monotonic() < deadline and self._process.poll() is None:
                if "started, version" in self.log():
                    return self
                time.sleep(0.02)
            log = self.log()
            self.stop()
            if "in use" not in log:
                raise DnsmasqError(f"dnsmasq failed: {log.strip()}")
        raise DnsmasqError("dnsmasq found no free port")

    def log(self):
        if not self._log:
            return ""
        self._log.seek(0)
        return self._log.read().decode(errors="replace")

    def queries_for(self, name):
        return sum(1 for line in self.log().splitlines() if "query[" in line and f"] {name} from" in line)

    def stop(self):
        if self._process and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(TIMEOUT)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(TIMEOUT)
        self._process = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        if self._log:
            self._log.close()
            self._log = None


def query(server, name, qtype, timeout=2.0):
    """One question over UDP; returns (rcode, answer count). For checking a fixture, not a resolver."""
    host, port = server.rsplit(":", 1)
    packet = struct.pack(">HHHHHH", os.getpid() & 0xFFFF, 0x0100, 1, 0, 0, 0)
    for label in name.rstrip(".").split("."):
        packet += bytes([len(label)]) + label.encode("ascii")
    packet += b"\0" + struct.pack(">HH", qtype, 1)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        udp.settimeout(timeout)
        udp.sendto(packet, (host, int(port)))
        reply = udp.recv(4096)
    flags, _questions, answers = struct.unpack(">HHH", reply[2:8])
    return flags & 0x0F, answers


def dnsmasq_fixture(records=(), scope="function"):
    """A pytest fixture running dnsmasq with `records`; skips where dnsmasq is not installed.
    scope="module" shares one dnsmasq between the tests of a module."""
    import pytest

    @pytest.fixture(scope=scope)
    def fixture():
        try:
            with Dnsmasq(records) as dns:
                yield dns
        except DnsmasqUnavailable as why:
            pytest.skip(str(why))

    return fixture
