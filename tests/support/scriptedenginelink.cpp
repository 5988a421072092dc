#include "scriptedenginelink.h"

#include <QPointer>
#include <QTimer>

ScriptedEngineLink::ScriptedEngineLink(QObject *parent) : EngineLink(parent), m_ring(100)
{
}

void ScriptedEngineLink::reply(const QString &operation, const AdminReply &reply)
{
    m_responders.insert(operation, [reply](const AdminRequest &) { return reply; });
}

void ScriptedEngineLink::reply(const QString &operation, Responder responder)
{
    m_responders.insert(operation, std::move(responder));
}

void ScriptedEngineLink::succeed(const QString &operation, const QJsonValue &result)
{
    reply(operation, AdminReply::success(QString(), result));
}

QList<AdminRequest> ScriptedEngineLink::requestsExcept(const QStringList &operations) const
{
    QList<AdminRequest> kept;
    for (const AdminRequest &request : m_requests) {
        if (!operations.contains(request.operation))
            kept.append(request);
    }
    return kept;
}

QStringList ScriptedEngineLink::operations() const
{
    QStringList names;
    for (const AdminRequest &request : m_requests)
        names.append(request.operation);
    return names;
}

void ScriptedEngineLink::call(const AdminRequest &request, QObject *context, ReplyHandler done)
{
    m_requests.append(request);
    const Responder responder = m_responders.value(request.operation);
    const AdminReply answer = responder
        ? responder(request)
        : AdminReply::failure(AdminReply::Status::UnknownOperation,
                              QStringLiteral("Unknown operation: %1").arg(request.operation));
    // Queued, as a real engine answers: a dialog must not see its reply inside its own call().
    QTimer::singleShot(0, context, [this, request, answer, done = std::move(done)] {
        done(answer);
        Q_EMIT replied(request, answer);
    });
}
