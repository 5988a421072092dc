#pragma once

#include <QString>

class Storage;

// The password that guards the GUI's administration mode. Stored as a PBKDF2 hash (like account
// passwords) in the settings table under kStorageKey, which SettingsSchema does not know, so
// `config list` / config.list never show it and config.set cannot write it. Never logged.
class AdminPassword
{
public:
    // Under Settings::kSecretPrefix, so the engine does not report it as an unknown setting.
    static constexpr char kStorageKey[] = "secret.admin_password";

    // `actor` names who acts in the log ("gui", "cli").
    AdminPassword(Storage &storage, QString actor);

    [[nodiscard]] bool exists();
    // An empty password clears it (administration mode then opens without asking). Throws
    // StorageError(Invalid) for a password shorter than AdminService::kMinimumPasswordLength.
    QString set(const QString &password);
    // True when no password is set or `password` matches. A refusal is logged as a security
    // decision, without the password.
    [[nodiscard]] bool check(const QString &password);

private:
    Storage &m_storage;
    QString m_actor;
};
