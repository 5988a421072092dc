"""What the outbound delivery tests share: a dnsmasq on loopback whose MX and A records point the
test domains at 127.0.0.x addresses where SmtpPeer servers listen (all on one port, which the
server is told with outbound.mx_port), servers started on copies of the mail fixture with a
one-second retry schedule, and ways to look into the queue and at reports."""

import email
import email.policy
import poplib
import smtplib
import socket

import pytest

from postern_harness import (FIXTURE_PASSWORD, HeadlessServer, check, copy_data_dir, maildir_files, postern,
                             sql_query, wait_until)
from smtp_client_support import ALICE, CLIENT_TIMEOUT, HELO
from smtp_peer import require_aiosmtpd

SQLITE = {"database": None}
DELIVERY_TIMEOUT = 20


def shared_port(addresses):
    """One TCP port free on every address now (the MX port is one setting for all peers)."""
    for _ in range(50):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.bind((addresses[0], 0))
            port = probe.getsockname()[1]
        free = True
        for address in addresses[1:]:
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
                try:
                    probe.bind((address, port))
                except OSError:
                    free = False
                    break
        if free:
            return port
    raise RuntimeError("no port free on every peer address")


def peer_port_fixture(addresses):
    """A module fixture ``port``: one port free on every peer address (skips without aiosmtpd)."""
    @pytest.fixture(scope="module")
    def port():
        require_aiosmtpd()
        return shared_port(addresses)
    return port


def outbound_settings(dns, mx_port, extra=None):
    settings = {
        "dns.servers": dns.server,
        "dns.timeout_ms": "2000",
        "outbound.mx_port": str(mx_port),
        "outbound.retry_schedule": "1s",
        "outbound.connect_timeout_s": "2",
        "outbound.timeout_scale_percent": "10",
    }
    settings.update(extra or {})
    return settings


def start_outbound_server(template, directory, settings, expect=("smtp", "pop3")):
    """A server on a copy of the mail fixture that relays for 127.0.0.1 (trusted), so the tests
    send as alice without AUTH."""
    data_dir = copy_data_dir(template, directory, overrides=settings)
    check(postern("trust", "add", "127.0.0.1", "--comment", "outbound tests", data_dir=data_dir))
    return HeadlessServer(data_dir, settings=False, expect=expect).start()


def outbound_server_fixture(name, extra=None, scope="module"):
    """A fixture ``server``: start_outbound_server on outbound_settings (plus ``extra``), killed
    afterwards. The test module provides the ``dns`` and ``port`` fixtures."""
    @pytest.fixture(scope=scope)
    def server(dns, port, mail_template, tmp_path_factory):
        running = start_outbound_server(mail_template, tmp_path_factory.mktemp(name) / "data",
                                        outbound_settings(dns, port, extra))
        try:
            yield running
        finally:
            running.kill()
    return server


def send(server, recipients, subject="outbound test", sender=ALICE, body="Hello from the office.\r\n",
         mail_options=(), rcpt_options=(), headers=""):
    """Sends one message through the server's SMTP port; returns the queue id from the 250.
    ``headers``: more header lines, each ending in CRLF (MIME-Version, Content-Type, ...)."""
    message = (f"From: {sender}\r\nTo: {', '.join(recipients)}\r\nSubject: {subject}\r\n"
               f"Message-ID: <{subject.replace(' ', '-')}@example.test>\r\n{headers}\r\n{body}")
    with smtplib.SMTP("127.0.0.1", server.ports["smtp"], local_hostname=HELO, timeout=CLIENT_TIMEOUT) as smtp:
        smtp.ehlo()
        code, _ = smtp.mail(sender, list(mail_options))
        assert code == 250
        for recipient in recipients:
            code, text = smtp.rcpt(recipient, list(rcpt_options))
            assert code == 250, (recipient, code, text)
        code, text = smtp.data(message.encode())
        assert code == 250, text
        return text.decode().rsplit(" ", 1)[-1]


def queue_rows(data_dir):
    """(message id, address, state, attempts, last_error, report) of every queued recipient."""
    return sql_query(SQLITE, data_dir, "SELECT message_id, address, state, attempts, last_error, report "
                                       "FROM queue_recipients ORDER BY id")


def wait_queue_empty(data_dir, timeout=DELIVERY_TIMEOUT):
    assert wait_until(lambda: not queue_rows(data_dir), timeout), queue_rows(data_dir)


def wait_for_report(data_dir, address=ALICE, count=1, timeout=DELIVERY_TIMEOUT):
    """The report files in the address's Maildir once ``count`` arrived."""
    found = wait_until(lambda: len(maildir_files(data_dir, address)) >= count and maildir_files(data_dir, address),
                       timeout)
    assert found and len(found) >= count, f"{len(found or [])} reports for {address}"
    return found


def pop3_messages(server, user=ALICE, password=FIXTURE_PASSWORD):
    """Every message in the mailbox, read through POP3, parsed."""
    pop = poplib.POP3("127.0.0.1", server.ports["pop3"], timeout=CLIENT_TIMEOUT)
    try:
        pop.user(user)
        pop.pass_(password)
        count, _ = pop.stat()
        messages = []
        for number in range(1, count + 1):
            _, lines, _ = pop.retr(number)
            messages.append(email.message_from_bytes(b"\r\n".join(lines) + b"\r\n", policy=email.policy.compat32))
        return messages
    finally:
        pop.quit()


def delivery_status(report):
    """The message/delivery-status part: (per-message fields, [per-recipient fields])."""
    assert report.get_content_type() == "multipart/report", report.get_content_type()
    assert report.get_param("report-type") == "delivery-status"
    for part in report.walk():
        if part.get_content_type() == "message/delivery-status":
            blocks = part.get_payload()
            return dict(blocks[0].items()), [dict(block.items()) for block in blocks[1:]]
    raise AssertionError("no message/delivery-status part")


def log_of(server):
    return "\n".join(server.lines())
