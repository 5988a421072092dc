"""Real TLS clients against `postern --headless --ephemeral-ports` on the mail fixture, with the
self-signed certificate Postern makes on its first start: smtplib (STARTTLS + login on 25 and
587, SMTP_SSL on 465), swaks (--tls with AUTH PLAIN and LOGIN), curl (--ssl-reqd smtp:// and
pop3s://), poplib (stls() on 110, POP3_SSL on 995), fetchmail (STLS and implicit TLS), and
`openssl s_client -starttls smtp|pop3` showing TLS 1.3 and 1.2 work and TLS 1.1 is refused by the
server (the client is told to allow it: OpenSSL 3's own security level would refuse it before
asking). Implicit TLS's versions are test_tls.py's."""

import os
import poplib
import smtplib
import ssl
import subprocess

import pytest

from pop3_support import place_fixture_messages
from postern_harness import (FIXTURE_PASSWORD, HeadlessServer, copy_data_dir, mail_template, maildir_files,  # noqa: F401
                             wait_until)
from smtp_client_support import ALICE, BOB, CLIENT_TIMEOUT, HELO, SENDER, check_stored, make_message

OPENSSL = "/usr/bin/openssl"
SWAKS = "/usr/bin/swaks"
CURL = "/usr/bin/curl"
FETCHMAIL = "/usr/bin/fetchmail"


@pytest.fixture(scope="module")
def server(mail_template, tmp_path_factory):
    data_dir = copy_data_dir(mail_template, tmp_path_factory.mktemp("tls-clients") / "data")
    running = HeadlessServer(data_dir, settings=False).start()
    try:
        yield running
    finally:
        running.kill()


def client_context(maximum=None, minimum=None, legacy=False):
    """No verification: the server's certificate is its own self-signed one."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    if legacy:
        context.set_ciphers("DEFAULT@SECLEVEL=0")
    if minimum:
        context.minimum_version = minimum
    if maximum:
        context.maximum_version = maximum
    return context


def new_files(server, address, before):
    return [path for path in maildir_files(server.data_dir, address) if path not in before]


def wait_for_new_file(server, address, before):
    return wait_until(lambda: new_files(server, address, before), timeout=10)[0]


# --- SMTP ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("service", ["smtp", "submission"])
def test_smtplib_starttls_login_send(server, service):
    before = set(maildir_files(server.data_dir, BOB))
    message = make_message(f"starttls on {service}", ["sent over STARTTLS after AUTH"], sender=ALICE)
    with smtplib.SMTP("127.0.0.1", server.ports[service], local_hostname=HELO, timeout=CLIENT_TIMEOUT) as smtp:
        smtp.ehlo()
        assert smtp.has_extn("starttls")
        smtp.starttls(context=client_context())
        assert smtp.sock.version() in ("TLSv1.3", "TLSv1.2")
        smtp.ehlo()
        assert not smtp.has_extn("starttls"), "STARTTLS is advertised only before TLS"
        assert "PLAIN" in smtp.esmtp_features["auth"] and "LOGIN" in smtp.esmtp_features["auth"]
        smtp.login(ALICE, FIXTURE_PASSWORD)
        assert smtp.sendmail(ALICE, [BOB], message) == {}
    check_stored(wait_for_new_file(server, BOB, before), message, recipient=BOB, sender=ALICE, protocol="ESMTPSA")


def test_smtp_ssl_on_465(server):
    before = set(maildir_files(server.data_dir, BOB))
    message = make_message("implicit tls", ["sent over implicit TLS"], sender=ALICE)
    with smtplib.SMTP_SSL("127.0.0.1", server.ports["smtps"], local_hostname=HELO, timeout=CLIENT_TIMEOUT,
                          context=client_context()) as smtp:
        code, _ = smtp.ehlo()
        assert code == 250
        assert not smtp.has_extn("starttls")
        smtp.login(ALICE, FIXTURE_PASSWORD)
        assert smtp.sendmail(ALICE, [BOB], message) == {}
    check_stored(wait_for_new_file(server, BOB, before), message, recipient=BOB, sender=ALICE, protocol="ESMTPSA")


def test_starttls_without_auth_is_esmtps(server):
    before = set(maildir_files(server.data_dir, BOB))
    message = make_message("starttls no auth", ["local delivery over TLS, no login"])
    with smtplib.SMTP("127.0.0.1", server.ports["smtp"], local_hostname=HELO, timeout=CLIENT_TIMEOUT) as smtp:
        smtp.starttls(context=client_context())
        assert smtp.sendmail(SENDER, [BOB], message) == {}
    check_stored(wait_for_new_file(server, BOB, before), message, recipient=BOB, protocol="ESMTPS")


@pytest.mark.parametrize("mechanism", ["PLAIN", "LOGIN"])
def test_swaks_tls_auth(server, mechanism, tmp_path):
    before = set(maildir_files(server.data_dir, BOB))
    result = subprocess.run([SWAKS, "--server", "127.0.0.1", "--port", str(server.ports["submission"]), "--tls",
                             "--auth", mechanism, "--auth-user", ALICE, "--auth-password", FIXTURE_PASSWORD,
                             "--from", ALICE, "--to", BOB, "--helo", HELO, "--header", f"Subject: swaks {mechanism}",
                             "--timeout", "20"],
                            capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "235 2.7.0" in result.stdout
    assert "STARTTLS" in result.stdout
    path = wait_for_new_file(server, BOB, before)
    with open(path, "rb") as handle:
        assert b"with ESMTPSA" in handle.read()


def test_curl_ssl_reqd_smtp(server, tmp_path):
    before = set(maildir_files(server.data_dir, BOB))
    message = make_message("curl tls", ["sent by curl over STARTTLS"], sender=ALICE)
    upload = tmp_path / "message.eml"
    upload.write_bytes(message)
    result = subprocess.run([CURL, "--silent", "--show-error", "--ssl-reqd", "--insecure", "--max-time", "30",
                             f"smtp://127.0.0.1:{server.ports['submission']}/{HELO}",
                             "--user", f"{ALICE}:{FIXTURE_PASSWORD}", "--mail-from", ALICE, "--mail-rcpt", BOB,
                             "--upload-file", str(upload)],
                            capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    check_stored(wait_for_new_file(server, BOB, before), message, recipient=BOB, sender=ALICE, protocol="ESMTPSA")


# --- POP3 ----------------------------------------------------------------------------------------

def test_poplib_stls(server):
    place_fixture_messages(server.data_dir)
    pop = poplib.POP3("127.0.0.1", server.ports["pop3"], timeout=CLIENT_TIMEOUT)
    try:
        assert "STLS" in pop.capa()
        pop.stls(context=client_context())
        assert "STLS" not in pop.capa()
        pop.user(ALICE)
        pop.pass_(FIXTURE_PASSWORD)
        count, _ = pop.stat()
        assert count == 3
        assert pop.retr(1)[0].startswith(b"+OK")
    finally:
        pop.quit()


def test_poplib_pop3_ssl(server):
    place_fixture_messages(server.data_dir)
    pop = poplib.POP3_SSL("127.0.0.1", server.ports["pop3s"], timeout=CLIENT_TIMEOUT, context=client_context())
    try:
        assert "STLS" not in pop.capa()
        pop.user(ALICE)
        pop.pass_(FIXTURE_PASSWORD)
        assert pop.stat()[0] == 3
    finally:
        pop.quit()


def test_curl_pop3s_list(server):
    place_fixture_messages(server.data_dir)
    result = subprocess.run([CURL, "--silent", "--show-error", "--insecure", "--max-time", "30",
                             f"pop3s://127.0.0.1:{server.ports['pop3s']}/", "--user", f"{ALICE}:{FIXTURE_PASSWORD}"],
                            capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    assert [line.split()[0] for line in result.stdout.splitlines()] == ["1", "2", "3"]


@pytest.mark.parametrize("mode", ["stls", "implicit"])
def test_fetchmail_tls(server, mode, tmp_path):
    place_fixture_messages(server.data_dir)
    home = tmp_path / "home"
    home.mkdir()
    mbox = tmp_path / "mbox"
    rcfile = home / "fetchmailrc"
    if mode == "stls":
        port, tls = server.ports["pop3"], 'sslproto "tls1.2+"'
    else:
        port, tls = server.ports["pop3s"], "ssl"
    with open(os.open(rcfile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as handle:
        handle.write(f'poll 127.0.0.1 protocol pop3 port {port} user "{ALICE}" password "{FIXTURE_PASSWORD}" keep '
                     f'{tls} no sslcertck mda "cat >> {mbox}"\n')
    env = dict(os.environ, HOME=str(home), LC_ALL="C")
    env.pop("FETCHMAILHOME", None)
    result = subprocess.run([FETCHMAIL, "-N", "-d0", "--nosyslog", "-v", "-f", str(rcfile)],
                            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert mbox.read_bytes().count(b"Subject: ") == 3
    assert "SSL/TLS" in result.stdout + result.stderr or "TLS" in result.stdout + result.stderr


# --- protocol versions ---------------------------------------------------------------------------

def s_client(port, *args):
    return subprocess.run([OPENSSL, "s_client", "-connect", f"127.0.0.1:{port}", "-brief", *args],
                          input="", capture_output=True, text=True, timeout=30)


@pytest.mark.parametrize("protocol,service", [("smtp", "smtp"), ("smtp", "submission"), ("pop3", "pop3")])
@pytest.mark.parametrize("version,expected", [("-tls1_3", "TLSv1.3"), ("-tls1_2", "TLSv1.2")])
def test_s_client_starttls_versions(server, protocol, service, version, expected):
    result = s_client(server.ports[service], "-starttls", protocol, version)
    assert f"Protocol version: {expected}" in result.stderr + result.stdout, result.stderr


@pytest.mark.parametrize("protocol,service", [("smtp", "smtp"), ("pop3", "pop3")])
def test_s_client_tls11_refused(server, protocol, service):
    result = s_client(server.ports[service], "-starttls", protocol, "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0")
    output = result.stderr + result.stdout
    assert result.returncode != 0
    assert "Protocol version:" not in output
    assert "alert protocol version" in output or "unsupported protocol" in output, output
