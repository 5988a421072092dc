"""The SMTP engine under load and under a crash: a thousand clients connected at once (and the
one after them refused with 421 4.7.0), and a server killed with SIGKILL in the middle of
deliveries, round after round, that must never lose a message it acknowledged nor leave a partial
message in a new/ folder."""

import errno
import os
import random
import re
import resource
import selectors
import socket
import threading
import time

import pytest

from line_clients import SmtpConnection, SmtpReplyError
from postern_harness import (QUEUED, HeadlessServer, all_mailbox_files, copy_data_dir, mail_template,  # noqa: F401
                             maildir_size_field, split_stored, wait_until)

CONNECTIONS = 1000
FILES_NEEDED = 2100
CONNECT_PHASE_SECONDS = 60
IN_FLIGHT = 50       # connections not yet greeted at any moment (keeps the accept backlog short)


def raise_file_limit():
    """Raises this process's soft RLIMIT_NOFILE to the hard limit; returns the soft limit now."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    candidates = [hard] if hard != resource.RLIM_INFINITY else [1024 * 1024, 65536, 16384, 4096]
    for wanted in candidates:
        if soft != resource.RLIM_INFINITY and wanted <= soft:
            break
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
            break
        except (ValueError, OSError):
            continue
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


# --- a thousand connections ----------------------------------------------------------------------

def open_greeted(port, count, deadline):
    """Opens ``count`` connections without blocking, at most IN_FLIGHT of them waiting for their
    greeting at a time; returns the sockets once every one has its full 220 line."""
    selector = selectors.DefaultSelector()
    greeted = []
    waiting = {}
    opened = 0
    try:
        while len(greeted) < count:
            while opened < count and len(waiting) < IN_FLIGHT:
                connection = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                connection.setblocking(False)
                code = connection.connect_ex(("127.0.0.1", port))
                assert code in (0, errno.EINPROGRESS), os.strerror(code)
                waiting[connection] = b""
                selector.register(connection, selectors.EVENT_READ)
                opened += 1
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"only {len(greeted)} of {count} connections greeted in time, {len(waiting)} waiting"
            for key, _ in selector.select(timeout=min(remaining, 1.0)):
                connection = key.fileobj
                try:
                    chunk = connection.recv(4096)
                except BlockingIOError:
                    continue
                assert chunk, f"connection {len(greeted) + 1} closed before its greeting: {waiting[connection]!r}"
                waiting[connection] += chunk
                if b"\r\n" in waiting[connection]:
                    assert waiting[connection] == b"220 mail.example.test ESMTP Postern\r\n", \
                        f"after {len(greeted)} greeted: {waiting[connection]!r}"
                    selector.unregister(connection)
                    del waiting[connection]
                    greeted.append(connection)
        return greeted
    except BaseException:
        for connection in greeted + list(waiting):
            connection.close()
        raise
    finally:
        selector.close()


def first_line(port):
    with SmtpConnection(port, read_greeting=False, timeout=5) as smtp:
        try:
            return smtp.line()
        except SmtpReplyError:
            return smtp.buffer.decode("utf-8", errors="replace")


def test_a_thousand_concurrent_connections(mail_template, tmp_path):
    limit = raise_file_limit()
    if limit < FILES_NEEDED:
        pytest.skip(f"RLIMIT_NOFILE cannot be raised to {FILES_NEEDED} (soft limit {limit}, "
                    f"hard limit {resource.getrlimit(resource.RLIMIT_NOFILE)[1]})")
    data_dir = copy_data_dir(mail_template, tmp_path / "data",
                             overrides={"smtp.max_connections": CONNECTIONS, "smtp.max_connections_per_ip": CONNECTIONS})
    with HeadlessServer(data_dir, settings=False, expect=("smtp",)) as server:
        port = server.ports["smtp"]
        started = time.monotonic()
        held = open_greeted(port, CONNECTIONS, started + CONNECT_PHASE_SECONDS)
        try:
            assert len(held) == CONNECTIONS
            # One more is refused at once, with a reason, and closed.
            with SmtpConnection(port, read_greeting=False, timeout=10) as extra:
                assert extra.wait_closed(timeout=10) == \
                    b"421 4.7.0 mail.example.test Too many connections, try again later\r\n"
            # The thousand are all alive: a sample of them still answers.
            for connection in held[::97]:
                connection.setblocking(True)
                connection.settimeout(10)
                connection.sendall(b"NOOP\r\n")
                reply = b""
                while not reply.endswith(b"\r\n"):
                    chunk = connection.recv(4096)
                    assert chunk, "a held connection was closed"
                    reply += chunk
                assert reply == b"250 2.0.0 Ok\r\n"
        finally:
            for connection in held:
                connection.close()
        # With the slots given back, clients are greeted again.
        assert wait_until(lambda: first_line(port).startswith("220 "), timeout=15), first_line(port)
        assert server.alive()
        code, _ = server.terminate()
        assert code == 0, server.error_lines()


# --- SIGKILL in the middle of deliveries ---------------------------------------------------------

ROUNDS = 5
CLIENTS = 4
TARGETS = {  # recipient -> the mailboxes it delivers to
    "alice@example.test": ("alice@example.test",),
    "bob@example.test": ("bob@example.test",),
    "team@example.test": ("alice@example.test", "bob@example.test"),
}
MESSAGE_ID = re.compile(rb"^Message-Id: <([^>]+)>\r$", re.MULTILINE)


class Ledger:
    """What the clients sent, and what the server acknowledged (a full 250 line seen)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.sent = {}        # message id -> (message bytes, mailboxes)
        self.acked = {}       # message id -> queue id
        self.errors = []      # unexpected replies (not a dead server)


def build_message(generator, message_id, round_number):
    size = generator.randint(2 * 1024, 50 * 1024)
    lines = []
    total = 0
    while total < size:
        kind = generator.random()
        if kind < 0.05:
            line = "." * generator.randint(1, 2)
        elif kind < 0.1:
            line = "." + "".join(generator.choices("abcdefgh.", k=generator.randint(0, 40)))
        else:
            line = "".join(generator.choices("abcdefghijklmnopqrstuvwxyz0123456789 ", k=generator.randint(0, 120)))
        lines.append(line)
        total += len(line) + 2
    head = (f"From: crash@remote.example\r\nSubject: crash round {round_number} {message_id}\r\n"
            f"Message-Id: <{message_id}>\r\n\r\n")
    return (head + "\r\n".join(lines) + "\r\n").encode()


def client(port, round_number, number, ledger, stop, seed):
    generator = random.Random(seed)
    sequence = 0
    while not stop.is_set():
        try:
            with SmtpConnection(port, timeout=10) as smtp:
                if smtp.greeting[0] != 220 or smtp.command("EHLO crash.example")[0] != 250:
                    ledger.errors.append(("greeting", smtp.greeting))
                    return
                while not stop.is_set():
                    sequence += 1
                    message_id = f"r{round_number}.c{number}.n{sequence}@crash.test"
                    recipient = generator.choice(sorted(TARGETS))
                    message = build_message(generator, message_id, round_number)
                    with ledger.lock:
                        ledger.sent[message_id] = (message, TARGETS[recipient])
                    replies = [smtp.command("MAIL FROM:<crash@remote.example>"),
                               smtp.command(f"RCPT TO:<{recipient}>"), smtp.command("DATA")]
                    if [code for code, _ in replies] != [250, 250, 354]:
                        ledger.errors.append((message_id, replies))
                        return
                    smtp.send(re.sub(rb"(?m)^\.", b"..", message) + b".\r\n")
                    code, texts = smtp.reply()
                    if code != 250:
                        ledger.errors.append((message_id, code, texts))
                        return
                    match = QUEUED.match(texts[0])
                    if not match:
                        ledger.errors.append((message_id, code, texts))
                        return
                    with ledger.lock:
                        ledger.acked[message_id] = match.group(1)
        except (SmtpReplyError, OSError):
            # The server is gone (or going): try again until the round is over.
            time.sleep(0.05)


def test_sigkill_never_loses_an_acknowledged_message_nor_leaves_a_partial_one(mail_template, tmp_path):
    seed = random.randrange(1 << 30)
    generator = random.Random(seed)
    data_dir = copy_data_dir(mail_template, tmp_path / "data")
    ledger = Ledger()
    kills = []
    for round_number in range(ROUNDS):
        server = HeadlessServer(data_dir, settings=False, expect=("smtp",)).start()
        try:
            stop = threading.Event()
            threads = [threading.Thread(target=client, daemon=True,
                                        args=(server.ports["smtp"], round_number, number, ledger, stop,
                                              generator.randrange(1 << 30)))
                       for number in range(CLIENTS)]
            for thread in threads:
                thread.start()
            delay = generator.uniform(0.3, 1.5)
            time.sleep(delay)
            acked_before = len(ledger.acked)
            server.process.kill()
            server.process.wait(timeout=10)
            kills.append((delay, acked_before))
            stop.set()
            for thread in threads:
                thread.join(timeout=30)
            assert not any(thread.is_alive() for thread in threads), "a client thread hangs"
        finally:
            server.kill()
        assert not ledger.errors, f"seed {seed}: unexpected replies: {ledger.errors[:5]}"

    # The next start removes what the killed servers left in tmp/ (never acknowledged).
    with HeadlessServer(data_dir, settings=False, expect=("smtp",)) as server:
        assert all_mailbox_files(data_dir, "tmp") == [], f"seed {seed}"
        assert server.terminate()[0] == 0

    context = f"seed {seed}, kills (delay s, acknowledged so far) {kills}"
    assert len(ledger.acked) >= ROUNDS, f"too few deliveries to mean anything: {len(ledger.acked)}; {context}"

    # Every file in a new/ folder is one whole message the clients sent, to a mailbox it was for.
    found = {}   # (message id, mailbox) -> [(path, queue id)]
    for path in all_mailbox_files(data_dir, "new"):
        mailbox = "@".join(reversed(path.split(os.sep)[-4:-2]))
        if mailbox == "full@example.test":
            continue
        with open(path, "rb") as handle:
            data = handle.read()
        assert maildir_size_field(path) == len(data), f"{path}: ,S= is not the file size; {context}"
        trace, body = split_stored(data)
        ids = MESSAGE_ID.findall(body)
        assert len(ids) == 1, f"{path}: no single Message-Id in {body[:200]!r}; {context}"
        message_id = ids[0].decode()
        assert message_id in ledger.sent, f"{path}: unknown message {message_id}; {context}"
        message, mailboxes = ledger.sent[message_id]
        assert body == message, f"{path}: {message_id} is incomplete or altered ({len(body)} of " \
                                f"{len(message)} bytes); {context}"
        assert mailbox in mailboxes, f"{path}: {message_id} was not for {mailbox}; {context}"
        found.setdefault((message_id, mailbox), []).append((path, trace.group("queue_id").decode()))
    duplicates = {key: paths for key, paths in found.items() if len(paths) > 1}
    assert not duplicates, f"delivered more than once: {duplicates}; {context}"

    # Every acknowledged message is there, in each of its mailboxes, under the acknowledged id.
    missing = []
    for message_id, queue_id in ledger.acked.items():
        for mailbox in ledger.sent[message_id][1]:
            copies = found.get((message_id, mailbox))
            if not copies:
                missing.append((message_id, mailbox, queue_id))
            else:
                assert copies[0][1] == queue_id, f"{message_id}: stored as {copies[0][1]}, acknowledged as " \
                                                 f"{queue_id}; {context}"
    assert not missing, f"acknowledged but lost: {missing}; {context}"
