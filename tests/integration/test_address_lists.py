"""Security rules 7 and 8 through the running server, with clients bound to their own loopback
source addresses (Linux routes all of 127.0.0.0/8 locally): a banned source gets a closed
connection without a byte on every service (on smtps before any TLS handshake), a ban or trust
added with the CLI takes effect within about two seconds, a flood of banned connections logs one
line per address per minute, and a trusted source passes the relay check without AUTH while an
ordinary source is refused as before. Expiry is covered by tst_addresslists (a one-minute ban is
too slow for a test)."""

import socket
import ssl
import time

import pytest

from line_clients import first_bytes
from postern_harness import (SERVICES, check, copy_data_dir, log_text, loopback_alias_usable,
                             mail_template, postern, serving_everything, wait_until)  # noqa: F401
from smtp_client_support import RELAYED, REFUSED, relay_answer

BANNED = "127.0.0.10"
FLOODER = "127.0.0.11"
TRUSTED = "127.0.0.12"
ORDINARY = "127.0.0.13"
TLS_BANNED = "127.0.0.14"
DROPPED = 'dropped by "Banned Addresses"'


pytestmark = pytest.mark.skipif(not all(loopback_alias_usable(a) for a in (BANNED, FLOODER, TRUSTED, ORDINARY, TLS_BANNED)),
                                reason="127.0.0.10-14 cannot be bound here")


@pytest.fixture(scope="module")
def running(mail_template, tmp_path_factory):
    data_dir = copy_data_dir(mail_template, tmp_path_factory.mktemp("lists") / "data")
    with serving_everything(data_dir) as server:
        yield server


def cli(server, *args):
    return postern(*args, data_dir=server.data_dir)


def closed_at_once(port, source):
    return first_bytes(port, source, timeout=2.0) == b""


def test_nothing_is_banned_or_trusted_by_default(running):
    assert check(cli(running, "ban", "list")) == ""
    assert check(cli(running, "trust", "list")) == ""
    assert first_bytes(running.ports["smtp"], BANNED).startswith(b"220 ")
    assert relay_answer(running.ports["smtp"], ORDINARY) == REFUSED


def test_ban_added_while_running_closes_every_service_without_a_byte(running):
    assert first_bytes(running.ports["pop3"], BANNED).startswith(b"+OK")
    check(cli(running, "ban", "add", BANNED, "--comment", "test ban"))
    added = time.monotonic()
    assert wait_until(lambda: closed_at_once(running.ports["smtp"], BANNED), timeout=10, interval=0.1)
    assert time.monotonic() - added < 3.0, "the ban took longer than about two seconds"
    for service in SERVICES:
        # Implicit-TLS services send nothing first anyway: the close without a handshake is what shows.
        assert closed_at_once(running.ports[service], BANNED), service
    # Other sources are served as before.
    assert first_bytes(running.ports["smtp"], ORDINARY).startswith(b"220 ")
    assert first_bytes(running.ports["pop3"], ORDINARY).startswith(b"+OK")
    assert wait_until(lambda: f"connection from {BANNED} to smtp {DROPPED} ({BANNED}/32 without expiry, manual: test ban)"
                      in log_text(running.data_dir), timeout=5)

    check(cli(running, "ban", "remove", BANNED))
    assert wait_until(lambda: (first_bytes(running.ports["smtp"], BANNED) or b"").startswith(b"220 "), timeout=10,
                      interval=0.1)


def test_smtps_is_closed_before_the_handshake(running):
    check(cli(running, "ban", "add", f"{TLS_BANNED}/32"))
    try:
        assert wait_until(lambda: closed_at_once(running.ports["smtps"], TLS_BANNED), timeout=10, interval=0.1)
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        with socket.create_connection(("127.0.0.1", running.ports["smtps"]), timeout=5,
                                      source_address=(TLS_BANNED, 0)) as raw:
            with pytest.raises((ssl.SSLError, ConnectionError, OSError)):
                with context.wrap_socket(raw, server_hostname="mail.example.test"):
                    pass
    finally:
        check(cli(running, "ban", "remove", TLS_BANNED))


def test_a_flood_logs_one_line_per_address_per_minute(running):
    # A /30 so the flooder and its neighbour are both covered: each gets its own line.
    check(cli(running, "ban", "add", "127.0.0.8/30", "--minutes", "5"))
    try:
        assert wait_until(lambda: closed_at_once(running.ports["smtp"], BANNED), timeout=10, interval=0.1)
        for _ in range(300):
            with socket.create_connection(("127.0.0.1", running.ports["smtp"]), timeout=5,
                                          source_address=(FLOODER, 0)) as connection:
                try:
                    assert connection.recv(16) == b""
                except ConnectionResetError:
                    pass
        for port in (running.ports["pop3"], running.ports["smtps"]):
            assert closed_at_once(port, FLOODER)
        assert wait_until(lambda: first_bytes(running.ports["smtp"], ORDINARY).startswith(b"220 "), timeout=5)
        time.sleep(1.0)   # the log writer is asynchronous
        text = log_text(running.data_dir)
        flood_lines = [line for line in text.splitlines() if f"connection from {FLOODER} " in line and DROPPED in line]
        assert len(flood_lines) == 1, flood_lines
        assert "127.0.0.8/30 until " in flood_lines[0] and "manual" in flood_lines[0], flood_lines[0]
    finally:
        check(cli(running, "ban", "remove", "127.0.0.8/30"))


def test_trusted_source_relays_without_auth(running):
    assert relay_answer(running.ports["smtp"], TRUSTED) == REFUSED
    check(cli(running, "trust", "add", TRUSTED, "--comment", "office printer"))
    try:
        assert wait_until(lambda: relay_answer(running.ports["smtp"], TRUSTED) == RELAYED, timeout=10, interval=0.2)
        assert relay_answer(running.ports["smtp"], ORDINARY) == REFUSED
        text = log_text(running.data_dir)
        assert (f'rcpt <friend@remote.example>: relay check passed by "Trusted IP Addresses" '
                f'({TRUSTED} in {TRUSTED}/32: office printer)') in text
        assert ('rcpt <friend@remote.example> refused by "Relay" (not a local domain, not authenticated, not trusted) '
                '554 5.7.1') in text
    finally:
        check(cli(running, "trust", "remove", TRUSTED))
    assert wait_until(lambda: relay_answer(running.ports["smtp"], TRUSTED) == REFUSED, timeout=10, interval=0.2)
