#pragma once

#include "adminrequest.h"
#include "enginestatus.h"

#include <QHash>
#include <QJsonValue>
#include <QObject>
#include <QPointer>

class AdminExecutor;
class LogRingBuffer;
class QLocalServer;
class QLocalSocket;
class QThread;
class QTimer;

// The admin socket: a QLocalServer at <data dir>/admin.sock, private to the server's user
// (0600), through which the GUI (AdminSocketLink) and scripts reach an engine running in
// another process. Admin requests run on an AdminExecutor in a thread of their own, never in
// the engine's thread; status, log batches and "changes applied" are pushed to every client.
// The wire format is in AdminSocketProtocol. Lives in the thread that owns the engine
// (EngineController's), which only does this socket's I/O.
class AdminSocketServer : public QObject
{
    Q_OBJECT

public:
    // ring: the log to forward (may be null: no log events).
    AdminSocketServer(QString dataDirectory, QString databaseUrl, LogRingBuffer *ring, QObject *parent = nullptr);
    ~AdminSocketServer() override;

    // Replaces a stale socket file left by a crashed engine; refuses (false, *error set) when
    // an engine answers on it already, or when the socket cannot be made private.
    [[nodiscard]] bool listen(QString *error);
    void close();
    [[nodiscard]] bool isListening() const;
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] int clientCount() const { return int(m_buffers.size()); }
    // Tests lower it from AdminSocketProtocol::kMaxPendingOutputBytes.
    void setMaxPendingOutput(qint64 bytes) { m_maxPendingOutput = bytes; }

    // The engine's status, pushed to clients when it differs from the last one.
    void publishStatus(const EngineStatus &status);
    void publishChangesApplied();

    // True when something accepts connections on the data directory's admin socket.
    [[nodiscard]] static bool engineAnswers(const QString &dataDirectory);

Q_SIGNALS:
    void startRequested();
    void stopRequested();

private:
    struct Pending
    {
        QPointer<QLocalSocket> client;
        QJsonValue clientId;
    };
    void accept();
    void readClient(QLocalSocket *client);
    void handleLine(QLocalSocket *client, const QByteArray &line);
    void deliver(quint64 id, const AdminReply &reply);
    void forwardLog();
    void greet(QLocalSocket *client);
    void broadcast(const QByteArray &line);
    void send(QLocalSocket *client, const QJsonValue &id, const AdminReply &reply);
    // Writes, or drops the client when it has stopped reading (see kMaxPendingOutputBytes).
    void write(QLocalSocket *client, const QByteArray &line);

    QString m_path;
    LogRingBuffer *m_ring = nullptr;
    QLocalServer *m_server = nullptr;
    QThread *m_executorThread = nullptr;
    AdminExecutor *m_executor = nullptr;
    QTimer *m_logTimer = nullptr;
    QHash<QLocalSocket *, QByteArray> m_buffers;   // unfinished line of each client
    QHash<quint64, Pending> m_pending;
    quint64 m_nextId = 1;
    quint64 m_lastLogId = 0;
    EngineStatus m_status;
    qint64 m_maxPendingOutput;
};
