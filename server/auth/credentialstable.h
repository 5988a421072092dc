#pragma once

#include <memory>
#include <optional>

#include <QHash>
#include <QMutex>
#include <QString>

#include "accountcredentials.h"

// The password hashes and enabled flags of everyone who may log in to one service (accounts, and
// for SMTP the SMTP-only logins) as one in-memory table that the engine replaces whenever the
// directory changes, so worker threads can check logins without touching storage.
// Thread-safe; lookups see the old or the new table, never a mix.
class CredentialsTable
{
public:
    using Map = QHash<QString, AccountCredentials>;   // by canonical login name (LoginName)

    CredentialsTable();

    void replace(Map accounts);
    [[nodiscard]] std::optional<AccountCredentials> lookup(const QString &canonicalName) const;
    [[nodiscard]] int size() const;
    // A CredentialsLookup reading this table; the table must outlive it.
    [[nodiscard]] CredentialsLookup lookupFunction() const;

private:
    [[nodiscard]] std::shared_ptr<const Map> current() const;

    mutable QMutex m_mutex;
    std::shared_ptr<const Map> m_accounts;
};
