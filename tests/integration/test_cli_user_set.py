"""`postern user set ADDRESS [--name N] [--quota Q]`: changes only what it is given, on SQLite and
on PostgreSQL (the SQL of both dialects).

Contract: exit 0 on success; 2 with a message naming the bad argument otherwise.
"""

from cli_support import add_user, fails, password_hash, users
from postern_harness import backend, check, cli, data_dir, pg_cluster, sql_query  # noqa: F401 (fixtures)


def test_user_set_changes_name_and_quota_only(cli, backend, data_dir):
    check(cli("domain", "add", "example.com"))
    add_user(cli, "alice@example.com", "Alice", "--quota", "1M", password="correct horse")
    before = password_hash(backend, data_dir, "alice@example.com")
    assert "alice@example.com" in check(cli("user", "set", "Alice@Example.com", "--name", "Alice Liddell"))
    assert users(cli) == [["alice@example.com", "Alice Liddell", "1048576", "enabled"]]
    check(cli("user", "set", "alice@example.com", "--quota", "2G"))
    assert users(cli) == [["alice@example.com", "Alice Liddell", "2147483648", "enabled"]]
    assert password_hash(backend, data_dir, "alice@example.com") == before


def test_user_set_refuses(cli):
    check(cli("domain", "add", "example.com"))
    add_user(cli, "alice@example.com")
    fails(cli("user", "set", "nobody@example.com", "--name", "N"), 2, "nobody@example.com")
    fails(cli("user", "set", "alice@example.com", "--quota", "lots"), 2, "lots")
    fails(cli("user", "set", "alice@example.com", "--password-stdin"), 2, "--password-stdin")
    assert users(cli) == [["alice@example.com", "Test User", "0", "enabled"]]
