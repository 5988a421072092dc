"""Outbound delivery through the running server (issue 9), over loopback only: dnsmasq answers the
MX and A records of the test domains with 127.0.0.x addresses where aiosmtpd peers listen.
Delivered; refused once (450) then delivered on the retry; refused for good (550) -> a failure
report (RFC 3464) in the sender's Maildir, read through POP3; two MX with the first one down; a
null MX -> a report without any connection; an alias forwarding outside; a message for a local
and a remote recipient."""


from dnsmasq_support import dnsmasq_fixture
from outbound_support import (DELIVERY_TIMEOUT, delivery_status, outbound_server_fixture, peer_port_fixture,
                              pop3_messages, queue_rows, send, wait_for_report, wait_queue_empty)
from postern_harness import check, log_text, mail_template, maildir_files, postern, wait_until  # noqa: F401
from smtp_client_support import ALICE, BOB
from smtp_peer import SmtpPeer

REMOTE = "127.0.0.31"
RETRY = "127.0.0.32"
REJECT = "127.0.0.33"
DOWN = "127.0.0.34"      # an MX address where nothing listens
SECOND = "127.0.0.35"
PEERS = [REMOTE, RETRY, REJECT, DOWN, SECOND]

RECORDS = [
    "--mx-host=remote.test,mx.remote.test,10", f"--host-record=mx.remote.test,{REMOTE}",
    "--mx-host=retry.test,mx.retry.test,10", f"--host-record=mx.retry.test,{RETRY}",
    "--mx-host=reject.test,mx.reject.test,10", f"--host-record=mx.reject.test,{REJECT}",
    "--mx-host=twomx.test,down.twomx.test,10", f"--host-record=down.twomx.test,{DOWN}",
    "--mx-host=twomx.test,up.twomx.test,20", f"--host-record=up.twomx.test,{SECOND}",
    "--mx-host=nullmx.test,.,0",
]

dns = dnsmasq_fixture(RECORDS, scope="module")


port = peer_port_fixture(PEERS)


server = outbound_server_fixture("outbound")


def test_delivered_to_the_mx(server, port):
    with SmtpPeer(REMOTE, port) as peer:
        queue_id = send(server, ["carol@remote.test"], subject="delivered")
        received = peer.wait_for_messages(1, DELIVERY_TIMEOUT)
    assert received[0].sender == ALICE
    assert received[0].recipients == ["carol@remote.test"]
    assert b"Subject: delivered" in received[0].content
    assert f"id {queue_id}".encode() in received[0].content   # our Received: header went along
    wait_queue_empty(server.data_dir)
    log = log_text(server.data_dir)
    assert "to=<carol@remote.test> delivered via mx.remote.test" in log


def test_temporary_failure_then_success_on_retry(server, port):
    replies = {"dave@retry.test": ["450 4.2.0 greylisted, try again later"]}
    with SmtpPeer(RETRY, port, rcpt_replies=replies) as peer:
        send(server, ["dave@retry.test"], subject="retried")
        received = peer.wait_for_messages(1, DELIVERY_TIMEOUT)
        assert peer.rcpt_attempts.count("dave@retry.test") == 2
    assert received[0].recipients == ["dave@retry.test"]
    wait_queue_empty(server.data_dir)
    log = log_text(server.data_dir)
    assert "to=<dave@retry.test> deferred 4.2.0" in log and "greylisted" in log


def test_permanent_failure_reports_to_the_sender(server, port):
    before = len(maildir_files(server.data_dir, ALICE))
    replies = {"nobody@reject.test": ["550 5.1.1 <nobody@reject.test>: no such user here"]}
    with SmtpPeer(REJECT, port, rcpt_replies=replies) as peer:
        send(server, ["nobody@reject.test", "erin@reject.test"], subject="half refused")
        received = peer.wait_for_messages(1, DELIVERY_TIMEOUT)
    assert received[0].recipients == ["erin@reject.test"]
    wait_for_report(server.data_dir, count=before + 1)
    wait_queue_empty(server.data_dir)
    reports = [m for m in pop3_messages(server) if m["Subject"] and "Undelivered" in m["Subject"]]
    assert len(reports) == 1
    report = reports[0]
    assert report["From"].startswith("Mail Delivery System <MAILER-DAEMON@")
    assert report["Auto-Submitted"] == "auto-replied"
    fields, recipients = delivery_status(report)
    assert fields["Reporting-MTA"].startswith("dns;")
    assert len(recipients) == 1
    assert recipients[0]["Final-Recipient"].replace(" ", "") == "rfc822;nobody@reject.test"
    assert recipients[0]["Action"] == "failed"
    assert recipients[0]["Status"] == "5.1.1"
    assert "no such user here" in recipients[0]["Diagnostic-Code"]
    assert "Subject: half refused" in report.as_string()   # the original headers came back


def test_second_mx_when_the_first_is_down(server, port):
    with SmtpPeer(SECOND, port) as peer:
        send(server, ["frank@twomx.test"], subject="second mx")
        received = peer.wait_for_messages(1, DELIVERY_TIMEOUT)
    assert received[0].recipients == ["frank@twomx.test"]
    wait_queue_empty(server.data_dir)
    log = log_text(server.data_dir)
    assert f"down.twomx.test[{DOWN}]" in log and "trying the next host" in log


def test_null_mx_fails_at_once_with_a_report(server):
    before = len(maildir_files(server.data_dir, ALICE))
    send(server, ["gina@nullmx.test"], subject="null mx")
    wait_for_report(server.data_dir, count=before + 1)
    wait_queue_empty(server.data_dir)
    report = [m for m in pop3_messages(server) if "null mx" in m.as_string()][-1]
    _, recipients = delivery_status(report)
    assert recipients[0]["Status"] == "5.1.10"
    assert recipients[0]["Action"] == "failed"


def test_local_and_remote_recipient_in_one_message(server, port):
    bob_before = len(maildir_files(server.data_dir, BOB))
    with SmtpPeer(REMOTE, port) as peer:
        send(server, [BOB, "henry@remote.test"], subject="both")
        received = peer.wait_for_messages(1, DELIVERY_TIMEOUT)
    assert received[0].recipients == ["henry@remote.test"]
    assert len(maildir_files(server.data_dir, BOB)) == bob_before + 1
    wait_queue_empty(server.data_dir)


def test_alias_forwarding_outside(server, port):
    check(postern("alias", "add", "outside@example.test", "ida@remote.test", data_dir=server.data_dir))
    with SmtpPeer(REMOTE, port) as peer:
        # The engine takes in admin changes on its next poll; until then the alias is unknown (550).
        assert wait_until(lambda: _try_send(server, "outside@example.test"), 10, interval=0.5)
        received = peer.wait_for_messages(1, DELIVERY_TIMEOUT)
    assert received[0].recipients == ["ida@remote.test"]
    wait_queue_empty(server.data_dir)
    rows = queue_rows(server.data_dir)
    assert rows == []


def _try_send(server, recipient):
    try:
        send(server, [recipient], subject="forwarded")
        return True
    except AssertionError:
        return False


def test_notify_success_gets_a_relayed_report(server, port):
    """The peer offers no DSN, so NOTIFY=SUCCESS cannot travel on: Postern itself says the
    message was relayed (RFC 3461 §6.2.3), with the ENVID the client gave."""
    before = len(maildir_files(server.data_dir, ALICE))
    with SmtpPeer(REMOTE, port) as peer:
        send(server, ["jan@remote.test"], subject="notify success", mail_options=["ENVID=office-42"],
             rcpt_options=["NOTIFY=SUCCESS,FAILURE"])
        received = peer.wait_for_messages(1, DELIVERY_TIMEOUT)
    assert received[0].recipients == ["jan@remote.test"]
    wait_for_report(server.data_dir, count=before + 1)
    wait_queue_empty(server.data_dir)
    report = [m for m in pop3_messages(server) if "notify success" in m.as_string()][-1]
    fields, recipients = delivery_status(report)
    assert fields["Original-Envelope-Id"] == "office-42"
    assert recipients[0]["Action"] == "relayed"
    assert recipients[0]["Status"].startswith("2.")
