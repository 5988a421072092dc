#pragma once

#include "enginelink.h"
#include "logringbuffer.h"

#include <QHash>
#include <QList>

#include <functional>

// An EngineLink test double for the GUI tests of windows whose engine operations are not there
// yet (or whose replies a test must choose): every request is recorded, and the reply comes from
// a table keyed by operation, or from a function of the request. Replies are delivered later
// from the event loop, as the real links deliver them, and not at all once the caller's context
// object is gone. An operation without a scripted reply gets UnknownOperation.
class ScriptedEngineLink : public EngineLink
{
    Q_OBJECT

public:
    using Responder = std::function<AdminReply(const AdminRequest &)>;

    explicit ScriptedEngineLink(QObject *parent = nullptr);

    // The same reply to every `operation` request from now on.
    void reply(const QString &operation, const AdminReply &reply);
    void reply(const QString &operation, Responder responder);
    // A successful reply carrying `result`.
    void succeed(const QString &operation, const QJsonValue &result = {});

    [[nodiscard]] const QList<AdminRequest> &requests() const { return m_requests; }
    // The recorded requests except those named (a dialog's reads, to check what it changed).
    [[nodiscard]] QList<AdminRequest> requestsExcept(const QStringList &operations) const;
    [[nodiscard]] QStringList operations() const;
    void clearRequests() { m_requests.clear(); }

    void call(const AdminRequest &request, QObject *context, ReplyHandler done) override;
    void startServer() override {}
    void stopServer() override {}
    [[nodiscard]] EngineStatus status() const override { return {}; }
    [[nodiscard]] LogRingBuffer &logRing() override { return m_ring; }
    [[nodiscard]] QString dataDirectory() const override { return {}; }
    [[nodiscard]] bool isAttached() const override { return false; }

Q_SIGNALS:
    // After a reply was handed to its caller.
    void replied(const AdminRequest &request, const AdminReply &reply);

private:
    QHash<QString, Responder> m_responders;
    QList<AdminRequest> m_requests;
    LogRingBuffer m_ring;
};
