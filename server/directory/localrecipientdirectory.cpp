#include "localrecipientdirectory.h"

#include "directorysnapshot.h"
#include "mailaddress.h"
#include "mailboxusage.h"

LocalRecipientDirectory::LocalRecipientDirectory(MaildirLayout layout, MailboxUsage &usage)
    : m_layout(std::move(layout)), m_usage(usage)
{
}

void LocalRecipientDirectory::setSnapshot(std::shared_ptr<const DirectorySnapshot> snapshot)
{
    QMutexLocker lock(&m_mutex);
    m_snapshot = std::move(snapshot);
}

void LocalRecipientDirectory::setHostName(const QString &hostName)
{
    QMutexLocker lock(&m_mutex);
    m_hostName = hostName;
}

QString LocalRecipientDirectory::postmasterDomain(const DirectorySnapshot &directory) const
{
    QString hostName;
    {
        QMutexLocker lock(&m_mutex);
        hostName = m_hostName;
    }
    // mail.example.org serves example.org: try the name itself, then each parent domain.
    for (QString candidate = hostName; candidate.contains(QLatin1Char('.')); candidate = candidate.section(QLatin1Char('.'), 1)) {
        if (directory.isLocalDomain(candidate))
            return candidate;
    }
    const QStringList domains = directory.domains();
    return domains.isEmpty() ? QString() : domains.first();
}

std::shared_ptr<const DirectorySnapshot> LocalRecipientDirectory::snapshot() const
{
    QMutexLocker lock(&m_mutex);
    return m_snapshot;
}

RecipientLookup LocalRecipientDirectory::identify(const QString &address) const
{
    return identifyIn(snapshot().get(), address);
}

RecipientLookup LocalRecipientDirectory::identifyIn(const DirectorySnapshot *directory, const QString &address) const
{
    RecipientLookup result;
    if (!directory) {
        result.kind = RecipientLookup::Kind::Unavailable;
        result.detail = QStringLiteral("directory not loaded yet");
        return result;
    }
    QString target = address;
    if (target == QStringLiteral("postmaster")) {
        const QString domain = postmasterDomain(*directory);
        if (domain.isEmpty()) {
            result.kind = RecipientLookup::Kind::Unavailable;
            result.detail = QStringLiteral("no local domain yet");
            return result;
        }
        target = QStringLiteral("postmaster@") + domain;
    }
    const QString domain = target.section(QLatin1Char('@'), -1);
    if (!directory->isLocalDomain(domain)) {
        result.kind = RecipientLookup::Kind::NotLocal;
        return result;
    }

    // Expand aliases breadth-first; every address is visited once, so loops end.
    QStringList pending{target};
    QStringList seen;
    int depth = 0;
    while (!pending.isEmpty()) {
        if (++depth > kMaxAliasDepth) {
            result.kind = RecipientLookup::Kind::Unavailable;
            result.detail = QStringLiteral("aliases nested deeper than %1").arg(kMaxAliasDepth);
            return result;
        }
        QStringList next;
        for (const QString &current : std::as_const(pending)) {
            if (seen.contains(current))
                continue;
            seen << current;
            if (directory->account(current)) {
                if (!result.mailboxes.contains(current))
                    result.mailboxes << current;
            } else if (const QStringList *targets = directory->aliasTargets(current)) {
                for (const QString &target : *targets) {
                    if (!directory->isLocalDomain(target.section(QLatin1Char('@'), -1))) {
                        // Leaves through the outbound queue, like any relayed recipient.
                        if (!result.forwards.contains(target))
                            result.forwards << target;
                        continue;
                    }
                    next << target;
                }
            }
        }
        pending = next;
    }
    if (result.mailboxes.isEmpty() && result.forwards.isEmpty()) {
        result.kind = RecipientLookup::Kind::UnknownUser;
        result.detail = seen.size() > 1 ? QStringLiteral("alias leads to no mailbox") : QStringLiteral("no such account or alias");
        return result;
    }
    result.kind = RecipientLookup::Kind::Local;
    return result;
}

RecipientLookup LocalRecipientDirectory::lookup(const QString &address, qint64 incomingSize) const
{
    // One snapshot for both steps: the accounts the quota check reads are the ones it expanded to.
    const std::shared_ptr<const DirectorySnapshot> directory = snapshot();
    RecipientLookup result = identifyIn(directory.get(), address);
    if (result.kind != RecipientLookup::Kind::Local)
        return result;
    for (const QString &mailbox : std::as_const(result.mailboxes)) {
        const qint64 quota = directory->account(mailbox)->quotaBytes;
        if (quota <= 0)
            continue;
        const qint64 used = m_usage.bytesUsed(m_layout.mailboxPath(mailbox));
        if (used >= quota || used + incomingSize > quota) {
            result.kind = RecipientLookup::Kind::OverQuota;
            result.detail = QStringLiteral("%1 uses %2 of %3 bytes").arg(mailbox).arg(used).arg(quota);
            return result;
        }
    }
    return result;
}
