#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

class Storage;

// Domains, accounts and aliases as one immutable in-memory picture, rebuilt from storage when
// the admin changes something and shared read-only by every session thread.
class DirectorySnapshot
{
public:
    struct Account
    {
        qint64 quotaBytes = 0;
        bool enabled = true;
    };

    // Throws StorageError.
    [[nodiscard]] static std::shared_ptr<const DirectorySnapshot> load(Storage &storage);

    [[nodiscard]] bool isLocalDomain(const QString &domain) const { return m_domains.contains(domain); }
    // Sorted.
    [[nodiscard]] QStringList domains() const;
    [[nodiscard]] const Account *account(const QString &address) const;
    [[nodiscard]] const QStringList *aliasTargets(const QString &address) const;

    // For tests and the directory itself.
    void addDomain(const QString &domain) { m_domains.insert(domain); }
    void addAccount(const QString &address, Account account) { m_accounts.insert(address, account); }
    void addAlias(const QString &address, const QStringList &targets) { m_aliases.insert(address, targets); }

private:
    QSet<QString> m_domains;
    QHash<QString, Account> m_accounts;
    QHash<QString, QStringList> m_aliases;
};
