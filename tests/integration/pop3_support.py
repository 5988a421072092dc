"""What the POP3 integration tests (test_pop3_*.py) share: the fixture of
tests/transcripts/pop3/README.md on a real data directory, servers started on copies of it, and a
raw POP3 client over one socket (exact bytes out, lines in, every wait bounded).

    create_pop3_fixture(data_dir)           # alice (3 messages in new/), bob (none), carol (disabled)
    server = start_pop3_server(template, root, overrides={"pop3.max_connections": 2})
    with Pop3Connection(server.ports["pop3"]) as pop:
        pop.login(ALICE, ALICE_PASSWORD)     # -> "+OK Logged in, ..."
        status, data = pop.retr(1)           # data: the message, dot-stuffing undone, CRLF kept
"""

import os
import re
import socket
import subprocess
import time

import pytest

from line_clients import LineConnection
from postern_harness import (MAIL_DOMAIN, MAIL_HOST, HeadlessServer, check, configure, copy_data_dir, mailbox_path,
                             maildir_files, postern, server_settings)

ALICE = f"alice@{MAIL_DOMAIN}"
BOB = f"bob@{MAIL_DOMAIN}"
CAROL = f"carol@{MAIL_DOMAIN}"
ALICE_PASSWORD = "password123"
BOB_PASSWORD = "password456"
CAROL_PASSWORD = "password789"
AUTH_FAILED = "-ERR [AUTH] Authentication failed"
CLIENT_TIMEOUT = 20

# Alice's messages, oldest first (tests/support/pop3fixture.cpp), and their Maildir names.
FIXTURE_MESSAGES = (
    b"From: sender@remote.example\r\nTo: alice@example.test\r\nSubject: one\r\n\r\nfirst message\r\n",
    b"From: sender@remote.example\r\nTo: alice@example.test\r\nSubject: two\r\n\r\n"
    b"line 1\r\n.starts with a dot\r\n..two dots\r\n.\r\nline 5\r\n",
    b"From: sender@remote.example\r\nTo: alice@example.test\r\nSubject: three\r\n\r\nno final line end",
)
FIXTURE_BASES = tuple(f"173200000{n}.M{n}0000{n}P4242Q{n}.mail.example.test" for n in (1, 2, 3))
FIXTURE_SIZES = (84, 120, 88)
assert tuple(map(len, FIXTURE_MESSAGES)) == FIXTURE_SIZES


def fixture_file_name(number):
    """The new/ name of fixture message ``number`` (1-based): ``<unique>,S=<size>,W=<size>``."""
    size = FIXTURE_SIZES[number - 1]
    return f"{FIXTURE_BASES[number - 1]},S={size},W={size}"


def place_fixture_messages(data_dir, address=ALICE):
    """Empties the mailbox's tmp/, new/ and cur/ and writes the three fixture messages into new/."""
    root = mailbox_path(data_dir, address)
    for folder in ("tmp", "new", "cur"):
        directory = os.path.join(root, folder)
        os.makedirs(directory, exist_ok=True)
        for name in os.listdir(directory):
            os.unlink(os.path.join(directory, name))
    for number, data in enumerate(FIXTURE_MESSAGES, start=1):
        with open(os.path.join(root, "new", fixture_file_name(number)), "wb") as handle:
            handle.write(data)


def create_pop3_fixture(data_dir, settings=None):
    """The POP3 transcripts' fixture through the CLI: server_settings(settings), server.hostname
    mail.example.test, domain example.test with alice (password123, the three messages in new/),
    bob (password456, no mailbox yet) and carol (password789, disabled)."""
    configure(data_dir, None, dict(server_settings(settings), **{"server.hostname": MAIL_HOST}))

    def run(*args, stdin=None):
        check(postern(*args, data_dir=data_dir, stdin=stdin))

    run("domain", "add", MAIL_DOMAIN)
    for address, password in ((ALICE, ALICE_PASSWORD), (BOB, BOB_PASSWORD), (CAROL, CAROL_PASSWORD)):
        run("user", "add", address, "--password-stdin", stdin=password + "\n")
    run("user", "disable", CAROL)
    place_fixture_messages(data_dir)


@pytest.fixture(scope="module")
def pop3_template(tmp_path_factory):
    """A stopped data directory with the POP3 fixture, made once per module; copy it with copy_data_dir."""
    directory = tmp_path_factory.mktemp("pop3-template") / "data"
    create_pop3_fixture(directory)
    return directory


_copies = iter(range(1, 10000))


def start_pop3_server(template, root, overrides=None, expect=("pop3", "smtp"), env=None):
    """A running server on a fresh copy of ``template`` (``overrides`` written with config set first,
    ``env`` added to its environment)."""
    data_dir = copy_data_dir(template, root / f"data-{next(_copies)}", overrides=overrides)
    return HeadlessServer(data_dir, settings=False, expect=expect, env=env).start()


def restart(server, expect=("pop3", "smtp")):
    """Stops ``server`` with SIGTERM and starts a new one on the same data directory."""
    code, _ = server.terminate()
    assert code == 0, f"postern exited with {code}: {server.error_lines()}"
    return HeadlessServer(server.data_dir, settings=False, expect=expect).start()


def mailbox_names(data_dir, address=ALICE):
    """{"new": [names], "cur": [names]} of a mailbox, sorted."""
    return {folder: [os.path.basename(path) for path in maildir_files(data_dir, address, folder)]
            for folder in ("new", "cur")}


def base_name(name):
    """A Maildir file name without its ":2,<flags>" info."""
    return name.split(":", 1)[0]


def unstuff(lines):
    """The data of a multi-line reply (lines without CRLF, terminator excluded): dot-stuffing
    undone, CRLF after every line."""
    return b"".join((line[1:] if line.startswith(b".") else line) + b"\r\n" for line in lines)


class Pop3Error(AssertionError):
    pass


class Pop3Connection(LineConnection):
    """A raw POP3 client over one socket; ``greeting`` is the first line."""

    error = Pop3Error

    def __init__(self, port, host="127.0.0.1", timeout=CLIENT_TIMEOUT, read_greeting=True):
        super().__init__(port, host, timeout)
        self.greeting = self.line() if read_greeting else None

    def command(self, text, timeout=None):
        """Sends one command line; returns the status line (str)."""
        self.send(text.encode("utf-8") + b"\r\n")
        return self.line(timeout)

    def ok(self, text, timeout=None):
        reply = self.command(text, timeout)
        assert reply.startswith("+OK"), f"{text!r}: {reply!r}"
        return reply

    def multiline(self, timeout=None):
        """The lines of a multi-line reply up to (without) the terminating ".", still stuffed."""
        lines = []
        while True:
            line = self.raw_line(timeout)
            if line == b".":
                return lines
            lines.append(line)

    def login(self, user, password, timeout=None):
        """USER and PASS pipelined; returns the reply to PASS."""
        self.send(f"USER {user}\r\nPASS {password}\r\n".encode("utf-8"))
        assert self.line(timeout) == "+OK send PASS"
        return self.line(timeout)

    def listing(self, command="LIST"):
        """{number: value} of LIST or UIDL."""
        self.ok(command)
        return {int(number): value for number, value in
                (line.decode().split(" ", 1) for line in self.multiline())}

    def retr(self, number, command="RETR"):
        """(status line, message data unstuffed with CRLF line ends) of RETR n (or TOP n m)."""
        status = self.ok(f"{command} {number}")
        return status, unstuff(self.multiline())

    def quit(self):
        reply = self.ok("QUIT")
        self.wait_closed()
        return reply


def login_when_free(port, user, password, timeout=10):
    """Logs in, retrying while the answer is -ERR [IN-USE] (a dropped session's lock goes a moment
    after the socket); returns the open connection and the reply to PASS."""
    deadline = time.monotonic() + timeout
    connection = Pop3Connection(port)
    while True:
        reply = connection.login(user, password)
        if not reply.startswith("-ERR [IN-USE]") or time.monotonic() >= deadline:
            return connection, reply
        time.sleep(0.1)


OCTETS = re.compile(r"^\+OK (\d+) octets$")

CURL = "/usr/bin/curl"


def curl_pop3(port, path="", user=ALICE, password=ALICE_PASSWORD):
    """``curl pop3://127.0.0.1:PORT/PATH -u user:password``; the CompletedProcess (bytes)."""
    return subprocess.run([CURL, "-s", "-S", "--max-time", "20", f"pop3://127.0.0.1:{port}/{path}",
                           "-u", f"{user}:{password}"],
                          stdin=subprocess.DEVNULL, capture_output=True, timeout=30)
