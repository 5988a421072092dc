"""Success reports for local recipients (RFC 3461 §6.2.2, RFC 3464) through the running server:
a message to one of our own mailboxes with NOTIFY=SUCCESS makes the delivery agent send the
sender (a local user, read through POP3) a report with Action: delivered and Status: 2.0.0,
carrying ORCPT, ENVID and RET=HDRS; the recipient gets the message once; NOTIFY=FAILURE alone
and a null sender get no report; the queue is empty afterwards. No remote peer is needed."""

import pytest

from outbound_support import (DELIVERY_TIMEOUT, delivery_status, pop3_messages, queue_rows, send,
                              start_outbound_server, wait_for_report, wait_queue_empty)
from postern_harness import (FIXTURE_PASSWORD, check, log_text, mail_template, maildir_files,  # noqa: F401
                             postern, wait_until)
from smtp_client_support import ALICE, BOB


@pytest.fixture(scope="module")
def server(mail_template, tmp_path_factory):
    running = start_outbound_server(mail_template, tmp_path_factory.mktemp("localdsn") / "data", {})
    try:
        yield running
    finally:
        running.kill()


def reports_about(server, subject):
    return [m for m in pop3_messages(server) if m.get_content_type() == "multipart/report"
            and f"Subject: {subject}" in m.as_string()]


def wait_for_report_about(server, subject):
    return wait_until(lambda: reports_about(server, subject), DELIVERY_TIMEOUT, interval=0.2)


def bob_copies(server, subject):
    return [m for m in pop3_messages(server, BOB, FIXTURE_PASSWORD) if m["Subject"] == subject]


def test_notify_success_gets_a_delivered_report(server):
    before = len(maildir_files(server.data_dir, ALICE))
    send(server, [BOB], subject="local success", mail_options=["ENVID=xyz", "RET=HDRS"],
         rcpt_options=["NOTIFY=SUCCESS", "ORCPT=rfc822;Bob@Example.test"], body="Secret body line.\r\n")
    wait_for_report(server.data_dir, count=before + 1)
    wait_queue_empty(server.data_dir)
    assert check(postern("queue", "list", data_dir=server.data_dir)) == "The queue is empty.\n"

    [report] = reports_about(server, "local success")
    assert report["From"].startswith("Mail Delivery System <MAILER-DAEMON@")
    assert ALICE in report["To"]
    fields, recipients = delivery_status(report)
    assert fields["Original-Envelope-Id"] == "xyz"
    assert len(recipients) == 1
    assert recipients[0]["Action"] == "delivered"
    assert recipients[0]["Status"] == "2.0.0"
    assert recipients[0]["Final-Recipient"].replace(" ", "") == f"rfc822;{BOB}"
    assert recipients[0]["Original-Recipient"].replace(" ", "") == "rfc822;Bob@Example.test"
    assert "Remote-MTA" not in recipients[0]
    text = report.as_string()
    assert "text/rfc822-headers" in text   # RET=HDRS: the headers came back, not the body
    assert "Secret body line." not in text
    assert len(bob_copies(server, "local success")) == 1
    assert "success report" in log_text(server.data_dir)


def test_notify_failure_alone_gets_no_report(server):
    wait_queue_empty(server.data_dir)
    send(server, [BOB], subject="local failure only", rcpt_options=["NOTIFY=FAILURE,DELAY"])
    assert queue_rows(server.data_dir) == []   # ordinary local mail never touches the queue
    # A later message that does ask for one shows the agent has had its turn at the first.
    send(server, [BOB], subject="first marker", rcpt_options=["NOTIFY=SUCCESS"])
    assert wait_for_report_about(server, "first marker")
    wait_queue_empty(server.data_dir)
    assert reports_about(server, "local failure only") == []
    assert len(bob_copies(server, "local failure only")) == 1


def test_null_sender_gets_no_report(server):
    wait_queue_empty(server.data_dir)
    send(server, [BOB], subject="local null sender", sender="", rcpt_options=["NOTIFY=SUCCESS"])
    assert len(bob_copies(server, "local null sender")) == 1
    assert queue_rows(server.data_dir) == []   # nothing was queued for a report
    send(server, [BOB], subject="second marker", rcpt_options=["NOTIFY=SUCCESS"])
    assert wait_for_report_about(server, "second marker")
    assert reports_about(server, "local null sender") == []

