#pragma once

#include <limits>
#include <memory>

#include <QLatin1String>
#include <QObject>

#include "clientinfo.h"
#include "sessiontransport.h"
#include "tlssupport.h"

class ProtocolSession;
class QTcpSocket;
class SessionFactory;
class TlsLayer;

// One client connection inside a worker thread: owns the socket and the protocol session,
// feeds the session what arrives and carries its replies out, through TLS when the service
// starts with it (smtps, pop3s) or the session asks for it (STARTTLS, STLS). Its deadlines
// (idle, TLS handshake, closing) are kept here but enforced by the owning Worker's single
// timer: an idle connection costs a descriptor and about 4 KB, with no QTimer of its own.
class Connection : public QObject, public SessionTransport
{
    Q_OBJECT

public:
    enum class State {
        Unattached,   // no socket yet
        Open,         // session running
        Closing,      // flushing output, then lingering for the peer's end
        Finished      // socket gone; finished() is (being) emitted
    };
    static constexpr qint64 kNoDeadline = std::numeric_limits<qint64>::max();

    explicit Connection(QString service, TlsSupport tls = {}, QObject *parent = nullptr);
    ~Connection() override;

    // Takes over an accepted descriptor. On false the descriptor is still the caller's to close.
    [[nodiscard]] bool attach(qintptr descriptor);
    // Logs the connect, makes the session and lets it send its greeting. With implicit TLS the
    // handshake comes first: the session is made (ClientInfo::tls set) once it is done, and a
    // failed or late handshake closes the connection without a session.
    void startSession(SessionFactory &factory);
    // Sends line (if any), then closes; no session is made. reason goes to the log.
    void refuse(const QByteArray &line, const QString &reason);
    // The owner calls this once deadline() has passed: the session's timedOut() when idle, an
    // abort when the TLS handshake takes too long, the peer would not take our last bytes or
    // would not hang up.
    void expire();
    // Drops the connection now, unsent output included; reason goes to the log.
    void abort(QLatin1String reason);

    // In monotonicMs() time; kNoDeadline while none applies (reading paused, finished).
    [[nodiscard]] qint64 deadline() const;
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] const ClientInfo &client() const { return m_client; }
    // On the wire: ciphertext once TLS is on.
    [[nodiscard]] qint64 bytesIn() const { return m_bytesIn; }
    [[nodiscard]] qint64 bytesOut() const { return m_bytesOut; }
    [[nodiscard]] static QLatin1String toString(State state);
    // The clock deadlines are measured in: milliseconds, monotonic, the same in every thread.
    [[nodiscard]] static qint64 monotonicMs();

    // SessionTransport; safe to call from inside the session's own callbacks.
    void send(const QByteArray &bytes) override;
    void close() override;
    void setIdleTimeout(int milliseconds) override;
    void pauseReading() override;
    void resumeReading() override;
    // Ciphertext once TLS is on.
    [[nodiscard]] qint64 queuedOutputBytes() const override;
    [[nodiscard]] bool isEncrypted() const override;
    // False once TLS is on or starting: it starts once per connection.
    [[nodiscard]] bool canStartTls() const override;
    // Call it after send() of the go-ahead. Drops what the socket holds unread, lifts a pause,
    // and runs the handshake within TlsSupport::handshakeTimeoutMs; tlsStarted() follows from
    // the event loop, never from inside this call. What the session sends meanwhile goes out
    // encrypted after the handshake.
    void startTls() override;

Q_SIGNALS:
    // Emitted once, from the event loop, never from inside a session call. The owner deletes
    // the connection (deleteLater) and gives back its connection slot.
    void finished(Connection *connection);
    // deadline() may have moved earlier; the owner re-arms its timer.
    void deadlineChanged(Connection *connection);

private:
    void onReadyRead();
    void onBytesWritten();
    void onDisconnected();
    void feed();
    [[nodiscard]] bool feedTls();
    void queueFeed();
    void createSession(SessionFactory &factory);
    [[nodiscard]] bool beginTls();
    void completeHandshake();
    void failTls();
    void writeToSocket(const QByteArray &bytes);
    void discardInput();
    void beginClose(QLatin1String reason);
    void shutdownWrite();
    void setFinished();
    void finish();
    void describeClient();

    QTcpSocket *m_socket = nullptr;
    std::unique_ptr<ProtocolSession> m_session;
    std::unique_ptr<TlsLayer> m_tls;   // from the first TLS byte on
    TlsSupport m_tlsSupport;
    SessionFactory *m_factory = nullptr;   // implicit TLS: makes the session after the handshake
    ClientInfo m_client;
    QLatin1String m_endReason;
    qint64 m_startedMs = 0;
    qint64 m_lastInputMs = 0;
    qint64 m_closeDeadlineMs = kNoDeadline;
    qint64 m_bytesIn = 0;
    qint64 m_bytesOut = 0;
    int m_idleTimeoutMs;
    State m_state = State::Unattached;
    bool m_paused = false;
    bool m_feeding = false;
    bool m_feedQueued = false;
    bool m_writeShut = false;
    bool m_refused = false;
    bool m_drainWanted = false;   // queued output went above the mark; tell the session when it drains
};
