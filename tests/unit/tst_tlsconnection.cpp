// TLS in the network core: STARTTLS-style upgrades and implicit TLS through the real worker
// pool, with a client that runs a TlsChannel over a QTcpSocket.

#include <memory>

#include <QMutex>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include "clientinfo.h"
#include "connectionlimits.h"
#include "log.h"
#include "loghub.h"
#include "protocolsession.h"
#include "servicelistener.h"
#include "sessionfactory.h"
#include "sessiontransport.h"
#include "testcertificates.h"
#include "tlschannel.h"
#include "tlscontextprovider.h"
#include "tlssupport.h"
#include "tlstestclient.h"
#include "workerpool.h"

namespace {

// What the sessions saw, from every worker thread.
struct Seen
{
    QMutex mutex;
    QList<QByteArray> lines;
    int tlsStarts = 0;
    int disconnects = 0;
    int sessions = 0;
    int violations = 0;   // input while waiting for the handshake, or after close
};

// A line echo protocol with a TLS upgrade: "+hello" (or "+hello tls" when the connection
// began with TLS); "starttls" answers "+go" and asks for TLS (or "-no tls"), then "+tls"
// once it is on; "secure?" answers "yes"/"no"; "hold" stops reading for 200 ms; "quit" answers
// "bye" and closes; anything else is echoed.
class StartTlsSession : public ProtocolSession
{
public:
    StartTlsSession(const ClientInfo &client, SessionTransport &transport, Seen &seen)
        : m_client(client), m_transport(transport), m_seen(seen), m_context(std::make_unique<QObject>())
    {
    }

    void start() override
    {
        m_transport.setIdleTimeout(60000);
        m_transport.send(m_client.tls ? "+hello tls\r\n" : "+hello\r\n");
    }

    void receive(QByteArrayView bytes) override
    {
        if (m_awaitingTls || m_closed || m_paused) {
            const QMutexLocker lock(&m_seen.mutex);
            ++m_seen.violations;
            return;
        }
        m_buffer.append(bytes);
        process();
    }

    void tlsStarted() override
    {
        {
            const QMutexLocker lock(&m_seen.mutex);
            ++m_seen.tlsStarts;
        }
        m_awaitingTls = false;
        m_transport.send("+tls\r\n");
    }

    void timedOut() override
    {
        m_transport.send("timeout\r\n");
        m_transport.close();
        m_closed = true;
    }

    void disconnected() override
    {
        const QMutexLocker lock(&m_seen.mutex);
        ++m_seen.disconnects;
    }

private:
    void process()
    {
        QByteArray out;
        while (!m_closed && !m_paused) {
            const qsizetype end = m_buffer.indexOf('\n');
            if (end < 0)
                break;
            QByteArray line = m_buffer.left(end);
            m_buffer.remove(0, end + 1);
            if (line.endsWith('\r'))
                line.chop(1);
            {
                const QMutexLocker lock(&m_seen.mutex);
                m_seen.lines << line;
            }
            if (line == "starttls") {
                if (!m_transport.canStartTls()) {
                    out += "-no tls\r\n";
                    continue;
                }
                // The go-ahead leaves first, in clear; what the client sent behind the
                // command is not ours to read (the rest of this chunk is dropped here).
                m_transport.send(out + "+go\r\n");
                out.clear();
                m_transport.startTls();
                m_awaitingTls = true;
                m_buffer.clear();
                return;
            }
            if (line == "secure?") {
                out += m_transport.isEncrypted() ? "yes\r\n" : "no\r\n";
            } else if (line == "hold") {
                out += "hold\r\n";
                m_paused = true;
                m_transport.pauseReading();
                QTimer::singleShot(200, m_context.get(), [this] {
                    m_paused = false;
                    process();
                    if (!m_paused && !m_closed && !m_awaitingTls)
                        m_transport.resumeReading();
                });
            } else if (line == "quit") {
                out += "bye\r\n";
                m_closed = true;
            } else {
                out += line + "\r\n";
            }
        }
        m_transport.send(out);
        if (m_closed)
            m_transport.close();
    }

    ClientInfo m_client;
    SessionTransport &m_transport;
    Seen &m_seen;
    std::unique_ptr<QObject> m_context;   // made in the worker thread; takes its timers
    QByteArray m_buffer;
    bool m_awaitingTls = false;
    bool m_paused = false;
    bool m_closed = false;
};

class StartTlsFactory : public SessionFactory
{
public:
    std::unique_ptr<ProtocolSession> create(const ClientInfo &client, SessionTransport &transport) override
    {
        {
            const QMutexLocker lock(&seen.mutex);
            ++seen.sessions;
        }
        return std::make_unique<StartTlsSession>(client, transport, seen);
    }
    QByteArray refusalLine(Admission) const override { return QByteArrayLiteral("-ERR busy\r\n"); }

    Seen seen;
};

// One listener served by a real worker pool, with TLS as `implicit` says.
struct Server
{
    explicit Server(bool implicit, int handshakeTimeoutMs = 30000, int maxTotal = 0)
        : limits(maxTotal, 0), pool(2, limits), listener(QStringLiteral("test"))
    {
        provider.setCurrent(TestCertificates::serverContext());
        TlsSupport tls;
        tls.provider = &provider;
        tls.implicit = implicit;
        tls.handshakeTimeoutMs = handshakeTimeoutMs;
        QObject::connect(&listener, &ServiceListener::connectionPending, &pool, [this, tls](qintptr descriptor) {
            pool.dispatch(descriptor, QStringLiteral("test"), &factory, limits, tls);
        });
        listening = listener.listen(QHostAddress::LocalHost, 0);
    }

    [[nodiscard]] quint16 port() const { return listener.serverPort(); }
    [[nodiscard]] QList<QByteArray> lines()
    {
        const QMutexLocker lock(&factory.seen.mutex);
        return factory.seen.lines;
    }
    [[nodiscard]] int seen(int Seen::*counter)
    {
        const QMutexLocker lock(&factory.seen.mutex);
        return factory.seen.*counter;
    }

    TlsContextProvider provider;
    ConnectionLimits limits;
    StartTlsFactory factory;
    WorkerPool pool;
    ServiceListener listener;
    bool listening = false;
};

}

class TestTlsConnection : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void startTlsUpgradesTheConnection();
    void pipelinedBytesAfterTheRequestAreDropped();
    void clearTextAfterTheGoAheadFailsTheHandshake();
    void implicitTlsGreetsAfterTheHandshake();
    void implicitTlsRefusesClearText();
    void silentClientHitsTheHandshakeDeadline();
    void clientHangingUpDuringTheHandshakeIsLogged();
    void startTlsWithoutHandshakeHitsTheDeadline();
    void withoutCertificate();
    void refusalOnImplicitTlsSaysNothingInClear();
    void closeSendsCloseNotify();
    void slowReaderThroughTls();

private:
    [[nodiscard]] int logged(const QString &fragment) const;

    std::unique_ptr<LogHub> m_hub;
};

void TestTlsConnection::initTestCase()
{
    m_hub = std::make_unique<LogHub>(100000);
    Log::install(m_hub.get());
}

void TestTlsConnection::cleanupTestCase()
{
    Log::install(nullptr);
    m_hub.reset();
}

int TestTlsConnection::logged(const QString &fragment) const
{
    int found = 0;
    for (const LogEntry &entry : m_hub->ring().entriesAfter(0))
        found += entry.text.contains(fragment) ? 1 : 0;
    return found;
}

void TestTlsConnection::startTlsUpgradesTheConnection()
{
    Server server(false);
    QVERIFY(server.listening);
    TlsTestClient client(server.port());
    QTRY_COMPARE_WITH_TIMEOUT(client.received, QByteArray("+hello\r\n"), 10000);
    client.write("secure?\r\nstarttls\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(client.received, QByteArray("+hello\r\nno\r\n+go\r\n"), 10000);
    client.received.clear();
    client.startTls();
    QTRY_VERIFY_WITH_TIMEOUT(client.established(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(client.received, QByteArray("+tls\r\n"), 10000);
    QVERIFY(client.firstRaw.startsWith('\x16'));   // a handshake record, not clear text
    client.write("secure?\r\nping\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(client.received, QByteArray("+tls\r\nyes\r\nping\r\n"), 10000);
    QCOMPARE(client.channel()->protocolName(), QStringLiteral("TLSv1.3"));
    QCOMPARE(server.lines(), (QList<QByteArray>{"secure?", "starttls", "secure?", "ping"}));
    QCOMPARE(server.seen(&Seen::tlsStarts), 1);
    QCOMPARE(server.seen(&Seen::violations), 0);
    QVERIFY(logged(QStringLiteral("TLS TLSv1.3, TLS_AES_")) >= 1);
}

void TestTlsConnection::pipelinedBytesAfterTheRequestAreDropped()
{
    Server server(false);
    QVERIFY(server.listening);
    TlsTestClient client(server.port());
    QTRY_COMPARE_WITH_TIMEOUT(client.received, QByteArray("+hello\r\n"), 10000);
    // While the session holds, everything below piles up in the socket's buffer: the session
    // then gets the first 16 KiB chunk (and drops what follows the request in it), the rest
    // stays buffered in the connection, which must drop it too.
    QByteArray injected;
    while (injected.size() < 40 * 1024)
        injected += "INJECTED " + QByteArray::number(injected.size()) + "\r\n";
    client.write("hold\r\n");
    client.write("starttls\r\n" + injected);
    QTRY_COMPARE_WITH_TIMEOUT(client.received, QByteArray("+hello\r\nhold\r\n+go\r\n"), 10000);
    client.received.clear();
    client.startTls();
    QTRY_COMPARE_WITH_TIMEOUT(client.received, QByteArray("+tls\r\n"), 10000);
    client.write("ping\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(client.received, QByteArray("+tls\r\nping\r\n"), 10000);
    QCOMPARE(server.lines(), (QList<QByteArray>{"hold", "starttls", "ping"}));
    QCOMPARE(server.seen(&Seen::violations), 0);
    QVERIFY(logged(QStringLiteral("discarded ")) >= 1);
}

void TestTlsConnection::clearTextAfterTheGoAheadFailsTheHandshake()
{
    Server server(false);
    QVERIFY(server.listening);
    TlsTestClient client(server.port());
    QTRY_COMPARE_WITH_TIMEOUT(client.received, QByteArray("+hello\r\n"), 10000);
    client.write("starttls\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(client.received, QByteArray("+hello\r\n+go\r\n"), 10000);
    const int failuresBefore = logged(QStringLiteral("TLS handshake failed: "));
    // Injected clear text arriving where the handshake should be: never a command.
    client.writeRaw("INJECTED\r\nquit\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(client.eof, 10000);
    QCOMPARE(client.received, QByteArray("+hello\r\n+go\r\n"));
    QCOMPARE(server.lines(), QList<QByteArray>{"starttls"});
    QCOMPARE(server.seen(&Seen::tlsStarts), 0);
    QTRY_COMPARE_WITH_TIMEOUT(server.seen(&Seen::disconnects), 1, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(logged(QStringLiteral("TLS handshake failed: ")) > failuresBefore, 5000);
}

void TestTlsConnection::implicitTlsGreetsAfterTheHandshake()
{
    Server server(true);
    QVERIFY(server.listening);
    TlsTestClient client(server.port(), true);
    QTRY_COMPARE_WITH_TIMEOUT(client.received, QByteArray("+hello tls\r\n"), 10000);
    QVERIFY(client.firstRaw.startsWith('\x16'));   // the handshake came before any greeting
    client.write("secure?\r\nstarttls\r\n");
    // TLS cannot start twice.
    QTRY_COMPARE_WITH_TIMEOUT(client.received, QByteArray("+hello tls\r\nyes\r\n-no tls\r\n"), 10000);
    client.write("quit\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(client.eof, 10000);
    QVERIFY(client.received.endsWith("bye\r\n"));
    QCOMPARE(server.seen(&Seen::sessions), 1);
}

void TestTlsConnection::implicitTlsRefusesClearText()
{
    Server server(true);
    QVERIFY(server.listening);
    TlsTestClient client(server.port());
    client.writeRaw("EHLO client.example\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(client.eof, 10000);
    QVERIFY2(!client.received.contains("+hello"), client.received.constData());
    QCOMPARE(server.seen(&Seen::sessions), 0);
    QTRY_VERIFY_WITH_TIMEOUT(logged(QStringLiteral("TLS handshake failed: wrong version number")) >= 1, 5000);
}

void TestTlsConnection::silentClientHitsTheHandshakeDeadline()
{
    Server server(true, 300);
    QVERIFY(server.listening);
    TlsTestClient silent(server.port());
    // Another client handshakes meanwhile and is not cut.
    TlsTestClient busy(server.port(), true);
    QTRY_VERIFY_WITH_TIMEOUT(silent.eof, 10000);
    QCOMPARE(silent.received, QByteArray());
    QCOMPARE(server.seen(&Seen::sessions), 1);
    QVERIFY(!busy.eof);
    busy.write("ping\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(busy.received, QByteArray("+hello tls\r\nping\r\n"), 10000);
    QVERIFY(logged(QStringLiteral("TLS handshake failed: not completed within 0.3 s")) >= 1);
}

void TestTlsConnection::clientHangingUpDuringTheHandshakeIsLogged()
{
    Server server(true);
    QVERIFY(server.listening);
    const int before = logged(QStringLiteral("TLS handshake failed: the client hung up"));
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(socket.waitForConnected(10000));
        socket.write("\x16\x03\x01");   // the start of a ClientHello, then nothing
        QVERIFY(socket.waitForBytesWritten(10000));
    }
    QTRY_COMPARE_WITH_TIMEOUT(logged(QStringLiteral("TLS handshake failed: the client hung up")), before + 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(server.pool.connectionCount(), 0, 10000);
    QCOMPARE(server.seen(&Seen::sessions), 0);
}

void TestTlsConnection::startTlsWithoutHandshakeHitsTheDeadline()
{
    Server server(false, 300);
    QVERIFY(server.listening);
    TlsTestClient client(server.port());
    QTRY_COMPARE_WITH_TIMEOUT(client.received, QByteArray("+hello\r\n"), 10000);
    client.write("starttls\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(client.eof, 10000);
    QCOMPARE(client.received, QByteArray("+hello\r\n+go\r\n"));
    QTRY_COMPARE_WITH_TIMEOUT(server.seen(&Seen::disconnects), 1, 5000);
    QCOMPARE(server.seen(&Seen::tlsStarts), 0);
}

void TestTlsConnection::withoutCertificate()
{
    Server plain(false);
    plain.provider.setCurrent({});
    TlsTestClient client(plain.port());
    QTRY_COMPARE_WITH_TIMEOUT(client.received, QByteArray("+hello\r\n"), 10000);
    client.write("starttls\r\nping\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(client.received, QByteArray("+hello\r\n-no tls\r\nping\r\n"), 10000);

    Server implicit(true);
    implicit.provider.setCurrent({});
    TlsTestClient tlsClient(implicit.port(), true);
    QTRY_VERIFY_WITH_TIMEOUT(tlsClient.eof, 10000);
    QCOMPARE(tlsClient.received, QByteArray());
    QVERIFY(tlsClient.firstRaw.isEmpty());
    QCOMPARE(implicit.seen(&Seen::sessions), 0);
}

void TestTlsConnection::refusalOnImplicitTlsSaysNothingInClear()
{
    Server server(true, 30000, 1);
    QVERIFY(server.listening);
    TlsTestClient first(server.port(), true);
    QTRY_COMPARE_WITH_TIMEOUT(first.received, QByteArray("+hello tls\r\n"), 10000);
    TlsTestClient second(server.port());
    QTRY_VERIFY_WITH_TIMEOUT(second.eof, 10000);
    QCOMPARE(second.received, QByteArray());   // not "-ERR busy" in clear text
}

void TestTlsConnection::closeSendsCloseNotify()
{
    Server server(true);
    QVERIFY(server.listening);
    TlsTestClient client(server.port(), true);
    QTRY_COMPARE_WITH_TIMEOUT(client.received, QByteArray("+hello tls\r\n"), 10000);
    client.write("quit\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(client.eof, 10000);
    QCOMPARE(client.received, QByteArray("+hello tls\r\nbye\r\n"));
    QCOMPARE(client.channel()->state(), TlsChannel::State::Closed);   // an orderly end, not a cut

    // The client's close_notify ends the connection the same way.
    TlsTestClient other(server.port(), true);
    QTRY_COMPARE_WITH_TIMEOUT(other.received, QByteArray("+hello tls\r\n"), 10000);
    other.write("last\r\n");
    other.closeTls();
    QTRY_VERIFY_WITH_TIMEOUT(other.eof, 10000);
    QCOMPARE(other.received, QByteArray("+hello tls\r\nlast\r\n"));
}

void TestTlsConnection::slowReaderThroughTls()
{
    Server server(true);
    QVERIFY(server.listening);
    TlsTestClient client(server.port(), true);
    QTRY_COMPARE_WITH_TIMEOUT(client.received, QByteArray("+hello tls\r\n"), 10000);
    // More than the kernel buffers hold: encrypted replies back up in the server, which must
    // stop reading and go on once they drain, losing and reordering nothing.
    client.holdInput(true);
    QByteArray pipeline;
    for (int i = 0; pipeline.size() < 8 * 1024 * 1024; ++i)
        pipeline += QByteArray::number(i) + " " + QByteArray(200, char('a' + i % 26)) + "\r\n";
    client.write(pipeline);
    QTest::qWait(500);
    client.holdInput(false);
    const QByteArray expected = "+hello tls\r\n" + pipeline;
    QTRY_VERIFY_WITH_TIMEOUT(client.received.size() >= expected.size(), 60000);
    QVERIFY(client.received == expected);
    QVERIFY(!client.eof);
    QCOMPARE(server.seen(&Seen::violations), 0);
}

QTEST_GUILESS_MAIN(TestTlsConnection)
#include "tst_tlsconnection.moc"
