#include "deliveryconnection.h"

#include "eightbitdowngrade.h"
#include "log.h"
#include "tlschannel.h"

#include <QFile>
#include <QTcpSocket>

namespace {

const QString kComponent = QStringLiteral("delivery");
constexpr qint64 kBodyChunk = 64 * 1024;
// Body bytes waiting in the socket before reading more of the file: enough to keep the pipe
// full, little enough that 50 connections stay small.
constexpr qint64 kMaxUnsent = 256 * 1024;
// A connection's steps between two waits are few; a session that keeps asking for work without
// waiting is a bug, and this bound turns it into a failed attempt instead of a hang.
constexpr int kMaxStepsPerTurn = 64;

}

DeliveryConnection::DeliveryConnection(QList<DeliveryTarget> targets, DeliveryJob job, Options options, Callbacks callbacks,
                                       QObject *parent)
    : QObject(parent)
    , m_targets(std::move(targets))
    , m_job(std::move(job))
    , m_options(std::move(options))
    , m_callbacks(std::move(callbacks))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &DeliveryConnection::onTimeout);
}

DeliveryConnection::~DeliveryConnection()
{
    if (m_socket)
        m_socket->disconnect(this);
}

const DeliveryTarget *DeliveryConnection::currentTarget() const
{
    return m_targetIndex < m_targets.size() ? &m_targets.at(m_targetIndex) : nullptr;
}

void DeliveryConnection::start()
{
    if (m_targets.isEmpty()) {
        nextTarget(QStringLiteral("no address to deliver to"));
        return;
    }
    connectToTarget();
}

void DeliveryConnection::connectToTarget()
{
    const DeliveryTarget &target = m_targets.at(m_targetIndex);
    SmtpClientOptions options;
    options.heloName = m_options.heloName;
    options.tls = target.tls;
    options.implicitTls = target.implicitTls;
    options.authUser = target.authUser;
    options.authPassword = target.authPassword;
    m_session = std::make_unique<SmtpClientSession>(options, m_job.envelope);
    m_session->setTimeoutScale(m_options.timeoutScale);
    m_jobReported = false;
    m_tls.reset();
    m_tlsHandshaking = false;
    m_bodyActive = false;
    m_bodyFile.reset();

    m_socket = std::make_unique<QTcpSocket>();
    connect(m_socket.get(), &QTcpSocket::connected, this, &DeliveryConnection::onConnected);
    connect(m_socket.get(), &QTcpSocket::readyRead, this, &DeliveryConnection::onReadyRead);
    connect(m_socket.get(), &QTcpSocket::bytesWritten, this, &DeliveryConnection::onBytesWritten);
    connect(m_socket.get(), &QTcpSocket::errorOccurred, this, &DeliveryConnection::onSocketError);
    connect(m_socket.get(), &QTcpSocket::disconnected, this, &DeliveryConnection::onDisconnected);
    m_timer.start(m_options.connectTimeoutMs);
    m_socket->connectToHost(target.address, target.port);
}

void DeliveryConnection::onConnected()
{
    m_timer.stop();
    // Each write here is a whole command group or the end of a message, and the next step waits
    // for the answer: Nagle's algorithm would only hold the tail back until the peer's delayed ACK.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    const DeliveryTarget &target = m_targets.at(m_targetIndex);
    Log::info(kComponent, m_job.messageId, QStringLiteral("connected to %1").arg(target.describe()));
    if (target.implicitTls)
        beginTls();
    else
        m_timer.start(m_session->timeoutMs());
}

void DeliveryConnection::beginTls()
{
    const DeliveryTarget &target = m_targets.at(m_targetIndex);
    const TlsContext &context = target.tls == OutboundTls::Verify ? m_options.verifyingTls : m_options.tls;
    m_tls = std::make_unique<TlsChannel>(context, target.host);
    m_tlsHandshaking = true;
    m_tls->start();
    m_socket->write(m_tls->takeOutput());
    m_timer.start(m_session->timeoutMs() > 0 ? m_session->timeoutMs() : int(300000 * m_options.timeoutScale));
}

void DeliveryConnection::onReadyRead()
{
    if (!m_socket || !m_session)
        return;
    m_parked = false;   // whatever the peer says between messages (421, say) ends the wait
    const QByteArray bytes = m_socket->readAll();
    if (!m_tls) {
        m_session->receive(bytes);
        pump();
        return;
    }
    QByteArray plaintext;
    const bool ok = m_tls->feed(bytes, &plaintext);
    if (m_tls->hasOutput())
        m_socket->write(m_tls->takeOutput());
    if (m_tlsHandshaking && (ok && m_tls->isEstablished())) {
        m_tlsHandshaking = false;
        Log::info(kComponent, m_job.messageId, QStringLiteral("TLS with %1: %2, %3")
                      .arg(m_targets.at(m_targetIndex).host, m_tls->protocolName(), m_tls->cipherName()));
        if (!m_targets.at(m_targetIndex).implicitTls)
            m_session->tlsStarted(true, {});
        else
            m_timer.start(m_session->timeoutMs());
    } else if (m_tlsHandshaking && !ok) {
        m_tlsHandshaking = false;
        const QString why = QStringLiteral("TLS handshake failed: %1").arg(m_tls->errorString());
        if (m_targets.at(m_targetIndex).implicitTls) {
            nextTarget(why);
            return;
        }
        m_session->tlsStarted(false, why);
    } else if (!ok) {
        m_session->connectionLost(QStringLiteral("TLS failed: %1").arg(m_tls->errorString()));
    }
    if (!plaintext.isEmpty())
        m_session->receive(plaintext);
    pump();
}

void DeliveryConnection::send(const QByteArray &bytes)
{
    if (bytes.isEmpty() || !m_socket)
        return;
    if (m_tls) {
        m_tls->write(bytes);
        m_socket->write(m_tls->takeOutput());
    } else {
        m_socket->write(bytes);
    }
}

void DeliveryConnection::pump()
{
    for (int steps = 0; steps < kMaxStepsPerTurn && m_session && !m_finished; ++steps) {
        send(m_session->takeOutput());
        switch (m_session->step()) {
        case SmtpClientSession::Step::Waiting:
            m_timer.start(m_session->timeoutMs());
            return;
        case SmtpClientSession::Step::StartTls:
            if (!m_tls)
                beginTls();
            return;
        case SmtpClientSession::Step::Downgrade:
            prepareDowngrade();
            continue;
        case SmtpClientSession::Step::SendBody:
            if (!m_bodyActive)
                startBody();
            return;
        case SmtpClientSession::Step::Idle:
            if (m_parked)
                return;
            reportJob();
            if (std::optional<DeliveryJob> next = m_callbacks.nextJob()) {
                startNextJob(std::move(*next));
            } else if (m_options.keepIdleMs > 0) {
                m_parked = true;
                m_timer.start(m_options.keepIdleMs);
                m_callbacks.parked(this);
                return;
            } else {
                m_session->quit();
            }
            continue;
        case SmtpClientSession::Step::Closing:
        case SmtpClientSession::Step::Closed:
            if (!m_session->hostFailure().isEmpty() && !m_jobReported) {
                nextTarget(m_session->hostFailure());
                return;
            }
            reportJob();
            closeSocket();
            return;
        }
    }
    if (m_session && !m_finished && m_session->step() != SmtpClientSession::Step::Closed) {
        m_session->connectionLost(QStringLiteral("internal error: the client session did not settle"));
        reportJob();
        closeSocket();
    }
}

void DeliveryConnection::startNextJob(DeliveryJob job)
{
    m_job = std::move(job);
    m_jobReported = false;
    m_useDowngraded = false;
    m_downgradedBody.clear();
    m_session->startNext(m_job.envelope);
}

void DeliveryConnection::resume(DeliveryJob job)
{
    m_parked = false;
    m_timer.stop();
    startNextJob(std::move(job));
    pump();
}

void DeliveryConnection::prepareDowngrade()
{
    QFile file(m_job.filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        m_session->downgradeReady(false, QStringLiteral("the queued message cannot be read: %1").arg(file.errorString()));
        return;
    }
    EightBitDowngrade::Result converted = EightBitDowngrade::convert(file.readAll());
    if (!converted.ok) {
        m_session->downgradeReady(false, converted.error);
        return;
    }
    m_downgradedBody = std::move(converted.message);
    m_useDowngraded = true;
    m_session->downgradeReady(true);
}

void DeliveryConnection::startBody()
{
    m_bodyActive = true;
    m_bodyOffset = 0;
    if (!m_useDowngraded) {
        m_bodyFile = std::make_unique<QFile>(m_job.filePath);
        if (!m_bodyFile->open(QIODevice::ReadOnly)) {
            // Without the file nothing sensible can follow DATA: drop the connection so the peer
            // discards the transaction, and try again later.
            Log::error(kComponent, m_job.messageId, QStringLiteral("cannot read the queued file %1: %2")
                           .arg(m_job.filePath, m_bodyFile->errorString()));
            m_session->connectionLost(QStringLiteral("the queued file cannot be read"));
            reportJob();
            closeSocket();
            return;
        }
    }
    streamBody();
}

void DeliveryConnection::streamBody()
{
    if (!m_bodyActive || !m_socket)
        return;
    while (m_socket->bytesToWrite() < kMaxUnsent) {
        QByteArray chunk;
        if (m_useDowngraded) {
            chunk = m_downgradedBody.mid(m_bodyOffset, kBodyChunk);
        } else {
            chunk = m_bodyFile->read(kBodyChunk);
        }
        if (chunk.isEmpty()) {
            m_bodyActive = false;
            m_bodyFile.reset();
            m_downgradedBody.clear();
            m_session->bodyDone();
            pump();
            return;
        }
        m_bodyOffset += chunk.size();
        m_session->bodyBytes(chunk);
        send(m_session->takeOutput());
    }
    m_timer.start(m_session->timeoutMs());
}

void DeliveryConnection::onBytesWritten()
{
    if (m_bodyActive)
        streamBody();
}

void DeliveryConnection::reportJob()
{
    if (m_jobReported || !m_session)
        return;
    QList<RecipientResult> results = m_session->results();
    if (results.size() != m_job.recipientIds.size())
        return;   // not decided yet
    m_jobReported = true;
    const DeliveryTarget *target = currentTarget();
    const bool reports = m_session->peerExtensions().contains(QStringLiteral("DSN"), Qt::CaseInsensitive);
    m_callbacks.jobDone(m_job, results, target ? target->host : QString(), reports);
}

void DeliveryConnection::nextTarget(const QString &why)
{
    const DeliveryTarget *failed = currentTarget();
    m_lastHostError = failed ? QStringLiteral("%1: %2").arg(failed->describe(), why) : why;
    Log::info(kComponent, m_job.messageId, QStringLiteral("%1; trying the next host").arg(m_lastHostError));
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket.release()->deleteLater();
    }
    m_timer.stop();
    ++m_targetIndex;
    if (m_targetIndex < m_targets.size()) {
        connectToTarget();
        return;
    }
    // No host took the job: every recipient waits for the next attempt, with the last reason.
    QList<RecipientResult> results;
    for (qsizetype i = 0; i < m_job.recipientIds.size(); ++i) {
        RecipientResult result;
        result.kind = RecipientResult::Kind::Temporary;
        result.statusCode = QStringLiteral("4.4.1");
        result.reply = m_lastHostError;
        results << result;
    }
    m_jobReported = true;
    m_callbacks.jobDone(m_job, results, QString(), false);
    finish();
}

void DeliveryConnection::onSocketError()
{
    if (!m_socket || m_finished)
        return;
    const QString why = m_socket->errorString();
    if (m_session->peerName().isEmpty()) {
        // Refused, unreachable or reset before the greeting: this host, not the message.
        nextTarget(why);
        return;
    }
    m_session->connectionLost(why);
    pump();
}

void DeliveryConnection::onDisconnected()
{
    if (m_finished || !m_session)
        return;
    m_parked = false;
    if (m_session->step() != SmtpClientSession::Step::Closed && m_session->step() != SmtpClientSession::Step::Closing) {
        m_session->connectionLost(QStringLiteral("the server closed the connection"));
        pump();
        if (m_finished)
            return;
    }
    reportJob();
    finish();
}

void DeliveryConnection::onTimeout()
{
    if (m_finished || !m_session)
        return;
    if (m_parked) {
        m_parked = false;
        m_session->quit();
        pump();
        return;
    }
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState) {
        nextTarget(QStringLiteral("no connection within %1 s").arg(m_options.connectTimeoutMs / 1000));
        return;
    }
    if (m_tlsHandshaking && m_targets.at(m_targetIndex).implicitTls) {
        nextTarget(QStringLiteral("TLS handshake timed out"));
        return;
    }
    m_session->timedOut();
    pump();
    if (!m_finished)
        closeSocket();
}

void DeliveryConnection::abort(const QString &why)
{
    if (m_finished)
        return;
    m_parked = false;
    if (m_session)
        m_session->connectionLost(why);
    reportJob();
    if (!m_jobReported) {
        // The session could not say: nothing was decided, so every recipient waits.
        QList<RecipientResult> results(m_job.recipientIds.size());
        for (RecipientResult &result : results) {
            result.statusCode = QStringLiteral("4.3.2");
            result.reply = why;
        }
        m_jobReported = true;
        m_callbacks.jobDone(m_job, results, QString(), false);
    }
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    finish();
}

void DeliveryConnection::closeSocket()
{
    m_timer.stop();
    if (!m_socket || m_socket->state() == QAbstractSocket::UnconnectedState) {
        finish();
        return;
    }
    if (m_tls) {
        m_tls->close();
        m_socket->write(m_tls->takeOutput());
    }
    // Sends what is queued (QUIT), then closes; onDisconnected finishes. Bounded by a timer so a
    // peer that never reads cannot keep the connection.
    m_socket->disconnectFromHost();
    if (m_socket->state() != QAbstractSocket::UnconnectedState) {
        disconnect(&m_timer, nullptr, this, nullptr);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            if (m_socket)
                m_socket->abort();
            finish();
        });
        m_timer.start(10000);
    }
}

void DeliveryConnection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    if (const DeliveryTarget *target = currentTarget())
        Log::info(kComponent, m_job.messageId, QStringLiteral("closed the connection to %1").arg(target->describe()));
    if (m_socket)
        m_socket->disconnect(this);
    m_callbacks.finished(this);
}
