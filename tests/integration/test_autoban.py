"""Auto-ban through the running server, with clients bound to their own loopback source
addresses played as outside hosts (POSTERN_TEST_LOOPBACK_RANGES=127.0.0.1/32, auth.plaintext
always, autoban.never narrowed to 127.0.0.1 and one exempt source, autoban.max_failures 3):
different wrong passwords over SMTP AUTH and over POP3 USER/PASS ban the source, so its next
connection is closed without a greeting and `postern ban list` shows the auto entry with its
reason; the same wrong password repeated does not ban; refused relay attempts count; the exempt
source is never banned; `ban remove` lifts an auto-ban; `config set autoban.enabled false` takes
effect without a restart. Each wrong password costs the server's 1.5 s delay, so the sessions are
few and short; every wait is bounded."""

import poplib
import smtplib
import socket
import time

import pytest

from line_clients import first_bytes
from postern_harness import (FIXTURE_PASSWORD, HeadlessServer, check, copy_data_dir, log_text,  # noqa: F401
                             loopback_alias_usable, mail_template, postern, wait_until)
from smtp_client_support import ALICE, BOB, CLIENT_TIMEOUT, HELO, REFUSED, relay_answer

SMTP_GUESSER = "127.0.0.30"
POP_GUESSER = "127.0.0.31"
REPEATER = "127.0.0.32"
RELAYER = "127.0.0.33"
SWITCHED = "127.0.0.34"
SPRAYER = "127.0.0.35"
EXEMPT = "127.0.0.40"
SOURCES = (SMTP_GUESSER, POP_GUESSER, REPEATER, RELAYER, SWITCHED, SPRAYER, EXEMPT)

SETTINGS = {
    "autoban.max_failures": "3",
    "autoban.window_minutes": "10",
    "autoban.ban_minutes": "60",
    "autoban.never": f"127.0.0.1,{EXEMPT}",
    "auth.plaintext": "always",
}

pytestmark = pytest.mark.skipif(not all(loopback_alias_usable(a) for a in SOURCES),
                                reason="127.0.0.30-40 cannot be bound here")


@pytest.fixture(scope="module")
def running(mail_template, tmp_path_factory):
    data_dir = copy_data_dir(mail_template, tmp_path_factory.mktemp("autoban") / "data", overrides=SETTINGS)
    # 127.0.0.1 stays loopback (and in autoban.never); the test's other sources are outside hosts.
    with HeadlessServer(data_dir, settings=False, expect=("smtp", "pop3"),
                        env={"POSTERN_TEST_LOOPBACK_RANGES": "127.0.0.1/32"}) as server:
        yield server


def cli(server, *args):
    return postern(*args, data_dir=server.data_dir)


def banned(server, source):
    return first_bytes(server.ports["smtp"], source, timeout=2.0) == b""


def served(server, source):
    return (first_bytes(server.ports["smtp"], source) or b"").startswith(b"220 ")


def wrong_smtp_logins(server, source, user, passwords):
    """One SMTP session from `source` trying AUTH PLAIN with each password (at most three: more
    close the session), every one refused."""
    with smtplib.SMTP("127.0.0.1", server.ports["smtp"], local_hostname=HELO, timeout=CLIENT_TIMEOUT,
                      source_address=(source, 0)) as smtp:
        smtp.ehlo()
        for password in passwords:
            smtp.user, smtp.password = user, password
            with pytest.raises(smtplib.SMTPAuthenticationError):
                smtp.auth("PLAIN", smtp.auth_plain)


class SourcePop3(poplib.POP3):
    """poplib's client bound to a given source address."""

    def __init__(self, port, source):
        self._source = source
        super().__init__("127.0.0.1", port, timeout=CLIENT_TIMEOUT)

    def _create_socket(self, timeout):
        return socket.create_connection((self.host, self.port), timeout, source_address=(self._source, 0))


def wrong_pop3_logins(server, source, user, passwords):
    pop = SourcePop3(server.ports["pop3"], source)
    try:
        for password in passwords:
            pop.user(user)
            with pytest.raises(poplib.error_proto):
                pop.pass_(password)
        pop.quit()
    finally:
        pop.close()


def ban_entry(server, source):
    """The `ban list` line of `source` as its fields, or None."""
    for line in check(cli(server, "ban", "list")).splitlines():
        fields = line.split("\t")
        if fields[0] == f"{source}/32":
            return fields
    return None


def test_smtp_guesses_ban_until_removed(running):
    assert served(running, SMTP_GUESSER)
    wrong_smtp_logins(running, SMTP_GUESSER, ALICE, ["guess-1", "guess-2"])
    assert served(running, SMTP_GUESSER), "banned before autoban.max_failures"
    wrong_smtp_logins(running, SMTP_GUESSER, ALICE, ["guess-3"])
    assert wait_until(lambda: banned(running, SMTP_GUESSER), timeout=5, interval=0.1)
    # Every service refuses it, and others are served as before.
    assert first_bytes(running.ports["pop3"], SMTP_GUESSER, timeout=2.0) == b""
    assert served(running, REPEATER)

    range_, expiry, source, comment = ban_entry(running, SMTP_GUESSER)
    assert source == "auto"
    assert comment == f"auto-ban: 3 failed logins for {ALICE}"
    assert expiry.endswith("Z") and expiry != "never"
    text = log_text(running.data_dir)
    assert (f'{SMTP_GUESSER} banned by "Auto-ban" (3 failures in 10 min: 3 failed logins for {ALICE}) for 60 min'
            in text), text[-3000:]
    assert "guess-1" not in text and "guess-3" not in text

    check(cli(running, "ban", "remove", SMTP_GUESSER))
    assert wait_until(lambda: served(running, SMTP_GUESSER), timeout=10, interval=0.1)
    assert ban_entry(running, SMTP_GUESSER) is None
    # The ban used up the failures: one more wrong password does not ban again at once.
    wrong_smtp_logins(running, SMTP_GUESSER, ALICE, ["guess-4"])
    time.sleep(1.0)
    assert served(running, SMTP_GUESSER)


def test_pop3_guesses_ban(running):
    wrong_pop3_logins(running, POP_GUESSER, BOB, ["pop-1", "pop-2"])
    assert served(running, POP_GUESSER)
    wrong_pop3_logins(running, POP_GUESSER, BOB, ["pop-3"])
    assert wait_until(lambda: banned(running, POP_GUESSER), timeout=5, interval=0.1)
    entry = ban_entry(running, POP_GUESSER)
    assert entry is not None and entry[2:] == ["auto", f"auto-ban: 3 failed logins for {BOB}"]


def test_password_spraying_counts_each_user(running):
    wrong_smtp_logins(running, SPRAYER, ALICE, ["Winter2026"])
    wrong_smtp_logins(running, SPRAYER, BOB, ["Winter2026"])
    assert served(running, SPRAYER)
    wrong_smtp_logins(running, SPRAYER, "carol@example.test", ["Winter2026"])
    assert wait_until(lambda: banned(running, SPRAYER), timeout=5, interval=0.1)
    assert ban_entry(running, SPRAYER)[3].startswith("auto-ban: 3 failed logins for ")


def test_the_same_wrong_password_repeated_does_not_ban(running):
    wrong_smtp_logins(running, REPEATER, ALICE, ["stale-password"] * 3)
    wrong_pop3_logins(running, REPEATER, ALICE, ["stale-password"] * 2)
    wrong_smtp_logins(running, REPEATER, ALICE, ["stale-password"])
    time.sleep(1.0)
    assert served(running, REPEATER)
    assert ban_entry(running, REPEATER) is None
    text = log_text(running.data_dir)
    assert text.count(f'authentication failed for "{ALICE}" from {REPEATER}') == 6
    assert f"{REPEATER} banned" not in text


def test_relay_attempts_count(running):
    for _ in range(2):
        assert relay_answer(running.ports["smtp"], RELAYER) == REFUSED
    assert served(running, RELAYER)
    assert relay_answer(running.ports["smtp"], RELAYER) == REFUSED
    assert wait_until(lambda: banned(running, RELAYER), timeout=5, interval=0.1)
    assert ban_entry(running, RELAYER)[2:] == ["auto", "auto-ban: 3 relay attempts"]


def test_a_source_in_autoban_never_is_never_banned(running):
    wrong_smtp_logins(running, EXEMPT, ALICE, ["x-1", "x-2", "x-3"])
    wrong_smtp_logins(running, EXEMPT, ALICE, ["x-4"])
    for _ in range(3):
        assert relay_answer(running.ports["smtp"], EXEMPT) == REFUSED
    time.sleep(1.0)
    assert served(running, EXEMPT)
    assert ban_entry(running, EXEMPT) is None
    assert f"{EXEMPT} banned" not in log_text(running.data_dir)


def test_switching_autoban_off_and_on_while_running(running):
    check(cli(running, "config", "set", "autoban.enabled", "false"))
    assert wait_until(lambda: "configuration changed: autoban.enabled" in log_text(running.data_dir), timeout=10)
    for _ in range(4):
        assert relay_answer(running.ports["smtp"], SWITCHED) == REFUSED
    time.sleep(1.0)
    assert served(running, SWITCHED)

    check(cli(running, "config", "set", "autoban.enabled", "true"))
    assert wait_until(lambda: log_text(running.data_dir).count("configuration changed: autoban.enabled") >= 2,
                      timeout=10)
    # The attempts made while it was off are still within the window: the next one bans.
    assert relay_answer(running.ports["smtp"], SWITCHED) == REFUSED
    assert wait_until(lambda: banned(running, SWITCHED), timeout=5, interval=0.1)
    assert ban_entry(running, SWITCHED)[3] == "auto-ban: 5 relay attempts"
