#include "adminjson.h"

#include "decimalhours.h"
#include "settingsschema.h"

#include <QJsonObject>

namespace {

QString typeName(SettingType type)
{
    switch (type) {
    case SettingType::HostName: return QStringLiteral("hostname");
    case SettingType::Integer: return QStringLiteral("integer");
    case SettingType::Port: return QStringLiteral("port");
    case SettingType::Boolean: return QStringLiteral("boolean");
    case SettingType::AddressList: return QStringLiteral("address-list");
    case SettingType::Choice: return QStringLiteral("choice");
    case SettingType::FilePath: return QStringLiteral("file");
    case SettingType::CidrList: return QStringLiteral("cidr-list");
    case SettingType::CidrListOrNone: return QStringLiteral("cidr-list-or-none");
    case SettingType::DnsServers: return QStringLiteral("dns-servers");
    case SettingType::DurationList: return QStringLiteral("duration-list");
    case SettingType::HostPort: return QStringLiteral("host-port");
    case SettingType::Hours: return QStringLiteral("hours");
    case SettingType::Text: return QStringLiteral("text");
    }
    return QStringLiteral("text");
}

}

namespace AdminJson {

QJsonValue time(const QDateTime &value)
{
    return value.isValid() ? QJsonValue(value.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

QDateTime timeFrom(const QJsonValue &value)
{
    return value.isString() ? QDateTime::fromString(value.toString(), Qt::ISODate) : QDateTime();
}

QJsonArray accounts(const QList<AccountRecord> &records)
{
    QJsonArray array;
    for (const AccountRecord &record : records)
        array.append(QJsonObject{{QStringLiteral("address"), record.address},
                                 {QStringLiteral("displayName"), record.displayName},
                                 {QStringLiteral("quotaBytes"), double(record.quotaBytes)},
                                 {QStringLiteral("enabled"), record.enabled}});
    return array;
}

QJsonArray aliases(const QList<AliasRecord> &records)
{
    QJsonArray array;
    for (const AliasRecord &record : records)
        array.append(QJsonObject{{QStringLiteral("address"), record.address},
                                 {QStringLiteral("targets"), QJsonArray::fromStringList(record.targets)}});
    return array;
}

QJsonArray smtpLogins(const QList<SmtpLoginRecord> &records)
{
    QJsonArray array;
    for (const SmtpLoginRecord &record : records)
        array.append(QJsonObject{{QStringLiteral("name"), record.name}});
    return array;
}

QJsonArray bans(const QList<BanRecord> &records)
{
    QJsonArray array;
    for (const BanRecord &record : records)
        array.append(QJsonObject{{QStringLiteral("range"), record.range},
                                 {QStringLiteral("expires"), record.expires ? time(*record.expires) : QJsonValue()},
                                 {QStringLiteral("comment"), record.comment},
                                 {QStringLiteral("created"), time(record.created)},
                                 {QStringLiteral("source"), record.source}});
    return array;
}

QJsonArray trusts(const QList<TrustRecord> &records)
{
    QJsonArray array;
    for (const TrustRecord &record : records)
        array.append(QJsonObject{{QStringLiteral("range"), record.range}, {QStringLiteral("comment"), record.comment}});
    return array;
}

QJsonArray filters(const QList<ContentFilterRecord> &records)
{
    QJsonArray array;
    for (const ContentFilterRecord &record : records)
        array.append(QJsonObject{{QStringLiteral("text"), record.text},
                                 {QStringLiteral("scope"), record.scope},
                                 {QStringLiteral("action"), record.action},
                                 {QStringLiteral("created"), time(record.created)}});
    return array;
}

QJsonArray attachmentFilters(const QList<AttachmentFilterRecord> &records)
{
    QJsonArray array;
    for (const AttachmentFilterRecord &record : records)
        array.append(QJsonObject{{QStringLiteral("pattern"), record.pattern}, {QStringLiteral("created"), time(record.created)}});
    return array;
}

QJsonArray settings(const QMap<QString, QString> &values)
{
    QJsonArray array;
    for (const SettingSpec &spec : SettingsSchema::all()) {
        // Limits in the unit the value is written in: hours keep theirs in thousandths.
        const double unit = spec.type == SettingType::Hours ? double(DecimalHours::kPerHour) : 1.0;
        array.append(QJsonObject{{QStringLiteral("key"), spec.key},
                                 {QStringLiteral("value"), values.value(spec.key, SettingsSchema::defaultValue(spec))},
                                 {QStringLiteral("default"), SettingsSchema::defaultValue(spec)},
                                 {QStringLiteral("description"), spec.description},
                                 {QStringLiteral("type"), typeName(spec.type)},
                                 {QStringLiteral("minimum"), double(spec.minimum) / unit},
                                 {QStringLiteral("maximum"), double(spec.maximum) / unit},
                                 {QStringLiteral("choices"), QJsonArray::fromStringList(spec.choices)}});
    }
    return array;
}

}
