#include "enginestatus.h"

#include <QJsonArray>

namespace {

const QStringList kStateNames{QStringLiteral("stopped"), QStringLiteral("starting"), QStringLiteral("running"),
                              QStringLiteral("failed")};

QJsonObject listenerToJson(const ListenerState &listener)
{
    return QJsonObject{
        {QStringLiteral("service"), listener.service},
        {QStringLiteral("address"), listener.address},
        {QStringLiteral("configuredPort"), int(listener.configuredPort)},
        {QStringLiteral("port"), int(listener.port)},
        {QStringLiteral("listening"), listener.status == ListenerState::Status::Listening},
        {QStringLiteral("error"), listener.error},
    };
}

ListenerState listenerFromJson(const QJsonObject &object)
{
    ListenerState listener;
    listener.service = object.value(QStringLiteral("service")).toString();
    listener.address = object.value(QStringLiteral("address")).toString();
    listener.configuredPort = quint16(object.value(QStringLiteral("configuredPort")).toInt());
    listener.port = quint16(object.value(QStringLiteral("port")).toInt());
    listener.status = object.value(QStringLiteral("listening")).toBool() ? ListenerState::Status::Listening
                                                                        : ListenerState::Status::Failed;
    listener.error = object.value(QStringLiteral("error")).toString();
    return listener;
}

}

QJsonObject EngineStatus::toJson() const
{
    QJsonArray listenerArray;
    for (const ListenerState &listener : listeners)
        listenerArray.append(listenerToJson(listener));
    QJsonArray warningArray;
    for (const EngineWarning &warning : warnings)
        warningArray.append(QJsonObject{{QStringLiteral("kind"), warning.kind}, {QStringLiteral("text"), warning.text}});
    const QJsonObject countObject{
        {QStringLiteral("connectionsNow"), counts.connectionsNow},
        {QStringLiteral("messagesReceived"), double(counts.messagesReceived)},
        {QStringLiteral("messagesRelayed"), double(counts.messagesRelayed)},
        {QStringLiteral("logins"), double(counts.logins)},
        {QStringLiteral("refusals"), double(counts.refusals)},
        {QStringLiteral("bans"), double(counts.bans)},
    };
    return QJsonObject{
        {QStringLiteral("state"), kStateNames.at(int(state))},
        {QStringLiteral("error"), error},
        {QStringLiteral("listeners"), listenerArray},
        {QStringLiteral("counts"), countObject},
        {QStringLiteral("warnings"), warningArray},
        {QStringLiteral("certificateLoaded"), certificateLoaded},
    };
}

EngineStatus EngineStatus::fromJson(const QJsonObject &object)
{
    EngineStatus status;
    const qsizetype state = kStateNames.indexOf(object.value(QStringLiteral("state")).toString());
    status.state = state < 0 ? State::Failed : State(state);
    status.error = object.value(QStringLiteral("error")).toString();
    for (const QJsonValue &value : object.value(QStringLiteral("listeners")).toArray())
        status.listeners.append(listenerFromJson(value.toObject()));
    const QJsonObject countObject = object.value(QStringLiteral("counts")).toObject();
    status.counts.connectionsNow = countObject.value(QStringLiteral("connectionsNow")).toInt();
    status.counts.messagesReceived = qint64(countObject.value(QStringLiteral("messagesReceived")).toDouble());
    status.counts.messagesRelayed = qint64(countObject.value(QStringLiteral("messagesRelayed")).toDouble());
    status.counts.logins = qint64(countObject.value(QStringLiteral("logins")).toDouble());
    status.counts.refusals = qint64(countObject.value(QStringLiteral("refusals")).toDouble());
    status.counts.bans = qint64(countObject.value(QStringLiteral("bans")).toDouble());
    for (const QJsonValue &value : object.value(QStringLiteral("warnings")).toArray()) {
        const QJsonObject warning = value.toObject();
        status.warnings.append({warning.value(QStringLiteral("kind")).toString(), warning.value(QStringLiteral("text")).toString()});
    }
    status.certificateLoaded = object.value(QStringLiteral("certificateLoaded")).toBool();
    return status;
}
