#include "filteradmin.h"

#include "attachmentpattern.h"
#include "contentfilter.h"
#include "filterlistsnapshot.h"
#include "log.h"
#include "storage.h"
#include "storageerror.h"

namespace {

[[noreturn]] void fail(StorageError::Kind kind, const QString &why)
{
    throw StorageError(kind, why);
}

// The stored key (text or pattern) equal to `wanted` ignoring case, as matching ignores it; null
// when none is.
template <typename Record>
QString storedIgnoringCase(const QList<Record> &records, QString Record::*key, const QString &wanted)
{
    const QString folded = wanted.toCaseFolded();
    for (const Record &record : records) {
        if ((record.*key).toCaseFolded() == folded)
            return record.*key;
    }
    return {};
}

}

FilterAdmin::FilterAdmin(Storage &storage, QString actor)
    : m_storage(storage), m_actor(std::move(actor))
{
}

void FilterAdmin::audit(const QString &text)
{
    Log::info(QStringLiteral("admin"), m_actor, text);
}

QString FilterAdmin::checkFilter(const QString &text, const QString &scope, const QString &action)
{
    if (const QString error = ContentFilter::validate(text); !error.isEmpty())
        return error;
    if (!ContentFilter::scopeFromString(scope))
        return QStringLiteral("unknown scope \"%1\" (use subject, headers, body or all)").arg(scope);
    if (!FilterListSnapshot::actionFromString(action))
        return QStringLiteral("unknown action \"%1\" (use reject or discard)").arg(action);
    return {};
}

QString FilterAdmin::checkPattern(const QString &pattern)
{
    // The pattern's own check names the pattern and what is wrong with it.
    return AttachmentPattern::validate(pattern);
}

QString FilterAdmin::addFilter(const QString &text, const QString &scope, const QString &action)
{
    if (const QString error = checkFilter(text, scope, action); !error.isEmpty())
        fail(StorageError::Kind::Invalid, error);
    ContentFilterRecord record;
    record.text = text;
    record.scope = ContentFilter::scopeName(*ContentFilter::scopeFromString(scope));
    record.action = FilterListSnapshot::actionName(*FilterListSnapshot::actionFromString(action));
    m_storage.transaction([&] {
        const QString existing = storedIgnoringCase(m_storage.contentFilters(), &ContentFilterRecord::text, text);
        if (!existing.isNull())
            fail(StorageError::Kind::Duplicate, QStringLiteral("the filter \"%1\" already exists").arg(existing));
        m_storage.addContentFilter(record);
    });
    audit(QStringLiteral("filter added: \"%1\" scope %2 action %3").arg(text, record.scope, record.action));
    return QStringLiteral("filter \"%1\" added (scope %2, action %3)").arg(text, record.scope, record.action);
}

QString FilterAdmin::removeFilter(const QString &text)
{
    QString stored;
    m_storage.transaction([&] {
        stored = storedIgnoringCase(m_storage.contentFilters(), &ContentFilterRecord::text, text);
        if (stored.isNull())
            fail(StorageError::Kind::NotFound, QStringLiteral("no filter \"%1\" (see: postern filter list)").arg(text));
        m_storage.removeContentFilter(stored);
    });
    audit(QStringLiteral("filter removed: \"%1\"").arg(stored));
    return QStringLiteral("filter \"%1\" removed").arg(stored);
}

QList<ContentFilterRecord> FilterAdmin::filters()
{
    return m_storage.contentFilters();
}

QString FilterAdmin::addAttachmentFilter(const QString &pattern)
{
    if (const QString error = checkPattern(pattern); !error.isEmpty())
        fail(StorageError::Kind::Invalid, error);
    const QString trimmed = pattern.trimmed();
    m_storage.transaction([&] {
        const QString existing = storedIgnoringCase(m_storage.attachmentFilters(), &AttachmentFilterRecord::pattern, trimmed);
        if (!existing.isNull())
            fail(StorageError::Kind::Duplicate, QStringLiteral("the attachment filter \"%1\" already exists").arg(existing));
        m_storage.addAttachmentFilter({trimmed, {}});
    });
    audit(QStringLiteral("attachment filter added: %1").arg(trimmed));
    return QStringLiteral("attachment filter \"%1\" added").arg(trimmed);
}

QString FilterAdmin::removeAttachmentFilter(const QString &pattern)
{
    const QString trimmed = pattern.trimmed();
    QString stored;
    m_storage.transaction([&] {
        stored = storedIgnoringCase(m_storage.attachmentFilters(), &AttachmentFilterRecord::pattern, trimmed);
        if (stored.isNull())
            fail(StorageError::Kind::NotFound,
                 QStringLiteral("no attachment filter \"%1\" (see: postern attachment-filter list)").arg(pattern));
        m_storage.removeAttachmentFilter(stored);
    });
    audit(QStringLiteral("attachment filter removed: %1").arg(stored));
    return QStringLiteral("attachment filter \"%1\" removed").arg(stored);
}

QList<AttachmentFilterRecord> FilterAdmin::attachmentFilters()
{
    return m_storage.attachmentFilters();
}
