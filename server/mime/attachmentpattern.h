#pragma once

#include <QString>
#include <QStringView>

// An attachment filter pattern, matched case-insensitively against a file name.
// The seed's extension forms start with a dot and match the name's last extension(s): ".EXE",
// ".E*", ".E?E"; other patterns match the whole name with * and ?: "*.exe", "invoice*.js".
class AttachmentPattern
{
public:
    AttachmentPattern() = default;
    // An invalid pattern (see validate) matches nothing.
    explicit AttachmentPattern(const QString &pattern);

    // An error message for the admin, or an empty string when the pattern is usable.
    [[nodiscard]] static QString validate(const QString &pattern);

    [[nodiscard]] bool isValid() const { return !m_folded.isEmpty(); }
    [[nodiscard]] QString pattern() const { return m_pattern; }
    // fileName may carry a path and the trailing dots and spaces Windows ignores.
    [[nodiscard]] bool matches(QStringView fileName) const;

private:
    QString m_pattern;
    QString m_folded;
    bool m_extensionForm = false;
    int m_extensionDots = 0;
};
