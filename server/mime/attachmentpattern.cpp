#include "attachmentpattern.h"

#include <QCoreApplication>

namespace {

// Iterative * and ? matching with one backtrack point: linear in practice, no regex.
bool globMatch(QStringView pattern, QStringView text)
{
    qsizetype p = 0;
    qsizetype t = 0;
    qsizetype starP = -1;
    qsizetype starT = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == QLatin1Char('?') || pattern[p] == text[t])) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == QLatin1Char('*')) {
            starP = p++;
            starT = t;
        } else if (starP >= 0) {
            p = starP + 1;
            t = ++starT;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == QLatin1Char('*'))
        ++p;
    return p == pattern.size();
}

// What Windows would run: the last path component without trailing dots and spaces.
QString effectiveName(QStringView fileName)
{
    QStringView name = fileName;
    const qsizetype slash = std::max(name.lastIndexOf(QLatin1Char('/')), name.lastIndexOf(QLatin1Char('\\')));
    if (slash >= 0)
        name = name.sliced(slash + 1);
    while (!name.isEmpty() && (name.back() == QLatin1Char('.') || name.back().isSpace()))
        name.chop(1);
    while (!name.isEmpty() && name.front().isSpace())
        name = name.sliced(1);
    return name.toString().toCaseFolded();
}

} // namespace

AttachmentPattern::AttachmentPattern(const QString &pattern)
    : m_pattern(pattern)
{
    if (!validate(pattern).isEmpty())
        return;
    m_folded = pattern.trimmed().toCaseFolded();
    m_extensionForm = m_folded.startsWith(QLatin1Char('.'));
    m_extensionDots = int(m_folded.count(QLatin1Char('.')));
}

QString AttachmentPattern::validate(const QString &pattern)
{
    const QString trimmed = pattern.trimmed();
    if (trimmed.isEmpty())
        return QCoreApplication::translate("AttachmentPattern", "the attachment pattern is empty");
    for (const QChar c : trimmed) {
        if (c.category() == QChar::Other_Control)
            return QCoreApplication::translate("AttachmentPattern", "the attachment pattern \"%1\" contains a control character")
                .arg(trimmed.toHtmlEscaped());
        if (c == QLatin1Char('/') || c == QLatin1Char('\\'))
            return QCoreApplication::translate("AttachmentPattern", "the attachment pattern \"%1\" contains a path separator")
                .arg(trimmed);
    }
    if (trimmed.startsWith(QLatin1Char('.')) && trimmed.size() == 1)
        return QCoreApplication::translate("AttachmentPattern", "the attachment pattern \".\" names no extension");
    return {};
}

bool AttachmentPattern::matches(QStringView fileName) const
{
    if (!isValid())
        return false;
    const QString name = effectiveName(fileName);
    if (name.isEmpty())
        return false;
    if (!m_extensionForm)
        return globMatch(m_folded, name);
    // ".E*" means "the file type begins with E": match against the last extension (or the last
    // n of them for ".tar.gz"), so the star cannot run across a dot into an earlier part.
    qsizetype from = name.size();
    for (int dots = 0; dots < m_extensionDots; ++dots) {
        from = from > 0 ? name.lastIndexOf(QLatin1Char('.'), from - 1) : -1;
        if (from < 0)
            return false;
    }
    return globMatch(m_folded, QStringView(name).sliced(from));
}
