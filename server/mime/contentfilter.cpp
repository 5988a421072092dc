#include "contentfilter.h"

#include <QCoreApplication>

ContentFilter::ContentFilter(QString text, Scope scope)
    : m_text(std::move(text))
    , m_scope(scope)
{
}

bool ContentFilter::covers(Scope where) const
{
    // The Subject is a header too, so a `headers` filter reads it.
    if (m_scope == Scope::All || m_scope == where)
        return true;
    return m_scope == Scope::Headers && where == Scope::Subject;
}

QString ContentFilter::validate(const QString &text)
{
    if (text.trimmed().isEmpty())
        return QCoreApplication::translate("ContentFilter", "the filter text is empty");
    // A tab or line break would break the tab-separated `filter list` and the log lines.
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return QCoreApplication::translate("ContentFilter", "the filter text may not contain control characters (tabs, line breaks)");
    }
    return {};
}

std::optional<ContentFilter::Scope> ContentFilter::scopeFromString(QStringView name)
{
    const QString n = name.trimmed().toString().toLower();
    if (n == QLatin1String("subject"))
        return Scope::Subject;
    if (n == QLatin1String("headers"))
        return Scope::Headers;
    if (n == QLatin1String("body"))
        return Scope::Body;
    if (n == QLatin1String("all"))
        return Scope::All;
    return std::nullopt;
}

QString ContentFilter::scopeName(Scope scope)
{
    switch (scope) {
    case Scope::Subject:
        return QStringLiteral("subject");
    case Scope::Headers:
        return QStringLiteral("headers");
    case Scope::Body:
        return QStringLiteral("body");
    case Scope::All:
        break;
    }
    return QStringLiteral("all");
}
