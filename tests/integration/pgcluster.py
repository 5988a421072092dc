"""Throwaway PostgreSQL cluster on 127.0.0.1 for the integration tests (stdlib only; pytest to skip).

Each cluster owns its temp dir, port and socket directory, so tests may run in parallel. As root
(CI) the server binaries run as the ``postgres`` user, because initdb and postgres refuse root.

    with PgCluster() as pg:                  # raises PgClusterUnavailable where PostgreSQL is missing
        pg.create_database("mail")
        url = pg.url("mail")                 # postgresql://postern@127.0.0.1:PORT/mail

    pg = pg_cluster_fixture()                # in a test module: a fixture that skips instead
"""

import glob
import os
import pwd
import shlex
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.parse
import weakref

TIMEOUT = 60
START_ATTEMPTS = 5
SERVICE_USER = "postgres"
SUPERUSER = "postern"


class PgClusterUnavailable(RuntimeError):
    """PostgreSQL cannot run on this machine (no binaries, or root without a postgres user)."""


class PgClusterError(RuntimeError):
    """PostgreSQL is installed but a step failed; that is a bug, not a reason to skip."""


def _has_server_tools(directory):
    return bool(directory) and all(
        os.access(os.path.join(directory, tool), os.X_OK) for tool in ("initdb", "pg_ctl"))


def _version_key(path):
    version = os.path.basename(os.path.dirname(path))
    return tuple(int(part) if part.isdigit() else -1 for part in version.split("."))


def bin_directory():
    """$POSTERN_PG_BINDIR if set (a wrong value means "no PostgreSQL"), else the newest
    /usr/lib/postgresql/*/bin, else where initdb on PATH really lives; "" when none is found."""
    override = os.environ.get("POSTERN_PG_BINDIR")
    if override is not None:
        return os.path.abspath(override) if _has_server_tools(override) else ""
    # Debian installs major versions side by side and keeps initdb off PATH.
    for directory in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key, reverse=True):
        if _has_server_tools(directory):
            return directory
    for tool in ("initdb", "pg_ctl"):
        found = shutil.which(tool)
        # /usr/local/bin may hold only a symlink; createdb and psql sit next to its target.
        directory = os.path.dirname(os.path.realpath(found)) if found else ""
        if _has_server_tools(directory):
            return directory
    return ""


def tool_environment():
    """The environment for PostgreSQL tools: no PG* variable may redirect them to a real server."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PG")}
    # English messages, because start() looks for "could not bind" in the server log.
    env.pop("LC_ALL", None)
    env.pop("LANGUAGE", None)
    env["LC_MESSAGES"] = "C"
    env["PGCONNECT_TIMEOUT"] = "10"
    return env


def _free_port():
    # Free now; another process may take it before postgres binds, hence start()'s retry.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _run_as_prefix():
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam(SERVICE_USER)
    except KeyError:
        raise PgClusterUnavailable(
            f'running as root, and there is no "{SERVICE_USER}" user to run PostgreSQL as '
            "(initdb and postgres refuse to run as root)") from None
    runuser = shutil.which("runuser") or shutil.which("runuser", path="/usr/sbin:/sbin")
    if not runuser:
        raise PgClusterUnavailable("running as root, and runuser (util-linux) is missing")
    return [runuser, "-u", SERVICE_USER, "--"]


class _Server:
    """The state stop() needs, kept apart from PgCluster so a weakref finalizer can hold it."""

    def __init__(self, bin_dir, prefix, directory):
        self.bin_dir = bin_dir
        self.prefix = prefix
        self.directory = directory
        self.running = False

    @property
    def data(self):
        return os.path.join(self.directory, "data")

    @property
    def log(self):
        return os.path.join(self.directory, "server.log")

    def run(self, tool, *args):
        """Runs a PostgreSQL tool as the right user; returns (ok, output). Never waits unbounded."""
        command = self.prefix + [os.path.join(self.bin_dir, tool), *args]
        try:
            process = subprocess.Popen(
                command, cwd=self.directory, env=tool_environment(), stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace")
        except OSError as error:
            return False, f"{shlex.join(command)}: {error}"
        try:
            output, _ = process.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            process.terminate()  # runuser passes SIGTERM on; SIGKILL would orphan the tool
            try:
                output, _ = process.communicate(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                output, _ = process.communicate(timeout=5)
            return False, f"{tool} {shlex.join(args)}: no exit within {TIMEOUT} s: {output.strip()}"
        if process.returncode != 0:
            return False, f"{tool} {shlex.join(args)}: exit code {process.returncode}: {output.strip()}"
        return True, output.strip()

    def stop_server(self):
        ok, output = self.run("pg_ctl", "stop", "-D", self.data, "-m", "immediate", "-w", "-t", "30")
        if not ok:
            self.kill_postmaster()
        return ok, output

    def kill_postmaster(self):
        # Last resort when pg_ctl stop fails: the postmaster's pid is the pid file's first line.
        try:
            with open(os.path.join(self.data, "postmaster.pid"), encoding="ascii") as pid_file:
                pid = int(pid_file.readline())
        except (OSError, ValueError):
            return
        # A stale pid file may name a reused pid; a postmaster's working directory is its data directory.
        try:
            if pid <= 1 or os.path.realpath(f"/proc/{pid}/cwd") != os.path.realpath(self.data):
                return
        except OSError:
            return
        try:
            os.kill(pid, signal.SIGKILL)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                os.kill(pid, 0)
                time.sleep(0.1)
        except OSError:
            pass

    def shutdown(self):
        if self.running:
            self.running = False
            self.stop_server()
        shutil.rmtree(self.directory, ignore_errors=True)


class PgCluster:
    """A PostgreSQL cluster in a temp dir, listening on 127.0.0.1 only, superuser "postern" (trust)."""

    def __init__(self):
        self.port = 0
        self.directory = ""
        self._server = None
        self._finalizer = None

    def __enter__(self):
        # Also accepts an already started cluster: `with PgCluster().start() as pg:`.
        if self._server is None:
            self.start()
        return self

    def __exit__(self, *exc_info):
        self.stop()

    def start(self):
        """Starts the cluster and creates the database "postern". Raises PgClusterUnavailable
        (skip) when PostgreSQL cannot run here, PgClusterError when a step fails."""
        if self._server is not None:
            raise PgClusterError("PgCluster.start: already started")
        bin_dir = bin_directory()
        if not bin_dir:
            raise PgClusterUnavailable("PostgreSQL server binaries (initdb, pg_ctl) not found in "
                                       "$POSTERN_PG_BINDIR, /usr/lib/postgresql/*/bin or PATH")
        prefix = _run_as_prefix()
        # As root the service user must reach the directory, and a root TMPDIR is often 0700.
        directory = tempfile.mkdtemp(prefix="postern-pg-", dir="/tmp" if prefix else None)
        self._server = _Server(bin_dir, prefix, directory)
        # Stops the server even if the owner forgets, and at interpreter exit.
        self._finalizer = weakref.finalize(self, self._server.shutdown)
        self.directory = directory
        try:
            if prefix:
                user = pwd.getpwnam(SERVICE_USER)
                os.chown(directory, user.pw_uid, user.pw_gid)
            self._init_cluster()
            self._start_server()
            self.create_database(SUPERUSER)
        except BaseException:
            self.stop()
            raise
        return self

    def url(self, database=SUPERUSER):
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{urllib.parse.quote(database, safe='')}"

    def create_database(self, name):
        if self._server is None or not self._server.running:
            raise PgClusterError("PgCluster.create_database: the cluster is not running")
        ok, output = self._server.run("createdb", "-h", "127.0.0.1", "-p", str(self.port),
                                      "-U", SUPERUSER, name)
        if not ok:
            raise PgClusterError(output)

    def stop(self):
        """Idempotent: stops the server (immediate mode) and removes the temp dir."""
        if self._finalizer is not None:
            self._finalizer()
        self._server = None
        self._finalizer = None
        self.port = 0
        self.directory = ""

    def _init_cluster(self):
        common = ["-D", self._server.data, "--auth=trust", "-U", SUPERUSER, "--encoding=UTF8", "--no-sync"]
        ok, utf8 = self._server.run("initdb", *common, "--locale=C.UTF-8")
        if ok:
            return
        # Not every libc ships C.UTF-8; the C locale accepts UTF8 too.
        shutil.rmtree(self._server.data, ignore_errors=True)
        ok, plain = self._server.run("initdb", *common, "--no-locale")
        if not ok:
            raise PgClusterError(f"initdb failed: {utf8}\nthen: {plain}")

    def _start_server(self):
        server = self._server
        for attempt in range(1, START_ATTEMPTS + 1):
            port = _free_port()
            log_offset = os.path.getsize(server.log) if os.path.exists(server.log) else 0
            # Own socket directory, so parallel clusters never meet in /var/run/postgresql or /tmp.
            options = (f"-p {port} -k {shlex.quote(server.directory)} -c listen_addresses=127.0.0.1 "
                       "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
            ok, output = server.run("pg_ctl", "start", "-w", "-t", "30", "-D", server.data,
                                    "-l", server.log, "-o", options)
            if ok:
                self.port = port
                server.running = True
                return
            try:
                with open(server.log, "rb") as log_file:
                    log_file.seek(log_offset)
                    log = log_file.read().decode("utf-8", errors="replace")
            except OSError:
                log = ""
            # pg_ctl may give up waiting while the postmaster still comes up; never leave one behind.
            server.stop_server()
            port_taken = "could not bind" in log or "Address already in use" in log
            if not port_taken or attempt == START_ATTEMPTS:
                tail = "\n".join(log.strip().splitlines()[-20:])
                raise PgClusterError(f"PostgreSQL did not start (attempt {attempt} of {START_ATTEMPTS}, "
                                     f"port {port}): {output}\nserver log:\n{tail}")


def pg_cluster_fixture(scope="module"):
    """Returns a pytest fixture that yields a started PgCluster and stops it afterwards. Where
    PostgreSQL cannot run it skips the test; a failure with PostgreSQL installed is an error.

        pg = pg_cluster_fixture()             # module level; tests then take a `pg` argument
    """
    import pytest  # only the fixture needs pytest; PgCluster itself is stdlib only

    @pytest.fixture(scope=scope)
    def fixture():
        cluster = PgCluster()
        try:
            cluster.start()
        except PgClusterUnavailable as reason:
            pytest.skip(str(reason))
        try:
            yield cluster
        finally:
            cluster.stop()

    return fixture
