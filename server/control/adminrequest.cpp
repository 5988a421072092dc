#include "adminrequest.h"

#include <array>
#include <utility>

namespace {

constexpr std::array<std::pair<AdminReply::Status, const char *>, 7> kStatusNames{{
    {AdminReply::Status::Ok, "ok"},
    {AdminReply::Status::Invalid, "invalid"},
    {AdminReply::Status::NotFound, "not-found"},
    {AdminReply::Status::Duplicate, "duplicate"},
    {AdminReply::Status::Unavailable, "unavailable"},
    {AdminReply::Status::Denied, "denied"},
    {AdminReply::Status::UnknownOperation, "unknown-operation"},
}};

}

QJsonObject AdminRequest::toJson() const
{
    return QJsonObject{{QStringLiteral("op"), operation}, {QStringLiteral("args"), arguments}};
}

AdminRequest AdminRequest::fromJson(const QJsonObject &object)
{
    return AdminRequest{object.value(QStringLiteral("op")).toString(), object.value(QStringLiteral("args")).toObject()};
}

QString AdminReply::statusName(Status status)
{
    for (const auto &[value, name] : kStatusNames) {
        if (value == status)
            return QLatin1String(name);
    }
    return QStringLiteral("unavailable");
}

QJsonObject AdminReply::toJson() const
{
    QJsonObject object{{QStringLiteral("status"), statusName(status)}, {QStringLiteral("message"), message}};
    if (!result.isUndefined() && !result.isNull())
        object.insert(QStringLiteral("result"), result);
    return object;
}

AdminReply AdminReply::fromJson(const QJsonObject &object)
{
    AdminReply reply;
    const QString name = object.value(QStringLiteral("status")).toString();
    reply.status = Status::Unavailable;   // a reply we cannot read is no success
    for (const auto &[value, known] : kStatusNames) {
        if (name == QLatin1String(known))
            reply.status = value;
    }
    reply.message = object.value(QStringLiteral("message")).toString();
    reply.result = object.value(QStringLiteral("result"));
    return reply;
}

AdminReply AdminReply::success(const QString &message, const QJsonValue &result)
{
    AdminReply reply;
    reply.message = message;
    reply.result = result;
    return reply;
}

AdminReply AdminReply::failure(Status status, const QString &message)
{
    AdminReply reply;
    reply.status = status;
    reply.message = message;
    return reply;
}
