"""The Banned Addresses and Trusted IP Addresses lists through the admin command line of the
built postern binary, on SQLite and on PostgreSQL: `ban add|remove|list`, `trust add|remove|list`.

Contract: exit 0 on success; 2 with a message naming it for a malformed range or a --minutes that
is not a positive number; 1 for removing an entry that is not there. `ban list` prints range,
expiry (ISO 8601 UTC) or "never", source and comment, tab-separated; `trust list` range and comment.
Every change moves change_generation, which running servers watch.
"""

import datetime

import pytest

from cli_support import fails, generation, rows
from postern_harness import backend, check, cli, data_dir, log_text, pg_cluster, sql_query  # noqa: F401 (fixtures)


def test_ban_add_list_remove(cli, backend, data_dir):
    assert check(cli("ban", "list")) == ""
    before = generation(backend, data_dir)
    assert "192.0.2.7/32 banned without expiry" in check(cli("ban", "add", "192.0.2.7"))
    assert generation(backend, data_dir) > before
    check(cli("ban", "add", "2001:DB8::1234/32", "--minutes", "90", "--comment", "ssh scanner"))
    check(cli("ban", "add", "10.1.2.3/8", "--comment", "whole net"))
    listed = rows(check(cli("ban", "list")))
    assert [row[0] for row in listed] == ["10.0.0.0/8", "192.0.2.7/32", "2001:db8::/32"]
    assert listed[0] == ["10.0.0.0/8", "never", "manual", "whole net"]
    assert listed[1] == ["192.0.2.7/32", "never", "manual", ""]
    expires = datetime.datetime.strptime(listed[2][1], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)
    minutes = (expires - datetime.datetime.now(datetime.timezone.utc)).total_seconds() / 60
    assert 88 < minutes <= 90, listed[2]
    assert listed[2][2:] == ["manual", "ssh scanner"]

    # Banning again replaces the expiry and the comment.
    assert "ban updated" in check(cli("ban", "add", "192.0.2.7", "--minutes", "5", "--comment", "again"))
    assert rows(check(cli("ban", "list")))[1][2:] == ["manual", "again"]

    before = generation(backend, data_dir)
    assert "192.0.2.7/32 is no longer banned" in check(cli("ban", "remove", "192.0.2.7/32"))
    assert generation(backend, data_dir) > before
    check(cli("ban", "remove", "10.0.0.0/8"))
    assert [row[0] for row in rows(check(cli("ban", "list")))] == ["2001:db8::/32"]
    text = log_text(data_dir)
    assert "banned 192.0.2.7/32 without expiry" in text and "ban removed: 192.0.2.7/32" in text


def test_trust_add_list_remove(cli, backend, data_dir):
    assert check(cli("trust", "list")) == ""
    before = generation(backend, data_dir)
    assert "10.0.0.0/8 trusted" in check(cli("trust", "add", "10.0.0.0/8", "--comment", "office"))
    assert generation(backend, data_dir) > before
    check(cli("trust", "add", "::1"))
    assert rows(check(cli("trust", "list"))) == [["10.0.0.0/8", "office"], ["::1/128", ""]]
    stored = sql_query(backend, data_dir, "SELECT cidr, comment FROM trusted_addresses ORDER BY cidr")
    assert [list(map(str, row)) for row in stored] == [["10.0.0.0/8", "office"], ["::1/128", ""]]
    before = generation(backend, data_dir)
    assert "::1/128 is no longer trusted" in check(cli("trust", "remove", "::1"))
    assert generation(backend, data_dir) > before
    assert rows(check(cli("trust", "list"))) == [["10.0.0.0/8", "office"]]


@pytest.mark.parametrize("args, named", [
    (("ban", "add", "192.0.2.300"), "192.0.2.300"),
    (("ban", "add", "10.0.0.0/33"), "10.0.0.0/33"),
    (("ban", "add", "example.com"), "example.com"),
    (("ban", "add", "192.0.2.7", "--minutes", "0"), '"0"'),
    (("ban", "add", "192.0.2.7", "--minutes", "-3"), '"-3"'),
    (("ban", "add", "192.0.2.7", "--minutes", "ten"), '"ten"'),
    (("ban", "add", "192.0.2.7", "--minutes", "1.5"), '"1.5"'),
    (("ban", "remove", "not-an-address"), "not-an-address"),
    (("trust", "add", "fe80::/129"), "fe80::/129"),
    (("trust", "add", "10.0.0.0/8", "--minutes", "5"), "--minutes"),
    (("trust", "remove", "1.2.3.4.5"), "1.2.3.4.5"),
    (("ban", "add", "1.2.3"), "1.2.3"),            # not silently 1.2.0.3
    (("ban", "add", "010.0.0.1"), "010.0.0.1"),    # not silently octal 8.0.0.1
    (("ban", "add", "192.0.2.7", "--comment", "two\tfields"), "control characters"),
])
def test_bad_input_is_exit_2_naming_it(cli, args, named):
    fails(cli(*args), 2, named)
    assert check(cli("ban", "list")) == "" and check(cli("trust", "list")) == ""


def test_removing_what_is_not_there_is_exit_1(cli):
    fails(cli("ban", "remove", "192.0.2.7"), 1, "192.0.2.7/32")
    fails(cli("trust", "remove", "2001:db8::/48"), 1, "2001:db8::/48")
