// SmtpClientSession beyond the transcripts: the MAIL/RCPT parameters, reply texts and codes,
// the password, STARTTLS injection, a hostile peer, timeouts, peer facts and body streaming.

#include "smtpclienttranscript.h"

#include <QtTest>

class TestSmtpClientSessionDetails : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void envelopeParameters_data();
    void envelopeParameters();
    void replyTextAndCodes();
    void passwordNeverInTexts();
    void bytesBeforeTlsHandshakeAreDropped();
    void hostileEndlessReplyIsBounded();
    void timeouts();
    void peerFacts();
    void resultsEmptyUntilDecided();
    void bodyInAnyChunks();
};

using namespace ClientTranscript;

void TestSmtpClientSessionDetails::envelopeParameters_data()
{
    QTest::addColumn<QString>("extensions");
    QTest::addColumn<QString>("mail");
    QTest::addColumn<QString>("rcpt");
    QTest::newRow("DSN offered")
        << "DSN,SIZE 0,8BITMIME,SMTPUTF8"
        << "MAIL FROM:<alice@example.org> SIZE=2000 BODY=8BITMIME SMTPUTF8 RET=HDRS ENVID=q+2B1+3D2+20x"
        << "RCPT TO:<bob@example.net> NOTIFY=SUCCESS,DELAY ORCPT=rfc822;bob+2Btag@example.net";
    QTest::newRow("no DSN") << "8BITMIME,SMTPUTF8" << "MAIL FROM:<alice@example.org> BODY=8BITMIME SMTPUTF8"
                            << "RCPT TO:<bob@example.net>";
}

void TestSmtpClientSessionDetails::envelopeParameters()
{
    QFETCH(QString, extensions);
    QFETCH(QString, mail);
    QFETCH(QString, rcpt);
    OutboundEnvelope envelope;
    envelope.reversePath = QStringLiteral("alice@example.org");
    envelope.size = 2000;
    envelope.eightBit = true;
    envelope.smtpUtf8 = true;
    envelope.envelopeId = QStringLiteral("q+1=2 x");
    envelope.ret = DsnReturn::Headers;
    envelope.recipients.append({QStringLiteral("bob@example.net"), {true, false, true}, true,
                                QStringLiteral("rfc822;bob+tag@example.net")});
    envelope.recipients.append({QStringLiteral("carol@example.net"), DsnNotify::never(), true, {}});
    SmtpClientSession session(optionsFrom(QStringLiteral("tls=none")), envelope);
    session.receive("220 mx\r\n");
    QCOMPARE(session.takeOutput(), QByteArray("EHLO me.example\r\n"));
    QByteArray reply = "250-mx\r\n";
    for (const QString &line : extensions.split(QLatin1Char(',')))
        reply += "250-" + line.toUtf8() + "\r\n";
    session.receive(reply + "250 PIPELINING\r\n");
    const QList<QByteArray> lines = session.takeOutput().split('\n');
    QCOMPARE(lines.size(), 5);
    QCOMPARE(lines[0], mail.toUtf8() + '\r');
    QCOMPARE(lines[1], rcpt.toUtf8() + '\r');
    const bool dsn = extensions.contains(QLatin1String("DSN"));
    QCOMPARE(lines[2], dsn ? QByteArray("RCPT TO:<carol@example.net> NOTIFY=NEVER\r") : QByteArray("RCPT TO:<carol@example.net>\r"));
    QCOMPARE(lines[3], QByteArray("DATA\r"));
    QCOMPARE(session.peerExtensions().contains(QStringLiteral("DSN")), dsn);
}

void TestSmtpClientSessionDetails::replyTextAndCodes()
{
    SmtpClientSession session(optionsFrom(QStringLiteral("tls=none")), envelopeFrom(QStringLiteral("rcpts=x@example.net")));
    session.receive("220 mx\r\n250 mx\r\n");
    session.receive("250 ok\r\n550-5.1.1 <x@example.net>: no such user\r\n550 5.1.1 see https://example.net/" + QByteArray(1200, 'q')
                    + "\r\n");
    QCOMPARE(session.step(), SmtpClientSession::Step::Idle);
    QCOMPARE(session.results().size(), 1);
    const RecipientResult &result = session.results().first();
    QCOMPARE(result.kind, RecipientResult::Kind::Permanent);
    QCOMPARE(result.code, 550);
    QCOMPARE(result.statusCode, QStringLiteral("5.1.1"));
    QVERIFY(result.reply.startsWith(QStringLiteral("550-5.1.1 <x@example.net>: no such user 550 5.1.1 see https://")));
    QCOMPARE(result.reply.size(), 1000);
    QVERIFY(session.takeOutput().endsWith("RCPT TO:<x@example.net>\r\n"));
}

void TestSmtpClientSessionDetails::passwordNeverInTexts()
{
    const QString password = QStringLiteral("hunter2-very-secret");
    SmtpClientSession session(optionsFrom(QStringLiteral("tls=required implicit auth=user:") + password),
                              envelopeFrom(QStringLiteral("rcpts=x@example.net")));
    session.receive("220 smart\r\n250-smart\r\n250 AUTH LOGIN\r\n334 VXNlcm5hbWU6\r\n334 UGFzc3dvcmQ6\r\n");
    QVERIFY(session.takeOutput().contains(password.toUtf8().toBase64()));
    session.receive("535 5.7.8 bad credentials\r\n");
    QCOMPARE(session.step(), SmtpClientSession::Step::Closing);
    QVERIFY(!session.hostFailure().isEmpty());
    QVERIFY(!session.hostFailure().contains(password));
    QVERIFY(!session.hostFailure().contains(QString::fromLatin1(password.toUtf8().toBase64())));
    for (const RecipientResult &result : session.results()) {
        QCOMPARE(result.kind, RecipientResult::Kind::Temporary);
        QVERIFY(!result.reply.contains(password));
    }
}

void TestSmtpClientSessionDetails::bytesBeforeTlsHandshakeAreDropped()
{
    SmtpClientSession session(optionsFrom(QStringLiteral("tls=required")), envelopeFrom(QStringLiteral("rcpts=x@example.net")));
    session.receive("220 mx\r\n250-mx\r\n250 STARTTLS\r\n");
    QCOMPARE(session.takeOutput(), QByteArray("EHLO me.example\r\nSTARTTLS\r\n"));
    // A man in the middle appends a plaintext EHLO reply to the 220; it must not count.
    session.receive("220 go ahead\r\n250-mx\r\n250 PIPELINING\r\n");
    QCOMPARE(session.step(), SmtpClientSession::Step::StartTls);
    QVERIFY(!session.usedTls());
    session.receive("250 more\r\n");
    session.tlsStarted(true, {});
    QVERIFY(session.usedTls());
    QVERIFY(session.peerExtensions().isEmpty());
    QCOMPARE(session.takeOutput(), QByteArray("EHLO me.example\r\n"));
    QCOMPARE(session.step(), SmtpClientSession::Step::Waiting);
    session.receive("250-mx\r\n250 SIZE 10\r\n");
    QCOMPARE(session.peerExtensions(), QStringList{QStringLiteral("SIZE")});
    QCOMPARE(session.step(), SmtpClientSession::Step::Idle);
    QCOMPARE(session.results().first().statusCode, QStringLiteral("5.3.4"));
}

void TestSmtpClientSessionDetails::hostileEndlessReplyIsBounded()
{
    SmtpClientSession session(optionsFrom({}), envelopeFrom({}));
    session.receive("220 mx\r\n");
    (void)session.takeOutput();
    int fed = 0;
    while (session.step() == SmtpClientSession::Step::Waiting && fed < 100000) {
        session.receive("250-X-ENDLESS continuation line\r\n");
        ++fed;
    }
    QVERIFY(fed <= 101);
    QCOMPARE(session.step(), SmtpClientSession::Step::Closing);
    QVERIFY(session.hostFailure().contains(QStringLiteral("protocol error")));
    QCOMPARE(session.takeOutput(), QByteArray("QUIT\r\n"));
    session.receive("250-more\r\n");
    QCOMPARE(session.step(), SmtpClientSession::Step::Closed);
}

void TestSmtpClientSessionDetails::timeouts()
{
    constexpr int minute = 60 * 1000;
    SmtpClientSession session(optionsFrom(QStringLiteral("tls=opportunistic")), envelopeFrom(QStringLiteral("8bit")));
    QCOMPARE(session.timeoutMs(), 5 * minute);   // greeting
    session.receive("220 mx\r\n");
    QCOMPARE(session.timeoutMs(), 5 * minute);   // EHLO
    session.receive("250-mx\r\n250 STARTTLS\r\n");
    QCOMPARE(session.timeoutMs(), 5 * minute);   // STARTTLS
    session.receive("220 go\r\n");
    QCOMPARE(session.timeoutMs(), 0);            // the driver's handshake
    session.tlsStarted(true, {});
    session.receive("250 mx\r\n");
    QCOMPARE(session.step(), SmtpClientSession::Step::Downgrade);
    QCOMPARE(session.timeoutMs(), 0);
    session.downgradeReady(true);
    QCOMPARE(session.timeoutMs(), 5 * minute);   // MAIL
    session.receive("250 ok\r\n");
    QCOMPARE(session.timeoutMs(), 5 * minute);   // RCPT
    session.receive("250 ok\r\n250 ok\r\n");
    QCOMPARE(session.timeoutMs(), 2 * minute);   // DATA
    session.receive("354 go\r\n");
    QCOMPARE(session.timeoutMs(), 3 * minute);   // a data block
    session.bodyDone();
    QCOMPARE(session.timeoutMs(), 10 * minute);  // end of data
    session.setTimeoutScale(0.01);
    QCOMPARE(session.timeoutMs(), 6000);
    session.receive("250 ok\r\n");
    QCOMPARE(session.timeoutMs(), 0);            // idle
    QCOMPARE(summary(session.results()), QStringLiteral("D 250 2.0.0|D 250 2.0.0"));
    QVERIFY(session.takeOutput().contains("MAIL FROM:<alice@example.org>\r\n"));
    session.quit();
    QCOMPARE(session.timeoutMs(), 600);          // QUIT, scaled
    session.timedOut();
    QCOMPARE(session.step(), SmtpClientSession::Step::Closed);
    QCOMPARE(session.timeoutMs(), 0);
    QCOMPARE(summary(session.results()), QStringLiteral("D 250 2.0.0|D 250 2.0.0"));
}

void TestSmtpClientSessionDetails::peerFacts()
{
    SmtpClientSession session(optionsFrom(QStringLiteral("tls=none")), envelopeFrom({}));
    QVERIFY(session.peerName().isEmpty());
    session.receive("220 mx1.example.net ESMTP Postfix\r\n250-mx1.example.net\r\n250-size 1000000\r\n250-DSN\r\n250 ENHANCEDSTATUSCODES\r\n");
    QCOMPARE(session.peerName(), QStringLiteral("mx1.example.net"));
    QCOMPARE(session.peerExtensions(), (QStringList{QStringLiteral("SIZE"), QStringLiteral("DSN"), QStringLiteral("ENHANCEDSTATUSCODES")}));
    QVERIFY(!session.usedTls());
    SmtpClientSession implicit(optionsFrom(QStringLiteral("implicit")), envelopeFrom({}));
    QVERIFY(implicit.usedTls());
}

void TestSmtpClientSessionDetails::resultsEmptyUntilDecided()
{
    SmtpClientSession session(optionsFrom(QStringLiteral("tls=none")), envelopeFrom({}));
    session.receive("220 mx\r\n250 mx\r\n250 ok\r\n250 ok\r\n");
    QVERIFY(session.results().isEmpty());
    session.receive("250 ok\r\n354 go\r\n");
    QVERIFY(session.results().isEmpty());
    session.bodyBytes("x");
    session.bodyDone();
    session.receive("250 ok\r\n");
    QCOMPARE(session.results().size(), 2);
    session.startNext(envelopeFrom(QStringLiteral("rcpts=z@example.net")));
    QVERIFY(session.results().isEmpty());
    session.connectionLost(QStringLiteral("peer closed"));
    QCOMPARE(session.results().size(), 1);
    QCOMPARE(session.results().first().reply, QStringLiteral("connection lost after MAIL: peer closed"));
    QVERIFY(!session.hostFailure().isEmpty());
}

void TestSmtpClientSessionDetails::bodyInAnyChunks()
{
    const QByteArray raw = "Subject: dots\r\n\r\n.\r\n..x\r\nend.";
    const QByteArray stuffed = "Subject: dots\r\n\r\n..\r\n...x\r\nend.\r\n.\r\n";
    for (qsizetype size = 1; size <= raw.size(); ++size) {
        SmtpClientSession session(optionsFrom(QStringLiteral("tls=none")), envelopeFrom(QStringLiteral("rcpts=x@example.net")));
        session.receive("220 mx\r\n250 mx\r\n250 ok\r\n250 ok\r\n354 go\r\n");
        QCOMPARE(session.step(), SmtpClientSession::Step::SendBody);
        (void)session.takeOutput();
        for (qsizetype at = 0; at < raw.size(); at += size)
            session.bodyBytes(QByteArrayView(raw).sliced(at, qMin(size, raw.size() - at)));
        session.bodyDone();
        QCOMPARE(session.takeOutput(), stuffed);
        QCOMPARE(session.step(), SmtpClientSession::Step::Waiting);
    }
}

QTEST_GUILESS_MAIN(TestSmtpClientSessionDetails)
#include "tst_smtpclientsessiondetails.moc"
