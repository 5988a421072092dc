#pragma once

#include "attachmentpattern.h"
#include "contentfilter.h"
#include "records.h"

#include <QList>
#include <QStringList>

#include <optional>

// The Filters and Attachment Filters lists as one immutable value, parsed once from storage and
// shared by every worker thread through FilterListHolder.
class FilterListSnapshot
{
public:
    enum class Action { Reject, Discard };
    struct Rule
    {
        ContentFilter filter;
        Action action = Action::Reject;
    };

    FilterListSnapshot() = default;
    FilterListSnapshot(QList<Rule> rules, QList<AttachmentPattern> patterns);
    // Entries that do not parse (an empty text, an unknown scope or action, a bad pattern) are
    // skipped and named in *problems: a hand-edited row must not keep the server from starting.
    [[nodiscard]] static FilterListSnapshot fromRecords(const QList<ContentFilterRecord> &filters,
                                                        const QList<AttachmentFilterRecord> &attachments,
                                                        QStringList *problems = nullptr);

    // Nothing to look for: messages are not scanned at all.
    [[nodiscard]] bool isEmpty() const { return m_rules.isEmpty() && m_patterns.isEmpty(); }
    [[nodiscard]] const QList<Rule> &rules() const { return m_rules; }
    [[nodiscard]] const QList<AttachmentPattern> &patterns() const { return m_patterns; }

    [[nodiscard]] static std::optional<Action> actionFromString(QStringView name);
    [[nodiscard]] static QString actionName(Action action);

private:
    QList<Rule> m_rules;
    QList<AttachmentPattern> m_patterns;
};
