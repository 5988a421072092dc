"""The admin socket of a headless server: a script (Python's socket module, as any admin tool could) sends JSON
lines to <data dir>/admin.sock and the change is there for the CLI; the socket is private; a second server on the
same data directory is refused; a killed server's socket is replaced by the next one."""

import json
import os
import socket
import stat
import subprocess
import time

from postern_harness import (HeadlessServer, check, data_dir, postern, postern_command,  # noqa: F401
                             postern_environment, wait_until)

TIMEOUT = 10


class AdminClient:
    """One connection to admin.sock: JSON lines out, replies matched by id, events kept."""

    def __init__(self, data_dir):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(TIMEOUT)
        self.sock.connect(os.path.join(str(data_dir), "admin.sock"))
        self.buffer = b""
        self.events = []
        self.next_id = 1

    def close(self):
        self.sock.close()

    def line(self):
        while b"\n" not in self.buffer:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("admin socket closed")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return json.loads(line)

    def event(self, name):
        for index, event in enumerate(self.events):
            if event["event"] == name:
                return self.events.pop(index)
        while True:
            message = self.line()
            if message.get("event") == name:
                return message
            if "event" in message:
                self.events.append(message)

    def wait_for_state(self, state):
        """The first status event with this state: the greeting may still say "starting"."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            status = self.event("status")
            if status["state"] == state:
                return status
            assert time.monotonic() < deadline, status

    def call(self, op, **args):
        request_id = self.next_id
        self.next_id += 1
        self.sock.sendall(json.dumps({"id": request_id, "op": op, "args": args}).encode() + b"\n")
        while True:
            message = self.line()
            if "event" in message:
                self.events.append(message)
            elif message.get("id") == request_id:
                return message


def test_domain_added_over_the_socket_is_seen_by_the_cli(data_dir):
    with HeadlessServer(data_dir) as server:
        path = os.path.join(str(data_dir), "admin.sock")
        mode = os.stat(path).st_mode
        assert stat.S_ISSOCK(mode)
        assert stat.S_IMODE(mode) == 0o600, oct(mode)

        client = AdminClient(data_dir)
        try:
            hello = client.event("hello")
            assert hello["pid"] == server.process.pid, hello
            status = client.wait_for_state("running")
            assert {listener["service"] for listener in status["listeners"]} >= {"smtp", "pop3"}

            reply = client.call("domain.add", domain="socket.test")
            assert reply["status"] == "ok", reply
            reply = client.call("domain.add", domain="socket.test")
            assert reply["status"] == "duplicate", reply
            reply = client.call("domain.add", domain="not a domain")
            assert reply["status"] == "invalid", reply
            reply = client.call("engine.status")
            assert reply["status"] == "ok" and reply["result"]["state"] == "running", reply
            client.event("changes-applied")   # the running engine took the new domain in
        finally:
            client.close()

        listed = check(postern("domain", "list", data_dir=data_dir))
        assert "socket.test" in listed, listed
        assert wait_until(lambda: any("admin socket: client connected" in line for line in server.lines()), TIMEOUT)


def test_second_server_on_the_same_data_directory_is_refused(data_dir):
    with HeadlessServer(data_dir):
        result = subprocess.run(postern_command("--headless", "--ephemeral-ports", data_dir=data_dir),
                                stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=TIMEOUT + 5,
                                env=postern_environment())
        assert result.returncode == 1, (result.stdout, result.stderr)
        assert "already running" in result.stderr, result.stderr


def test_stop_and_start_over_the_socket_keep_the_process(data_dir):
    with HeadlessServer(data_dir) as server:
        client = AdminClient(data_dir)
        try:
            client.wait_for_state("running")
            assert client.call("engine.stop")["status"] == "ok"
            client.wait_for_state("stopped")
            assert server.alive()
            assert client.call("engine.start")["status"] == "ok"
            client.wait_for_state("running")
        finally:
            client.close()


def test_killed_server_leaves_a_socket_the_next_one_replaces(data_dir):
    with HeadlessServer(data_dir) as server:
        server.kill()   # SIGKILL: no chance to remove admin.sock
    assert os.path.exists(os.path.join(str(data_dir), "admin.sock"))
    with HeadlessServer(data_dir, settings=False):
        client = AdminClient(data_dir)
        try:
            client.wait_for_state("running")
        finally:
            client.close()
