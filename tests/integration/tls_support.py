"""Helpers for the TLS tests (test_cli_tls.py, test_tls.py): certificate pairs made with the
openssl command line tool, fingerprints as openssl prints them, and TLS clients from Python's
ssl module with verification off (the server's certificate is self-signed)."""

import hashlib
import os
import ssl
import subprocess
import warnings

from line_clients import LineConnection


def make_pair(directory, name, common_name="mx.example.org", alt_names="DNS:mx.example.org", days=30):
    """An ECDSA P-256 key and a self-signed certificate for it: (certificate path, key path)."""
    certificate = os.path.join(str(directory), f"{name}.crt")
    key = os.path.join(str(directory), f"{name}.key")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-days", str(days), "-subj", f"/CN={common_name}", "-addext", f"subjectAltName={alt_names}",
                    "-keyout", key, "-out", certificate],
                   check=True, capture_output=True, timeout=60)
    return certificate, key


def fingerprint(certificate):
    """The SHA-256 fingerprint openssl gives for a PEM file: colon hex, upper case."""
    result = subprocess.run(["openssl", "x509", "-noout", "-fingerprint", "-sha256", "-in", str(certificate)],
                            check=True, capture_output=True, text=True, timeout=60)
    return result.stdout.strip().split("=", 1)[1].upper()


def client_context(minimum=ssl.TLSVersion.TLSv1_2, maximum=ssl.TLSVersion.MAXIMUM_SUPPORTED):
    """A client context that accepts any certificate and offers exactly the versions asked for."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    if minimum < ssl.TLSVersion.TLSv1_2:
        context.set_ciphers("DEFAULT:@SECLEVEL=0")   # OpenSSL 3 offers TLS 1.0/1.1 only at level 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)   # offering old versions is the point
        context.minimum_version = minimum
        context.maximum_version = maximum
    return context


class TlsLineClient(LineConnection):
    """A TLS client over one socket, exact bytes out, CRLF lines in, every wait bounded.

        with TlsLineClient(port) as client:
            client.line()              # the greeting, after the handshake
            client.fingerprint         # of the certificate the server presented
    """

    def __init__(self, port, context=None, timeout=10):
        super().__init__(port, timeout=timeout)
        try:
            self.socket = (context or client_context()).wrap_socket(self.socket, server_hostname="localhost")
        except BaseException:
            self.close()
            raise
        digest = hashlib.sha256(self.socket.getpeercert(binary_form=True)).hexdigest().upper()
        self.fingerprint = ":".join(digest[i:i + 2] for i in range(0, len(digest), 2))
        self.version = self.socket.version()
        self.cipher = self.socket.cipher()[0]
