"""Address Verification (security rule 6) through the running server, with dnsmasq on loopback
as the only nameserver (dns.servers): a sender domain with an MX or only an A record is accepted,
NXDOMAIN and a null MX get 550 5.1.8, a nameserver that never answers 451 4.4.3 within
dns.timeout_ms; authenticated and trusted clients are not checked; a pipelined transaction waits
for the answer in order; blank MAIL FROM, HELO syntax and reverse DNS (clients bound to
127.0.0.x source addresses, one with a PTR record and one without) follow live setting changes,
and so does turning the sender check off, all without a restart."""

import smtplib
import socket

import pytest

from dnsmasq_support import dnsmasq_fixture
from postern_harness import (FIXTURE_PASSWORD, HeadlessServer, check, copy_data_dir, log_text,  # noqa: F401
                             loopback_alias_usable, mail_template, postern, wait_until)
from smtp_client_support import ALICE, BOB, CLIENT_TIMEOUT, HELO

WITH_PTR = "127.0.0.20"      # 20.0.0.127.in-addr.arpa -> client.test
WITHOUT_PTR = "127.0.0.21"   # no PTR record
TRUSTED = "127.0.0.22"

RECORDS = [
    "--mx-host=mx.test,mx1.mx.test,10",
    "--mx-host=nullmx.test,.,0",
    "--host-record=aonly.test,127.0.0.5",
    "--host-record=mx1.mx.test,127.0.0.6",
    "--ptr-record=20.0.0.127.in-addr.arpa,client.test",
]
NO_SUCH_DOMAIN = (550, b"5.1.8 Sender address rejected: domain nowhere.test does not exist")
LIVE_CHANGE_SECONDS = 10


dns = dnsmasq_fixture(RECORDS, scope="module")


@pytest.fixture(scope="module")
def server(dns, mail_template, tmp_path_factory):
    data_dir = copy_data_dir(mail_template, tmp_path_factory.mktemp("verify") / "data",
                             overrides={"dns.servers": dns.server, "dns.timeout_ms": "3000", "verify.sender_domain": "true"})
    check(postern("trust", "add", TRUSTED, "--comment", "verification test", data_dir=data_dir))
    running = HeadlessServer(data_dir, settings=False, expect=("smtp", "submission")).start()
    try:
        yield running
    finally:
        running.kill()


def mail_answer(server, sender, source="127.0.0.1", helo=HELO):
    """MAIL FROM's (code, text) on a new connection from `source`."""
    with smtplib.SMTP("127.0.0.1", server.ports["smtp"], local_hostname=helo, timeout=CLIENT_TIMEOUT,
                      source_address=(source, 0)) as smtp:
        smtp.ehlo()
        return smtp.mail(sender)


def ehlo_answer(server, name):
    with smtplib.SMTP("127.0.0.1", server.ports["smtp"], timeout=CLIENT_TIMEOUT) as smtp:
        return smtp.ehlo(name)


def set_live(server, key, value, settled):
    """`config set` on the running server, then waits until `settled()` shows it took effect (the
    server polls for changes), so the next test starts from a known state."""
    check(postern("config", "set", key, value, data_dir=server.data_dir))
    assert wait_until(settled, timeout=LIVE_CHANGE_SECONDS, interval=0.2), f"{key}={value} did not take effect"


@pytest.mark.parametrize("sender, answer", [
    ("sender@mx.test", (250, b"2.1.0 Ok")),
    ("sender@aonly.test", (250, b"2.1.0 Ok")),
    ("sender@nowhere.test", NO_SUCH_DOMAIN),
    ("sender@nullmx.test", (550, b"5.1.8 Sender address rejected: domain nullmx.test accepts no mail (null MX)")),
])
def test_sender_domain(server, sender, answer):
    assert mail_answer(server, sender) == answer


def test_refusal_is_logged_with_the_rule(server):
    assert mail_answer(server, "someone@nowhere.test") == NO_SUCH_DOMAIN
    assert wait_until(lambda: 'mail from <someone@nowhere.test> refused by "Address Verification" '
                              '(nowhere.test: NXDOMAIN) 550 5.1.8' in log_text(server.data_dir), timeout=5)


def test_pipelined_transaction_waits_for_the_answer(server, dns):
    with socket.create_connection(("127.0.0.1", server.ports["smtp"]), timeout=CLIENT_TIMEOUT) as raw:
        reader = raw.makefile("rb")
        assert reader.readline().startswith(b"220 ")
        raw.sendall(b"EHLO client.example\r\n")
        while not reader.readline().startswith(b"250 "):
            pass
        raw.sendall(b"MAIL FROM:<pipelined@mx.test>\r\nRCPT TO:<bob@example.test>\r\nDATA\r\n"
                    b"Subject: pipelined\r\n\r\nbody\r\n.\r\nQUIT\r\n")
        replies = [reader.readline().rstrip(b"\r\n") for _ in range(5)]
    assert replies[:3] == [b"250 2.1.0 Ok", b"250 2.1.5 Ok", b"354 End data with <CR><LF>.<CR><LF>"], replies
    assert replies[3].startswith(b"250 2.0.0 Ok: queued as "), replies
    assert replies[4].startswith(b"221 "), replies


def test_answers_are_cached(server, dns):
    assert mail_answer(server, "first@mx.test")[0] == 250
    asked = dns.queries_for("mx.test")
    assert mail_answer(server, "second@mx.test")[0] == 250
    assert dns.queries_for("mx.test") == asked


def test_authenticated_sender_is_not_checked(server, dns):
    with smtplib.SMTP("127.0.0.1", server.ports["submission"], local_hostname=HELO, timeout=CLIENT_TIMEOUT) as smtp:
        smtp.ehlo()
        smtp.login(ALICE, FIXTURE_PASSWORD)
        assert smtp.mail(ALICE) == (250, b"2.1.0 Ok")
    assert dns.queries_for("example.test") == 0


@pytest.mark.skipif(not loopback_alias_usable(TRUSTED), reason=f"{TRUSTED} cannot be bound here")
def test_trusted_client_is_not_checked(server, dns):
    assert mail_answer(server, "printer@unchecked.test", source=TRUSTED) == (250, b"2.1.0 Ok")
    assert dns.queries_for("unchecked.test") == 0


def test_blank_sender_refused_only_when_turned_off(server):
    assert mail_answer(server, "") == (250, b"2.1.0 Ok")
    try:
        set_live(server, "verify.assume_blank_from_valid", "false",
                 lambda: mail_answer(server, "") == (550, b"5.7.1 Null sender <> not accepted here"))
        assert 'mail from <> refused by "Address Verification"' in log_text(server.data_dir)
    finally:
        set_live(server, "verify.assume_blank_from_valid", "true", lambda: mail_answer(server, "")[0] == 250)


def test_helo_syntax(server):
    assert ehlo_answer(server, "PC01")[0] == 250   # off by default
    refused = (501, b"5.5.4 HELO/EHLO needs a valid host name or address literal")
    try:
        set_live(server, "verify.helo_syntax", "true", lambda: ehlo_answer(server, "PC01") == refused)
        assert ehlo_answer(server, "bad_name.example.com") == refused
        assert ehlo_answer(server, "client.example")[0] == 250
        assert ehlo_answer(server, "[127.0.0.1]")[0] == 250
    finally:
        set_live(server, "verify.helo_syntax", "false", lambda: ehlo_answer(server, "PC01")[0] == 250)


@pytest.mark.skipif(not all(loopback_alias_usable(a) for a in (WITH_PTR, WITHOUT_PTR)),
                    reason="127.0.0.20-21 cannot be bound here")
def test_reverse_dns(server):
    assert mail_answer(server, "sender@mx.test", source=WITHOUT_PTR)[0] == 250   # off by default
    no_ptr = (450, f"4.7.25 Client host {WITHOUT_PTR} has no reverse DNS (PTR) record".encode())
    try:
        set_live(server, "verify.reverse_dns", "true",
                 lambda: mail_answer(server, "sender@mx.test", source=WITHOUT_PTR) == no_ptr)
        assert mail_answer(server, "sender@mx.test", source=WITH_PTR) == (250, b"2.1.0 Ok")
        with smtplib.SMTP("127.0.0.1", server.ports["submission"], local_hostname=HELO, timeout=CLIENT_TIMEOUT,
                          source_address=(WITHOUT_PTR, 0)) as smtp:
            smtp.ehlo()
            smtp.login(ALICE, FIXTURE_PASSWORD)
            assert smtp.mail(ALICE) == (250, b"2.1.0 Ok")   # a login skips the check
    finally:
        set_live(server, "verify.reverse_dns", "false",
                 lambda: mail_answer(server, "sender@mx.test", source=WITHOUT_PTR)[0] == 250)


def test_turned_off_live(server):
    assert mail_answer(server, "sender@nowhere.test") == NO_SUCH_DOMAIN
    try:
        set_live(server, "verify.sender_domain", "false",
                 lambda: mail_answer(server, "sender@nowhere.test") == (250, b"2.1.0 Ok"))
    finally:
        set_live(server, "verify.sender_domain", "true", lambda: mail_answer(server, "sender@nowhere.test") == NO_SUCH_DOMAIN)


def test_silent_nameserver_gives_451(mail_template, tmp_path):
    """A nameserver that takes the query and never answers: 451 4.4.3 after dns.timeout_ms."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as silent:
        silent.bind(("127.0.0.1", 0))
        data_dir = copy_data_dir(mail_template, tmp_path / "data", overrides={
            "dns.servers": f"127.0.0.1:{silent.getsockname()[1]}", "dns.timeout_ms": "300", "verify.sender_domain": "true"})
        running = HeadlessServer(data_dir, settings=False, expect=("smtp", "submission")).start()
        try:
            assert mail_answer(running, "sender@mx.test") == (
                451, b"4.4.3 Sender domain mx.test could not be verified, try again later")
            assert wait_until(lambda: 'mail from <sender@mx.test> deferred by "Address Verification" (mx.test: MX timeout'
                                      in log_text(running.data_dir), timeout=5)
            # A local recipient still arrives from a sender in our own domains: no DNS needed.
            with smtplib.SMTP("127.0.0.1", running.ports["submission"], local_hostname=HELO, timeout=CLIENT_TIMEOUT) as smtp:
                smtp.login(ALICE, FIXTURE_PASSWORD)
                assert smtp.sendmail(ALICE, [BOB], b"Subject: local\r\n\r\nbody\r\n") == {}
        finally:
            running.kill()
