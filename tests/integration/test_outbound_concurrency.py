"""The outbound concurrency limits through the running server (issue 9), loopback only: peers hold
their answer to the end of data, so connections stay open while more mail is queued, and count the
SMTP sessions open at once. outbound.max_per_domain = 2 and six messages for one domain: the peer
sees two sessions at once, never more. outbound.max_connections = 3 and mail for four domains
(each allowing 5): the peers together see three sessions at once, never more. Every message
arrives once."""

import contextlib
import email


from dnsmasq_support import dnsmasq_fixture
from outbound_support import outbound_settings, peer_port_fixture, send, start_outbound_server, wait_queue_empty
from postern_harness import mail_template, wait_until  # noqa: F401
from smtp_peer import SessionCounter, SmtpPeer

BUSY = "127.0.0.44"                       # one domain, per-domain limit
WIDE = ["127.0.0.45", "127.0.0.46", "127.0.0.47"]
WIDE_DOMAINS = {"wide-a.test": WIDE[0], "wide-b.test": WIDE[1], "wide-c.test": WIDE[2], "wide-d.test": WIDE[2]}
RECORDS = ["--mx-host=busy.test,mx.busy.test,10", f"--host-record=mx.busy.test,{BUSY}"]
for _domain, _address in WIDE_DOMAINS.items():
    RECORDS += [f"--mx-host={_domain},mx.{_domain},10", f"--host-record=mx.{_domain},{_address}"]
# Long enough that the next messages are queued while the first are held, short enough that the
# rounds of held answers stay within a few seconds.
HOLD_SECONDS = 1.5
ARRIVAL_TIMEOUT = 25

dns = dnsmasq_fixture(RECORDS, scope="module")


port = peer_port_fixture([BUSY, *WIDE])


def subjects(peers):
    return sorted(email.message_from_bytes(received.content)["Subject"] for peer in peers for received in peer.messages)


def deliver_all(server, peers, recipients):
    """Queues one message per recipient, one SMTP session each, as fast as the server takes them;
    waits until the peers have them all and the queue is empty; returns the subjects sent."""
    sent = [f"concurrency {number}" for number in range(len(recipients))]
    for subject, recipient in zip(sent, recipients):
        send(server, [recipient], subject=subject)
    arrived = wait_until(lambda: sum(len(peer.messages) for peer in peers) >= len(sent), ARRIVAL_TIMEOUT)
    assert arrived, f"{sum(len(peer.messages) for peer in peers)} of {len(sent)} messages arrived"
    wait_queue_empty(server.data_dir, ARRIVAL_TIMEOUT)
    return sorted(sent)


def check_peak(sessions, limit):
    """The limit held (never more sessions at once) and was reached (not merely never exceeded)."""
    assert sessions.peak <= limit, f"{sessions.peak} sessions at once, over the limit of {limit}"
    assert sessions.peak >= limit, \
        f"only {sessions.peak} sessions at once ({sessions.total} in all), the limit {limit} never reached"


def test_max_per_domain_caps_one_domain(dns, port, mail_template, tmp_path):
    server = start_outbound_server(mail_template, tmp_path / "data",
                                   outbound_settings(dns, port, {"outbound.max_per_domain": "2"}))
    try:
        with SmtpPeer(BUSY, port, data_delay=HOLD_SECONDS) as peer:
            sent = deliver_all(server, [peer], [f"user{number}@busy.test" for number in range(6)])
        assert subjects([peer]) == sent   # all six, each once
        check_peak(peer.sessions, 2)
    finally:
        server.kill()


def test_max_connections_caps_all_domains(dns, port, mail_template, tmp_path):
    server = start_outbound_server(mail_template, tmp_path / "data",
                                   outbound_settings(dns, port, {"outbound.max_connections": "3",
                                                                 "outbound.max_per_domain": "5"}))
    sessions = SessionCounter()   # one count across the peers: the limit is on the server's total
    try:
        with contextlib.ExitStack() as stack:
            peers = [stack.enter_context(SmtpPeer(address, port, data_delay=HOLD_SECONDS, sessions=sessions))
                     for address in WIDE]
            # Two messages for each of the four domains, in turn: eight connections would be wanted.
            recipients = [f"user{number}@{domain}" for number in range(2) for domain in WIDE_DOMAINS]
            sent = deliver_all(server, peers, recipients)
        assert subjects(peers) == sent
        check_peak(sessions, 3)
    finally:
        server.kill()
