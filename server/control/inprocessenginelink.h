#pragma once

#include "enginelink.h"
#include "engineoptions.h"

#include <QHash>
#include <QPointer>

class AdminExecutor;
class EngineController;
class LogHub;
class QThread;

// EngineLink to an engine running in this process: EngineController for start/stop and status,
// an AdminExecutor on its own thread for admin requests, the process's LogHub for the log.
class InProcessEngineLink : public EngineLink
{
    Q_OBJECT

public:
    InProcessEngineLink(EngineOptions options, LogHub &hub, QObject *parent = nullptr);
    ~InProcessEngineLink() override;

    void call(const AdminRequest &request, QObject *context, ReplyHandler done) override;
    void startServer() override;
    void stopServer() override;
    [[nodiscard]] EngineStatus status() const override;
    [[nodiscard]] LogRingBuffer &logRing() override;
    [[nodiscard]] QString dataDirectory() const override;
    [[nodiscard]] bool isAttached() const override { return false; }

    [[nodiscard]] EngineController &controller() { return *m_controller; }

private:
    struct Pending
    {
        QPointer<QObject> context;
        ReplyHandler done;
    };
    void deliver(quint64 id, const AdminReply &reply);

    LogHub &m_hub;
    EngineController *m_controller = nullptr;
    QThread *m_adminThread = nullptr;
    AdminExecutor *m_executor = nullptr;
    QHash<quint64, Pending> m_pending;
    quint64 m_nextId = 1;
};
