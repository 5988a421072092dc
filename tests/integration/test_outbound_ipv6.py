"""Outbound delivery over IPv6 (issue 9: "IPv6 and IPv4"), loopback only: an MX whose only
address is ::1 is reached over IPv6, and an MX with both an IPv6 address where nothing listens and
an IPv4 one still gets the message (the client goes on to the next address). Skipped where this
machine has no IPv6 loopback."""

import re
import socket

import pytest

from dnsmasq_support import dnsmasq_fixture
from outbound_support import DELIVERY_TIMEOUT, log_of, outbound_server_fixture, send, wait_queue_empty
from postern_harness import mail_template  # noqa: F401
from smtp_peer import SmtpPeer, require_aiosmtpd

DUAL_V4 = "127.0.0.48"
RECORDS = ["--mx-host=sixonly.test,mx.sixonly.test,10", "--host-record=mx.sixonly.test,::1",
           "--mx-host=dual.test,mx.dual.test,10", f"--host-record=mx.dual.test,{DUAL_V4},::1"]

dns = dnsmasq_fixture(RECORDS, scope="module")


def port_free_on_both():
    """A port free on ::1 and on DUAL_V4 (the MX port is one setting for every peer), or None
    where ::1 cannot be bound."""
    for _ in range(50):
        try:
            with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as probe:
                probe.bind(("::1", 0))
                port = probe.getsockname()[1]
        except OSError:
            return None
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind((DUAL_V4, port))
            except OSError:
                continue
        return port
    raise RuntimeError("no port free on both ::1 and " + DUAL_V4)


@pytest.fixture(scope="module")
def port():
    require_aiosmtpd()
    found = port_free_on_both()
    if found is None:
        pytest.skip("no IPv6 loopback (::1) here")
    return found


server = outbound_server_fixture("ipv6")


def test_mx_with_only_an_ipv6_address_is_reached_over_ipv6(server, port):
    with SmtpPeer("::1", port) as peer:
        send(server, ["ivan@sixonly.test"], subject="over ipv6")
        received = peer.wait_for_messages(1, DELIVERY_TIMEOUT)
    wait_queue_empty(server.data_dir)
    assert received[0].recipients == ["ivan@sixonly.test"]
    assert b"Subject: over ipv6" in received[0].content
    assert re.search(r"connected to mx\.sixonly\.test\[::1\]", log_of(server)), log_of(server)[-2000:]


def test_dead_ipv6_address_falls_back_to_ipv4(server, port):
    # Nothing listens on [::1]:port now; the IPv4 address of the same MX has the peer.
    with SmtpPeer(DUAL_V4, port) as peer:
        send(server, ["dora@dual.test"], subject="either family")
        received = peer.wait_for_messages(1, DELIVERY_TIMEOUT)
    wait_queue_empty(server.data_dir)
    assert received[0].recipients == ["dora@dual.test"]
    assert f"connected to mx.dual.test[{DUAL_V4}]" in log_of(server)
