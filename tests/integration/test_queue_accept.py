"""Accepting mail for remote recipients into the outbound queue, through the real server: an
authenticated client (smtplib, swaks) relays to a remote address and gets 250; the envelope is a
row in queue_messages / queue_recipients with RET, ENVID, NOTIFY and ORCPT as given and the file
is in DATA_DIR/queue/new; a message for a local and a remote recipient is in the Maildir and the
queue; relaying without authentication is still refused; and a SIGKILL right after the 250 loses
nothing across a restart. Nothing leaves the queue yet (no delivery agent): that is expected."""

import os
import signal
import smtplib
import sqlite3
import subprocess

from postern_harness import FIXTURE_PASSWORD, HeadlessServer, mail_template  # noqa: F401
from smtp_client_support import (ALICE, BOB, CLIENT_TIMEOUT, HELO, Mailboxes, deliver, make_message,  # noqa: F401
                                 server, start_server)

SWAKS = "/usr/bin/swaks"
FRIEND = "friend@remote.example"


def queue_rows(data_dir, queue_id):
    """(message row, [recipient rows]) for one queue id, read with sqlite3."""
    connection = sqlite3.connect(os.path.join(str(data_dir), "postern.db"), timeout=10)
    connection.row_factory = sqlite3.Row
    try:
        message = connection.execute("SELECT * FROM queue_messages WHERE id = ?", (queue_id,)).fetchone()
        recipients = connection.execute("SELECT * FROM queue_recipients WHERE message_id = ? ORDER BY id",
                                        (queue_id,)).fetchall()
        return (dict(message) if message else None), [dict(row) for row in recipients]
    finally:
        connection.close()


def queue_files(data_dir):
    return sorted(os.listdir(os.path.join(str(data_dir), "queue", "new")))


def test_smtplib_relay_is_queued_with_dsn_parameters(server):
    message = make_message("to the world", ["leaving soon"], sender=ALICE)
    before = set(queue_files(server.data_dir))
    with smtplib.SMTP("127.0.0.1", server.ports["smtp"], local_hostname=HELO, timeout=CLIENT_TIMEOUT) as smtp:
        smtp.ehlo()
        assert smtp.has_extn("dsn")
        smtp.login(ALICE, FIXTURE_PASSWORD)
        assert smtp.mail(ALICE, ["RET=HDRS", "ENVID=QQ314159+2Bz"]) == (250, b"2.1.0 Ok")
        assert smtp.rcpt(FRIEND, ["NOTIFY=SUCCESS,FAILURE", "ORCPT=rfc822;Friend+40remote.example"]) == (250, b"2.1.5 Ok")
        code, text = smtp.data(message)
        assert code == 250, text
        queue_id = text.decode().rsplit(" ", 1)[-1]
    row, recipients = queue_rows(server.data_dir, queue_id)
    assert row is not None, queue_id
    assert row["sender"] == ALICE
    assert row["ret"] == "hdrs"
    assert row["envelope_id"] == "QQ314159+z"
    assert row["origin"] == f"dns; {HELO} ([127.0.0.1])"
    assert row["eight_bit"] == 0
    [added] = sorted(set(queue_files(server.data_dir)) - before)
    assert row["file_name"] == added
    path = os.path.join(server.data_dir, "queue", "new", added)
    assert row["size"] == os.path.getsize(path)
    with open(path, "rb") as handle:
        assert handle.read().endswith(message)
    assert [(r["address"], r["notify"], r["original_recipient"], r["state"], r["report"]) for r in recipients] == [
        (FRIEND, "success,failure", "rfc822;Friend@remote.example", "queued", "none")]


def test_swaks_relay_is_queued(server):
    before = set(queue_files(server.data_dir))
    result = subprocess.run(
        [SWAKS, "--server", "127.0.0.1", "--port", str(server.ports["smtp"]), "--helo", HELO,
         "--from", ALICE, "--to", FRIEND, "--auth", "PLAIN", "--auth-user", ALICE, "--auth-password", FIXTURE_PASSWORD,
         "--header", "Subject: swaks out", "--body", "from swaks", "--timeout", "20"],
        capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    queued_line = [line for line in result.stdout.splitlines() if "queued as" in line]
    assert queued_line, result.stdout
    queue_id = queued_line[-1].rsplit(" ", 1)[-1]
    row, recipients = queue_rows(server.data_dir, queue_id)
    assert row is not None and row["ret"] == "" and row["envelope_id"] == ""
    assert [(r["address"], r["notify"], r["original_recipient"]) for r in recipients] == [(FRIEND, "failure,delay", "")]
    assert set(queue_files(server.data_dir)) - before == {row["file_name"]}


def test_local_and_remote_recipient(server):
    boxes = Mailboxes(server.data_dir, BOB)
    before = set(queue_files(server.data_dir))
    message = make_message("both ways", ["one copy each"], sender=ALICE)
    queue_id = deliver(server.ports["smtp"], [BOB, FRIEND], message, sender=ALICE, login=(ALICE, FIXTURE_PASSWORD))
    [stored] = boxes.added(BOB)
    row, recipients = queue_rows(server.data_dir, queue_id)
    assert [r["address"] for r in recipients] == [FRIEND]
    [added] = sorted(set(queue_files(server.data_dir)) - before)
    assert row["file_name"] == added
    queued = os.path.join(server.data_dir, "queue", "new", added)
    assert os.stat(queued).st_ino == os.stat(stored).st_ino   # written once, hard-linked


def test_unauthenticated_relay_still_refused(server):
    before = set(queue_files(server.data_dir))
    with smtplib.SMTP("127.0.0.1", server.ports["smtp"], local_hostname=HELO, timeout=CLIENT_TIMEOUT) as smtp:
        smtp.ehlo()
        assert smtp.mail("sender@remote.example")[0] == 250
        assert smtp.rcpt(FRIEND, ["NOTIFY=NEVER"]) == (554, b"5.7.1 <friend@remote.example>: Relay access denied")
    assert set(queue_files(server.data_dir)) == before


def test_sigkill_after_250_keeps_row_and_file(mail_template, tmp_path):
    running = start_server(mail_template, tmp_path)
    try:
        message = make_message("survives", ["a crash"], sender=ALICE)
        queue_id = deliver(running.ports["smtp"], [FRIEND], message, sender=ALICE, login=(ALICE, FIXTURE_PASSWORD))
        running.process.send_signal(signal.SIGKILL)
        running.process.wait(timeout=10)
    finally:
        running.kill()
    row, recipients = queue_rows(running.data_dir, queue_id)
    assert row is not None and [r["address"] for r in recipients] == [FRIEND]
    assert queue_files(running.data_dir) == [row["file_name"]]
    # The restart's recovery keeps what was acknowledged.
    restarted = HeadlessServer(running.data_dir, settings=False, expect=("smtp", "submission")).start()
    try:
        assert queue_rows(running.data_dir, queue_id)[0] is not None
        assert queue_files(running.data_dir) == [row["file_name"]]
    finally:
        restarted.kill()
