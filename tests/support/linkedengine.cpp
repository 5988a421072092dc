#include "linkedengine.h"

#include "adminservice.h"
#include "databaseurl.h"
#include "datadirectory.h"
#include "engineoptions.h"
#include "inprocessenginelink.h"
#include "log.h"
#include "loghub.h"
#include "records.h"
#include "sqlstorage.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QObject>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

LinkedEngine::LinkedEngine() : m_hub(std::make_unique<LogHub>())
{
    Log::install(m_hub.get());
    configure();
    EngineOptions options;
    options.dataDirectory = m_dir.path();
    options.ephemeralPorts = true;
    options.changePollMs = 200;
    options.housekeepingMs = 200;
    m_link = std::make_unique<InProcessEngineLink>(options, *m_hub);
    QObject::connect(m_link.get(), &EngineLink::changesApplied, m_link.get(), [this] { ++m_changesApplied; });
}

LinkedEngine::~LinkedEngine()
{
    m_link.reset();
    Log::install(nullptr);
}

void LinkedEngine::configure()
{
    SqlStorage storage(DatabaseUrl::sqliteFile(DataDirectory(m_dir.path()).databaseFile()));
    AdminService admin(storage, QStringLiteral("test"));
    admin.configSet(QStringLiteral("listen.addresses"), QStringLiteral("127.0.0.1"));
    for (const QString &service : {QStringLiteral("smtp"), QStringLiteral("submission"), QStringLiteral("smtps"),
                                   QStringLiteral("pop3"), QStringLiteral("pop3s")})
        admin.configSet(service + QStringLiteral(".port"), QStringLiteral("0"));
    // Loopback only: no DNS lookups of the test senders' domains.
    admin.configSet(QStringLiteral("verify.sender_domain"), QStringLiteral("false"));
    admin.addDomain(QStringLiteral("example.test"));
    admin.addUser({QStringLiteral("user@example.test"), QStringLiteral("secret-password"), {}, 0});
}

bool LinkedEngine::start(int timeoutMs)
{
    m_link->startServer();
    QDeadlineTimer deadline(timeoutMs);
    while (!m_link->status().running() && !deadline.hasExpired())
        QTest::qWait(20);
    return m_link->status().running();
}

quint16 LinkedEngine::port(const QString &service) const
{
    for (const ListenerState &listener : m_link->status().listeners) {
        if (listener.service == service)
            return listener.port;
    }
    return 0;
}

AdminReply LinkedEngine::call(const QString &operation, const QJsonObject &arguments, int timeoutMs)
{
    QObject context;
    std::optional<AdminReply> answer;
    m_link->call({operation, arguments}, &context, [&answer](const AdminReply &reply) { answer = reply; });
    QDeadlineTimer deadline(timeoutMs);
    while (!answer && !deadline.hasExpired())
        QTest::qWait(10);
    return answer.value_or(AdminReply::failure(AdminReply::Status::Unavailable, QStringLiteral("no reply in time")));
}

void LinkedEngine::addAutoBan(const QString &range, const QString &reason, qint64 minutes)
{
    SqlStorage storage(DatabaseUrl::sqliteFile(DataDirectory(m_dir.path()).databaseFile()));
    BanRecord ban;
    ban.range = range;
    ban.created = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    ban.expires = ban.created.addSecs(minutes * 60);
    ban.comment = reason;
    ban.source = QStringLiteral("auto");
    storage.setBan(ban);
}

bool LinkedEngine::waitForChangesApplied(int mark, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_changesApplied <= mark && !deadline.hasExpired())
        QTest::qWait(10);
    return m_changesApplied > mark;
}

std::unique_ptr<QTcpSocket> LinkedEngine::connectFrom(const QString &source, const QString &service)
{
    auto socket = std::make_unique<QTcpSocket>();
    if (!socket->bind(QHostAddress(source)))
        return nullptr;
    QSignalSpy connected(socket.get(), &QTcpSocket::connected);
    socket->connectToHost(QHostAddress::LocalHost, port(service));
    // The engine serves from this thread's event loop too: spin it rather than block in waitFor*.
    // A banned source is connected and closed at once, so "connected" is what counts, not the state now.
    QDeadlineTimer deadline(5000);
    while (connected.isEmpty() && socket->state() != QAbstractSocket::UnconnectedState && !deadline.hasExpired())
        QTest::qWait(10);
    if (connected.isEmpty())
        return nullptr;
    return socket;
}

QByteArray LinkedEngine::readReply(QTcpSocket &socket, int timeoutMs)
{
    QByteArray reply;
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        while (socket.canReadLine()) {
            const QByteArray line = socket.readLine();
            reply += line;
            // The last line of a reply has a space (or nothing) after the code: "250 OK", not "250-".
            if (line.size() < 4 || line.at(3) != '-')
                return reply;
        }
        if (socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0)
            break;
        QTest::qWait(10);
    }
    return reply;
}

QByteArray LinkedEngine::command(QTcpSocket &socket, const QByteArray &line, int timeoutMs)
{
    socket.write(line + "\r\n");
    return readReply(socket, timeoutMs);
}

QByteArray LinkedEngine::deliver(const QByteArray &message)
{
    const std::unique_ptr<QTcpSocket> socket = connectFrom(QStringLiteral("127.0.0.1"));
    if (!socket)
        return "no connection";
    for (const QByteArray &line : {QByteArray(), QByteArray("EHLO client.test"), QByteArray("MAIL FROM:<sender@client.test>"),
                                   QByteArray("RCPT TO:<user@example.test>"), QByteArray("DATA")}) {
        const QByteArray reply = line.isEmpty() ? readReply(*socket) : command(*socket, line);
        if (!reply.startsWith('2') && !reply.startsWith('3'))
            return line + " -> " + reply;
    }
    socket->write(message);
    return command(*socket, "\r\n.");
}
