#include <memory>

#include <QElapsedTimer>
#include <QMutex>
#include <QSet>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#include "addresslistholder.h"
#include "bangate.h"
#include "clientinfo.h"
#include "connectionlimits.h"
#include "protocolsession.h"
#include "servicelistener.h"
#include "sessionfactory.h"
#include "sessiontransport.h"
#include "worker.h"
#include "workerpool.h"

namespace {

// What the sessions saw, collected from every worker thread.
struct EchoStats
{
    QMutex mutex;
    QSet<QThread *> threads;
    int timeouts = 0;
    int disconnects = 0;
    int violations = 0;   // input fed while paused or after close()
    qsizetype largestChunk = 0;
};

// A line echo protocol: greeting "+hello", each line echoed; "quit" answers "bye" and closes;
// "pause", "hold" and "stall" stop reading and resume through a queued call or a 200 ms or
// 700 ms timer;
// lines over 4 KiB get "toolong" and a close; the idle timeout answers "timeout" and closes.
class EchoSession : public ProtocolSession
{
public:
    EchoSession(SessionTransport &transport, EchoStats &stats, int idleMs)
        : m_transport(transport), m_stats(stats), m_idleMs(idleMs), m_context(std::make_unique<QObject>())
    {
    }

    void start() override
    {
        m_transport.setIdleTimeout(m_idleMs);
        m_transport.send("+hello\r\n");
    }

    void receive(QByteArrayView bytes) override
    {
        {
            const QMutexLocker lock(&m_stats.mutex);
            m_stats.largestChunk = qMax(m_stats.largestChunk, bytes.size());
            if (m_paused || m_closed)
                ++m_stats.violations;
        }
        m_buffer.append(bytes);
        process();
    }

    void timedOut() override
    {
        {
            const QMutexLocker lock(&m_stats.mutex);
            ++m_stats.timeouts;
        }
        m_transport.send("timeout\r\n");
        m_transport.close();
        m_closed = true;
    }

    void disconnected() override
    {
        const QMutexLocker lock(&m_stats.mutex);
        ++m_stats.disconnects;
    }

private:
    void process()
    {
        QByteArray out;
        while (!m_paused && !m_closed) {
            const qsizetype end = m_buffer.indexOf('\n');
            if (end < 0) {
                if (m_buffer.size() > 4096) {
                    out += "toolong\r\n";
                    m_buffer.clear();
                    m_closed = true;
                }
                break;
            }
            QByteArray line = m_buffer.left(end);
            m_buffer.remove(0, end + 1);
            if (line.endsWith('\r'))
                line.chop(1);
            if (line == "quit") {
                out += "bye\r\n";
                m_closed = true;
            } else if (line == "pause" || line == "hold" || line == "stall") {
                out += line + "\r\n";
                m_paused = true;
                m_transport.pauseReading();
                if (line == "pause")
                    QMetaObject::invokeMethod(m_context.get(), [this] { resume(); }, Qt::QueuedConnection);
                else
                    QTimer::singleShot(line == "hold" ? 200 : 700, m_context.get(), [this] { resume(); });
            } else {
                out += line + "\r\n";
            }
        }
        m_transport.send(out);
        if (m_closed)
            m_transport.close();   // from inside receive(): must not pull the session away
    }

    void resume()
    {
        m_paused = false;
        process();
        if (!m_paused && !m_closed)
            m_transport.resumeReading();
    }

    SessionTransport &m_transport;
    EchoStats &m_stats;
    int m_idleMs;
    std::unique_ptr<QObject> m_context;   // made in the worker thread; takes its queued calls
    QByteArray m_buffer;
    bool m_paused = false;
    bool m_closed = false;
};

class EchoFactory : public SessionFactory
{
public:
    explicit EchoFactory(int idleMs) : m_idleMs(idleMs) {}

    std::unique_ptr<ProtocolSession> create(const ClientInfo &client, SessionTransport &transport) override
    {
        Q_ASSERT(client.sessionId.size() == 8);
        {
            const QMutexLocker lock(&stats.mutex);
            stats.threads.insert(QThread::currentThread());
        }
        return std::make_unique<EchoSession>(transport, stats, m_idleMs);
    }

    QByteArray refusalLine(Admission reason) const override
    {
        return reason == Admission::TooManyTotal ? QByteArrayLiteral("-ERR total\r\n")
                                                 : QByteArrayLiteral("-ERR address\r\n");
    }

    EchoStats stats;

private:
    int m_idleMs;
};

// Declared in this order so the listener goes first and the limits last.
struct Harness
{
    Harness(int threads, int maxTotal, int maxPerAddress, int idleMs = 60000)
        : limits(maxTotal, maxPerAddress), factory(idleMs), pool(threads, limits),
          listener(QStringLiteral("echo"))
    {
        listener.setListenBacklogSize(4096);
        QObject::connect(&listener, &ServiceListener::connectionPending, &pool,
                         [this](qintptr descriptor) { pool.dispatch(descriptor, QStringLiteral("echo"), &factory); });
        listening = listener.listen(QHostAddress::LocalHost, 0);
    }

    ConnectionLimits limits;
    EchoFactory factory;
    WorkerPool pool;
    ServiceListener listener;
    bool listening = false;
};

class Client : public QObject
{
public:
    explicit Client(quint16 port, const QHostAddress &from = {})
    {
        connect(&m_socket, &QTcpSocket::readyRead, this, [this] {
            if (!m_holding)
                received += m_socket.readAll();
        });
        connect(&m_socket, &QTcpSocket::disconnected, this, [this] { eof = true; });
        if (!from.isNull())
            bound = m_socket.bind(from, 0);
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }

    void write(const QByteArray &bytes) { m_socket.write(bytes); }
    void hangUp() { m_socket.disconnectFromHost(); }
    // While holding, input is left in the kernel so the server's writes back up.
    void holdInput(bool hold)
    {
        m_holding = hold;
        m_socket.setReadBufferSize(hold ? 4096 : 0);
        if (!hold)
            received += m_socket.readAll();
    }
    [[nodiscard]] bool greeted() const { return received.startsWith("+hello\r\n"); }
    [[nodiscard]] qint64 pendingOutput() const { return m_socket.bytesToWrite(); }

    QByteArray received;
    bool eof = false;
    bool bound = false;

private:
    QTcpSocket m_socket;
    bool m_holding = false;
};

using Clients = std::vector<std::unique_ptr<Client>>;

bool all(const Clients &clients, bool (*test)(const Client &))
{
    return std::all_of(clients.cbegin(), clients.cend(), [test](const auto &client) { return test(*client); });
}

}

// The network core: acceptor hand-off, worker threads, limits, deadlines, backpressure, stop.
class TestWorkerPool : public QObject
{
    Q_OBJECT

private slots:
    void manyClientsAreServedByWorkers();
    void totalLimitRefuses();
    void perAddressLimitRefuses();
    void bannedAddressClosedWithoutAByte();
    void idleTimeoutFiresOnce();
    void pauseAndResumeKeepOrder();
    void floodWhilePausedLosesNothing();
    void slowReaderGetsEverythingInOrder();
    void closeFromInsideReceive();
    void floodWithoutNewline();
    void shutdownAbortsOpenClients();
    void shutdownEndsEarlyWhenSessionsEnd();
    void soakTwoThousandIdle();
};

void TestWorkerPool::manyClientsAreServedByWorkers()
{
    Harness server(2, 0, 0);
    QVERIFY(server.listening);
    Clients clients;
    for (int i = 0; i < 200; ++i) {
        clients.push_back(std::make_unique<Client>(server.listener.serverPort()));
        clients.back()->write("line " + QByteArray::number(i) + "\r\n");
    }
    QTRY_VERIFY_WITH_TIMEOUT(all(clients, [](const Client &c) { return c.received.count('\n') >= 2; }), 20000);
    for (size_t i = 0; i < clients.size(); ++i)
        QCOMPARE(clients[i]->received, "+hello\r\nline " + QByteArray::number(qulonglong(i)) + "\r\n");
    QCOMPARE(server.pool.connectionCount(), 200);
    QCOMPARE(server.limits.total(), 200);
    {
        const QMutexLocker lock(&server.factory.stats.mutex);
        QCOMPARE(server.factory.stats.threads.size(), 2);
        QVERIFY(!server.factory.stats.threads.contains(QThread::currentThread()));
    }
    QVERIFY(server.pool.worker(0)->connectionCount() > 0);
    QVERIFY(server.pool.worker(1)->connectionCount() > 0);

    for (const auto &client : clients)
        client->write("quit\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(all(clients, [](const Client &c) { return c.eof; }), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(server.pool.connectionCount(), 0, 5000);
    QCOMPARE(server.limits.total(), 0);
    QCOMPARE(server.limits.addressCount(), 0);
    QCOMPARE(clients.front()->received, QByteArray("+hello\r\nline 0\r\nbye\r\n"));
    const QMutexLocker lock(&server.factory.stats.mutex);
    QCOMPARE(server.factory.stats.disconnects, 200);
    QCOMPARE(server.factory.stats.violations, 0);
}

void TestWorkerPool::totalLimitRefuses()
{
    Harness server(2, 5, 0);
    QVERIFY(server.listening);
    Clients clients;
    for (int i = 0; i < 5; ++i)
        clients.push_back(std::make_unique<Client>(server.listener.serverPort()));
    QTRY_VERIFY_WITH_TIMEOUT(all(clients, [](const Client &c) { return c.greeted(); }), 10000);

    Client sixth(server.listener.serverPort());
    QTRY_VERIFY_WITH_TIMEOUT(sixth.eof, 10000);
    QCOMPARE(sixth.received, QByteArray("-ERR total\r\n"));
    QCOMPARE(server.limits.total(), 5);

    clients.front()->hangUp();
    QTRY_COMPARE_WITH_TIMEOUT(server.limits.total(), 4, 5000);
    Client seventh(server.listener.serverPort());
    QTRY_VERIFY_WITH_TIMEOUT(seventh.greeted(), 10000);
    QVERIFY(!seventh.eof);
}

void TestWorkerPool::perAddressLimitRefuses()
{
    Harness server(2, 0, 3);
    QVERIFY(server.listening);
    Clients clients;
    for (int i = 0; i < 3; ++i)
        clients.push_back(std::make_unique<Client>(server.listener.serverPort()));
    QTRY_VERIFY_WITH_TIMEOUT(all(clients, [](const Client &c) { return c.greeted(); }), 10000);

    Client fourth(server.listener.serverPort());
    QTRY_VERIFY_WITH_TIMEOUT(fourth.eof, 10000);
    QCOMPARE(fourth.received, QByteArray("-ERR address\r\n"));
    QCOMPARE(server.limits.fromAddress(QHostAddress::LocalHost), 3);

    Client other(server.listener.serverPort(), QHostAddress(QStringLiteral("127.0.0.2")));
    if (!other.bound)
        QSKIP("cannot bind a client to 127.0.0.2");
    QTRY_VERIFY_WITH_TIMEOUT(other.greeted(), 10000);
    QCOMPARE(server.limits.total(), 4);
}

void TestWorkerPool::bannedAddressClosedWithoutAByte()
{
    Harness server(2, 0, 1);
    QVERIFY(server.listening);
    AddressListHolder lists;
    BanGate gate(lists);
    server.pool.setBanGate(&gate);
    lists.replace(AddressListSnapshot::fromRecords({BanRecord{QStringLiteral("127.0.0.1"), {}, {}, {}, QStringLiteral("manual")}},
                                                   {}, QDateTime::currentDateTimeUtc()));
    Clients banned;
    for (int i = 0; i < 3; ++i)
        banned.push_back(std::make_unique<Client>(server.listener.serverPort()));
    QTRY_VERIFY_WITH_TIMEOUT(all(banned, [](const Client &c) { return c.eof; }), 10000);
    for (const auto &client : banned)
        QCOMPARE(client->received, QByteArray());   // no greeting, no refusal line
    // No session was made and no connection slot taken (the per-address limit is 1).
    QCOMPARE(server.limits.total(), 0);
    QCOMPARE(server.pool.connectionCount(), 0);

    lists.replace({});
    Client welcome(server.listener.serverPort());
    QTRY_VERIFY_WITH_TIMEOUT(welcome.greeted(), 10000);
}

void TestWorkerPool::idleTimeoutFiresOnce()
{
    Harness server(2, 0, 0, 500);
    QVERIFY(server.listening);
    QElapsedTimer clock;
    clock.start();
    Client idle(server.listener.serverPort());
    Client busy(server.listener.serverPort());
    QTRY_VERIFY_WITH_TIMEOUT(idle.greeted() && busy.greeted(), 10000);

    // The busy client keeps sending well inside the timeout and must not be cut meanwhile.
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, &busy, [&busy] { busy.write("ping\r\n"); });
    ticker.start(150);
    QTRY_VERIFY_WITH_TIMEOUT(idle.eof, 5000);
    QVERIFY2(clock.elapsed() >= 450, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(idle.received, QByteArray("+hello\r\ntimeout\r\n"));
    QTest::qWait(1000);
    ticker.stop();
    QVERIFY(!busy.received.contains("timeout"));
    QVERIFY(!busy.eof);
    QTRY_VERIFY_WITH_TIMEOUT(busy.eof, 5000);
    QVERIFY(busy.received.endsWith("ping\r\ntimeout\r\n"));
    const QMutexLocker lock(&server.factory.stats.mutex);
    QCOMPARE(server.factory.stats.timeouts, 2);
}

void TestWorkerPool::pauseAndResumeKeepOrder()
{
    Harness server(2, 0, 0);
    QVERIFY(server.listening);
    Client client(server.listener.serverPort());
    QByteArray pipeline;
    for (int i = 0; i < 400; ++i)
        pipeline += (i % 97 == 1 ? QByteArray("pause") : i % 131 == 2 ? QByteArray("hold") : QByteArray::number(i)) + "\r\n";
    client.write(pipeline);
    // This part arrives while the session is held and must wait in the socket until it resumes.
    QTimer::singleShot(50, &client, [&client] { client.write("late 1\r\nhold\r\nlate 2\r\n"); });
    const QByteArray expected = "+hello\r\n" + pipeline + "late 1\r\nhold\r\nlate 2\r\n";
    QTRY_COMPARE_WITH_TIMEOUT(client.received.size(), expected.size(), 10000);
    QCOMPARE(client.received, expected);
    const QMutexLocker lock(&server.factory.stats.mutex);
    QCOMPARE(server.factory.stats.violations, 0);
}

void TestWorkerPool::floodWhilePausedLosesNothing()
{
    Harness server(2, 0, 0);
    QVERIFY(server.listening);
    Client client(server.listener.serverPort());
    // Far more than the socket's 64 KiB read buffer arrives while the session is stalled: the
    // rest must wait in the kernel and come through once the session resumes.
    QByteArray flood;
    for (int i = 0; flood.size() < 2 * 1024 * 1024; ++i)
        flood += "line " + QByteArray::number(i) + " " + QByteArray(100, char('a' + i % 26)) + "\r\n";
    client.write("stall\r\n" + flood);
    const QByteArray expected = "+hello\r\nstall\r\n" + flood;
    QTRY_VERIFY_WITH_TIMEOUT(client.received.size() >= expected.size(), 20000);
    QVERIFY(client.received == expected);
    const QMutexLocker lock(&server.factory.stats.mutex);
    QCOMPARE(server.factory.stats.violations, 0);
    QVERIFY(server.factory.stats.largestChunk <= 16 * 1024);
}

void TestWorkerPool::slowReaderGetsEverythingInOrder()
{
    Harness server(2, 0, 0);
    QVERIFY(server.listening);
    Client client(server.listener.serverPort());
    QTRY_VERIFY_WITH_TIMEOUT(client.greeted(), 10000);
    // More than the kernel buffers on both sides hold: the replies back up in the server,
    // which then has to stop reading the pipeline and pick it up again once they drain.
    client.holdInput(true);
    QByteArray pipeline;
    for (int i = 0; pipeline.size() < 16 * 1024 * 1024; ++i)
        pipeline += QByteArray::number(i) + " " + QByteArray(200, char('a' + i % 26)) + "\r\n";
    client.write(pipeline);
    QTest::qWait(1000);
    client.holdInput(false);
    const QByteArray expected = "+hello\r\n" + pipeline;
    QTRY_VERIFY_WITH_TIMEOUT(client.received.size() >= expected.size(), 30000);
    QVERIFY(client.received == expected);
    QVERIFY(!client.eof);
}

void TestWorkerPool::closeFromInsideReceive()
{
    Harness server(2, 0, 0);
    QVERIFY(server.listening);
    Client polite(server.listener.serverPort());
    polite.write("x\r\nquit\r\ny\r\n");
    // Keeps sending after quit: the server must discard that input while it closes, and the
    // reply sent before the close must still arrive.
    Client pushy(server.listener.serverPort());
    pushy.write("quit\r\n" + QByteArray(256 * 1024, 'z'));
    QTRY_VERIFY_WITH_TIMEOUT(polite.eof && pushy.eof, 10000);
    QCOMPARE(polite.received, QByteArray("+hello\r\nx\r\nbye\r\n"));
    QCOMPARE(pushy.received, QByteArray("+hello\r\nbye\r\n"));
    QTRY_COMPARE_WITH_TIMEOUT(server.pool.connectionCount(), 0, 5000);
    const QMutexLocker lock(&server.factory.stats.mutex);
    QCOMPARE(server.factory.stats.disconnects, 2);
    QCOMPARE(server.factory.stats.violations, 0);
}

void TestWorkerPool::floodWithoutNewline()
{
    Harness server(2, 0, 0);
    QVERIFY(server.listening);
    Client flood(server.listener.serverPort());
    flood.write(QByteArray(1024 * 1024, 'x'));
    QTRY_VERIFY_WITH_TIMEOUT(flood.eof, 10000);
    QCOMPARE(flood.received, QByteArray("+hello\r\ntoolong\r\n"));
    QTRY_COMPARE_WITH_TIMEOUT(server.pool.connectionCount(), 0, 5000);
    const QMutexLocker lock(&server.factory.stats.mutex);
    QVERIFY(server.factory.stats.largestChunk <= 16 * 1024);
    QCOMPARE(server.factory.stats.disconnects, 1);
}

void TestWorkerPool::shutdownAbortsOpenClients()
{
    Harness server(2, 0, 0);
    QVERIFY(server.listening);
    Clients clients;
    for (int i = 0; i < 3; ++i)
        clients.push_back(std::make_unique<Client>(server.listener.serverPort()));
    QTRY_VERIFY_WITH_TIMEOUT(all(clients, [](const Client &c) { return c.greeted(); }), 10000);

    QSignalSpy idle(&server.pool, &WorkerPool::idle);
    QElapsedTimer clock;
    clock.start();
    server.pool.shutdown(300);
    QVERIFY(!server.pool.isAccepting());
    QVERIFY(idle.wait(5000));
    QVERIFY2(clock.elapsed() >= 250 && clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(server.pool.connectionCount(), 0);
    QCOMPARE(server.limits.total(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(all(clients, [](const Client &c) { return c.eof; }), 5000);

    // Accepted after the stop: closed without a word.
    Client late(server.listener.serverPort());
    QTRY_VERIFY_WITH_TIMEOUT(late.eof, 5000);
    QVERIFY(late.received.isEmpty());
    QTest::qWait(100);
    QCOMPARE(idle.size(), 1);
}

void TestWorkerPool::shutdownEndsEarlyWhenSessionsEnd()
{
    Harness server(2, 0, 0);
    QVERIFY(server.listening);
    {
        QSignalSpy idle(&server.pool, &WorkerPool::idle);
        Harness empty(2, 0, 0);
        QSignalSpy emptyIdle(&empty.pool, &WorkerPool::idle);
        empty.pool.shutdown(10000);
        QVERIFY(emptyIdle.wait(1000));
    }
    Client client(server.listener.serverPort());
    QTRY_VERIFY_WITH_TIMEOUT(client.greeted(), 10000);
    QSignalSpy idle(&server.pool, &WorkerPool::idle);
    QElapsedTimer clock;
    clock.start();
    server.pool.shutdown(10000);
    QTimer::singleShot(100, &client, [&client] { client.write("quit\r\n"); });
    QVERIFY(idle.wait(5000));
    QVERIFY(clock.elapsed() < 3000);
    QTRY_VERIFY_WITH_TIMEOUT(client.eof, 5000);
    QCOMPARE(client.received, QByteArray("+hello\r\nbye\r\n"));
}

void TestWorkerPool::soakTwoThousandIdle()
{
    constexpr int kClients = 2000;
    // Both ends live in this process: two descriptors per connection plus some headroom.
    if (WorkerPool::raiseFileDescriptorLimit() < 4500)
        QSKIP("the descriptor limit cannot be raised above 4500");
    Harness server(2, 0, 0);
    QVERIFY(server.listening);
    Clients clients;
    clients.reserve(kClients);
    while (int(clients.size()) < kClients) {
        const size_t batchEnd = clients.size() + 250;
        while (clients.size() < batchEnd)
            clients.push_back(std::make_unique<Client>(server.listener.serverPort()));
        QTRY_VERIFY_WITH_TIMEOUT(all(clients, [](const Client &c) { return c.greeted(); }), 30000);
    }
    QVERIFY(all(clients, [](const Client &c) { return !c.eof; }));
    QTRY_COMPARE_WITH_TIMEOUT(server.pool.worker(0)->connectionCount() + server.pool.worker(1)->connectionCount(),
                              kClients, 10000);
    QVERIFY(server.pool.worker(0)->connectionCount() > kClients / 4);
    QVERIFY(server.pool.worker(1)->connectionCount() > kClients / 4);
    QCOMPARE(server.limits.total(), kClients);

    for (const auto &client : clients)
        client->hangUp();
    QTRY_COMPARE_WITH_TIMEOUT(server.pool.connectionCount(), 0, 30000);
    QCOMPARE(server.limits.total(), 0);
    const QMutexLocker lock(&server.factory.stats.mutex);
    QCOMPARE(server.factory.stats.disconnects, kClients);
}

QTEST_GUILESS_MAIN(TestWorkerPool)
#include "tst_workerpool.moc"
