"""Security rules 1 and 3 through the running server: an unauthenticated, untrusted client may not
claim a local sender (smtp.require_auth_for_local_senders), a trusted source may; an authenticated
login sends only as its own address or an alias of it, an SMTP-only login only as local addresses
(sender_rules.auth_must_match); the seed's two Sender Rules for relaying clients; live setting
changes apply without a restart; `postern policy explain` tells the same story without sending."""

import smtplib

import pytest

from postern_harness import (check, copy_data_dir, log_text, loopback_alias_usable, mail_template,
                             postern, serving_everything, wait_until)  # noqa: F401
from postern_harness import FIXTURE_PASSWORD, SCANNER, SCANNER_PASSWORD
from smtp_client_support import ALICE, BOB, CLIENT_TIMEOUT, HELO, RELAYED, Mailboxes, make_message

TRUSTED = "127.0.0.21"
STRANGER = "127.0.0.22"
LOCAL_SENDER_REFUSED = (550, b"5.7.1 <alice@example.test>: Authentication required to send as a local address")

pytestmark = pytest.mark.skipif(not all(loopback_alias_usable(a) for a in (TRUSTED, STRANGER)),
                                reason="127.0.0.21-22 cannot be bound here")


@pytest.fixture(scope="module")
def running(mail_template, tmp_path_factory):
    # No DNS in this test: Address Verification has its own.
    data_dir = copy_data_dir(mail_template, tmp_path_factory.mktemp("sender-rules") / "data",
                             overrides={"verify.sender_domain": "false"})
    check(postern("trust", "add", TRUSTED, "--comment", "office scanner", data_dir=data_dir))
    with serving_everything(data_dir) as server:
        yield server


def cli(server, *args):
    return check(postern(*args, data_dir=server.data_dir))


def mail_answer(server, sender, source="127.0.0.1", login=None, recipient=None):
    """MAIL FROM's answer (and RCPT TO's, when given) for a client bound to `source`."""
    with smtplib.SMTP("127.0.0.1", server.ports["smtp"], local_hostname=HELO, timeout=CLIENT_TIMEOUT,
                      source_address=(source, 0)) as smtp:
        smtp.ehlo()
        if login:
            smtp.login(*login)
        answer = smtp.mail(sender)
        if recipient is None or answer[0] != 250:
            return answer
        return answer, smtp.rcpt(recipient)


def test_a_stranger_may_not_claim_a_local_sender(running):
    for source in ("127.0.0.1", STRANGER):
        assert mail_answer(running, ALICE, source) == LOCAL_SENDER_REFUSED
    assert mail_answer(running, "boss@example.test", STRANGER)[0] == 550   # not even an unknown local name
    assert mail_answer(running, "someone@remote.example", STRANGER, recipient=BOB) == ((250, b"2.1.0 Ok"), (250, b"2.1.5 Ok"))
    assert wait_until(lambda: 'mail from <alice@example.test> refused by "SMTP Authentication" (example.test is a local '
                      'domain; not authenticated, not trusted) 550 5.7.1' in log_text(running.data_dir), timeout=5)


def test_trusted_and_authenticated_clients_may(running):
    assert mail_answer(running, ALICE, TRUSTED, recipient=BOB) == ((250, b"2.1.0 Ok"), (250, b"2.1.5 Ok"))
    assert mail_answer(running, ALICE, STRANGER, login=(ALICE, FIXTURE_PASSWORD), recipient="friend@remote.example") \
        == ((250, b"2.1.0 Ok"), RELAYED)


def test_a_login_sends_only_as_itself(running):
    alice = (ALICE, FIXTURE_PASSWORD)
    assert mail_answer(running, BOB, login=alice) == (553, b"5.7.1 <bob@example.test>: Sender address not allowed for this login")
    assert mail_answer(running, "ceo@bank.example", login=alice)[0] == 553
    assert mail_answer(running, "team@example.test", login=alice)[0] == 250   # an alias that delivers to alice
    assert mail_answer(running, "", login=alice)[0] == 250
    scanner = (SCANNER, SCANNER_PASSWORD)
    assert mail_answer(running, "copier@example.test", login=scanner)[0] == 250
    assert mail_answer(running, "copier@remote.example", login=scanner)[0] == 553
    assert wait_until(lambda: 'mail from <bob@example.test> refused by "Sender Rules" (authenticated as alice@example.test; '
                      'MAIL FROM bob@example.test is neither its address nor an alias delivering to it) 553 5.7.1'
                      in log_text(running.data_dir), timeout=5)


def test_a_forged_from_header_is_refused_and_not_stored(running):
    boxes = Mailboxes(running.data_dir, BOB)
    forged = make_message("pay this invoice", ["Urgent."], sender="boss@example.test")
    with smtplib.SMTP("127.0.0.1", running.ports["submission"], local_hostname=HELO, timeout=CLIENT_TIMEOUT) as smtp:
        smtp.login(ALICE, FIXTURE_PASSWORD)
        with pytest.raises(smtplib.SMTPDataError) as refused:
            smtp.sendmail(ALICE, [BOB], forged)
        assert (refused.value.smtp_code, refused.value.smtp_error) == (553, b"5.7.1 Sender address not allowed for this login")
        assert smtp.sendmail(ALICE, [BOB], make_message("honest", ["Hi."], sender="team@example.test")) == {}
    assert len(boxes.added(BOB)) == 1
    assert wait_until(lambda: 'refused by "Sender Rules" (authenticated as alice@example.test; From: boss@example.test is '
                      'neither its address nor an alias delivering to it) 553 5.7.1' in log_text(running.data_dir), timeout=5)


def test_setting_changes_apply_without_restart(running):
    remote = "someone@remote.example"
    assert mail_answer(running, remote, TRUSTED)[0] == 250
    cli(running, "config", "set", "sender_rules.local_domain_only", "true")
    cli(running, "config", "set", "sender_rules.account_only", "true")
    try:
        assert wait_until(lambda: mail_answer(running, remote, TRUSTED)
                          == (550, b"5.7.1 <someone@remote.example>: Relaying requires a sender in a local domain"),
                          timeout=10, interval=0.1)
        assert mail_answer(running, "boss@example.test", TRUSTED) \
            == (550, b"5.7.1 <boss@example.test>: Relaying requires a sender with an account")
        assert mail_answer(running, ALICE, TRUSTED)[0] == 250
        assert mail_answer(running, remote, STRANGER)[0] == 250   # not relaying: the sender rules do not apply
    finally:
        cli(running, "config", "set", "sender_rules.local_domain_only", "false")
        cli(running, "config", "set", "sender_rules.account_only", "false")
    cli(running, "config", "set", "smtp.require_auth_for_local_senders", "false")
    try:
        assert wait_until(lambda: mail_answer(running, ALICE, STRANGER)[0] == 250, timeout=10, interval=0.1)
    finally:
        cli(running, "config", "set", "smtp.require_auth_for_local_senders", "true")
    assert wait_until(lambda: mail_answer(running, ALICE, STRANGER) == LOCAL_SENDER_REFUSED, timeout=10, interval=0.1)


def test_policy_explain_tells_the_same_story(running):
    def explain(*args):
        return cli(running, "policy", "explain", *args)

    text = explain("--ip", STRANGER, "--from", ALICE, "--to", BOB)
    assert 'MAIL FROM <alice@example.test> refused by "SMTP Authentication"' in text
    assert f"Auto-ban: never bans {STRANGER} (in 127.0.0.0/8 of autoban.never)" in text
    assert text.rstrip().endswith("Result: refused at MAIL FROM: 550 5.7.1 Authentication required to send as a local address")
    text = explain("--ip", TRUSTED, "--from", ALICE, "--to", "friend@remote.example")
    assert f"Trusted IP Addresses: {TRUSTED} in {TRUSTED}/32: office scanner" in text
    assert 'RCPT TO <friend@remote.example> accepted by "Trusted IP Addresses"' in text
    text = explain("--ip", STRANGER, "--auth", ALICE, "--from", BOB, "--to", "friend@remote.example")
    assert "Result: refused at MAIL FROM: 553 5.7.1 Sender address not allowed for this login" in text
    text = explain("--ip", STRANGER, "--auth", "mallory@example.test", "--from", "x@remote.example", "--to", "friend@remote.example")
    assert "mallory@example.test is not a login here" in text
    assert "Result: refused at RCPT TO: 554 5.7.1 Relay access denied" in text
    cli(running, "attachment-filter", "add", "*.exe")
    try:
        text = explain("--ip", "198.51.100.7", "--from", "x@remote.example", "--to", BOB)
        assert "Auto-ban: 198.51.100.7 would be banned after 10 failed logins" in text
        assert "0 filters and 1 attachment patterns check the message" in text
        assert text.rstrip().endswith("Result: accepted: delivered to bob@example.test "
                                      "(Filters and Attachment Filters then check the message)")
    finally:
        cli(running, "attachment-filter", "remove", "*.exe")
    text = explain("--ip", STRANGER, "--from", "<>", "--to", "nobody@example.test")
    assert "Result: refused at RCPT TO: 550 5.1.1 User unknown" in text
    cli(running, "ban", "add", "192.0.2.0/24", "--comment", "explain test")
    try:
        text = explain("--ip", "192.0.2.9", "--from", "x@remote.example", "--to", BOB)
        assert "Result: refused at connect" in text
    finally:
        cli(running, "ban", "remove", "192.0.2.0/24")
    for bad in (["--ip", "nonsense", "--from", "a@b.example", "--to", BOB], ["--ip", STRANGER, "--to", BOB],
                ["--ip", STRANGER, "--from", "x@y.example"]):
        result = postern("policy", "explain", *bad, data_dir=running.data_dir)
        assert result.returncode == 2, (bad, result.stdout, result.stderr)
        assert "policy explain: --" in result.stderr
