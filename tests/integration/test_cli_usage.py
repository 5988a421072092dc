"""The admin command line of the built postern binary as a program: --version, --help, usage
errors, an unreachable or malformed database, and the data directory it creates.

Contract: exit 0 on success, 1 on a runtime failure (database unreachable), 2 on a usage or
validation error with a message on stderr that names the bad argument.
"""

import re
import stat

import pytest

from cli_support import fails, files_containing
from postern_harness import backend, check, data_dir, pg_cluster, postern  # noqa: F401 (fixtures)

UNREACHABLE = "postgresql://postern@127.0.0.1:1/x"


def test_version():
    result = postern("--version", data_dir=None)
    check(result)
    assert re.fullmatch(r"postern \S+\n", result.stdout), result.stdout


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help(flag):
    result = postern(flag, data_dir=None)
    output = check(result)
    assert "Usage:" in output
    for command in ("domain add", "user add", "alias add", "smtp-login add", "smtp-login list", "config get", "tls show",
                    "tls reload", "--version"):
        assert command in output, f"--help does not mention {command}"


USAGE_ERRORS = [
    (["frobnicate"], ["frobnicate"]),
    (["domain"], ["domain"]),
    (["domain", "explode", "example.com"], ["explode"]),
    (["domain", "add"], ["domain add", "missing argument"]),
    (["domain", "remove"], ["domain remove", "missing argument"]),
    (["user", "add"], ["user add", "missing argument"]),
    (["user", "passwd"], ["user passwd", "missing argument"]),
    (["alias", "add", "team@example.com"], ["alias add", "missing argument"]),
    (["alias", "remove"], ["alias remove", "missing argument"]),
    (["config", "get"], ["config get", "missing argument"]),
    (["smtp-login", "add"], ["smtp-login add", "missing argument"]),
    (["smtp-login", "remove"], ["smtp-login remove", "missing argument"]),
    (["smtp-login", "list", "surplus"], ["surplus"]),
    (["smtp-login", "rename", "scanner"], ["rename"]),
    (["smtp-login", "remove", "scanner", "--password-stdin"], ["--password-stdin"]),
    (["smtp-login", "add", "scanner", "--name", "Scanner"], ["--name"]),
    (["config", "set", "smtp.port"], ["config set", "missing argument"]),
    (["domain", "list", "surplus"], ["surplus"]),
    (["config", "set", "smtp.port", "25", "surplus"], ["surplus"]),
    (["--frobnicate", "domain", "list"], ["--frobnicate"]),
    (["domain", "list", "-x"], ["-x"]),
    (["user", "add", "alice@example.com", "--quota"], ["--quota"]),
    (["domain", "list", "--name", "Alice"], ["--name"]),
    (["user", "remove", "alice@example.com", "--password-stdin"], ["--password-stdin"]),
    (["--version=2"], ["--version"]),
]


@pytest.mark.parametrize("args, names", USAGE_ERRORS, ids=[" ".join(args) for args, _ in USAGE_ERRORS])
def test_usage_errors(data_dir, args, names):
    result = postern(*args, data_dir=data_dir)
    fails(result, 2, *names)
    assert "Usage:" in result.stderr
    assert result.stdout == ""


def test_unreachable_database_is_a_runtime_failure(data_dir):
    for args in (["domain", "list"], ["domain", "add", "example.com"], ["config", "get", "smtp.port"]):
        result = postern(*args, data_dir=data_dir, database=UNREACHABLE, timeout=60)
        fails(result, 1)
        assert "127.0.0.1" in result.stderr or "database" in result.stderr, result.stderr
    # A password in the URL is never shown, neither on stderr nor in the log.
    result = postern("domain", "list", data_dir=data_dir, database="postgresql://postern:Hunter2-Secret@127.0.0.1:1/x",
                     timeout=60)
    fails(result, 1, "127.0.0.1")
    assert "Hunter2-Secret" not in result.stderr + result.stdout
    assert files_containing(data_dir, b"Hunter2-Secret") == []


def test_malformed_database_url_is_a_usage_error(data_dir):
    result = postern("domain", "list", data_dir=data_dir, database="mysql://postern@127.0.0.1/x")
    fails(result, 2, "mysql")


def test_data_directory_is_created_private(tmp_path, backend):
    nested = tmp_path / "one" / "two" / "postern-data"
    check(postern("domain", "list", data_dir=nested, database=backend["database"]))
    assert nested.is_dir()
    assert stat.S_IMODE(nested.stat().st_mode) == 0o700, oct(nested.stat().st_mode)
