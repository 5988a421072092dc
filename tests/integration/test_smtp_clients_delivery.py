"""Real SMTP clients (Python's smtplib, swaks, curl and a raw socket for BDAT) delivering to
`postern --headless --ephemeral-ports` on the transcripts' fixture; every delivery is checked in
the Maildir, byte for byte: Postern's trace headers (Return-Path, Received) and then the message
exactly as the client meant it (CRLF line ends, dot-stuffing undone). The log of a whole session
is checked too."""

import os
import random
import re
import smtplib
import socket
import subprocess

import pytest

from line_clients import SmtpConnection
from postern_harness import (FIXTURE_PASSWORD, QUEUED, log_text, mail_template, maildir_size_field, split_stored,  # noqa: F401
                             today_log_path, wait_until)
from smtp_client_support import (ALICE, BOB, CLIENT_TIMEOUT, HELO, SENDER, TEAM, Mailboxes, check_stored,  # noqa: F401
                                 deliver, limited_server, make_message, server, stored_log_line)

SWAKS = "/usr/bin/swaks"
CURL = "/usr/bin/curl"


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
    """Once authenticated (RFC 6409 requires it there; AUTH itself is test_smtp_auth.py's)."""
    boxes = Mailboxes(server.data_dir, ALICE, BOB)
    message = make_message("via submission", ["from a mail program", ".dot"], sender=ALICE)
    queue_id = deliver(server.ports["submission"], [ALICE, BOB], message, sender=ALICE, login=(ALICE, FIXTURE_PASSWORD))
    alice, bob = boxes.added(ALICE), boxes.added(BOB)
    assert len(alice) == 1 and len(bob) == 1
    check_stored(alice[0], message, queue_id=queue_id, recipient=None, sender=ALICE, protocol="ESMTPA")
    check_stored(bob[0], message, queue_id=queue_id, recipient=None, sender=ALICE, protocol="ESMTPA")
    logged = stored_log_line(server.data_dir, queue_id)
    assert logged and logged.group(1) == "submission", logged
    with pytest.raises(smtplib.SMTPSenderRefused) as refused:
        with smtplib.SMTP("127.0.0.1", server.ports["submission"], local_hostname=HELO,
                          timeout=CLIENT_TIMEOUT) as smtp:
            smtp.sendmail(SENDER, [ALICE], message)
    assert refused.value.smtp_code == 530


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
    result = swaks(server.ports["submission"], "--from", ALICE, "--to", BOB, "--body", "via submission",
                   "--auth", "PLAIN", "--auth-user", ALICE, "--auth-password", FIXTURE_PASSWORD)
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
