"""Settings through the admin command line of the built postern binary (config get, set, reset
and list), on SQLite and on PostgreSQL, and the audit log its commands write.

Contract: exit 0 on success, 2 on a usage or validation error with a message on stderr that names
the bad argument; config list is one key<TAB>value per line.
"""

import datetime
import os
import re

import pytest

from cli_support import add_user, config, fails, rows
from postern_harness import backend, check, cli, data_dir, log_text, pg_cluster, today_log_path  # noqa: F401 (fixtures)


# --- settings ------------------------------------------------------------------------------------

DEFAULTS = {
    "smtp.port": "25",
    "submission.port": "587",
    "smtps.port": "465",
    "pop3.port": "110",
    "pop3s.port": "995",
    "message.max_size": "26214400",
    "log.retention_days": "30",
    "listen.addresses": "0.0.0.0,::",
    "auth.plaintext": "loopback",
    "network.local_ranges": "10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7",
    "smtp.auth_use_pop3_accounts": "true",
    "dns.servers": "",
    "dns.timeout_ms": "5000",
    "autoban.enabled": "true",
    "autoban.max_failures": "10",
    "autoban.window_minutes": "10",
    "autoban.ban_minutes": "60",
    "autoban.never": "127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7",
}


def test_config_defaults(cli):
    for key, value in DEFAULTS.items():
        assert config(cli, key) == value, key
    listed = rows(check(cli("config", "list")))
    assert all(len(row) == 2 for row in listed), listed
    values = dict(listed)
    assert len(values) == len(listed)
    for key, value in DEFAULTS.items():
        assert values[key] == value, key
    assert values.get("server.hostname"), "server.hostname has no default"
    assert config(cli, "server.hostname") == values["server.hostname"]


def test_config_set_and_get(cli):
    for key, value, stored in [
        ("smtp.port", "2525", "2525"),
        ("submission.port", " 1587 ", "1587"),
        ("pop3s.port", "0", "0"),
        ("message.max_size", "1048576", "1048576"),
        ("log.retention_days", "7", "7"),
        ("listen.addresses", "127.0.0.1, ::1", "127.0.0.1,::1"),
        ("server.hostname", "Mail.Example.COM", "mail.example.com"),
        ("network.local_ranges", "10.1.0.0/16  192.168.7.9/24,fd00::/8", "10.1.0.0/16,192.168.7.0/24,fd00::/8"),
        ("auth.plaintext", "Local-Networks", "local-networks"),
        ("smtp.auth_use_pop3_accounts", "off", "false"),
        ("dns.servers", "127.0.0.1:5353, [::1]:5353,192.0.2.1", "127.0.0.1:5353,[::1]:5353,192.0.2.1"),
        ("dns.timeout_ms", "2500", "2500"),
        ("autoban.max_failures", "3", "3"),
        ("autoban.never", "127.0.0.1, 192.0.2.9/24", "127.0.0.1/32,192.0.2.0/24"),
        ("autoban.never", "", "none"),
        ("outbound.max_age_hours", "48", "48"),
        ("outbound.max_age_hours", "0.50", "0.5"),
        ("outbound.delay_notice_hours", "0.002", "0.002"),
        ("outbound.delay_notice_hours", "0", "0"),
    ]:
        check(cli("config", "set", key, value))
        assert config(cli, key) == stored, key
    values = dict(rows(check(cli("config", "list"))))
    assert values["smtp.port"] == "2525" and values["listen.addresses"] == "127.0.0.1,::1"
    assert values["pop3.port"] == "110"  # untouched keys keep their defaults
    # reset is in the usage text too: back to the default.
    check(cli("config", "reset", "smtp.port"))
    assert config(cli, "smtp.port") == "25"


@pytest.mark.parametrize("key, value", [
    ("smtp.port", "70000"),
    ("smtp.port", "abc"),
    ("smtp.port", "-1"),
    ("pop3.port", "25.5"),
    ("message.max_size", "-1"),
    ("message.max_size", "lots"),
    ("log.retention_days", "0"),
    ("listen.addresses", "300.1.2.3"),
    ("listen.addresses", "127.0.0.1,not-an-ip"),
    ("listen.addresses", ","),
    ("network.local_ranges", "10.0.0.0/33"),
    ("network.local_ranges", "10.0.0.0/8,not-a-range"),
    ("network.local_ranges", "10.0.0.256/8"),
    ("network.local_ranges", "192.168.0.0/"),
    ("auth.plaintext", "sometimes"),
    ("smtp.auth_use_pop3_accounts", "maybe"),
    ("dns.servers", "ns.example.com"),
    ("dns.servers", "127.0.0.1:70000"),
    ("dns.servers", "[::1:5353"),
    ("dns.servers", "127.0.0.1,300.0.0.1"),
    ("dns.timeout_ms", "0"),
    ("autoban.max_failures", "0"),
    ("autoban.window_minutes", "61"),
    ("autoban.never", "10.0.0.0/33"),
    ("outbound.max_age_hours", "0"),
    ("outbound.max_age_hours", "-0.5"),
    ("outbound.max_age_hours", "two"),
    ("outbound.delay_notice_hours", "-1"),
    ("outbound.delay_notice_hours", "0.0001"),
    ("outbound.delay_notice_hours", "1e2"),
])
def test_config_set_invalid_value(cli, key, value):
    valid = {"listen.addresses": "127.0.0.1", "network.local_ranges": "192.168.0.0/16", "auth.plaintext": "never",
             "smtp.auth_use_pop3_accounts": "false", "dns.servers": "127.0.0.1:5353", "dns.timeout_ms": "1000",
             "autoban.never": "127.0.0.1"}
    check(cli("config", "set", key, valid.get(key, "1")))
    before = config(cli, key)
    # After "--" every word is positional, so "-1" reaches the validation and the message names the key.
    fails(cli("config", "set", "--", key, value), 2, key, value)
    assert config(cli, key) == before
    # Without "--" a leading "-" may be taken for an option; either way: exit 2, the value named, nothing written.
    fails(cli("config", "set", key, value), 2, value)
    assert config(cli, key) == before


def test_config_unknown_key(cli):
    fails(cli("config", "get", "no.such.key"), 2, "no.such.key")
    fails(cli("config", "set", "no.such.key", "1"), 2, "no.such.key")
    fails(cli("config", "reset", "no.such.key"), 2, "no.such.key")
    assert "no.such.key" not in dict(rows(check(cli("config", "list"))))


# --- the audit log -------------------------------------------------------------------------------

def test_admin_commands_keep_logs_within_the_configured_retention(cli, data_dir):
    """An admin command must not delete log files that log.retention_days says to keep."""
    check(cli("config", "set", "log.retention_days", "60"))
    day = datetime.date.today() - datetime.timedelta(days=45)
    path = os.path.join(str(data_dir), "logs", f"postern-{day:%Y-%m-%d}.log")
    with open(path, "w", encoding="utf-8") as log:
        log.write(f"{day:%Y-%m-%d}T12:00:00.000+00:00 INFO engine - an old line\n")
    check(cli("domain", "list"))
    check(cli("domain", "add", "example.com"))
    assert os.path.exists(path), "a 45 days old log was deleted although log.retention_days = 60"


def test_admin_actions_are_logged(cli, data_dir):
    day = datetime.date.today()
    outputs = [
        check(cli("domain", "add", "example.com")),
        add_user(cli, "alice@example.com", "Alice", password="a-long-password"),
        check(cli("alias", "add", "team@example.com", "alice@example.com")),
        check(cli("config", "set", "smtp.port", "2525")),
        check(cli("user", "disable", "alice@example.com")),
        check(cli("user", "remove", "alice@example.com")),
        check(cli("domain", "remove", "example.com")),
    ]
    # The CLI writes the log to the file only, never its stdout.
    assert not [output for output in outputs if " INFO " in output], outputs

    path = today_log_path(data_dir)
    if not os.path.exists(path) and datetime.date.today() != day:  # midnight passed during the test
        path = os.path.join(str(data_dir), "logs", f"postern-{day:%Y-%m-%d}.log")
    assert os.path.exists(path), os.listdir(os.path.join(str(data_dir), "logs"))
    text = log_text(data_dir)
    for expected in ("domain added: example.com",
                     "account added: alice@example.com",
                     "alias set: team@example.com -> alice@example.com",
                     "alias set: postmaster@example.com -> alice@example.com",
                     "setting changed: smtp.port = 2525",
                     "account disabled: alice@example.com",
                     "account removed: alice@example.com",
                     "domain removed: example.com"):
        assert re.search(r"^\S+ INFO admin cli " + re.escape(expected), text, re.MULTILINE), \
            f"{expected!r} not logged:\n{text}"
    assert "a-long-password" not in text
