// The admin socket end to end in one process: a real engine (EngineController) serves
// admin.sock, AdminSocketLink and raw QLocalSockets talk to it.

#include "adminservice.h"
#include "adminsocketlink.h"
#include "adminsocketprotocol.h"
#include "adminsocketserver.h"
#include "databaseurl.h"
#include "datadirectory.h"
#include "enginecontroller.h"
#include "log.h"
#include "loghub.h"
#include "sqlstorage.h"

#include <QtTest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalSocket>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <optional>

class TestAdminSocket : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void callRoundTrip();
    void socketIsPrivate();
    void statusEventsFollowStopAndStart();
    void logEventsFillTheRing();
    void changesAppliedIsPushed();
    void staleSocketIsReplaced();
    void secondEngineIsRefused();
    void oversizeLineClosesTheClient();
    void badJsonIsAnswered();
    void clientThatStopsReadingIsDropped();
    void tooManyClientsAreTurnedAway();
    void engineGoneDisconnectsTheLink();

private:
    [[nodiscard]] EngineOptions options() const;
    void startEngine();
    [[nodiscard]] std::unique_ptr<AdminSocketLink> attach();
    [[nodiscard]] static AdminReply callAndWait(AdminSocketLink &link, const AdminRequest &request);

    LogHub m_hub;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<EngineController> m_engine;
};

void TestAdminSocket::initTestCase()
{
    Log::install(&m_hub);
}

void TestAdminSocket::cleanupTestCase()
{
    Log::install(nullptr);
}

void TestAdminSocket::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    SqlStorage storage(DatabaseUrl::sqliteFile(DataDirectory(m_dir->path()).databaseFile()));
    AdminService admin(storage, QStringLiteral("test"));
    admin.configSet(QStringLiteral("listen.addresses"), QStringLiteral("127.0.0.1"));
    for (const QString &service : {QStringLiteral("smtp"), QStringLiteral("submission"), QStringLiteral("smtps"),
                                   QStringLiteral("pop3"), QStringLiteral("pop3s")})
        admin.configSet(service + QStringLiteral(".port"), QStringLiteral("0"));
}

void TestAdminSocket::cleanup()
{
    m_engine.reset();
    m_dir.reset();
}

EngineOptions TestAdminSocket::options() const
{
    EngineOptions options;
    options.dataDirectory = m_dir->path();
    options.ephemeralPorts = true;
    options.changePollMs = 200;
    options.housekeepingMs = 200;
    options.shutdownGraceMs = 2000;
    return options;
}

void TestAdminSocket::startEngine()
{
    m_engine = std::make_unique<EngineController>(options());
    QSignalSpy started(m_engine.get(), &EngineController::started);
    m_engine->start();
    QVERIFY(started.wait(15000));
    QVERIFY(m_engine->adminSocket());
}

std::unique_ptr<AdminSocketLink> TestAdminSocket::attach()
{
    // tryAttach waits for the greeting, which the engine (in this thread) must send: connect
    // by hand and let the event loop run instead.
    auto *socket = new QLocalSocket;
    socket->connectToServer(AdminSocketProtocol::socketPath(m_dir->path()));
    auto link = std::make_unique<AdminSocketLink>(socket, m_dir->path());
    // Callers check serverPid(): QTRY cannot return a value from here.
    (void)QTest::qWaitFor([&] { return link->serverPid() != 0; }, 5000);
    return link;
}

AdminReply TestAdminSocket::callAndWait(AdminSocketLink &link, const AdminRequest &request)
{
    std::optional<AdminReply> reply;
    QObject context;
    link.call(request, &context, [&](const AdminReply &answer) { reply = answer; });
    if (!QTest::qWaitFor([&] { return reply.has_value(); }, 10000))
        return AdminReply::failure(AdminReply::Status::Unavailable, QStringLiteral("test: no reply in 10 s"));
    return *reply;
}

void TestAdminSocket::callRoundTrip()
{
    startEngine();
    const std::unique_ptr<AdminSocketLink> link = attach();
    QVERIFY(link->serverPid() != 0);
    QVERIFY(link->isAttached());
    QCOMPARE(link->serverPid(), qint64(QCoreApplication::applicationPid()));
    QCOMPARE(link->status().state, EngineStatus::State::Running);
    QCOMPARE(link->status().listeners.size(), 5);

    const AdminReply added = callAndWait(*link, {QStringLiteral("domain.add"), {{QStringLiteral("domain"), QStringLiteral("sock.test")}}});
    QVERIFY2(added.ok(), qPrintable(added.message));
    const AdminReply again = callAndWait(*link, {QStringLiteral("domain.add"), {{QStringLiteral("domain"), QStringLiteral("sock.test")}}});
    QCOMPARE(again.status, AdminReply::Status::Duplicate);
    const AdminReply listed = callAndWait(*link, {QStringLiteral("domain.list"), {}});
    QVERIFY(listed.ok());
    QVERIFY2(QJsonDocument(listed.result.toArray()).toJson().contains("sock.test"),
             QJsonDocument(listed.result.toArray()).toJson().constData());
    const AdminReply unknown = callAndWait(*link, {QStringLiteral("no.such"), {}});
    QCOMPARE(unknown.status, AdminReply::Status::UnknownOperation);
    const AdminReply status = callAndWait(*link, {QStringLiteral("engine.status"), {}});
    QCOMPARE(EngineStatus::fromJson(status.result.toObject()).state, EngineStatus::State::Running);
}

void TestAdminSocket::socketIsPrivate()
{
    startEngine();
    struct stat info{};
    QCOMPARE(::stat(QFile::encodeName(AdminSocketProtocol::socketPath(m_dir->path())).constData(), &info), 0);
    QVERIFY(S_ISSOCK(info.st_mode));
    QCOMPARE(info.st_mode & 0777, mode_t(0600));
}

void TestAdminSocket::statusEventsFollowStopAndStart()
{
    startEngine();
    const std::unique_ptr<AdminSocketLink> link = attach();
    QVERIFY(link->serverPid() != 0);
    QSignalSpy changed(link.get(), &EngineLink::statusChanged);
    link->stopServer();
    QTRY_COMPARE_WITH_TIMEOUT(link->status().state, EngineStatus::State::Stopped, 10000);
    QVERIFY(!changed.isEmpty());
    QVERIFY(link->isConnected());   // the process and its socket stay: Start works again
    QVERIFY(QFile::exists(AdminSocketProtocol::socketPath(m_dir->path())));
    link->startServer();
    QTRY_COMPARE_WITH_TIMEOUT(link->status().state, EngineStatus::State::Running, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(link->status().listeners.size(), 5, 5000);
}

void TestAdminSocket::logEventsFillTheRing()
{
    startEngine();
    const std::unique_ptr<AdminSocketLink> link = attach();
    QVERIFY(link->serverPid() != 0);
    // The greeting brought the past: the engine's own start lines.
    const auto ringHas = [&](const QString &text) {
        for (const LogEntry &entry : link->logRing().entriesAfter(0)) {
            if (entry.text.contains(text))
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(ringHas(QStringLiteral("listening smtp 127.0.0.1:")), 5000);
    Log::warning(QStringLiteral("test"), QStringLiteral("abc123"), QStringLiteral("a line for the attached GUI"));
    QTRY_VERIFY_WITH_TIMEOUT(ringHas(QStringLiteral("a line for the attached GUI")), 5000);
    const QList<LogEntry> entries = link->logRing().entriesAfter(0);
    const auto it = std::find_if(entries.cbegin(), entries.cend(), [](const LogEntry &entry) {
        return entry.text == QStringLiteral("a line for the attached GUI");
    });
    QVERIFY(it != entries.cend());
    QCOMPARE(it->level, LogLevel::Warning);
    QCOMPARE(it->session, QStringLiteral("abc123"));
    QVERIFY(it->timestamp.isValid());
}

void TestAdminSocket::changesAppliedIsPushed()
{
    startEngine();
    const std::unique_ptr<AdminSocketLink> link = attach();
    QVERIFY(link->serverPid() != 0);
    QSignalSpy applied(link.get(), &EngineLink::changesApplied);
    const AdminReply set = callAndWait(*link, {QStringLiteral("config.set"), {{QStringLiteral("key"), QStringLiteral("smtp.max_recipients")},
                                                                              {QStringLiteral("value"), QStringLiteral("7")}}});
    QVERIFY2(set.ok(), qPrintable(set.message));
    // It may have come while the request was answered: wait() sees only later ones.
    QVERIFY(applied.count() > 0 || applied.wait(5000));
}

void TestAdminSocket::staleSocketIsReplaced()
{
    // A socket file nobody listens on, as a killed engine leaves it.
    const QByteArray path = QFile::encodeName(AdminSocketProtocol::socketPath(m_dir->path()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
    QCOMPARE(::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address), 0);
    ::close(fd);
    QVERIFY(QFile::exists(QFile::decodeName(path)));
    QVERIFY(!AdminSocketServer::engineAnswers(m_dir->path()));

    startEngine();
    QVERIFY(AdminSocketServer::engineAnswers(m_dir->path()));
    const std::unique_ptr<AdminSocketLink> link = attach();
    QVERIFY(link->serverPid() != 0);
    QCOMPARE(link->status().state, EngineStatus::State::Running);
}

void TestAdminSocket::secondEngineIsRefused()
{
    startEngine();
    EngineController second(options());
    QSignalSpy failed(&second, &EngineController::startFailed);
    QSignalSpy started(&second, &EngineController::started);
    second.start();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
    const QString reason = failed.at(0).at(0).toString();
    QVERIFY2(reason.contains(QStringLiteral("already running")), qPrintable(reason));
    QCOMPARE(second.status().state, EngineStatus::State::Failed);
    QVERIFY(!second.isActive());
    QVERIFY(started.isEmpty());
    // The first engine still serves its socket.
    QVERIFY(AdminSocketServer::engineAnswers(m_dir->path()));
}

void TestAdminSocket::oversizeLineClosesTheClient()
{
    startEngine();
    QLocalSocket client;
    client.connectToServer(AdminSocketProtocol::socketPath(m_dir->path()));
    QVERIFY(client.waitForConnected(5000));
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->adminSocket()->clientCount(), 1, 5000);
    const QByteArray huge(AdminSocketProtocol::kMaxLineBytes + 4096, 'x');
    client.write(huge);
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QLocalSocket::UnconnectedState, 10000);
    QCOMPARE(m_engine->adminSocket()->clientCount(), 0);
}

void TestAdminSocket::clientThatStopsReadingIsDropped()
{
    startEngine();
    m_engine->adminSocket()->setMaxPendingOutput(64 * 1024);
    // A raw client that connects and never reads: the kernel's buffer fills, then the server's.
    const QByteArray path = QFile::encodeName(AdminSocketProtocol::socketPath(m_dir->path()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
    QCOMPARE(::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address), 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->adminSocket()->clientCount(), 1, 5000);
    const QString filler(200, QLatin1Char('x'));
    for (int batch = 0; batch < 40 && m_engine->adminSocket()->clientCount() == 1; ++batch) {
        for (int i = 0; i < 500; ++i)
            Log::info(QStringLiteral("test"), QStringLiteral("-"), filler);
        QTest::qWait(300);   // one log batch goes out every 250 ms
    }
    QCOMPARE(m_engine->adminSocket()->clientCount(), 0);
    ::close(fd);
    // A reading client is still served.
    const std::unique_ptr<AdminSocketLink> link = attach();
    QVERIFY(link->serverPid() != 0);
}

void TestAdminSocket::badJsonIsAnswered()
{
    startEngine();
    QLocalSocket client;
    client.connectToServer(AdminSocketProtocol::socketPath(m_dir->path()));
    QVERIFY(client.waitForConnected(5000));
    client.write("this is not json\n");
    QJsonObject answer;
    QTRY_VERIFY_WITH_TIMEOUT([&] {
        while (client.canReadLine()) {
            const QJsonObject object = QJsonDocument::fromJson(client.readLine()).object();
            if (!object.contains(QStringLiteral("event")))
                answer = object;
        }
        return !answer.isEmpty();
    }(), 5000);
    QCOMPARE(answer.value(QStringLiteral("status")).toString(), QStringLiteral("invalid"));
    QCOMPARE(client.state(), QLocalSocket::ConnectedState);   // a bad line is answered, not fatal
}

void TestAdminSocket::tooManyClientsAreTurnedAway()
{
    startEngine();
    std::vector<std::unique_ptr<QLocalSocket>> clients;
    for (int i = 0; i < AdminSocketProtocol::kMaxClients; ++i) {
        clients.push_back(std::make_unique<QLocalSocket>());
        clients.back()->connectToServer(AdminSocketProtocol::socketPath(m_dir->path()));
        QVERIFY(clients.back()->waitForConnected(5000));
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->adminSocket()->clientCount(), AdminSocketProtocol::kMaxClients, 5000);
    QLocalSocket extra;
    extra.connectToServer(AdminSocketProtocol::socketPath(m_dir->path()));
    QVERIFY(extra.waitForConnected(5000));
    QTRY_COMPARE_WITH_TIMEOUT(extra.state(), QLocalSocket::UnconnectedState, 5000);
    QCOMPARE(m_engine->adminSocket()->clientCount(), AdminSocketProtocol::kMaxClients);
}

void TestAdminSocket::engineGoneDisconnectsTheLink()
{
    startEngine();
    const std::unique_ptr<AdminSocketLink> link = attach();
    QVERIFY(link->serverPid() != 0);
    QSignalSpy gone(link.get(), &EngineLink::disconnected);
    // A call in flight when the engine goes: the server never reads it (no event loop ran).
    std::optional<AdminReply> pending;
    QObject context;
    link->call({QStringLiteral("domain.list"), {}}, &context, [&](const AdminReply &reply) { pending = reply; });
    m_engine.reset();   // the process ends: its socket closes and the file goes
    QVERIFY(gone.wait(10000));
    QVERIFY(pending.has_value());
    QCOMPARE(pending->status, AdminReply::Status::Unavailable);
    QVERIFY(!link->isConnected());
    QVERIFY(!QFile::exists(AdminSocketProtocol::socketPath(m_dir->path())));
    QCOMPARE(link->status().state, EngineStatus::State::Failed);
    const AdminReply after = callAndWait(*link, {QStringLiteral("domain.list"), {}});
    QCOMPARE(after.status, AdminReply::Status::Unavailable);
}

QTEST_GUILESS_MAIN(TestAdminSocket)
#include "tst_adminsocket.moc"
