// SqlStorage's Filters and Attachment Filters lists (schema 6), kept apart from sqlstorage.cpp so
// that neither file outgrows the size rule.

#include "sqlstorage.h"

#include "storageerror.h"

#include <QSqlQuery>
#include <QVariant>

namespace {

QDateTime createdOrNow(const QDateTime &created)
{
    const QDateTime when = created.isValid() ? created : QDateTime::currentDateTimeUtc();
    return QDateTime::fromSecsSinceEpoch(when.toSecsSinceEpoch(), Qt::UTC);
}

}

QList<ContentFilterRecord> SqlStorage::contentFilters()
{
    QSqlQuery query = run(QStringLiteral("content_filter_list"));
    QList<ContentFilterRecord> result;
    while (query.next()) {
        ContentFilterRecord record;
        record.text = query.value(0).toString();
        record.scope = query.value(1).toString();
        record.action = query.value(2).toString();
        record.created = QDateTime::fromSecsSinceEpoch(query.value(3).toLongLong(), Qt::UTC);
        result << record;
    }
    return result;
}

void SqlStorage::addContentFilter(const ContentFilterRecord &filter)
{
    insert(QStringLiteral("content_filter_insert"),
           {{QStringLiteral("filter_text"), filter.text},
            {QStringLiteral("scope"), filter.scope},
            {QStringLiteral("action"), filter.action},
            {QStringLiteral("created_at"), createdOrNow(filter.created).toSecsSinceEpoch()}},
           QStringLiteral("the filter \"%1\" already exists").arg(filter.text));
}

void SqlStorage::removeContentFilter(const QString &text)
{
    if (write(QStringLiteral("content_filter_delete"), {{QStringLiteral("filter_text"), text}}) == 0)
        throw StorageError(StorageError::Kind::NotFound, QStringLiteral("no filter \"%1\"").arg(text));
}

QList<AttachmentFilterRecord> SqlStorage::attachmentFilters()
{
    QSqlQuery query = run(QStringLiteral("attachment_filter_list"));
    QList<AttachmentFilterRecord> result;
    while (query.next())
        result << AttachmentFilterRecord{query.value(0).toString(),
                                         QDateTime::fromSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC)};
    return result;
}

void SqlStorage::addAttachmentFilter(const AttachmentFilterRecord &filter)
{
    insert(QStringLiteral("attachment_filter_insert"),
           {{QStringLiteral("pattern"), filter.pattern},
            {QStringLiteral("created_at"), createdOrNow(filter.created).toSecsSinceEpoch()}},
           QStringLiteral("the attachment filter \"%1\" already exists").arg(filter.pattern));
}

void SqlStorage::removeAttachmentFilter(const QString &pattern)
{
    if (write(QStringLiteral("attachment_filter_delete"), {{QStringLiteral("pattern"), pattern}}) == 0)
        throw StorageError(StorageError::Kind::NotFound, QStringLiteral("no attachment filter \"%1\"").arg(pattern));
}
