#pragma once

#include <QString>

// The names clients log in with: an account's address, or the name of an SMTP-only login
// (a scanner, a printer) made of letters, digits, '.', '_' and '-'. Both kinds are compared in
// one canonical form, and a login name can never be mistaken for an address (it has no '@').
class LoginName
{
public:
    LoginName() = delete;

    static constexpr int kMaxLength = 64;

    // The syntax of an SMTP-only login name, as typed (any case).
    [[nodiscard]] static bool isValidLoginName(const QString &name);
    // The canonical form of what a client typed: MailAddress::canonical() for an address, the
    // lower-cased name for a login name, empty when it is neither.
    [[nodiscard]] static QString canonical(const QString &user);
};
