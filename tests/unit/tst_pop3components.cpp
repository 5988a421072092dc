// The small parts of the POP3 engine: command parsing, SASL PLAIN, the byte-stuffing message
// stream (RETR and TOP) and the login recorder.

#include <QBuffer>
#include <QTest>

#include "inmemoryloginrecorder.h"
#include "pop3command.h"
#include "pop3messagestream.h"
#include "saslplain.h"

namespace {

// Everything the stream produces for a message held in memory.
QByteArray streamAll(const QByteArray &message, qint64 bodyLines = Pop3MessageStream::kAllLines, int *steps = nullptr)
{
    auto buffer = std::make_unique<QBuffer>();
    buffer->setData(message);
    buffer->open(QIODevice::ReadOnly);
    Pop3MessageStream stream(std::move(buffer), bodyLines);
    QByteArray out;
    int count = 0;
    while (stream.produce(out) == Pop3MessageStream::Status::More && count < 100000)
        ++count;
    if (steps)
        *steps = count + 1;
    return out;
}

}

class TestPop3Components : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void commandParse();
    void parseNumber_data();
    void parseNumber();
    void saslPlain_data();
    void saslPlain();
    void stream_data();
    void stream();
    void streamDotsAtBlockBoundaries();
    void recorderExpires();
    void recorderCapacity();
};

void TestPop3Components::commandParse()
{
    Pop3Command command = Pop3Command::parse("retr 1");
    QCOMPARE(command.keyword, QByteArray("RETR"));
    QCOMPARE(command.arguments, QList<QByteArray>{"1"});
    command = Pop3Command::parse("PASS  two  spaces ");
    QCOMPARE(command.rest, QByteArray(" two  spaces "));   // the password as sent
    QCOMPARE(command.arguments, (QList<QByteArray>{"two", "spaces"}));
    command = Pop3Command::parse("NOOP");
    QVERIFY(command.rest.isEmpty());
    QVERIFY(command.arguments.isEmpty());
    command = Pop3Command::parse("");
    QVERIFY(command.keyword.isEmpty());
}

void TestPop3Components::parseNumber_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("one") << QByteArray("1") << qint64(1);
    QTest::newRow("zero") << QByteArray("0") << qint64(0);
    QTest::newRow("leading zeros") << QByteArray("007") << qint64(7);
    QTest::newRow("huge saturates") << QByteArray("99999999999999999999999") << qint64(2147483647);
    QTest::newRow("empty") << QByteArray() << qint64(-1);
    QTest::newRow("sign") << QByteArray("+1") << qint64(-1);
    QTest::newRow("negative") << QByteArray("-1") << qint64(-1);
    QTest::newRow("letters") << QByteArray("1a") << qint64(-1);
    QTest::newRow("space") << QByteArray(" 1") << qint64(-1);
}

void TestPop3Components::parseNumber()
{
    QFETCH(QByteArray, text);
    QFETCH(qint64, expected);
    QCOMPARE(Pop3Command::parseNumber(text), expected);
}

void TestPop3Components::saslPlain_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("authzid");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    const auto b64 = [](const char *data, int size) { return QByteArray(data, size).toBase64(); };
    QTest::newRow("plain") << b64("\0alice@example.test\0secret", 26) << true << QString() << QStringLiteral("alice@example.test") << QStringLiteral("secret");
    QTest::newRow("authzid") << b64("a\0b\0c", 5) << true << QStringLiteral("a") << QStringLiteral("b") << QStringLiteral("c");
    QTest::newRow("utf8") << QStringLiteral("\0j\u00fcrgen\0p\u00e4ss").toUtf8().toBase64() << true << QString()
                          << QStringLiteral("j\u00fcrgen") << QStringLiteral("p\u00e4ss");
    QTest::newRow("empty password") << b64("\0u\0", 3) << true << QString() << QStringLiteral("u") << QString();
    QTest::newRow("empty response") << QByteArray("=") << false << QString() << QString() << QString();
    QTest::newRow("no nul") << b64("user password", 13) << false << QString() << QString() << QString();
    QTest::newRow("three nuls") << b64("\0u\0p\0x", 6) << false << QString() << QString() << QString();
    QTest::newRow("empty user") << b64("\0\0p", 3) << false << QString() << QString() << QString();
    QTest::newRow("bad base64") << QByteArray("!!!!") << false << QString() << QString() << QString();
    QTest::newRow("bad utf8") << b64("\0\xff\xfe\0p", 5) << false << QString() << QString() << QString();
}

void TestPop3Components::saslPlain()
{
    QFETCH(QByteArray, response);
    QFETCH(bool, ok);
    const SaslPlain plain = SaslPlain::decode(response);
    QCOMPARE(plain.ok, ok);
    if (!ok)
        return;
    QFETCH(QString, authzid);
    QFETCH(QString, user);
    QFETCH(QString, password);
    QCOMPARE(plain.authorizationId, authzid);
    QCOMPARE(plain.user, user);
    QCOMPARE(plain.password, password);
}

void TestPop3Components::stream_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<qint64>("lines");
    QTest::addColumn<QByteArray>("expected");
    const qint64 all = Pop3MessageStream::kAllLines;
    QTest::newRow("simple") << QByteArray("A: b\r\n\r\nbody\r\n") << all << QByteArray("A: b\r\n\r\nbody\r\n.\r\n");
    QTest::newRow("empty") << QByteArray() << all << QByteArray(".\r\n");
    QTest::newRow("dot first") << QByteArray(".\r\n") << all << QByteArray("..\r\n.\r\n");
    QTest::newRow("dots") << QByteArray("a\r\n.\r\n..\r\n.x\r\nx.\r\n") << all << QByteArray("a\r\n..\r\n...\r\n..x\r\nx.\r\n.\r\n");
    QTest::newRow("no final newline") << QByteArray("a\r\nb") << all << QByteArray("a\r\nb\r\n.\r\n");
    QTest::newRow("final bare LF") << QByteArray("a\r\nb\n") << all << QByteArray("a\r\nb\n\r\n.\r\n");
    QTest::newRow("bare LF then dot") << QByteArray("a\n.\r\nb\r\n") << all << QByteArray("a\n..\r\nb\r\n.\r\n");
    QTest::newRow("bare CR is no line end") << QByteArray("a\r.b\r\n") << all << QByteArray("a\r.b\r\n.\r\n");
    QTest::newRow("top 0") << QByteArray("A: b\r\nC: d\r\n\r\n1\r\n2\r\n") << qint64(0) << QByteArray("A: b\r\nC: d\r\n\r\n.\r\n");
    QTest::newRow("top 1") << QByteArray("A: b\r\n\r\n.1\r\n2\r\n") << qint64(1) << QByteArray("A: b\r\n\r\n..1\r\n.\r\n");
    QTest::newRow("top more than there is") << QByteArray("A: b\r\n\r\n1\r\n") << qint64(9) << QByteArray("A: b\r\n\r\n1\r\n.\r\n");
    QTest::newRow("top without body") << QByteArray("A: b\r\nC: d\r\n") << qint64(0) << QByteArray("A: b\r\nC: d\r\n.\r\n");
    QTest::newRow("top LF header end") << QByteArray("A: b\n\n1\n2\n") << qint64(1) << QByteArray("A: b\n\n1\n\r\n.\r\n");
    QTest::newRow("top last line unterminated") << QByteArray("A: b\r\n\r\n1\r\n2") << qint64(5) << QByteArray("A: b\r\n\r\n1\r\n2\r\n.\r\n");
}

void TestPop3Components::stream()
{
    QFETCH(QByteArray, message);
    QFETCH(qint64, lines);
    QFETCH(QByteArray, expected);
    QCOMPARE(streamAll(message, lines), expected);
}

void TestPop3Components::streamDotsAtBlockBoundaries()
{
    // Lines that start exactly at a block boundary, and CRLF split across two blocks.
    const qint64 block = Pop3MessageStream::kBlockBytes;
    QByteArray message(block - 2, 'a');
    message += "\r\n.b\r\n";
    message += QByteArray(block - message.size() % block - 1, 'c');
    message += "\r\n.d\r\n";
    int steps = 0;
    const QByteArray out = streamAll(message, Pop3MessageStream::kAllLines, &steps);
    QVERIFY(steps >= 3);
    QByteArray expected = message;
    expected.replace("\r\n.", "\r\n..");
    QCOMPARE(out, expected + ".\r\n");
}

void TestPop3Components::recorderExpires()
{
    QDateTime now = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
    InMemoryLoginRecorder recorder(std::chrono::minutes(30), 100, [&now] { return now; });
    recorder.recordLogin(QHostAddress(QStringLiteral("::ffff:192.0.2.1")), QStringLiteral("alice@example.test"));
    std::optional<LoginRecord> record = recorder.lastLogin(QHostAddress(QStringLiteral("192.0.2.1")));
    QVERIFY(record);
    QCOMPARE(record->account, QStringLiteral("alice@example.test"));
    QCOMPARE(record->time, now);
    QVERIFY(!recorder.lastLogin(QHostAddress(QStringLiteral("192.0.2.2"))));
    now = now.addSecs(29 * 60);
    recorder.recordLogin(QHostAddress(QStringLiteral("2001:db8::1")), QStringLiteral("bob@example.test"));
    QVERIFY(recorder.lastLogin(QHostAddress(QStringLiteral("192.0.2.1"))));
    now = now.addSecs(2 * 60);
    QVERIFY(!recorder.lastLogin(QHostAddress(QStringLiteral("192.0.2.1"))));
    QCOMPARE(recorder.lastLogin(QHostAddress(QStringLiteral("2001:db8::1")))->account, QStringLiteral("bob@example.test"));
    // A later login from the same address replaces the earlier one.
    recorder.recordLogin(QHostAddress(QStringLiteral("2001:db8::1")), QStringLiteral("carol@example.test"));
    QCOMPARE(recorder.lastLogin(QHostAddress(QStringLiteral("2001:db8::1")))->account, QStringLiteral("carol@example.test"));
}

void TestPop3Components::recorderCapacity()
{
    QDateTime now = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
    InMemoryLoginRecorder recorder(std::chrono::hours(1), 3, [&now] { return now; });
    for (int i = 1; i <= 5; ++i) {
        now = now.addSecs(1);
        recorder.recordLogin(QHostAddress(QStringLiteral("192.0.2.%1").arg(i)), QStringLiteral("user%1@example.test").arg(i));
        QVERIFY(recorder.size() <= 3);
    }
    // The oldest made room.
    QVERIFY(!recorder.lastLogin(QHostAddress(QStringLiteral("192.0.2.1"))));
    QVERIFY(!recorder.lastLogin(QHostAddress(QStringLiteral("192.0.2.2"))));
    QVERIFY(recorder.lastLogin(QHostAddress(QStringLiteral("192.0.2.5"))));
    // Expired entries go first, before any live one.
    now = now.addSecs(2 * 3600);
    recorder.recordLogin(QHostAddress(QStringLiteral("192.0.2.9")), QStringLiteral("late@example.test"));
    QCOMPARE(recorder.size(), 1);
}

QTEST_GUILESS_MAIN(TestPop3Components)
#include "tst_pop3components.moc"
