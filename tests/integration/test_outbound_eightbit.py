"""8BITMIME downgrade through the running server (issue 9, RFC 6152 §3), over loopback only: alice
sends an 8-bit UTF-8 text with BODY=8BITMIME to a domain whose MX does not offer 8BITMIME. The
peer gets it converted to quoted-printable, with no byte above 0x7F, and the decoded text is the
one sent. A message the conversion cannot handle (raw 8-bit bytes in a header, without SMTPUTF8)
is not sent at all: alice gets a failure report with status 5.6.3."""

import email
import email.policy


from dnsmasq_support import dnsmasq_fixture
from outbound_support import (DELIVERY_TIMEOUT, delivery_status, outbound_server_fixture, peer_port_fixture,
                              pop3_messages, send, wait_for_report, wait_queue_empty)
from postern_harness import log_text, mail_template, maildir_files  # noqa: F401
from smtp_client_support import ALICE
from smtp_peer import SmtpPeer

SEVEN_BIT = "127.0.0.41"
RECORDS = ["--mx-host=sevenbit.test,mx.sevenbit.test,10", f"--host-record=mx.sevenbit.test,{SEVEN_BIT}"]

TEXT = "Grüße aus dem Büro: Straße, Käse, Öl — и немного кириллицы. €100\r\nZweite Zeile.\r\n"
MIME_HEADERS = ("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
                "Content-Transfer-Encoding: 8bit\r\n")

dns = dnsmasq_fixture(RECORDS, scope="module")


port = peer_port_fixture([SEVEN_BIT])


server = outbound_server_fixture("eightbit")


def test_eight_bit_text_is_downgraded_to_quoted_printable(server, port):
    with SmtpPeer(SEVEN_BIT, port, eightbitmime=False) as peer:
        send(server, ["olga@sevenbit.test"], subject="eight bit body", body=TEXT, headers=MIME_HEADERS,
             mail_options=("BODY=8BITMIME",))
        received = peer.wait_for_messages(1, DELIVERY_TIMEOUT)
    wait_queue_empty(server.data_dir)
    content = received[0].content
    assert received[0].recipients == ["olga@sevenbit.test"]
    assert all(byte < 0x80 for byte in content), [hex(b) for b in content if b >= 0x80][:10]
    assert not any(option.upper().startswith("BODY=") for option in received[0].mail_options)
    message = email.message_from_bytes(content, policy=email.policy.default)
    assert message["Content-Transfer-Encoding"] == "quoted-printable"
    assert message.get_content_type() == "text/plain"
    assert message["Subject"] == "eight bit body"
    assert message.get_content().replace("\r\n", "\n") == TEXT.replace("\r\n", "\n")


def test_eight_bit_header_cannot_be_downgraded_and_is_reported(server, port):
    before = len(maildir_files(server.data_dir, ALICE))
    with SmtpPeer(SEVEN_BIT, port, eightbitmime=False) as peer:
        # Raw UTF-8 in the Subject without SMTPUTF8: quoted-printable is for bodies only.
        send(server, ["pavel@sevenbit.test"], subject="Grüße im Betreff", body=TEXT, headers=MIME_HEADERS,
             mail_options=("BODY=8BITMIME",))
        wait_for_report(server.data_dir, count=before + 1)
        wait_queue_empty(server.data_dir)
        assert peer.messages == []   # refused before MAIL FROM: nothing went out
    reports = [m for m in pop3_messages(server) if "pavel@sevenbit.test" in m.as_string()]
    assert len(reports) == 1
    fields, recipients = delivery_status(reports[0])
    assert fields["Reporting-MTA"].startswith("dns;")
    assert len(recipients) == 1
    assert recipients[0]["Final-Recipient"].replace(" ", "") == "rfc822;pavel@sevenbit.test"
    assert recipients[0]["Action"] == "failed"
    assert recipients[0]["Status"] == "5.6.3"
    log = log_text(server.data_dir)
    assert "to=<pavel@sevenbit.test>" in log and "8-bit bytes in the header Subject" in log
