"""SMTP AUTH through the real server with real clients, on the transcripts' fixture (alice, bob
and the SMTP-only login scanner): smtplib's login() with PLAIN and LOGIN, swaks, curl; wrong
passwords answered after the delay; the close after more than three failures; the submission
port; auth.plaintext, including the policy table from a second loopback address played as an
outside client; SMTP-only logins added and removed while the server runs; relaying once
authenticated; and no password in any log file.

STARTTLS cannot be tested here until the network core speaks TLS (the server says 454 and does
not advertise it); the pure session covers it (tst_smtptranscripts, tst_smtpsessionauth)."""

import base64
import os
import poplib
import re
import smtplib
import ssl
import subprocess
import time

import pytest

from line_clients import SmtpConnection
from postern_harness import (FIXTURE_PASSWORD, SCANNER, SCANNER_PASSWORD, check, log_text, loopback_alias_usable,  # noqa: F401
                             mail_template, postern, split_stored, wait_until)
from smtp_client_support import (ALICE, BOB, CLIENT_TIMEOUT, HELO, Mailboxes, check_stored, deliver,  # noqa: F401
                                 limited_server, make_message, server)

SWAKS = "/usr/bin/swaks"
CURL = "/usr/bin/curl"
WRONG = "wrong-password"
OUTSIDE = "127.0.0.2"   # played as an outside client: POSTERN_TEST_LOOPBACK_RANGES narrows loopback
LOCAL = "127.0.0.3"     # played as the office network: network.local_ranges
ENCRYPTION_REQUIRED = (538, b"5.7.11 Encryption required for requested authentication mechanism")


def plain(user, password):
    return base64.b64encode(f"\0{user}\0{password}".encode()).decode()


def stored_protocol(path):
    with open(path, "rb") as handle:
        return split_stored(handle.read())[0].group("protocol").decode()


# --- clients -------------------------------------------------------------------------------------

@pytest.mark.parametrize("mechanism", ["PLAIN", "LOGIN"])
def test_smtplib_login_and_deliver(server, mechanism):
    boxes = Mailboxes(server.data_dir, BOB)
    message = make_message(f"auth {mechanism}", ["sent after AUTH"], sender=ALICE)
    with smtplib.SMTP("127.0.0.1", server.ports["smtp"], local_hostname=HELO, timeout=CLIENT_TIMEOUT) as smtp:
        smtp.ehlo()
        assert smtp.has_extn("auth") and set(smtp.esmtp_features["auth"].split()) == {"PLAIN", "LOGIN"}
        assert smtp.has_extn("starttls")   # offered, but loopback may log in without it (the default)
        smtp.user, smtp.password = ALICE, FIXTURE_PASSWORD
        method = smtp.auth_plain if mechanism == "PLAIN" else smtp.auth_login
        assert smtp.auth(mechanism, method) == (235, b"2.7.0 Authentication successful")
        assert smtp.sendmail(ALICE, [BOB], message) == {}
    [stored] = boxes.added(BOB)
    check_stored(stored, message, sender=ALICE, recipient=BOB, protocol="ESMTPA")
    assert re.search(rf"authenticated as {re.escape(ALICE)} via {mechanism} from 127\.0\.0\.1", log_text(server.data_dir))


def test_smtplib_login_picks_a_mechanism(server):
    boxes = Mailboxes(server.data_dir, BOB)
    message = make_message("login()", ["smtplib chooses"], sender=ALICE)
    queue_id = deliver(server.ports["smtp"], [BOB], message, sender=ALICE, login=(ALICE, FIXTURE_PASSWORD))
    [stored] = boxes.added(BOB)
    check_stored(stored, message, queue_id=queue_id, sender=ALICE, recipient=BOB, protocol="ESMTPA")


@pytest.mark.parametrize("mechanism", ["PLAIN", "LOGIN"])
def test_swaks_auth(server, mechanism):
    boxes = Mailboxes(server.data_dir, BOB)
    result = subprocess.run([SWAKS, "--server", "127.0.0.1", "--port", str(server.ports["smtp"]), "--helo", HELO,
                             "--timeout", str(CLIENT_TIMEOUT), "--from", ALICE, "--to", BOB,
                             "--auth", mechanism, "--auth-user", ALICE, "--auth-password", FIXTURE_PASSWORD,
                             "--header", f"Subject: swaks {mechanism}"],
                            stdin=subprocess.DEVNULL, capture_output=True, text=True, errors="replace", timeout=30)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "<~  235 2.7.0 Authentication successful" in result.stdout or "<-  235 2.7.0" in result.stdout, result.stdout
    [stored] = boxes.added(BOB)
    assert stored_protocol(stored) == "ESMTPA"


def test_curl_with_user(server, tmp_path):
    path = tmp_path / "msg.txt"
    message = b"From: alice@example.test\r\nTo: bob@example.test\r\nSubject: curl auth\r\n\r\nUploaded after AUTH.\r\n"
    path.write_bytes(message)
    boxes = Mailboxes(server.data_dir, BOB)
    result = subprocess.run([CURL, "-s", "-S", "--max-time", "20", "--url", f"smtp://127.0.0.1:{server.ports['submission']}",
                             "--user", f"{ALICE}:{FIXTURE_PASSWORD}", "--mail-from", ALICE, "--mail-rcpt", BOB,
                             "--upload-file", str(path)],
                            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    [stored] = boxes.added(BOB)
    check_stored(stored, message, sender=ALICE, recipient=BOB, helo=None, protocol="ESMTPA")
    refused = subprocess.run([CURL, "-s", "-S", "--max-time", "20", "--url", f"smtp://127.0.0.1:{server.ports['submission']}",
                              "--user", f"{ALICE}:{WRONG}", "--mail-from", ALICE, "--mail-rcpt", BOB,
                              "--upload-file", str(path)],
                             stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30)
    assert refused.returncode == 67, (refused.returncode, refused.stderr)   # 67: login denied


# --- failures ------------------------------------------------------------------------------------

def test_wrong_password_is_535_after_a_delay(server):
    with SmtpConnection(server.ports["smtp"]) as smtp:
        smtp.expect(250, f"EHLO {HELO}")
        started = time.monotonic()
        code, texts = smtp.command(f"AUTH PLAIN {plain(ALICE, WRONG)}")
        elapsed = time.monotonic() - started
        assert (code, texts) == (535, ["5.7.8 Authentication credentials invalid"])
        assert elapsed >= 1.0, f"a wrong password was answered after {elapsed:.2f} s, before the delay"
        # The same session goes on, and the right password works.
        assert smtp.command(f"AUTH PLAIN {plain(ALICE, FIXTURE_PASSWORD)}") == (235, ["2.7.0 Authentication successful"])
    text = log_text(server.data_dir)
    assert re.search(rf'authentication failed for "{re.escape(ALICE)}" from 127\.0\.0\.1 via PLAIN: wrong password', text)


def test_four_failures_close_the_session(server):
    with SmtpConnection(server.ports["smtp"], timeout=20) as smtp:
        smtp.expect(250, f"EHLO {HELO}")
        for user in (ALICE, "nobody@example.test", SCANNER):
            assert smtp.command(f"AUTH PLAIN {plain(user, WRONG)}")[0] == 535
        smtp.send(f"AUTH PLAIN {plain(BOB, WRONG)}\r\nNOOP\r\n".encode())
        assert smtp.wait_closed(timeout=20) == b"421 4.7.0 Too many failed authentication attempts\r\n"
    assert "closing: more than 3 failed authentication attempts" in log_text(server.data_dir)


def test_submission_requires_authentication(server):
    with smtplib.SMTP("127.0.0.1", server.ports["submission"], local_hostname=HELO, timeout=CLIENT_TIMEOUT) as smtp:
        smtp.ehlo()
        assert smtp.mail(ALICE) == (530, b"5.7.0 Authentication required")
        smtp.login(SCANNER, SCANNER_PASSWORD)
        assert smtp.mail(ALICE)[0] == 250


# --- relaying ------------------------------------------------------------------------------------

def test_relay_needs_authentication_and_then_is_queued(server):
    with smtplib.SMTP("127.0.0.1", server.ports["smtp"], local_hostname=HELO, timeout=CLIENT_TIMEOUT) as smtp:
        smtp.ehlo()
        assert smtp.mail(ALICE) == (550, b"5.7.1 <alice@example.test>: Authentication required to send as a local address")
        smtp.rset()
        assert smtp.mail("sender@remote.example")[0] == 250
        assert smtp.rcpt("friend@remote.example") == (554, b"5.7.1 <friend@remote.example>: Relay access denied")
        smtp.rset()
        smtp.login(ALICE, FIXTURE_PASSWORD)
        assert smtp.mail(ALICE)[0] == 250
        assert smtp.rcpt("friend@remote.example") == (250, b"2.1.5 Ok")
    text = log_text(server.data_dir)
    assert f"rcpt <friend@remote.example>: relay check passed by \"SMTP Authentication\" (authenticated as {ALICE})" in text
    assert 'rcpt <friend@remote.example> refused by "Relay" (not a local domain, not authenticated, not trusted) 554 5.7.1' in text


# --- the plaintext policy ------------------------------------------------------------------------

def test_plaintext_never(limited_server):
    running = limited_server({"auth.plaintext": "never"})
    for service in ("smtp", "submission"):
        with smtplib.SMTP("127.0.0.1", running.ports[service], local_hostname=HELO, timeout=CLIENT_TIMEOUT) as smtp:
            smtp.ehlo()
            assert not smtp.has_extn("auth")
            assert smtp.docmd("AUTH", f"PLAIN {plain(ALICE, FIXTURE_PASSWORD)}") == ENCRYPTION_REQUIRED
            assert smtp.docmd("AUTH", "LOGIN") == ENCRYPTION_REQUIRED
    assert "AUTH PLAIN refused: auth.plaintext is never and the connection is not encrypted 538 5.7.11" in log_text(running.data_dir)


def auth_offered(port, source, tls=False):
    """(AUTH in EHLO, the reply to AUTH PLAIN with good credentials) for a client at source, in
    clear text or after STARTTLS."""
    with smtplib.SMTP("127.0.0.1", port, local_hostname=HELO, timeout=CLIENT_TIMEOUT,
                      source_address=(source, 0)) as smtp:
        smtp.ehlo()
        if tls:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
            smtp.starttls(context=context)
            smtp.ehlo()
        reply = smtp.docmd("AUTH", f"PLAIN {plain(ALICE, FIXTURE_PASSWORD)}")
        return smtp.has_extn("auth"), reply[0]


POLICY_TABLE = {   # mode: allowed for (loopback, local network, other)
    "never": (False, False, False),
    "loopback": (True, False, False),
    "local-networks": (True, True, False),
    "always": (True, True, True),
}


@pytest.mark.skipif(not loopback_alias_usable(OUTSIDE) or not loopback_alias_usable(LOCAL),
                    reason="127.0.0.2 and 127.0.0.3 cannot be bound here")
@pytest.mark.parametrize("mode", list(POLICY_TABLE))
def test_plaintext_policy_table(limited_server, mode):
    """Each auth.plaintext value x (loopback, local network, other), without TLS, through the real
    server: 127.0.0.1 is loopback; the test-only POSTERN_TEST_LOOPBACK_RANGES=127.0.0.1/32 makes
    127.0.0.2 count as an outside address; network.local_ranges=127.0.0.3/32 makes 127.0.0.3 the
    office network. Over TLS every row may log in."""
    running = limited_server({"auth.plaintext": mode, "network.local_ranges": f"{LOCAL}/32"},
                             env={"POSTERN_TEST_LOOPBACK_RANGES": "127.0.0.1/32"})
    assert wait_until(lambda: "test override POSTERN_TEST_LOOPBACK_RANGES" in log_text(running.data_dir), timeout=5)
    for source, allowed in zip(("127.0.0.1", LOCAL, OUTSIDE), POLICY_TABLE[mode]):
        advertised, code = auth_offered(running.ports["smtp"], source)
        assert (advertised, code) == ((True, 235) if allowed else (False, 538)), (mode, source)
        assert auth_offered(running.ports["smtp"], source, tls=True) == (True, 235), (mode, source, "TLS")


def test_the_override_never_makes_an_outside_address_loopback(limited_server):
    running = limited_server({}, env={"POSTERN_TEST_LOOPBACK_RANGES": "0.0.0.0/0,10.0.0.0/8"})
    assert wait_until(lambda: "ignored (not inside 127.0.0.0/8 or ::1): 0.0.0.0/0,10.0.0.0/8" in log_text(running.data_dir),
                      timeout=5), log_text(running.data_dir)[-2000:]
    assert auth_offered(running.ports["smtp"], "127.0.0.1") == (True, 235)


# --- credentials ---------------------------------------------------------------------------------

def test_smtp_only_login_added_and_removed_while_running(limited_server):
    running = limited_server({})

    def login(user, password):
        with smtplib.SMTP("127.0.0.1", running.ports["submission"], local_hostname=HELO, timeout=CLIENT_TIMEOUT) as smtp:
            smtp.ehlo()
            return smtp.docmd("AUTH", f"PLAIN {plain(user, password)}")[0]

    assert login(SCANNER, SCANNER_PASSWORD) == 235
    check(postern("smtp-login", "add", "printer-2", "--password-stdin", data_dir=running.data_dir, stdin="printer-secret\n"))
    assert "printer-2" in check(postern("smtp-login", "list", data_dir=running.data_dir)).split()
    # The engine reloads within about a second; every attempt is bounded.
    assert wait_until(lambda: login("Printer-2", "printer-secret") == 235, timeout=15, interval=0.3)
    check(postern("smtp-login", "remove", "printer-2", data_dir=running.data_dir))
    assert wait_until(lambda: login("printer-2", "printer-secret") == 535, timeout=15, interval=0.3)
    # An SMTP-only login is for SMTP only: POP3 does not know it.
    pop3_port = int(running.wait_for_line(r" INFO engine - listening pop3 127\.0\.0\.1:(\d+)$").group(1))
    pop = poplib.POP3("127.0.0.1", pop3_port, timeout=CLIENT_TIMEOUT)
    try:
        pop.user(SCANNER)
        with pytest.raises(poplib.error_proto, match=re.escape("-ERR [AUTH] Authentication failed")):
            pop.pass_(SCANNER_PASSWORD)
    finally:
        pop.close()


def test_mailbox_passwords_can_be_switched_off(limited_server):
    running = limited_server({"smtp.auth_use_pop3_accounts": "false"})
    with smtplib.SMTP("127.0.0.1", running.ports["smtp"], local_hostname=HELO, timeout=CLIENT_TIMEOUT) as smtp:
        smtp.ehlo()
        assert smtp.docmd("AUTH", f"PLAIN {plain(ALICE, FIXTURE_PASSWORD)}")[0] == 535
        assert smtp.docmd("AUTH", f"PLAIN {plain(SCANNER, SCANNER_PASSWORD)}")[0] == 235


# --- the log -------------------------------------------------------------------------------------

def test_no_password_in_any_log_file(server):
    """Run last: after every login above, good and bad, in every mechanism, the log files hold the
    users and mechanisms but none of the passwords, neither in clear nor in base64."""
    text = log_text(server.data_dir)
    assert "authenticated as alice@example.test via PLAIN" in text
    assert "via LOGIN" in text
    secrets = [FIXTURE_PASSWORD, WRONG, SCANNER_PASSWORD, plain(ALICE, FIXTURE_PASSWORD), plain(ALICE, WRONG),
               base64.b64encode(FIXTURE_PASSWORD.encode()).decode(), base64.b64encode(WRONG.encode()).decode()]
    logs = os.path.join(server.data_dir, "logs")
    for name in os.listdir(logs):
        with open(os.path.join(logs, name), encoding="utf-8", errors="replace") as handle:
            content = handle.read()
        for secret in secrets:
            assert secret not in content, f"{name} contains {secret!r}"
