#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QMetaType>
#include <QString>

// One admin operation as a value: the GUI builds it, EngineLink carries it to the engine's side
// (in the same process or over the admin socket), AdminOperations runs it. `operation` names
// follow the CLI ("domain.add", "config.set", "ban.list"; AdminOperations lists them all).
struct AdminRequest
{
    QString operation;
    QJsonObject arguments;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static AdminRequest fromJson(const QJsonObject &object);
};

// The answer to one AdminRequest. `message` is the one-line text the CLI would print (success)
// or the reason it failed, in the admin's words; `result` carries lists and records.
struct AdminReply
{
    enum class Status {
        Ok,
        Invalid,       // the request breaks a rule (bad address, bad CIDR, unknown setting value)
        NotFound,      // the named entry does not exist
        Duplicate,     // it exists already
        Unavailable,   // the database or the engine cannot be reached
        Denied,        // administration mode is locked (wrong or missing admin password)
        UnknownOperation,
    };

    Status status = Status::Ok;
    QString message;
    QJsonValue result;

    [[nodiscard]] bool ok() const { return status == Status::Ok; }
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static AdminReply fromJson(const QJsonObject &object);
    [[nodiscard]] static AdminReply success(const QString &message, const QJsonValue &result = {});
    [[nodiscard]] static AdminReply failure(Status status, const QString &message);
    [[nodiscard]] static QString statusName(Status status);
};

Q_DECLARE_METATYPE(AdminRequest)
Q_DECLARE_METATYPE(AdminReply)
