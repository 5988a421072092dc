"""Raw line-protocol clients for the integration tests: LineConnection (one socket, exact bytes
out, CRLF lines in, every wait bounded) and SmtpConnection on top of it, which reads SMTP replies
and raises SmtpReplyError when they do not come; first_bytes, what a server says first to a client
from a given source address."""

import socket
import time


def first_bytes(port, source, timeout=5.0):
    """What the server sends a client from `source` before closing or within `timeout`: None if
    it stayed open and silent, else the bytes up to the first line end (b"" for a close without a
    word)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout, source_address=(source, 0)) as connection:
        data = b""
        deadline = time.monotonic() + timeout
        while b"\n" not in data:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return data or None
            connection.settimeout(remaining)
            try:
                chunk = connection.recv(4096)
            except socket.timeout:
                return data or None
            except ConnectionResetError:
                return data
            if not chunk:
                return data
            data += chunk
        return data


class SmtpReplyError(AssertionError):
    pass


class LineConnection:
    """A raw line-protocol client over one socket: exact bytes out, CRLF lines in, every wait
    bounded. Subclasses read their greeting and name the error raised on timeout or EOF."""

    error = AssertionError

    def __init__(self, port, host="127.0.0.1", timeout=10):
        self.timeout = timeout
        self.socket = socket.create_connection((host, port), timeout=timeout)
        self.buffer = b""

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def close(self):
        try:
            self.socket.close()
        except OSError:
            pass

    def send(self, data):
        self.socket.settimeout(self.timeout)
        self.socket.sendall(data)

    def raw_line(self, timeout=None):
        """One line as bytes without CRLF."""
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        while b"\r\n" not in self.buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise self.error(f"no complete line within the timeout; have {self.buffer[:200]!r}")
            self.socket.settimeout(remaining)
            try:
                chunk = self.socket.recv(65536)
            except socket.timeout:
                continue
            if not chunk:
                raise self.error(f"the server closed the connection; have {self.buffer[:200]!r}")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\r\n", 1)
        return line

    def line(self, timeout=None):
        """One line as str without CRLF."""
        return self.raw_line(timeout).decode("utf-8", errors="replace")

    def wait_closed(self, timeout=None):
        """Reads until EOF; returns the bytes that came before it. Raises on timeout."""
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        data, self.buffer = self.buffer, b""
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise self.error(f"the server did not close the connection; got {data[:200]!r}")
            self.socket.settimeout(remaining)
            try:
                chunk = self.socket.recv(65536)
            except socket.timeout:
                continue
            except ConnectionResetError:
                return data
            if not chunk:
                return data
            data += chunk


class SmtpConnection(LineConnection):
    """A raw SMTP client over one socket: exact bytes out, whole replies in (every wait bounded).

        with SmtpConnection(port) as smtp:
            code, lines = smtp.greeting
            smtp.command("EHLO client.example")      # -> (250, ["mail.example.test", "PIPELINING", ...])
            smtp.send(b"raw bytes"); smtp.reply()
    """

    error = SmtpReplyError

    def __init__(self, port, host="127.0.0.1", timeout=10, read_greeting=True):
        super().__init__(port, host, timeout)
        self.greeting = self.reply() if read_greeting else None

    def reply(self, timeout=None):
        """A whole (multi-line) reply: (code, [texts])."""
        texts = []
        while True:
            line = self.line(timeout)
            if len(line) < 4 or not line[:3].isdigit() or line[3] not in " -":
                raise SmtpReplyError(f"malformed reply line {line!r}")
            texts.append(line[4:])
            if line[3] == " ":
                return int(line[:3]), texts

    def command(self, text, timeout=None):
        self.send(text.encode("utf-8") + b"\r\n")
        return self.reply(timeout)

    def expect(self, code, text=None, timeout=None):
        got = self.command(text, timeout) if text is not None else self.reply(timeout)
        assert got[0] == code, f"{text!r}: expected {code}, got {got}"
        return got
