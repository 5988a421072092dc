#pragma once

#include "maildirlayout.h"
#include "recipientdirectory.h"

#include <QMutex>

#include <memory>

class DirectorySnapshot;
class MailboxUsage;

// RecipientDirectory over the current DirectorySnapshot: local domains, accounts, aliases
// (expanded, with loops cut), quotas from the mailboxes' sizes. The engine swaps in a new
// snapshot when the admin changes something; lookups from any thread see one or the other.
class LocalRecipientDirectory final : public RecipientDirectory
{
public:
    LocalRecipientDirectory(MaildirLayout layout, MailboxUsage &usage);

    void setSnapshot(std::shared_ptr<const DirectorySnapshot> snapshot);
    // The server's name decides whose postmaster a bare "postmaster" is.
    void setHostName(const QString &hostName);
    [[nodiscard]] RecipientLookup lookup(const QString &address, qint64 incomingSize) const override;
    [[nodiscard]] RecipientLookup identify(const QString &address) const override;

    static constexpr int kMaxAliasDepth = 10;

private:
    [[nodiscard]] std::shared_ptr<const DirectorySnapshot> snapshot() const;
    // Alias expansion in one snapshot (null: not loaded yet), without the quota check.
    [[nodiscard]] RecipientLookup identifyIn(const DirectorySnapshot *directory, const QString &address) const;
    [[nodiscard]] QString postmasterDomain(const DirectorySnapshot &directory) const;

    MaildirLayout m_layout;
    MailboxUsage &m_usage;
    mutable QMutex m_mutex;
    std::shared_ptr<const DirectorySnapshot> m_snapshot;
    QString m_hostName;
};
