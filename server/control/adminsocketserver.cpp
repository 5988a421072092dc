#include "adminsocketserver.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QThread>
#include <QTimer>

#include "adminexecutor.h"
#include "adminsocketprotocol.h"
#include "log.h"
#include "logringbuffer.h"

namespace {

const QString kComponent = QStringLiteral("admin");
const QString kNoSession = QStringLiteral("-");
constexpr int kLogIntervalMs = 250;        // log batches at most this often
constexpr int kGreetingLogEntries = 500;   // what a new client sees of the past

// "uid 1000, pid 4242" from the kernel, so the log says who attached without trusting the client.
QString peerDescription(const QLocalSocket *client)
{
    ucred credentials{};
    socklen_t size = sizeof credentials;
    if (::getsockopt(int(client->socketDescriptor()), SOL_SOCKET, SO_PEERCRED, &credentials, &size) != 0)
        return QStringLiteral("unknown peer");
    return QStringLiteral("uid %1, pid %2").arg(credentials.uid).arg(credentials.pid);
}

}

AdminSocketServer::AdminSocketServer(QString dataDirectory, QString databaseUrl, LogRingBuffer *ring, QObject *parent)
    : QObject(parent), m_path(AdminSocketProtocol::socketPath(dataDirectory)), m_ring(ring),
      m_server(new QLocalServer(this)), m_executorThread(new QThread(this)), m_logTimer(new QTimer(this)),
      m_maxPendingOutput(AdminSocketProtocol::kMaxPendingOutputBytes)
{
    qRegisterMetaType<AdminRequest>();
    qRegisterMetaType<AdminReply>();
    m_executor = new AdminExecutor(dataDirectory, databaseUrl, QStringLiteral("admin-socket"));
    m_executor->moveToThread(m_executorThread);
    connect(m_executorThread, &QThread::finished, m_executor, &QObject::deleteLater);
    connect(m_executor, &AdminExecutor::finished, this, &AdminSocketServer::deliver);
    m_executorThread->setObjectName(QStringLiteral("postern-admin-socket"));
    m_executorThread->start();

    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    m_server->setMaxPendingConnections(AdminSocketProtocol::kMaxClients);
    connect(m_server, &QLocalServer::newConnection, this, &AdminSocketServer::accept);
    m_logTimer->setInterval(kLogIntervalMs);
    connect(m_logTimer, &QTimer::timeout, this, &AdminSocketServer::forwardLog);
}

AdminSocketServer::~AdminSocketServer()
{
    close();
    m_executorThread->quit();
    m_executorThread->wait();
}

bool AdminSocketServer::engineAnswers(const QString &dataDirectory)
{
    // A plain connect(2): on a Unix socket it answers at once, so no event loop or wait is needed.
    const QByteArray path = QFile::encodeName(AdminSocketProtocol::socketPath(dataDirectory));
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (path.size() >= qsizetype(sizeof address.sun_path))
        return false;
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    const bool answered = ::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0;
    ::close(fd);
    return answered;
}

bool AdminSocketServer::listen(QString *error)
{
    if (m_server->isListening())
        return true;
    const QString dataDirectory = m_path.left(m_path.lastIndexOf(QLatin1Char('/')));
    if (engineAnswers(dataDirectory)) {
        *error = QStringLiteral("another Postern engine is already running on %1 (its admin socket %2 answers); "
                                "stop it first or attach the GUI to it").arg(dataDirectory, m_path);
        return false;
    }
    if (QFile::exists(m_path)) {
        // Nobody answers: a crashed engine left it behind.
        QLocalServer::removeServer(m_path);
        Log::info(kComponent, kNoSession, QStringLiteral("removed stale admin socket %1").arg(m_path));
    }
    if (!m_server->listen(m_path)) {
        *error = QStringLiteral("cannot open the admin socket %1: %2").arg(m_path, m_server->errorString());
        return false;
    }
    // Anyone who can connect can administer the server: the socket must be the owner's alone,
    // whatever the umask and the way Qt created it.
    const QByteArray path = QFile::encodeName(m_path);
    struct stat info{};
    if (::chmod(path.constData(), S_IRUSR | S_IWUSR) != 0 || ::stat(path.constData(), &info) != 0
        || (info.st_mode & 0777) != 0600) {
        m_server->close();
        *error = QStringLiteral("cannot make the admin socket %1 private to its owner (mode 0600)").arg(m_path);
        return false;
    }
    m_lastLogId = m_ring ? m_ring->lastId() : 0;
    m_logTimer->start();
    Log::info(kComponent, kNoSession, QStringLiteral("admin socket %1").arg(m_path));
    return true;
}

void AdminSocketServer::close()
{
    m_logTimer->stop();
    const QList<QLocalSocket *> clients = m_buffers.keys();
    m_buffers.clear();
    for (QLocalSocket *client : clients) {
        client->disconnect(this);
        client->abort();
        client->deleteLater();
    }
    if (m_server->isListening())
        m_server->close();   // removes the socket file
}

bool AdminSocketServer::isListening() const
{
    return m_server->isListening();
}

void AdminSocketServer::publishStatus(const EngineStatus &status)
{
    if (status == m_status)
        return;
    m_status = status;
    broadcast(AdminSocketProtocol::line(AdminSocketProtocol::event(QStringLiteral("status"), status.toJson())));
}

void AdminSocketServer::publishChangesApplied()
{
    broadcast(AdminSocketProtocol::line(AdminSocketProtocol::event(QStringLiteral("changes-applied"))));
}

void AdminSocketServer::accept()
{
    while (QLocalSocket *client = m_server->nextPendingConnection()) {
        const QString peer = peerDescription(client);
        if (m_buffers.size() >= AdminSocketProtocol::kMaxClients) {
            Log::warning(kComponent, kNoSession, QStringLiteral("admin socket: refused %1: already %2 clients")
                                                     .arg(peer).arg(AdminSocketProtocol::kMaxClients));
            client->write(AdminSocketProtocol::line(AdminSocketProtocol::event(
                QStringLiteral("error"), {{QStringLiteral("message"), QStringLiteral("too many admin clients")}})));
            client->disconnectFromServer();
            connect(client, &QLocalSocket::disconnected, client, &QObject::deleteLater);
            continue;
        }
        Log::info(kComponent, kNoSession, QStringLiteral("admin socket: client connected (%1)").arg(peer));
        m_buffers.insert(client, {});
        connect(client, &QLocalSocket::readyRead, this, [this, client] { readClient(client); });
        connect(client, &QLocalSocket::disconnected, this, [this, client, peer] {
            if (m_buffers.remove(client))
                Log::info(kComponent, kNoSession, QStringLiteral("admin socket: client disconnected (%1)").arg(peer));
            client->deleteLater();
        });
        greet(client);
    }
}

void AdminSocketServer::greet(QLocalSocket *client)
{
    client->write(AdminSocketProtocol::line(AdminSocketProtocol::event(
        QStringLiteral("hello"), {{QStringLiteral("pid"), qint64(QCoreApplication::applicationPid())},
                                  {QStringLiteral("version"), QCoreApplication::applicationVersion()}})));
    client->write(AdminSocketProtocol::line(AdminSocketProtocol::event(QStringLiteral("status"), m_status.toJson())));
    if (m_ring && m_lastLogId > 0) {
        const quint64 from = m_lastLogId > quint64(kGreetingLogEntries) ? m_lastLogId - kGreetingLogEntries : 0;
        const QList<LogEntry> recent = m_ring->entriesAfter(from, kGreetingLogEntries);
        QList<LogEntry> sent;
        for (const LogEntry &entry : recent) {
            if (entry.id <= m_lastLogId)   // newer ones come with the next batch to everyone
                sent.append(entry);
        }
        if (!sent.isEmpty())
            client->write(AdminSocketProtocol::line(AdminSocketProtocol::logEvent(sent)));
    }
}

void AdminSocketServer::readClient(QLocalSocket *client)
{
    auto it = m_buffers.find(client);
    if (it == m_buffers.end())
        return;
    it->append(client->readAll());
    qsizetype start = 0;
    for (qsizetype end = it->indexOf('\n'); end >= 0; end = it->indexOf('\n', start)) {
        if (end - start > AdminSocketProtocol::kMaxLineBytes)
            break;
        handleLine(client, it->mid(start, end - start));
        start = end + 1;
        it = m_buffers.find(client);   // handling may not drop the client, but stay safe
        if (it == m_buffers.end())
            return;
    }
    it->remove(0, start);
    if (it->size() > AdminSocketProtocol::kMaxLineBytes) {
        Log::warning(kComponent, kNoSession, QStringLiteral("admin socket: line longer than %1 bytes; client dropped")
                                                 .arg(AdminSocketProtocol::kMaxLineBytes));
        m_buffers.erase(it);
        client->abort();
        client->deleteLater();
    }
}

void AdminSocketServer::handleLine(QLocalSocket *client, const QByteArray &line)
{
    if (line.trimmed().isEmpty())
        return;
    const QJsonDocument document = QJsonDocument::fromJson(line);
    if (!document.isObject()) {
        send(client, QJsonValue::Null, AdminReply::failure(AdminReply::Status::Invalid, QStringLiteral("not a JSON object")));
        return;
    }
    const QJsonObject object = document.object();
    const QJsonValue id = object.value(QStringLiteral("id"));
    const AdminRequest request = AdminRequest::fromJson(object);
    Log::debug(kComponent, kNoSession, QStringLiteral("admin socket: %1").arg(request.operation));
    if (request.operation == QStringLiteral("engine.start")) {
        Q_EMIT startRequested();
        send(client, id, AdminReply::success(QStringLiteral("starting")));
    } else if (request.operation == QStringLiteral("engine.stop")) {
        Q_EMIT stopRequested();
        send(client, id, AdminReply::success(QStringLiteral("stopping")));
    } else if (request.operation == QStringLiteral("engine.status")) {
        send(client, id, AdminReply::success(QStringLiteral("status"), m_status.toJson()));
    } else {
        const quint64 internalId = m_nextId++;
        m_pending.insert(internalId, Pending{client, id});
        QMetaObject::invokeMethod(m_executor, [executor = m_executor, internalId, request] {
            executor->execute(internalId, request);
        }, Qt::QueuedConnection);
    }
}

void AdminSocketServer::deliver(quint64 id, const AdminReply &reply)
{
    const Pending pending = m_pending.take(id);
    if (pending.client && m_buffers.contains(pending.client))
        send(pending.client, pending.clientId, reply);
}

void AdminSocketServer::send(QLocalSocket *client, const QJsonValue &id, const AdminReply &reply)
{
    QJsonObject object = reply.toJson();
    object.insert(QStringLiteral("id"), id);
    write(client, AdminSocketProtocol::line(object));
}

void AdminSocketServer::forwardLog()
{
    if (!m_ring)
        return;
    const quint64 last = m_ring->lastId();
    if (last == m_lastLogId)
        return;
    if (m_buffers.isEmpty()) {
        m_lastLogId = last;
        return;
    }
    const QList<LogEntry> entries = m_ring->entriesAfter(m_lastLogId, 2000);
    if (entries.isEmpty()) {
        m_lastLogId = last;
        return;
    }
    m_lastLogId = entries.last().id;
    broadcast(AdminSocketProtocol::line(AdminSocketProtocol::logEvent(entries)));
}

void AdminSocketServer::broadcast(const QByteArray &line)
{
    const QList<QLocalSocket *> clients = m_buffers.keys();   // write() may drop one
    for (QLocalSocket *client : clients)
        write(client, line);
}

void AdminSocketServer::write(QLocalSocket *client, const QByteArray &line)
{
    if (client->bytesToWrite() + line.size() <= m_maxPendingOutput) {
        client->write(line);
        return;
    }
    Log::warning(kComponent, kNoSession, QStringLiteral("admin socket: a client stopped reading (%1 bytes unsent); client dropped")
                                             .arg(client->bytesToWrite()));
    m_buffers.remove(client);
    client->disconnect(this);
    client->abort();
    client->deleteLater();
}
