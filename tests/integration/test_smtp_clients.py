"""Real SMTP clients (Python's smtplib, swaks, curl and a raw socket for BDAT) against
`postern --headless --ephemeral-ports` on the transcripts' fixture; every delivery is checked in
the Maildir, byte for byte: Postern's trace headers (Return-Path, Received) and then the message
exactly as the client meant it (CRLF line ends, dot-stuffing undone)."""

import datetime
import email.utils
import os
import random
import re
import smtplib
import socket
import subprocess

import pytest

from postern_harness import (QUEUED, HeadlessServer, SmtpConnection, all_mailbox_files, copy_data_dir,  # noqa: F401
                             log_text, mail_template, maildir_files, maildir_size_field, split_stored,
                             today_log_path, wait_until)

ALICE = "alice@example.test"
BOB = "bob@example.test"
TEAM = "team@example.test"
SENDER = "sender@remote.example"
HELO = "client.example"
SWAKS = "/usr/bin/swaks"
CURL = "/usr/bin/curl"
CLIENT_TIMEOUT = 20


# --- servers -------------------------------------------------------------------------------------

_copies = iter(range(1, 1000))


def start_server(template, root, overrides=None):
    data_dir = copy_data_dir(template, root / f"data-{next(_copies)}", overrides=overrides)
    return HeadlessServer(data_dir, settings=False, expect=("smtp", "submission")).start()


@pytest.fixture(scope="module")
def server(mail_template, tmp_path_factory):
    """The fixture with default settings, shared by the tests of this module (each test looks
    only at the files its own deliveries added)."""
    running = start_server(mail_template, tmp_path_factory.mktemp("clients"))
    try:
        yield running
    finally:
        running.kill()


@pytest.fixture(scope="module")
def small_server(mail_template, tmp_path_factory):
    """message.max_size = 1000."""
    running = start_server(mail_template, tmp_path_factory.mktemp("small"), {"message.max_size": 1000})
    try:
        yield running
    finally:
        running.kill()


@pytest.fixture
def limited_server(mail_template, tmp_path):
    """start(overrides) -> a server of its own for this test."""
    started = []

    def start(overrides):
        started.append(start_server(mail_template, tmp_path, overrides))
        return started[-1]

    try:
        yield start
    finally:
        for running in started:
            running.kill()


# --- helpers -------------------------------------------------------------------------------------

class Mailboxes:
    """Remembers what new/ held; ``added(address)`` lists the files that appeared since."""

    def __init__(self, data_dir, *addresses):
        self.data_dir = data_dir
        self.before = {address: set(maildir_files(data_dir, address)) for address in addresses}

    def added(self, address):
        return sorted(set(maildir_files(self.data_dir, address)) - self.before[address])


def make_message(subject, body_lines, headers=()):
    """A message with CRLF line ends, ending in CRLF."""
    head = [f"From: Sender <{SENDER}>", f"To: <{ALICE}>", f"Subject: {subject}",
            f"Message-Id: <{subject.replace(' ', '-')}.{random.getrandbits(48):x}@remote.example>"]
    head += list(headers)
    return ("\r\n".join(head) + "\r\n\r\n" + "\r\n".join(body_lines) + "\r\n").encode("utf-8")


def deliver(port, recipients, message, sender=SENDER, mail_options=(), helo=HELO, host="127.0.0.1"):
    """One transaction with smtplib's own commands (ehlo, mail, rcpt, data); returns the queue id
    from the final reply. Every recipient must be accepted."""
    with smtplib.SMTP(host, port, local_hostname=helo, timeout=CLIENT_TIMEOUT) as smtp:
        code, _ = smtp.ehlo()
        assert code == 250
        code, text = smtp.mail(sender, list(mail_options))
        assert code == 250, (code, text)
        for recipient in recipients:
            code, text = smtp.rcpt(recipient)
            assert (code, text) == (250, b"2.1.5 Ok"), (recipient, code, text)
        code, text = smtp.data(message)
        assert code == 250, (code, text)
        match = QUEUED.match(text.decode())
        assert match, text
        return match.group(1)


def check_stored(path, message, *, queue_id=None, recipient=None, sender=SENDER, helo=HELO, protocol="ESMTP",
                 address="127.0.0.1"):
    """Asserts one stored file is Postern's trace headers followed by exactly ``message``;
    returns the trace header match."""
    with open(path, "rb") as handle:
        data = handle.read()
    trace, body = split_stored(data)
    assert body == message, f"{path}: stored message differs from what was sent " \
                            f"(sent {len(message)} bytes, stored {len(body)}); first difference at " \
                            f"{next((i for i, (a, b) in enumerate(zip(body, message)) if a != b), min(len(body), len(message)))}"
    assert trace.group("sender").decode() == sender
    if helo is not None:
        assert trace.group("helo").decode() == helo
    assert trace.group("address").decode() == address
    assert trace.group("host") == b"mail.example.test"
    assert trace.group("protocol").decode() == protocol
    if queue_id is not None:
        assert trace.group("queue_id").decode() == queue_id
    found = trace.group("recipient")
    assert (found.decode() if found else None) == recipient, trace.group(0)
    stamped = email.utils.parsedate_to_datetime(trace.group("date").decode())
    now = datetime.datetime.now(datetime.timezone.utc)
    assert abs((now - stamped).total_seconds()) < 300, trace.group("date")
    assert maildir_size_field(path) == len(data) == os.path.getsize(path), path
    assert re.search(rf",W={len(data)}(,|$)", os.path.basename(path)), path
    return trace


def stored_log_line(data_dir, queue_id):
    """The log line that says the message with this queue id was stored (waits up to 5 s)."""
    pattern = re.compile(rf"^\S+ INFO (\S+) (\S+) message {queue_id} stored: (\d+) bytes from <([^>]*)> to (.*)$",
                         re.MULTILINE)
    return wait_until(lambda: pattern.search(log_text(data_dir)), timeout=5)


# --- smtplib -------------------------------------------------------------------------------------

def test_smtplib_one_recipient(server):
    boxes = Mailboxes(server.data_dir, ALICE, BOB)
    message = make_message("one recipient", ["Hello Alice.", "", ".a line that starts with a dot", ".", "..", "bye"])
    queue_id = deliver(server.ports["smtp"], [ALICE], message)
    [stored] = boxes.added(ALICE)
    assert boxes.added(BOB) == []
    check_stored(stored, message, queue_id=queue_id, recipient=ALICE)
    logged = stored_log_line(server.data_dir, queue_id)
    assert logged, f"no 'message {queue_id} stored' line in the log"
    assert logged.group(1) == "smtp"
    assert int(logged.group(3)) == len(message)
    assert (logged.group(4), logged.group(5)) == (SENDER, ALICE)


def test_smtplib_several_recipients_one_copy_per_mailbox(server):
    boxes = Mailboxes(server.data_dir, ALICE, BOB)
    message = make_message("several recipients", ["To Alice, Bob and the team (Alice and Bob again)."])
    queue_id = deliver(server.ports["smtp"], [ALICE, BOB, TEAM], message)
    alice, bob = boxes.added(ALICE), boxes.added(BOB)
    assert len(alice) == 1 and len(bob) == 1, (alice, bob)
    # Several recipients: no "for <...>" clause (it would reveal the other recipients).
    check_stored(alice[0], message, queue_id=queue_id, recipient=None)
    check_stored(bob[0], message, queue_id=queue_id, recipient=None)


def test_smtplib_alias_alone_reaches_each_member_once(server):
    boxes = Mailboxes(server.data_dir, ALICE, BOB)
    message = make_message("to the team", ["Hello team."])
    queue_id = deliver(server.ports["smtp"], [TEAM, "TEAM@Example.Test"], message)
    alice, bob = boxes.added(ALICE), boxes.added(BOB)
    assert len(alice) == 1 and len(bob) == 1, (alice, bob)
    check_stored(alice[0], message, queue_id=queue_id, recipient=TEAM)
    check_stored(bob[0], message, queue_id=queue_id, recipient=TEAM)


def test_smtplib_same_mailbox_twice_is_one_recipient(server):
    boxes = Mailboxes(server.data_dir, ALICE, BOB)
    message = make_message("same mailbox twice", ["once"])
    queue_id = deliver(server.ports["smtp"], [ALICE, "Alice@EXAMPLE.test"], message)
    [stored] = boxes.added(ALICE)
    assert boxes.added(BOB) == []
    check_stored(stored, message, queue_id=queue_id, recipient=ALICE)

    boxes = Mailboxes(server.data_dir, ALICE, BOB)
    message = make_message("alice and postmaster", ["twice the same mailbox, two recipients"])
    queue_id = deliver(server.ports["smtp"], [ALICE, "postmaster@example.test"], message)
    [stored] = boxes.added(ALICE)
    check_stored(stored, message, queue_id=queue_id, recipient=None)


def test_smtplib_sendmail_and_send_message(server):
    boxes = Mailboxes(server.data_dir, ALICE, BOB)
    message = make_message("sendmail", ["sent with SMTP.sendmail"])
    with smtplib.SMTP("127.0.0.1", server.ports["smtp"], local_hostname=HELO, timeout=CLIENT_TIMEOUT) as smtp:
        assert smtp.sendmail(SENDER, [ALICE, "nobody@example.test"], message) == {
            "nobody@example.test": (550, b"5.1.1 <nobody@example.test>: Recipient address rejected: User unknown")}
    [stored] = boxes.added(ALICE)
    trace = check_stored(stored, message, recipient=ALICE)
    assert stored_log_line(server.data_dir, trace.group("queue_id").decode())

    from email.message import EmailMessage
    mail = EmailMessage()
    mail["From"] = SENDER
    mail["To"] = BOB
    mail["Subject"] = "send_message"
    mail.set_content("Built with email.message.\n.dot line\n")
    boxes = Mailboxes(server.data_dir, ALICE, BOB)
    with smtplib.SMTP("127.0.0.1", server.ports["smtp"], local_hostname=HELO, timeout=CLIENT_TIMEOUT) as smtp:
        assert smtp.send_message(mail) == {}
    [stored] = boxes.added(BOB)
    check_stored(stored, mail.as_bytes(policy=mail.policy.clone(linesep="\r\n")), recipient=BOB)


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


def test_null_sender(server):
    boxes = Mailboxes(server.data_dir, ALICE)
    message = make_message("bounce", ["Undeliverable."], headers=["From: MAILER-DAEMON@remote.example"])
    queue_id = deliver(server.ports["smtp"], [ALICE], message, sender="")
    [stored] = boxes.added(ALICE)
    check_stored(stored, message, queue_id=queue_id, recipient=ALICE, sender="")
    with open(stored, "rb") as handle:
        assert handle.read().startswith(b"Return-Path: <>\r\n")


def test_eight_bit_body_is_stored_unchanged(server):
    boxes = Mailboxes(server.data_dir, ALICE)
    message = (b"From: sender@remote.example\r\nSubject: 8 bit\r\n"
               b"Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
               b"Gr\xfc\xdfe aus K\xf6ln\r\n\xe2\x82\xac 100\r\n\x80\x81\xfe\xff and \x7f\x01\x1b[0m\r\n")
    queue_id = deliver(server.ports["smtp"], [ALICE], message, mail_options=["BODY=8BITMIME"])
    [stored] = boxes.added(ALICE)
    check_stored(stored, message, queue_id=queue_id, recipient=ALICE)


def test_five_megabytes_byte_for_byte(server):
    generator = random.Random(5)
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:-_!?()<>[]"
    lines = []
    size = 0
    while size < 5 * 1024 * 1024:
        kind = generator.random()
        if kind < 0.02:
            line = "." * generator.randint(1, 3)
        elif kind < 0.05:
            line = "." + "".join(generator.choice(alphabet) for _ in range(generator.randint(0, 60)))
        elif kind < 0.07:
            line = ""
        else:
            line = "".join(generator.choice(alphabet) for _ in range(generator.randint(1, 998)))
        lines.append(line)
        size += len(line) + 2
    message = make_message("five megabytes", lines)
    assert len(message) >= 5 * 1024 * 1024
    boxes = Mailboxes(server.data_dir, ALICE)
    queue_id = deliver(server.ports["smtp"], [ALICE], message)
    [stored] = boxes.added(ALICE)
    check_stored(stored, message, queue_id=queue_id, recipient=ALICE)


def test_submission_port_delivers_the_same_way(server):
    boxes = Mailboxes(server.data_dir, ALICE, BOB)
    message = make_message("via submission", ["from a mail program", ".dot"])
    queue_id = deliver(server.ports["submission"], [ALICE, BOB], message)
    alice, bob = boxes.added(ALICE), boxes.added(BOB)
    assert len(alice) == 1 and len(bob) == 1
    check_stored(alice[0], message, queue_id=queue_id, recipient=None)
    check_stored(bob[0], message, queue_id=queue_id, recipient=None)
    logged = stored_log_line(server.data_dir, queue_id)
    assert logged and logged.group(1) == "submission", logged
    with pytest.raises(smtplib.SMTPRecipientsRefused):
        with smtplib.SMTP("127.0.0.1", server.ports["submission"], local_hostname=HELO,
                          timeout=CLIENT_TIMEOUT) as smtp:
            smtp.sendmail(SENDER, ["victim@remote.example"], message)


def ipv6_loopback():
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as probe:
            probe.bind(("::1", 0))
        return True
    except OSError:
        return False


@pytest.mark.skipif(not ipv6_loopback(), reason="no IPv6 loopback (::1) here")
def test_ipv6_client_gets_an_ipv6_address_literal(limited_server):
    """RFC 5321 §4.1.3: the Received clause names an IPv6 client as [IPv6:...]."""
    server = limited_server({"listen.addresses": "127.0.0.1,::1"})
    port = int(server.wait_for_line(r" INFO engine - listening smtp \[::1\]:(\d+)$").group(1))
    boxes = Mailboxes(server.data_dir, ALICE)
    message = make_message("over ipv6", ["from ::1"])
    queue_id = deliver(port, [ALICE], message, host="::1")
    [stored] = boxes.added(ALICE)
    check_stored(stored, message, queue_id=queue_id, recipient=ALICE, address="IPv6:::1")
    assert wait_until(lambda: re.search(r" INFO smtp \S+ connect from \[::1\]:\d+ to smtp \[::1\]:" + str(port) + "$",
                                        log_text(server.data_dir), re.MULTILINE), timeout=5)


# --- raw socket: BDAT ----------------------------------------------------------------------------

def test_bdat_three_chunks(server):
    chunks = [b"From: sender@remote.example\r\nSubject: chunked\r\n\r\nfirst chunk ends mid-li",
              b"ne\r\n.\r\n..not unstuffed\r\nMAIL FROM:<forged@remote.example>\r\n",
              b"\xe2\x82\xac last chunk\r\n"]
    boxes = Mailboxes(server.data_dir, ALICE)
    with SmtpConnection(server.ports["smtp"]) as smtp:
        assert smtp.greeting == (220, ["mail.example.test ESMTP Postern"])
        code, features = smtp.command(f"EHLO {HELO}")
        assert code == 250 and "CHUNKING" in features
        smtp.expect(250, f"MAIL FROM:<{SENDER}>")
        smtp.expect(250, f"RCPT TO:<{ALICE}>")
        total = 0
        for chunk in chunks[:-1]:
            smtp.send(b"BDAT %d\r\n" % len(chunk) + chunk)
            total += len(chunk)
            assert smtp.reply() == (250, [f"2.0.0 Ok: {total} octets received"])
        smtp.send(b"BDAT %d LAST\r\n" % len(chunks[-1]) + chunks[-1])
        code, [text] = smtp.reply()
        assert code == 250, text
        queue_id = QUEUED.match(text).group(1)
        smtp.expect(221, "QUIT")
    [stored] = boxes.added(ALICE)
    check_stored(stored, b"".join(chunks), queue_id=queue_id, recipient=ALICE)


def test_bdat_pipelined_in_one_packet(server):
    chunks = [b"Subject: pipelined chunks\r\n", b"\r\nbody", b" without a final line break"]
    wire = (f"MAIL FROM:<{SENDER}>\r\nRCPT TO:<{BOB}>\r\n".encode()
            + b"".join(b"BDAT %d\r\n" % len(chunk) + chunk for chunk in chunks) + b"BDAT 0 LAST\r\nQUIT\r\n")
    boxes = Mailboxes(server.data_dir, BOB)
    with SmtpConnection(server.ports["smtp"]) as smtp:
        smtp.expect(250, f"EHLO {HELO}")
        smtp.send(wire)
        replies = [smtp.reply() for _ in range(7)]
        assert smtp.wait_closed() == b""
    assert [code for code, _ in replies] == [250, 250, 250, 250, 250, 250, 221], replies
    sizes = [len(chunks[0]), len(chunks[0]) + len(chunks[1]), sum(map(len, chunks))]
    assert [texts[0] for _, texts in replies[2:5]] == [f"2.0.0 Ok: {n} octets received" for n in sizes]
    queue_id = QUEUED.match(replies[5][1][0]).group(1)
    [stored] = boxes.added(BOB)
    check_stored(stored, b"".join(chunks), queue_id=queue_id, recipient=BOB)


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


# --- swaks ---------------------------------------------------------------------------------------

def swaks(port, *args, timeout=30):
    result = subprocess.run([SWAKS, "--server", "127.0.0.1", "--port", str(port), "--helo", HELO,
                             "--timeout", str(CLIENT_TIMEOUT), *args],
                            stdin=subprocess.DEVNULL, capture_output=True, text=True, errors="replace",
                            timeout=timeout)
    return result


def swaks_queue_id(result):
    found = re.findall(r"^<-  250 2\.0\.0 Ok: queued as ([0-9A-F]+)$", result.stdout, re.MULTILINE)
    assert len(found) == 1, result.stdout
    return found[0]


def test_swaks_plain(server):
    boxes = Mailboxes(server.data_dir, ALICE)
    result = swaks(server.ports["smtp"], "--from", SENDER, "--to", ALICE,
                   "--header", "Subject: swaks plain", "--body", "Hello from swaks.")
    assert result.returncode == 0, result.stdout + result.stderr
    queue_id = swaks_queue_id(result)
    [stored] = boxes.added(ALICE)
    with open(stored, "rb") as handle:
        data = handle.read()
    trace, body = split_stored(data)
    assert trace.group("queue_id").decode() == queue_id
    assert trace.group("helo") == HELO.encode() and trace.group("recipient") == ALICE.encode()
    assert b"\r\nSubject: swaks plain\r\n" in b"\r\n" + body
    assert b"\r\n\r\nHello from swaks.\r\n" in body
    assert b"\n" not in body.replace(b"\r\n", b""), "a bare LF was stored"
    assert maildir_size_field(stored) == len(data)


def test_swaks_pipelining(server, tmp_path):
    path = tmp_path / "message.txt"
    path.write_bytes(b"Subject: swaks pipelined\nFrom: sender@remote.example\n\nline one\nline two")
    boxes = Mailboxes(server.data_dir, ALICE, BOB)
    result = swaks(server.ports["smtp"], "--pipeline", "--from", SENDER, "--to", f"{ALICE},nobody@example.test,{BOB}",
                   "--data", f"@{path}")
    assert result.returncode == 0, result.stdout + result.stderr
    # The commands went out together, before the first answer came back.
    assert re.search(r"^ -> MAIL FROM:.*\n -> RCPT TO:.*\n -> RCPT TO:.*\n -> RCPT TO:.*\n -> DATA$",
                     result.stdout, re.MULTILINE), result.stdout
    assert "550 5.1.1 <nobody@example.test>" in result.stdout
    queue_id = swaks_queue_id(result)
    expected = b"Subject: swaks pipelined\r\nFrom: sender@remote.example\r\n\r\nline one\r\nline two\r\n"
    alice, bob = boxes.added(ALICE), boxes.added(BOB)
    assert len(alice) == 1 and len(bob) == 1
    check_stored(alice[0], expected, queue_id=queue_id, recipient=None)
    check_stored(bob[0], expected, queue_id=queue_id, recipient=None)


def test_swaks_data_with_dot_stuffed_lines(server, tmp_path):
    path = tmp_path / "dots.txt"
    path.write_bytes(b"Subject: dots\n\n.\n..\n.leading dot\n...three\nmiddle . dot\nend.")
    boxes = Mailboxes(server.data_dir, ALICE)
    result = swaks(server.ports["smtp"], "--from", SENDER, "--to", ALICE, "--data", f"@{path}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "\n -> ..leading dot\n" in result.stdout, result.stdout   # swaks stuffed the dots
    [stored] = boxes.added(ALICE)
    check_stored(stored, b"Subject: dots\r\n\r\n.\r\n..\r\n.leading dot\r\n...three\r\nmiddle . dot\r\nend.\r\n",
                 queue_id=swaks_queue_id(result), recipient=ALICE)


def test_swaks_exit_codes_for_refused_recipients(server):
    boxes = Mailboxes(server.data_dir, ALICE, BOB)
    for recipient, reply in (("victim@remote.example", "554 5.7.1"), ("nobody@example.test", "550 5.1.1")):
        result = swaks(server.ports["smtp"], "--from", SENDER, "--to", recipient)
        assert result.returncode == 24, (recipient, result.returncode, result.stdout)   # 24: no RCPT accepted
        assert f"<** {reply} <{recipient}>" in result.stdout, result.stdout
    result = swaks(server.ports["submission"], "--from", SENDER, "--to", BOB, "--body", "via submission")
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(boxes.added(BOB)) == 1 and boxes.added(ALICE) == []


# --- curl ----------------------------------------------------------------------------------------

def test_curl_upload(server, tmp_path):
    path = tmp_path / "msg.txt"
    message = (b"From: sender@remote.example\r\nTo: alice@example.test\r\nSubject: curl\r\n\r\n"
               b"Uploaded with curl.\r\n.a dot line\r\n.\r\nlast\r\n")
    path.write_bytes(message)
    boxes = Mailboxes(server.data_dir, ALICE)
    result = subprocess.run([CURL, "-s", "-S", "--max-time", "20", "--url", f"smtp://127.0.0.1:{server.ports['smtp']}",
                             "--mail-from", SENDER, "--mail-rcpt", ALICE, "--upload-file", str(path)],
                            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    [stored] = boxes.added(ALICE)
    check_stored(stored, message, recipient=ALICE, helo=None)

    result = subprocess.run([CURL, "-s", "-S", "--max-time", "20", "--url", f"smtp://127.0.0.1:{server.ports['smtp']}",
                             "--mail-from", SENDER, "--mail-rcpt", "victim@remote.example", "--upload-file", str(path)],
                            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30)
    assert result.returncode == 55, (result.returncode, result.stderr)   # 55: RCPT failed
    assert "554" in result.stderr


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


# --- the log -------------------------------------------------------------------------------------

def test_log_has_the_whole_session(server):
    message = make_message("logged", ["see the log"])
    with SmtpConnection(server.ports["smtp"]) as smtp:
        client_port = smtp.socket.getsockname()[1]
        smtp.expect(250, f"EHLO {HELO}")
        smtp.expect(250, f"MAIL FROM:<{SENDER}>")
        smtp.expect(250, f"RCPT TO:<{ALICE}>")
        smtp.expect(354, "DATA")
        smtp.send(message + b".\r\n")
        code, [text] = smtp.reply()
        assert code == 250
        queue_id = QUEUED.match(text).group(1)
        smtp.expect(221, "QUIT")
        assert smtp.wait_closed() == b""

    def session_lines():
        text = log_text(server.data_dir)
        connect = re.search(rf"^\S+ INFO smtp (\S+) connect from 127\.0\.0\.1:{client_port} to smtp "
                            rf"127\.0\.0\.1:{server.ports['smtp']}$", text, re.MULTILINE)
        if not connect:
            return None
        session = connect.group(1)
        lines = [line for line in text.splitlines() if line.split(" ")[3:4] == [session]]
        return lines if any(" disconnect from " in line for line in lines) else None

    lines = wait_until(session_lines, timeout=5)
    assert lines, log_text(server.data_dir)
    assert os.path.exists(today_log_path(server.data_dir))
    texts = [line.split(" ", 4)[4] for line in lines]
    expected = [rf"connect from 127\.0\.0\.1:{client_port} to smtp 127\.0\.0\.1:{server.ports['smtp']}",
                rf"EHLO {re.escape(HELO)}",
                rf"mail from <{re.escape(SENDER)}> accepted",
                rf"rcpt <{re.escape(ALICE)}> accepted -> {re.escape(ALICE)}",
                rf"message {queue_id} stored: {len(message)} bytes from <{re.escape(SENDER)}> to {re.escape(ALICE)}",
                rf"disconnect from 127\.0\.0\.1:{client_port} after \d+ ms \(closed by server\), \d+ bytes in, \d+ bytes out"]
    assert len(texts) == len(expected), texts
    for text, pattern in zip(texts, expected):
        assert re.fullmatch(pattern, text), (text, pattern)
    assert all(line.split(" ")[1:3] == ["INFO", "smtp"] for line in lines), lines
