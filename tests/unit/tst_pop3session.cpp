// The POP3 session beyond single conversations: the maildrop lock across sessions, what a drop,
// QUIT, RSET and a timeout leave behind, streaming of large messages with flow control (pure
// and through a real Connection), login records, storage failures and the log.

#include <sys/socket.h>

#include <memory>

#include <QEventLoop>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include "connection.h"
#include "connectionlimits.h"
#include "fakeauthenticator.h"
#include "inmemoryauthfailurerecorder.h"
#include "inmemoryloginrecorder.h"
#include "log.h"
#include "loghub.h"
#include "memorymailstore.h"
#include "pop3fixture.h"
#include "pop3session.h"
#include "pop3sessionfactory.h"
#include "recordingtransport.h"

namespace {

const QByteArray kLoginAlice = "USER alice@example.test\r\nPASS password123\r\n";

// One session over a RecordingTransport, greeted already.
struct Client
{
    Client(Authenticator &authenticator, MemoryMailStore &store, LoginRecorder &recorder,
           const QString &address = QStringLiteral("127.0.0.1"), Pop3SessionConfig config = {})
    {
        ClientInfo info;
        info.address = QHostAddress(address);
        info.service = QStringLiteral("pop3");
        info.sessionId = QStringLiteral("test");
        session = std::make_unique<Pop3Session>(config, info, transport, authenticator, store.opener(), recorder, failures);
        session->start();
        greeting = transport.takeSent();
    }

    QByteArray send(const QByteArray &bytes)
    {
        session->receive(bytes);
        return transport.takeSent();
    }

    RecordingTransport transport;
    InMemoryAuthFailureRecorder failures;
    std::unique_ptr<Pop3Session> session;
    QByteArray greeting;
};

// A message of about `size` octets with CRLF lines, many of them starting with '.', some at the
// stream's block boundaries.
QByteArray bigMessage(qint64 size)
{
    QByteArray message = "Subject: big\r\n\r\n";
    QRandomGenerator random(42);
    while (message.size() < size) {
        const int length = int(random.bounded(120));
        QByteArray line(length, 'x');
        const quint32 kind = random.bounded(4);
        if (kind == 0 && length > 0)
            line[0] = '.';
        else if (kind == 1)
            line = QByteArray(".");
        else if (kind == 2)
            line.prepend("..");
        message += line + "\r\n";
    }
    return message;
}

// The message as a client reads it back from "+OK ...\r\n" <stuffed lines> ".\r\n".
QByteArray unstuff(const QByteArray &reply, QByteArray *rest)
{
    const qsizetype start = reply.indexOf("\r\n") + 2;
    const qsizetype end = reply.indexOf("\r\n.\r\n", start - 2);
    if (end < 0)
        return {};
    *rest = reply.mid(end + 5);
    QByteArray out;
    const QList<QByteArray> lines = reply.mid(start, end + 2 - start).split('\n');
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        out += line.startsWith('.') ? line.mid(1) : line;
        out += '\n';
    }
    return out;
}

// Hands accepted descriptors to the test instead of making sockets.
class DescriptorServer : public QTcpServer
{
public:
    QList<qintptr> descriptors;

protected:
    void incomingConnection(qintptr descriptor) override { descriptors << descriptor; }
};

}

class TestPop3Session : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void secondLoginGetsInUse();
    void dropDeletesNothing();
    void quitDeletes();
    void rsetUndeletes();
    void moreThanThreeFailedLoginsClose();
    void readingPausedDuringCheck();
    void stlsGoAheadLeavesFirst();
    void destroyedWhileChecking();
    void timeoutClosesAndKeepsMail();
    void largeMessageStreamsInBlocks();
    void slowDownloadSurvivesTimeout();
    void stalledDownloadTimesOut();
    void pipelineWhileStalledIsBounded();
    void readErrorClosesMidMessage();
    void openFailureIsTemporary();
    void deleteFailureIsReported();
    void loginIsRecorded();
    void secretsNeverLogged();
    void factory();
    void connectionStreamsLargeMessage();

private:
    std::unique_ptr<FakeAuthenticator> m_authenticator;
    std::unique_ptr<MemoryMailStore> m_store;
    std::unique_ptr<InMemoryLoginRecorder> m_recorder;
    InMemoryAuthFailureRecorder m_failures;
};

void TestPop3Session::init()
{
    m_authenticator = std::make_unique<FakeAuthenticator>();
    Pop3Fixture::addAccounts(*m_authenticator);
    m_store = std::make_unique<MemoryMailStore>();
    Pop3Fixture::addMessages(*m_store);
    m_recorder = std::make_unique<InMemoryLoginRecorder>();
}

void TestPop3Session::secondLoginGetsInUse()
{
    Client first(*m_authenticator, *m_store, *m_recorder);
    QVERIFY(first.send(kLoginAlice).contains("+OK Logged in"));
    QCOMPARE(first.session->state(), Pop3Session::State::Transaction);

    Client second(*m_authenticator, *m_store, *m_recorder);
    QCOMPARE(second.send(kLoginAlice), QByteArray("+OK send PASS\r\n-ERR [IN-USE] mailbox locked\r\n"));
    QCOMPARE(second.session->state(), Pop3Session::State::Authorization);
    QVERIFY(!second.transport.closed());
    // Another account is not affected.
    Client bob(*m_authenticator, *m_store, *m_recorder);
    QVERIFY(bob.send("USER bob@example.test\r\nPASS password456\r\n").contains("+OK Logged in"));

    QVERIFY(first.send("QUIT\r\n").startsWith("+OK"));
    QVERIFY(first.transport.closed());
    QVERIFY(second.send(kLoginAlice).contains("+OK Logged in"));
}

void TestPop3Session::dropDeletesNothing()
{
    {
        Client client(*m_authenticator, *m_store, *m_recorder);
        client.send(kLoginAlice);
        QCOMPARE(client.send("DELE 1\r\nDELE 3\r\n"), QByteArray("+OK message 1 deleted\r\n+OK message 3 deleted\r\n"));
        client.session->disconnected();
        QCOMPARE(client.session->state(), Pop3Session::State::Closed);
    }
    QCOMPARE(m_store->messages(Pop3Fixture::alice()).size(), 3);
    QCOMPARE(m_store->locks().lockedCount(), 0);
}

void TestPop3Session::quitDeletes()
{
    Client client(*m_authenticator, *m_store, *m_recorder);
    client.send(kLoginAlice);
    const QByteArray uids = client.send("UIDL\r\n");
    client.send("DELE 2\r\n");
    QCOMPARE(client.send("QUIT\r\n"), QByteArray("+OK Postern signing off (2 messages left)\r\n"));
    QVERIFY(client.transport.closed());
    QCOMPARE(m_store->locks().lockedCount(), 0);
    const QList<MemoryMailStore::Message> left = m_store->messages(Pop3Fixture::alice());
    QCOMPARE(left.size(), 2);
    QCOMPARE(left.at(0).bytes, Pop3Fixture::message(1));
    QCOMPARE(left.at(1).bytes, Pop3Fixture::message(3));

    // The next session numbers the rest afresh; their uids are unchanged.
    Client next(*m_authenticator, *m_store, *m_recorder);
    QVERIFY(next.send(kLoginAlice).contains("2 messages (172 octets)"));
    const QByteArray nextUids = next.send("UIDL\r\n");
    const QList<QByteArray> before = uids.split('\n');
    const QList<QByteArray> after = nextUids.split('\n');
    QCOMPARE(after.size(), 5);
    QCOMPARE(after.at(1).mid(2), before.at(1).mid(2));
    QCOMPARE(after.at(2).mid(2), before.at(3).mid(2));
}

void TestPop3Session::rsetUndeletes()
{
    Client client(*m_authenticator, *m_store, *m_recorder);
    client.send(kLoginAlice);
    client.send("DELE 1\r\nDELE 2\r\nDELE 3\r\n");
    QCOMPARE(client.send("STAT\r\n"), QByteArray("+OK 0 0\r\n"));
    QCOMPARE(client.send("RSET\r\n"), QByteArray("+OK maildrop has 3 messages (292 octets)\r\n"));
    QCOMPARE(client.send("QUIT\r\n"), QByteArray("+OK Postern signing off (3 messages left)\r\n"));
    QCOMPARE(m_store->messages(Pop3Fixture::alice()).size(), 3);
}

void TestPop3Session::moreThanThreeFailedLoginsClose()
{
    Client client(*m_authenticator, *m_store, *m_recorder);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(client.send("USER alice@example.test\r\nPASS nope\r\n"),
                 QByteArray("+OK send PASS\r\n-ERR [AUTH] Authentication failed\r\n"));
        QVERIFY(!client.transport.closed());
    }
    QCOMPARE(client.send("AUTH PLAIN AGFsaWNlQGV4YW1wbGUudGVzdAB3cm9uZw==\r\nCAPA\r\n"),
             QByteArray("-ERR [AUTH] Too many failed authentication attempts\r\n"));
    QVERIFY(client.transport.closed());
    QCOMPARE(client.session->state(), Pop3Session::State::Closed);
    QCOMPARE(client.send(kLoginAlice), QByteArray());
    QCOMPARE(m_authenticator->calls(), 4);
    QVERIFY(!m_recorder->lastLogin(QHostAddress(QStringLiteral("127.0.0.1"))));
    // Every failure is there for the brute-force rules, with its mechanism.
    const QList<AuthFailure> failures = client.failures.failures(QHostAddress(QStringLiteral("127.0.0.1")), std::chrono::hours(1));
    QCOMPARE(failures.size(), 4);
    QCOMPARE(failures.first().mechanism, QStringLiteral("USER"));
    QCOMPARE(failures.last().mechanism, QStringLiteral("PLAIN"));
    QCOMPARE(failures.last().service, QStringLiteral("pop3"));
}

void TestPop3Session::readingPausedDuringCheck()
{
    FakeAuthenticator deferred(FakeAuthenticator::Mode::Deferred);
    Pop3Fixture::addAccounts(deferred);
    Client client(deferred, *m_store, *m_recorder);
    QCOMPARE(client.send(kLoginAlice + "STAT\r\n"), QByteArray("+OK send PASS\r\n"));
    QCOMPARE(client.session->state(), Pop3Session::State::WaitingForAuth);
    QVERIFY(client.transport.paused());
    const int sendsBefore = client.transport.sends();
    deferred.runPending();
    QVERIFY(!client.transport.paused());
    // The login reply and the pipelined STAT leave together.
    QCOMPARE(client.transport.takeSent(), QByteArray("+OK Logged in, maildrop has 3 messages (292 octets)\r\n+OK 3 292\r\n"));
    QCOMPARE(client.transport.sends(), sendsBefore + 1);
}

void TestPop3Session::stlsGoAheadLeavesFirst()
{
    // The transport switches to TLS inside startTls(): the +OK (and every earlier reply of the
    // batch) must already have been handed to it, and nothing after STLS is answered.
    Client client(*m_authenticator, *m_store, *m_recorder);
    client.transport.setTlsAvailable(true);
    const int before = client.transport.sends();
    client.session->receive("NOOP\r\nSTLS\r\nUSER alice@example.test\r\n");
    QVERIFY(client.transport.tlsRequested());
    QCOMPARE(client.transport.takeSent(), QByteArray("-ERR not logged in\r\n+OK Begin TLS negotiation\r\n"));
    QCOMPARE(client.transport.sends(), before + 1);
    QCOMPARE(client.session->state(), Pop3Session::State::StartingTls);
    client.transport.completeTls();
    client.session->tlsStarted();
    QCOMPARE(client.session->state(), Pop3Session::State::Authorization);
    // No USER survived: PASS has nothing to go with.
    QCOMPARE(client.send("PASS password123\r\n"), QByteArray("-ERR send USER first\r\n"));
    QVERIFY(client.send(kLoginAlice).endsWith("+OK Logged in, maildrop has 3 messages (292 octets)\r\n"));
}

void TestPop3Session::destroyedWhileChecking()
{
    FakeAuthenticator deferred(FakeAuthenticator::Mode::Deferred);
    Pop3Fixture::addAccounts(deferred);
    {
        Client client(deferred, *m_store, *m_recorder);
        client.send(kLoginAlice);
        QVERIFY(deferred.hasPending());
        client.session->disconnected();
    }
    deferred.runPending();   // must not touch the destroyed session
    QCOMPARE(m_store->locks().lockedCount(), 0);
}

void TestPop3Session::timeoutClosesAndKeepsMail()
{
    Client client(*m_authenticator, *m_store, *m_recorder);
    QCOMPARE(client.transport.idleTimeout(), 10 * 60 * 1000);
    client.send(kLoginAlice + "DELE 1\r\n");
    client.session->timedOut();
    QCOMPARE(client.transport.takeSent(), QByteArray("-ERR disconnected for inactivity\r\n"));
    QVERIFY(client.transport.closed());
    QCOMPARE(client.session->state(), Pop3Session::State::Closed);
    QCOMPARE(m_store->locks().lockedCount(), 0);
    QCOMPARE(m_store->messages(Pop3Fixture::alice()).size(), 3);
}

void TestPop3Session::largeMessageStreamsInBlocks()
{
    const QByteArray message = bigMessage(5 * 1024 * 1024);
    m_store->add(Pop3Fixture::bob(), "big", message);
    Client client(*m_authenticator, *m_store, *m_recorder);
    client.send("USER bob@example.test\r\nPASS password456\r\n");
    client.transport.simulateQueue(true);
    const int sendsBefore = client.transport.sends();

    QByteArray received = client.send("RETR 1\r\nNOOP\r\n");
    int rounds = 0;
    while (client.session->isSendingReply() && rounds < 10000) {
        QVERIFY(client.transport.queuedOutputBytes() >= Pop3Session::kHighWaterBytes);
        client.transport.drainQueue();
        client.session->outputDrained();
        received += client.transport.takeSent();
        ++rounds;
    }
    QVERIFY(!client.session->isSendingReply());
    QVERIFY2(client.transport.maxQueued() <= 256 * 1024, qPrintable(QString::number(client.transport.maxQueued())));
    QVERIFY(rounds >= 20);
    QVERIFY(client.transport.sends() - sendsBefore >= 40);
    QVERIFY(received.startsWith("+OK " + QByteArray::number(message.size()) + " octets\r\n"));
    QByteArray rest;
    QCOMPARE(unstuff(received, &rest), message);
    // The pipelined NOOP was answered after the message, not in the middle of it.
    QCOMPARE(rest, QByteArray("+OK\r\n"));
}

void TestPop3Session::slowDownloadSurvivesTimeout()
{
    m_store->add(Pop3Fixture::bob(), "big", bigMessage(2 * 1024 * 1024));
    Client client(*m_authenticator, *m_store, *m_recorder);
    client.send("USER bob@example.test\r\nPASS password456\r\n");
    client.transport.simulateQueue(true);
    client.send("RETR 1\r\n");
    client.transport.drainQueue();
    client.session->outputDrained();
    QVERIFY(!client.transport.takeSent().isEmpty());
    // The client reads, only slowly: the idle deadline passing is no reason to cut it off.
    client.session->timedOut();
    QVERIFY(!client.transport.closed());
    QVERIFY(client.session->isSendingReply());
    QVERIFY(client.transport.takeSent().isEmpty());
}

void TestPop3Session::stalledDownloadTimesOut()
{
    m_store->add(Pop3Fixture::bob(), "big", bigMessage(2 * 1024 * 1024));
    Client client(*m_authenticator, *m_store, *m_recorder);
    client.send("USER bob@example.test\r\nPASS password456\r\n");
    client.transport.simulateQueue(true);
    client.send("RETR 1\r\n");
    client.session->timedOut();
    QVERIFY(client.transport.closed());
    // No -ERR in the middle of message data.
    QVERIFY(client.transport.takeSent().isEmpty());
    QCOMPARE(m_store->locks().lockedCount(), 0);
}

void TestPop3Session::pipelineWhileStalledIsBounded()
{
    m_store->add(Pop3Fixture::bob(), "big", bigMessage(2 * 1024 * 1024));
    Client client(*m_authenticator, *m_store, *m_recorder);
    client.send("USER bob@example.test\r\nPASS password456\r\n");
    client.transport.simulateQueue(true);
    client.send("RETR 1\r\n");
    QByteArray noops;
    while (noops.size() < 32 * 1024)
        noops += "NOOP\r\n";
    client.send(noops);
    QVERIFY(!client.transport.closed());   // held until the message has gone out
    client.send(noops + noops);
    QVERIFY(client.transport.closed());
    QCOMPARE(client.session->state(), Pop3Session::State::Closed);
}

void TestPop3Session::readErrorClosesMidMessage()
{
    Client client(*m_authenticator, *m_store, *m_recorder);
    client.send(kLoginAlice);
    m_store->setFailReads(true);
    const QByteArray sent = client.send("RETR 1\r\nNOOP\r\n");
    QVERIFY(sent.startsWith("+OK 84 octets\r\n"));
    QVERIFY(!sent.endsWith(".\r\n"));   // no terminator: the client must not take it as complete
    QVERIFY(!sent.contains("+OK\r\n"));
    QVERIFY(client.transport.closed());
}

void TestPop3Session::openFailureIsTemporary()
{
    Client client(*m_authenticator, *m_store, *m_recorder);
    m_store->failNextOpen();
    QCOMPARE(client.send(kLoginAlice),
             QByteArray("+OK send PASS\r\n-ERR [SYS/TEMP] mailbox unavailable, try again later\r\n"));
    QCOMPARE(client.session->state(), Pop3Session::State::Authorization);
    QVERIFY(client.send(kLoginAlice).contains("+OK Logged in"));
}

void TestPop3Session::deleteFailureIsReported()
{
    Client client(*m_authenticator, *m_store, *m_recorder);
    client.send(kLoginAlice + "DELE 1\r\n");
    m_store->setFailDeletes(true);
    QCOMPARE(client.send("QUIT\r\n"), QByteArray("-ERR [SYS/TEMP] some deleted messages not removed\r\n"));
    QVERIFY(client.transport.closed());
    QCOMPARE(m_store->locks().lockedCount(), 0);
}

void TestPop3Session::loginIsRecorded()
{
    // Clients away from loopback, allowed to send passwords in clear text here.
    Pop3SessionConfig anywhere;
    anywhere.plaintextPolicy = PlaintextAuthPolicy(PlaintextAuthPolicy::Mode::Always, {});
    Client failed(*m_authenticator, *m_store, *m_recorder, QStringLiteral("192.0.2.8"), anywhere);
    failed.send("USER alice@example.test\r\nPASS wrong\r\n");
    QVERIFY(!m_recorder->lastLogin(QHostAddress(QStringLiteral("192.0.2.8"))));

    Client client(*m_authenticator, *m_store, *m_recorder, QStringLiteral("::ffff:192.0.2.7"), anywhere);
    client.send("USER Alice@Example.Test\r\nPASS password123\r\n");
    const std::optional<LoginRecord> record = m_recorder->lastLogin(QHostAddress(QStringLiteral("192.0.2.7")));
    QVERIFY(record);
    QCOMPARE(record->account, Pop3Fixture::alice());
    QVERIFY(qAbs(record->time.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    QCOMPARE(client.session->account(), Pop3Fixture::alice());
}

void TestPop3Session::secretsNeverLogged()
{
    LogHub hub(1000);
    hub.setMinimumLevel(LogLevel::Debug);
    Log::install(&hub);
    const QString secret = QStringLiteral("S3cr3t-Pa55 with spaces");
    m_authenticator->addAccount(QStringLiteral("dave@example.test"), secret);
    // "\0dave@example.test\0<secret>" in base64.
    const QByteArray plain = QByteArray("\0dave@example.test\0", 19) + secret.toUtf8();
    const QByteArray encoded = plain.toBase64();
    {
        Client client(*m_authenticator, *m_store, *m_recorder);
        client.send("USER dave@example.test\r\nPASS " + secret.toUtf8() + "\r\nQUIT\r\n");
    }
    {
        Client client(*m_authenticator, *m_store, *m_recorder);
        client.send("USER dave@example.test\r\npass " + secret.toUtf8() + "x\r\n");
        client.send("AUTH PLAIN " + encoded + "\r\nQUIT\r\n");
    }
    {
        Client client(*m_authenticator, *m_store, *m_recorder);
        client.send("AUTH PLAIN\r\n" + encoded + "\r\nQUIT\r\n");
        QVERIFY(client.transport.closed());
    }
    Log::install(nullptr);
    const QList<LogEntry> entries = hub.ring().entriesAfter(0);
    bool sawRedactedPass = false;
    bool sawLogin = false;
    for (const LogEntry &entry : entries) {
        QVERIFY2(!entry.text.contains(QStringLiteral("S3cr3t")), qPrintable(entry.text));
        QVERIFY2(!entry.text.contains(QString::fromLatin1(encoded.left(20))), qPrintable(entry.text));
        sawRedactedPass = sawRedactedPass || entry.text == QStringLiteral("C: PASS ***");
        sawLogin = sawLogin || entry.text.startsWith(QStringLiteral("login dave@example.test"));
    }
    QVERIFY(sawRedactedPass);   // the debug lines were there to be checked
    QVERIFY(sawLogin);
}

void TestPop3Session::factory()
{
    Pop3SessionFactory factory(*m_authenticator, m_store->opener(), *m_recorder, m_failures);
    QCOMPARE(factory.refusalLine(Admission::TooManyTotal), QByteArray("-ERR [SYS/TEMP] Too many connections, try again later\r\n"));
    QVERIFY(factory.refusalLine(Admission::TooManyFromAddress).startsWith("-ERR [SYS/TEMP] "));
    Pop3SessionConfig config;
    config.idleTimeoutMs = 12345;
    factory.setConfig(config);
    RecordingTransport transport;
    ClientInfo info;
    info.address = QHostAddress(QStringLiteral("127.0.0.1"));
    info.service = QStringLiteral("pop3");
    const std::unique_ptr<ProtocolSession> session = factory.create(info, transport);
    QVERIFY(session);
    session->start();
    QCOMPARE(transport.takeSent(), QByteArray("+OK Postern ready\r\n"));
    QCOMPARE(transport.idleTimeout(), 12345);
    session->receive(kLoginAlice);
    QVERIFY(transport.takeSent().contains("+OK Logged in"));
}

void TestPop3Session::connectionStreamsLargeMessage()
{
    // Through a real socket: the Connection's queue fills, the session stops, and only the
    // Connection's outputDrained() can bring the rest of the message out.
    const QByteArray message = bigMessage(8 * 1024 * 1024);
    m_store->add(Pop3Fixture::bob(), "big", message);
    Pop3SessionFactory factory(*m_authenticator, m_store->opener(), *m_recorder, m_failures);
    DescriptorServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));

    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QTRY_VERIFY_WITH_TIMEOUT(!server.descriptors.isEmpty(), 10000);
    QVERIFY(client.waitForConnected(10000));
    const qintptr descriptor = server.descriptors.takeFirst();
    // A bounded kernel send buffer, so most of the message has to queue in the Connection.
    const int sendBuffer = 256 * 1024;
    QCOMPARE(::setsockopt(int(descriptor), SOL_SOCKET, SO_SNDBUF, &sendBuffer, sizeof sendBuffer), 0);
    Connection connection(QStringLiteral("pop3"));
    QVERIFY(connection.attach(descriptor));
    connection.startSession(factory);

    QByteArray received;
    bool sawLargeQueue = false;
    // A plain event loop rather than QTRY_*, whose 10 ms naps would stretch the many round trips.
    QEventLoop loop;
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    QObject::connect(&client, &QTcpSocket::readyRead, &client, [&] {
        received += client.readAll();
        sawLargeQueue = sawLargeQueue || connection.queuedOutputBytes() > 64 * 1024;
        if (received.endsWith("signing off (1 message left)\r\n"))
            loop.quit();
    });
    client.write("USER bob@example.test\r\nPASS password456\r\nRETR 1\r\nQUIT\r\n");
    loop.exec();
    QVERIFY(received.endsWith("signing off (1 message left)\r\n"));
    QVERIFY(sawLargeQueue);
    const qsizetype start = received.indexOf("+OK " + QByteArray::number(message.size()) + " octets\r\n");
    QVERIFY(start > 0);
    QByteArray rest;
    QCOMPARE(unstuff(received.mid(start), &rest), message);
    QCOMPARE(rest, QByteArray("+OK Postern signing off (1 message left)\r\n"));
    QTRY_COMPARE_WITH_TIMEOUT(m_store->locks().lockedCount(), 0, 10000);
    client.disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(connection.state(), Connection::State::Finished, 10000);
}

QTEST_GUILESS_MAIN(TestPop3Session)
#include "tst_pop3session.moc"
