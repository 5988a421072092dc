"""fetchmail (/usr/bin/fetchmail) against `postern --headless --ephemeral-ports` on the POP3
fixture, delivering into an mbox file through an MDA (`cat >> MBOX`): keep leaves the messages on
the server, flush removes the ones already seen, the default deletes what it fetched. And the
maildrop lock: a second session for a mailbox in TRANSACTION gets -ERR [IN-USE] (fetchmail reports
"lock busy"), and once the first session QUITs or drops, logging in works again."""

import os
import re
import subprocess

import pytest

from pop3_support import (ALICE, ALICE_PASSWORD, BOB, BOB_PASSWORD, FIXTURE_MESSAGES, FIXTURE_SIZES, Pop3Connection,
                          fixture_file_name, login_when_free, mailbox_names, place_fixture_messages,
                          pop3_template, start_pop3_server)  # noqa: F401
from postern_harness import log_text, maildir_files, split_stored, wait_until
from smtp_client_support import deliver, make_message

FETCHMAIL = "/usr/bin/fetchmail"
IN_USE = "-ERR [IN-USE] mailbox locked"
# The header fetchmail puts in front of each message it hands to the MDA (after a Return-Path
# line, which it keeps first).
FETCHMAIL_RECEIVED = re.compile(rb"(Return-Path: <[^>\n]*>\n)?"
                                rb"Received: from 127\.0\.0\.1 \[127\.0\.0\.1\]\n"
                                rb"\tby \S+ with POP3 \(fetchmail-[^)]*\)\n"
                                rb"\tfor <[^>\n]+> \([^)\n]+\); [^\n]+\n")
LOCKBUSY = 9   # fetchmail's exit code when the server says the mailbox is locked


@pytest.fixture(scope="module")
def shared(pop3_template, tmp_path_factory):
    running = start_pop3_server(pop3_template, tmp_path_factory.mktemp("pop3-fetchmail"))
    try:
        yield running
    finally:
        running.kill()


@pytest.fixture
def server(shared):
    place_fixture_messages(shared.data_dir)
    return shared


def fetchmail(port, home, mbox, mode, user=ALICE, password=ALICE_PASSWORD):
    """One fetchmail run (no daemon) with a 0600 rcfile in ``home`` (also its HOME, where it keeps
    .fetchids); ``mode`` is "keep", "flush" or "" (the default: delete what was fetched)."""
    os.makedirs(home, exist_ok=True)
    rcfile = os.path.join(home, "fetchmailrc")
    with open(os.open(rcfile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as handle:
        # sslproto "": clear text, no opportunistic STLS (the server's certificate is self-signed;
        # fetchmail over TLS is test_tls_clients.py's). Loopback may log in without TLS.
        handle.write(f'poll 127.0.0.1 protocol pop3 port {port} user "{user}" password "{password}" {mode} '
                     f'sslproto "" mda "cat >> {mbox}"\n')
    os.chmod(rcfile, 0o600)
    env = dict(os.environ, HOME=str(home), LC_ALL="C")
    env.pop("FETCHMAILHOME", None)
    return subprocess.run([FETCHMAIL, "-N", "-d0", "--nosyslog", "-f", rcfile], stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=60, env=env)


def mbox_messages(mbox):
    """The messages the MDA appended, each without fetchmail's Received header."""
    if not os.path.exists(mbox):
        return []
    with open(mbox, "rb") as handle:
        data = handle.read()
    parts = FETCHMAIL_RECEIVED.split(data)
    assert parts[0] == b"", f"the mbox does not start with fetchmail's Received header: {data[:200]!r}"
    return [(return_path or b"") + rest for return_path, rest in zip(parts[1::2], parts[2::2])]


def as_delivered(message):
    """A message as fetchmail hands it to an MDA: LF line ends, the last line ended."""
    data = message.replace(b"\r\n", b"\n")
    return data if data.endswith(b"\n") else data + b"\n"


def stat(port, user=ALICE, password=ALICE_PASSWORD):
    connection, reply = login_when_free(port, user, password)
    with connection:
        assert reply.startswith("+OK Logged in"), reply
        result = connection.ok("STAT")
        connection.quit()
        return result


# --- fetchmail -----------------------------------------------------------------------------------

def test_fetchmail_keep_then_flush(server, tmp_path):
    port, home, mbox = server.ports["pop3"], tmp_path / "home", tmp_path / "mbox"
    kept = fetchmail(port, home, mbox, "keep")
    assert kept.returncode == 0, kept.stdout + kept.stderr
    assert "3 messages for alice@example.test" in kept.stdout
    assert mbox_messages(mbox) == [as_delivered(message) for message in FIXTURE_MESSAGES]
    # Kept: all three still there, moved to cur/ as seen.
    assert mailbox_names(server.data_dir) == {"new": [], "cur": [fixture_file_name(n) + ":2,S" for n in (1, 2, 3)]}
    assert stat(port) == f"+OK 3 {sum(FIXTURE_SIZES)}"

    again = fetchmail(port, home, mbox, "keep")
    assert again.returncode == 1, again.stdout + again.stderr   # 1: no new mail (the UIDLs were remembered)
    assert "(3 seen)" in again.stdout
    assert len(mbox_messages(mbox)) == 3

    flushed = fetchmail(port, home, mbox, "flush")
    assert flushed.returncode == 1, flushed.stdout + flushed.stderr
    assert flushed.stdout.count("flushed") == 3
    assert len(mbox_messages(mbox)) == 3
    assert mailbox_names(server.data_dir) == {"new": [], "cur": []}
    assert stat(port) == "+OK 0 0"


def test_fetchmail_default_deletes_what_it_fetched(server, tmp_path):
    port, mbox = server.ports["pop3"], tmp_path / "mbox"
    sent = make_message("for fetchmail", ["delivered by Postern's SMTP", ".", "..x", "end"])
    deliver(server.ports["smtp"], [ALICE], sent)
    [path] = [p for p in maildir_files(server.data_dir, ALICE) if "4242Q" not in p]
    with open(path, "rb") as handle:
        stored = handle.read()
    assert split_stored(stored)[1] == sent

    result = fetchmail(port, tmp_path / "home", mbox, "")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 messages for alice@example.test" in result.stdout
    assert mbox_messages(mbox) == [as_delivered(m) for m in FIXTURE_MESSAGES] + [as_delivered(stored)]
    assert mailbox_names(server.data_dir) == {"new": [], "cur": []}
    assert stat(port) == "+OK 0 0"
    assert f"logout {ALICE}: 4 deleted, 0 left" in log_text(server.data_dir)


def test_fetchmail_reports_a_locked_mailbox_and_changes_nothing(server, tmp_path):
    port, home, mbox = server.ports["pop3"], tmp_path / "home", tmp_path / "mbox"
    with Pop3Connection(port) as holder:
        assert holder.login(ALICE, ALICE_PASSWORD).startswith("+OK Logged in")
        busy = fetchmail(port, home, mbox, "")
        assert busy.returncode == LOCKBUSY, busy.stdout + busy.stderr
        assert "[IN-USE]" in busy.stderr
        assert mbox_messages(mbox) == []
        assert holder.ok("STAT") == f"+OK 3 {sum(FIXTURE_SIZES)}"   # the holder's session is unharmed
        holder.quit()
    assert mailbox_names(server.data_dir)["new"] == [fixture_file_name(n) for n in (1, 2, 3)]
    result = fetchmail(port, home, mbox, "keep")
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(mbox_messages(mbox)) == 3


# --- the maildrop lock ---------------------------------------------------------------------------

def test_second_login_gets_in_use_until_the_first_quits(server):
    port = server.ports["pop3"]
    with Pop3Connection(port) as first, Pop3Connection(port) as second:
        assert first.login(ALICE, ALICE_PASSWORD) == "+OK Logged in, maildrop has 3 messages (292 octets)"
        assert first.ok("DELE 1") == "+OK message 1 deleted"
        # Same mailbox, whatever the spelling and the mechanism; not a failed login (no close after 3).
        assert second.login(ALICE, ALICE_PASSWORD) == IN_USE
        assert second.login("Alice@EXAMPLE.test", ALICE_PASSWORD) == IN_USE
        assert second.command("AUTH PLAIN AGFsaWNlQGV4YW1wbGUudGVzdABwYXNzd29yZDEyMw==") == IN_USE
        assert second.login(ALICE, ALICE_PASSWORD) == IN_USE
        assert second.command("STAT") == "-ERR not logged in"
        # Another mailbox is not locked.
        with Pop3Connection(port) as other:
            assert other.login(BOB, BOB_PASSWORD).startswith("+OK Logged in")
            other.quit()
        assert first.quit() == "+OK Postern signing off (2 messages left)"
        assert second.login(ALICE, ALICE_PASSWORD) == "+OK Logged in, maildrop has 2 messages (208 octets)"
        second.quit()
    log = log_text(server.data_dir)
    assert "login alice@example.test refused: mailbox in use by another session" in log


def test_lock_is_released_when_the_first_session_drops(server):
    port = server.ports["pop3"]
    first = Pop3Connection(port)
    try:
        assert first.login(ALICE, ALICE_PASSWORD).startswith("+OK Logged in")
        assert first.ok("DELE 2") == "+OK message 2 deleted"
        with Pop3Connection(port) as second:
            assert second.login(ALICE, ALICE_PASSWORD) == IN_USE
    finally:
        first.close()   # dropped in TRANSACTION: the lock goes, nothing is deleted
    assert wait_until(lambda: "connection lost before QUIT: nothing deleted for alice@example.test"
                      in log_text(server.data_dir), timeout=10)
    third, reply = login_when_free(port, ALICE, ALICE_PASSWORD)
    with third:
        assert reply == "+OK Logged in, maildrop has 3 messages (292 octets)"
        assert third.ok("LIST 2") == "+OK 2 120"
        third.quit()
