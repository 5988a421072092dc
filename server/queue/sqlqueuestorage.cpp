#include "sqlqueuestorage.h"

#include "databaseurl.h"
#include "sqlcatalog.h"
#include "sqlconnection.h"
#include "storageerror.h"

#include <QHash>
#include <QSqlQuery>
#include <QVariant>

namespace {

QString notifyText(const DsnNotify &notify)
{
    QStringList words;
    if (notify.success)
        words << QStringLiteral("success");
    if (notify.failure)
        words << QStringLiteral("failure");
    if (notify.delay)
        words << QStringLiteral("delay");
    return words.isEmpty() ? QStringLiteral("never") : words.join(QLatin1Char(','));
}

DsnNotify notifyFrom(const QString &text)
{
    const QStringList words = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    DsnNotify notify = DsnNotify::never();
    notify.success = words.contains(QStringLiteral("success"));
    notify.failure = words.contains(QStringLiteral("failure"));
    notify.delay = words.contains(QStringLiteral("delay"));
    return notify;
}

QString retText(DsnReturn ret)
{
    switch (ret) {
    case DsnReturn::Full:
        return QStringLiteral("full");
    case DsnReturn::Headers:
        return QStringLiteral("hdrs");
    case DsnReturn::Unspecified:
        break;
    }
    return QStringLiteral("");
}

DsnReturn retFrom(const QString &text)
{
    if (text == QStringLiteral("full"))
        return DsnReturn::Full;
    if (text == QStringLiteral("hdrs"))
        return DsnReturn::Headers;
    return DsnReturn::Unspecified;
}

QueuedRecipientState stateFrom(const QString &text)
{
    if (text == QStringLiteral("delivered"))
        return QueuedRecipientState::Delivered;
    if (text == QStringLiteral("failed"))
        return QueuedRecipientState::Failed;
    return QueuedRecipientState::Queued;
}

QString reportText(ReportState report)
{
    switch (report) {
    case ReportState::Due:
        return QStringLiteral("due");
    case ReportState::Sent:
        return QStringLiteral("sent");
    case ReportState::None:
        break;
    }
    return QStringLiteral("none");
}

ReportState reportFrom(const QString &text)
{
    if (text == QStringLiteral("due"))
        return ReportState::Due;
    if (text == QStringLiteral("sent"))
        return ReportState::Sent;
    return ReportState::None;
}

// Text columns are NOT NULL: a null QString would bind as SQL NULL.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QVariant seconds(const QDateTime &when)
{
    return when.isValid() ? QVariant(when.toSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

QDateTime dateTimeFrom(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

// The fields updateRecipients writes; insert adds the rest.
QVariantMap mutableFields(const QueuedRecipient &recipient)
{
    return {{QStringLiteral("state"), queuedRecipientStateName(recipient.state)},
            {QStringLiteral("attempts"), recipient.attempts},
            // An unset next attempt means "due now": the column cannot be null.
            {QStringLiteral("next_attempt"), recipient.nextAttempt.isValid() ? recipient.nextAttempt.toSecsSinceEpoch()
                                                                            : QDateTime::currentSecsSinceEpoch()},
            {QStringLiteral("last_attempt"), seconds(recipient.lastAttempt)},
            {QStringLiteral("last_error"), text(recipient.lastError)},
            {QStringLiteral("status_code"), text(recipient.statusCode)},
            {QStringLiteral("diagnostic"), text(recipient.diagnostic)},
            {QStringLiteral("remote_mta"), text(recipient.remoteMta)},
            {QStringLiteral("report"), reportText(recipient.report)},
            {QStringLiteral("delay_reported"), recipient.delayReported}};
}

}

SqlQueueStorage::SqlQueueStorage(const DatabaseUrl &url)
    : m_catalog(std::make_unique<SqlCatalog>(url.dialect()))
    , m_connectionName(SqlConnection::nextName(QStringLiteral("postern-queue")))
{
    m_db = SqlConnection::open(url, m_connectionName, *m_catalog);
}

SqlQueueStorage::~SqlQueueStorage()
{
    SqlConnection::close(m_db, m_connectionName);
}

QSqlQuery SqlQueueStorage::run(const QString &name, const QVariantMap &values)
{
    return SqlConnection::run(m_db, *m_catalog, name, values);
}

void SqlQueueStorage::transaction(const std::function<void()> &work)
{
    SqlConnection::transaction(m_db, m_transactionDepth, work);
}

void SqlQueueStorage::relaxCommits()
{
    run(QStringLiteral("queue_relax_commits"));
}

QList<qint64> SqlQueueStorage::insert(const QueuedMessage &message)
{
    QList<qint64> ids;
    transaction([&] {
        try {
            run(QStringLiteral("queue_message_insert"),
                {{QStringLiteral("id"), message.id},
                 {QStringLiteral("file_name"), text(message.fileName)},
                 {QStringLiteral("sender"), text(message.sender)},
                 {QStringLiteral("envelope_id"), text(message.envelopeId)},
                 {QStringLiteral("ret"), retText(message.ret)},
                 {QStringLiteral("size"), message.size},
                 {QStringLiteral("eight_bit"), message.eightBit},
                 {QStringLiteral("smtp_utf8"), message.smtpUtf8},
                 {QStringLiteral("received_at"), message.receivedAt.toSecsSinceEpoch()},
                 {QStringLiteral("origin"), text(message.origin)}});
        } catch (const StorageError &error) {
            if (error.kind() == StorageError::Kind::Duplicate)
                throw StorageError(StorageError::Kind::Duplicate,
                                   QStringLiteral("message %1 is already queued").arg(message.id));
            throw;
        }
        for (const QueuedRecipient &recipient : message.recipients) {
            QVariantMap values = mutableFields(recipient);
            values.insert(QStringLiteral("message_id"), message.id);
            values.insert(QStringLiteral("address"), text(recipient.address));
            values.insert(QStringLiteral("original_recipient"), text(recipient.originalRecipient));
            values.insert(QStringLiteral("notify"), notifyText(recipient.notify));
            QSqlQuery inserted = run(QStringLiteral("queue_recipient_insert"), values);
            if (!inserted.next())
                throw StorageError(StorageError::Kind::Unavailable, QStringLiteral("queue_recipient_insert returned no id"));
            ids << inserted.value(0).toLongLong();
        }
    });
    return ids;
}

QList<QueuedMessage> SqlQueueStorage::readMessages(QSqlQuery &query)
{
    QList<QueuedMessage> result;
    while (query.next()) {
        QueuedMessage message;
        message.id = query.value(0).toString();
        message.fileName = query.value(1).toString();
        message.sender = query.value(2).toString();
        message.envelopeId = query.value(3).toString();
        message.ret = retFrom(query.value(4).toString());
        message.size = query.value(5).toLongLong();
        message.eightBit = query.value(6).toBool();
        message.smtpUtf8 = query.value(7).toBool();
        message.receivedAt = dateTimeFrom(query.value(8));
        message.origin = query.value(9).toString();
        result << message;
    }
    return result;
}

void SqlQueueStorage::attachRecipients(QSqlQuery &query, QList<QueuedMessage> &messages)
{
    QHash<QString, qsizetype> indexOf;
    for (qsizetype i = 0; i < messages.size(); ++i)
        indexOf.insert(messages.at(i).id, i);
    while (query.next()) {
        const auto it = indexOf.constFind(query.value(0).toString());
        if (it == indexOf.cend())
            continue;   // its message row came after our read of the messages
        QueuedRecipient recipient;
        recipient.id = query.value(1).toLongLong();
        recipient.address = query.value(2).toString();
        recipient.originalRecipient = query.value(3).toString();
        recipient.notify = notifyFrom(query.value(4).toString());
        recipient.state = stateFrom(query.value(5).toString());
        recipient.attempts = query.value(6).toInt();
        recipient.nextAttempt = dateTimeFrom(query.value(7));
        recipient.lastAttempt = dateTimeFrom(query.value(8));
        recipient.lastError = query.value(9).toString();
        recipient.statusCode = query.value(10).toString();
        recipient.diagnostic = query.value(11).toString();
        recipient.remoteMta = query.value(12).toString();
        recipient.report = reportFrom(query.value(13).toString());
        recipient.delayReported = query.value(14).toBool();
        messages[*it].recipients << recipient;
    }
}

QList<QueuedMessage> SqlQueueStorage::messages()
{
    QList<QueuedMessage> result;
    // One snapshot, so a message and its recipients are read together.
    transaction([&] {
        QSqlQuery messageRows = run(QStringLiteral("queue_message_list"));
        result = readMessages(messageRows);
        QSqlQuery recipientRows = run(QStringLiteral("queue_recipient_list"));
        attachRecipients(recipientRows, result);
    });
    return result;
}

std::optional<QueuedMessage> SqlQueueStorage::message(const QString &id)
{
    QList<QueuedMessage> found;
    transaction([&] {
        QSqlQuery messageRows = run(QStringLiteral("queue_message_get"), {{QStringLiteral("id"), id}});
        found = readMessages(messageRows);
        QSqlQuery recipientRows = run(QStringLiteral("queue_recipient_list_message"), {{QStringLiteral("message_id"), id}});
        attachRecipients(recipientRows, found);
    });
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

void SqlQueueStorage::updateRecipients(const QList<QueuedRecipient> &recipients)
{
    transaction([&] {
        for (const QueuedRecipient &recipient : recipients) {
            QVariantMap values = mutableFields(recipient);
            values.insert(QStringLiteral("id"), recipient.id);
            // Zero rows changed: the message was removed meanwhile; nothing to do.
            (void)run(QStringLiteral("queue_recipient_update"), values);
        }
    });
}

bool SqlQueueStorage::remove(const QString &id)
{
    int removed = 0;
    // Its recipients go with it (ON DELETE CASCADE).
    transaction([&] { removed = run(QStringLiteral("queue_message_delete"), {{QStringLiteral("id"), id}}).numRowsAffected(); });
    return removed > 0;
}
