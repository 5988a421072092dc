#include "adminsocketprotocol.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

namespace AdminSocketProtocol {

QString socketPath(const QString &dataDirectory)
{
    return QDir(dataDirectory).filePath(QStringLiteral("admin.sock"));
}

QByteArray line(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

QJsonObject event(const QString &name, QJsonObject fields)
{
    fields.insert(QStringLiteral("event"), name);
    return fields;
}

QJsonObject logEntryToJson(const LogEntry &entry)
{
    return QJsonObject{
        {QStringLiteral("time"), entry.timestamp.toString(Qt::ISODateWithMs)},
        {QStringLiteral("level"), logLevelName(entry.level)},
        {QStringLiteral("component"), entry.component},
        {QStringLiteral("session"), entry.session},
        {QStringLiteral("text"), entry.text},
    };
}

LogEntry logEntryFromJson(const QJsonObject &object)
{
    LogEntry entry;
    entry.timestamp = QDateTime::fromString(object.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    entry.level = logLevelFromName(object.value(QStringLiteral("level")).toString()).value_or(LogLevel::Info);
    entry.component = object.value(QStringLiteral("component")).toString();
    entry.session = object.value(QStringLiteral("session")).toString();
    entry.text = object.value(QStringLiteral("text")).toString();
    return entry;
}

QJsonObject logEvent(const QList<LogEntry> &entries)
{
    QJsonArray array;
    for (const LogEntry &entry : entries)
        array.append(logEntryToJson(entry));
    return event(QStringLiteral("log"), {{QStringLiteral("entries"), array}});
}

}
