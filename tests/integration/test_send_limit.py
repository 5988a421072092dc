"""The send limit per account (limits.messages_per_hour_per_account) through the running server:
with a limit of 2, a logged-in user's third message of the hour is refused at MAIL FROM with
451 4.7.1 (on a new connection too), the log warns once naming the rule, mail from clients that
did not log in is not counted, and lifting the limit with the CLI works without a restart."""

import smtplib
import time

import pytest

from postern_harness import (FIXTURE_PASSWORD, HeadlessServer, check, copy_data_dir, log_text,  # noqa: F401
                             mail_template, postern)
from smtp_client_support import ALICE, BOB, CLIENT_TIMEOUT, HELO, SENDER, make_message

LIMITED = (451, b"4.7.1 Sending limit for this account reached, try again later")


@pytest.fixture
def server(mail_template, tmp_path):
    data_dir = copy_data_dir(mail_template, tmp_path / "data", overrides={"limits.messages_per_hour_per_account": "2"})
    running = HeadlessServer(data_dir, settings=False, expect=("smtp", "submission")).start()
    try:
        yield running
    finally:
        running.kill()


def logged_in_mail(server):
    """(MAIL FROM's reply) on a new submission connection after logging in as alice; when it is
    250 the message is sent."""
    with smtplib.SMTP("127.0.0.1", server.ports["submission"], local_hostname=HELO, timeout=CLIENT_TIMEOUT) as smtp:
        smtp.ehlo()
        smtp.login(ALICE, FIXTURE_PASSWORD)
        answer = smtp.mail(ALICE)
        if answer[0] == 250:
            assert smtp.rcpt(BOB)[0] == 250
            assert smtp.data(make_message("limited", ["one of a few"], sender=ALICE))[0] == 250
        return answer


def test_third_message_of_the_hour_is_refused(server):
    assert logged_in_mail(server)[0] == 250
    assert logged_in_mail(server)[0] == 250
    assert logged_in_mail(server) == LIMITED
    assert logged_in_mail(server) == LIMITED
    text = log_text(server.data_dir)
    warning = " WARN submission "
    lines = [line for line in text.splitlines() if 'refused by "Send Limits"' in line]
    assert len(lines) == 2, lines
    assert sum(1 for line in lines if warning in line) == 1, lines   # warned once, then logged quietly
    assert f"({ALICE} sent 2 messages in the last hour, limit 2) 451 4.7.1" in lines[0]

    # Without a login nothing is counted: local delivery on port 25 goes on.
    with smtplib.SMTP("127.0.0.1", server.ports["smtp"], local_hostname=HELO, timeout=CLIENT_TIMEOUT) as smtp:
        assert smtp.sendmail(SENDER, [BOB], make_message("not counted", ["no login"])) == {}

    check(postern("config", "set", "limits.messages_per_hour_per_account", "0", data_dir=server.data_dir))
    deadline = time.monotonic() + 10
    while logged_in_mail(server) != (250, b"2.1.0 Ok"):
        assert time.monotonic() < deadline, "lifting the limit did not reach the running server"
        time.sleep(0.2)
