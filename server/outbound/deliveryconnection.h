#pragma once

#include "deliveryjob.h"
#include "deliveryroute.h"
#include "smtpclientsession.h"
#include "tlscontext.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

class QFile;
class QTcpSocket;
class TlsChannel;

// One outbound SMTP connection: tries the plan's targets in order until one takes the job, runs
// the SmtpClientSession over a QTcpSocket (with a TlsChannel for STARTTLS or implicit TLS),
// streams the queued file, and reports each job's results. When a job is done and the peer
// may take more, it asks for the next job of the same domain, so a burst of mail to one domain
// shares connections. Lives in the delivery thread; the agent owns it.
class DeliveryConnection : public QObject
{
    Q_OBJECT

public:
    struct Callbacks
    {
        // The results of a job, one per recipient in job order, who gave them (host name, or
        // empty when no server answered) and whether that server offered DSN (then it reports
        // success itself, RFC 3461 §6.2.3); called once per job, before anything else happens.
        std::function<void(const DeliveryJob &job, const QList<RecipientResult> &results, const QString &remoteMta,
                           bool nextHopReports)> jobDone;
        // Another job for the same domain over this connection, or nullopt to say QUIT.
        std::function<std::optional<DeliveryJob>()> nextJob;
        // No job is due now but the peer could take more: the connection waits up to
        // Options::keepIdleMs for resume() (a burst of mail to one place shares connections).
        std::function<void(DeliveryConnection *connection)> parked;
        // The connection is over (every job reported); the agent may delete it later.
        std::function<void(DeliveryConnection *connection)> finished;
    };
    struct Options
    {
        QString heloName;
        double timeoutScale = 1.0;
        int connectTimeoutMs = 30000;
        int keepIdleMs = 2000;      // like Postfix's smtp_connection_cache_time_limit
        TlsContext tls;            // no certificate checks (opportunistic, required)
        TlsContext verifyingTls;   // chain and host name checked (verify)
    };

    DeliveryConnection(QList<DeliveryTarget> targets, DeliveryJob job, Options options, Callbacks callbacks,
                       QObject *parent = nullptr);
    ~DeliveryConnection() override;

    void start();
    // Ends the connection now (engine stopping): the current job's undecided recipients get a
    // temporary result, so they are retried after the restart.
    void abort(const QString &why);

    [[nodiscard]] const DeliveryTarget *currentTarget() const;
    // Waiting for another job (see Callbacks::parked); resume() gives it one.
    [[nodiscard]] bool isParked() const { return m_parked; }
    void resume(DeliveryJob job);

private:
    void connectToTarget();
    void onConnected();
    void onReadyRead();
    void onBytesWritten();
    void onSocketError();
    void onDisconnected();
    void onTimeout();
    // Drives the session until it waits for the peer or the socket.
    void pump();
    void send(const QByteArray &bytes);
    void beginTls();
    void startNextJob(DeliveryJob job);
    void prepareDowngrade();
    void startBody();
    void streamBody();
    void reportJob();
    // The target failed before taking the job: the next one, or report temporary results.
    void nextTarget(const QString &why);
    void closeSocket();
    void finish();

    QList<DeliveryTarget> m_targets;
    qsizetype m_targetIndex = 0;
    DeliveryJob m_job;
    Options m_options;
    Callbacks m_callbacks;
    QString m_lastHostError;

    std::unique_ptr<QTcpSocket> m_socket;
    std::unique_ptr<TlsChannel> m_tls;
    bool m_tlsHandshaking = false;
    std::unique_ptr<SmtpClientSession> m_session;
    bool m_jobReported = false;
    bool m_finished = false;
    bool m_parked = false;

    std::unique_ptr<QFile> m_bodyFile;
    QByteArray m_downgradedBody;   // the 7-bit version when the peer lacks 8BITMIME
    qint64 m_bodyOffset = 0;
    bool m_bodyActive = false;
    bool m_useDowngraded = false;

    QTimer m_timer;
};
