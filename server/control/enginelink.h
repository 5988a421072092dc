#pragma once

#include "adminrequest.h"
#include "enginestatus.h"

#include <QObject>

#include <functional>

class LogRingBuffer;

// The one narrow interface between the admin GUI and the engine (STYLE 2): admin requests and
// replies as values, the engine's status and log pushed by signal. InProcessEngineLink runs the
// engine in this process; AdminSocketLink (the admin socket) reaches a headless engine already
// running on the same data directory. Windows and dialogs get it by constructor; live in the
// GUI thread.
class EngineLink : public QObject
{
    Q_OBJECT

public:
    using ReplyHandler = std::function<void(const AdminReply &)>;

    explicit EngineLink(QObject *parent = nullptr) : QObject(parent) {}

    // Runs `request` on the engine's side without blocking. `done` runs later in this object's
    // thread, and not at all once `context` is destroyed (a dialog closed meanwhile).
    virtual void call(const AdminRequest &request, QObject *context, ReplyHandler done) = 0;

    // Start and stop serving (the process and the link stay).
    virtual void startServer() = 0;
    virtual void stopServer() = 0;

    [[nodiscard]] virtual EngineStatus status() const = 0;
    // The engine's newest log entries, as LogModel and the log viewer read them.
    [[nodiscard]] virtual LogRingBuffer &logRing() = 0;
    [[nodiscard]] virtual QString dataDirectory() const = 0;
    // True when the engine is another process (the GUI attached to it over the admin socket).
    [[nodiscard]] virtual bool isAttached() const = 0;

Q_SIGNALS:
    void statusChanged(const EngineStatus &status);
    // The running engine has taken in every admin change made before this point (settings and
    // lists): a session starting a command now sees them.
    void changesApplied();
    // Attached only: the engine process went away; the link is unusable from now on.
    void disconnected(const QString &reason);
};
