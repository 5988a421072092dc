#pragma once

#include "engineoptions.h"
#include "enginestatus.h"
#include "listenerstate.h"

#include <QObject>
#include <QPointer>

class AdminSocketServer;
class Engine;
class QThread;
class Settings;

// The narrow interface to a running engine for the GUI, the headless runner and the tests:
// value types and queued signals only. The engine itself lives in its own thread. While the
// controller lives it also serves the data directory's admin socket (AdminSocketServer), so a
// GUI can attach to this process and there is one engine per data directory.
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
    // Listeners, counts and warnings as one value, for EngineLink and the admin socket.
    [[nodiscard]] EngineStatus status() const { return m_status; }
    // Null until the first start(), and when the socket could not be opened.
    [[nodiscard]] AdminSocketServer *adminSocket() const { return m_adminSocket; }

Q_SIGNALS:
    void started(const QList<ListenerState> &listeners);
    void startFailed(const QString &reason);
    void listenersChanged(const QList<ListenerState> &listeners);
    void settingsChanged(const Settings &settings, const QStringList &changedKeys);
    // Every admin change stored before this point is in force (settings, accounts, lists).
    void changesApplied();
    void stopped();
    void statusChanged(const EngineStatus &status);

private:
    void onStarted(const QList<ListenerState> &listeners);
    void onStartFailed(const QString &reason);
    void onListenersChanged(const QList<ListenerState> &listeners);
    void onStopped();
    void onActivity(const EngineCounts &counts, const QList<EngineWarning> &warnings, bool certificateLoaded);
    [[nodiscard]] bool openAdminSocket();
    void setStatus(EngineStatus status);

    EngineOptions m_options;
    QThread *m_thread = nullptr;
    QPointer<Engine> m_engine;
    QList<ListenerState> m_listeners;
    bool m_running = false;
    EngineStatus m_status;
    AdminSocketServer *m_adminSocket = nullptr;
};
