#include "tlsfiles.h"

#include <QDateTime>
#include <QFileInfo>

#include "datadirectory.h"
#include "settings.h"

TlsFiles TlsFiles::fromSettings(const Settings &settings, const QString &dataDirectory)
{
    const QString certificate = settings.text(QStringLiteral("tls.cert_file"));
    const QString key = settings.text(QStringLiteral("tls.key_file"));
    if (certificate.isEmpty() && key.isEmpty())
        return generatedIn(DataDirectory(dataDirectory).tlsDirectory());
    TlsFiles files = configured(certificate, key);
    if (certificate.isEmpty() || key.isEmpty()) {
        files.m_error = QStringLiteral("tls.cert_file and tls.key_file must be set together (%1 is not set)")
                            .arg(certificate.isEmpty() ? QStringLiteral("tls.cert_file") : QStringLiteral("tls.key_file"));
    }
    return files;
}

TlsFiles TlsFiles::configured(const QString &certificateFile, const QString &keyFile)
{
    TlsFiles files;
    files.m_certificateFile = certificateFile;
    files.m_keyFile = keyFile;
    return files;
}

TlsFiles TlsFiles::generatedIn(const QString &tlsDirectory)
{
    TlsFiles files;
    files.m_certificateFile = tlsDirectory + QStringLiteral("/postern.crt");
    files.m_keyFile = tlsDirectory + QStringLiteral("/postern.key");
    files.m_generated = true;
    return files;
}

QString TlsFiles::describe() const
{
    if (m_generated)
        return QStringLiteral("the generated pair in %1").arg(QFileInfo(m_certificateFile).absolutePath());
    return QStringLiteral("the configured pair %1, %2").arg(m_certificateFile, m_keyFile);
}

TlsContext TlsFiles::load(const QDateTime &now, QString *error) const
{
    if (!m_error.isEmpty()) {
        *error = m_error;
        return {};
    }
    return TlsContext::loadServer(m_certificateFile, m_keyFile, now, error);
}
