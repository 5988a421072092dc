"""Delay notices and expiry through the running server (issue 9, RFC 3464), over loopback only, with
decimal hours so that they come within seconds: the peer answers 450 to every RCPT and the server
retries every 2 s. With outbound.delay_notice_hours 0.002 (7.2 s) alice finds, through POP3, one
delay report (Action: delayed, a 4.x.x status, Will-Retry-Until) while the message is still
queued, and only one however often it is retried. With outbound.max_age_hours 0.003 (10.8 s) the
message fails with a 4.4.7 report and the queue empties."""

import contextlib

from dnsmasq_support import dnsmasq_fixture
from outbound_support import (delivery_status, outbound_settings, peer_port_fixture, pop3_messages, queue_rows, send,
                              start_outbound_server, wait_for_report, wait_queue_empty)
from postern_harness import log_text, mail_template, maildir_files, wait_until  # noqa: F401
from smtp_client_support import ALICE
from smtp_peer import SmtpPeer

DELAYED = "127.0.0.42"
EXPIRED = "127.0.0.43"
RECORDS = ["--mx-host=delayed.test,mx.delayed.test,10", f"--host-record=mx.delayed.test,{DELAYED}",
           "--mx-host=expired.test,mx.expired.test,10", f"--host-record=mx.expired.test,{EXPIRED}"]
GREYLISTED = "450 4.2.0 greylisted, try again later"
# Every wait is bounded: the notice is due after 7.2 s, the expiry after 10.8 s, attempts every 2 s.
REPORT_TIMEOUT = 25
ATTEMPTS_TIMEOUT = 15

dns = dnsmasq_fixture(RECORDS, scope="module")


port = peer_port_fixture([DELAYED, EXPIRED])


def start(dns, port, template, directory, **hours):
    settings = outbound_settings(dns, port, {"outbound.retry_schedule": "2s",
                                             **{f"outbound.{key}": value for key, value in hours.items()}})
    return start_outbound_server(template, directory, settings)


@contextlib.contextmanager
def refused_until_a_report(dns, port, template, directory, address, recipient, **hours):
    """A server with these hours sends alice's message to a peer at ``address`` that refuses
    ``recipient`` with 450 every time; yields (server, peer) once alice has a report."""
    server = start(dns, port, template, directory, **hours)
    before = len(maildir_files(server.data_dir, ALICE))
    try:
        # More refusals than the test can use up: the peer never accepts.
        with SmtpPeer(address, port, rcpt_replies={recipient: [GREYLISTED] * 100}) as peer:
            send(server, [recipient], subject=f"for {recipient}")
            wait_for_report(server.data_dir, count=before + 1, timeout=REPORT_TIMEOUT)
            yield server, peer
    finally:
        server.kill()


def reports_for(server, recipient):
    return [m for m in pop3_messages(server) if recipient in m.as_string()]


def test_one_delay_report_while_still_queued(dns, port, mail_template, tmp_path):
    recipient = "quentin@delayed.test"
    with refused_until_a_report(dns, port, mail_template, tmp_path / "data", DELAYED, recipient,
                                delay_notice_hours="0.002", max_age_hours="1") as (server, peer):
        rows = queue_rows(server.data_dir)
        assert [(row[1], row[2]) for row in rows] == [(recipient, "queued")]
        # Two more refused attempts after the notice: none of them may send another.
        attempts = len(peer.rcpt_attempts)
        assert wait_until(lambda: len(peer.rcpt_attempts) >= attempts + 2, ATTEMPTS_TIMEOUT)
        assert [row[1] for row in queue_rows(server.data_dir)] == [recipient]
        reports = reports_for(server, recipient)
    assert len(reports) == 1, [m["Subject"] for m in reports]
    report = reports[0]
    assert report["Auto-Submitted"] == "auto-replied"
    _, recipients = delivery_status(report)
    assert len(recipients) == 1
    fields = recipients[0]
    assert fields["Final-Recipient"].replace(" ", "") == f"rfc822;{recipient}"
    assert fields["Action"] == "delayed"
    assert fields["Status"].startswith("4."), fields["Status"]
    assert fields["Status"] == "4.2.0"   # what the peer said
    assert fields.get("Will-Retry-Until"), fields
    assert "greylisted" in fields.get("Diagnostic-Code", "")


def test_expired_message_fails_with_a_report(dns, port, mail_template, tmp_path):
    recipient = "rita@expired.test"
    with refused_until_a_report(dns, port, mail_template, tmp_path / "data", EXPIRED, recipient,
                                delay_notice_hours="0", max_age_hours="0.003") as (server, peer):
        wait_queue_empty(server.data_dir)
        assert peer.messages == []
        assert len(peer.rcpt_attempts) >= 2   # it was retried before giving up
        reports = reports_for(server, recipient)
        log = log_text(server.data_dir)
    assert len(reports) == 1   # no delay report: 0 turns them off
    _, recipients = delivery_status(reports[0])
    assert len(recipients) == 1
    assert recipients[0]["Final-Recipient"].replace(" ", "") == f"rfc822;{recipient}"
    assert recipients[0]["Action"] == "failed"
    assert recipients[0]["Status"] == "4.4.7"
    assert "Will-Retry-Until" not in recipients[0]
    assert f"to=<{recipient}>" in log and "gave up after 0.003 hours" in log
