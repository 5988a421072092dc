#include "credentialstable.h"

CredentialsTable::CredentialsTable()
    : m_accounts(std::make_shared<const Map>())
{
}

void CredentialsTable::replace(Map accounts)
{
    auto fresh = std::make_shared<const Map>(std::move(accounts));
    QMutexLocker lock(&m_mutex);
    m_accounts.swap(fresh);
    // The old table is freed outside the lock (when `fresh` goes out of scope after it).
    lock.unlock();
}

std::shared_ptr<const CredentialsTable::Map> CredentialsTable::current() const
{
    QMutexLocker lock(&m_mutex);
    return m_accounts;
}

std::optional<AccountCredentials> CredentialsTable::lookup(const QString &canonicalName) const
{
    const std::shared_ptr<const Map> accounts = current();
    const auto found = accounts->constFind(canonicalName);
    if (found == accounts->constEnd())
        return std::nullopt;
    return *found;
}

int CredentialsTable::size() const
{
    return int(current()->size());
}

CredentialsLookup CredentialsTable::lookupFunction() const
{
    return [this](const QString &canonicalName) { return lookup(canonicalName); };
}
