"""A receiving SMTP server for the outbound tests: Debian's aiosmtpd on a loopback address, in a
thread, recording what it accepted and answering as a test scripts it (temporary refusals first,
permanent ones for some recipients, a slow answer to the end of data), optionally with STARTTLS
and AUTH, optionally without 8BITMIME in its EHLO answer, counting how many sessions were open at once
(one counter can be shared by several peers). Only loopback: the address must be in 127.0.0.0/8.

    with SmtpPeer("127.0.0.31") as peer:       # a free port on that address
        ...; peer.wait_for_messages(1)
"""

import asyncio
import ipaddress
import socket
import ssl
import threading
import time

import pytest

try:
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import SMTP, AuthResult
except ImportError:  # pragma: no cover - the CI installs python3-aiosmtpd
    Controller = None

TIMEOUT = 10


def aiosmtpd_available():
    return Controller is not None


def require_aiosmtpd():
    if Controller is None:
        pytest.skip("python3-aiosmtpd is not installed")


def free_port(address):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((address, 0))
        return probe.getsockname()[1]


class Received:
    """One message the peer accepted: envelope, content, and how it came."""

    def __init__(self, sender, recipients, content, tls, login, mail_options):
        self.sender = sender
        self.recipients = recipients
        self.content = content
        self.tls = tls
        self.login = login
        self.mail_options = mail_options


class SessionCounter:
    """How many SMTP sessions are open now and the most that were open at once. Thread-safe: each
    peer's aiosmtpd runs its own event loop thread, and peers may share one counter."""

    def __init__(self):
        self._lock = threading.Lock()
        self.open = 0
        self.peak = 0
        self.total = 0

    def opened(self):
        with self._lock:
            self.open += 1
            self.total += 1
            self.peak = max(self.peak, self.open)

    def closed(self):
        with self._lock:
            self.open -= 1


def _counting_controller(sessions):
    """An aiosmtpd Controller class whose sessions count in ``sessions`` from the accepted
    connection to QUIT or the lost connection, whichever comes first. Ending at QUIT matters: the
    client may open its next connection as soon as it has the 221, before this loop sees the old
    one close."""
    class CountingSMTP(SMTP):
        _counted = False

        def connection_made(self, transport):
            first = self.transport is None   # STARTTLS calls this again for the same session
            super().connection_made(transport)
            if first:
                self._counted = True
                sessions.opened()

        def connection_lost(self, error):
            self.session_ended()
            super().connection_lost(error)

        def session_ended(self):
            if self._counted:
                self._counted = False
                sessions.closed()

    class CountingController(Controller):
        def factory(self):
            return CountingSMTP(self.handler, **self.SMTP_kwargs)
    return CountingController


class _Handler:
    def __init__(self, peer):
        self.peer = peer

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        # aiosmtpd 1.4's five-argument hook: it takes over remembering the client's name and
        # returns the lines to send.
        session.host_name = hostname
        if not self.peer.eightbitmime:
            responses = [line for line in responses if line[4:].upper() != "8BITMIME"]
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        reply = self.peer._next_rcpt_reply(address)
        if reply.startswith("250"):
            envelope.rcpt_tos.append(address)
        return reply

    async def handle_QUIT(self, server, session, envelope):
        server.session_ended()
        return "221 Bye"

    async def handle_DATA(self, server, session, envelope):
        self.peer._data_started.set()
        if self.peer.data_delay:
            await asyncio.sleep(self.peer.data_delay)
        reply = self.peer._next_data_reply()
        # The client may be gone by now (killed while we waited): then nothing was accepted.
        if reply.startswith("250") and not server.transport.is_closing():
            login = session.auth_data.login.decode() if session.authenticated and session.auth_data else None
            self.peer._record(Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content,
                                       session.ssl is not None or self.peer.implicit_tls, login,
                                       list(envelope.mail_options)))
        return reply


class SmtpPeer:
    """aiosmtpd on ``address``:``port`` (0: a free one). ``tls``: (certificate, key) for STARTTLS;
    ``implicit_tls``: TLS from the first byte instead; ``logins``: {user: password} required
    (AUTH only over TLS); ``rcpt_replies``: {address: [reply, ...]} answered in turn (then 250);
    ``data_replies``: [reply, ...] for the end of data in turn (then 250); ``data_delay``: seconds
    to wait before answering the end of data; ``eightbitmime``: False leaves 8BITMIME out of the
    EHLO answer, as a 7-bit-only server (RFC 6152 §3 then asks the client to convert); ``sessions``: a
    SessionCounter to count this peer's sessions in (several peers may share one), else its own;
    ``peer.sessions.peak`` is the most sessions that were open at once."""

    def __init__(self, address, port=0, tls=None, implicit_tls=False, logins=None, rcpt_replies=None,
                 data_replies=None, data_delay=0, smtputf8=True, eightbitmime=True, sessions=None):
        if not ipaddress.ip_address(address).is_loopback:
            raise ValueError("test peers listen on loopback only")
        require_aiosmtpd()
        self.address = address
        self.port = port or free_port(address)
        self.data_delay = data_delay
        self.eightbitmime = eightbitmime
        self.implicit_tls = implicit_tls   # a plaintext client never gets past the handshake
        self.rcpt_replies = {key.lower(): list(value) for key, value in (rcpt_replies or {}).items()}
        self.data_replies = list(data_replies or [])
        self.sessions = sessions or SessionCounter()
        self.messages = []
        self.rcpt_attempts = []
        self._lock = threading.Condition()
        self._data_started = threading.Event()
        kwargs = {"enable_SMTPUTF8": smtputf8}
        context = None
        if tls:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*tls)
        if context and not implicit_tls:
            kwargs["tls_context"] = context
        if logins is not None:
            kwargs["auth_required"] = True
            # aiosmtpd counts only STARTTLS as TLS; with implicit TLS the whole session is encrypted.
            kwargs["auth_require_tls"] = not implicit_tls
            kwargs["authenticator"] = self._authenticator(logins)
        controller = _counting_controller(self.sessions)
        self._controller = controller(_Handler(self), hostname=address, port=self.port,
                                      ssl_context=context if implicit_tls else None, ready_timeout=TIMEOUT,
                                      server_hostname=f"peer-{address}", **kwargs)

    @staticmethod
    def _authenticator(logins):
        def check(server, session, envelope, mechanism, auth_data):
            try:
                ok = logins.get(auth_data.login.decode()) == auth_data.password.decode()
            except AttributeError:
                ok = False
            return AuthResult(success=ok, handled=False, auth_data=auth_data)
        return check

    def __enter__(self):
        self._controller.start()
        return self

    def __exit__(self, *exc_info):
        self._controller.stop()

    def _next_rcpt_reply(self, address):
        with self._lock:
            self.rcpt_attempts.append(address)
            queue = self.rcpt_replies.get(address.lower())
            return queue.pop(0) if queue else "250 2.1.5 OK"

    def _next_data_reply(self):
        with self._lock:
            return self.data_replies.pop(0) if self.data_replies else "250 2.0.0 accepted"

    def _record(self, received):
        with self._lock:
            self.messages.append(received)
            self._lock.notify_all()

    def wait_for_messages(self, count, timeout=TIMEOUT):
        """The messages once at least ``count`` arrived; fails after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while len(self.messages) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"peer {self.address}:{self.port} got {len(self.messages)} of {count} messages")
                self._lock.wait(left)
            return list(self.messages)

    def wait_for_data(self, timeout=TIMEOUT):
        """Waits until a client has sent a whole message (the end-of-data answer is pending)."""
        if not self._data_started.wait(timeout):
            raise AssertionError("no message data arrived")
