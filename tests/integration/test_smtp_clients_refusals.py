"""Real SMTP clients against `postern --headless --ephemeral-ports` on the transcripts' fixture,
where nothing may be stored: messages over message.max_size (declared or streamed), refused
recipients, a client leaving in the middle of a message; and the connection limits, total and
per address."""

import re
import smtplib

import pytest

from line_clients import SmtpConnection
from postern_harness import (QUEUED, all_mailbox_files, log_text, mail_template, wait_until)  # noqa: F401
from smtp_client_support import (ALICE, BOB, CLIENT_TIMEOUT, HELO, SENDER, Mailboxes, check_stored,  # noqa: F401
                                 limited_server, make_message, server, start_server)


@pytest.fixture(scope="module")
def small_server(mail_template, tmp_path_factory):
    """message.max_size = 1000."""
    running = start_server(mail_template, tmp_path_factory.mktemp("small"), {"message.max_size": 1000})
    try:
        yield running
    finally:
        running.kill()


# --- message size --------------------------------------------------------------------------------

def test_declared_size_over_the_limit_is_refused(small_server):
    message = make_message("declared too big", ["small, but SIZE says otherwise"])
    boxes = Mailboxes(small_server.data_dir, ALICE)
    with smtplib.SMTP("127.0.0.1", small_server.ports["smtp"], local_hostname=HELO, timeout=CLIENT_TIMEOUT) as smtp:
        smtp.ehlo()
        assert smtp.esmtp_features.get("size") == "1000"
        with pytest.raises(smtplib.SMTPSenderRefused) as refused:
            smtp.sendmail(SENDER, [ALICE], message, mail_options=["SIZE=99999999"])
        assert refused.value.smtp_code == 552
        assert refused.value.smtp_error == b"5.3.4 Message size exceeds fixed limit"
    assert boxes.added(ALICE) == []


def test_streamed_message_over_the_limit_is_refused_and_not_stored(small_server):
    boxes = Mailboxes(small_server.data_dir, ALICE)
    big = make_message("streamed too big", ["x" * 70] * 40)
    assert len(big) > 1000
    fits = make_message("fits", ["small enough"])
    with smtplib.SMTP("127.0.0.1", small_server.ports["smtp"], local_hostname=HELO, timeout=CLIENT_TIMEOUT) as smtp:
        smtp.ehlo()
        assert smtp.mail(SENDER)[0] == 250          # no SIZE=: the server only finds out while reading
        assert smtp.rcpt(ALICE)[0] == 250
        assert smtp.data(big) == (552, b"5.3.4 Message size exceeds fixed limit")
        assert boxes.added(ALICE) == []
        # The session goes on: the next message on the same connection is taken.
        assert smtp.mail(SENDER)[0] == 250
        assert smtp.rcpt(ALICE)[0] == 250
        code, text = smtp.data(fits)
        assert code == 250, text
    [stored] = boxes.added(ALICE)
    check_stored(stored, fits, queue_id=QUEUED.match(text.decode()).group(1), recipient=ALICE)
    assert all_mailbox_files(small_server.data_dir, "tmp") == []


# --- refused recipients --------------------------------------------------------------------------

def test_relay_denied_and_unknown_user(server):
    boxes = Mailboxes(server.data_dir, ALICE, BOB)
    message = make_message("refused", ["nobody gets this"])
    with smtplib.SMTP("127.0.0.1", server.ports["smtp"], local_hostname=HELO, timeout=CLIENT_TIMEOUT) as smtp:
        with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
            smtp.sendmail(SENDER, ["victim@remote.example"], message)
        assert refused.value.recipients == {
            "victim@remote.example": (554, b"5.7.1 <victim@remote.example>: Relay access denied")}
        with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
            smtp.sendmail(SENDER, ["nobody@example.test", "alice@sub.example.test"], message)
        assert refused.value.recipients == {
            "nobody@example.test": (550, b"5.1.1 <nobody@example.test>: Recipient address rejected: User unknown"),
            "alice@sub.example.test": (554, b"5.7.1 <alice@sub.example.test>: Relay access denied")}
    assert boxes.added(ALICE) == [] and boxes.added(BOB) == []


# --- a client leaving mid-message ----------------------------------------------------------------

@pytest.mark.parametrize("how", ["DATA", "BDAT"])
def test_client_leaving_mid_message_leaves_nothing(server, how):
    boxes = Mailboxes(server.data_dir, ALICE)
    with SmtpConnection(server.ports["smtp"]) as smtp:
        smtp.expect(250, f"EHLO {HELO}")
        smtp.expect(250, f"MAIL FROM:<{SENDER}>")
        smtp.expect(250, f"RCPT TO:<{ALICE}>")
        if how == "DATA":
            smtp.expect(354, "DATA")
            smtp.send(b"Subject: abandoned\r\n\r\n" + b"x" * 100000 + b"\r\n")
        else:
            smtp.send(b"BDAT 500000\r\nSubject: abandoned\r\n\r\n" + b"y" * 100000)
        session_port = smtp.socket.getsockname()[1]
        # The partial message is in a tmp/ folder by now (the writer flushes every 64 KiB).
        assert wait_until(lambda: all_mailbox_files(server.data_dir, "tmp"), timeout=5)
    pattern = re.compile(rf"^\S+ INFO smtp (\S+) connect from 127\.0\.0\.1:{session_port} ", re.MULTILINE)
    session = wait_until(lambda: pattern.search(log_text(server.data_dir)), timeout=5).group(1)
    assert wait_until(lambda: re.search(rf" {session} client left during a message: nothing stored$",
                                        log_text(server.data_dir), re.MULTILINE), timeout=5), log_text(server.data_dir)
    assert wait_until(lambda: all_mailbox_files(server.data_dir, "tmp") == [], timeout=5), \
        all_mailbox_files(server.data_dir, "tmp")
    assert boxes.added(ALICE) == []


# --- connection limits ---------------------------------------------------------------------------

def greeted(port):
    """Connects and returns the first line the server sends (or what came before EOF)."""
    with SmtpConnection(port, read_greeting=False, timeout=5) as smtp:
        try:
            return smtp.line()
        except AssertionError:
            return smtp.buffer.decode("utf-8", errors="replace")


def hold_connections(port, count):
    held = []
    for _ in range(count):
        connection = SmtpConnection(port, timeout=5)
        held.append(connection)
        assert connection.greeting == (220, ["mail.example.test ESMTP Postern"])
    return held


def check_refused(port, expected_line):
    with SmtpConnection(port, read_greeting=False, timeout=5) as extra:
        assert extra.wait_closed(timeout=5) == expected_line.encode() + b"\r\n"


@pytest.mark.parametrize("limit, overrides, refusal", [
    (5, {"smtp.max_connections": 5, "smtp.max_connections_per_ip": 100},
     "421 4.7.0 mail.example.test Too many connections, try again later"),
    (3, {"smtp.max_connections": 100, "smtp.max_connections_per_ip": 3},
     "421 4.7.0 mail.example.test Too many connections from your address, try again later"),
], ids=["total", "per-ip"])
def test_connection_limit(limited_server, limit, overrides, refusal):
    server = limited_server(overrides)
    port = server.ports["smtp"]
    held = hold_connections(port, limit)
    try:
        check_refused(port, refusal)
        # Still the same after a refusal: the refused ones took no slot.
        check_refused(port, refusal)
        # A held connection still works.
        held[0].expect(250, "NOOP")
    finally:
        for connection in held:
            connection.close()
    # Once they are gone (the server notices the closes within moments), the whole allowance is
    # there again: ``limit`` new clients are all greeted at once.
    def all_slots_free():
        connections = []
        try:
            for _ in range(limit):
                connections.append(SmtpConnection(port, timeout=5))
            return all(connection.greeting[0] == 220 for connection in connections)
        except AssertionError:
            return False
        finally:
            for connection in connections:
                connection.close()

    assert wait_until(all_slots_free, timeout=10, interval=0.2), greeted(port)
    log = log_text(server.data_dir)
    assert re.search(r" INFO smtp \S+ refused connection from 127\.0\.0\.1:\d+: too many connections", log), log
