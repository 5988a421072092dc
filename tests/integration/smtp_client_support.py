"""What the tests of real SMTP clients (test_smtp_clients_*.py) share: the fixture's addresses,
servers started on copies of the mail fixture, and checks of what a delivery left in the Maildir:
Postern's trace headers (Return-Path, Received) and then the message exactly as the client meant
it (CRLF line ends, dot-stuffing undone)."""

import datetime
import email.utils
import os
import random
import re
import smtplib

import pytest

from postern_harness import (QUEUED, HeadlessServer, copy_data_dir, log_text, maildir_files, maildir_size_field,
                             split_stored, wait_until)

ALICE = "alice@example.test"
BOB = "bob@example.test"
TEAM = "team@example.test"
SENDER = "sender@remote.example"
HELO = "client.example"
CLIENT_TIMEOUT = 20


# --- servers -------------------------------------------------------------------------------------

_copies = iter(range(1, 1000))


def start_server(template, root, overrides=None, env=None):
    data_dir = copy_data_dir(template, root / f"data-{next(_copies)}", overrides=overrides)
    return HeadlessServer(data_dir, settings=False, expect=("smtp", "submission"), env=env).start()


@pytest.fixture(scope="module")
def server(mail_template, tmp_path_factory):
    """The fixture with default settings, shared by the tests of this module (each test looks
    only at the files its own deliveries added)."""
    running = start_server(mail_template, tmp_path_factory.mktemp("clients"))
    try:
        yield running
    finally:
        running.kill()


@pytest.fixture
def limited_server(mail_template, tmp_path):
    """start(overrides, env=None) -> a server of its own for this test."""
    started = []

    def start(overrides, env=None):
        started.append(start_server(mail_template, tmp_path, overrides, env))
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


def make_message(subject, body_lines, headers=(), sender=SENDER):
    """A message with CRLF line ends, ending in CRLF, From: ``sender`` (an authenticated login may
    only send as itself: sender_rules.auth_must_match)."""
    head = [f"From: Sender <{sender}>", f"To: <{ALICE}>", f"Subject: {subject}",
            f"Message-Id: <{subject.replace(' ', '-')}.{random.getrandbits(48):x}@remote.example>"]
    head += list(headers)
    return ("\r\n".join(head) + "\r\n\r\n" + "\r\n".join(body_lines) + "\r\n").encode("utf-8")


def deliver(port, recipients, message, sender=SENDER, mail_options=(), helo=HELO, host="127.0.0.1", login=None):
    """One transaction with smtplib's own commands (ehlo, [login], mail, rcpt, data); returns the
    queue id from the final reply. Every recipient must be accepted. ``login``: (user, password)."""
    with smtplib.SMTP(host, port, local_hostname=helo, timeout=CLIENT_TIMEOUT) as smtp:
        code, _ = smtp.ehlo()
        assert code == 250
        if login:
            code, text = smtp.login(*login)
            assert (code, text) == (235, b"2.7.0 Authentication successful"), (code, text)
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


# --- the relay check from a given loopback source address ----------------------------------------

# What RCPT to a remote domain gets when the relay check passes (the message goes to the outbound
# queue) and when it does not.
RELAYED = (250, b"2.1.5 Ok")
REFUSED = (554, b"5.7.1 <friend@remote.example>: Relay access denied")


def relay_answer(port, source):
    """RCPT TO:<friend@remote.example> from a client bound to `source`, without AUTH."""
    with smtplib.SMTP("127.0.0.1", port, local_hostname=HELO, timeout=CLIENT_TIMEOUT,
                      source_address=(source, 0)) as smtp:
        smtp.ehlo()
        assert smtp.mail("someone@outside.example")[0] == 250
        return smtp.rcpt("friend@remote.example")
