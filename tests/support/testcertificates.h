#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

class TlsContext;

// Certificate and key files for the TLS tests, made with the server's own generator in a
// temporary folder that lives as long as this object. Validity is given in days from now.
class TestCertificates
{
public:
    struct Pair
    {
        QString certificateFile;
        QString keyFile;
        QByteArray certificatePem;
        QByteArray keyPem;
        QString fingerprint;   // SHA-256, colon hex
    };

    TestCertificates();

    [[nodiscard]] bool isValid() const { return m_directory.isValid(); }
    [[nodiscard]] QString path(const QString &name) const { return m_directory.filePath(name); }
    // <name>.crt and <name>.key; QVERIFY(!pair.fingerprint.isEmpty()) catches a failure.
    Pair make(const QString &name, const QString &hostName = QStringLiteral("mail.example.test"),
              int validFromDays = -1, int validUntilDays = 365);
    // Writes bytes to a file in the folder (replacing it atomically) and returns its path.
    QString write(const QString &name, const QByteArray &bytes);

    // A server context for mail.example.test valid from yesterday for a year (fails the test
    // run with a message when it cannot be made).
    [[nodiscard]] static TlsContext serverContext();

private:
    QTemporaryDir m_directory;
};
