"""Outbound TLS and the smart host through the running server (issue 9), loopback only.
STARTTLS with a self-signed peer: opportunistic delivers over TLS; verify refuses the certificate
(the message stays queued with the reason) until outbound.ca_file trusts it. The smart host takes
every remote message with AUTH PLAIN over STARTTLS, with the password set through the CLI and
never written to the log; port 465 means TLS from the first byte."""

import socket

import pytest

from dnsmasq_support import dnsmasq_fixture
from outbound_support import (DELIVERY_TIMEOUT, outbound_settings, peer_port_fixture, queue_rows, send,
                              start_outbound_server, wait_queue_empty)
from postern_harness import check, log_text, mail_template, postern, wait_until  # noqa: F401
from smtp_client_support import ALICE
from smtp_peer import SmtpPeer, require_aiosmtpd
from tls_support import make_pair

TLS_PEER = "127.0.0.36"
SMART_HOST = "127.0.0.37"
IMPLICIT_HOST = "127.0.0.38"
RECORDS = ["--mx-host=tls.test,mx.tls.test,10", f"--host-record=mx.tls.test,{TLS_PEER}"]
RELAY_USER = "office-relay"
RELAY_PASSWORD = "s3cret-Relay-pw"

dns = dnsmasq_fixture(RECORDS, scope="module")


port = peer_port_fixture([TLS_PEER, SMART_HOST])


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    return make_pair(tmp_path_factory.mktemp("peer-tls"), "peer", common_name="mx.tls.test",
                     alt_names="DNS:mx.tls.test")


def test_opportunistic_starttls_with_a_self_signed_peer(dns, port, certificate, mail_template, tmp_path):
    server = start_outbound_server(mail_template, tmp_path / "data", outbound_settings(dns, port))
    try:
        with SmtpPeer(TLS_PEER, port, tls=certificate) as peer:
            send(server, ["kim@tls.test"], subject="opportunistic")
            received = peer.wait_for_messages(1, DELIVERY_TIMEOUT)
        assert received[0].tls, "the message came in plaintext"
        wait_queue_empty(server.data_dir)
        assert "TLS with mx.tls.test: TLSv1.3" in log_text(server.data_dir)
    finally:
        server.kill()


def test_verify_refuses_a_self_signed_peer_until_trusted(dns, port, certificate, mail_template, tmp_path):
    server = start_outbound_server(mail_template, tmp_path / "data",
                                   outbound_settings(dns, port, {"outbound.tls": "verify"}))
    try:
        with SmtpPeer(TLS_PEER, port, tls=certificate) as peer:
            send(server, ["lee@tls.test"], subject="verified")
            rows = wait_until(lambda: [r for r in queue_rows(server.data_dir) if r[3] >= 1], DELIVERY_TIMEOUT)
            assert rows, queue_rows(server.data_dir)
            assert rows[0][2] == "queued"
            assert "certificate verify failed" in rows[0][4], rows[0][4]
            assert peer.messages == []
            # Trusting the peer's certificate (it is its own CA) lets the next attempt through.
            check(postern("config", "set", "outbound.ca_file", certificate[0], data_dir=server.data_dir))
            received = peer.wait_for_messages(1, DELIVERY_TIMEOUT)
        assert received[0].tls
        wait_queue_empty(server.data_dir)
    finally:
        server.kill()


def test_smart_host_with_auth_plain_over_starttls(port, certificate, mail_template, tmp_path):
    settings = {"outbound.smarthost": f"{SMART_HOST}:{port}", "outbound.smarthost_user": RELAY_USER,
                "outbound.smarthost_tls": "required", "outbound.retry_schedule": "1s",
                "outbound.connect_timeout_s": "2"}
    server = start_outbound_server(mail_template, tmp_path / "data", settings)
    try:
        check(postern("smarthost-password", "set", "--password-stdin", data_dir=server.data_dir,
                      stdin=RELAY_PASSWORD + "\n"))
        with SmtpPeer(SMART_HOST, port, tls=certificate, logins={RELAY_USER: RELAY_PASSWORD}) as peer:
            # No DNS at all here (dns.servers is 127.0.0.1:1): the smart host needs none.
            send(server, ["max@faraway.test", "ned@elsewhere.test"], subject="via smart host")
            received = peer.wait_for_messages(1, DELIVERY_TIMEOUT)
        assert received[0].login == RELAY_USER
        assert received[0].tls
        assert sorted(received[0].recipients) == ["max@faraway.test", "ned@elsewhere.test"]
        assert received[0].sender == ALICE
        wait_queue_empty(server.data_dir)
        assert RELAY_PASSWORD not in log_text(server.data_dir)
    finally:
        server.kill()


def test_smart_host_refusing_the_login_keeps_the_mail(port, certificate, mail_template, tmp_path):
    settings = {"outbound.smarthost": f"{SMART_HOST}:{port}", "outbound.smarthost_user": RELAY_USER,
                "outbound.retry_schedule": "1s", "outbound.connect_timeout_s": "2"}
    server = start_outbound_server(mail_template, tmp_path / "data", settings)
    try:
        check(postern("smarthost-password", "set", "--password-stdin", data_dir=server.data_dir,
                      stdin="wrong-password\n"))
        with SmtpPeer(SMART_HOST, port, tls=certificate, logins={RELAY_USER: RELAY_PASSWORD}) as peer:
            send(server, ["olga@faraway.test"], subject="refused login")
            rows = wait_until(lambda: [r for r in queue_rows(server.data_dir) if r[3] >= 2], DELIVERY_TIMEOUT)
            assert rows and rows[0][2] == "queued", queue_rows(server.data_dir)
            assert peer.messages == []
        assert "wrong-password" not in log_text(server.data_dir)
    finally:
        server.kill()


def _port_465_free(address):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((address, 465))
            return True
        except OSError:
            return False


def test_smart_host_on_port_465_uses_implicit_tls(certificate, mail_template, tmp_path):
    require_aiosmtpd()
    if not _port_465_free(IMPLICIT_HOST):
        pytest.skip("port 465 cannot be bound here (not root)")
    settings = {"outbound.smarthost": f"{IMPLICIT_HOST}:465", "outbound.smarthost_user": RELAY_USER,
                "outbound.retry_schedule": "1s", "outbound.connect_timeout_s": "2"}
    server = start_outbound_server(mail_template, tmp_path / "data", settings)
    try:
        check(postern("smarthost-password", "set", "--password-stdin", data_dir=server.data_dir,
                      stdin=RELAY_PASSWORD + "\n"))
        with SmtpPeer(IMPLICIT_HOST, 465, tls=certificate, implicit_tls=True,
                      logins={RELAY_USER: RELAY_PASSWORD}) as peer:
            send(server, ["pia@faraway.test"], subject="implicit tls")
            received = peer.wait_for_messages(1, DELIVERY_TIMEOUT)
        assert received[0].tls and received[0].login == RELAY_USER
        wait_queue_empty(server.data_dir)
    finally:
        server.kill()
