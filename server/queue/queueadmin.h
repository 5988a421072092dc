#pragma once

#include "queuedirectory.h"
#include "queuerecords.h"

#include <QDateTime>
#include <QList>
#include <QString>

class QueueStorage;
class Storage;

// The administrator's actions on the outbound queue (postern queue …, the engine's queue.*
// operations): look at it, retry now, delete, return to the sender. Every change is logged as an
// admin action and bumps the "queue.changed" request so the running engine reloads its queue.
// Ids are the 12 hex digits the SMTP session logged, in either case; an unknown id throws
// StorageError(NotFound), a malformed one StorageError(Invalid).
class QueueAdmin
{
public:
    // The request every change bumps (Storage::bumpRequest); the DeliveryAgent watches it.
    static constexpr const char *kChangedRequest = "queue.changed";
    // What a bounce records as the recipients' last error and Diagnostic-Code.
    static constexpr const char *kBounceText = "returned to the sender by the administrator";
    // How much of a queued file show() reads looking for the end of its header block.
    static constexpr qint64 kMaxHeaderBytes = 64 * 1024;

    struct Details
    {
        QueuedMessage message;
        QString headers;   // the file's header block, LF line ends; "(file missing)" when it is gone
    };

    // actor names who acts in the log ("cli", "gui").
    QueueAdmin(QueueStorage &queue, QueueDirectory directory, Storage &storage, QString actor);

    // Every queued message with its recipients, oldest first.
    [[nodiscard]] QList<QueuedMessage> list();
    [[nodiscard]] Details show(const QString &id);

    // Makes the message's (or every message's) queued recipients due now; returns how many.
    int retry(const QString &id);
    int retryAll();
    // Removes the rows, then the file. Returns the message as it was.
    QueuedMessage remove(const QString &id);
    // Fails every queued recipient with 5.0.0; a failure report becomes due where the sender
    // asked for one (NOTIFY) and can get one (not a null sender). Returns how many recipients.
    int bounce(const QString &id);

    // "0A1B2C3D4E5F" for a well-formed id in either case; throws StorageError(Invalid) otherwise.
    [[nodiscard]] static QString normalizedId(const QString &id);
    // The earliest next attempt of the message's recipients still queued; null when none is.
    [[nodiscard]] static QDateTime nextAttempt(const QueuedMessage &message);
    // The sender as the admin reads it: "<>" for the null sender.
    [[nodiscard]] static QString senderText(const QString &sender);
    // The file's header block (up to the first empty line, at most kMaxHeaderBytes), LF line ends.
    [[nodiscard]] static QString readHeaders(const QString &filePath);

private:
    [[nodiscard]] QueuedMessage find(const QString &id);
    void changed(const QString &logText);

    QueueStorage &m_queue;
    QueueDirectory m_directory;
    Storage &m_storage;
    QString m_actor;
};
