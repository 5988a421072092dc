#include "queueadmin.h"

#include "log.h"
#include "queuestorage.h"
#include "storage.h"
#include "storageerror.h"

#include <QDateTime>
#include <QFile>
#include <QRegularExpression>

namespace {

QString recipientList(const QueuedMessage &message)
{
    QStringList addresses;
    for (const QueuedRecipient &recipient : message.recipients)
        addresses << recipient.address;
    return addresses.join(QStringLiteral(", "));
}

// Queued recipients made due now; the count of those changed.
int makeDue(QueuedMessage &message, const QDateTime &now)
{
    int count = 0;
    for (QueuedRecipient &recipient : message.recipients) {
        if (recipient.state != QueuedRecipientState::Queued)
            continue;
        recipient.nextAttempt = now;
        ++count;
    }
    return count;
}

QList<QueuedRecipient> queuedOnly(const QueuedMessage &message)
{
    QList<QueuedRecipient> result;
    for (const QueuedRecipient &recipient : message.recipients) {
        if (recipient.state == QueuedRecipientState::Queued)
            result << recipient;
    }
    return result;
}

}

QueueAdmin::QueueAdmin(QueueStorage &queue, QueueDirectory directory, Storage &storage, QString actor)
    : m_queue(queue), m_directory(std::move(directory)), m_storage(storage), m_actor(std::move(actor))
{
}

QString QueueAdmin::senderText(const QString &sender)
{
    return sender.isEmpty() ? QStringLiteral("<>") : sender;
}

QDateTime QueueAdmin::nextAttempt(const QueuedMessage &message)
{
    QDateTime earliest;
    for (const QueuedRecipient &recipient : message.recipients) {
        if (recipient.state == QueuedRecipientState::Queued && (earliest.isNull() || recipient.nextAttempt < earliest))
            earliest = recipient.nextAttempt;
    }
    return earliest;
}

QString QueueAdmin::normalizedId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9A-F]{12}$"));
    const QString upper = id.trimmed().toUpper();
    if (!pattern.match(upper).hasMatch())
        throw StorageError(StorageError::Kind::Invalid,
                           QStringLiteral("\"%1\" is not a queue id (12 hex digits, as queue list shows)").arg(id));
    return upper;
}

QueuedMessage QueueAdmin::find(const QString &id)
{
    const QString normalized = normalizedId(id);
    std::optional<QueuedMessage> message = m_queue.message(normalized);
    if (!message)   // ids are written in upper case; a lower-case row still matches its own spelling
        message = m_queue.message(normalized.toLower());
    if (!message)
        throw StorageError(StorageError::Kind::NotFound, QStringLiteral("no queued message %1").arg(normalized));
    return *message;
}

void QueueAdmin::changed(const QString &logText)
{
    Log::info(QStringLiteral("admin"), m_actor, logText);
    m_storage.bumpRequest(QLatin1String(kChangedRequest));
}

QList<QueuedMessage> QueueAdmin::list()
{
    return m_queue.messages();
}

QueueAdmin::Details QueueAdmin::show(const QString &id)
{
    Details details;
    details.message = find(id);
    details.headers = readHeaders(m_directory.filePath(details.message.fileName));
    return details;
}

QString QueueAdmin::readHeaders(const QString &filePath)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("(file missing)");
    QByteArray block = file.read(kMaxHeaderBytes);
    block.replace("\r\n", "\n");
    if (const qsizetype end = block.indexOf("\n\n"); end >= 0)
        block.truncate(end + 1);
    return QString::fromUtf8(block);
}

int QueueAdmin::retry(const QString &id)
{
    QueuedMessage message = find(id);
    const int count = makeDue(message, QDateTime::currentDateTimeUtc());
    if (count == 0)
        return 0;
    m_queue.updateRecipients(queuedOnly(message));
    changed(QStringLiteral("queue retry %1: %2 recipient(s) due now").arg(message.id).arg(count));
    return count;
}

int QueueAdmin::retryAll()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<QueuedRecipient> due;
    for (QueuedMessage &message : m_queue.messages()) {
        makeDue(message, now);
        due << queuedOnly(message);
    }
    if (due.isEmpty())
        return 0;
    m_queue.updateRecipients(due);
    changed(QStringLiteral("queue retry --all: %1 recipient(s) due now").arg(due.size()));
    return int(due.size());
}

QueuedMessage QueueAdmin::remove(const QString &id)
{
    const QueuedMessage message = find(id);
    if (!m_queue.remove(message.id))   // deleted meanwhile (delivered, or by another admin)
        throw StorageError(StorageError::Kind::NotFound, QStringLiteral("no queued message %1").arg(message.id));
    const bool fileRemoved = m_directory.removeFile(message.fileName);
    changed(QStringLiteral("queue delete %1: from %2 to %3%4")
                .arg(message.id, senderText(message.sender), recipientList(message),
                     fileRemoved ? QString() : QStringLiteral(" (its file was already gone)")));
    return message;
}

int QueueAdmin::bounce(const QString &id)
{
    const QueuedMessage message = find(id);
    QList<QueuedRecipient> failed = queuedOnly(message);
    if (failed.isEmpty())
        return 0;
    const QString text = QLatin1String(kBounceText);
    for (QueuedRecipient &recipient : failed) {
        recipient.state = QueuedRecipientState::Failed;
        recipient.statusCode = QStringLiteral("5.0.0");   // RFC 3463: other or undefined permanent status
        recipient.lastError = text;
        recipient.diagnostic = text;
        recipient.report = recipient.notify.failure && message.isBounceable() ? ReportState::Due : ReportState::Sent;
    }
    m_queue.updateRecipients(failed);
    QStringList addresses;
    for (const QueuedRecipient &recipient : std::as_const(failed))
        addresses << recipient.address;
    changed(QStringLiteral("queue bounce %1: from %2, returned %3")
                .arg(message.id, senderText(message.sender), addresses.join(QStringLiteral(", "))));
    return int(failed.size());
}
