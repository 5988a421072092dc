#include "liveenginefixture.h"

#include "adminservice.h"
#include "databaseurl.h"
#include "datadirectory.h"
#include "enginecontroller.h"
#include "inprocessenginelink.h"
#include "sqlstorage.h"

#include <QtTest>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QTcpSocket>

#include <optional>

LiveEngineFixture::LiveEngineFixture()
{
    m_options.dataDirectory = m_dir.path();
    m_options.ephemeralPorts = true;
    m_options.changePollMs = 200;
    m_options.housekeepingMs = 200;
    m_options.shutdownGraceMs = 2000;
    QMap<QString, QString> loopback{{QStringLiteral("listen.addresses"), QStringLiteral("127.0.0.1")}};
    for (const QString &service : {QStringLiteral("smtp"), QStringLiteral("submission"), QStringLiteral("smtps"),
                                   QStringLiteral("pop3"), QStringLiteral("pop3s")})
        loopback.insert(service + QStringLiteral(".port"), QStringLiteral("0"));
    configure(loopback);
}

LiveEngineFixture::~LiveEngineFixture() = default;

void LiveEngineFixture::configure(const QMap<QString, QString> &settings)
{
    SqlStorage storage(DatabaseUrl::sqliteFile(DataDirectory(m_dir.path()).databaseFile()));
    AdminService admin(storage, QStringLiteral("test"));
    for (auto it = settings.cbegin(); it != settings.cend(); ++it)
        admin.configSet(it.key(), it.value());
}

InProcessEngineLink &LiveEngineFixture::link()
{
    if (!m_link)
        m_link = std::make_unique<InProcessEngineLink>(m_options, m_hub);
    return *m_link;
}

bool LiveEngineFixture::start(int timeoutMs)
{
    EngineController &engine = link().controller();
    QSignalSpy started(&engine, &EngineController::started);
    link().startServer();
    return (started.count() > 0 || started.wait(timeoutMs)) && engine.isRunning();
}

AdminReply LiveEngineFixture::call(const QString &operation, const QJsonObject &arguments, int timeoutMs)
{
    std::optional<AdminReply> answer;
    QObject context;
    link().call(AdminRequest{operation, arguments}, &context, [&answer](const AdminReply &reply) { answer = reply; });
    QElapsedTimer clock;
    clock.start();
    while (!answer && clock.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return answer.value_or(AdminReply::failure(AdminReply::Status::Unavailable,
                                               QStringLiteral("no reply to %1 within %2 ms").arg(operation).arg(timeoutMs)));
}

bool LiveEngineFixture::settle(int timeoutMs)
{
    QSignalSpy applied(&link(), &EngineLink::changesApplied);
    const AdminReply reply = call(QStringLiteral("config.set"), {{QStringLiteral("key"), QStringLiteral("log.retention_days")},
                                                                {QStringLiteral("value"), QStringLiteral("30")}});
    return reply.ok() && applied.wait(timeoutMs);
}

namespace {

// One reply (the last line of a multi-line one) from a blocking test client, bounded.
QByteArray readReply(QTcpSocket &socket, bool smtp)
{
    QByteArray line;
    while (true) {
        if (!socket.canReadLine() && !socket.waitForReadyRead(20000))
            return line;
        line = socket.readLine();
        // SMTP continues a multi-line reply with "250-"; POP3 replies here are one line.
        if (!smtp || line.size() < 4 || line.at(3) != '-')
            return line;
    }
}

QByteArray exchange(QTcpSocket &socket, const QByteArray &command, bool smtp)
{
    socket.write(command + "\r\n");
    return readReply(socket, smtp);
}

}

bool LiveEngineFixture::pop3Login(const QString &user, const QString &password)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port(QStringLiteral("pop3")));
    if (!socket.waitForConnected(5000) || !readReply(socket, false).startsWith("+OK"))
        return false;
    if (!exchange(socket, "USER " + user.toUtf8(), false).startsWith("+OK"))
        return false;
    const bool loggedIn = exchange(socket, "PASS " + password.toUtf8(), false).startsWith("+OK");
    exchange(socket, "QUIT", false);
    return loggedIn;
}

bool LiveEngineFixture::sendMail(const QString &recipient, const QByteArray &subject)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port(QStringLiteral("smtp")));
    if (!socket.waitForConnected(5000) || !readReply(socket, true).startsWith("220"))
        return false;
    const bool accepted = exchange(socket, "EHLO client.test", true).startsWith("250")
                          && exchange(socket, "MAIL FROM:<>", true).startsWith("250")
                          && exchange(socket, "RCPT TO:<" + recipient.toUtf8() + ">", true).startsWith("250")
                          && exchange(socket, "DATA", true).startsWith("354")
                          && exchange(socket, "Subject: " + subject + "\r\n\r\nHello.\r\n.", true).startsWith("250");
    exchange(socket, "QUIT", true);
    return accepted;
}

quint16 LiveEngineFixture::port(const QString &service)
{
    for (const ListenerState &listener : link().controller().listeners()) {
        if (listener.service == service && listener.status == ListenerState::Status::Listening)
            return listener.port;
    }
    return 0;
}

QString LiveEngineFixture::mailDirectory() const
{
    return DataDirectory(m_dir.path()).mailDirectory();
}
