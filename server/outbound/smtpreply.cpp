#include "smtpreply.h"

#include <QRegularExpression>

SmtpReply::SmtpReply(int code, QList<QByteArray> lines)
    : m_code(code)
    , m_lines(std::move(lines))
{
}

QList<QByteArray> SmtpReply::texts() const
{
    QList<QByteArray> out;
    out.reserve(m_lines.size());
    for (const QByteArray &line : m_lines)
        out.append(line.mid(4));
    return out;
}

QString SmtpReply::text() const
{
    QByteArray joined;
    for (const QByteArray &line : m_lines) {
        if (!joined.isEmpty())
            joined.append(' ');
        joined.append(line);
        if (joined.size() > MaxTextLength * 4)
            break;
    }
    QString text = QString::fromUtf8(joined);
    for (QChar &c : text) {
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char('?');
    }
    if (text.size() > MaxTextLength)
        text.truncate(MaxTextLength);
    return text;
}

QString SmtpReply::statusCode() const
{
    const int cls = kind();
    if (cls != 2 && cls != 4 && cls != 5)
        return {};
    const QString fallback = QStringLiteral("%1.0.0").arg(cls);
    if (m_lines.isEmpty())
        return fallback;
    static const QRegularExpression pattern(QStringLiteral("^([245])\\.(\\d{1,3})\\.(\\d{1,3})(?: |$)"));
    const QRegularExpressionMatch match = pattern.match(QString::fromLatin1(m_lines.first().mid(4, 16)));
    if (!match.hasMatch() || match.captured(1).toInt() != cls)
        return fallback;
    return QStringLiteral("%1.%2.%3").arg(match.captured(1), match.captured(2), match.captured(3));
}
