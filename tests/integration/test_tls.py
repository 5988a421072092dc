"""TLS on the running server: smtps and pop3s greet after the handshake (TLS 1.3 and 1.2 work,
1.1 and older are refused), mail goes in over smtps and comes out over pop3s, the generated
certificate and its files, and certificate reloads (files swapped, settings changed, postern tls
reload) where a broken pair leaves the old one in use.

openssl s_client and Python's ssl module are the clients; every wait is bounded.
"""

import os
import poplib
import shutil
import smtplib
import ssl
import stat
import subprocess

import pytest

from cli_support import rows
from line_clients import LineConnection
from postern_harness import (MAIL_DOMAIN, FIXTURE_PASSWORD, HeadlessServer, check, copy_data_dir, data_dir,  # noqa: F401
                             log_text, mail_template, maildir_files, postern, read_greeting, split_stored,
                             wait_until)
from tls_support import TlsLineClient, client_context, fingerprint, make_pair

RELOAD_WITHIN = 10   # seconds: a change is seen within a tick, loaded on the next; generous for loaded CI
TLS_LOG = r" INFO {service} \S+ TLS (TLSv1\.[23]), (\S+)$"


def s_client(port, *options, stdin=b"QUIT\r\n"):
    """openssl s_client against 127.0.0.1:port with stdin as typed input; (returncode, output)."""
    result = subprocess.run(["openssl", "s_client", "-connect", f"127.0.0.1:{port}", "-quiet", *options],
                            input=stdin, capture_output=True, timeout=60)
    return result.returncode, (result.stdout + result.stderr).decode("utf-8", errors="replace")


def presented(port):
    """The fingerprint of the certificate a new smtps connection is shown."""
    with TlsLineClient(port) as client:
        client.line()
        return client.fingerprint


@pytest.mark.parametrize("service, greeting, quit_reply", [("smtps", "220 ", "221 "), ("pop3s", "+OK Postern ready", "+OK")])
def test_openssl_s_client(data_dir, service, greeting, quit_reply):
    with HeadlessServer(data_dir) as server:
        port = server.ports[service]
        for version, protocol in (("-tls1_3", "TLSv1.3"), ("-tls1_2", "TLSv1.2")):
            mark = len(server.lines())
            code, output = s_client(port, version)
            assert code == 0, output
            lines = [line for line in output.splitlines() if line.startswith(greeting[:3]) or line.startswith(quit_reply)]
            assert lines and lines[0].startswith(greeting), output
            assert any(line.startswith(quit_reply) for line in lines[1:]), output
            match = server.wait_for_line(TLS_LOG.format(service=service), start=mark)
            assert match.group(1) == protocol
            if protocol == "TLSv1.2":
                assert match.group(2).startswith("ECDHE-") and ("GCM" in match.group(2) or "CHACHA" in match.group(2))

        # TLS 1.1 is offered for real (security level 0 on the client) and refused by the server.
        mark = len(server.lines())
        code, output = s_client(port, "-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0")
        assert code != 0, output
        assert greeting not in output
        assert "protocol version" in output or "unsupported protocol" in output, output
        server.wait_for_line(rf" INFO {service} \S+ TLS handshake failed: unsupported protocol$", start=mark)


@pytest.mark.parametrize("maximum", [ssl.TLSVersion.TLSv1_3, ssl.TLSVersion.TLSv1_2], ids=["TLS 1.3", "TLS 1.2"])
def test_mail_in_over_smtps_and_out_over_pop3s(tmp_path, mail_template, maximum):
    data = copy_data_dir(mail_template, tmp_path / "data")
    context = client_context(maximum=maximum)
    with HeadlessServer(data, settings=False) as server:
        with smtplib.SMTP_SSL("127.0.0.1", server.ports["smtps"], context=context, timeout=10) as smtp:
            assert smtp.sock.version() == maximum.name.replace("v1_", "v1.")
            code, _ = smtp.ehlo("client.example")
            assert code == 250
            # smtps is submission over TLS (RFC 8314): AUTH before MAIL.
            smtp.login(f"bob@{MAIL_DOMAIN}", FIXTURE_PASSWORD)
            smtp.sendmail(f"bob@{MAIL_DOMAIN}", [f"alice@{MAIL_DOMAIN}"],
                          b"Subject: over TLS\r\n\r\nsecret body\r\n")
        stored = maildir_files(data, f"alice@{MAIL_DOMAIN}")
        assert len(stored) == 1
        with open(stored[0], "rb") as handle:
            trace, body = split_stored(handle.read())
        assert trace.group("protocol") == b"ESMTPSA"
        assert body == b"Subject: over TLS\r\n\r\nsecret body\r\n"

        pop = poplib.POP3_SSL("127.0.0.1", server.ports["pop3s"], context=context, timeout=10)
        try:
            assert pop.getwelcome().startswith(b"+OK")
            pop.user(f"alice@{MAIL_DOMAIN}")
            pop.pass_(FIXTURE_PASSWORD)
            _, lines, _ = pop.retr(1)
            assert b"secret body" in lines
        finally:
            pop.quit()


def test_no_old_protocols_from_python(data_dir):
    with HeadlessServer(data_dir) as server:
        for service in ("smtps", "pop3s"):
            with pytest.raises(ssl.SSLError):
                TlsLineClient(server.ports[service], client_context(ssl.TLSVersion.TLSv1, ssl.TLSVersion.TLSv1_1))
            # A client that speaks clear text to an implicit-TLS port gets no greeting in clear
            # text: at most a TLS alert record, then the end.
            with LineConnection(server.ports[service]) as plain:
                plain.send(b"EHLO client.example\r\nUSER alice\r\n")
                answer = plain.wait_closed()
            assert answer == b"" or answer[:1] == b"\x15", answer


def test_generated_certificate(data_dir):
    with HeadlessServer(data_dir, settings={"server.hostname": "mail.example.test"}) as server:
        match = server.wait_for_line(r" INFO tls - generated a self-signed certificate for mail\.example\.test in (\S+), "
                                     r"SHA-256 ([0-9A-F:]+);")
        directory = os.path.join(str(data_dir), "tls")
        assert match.group(1) == directory
        certificate = os.path.join(directory, "postern.crt")
        key = os.path.join(directory, "postern.key")
        assert match.group(2) == fingerprint(certificate)
        assert stat.S_IMODE(os.stat(directory).st_mode) == 0o700
        assert stat.S_IMODE(os.stat(key).st_mode) == 0o600
        assert stat.S_IMODE(os.stat(certificate).st_mode) == 0o644
        assert sorted(os.listdir(directory)) == ["postern.crt", "postern.key"]
        assert presented(server.ports["smtps"]) == match.group(2)
        with TlsLineClient(server.ports["pop3s"]) as pop3s:
            assert pop3s.fingerprint == match.group(2)

        shown = dict(rows(check(postern("tls", "show", data_dir=data_dir))))
        assert shown["source"] == "generated"
        assert shown["sha256_fingerprint"] == match.group(2)
        assert shown["subject"] == "CN=mail.example.test"
        assert shown["subject_alt_names"] == "DNS:mail.example.test"
        assert int(shown["days_left"]) in (729, 730)
        server.terminate()

    # The next start uses the same pair.
    with HeadlessServer(data_dir, settings=False) as server:
        assert presented(server.ports["smtps"]) == match.group(2)
        assert not any("generated a self-signed" in line for line in server.lines())


def test_certificate_reload(data_dir, tmp_path):
    a_certificate, a_key = make_pair(tmp_path, "a", "a.example.org", "DNS:a.example.org")
    b_certificate, b_key = make_pair(tmp_path, "b", "b.example.org", "DNS:b.example.org")
    c_certificate, c_key = make_pair(tmp_path, "c", "c.example.org", "DNS:c.example.org")
    live_certificate, live_key = str(tmp_path / "live.crt"), str(tmp_path / "live.key")
    shutil.copy(a_certificate, live_certificate)
    shutil.copy(a_key, live_key)
    with HeadlessServer(data_dir, settings={"tls.cert_file": live_certificate, "tls.key_file": live_key}) as server:
        port = server.ports["smtps"]
        assert presented(port) == fingerprint(a_certificate)
        assert not os.path.exists(os.path.join(str(data_dir), "tls"))   # nothing generated
        # A connection made before the swap keeps its session and certificate.
        before = TlsLineClient(port)
        assert before.line().startswith("220 ")

        # Files swapped (key first, then certificate, each replaced whole).
        mark = len(server.lines())
        for source, target in ((b_key, live_key), (b_certificate, live_certificate)):
            shutil.copy(source, target + ".new")
            os.replace(target + ".new", target)
        assert wait_until(lambda: presented(port) == fingerprint(b_certificate), RELOAD_WITHIN)
        server.wait_for_line(r" INFO tls - loaded the configured pair .* \(the files changed\): CN=b\.example\.org", start=mark)
        before.send(b"EHLO client.example\r\n")
        assert before.line().startswith("250")
        before.close()

        # A broken pair (a certificate without its key) is refused; the old pair stays in use.
        mark = len(server.lines())
        shutil.copy(c_certificate, live_certificate + ".new")
        os.replace(live_certificate + ".new", live_certificate)
        server.wait_for_line(r" ERROR tls - refused the configured pair .*: the key does not belong to the \(first\) "
                             r"certificate; still using the configured pair", timeout=RELOAD_WITHIN, start=mark)
        assert presented(port) == fingerprint(b_certificate)

        # postern tls reload reaches the running server through the database.
        shutil.copy(c_key, live_key + ".new")
        os.replace(live_key + ".new", live_key)
        assert wait_until(lambda: presented(port) == fingerprint(c_certificate), RELOAD_WITHIN)
        mark = len(server.lines())
        output = check(postern("tls", "reload", data_dir=data_dir))
        assert fingerprint(c_certificate) in output
        server.wait_for_line(r" INFO tls - loaded the configured pair .* \(postern tls reload\): CN=c\.example\.org",
                             timeout=RELOAD_WITHIN, start=mark)

        # New settings name other files.
        mark = len(server.lines())
        check(postern("config", "set", "tls.key_file", a_key, data_dir=data_dir))
        server.wait_for_line(r" ERROR tls - refused the configured pair", timeout=RELOAD_WITHIN, start=mark)
        check(postern("config", "set", "tls.cert_file", a_certificate, data_dir=data_dir))
        assert wait_until(lambda: presented(port) == fingerprint(a_certificate), RELOAD_WITHIN)
        server.wait_for_line(r"\(the settings changed\): CN=a\.example\.org", start=mark)
    assert "refused the configured pair" in log_text(data_dir)


def test_broken_pair_at_start_leaves_tls_off_until_fixed(data_dir, tmp_path):
    a_certificate, a_key = make_pair(tmp_path, "a")
    b_certificate, b_key = make_pair(tmp_path, "b")
    live_key = str(tmp_path / "live.key")
    shutil.copy(b_key, live_key)
    with HeadlessServer(data_dir, settings={"tls.cert_file": a_certificate, "tls.key_file": live_key}) as server:
        server.wait_for_line(r" ERROR tls - cannot load the configured pair .*: the key does not belong .*; "
                             r"TLS is off until it is fixed")
        # Plain SMTP still takes mail; smtps closes without a word.
        assert read_greeting(server.ports["smtp"]).startswith(b"220 ")
        with pytest.raises((ssl.SSLError, ConnectionError, OSError)):
            TlsLineClient(server.ports["smtps"], timeout=10).line()
        server.wait_for_line(r" WARN smtps \S+ TLS is not available: no certificate is loaded")

        mark = len(server.lines())
        shutil.copy(a_key, live_key + ".new")
        os.replace(live_key + ".new", live_key)
        server.wait_for_line(r" INFO tls - loaded the configured pair .* \(the files changed\)", timeout=RELOAD_WITHIN,
                             start=mark)
        assert presented(server.ports["smtps"]) == fingerprint(a_certificate)
