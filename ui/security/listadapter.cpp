#include "listadapter.h"

#include "cidrrange.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>

QString ListAdapter::identity(const QJsonObject &entry) const
{
    return entry.value(keyField()).toString().trimmed().toCaseFolded();
}

QString ListAdapter::checkRange(QJsonObject &entry, const QString &field)
{
    const QString text = entry.value(field).toString().trimmed();
    if (text.isEmpty())
        return tr("Enter an IP address (192.0.2.7) or a CIDR range (192.0.2.0/24, 2001:db8::/32).");
    QString error;
    const std::optional<CidrRange> range = CidrRange::parse(text, &error);
    if (!range)
        return tr("\"%1\" is not an IP address or CIDR range: %2").arg(text, error);
    entry.insert(field, range->toString());
    return {};
}

QString ListAdapter::checkComment(const QString &comment)
{
    for (const QChar c : comment) {
        if (c.category() == QChar::Other_Control)
            return tr("The comment may not contain tabs or line breaks.");
    }
    return {};
}

QJsonObject ListAdapter::rangeFromLine(const QString &line)
{
    static const QRegularExpression firstSpace(QStringLiteral("\\s"));
    const QString trimmed = line.trimmed();
    const qsizetype split = trimmed.indexOf(firstSpace);
    QJsonObject entry;
    entry.insert(QStringLiteral("range"), split < 0 ? trimmed : trimmed.left(split));
    entry.insert(QStringLiteral("comment"), split < 0 ? QString() : trimmed.mid(split).trimmed());
    return entry;
}

QString ListAdapter::rangeToLine(const QJsonObject &entry)
{
    const QString comment = entry.value(QStringLiteral("comment")).toString();
    const QString range = entry.value(QStringLiteral("range")).toString();
    return comment.isEmpty() ? range : range + QLatin1Char(' ') + comment;
}

QString ListAdapter::localTime(const QJsonValue &time, const QString &missing)
{
    const QDateTime value = time.isString() ? QDateTime::fromString(time.toString(), Qt::ISODate) : QDateTime();
    if (!value.isValid())
        return missing;
    return QLocale().toString(value.toLocalTime(), QLocale::ShortFormat);
}
