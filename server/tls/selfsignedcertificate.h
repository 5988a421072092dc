#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

// Makes the certificate a fresh install serves until an administrator configures a real one:
// an ECDSA P-256 key and a self-signed X.509 v3 certificate for the server's host name (SAN and
// CN), for a server only (CA:FALSE, digitalSignature, serverAuth), with a random serial.
class SelfSignedCertificate
{
public:
    static constexpr int kValidityDays = 730;

    // PEM text of a new certificate (certificate()) and its unencrypted PKCS#8 key (key()).
    // Null with *error when OpenSSL fails.
    [[nodiscard]] static SelfSignedCertificate create(const QString &hostName, const QDateTime &notBefore,
                                                      const QDateTime &notAfter, QString *error);
    // Valid from now, for kValidityDays.
    [[nodiscard]] static SelfSignedCertificate create(const QString &hostName, QString *error);

    // Replaces each file atomically (temporary file, fsync, rename, fsync of the folder): the key
    // with mode 0600, the certificate 0644. The key goes first, so a crash in between leaves a
    // pair that does not match, which is regenerated, rather than a stale key with a new name.
    [[nodiscard]] bool write(const QString &certificateFile, const QString &keyFile, QString *error) const;

    [[nodiscard]] bool isNull() const { return m_certificate.isEmpty(); }
    [[nodiscard]] QByteArray certificate() const { return m_certificate; }
    [[nodiscard]] QByteArray key() const { return m_key; }

private:
    QByteArray m_certificate;
    QByteArray m_key;
};
