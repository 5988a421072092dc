#pragma once

#include "messagestore.h"
#include "queuedirectory.h"

#include <QThreadStorage>

#include <atomic>
#include <functional>
#include <memory>

class MaildirStore;
class QueueObserver;
class QueueStorage;

// The MessageStore of the SMTP server once mail can leave: local-only messages go to the
// MaildirStore unchanged; a message with remote recipients is written once with the queue as
// its first "mailbox" (hard-linked into any local mailboxes) and its envelope is committed to
// the QueueStorage before the writer reports success, so a 250 never loses a remote recipient.
// Shared by the worker threads: each thread gets its own QueueStorage from the factory, made on
// first use in that thread and deleted when the thread finishes.
class OutboundMessageStore final : public MessageStore
{
public:
    using QueueStorageFactory = std::function<std::unique_ptr<QueueStorage>()>;

    // `local` and `queue` must outlive this store; `queue` must exist (QueueDirectory::ensureExists).
    OutboundMessageStore(MaildirStore &local, QueueDirectory queue, QueueStorageFactory storageFactory);
    ~OutboundMessageStore() override;
    Q_DISABLE_COPY_MOVE(OutboundMessageStore)

    [[nodiscard]] std::unique_ptr<MessageWriter> begin(const MessageTargets &targets, QString *error) override;

    // Told about each queued message after its rows committed; null: nobody. Thread-safe.
    void setObserver(QueueObserver *observer) { m_observer.store(observer); }
    [[nodiscard]] QueueObserver *observer() const { return m_observer.load(); }

    [[nodiscard]] const QueueDirectory &queueDirectory() const { return m_queue; }
    // The calling thread's queue storage, opened on first use. Throws StorageError.
    [[nodiscard]] QueueStorage &storageForCurrentThread();

private:
    MaildirStore &m_local;
    const QueueDirectory m_queue;
    const QueueStorageFactory m_storageFactory;
    std::atomic<QueueObserver *> m_observer{nullptr};
    QThreadStorage<QueueStorage *> m_perThread;
};
