#include "accountinput.h"

#include "adminservice.h"
#include "mailaddress.h"
#include "storageerror.h"

#include <QLocale>

QString AccountInput::hostNameProblem(const QString &typed, QString *ace)
{
    const QString trimmed = typed.trimmed();
    if (trimmed.isEmpty())
        return tr("Type the name first, for example example.com.");
    *ace = MailAddress::normalizeDomain(trimmed);
    // An address literal ([192.0.2.1]) is a valid mail domain but not a name a server can own.
    if (ace->isEmpty() || ace->startsWith(QLatin1Char('[')) || !MailAddress::isValidHostName(*ace))
        return tr("\"%1\" is not a valid domain name.").arg(trimmed);
    return {};
}

QString AccountInput::passwordProblem(const QString &password, const QString &again, bool optional)
{
    if (optional && password.isEmpty() && again.isEmpty())
        return {};
    if (password.isEmpty())
        return tr("Type the password, then the same again in the second field.");
    if (password != again)
        return tr("The two passwords are not the same. Type the password again in both fields.");
    if (password.size() < AdminService::kMinimumPasswordLength)
        return tr("The password is too short: use at least %1 characters.").arg(AdminService::kMinimumPasswordLength);
    for (const QChar c : password) {
        if (c.category() == QChar::Other_Control)
            return tr("The password contains a control character.");
    }
    return {};
}

std::optional<qint64> AccountInput::parseQuota(const QString &text, QString *error)
{
    QString compact = text.trimmed();
    compact.remove(QLatin1Char(' '));
    if (compact.isEmpty())
        return 0;
    try {
        return AdminService::parseQuota(compact);
    } catch (const StorageError &) {
        *error = tr("\"%1\" is not a size: use a number of bytes, or a number with K, M, G or T "
                    "(for example 500M); 0 means unlimited.")
                     .arg(text);
        return std::nullopt;
    }
}

QString AccountInput::quotaForDisplay(qint64 bytes)
{
    if (bytes == 0)
        return tr("unlimited");
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

QString AccountInput::quotaForEditing(qint64 bytes)
{
    static const char units[] = "KMGT";
    QString unit;
    for (int i = 0; i < 4 && bytes != 0 && bytes % 1024 == 0; ++i) {
        bytes /= 1024;
        unit = QLatin1Char(units[i]);
    }
    return QString::number(bytes) + unit;
}
