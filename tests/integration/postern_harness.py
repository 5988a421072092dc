"""Helpers for the integration tests that drive the built ``postern`` binary (stdlib + pytest).

    result = postern("domain", "list", data_dir=d)              # CompletedProcess, text mode
    with HeadlessServer(d) as server:                           # all ports 0, 127.0.0.1, --ephemeral-ports
        socket.create_connection(("127.0.0.1", server.ports["smtp"]), timeout=5)
        code, seconds = server.terminate()

Test modules import the fixtures they use (``data_dir``, ``backend``, ``pg_cluster``, ``cli``) from
here; ``backend`` runs a test once on SQLite and once on a throwaway PostgreSQL database.
"""

import datetime
import itertools
import contextlib
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import threading
import time

import pytest

from pgcluster import PgCluster, PgClusterUnavailable, bin_directory, tool_environment

POSTERN = os.environ.get("POSTERN_BINARY") or "/work/build/app/postern"
SERVICES = ("smtp", "submission", "smtps", "pop3", "pop3s")
START_TIMEOUT = 15
STOP_TIMEOUT = 15

# "2026-01-02T03:04:05.678+00:00 INFO engine - listening smtp 127.0.0.1:2525" (not "stopped listening").
LISTENING = re.compile(r"^\S+ INFO engine - listening (\S+) (\S+):(\d+)$")


def postern_environment(extra=None):
    """The environment every postern process runs with: fast password hashing, and nothing from
    the caller's environment that would point it at another database or a display; ``extra``
    ({"POSTERN_TEST_LOOPBACK_RANGES": "127.0.0.1/32"}) is added."""
    env = dict(os.environ)
    env["POSTERN_PBKDF2_ITERATIONS"] = "1000"
    for key in ("POSTERN_DATABASE", "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "POSTERN_TEST_LOOPBACK_RANGES"):
        env.pop(key, None)
    env.update(extra or {})
    return env


def postern_command(*args, data_dir=None, database=None):
    command = [POSTERN]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    if database:
        command += ["--database", database]
    return command + [str(arg) for arg in args]


def postern(*args, data_dir, database=None, stdin=None, timeout=30):
    """Runs one postern command to completion. data_dir=None leaves --data-dir out."""
    command = postern_command(*args, data_dir=data_dir, database=database)
    if stdin is None:
        return subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                              timeout=timeout, env=postern_environment())
    return subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=timeout,
                          env=postern_environment())


def check(result):
    """Asserts a CompletedProcess succeeded; returns its stdout."""
    assert result.returncode == 0, (f"{result.args!r} exited {result.returncode}\n"
                                    f"stdout: {result.stdout}\nstderr: {result.stderr}")
    return result.stdout


# No test may ask outside DNS: a test server's resolver points at a loopback port where nothing
# listens, and the sender-domain check (on by default; our senders such as sender@remote.example
# do not exist) is off unless a test turns it on with a dnsmasq fixture (test_address_verification.py).
NO_DNS = {"dns.servers": "127.0.0.1:1", "verify.sender_domain": "false"}


def server_settings(overrides=None):
    """The settings a test server gets: every service on port 0 (a free port with
    --ephemeral-ports), loopback only, no DNS (NO_DNS); ``overrides`` ({"smtp.port": 2525}) win."""
    settings = {f"{service}.port": "0" for service in SERVICES}
    settings["listen.addresses"] = "127.0.0.1"
    settings.update(NO_DNS)
    settings.update({key: str(value) for key, value in (overrides or {}).items()})
    return settings


def configure(data_dir, database=None, settings=None):
    """Writes settings through the CLI (the same path an administrator uses)."""
    for key, value in (settings if settings is not None else server_settings()).items():
        check(postern("config", "set", key, value, data_dir=data_dir, database=database))


def free_port():
    """A port that is free on 127.0.0.1 now (another process may take it later)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def read_greeting(port, timeout=5):
    """Connects to 127.0.0.1:port and returns everything the server sends before it closes
    (or the first line, whichever comes first), as bytes."""
    data = b""
    deadline = time.monotonic() + timeout
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        while b"\n" not in data:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            connection.settimeout(remaining)
            try:
                chunk = connection.recv(4096)
            except socket.timeout:
                break
            if not chunk:
                break
            data += chunk
    return data


def accepts(port, timeout=5):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout):
            return True
    except OSError:
        return False


def today_log_path(data_dir):
    return os.path.join(str(data_dir), "logs", f"postern-{datetime.date.today():%Y-%m-%d}.log")


def log_text(data_dir):
    """All log files of the data directory, oldest first (a test may straddle midnight)."""
    directory = os.path.join(str(data_dir), "logs")
    if not os.path.isdir(directory):
        return ""
    text = ""
    for name in sorted(os.listdir(directory)):
        if name.startswith("postern-") and name.endswith(".log"):
            with open(os.path.join(directory, name), encoding="utf-8", errors="replace") as log:
                text += log.read()
    return text


def loopback_alias_usable(address):
    """Whether a client socket can be bound to this loopback address (Linux routes all of
    127.0.0.0/8 locally), for tests that play several hosts."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.bind((address, 0))
        return True
    except OSError:
        return False


def wait_until(predicate, timeout, interval=0.05):
    """Polls predicate until it returns something true or timeout seconds pass; returns the last value."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() >= deadline:
            return value
        time.sleep(interval)


# --- direct database access (to check what postern stored) ---------------------------------------

def sql_query(backend, data_dir, statement):
    """Runs one SQL statement against the test's database; returns the rows as lists of strings
    (PostgreSQL) or Python values (SQLite)."""
    if backend["database"] is None:
        connection = sqlite3.connect(os.path.join(str(data_dir), "postern.db"), timeout=10)
        try:
            rows = [list(row) for row in connection.execute(statement).fetchall()]
            connection.commit()
            return rows
        finally:
            connection.close()
    env = tool_environment()
    env["PSQLRC"] = os.devnull
    result = subprocess.run(
        [os.path.join(bin_directory(), "psql"), "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1",
         "-c", statement, backend["database"]],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 0, f"psql: {result.stderr}"
    return [line.split("\t") for line in result.stdout.splitlines() if line]


# --- the headless server -------------------------------------------------------------------------

class HeadlessServer:
    """``postern --data-dir D [--database URL] --headless --ephemeral-ports`` in the background.

    Before starting it writes server_settings(settings) through the CLI (settings=False: nothing).
    On entering it waits up to 15 s for one listening line per service in ``expect``; ``ports``
    maps each service to its port. ``env`` adds environment variables (test-only switches such as
    POSTERN_TEST_LOOPBACK_RANGES)."""

    def __init__(self, data_dir, database=None, settings=None, expect=SERVICES, extra_args=("--ephemeral-ports",),
                 start_timeout=START_TIMEOUT, env=None):
        self.env = dict(env or {})
        self.data_dir = str(data_dir)
        self.database = database
        self.settings = settings
        self.expect = tuple(expect)
        self.extra_args = tuple(extra_args)
        self.start_timeout = start_timeout
        self.process = None
        self.ports = {}
        self._lines = []
        self._errors = []
        self._condition = threading.Condition()
        self._readers = []

    # Context manager ----------------------------------------------------------------------------

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc_info):
        self.kill()

    # Control ------------------------------------------------------------------------------------

    def start(self):
        if self.settings is not False:
            configure(self.data_dir, self.database, server_settings(self.settings))
        command = postern_command("--headless", *self.extra_args, data_dir=self.data_dir, database=self.database)
        self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True, errors="replace",
                                        env=postern_environment(self.env))
        for stream, sink in ((self.process.stdout, self._lines), (self.process.stderr, self._errors)):
            reader = threading.Thread(target=self._read, args=(stream, sink), daemon=True)
            reader.start()
            self._readers.append(reader)
        try:
            self._wait_for_listeners()
        except BaseException:
            self.kill()
            raise
        return self

    def _read(self, stream, sink):
        for line in stream:
            with self._condition:
                sink.append(line.rstrip("\n"))
                self._condition.notify_all()
        with self._condition:
            self._condition.notify_all()

    def _wait_for_listeners(self):
        deadline = time.monotonic() + self.start_timeout
        with self._condition:
            while True:
                ports = self._listening_locked()
                if all(service in ports for service in self.expect):
                    self.ports = ports
                    return
                if self.process.poll() is not None and not self._readers_alive():
                    raise AssertionError(f"postern exited with {self.process.returncode} before listening\n"
                                         f"stdout: {self._lines}\nstderr: {self._errors}")
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"postern did not listen on {self.expect} within {self.start_timeout} s\n"
                                         f"stdout: {self._lines}\nstderr: {self._errors}")
                self._condition.wait(min(remaining, 0.2))

    def _listening_locked(self):
        ports = {}
        for line in self._lines:
            match = LISTENING.match(line)
            if match and match.group(1) not in ports:
                ports[match.group(1)] = int(match.group(3))
        return ports

    def _readers_alive(self):
        return any(reader.is_alive() for reader in self._readers)

    def lines(self):
        """All stdout lines so far."""
        with self._condition:
            return list(self._lines)

    def error_lines(self):
        """All stderr lines so far."""
        with self._condition:
            return list(self._errors)

    def wait_for_line(self, pattern, timeout=5, start=0):
        """Waits (bounded) until a stdout line from index ``start`` on matches ``pattern``
        (re.search); returns the match. Raises AssertionError on timeout."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        with self._condition:
            while True:
                for line in self._lines[start:]:
                    match = regex.search(line)
                    if match:
                        return match
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"no stdout line matching {pattern!r} within {timeout} s\n"
                                         f"stdout: {self._lines}\nstderr: {self._errors}")
                self._condition.wait(min(remaining, 0.2))

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def terminate(self, sig=signal.SIGTERM, timeout=STOP_TIMEOUT):
        """Sends ``sig`` (SIGTERM by default) and waits up to ``timeout`` s. Returns
        (exit code, seconds taken); the exit code is None if the process had to be killed."""
        started = time.monotonic()
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            code = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            code = None
        elapsed = time.monotonic() - started
        self._join_readers()
        return code, elapsed

    def kill(self):
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.kill()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
        self._join_readers()

    def _join_readers(self):
        for reader in self._readers:
            reader.join(timeout=5)


# --- fixtures ------------------------------------------------------------------------------------

_database_names = itertools.count(1)


@contextlib.contextmanager
def serving_everything(data_dir):
    """A headless server on data_dir with every service listening on a free port, killed afterwards."""
    server = HeadlessServer(data_dir, settings=False, expect=SERVICES).start()
    try:
        yield server
    finally:
        server.kill()


@pytest.fixture
def data_dir(tmp_path):
    """A data directory that does not exist yet (postern creates it)."""
    return tmp_path / "data"


@pytest.fixture(scope="module")
def pg_cluster():
    """One throwaway PostgreSQL cluster per test module; skips where PostgreSQL cannot run."""
    cluster = PgCluster()
    try:
        cluster.start()
    except PgClusterUnavailable as reason:
        pytest.skip(str(reason))
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request):
    """{"name": "sqlite"|"postgresql", "database": the --database URL, or None for SQLite}.
    PostgreSQL gets a fresh database per test in the module's cluster."""
    if request.param == "sqlite":
        return {"name": "sqlite", "database": None}
    cluster = request.getfixturevalue("pg_cluster")
    name = f"postern_test_{os.getpid()}_{next(_database_names)}"
    cluster.create_database(name)
    return {"name": "postgresql", "database": cluster.url(name)}


@pytest.fixture
def cli(data_dir, backend):
    """cli("domain", "list", stdin=None) runs postern against the test's data directory and backend."""

    def run(*args, stdin=None, timeout=30):
        return postern(*args, data_dir=data_dir, database=backend["database"], stdin=stdin, timeout=timeout)

    return run


# --- the mail fixture and SMTP helpers (tests/transcripts/README.md) -----------------------------

MAIL_HOST = "mail.example.test"
MAIL_DOMAIN = "example.test"
FIXTURE_PASSWORD = "password123"
SCANNER = "scanner"                     # an SMTP-only login (tests/transcripts/README.md)
SCANNER_PASSWORD = "scanner-secret"
FULL_QUOTA = 1000
FULL_MESSAGE_SIZE = 2000


def mailbox_path(data_dir, address):
    """DATA_DIR/mail/<domain>/<localpart> of a (lower-case, ASCII) address."""
    local, domain = address.rsplit("@", 1)
    return os.path.join(str(data_dir), "mail", domain, local)


def maildir_files(data_dir, address, folder="new"):
    """Sorted full paths of the files in one Maildir folder (new, cur or tmp); [] if it is missing."""
    directory = os.path.join(mailbox_path(data_dir, address), folder)
    if not os.path.isdir(directory):
        return []
    return sorted(os.path.join(directory, name) for name in os.listdir(directory)
                  if os.path.isfile(os.path.join(directory, name)))


def all_mailbox_files(data_dir, folder):
    """Every file in DATA_DIR/mail/*/*/<folder>/."""
    root = os.path.join(str(data_dir), "mail")
    found = []
    if not os.path.isdir(root):
        return found
    for domain in sorted(os.listdir(root)):
        for local in sorted(os.listdir(os.path.join(root, domain))):
            directory = os.path.join(root, domain, local, folder)
            if os.path.isdir(directory):
                found += [os.path.join(directory, name) for name in sorted(os.listdir(directory))]
    return found


def create_mail_fixture(data_dir, database=None, settings=None):
    """The transcripts' fixture, set up through the CLI: server_settings(settings) plus
    server.hostname mail.example.test; domain example.test with alice and bob (password
    password123), full@ (quota 1000 bytes, already holding a 2000-byte message in new/), alias
    team -> alice, bob (postmaster -> alice comes by itself); the SMTP-only login scanner
    (password scanner-secret)."""
    configure(data_dir, database, dict(server_settings(settings), **{"server.hostname": MAIL_HOST}))

    def run(*args, stdin=None):
        check(postern(*args, data_dir=data_dir, database=database, stdin=stdin))

    run("domain", "add", MAIL_DOMAIN)
    for user in ("alice", "bob"):
        run("user", "add", f"{user}@{MAIL_DOMAIN}", "--password-stdin", stdin=FIXTURE_PASSWORD + "\n")
    run("user", "add", f"full@{MAIL_DOMAIN}", "--password-stdin", "--quota", str(FULL_QUOTA),
        stdin=FIXTURE_PASSWORD + "\n")
    run("alias", "add", f"team@{MAIL_DOMAIN}", f"alice@{MAIL_DOMAIN}", f"bob@{MAIL_DOMAIN}")
    run("smtp-login", "add", SCANNER, "--password-stdin", stdin=SCANNER_PASSWORD + "\n")
    full = mailbox_path(data_dir, f"full@{MAIL_DOMAIN}")
    for folder in ("tmp", "new", "cur"):
        os.makedirs(os.path.join(full, folder), exist_ok=True)
    body = b"Subject: old mail\r\n\r\n"
    body += b"x" * (FULL_MESSAGE_SIZE - len(body) - 2) + b"\r\n"
    assert len(body) == FULL_MESSAGE_SIZE
    name = f"1700000000.M1P1Q1.fixture,S={FULL_MESSAGE_SIZE},W={FULL_MESSAGE_SIZE}"
    with open(os.path.join(full, "new", name), "wb") as handle:
        handle.write(body)


def copy_data_dir(source, target, database=None, overrides=None):
    """A copy of a (stopped) SQLite data directory, then ``overrides`` written with config set."""
    shutil.copytree(str(source), str(target))
    for key, value in (overrides or {}).items():
        check(postern("config", "set", key, value, data_dir=target, database=database))
    return target


@pytest.fixture(scope="module")
def mail_template(tmp_path_factory):
    """A data directory with the mail fixture, made once per module; copy it with copy_data_dir."""
    directory = tmp_path_factory.mktemp("mail-template") / "data"
    create_mail_fixture(directory)
    return directory


QUEUED = re.compile(r"^2\.0\.0 Ok: queued as ([0-9A-F]+)$")

# The trace headers Postern puts in front of every stored message (server/smtp/traceheaders.cpp).
TRACE = re.compile(
    rb"\AReturn-Path: <(?P<sender>[^>\r\n]*)>\r\n"
    rb"Received: from (?P<helo>[!-~]+) \(\[(?P<address>(?:IPv6:)?[0-9A-Fa-f:.]+)\]\)\r\n"
    rb"\tby (?P<host>[a-z0-9.-]+) \(Postern\) with (?P<protocol>[A-Z0-9]+) id (?P<queue_id>[0-9A-F]+)"
    rb"(?:\r\n\tfor <(?P<recipient>[^>\r\n]+)>)?"
    rb"; (?P<date>(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
    rb"\d{4} \d\d:\d\d:\d\d [+-]\d{4})\r\n")


def split_stored(data):
    """(trace header match, message bytes) of a stored file; AssertionError if the trace is malformed."""
    match = TRACE.match(data)
    assert match, f"stored message does not start with Postern's trace headers: {data[:300]!r}"
    return match, data[match.end():]


def maildir_size_field(path):
    """The ,S=<size> of a Maildir file name, or None."""
    match = re.search(r",S=(\d+)", os.path.basename(path).split(":", 1)[0])
    return int(match.group(1)) if match else None
