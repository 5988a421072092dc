#pragma once

#include "queuerecords.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

// The outbound queue's envelopes and per-recipient state in the database (tables queue_messages
// and queue_recipients, migration 7). Separate from Storage because queue writes are constant
// and must not bump Storage::generation() (that makes every engine reload its configuration).
// Implementations are used from a single thread each (each thread opens its own); every method
// either completes or throws StorageError and leaves nothing half-written. A write that returns
// is durable (the database's commit).
class QueueStorage
{
public:
    virtual ~QueueStorage() = default;

    // The message and all its recipients, in one transaction. Returns the recipients' row ids in
    // the order of message.recipients, so the caller holds the message exactly as message(id)
    // would read it. Throws StorageError(Duplicate) for an id already queued.
    virtual QList<qint64> insert(const QueuedMessage &message) = 0;

    // Every queued message with its recipients, oldest first.
    [[nodiscard]] virtual QList<QueuedMessage> messages() = 0;
    [[nodiscard]] virtual std::optional<QueuedMessage> message(const QString &id) = 0;

    // Writes each recipient's mutable fields (state, attempts, nextAttempt, lastAttempt,
    // lastError, statusCode, diagnostic, remoteMta, report, delayReported) by row id, all in one
    // transaction. Rows that no longer exist (deleted meanwhile) are skipped silently.
    virtual void updateRecipients(const QList<QueuedRecipient> &recipients) = 0;

    // Removes the message's rows (the caller removes the file afterwards). False when not queued.
    virtual bool remove(const QString &id) = 0;

    // Runs `work` so that its writes commit together or not at all. Nests.
    virtual void transaction(const std::function<void()> &work) = 0;

    // From now on this connection's commits survive a crash of Postern (the operating system
    // holds them) but not a power cut: they are not flushed to the disk one by one. They stay in
    // order, so a power cut loses at most the last few, never one before a kept one. Meant for
    // delivery outcomes, where a lost outcome means that recipient is tried once more (as
    // Postfix, which does not flush them either); never for accepting mail. No-op where there is
    // nothing to relax.
    virtual void relaxCommits() {}
};
