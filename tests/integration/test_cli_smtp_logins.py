"""SMTP-only logins (scanners, printers: they send mail but have no mailbox) through the admin
command line of the built postern binary, on SQLite and on PostgreSQL. Logging in with one
through the running server is in test_smtp_auth.py.

Contract: exit 0 on success, 2 on a validation error with a message on stderr that names the bad
argument, 1 on a runtime failure; `smtp-login list` is one name per line.
"""

import pytest

from cli_support import fails, files_containing
from postern_harness import backend, check, cli, data_dir, log_text, pg_cluster, sql_query  # noqa: F401 (fixtures)

HASH_PREFIX = "$pbkdf2-sha256$"
SECRET = "Scanner-Secret-1"


def logins(cli):
    return check(cli("smtp-login", "list")).splitlines()


def test_add_list_remove(cli, backend, data_dir):
    assert logins(cli) == []
    assert "SMTP login scanner added" in check(cli("smtp-login", "add", "Scanner", "--password-stdin",
                                                   stdin=SECRET + "\n"))
    # Without the flag the password comes from standard input too (a login exists only to log in).
    check(cli("smtp-login", "add", "printer-2.floor_1", stdin=SECRET + "\r\n"))
    assert logins(cli) == ["printer-2.floor_1", "scanner"]
    stored = sql_query(backend, data_dir, "SELECT name, password_hash FROM smtp_logins ORDER BY name")
    assert [row[0] for row in stored] == ["printer-2.floor_1", "scanner"]
    assert all(row[1].startswith(HASH_PREFIX) for row in stored), stored
    assert stored[0][1] != stored[1][1], "two logins with the same password got the same salt"

    assert "SMTP login scanner removed" in check(cli("smtp-login", "remove", "SCANNER"))
    assert logins(cli) == ["printer-2.floor_1"]
    text = log_text(data_dir)
    assert "SMTP login added: scanner" in text and "SMTP login removed: scanner" in text


@pytest.mark.parametrize("name", ["scanner@example.com", "two words", "", "x" * 65, "ümlaut", "semi;colon"])
def test_names_are_validated(cli, name):
    fails(cli("smtp-login", "add", "--", name, stdin=SECRET + "\n"), 2, "SMTP login name")
    assert logins(cli) == []


def test_password_rules_are_the_accounts(cli):
    fails(cli("smtp-login", "add", "scanner", stdin="short\n"), 2, "password")
    fails(cli("smtp-login", "add", "scanner", stdin=""), 2, "password")
    fails(cli("smtp-login", "add", "scanner", stdin="with\x01control-chars\n"), 2, "password")
    assert logins(cli) == []


def test_duplicates_and_unknown_names(cli):
    check(cli("smtp-login", "add", "scanner", stdin=SECRET + "\n"))
    fails(cli("smtp-login", "add", "SCANNER", stdin=SECRET + "\n"), 2, "scanner", "already exists")
    fails(cli("smtp-login", "remove", "fax"), 2, "fax")
    assert logins(cli) == ["scanner"]


def test_password_is_stored_nowhere(cli, backend, data_dir):
    check(cli("smtp-login", "add", "scanner", stdin=SECRET + "\n"))
    assert files_containing(data_dir, SECRET.encode()) == []
    assert sql_query(backend, data_dir, f"SELECT name FROM smtp_logins WHERE password_hash LIKE '%{SECRET}%'") == []


def test_unreachable_database_is_a_runtime_failure(data_dir):
    from postern_harness import postern
    result = postern("smtp-login", "list", data_dir=data_dir, database="postgresql://postern@127.0.0.1:1/x", timeout=60)
    fails(result, 1)
