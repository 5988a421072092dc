"""Helpers for the tests of the admin command line (test_cli_*.py): reading its tab-separated
lists and checking its refusals. ``cli`` is the fixture of postern_harness."""

import os

from postern_harness import check, sql_query


def rows(output):
    return [line.split("\t") for line in output.splitlines()]


def generation(backend, data_dir):
    """The database's change counter, which running servers watch."""
    return int(sql_query(backend, data_dir, "SELECT value FROM change_generation WHERE id = 1")[0][0])


def fails(result, code, *names):
    """Asserts the exit code and that stderr names every one of ``names``."""
    assert result.returncode == code, (f"{result.args!r}: expected exit {code}, got {result.returncode}\n"
                                       f"stdout: {result.stdout}\nstderr: {result.stderr}")
    assert result.stderr.strip(), f"{result.args!r}: exit {code} without a message on stderr"
    for name in names:
        assert name in result.stderr, f"{result.args!r}: stderr does not name {name!r}: {result.stderr}"


def domains(cli):
    return check(cli("domain", "list")).splitlines()


def users(cli, *domain):
    return rows(check(cli("user", "list", *domain)))


def user_addresses(cli, *domain):
    return [row[0] for row in users(cli, *domain)]


def aliases(cli):
    result = {}
    for row in rows(check(cli("alias", "list"))):
        assert len(row) == 2, f"alias list line is not alias<TAB>targets: {row!r}"
        assert row[0] not in result, f"alias {row[0]} listed twice"
        result[row[0]] = row[1].split(",") if row[1] else []
    return result


def config(cli, key):
    return check(cli("config", "get", key)).strip()


def add_user(cli, address, name="Test User", *extra, password=None):
    if password is None:
        return check(cli("user", "add", address, "--name", name, *extra))
    return check(cli("user", "add", address, "--name", name, "--password-stdin", *extra, stdin=password + "\n"))


def password_hash(backend, data_dir, address):
    found = sql_query(backend, data_dir, f"SELECT password_hash FROM accounts WHERE address = '{address}'")
    assert len(found) == 1, f"{address}: {found!r}"
    return found[0][0]


def files_containing(directory, needle):
    """Paths of the files under ``directory`` whose bytes contain ``needle``."""
    hits = []
    for root, _, names in os.walk(str(directory)):
        for name in names:
            path = os.path.join(root, name)
            with open(path, "rb") as handle:
                if needle in handle.read():
                    hits.append(path)
    return hits
