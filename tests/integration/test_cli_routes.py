"""Outbound routes and the smart host's password through the admin command line of the built
postern binary, on SQLite and on PostgreSQL: `route add|remove|list`, `smarthost-password set|clear`.

Contract: exit 0 on success; 2 with a message naming it for a bad domain, a missing or bad port,
a bad host, an unknown --tls, --password-stdin without --auth, an empty password; 1 for removing
a route that is not there. `route list` prints domain, host:port, TLS, login (or -) and
"password" (or -), tab-separated, by domain. Passwords are read from standard input only, kept in
DATA_DIR/secrets (0700) as 0600 files, and never printed, logged or stored in the database. Every
change bumps the "routes.changed" request, which a running server watches.
"""

import os
import stat

import pytest

from cli_support import fails, files_containing, rows
from postern_harness import backend, check, cli, data_dir, log_text, pg_cluster, sql_query  # noqa: F401 (fixtures)

SECRET = "Tr0ub4dor&3-horse"


def routes_changed(backend, data_dir):
    found = sql_query(backend, data_dir, "SELECT counter FROM server_requests WHERE name = 'routes.changed'")
    return int(found[0][0]) if found else 0


def secrets_dir(data_dir):
    return os.path.join(str(data_dir), "secrets")


def test_route_add_list_remove(cli, backend, data_dir):
    assert check(cli("route", "list")) == ""
    before = routes_changed(backend, data_dir)
    out = check(cli("route", "add", "B\u00fccher.Example", "Relay.Example.NET:587", "--tls", "verify",
                    "--auth", "office", "--password-stdin", stdin=SECRET + "\n"))
    assert "route added: xn--bcher-kva.example via relay.example.net:587, TLS verify, login office (password stored)" in out
    assert routes_changed(backend, data_dir) > before
    check(cli("route", "add", "a.example", "[2001:DB8::1]:25"))
    check(cli("route", "add", "c.example", "192.0.2.7:2525", "--tls=none"))
    assert rows(check(cli("route", "list"))) == [
        ["a.example", "[2001:db8::1]:25", "required", "-", "-"],
        ["c.example", "192.0.2.7:2525", "none", "-", "-"],
        ["xn--bcher-kva.example", "relay.example.net:587", "verify", "office", "password"],
    ]
    stored = sql_query(backend, data_dir, "SELECT domain, host, port, tls, auth_user FROM routes ORDER BY domain")
    assert [list(map(str, row)) for row in stored][2] == ["xn--bcher-kva.example", "relay.example.net", "587", "verify",
                                                          "office"]

    # Replacing keeps the stored password when none is given.
    assert "route replaced" in check(cli("route", "add", "b\u00fccher.example", "relay.example.net:465", "--auth", "office"))
    assert rows(check(cli("route", "list")))[2] == ["xn--bcher-kva.example", "relay.example.net:465", "required",
                                                    "office", "password"]

    before = routes_changed(backend, data_dir)
    assert "route for xn--bcher-kva.example removed" in check(cli("route", "remove", "B\u00dcCHER.example"))
    assert routes_changed(backend, data_dir) > before
    assert [row[0] for row in rows(check(cli("route", "list")))] == ["a.example", "c.example"]
    assert os.listdir(secrets_dir(data_dir)) == []
    text = log_text(data_dir)
    assert "route added: xn--bcher-kva.example" in text
    assert "route removed: xn--bcher-kva.example" in text


def test_route_refusals(cli, backend, data_dir):
    check(cli("route", "add", "example.org", "relay.example.net:25"))
    before = routes_changed(backend, data_dir)
    fails(cli("route", "add", "bad_domain!", "relay.example.net:25"), 2, "bad_domain!")
    fails(cli("route", "add", "[192.0.2.1]", "relay.example.net:25"), 2, "[192.0.2.1]")
    fails(cli("route", "add", "x.example", "relay.example.net"), 2, "host:port")
    fails(cli("route", "add", "x.example", "relay.example.net:0"), 2, "1-65535")
    fails(cli("route", "add", "x.example", "relay.example.net:99999"), 2, "1-65535")
    fails(cli("route", "add", "x.example", "2001:db8::1:25"), 2, "brackets")
    fails(cli("route", "add", "x.example", "bad host!:25"), 2, "bad host!")
    fails(cli("route", "add", "x.example", "relay.example.net:25", "--tls", "sometimes"), 2, '"sometimes"')
    fails(cli("route", "add", "x.example", "relay.example.net:25", "--password-stdin", stdin=SECRET + "\n"), 2, "--auth")
    fails(cli("route", "add", "x.example", "relay.example.net:25", "--auth", "u", "--password-stdin", stdin="\n"), 2,
          "empty")
    fails(cli("route", "add", "x.example", "relay.example.net:25", "--auth", "two words"), 2, "two words")
    fails(cli("route", "add", "x.example"), 2, "missing argument")
    fails(cli("route", "add", "x.example", "relay.example.net:25", "--scope", "body"), 2, "--scope")
    fails(cli("route", "remove", "bad_domain!"), 2, "bad_domain!")
    fails(cli("route", "remove", "missing.example"), 1, "missing.example")
    fails(cli("route", "frobnicate"), 2, "frobnicate")
    assert routes_changed(backend, data_dir) == before
    assert [row[0] for row in rows(check(cli("route", "list")))] == ["example.org"]


def test_smarthost_password(cli, backend, data_dir):
    check(cli("route", "list"))   # creates the database
    before = routes_changed(backend, data_dir)
    assert "smart host password stored" in check(cli("smarthost-password", "set", "--password-stdin", stdin=SECRET + "\n"))
    assert routes_changed(backend, data_dir) > before
    directory = secrets_dir(data_dir)
    assert stat.S_IMODE(os.stat(directory).st_mode) == 0o700
    path = os.path.join(directory, "smarthost")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    with open(path, encoding="utf-8") as handle:
        assert handle.read() == SECRET
    # Set again without the flag: the password still comes from standard input only.
    check(cli("smarthost-password", "set", stdin="second-" + SECRET + "\n"))
    with open(path, encoding="utf-8") as handle:
        assert handle.read() == "second-" + SECRET
    fails(cli("smarthost-password", "set", stdin="\n"), 2, "no password")
    fails(cli("smarthost-password", "set", "extra"), 2, "unexpected argument")
    assert "smart host password removed" in check(cli("smarthost-password", "clear"))
    assert not os.path.exists(path)
    assert "no smart host password was stored" in check(cli("smarthost-password", "clear"))


def test_passwords_never_shown(cli, backend, data_dir):
    results = [
        cli("route", "add", "example.org", "relay.example.net:587", "--auth", "office", "--password-stdin",
            stdin=SECRET + "\n"),
        cli("route", "list"),
        cli("smarthost-password", "set", stdin=SECRET + "\n"),
        cli("route", "remove", "example.org"),
        cli("route", "add", "x.example", "relay.example.net:25", "--password-stdin", stdin=SECRET + "\n"),
    ]
    for result in results:
        assert SECRET not in result.stdout and SECRET not in result.stderr, result.args
    assert SECRET not in log_text(data_dir)
    secret_files = [os.path.join(secrets_dir(data_dir), "smarthost")]
    hits = [path for path in files_containing(data_dir, SECRET.encode()) if path not in secret_files]
    assert hits == [], hits
    check(cli("route", "add", "example.org", "relay.example.net:587", "--auth", "office", "--password-stdin",
              stdin=SECRET + "\n"))
    stored = sql_query(backend, data_dir, "SELECT domain, host, port, tls, auth_user, created_at FROM routes")
    assert stored and SECRET not in repr(stored)


def test_usage_mentions_routes(cli):
    result = cli("--help")
    assert "route add DOMAIN HOST:PORT" in result.stdout + result.stderr
    assert "smarthost-password set" in result.stdout + result.stderr
