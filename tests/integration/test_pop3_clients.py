"""Real POP3 clients against `postern --headless --ephemeral-ports` on the POP3 fixture
(tests/transcripts/pop3/README.md): Python's poplib, curl and a raw socket. Checked in the Maildir
as well as on the wire: RETR moves a message from new/ to cur/ and keeps its UIDL, DELE takes
effect at QUIT only, UIDLs survive new sessions and a restart, sizes equal what RETR sends, mail
delivered by Postern's own SMTP comes back byte for byte, failed logins all look the same, the
connection limit answers -ERR [SYS/TEMP], and no password reaches the log."""

import os
import poplib
import re
import signal
import threading
import time

import pytest

from pop3_support import (ALICE, ALICE_PASSWORD, AUTH_FAILED, BOB, BOB_PASSWORD, CAROL, CAROL_PASSWORD,
                          CLIENT_TIMEOUT, FIXTURE_MESSAGES, FIXTURE_SIZES, OCTETS, Pop3Connection,
                          base_name, curl_pop3, fixture_file_name, login_when_free, mailbox_names,
                          place_fixture_messages, pop3_template, restart, start_pop3_server)  # noqa: F401
from postern_harness import log_text, mailbox_path, maildir_files, split_stored, today_log_path, wait_until
from smtp_client_support import deliver, make_message

WRONG_PASSWORD = "Wr0ng-Secret-xyz"


@pytest.fixture(scope="module")
def shared(pop3_template, tmp_path_factory):
    """One server for the tests that only touch alice (reset to the fixture by ``server``) or bob."""
    running = start_pop3_server(pop3_template, tmp_path_factory.mktemp("pop3-clients"))
    try:
        yield running
    finally:
        running.kill()


@pytest.fixture
def server(shared):
    place_fixture_messages(shared.data_dir)
    return shared


def poplib_login(port, user=ALICE, password=ALICE_PASSWORD):
    client = poplib.POP3("127.0.0.1", port, timeout=CLIENT_TIMEOUT)
    client.user(user)
    assert client.pass_(password).startswith(b"+OK Logged in")
    return client


def uidl_of(client):
    return {int(n): uid for n, uid in (line.decode().split(" ", 1) for line in client.uidl()[1])}


# --- poplib --------------------------------------------------------------------------------------

def test_poplib_stat_list_uidl_retr_top(server):
    client = poplib_login(server.ports["pop3"])
    try:
        assert client.stat() == (3, sum(FIXTURE_SIZES))
        assert client.list()[1] == [f"{n} {size}".encode() for n, size in enumerate(FIXTURE_SIZES, 1)]
        # A UIDL is the Maildir file name without its ":2,<flags>" info.
        assert uidl_of(client) == {n: fixture_file_name(n) for n in (1, 2, 3)}
        for number, message in enumerate(FIXTURE_MESSAGES, start=1):
            status, lines, octets = client.retr(number)
            assert status == f"+OK {len(message)} octets".encode()
            sent = b"".join(line + b"\r\n" for line in lines)
            if message.endswith(b"\r\n"):
                assert (sent, octets) == (message, len(message))
            else:   # the server ends the last line so the terminating "." stands alone (README)
                assert (sent, octets) == (message + b"\r\n", len(message) + 2)
        assert client.top(2, 1)[1] == FIXTURE_MESSAGES[1].split(b"\r\n")[:5]
        assert client.quit() == b"+OK Postern signing off (3 messages left)"
    finally:
        client.close()


def test_poplib_dele_then_quit_removes_the_file(server):
    client = poplib_login(server.ports["pop3"])
    try:
        uids = uidl_of(client)
        assert client.dele(2) == b"+OK message 2 deleted"
        assert mailbox_names(server.data_dir)["new"] == [fixture_file_name(n) for n in (1, 2, 3)], \
            "DELE removed the file before QUIT"
        assert client.quit() == b"+OK Postern signing off (2 messages left)"
    finally:
        client.close()
    assert mailbox_names(server.data_dir) == {"new": [fixture_file_name(1), fixture_file_name(3)], "cur": []}
    client = poplib_login(server.ports["pop3"])
    try:
        assert client.stat() == (2, FIXTURE_SIZES[0] + FIXTURE_SIZES[2])
        assert uidl_of(client) == {1: uids[1], 2: uids[3]}
        client.quit()
    finally:
        client.close()


# --- raw socket: Maildir effects -----------------------------------------------------------------

def test_dele_then_dropped_connection_deletes_nothing(server):
    """DELE twice, then the client vanishes in the middle of a 3 MB RETR: nothing is deleted and
    the mailbox is free again at once."""
    port = server.ports["pop3"]
    big = b"Subject: big\r\n\r\n" + b"".join(b"%08d " % i + b"z" * 90 + b"\r\n" for i in range(30000))
    big_name = f"1732000004.M400004P4242Q4.mail.example.test,S={len(big)},W={len(big)}"
    with open(os.path.join(mailbox_path(server.data_dir, ALICE), "new", big_name), "wb") as handle:
        handle.write(big)
    pop = Pop3Connection(port)
    try:
        assert pop.login(ALICE, ALICE_PASSWORD).startswith("+OK Logged in, maildrop has 4 messages")
        assert pop.ok("DELE 1") == "+OK message 1 deleted"
        assert pop.ok("DELE 3") == "+OK message 3 deleted"
        assert pop.ok("STAT") == f"+OK 2 {FIXTURE_SIZES[1] + len(big)}"
        assert pop.ok("RETR 4") == f"+OK {len(big)} octets"
        assert pop.raw_line() == b"Subject: big"
    finally:
        pop.close()   # no QUIT, most of the message unread
    assert wait_until(lambda: "connection lost before QUIT: nothing deleted for alice@example.test"
                      in log_text(server.data_dir), timeout=10), "the server did not notice the dropped connection"
    names = mailbox_names(server.data_dir)
    assert names == {"new": [fixture_file_name(n) for n in (1, 2, 3)], "cur": [big_name + ":2,S"]}
    again, reply = login_when_free(port, ALICE, ALICE_PASSWORD)
    with again:
        assert reply == f"+OK Logged in, maildrop has 4 messages ({sum(FIXTURE_SIZES) + len(big)} octets)"
        assert again.retr(4) == (f"+OK {len(big)} octets", big)
        again.quit()


def test_retr_moves_new_to_cur_and_keeps_the_uidl(server):
    with Pop3Connection(server.ports["pop3"]) as pop:
        assert pop.login(ALICE, ALICE_PASSWORD).startswith("+OK Logged in")
        before = pop.listing("UIDL")
        # TOP does not count as reading the message.
        header = FIXTURE_MESSAGES[0].split(b"\r\n\r\n")[0] + b"\r\n\r\n"
        assert pop.retr("1 0", command="TOP") == ("+OK top of message follows", header)
        assert mailbox_names(server.data_dir)["cur"] == [], "TOP moved a message to cur/"
        status, data = pop.retr(2)
        assert (status, data) == ("+OK 120 octets", FIXTURE_MESSAGES[1])
        names = mailbox_names(server.data_dir)
        assert names == {"new": [fixture_file_name(1), fixture_file_name(3)], "cur": [fixture_file_name(2) + ":2,S"]}
        with open(os.path.join(mailbox_path(server.data_dir, ALICE), "cur", names["cur"][0]), "rb") as handle:
            assert handle.read() == FIXTURE_MESSAGES[1]
        assert pop.retr(2)[1] == FIXTURE_MESSAGES[1], "a message moved to cur/ can be read again"
        assert pop.listing("UIDL") == before
        assert pop.quit() == "+OK Postern signing off (3 messages left)"
    with Pop3Connection(server.ports["pop3"]) as pop:
        assert pop.login(ALICE, ALICE_PASSWORD).startswith("+OK Logged in, maildrop has 3 messages")
        assert pop.listing("UIDL") == before
        assert pop.listing("LIST") == dict(enumerate(map(str, FIXTURE_SIZES), 1))
        pop.quit()


def test_uidl_stable_across_sessions_and_a_restart(pop3_template, tmp_path):
    server = start_pop3_server(pop3_template, tmp_path)
    try:
        client = poplib_login(server.ports["pop3"])
        first = uidl_of(client)
        client.retr(3)
        client.quit()
        assert uidl_of_session(server) == first
        # New mail is appended after the old (oldest first) with a new id; the old ids stay.
        queue_id = deliver(server.ports["smtp"], [ALICE], make_message("after restart", ["new one"]))
        assert queue_id
        server = restart(server)
        after = uidl_of_session(server)
        assert {n: after[n] for n in (1, 2, 3)} == first
        assert len(after) == 4 and after[4] not in first.values()
        assert uidl_of_session(server) == after
    finally:
        server.kill()


def uidl_of_session(server):
    client = poplib_login(server.ports["pop3"])
    try:
        return uidl_of(client)
    finally:
        client.quit()
        client.close()


def test_sigterm_lets_an_open_session_finish(pop3_template, tmp_path):
    """A session in TRANSACTION when SIGTERM arrives may still QUIT (README: sessions get up to
    10 s): its DELE takes effect, and the server then exits 0 without waiting for the grace period."""
    server = start_pop3_server(pop3_template, tmp_path, expect=("pop3",))
    try:
        with Pop3Connection(server.ports["pop3"]) as pop:
            assert pop.login(ALICE, ALICE_PASSWORD).startswith("+OK Logged in")
            assert pop.ok("DELE 1") == "+OK message 1 deleted"
            server.process.send_signal(signal.SIGTERM)
            server.wait_for_line(r"stopping: no new connections accepted", timeout=10)
            assert pop.ok("STAT") == f"+OK 2 {FIXTURE_SIZES[1] + FIXTURE_SIZES[2]}"
            assert pop.quit() == "+OK Postern signing off (2 messages left)"
        started = time.monotonic()
        code = server.process.wait(timeout=15)
        assert code == 0 and time.monotonic() - started < 8, (code, time.monotonic() - started)
    finally:
        server.kill()
    assert mailbox_names(server.data_dir) == {"new": [fixture_file_name(2), fixture_file_name(3)], "cur": []}


def test_mail_arriving_during_a_session_is_neither_listed_nor_deleted(server):
    with Pop3Connection(server.ports["pop3"]) as pop:
        assert pop.login(ALICE, ALICE_PASSWORD).startswith("+OK Logged in, maildrop has 3 messages")
        for number in (1, 2, 3):
            pop.ok(f"DELE {number}")
        deliver(server.ports["smtp"], [ALICE], make_message("during a session", ["arrived while locked"]))
        assert pop.ok("RSET") == "+OK maildrop has 3 messages (292 octets)"
        for number in (1, 2, 3):
            pop.ok(f"DELE {number}")
        assert pop.command("LIST 4") == "-ERR no such message, only 3 messages in maildrop"
        assert pop.quit() == "+OK Postern signing off (maildrop empty)"
    [path] = maildir_files(server.data_dir, ALICE, "new")
    with Pop3Connection(server.ports["pop3"]) as pop:
        assert pop.login(ALICE, ALICE_PASSWORD) == \
            f"+OK Logged in, maildrop has 1 message ({os.path.getsize(path)} octets)"
        pop.quit()


# --- mail delivered by Postern's SMTP ------------------------------------------------------------

def test_smtp_delivered_mail_comes_back_byte_for_byte(server):
    port = server.ports["pop3"]
    for path in maildir_files(server.data_dir, BOB, "new") + maildir_files(server.data_dir, BOB, "cur"):
        os.unlink(path)
    sent = [
        make_message("dots and utf-8", ["Hello Bob.", ".a dot line", ".", "..", "Grüße, ½ €", "x" * 990, "",
                                        "end"]),
        make_message("big", [f"{i:06d} " + "abcdefghij" * 7 + ("." if i % 7 == 0 else "") for i in range(5000)]),
        make_message("dot at the end", ["last line is a dot:", "."]),
    ]
    for message in sent:
        deliver(server.ports["smtp"], [BOB], message)
    files = maildir_files(server.data_dir, BOB, "new")
    assert len(files) == 3
    by_body = {}
    for path in files:
        with open(path, "rb") as handle:
            data = handle.read()
        by_body[split_stored(data)[1]] = (os.path.basename(path), data)
    # Oldest first, by the delivery time in the name (not by the name's text: M987 < M1234).
    stored = [by_body[message] for message in sent]

    with Pop3Connection(port) as pop:
        assert pop.login(BOB, BOB_PASSWORD) == \
            f"+OK Logged in, maildrop has 3 messages ({sum(len(data) for _, data in stored)} octets)"
        listed = pop.listing("LIST")
        uids = pop.listing("UIDL")
        for number, (name, data) in enumerate(stored, start=1):
            assert int(listed[number]) == len(data) and uids[number] == base_name(name)
            status, retrieved = pop.retr(number)
            assert OCTETS.match(status).group(1) == str(len(data))
            # RETR gives the file exactly; the file is the trace headers and then exactly what was sent.
            assert retrieved == data, f"message {number}: RETR differs from the stored file"
            assert split_stored(retrieved)[1] == sent[number - 1]
        pop.quit()
    names = mailbox_names(server.data_dir, BOB)
    assert names["new"] == [] and sorted(base_name(n) for n in names["cur"]) == sorted(name for name, _ in stored)

    client = poplib_login(port, BOB, BOB_PASSWORD)
    try:
        for number, (_, data) in enumerate(stored, start=1):
            _, lines, octets = client.retr(number)
            assert b"".join(line + b"\r\n" for line in lines) == data and octets == len(data)
        client.quit()
    finally:
        client.close()
    for number, (_, data) in enumerate(stored, start=1):
        result = curl_pop3(port, str(number), BOB, BOB_PASSWORD)
        assert (result.returncode, result.stdout) == (0, data), result.stderr


# --- curl ----------------------------------------------------------------------------------------

def test_curl_lists_and_retrieves(server):
    port = server.ports["pop3"]
    listing = curl_pop3(port)
    assert listing.returncode == 0, listing.stderr
    assert listing.stdout == b"".join(f"{n} {size}\r\n".encode() for n, size in enumerate(FIXTURE_SIZES, 1))
    for number, message in enumerate(FIXTURE_MESSAGES, start=1):
        result = curl_pop3(port, str(number))
        assert result.returncode == 0, result.stderr
        # curl keeps the CRLF in front of the terminating ".", which ends message 3's last line.
        assert result.stdout == (message if message.endswith(b"\r\n") else message + b"\r\n")
    assert mailbox_names(server.data_dir)["cur"] == [fixture_file_name(n) + ":2,S" for n in (1, 2, 3)]
    refused = curl_pop3(port, "1", password=WRONG_PASSWORD)
    assert refused.returncode == 67 and refused.stdout == b"", (refused.returncode, refused.stderr)


# --- refusals ------------------------------------------------------------------------------------

def test_wrong_password_unknown_user_and_disabled_account_look_the_same(server):
    attempts = {"wrong password": (ALICE, WRONG_PASSWORD), "unknown user": ("nobody@example.test", ALICE_PASSWORD),
                "account disabled": (CAROL, CAROL_PASSWORD), "not a valid user name": ("not an address", "x" * 8)}
    outcome = {}

    def attempt(reason, user, password):
        started = time.monotonic()
        with Pop3Connection(server.ports["pop3"]) as pop:
            outcome[reason] = (pop.login(user, password), time.monotonic() - started, pop.ok("CAPA"))

    threads = [threading.Thread(target=attempt, args=(reason, *credentials))
               for reason, credentials in attempts.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert set(outcome) == set(attempts), outcome
    for reason, (reply, seconds, capa) in outcome.items():
        assert reply == AUTH_FAILED, (reason, reply)
        assert seconds >= 1.0, f"{reason}: the failure came after {seconds:.2f} s, not after the delay"
        assert capa.startswith("+OK")   # the session goes on in AUTHORIZATION
    # Nor does the time tell an unknown user from a wrong password.
    durations = [seconds for _, seconds, _ in outcome.values()]
    assert max(durations) - min(durations) < 0.75, outcome
    text = log_text(server.data_dir)
    for reason, (user, _) in attempts.items():
        assert f'authentication failed for "{user}" from 127.0.0.1 via USER: {reason}' in text, reason
    with pytest.raises(poplib.error_proto, match=re.escape(AUTH_FAILED)):
        poplib_login(server.ports["pop3"], CAROL, CAROL_PASSWORD)


@pytest.mark.parametrize("key, refusal", [
    ("pop3.max_connections", "-ERR [SYS/TEMP] Too many connections, try again later"),
    ("pop3.max_connections_per_ip", "-ERR [SYS/TEMP] Too many connections from your address, try again later"),
])
def test_connection_limit_answers_sys_temp_and_closes(pop3_template, tmp_path, key, refusal):
    """The limit, set with `postern config set` before the start: the connection over it gets one
    -ERR [SYS/TEMP] line and EOF; once a session ends a new connection is served again."""
    server = start_pop3_server(pop3_template, tmp_path, overrides={key: "2"}, expect=("pop3",))
    try:
        port = server.ports["pop3"]
        first, second = Pop3Connection(port), Pop3Connection(port)
        assert first.greeting == second.greeting == "+OK Postern ready"
        for _ in range(3):   # refusals do not wear the count down
            with Pop3Connection(port, read_greeting=False) as third:
                assert third.wait_closed(timeout=10) == refusal.encode() + b"\r\n"
        assert first.quit() == "+OK Postern signing off"
        first.close()

        def admitted():
            with Pop3Connection(port, read_greeting=False) as probe:
                try:
                    probe.send(b"QUIT\r\n")
                except OSError:
                    return False
                return probe.wait_closed(timeout=5).startswith(b"+OK Postern ready\r\n")

        assert wait_until(admitted, timeout=10, interval=0.1), "no new connection admitted after one closed"
        assert second.login(ALICE, ALICE_PASSWORD).startswith("+OK Logged in")
        second.quit()
        second.close()
    finally:
        server.kill()


def test_log_of_the_day_never_contains_a_password(shared):
    """Run last: after every login above (good and bad, poplib, curl, raw), the log holds none of
    the passwords."""
    assert os.path.isfile(today_log_path(shared.data_dir))
    text = log_text(shared.data_dir)
    assert "login alice@example.test" in text and "login bob@example.test" in text
    for secret in (ALICE_PASSWORD, BOB_PASSWORD, CAROL_PASSWORD, WRONG_PASSWORD):
        assert secret not in text, f"the log contains the password {secret!r}"
