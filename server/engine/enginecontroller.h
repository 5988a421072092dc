#pragma once

#include "engineoptions.h"
#include "listenerstate.h"

#include <QObject>
#include <QPointer>

class Engine;
class QThread;
class Settings;

// The narrow interface to a running engine for the GUI, the headless runner and the tests:
// value types and queued signals only. The engine itself lives in its own thread.
class EngineController : public QObject
{
    Q_OBJECT

public:
    explicit EngineController(EngineOptions options, QObject *parent = nullptr);
    ~EngineController() override;

    void start();
    void stop();

    [[nodiscard]] bool isRunning() const { return m_running; }
    // Running or still starting: stop() will be answered by stopped().
    [[nodiscard]] bool isActive() const { return !m_engine.isNull(); }
    [[nodiscard]] QList<ListenerState> listeners() const { return m_listeners; }
    [[nodiscard]] const EngineOptions &options() const { return m_options; }

Q_SIGNALS:
    void started(const QList<ListenerState> &listeners);
    void startFailed(const QString &reason);
    void listenersChanged(const QList<ListenerState> &listeners);
    void settingsChanged(const Settings &settings, const QStringList &changedKeys);
    // Every admin change stored before this point is in force (settings, accounts, lists).
    void changesApplied();
    void stopped();

private:
    void onStarted(const QList<ListenerState> &listeners);
    void onStartFailed(const QString &reason);
    void onListenersChanged(const QList<ListenerState> &listeners);
    void onStopped();

    EngineOptions m_options;
    QThread *m_thread = nullptr;
    QPointer<Engine> m_engine;
    QList<ListenerState> m_listeners;
    bool m_running = false;
};
