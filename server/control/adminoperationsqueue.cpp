// AdminOperations' queue operations: the outbound queue as the GUI's Queue window sees it.

#include "adminoperations.h"

#include "adminjson.h"
#include "queueadmin.h"
#include "queuerecords.h"
#include "storageerror.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace {

QJsonObject recipientObject(const QueuedRecipient &recipient)
{
    const bool queued = recipient.state == QueuedRecipientState::Queued;
    return {
        {QStringLiteral("address"), recipient.address},
        {QStringLiteral("state"), queuedRecipientStateName(recipient.state)},
        {QStringLiteral("attempts"), recipient.attempts},
        {QStringLiteral("next_attempt"), queued ? AdminJson::time(recipient.nextAttempt) : QJsonValue()},
        {QStringLiteral("last_attempt"), AdminJson::time(recipient.lastAttempt)},
        {QStringLiteral("last_error"), recipient.lastError},
        {QStringLiteral("status"), recipient.statusCode},
    };
}

QJsonObject messageObject(const QueuedMessage &message, const QDateTime &now)
{
    QJsonArray recipients;
    const QueuedRecipient *latestError = nullptr;
    for (const QueuedRecipient &recipient : message.recipients) {
        recipients.append(recipientObject(recipient));
        if (!recipient.lastError.isEmpty() && (!latestError || latestError->lastAttempt < recipient.lastAttempt))
            latestError = &recipient;
    }
    return {
        {QStringLiteral("id"), message.id},
        {QStringLiteral("sender"), message.sender},
        {QStringLiteral("size"), double(message.size)},
        {QStringLiteral("received_at"), AdminJson::time(message.receivedAt)},
        {QStringLiteral("age_seconds"), double(qMax<qint64>(0, message.receivedAt.secsTo(now)))},
        {QStringLiteral("next_attempt"), AdminJson::time(QueueAdmin::nextAttempt(message))},
        {QStringLiteral("last_error"), latestError ? latestError->lastError : QString()},
        {QStringLiteral("recipients"), recipients},
    };
}

QString idOf(const QJsonObject &arguments)
{
    return arguments.value(QStringLiteral("id")).toString();
}

QString recipients(int count)
{
    return count == 1 ? QStringLiteral("1 recipient") : QStringLiteral("%1 recipients").arg(count);
}

}

QueueAdmin &AdminOperations::queue() const
{
    if (!m_queue)
        throw StorageError(StorageError::Kind::Unavailable, QStringLiteral("the outbound queue is not available here"));
    return *m_queue;
}

void AdminOperations::addQueueOperations()
{
    m_handlers.insert(QStringLiteral("queue.list"), [this](const QJsonObject &) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QJsonArray messages;
        for (const QueuedMessage &message : queue().list())
            messages.append(messageObject(message, now));
        return AdminReply::success({}, QJsonObject{{QStringLiteral("messages"), messages}});
    });
    m_handlers.insert(QStringLiteral("queue.show"), [this](const QJsonObject &a) {
        const QueueAdmin::Details details = queue().show(idOf(a));
        QJsonObject result = messageObject(details.message, QDateTime::currentDateTimeUtc());
        result.insert(QStringLiteral("headers"), details.headers);
        return AdminReply::success({}, result);
    });
    m_handlers.insert(QStringLiteral("queue.retry"), [this](const QJsonObject &a) {
        const bool all = a.value(QStringLiteral("all")).toBool();
        if (all && a.contains(QStringLiteral("id")))
            return AdminReply::failure(AdminReply::Status::Invalid, QStringLiteral("queue.retry: give an id or all, not both"));
        const int count = all ? queue().retryAll() : queue().retry(idOf(a));
        return AdminReply::success(QStringLiteral("%1 will be tried now").arg(recipients(count)),
                                   QJsonObject{{QStringLiteral("count"), count}});
    });
    m_handlers.insert(QStringLiteral("queue.delete"), [this](const QJsonObject &a) {
        const QueuedMessage message = queue().remove(idOf(a));
        return AdminReply::success(QStringLiteral("%1 deleted").arg(message.id),
                                   QJsonObject{{QStringLiteral("id"), message.id}});
    });
    m_handlers.insert(QStringLiteral("queue.bounce"), [this](const QJsonObject &a) {
        const int count = queue().bounce(idOf(a));
        return AdminReply::success(QStringLiteral("%1 returned to the sender").arg(recipients(count)),
                                   QJsonObject{{QStringLiteral("count"), count}});
    });
}
