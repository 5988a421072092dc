#include "connection.h"

#include <atomic>
#include <cerrno>
#include <exception>

#include <sys/socket.h>

#include <QElapsedTimer>
#include <QMetaObject>
#include <QRandomGenerator>
#include <QTcpSocket>

#include "connectionlimits.h"
#include "log.h"
#include "protocolsession.h"
#include "sessionfactory.h"
#include "tlscontextprovider.h"
#include "tlslayer.h"

namespace {

// One receive() gets at most this much.
constexpr qint64 kChunkBytes = 16 * 1024;
// What QTcpSocket may hold in user space before the rest waits in the kernel; bounds the
// memory a flooding or paused client can pin.
constexpr qint64 kReadBufferBytes = 64 * 1024;
// A client that pipelines but never reads our replies stops being read from at this point,
// so the write queue cannot grow without limit either.
constexpr qint64 kMaxPendingOutputBytes = 256 * 1024;
// Queued output above the first mark, then below the second, makes one outputDrained() call:
// a session streaming a long reply refills the queue without busy-polling it.
constexpr qint64 kDrainArmBytes = 64 * 1024;
constexpr qint64 kDrainedBytes = 16 * 1024;
// Until the session sets its own, so a session that forgets cannot hold a slot forever.
constexpr int kDefaultIdleTimeoutMs = 5 * 60 * 1000;
// How long close() may take to deliver what is queued before the connection is aborted.
constexpr qint64 kCloseGraceMs = 10 * 1000;
// After our FIN, how long we keep draining the peer's input so our last reply is not lost to
// a RST (closing a socket with unread input resets it), before giving up on the peer.
constexpr qint64 kLingerMs = 2 * 1000;

QString nextSessionId()
{
    static std::atomic<quint32> counter{QRandomGenerator::global()->generate()};
    // Multiplying by an odd constant is a bijection modulo 2^32, so ids stay unique for 2^32
    // connections while neighbours do not look alike in the log.
    const quint32 value = counter.fetch_add(1, std::memory_order_relaxed) * 0x9E3779B1U;
    return QStringLiteral("%1").arg(value, 8, 16, QLatin1Char('0'));
}

QString endpoint(const QHostAddress &address, quint16 port)
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return QStringLiteral("[%1]:%2").arg(address.toString()).arg(port);
    return QStringLiteral("%1:%2").arg(address.toString()).arg(port);
}

}

Connection::Connection(QString service, TlsSupport tls, QObject *parent)
    : QObject(parent), m_tlsSupport(tls), m_idleTimeoutMs(kDefaultIdleTimeoutMs)
{
    m_client.service = std::move(service);
}

Connection::~Connection()
{
    // Only reached with a live session when the worker goes away with connections still open.
    if (m_session) {
        m_state = State::Finished;
        m_session->disconnected();
        m_session.reset();
    }
    if (m_socket) {
        m_socket->disconnect(this);
        delete m_socket;
    }
}

QLatin1String Connection::toString(State state)
{
    switch (state) {
    case State::Unattached:
        return QLatin1String("unattached");
    case State::Open:
        return QLatin1String("open");
    case State::Closing:
        return QLatin1String("closing");
    case State::Finished:
        return QLatin1String("finished");
    }
    return QLatin1String("unknown");
}

qint64 Connection::monotonicMs()
{
    static const QElapsedTimer clock = [] {
        QElapsedTimer timer;
        timer.start();
        return timer;
    }();
    return clock.elapsed();
}

bool Connection::attach(qintptr descriptor)
{
    Q_ASSERT(!m_socket);
    m_socket = new QTcpSocket(this);
    m_socket->setReadBufferSize(kReadBufferBytes);
    if (!m_socket->setSocketDescriptor(descriptor)) {
        delete m_socket;
        m_socket = nullptr;
        return false;
    }
    connect(m_socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &Connection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &Connection::onDisconnected);
    // Some error paths close the socket without passing through a state where disconnected()
    // is emitted to us; catch them here so no connection is left half-dead.
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this] {
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            onDisconnected();
    });
    m_client.sessionId = nextSessionId();
    describeClient();
    m_startedMs = m_lastInputMs = monotonicMs();
    return true;
}

void Connection::describeClient()
{
    m_client.address = ConnectionLimits::canonical(m_socket->peerAddress());
    m_client.port = m_socket->peerPort();
    m_client.localAddress = ConnectionLimits::canonical(m_socket->localAddress());
    m_client.localPort = m_socket->localPort();
}

void Connection::startSession(SessionFactory &factory)
{
    Q_ASSERT(m_state == State::Unattached && m_socket);
    Log::info(m_client.service, m_client.sessionId,
              QStringLiteral("connect from %1 to %2 %3")
                  .arg(endpoint(m_client.address, m_client.port), m_client.service,
                       endpoint(m_client.localAddress, m_client.localPort)));
    m_state = State::Open;
    if (m_tlsSupport.implicit) {
        m_factory = &factory;
        if (beginTls() && m_socket->bytesAvailable() > 0)
            queueFeed();
        return;
    }
    createSession(factory);
}

void Connection::createSession(SessionFactory &factory)
{
    try {
        m_session = factory.create(m_client, *this);
    } catch (const std::exception &error) {
        // An exception must not unwind into the event loop; this client just loses its session.
        Log::error(m_client.service, m_client.sessionId,
                   QStringLiteral("cannot start the session: %1").arg(QString::fromLocal8Bit(error.what())));
    }
    if (!m_session) {
        beginClose(QLatin1String("no session"));
        return;
    }
    Q_EMIT deadlineChanged(this);
    m_session->start();
}

void Connection::refuse(const QByteArray &line, const QString &reason)
{
    Q_ASSERT(m_state == State::Unattached && m_socket);
    m_refused = true;
    Log::info(m_client.service, m_client.sessionId,
              QStringLiteral("refused connection from %1: %2").arg(endpoint(m_client.address, m_client.port), reason));
    m_state = State::Open;
    send(line);
    if (m_state == State::Open)
        beginClose(QLatin1String("refused"));
}

qint64 Connection::deadline() const
{
    switch (m_state) {
    case State::Open:
        if (m_tls && m_tls->isHandshaking())
            return m_tls->handshakeDeadline();   // the session (if any) waits for it too
        if (m_paused || m_idleTimeoutMs <= 0)
            return kNoDeadline;   // a paused session waits for our own slow work, not the client
        return m_lastInputMs + m_idleTimeoutMs;
    case State::Closing:
        return m_closeDeadlineMs;
    case State::Unattached:
    case State::Finished:
        break;
    }
    return kNoDeadline;
}

void Connection::expire()
{
    const qint64 now = monotonicMs();
    if (deadline() > now)
        return;
    if (m_state == State::Open && m_tls && m_tls->isHandshaking()) {
        Log::info(m_client.service, m_client.sessionId,
                  QStringLiteral("TLS handshake failed: not completed within %1 s").arg(m_tlsSupport.handshakeTimeoutMs / 1000.0));
        abort(QLatin1String("TLS handshake timed out"));
    } else if (m_state == State::Open) {
        // Re-arm first: the next timeout is a whole period away unless the session closes now.
        m_lastInputMs = now;
        m_session->timedOut();
    } else if (m_state == State::Closing) {
        abort(m_writeShut ? m_endReason : QLatin1String("close timed out: output not taken"));
    }
}

void Connection::abort(QLatin1String reason)
{
    if (m_state == State::Finished || !m_socket)
        return;
    m_endReason = reason;
    setFinished();       // first, so the disconnected() that abort() emits does not relabel it
    m_socket->abort();
}

void Connection::send(const QByteArray &bytes)
{
    // After close() nothing more may go out: the session has said its last word.
    if (m_state != State::Open || bytes.isEmpty())
        return;
    if (!m_tls) {
        writeToSocket(bytes);
        return;
    }
    // Once TLS has begun nothing leaves in clear text: during the handshake it waits, then it
    // is encrypted.
    if (!m_tls->send(bytes)) {
        Log::info(m_client.service, m_client.sessionId, QStringLiteral("TLS error: %1").arg(m_tls->errorString()));
        abort(QLatin1String("TLS write failed"));
        return;
    }
    writeToSocket(m_tls->takeOutput());
}

void Connection::writeToSocket(const QByteArray &bytes)
{
    if (bytes.isEmpty() || m_state == State::Finished)
        return;
    // Straight to the kernel while QTcpSocket has nothing queued (then order is kept): its own
    // write path copies small writes into a 32 KiB block that it keeps for reuse, which would
    // be most of an idle connection's memory. Only what the kernel cannot take goes through
    // QTcpSocket. With TLS these are records already encrypted.
    qsizetype sent = 0;
    if (m_socket->bytesToWrite() == 0) {
        const ssize_t count = ::send(int(m_socket->socketDescriptor()), bytes.constData(), size_t(bytes.size()),
                                     MSG_NOSIGNAL | MSG_DONTWAIT);
        if (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            abort(QLatin1String("write failed"));   // finish() is deferred: safe inside the session
            return;
        }
        sent = qMax<qsizetype>(count, 0);
    }
    if (sent < bytes.size())
        m_socket->write(sent == 0 ? bytes : bytes.sliced(sent));
    m_bytesOut += bytes.size();
    if (m_socket->bytesToWrite() > kDrainArmBytes)
        m_drainWanted = true;
}

void Connection::close()
{
    if (m_state == State::Open)
        beginClose(QLatin1String("closed by server"));
}

void Connection::setIdleTimeout(int milliseconds)
{
    m_idleTimeoutMs = milliseconds;
    m_lastInputMs = monotonicMs();
    Q_EMIT deadlineChanged(this);
}

qint64 Connection::queuedOutputBytes() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

bool Connection::isEncrypted() const
{
    return m_tls && m_tls->isEstablished();
}

bool Connection::canStartTls() const
{
    return !m_tls && m_tlsSupport.provider && m_tlsSupport.provider->hasContext();
}

void Connection::startTls()
{
    if (m_state != State::Open)
        return;
    if (m_tls) {
        abort(QLatin1String("TLS requested twice"));
        return;
    }
    // What QTcpSocket holds was read from the kernel before the go-ahead reply left, so the
    // client sent it without waiting for that reply: pipelined after the TLS command, never
    // part of the handshake. It is dropped unread (RFC 3207 section 4.2, CVE-2011-0411); the
    // rest of the chunk the session is reading is the session's to ignore. Whatever arrives
    // from now on is handshake input: clear text there fails the handshake and closes the
    // connection, so it never reaches the session either.
    const qint64 pipelined = m_socket->bytesAvailable();
    if (pipelined > 0) {
        m_bytesIn += pipelined;
        m_socket->skip(pipelined);
        Log::info(m_client.service, m_client.sessionId,
                  QStringLiteral("discarded %1 bytes sent after the TLS request, before the handshake").arg(pipelined));
    }
    // The session is not fed again before tlsStarted(), so a pause it set for its clear-text
    // work would only hold up the encrypted stream afterwards.
    m_paused = false;
    if (beginTls())
        queueFeed();   // inside feed() its loop goes on with the handshake
}

bool Connection::beginTls()
{
    const TlsContext context = m_tlsSupport.provider ? m_tlsSupport.provider->current() : TlsContext();
    if (context.isNull()) {
        Log::warning(m_client.service, m_client.sessionId, QStringLiteral("TLS is not available: no certificate is loaded"));
        beginClose(QLatin1String("no TLS certificate"));
        return false;
    }
    m_tls = std::make_unique<TlsLayer>(context, monotonicMs() + m_tlsSupport.handshakeTimeoutMs);
    Q_EMIT deadlineChanged(this);
    return true;
}

void Connection::completeHandshake()
{
    m_client.tls = true;
    m_lastInputMs = monotonicMs();
    Log::info(m_client.service, m_client.sessionId, QStringLiteral("TLS %1").arg(m_tls->description()));
    if (!m_session) {
        createSession(*m_factory);   // implicit TLS: the greeting goes out encrypted
        return;
    }
    Q_EMIT deadlineChanged(this);
    m_session->tlsStarted();
}

void Connection::failTls()
{
    const bool handshake = !m_tls->isEstablished();
    Log::info(m_client.service, m_client.sessionId,
              QStringLiteral("%1: %2").arg(handshake ? QStringLiteral("TLS handshake failed") : QStringLiteral("TLS error"),
                                          m_tls->errorString()));
    // The alert OpenSSL wrote (if any) has been sent; no session call follows but disconnected().
    beginClose(handshake ? QLatin1String("TLS handshake failed") : QLatin1String("TLS error"));
}

void Connection::pauseReading()
{
    // Nothing to tell the worker: the deadline only moves later (to none).
    m_paused = true;
}

void Connection::resumeReading()
{
    if (!m_paused)
        return;
    m_paused = false;
    m_lastInputMs = monotonicMs();
    if (m_state != State::Open)
        return;
    Q_EMIT deadlineChanged(this);
    // Inside feed() the loop simply goes on; otherwise feed from the event loop, so the session
    // is never re-entered from its own call to resumeReading().
    queueFeed();
}

void Connection::queueFeed()
{
    if (m_feeding || m_feedQueued)
        return;
    m_feedQueued = true;
    QMetaObject::invokeMethod(this, [this] {
        m_feedQueued = false;
        feed();
    }, Qt::QueuedConnection);
}

void Connection::onReadyRead()
{
    if (m_state == State::Open)
        feed();
    else if (m_state == State::Closing)
        discardInput();
}

void Connection::feed()
{
    if (m_feeding || !m_socket)
        return;
    m_feeding = true;
    while (m_state == State::Open && m_socket->bytesToWrite() < kMaxPendingOutputBytes) {
        if (m_tls) {
            if (!feedTls())
                break;
            continue;
        }
        if (m_paused)
            break;
        const qint64 available = m_socket->bytesAvailable();
        if (available <= 0)
            break;
        // Usually all that is buffered sits in one block; reading exactly that much lets
        // QIODevice hand the block over instead of copying out of it. A block copied out of
        // stays allocated for reuse: 16 KiB for every connection that ever sent a byte.
        const QByteArray bytes = m_socket->read(qMin(available, kChunkBytes));
        m_bytesIn += bytes.size();
        m_lastInputMs = monotonicMs();
        m_session->receive(bytes);
    }
    m_feeding = false;
}

bool Connection::feedTls()
{
    // Decrypted input first, in the same pieces clear text would come in.
    if (m_tls->hasPlaintext()) {
        if (m_paused || !m_session)
            return false;
        m_session->receive(m_tls->takePlaintext(kChunkBytes));
        return true;
    }
    if (m_tls->peerClosed()) {
        beginClose(QLatin1String("closed by client"));
        return false;
    }
    // During the handshake the session is not being fed, so its pause does not hold it up.
    const qint64 available = m_socket->bytesAvailable();
    if (available <= 0 || (m_paused && !m_tls->isHandshaking()))
        return false;
    const QByteArray ciphertext = m_socket->read(qMin(available, kChunkBytes));
    m_bytesIn += ciphertext.size();
    m_lastInputMs = monotonicMs();
    const TlsLayer::Event event = m_tls->receive(ciphertext);
    writeToSocket(m_tls->takeOutput());   // handshake records, or the alert that ends it
    if (event == TlsLayer::Event::Failed) {
        failTls();
        return false;
    }
    if (event == TlsLayer::Event::HandshakeDone)
        completeHandshake();
    return true;
}

void Connection::discardInput()
{
    if (m_socket->bytesAvailable() > 0) {
        m_bytesIn += m_socket->bytesAvailable();
        m_socket->skip(m_socket->bytesAvailable());
    }
}

void Connection::onBytesWritten()
{
    // Only for output that had to wait in QTcpSocket (see send()).
    if (m_state == State::Closing) {
        if (m_socket->bytesToWrite() == 0)
            shutdownWrite();
        return;
    }
    if (m_state != State::Open)
        return;
    if (m_drainWanted && m_socket->bytesToWrite() < kDrainedBytes && m_session && !m_feeding) {
        m_drainWanted = false;
        m_session->outputDrained();   // may send, close or resume reading
    }
    if (m_state == State::Open && !m_paused && m_socket->bytesToWrite() <= kMaxPendingOutputBytes / 2
        && (m_socket->bytesAvailable() > 0 || (m_tls && m_tls->hasPlaintext()))) {
        feed();   // the peer took most of our replies; read the pipeline we had stopped reading
    }
}

void Connection::beginClose(QLatin1String reason)
{
    m_state = State::Closing;
    m_endReason = reason;
    if (m_tls) {
        m_tls->close();   // our close_notify goes before the FIN
        writeToSocket(m_tls->takeOutput());
    }
    m_closeDeadlineMs = monotonicMs() + kCloseGraceMs;
    Q_EMIT deadlineChanged(this);
    discardInput();
    if (m_socket->bytesToWrite() == 0)
        shutdownWrite();
}

void Connection::shutdownWrite()
{
    if (m_writeShut || m_state != State::Closing)
        return;
    m_writeShut = true;
    // QTcpSocket has no half-close; disconnectFromHost() would close the descriptor and any
    // input still arriving would make the kernel answer with a RST that can destroy our last
    // reply in flight. So send our FIN ourselves and keep reading until the peer hangs up.
    if (::shutdown(int(m_socket->socketDescriptor()), SHUT_WR) != 0) {
        abort(m_endReason);
        return;
    }
    m_closeDeadlineMs = qMin(m_closeDeadlineMs, monotonicMs() + kLingerMs);
    Q_EMIT deadlineChanged(this);
    discardInput();
}

void Connection::onDisconnected()
{
    if (m_state == State::Finished)
        return;
    if (m_state == State::Open)
        m_endReason = QLatin1String("closed by client");
    if (m_state == State::Open && m_tls && m_tls->isHandshaking())
        Log::info(m_client.service, m_client.sessionId, QStringLiteral("TLS handshake failed: the client hung up"));
    setFinished();
}

void Connection::setFinished()
{
    if (m_state == State::Finished)
        return;
    m_state = State::Finished;
    // Deferred: we may be inside the session (it called close() and the socket went down at
    // once); the session is told and destroyed only after it has returned.
    QMetaObject::invokeMethod(this, &Connection::finish, Qt::QueuedConnection);
}

void Connection::finish()
{
    if (m_session) {
        m_session->disconnected();
        m_session.reset();
    }
    if (!m_refused) {
        Log::info(m_client.service, m_client.sessionId,
                  QStringLiteral("disconnect from %1 after %2 ms (%3), %4 bytes in, %5 bytes out")
                      .arg(endpoint(m_client.address, m_client.port))
                      .arg(monotonicMs() - m_startedMs)
                      .arg(m_endReason.isEmpty() ? QLatin1String("closed") : m_endReason)
                      .arg(m_bytesIn)
                      .arg(m_bytesOut));
    }
    Q_EMIT finished(this);
}
