"""The queue survives SIGKILL (issue 9), loopback only. Killed while the peer holds back its
answer to the end of data: after the restart the message is delivered, once. Killed after the
peer said 250 and the outcome was recorded: after the restart nothing is sent again. Queued with
the peer down and killed: after the restart the message is still there and goes out."""

import time


from dnsmasq_support import dnsmasq_fixture
from outbound_support import (DELIVERY_TIMEOUT, outbound_settings, peer_port_fixture, queue_rows, send,
                              start_outbound_server, wait_queue_empty)
from postern_harness import HeadlessServer, log_text, mail_template, wait_until  # noqa: F401
from smtp_peer import SmtpPeer

PEER = "127.0.0.39"
DOWN = "127.0.0.40"   # nothing listens here
RECORDS = ["--mx-host=kill.test,mx.kill.test,10", f"--host-record=mx.kill.test,{PEER}",
           "--mx-host=down.test,mx.down.test,10", f"--host-record=mx.down.test,{DOWN}"]
# Long enough to kill the server while the peer waits, short enough to keep the test quick.
HOLD_SECONDS = 3
QUIET_SECONDS = 4

dns = dnsmasq_fixture(RECORDS, scope="module")


port = peer_port_fixture([PEER])


def restart(server):
    again = HeadlessServer(server.data_dir, settings=False, expect=("smtp", "pop3"))
    return again.start()


def test_killed_while_the_peer_holds_its_answer(dns, port, mail_template, tmp_path):
    server = start_outbound_server(mail_template, tmp_path / "data", outbound_settings(dns, port))
    try:
        with SmtpPeer(PEER, port, data_delay=HOLD_SECONDS) as peer:
            send(server, ["quinn@kill.test"], subject="killed mid-delivery")
            peer.wait_for_data(DELIVERY_TIMEOUT)
            server.kill()   # SIGKILL: no chance to record anything
            time.sleep(HOLD_SECONDS + 0.5)
            assert peer.messages == []   # the peer's 250 found the connection gone
            assert [row[1] for row in queue_rows(server.data_dir)] == ["quinn@kill.test"]
            peer.data_delay = 0
            server = restart(server)
            received = peer.wait_for_messages(1, DELIVERY_TIMEOUT)
            wait_queue_empty(server.data_dir)
            time.sleep(QUIET_SECONDS)
            assert len(peer.messages) == 1
        assert received[0].recipients == ["quinn@kill.test"]
    finally:
        server.kill()


def test_killed_after_the_outcome_was_recorded(dns, port, mail_template, tmp_path):
    """One message, two recipients: delivered to one, the other's MX down. After a kill and a
    restart only the second is tried again; the first never gets a second copy."""
    server = start_outbound_server(mail_template, tmp_path / "data", outbound_settings(dns, port))
    try:
        with SmtpPeer(PEER, port) as peer:
            send(server, ["ruth@kill.test", "tom@down.test"], subject="recorded then killed")
            peer.wait_for_messages(1, DELIVERY_TIMEOUT)

            def recorded():
                states = {row[1]: (row[2], row[3]) for row in queue_rows(server.data_dir)}
                return states.get("ruth@kill.test", ("", 0))[0] == "delivered" and states.get("tom@down.test", ("", 0))[1] >= 1
            assert wait_until(recorded, DELIVERY_TIMEOUT), queue_rows(server.data_dir)
            server.kill()
            server = restart(server)
            time.sleep(QUIET_SECONDS)   # with a 1 s retry schedule a second copy would be out by now
            assert len(peer.messages) == 1
            states = {row[1]: row[2] for row in queue_rows(server.data_dir)}
            assert states == {"ruth@kill.test": "delivered", "tom@down.test": "queued"}
    finally:
        server.kill()


def test_queued_with_the_peer_down_survives_a_kill(dns, port, mail_template, tmp_path):
    server = start_outbound_server(mail_template, tmp_path / "data", outbound_settings(dns, port))
    try:
        send(server, ["sam@kill.test"], subject="waiting out a kill")
        assert wait_until(lambda: any(row[3] >= 1 for row in queue_rows(server.data_dir)), DELIVERY_TIMEOUT)
        server.kill()
        with SmtpPeer(PEER, port) as peer:
            server = restart(server)
            received = peer.wait_for_messages(1, DELIVERY_TIMEOUT)
            wait_queue_empty(server.data_dir)
        assert received[0].recipients == ["sam@kill.test"]
        assert "deferred" in log_text(server.data_dir)
    finally:
        server.kill()
