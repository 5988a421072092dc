#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <memory>

#include "queuerecords.h"

class QIODevice;

// One message being written for a set of local mailboxes. Destroying it without a successful
// commit() removes every trace (nothing partial is ever visible in a mailbox's new/).
class MessageWriter
{
public:
    virtual ~MessageWriter() = default;

    // Unique id of this message, known before any byte is written (it goes into Received:).
    [[nodiscard]] virtual QString queueId() const = 0;
    // Appends bytes exactly as they should be stored. False after an I/O error (the writer is
    // then useless and commit() fails).
    virtual bool write(QByteArrayView bytes) = 0;
    // Bytes written so far.
    [[nodiscard]] virtual qint64 size() const = 0;

    // Everything written so far, readable from the start, so the content filters can scan the
    // message before commit() without keeping it in memory. Null with *error when it cannot be
    // read back; the writer stays usable either way.
    [[nodiscard]] virtual std::unique_ptr<QIODevice> readBack(QString *error) = 0;

    struct CommitResult
    {
        bool ok = false;
        QString error;              // for the log when !ok
        QStringList deliveredFiles; // the final paths in each mailbox's new/
    };
    // Makes the message durable in every mailbox: fsync the file, move it into new/ (hard links
    // for further mailboxes), fsync the new/ directories. Only after ok may the server say 250.
    [[nodiscard]] virtual CommitResult commit() = 0;
};

// Where one accepted message goes: local mailboxes (canonical account addresses, no duplicates)
// and, when outbound.recipients is not empty, the outbound queue with that envelope (the store
// fills in id, fileName, size, eightBit and receivedAt). Empty recipients: nothing leaves.
struct MessageTargets
{
    QStringList mailboxes;
    QueuedMessage outbound;
};

// Where accepted messages go: the local mailboxes (Maildir) and the outbound queue.
class MessageStore
{
public:
    virtual ~MessageStore() = default;

    // Starts a message for `targets`. Returns null with *error set when the message cannot even
    // be started (disk, permissions).
    [[nodiscard]] virtual std::unique_ptr<MessageWriter> begin(const MessageTargets &targets, QString *error) = 0;
};
