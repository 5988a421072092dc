#include "adminpassword.h"

#include "adminservice.h"
#include "log.h"
#include "passwordhash.h"
#include "storage.h"
#include "storageerror.h"

AdminPassword::AdminPassword(Storage &storage, QString actor) : m_storage(storage), m_actor(std::move(actor)) {}

bool AdminPassword::exists()
{
    return !m_storage.settings().value(QLatin1String(kStorageKey)).isEmpty();
}

QString AdminPassword::set(const QString &password)
{
    if (password.isEmpty()) {
        m_storage.resetSetting(QLatin1String(kStorageKey));
        Log::info(QStringLiteral("admin"), m_actor, QStringLiteral("admin password cleared"));
        return QStringLiteral("admin password cleared: administration mode opens without a password");
    }
    if (password.size() < AdminService::kMinimumPasswordLength)
        throw StorageError(StorageError::Kind::Invalid,
                           QStringLiteral("the admin password needs at least %1 characters")
                               .arg(AdminService::kMinimumPasswordLength));
    m_storage.setSetting(QLatin1String(kStorageKey), PasswordHash::create(password));
    Log::info(QStringLiteral("admin"), m_actor, QStringLiteral("admin password set"));
    return QStringLiteral("admin password set: administration mode asks for it");
}

bool AdminPassword::check(const QString &password)
{
    const QString stored = m_storage.settings().value(QLatin1String(kStorageKey));
    if (stored.isEmpty() || PasswordHash::verify(stored, password))
        return true;
    Log::warning(QStringLiteral("admin"), m_actor,
                 QStringLiteral("administration mode refused: wrong admin password (rule: admin password)"));
    return false;
}
