// AdminOperations' Options-dialog operations: the admin password and the certificate in use.

#include "adminoperations.h"

#include "adminpassword.h"
#include "adminservice.h"
#include "certificateinfo.h"
#include "settings.h"
#include "tlsfiles.h"

#include <QDateTime>
#include <QFile>
#include <QJsonObject>

namespace {

AdminReply certificateReport(const TlsFiles &files)
{
    if (!files.error().isEmpty())
        return AdminReply::failure(AdminReply::Status::Invalid, files.error());
    QFile file(files.certificateFile());
    if (!file.open(QIODevice::ReadOnly)) {
        if (files.isGenerated() && !file.exists())
            return AdminReply::failure(AdminReply::Status::NotFound,
                                       QStringLiteral("no certificate yet: the server generates a self-signed one "
                                                      "when it starts"));
        return AdminReply::failure(AdminReply::Status::Unavailable,
                                   QStringLiteral("cannot read %1: %2").arg(files.certificateFile(), file.errorString()));
    }
    const CertificateInfo info = CertificateInfo::fromPem(file.read(1024 * 1024));
    if (info.isNull())
        return AdminReply::failure(AdminReply::Status::Invalid,
                                   QStringLiteral("%1 holds no PEM certificate").arg(files.certificateFile()));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QJsonObject result{
        {QStringLiteral("subject"), info.subject()},
        {QStringLiteral("issuer"), info.issuer()},
        {QStringLiteral("notAfter"), info.notAfter().toUTC().toString(Qt::ISODate)},
        {QStringLiteral("daysLeft"), double(info.daysLeft(now))},
        {QStringLiteral("sha256"), info.sha256Fingerprint()},
        {QStringLiteral("selfSigned"), info.isSelfIssued()},
        {QStringLiteral("generated"), files.isGenerated()},
        {QStringLiteral("certFile"), files.certificateFile()},
        {QStringLiteral("keyFile"), files.keyFile()},
    };
    return AdminReply::success(info.summary(), result);
}

}

void AdminOperations::addOptionsOperations()
{
    m_handlers.insert(QStringLiteral("tls.info"), [this](const QJsonObject &) {
        return certificateReport(TlsFiles::fromSettings(Settings::fromStored(m_admin.configList()), m_dataDirectory));
    });
    m_handlers.insert(QStringLiteral("admin.password.exists"), [this](const QJsonObject &) {
        const bool exists = AdminPassword(m_admin.storage(), m_admin.actor()).exists();
        return AdminReply::success({}, exists);
    });
    m_handlers.insert(QStringLiteral("admin.password.set"), [this](const QJsonObject &a) {
        return AdminReply::success(AdminPassword(m_admin.storage(), m_admin.actor())
                                       .set(a.value(QStringLiteral("password")).toString()));
    });
    m_handlers.insert(QStringLiteral("admin.password.check"), [this](const QJsonObject &a) {
        if (AdminPassword(m_admin.storage(), m_admin.actor()).check(a.value(QStringLiteral("password")).toString()))
            return AdminReply::success(QStringLiteral("administration mode entered"));
        return AdminReply::failure(AdminReply::Status::Denied, QStringLiteral("wrong admin password"));
    });
}
