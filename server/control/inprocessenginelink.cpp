#include "inprocessenginelink.h"

#include "adminexecutor.h"
#include "enginecontroller.h"
#include "loghub.h"

#include <QThread>

InProcessEngineLink::InProcessEngineLink(EngineOptions options, LogHub &hub, QObject *parent)
    : EngineLink(parent), m_hub(hub), m_adminThread(new QThread(this))
{
    qRegisterMetaType<AdminRequest>();
    qRegisterMetaType<AdminReply>();
    qRegisterMetaType<EngineStatus>();
    m_executor = new AdminExecutor(options.dataDirectory, options.databaseUrl, QStringLiteral("gui"));
    m_executor->moveToThread(m_adminThread);
    // The executor closes its database connection in its own thread.
    connect(m_adminThread, &QThread::finished, m_executor, &QObject::deleteLater);
    connect(m_executor, &AdminExecutor::finished, this, &InProcessEngineLink::deliver);
    m_adminThread->setObjectName(QStringLiteral("postern-admin"));
    m_adminThread->start();

    m_controller = new EngineController(std::move(options), this);
    connect(m_controller, &EngineController::statusChanged, this, &EngineLink::statusChanged);
    connect(m_controller, &EngineController::changesApplied, this, &EngineLink::changesApplied);
}

InProcessEngineLink::~InProcessEngineLink()
{
    m_adminThread->quit();
    m_adminThread->wait();
}

void InProcessEngineLink::call(const AdminRequest &request, QObject *context, ReplyHandler done)
{
    const quint64 id = m_nextId++;
    m_pending.insert(id, Pending{context, std::move(done)});
    QMetaObject::invokeMethod(m_executor, [executor = m_executor, id, request] { executor->execute(id, request); },
                              Qt::QueuedConnection);
}

void InProcessEngineLink::deliver(quint64 id, const AdminReply &reply)
{
    const Pending pending = m_pending.take(id);
    if (pending.context && pending.done)
        pending.done(reply);
}

void InProcessEngineLink::startServer()
{
    m_controller->start();
}

void InProcessEngineLink::stopServer()
{
    m_controller->stop();
}

LogRingBuffer &InProcessEngineLink::logRing()
{
    return m_hub.ring();
}

QString InProcessEngineLink::dataDirectory() const
{
    return m_controller->options().dataDirectory;
}

EngineStatus InProcessEngineLink::status() const
{
    return m_controller->status();
}
