"""The admin password (what the desktop window asks for before settings can be changed) through
the command line of the built postern binary, on SQLite and on PostgreSQL: read from standard
input only, stored as a PBKDF2 hash, hidden from `config list`, never logged.
"""

from cli_support import fails
from postern_harness import backend, check, cli, data_dir, log_text, pg_cluster, sql_query  # noqa: F401 (fixtures)

SECRET = "Gate-Keeper-42"
KEY = "secret.admin_password"


def stored(backend, data_dir):
    return sql_query(backend, data_dir, f"SELECT value FROM settings WHERE key = '{KEY}'")


def test_set_and_clear(cli, backend, data_dir):
    check(cli("config", "list"))   # creates the database
    assert stored(backend, data_dir) == []
    assert "admin password set" in check(cli("admin-password", "set", "--password-stdin", stdin=SECRET + "\n"))
    rows = stored(backend, data_dir)
    assert len(rows) == 1 and rows[0][0].startswith("$pbkdf2-sha256$") and SECRET not in rows[0][0]
    listed = check(cli("config", "list"))
    assert KEY not in listed and rows[0][0] not in listed
    fails(cli("config", "get", KEY), 2)
    assert "admin password cleared" in check(cli("admin-password", "clear"))
    assert stored(backend, data_dir) == []
    assert SECRET not in log_text(data_dir)


def test_refuses_short_or_missing_password(cli, backend, data_dir):
    fails(cli("admin-password", "set", stdin="short\n"), 2)
    fails(cli("admin-password", "set", stdin=""), 2)
    fails(cli("admin-password", "set", "extra"), 2)
    check(cli("config", "list"))
    assert stored(backend, data_dir) == []
