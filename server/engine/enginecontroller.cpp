#include "enginecontroller.h"

#include "engine.h"

#include <QThread>

EngineController::EngineController(EngineOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_thread(new QThread(this))
{
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
}

void EngineController::start()
{
    if (m_engine)
        return;
    auto *engine = new Engine(m_options);
    engine->moveToThread(m_thread);
    m_engine = engine;
    connect(engine, &Engine::started, this, &EngineController::onStarted);
    connect(engine, &Engine::startFailed, this, &EngineController::onStartFailed);
    connect(engine, &Engine::listenersChanged, this, &EngineController::onListenersChanged);
    connect(engine, &Engine::settingsChanged, this, &EngineController::settingsChanged);
    connect(engine, &Engine::changesApplied, this, &EngineController::changesApplied);
    connect(engine, &Engine::stopped, this, &EngineController::onStopped);
    QMetaObject::invokeMethod(engine, &Engine::start, Qt::QueuedConnection);
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
    Q_EMIT startFailed(reason);
}

void EngineController::onListenersChanged(const QList<ListenerState> &listeners)
{
    m_listeners = listeners;
    Q_EMIT listenersChanged(listeners);
}

void EngineController::onStopped()
{
    m_running = false;
    m_listeners.clear();
    if (m_engine) {
        m_engine->deleteLater();
        m_engine = nullptr;
    }
    Q_EMIT stopped();
}
