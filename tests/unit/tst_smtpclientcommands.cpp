// SmtpClientCommands: the MAIL and RCPT lines with only the parameters the peer offered, the
// DSN values (NOTIFY, ORCPT as xtext, RFC 3461) and AUTH PLAIN's initial response (RFC 4616).

#include "smtpclientcommands.h"
#include "smtpextensions.h"

#include <QtTest>

class TestSmtpClientCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void notify_data();
    void notify();
    void orcpt_data();
    void orcpt();
    void mail_data();
    void mail();
    void authPlain();
};

void TestSmtpClientCommands::notify_data()
{
    QTest::addColumn<bool>("success");
    QTest::addColumn<bool>("failure");
    QTest::addColumn<bool>("delay");
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("never") << false << false << false << QByteArray("NEVER");
    QTest::newRow("default") << false << true << true << QByteArray("FAILURE,DELAY");
    QTest::newRow("all") << true << true << true << QByteArray("SUCCESS,FAILURE,DELAY");
    QTest::newRow("success") << true << false << false << QByteArray("SUCCESS");
}

void TestSmtpClientCommands::notify()
{
    QFETCH(bool, success);
    QFETCH(bool, failure);
    QFETCH(bool, delay);
    QFETCH(QByteArray, value);
    QCOMPARE(SmtpClientCommands::notifyValue({success, failure, delay}), value);
}

void TestSmtpClientCommands::orcpt_data()
{
    QTest::addColumn<QString>("original");
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("typed") << QStringLiteral("rfc822;Bob@Example.org") << QByteArray("rfc822;Bob@Example.org");
    QTest::newRow("untyped") << QStringLiteral("bob@example.org") << QByteArray("rfc822;bob@example.org");
    QTest::newRow("xtext") << QStringLiteral("rfc822;a+b=c@example.org") << QByteArray("rfc822;a+2Bb+3Dc@example.org");
    QTest::newRow("utf-8 type") << QStringLiteral("utf-8;j\u00f6rg@example.org") << QByteArray("utf-8;j+C3+B6rg@example.org");
    QTest::newRow("semicolon in local part") << QStringLiteral("\"a;b\"@example.org")
                                             << QByteArray("rfc822;\"a;b\"@example.org");
}

void TestSmtpClientCommands::orcpt()
{
    QFETCH(QString, original);
    QFETCH(QByteArray, value);
    QCOMPARE(SmtpClientCommands::orcptValue(original), value);
}

void TestSmtpClientCommands::mail_data()
{
    QTest::addColumn<QList<QByteArray>>("ehlo");
    QTest::addColumn<bool>("eightBit");
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("nothing offered") << QList<QByteArray>{"mx"} << true << QByteArray("MAIL FROM:<a@x.example> SMTPUTF8\r\n");
    QTest::newRow("SIZE") << QList<QByteArray>{"mx", "SIZE 100"} << false
                          << QByteArray("MAIL FROM:<a@x.example> SIZE=42 SMTPUTF8\r\n");
    QTest::newRow("8BITMIME, downgraded") << QList<QByteArray>{"mx", "8BITMIME"} << false
                                          << QByteArray("MAIL FROM:<a@x.example> SMTPUTF8\r\n");
    QTest::newRow("DSN") << QList<QByteArray>{"mx", "DSN", "8BITMIME"} << true
                         << QByteArray("MAIL FROM:<a@x.example> BODY=8BITMIME SMTPUTF8 RET=FULL ENVID=e+2B1\r\n");
}

void TestSmtpClientCommands::mail()
{
    QFETCH(QList<QByteArray>, ehlo);
    QFETCH(bool, eightBit);
    QFETCH(QByteArray, line);
    OutboundEnvelope envelope;
    envelope.reversePath = QStringLiteral("a@x.example");
    envelope.size = 42;
    envelope.smtpUtf8 = true;
    envelope.envelopeId = QStringLiteral("e+1");
    envelope.ret = DsnReturn::Full;
    QCOMPARE(SmtpClientCommands::mail(envelope, SmtpExtensions::parse(ehlo), eightBit), line);
}

void TestSmtpClientCommands::authPlain()
{
    const QByteArray line = SmtpClientCommands::authPlain(QStringLiteral("user"), QStringLiteral("p\u00e4ss"));
    QVERIFY(line.startsWith("AUTH PLAIN ") && line.endsWith("\r\n"));
    QCOMPARE(QByteArray::fromBase64(line.mid(11).chopped(2)), QByteArray("\0user\0p\xc3\xa4ss", 11));
}

QTEST_GUILESS_MAIN(TestSmtpClientCommands)
#include "tst_smtpclientcommands.moc"
