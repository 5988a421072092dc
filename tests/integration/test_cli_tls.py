"""postern tls show and tls reload without a running server, on SQLite and PostgreSQL: the
certificate the settings name, pairs that cannot be used, and the reload request a running server
picks up from the database.

Contract: exit 0 on success; 1 when there is no usable pair (the reason on stderr); 2 on a usage
or validation error. tls show prints key<TAB>value lines.
"""

import os

import pytest

from cli_support import fails, rows
from postern_harness import backend, check, cli, data_dir, pg_cluster, sql_query  # noqa: F401 (fixtures)
from tls_support import fingerprint, make_pair


def show(cli):
    output = check(cli("tls", "show"))
    values = dict(rows(output))
    assert len(values) == len(output.splitlines()), output
    return values


def configure_pair(cli, certificate, key):
    check(cli("config", "set", "tls.cert_file", certificate))
    check(cli("config", "set", "tls.key_file", key))


def reload_requests(backend, data_dir):
    found = sql_query(backend, data_dir, "SELECT counter FROM server_requests WHERE name = 'tls.reload'")
    return int(found[0][0]) if found else 0


def test_show_the_configured_pair(cli, tmp_path):
    certificate, key = make_pair(tmp_path, "mail", alt_names="DNS:mx.example.org,DNS:mail.example.org,IP:192.0.2.7")
    configure_pair(cli, certificate, key)
    values = show(cli)
    assert values["source"] == "configured"
    assert values["certificate_file"] == certificate
    assert values["key_file"] == key
    assert values["subject"] == "CN=mx.example.org"
    assert values["issuer"] == "CN=mx.example.org"
    assert values["subject_alt_names"] == "DNS:mx.example.org,DNS:mail.example.org,IP:192.0.2.7"
    assert values["sha256_fingerprint"] == fingerprint(certificate)
    assert values["not_before"].endswith("Z") and values["not_after"].endswith("Z"), values
    assert values["not_before"] < values["not_after"]
    assert int(values["days_left"]) in (29, 30), values


def test_show_without_a_certificate_yet(cli, data_dir):
    result = cli("tls", "show")
    fails(result, 1, "no certificate yet", os.path.join(str(data_dir), "tls"))
    assert result.stdout == ""


def test_config_takes_only_absolute_paths(cli):
    fails(cli("config", "set", "tls.cert_file", "relative/mail.crt"), 2, "tls.cert_file", "absolute")
    fails(cli("config", "set", "tls.key_file", ""), 2, "tls.key_file")
    check(cli("config", "set", "tls.cert_file", "/etc/ssl/../ssl/mail.crt"))
    assert check(cli("config", "get", "tls.cert_file")).strip() == "/etc/ssl/mail.crt"
    check(cli("config", "reset", "tls.cert_file"))
    assert check(cli("config", "get", "tls.cert_file")).strip() == ""


@pytest.mark.parametrize("case", ["key of another certificate", "not a certificate", "missing key file",
                                  "only the certificate set"])
def test_unusable_pairs_are_refused(cli, tmp_path, case):
    certificate, key = make_pair(tmp_path, "mail")
    other_certificate, other_key = make_pair(tmp_path, "other")
    expected = {"key of another certificate": "does not belong", "not a certificate": "no PEM certificate",
                "missing key file": "cannot read the key file", "only the certificate set": "must be set together"}[case]
    if case == "key of another certificate":
        configure_pair(cli, certificate, other_key)
    elif case == "not a certificate":
        junk = tmp_path / "junk.crt"
        junk.write_text("hello\n")
        configure_pair(cli, str(junk), key)
    elif case == "missing key file":
        configure_pair(cli, certificate, str(tmp_path / "absent.key"))
    else:
        check(cli("config", "set", "tls.cert_file", certificate))
    for verb in ("show", "reload"):
        result = cli("tls", verb)
        fails(result, 1, expected)
        assert result.stdout == ""


def test_reload_is_requested_through_the_database(cli, backend, data_dir, tmp_path):
    certificate, key = make_pair(tmp_path, "mail")
    configure_pair(cli, certificate, key)
    assert reload_requests(backend, data_dir) == 0
    output = check(cli("tls", "reload"))
    assert "reload requested" in output and fingerprint(certificate) in output, output
    assert reload_requests(backend, data_dir) == 1
    check(cli("tls", "reload"))
    assert reload_requests(backend, data_dir) == 2
    # A pair the server would refuse is not requested.
    with open(key, "w") as broken:
        broken.write("garbage\n")
    fails(cli("tls", "reload"), 1, "no PEM private key")
    assert reload_requests(backend, data_dir) == 2


@pytest.mark.parametrize("args, names", [(["tls"], ["tls", "missing action"]),
                                         (["tls", "renew"], ["renew"]),
                                         (["tls", "show", "extra"], ["extra"]),
                                         (["tls", "reload", "--name", "x"], ["--name"])],
                         ids=["tls", "tls renew", "tls show extra", "tls reload --name"])
def test_usage_errors(cli, args, names):
    result = cli(*args)
    fails(result, 2, *names)
    assert "Usage:" in result.stderr
