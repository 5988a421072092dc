"""Every POP3 transcript (tests/transcripts/pop3/*.txt) replayed over loopback against the real
server, on the fixture of tests/transcripts/pop3/README.md: alice with the three messages written
byte for byte into her Maildir new/ (named <unique>,S=<size>,W=<size>, so the sizes are the
transcripts'), bob without mail, carol disabled. The unit test tst_pop3transcripts replays the
same files against the pure session; here they go through the listener, the worker pool, the
password verifier, the credentials from the database and the Maildir.

One server per distinct set of @set lines serves them; before each conversation alice's mailbox is
put back to the fixture ("each conversation starts from this fixture afresh"). `@tls active` runs on
pop3s and a [*** STARTTLS ***] marker makes the replay do the handshake; without an @tls line the
server's certificate cannot load, as the pure session runs without TLS. The few whose setup cannot
be made over loopback are skipped (see real_server_skip_reason)."""

import glob
import os
import re

import pytest

from pop3_support import (ALICE, FIXTURE_BASES, FIXTURE_MESSAGES, FIXTURE_SIZES, OCTETS, Pop3Connection, base_name,
                          fixture_file_name, mailbox_names, place_fixture_messages, pop3_template,  # noqa: F401
                          start_pop3_server)
from postern_harness import log_text, mailbox_path, maildir_files
from transcript_replay import NO_CERTIFICATE, load, real_server_skip_reason, replay, server_settings_for, service_for

TRANSCRIPTS = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "transcripts", "pop3"))
FILES = sorted(os.path.basename(path) for path in glob.glob(os.path.join(TRANSCRIPTS, "*.txt")))
SIGNING_OFF = re.compile(r"^\+OK Postern signing off(?: \((?:(\d+) messages? left|maildrop empty)\))?$")


@pytest.fixture(scope="module")
def servers(pop3_template, tmp_path_factory):
    """settings -> a running server on a copy of the fixture with those settings, started on first use."""
    root = tmp_path_factory.mktemp("pop3-transcripts")
    running = {}

    def server_for(settings):
        key = tuple(sorted(settings.items()))
        if key not in running:
            running[key] = start_pop3_server(pop3_template, root, overrides=dict(key), expect=("pop3", "pop3s"))
        return running[key]

    try:
        yield server_for
    finally:
        for server in running.values():
            server.kill()


@pytest.fixture(scope="module")
def server(servers):
    """The server most transcripts run on: no @set lines, no TLS."""
    return servers(dict(NO_CERTIFICATE))


def test_transcripts_are_there():
    assert len(FILES) >= 20, FILES


def test_fixture_files_are_the_readme_bytes(server):
    """The files the transcripts run on: exact bytes, ,S= and ,W= equal to the size."""
    place_fixture_messages(server.data_dir)
    paths = maildir_files(server.data_dir, ALICE, "new")
    assert [base_name(os.path.basename(path)).split(",")[0] for path in paths] == list(FIXTURE_BASES)
    for path, message in zip(paths, FIXTURE_MESSAGES):
        with open(path, "rb") as handle:
            assert handle.read() == message
        assert os.path.basename(path).endswith(f",S={len(message)},W={len(message)}")


def test_most_transcripts_run_against_the_real_server():
    runnable = [name for name in FILES if not real_server_skip_reason(load(os.path.join(TRANSCRIPTS, name)))]
    assert len(runnable) >= 22, runnable
    for name in ("plaintext-disallowed.txt", "stls-unavailable.txt", "login-failures-close.txt"):
        assert name in runnable, name


@pytest.mark.parametrize("name", FILES)
def test_transcript(servers, name):
    transcript = load(os.path.join(TRANSCRIPTS, name))
    reason = real_server_skip_reason(transcript)
    if reason:
        pytest.skip(reason)
    server = servers(server_settings_for(transcript))
    place_fixture_messages(server.data_dir)
    lines = replay(transcript, server.ports[service_for(transcript, "pop3")])
    assert server.alive(), f"the server died during {name}: {server.error_lines()}"

    # What the Maildir holds afterwards agrees with the last word of the conversation.
    names = mailbox_names(server.data_dir)
    bases = sorted(base_name(n) for n in names["new"] + names["cur"])
    signed_off = [m for m in map(SIGNING_OFF.match, lines) if m]
    if signed_off and "Logged in, maildrop has 3" in " ".join(lines):
        left = int(signed_off[-1].group(1) or 0)
        assert len(bases) == left, f"{name}: the server said {left} messages left, the Maildir has {names}"
    else:
        assert len(bases) == 3, f"{name}: nothing may be deleted without a QUIT in TRANSACTION: {names}"
    # A message sent with RETR (not TOP) moved to cur/ with the Seen flag (the sizes tell which).
    retrieved = {FIXTURE_SIZES.index(int(m.group(1))) + 1 for m in map(OCTETS.match, lines) if m}
    deleted = set(range(1, 4)) - {FIXTURE_BASES.index(b.split(",")[0]) + 1 for b in bases}
    for number in sorted(retrieved - deleted):
        cur = [n for n in names["cur"] if n.startswith(FIXTURE_BASES[number - 1])]
        assert cur and cur[0].endswith(":2,S"), f"{name}: message {number} was retrieved but is not in cur/: {names}"
    for number in sorted(set(range(1, 4)) - retrieved - deleted):
        assert fixture_file_name(number) in names["new"], f"{name}: message {number} left new/: {names}"


def test_empty_mailbox_with_its_folders(server):
    """Beyond the transcripts (bob-empty-maildrop.txt ran without a mailbox directory): bob's
    mailbox once its folders exist but hold nothing."""
    for folder in ("tmp", "new", "cur"):
        os.makedirs(os.path.join(mailbox_path(server.data_dir, "bob@example.test"), folder), exist_ok=True)
    with Pop3Connection(server.ports["pop3"]) as pop:
        assert pop.login("bob@example.test", "password456") == "+OK Logged in, maildrop has 0 messages (0 octets)"
        assert pop.ok("STAT") == "+OK 0 0"
        assert pop.quit() == "+OK Postern signing off (maildrop empty)"


def test_log_names_the_sessions_but_never_a_password(server):
    """Run after the transcripts: logins and failures are in the log, no password is, in clear or
    in the base64 of an AUTH PLAIN response."""
    text = log_text(server.data_dir)
    assert re.search(r"INFO pop3 \S+ login alice@example\.test: 3 messages, 292 octets", text), text[-2000:]
    assert 'authentication failed for "carol@example.test" from 127.0.0.1 via USER: account disabled' in text
    assert 'authentication failed for "nobody@example.test" from 127.0.0.1 via USER: unknown user' in text
    for secret in ("password123", "password456", "password789", "PASSWORD123", "password12",
                   "AGFsaWNlQGV4YW1wbGUudGVzdABwYXNzd29yZDEyMw==", "AGJvYkBleGFtcGxlLnRlc3QAcGFzc3dvcmQ0NTY="):
        assert secret not in text, f"the log contains {secret!r}"
