"""Domains, users and aliases through the admin command line of the built postern binary, on
SQLite and on PostgreSQL.

Contract: exit 0 on success, 2 on a validation error with a message on stderr that names the bad
argument; lists are one item per line, tab-separated.
"""

import pytest

from cli_support import add_user, aliases, domains, fails, files_containing, password_hash, user_addresses, users
from postern_harness import backend, check, cli, data_dir, log_text, pg_cluster, sql_query  # noqa: F401 (fixtures)

HASH_PREFIX = "$pbkdf2-sha256$"


# --- domains -------------------------------------------------------------------------------------

def test_domain_add_normalises_and_lists(cli):
    assert domains(cli) == []
    assert "xn--bcher-kva.example" in check(cli("domain", "add", "Bücher.Example"))
    assert "example.com" in check(cli("domain", "add", "Example.COM"))
    check(cli("domain", "add", "mail.example.org."))  # a fully-qualified trailing dot names the same domain
    assert sorted(domains(cli)) == ["example.com", "mail.example.org", "xn--bcher-kva.example"]


def test_domain_idna_keeps_deviation_characters(cli):
    """IDNA2008 (RFC 5891, which SMTPUTF8 builds on) keeps "ß": faß.example is xn--fa-hia.example,
    a different domain from fass.example. Transitional (IDNA2003) mapping would host the wrong one."""
    assert "xn--fa-hia.example" in check(cli("domain", "add", "Faß.example"))
    check(cli("domain", "add", "fass.example"))
    assert sorted(domains(cli)) == ["fass.example", "xn--fa-hia.example"]
    add_user(cli, "bob@faß.example")
    assert user_addresses(cli, "xn--fa-hia.example") == ["bob@xn--fa-hia.example"]


def test_domain_add_duplicate(cli):
    check(cli("domain", "add", "example.com"))
    check(cli("domain", "add", "bücher.example"))
    fails(cli("domain", "add", "EXAMPLE.com"), 2, "example.com")
    fails(cli("domain", "add", "example.com"), 2, "example.com")
    fails(cli("domain", "add", "BÜCHER.example"), 2, "xn--bcher-kva.example")
    fails(cli("domain", "add", "xn--bcher-kva.example"), 2, "xn--bcher-kva.example")
    assert sorted(domains(cli)) == ["example.com", "xn--bcher-kva.example"]


@pytest.mark.parametrize("domain", [
    "bad..example", "bad-.example", "exa mple.com", "under_score.example", "[127.0.0.1]", "a" * 64 + ".example",
])
def test_domain_add_malformed(cli, domain):
    fails(cli("domain", "add", domain), 2, domain)
    assert domains(cli) == []


def test_domain_remove_removes_its_users_and_aliases(cli):
    check(cli("domain", "add", "example.com"))
    check(cli("domain", "add", "example.org"))
    for address in ("alice@example.com", "bob@example.com", "carol@example.org"):
        add_user(cli, address)
    check(cli("alias", "add", "team@example.com", "alice@example.com", "bob@example.com"))
    check(cli("alias", "add", "friends@example.org", "alice@example.com", "carol@example.org"))

    assert "example.com" in check(cli("domain", "remove", "Example.COM"))

    assert domains(cli) == ["example.org"]
    assert user_addresses(cli) == ["carol@example.org"]
    # Aliases in the domain are gone; aliases elsewhere no longer point at its accounts.
    assert aliases(cli) == {"friends@example.org": ["carol@example.org"],
                            "postmaster@example.org": ["carol@example.org"]}
    fails(cli("domain", "remove", "example.com"), 2, "example.com")
    fails(cli("domain", "remove", "never.example"), 2, "never.example")

    # Added again, the domain starts empty.
    check(cli("domain", "add", "example.com"))
    assert users(cli, "example.com") == []
    assert not [alias for alias in aliases(cli) if alias.endswith("@example.com")]


# --- users ---------------------------------------------------------------------------------------

def test_user_add_with_password_name_and_quota(cli, backend, data_dir):
    check(cli("domain", "add", "example.com"))
    check(cli("user", "add", "alice@example.com", "--password-stdin", "--name", "Alice Liddell",
              "--quota", "1048576", stdin="wonderland-42\n"))
    check(cli("user", "add", "bob@example.com", "--name", "Bob", "--quota", "500M"))
    check(cli("user", "add", "carol@example.com", "--name=Carol C.", "--quota", "2G"))
    check(cli("user", "add", "dave@example.com", "--name", "Dave", "--quota", "0"))
    assert users(cli) == [
        ["alice@example.com", "Alice Liddell", "1048576", "enabled"],
        ["bob@example.com", "Bob", "524288000", "enabled"],
        ["carol@example.com", "Carol C.", "2147483648", "enabled"],
        ["dave@example.com", "Dave", "0", "enabled"],
    ]
    # POSTERN_PBKDF2_ITERATIONS reached the process (the tests rely on it for speed).
    assert password_hash(backend, data_dir, "alice@example.com").startswith(HASH_PREFIX + "1000$")


def test_user_add_without_name(cli):
    """--name is optional in the usage text: an account without a display name lists an empty name."""
    check(cli("domain", "add", "example.com"))
    check(cli("user", "add", "alice@example.com"))
    check(cli("user", "add", "bob@example.com", "--password-stdin", stdin="long-enough-1\n"))
    assert users(cli) == [["alice@example.com", "", "0", "enabled"], ["bob@example.com", "", "0", "enabled"]]


def test_user_local_part_is_case_insensitive(cli):
    check(cli("domain", "add", "example.com"))
    assert "bob@example.com" in add_user(cli, "Bob@Example.com", "Bob")
    fails(cli("user", "add", "bob@example.com", "--name", "Other Bob"), 2, "bob@example.com")
    fails(cli("user", "add", "BOB@EXAMPLE.COM", "--name", "Other Bob"), 2, "bob@example.com")
    assert users(cli) == [["bob@example.com", "Bob", "0", "enabled"]]
    check(cli("user", "disable", "BOB@example.COM"))
    assert users(cli) == [["bob@example.com", "Bob", "0", "disabled"]]


def test_user_add_validation(cli, backend, data_dir):
    check(cli("domain", "add", "example.com"))
    fails(cli("user", "add", "alice@nowhere.example", "--name", "A"), 2, "nowhere.example")
    for address in ("not-an-address", "alice@", "@example.com", "al ice@example.com", "alice@bad..example"):
        result = cli("user", "add", address, "--name", "A")
        fails(result, 2)
        assert address in result.stderr or address.split("@")[-1] in result.stderr, result.stderr
    for name in ("Tab\there", "New\nline"):  # would break the tab-separated list
        fails(cli("user", "add", "alice@example.com", "--name", name), 2, "display name")
    for quota in ("abc", "-5", "12X", "1.5G"):
        fails(cli("user", "add", "alice@example.com", "--name", "A", "--quota", quota), 2, quota)
    for short in ("", "short", "1234567"):
        result = cli("user", "add", "alice@example.com", "--name", "A", "--password-stdin", stdin=short + "\n")
        fails(result, 2, "password")
    # Nothing of the refused commands was written: no account, and no postmaster alias for one.
    assert users(cli) == []
    assert aliases(cli) == {}

    add_user(cli, "alice@example.com", "A", password="12345678")  # exactly the minimum length
    assert user_addresses(cli) == ["alice@example.com"]
    assert password_hash(backend, data_dir, "alice@example.com").startswith(HASH_PREFIX)
    fails(cli("user", "add", "alice@example.com", "--name", "Again"), 2, "alice@example.com")
    assert users(cli) == [["alice@example.com", "A", "0", "enabled"]]


def test_postmaster_follows_the_first_account(cli):
    check(cli("domain", "add", "example.com"))
    assert aliases(cli) == {}
    add_user(cli, "alice@example.com")
    assert aliases(cli) == {"postmaster@example.com": ["alice@example.com"]}
    add_user(cli, "bob@example.com")
    add_user(cli, "carol@example.com")
    assert aliases(cli) == {"postmaster@example.com": ["alice@example.com"]}

    # Its account removed, postmaster moves to the oldest remaining account.
    check(cli("user", "remove", "Alice@example.com"))
    assert aliases(cli) == {"postmaster@example.com": ["bob@example.com"]}

    # postmaster must always deliver while the domain has accounts (RFC 5321 section 4.5.1).
    fails(cli("alias", "remove", "postmaster@example.com"), 2, "postmaster@example.com")
    fails(cli("alias", "remove", "postmaster@example.com", "bob@example.com"), 2, "postmaster@example.com")
    assert aliases(cli) == {"postmaster@example.com": ["bob@example.com"]}
    check(cli("alias", "add", "postmaster@example.com", "carol@example.com"))
    check(cli("alias", "remove", "postmaster@example.com", "bob@example.com"))
    assert aliases(cli) == {"postmaster@example.com": ["carol@example.com"]}

    check(cli("user", "remove", "carol@example.com"))
    assert aliases(cli) == {"postmaster@example.com": ["bob@example.com"]}
    # The last account gone, nothing is left to deliver to.
    check(cli("user", "remove", "bob@example.com"))
    assert aliases(cli) == {}
    assert users(cli) == []


def test_postmaster_account_added_first_needs_no_alias(cli):
    check(cli("domain", "add", "example.org"))
    add_user(cli, "postmaster@example.org", "Postmaster")
    add_user(cli, "dave@example.org")
    assert aliases(cli) == {}
    check(cli("user", "remove", "postmaster@example.org"))
    assert aliases(cli) == {"postmaster@example.org": ["dave@example.org"]}


def test_postmaster_account_can_replace_the_automatic_alias(cli):
    """`alias remove postmaster@…` refuses with "…or create a postmaster account": that must be possible."""
    check(cli("domain", "add", "example.com"))
    add_user(cli, "alice@example.com")
    hint = cli("alias", "remove", "postmaster@example.com")
    fails(hint, 2, "postmaster@example.com")
    assert "create a postmaster account" in hint.stderr

    check(cli("user", "add", "postmaster@example.com", "--name", "Postmaster"))
    assert user_addresses(cli) == ["alice@example.com", "postmaster@example.com"]
    assert "postmaster@example.com" not in aliases(cli)


def test_user_passwd_changes_the_hash(cli, backend, data_dir):
    first, second = "First-Secret-Passw0rd", "Second-Secret-Passw0rd"
    check(cli("domain", "add", "example.com"))
    add_user(cli, "alice@example.com", "Alice", password=first)
    add_user(cli, "bob@example.com", "Bob")  # no password yet: nobody can log in as bob
    hash_one = password_hash(backend, data_dir, "alice@example.com")
    assert hash_one.startswith(HASH_PREFIX)
    assert not password_hash(backend, data_dir, "bob@example.com").startswith(HASH_PREFIX)

    check(cli("user", "passwd", "Alice@Example.com", stdin=second + "\n"))
    hash_two = password_hash(backend, data_dir, "alice@example.com")
    assert hash_two.startswith(HASH_PREFIX) and hash_two != hash_one

    check(cli("user", "passwd", "bob@example.com", "--password-stdin", stdin=first + "\r\n"))
    assert password_hash(backend, data_dir, "bob@example.com").startswith(HASH_PREFIX)

    fails(cli("user", "passwd", "alice@example.com", stdin="short\n"), 2, "password")
    fails(cli("user", "passwd", "alice@example.com", stdin=""), 2, "password")
    assert password_hash(backend, data_dir, "alice@example.com") == hash_two
    fails(cli("user", "passwd", "nobody@example.com", stdin=second + "\n"), 2, "nobody@example.com")
    fails(cli("user", "passwd", "alice@nowhere.example", stdin=second + "\n"), 2, "nowhere.example")

    # The passwords themselves are stored nowhere: not in the database, not in the logs.
    for password in (first, second):
        assert files_containing(data_dir, password.encode()) == []
        found = sql_query(backend, data_dir,
                          f"SELECT address FROM accounts WHERE password_hash LIKE '%{password}%'")
        assert found == []
    assert "password changed: alice@example.com" in log_text(data_dir)


def test_user_remove(cli):
    check(cli("domain", "add", "example.com"))
    add_user(cli, "alice@example.com")
    add_user(cli, "bob@example.com")
    check(cli("alias", "add", "team@example.com", "alice@example.com", "bob@example.com"))
    check(cli("user", "remove", "bob@example.com"))
    assert user_addresses(cli) == ["alice@example.com"]
    assert aliases(cli)["team@example.com"] == ["alice@example.com"]
    fails(cli("user", "remove", "bob@example.com"), 2, "bob@example.com")
    fails(cli("user", "remove", "bob@nowhere.example"), 2, "nowhere.example")
    fails(cli("user", "remove", "not-an-address"), 2, "not-an-address")


def test_user_enable_disable(cli):
    check(cli("domain", "add", "example.com"))
    add_user(cli, "alice@example.com", "Alice")
    add_user(cli, "bob@example.com", "Bob")
    check(cli("user", "disable", "alice@example.com"))
    assert users(cli) == [["alice@example.com", "Alice", "0", "disabled"], ["bob@example.com", "Bob", "0", "enabled"]]
    check(cli("user", "disable", "alice@example.com"))  # idempotent
    assert users(cli)[0][3] == "disabled"
    check(cli("user", "enable", "alice@example.com"))
    assert users(cli) == [["alice@example.com", "Alice", "0", "enabled"], ["bob@example.com", "Bob", "0", "enabled"]]
    fails(cli("user", "enable", "nobody@example.com"), 2, "nobody@example.com")
    fails(cli("user", "disable", "nobody@example.com"), 2, "nobody@example.com")
    fails(cli("user", "disable", "not-an-address"), 2, "not-an-address")


def test_user_list_filters_by_domain(cli):
    for domain in ("example.com", "Bücher.example", "empty.example"):
        check(cli("domain", "add", domain))
    add_user(cli, "alice@example.com", "Alice")
    add_user(cli, "bob@bücher.example", "Bob")
    assert user_addresses(cli) == ["alice@example.com", "bob@xn--bcher-kva.example"]
    assert user_addresses(cli, "example.com") == ["alice@example.com"]
    assert user_addresses(cli, "EXAMPLE.com") == ["alice@example.com"]
    assert user_addresses(cli, "BÜCHER.example") == ["bob@xn--bcher-kva.example"]
    assert user_addresses(cli, "xn--bcher-kva.example") == ["bob@xn--bcher-kva.example"]
    assert users(cli, "empty.example") == []
    fails(cli("user", "list", "nowhere.example"), 2, "nowhere.example")
    fails(cli("user", "list", "bad..example"), 2, "bad..example")


# --- aliases -------------------------------------------------------------------------------------

def test_alias_add_list_remove(cli):
    check(cli("domain", "add", "example.com"))
    check(cli("domain", "add", "example.org"))
    add_user(cli, "alice@example.com")
    add_user(cli, "bob@example.com")
    add_user(cli, "carol@example.org")

    check(cli("alias", "add", "Team@Example.com", "alice@example.com", "Bob@Example.COM", "carol@example.org",
              "friend@elsewhere.example"))
    listed = aliases(cli)
    assert listed["team@example.com"] == ["alice@example.com", "bob@example.com", "carol@example.org",
                                          "friend@elsewhere.example"]
    line = [line for line in check(cli("alias", "list")).splitlines() if line.startswith("team@")]
    assert line == ["team@example.com\talice@example.com,bob@example.com,carol@example.org,friend@elsewhere.example"]

    # Adding to an existing alias adds the new targets once, in order.
    check(cli("alias", "add", "team@example.com", "dave@elsewhere.example", "alice@example.com"))
    assert aliases(cli)["team@example.com"] == ["alice@example.com", "bob@example.com", "carol@example.org",
                                                "friend@elsewhere.example", "dave@elsewhere.example"]
    # An alias may point at another alias.
    check(cli("alias", "add", "all@example.com", "team@example.com"))
    assert aliases(cli)["all@example.com"] == ["team@example.com"]

    before = aliases(cli)
    fails(cli("alias", "add", "x@example.com", "nobody@example.com"), 2, "nobody@example.com")
    fails(cli("alias", "add", "x@example.com", "alice@example.com", "nobody@example.org"), 2, "nobody@example.org")
    fails(cli("alias", "add", "alice@example.com", "bob@example.com"), 2, "alice@example.com")
    fails(cli("user", "add", "team@example.com", "--name", "Team"), 2, "team@example.com")
    fails(cli("alias", "add", "x@nowhere.example", "alice@example.com"), 2, "nowhere.example")
    fails(cli("alias", "add", "x@example.com", "x@example.com"), 2, "x@example.com")
    fails(cli("alias", "add", "x@example.com", "not-an-address"), 2, "not-an-address")
    fails(cli("alias", "add", "not-an-address", "alice@example.com"), 2, "not-an-address")
    assert aliases(cli) == before

    # Removing single targets, then whole aliases.
    check(cli("alias", "remove", "team@example.com", "friend@elsewhere.example"))
    assert aliases(cli)["team@example.com"] == ["alice@example.com", "bob@example.com", "carol@example.org",
                                                "dave@elsewhere.example"]
    fails(cli("alias", "remove", "team@example.com", "nobody@elsewhere.example"), 2, "nobody@elsewhere.example")
    check(cli("alias", "remove", "all@example.com"))
    assert "all@example.com" not in aliases(cli)
    fails(cli("alias", "remove", "all@example.com"), 2, "all@example.com")
    fails(cli("alias", "remove", "ghost@example.com"), 2, "ghost@example.com")
    fails(cli("alias", "remove", "ghost@nowhere.example"), 2, "nowhere.example")
    assert set(aliases(cli)) == {"team@example.com", "postmaster@example.com", "postmaster@example.org"}


def _dangling_targets(cli):
    """Alias targets in a local domain that are neither an account nor an alias."""
    local_domains = set(domains(cli))
    accounts = set(user_addresses(cli))
    listed = aliases(cli)
    return {(alias, target) for alias, targets in listed.items() for target in targets
            if target.split("@")[-1] in local_domains and target not in accounts and target not in listed}


def _delivers_to_account(cli, address):
    """Whether mail to ``address`` reaches at least one account, following aliases."""
    accounts = set(user_addresses(cli))
    listed = aliases(cli)
    seen, pending = set(), [address]
    while pending:
        current = pending.pop()
        if current in accounts:
            return True
        if current in seen:
            continue
        seen.add(current)
        pending.extend(listed.get(current, []))
    return False


def test_alias_remove_leaves_no_target_pointing_at_it(cli):
    """alias add refuses a local target that is neither an account nor an alias; alias remove
    must not create one behind its back (and postmaster must keep delivering)."""
    check(cli("domain", "add", "example.com"))
    add_user(cli, "alice@example.com")
    add_user(cli, "bob@example.com")
    check(cli("alias", "add", "list@example.com", "alice@example.com", "bob@example.com"))
    check(cli("alias", "add", "team@example.com", "list@example.com"))
    check(cli("alias", "add", "postmaster@example.com", "list@example.com"))
    check(cli("alias", "remove", "postmaster@example.com", "alice@example.com"))
    assert aliases(cli)["postmaster@example.com"] == ["list@example.com"]
    assert _dangling_targets(cli) == set()

    result = cli("alias", "remove", "list@example.com")
    assert result.returncode in (0, 2), result.stderr
    assert _dangling_targets(cli) == set(), aliases(cli)
    assert _delivers_to_account(cli, "postmaster@example.com"), aliases(cli)
