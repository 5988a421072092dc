"""Security rules 4 (Filters) and 5 (Attachment Filters) through the running server with real
clients (smtplib, swaks, a raw socket for BDAT): lists changed with the CLI while the server runs
take effect within about a second; a forbidden attachment (plain, RFC 2231 and continued names,
for an authenticated sender too) and a reject filter on an RFC 2047 encoded subject get
550 5.7.1 at the end of DATA and leave nothing in the Maildir; a discard filter answers 250 and
delivers nothing; message.max_size = 0 (no size limit) still scans. Every refusal is logged with
the rule's name."""

import email.header
import email.policy
import smtplib
import subprocess
import time
from email.message import EmailMessage

import pytest

from line_clients import SmtpConnection
from postern_harness import FIXTURE_PASSWORD, check, log_text, mail_template, postern, wait_until  # noqa: F401
from smtp_client_support import ALICE, CLIENT_TIMEOUT, HELO, SENDER, Mailboxes, start_server

SWAKS = "/usr/bin/swaks"
ATTACHMENT_REFUSED = 550, b"5.7.1 Attachment type not allowed (invoice.exe)"
FILTER_REFUSED = 550, b"5.7.1 Message refused by filter"
EFFECT_TIMEOUT = 10   # a change must reach the server within about a second; this bounds the wait


@pytest.fixture(scope="module")
def server(mail_template, tmp_path_factory):
    running = start_server(mail_template, tmp_path_factory.mktemp("filters"))
    try:
        yield running
    finally:
        running.kill()


def cli(server, *args):
    return check(postern(*args, data_dir=server.data_dir))


def with_attachment(filename="invoice.exe", subject="your invoice", sender=SENDER):
    message = EmailMessage()
    message["From"] = sender
    message["To"] = ALICE
    message["Subject"] = subject
    message.set_content("Please find the invoice attached.")
    message.add_attachment(b"MZ\x90\x00" * 64, maintype="application", subtype="octet-stream", filename=filename)
    return message.as_bytes(policy=email.policy.SMTP)


def plain(subject, body="Hello."):
    message = EmailMessage()
    message["From"] = SENDER
    message["To"] = ALICE
    message["Subject"] = subject
    message.set_content(body)
    return message.as_bytes(policy=email.policy.SMTP)


def send(server, message, login=None):
    """The reply to the end of DATA, (code, text), for one message to alice."""
    service = "submission" if login else "smtp"
    with smtplib.SMTP("127.0.0.1", server.ports[service], local_hostname=HELO, timeout=CLIENT_TIMEOUT) as smtp:
        smtp.ehlo()
        if login:
            smtp.login(*login)
        # A login sends as itself (sender_rules.auth_must_match).
        assert smtp.mail(login[0] if login else SENDER)[0] == 250
        assert smtp.rcpt(ALICE)[0] == 250
        return smtp.data(message)


def wait_for_reply(server, message, code):
    """Sends `message` until the server answers `code` (a list change has reached it)."""
    started = time.monotonic()
    answer = wait_until(lambda: send(server, message)[0] == code, timeout=EFFECT_TIMEOUT, interval=0.2)
    assert answer, f"the server did not answer {code} within {EFFECT_TIMEOUT} s"
    return time.monotonic() - started


def refused_leaving_nothing(server, message, expected, login=None):
    boxes = Mailboxes(server.data_dir, ALICE)
    assert send(server, message, login) == expected
    assert boxes.added(ALICE) == []


def test_attachment_filter_added_live_refuses_every_encoding(server):
    boxes = Mailboxes(server.data_dir, ALICE)
    assert send(server, with_attachment())[0] == 250      # nothing filtered by default
    assert len(boxes.added(ALICE)) == 1

    cli(server, "attachment-filter", "add", "*.exe")
    try:
        assert wait_for_reply(server, with_attachment(), 550) < 3.0
        refused_leaving_nothing(server, with_attachment(), ATTACHMENT_REFUSED)
        # A name Python has to encode (RFC 2231), and a hand-made continued one.
        encoded = with_attachment("Rechnung März.exe")
        assert b"filename*=utf-8''Rechnung%20M%C3%A4rz.exe" in encoded
        refused_leaving_nothing(server, encoded, (550, b"5.7.1 Attachment type not allowed (Rechnung M?rz.exe)"))
        continued = with_attachment("placeholder.txt").replace(
            b'filename="placeholder.txt"', b"\r\n filename*0*=utf-8''Rechnung%20;\r\n filename*1*=M%C3%A4rz.EXE")
        assert b"filename*1*=" in continued
        refused_leaving_nothing(server, continued, (550, b"5.7.1 Attachment type not allowed (Rechnung M?rz.EXE)"))
        # Authenticated senders are filtered as well.
        refused_leaving_nothing(server, with_attachment(sender=ALICE), ATTACHMENT_REFUSED, login=(ALICE, FIXTURE_PASSWORD))
        # Other attachments pass.
        assert send(server, with_attachment("invoice.pdf"))[0] == 250
        text = log_text(server.data_dir)
        assert 'refused by "Attachment Filters" (invoice.exe matches *.exe) 550 5.7.1' in text
        assert 'refused by "Attachment Filters" (Rechnung März.exe matches *.exe) 550 5.7.1' in text
    finally:
        cli(server, "attachment-filter", "remove", "*.exe")
    wait_for_reply(server, with_attachment(), 250)


def test_subject_filter_matches_encoded_words(server):
    subject = email.header.Header("Großes Sonderangebot für Sie", "utf-8").encode()
    assert subject.startswith("=?utf-8?")
    message = plain("placeholder").replace(b"Subject: placeholder", b"Subject: " + subject.encode())
    cli(server, "filter", "add", "SONDERANGEBOT", "--scope", "subject")
    try:
        wait_for_reply(server, message, 550)
        refused_leaving_nothing(server, message, FILTER_REFUSED)
        # The same words in the body are not the subject.
        assert send(server, plain("weekly news", "Unser Sonderangebot"))[0] == 250
        assert 'refused by "Filters" ("SONDERANGEBOT" in subject, action reject) 550 5.7.1' in log_text(server.data_dir)
    finally:
        cli(server, "filter", "remove", "sonderangebot")


def test_discard_filter_answers_250_and_delivers_nothing(server):
    message = plain("you are a lottery winner", "Claim your prize.")
    cli(server, "filter", "add", "Lottery Winner", "--action", "discard")
    try:
        def dropped():
            boxes = Mailboxes(server.data_dir, ALICE)
            assert send(server, message)[0] == 250
            return boxes.added(ALICE) == []
        assert wait_until(dropped, timeout=EFFECT_TIMEOUT, interval=0.2), "the discard filter never took effect"
        boxes = Mailboxes(server.data_dir, ALICE)
        code, text = send(server, message)
        assert code == 250 and text.startswith(b"2.0.0 Ok: queued as "), (code, text)
        time.sleep(0.5)
        assert boxes.added(ALICE) == []
        queue_id = text.decode().rsplit(" ", 1)[1]
        assert (f'message {queue_id} dropped by "Filters" ("Lottery Winner" in message, action discard)'
                in log_text(server.data_dir))
    finally:
        cli(server, "filter", "remove", "Lottery Winner")


def test_no_size_limit_still_scans_with_swaks_and_bdat(server, tmp_path):
    cli(server, "config", "set", "message.max_size", "0")
    cli(server, "attachment-filter", "add", ".EXE")
    try:
        assert wait_until(lambda: "configuration changed: message.max_size" in log_text(server.data_dir), timeout=10)
        wait_for_reply(server, with_attachment(), 550)

        payload = tmp_path / "payload.bin"
        payload.write_bytes(b"MZ" + bytes(range(256)))
        boxes = Mailboxes(server.data_dir, ALICE)
        result = subprocess.run([SWAKS, "--server", "127.0.0.1", "--port", str(server.ports["smtp"]), "--helo", HELO,
                                 "--timeout", str(CLIENT_TIMEOUT), "--from", SENDER, "--to", ALICE,
                                 "--attach-type", "application/octet-stream", "--attach-name", "setup.exe",
                                 "--attach", f"@{payload}"],
                                stdin=subprocess.DEVNULL, capture_output=True, text=True, errors="replace", timeout=60)
        assert result.returncode != 0, result.stdout
        assert "<** 550 5.7.1 Attachment type not allowed (setup.exe)" in result.stdout, result.stdout

        message = with_attachment("tool.exe")
        with SmtpConnection(server.ports["smtp"]) as smtp:
            smtp.expect(250, f"EHLO {HELO}")
            smtp.expect(250, f"MAIL FROM:<{SENDER}>")
            smtp.expect(250, f"RCPT TO:<{ALICE}>")
            half = len(message) // 2
            smtp.send(b"BDAT %d\r\n" % half + message[:half])
            assert smtp.reply()[0] == 250
            smtp.send(b"BDAT %d LAST\r\n" % (len(message) - half) + message[half:])
            assert smtp.reply() == (550, ["5.7.1 Attachment type not allowed (tool.exe)"])
            smtp.expect(221, "QUIT")
        assert boxes.added(ALICE) == []
    finally:
        cli(server, "attachment-filter", "remove", ".EXE")
        cli(server, "config", "reset", "message.max_size")
