"""Self-test of pgcluster.py, the throwaway PostgreSQL cluster the storage tests run against."""

import os
import socket
import subprocess

import pytest

from pgcluster import (PgCluster, PgClusterError, PgClusterUnavailable, bin_directory,
                       pg_cluster_fixture, tool_environment)

pg = pg_cluster_fixture()


def _psql(cluster, database="postern"):
    env = tool_environment()
    env["PSQLRC"] = os.devnull  # a developer's ~/.psqlrc must not change the output
    return subprocess.run(
        [os.path.join(bin_directory(), "psql"), "-h", "127.0.0.1", "-p", str(cluster.port),
         "-U", "postern", "-c", "select 1", database],
        env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)


def _accepts(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            return True
    except OSError:
        return False


def test_start_create_query_stop():
    try:
        cluster = PgCluster().start()
    except PgClusterUnavailable as reason:
        pytest.skip(str(reason))
    with cluster:
        port, directory = cluster.port, cluster.directory
        assert cluster.url() == f"postgresql://postern@127.0.0.1:{port}/postern"
        assert _accepts(port)

        result = _psql(cluster)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "1" in [line.strip() for line in result.stdout.splitlines()], result.stdout

        cluster.create_database("second")
        assert cluster.url("second").endswith(f":{port}/second")
        result = _psql(cluster, "second")
        assert result.returncode == 0, result.stdout + result.stderr
        with pytest.raises(PgClusterError, match="already exists"):
            cluster.create_database("second")

    assert not _accepts(port)
    assert not os.path.exists(directory)
    assert cluster.port == 0 and cluster.directory == ""
    cluster.stop()  # idempotent
    with pytest.raises(PgClusterError):
        cluster.create_database("third")


def test_fixture_yields_running_cluster(pg):
    assert _accepts(pg.port)
    pg.create_database("fixture")
    assert _psql(pg, "fixture").returncode == 0


def test_missing_binaries_are_unavailable(monkeypatch, tmp_path):
    # An empty directory stands in for a machine without PostgreSQL.
    monkeypatch.setenv("POSTERN_PG_BINDIR", str(tmp_path))
    assert bin_directory() == ""
    cluster = PgCluster()
    with pytest.raises(PgClusterUnavailable, match="not found"):
        cluster.start()
    assert cluster.directory == ""
