#pragma once

#include <QByteArray>
#include <QString>

// A keyed hash of a login's user name and password, so the auto-ban rule can tell a wrong
// password repeated (a misconfigured phone) from new guesses without keeping the password. The
// key is random per process and never leaves memory: the value means nothing outside this run
// and cannot be tested offline against a word list.
class PasswordFingerprint
{
public:
    // HMAC-SHA256(process key, lower-cased user, NUL, password), truncated to 16 bytes.
    [[nodiscard]] static QByteArray of(const QString &user, const QString &password);
};
