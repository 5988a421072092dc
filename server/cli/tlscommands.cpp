#include "tlscommands.h"

#include <QDateTime>
#include <QFileInfo>
#include <QTextStream>

#include "admincommands.h"
#include "adminservice.h"
#include "settings.h"
#include "tlsfiles.h"

namespace {

// The pair the settings name, loaded as the server would load it; null with the reason in
// *error. The generated pair is not made here: that is the server's job on its first start.
TlsContext loadPair(const TlsFiles &files, QString *error)
{
    if (files.isGenerated() && !QFileInfo::exists(files.certificateFile())) {
        *error = QStringLiteral("no certificate yet: the server generates a self-signed one in %1 when it starts "
                                "(or set tls.cert_file and tls.key_file)")
                     .arg(QFileInfo(files.certificateFile()).absolutePath());
        return {};
    }
    QString reason;
    const TlsContext context = files.load(QDateTime::currentDateTimeUtc(), &reason);
    if (context.isNull())
        *error = QStringLiteral("%1: %2").arg(files.describe(), reason);
    return context;
}

}

TlsCommands::TlsCommands(AdminService &admin, QTextStream &out, QTextStream &err, QString dataDirectory)
    : m_admin(admin), m_out(out), m_err(err), m_dataDirectory(std::move(dataDirectory))
{
}

int TlsCommands::run(const QString &verb)
{
    return verb == QStringLiteral("show") ? show() : reload();
}

TlsContext TlsCommands::loadConfiguredPair(TlsFiles *files)
{
    *files = TlsFiles::fromSettings(Settings::fromStored(m_admin.configList()), m_dataDirectory);
    QString error;
    const TlsContext context = loadPair(*files, &error);
    if (context.isNull())
        m_err << "postern: error: " << error << Qt::endl;
    return context;
}

int TlsCommands::show()
{
    TlsFiles files;
    const TlsContext context = loadConfiguredPair(&files);
    if (context.isNull())
        return AdminCommands::RuntimeFailure;
    const CertificateInfo &certificate = context.certificate();
    m_out << "source\t" << (files.isGenerated() ? "generated" : "configured") << Qt::endl;
    m_out << "certificate_file\t" << files.certificateFile() << Qt::endl;
    m_out << "key_file\t" << files.keyFile() << Qt::endl;
    for (const QString &line : certificate.describe())
        m_out << line << Qt::endl;
    m_out << "days_left\t" << certificate.daysLeft(QDateTime::currentDateTimeUtc()) << Qt::endl;
    return AdminCommands::Success;
}

int TlsCommands::reload()
{
    // A pair the server would refuse is reported here rather than requested in vain.
    TlsFiles files;
    const TlsContext context = loadConfiguredPair(&files);
    if (context.isNull())
        return AdminCommands::RuntimeFailure;
    m_admin.requestTlsReload();
    m_out << "reload requested: a running server loads " << files.describe() << " (SHA-256 "
          << context.certificate().sha256Fingerprint() << ") within about a second" << Qt::endl;
    return AdminCommands::Success;
}
