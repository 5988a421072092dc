#pragma once

#include <functional>
#include <optional>

#include <QString>

// What a login needs to know about an account or an SMTP-only login: its stored password hash and
// whether it may log in.
struct AccountCredentials
{
    QString passwordHash;   // "$pbkdf2-sha256$…"
    bool enabled = true;
};

// Looks a login up by its canonical name (LoginName::canonical); nullopt when there is none. Called
// from every worker thread at once, so it must be thread-safe and must not block on slow work.
using CredentialsLookup = std::function<std::optional<AccountCredentials>(const QString &canonicalName)>;
