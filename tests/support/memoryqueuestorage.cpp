#include "memoryqueuestorage.h"

#include "storageerror.h"

#include <algorithm>

void MemoryQueueStorage::checkAvailable() const
{
    if (m_unavailable)
        throw StorageError(StorageError::Kind::Unavailable, QStringLiteral("the queue database is unavailable"));
}

QList<qint64> MemoryQueueStorage::insert(const QueuedMessage &message)
{
    checkAvailable();
    if (this->message(message.id))
        throw StorageError(StorageError::Kind::Duplicate, QStringLiteral("message %1 is already queued").arg(message.id));
    QueuedMessage stored = message;
    QList<qint64> ids;
    for (QueuedRecipient &recipient : stored.recipients) {
        recipient.id = m_nextRecipientId++;
        ids << recipient.id;
    }
    m_messages.append(stored);
    return ids;
}

QList<QueuedMessage> MemoryQueueStorage::messages()
{
    checkAvailable();
    QList<QueuedMessage> sorted = m_messages;
    std::stable_sort(sorted.begin(), sorted.end(), [](const QueuedMessage &a, const QueuedMessage &b) {
        return a.receivedAt < b.receivedAt;
    });
    return sorted;
}

std::optional<QueuedMessage> MemoryQueueStorage::message(const QString &id)
{
    checkAvailable();
    for (const QueuedMessage &message : std::as_const(m_messages)) {
        if (message.id == id)
            return message;
    }
    return std::nullopt;
}

void MemoryQueueStorage::updateRecipients(const QList<QueuedRecipient> &recipients)
{
    checkAvailable();
    for (const QueuedRecipient &update : recipients) {
        for (QueuedMessage &message : m_messages) {
            for (QueuedRecipient &recipient : message.recipients) {
                if (recipient.id != update.id)
                    continue;
                // Only the mutable fields, as the SQL implementation writes them.
                recipient.state = update.state;
                recipient.attempts = update.attempts;
                recipient.nextAttempt = update.nextAttempt;
                recipient.lastAttempt = update.lastAttempt;
                recipient.lastError = update.lastError;
                recipient.statusCode = update.statusCode;
                recipient.diagnostic = update.diagnostic;
                recipient.remoteMta = update.remoteMta;
                recipient.report = update.report;
                recipient.delayReported = update.delayReported;
            }
        }
    }
}

bool MemoryQueueStorage::remove(const QString &id)
{
    checkAvailable();
    return m_messages.removeIf([&](const QueuedMessage &message) { return message.id == id; }) > 0;
}

void MemoryQueueStorage::transaction(const std::function<void()> &work)
{
    checkAvailable();
    const QList<QueuedMessage> saved = m_messages;
    const qint64 savedNextId = m_nextRecipientId;
    try {
        work();
    } catch (...) {
        m_messages = saved;
        m_nextRecipientId = savedNextId;
        throw;
    }
}
