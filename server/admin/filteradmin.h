#pragma once

#include "records.h"

#include <QList>
#include <QString>

class Storage;

// The admin operations on the Filters and Attachment Filters lists (security rules 4 and 5), with
// the rules an admin expects: a usable text or pattern, a known scope and action, no entry twice
// (ignoring case, as matching does). The CLI and the GUI both go through it. Failures throw
// StorageError: Invalid or Duplicate for bad input, NotFound for removing what is not listed.
class FilterAdmin
{
public:
    // `actor` names who acts in the audit log ("cli", "gui").
    FilterAdmin(Storage &storage, QString actor);

    // scope: subject, headers, body or all; action: reject or discard (any case).
    QString addFilter(const QString &text, const QString &scope, const QString &action);
    QString removeFilter(const QString &text);
    [[nodiscard]] QList<ContentFilterRecord> filters();

    QString addAttachmentFilter(const QString &pattern);
    QString removeAttachmentFilter(const QString &pattern);
    [[nodiscard]] QList<AttachmentFilterRecord> attachmentFilters();

    // Checks that need no storage, for the CLI's usage check; empty when fine.
    [[nodiscard]] static QString checkFilter(const QString &text, const QString &scope, const QString &action);
    [[nodiscard]] static QString checkPattern(const QString &pattern);

private:
    void audit(const QString &text);

    Storage &m_storage;
    QString m_actor;
};
