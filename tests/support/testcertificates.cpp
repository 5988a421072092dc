#include "testcertificates.h"

#include <QDateTime>
#include <QSaveFile>

#include "certificateinfo.h"
#include "selfsignedcertificate.h"
#include "tlscontext.h"

TestCertificates::TestCertificates() = default;

TestCertificates::Pair TestCertificates::make(const QString &name, const QString &hostName, int validFromDays,
                                              int validUntilDays)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString error;
    const SelfSignedCertificate made =
        SelfSignedCertificate::create(hostName, now.addDays(validFromDays), now.addDays(validUntilDays), &error);
    if (made.isNull()) {
        qWarning("cannot make a test certificate: %s", qPrintable(error));
        return {};
    }
    Pair pair;
    pair.certificatePem = made.certificate();
    pair.keyPem = made.key();
    pair.certificateFile = write(name + QStringLiteral(".crt"), pair.certificatePem);
    pair.keyFile = write(name + QStringLiteral(".key"), pair.keyPem);
    pair.fingerprint = CertificateInfo::fromPem(pair.certificatePem).sha256Fingerprint();
    return pair;
}

QString TestCertificates::write(const QString &name, const QByteArray &bytes)
{
    const QString file = path(name);
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
        qWarning("cannot write %s", qPrintable(file));
    return file;
}

TlsContext TestCertificates::serverContext()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString error;
    const SelfSignedCertificate made =
        SelfSignedCertificate::create(QStringLiteral("mail.example.test"), now.addDays(-1), now.addDays(365), &error);
    const TlsContext context = TlsContext::serverFromPem(made.certificate(), made.key(), now, &error);
    if (context.isNull())
        qFatal("cannot make a test server context: %s", qPrintable(error));
    return context;
}
