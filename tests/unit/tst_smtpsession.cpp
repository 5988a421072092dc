// SmtpSession beyond what the transcripts show: the greeting, timeouts, the idle deadlines of the
// command and data phases, the states, one send() per batch of input, and the bounds on command
// lines and bad commands. What reaches the MessageStore is tst_smtpsessionstorage's.

#include "smtpsessionharness.h"

#include <QtTest>

using namespace SmtpSessionTest;

class TestSmtpSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void greeting();
    void timedOut_data();
    void timedOut();
    void idleTimeoutsForData();
    void idleTimeoutsForChunks();
    void states();
    void onePerBatchSend();
    void lineLengthLimit_data();
    void lineLengthLimit();
    void unterminatedLineIsBounded_data();
    void unterminatedLineIsBounded();
    void badCommandLimitFromConfig();
};

namespace {

const QByteArray kTimeout = "421 4.4.2 mail.example.test Error: timeout exceeded\r\n";

}

void TestSmtpSession::greeting()
{
    SmtpSessionHarness h;
    QCOMPARE(h.greeting(), QByteArray("220 mail.example.test ESMTP Postern\r\n"));
    QCOMPARE(h.transport().sends(), 1);
    QCOMPARE(h.transport().idleTimeout(), kCommandTimeoutMs);
    QCOMPARE(h.session().state(), SmtpSession::State::Connected);
    QVERIFY(!h.transport().closed());
}

void TestSmtpSession::timedOut_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("aborted");   // writers thrown away: 1 when a message was being received

    QTest::newRow("before HELO") << QByteArray() << 0;
    QTest::newRow("half a command") << QByteArray("EHLO helo.exa") << 0;
    QTest::newRow("identified") << kEhlo << 0;
    QTest::newRow("in a transaction") << kEhlo + kTransaction << 0;
    QTest::newRow("in DATA") << kEhlo + kTransaction + "DATA\r\nSubject: x\r\n\r\nhalf a mess" << 1;
    QTest::newRow("in DATA, before the terminator's LF") << kEhlo + kTransaction + "DATA\r\nbody\r\n.\r" << 1;
    QTest::newRow("in a BDAT chunk") << kEhlo + kTransaction + "BDAT 100\r\nhalf a chunk" << 1;
    QTest::newRow("between BDAT chunks") << kEhlo + kTransaction + "BDAT 5\r\nhello" << 1;
}

void TestSmtpSession::timedOut()
{
    QFETCH(QByteArray, input);
    QFETCH(int, aborted);

    SmtpSessionHarness h;
    h.send(input);
    const int sendsBefore = h.transport().sends();
    h.session().timedOut();
    QCOMPARE(h.transport().takeSent(), kTimeout);
    QCOMPARE(h.transport().sends(), sendsBefore + 1);
    QVERIFY(h.transport().closed());
    QCOMPARE(h.session().state(), SmtpSession::State::Closed);
    QVERIFY(h.store().messages().isEmpty());
    QCOMPARE(h.store().aborted(), aborted);

    // Nothing more happens after the close: no replies, no second 421, nothing stored.
    QVERIFY(h.send(".\r\nNOOP\r\nQUIT\r\n").isEmpty());
    h.session().timedOut();
    QVERIFY(h.transport().takeSent().isEmpty());
    QVERIFY(h.store().messages().isEmpty());
}

void TestSmtpSession::idleTimeoutsForData()
{
    SmtpSessionHarness h;
    h.ehlo();
    QCOMPARE(h.transport().idleTimeout(), kCommandTimeoutMs);

    // A refused DATA leaves the command deadline.
    QCOMPARE(h.send("DATA\r\n"), QByteArrayList{"503 5.5.1 Error: need MAIL command"});
    QCOMPARE(h.transport().idleTimeout(), kCommandTimeoutMs);
    h.send(kTransaction);
    QCOMPARE(h.transport().idleTimeout(), kCommandTimeoutMs);

    // 354 switches to the data deadline (RFC 5321 §4.5.3.2.5-6) ...
    QCOMPARE(h.send("DATA\r\n"), QByteArrayList{"354 End data with <CR><LF>.<CR><LF>"});
    QCOMPARE(h.transport().idleTimeout(), kDataTimeoutMs);
    QVERIFY(h.send("Subject: slow\r\n\r\n").isEmpty());
    QCOMPARE(h.transport().idleTimeout(), kDataTimeoutMs);
    QVERIFY(h.send("body\r\n.\r").isEmpty());
    QCOMPARE(h.transport().idleTimeout(), kDataTimeoutMs);
    // ... and the end of data restores the command deadline.
    QCOMPARE(h.send("\n").size(), 1);
    QCOMPARE(h.transport().idleTimeout(), kCommandTimeoutMs);

    // Also when the message is refused after its end (bare LF), and within a single batch.
    h.send(kTransaction);
    const QByteArrayList refused = h.send("DATA\r\nbare\nlf\r\n.\r\n");
    QCOMPARE(refused.size(), 2);
    QCOMPARE(refused.last(), QByteArray("550 5.6.11 Error: bare CR or LF in message data; use CRLF line endings"));
    QCOMPARE(h.transport().idleTimeout(), kCommandTimeoutMs);

    // A storage failure at DATA never enters the data phase.
    h.send(kTransaction);
    h.store().failNextBegin();
    QCOMPARE(h.send("DATA\r\n"), QByteArrayList{kStorageFailure});
    QCOMPARE(h.transport().idleTimeout(), kCommandTimeoutMs);
}

void TestSmtpSession::idleTimeoutsForChunks()
{
    SmtpSessionHarness h;
    h.ehlo();
    h.send(kTransaction);
    QVERIFY(h.send("BDAT 10\r\nabc").isEmpty());
    QCOMPARE(h.transport().idleTimeout(), kDataTimeoutMs);
    QCOMPARE(h.send("defghij"), QByteArrayList{"250 2.0.0 Ok: 10 octets received"});
    QCOMPARE(h.transport().idleTimeout(), kCommandTimeoutMs);
    QVERIFY(h.send("BDAT 3 LAST\r\nxy").isEmpty());
    QCOMPARE(h.transport().idleTimeout(), kDataTimeoutMs);
    QCOMPARE(h.send("z").size(), 1);
    QCOMPARE(h.transport().idleTimeout(), kCommandTimeoutMs);
    QCOMPARE(h.store().messages().size(), 1);

    // A refused chunk is still read under the data deadline, then the command deadline is back.
    QVERIFY(h.send("BDAT 5\r\nab").isEmpty());
    QCOMPARE(h.transport().idleTimeout(), kDataTimeoutMs);
    QCOMPARE(h.send("cde"), QByteArrayList{"503 5.5.1 Error: need MAIL command"});
    QCOMPARE(h.transport().idleTimeout(), kCommandTimeoutMs);

    // BDAT 0 LAST never leaves the command deadline for long.
    h.send(kTransaction);
    QCOMPARE(h.send("BDAT 0 LAST\r\n").size(), 1);
    QCOMPARE(h.transport().idleTimeout(), kCommandTimeoutMs);
}

void TestSmtpSession::states()
{
    using State = SmtpSession::State;
    SmtpSessionHarness h;
    QCOMPARE(h.session().state(), State::Connected);
    h.send("MAIL FROM:<a@remote.example>\r\n");
    QCOMPARE(h.session().state(), State::Connected);
    h.send(kEhlo);
    QCOMPARE(h.session().state(), State::Identified);
    h.send("MAIL FROM:<sender@remote.example>\r\n");
    QCOMPARE(h.session().state(), State::MailGiven);
    h.send("RCPT TO:<nobody@example.test>\r\n");
    QCOMPARE(h.session().state(), State::MailGiven);
    h.send("RCPT TO:<alice@example.test>\r\n");
    QCOMPARE(h.session().state(), State::RcptGiven);
    h.send("DATA\r\nx");
    QCOMPARE(h.session().state(), State::ReceivingData);
    h.send("\r\n.\r\n");
    QCOMPARE(h.session().state(), State::Identified);
    h.send(kTransaction + "BDAT 4\r\nab");
    QCOMPARE(h.session().state(), State::ReceivingChunk);
    h.send("cd");
    QCOMPARE(h.session().state(), State::RcptGiven);
    h.send("RSET\r\n");
    QCOMPARE(h.session().state(), State::Identified);
    QCOMPARE(h.store().messages().size(), 1);
    QCOMPARE(h.store().aborted(), 1);   // the BDAT message dropped by RSET
    h.send("QUIT\r\n");
    QCOMPARE(h.session().state(), State::Closed);
    QVERIFY(h.transport().closed());
}

void TestSmtpSession::onePerBatchSend()
{
    SmtpSessionHarness h;
    h.ehlo();
    int sends = h.transport().sends();

    // Half a command: nothing to say, nothing sent.
    QVERIFY(h.send("MAIL FROM:<sender@").isEmpty());
    QCOMPARE(h.transport().sends(), sends);

    h.session().receive("remote.example>\r\nRCPT TO:<alice@example.test>\r\nRCPT TO:<nobody@example.test>\r\n"
                       "RCPT TO:<bob@example.test>\r\nDATA\r\n");
    QCOMPARE(h.transport().sends(), ++sends);
    QCOMPARE(linesOf(h.transport().takeSent()),
             (QByteArrayList{"250 2.1.0 Ok", "250 2.1.5 Ok",
                             "550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown",
                             "250 2.1.5 Ok", "354 End data with <CR><LF>.<CR><LF>"}));

    // The end of one message, a whole second transaction and its data, and QUIT: one send.
    h.session().receive("body\r\n.\r\nMAIL FROM:<>\r\nRCPT TO:<team@example.test>\r\nDATA\r\nbounce\r\n.\r\n"
                       "BDAT 1 LAST\r\nx"   // refused (no MAIL), read anyway
                       "NOOP\r\nQUIT\r\n");
    QCOMPARE(h.transport().sends(), ++sends);
    QCOMPARE(linesOf(h.transport().takeSent()),
             (QByteArrayList{"250 2.0.0 Ok: queued as QID000000001", "250 2.1.0 Ok", "250 2.1.5 Ok",
                             "354 End data with <CR><LF>.<CR><LF>", "250 2.0.0 Ok: queued as QID000000002",
                             "503 5.5.1 Error: need MAIL command", "250 2.0.0 Ok", "221 2.0.0 mail.example.test Bye"}));
    QVERIFY(h.transport().closed());
    QCOMPARE(h.store().messages().size(), 2);

    // Byte by byte, each completed command is answered by the receive() that completed it.
    SmtpSessionHarness slow;
    const QByteArray batch = kEhlo + kTransaction + "NOOP\r\n";
    int completed = 0;
    const int before = slow.transport().sends();
    for (qsizetype i = 0; i < batch.size(); ++i) {
        slow.session().receive(QByteArrayView(batch).sliced(i, 1));
        if (batch.at(i) == '\n')
            ++completed;
        QCOMPARE(slow.transport().sends(), before + completed);
    }
    QCOMPARE(linesOf(slow.transport().takeSent()).size(), 9 + 3);
}

void TestSmtpSession::lineLengthLimit_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArray>("reply");
    const QByteArray ok = "250 2.0.0 Ok";
    const QByteArray tooLong = "500 5.5.2 Error: line too long";
    // "NOOP " + filler + CRLF; the limit (2048) counts the CRLF.
    QTest::newRow("2048 octets") << "NOOP " + QByteArray(2041, 'a') + "\r\n" << ok;
    QTest::newRow("2049 octets") << "NOOP " + QByteArray(2042, 'a') + "\r\n" << tooLong;
    QTest::newRow("2048 octets, bare LF") << "NOOP " + QByteArray(2042, 'a') + "\n" << ok;
    QTest::newRow("3000 octets") << "NOOP " + QByteArray(2993, 'a') + "\r\n" << tooLong;
    QTest::newRow("long RCPT") << "RCPT TO:<" + QByteArray(3000, 'a') + "@example.test>\r\n" << tooLong;
}

void TestSmtpSession::lineLengthLimit()
{
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, reply);

    // The same answer whether the line comes whole or one octet at a time, and the session goes on.
    for (const bool byteByByte : {false, true}) {
        SmtpSessionHarness h;
        h.ehlo();
        if (byteByByte) {
            for (qsizetype i = 0; i < line.size(); ++i)
                h.session().receive(QByteArrayView(line).sliced(i, 1));
        } else {
            h.session().receive(line);
        }
        QCOMPARE(linesOf(h.transport().takeSent()), QByteArrayList{reply});
        QCOMPARE(h.send("NOOP\r\n"), QByteArrayList{"250 2.0.0 Ok"});
        QVERIFY(!h.transport().closed());
    }
}

void TestSmtpSession::unterminatedLineIsBounded_data()
{
    QTest::addColumn<bool>("greeted");
    QTest::addColumn<int>("maxLineLength");
    QTest::newRow("before HELO") << false << 2048;
    QTest::newRow("after EHLO") << true << 2048;
    QTest::newRow("configured limit") << true << 100;
}

void TestSmtpSession::unterminatedLineIsBounded()
{
    QFETCH(bool, greeted);
    QFETCH(int, maxLineLength);
    SmtpSessionConfig config = testConfig();
    config.maxLineLength = maxLineLength;
    SmtpSessionHarness h(config);
    if (greeted)
        h.ehlo();

    // The refusal comes as soon as the limit is reached, not at the (far away) LF: the session
    // decides with at most maxLineLength octets of the line in hand.
    const QByteArray filler(maxLineLength - 1, 'x');
    QVERIFY(h.send(filler).isEmpty());
    QCOMPARE(h.send("x"), QByteArrayList{"500 5.5.2 Error: line too long"});

    // 1 MiB more without a LF, in 4 KiB pieces: silently dropped, no further reply, no close.
    const int sends = h.transport().sends();
    const QByteArray piece(4096, 'y');
    for (int i = 0; i < 256; ++i)
        h.session().receive(piece);
    QCOMPARE(h.transport().sends(), sends);
    QVERIFY(h.transport().takeSent().isEmpty());
    QVERIFY(!h.transport().closed());

    // The end of the long line is swallowed too; what follows is a command again.
    QCOMPARE(h.send("tail of the line\r\nNOOP\r\n"), QByteArrayList{"250 2.0.0 Ok"});
    if (!greeted)
        h.ehlo();
    QCOMPARE(h.send(kTransaction + "DATA\r\nhi\r\n.\r\n").last(), QByteArray("250 2.0.0 Ok: queued as QID000000001"));

    // A long line counts as one bad command, not one per piece: 19 more are tolerated.
    for (int i = 0; i < 19; ++i) {
        QCOMPARE(h.send(QByteArray(maxLineLength + 10, 'z')), QByteArrayList{"500 5.5.2 Error: line too long"});
        h.send("\r\n");
    }
    QVERIFY(!h.transport().closed());
    QCOMPARE(h.send(QByteArray(maxLineLength, 'z')), QByteArrayList{"421 4.7.0 mail.example.test Error: too many errors"});
    QVERIFY(h.transport().closed());
}

void TestSmtpSession::badCommandLimitFromConfig()
{
    SmtpSessionConfig config = testConfig();
    config.maxBadCommands = 2;
    SmtpSessionHarness h(config);
    QCOMPARE(h.send("FOO\r\nBAR\r\n").size(), 2);
    QVERIFY(!h.transport().closed());
    QCOMPARE(h.send("BAZ\r\nNOOP\r\n"), QByteArrayList{"421 4.7.0 mail.example.test Error: too many errors"});
    QVERIFY(h.transport().closed());
    QCOMPARE(h.session().state(), SmtpSession::State::Closed);
}

QTEST_GUILESS_MAIN(TestSmtpSession)
#include "tst_smtpsession.moc"
