#include "directorysnapshot.h"

#include "storage.h"

std::shared_ptr<const DirectorySnapshot> DirectorySnapshot::load(Storage &storage)
{
    auto snapshot = std::make_shared<DirectorySnapshot>();
    // Plain reads, no transaction (a write transaction would bump the change counter). An edit
    // landing between the reads bumps the counter again, so the next poll reloads a whole picture.
    for (const QString &domain : storage.domains())
        snapshot->addDomain(domain);
    for (const AccountRecord &record : storage.accounts())
        snapshot->addAccount(record.address, {record.quotaBytes, record.enabled});
    for (const AliasRecord &alias : storage.aliases())
        snapshot->addAlias(alias.address, alias.targets);
    return snapshot;
}

const DirectorySnapshot::Account *DirectorySnapshot::account(const QString &address) const
{
    const auto it = m_accounts.constFind(address);
    return it == m_accounts.cend() ? nullptr : &*it;
}

const QStringList *DirectorySnapshot::aliasTargets(const QString &address) const
{
    const auto it = m_aliases.constFind(address);
    return it == m_aliases.cend() ? nullptr : &*it;
}

QStringList DirectorySnapshot::domains() const
{
    QStringList sorted(m_domains.cbegin(), m_domains.cend());
    sorted.sort();
    return sorted;
}
