"""POP3 logins and auth.plaintext through the real server with poplib and a raw socket: the
[AUTH] refusal of USER and AUTH where passwords may not be sent in clear text (auth.plaintext =
never, and an outside client under the default loopback policy, played from 127.0.0.2 through the
test-only POSTERN_TEST_LOOPBACK_RANGES), the close after more than three failed logins, and the
failure log. STLS cannot be tested here until the network core speaks TLS (it is not listed and
answered -ERR); the pure session covers it (tst_pop3transcripts)."""

import poplib
import re
import socket
import ssl

import pytest

from pop3_support import (ALICE, ALICE_PASSWORD, CLIENT_TIMEOUT, Pop3Connection, pop3_template,  # noqa: F401
                          start_pop3_server)
from postern_harness import log_text, wait_until

REFUSED = "-ERR [AUTH] Plaintext authentication disallowed without TLS"
OUTSIDE = "127.0.0.2"


@pytest.fixture
def start(pop3_template, tmp_path):
    started = []

    def run(overrides=None, env=None):
        started.append(start_pop3_server(pop3_template, tmp_path, overrides=overrides, expect=("pop3",), env=env))
        return started[-1]

    try:
        yield run
    finally:
        for server in started:
            server.kill()


def capabilities(client):
    return set(client.capa())


def test_never_refuses_user_and_auth_without_tls(start):
    server = start({"auth.plaintext": "never"})
    client = poplib.POP3("127.0.0.1", server.ports["pop3"], timeout=CLIENT_TIMEOUT)
    try:
        caps = capabilities(client)
        # STLS is offered (the server has its generated certificate), the plaintext logins are not.
        assert "USER" not in caps and "SASL" not in caps and "STLS" in caps, caps
        with pytest.raises(poplib.error_proto, match=re.escape(REFUSED)):
            client.user(ALICE)
        with pytest.raises(poplib.error_proto, match=re.escape(REFUSED)):
            client._shortcmd("AUTH PLAIN AGFsaWNlQGV4YW1wbGUudGVzdABwYXNzd29yZDEyMw==")
        # Over TLS the same logins are fine.
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        client.stls(context=context)
        caps = capabilities(client)
        assert "USER" in caps and "SASL" in caps and "STLS" not in caps, caps
        client.user(ALICE)
        assert client.pass_(ALICE_PASSWORD).startswith(b"+OK Logged in")
        assert client.quit().startswith(b"+OK Postern signing off")
    finally:
        client.close()
    assert "USER refused: auth.plaintext is never and the connection is not encrypted" in log_text(server.data_dir)


def outside_address_usable():
    try:
        with socket.socket() as probe:
            probe.bind((OUTSIDE, 0))
        return True
    except OSError:
        return False


@pytest.mark.skipif(not outside_address_usable(), reason="127.0.0.2 cannot be bound here")
def test_outside_client_under_the_default_policy(start):
    server = start(env={"POSTERN_TEST_LOOPBACK_RANGES": "127.0.0.1/32"})
    with socket.create_connection(("127.0.0.1", server.ports["pop3"]), timeout=CLIENT_TIMEOUT,
                                  source_address=(OUTSIDE, 0)) as raw:
        raw.sendall(f"USER {ALICE}\r\nQUIT\r\n".encode())
        data = b""
        while not data.endswith(b"signing off\r\n"):
            chunk = raw.recv(4096)
            assert chunk, data
            data += chunk
    assert data == f"+OK Postern ready\r\n{REFUSED}\r\n+OK Postern signing off\r\n".encode()
    # The same server still lets loopback log in.
    client = poplib.POP3("127.0.0.1", server.ports["pop3"], timeout=CLIENT_TIMEOUT)
    try:
        client.user(ALICE)
        assert client.pass_(ALICE_PASSWORD).startswith(b"+OK Logged in")
    finally:
        client.quit()


def test_more_than_three_failures_close(start):
    server = start()
    with Pop3Connection(server.ports["pop3"], timeout=30) as pop:
        for _ in range(3):
            assert pop.command(f"USER {ALICE}") == "+OK send PASS"
            assert pop.command("PASS wrong-password") == "-ERR [AUTH] Authentication failed"
        pop.send(f"USER {ALICE}\r\nPASS wrong-again\r\nCAPA\r\n".encode())
        assert pop.line() == "+OK send PASS"
        assert pop.wait_closed(timeout=30) == b"-ERR [AUTH] Too many failed authentication attempts\r\n"
    text = wait_until(lambda: "closing: more than 3 failed authentication attempts" in log_text(server.data_dir)
                      and log_text(server.data_dir), timeout=5)
    assert text and len(re.findall(rf'authentication failed for "{re.escape(ALICE)}" from 127\.0\.0\.1 via USER', text)) == 4
    assert "wrong-password" not in text and "wrong-again" not in text
