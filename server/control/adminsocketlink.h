#pragma once

#include "enginelink.h"
#include "logringbuffer.h"

#include <QHash>
#include <QPointer>

#include <memory>

class QLocalSocket;

// EngineLink to an engine in another process (postern --headless, the systemd service) over
// its admin socket: requests carry ids and are answered asynchronously, status, log and
// "changes applied" arrive as events. When the engine process goes away every pending call is
// answered Unavailable and disconnected() is emitted. Lives in the GUI thread.
class AdminSocketLink : public EngineLink
{
    Q_OBJECT

public:
    // Takes a connected socket; use tryAttach() to get one.
    AdminSocketLink(QLocalSocket *socket, QString dataDirectory, QObject *parent = nullptr);
    ~AdminSocketLink() override;

    // Attaches to the engine serving `dataDirectory`, waiting at most timeoutMs for its
    // greeting; nullptr when none runs there (the GUI then runs the engine itself).
    [[nodiscard]] static std::unique_ptr<AdminSocketLink> tryAttach(const QString &dataDirectory, int timeoutMs);

    void call(const AdminRequest &request, QObject *context, ReplyHandler done) override;
    void startServer() override;
    void stopServer() override;
    [[nodiscard]] EngineStatus status() const override { return m_status; }
    [[nodiscard]] LogRingBuffer &logRing() override { return m_ring; }
    [[nodiscard]] QString dataDirectory() const override { return m_dataDirectory; }
    [[nodiscard]] bool isAttached() const override { return true; }

    [[nodiscard]] bool isConnected() const { return m_connected; }
    // The engine process's id, from its greeting (0 before it).
    [[nodiscard]] qint64 serverPid() const { return m_serverPid; }

private:
    struct Pending
    {
        QPointer<QObject> context;
        ReplyHandler done;
    };
    void read();
    void handleLine(const QByteArray &line);
    void handleEvent(const QJsonObject &object);
    void lose(const QString &reason);

    QLocalSocket *m_socket = nullptr;
    QString m_dataDirectory;
    QByteArray m_buffer;
    QHash<quint64, Pending> m_pending;
    quint64 m_nextId = 1;
    EngineStatus m_status;
    LogRingBuffer m_ring;
    qint64 m_serverPid = 0;
    bool m_connected = true;
};
