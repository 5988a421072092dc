#include "liveenginefixture.h"

#include <optional>
#include <utility>

#include <QDateTime>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include "adminservice.h"
#include "databaseurl.h"
#include "datadirectory.h"
#include "inprocessenginelink.h"
#include "log.h"
#include "records.h"
#include "sqlstorage.h"

LiveEngineFixture::LiveEngineFixture(const QMap<QString, QString> &settings)
{
    Log::install(&m_hub);
    m_options.dataDirectory = m_dir.path();
    m_options.ephemeralPorts = true;
    m_options.changePollMs = 200;
    m_options.housekeepingMs = 200;
    m_options.shutdownGraceMs = 2000;
    QMap<QString, QString> loopback{{QStringLiteral("listen.addresses"), QStringLiteral("127.0.0.1")}};
    for (const char *service : {"smtp", "submission", "smtps", "pop3", "pop3s"})
        loopback.insert(QLatin1String(service) + QStringLiteral(".port"), QStringLiteral("0"));
    configure(loopback);
    configure(settings);
}

// The link goes first (members die in reverse order), then the hub, which uninstalls itself.
LiveEngineFixture::~LiveEngineFixture() = default;

QString LiveEngineFixture::mailDirectory() const
{
    return DataDirectory(m_dir.path()).mailDirectory();
}

void LiveEngineFixture::prepare(const std::function<void(AdminService &)> &steps)
{
    SqlStorage storage(DatabaseUrl::sqliteFile(DataDirectory(m_dir.path()).databaseFile()));
    AdminService admin(storage, QStringLiteral("test"));
    steps(admin);
}

void LiveEngineFixture::configure(const QMap<QString, QString> &settings)
{
    prepare([&settings](AdminService &admin) {
        for (auto it = settings.cbegin(); it != settings.cend(); ++it) {
            if (it.value().isNull())
                admin.configReset(it.key());
            else
                admin.configSet(it.key(), it.value());
        }
    });
}

void LiveEngineFixture::addMailbox(const QString &address, const QString &password)
{
    prepare([&address, &password](AdminService &admin) {
        const QString domain = address.section(QLatin1Char('@'), 1);
        if (!admin.domains().contains(domain))
            admin.addDomain(domain);
        admin.addUser(AdminService::NewAccount{address, password, {}, 0});
    });
}

void LiveEngineFixture::addAutoBan(const QString &range, const QString &reason, qint64 minutes)
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

InProcessEngineLink &LiveEngineFixture::link()
{
    if (!m_link) {
        m_link = std::make_unique<InProcessEngineLink>(m_options, m_hub);
        QObject::connect(m_link.get(), &EngineLink::changesApplied, m_link.get(), [this] { ++m_changesApplied; });
    }
    return *m_link;
}

bool LiveEngineFixture::start(int timeoutMs)
{
    link().startServer();
    // The engine reports "running" together with its listeners, so this covers both.
    QDeadlineTimer deadline(timeoutMs);
    while (!m_link->status().running() && !deadline.hasExpired())
        QTest::qWait(20);
    return m_link->status().running();
}

quint16 LiveEngineFixture::port(const QString &service)
{
    for (const ListenerState &listener : link().status().listeners) {
        if (listener.service == service)
            return listener.port;
    }
    return 0;
}

AdminReply LiveEngineFixture::call(const QString &operation, const QJsonObject &arguments, int timeoutMs)
{
    return call(link(), operation, arguments, timeoutMs);
}

AdminReply LiveEngineFixture::call(EngineLink &link, const QString &operation, const QJsonObject &arguments, int timeoutMs)
{
    std::optional<AdminReply> answer;
    QObject context;
    link.call(AdminRequest{operation, arguments}, &context, [&answer](const AdminReply &reply) { answer = reply; });
    QDeadlineTimer deadline(timeoutMs);
    while (!answer && !deadline.hasExpired())
        QTest::qWait(10);
    return answer.value_or(AdminReply::failure(AdminReply::Status::Unavailable,
                                               QStringLiteral("no reply to %1 within %2 ms").arg(operation).arg(timeoutMs)));
}

QString LiveEngineFixture::setting(const QString &key)
{
    const AdminReply reply = call(QStringLiteral("config.get"), {{QStringLiteral("key"), key}});
    return reply.ok() ? reply.result.toString() : QStringLiteral("<%1>").arg(reply.message);
}

QMap<QString, QString> LiveEngineFixture::settings(EngineLink &link)
{
    QMap<QString, QString> values;
    for (const QJsonValue &setting : call(link, QStringLiteral("config.list")).result.toArray())
        values.insert(setting[QStringLiteral("key")].toString(), setting[QStringLiteral("value")].toString());
    return values;
}

bool LiveEngineFixture::waitForChangesApplied(int mark, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_changesApplied <= mark && !deadline.hasExpired())
        QTest::qWait(10);
    return m_changesApplied > mark;
}

bool LiveEngineFixture::settle(int timeoutMs)
{
    QSignalSpy applied(&link(), &EngineLink::changesApplied);
    const AdminReply reply = call(QStringLiteral("config.set"), {{QStringLiteral("key"), QStringLiteral("log.retention_days")},
                                                                {QStringLiteral("value"), QStringLiteral("30")}});
    if (!reply.ok())
        return false;
    if (applied.isEmpty())
        return applied.wait(timeoutMs);
    // The engine applied changes while the request ran, perhaps before this one was committed.
    // QSignalSpy::wait() only sees later signals: give the engine two more polls, after which
    // the committed change has certainly been applied (with its own signal, or in the one seen).
    applied.wait(2 * m_options.changePollMs + 100);
    return true;
}

QStringList LiveEngineFixture::logLines(const QString &text)
{
    QStringList lines;
    for (const LogEntry &entry : m_hub.ring().entriesAfter(0)) {
        if (entry.text.contains(text))
            lines << entry.text;
    }
    return lines;
}

quint16 LiveEngineFixture::freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

std::unique_ptr<QTcpSocket> LiveEngineFixture::connectFrom(const QString &source, const QString &service)
{
    auto socket = std::make_unique<QTcpSocket>();
    if (!socket->bind(QHostAddress(source)))
        return nullptr;
    QSignalSpy connected(socket.get(), &QTcpSocket::connected);
    socket->connectToHost(QHostAddress::LocalHost, port(service));
    // Spin the event loop rather than block in waitFor*: the link's signals are delivered here.
    // A banned source is connected and closed at once, so "connected" is what counts, not the state now.
    QDeadlineTimer deadline(5000);
    while (connected.isEmpty() && socket->state() != QAbstractSocket::UnconnectedState && !deadline.hasExpired())
        QTest::qWait(10);
    if (connected.isEmpty())
        return nullptr;
    return socket;
}

QByteArray LiveEngineFixture::readReply(QTcpSocket &socket, int timeoutMs)
{
    QByteArray reply;
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        while (socket.canReadLine()) {
            const QByteArray line = socket.readLine();
            reply += line;
            // The last line of an SMTP reply has a space (or nothing) after the code: "250 OK", not
            // "250-"; a POP3 reply ("+OK …", "-ERR …") is one line.
            if (line.size() < 4 || line.at(3) != '-')
                return reply;
        }
        if (socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0)
            break;
        QTest::qWait(10);
    }
    return reply;
}

QByteArray LiveEngineFixture::command(QTcpSocket &socket, const QByteArray &line, int timeoutMs)
{
    socket.write(line + "\r\n");
    return readReply(socket, timeoutMs);
}

QByteArray LiveEngineFixture::deliver(const QString &recipient, const QByteArray &message, const QByteArray &sender)
{
    const std::unique_ptr<QTcpSocket> socket = connectFrom(QStringLiteral("127.0.0.1"));
    if (!socket)
        return "no connection";
    const std::pair<QByteArray, QByteArray> steps[] = {{QByteArray(), "220"},
                                                       {"EHLO client.test", "250"},
                                                       {"MAIL FROM:<" + sender + ">", "250"},
                                                       {"RCPT TO:<" + recipient.toUtf8() + ">", "250"},
                                                       {"DATA", "354"}};
    for (const auto &[line, expected] : steps) {
        const QByteArray reply = line.isEmpty() ? readReply(*socket) : command(*socket, line);
        if (!reply.startsWith(expected))
            return line + " -> " + reply;
    }
    socket->write(message);
    const QByteArray reply = command(*socket, "\r\n.");
    command(*socket, "QUIT");
    return reply;
}

bool LiveEngineFixture::sendMail(const QString &recipient, const QByteArray &subject)
{
    return deliver(recipient, "Subject: " + subject + "\r\n\r\nHello.", QByteArray()).startsWith("250");
}

bool LiveEngineFixture::pop3Login(const QString &user, const QString &password)
{
    const std::unique_ptr<QTcpSocket> socket = connectFrom(QStringLiteral("127.0.0.1"), QStringLiteral("pop3"));
    if (!socket || !readReply(*socket).startsWith("+OK") || !command(*socket, "USER " + user.toUtf8()).startsWith("+OK"))
        return false;
    const bool loggedIn = command(*socket, "PASS " + password.toUtf8()).startsWith("+OK");
    command(*socket, "QUIT");
    return loggedIn;
}
