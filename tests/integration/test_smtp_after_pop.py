"""Security rule 2, SMTP After POP, through the running server with clients bound to their own
loopback source addresses: after a POP3 login from 127.0.0.20 that same address passes the relay
check (and the log names the rule and the login), 127.0.0.21 (same network, no login) is still
refused, the rule is off by default, and turning it off with the CLI while the server runs takes
effect within a couple of seconds. The window closing is tst_smtpsessionauth's (a clock there;
the shortest window here is a minute)."""

import socket
import time

import pytest

from postern_harness import (FIXTURE_PASSWORD, HeadlessServer, check, copy_data_dir, log_text,  # noqa: F401
                             loopback_alias_usable, mail_template, postern)
from smtp_client_support import ALICE, CLIENT_TIMEOUT, RELAYED, REFUSED, relay_answer

POP_CLIENT = "127.0.0.20"
NEIGHBOUR = "127.0.0.21"

pytestmark = pytest.mark.skipif(not all(loopback_alias_usable(a) for a in (POP_CLIENT, NEIGHBOUR)),
                                reason="127.0.0.20-21 cannot be bound here")


def start(mail_template, root, settings):
    data_dir = copy_data_dir(mail_template, root / "data", overrides=settings)
    return HeadlessServer(data_dir, settings=False, expect=("smtp", "pop3")).start()


def pop3_login(port, source):
    """USER/PASS as alice from `source`, then QUIT; every wait bounded."""
    with socket.create_connection(("127.0.0.1", port), timeout=CLIENT_TIMEOUT, source_address=(source, 0)) as sock:
        reader = sock.makefile("rb")
        assert reader.readline().startswith(b"+OK")
        for command in (f"USER {ALICE}", f"PASS {FIXTURE_PASSWORD}"):
            sock.sendall(command.encode() + b"\r\n")
            reply = reader.readline()
            assert reply.startswith(b"+OK"), (command.split()[0], reply)
        sock.sendall(b"QUIT\r\n")
        assert reader.readline().startswith(b"+OK")


def test_off_by_default(mail_template, tmp_path):
    server = start(mail_template, tmp_path, {})
    try:
        pop3_login(server.ports["pop3"], POP_CLIENT)
        assert relay_answer(server.ports["smtp"], POP_CLIENT) == REFUSED
    finally:
        server.kill()


def test_pop3_login_opens_relaying_for_that_address_only(mail_template, tmp_path):
    server = start(mail_template, tmp_path, {"smtp_after_pop.enabled": "true", "smtp_after_pop.minutes": "1"})
    try:
        assert relay_answer(server.ports["smtp"], POP_CLIENT) == REFUSED   # no login yet
        pop3_login(server.ports["pop3"], POP_CLIENT)
        assert relay_answer(server.ports["smtp"], POP_CLIENT) == RELAYED
        assert relay_answer(server.ports["smtp"], NEIGHBOUR) == REFUSED
        text = log_text(server.data_dir)
        assert (f'relay check passed by "SMTP After POP" (POP3 login as {ALICE} from {POP_CLIENT}' in text), text[-2000:]
        assert "no SMTP-after-POP) 554 5.7.1" in text

        # Turned off while running: refused again within about two seconds, no restart.
        check(postern("config", "set", "smtp_after_pop.enabled", "false", data_dir=server.data_dir))
        deadline = time.monotonic() + 10
        while relay_answer(server.ports["smtp"], POP_CLIENT) != REFUSED:
            assert time.monotonic() < deadline, "the setting change did not reach the running server"
            time.sleep(0.2)
    finally:
        server.kill()
