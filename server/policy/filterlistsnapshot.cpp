#include "filterlistsnapshot.h"

FilterListSnapshot::FilterListSnapshot(QList<Rule> rules, QList<AttachmentPattern> patterns)
    : m_rules(std::move(rules)), m_patterns(std::move(patterns))
{
}

FilterListSnapshot FilterListSnapshot::fromRecords(const QList<ContentFilterRecord> &filters,
                                                   const QList<AttachmentFilterRecord> &attachments,
                                                   QStringList *problems)
{
    const auto skip = [problems](const QString &what) {
        if (problems)
            *problems << what;
    };
    QList<Rule> rules;
    for (const ContentFilterRecord &record : filters) {
        const std::optional<ContentFilter::Scope> scope = ContentFilter::scopeFromString(record.scope);
        const std::optional<Action> action = actionFromString(record.action);
        const QString error = ContentFilter::validate(record.text);
        if (!error.isEmpty())
            skip(QStringLiteral("filter entry skipped: %1").arg(error));
        else if (!scope)
            skip(QStringLiteral("filter \"%1\" skipped: unknown scope \"%2\"").arg(record.text, record.scope));
        else if (!action)
            skip(QStringLiteral("filter \"%1\" skipped: unknown action \"%2\"").arg(record.text, record.action));
        else
            rules << Rule{ContentFilter(record.text, *scope), *action};
    }
    QList<AttachmentPattern> patterns;
    for (const AttachmentFilterRecord &record : attachments) {
        const QString error = AttachmentPattern::validate(record.pattern);
        if (error.isEmpty())
            patterns << AttachmentPattern(record.pattern);
        else
            skip(QStringLiteral("attachment filter \"%1\" skipped: %2").arg(record.pattern, error));
    }
    return FilterListSnapshot(std::move(rules), std::move(patterns));
}

std::optional<FilterListSnapshot::Action> FilterListSnapshot::actionFromString(QStringView name)
{
    const QString n = name.trimmed().toString().toLower();
    if (n == QLatin1String("reject"))
        return Action::Reject;
    if (n == QLatin1String("discard"))
        return Action::Discard;
    return std::nullopt;
}

QString FilterListSnapshot::actionName(Action action)
{
    return action == Action::Discard ? QStringLiteral("discard") : QStringLiteral("reject");
}
