#pragma once

#include <QString>
#include <QStringList>

// Plain value types that cross the storage interface.

struct AccountRecord
{
    QString address;       // canonical: lower-cased local part @ ACE domain
    QString displayName;
    qint64 quotaBytes = 0; // 0 = unlimited
    bool enabled = true;
    QString passwordHash;  // "$pbkdf2-sha256$…"; never a password
};

struct AliasRecord
{
    QString address;
    QStringList targets;
};

struct SmtpLoginRecord
{
    QString name;          // LoginName syntax, lower-case
    QString passwordHash;  // "$pbkdf2-sha256$…"; never a password
};
