#include "decimalhours.h"

#include <QRegularExpression>

std::optional<qint64> DecimalHours::parse(const QString &text, QString *why)
{
    // Digits only: toDouble() would also take "1e3", "inf" and a locale's comma.
    static const QRegularExpression shape(QStringLiteral("^(\\d{0,7})(?:\\.(\\d*))?$"));
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(QLatin1Char('-'))) {
        if (why)
            *why = QStringLiteral("must not be negative");
        return std::nullopt;
    }
    const QRegularExpressionMatch match = shape.match(trimmed);
    const QString whole = match.captured(1);
    const QString fraction = match.captured(2);
    if (!match.hasMatch() || (whole.isEmpty() && fraction.isEmpty())) {
        if (why)
            *why = QStringLiteral("not a number of hours (use digits and a decimal point, such as 4 or 0.5)");
        return std::nullopt;
    }
    if (fraction.size() > 3) {
        if (why)
            *why = QStringLiteral("at most three decimals (0.001 hours is 3.6 seconds)");
        return std::nullopt;
    }
    const qint64 hours = whole.isEmpty() ? 0 : whole.toLongLong();
    const qint64 part = fraction.isEmpty() ? 0 : (fraction + QString(3 - fraction.size(), QLatin1Char('0'))).toLongLong();
    return hours * kPerHour + part;
}

QString DecimalHours::toText(qint64 thousandths)
{
    const qint64 hours = thousandths / kPerHour;
    const qint64 part = thousandths % kPerHour;
    if (part == 0)
        return QString::number(hours);
    QString fraction = QStringLiteral("%1").arg(part, 3, 10, QLatin1Char('0'));
    while (fraction.endsWith(QLatin1Char('0')))
        fraction.chop(1);
    return QString::number(hours) + QLatin1Char('.') + fraction;
}

qint64 DecimalHours::toSeconds(qint64 thousandths)
{
    // 3.6 s per thousandth: multiply first, then round half up.
    return (thousandths * 36 + 5) / 10;
}
