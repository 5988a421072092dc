#include "adminsocketlink.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalSocket>

#include "adminsocketprotocol.h"

AdminSocketLink::AdminSocketLink(QLocalSocket *socket, QString dataDirectory, QObject *parent)
    : EngineLink(parent), m_socket(socket), m_dataDirectory(std::move(dataDirectory))
{
    qRegisterMetaType<EngineStatus>();
    m_socket->setParent(this);
    connect(m_socket, &QLocalSocket::readyRead, this, &AdminSocketLink::read);
    connect(m_socket, &QLocalSocket::disconnected, this,
            [this] { lose(tr("The server process has gone away (its admin socket closed).")); });
    if (m_socket->state() != QLocalSocket::ConnectedState)
        m_connected = false;
    // The greeting may already be buffered (tryAttach read it).
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &AdminSocketLink::read, Qt::QueuedConnection);
}

AdminSocketLink::~AdminSocketLink()
{
    m_socket->disconnect(this);
}

std::unique_ptr<AdminSocketLink> AdminSocketLink::tryAttach(const QString &dataDirectory, int timeoutMs)
{
    // Blocking on purpose (STYLE 5 is about serving): it runs once, before the GUI's event loop
    // starts, and is bounded by timeoutMs.
    auto *socket = new QLocalSocket;
    QElapsedTimer clock;
    clock.start();
    socket->connectToServer(AdminSocketProtocol::socketPath(dataDirectory));
    if (!socket->waitForConnected(timeoutMs)) {
        delete socket;
        return nullptr;
    }
    auto link = std::make_unique<AdminSocketLink>(socket, dataDirectory);
    // The GUI shows "attached to PID …" and the engine's state from its first frame.
    while (link->m_connected && link->m_serverPid == 0 && clock.elapsed() < timeoutMs) {
        if (!socket->waitForReadyRead(int(qMax<qint64>(1, timeoutMs - clock.elapsed()))))
            break;
        link->read();
    }
    if (link->m_serverPid == 0)
        return nullptr;
    return link;
}

void AdminSocketLink::call(const AdminRequest &request, QObject *context, ReplyHandler done)
{
    if (!m_connected) {
        QMetaObject::invokeMethod(this, [context = QPointer<QObject>(context), done = std::move(done)] {
            if (context && done)
                done(AdminReply::failure(AdminReply::Status::Unavailable, tr("The server process is not running.")));
        }, Qt::QueuedConnection);
        return;
    }
    const quint64 id = m_nextId++;
    m_pending.insert(id, Pending{context, std::move(done)});
    QJsonObject object = request.toJson();
    object.insert(QStringLiteral("id"), double(id));
    m_socket->write(AdminSocketProtocol::line(object));
}

void AdminSocketLink::startServer()
{
    call(AdminRequest{QStringLiteral("engine.start"), {}}, this, {});
}

void AdminSocketLink::stopServer()
{
    call(AdminRequest{QStringLiteral("engine.stop"), {}}, this, {});
}

void AdminSocketLink::read()
{
    m_buffer.append(m_socket->readAll());
    qsizetype start = 0;
    for (qsizetype end = m_buffer.indexOf('\n'); end >= 0; end = m_buffer.indexOf('\n', start)) {
        handleLine(m_buffer.mid(start, end - start));
        start = end + 1;
    }
    m_buffer.remove(0, start);
}

void AdminSocketLink::handleLine(const QByteArray &line)
{
    const QJsonObject object = QJsonDocument::fromJson(line).object();
    if (object.contains(QStringLiteral("event"))) {
        handleEvent(object);
        return;
    }
    const quint64 id = quint64(object.value(QStringLiteral("id")).toDouble());
    const Pending pending = m_pending.take(id);
    if (pending.context && pending.done)
        pending.done(AdminReply::fromJson(object));
}

void AdminSocketLink::handleEvent(const QJsonObject &object)
{
    const QString event = object.value(QStringLiteral("event")).toString();
    if (event == QStringLiteral("hello")) {
        m_serverPid = qint64(object.value(QStringLiteral("pid")).toDouble());
    } else if (event == QStringLiteral("status")) {
        const EngineStatus status = EngineStatus::fromJson(object);
        if (status != m_status) {
            m_status = status;
            Q_EMIT statusChanged(m_status);
        }
    } else if (event == QStringLiteral("log")) {
        for (const QJsonValue &entry : object.value(QStringLiteral("entries")).toArray())
            m_ring.append(AdminSocketProtocol::logEntryFromJson(entry.toObject()));
    } else if (event == QStringLiteral("changes-applied")) {
        Q_EMIT changesApplied();
    } else if (event == QStringLiteral("error")) {
        lose(object.value(QStringLiteral("message")).toString());
    }
}

void AdminSocketLink::lose(const QString &reason)
{
    if (!m_connected)
        return;
    m_connected = false;
    const QHash<quint64, Pending> pending = std::exchange(m_pending, {});
    for (const Pending &call : pending) {
        if (call.context && call.done)
            call.done(AdminReply::failure(AdminReply::Status::Unavailable, reason));
    }
    EngineStatus gone;
    gone.state = EngineStatus::State::Failed;
    gone.error = reason;
    m_status = gone;
    Q_EMIT statusChanged(m_status);
    Q_EMIT disconnected(reason);
}
