#include "queuetext.h"

#include <QDateTime>
#include <QStringList>

QString QueueText::age(qint64 seconds)
{
    seconds = qMax<qint64>(0, seconds);
    const qint64 minutes = seconds / 60;
    const qint64 hours = minutes / 60;
    const qint64 days = hours / 24;
    if (days > 0)
        return tr("%1 d %2 h").arg(days).arg(hours % 24);
    if (hours > 0)
        return tr("%1 h %2 min").arg(hours).arg(minutes % 60);
    if (minutes > 0)
        return tr("%1 min").arg(minutes);
    return tr("%1 s").arg(seconds);
}

QString QueueText::instant(const QJsonValue &iso, const QString &none)
{
    const QString text = iso.toString();
    if (text.isEmpty())
        return none;
    const QDateTime when = QDateTime::fromString(text, Qt::ISODate);
    // Shown as sent when it is not ISO 8601: better the engine's words than nothing.
    return when.isValid() ? when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : text;
}

QString QueueText::state(const QString &state)
{
    if (state == QStringLiteral("queued"))
        return tr("waiting");
    if (state == QStringLiteral("delivered"))
        return tr("delivered");
    if (state == QStringLiteral("failed"))
        return tr("failed");
    return state;
}

QString QueueText::recipients(const QJsonArray &recipients)
{
    QStringList parts;
    for (const QJsonValue &recipient : recipients) {
        parts.append(QStringLiteral("%1 (%2)").arg(recipient[QStringLiteral("address")].toString(),
                                                   state(recipient[QStringLiteral("state")].toString())));
    }
    return parts.join(QStringLiteral(", "));
}

QString QueueText::id(const QJsonValue &id)
{
    return id.isDouble() ? QString::number(qint64(id.toDouble())) : id.toString();
}
