"""The headless server: listeners, every service served (smtps and pop3s after the TLS handshake), signals, live configuration
changes, refusing a newer schema, and its log file."""

import datetime
import os
import re
import signal
import socket
import subprocess
import time

import pytest

from postern_harness import (SERVICES, HeadlessServer, accepts, backend, check, configure, data_dir,  # noqa: F401
                             free_port, log_text, pg_cluster, postern, postern_command, postern_environment,
                             read_greeting, server_settings, sql_query, today_log_path, wait_until)
from tls_support import TlsLineClient

EXIT_WITHIN = 10  # seconds a stopping or failing server may take


def run_headless(data_dir, database=None, timeout=EXIT_WITHIN + 5):
    """Runs the headless server expecting it to exit by itself; returns (CompletedProcess, seconds)."""
    started = time.monotonic()
    result = subprocess.run(postern_command("--headless", "--ephemeral-ports", data_dir=data_dir, database=database),
                            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=timeout,
                            env=postern_environment())
    return result, time.monotonic() - started


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_listens_serves_and_stops(data_dir, backend, sig):
    with HeadlessServer(data_dir, backend["database"]) as server:
        assert set(server.ports) == set(SERVICES)
        assert all(0 < port < 65536 for port in server.ports.values()), server.ports
        assert len(set(server.ports.values())) == len(SERVICES), server.ports
        for line in server.lines():
            if " listening " in line:
                assert " 127.0.0.1:" in line, line

        # SMTP and POP3 are served.
        for service in ("smtp", "submission"):
            greeting = read_greeting(server.ports[service])
            assert greeting.startswith(b"220 ") and b" ESMTP Postern" in greeting, (service, greeting)
            assert greeting.endswith(b"\r\n"), (service, greeting)
        greeting = read_greeting(server.ports["pop3"])
        assert greeting.startswith(b"+OK Postern ready"), greeting
        assert greeting.endswith(b"\r\n"), greeting
        # Implicit TLS ports greet only after the handshake (clear text before it would break the
        # handshake itself).
        with TlsLineClient(server.ports["smtps"]) as smtps:
            assert smtps.line().startswith("220 "), "smtps"
        with TlsLineClient(server.ports["pop3s"]) as pop3s:
            assert pop3s.line().startswith("+OK Postern ready"), "pop3s"

        code, elapsed = server.terminate(sig)
        assert code == 0, (code, server.lines(), server.error_lines())
        assert elapsed < EXIT_WITHIN, elapsed
        assert not [port for port in server.ports.values() if accepts(port, timeout=1)]


def test_port_in_use_fails_the_start(data_dir):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as occupier:
        occupier.bind(("127.0.0.1", 0))
        occupier.listen(1)
        port = occupier.getsockname()[1]
        configure(data_dir, None, server_settings({"smtp.port": port}))
        result, elapsed = run_headless(data_dir)
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert elapsed < EXIT_WITHIN, elapsed
    assert str(port) in result.stderr, result.stderr


def test_live_configuration_change(data_dir):
    with HeadlessServer(data_dir) as server:
        old_port = server.ports["smtp"]
        new_port = free_port()
        mark = len(server.lines())
        check(postern("config", "set", "smtp.port", new_port, data_dir=data_dir))
        changed = time.monotonic()
        server.wait_for_line(rf" INFO engine - listening smtp 127\.0\.0\.1:{new_port}$", timeout=2, start=mark)
        assert time.monotonic() - changed <= 2.5
        assert read_greeting(new_port).startswith(b"220 ")
        assert wait_until(lambda: not accepts(old_port, timeout=1), timeout=5), "the old smtp port still accepts"
        # The other services were left alone.
        for service in ("submission", "pop3"):
            assert accepts(server.ports[service]), service

        # A port that cannot be had is reported; the server keeps running and takes the next change.
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as occupier:
            occupier.bind(("127.0.0.1", 0))
            occupier.listen(1)
            busy = occupier.getsockname()[1]
            mark = len(server.lines())
            check(postern("config", "set", "smtp.port", busy, data_dir=data_dir))
            server.wait_for_line(rf" ERROR engine - smtp: .*\b{busy}\b", timeout=2, start=mark)
        assert server.alive()
        final_port = free_port()
        mark = len(server.lines())
        check(postern("config", "set", "smtp.port", final_port, data_dir=data_dir))
        server.wait_for_line(rf" INFO engine - listening smtp 127\.0\.0\.1:{final_port}$", timeout=2, start=mark)
        assert read_greeting(final_port).startswith(b"220 ")

        # An admin command while the server runs: it succeeds, and the CLI process logs it.
        mark = len(server.lines())
        check(postern("domain", "add", "example.com", data_dir=data_dir))
        check(postern("user", "add", "alice@example.com", "--name", "Alice", "--password-stdin",
                      data_dir=data_dir, stdin="a-long-password\n"))
        assert re.search(r"^\S+ INFO admin cli account added: alice@example\.com", log_text(data_dir), re.MULTILINE), \
            log_text(data_dir)
        assert not [line for line in server.lines()[mark:] if "admin cli" in line]  # the server did not do it
        assert server.alive()
        code, _ = server.terminate()
        assert code == 0


def test_greeting_names_the_configured_host_and_follows_changes(data_dir):
    with HeadlessServer(data_dir, settings={"server.hostname": "Mail.Example.TEST"}) as server:
        assert read_greeting(server.ports["smtp"]).startswith(b"220 mail.example.test ")
        mark = len(server.lines())
        check(postern("config", "set", "server.hostname", "mx.example.test", data_dir=data_dir))
        server.wait_for_line(r" INFO engine - configuration changed: server\.hostname$", timeout=2, start=mark)
        assert read_greeting(server.ports["submission"]).startswith(b"220 mx.example.test ")
        assert server.terminate()[0] == 0


def _old_log(data_dir, days_ago):
    directory = os.path.join(str(data_dir), "logs")
    os.makedirs(directory, exist_ok=True)
    day = datetime.date.today() - datetime.timedelta(days=days_ago)
    path = os.path.join(directory, f"postern-{day:%Y-%m-%d}.log")
    with open(path, "w", encoding="utf-8") as log:
        log.write(f"{day:%Y-%m-%d}T12:00:00.000+00:00 INFO engine - an old line\n")
    return path


def test_server_applies_the_configured_log_retention(data_dir):
    """log.retention_days is a stored setting: the server prunes by it from the start, not only
    after the setting changes while it runs."""
    configure(data_dir, None, server_settings({"log.retention_days": 7}))
    recent, expired = _old_log(data_dir, 3), _old_log(data_dir, 10)
    with HeadlessServer(data_dir, settings=False) as server:
        assert wait_until(lambda: not os.path.exists(expired), timeout=5), \
            f"{os.path.basename(expired)} is older than log.retention_days = 7 but was kept"
        assert os.path.exists(recent)
        assert server.terminate()[0] == 0


def test_server_keeps_logs_within_the_configured_retention(data_dir):
    configure(data_dir, None, server_settings({"log.retention_days": 60}))
    kept, expired = _old_log(data_dir, 45), _old_log(data_dir, 90)
    with HeadlessServer(data_dir, settings=False) as server:
        assert wait_until(lambda: not os.path.exists(expired), timeout=5)
        assert server.terminate()[0] == 0
    assert os.path.exists(kept), f"{os.path.basename(kept)} is within log.retention_days = 60 but was deleted"


def test_unreachable_database_fails_the_start(data_dir):
    configure(data_dir)
    result, elapsed = run_headless(data_dir, "postgresql://postern:Hunter2-Secret@127.0.0.1:1/x")
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert elapsed < EXIT_WITHIN
    assert "127.0.0.1" in result.stderr
    assert "Hunter2-Secret" not in result.stdout + result.stderr + log_text(data_dir)


def test_newer_schema_is_refused(data_dir, backend):
    check(postern("domain", "list", data_dir=data_dir, database=backend["database"]))
    sql_query(backend, data_dir, "UPDATE schema_version SET version = 999")

    result = postern("domain", "list", data_dir=data_dir, database=backend["database"])
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "schema version" in result.stderr and "999" in result.stderr, result.stderr

    result, elapsed = run_headless(data_dir, backend["database"])
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert elapsed < EXIT_WITHIN
    assert "schema version" in result.stderr and "999" in result.stderr, result.stderr
    # Nothing was migrated "down" or otherwise touched.
    assert [str(row[0]) for row in sql_query(backend, data_dir, "SELECT version FROM schema_version")] == ["999"]


def test_log_file_of_the_day_has_the_listening_lines(data_dir):
    with HeadlessServer(data_dir) as server:
        listening = [line for line in server.lines() if " INFO engine - listening " in line]
        assert len(listening) == len(SERVICES)
        code, _ = server.terminate()
        assert code == 0
    path = today_log_path(data_dir)
    assert os.path.exists(path), os.listdir(os.path.join(str(data_dir), "logs"))
    text = log_text(data_dir)
    for line in listening:
        assert line in text.splitlines(), f"{line!r} not in the log file:\n{text}"
    assert re.search(r" INFO engine - stopped$", text, re.MULTILINE), text
