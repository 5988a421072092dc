#pragma once

#include <optional>

#include <QString>

// One content filter: a text to find, case-insensitively, in one scope of the decoded message.
class ContentFilter
{
public:
    enum class Scope { Subject, Headers, Body, All };

    explicit ContentFilter(QString text, Scope scope = Scope::All);

    [[nodiscard]] QString text() const { return m_text; }
    [[nodiscard]] Scope scope() const { return m_scope; }
    // Does a filter of this scope look at text from `where` (Subject, Headers or Body)?
    [[nodiscard]] bool covers(Scope where) const;

    // An error message for the admin, or empty when the text is usable.
    [[nodiscard]] static QString validate(const QString &text);
    [[nodiscard]] static std::optional<Scope> scopeFromString(QStringView name);
    [[nodiscard]] static QString scopeName(Scope scope);

private:
    QString m_text;
    Scope m_scope;
};
