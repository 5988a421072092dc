#pragma once

#include "dsnreport.h"
#include "queuedirectory.h"
#include "queuerecords.h"

#include <QDateTime>
#include <QList>
#include <QString>

class MessageStore;
class RecipientDirectory;

// Makes the reports the delivery agent owes senders (RFC 3464 DSNs from DsnBuilder) and stores
// them like any other mail: into the sender's mailbox when the sender is local, otherwise into
// the queue with a null reverse-path, so a report is never answered by another.
class DeliveryReports
{
public:
    DeliveryReports(MessageStore &store, const RecipientDirectory &directory, QueueDirectory queue);

    // The report on `recipients` (failed, delivered or delayed ones of `message`) to the
    // message's sender. False (logged) when it could not be stored; the caller keeps it due.
    bool send(const QueuedMessage &message, const QList<QueuedRecipient> &recipients, DsnReport::Action action,
              const QString &reportingMta, const QDateTime &now, qint64 maxAgeSeconds) const;

private:
    [[nodiscard]] QByteArray original(const QueuedMessage &message) const;

    MessageStore &m_store;
    const RecipientDirectory &m_directory;
    QueueDirectory m_queue;
};
