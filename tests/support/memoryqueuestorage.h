#pragma once

#include "queuestorage.h"

// QueueStorage in memory, for unit tests (QueueAdmin, the queue operations, the GUI's Queue
// window): the same contract as SqlQueueStorage, including all-or-nothing transactions.
class MemoryQueueStorage : public QueueStorage
{
public:
    QList<qint64> insert(const QueuedMessage &message) override;
    [[nodiscard]] QList<QueuedMessage> messages() override;
    [[nodiscard]] std::optional<QueuedMessage> message(const QString &id) override;
    void updateRecipients(const QList<QueuedRecipient> &recipients) override;
    bool remove(const QString &id) override;
    void transaction(const std::function<void()> &work) override;

    // Makes every later call throw StorageError(Unavailable), as a lost database would.
    void setUnavailable(bool unavailable) { m_unavailable = unavailable; }

private:
    void checkAvailable() const;

    QList<QueuedMessage> m_messages;   // in insertion order
    qint64 m_nextRecipientId = 1;
    bool m_unavailable = false;
};
