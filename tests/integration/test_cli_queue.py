"""The outbound queue through the admin command line of the built postern binary, on SQLite and
on PostgreSQL: `queue list|show ID|retry ID|retry --all|delete ID|bounce ID`. The queue is seeded
directly in the database (queue_messages, queue_recipients: migration 7) with its files in
DATA_DIR/queue/new, as the SMTP session leaves them.

Contract: exit 0 on success; 1 for an id that is not queued ("no queued message ID"); 2 for a
malformed id (not 12 hex digits) or retry with both or neither of ID and --all. Ids are accepted
in any case. Every change moves change_generation (the "queue.changed" request the running
engine watches) and is logged by the admin component.
"""

import re
import time

from cli_support import fails, generation
from postern_harness import (HeadlessServer, backend, check, cli, data_dir, log_text, pg_cluster,  # noqa: F401
                             sql_query)
from test_admin_socket import AdminClient

HOUR = 3600
MESSAGE = b"From: alice@example.test\r\nTo: bob@remote.test\r\nSubject: quarterly figures\r\n\r\nsecret body\r\n"
TEMPORARY = "mx.remote.test[127.0.0.2] said: 451 4.3.0 try again later"


def seed(backend, data_dir, queue_id, sender, recipients, age=3 * HOUR + 100, content=MESSAGE):
    """recipients: (address, state, attempts, last_error, notify); next attempts an hour ahead."""
    file_name = f"1700000000.{queue_id}.test"
    new = data_dir / "queue" / "new"
    new.mkdir(parents=True, exist_ok=True)
    (new / file_name).write_bytes(content)
    now = int(time.time())
    sql_query(backend, data_dir,
              "INSERT INTO queue_messages (id, file_name, sender, size, received_at) "
              f"VALUES ('{queue_id}', '{file_name}', '{sender}', {len(content)}, {now - age})")
    for address, state, attempts, last_error, notify in recipients:
        sql_query(backend, data_dir,
                  "INSERT INTO queue_recipients (message_id, address, notify, state, attempts, next_attempt, "
                  f"last_attempt, last_error) VALUES ('{queue_id}', '{address}', '{notify}', '{state}', {attempts}, "
                  f"{now + HOUR}, {now - 60}, '{last_error}')")
    return new / file_name


def recipients_of(backend, data_dir, queue_id):
    """{address: [state, attempts, next_attempt, last_error, status_code, report]} as strings."""
    found = sql_query(backend, data_dir,
                      "SELECT address, state, attempts, next_attempt, last_error, status_code, report "
                      f"FROM queue_recipients WHERE message_id = '{queue_id}' ORDER BY id")
    return {str(row[0]): [str(value) for value in row[1:]] for row in found}


def seed_two(backend, data_dir):
    first = seed(backend, data_dir, "0A1B2C3D4E5F", "alice@example.test",
                 [("bob@remote.test", "queued", 2, TEMPORARY, "failure,delay"),
                  ("carol@remote.test", "delivered", 1, "", "failure,delay")])
    second = seed(backend, data_dir, "00000000BEEF", "", [("dave@remote.test", "queued", 1, "", "failure,delay")],
                  age=90)
    return first, second


def test_empty_queue(cli):
    assert check(cli("queue", "list")) == "The queue is empty.\n"
    assert "Nothing in the queue" in check(cli("queue", "retry", "--all"))


def test_list_and_show(cli, backend, data_dir):
    check(cli("domain", "list"))   # creates the database
    first, _ = seed_two(backend, data_dir)
    listed = check(cli("queue", "list"))
    blocks = listed.strip().split("\n\n")
    assert len(blocks) == 2, listed
    oldest = blocks[0].splitlines()
    assert oldest[0].startswith("0A1B2C3D4E5F  3 hours old  "), listed
    assert f"{len(MESSAGE)} bytes  from alice@example.test" in oldest[0]
    assert re.fullmatch(r"  next attempt: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(in (5\d|60) minutes\)", oldest[1]), listed
    assert f"  bob@remote.test: queued, 2 attempts, last error: {TEMPORARY}" in oldest
    assert "  carol@remote.test: delivered, 1 attempt" in oldest
    newest = blocks[1].splitlines()
    # Seeded 90 s ago; seeding through psql takes a few seconds more.
    assert re.match(r"00000000BEEF  (9\d|1[01]\d) seconds old  .*from <>$", newest[0]), listed
    assert "  dave@remote.test: queued, 1 attempt" in newest

    shown = check(cli("queue", "show", "0a1b2c3d4e5f"))
    assert shown.startswith("0A1B2C3D4E5F  3 hours old"), shown
    assert "recipients:\n  bob@remote.test: queued, 2 attempts" in shown
    assert "headers:\nFrom: alice@example.test\nTo: bob@remote.test\nSubject: quarterly figures\n" in shown
    assert "secret body" not in shown

    first.unlink()
    assert "headers:\n(file missing)\n" in check(cli("queue", "show", "0A1B2C3D4E5F"))


def test_retry_one_and_all(cli, backend, data_dir):
    check(cli("domain", "list"))
    seed_two(backend, data_dir)
    before = generation(backend, data_dir)
    started = int(time.time())
    assert check(cli("queue", "retry", "0A1B2C3D4E5F")) == "0A1B2C3D4E5F: 1 recipient will be tried now.\n"
    assert generation(backend, data_dir) > before
    rows = recipients_of(backend, data_dir, "0A1B2C3D4E5F")
    assert int(rows["bob@remote.test"][2]) <= int(time.time()) and int(rows["bob@remote.test"][2]) >= started - 1
    assert rows["bob@remote.test"][1] == "2"   # a retry is not an attempt
    assert int(recipients_of(backend, data_dir, "00000000BEEF")["dave@remote.test"][2]) > started + HOUR - 60

    assert check(cli("queue", "retry", "--all")) == "2 recipients will be tried now.\n"
    assert int(recipients_of(backend, data_dir, "00000000BEEF")["dave@remote.test"][2]) <= int(time.time())
    assert "queue retry 0A1B2C3D4E5F: 1 recipient(s) due now" in log_text(data_dir)


def test_delete(cli, backend, data_dir):
    check(cli("domain", "list"))
    first, second = seed_two(backend, data_dir)
    before = generation(backend, data_dir)
    out = check(cli("queue", "delete", "0a1b2c3d4e5f"))
    assert out == "0A1B2C3D4E5F deleted (from alice@example.test, 2 recipients); nobody is told.\n"
    assert generation(backend, data_dir) > before
    assert not first.exists() and second.exists()
    assert sql_query(backend, data_dir, "SELECT id FROM queue_messages") == [["00000000BEEF"]]
    assert recipients_of(backend, data_dir, "0A1B2C3D4E5F") == {}
    assert "queue delete 0A1B2C3D4E5F: from alice@example.test to bob@remote.test, carol@remote.test" in log_text(data_dir)
    fails(cli("queue", "delete", "0A1B2C3D4E5F"), 1, "no queued message 0A1B2C3D4E5F")


def test_bounce(cli, backend, data_dir):
    check(cli("domain", "list"))
    first, _ = seed_two(backend, data_dir)
    out = check(cli("queue", "bounce", "0A1B2C3D4E5F"))
    assert out.startswith("0A1B2C3D4E5F: 1 recipient returned to the sender"), out
    rows = recipients_of(backend, data_dir, "0A1B2C3D4E5F")
    assert rows["bob@remote.test"][0] == "failed"
    assert rows["bob@remote.test"][3] == "returned to the sender by the administrator"
    assert rows["bob@remote.test"][4:] == ["5.0.0", "due"]
    assert rows["carol@remote.test"][0] == "delivered"
    assert first.exists()   # the delivery agent quotes it in the report, then removes it

    # A message from the null sender gets no report (RFC 3461 §6.2).
    check(cli("queue", "bounce", "00000000beef"))
    assert recipients_of(backend, data_dir, "00000000BEEF")["dave@remote.test"][4:] == ["5.0.0", "sent"]
    assert "no recipient is waiting" in check(cli("queue", "bounce", "0A1B2C3D4E5F"))
    assert "queue bounce 0A1B2C3D4E5F: from alice@example.test, returned bob@remote.test" in log_text(data_dir)


def test_refusals(cli, backend, data_dir):
    check(cli("domain", "list"))
    seed_two(backend, data_dir)
    before = generation(backend, data_dir)
    for verb in ("show", "retry", "delete", "bounce"):
        fails(cli("queue", verb, "FFFFFFFFFFFF"), 1, "no queued message FFFFFFFFFFFF")
        fails(cli("queue", verb, "0A1B2C"), 2, '"0A1B2C" is not a queue id')
    fails(cli("queue", "retry"), 2, "--all")
    fails(cli("queue", "retry", "0A1B2C3D4E5F", "--all"), 2, "not both")
    fails(cli("queue", "delete", "0A1B2C3D4E5F", "--all"), 2, "does not take --all")
    fails(cli("queue", "flush"), 2, '"flush"')
    assert generation(backend, data_dir) == before
    assert len(sql_query(backend, data_dir, "SELECT id FROM queue_recipients")) == 3


def test_queue_operations_over_the_admin_socket(data_dir):
    """The engine's queue.* operations (what the GUI's Queue window uses) on the same rows."""
    sqlite = {"name": "sqlite", "database": None}
    with HeadlessServer(data_dir):
        seed_two(sqlite, data_dir)
        client = AdminClient(data_dir)
        try:
            listed = client.call("queue.list")
            assert listed["status"] == "ok", listed
            messages = listed["result"]["messages"]
            assert [message["id"] for message in messages] == ["0A1B2C3D4E5F", "00000000BEEF"]
            first = messages[0]
            assert first["sender"] == "alice@example.test" and first["size"] == len(MESSAGE)
            assert first["age_seconds"] >= 3 * HOUR and first["last_error"] == TEMPORARY
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", first["next_attempt"]), first
            assert [(r["address"], r["state"], r["attempts"]) for r in first["recipients"]] == [
                ("bob@remote.test", "queued", 2), ("carol@remote.test", "delivered", 1)]
            assert first["recipients"][1]["next_attempt"] is None

            shown = client.call("queue.show", id="0a1b2c3d4e5f")
            assert shown["status"] == "ok" and "Subject: quarterly figures\n" in shown["result"]["headers"], shown
            assert client.call("queue.show", id="FFFFFFFFFFFF")["status"] == "not-found"
            assert client.call("queue.show", id="nonsense")["status"] == "invalid"

            retried = client.call("queue.retry", all=True)
            assert retried["status"] == "ok" and retried["result"]["count"] == 2, retried
            bounced = client.call("queue.bounce", id="0A1B2C3D4E5F")
            assert bounced["status"] == "ok" and bounced["result"]["count"] == 1, bounced
            assert client.call("queue.delete", id="00000000BEEF")["status"] == "ok"
        finally:
            client.close()
    # A delivery agent may have sent the report (and queued it) meanwhile: check only what we did.
    bob = recipients_of(sqlite, data_dir, "0A1B2C3D4E5F").get("bob@remote.test")
    assert bob is None or bob[0] == "failed" and bob[4] == "5.0.0", bob
    assert ["00000000BEEF"] not in sql_query(sqlite, data_dir, "SELECT id FROM queue_messages")
