#include "listadapter.h"

#include <QDateTime>
#include <QLocale>

QString ListAdapter::identity(const QJsonObject &entry) const
{
    return entry.value(keyField()).toString().trimmed().toCaseFolded();
}

QString ListAdapter::localTime(const QJsonValue &time, const QString &missing)
{
    const QDateTime value = time.isString() ? QDateTime::fromString(time.toString(), Qt::ISODate) : QDateTime();
    if (!value.isValid())
        return missing;
    return QLocale().toString(value.toLocalTime(), QLocale::ShortFormat);
}
