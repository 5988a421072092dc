"""The Filters and Attachment Filters lists (security rules 4 and 5) through the admin command line
of the built postern binary, on SQLite and on PostgreSQL: `filter add|remove|list`,
`attachment-filter add|remove|list`.

Contract: exit 0 on success; 2 with a message naming it for an empty text or pattern, an unknown
scope or action, a duplicate (ignoring case, as matching does) and removing an entry that is not
listed. `filter list` prints text, scope, action and creation time (ISO 8601 UTC), tab-separated,
oldest first; `attachment-filter list` pattern and creation time. Every change moves
change_generation, which running servers watch, and is logged by the admin component.
"""

import datetime

import pytest

from cli_support import fails, generation, rows
from postern_harness import backend, check, cli, data_dir, log_text, pg_cluster, sql_query  # noqa: F401 (fixtures)


def recent(iso_text):
    created = datetime.datetime.strptime(iso_text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)
    return abs((datetime.datetime.now(datetime.timezone.utc) - created).total_seconds()) < 120


def test_filter_add_list_remove(cli, backend, data_dir):
    assert check(cli("filter", "list")) == ""
    before = generation(backend, data_dir)
    assert 'filter "viagra" added (scope all, action reject)' in check(cli("filter", "add", "viagra"))
    assert generation(backend, data_dir) > before
    check(cli("filter", "add", "Lottery Winner", "--scope", "SUBJECT", "--action", "discard"))
    check(cli("filter", "add", "http://spam.example/remove", "--scope=body"))
    check(cli("filter", "add", "X-Mailer: SpamBot", "--scope", "headers", "--action", "reject"))
    listed = rows(check(cli("filter", "list")))
    assert [row[:3] for row in listed] == [["viagra", "all", "reject"],
                                           ["Lottery Winner", "subject", "discard"],
                                           ["http://spam.example/remove", "body", "reject"],
                                           ["X-Mailer: SpamBot", "headers", "reject"]]
    assert all(recent(row[3]) for row in listed), listed
    stored = sql_query(backend, data_dir, "SELECT filter_text, scope, action FROM content_filters ORDER BY filter_text")
    assert ["Lottery Winner", "subject", "discard"] in [list(map(str, row)) for row in stored]

    before = generation(backend, data_dir)
    # Removal ignores case, as matching does, and names the entry as stored.
    assert 'filter "Lottery Winner" removed' in check(cli("filter", "remove", "lottery winner"))
    assert generation(backend, data_dir) > before
    assert [row[0] for row in rows(check(cli("filter", "list")))] == ["viagra", "http://spam.example/remove",
                                                                      "X-Mailer: SpamBot"]
    text = log_text(data_dir)
    assert 'filter added: "Lottery Winner" scope subject action discard' in text
    assert 'filter removed: "Lottery Winner"' in text


def test_filter_refusals_exit_2_naming_the_problem(cli, backend, data_dir):
    check(cli("filter", "add", "casino"))
    before = generation(backend, data_dir)
    fails(cli("filter", "add", ""), 2, "empty")
    fails(cli("filter", "add", "   "), 2, "empty")
    fails(cli("filter", "add", "poker", "--scope", "envelope"), 2, '"envelope"')
    fails(cli("filter", "add", "poker", "--action", "bounce"), 2, '"bounce"')
    fails(cli("filter", "add", "CASINO"), 2, '"casino" already exists')
    fails(cli("filter", "add", "tab\there"), 2, "control characters")
    fails(cli("filter", "remove", "poker"), 2, '"poker"')
    fails(cli("filter", "add", "x", "--comment", "y"), 2, "--comment")
    fails(cli("filter", "add"), 2, "missing argument")
    assert generation(backend, data_dir) == before
    assert rows(check(cli("filter", "list")))[0][:3] == ["casino", "all", "reject"]


def test_attachment_filter_add_list_remove(cli, backend, data_dir):
    assert check(cli("attachment-filter", "list")) == ""
    before = generation(backend, data_dir)
    assert 'attachment filter ".EXE" added' in check(cli("attachment-filter", "add", ".EXE"))
    assert generation(backend, data_dir) > before
    for pattern in (".E*", ".E?E", "*.exe", "invoice*.js"):
        check(cli("attachment-filter", "add", pattern))
    listed = rows(check(cli("attachment-filter", "list")))
    assert [row[0] for row in listed] == [".EXE", ".E*", ".E?E", "*.exe", "invoice*.js"]
    assert all(recent(row[1]) for row in listed), listed

    assert 'attachment filter "invoice*.js" removed' in check(cli("attachment-filter", "remove", "INVOICE*.JS"))
    assert [row[0] for row in rows(check(cli("attachment-filter", "list")))] == [".EXE", ".E*", ".E?E", "*.exe"]
    text = log_text(data_dir)
    assert "attachment filter added: .E?E" in text and "attachment filter removed: invoice*.js" in text


def test_attachment_filter_refusals_exit_2_naming_the_problem(cli, backend, data_dir):
    check(cli("attachment-filter", "add", "*.exe"))
    before = generation(backend, data_dir)
    fails(cli("attachment-filter", "add", ""), 2, "empty")
    fails(cli("attachment-filter", "add", "."), 2, '"."')
    fails(cli("attachment-filter", "add", "dir/x.exe"), 2, "dir/x.exe")
    fails(cli("attachment-filter", "add", "*.EXE"), 2, '"*.exe" already exists')
    fails(cli("attachment-filter", "remove", ".scr"), 2, ".scr")
    fails(cli("attachment-filter", "add", ".exe", "--scope", "body"), 2, "--scope")
    assert generation(backend, data_dir) == before
    assert [row[0] for row in rows(check(cli("attachment-filter", "list")))] == ["*.exe"]
