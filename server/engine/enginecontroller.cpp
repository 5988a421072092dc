#include "enginecontroller.h"

#include "adminsocketserver.h"
#include "engine.h"
#include "log.h"
#include "loghub.h"

#include <QThread>

EngineController::EngineController(EngineOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_thread(new QThread(this))
{
    qRegisterMetaType<EngineStatus>();
    qRegisterMetaType<EngineCounts>();
    qRegisterMetaType<QList<EngineWarning>>();
    m_thread->setObjectName(QStringLiteral("postern-engine"));
    m_thread->start();
}

EngineController::~EngineController()
{
    if (m_engine) {
        // Stop synchronously: the engine must close its database in its own thread.
        QMetaObject::invokeMethod(m_engine, &Engine::stop, Qt::BlockingQueuedConnection);
        m_engine->deleteLater();
    }
    m_thread->quit();
    m_thread->wait();
    delete m_adminSocket;   // removes the socket file: attached GUIs see the engine go
}

void EngineController::start()
{
    if (m_engine)
        return;
    if (!openAdminSocket())
        return;
    auto *engine = new Engine(m_options);
    engine->moveToThread(m_thread);
    m_engine = engine;
    connect(engine, &Engine::started, this, &EngineController::onStarted);
    connect(engine, &Engine::startFailed, this, &EngineController::onStartFailed);
    connect(engine, &Engine::listenersChanged, this, &EngineController::onListenersChanged);
    connect(engine, &Engine::settingsChanged, this, &EngineController::settingsChanged);
    connect(engine, &Engine::changesApplied, this, &EngineController::changesApplied);
    connect(engine, &Engine::activityChanged, this, &EngineController::onActivity);
    connect(engine, &Engine::stopped, this, &EngineController::onStopped);
    EngineStatus next = m_status;
    next.state = EngineStatus::State::Starting;
    next.error.clear();
    setStatus(next);
    QMetaObject::invokeMethod(engine, &Engine::start, Qt::QueuedConnection);
}

bool EngineController::openAdminSocket()
{
    if (m_adminSocket)
        return true;
    LogHub *hub = Log::hub();
    auto socket = std::make_unique<AdminSocketServer>(m_options.dataDirectory, m_options.databaseUrl,
                                                      hub ? &hub->ring() : nullptr);
    if (QString error; !socket->listen(&error)) {
        if (AdminSocketServer::engineAnswers(m_options.dataDirectory)) {
            // Two engines on one data directory would fight over ports, mail and the database.
            EngineStatus failed;
            failed.state = EngineStatus::State::Failed;
            failed.error = error;
            setStatus(failed);
            // Queued, like the engine's own startFailed: the headless runner may not be in its
            // event loop yet, and QCoreApplication::exit() does nothing before exec().
            QMetaObject::invokeMethod(this, [this, error] { Q_EMIT startFailed(error); }, Qt::QueuedConnection);
            return false;
        }
        // The mail service matters more than remote administration: run without the socket.
        Log::warning(QStringLiteral("admin"), QStringLiteral("-"), error);
        return true;
    }
    m_adminSocket = socket.release();
    m_adminSocket->setParent(this);
    m_adminSocket->publishStatus(m_status);
    connect(m_adminSocket, &AdminSocketServer::startRequested, this, &EngineController::start);
    connect(m_adminSocket, &AdminSocketServer::stopRequested, this, &EngineController::stop);
    connect(this, &EngineController::changesApplied, m_adminSocket, &AdminSocketServer::publishChangesApplied);
    return true;
}

void EngineController::stop()
{
    if (m_engine)
        QMetaObject::invokeMethod(m_engine, &Engine::stop, Qt::QueuedConnection);
}

void EngineController::onStarted(const QList<ListenerState> &listeners)
{
    m_running = true;
    m_listeners = listeners;
    EngineStatus next = m_status;
    next.state = EngineStatus::State::Running;
    next.error.clear();
    next.listeners = listeners;
    setStatus(next);
    Q_EMIT started(listeners);
}

void EngineController::onStartFailed(const QString &reason)
{
    m_running = false;
    m_listeners.clear();
    if (m_engine) {
        // The failed engine never opened anything that needs a stop; drop it in its thread.
        m_engine->deleteLater();
        m_engine = nullptr;
    }
    EngineStatus failed;
    failed.state = EngineStatus::State::Failed;
    failed.error = reason;
    setStatus(failed);
    Q_EMIT startFailed(reason);
}

void EngineController::onListenersChanged(const QList<ListenerState> &listeners)
{
    m_listeners = listeners;
    EngineStatus next = m_status;
    next.listeners = listeners;
    setStatus(next);
    Q_EMIT listenersChanged(listeners);
}

void EngineController::onActivity(const EngineCounts &counts, const QList<EngineWarning> &warnings, bool certificateLoaded)
{
    if (!m_engine)
        return;   // a late report from an engine already stopped
    EngineStatus next = m_status;
    next.counts = counts;
    next.warnings = warnings;
    next.certificateLoaded = certificateLoaded;
    setStatus(next);
}

void EngineController::onStopped()
{
    m_running = false;
    m_listeners.clear();
    if (m_engine) {
        m_engine->deleteLater();
        m_engine = nullptr;
    }
    setStatus(EngineStatus{});
    Q_EMIT stopped();
}

void EngineController::setStatus(EngineStatus status)
{
    if (status == m_status)
        return;
    m_status = std::move(status);
    if (m_adminSocket)
        m_adminSocket->publishStatus(m_status);
    Q_EMIT statusChanged(m_status);
}
