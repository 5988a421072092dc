#pragma once

#include "engineoptions.h"
#include "listenerstate.h"
#include "settings.h"

#include <QObject>

#include <memory>

class ListenerSet;
class QTimer;
class Storage;
class UnavailableResponder;

// The server itself, living in the engine thread: storage, listeners, and the watch for admin
// changes. Only EngineController talks to it, through queued calls and signals.
class Engine : public QObject
{
    Q_OBJECT

public:
    explicit Engine(EngineOptions options, QObject *parent = nullptr);
    ~Engine() override;

    // Runs in the engine thread. Emits started() or startFailed().
    void start();
    // Stops accepting, lets in-flight work finish within the grace period, emits stopped().
    void stop();

Q_SIGNALS:
    void started(const QList<ListenerState> &listeners);
    void startFailed(const QString &reason);
    void listenersChanged(const QList<ListenerState> &listeners);
    void settingsChanged(const Settings &settings, const QStringList &changedKeys);
    void stopped();

private:
    void pollForChanges();
    void applySettings(const Settings &settings);
    void logListeners(const QList<ListenerState> &before, const QList<ListenerState> &after);
    void finishStop();

    EngineOptions m_options;
    std::unique_ptr<Storage> m_storage;
    Settings m_settings;
    qint64 m_generation = -1;
    ListenerSet *m_listeners = nullptr;
    UnavailableResponder *m_responder = nullptr;
    QTimer *m_pollTimer = nullptr;
    bool m_stopping = false;
    bool m_stopped = false;
};
