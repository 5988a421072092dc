"""Every SMTP transcript (tests/transcripts/smtp/*.txt) replayed over loopback against the real
server, on the fixture of tests/transcripts/README.md. The unit test tst_smtptranscripts replays
the same files against the pure session; here they go through the listener, the worker pool, the
recipient directory on the database and the Maildir store.

Transcripts with the same @set lines share one server (its settings written with `postern config
set` before it starts). `@service submission` replays on the submission port, `@tls active` on the
implicit-TLS port (smtps), and a [*** STARTTLS ***] marker makes the replay do the handshake there.
A transcript without an @tls line runs against a server whose certificate cannot load, as the pure
session runs without TLS; the few whose setup cannot be made over loopback are skipped (see
real_server_skip_reason)."""

import glob
import os
import re

import pytest

from postern_harness import (HeadlessServer, all_mailbox_files, copy_data_dir, mail_template,  # noqa: F401
                             maildir_files, split_stored)
from transcript_replay import load, real_server_skip_reason, replay, server_settings_for, service_for

TRANSCRIPTS = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "transcripts", "smtp"))
FILES = sorted(os.path.basename(path) for path in glob.glob(os.path.join(TRANSCRIPTS, "*.txt")))


class ServerPool:
    """One running server per distinct set of transcript settings, started on first use."""

    def __init__(self, template, root):
        self.template = template
        self.root = root
        self.servers = {}

    def server_for(self, settings):
        key = tuple(sorted(settings.items()))
        if key not in self.servers:
            data_dir = self.root / f"data-{len(self.servers)}"
            copy_data_dir(self.template, data_dir, overrides=dict(key))
            server = HeadlessServer(data_dir, settings=False, expect=("smtp", "submission", "smtps"))
            server.start()
            self.servers[key] = server
        return self.servers[key]

    def stop_all(self):
        for server in self.servers.values():
            server.kill()


@pytest.fixture(scope="module")
def servers(mail_template, tmp_path_factory):
    pool = ServerPool(mail_template, tmp_path_factory.mktemp("transcript-servers"))
    try:
        yield pool
    finally:
        pool.stop_all()


def test_transcripts_are_there():
    assert len(FILES) >= 30, FILES


def test_most_transcripts_run_against_the_real_server():
    """The skips are the exception: everything without TLS, and AUTH in clear text on loopback
    above all, runs here."""
    runnable = [name for name in FILES if not real_server_skip_reason(load(os.path.join(TRANSCRIPTS, name)))]
    assert len(runnable) >= 45, runnable
    for name in ("auth-plain.txt", "auth-login.txt", "auth-errors.txt", "auth-failures-close.txt",
                 "auth-plaintext-never.txt", "submission-requires-auth.txt", "starttls-unavailable.txt",
                 "auth-relay.txt", "auth-smtp-only-login.txt", "auth-mail-parameter.txt"):
        assert name in runnable, name


@pytest.mark.parametrize("name", FILES)
def test_transcript(servers, name):
    transcript = load(os.path.join(TRANSCRIPTS, name))
    reason = real_server_skip_reason(transcript)
    if reason:
        pytest.skip(reason)
    settings = server_settings_for(transcript)
    server = servers.server_for(settings)
    assert server.alive(), f"the server for {settings} is gone: {server.error_lines()}"
    lines = replay(transcript, server.ports[service_for(transcript, "smtp")])
    assert server.alive(), f"the server died during {name}: {server.error_lines()}"
    # Every "queued as" is a message in a new/ folder (the 250 comes after the commit), stored
    # under that id.
    queued = [match.group(1) for match in map(re.compile(r"^250 2\.0\.0 Ok: queued as ([0-9A-F]+)$").match, lines)
              if match]
    if queued:
        stored = set()
        for path in all_mailbox_files(server.data_dir, "new"):
            with open(path, "rb") as handle:
                head = handle.read(4096)
            if head.startswith(b"Return-Path:"):
                stored.add(split_stored(head)[0].group("queue_id").decode())
        assert set(queued) <= stored, f"acknowledged but not in any new/: {set(queued) - stored}"


def test_nothing_left_in_tmp_and_the_full_mailbox_untouched(servers):
    """After all the conversations (run last): no message file stays behind in a tmp/ folder, and
    the mailbox over quota got nothing."""
    assert servers.servers, "no transcript ran"
    for server in servers.servers.values():
        assert all_mailbox_files(server.data_dir, "tmp") == []
        assert len(maildir_files(server.data_dir, "full@example.test")) == 1
