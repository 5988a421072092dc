#include "rangelistadapter.h"

#include <QRegularExpression>

#include "cidrrange.h"

namespace {

const QString kRange = QStringLiteral("range");
const QString kComment = QStringLiteral("comment");

}

QString RangeListAdapter::identity(const QJsonObject &entry) const
{
    // Entries are canonical once checked, and the engine's are canonical already.
    return entry.value(kRange).toString();
}

QString RangeListAdapter::check(QJsonObject &entry) const
{
    const QString text = entry.value(kRange).toString().trimmed();
    if (text.isEmpty())
        return tr("Enter an IP address (192.0.2.7) or a CIDR range (192.0.2.0/24, 2001:db8::/32).");
    QString error;
    const std::optional<CidrRange> range = CidrRange::parse(text, &error);
    if (!range)
        return tr("\"%1\" is not an IP address or CIDR range: %2").arg(text, error);
    entry.insert(kRange, range->toString());
    // A tab or line break would break the one-entry-per-line list output and files.
    for (const QChar c : entry.value(kComment).toString()) {
        if (c.category() == QChar::Other_Control)
            return tr("The comment may not contain tabs or line breaks.");
    }
    return {};
}

QString RangeListAdapter::toLine(const QJsonObject &entry) const
{
    const QString comment = entry.value(kComment).toString();
    const QString range = entry.value(kRange).toString();
    return comment.isEmpty() ? range : range + QLatin1Char(' ') + comment;
}

QJsonObject RangeListAdapter::fromLine(const QString &line) const
{
    static const QRegularExpression firstSpace(QStringLiteral("\\s"));
    const QString trimmed = line.trimmed();
    const qsizetype split = trimmed.indexOf(firstSpace);
    return {{kRange, split < 0 ? trimmed : trimmed.left(split)}, {kComment, split < 0 ? QString() : trimmed.mid(split).trimmed()}};
}
