// The TLS engine on its own: a server channel wired to a client channel in memory.

#include <openssl/ssl.h>

#include <QRandomGenerator>
#include <QTest>

#include "testcertificates.h"
#include "tlschannel.h"
#include "tlscontext.h"

namespace {

using Version = TlsContext::Version;

TlsContext clientContext(Version minimum = Version::Tls1_2, Version maximum = Version::Tls1_3)
{
    TlsContext::ClientOptions options;
    options.minimum = minimum;
    options.maximum = maximum;
    QString error;
    const TlsContext context = TlsContext::client(options, &error);
    if (context.isNull())
        qFatal("client context: %s", qPrintable(error));
    return context;
}

QByteArray randomBytes(qsizetype size)
{
    QRandomGenerator generator{quint32(size)};   // the same bytes on every run
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = char(generator.bounded(256));
    return bytes;
}

// A server and a client channel joined back to back. pump() carries ciphertext both ways,
// cut into pieces of `piece` bytes (0: as produced), until neither side has anything to say.
struct Wire
{
    Wire(const TlsContext &server, const TlsContext &client) : serverSide(server), clientSide(client) {}

    bool pump(qsizetype piece = 0)
    {
        for (int round = 0; round < 1000; ++round) {
            const QByteArray toServer = clientSide.takeOutput();
            const QByteArray toClient = serverSide.takeOutput();
            if (toServer.isEmpty() && toClient.isEmpty())
                return true;
            deliver(serverSide, toServer, &serverReceived, piece);
            deliver(clientSide, toClient, &clientReceived, piece);
        }
        return false;
    }

    bool handshake()
    {
        clientSide.start();
        serverSide.start();
        return pump() && serverSide.isEstablished() && clientSide.isEstablished();
    }

    static void deliver(TlsChannel &channel, const QByteArray &bytes, QByteArray *plaintext, qsizetype piece)
    {
        const qsizetype step = piece > 0 ? piece : qMax<qsizetype>(1, bytes.size());
        for (qsizetype at = 0; at < bytes.size(); at += step)
            channel.feed(QByteArrayView(bytes).sliced(at, qMin(step, bytes.size() - at)), plaintext);
    }

    TlsChannel serverSide;
    TlsChannel clientSide;
    QByteArray serverReceived;
    QByteArray clientReceived;
};

}

class TestTlsChannel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void handshake_data();
    void handshake();
    void oldProtocolsAreRefused_data();
    void oldProtocolsAreRefused();
    void tls12SuitesAreForwardSecretAead_data();
    void tls12SuitesAreForwardSecretAead();
    void serverPolicy();
    void dataBothWaysInOddChunks_data();
    void dataBothWaysInOddChunks();
    void applicationDataRightBehindTheHandshake();
    void garbageBeforeTheHandshakeFails_data();
    void garbageBeforeTheHandshakeFails();
    void tamperedRecordFails();
    void closeNotify();
    void nullContextFails();

private:
    TlsContext m_server;
};

void TestTlsChannel::initTestCase()
{
    m_server = TestCertificates::serverContext();
    QVERIFY(m_server.isServer());
}

void TestTlsChannel::handshake_data()
{
    QTest::addColumn<Version>("maximum");
    QTest::addColumn<QString>("protocol");
    QTest::newRow("TLS 1.3") << Version::Tls1_3 << QStringLiteral("TLSv1.3");
    QTest::newRow("TLS 1.2") << Version::Tls1_2 << QStringLiteral("TLSv1.2");
}

void TestTlsChannel::handshake()
{
    QFETCH(Version, maximum);
    QFETCH(QString, protocol);
    Wire wire(m_server, clientContext(Version::Tls1_2, maximum));
    QCOMPARE(wire.serverSide.state(), TlsChannel::State::Handshaking);
    QVERIFY(wire.serverSide.protocolName().isEmpty());
    QVERIFY2(wire.handshake(), qPrintable(wire.serverSide.errorString() + QLatin1Char('/') + wire.clientSide.errorString()));
    QCOMPARE(wire.serverSide.protocolName(), protocol);
    QCOMPARE(wire.clientSide.protocolName(), protocol);
    QVERIFY(!wire.serverSide.cipherName().isEmpty());
    QCOMPARE(wire.clientSide.cipherName(), wire.serverSide.cipherName());
    QCOMPARE(wire.clientSide.peerCertificate().sha256Fingerprint(), m_server.certificate().sha256Fingerprint());
    QVERIFY(wire.serverReceived.isEmpty() && wire.clientReceived.isEmpty());
    QVERIFY(wire.serverSide.errorString().isEmpty());
}

void TestTlsChannel::oldProtocolsAreRefused_data()
{
    QTest::addColumn<Version>("version");
    QTest::newRow("TLS 1.0") << Version::Tls1_0;
    QTest::newRow("TLS 1.1") << Version::Tls1_1;
}

void TestTlsChannel::oldProtocolsAreRefused()
{
    QFETCH(Version, version);
    Wire wire(m_server, clientContext(version, version));
    wire.clientSide.start();
    // The client really offers the old version (OpenSSL would otherwise refuse on its own side
    // and the server would never be asked).
    QVERIFY(wire.clientSide.hasOutput());
    QVERIFY(wire.pump());
    QCOMPARE(wire.serverSide.state(), TlsChannel::State::Failed);
    QVERIFY2(wire.serverSide.errorString().contains(QStringLiteral("unsupported protocol")),
             qPrintable(wire.serverSide.errorString()));
    QCOMPARE(wire.clientSide.state(), TlsChannel::State::Failed);   // it got our alert
    QVERIFY(!wire.serverSide.write("secret"));
}

void TestTlsChannel::tls12SuitesAreForwardSecretAead_data()
{
    QTest::addColumn<QByteArray>("offered");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("ECDHE AES-128-GCM") << QByteArray("ECDHE-ECDSA-AES128-GCM-SHA256") << true;
    QTest::newRow("ECDHE AES-256-GCM") << QByteArray("ECDHE-ECDSA-AES256-GCM-SHA384") << true;
    QTest::newRow("ECDHE ChaCha20") << QByteArray("ECDHE-ECDSA-CHACHA20-POLY1305") << true;
    QTest::newRow("ECDHE AES-CBC-SHA256") << QByteArray("ECDHE-ECDSA-AES128-SHA256") << false;
    QTest::newRow("ECDHE AES-CBC-SHA") << QByteArray("ECDHE-ECDSA-AES256-SHA") << false;
    QTest::newRow("ECDHE CAMELLIA") << QByteArray("ECDHE-ECDSA-CAMELLIA128-SHA256") << false;
    QTest::newRow("ECDHE NULL cipher") << QByteArray("ECDHE-ECDSA-NULL-SHA:@SECLEVEL=0") << false;
}

void TestTlsChannel::tls12SuitesAreForwardSecretAead()
{
    QFETCH(QByteArray, offered);
    QFETCH(bool, accepted);
    const TlsContext client = clientContext(Version::Tls1_2, Version::Tls1_2);
    // A fresh context of the test's own: only this suite is offered.
    QVERIFY(SSL_CTX_set_cipher_list(client.handle(), offered.constData()) == 1);
    Wire wire(m_server, client);
    wire.clientSide.start();
    QVERIFY(wire.pump());
    QCOMPARE(wire.serverSide.isEstablished(), accepted);
    if (accepted)
        QCOMPARE(wire.serverSide.cipherName(), QString::fromLatin1(offered));
    else
        QVERIFY2(wire.serverSide.errorString().contains(QStringLiteral("no shared cipher")), qPrintable(wire.serverSide.errorString()));
}

void TestTlsChannel::serverPolicy()
{
    SSL_CTX *context = m_server.handle();
    QCOMPARE(SSL_CTX_get_min_proto_version(context), TLS1_2_VERSION);
    const uint64_t options = SSL_CTX_get_options(context);
    QVERIFY(options & SSL_OP_NO_COMPRESSION);
    QVERIFY(options & SSL_OP_NO_RENEGOTIATION);
    QVERIFY(!(options & SSL_OP_ALLOW_CLIENT_RENEGOTIATION));
    QVERIFY(!(options & SSL_OP_CIPHER_SERVER_PREFERENCE));
    QVERIFY(SSL_CTX_get_mode(context) & SSL_MODE_RELEASE_BUFFERS);
    QCOMPARE(SSL_CTX_get_session_cache_mode(context), long(SSL_SESS_CACHE_OFF));
    QCOMPARE(SSL_CTX_get_num_tickets(context), size_t(0));
}

void TestTlsChannel::dataBothWaysInOddChunks_data()
{
    QTest::addColumn<qsizetype>("piece");
    QTest::addColumn<qsizetype>("writeSize");
    QTest::newRow("1-byte pieces") << qsizetype(1) << qsizetype(997);
    QTest::newRow("7-byte pieces") << qsizetype(7) << qsizetype(1);
    QTest::newRow("5-byte headers split") << qsizetype(5) << qsizetype(16 * 1024 + 3);
    QTest::newRow("odd pieces") << qsizetype(1371) << qsizetype(4099);
    QTest::newRow("as produced") << qsizetype(0) << qsizetype(100 * 1024);
}

void TestTlsChannel::dataBothWaysInOddChunks()
{
    QFETCH(qsizetype, piece);
    QFETCH(qsizetype, writeSize);
    Wire wire(m_server, clientContext());
    QVERIFY(wire.handshake());
    const QByteArray up = randomBytes(40 * 1024 + 13);
    const QByteArray down = randomBytes(70 * 1024 + 1);
    for (qsizetype at = 0; at < qMax(up.size(), down.size()); at += writeSize) {
        if (at < up.size())
            QVERIFY(wire.clientSide.write(QByteArrayView(up).sliced(at, qMin(writeSize, up.size() - at))));
        if (at < down.size())
            QVERIFY(wire.serverSide.write(QByteArrayView(down).sliced(at, qMin(writeSize, down.size() - at))));
        if (at % (8 * writeSize) == 0)
            QVERIFY(wire.pump(piece));
    }
    QVERIFY(wire.pump(piece));
    QCOMPARE(wire.serverReceived.size(), up.size());
    QVERIFY(wire.serverReceived == up);
    QCOMPARE(wire.clientReceived.size(), down.size());
    QVERIFY(wire.clientReceived == down);
    QVERIFY(wire.serverSide.isEstablished() && wire.clientSide.isEstablished());
}

void TestTlsChannel::applicationDataRightBehindTheHandshake()
{
    // The client's Finished and its first data in one piece: one feed() completes the
    // handshake and yields the data.
    Wire wire(m_server, clientContext());
    wire.clientSide.start();
    QByteArray ignored;
    QVERIFY(wire.serverSide.feed(wire.clientSide.takeOutput(), &ignored));
    QVERIFY(wire.clientSide.feed(wire.serverSide.takeOutput(), &ignored));
    QVERIFY(wire.clientSide.isEstablished());
    QVERIFY(wire.clientSide.write("EHLO client.example\r\n"));
    QByteArray plaintext;
    QVERIFY(wire.serverSide.feed(wire.clientSide.takeOutput(), &plaintext));
    QVERIFY(wire.serverSide.isEstablished());
    QCOMPARE(plaintext, QByteArray("EHLO client.example\r\n"));
}

void TestTlsChannel::garbageBeforeTheHandshakeFails_data()
{
    QTest::addColumn<QByteArray>("garbage");
    QTest::newRow("SMTP command") << QByteArray("EHLO client.example\r\n");
    QTest::newRow("HTTP request") << QByteArray("GET / HTTP/1.1\r\n\r\n");
    QTest::newRow("handshake type, then junk") << QByteArray("\x16\x03\x01\x00\x05junkjunk", 13);
    QTest::newRow("oversized record") << QByteArray("\x16\x03\x03\xff\xff", 5) + QByteArray(70000, 'x');
    QTest::newRow("random") << randomBytes(4096);
}

void TestTlsChannel::garbageBeforeTheHandshakeFails()
{
    QFETCH(QByteArray, garbage);
    TlsChannel server(m_server);
    server.start();
    QByteArray plaintext;
    QVERIFY(!server.feed(garbage, &plaintext));
    QCOMPARE(server.state(), TlsChannel::State::Failed);
    QVERIFY(!server.errorString().isEmpty());
    QVERIFY(plaintext.isEmpty());
    // Stays failed, and says so again, without touching OpenSSL.
    QVERIFY(!server.feed("more", &plaintext));
    QVERIFY(!server.write("reply"));
    QVERIFY(plaintext.isEmpty());
}

void TestTlsChannel::tamperedRecordFails()
{
    Wire wire(m_server, clientContext());
    QVERIFY(wire.handshake());
    QVERIFY(wire.clientSide.write("MAIL FROM:<a@example.test>\r\n"));
    QByteArray record = wire.clientSide.takeOutput();
    record[record.size() - 3] = char(record[record.size() - 3] ^ 0x01);
    QByteArray plaintext;
    QVERIFY(!wire.serverSide.feed(record, &plaintext));
    QVERIFY(plaintext.isEmpty());
    QVERIFY2(!wire.serverSide.errorString().isEmpty(), "no reason given");
}

void TestTlsChannel::closeNotify()
{
    Wire wire(m_server, clientContext());
    QVERIFY(wire.handshake());
    QVERIFY(wire.clientSide.write("QUIT\r\n"));
    wire.clientSide.close();
    QCOMPARE(wire.clientSide.state(), TlsChannel::State::Closed);
    QVERIFY(!wire.clientSide.write("after close"));
    QVERIFY(wire.pump());
    QCOMPARE(wire.serverReceived, QByteArray("QUIT\r\n"));
    QCOMPARE(wire.serverSide.state(), TlsChannel::State::Closed);
    // What follows a close_notify is not read.
    QByteArray plaintext;
    QVERIFY(wire.serverSide.feed("trailing bytes", &plaintext));
    QVERIFY(plaintext.isEmpty());

    // The server's own close_notify reaches the client as an orderly end.
    Wire other(m_server, clientContext());
    QVERIFY(other.handshake());
    QVERIFY(other.serverSide.write("221 bye\r\n"));
    other.serverSide.close();
    QVERIFY(other.pump());
    QCOMPARE(other.clientReceived, QByteArray("221 bye\r\n"));
    QCOMPARE(other.clientSide.state(), TlsChannel::State::Closed);
    QVERIFY(other.clientSide.errorString().isEmpty());

    // Each half closes alone: after our close_notify the peer's last words still arrive, and
    // after the peer's, ours may still go out.
    Wire half(m_server, clientContext());
    QVERIFY(half.handshake());
    half.clientSide.close();
    QVERIFY(half.pump());
    QCOMPARE(half.serverSide.state(), TlsChannel::State::Closed);
    QVERIFY(half.serverSide.write("221 bye\r\n"));
    half.serverSide.close();
    QVERIFY(!half.serverSide.write("more"));
    QVERIFY(half.pump());
    QCOMPARE(half.clientReceived, QByteArray("221 bye\r\n"));
}

void TestTlsChannel::nullContextFails()
{
    TlsChannel channel{TlsContext()};
    QCOMPARE(channel.state(), TlsChannel::State::Failed);
    QByteArray plaintext;
    QVERIFY(!channel.feed("x", &plaintext));
    QVERIFY(!channel.write("x"));
    channel.close();
    QVERIFY(!channel.hasOutput());
}

QTEST_GUILESS_MAIN(TestTlsChannel)
#include "tst_tlschannel.moc"
