"""Reads the conversation files of tests/transcripts (see its README.md) and replays one against a
running server over TCP. The parsing follows tests/support/transcript.cpp line for line, so a file
means the same to the unit test (pure session) and to the integration test (real server).

    transcript = load("tests/transcripts/smtp/basic-ehlo-data.txt")
    transcript.settings            # {"message.max_size": "100"} from the @set lines
    transcript.directives          # {"tls": "available", "service": "submission"} from the other @ lines
    transcript.needs_tls()         # a [*** STARTTLS ***] marker or an @tls line
    lines = replay(transcript, port)   # the server's lines; TranscriptMismatch with the exchange so far

Each step's client bytes go out in one sendall; then server lines (ended by CRLF) are read until
the step's expected number has arrived (10 s per step), compared with '*' wildcards, and after the
last one the connection is watched briefly (50 ms) for a line nobody expected. A step ending in X
must then see the server close the connection (recv returns b"") with nothing more sent.
"""

import re
import socket
import ssl
import time
from dataclasses import dataclass, field

STEP_TIMEOUT = 10.0       # seconds for the expected lines of one step (and for the close after X)
QUIET_PERIOD = 0.05       # seconds to watch for an unexpected extra line after a step
CONNECT_TIMEOUT = 10.0


class TranscriptError(ValueError):
    """A malformed transcript file ("path:line: why", like Transcript::load)."""


class TranscriptMismatch(AssertionError):
    """The server did not answer as the transcript says."""


@dataclass
class Step:
    client_bytes: bytes = b""                      # sent in one go (empty for the greeting)
    expected: list = field(default_factory=list)   # server lines without CRLF, '*' as wildcard
    expect_close: bool = False                     # the server closes after these lines
    start_tls: bool = False                        # [*** STARTTLS ***]: the TLS handshake follows


STARTTLS_MARKER = "[*** STARTTLS ***]"
DIRECTIVES = {
    "tls": lambda value: value in ("available", "active"),
    "auth": lambda value: value == "unavailable",
    "service": lambda value: value in ("smtp", "submission", "pop3"),
    "client": lambda value: _is_ip(value),
}


def _is_ip(text):
    for family in (socket.AF_INET, socket.AF_INET6):
        try:
            socket.inet_pton(family, text)
            return True
        except OSError:
            pass
    return False


@dataclass
class Transcript:
    path: str
    steps: list
    settings: dict
    directives: dict = field(default_factory=dict)

    def all_client_bytes(self):
        return b"".join(step.client_bytes for step in self.steps)

    def needs_tls(self):
        """A STARTTLS marker or an @tls line (Transcript::needsTls)."""
        return "tls" in self.directives or any(step.start_tls for step in self.steps)


def unescape(text):
    """The bytes of an R: line: UTF-8 of ``text`` with \\r \\n \\t \\\\ \\xHH decoded; None on a bad
    escape (Transcript::unescape)."""
    utf8 = text.encode("utf-8")
    out = bytearray()
    i = 0
    while i < len(utf8):
        c = utf8[i]
        if c != 0x5C:  # backslash
            out.append(c)
            i += 1
            continue
        i += 1
        if i >= len(utf8):
            return None
        kind = utf8[i:i + 1]
        if kind == b"r":
            out += b"\r"
        elif kind == b"n":
            out += b"\n"
        elif kind == b"t":
            out += b"\t"
        elif kind == b"\\":
            out += b"\\"
        elif kind == b"x":
            digits = utf8[i + 1:i + 3]
            if len(digits) != 2 or not re.fullmatch(rb"[0-9A-Fa-f]{2}", digits):
                return None
            out.append(int(digits, 16))
            i += 2
        else:
            return None
        i += 1
    return bytes(out)


def matches(pattern, line):
    """True when ``line`` equals ``pattern``, '*' in the pattern matching any run of characters."""
    if "*" not in pattern:
        return pattern == line
    regex = ".*".join(re.escape(part) for part in pattern.split("*"))
    return re.fullmatch(regex, line, re.DOTALL) is not None


def load(path):
    """Parses one transcript file; raises TranscriptError on a malformed one."""
    with open(path, "rb") as handle:
        data = handle.read()
    steps = []
    settings = {}
    directives = {}
    current = Step()
    saw_server_line = False

    def fail(number, why):
        raise TranscriptError(f"{path}:{number}: {why}")

    for number, raw in enumerate(data.split(b"\n"), start=1):
        line = raw.decode("utf-8", errors="replace")
        if line.endswith("\r"):
            line = line[:-1]
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@set "):
            assignment = line[5:].strip()
            eq = assignment.find("=")
            if eq <= 0:
                fail(number, "@set needs key=value")
            settings[assignment[:eq]] = assignment[eq + 1:]
            continue
        if line.startswith("@"):
            name, _, value = line[1:].partition(" ")
            value = value.strip()
            if name not in DIRECTIVES:
                fail(number, f"unknown directive @{name}")
            if not DIRECTIVES[name](value):
                fail(number, f"bad value for @{name}: {value!r}")
            directives[name] = value
            continue
        if line.strip() == STARTTLS_MARKER:
            if current.expect_close or current.start_tls:
                fail(number, "STARTTLS marker after X or twice")
            current.start_tls = True
            continue
        client = line.startswith("C: ") or line == "C:"
        raw_line = line.startswith("R: ")
        if client or raw_line:
            if saw_server_line or current.expect_close or current.start_tls:
                steps.append(current)
                current = Step()
                saw_server_line = False
            if client:
                current.client_bytes += line[3:].encode("utf-8") + b"\r\n"
            else:
                decoded = unescape(line[3:])
                if decoded is None:
                    fail(number, "bad escape in R: line")
                current.client_bytes += decoded
        elif line.startswith("S: ") or line == "S:":
            current.expected.append(line[3:])
            saw_server_line = True
        elif line.strip() == "X":
            current.expect_close = True
        else:
            fail(number, f'unknown line "{line}"')
    if current.client_bytes or current.expected or current.expect_close or current.start_tls:
        steps.append(current)
    if not steps:
        fail(len(data.split(b"\n")), "empty transcript")
    return Transcript(path=str(path), steps=steps, settings=settings, directives=directives)


def _show(data, limit=200):
    text = repr(data)
    return text if len(text) <= limit else text[:limit] + f"... ({len(data)} bytes)"


class _LineReader:
    """Reads CRLF-terminated lines from a socket with deadlines."""

    def __init__(self, connection):
        self.connection = connection
        self.buffer = b""
        self.closed = False
        self.reset = False   # closed by a RST rather than a FIN

    def _receive(self, timeout):
        """One recv with ``timeout`` seconds; False on timeout. Sets self.closed on EOF."""
        if self.closed:
            return False
        self.connection.settimeout(max(timeout, 0.001))
        try:
            chunk = self.connection.recv(65536)
        except socket.timeout:
            return False
        except ConnectionResetError:
            self.closed = self.reset = True
            return False
        if not chunk:
            self.closed = True
            return False
        self.buffer += chunk
        return True

    def line(self, deadline):
        """The next line (bytes, without CRLF), or None when the deadline passes or the peer closes."""
        while b"\r\n" not in self.buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self.closed:
                return None
            self._receive(remaining)
        line, self.buffer = self.buffer.split(b"\r\n", 1)
        return line

    def wait_quiet(self, seconds):
        """Waits up to ``seconds`` for more data; returns whatever is buffered then."""
        deadline = time.monotonic() + seconds
        while not self.buffer and not self.closed:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            self._receive(remaining)
        return self.buffer

    def wait_close(self, deadline):
        """Reads until EOF or the deadline; True when the peer closed. Data read meanwhile stays
        in self.buffer."""
        while not self.closed:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            self._receive(remaining)
        return True


def replay(transcript, port, host="127.0.0.1", step_timeout=STEP_TIMEOUT, quiet=QUIET_PERIOD):
    """Replays ``transcript`` (a Transcript or a path) against host:port; raises
    TranscriptMismatch describing the first difference. Returns every line the server sent (str).
    With @tls active the connection is TLS from the start (port is an implicit-TLS one: see
    service_for); at a [*** STARTTLS ***] marker the handshake follows the step's lines, and the
    server must have sent nothing more in clear text. The server's certificate is not verified."""
    if not isinstance(transcript, Transcript):
        transcript = load(transcript)
    log = []  # the exchange so far, for the failure message
    received = []

    def mismatch(number, why):
        history = "\n".join(log[-40:])
        raise TranscriptMismatch(f"{transcript.path} step {number}: {why}\n--- exchange (last lines) ---\n{history}")

    def handshake(plain):
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        plain.settimeout(step_timeout)
        try:
            return context.wrap_socket(plain)
        except (OSError, ssl.SSLError) as error:
            mismatch(0, f"TLS handshake failed: {error!r}")

    with socket.create_connection((host, port), timeout=CONNECT_TIMEOUT) as connection:
        if transcript.directives.get("tls") == "active":
            connection = handshake(connection)
            log.append("-- TLS (implicit) --")
        reader = _LineReader(connection)
        for number, step in enumerate(transcript.steps, start=1):
            if step.client_bytes:
                if reader.closed:
                    mismatch(number, "the server closed the connection before this step")
                log.append(f"C> {_show(step.client_bytes)}")
                connection.settimeout(step_timeout)
                try:
                    connection.sendall(step.client_bytes)
                except OSError as error:
                    mismatch(number, f"sending failed: {error!r}")
            deadline = time.monotonic() + step_timeout
            for index, pattern in enumerate(step.expected, start=1):
                raw = reader.line(deadline)
                if raw is None:
                    state = "the server closed the connection" if reader.closed else f"nothing within {step_timeout} s"
                    mismatch(number, f"expected line {index} of {len(step.expected)} {pattern!r}: {state}; "
                                     f"partial data {_show(reader.buffer)}")
                got = raw.decode("utf-8", errors="replace")
                log.append(f"S< {got!r}")
                received.append(got)
                if not matches(pattern, got):
                    mismatch(number, f"line {index}: got {got!r}, want {pattern!r}")
            if step.expect_close:
                closed = reader.wait_close(time.monotonic() + step_timeout)
                if reader.buffer:
                    mismatch(number, f"unexpected data before the close: {_show(reader.buffer)}")
                if not closed:
                    mismatch(number, f"the server did not close the connection within {step_timeout} s")
                if reader.reset:
                    mismatch(number, "the connection was reset instead of closed (a RST can destroy the last reply)")
                log.append("S< (closed)")
            else:
                extra = reader.wait_quiet(quiet)
                if extra:
                    mismatch(number, f"unexpected extra data after the expected lines: {_show(extra)}")
                if reader.closed:
                    mismatch(number, "the server closed the connection unexpectedly")
            if step.start_tls:
                connection = handshake(connection)
                reader.connection = connection
                log.append(f"-- TLS ({connection.version()}) --")
    return received


# A pair that cannot load: the server then runs without TLS, as the pure session does when a
# transcript says nothing about TLS (STARTTLS not offered, 454 / -ERR when asked).
NO_CERTIFICATE = {"tls.cert_file": "/nonexistent/postern-transcripts/cert.pem",
                  "tls.key_file": "/nonexistent/postern-transcripts/key.pem"}
IMPLICIT_TLS_SERVICE = {"smtp": "smtps", "submission": "smtps", "pop3": "pop3s"}


def server_settings_for(transcript):
    """The settings of the server a transcript runs against: its @set lines, and without an @tls
    line a certificate that cannot load (the server generates one otherwise)."""
    settings = dict(transcript.settings)
    if "tls" not in transcript.directives:
        settings.update(NO_CERTIFICATE)
    return settings


def service_for(transcript, protocol):
    """The service (listener) a transcript talks to: its @service, or ``protocol``; the
    implicit-TLS one for @tls active."""
    service = transcript.directives.get("service", protocol)
    if transcript.directives.get("tls") == "active":
        return IMPLICIT_TLS_SERVICE[service]
    return service


def real_server_skip_reason(transcript):
    """Why a transcript cannot run against the real server over loopback, or None when it can."""
    if transcript.directives.get("auth") == "unavailable":
        return ("a temporary credential failure (the password pool overloaded) cannot be produced on demand in "
                "the real server; the pure session replays it")
    client = transcript.directives.get("client")
    if client and client not in ("127.0.0.1", "::1"):
        return (f"client address {client} is not loopback; the pure session replays it (the plaintext policy "
                f"against the real server is test_smtp_auth.py's table, from 127.0.0.2)")
    return None
