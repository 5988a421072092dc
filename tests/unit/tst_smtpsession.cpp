// SmtpSession beyond what the transcripts show: timeouts, the idle deadlines of the command and
// data phases, the exact bytes handed to the MessageStore (trace headers + unstuffed data),
// storage failures, aborted messages, one send() per batch of input, and the bound on an
// unterminated command line.

#include "fixturedirectory.h"
#include "memorymessagestore.h"
#include "recordingtransport.h"
#include "smtpsession.h"

#include <QtTest>
#include <QTimeZone>

#include <memory>

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
    void storedMessage_data();
    void storedMessage();
    void aliasStoredOnce();
    void failingCommit_data();
    void failingCommit();
    void failingBeginForData();
    void failingBeginForChunk();
    void oversizeStoresNothing_data();
    void oversizeStoresNothing();
    void disconnectedMidMessage_data();
    void disconnectedMidMessage();
    void onePerBatchSend();
    void lineLengthLimit_data();
    void lineLengthLimit();
    void unterminatedLineIsBounded_data();
    void unterminatedLineIsBounded();
    void longDataLineIsStreamed();
    void badCommandLimitFromConfig();
    void receivedForIpv6Client();
};

namespace {

constexpr int kCommandTimeoutMs = 11000;
constexpr int kDataTimeoutMs = 22000;

const QByteArray kEhlo = "EHLO helo.example\r\n";
const QByteArray kTransaction = "MAIL FROM:<sender@remote.example>\r\nRCPT TO:<alice@example.test>\r\n";
const QByteArray kStorageFailure = "451 4.3.0 Error: local storage failure, try again later";
const QByteArray kTimeout = "421 4.4.2 mail.example.test Error: timeout exceeded\r\n";

QDateTime fixedClock()
{
    return QDateTime(QDate(2026, 11, 24), QTime(10, 20, 59), QTimeZone(3600));
}

SmtpSessionConfig testConfig()
{
    SmtpSessionConfig config;
    config.hostName = QStringLiteral("mail.example.test");
    config.commandTimeoutMs = kCommandTimeoutMs;
    config.dataTimeoutMs = kDataTimeoutMs;
    config.clock = fixedClock;
    return config;
}

QByteArrayList linesOf(const QByteArray &sent)
{
    QByteArrayList lines = sent.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    return lines;
}

// One session over a RecordingTransport, the transcript fixture directory and a memory store.
struct Harness
{
    explicit Harness(SmtpSessionConfig config = testConfig(), bool tls = false,
                     const QHostAddress &address = QHostAddress(QStringLiteral("127.0.0.1")))
    {
        ClientInfo client;
        client.address = address;
        client.port = 40000;
        client.service = QStringLiteral("smtp");
        client.sessionId = QStringLiteral("unit");
        client.tls = tls;
        session = std::make_unique<SmtpSession>(std::move(config), client, transport, directory, store);
        session->start();
        greeting = transport.takeSent();
    }

    // Everything in one receive(); returns the reply lines (without CRLF).
    QByteArrayList send(QByteArrayView bytes)
    {
        session->receive(bytes);
        return linesOf(transport.takeSent());
    }

    // Greets and checks the EHLO answer came.
    void ehlo()
    {
        const QByteArrayList lines = send(kEhlo);
        QCOMPARE(lines.size(), 7);
        QCOMPARE(lines.last(), QByteArray("250 SMTPUTF8"));
    }

    RecordingTransport transport;
    FixtureDirectory directory;
    MemoryMessageStore store;
    std::unique_ptr<SmtpSession> session;
    QByteArray greeting;
};

QByteArray trace(const QByteArray &returnPath, const QByteArray &helo, const QByteArray &protocol,
                 const QByteArray &forRecipient)
{
    QByteArray out = "Return-Path: <" + returnPath + ">\r\n"
                     "Received: from " + helo + " ([127.0.0.1])\r\n"
                     "\tby mail.example.test (Postern) with " + protocol + " id QID000000001";
    if (!forRecipient.isEmpty())
        out += "\r\n\tfor <" + forRecipient + ">";
    return out + "; Tue, 24 Nov 2026 10:20:59 +0100\r\n";
}

}

void TestSmtpSession::greeting()
{
    Harness h;
    QCOMPARE(h.greeting, QByteArray("220 mail.example.test ESMTP Postern\r\n"));
    QCOMPARE(h.transport.sends(), 1);
    QCOMPARE(h.transport.idleTimeout(), kCommandTimeoutMs);
    QCOMPARE(h.session->state(), SmtpSession::State::Connected);
    QVERIFY(!h.transport.closed());
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

    Harness h;
    h.send(input);
    const int sendsBefore = h.transport.sends();
    h.session->timedOut();
    QCOMPARE(h.transport.takeSent(), kTimeout);
    QCOMPARE(h.transport.sends(), sendsBefore + 1);
    QVERIFY(h.transport.closed());
    QCOMPARE(h.session->state(), SmtpSession::State::Closed);
    QVERIFY(h.store.messages().isEmpty());
    QCOMPARE(h.store.aborted(), aborted);

    // Nothing more happens after the close: no replies, no second 421, nothing stored.
    QVERIFY(h.send(".\r\nNOOP\r\nQUIT\r\n").isEmpty());
    h.session->timedOut();
    QVERIFY(h.transport.takeSent().isEmpty());
    QVERIFY(h.store.messages().isEmpty());
}

void TestSmtpSession::idleTimeoutsForData()
{
    Harness h;
    h.ehlo();
    QCOMPARE(h.transport.idleTimeout(), kCommandTimeoutMs);

    // A refused DATA leaves the command deadline.
    QCOMPARE(h.send("DATA\r\n"), QByteArrayList{"503 5.5.1 Error: need MAIL command"});
    QCOMPARE(h.transport.idleTimeout(), kCommandTimeoutMs);
    h.send(kTransaction);
    QCOMPARE(h.transport.idleTimeout(), kCommandTimeoutMs);

    // 354 switches to the data deadline (RFC 5321 §4.5.3.2.5-6) ...
    QCOMPARE(h.send("DATA\r\n"), QByteArrayList{"354 End data with <CR><LF>.<CR><LF>"});
    QCOMPARE(h.transport.idleTimeout(), kDataTimeoutMs);
    QVERIFY(h.send("Subject: slow\r\n\r\n").isEmpty());
    QCOMPARE(h.transport.idleTimeout(), kDataTimeoutMs);
    QVERIFY(h.send("body\r\n.\r").isEmpty());
    QCOMPARE(h.transport.idleTimeout(), kDataTimeoutMs);
    // ... and the end of data restores the command deadline.
    QCOMPARE(h.send("\n").size(), 1);
    QCOMPARE(h.transport.idleTimeout(), kCommandTimeoutMs);

    // Also when the message is refused after its end (bare LF), and within a single batch.
    h.send(kTransaction);
    const QByteArrayList refused = h.send("DATA\r\nbare\nlf\r\n.\r\n");
    QCOMPARE(refused.size(), 2);
    QCOMPARE(refused.last(), QByteArray("550 5.6.11 Error: bare CR or LF in message data; use CRLF line endings"));
    QCOMPARE(h.transport.idleTimeout(), kCommandTimeoutMs);

    // A storage failure at DATA never enters the data phase.
    h.send(kTransaction);
    h.store.failNextBegin();
    QCOMPARE(h.send("DATA\r\n"), QByteArrayList{kStorageFailure});
    QCOMPARE(h.transport.idleTimeout(), kCommandTimeoutMs);
}

void TestSmtpSession::idleTimeoutsForChunks()
{
    Harness h;
    h.ehlo();
    h.send(kTransaction);
    QVERIFY(h.send("BDAT 10\r\nabc").isEmpty());
    QCOMPARE(h.transport.idleTimeout(), kDataTimeoutMs);
    QCOMPARE(h.send("defghij"), QByteArrayList{"250 2.0.0 Ok: 10 octets received"});
    QCOMPARE(h.transport.idleTimeout(), kCommandTimeoutMs);
    QVERIFY(h.send("BDAT 3 LAST\r\nxy").isEmpty());
    QCOMPARE(h.transport.idleTimeout(), kDataTimeoutMs);
    QCOMPARE(h.send("z").size(), 1);
    QCOMPARE(h.transport.idleTimeout(), kCommandTimeoutMs);
    QCOMPARE(h.store.messages().size(), 1);

    // A refused chunk is still read under the data deadline, then the command deadline is back.
    QVERIFY(h.send("BDAT 5\r\nab").isEmpty());
    QCOMPARE(h.transport.idleTimeout(), kDataTimeoutMs);
    QCOMPARE(h.send("cde"), QByteArrayList{"503 5.5.1 Error: need MAIL command"});
    QCOMPARE(h.transport.idleTimeout(), kCommandTimeoutMs);

    // BDAT 0 LAST never leaves the command deadline for long.
    h.send(kTransaction);
    QCOMPARE(h.send("BDAT 0 LAST\r\n").size(), 1);
    QCOMPARE(h.transport.idleTimeout(), kCommandTimeoutMs);
}

void TestSmtpSession::states()
{
    using State = SmtpSession::State;
    Harness h;
    QCOMPARE(h.session->state(), State::Connected);
    h.send("MAIL FROM:<a@remote.example>\r\n");
    QCOMPARE(h.session->state(), State::Connected);
    h.send(kEhlo);
    QCOMPARE(h.session->state(), State::Identified);
    h.send("MAIL FROM:<sender@remote.example>\r\n");
    QCOMPARE(h.session->state(), State::MailGiven);
    h.send("RCPT TO:<nobody@example.test>\r\n");
    QCOMPARE(h.session->state(), State::MailGiven);
    h.send("RCPT TO:<alice@example.test>\r\n");
    QCOMPARE(h.session->state(), State::RcptGiven);
    h.send("DATA\r\nx");
    QCOMPARE(h.session->state(), State::ReceivingData);
    h.send("\r\n.\r\n");
    QCOMPARE(h.session->state(), State::Identified);
    h.send(kTransaction + "BDAT 4\r\nab");
    QCOMPARE(h.session->state(), State::ReceivingChunk);
    h.send("cd");
    QCOMPARE(h.session->state(), State::RcptGiven);
    h.send("RSET\r\n");
    QCOMPARE(h.session->state(), State::Identified);
    QCOMPARE(h.store.messages().size(), 1);
    QCOMPARE(h.store.aborted(), 1);   // the BDAT message dropped by RSET
    h.send("QUIT\r\n");
    QCOMPARE(h.session->state(), State::Closed);
    QVERIFY(h.transport.closed());
}

void TestSmtpSession::storedMessage_data()
{
    QTest::addColumn<bool>("tls");
    QTest::addColumn<bool>("normalize");
    QTest::addColumn<QByteArray>("input");       // after the greeting, up to the end of the message
    QTest::addColumn<QByteArray>("stored");
    QTest::addColumn<QStringList>("mailboxes");

    const QString alice = QStringLiteral("alice@example.test");
    const QString bob = QStringLiteral("bob@example.test");
    const QByteArray sender = "MAIL FROM:<sender@remote.example>\r\n";
    const QByteArray toAlice = "RCPT TO:<alice@example.test>\r\n";
    const QByteArray body = "DATA\r\nSubject: x\r\n\r\n..dot\r\nbody\r\n...\r\n.\r\n";
    const QByteArray unstuffed = "Subject: x\r\n\r\n.dot\r\nbody\r\n..\r\n";

    QTest::newRow("EHLO, one recipient") << false << false << kEhlo + sender + toAlice + body
                                         << trace("sender@remote.example", "helo.example", "ESMTP", "alice@example.test") + unstuffed
                                         << QStringList{alice};
    QTest::newRow("HELO") << false << false << "HELO helo.example\r\n" + sender + toAlice + body
                          << trace("sender@remote.example", "helo.example", "SMTP", "alice@example.test") + unstuffed
                          << QStringList{alice};
    QTest::newRow("TLS") << true << false << kEhlo + sender + toAlice + body
                         << trace("sender@remote.example", "helo.example", "ESMTPS", "alice@example.test") + unstuffed
                         << QStringList{alice};
    QTest::newRow("two recipients: no for") << false << false
                                            << kEhlo + sender + toAlice + "RCPT TO:<bob@example.test>\r\n" + body
                                            << trace("sender@remote.example", "helo.example", "ESMTP", {}) + unstuffed
                                            << QStringList{alice, bob};
    QTest::newRow("same recipient twice: still one") << false << false
                                                     << kEhlo + sender + toAlice + "RCPT TO:<Alice@Example.TEST>\r\n" + body
                                                     << trace("sender@remote.example", "helo.example", "ESMTP", "alice@example.test") + unstuffed
                                                     << QStringList{alice};
    QTest::newRow("recipient in canonical form") << false << false
                                                 << kEhlo + sender + "RCPT TO:<ALICE@Example.Test>\r\n" + body
                                                 << trace("sender@remote.example", "helo.example", "ESMTP", "alice@example.test") + unstuffed
                                                 << QStringList{alice};
    QTest::newRow("alias") << false << false << kEhlo + sender + "RCPT TO:<team@example.test>\r\n" + body
                           << trace("sender@remote.example", "helo.example", "ESMTP", "team@example.test") + unstuffed
                           << QStringList{alice, bob};
    QTest::newRow("null sender") << false << false << kEhlo + "MAIL FROM:<>\r\n" + toAlice + body
                                 << trace("", "helo.example", "ESMTP", "alice@example.test") + unstuffed << QStringList{alice};
    QTest::newRow("sender as sent") << false << false << kEhlo + "MAIL FROM:<Sender@Remote.Example>\r\n" + toAlice + body
                                    << trace("Sender@Remote.Example", "helo.example", "ESMTP", "alice@example.test") + unstuffed
                                    << QStringList{alice};
    QTest::newRow("source route dropped") << false << false
                                          << kEhlo + "MAIL FROM:<@relay.example:sender@remote.example>\r\n" + toAlice + body
                                          << trace("sender@remote.example", "helo.example", "ESMTP", "alice@example.test") + unstuffed
                                          << QStringList{alice};
    QTest::newRow("SMTPUTF8") << false << false
                              << kEhlo + "MAIL FROM:<j\xc3\xb6rg@b\xc3\xbc" "cher.example> SMTPUTF8\r\n" + toAlice + body
                              << trace("j\xc3\xb6rg@b\xc3\xbc" "cher.example", "helo.example", "UTF8SMTP", "alice@example.test") + unstuffed
                              << QStringList{alice};
    QTest::newRow("HELO name sanitized") << false << false << "EHLO a(b);c\r\n" + sender + toAlice + body
                                         << trace("sender@remote.example", "a_b__c", "ESMTP", "alice@example.test") + unstuffed
                                         << QStringList{alice};
    QTest::newRow("address literal HELO") << false << false << "EHLO [192.0.2.7]\r\n" + sender + toAlice + body
                                          << trace("sender@remote.example", "[192.0.2.7]", "ESMTP", "alice@example.test") + unstuffed
                                          << QStringList{alice};
    QTest::newRow("empty message") << false << false << kEhlo + sender + toAlice + "DATA\r\n.\r\n"
                                   << trace("sender@remote.example", "helo.example", "ESMTP", "alice@example.test")
                                   << QStringList{alice};
    QTest::newRow("8-bit data as sent") << false << false
                                        << kEhlo + sender + toAlice + QByteArray("DATA\r\nGr\xfc\xdf" "e \x00\xff\r\n.\r\n", 19)
                                        << trace("sender@remote.example", "helo.example", "ESMTP", "alice@example.test")
                                               + QByteArray("Gr\xfc\xdf" "e \x00\xff\r\n", 10)
                                        << QStringList{alice};
    QTest::newRow("bare newlines normalized") << false << true
                                              << kEhlo + sender + toAlice + "DATA\r\na\nb\rc\n.\nd\r\n.\r\n"
                                              << trace("sender@remote.example", "helo.example", "ESMTP", "alice@example.test")
                                                     + "a\r\nb\r\nc\r\n.\r\nd\r\n"
                                              << QStringList{alice};
    QTest::newRow("BDAT verbatim") << false << false
                                   << kEhlo + sender + toAlice + "BDAT 8\r\n..x\r\n.\r\nBDAT 8 LAST\r\nBDAT 1\r\n"
                                   << trace("sender@remote.example", "helo.example", "ESMTP", "alice@example.test")
                                          + "..x\r\n.\r\nBDAT 1\r\n"
                                   << QStringList{alice};
    QTest::newRow("BDAT 0 LAST only") << false << false << kEhlo + sender + toAlice + "BDAT 0 LAST\r\n"
                                      << trace("sender@remote.example", "helo.example", "ESMTP", "alice@example.test")
                                      << QStringList{alice};
}

void TestSmtpSession::storedMessage()
{
    QFETCH(bool, tls);
    QFETCH(bool, normalize);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, stored);
    QFETCH(QStringList, mailboxes);

    SmtpSessionConfig config = testConfig();
    config.normalizeBareNewlines = normalize;
    Harness h(config, tls);
    const QByteArrayList replies = h.send(input);
    QVERIFY(!replies.isEmpty());
    QCOMPARE(replies.last(), QByteArray("250 2.0.0 Ok: queued as QID000000001"));
    QCOMPARE(h.store.messages().size(), 1);
    const MemoryMessageStore::Stored &message = h.store.messages().first();
    QCOMPARE(message.queueId, QStringLiteral("QID000000001"));
    QCOMPARE(message.mailboxes, mailboxes);
    QCOMPARE(message.bytes, stored);
    QCOMPARE(h.store.aborted(), 0);
    QCOMPARE(h.session->state(), SmtpSession::State::Identified);
}

void TestSmtpSession::aliasStoredOnce()
{
    Harness h;
    h.ehlo();
    const QByteArrayList replies = h.send("MAIL FROM:<sender@remote.example>\r\n"
                                          "RCPT TO:<team@example.test>\r\n"
                                          "RCPT TO:<bob@example.test>\r\n"
                                          "RCPT TO:<alice@example.test>\r\n"
                                          "RCPT TO:<postmaster@example.test>\r\n"
                                          "DATA\r\nSubject: all\r\n\r\nhi\r\n.\r\n");
    QCOMPARE(replies.size(), 7);
    QCOMPARE(replies.last(), QByteArray("250 2.0.0 Ok: queued as QID000000001"));
    QCOMPARE(h.store.messages().size(), 1);
    const MemoryMessageStore::Stored &message = h.store.messages().first();
    // team -> alice, bob; bob and alice again and postmaster -> alice add no second copy.
    QCOMPARE(message.mailboxes, (QStringList{QStringLiteral("alice@example.test"), QStringLiteral("bob@example.test")}));
    QCOMPARE(message.bytes, trace("sender@remote.example", "helo.example", "ESMTP", {}) + "Subject: all\r\n\r\nhi\r\n");
}

void TestSmtpSession::failingCommit_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("DATA") << QByteArray("DATA\r\nSubject: x\r\n\r\nbody\r\n.\r\n");
    QTest::newRow("BDAT") << QByteArray("BDAT 5\r\nhello") + "BDAT 7 LAST\r\n world\n";
}

void TestSmtpSession::failingCommit()
{
    QFETCH(QByteArray, message);
    Harness h;
    h.ehlo();
    h.send(kTransaction);
    h.store.failNextCommit();
    const QByteArrayList replies = h.send(message);
    QVERIFY(!replies.isEmpty());
    QCOMPARE(replies.last(), kStorageFailure);
    QVERIFY(h.store.messages().isEmpty());
    QCOMPARE(h.store.aborted(), 1);
    QCOMPARE(h.session->state(), SmtpSession::State::Identified);
    QVERIFY(!h.transport.closed());

    // The client may try again at once; this time it is stored, with the next queue id.
    h.send(kTransaction);
    QCOMPARE(h.send(message).last(), QByteArray("250 2.0.0 Ok: queued as QID000000002"));
    QCOMPARE(h.store.messages().size(), 1);
}

void TestSmtpSession::failingBeginForData()
{
    Harness h;
    h.ehlo();
    h.send(kTransaction);
    h.store.failNextBegin();
    QCOMPARE(h.send("DATA\r\n"), QByteArrayList{kStorageFailure});
    QCOMPARE(h.session->state(), SmtpSession::State::Identified);
    // The transaction is gone: the recipients must be given again.
    QCOMPARE(h.send("DATA\r\n"), QByteArrayList{"503 5.5.1 Error: need MAIL command"});
    QVERIFY(h.store.messages().isEmpty());

    h.send(kTransaction);
    QCOMPARE(h.send("DATA\r\nhi\r\n.\r\n").last(), QByteArray("250 2.0.0 Ok: queued as QID000000001"));
    QCOMPARE(h.store.messages().size(), 1);
}

void TestSmtpSession::failingBeginForChunk()
{
    Harness h;
    h.ehlo();
    h.send(kTransaction);
    h.store.failNextBegin();
    // The chunk is read to its end before the refusal; its octets are not commands.
    QVERIFY(h.send("BDAT 12 LAST\r\nQUIT\r\nRSET").isEmpty());
    QCOMPARE(h.send("\r\n"), QByteArrayList{kStorageFailure});
    QVERIFY(!h.transport.closed());
    QCOMPARE(h.session->state(), SmtpSession::State::Identified);
    QVERIFY(h.store.messages().isEmpty());
    QCOMPARE(h.send("NOOP\r\n"), QByteArrayList{"250 2.0.0 Ok"});
}

void TestSmtpSession::oversizeStoresNothing_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArrayList>("replies");
    const QByteArray big(150, 'x');
    QTest::newRow("DATA") << "DATA\r\n" + big + "\r\n.\r\n"
                          << QByteArrayList{"354 End data with <CR><LF>.<CR><LF>", "552 5.3.4 Message size exceeds fixed limit"};
    QTest::newRow("DATA, 101 octets") << "DATA\r\n" + QByteArray(97, 'y') + "\r\n\r\n.\r\n"
                                      << QByteArrayList{"354 End data with <CR><LF>.<CR><LF>", "552 5.3.4 Message size exceeds fixed limit"};
    QTest::newRow("BDAT LAST") << "BDAT 150 LAST\r\n" + big
                               << QByteArrayList{"552 5.3.4 Message size exceeds fixed limit"};
    QTest::newRow("BDAT, second chunk") << "BDAT 60\r\n" + QByteArray(60, 'a') + "BDAT 60\r\n" + QByteArray(60, 'b')
                                        << QByteArrayList{"250 2.0.0 Ok: 60 octets received", "552 5.3.4 Message size exceeds fixed limit"};
}

void TestSmtpSession::oversizeStoresNothing()
{
    QFETCH(QByteArray, message);
    QFETCH(QByteArrayList, replies);
    SmtpSessionConfig config = testConfig();
    config.maxMessageSize = 100;
    Harness h(config);
    h.ehlo();
    h.send(kTransaction);
    QCOMPARE(h.send(message), replies);
    QVERIFY(h.store.messages().isEmpty());
    QCOMPARE(h.store.aborted(), 1);
    QCOMPARE(h.session->state(), SmtpSession::State::Identified);

    // Exactly the limit is fine.
    h.send(kTransaction);
    QCOMPARE(h.send("DATA\r\n" + QByteArray(98, 'z') + "\r\n.\r\n").last(), QByteArray("250 2.0.0 Ok: queued as QID000000002"));
    QCOMPARE(h.store.messages().size(), 1);
}

void TestSmtpSession::disconnectedMidMessage_data()
{
    QTest::addColumn<QByteArray>("partial");
    QTest::newRow("DATA") << QByteArray("DATA\r\nSubject: x\r\n\r\nhalf");
    QTest::newRow("DATA, before the terminator's LF") << QByteArray("DATA\r\nSubject: x\r\n\r\nall\r\n.\r");
    QTest::newRow("BDAT chunk") << QByteArray("BDAT 100 LAST\r\nhalf");
    QTest::newRow("between BDAT chunks") << QByteArray("BDAT 4\r\nhalf");
}

void TestSmtpSession::disconnectedMidMessage()
{
    QFETCH(QByteArray, partial);
    Harness h;
    h.ehlo();
    h.send(kTransaction);
    h.send(partial);
    const int sendsBefore = h.transport.sends();
    h.session->disconnected();
    QVERIFY(h.store.messages().isEmpty());
    QCOMPARE(h.store.aborted(), 1);
    QCOMPARE(h.session->state(), SmtpSession::State::Closed);
    QCOMPARE(h.transport.sends(), sendsBefore);
    // Late bytes (already in a buffer somewhere) change nothing.
    QVERIFY(h.send("\n.\r\n").isEmpty());
    QVERIFY(h.store.messages().isEmpty());
}

void TestSmtpSession::onePerBatchSend()
{
    Harness h;
    h.ehlo();
    int sends = h.transport.sends();

    // Half a command: nothing to say, nothing sent.
    QVERIFY(h.send("MAIL FROM:<sender@").isEmpty());
    QCOMPARE(h.transport.sends(), sends);

    h.session->receive("remote.example>\r\nRCPT TO:<alice@example.test>\r\nRCPT TO:<nobody@example.test>\r\n"
                       "RCPT TO:<bob@example.test>\r\nDATA\r\n");
    QCOMPARE(h.transport.sends(), ++sends);
    QCOMPARE(linesOf(h.transport.takeSent()),
             (QByteArrayList{"250 2.1.0 Ok", "250 2.1.5 Ok",
                             "550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown",
                             "250 2.1.5 Ok", "354 End data with <CR><LF>.<CR><LF>"}));

    // The end of one message, a whole second transaction and its data, and QUIT: one send.
    h.session->receive("body\r\n.\r\nMAIL FROM:<>\r\nRCPT TO:<team@example.test>\r\nDATA\r\nbounce\r\n.\r\n"
                       "BDAT 1 LAST\r\nx"   // refused (no MAIL), read anyway
                       "NOOP\r\nQUIT\r\n");
    QCOMPARE(h.transport.sends(), ++sends);
    QCOMPARE(linesOf(h.transport.takeSent()),
             (QByteArrayList{"250 2.0.0 Ok: queued as QID000000001", "250 2.1.0 Ok", "250 2.1.5 Ok",
                             "354 End data with <CR><LF>.<CR><LF>", "250 2.0.0 Ok: queued as QID000000002",
                             "503 5.5.1 Error: need MAIL command", "250 2.0.0 Ok", "221 2.0.0 mail.example.test Bye"}));
    QVERIFY(h.transport.closed());
    QCOMPARE(h.store.messages().size(), 2);

    // Byte by byte, each completed command is answered by the receive() that completed it.
    Harness slow;
    const QByteArray batch = kEhlo + kTransaction + "NOOP\r\n";
    int completed = 0;
    const int before = slow.transport.sends();
    for (qsizetype i = 0; i < batch.size(); ++i) {
        slow.session->receive(QByteArrayView(batch).sliced(i, 1));
        if (batch.at(i) == '\n')
            ++completed;
        QCOMPARE(slow.transport.sends(), before + completed);
    }
    QCOMPARE(linesOf(slow.transport.takeSent()).size(), 7 + 3);
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
        Harness h;
        h.ehlo();
        if (byteByByte) {
            for (qsizetype i = 0; i < line.size(); ++i)
                h.session->receive(QByteArrayView(line).sliced(i, 1));
        } else {
            h.session->receive(line);
        }
        QCOMPARE(linesOf(h.transport.takeSent()), QByteArrayList{reply});
        QCOMPARE(h.send("NOOP\r\n"), QByteArrayList{"250 2.0.0 Ok"});
        QVERIFY(!h.transport.closed());
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
    Harness h(config);
    if (greeted)
        h.ehlo();

    // The refusal comes as soon as the limit is reached, not at the (far away) LF: the session
    // decides with at most maxLineLength octets of the line in hand.
    const QByteArray filler(maxLineLength - 1, 'x');
    QVERIFY(h.send(filler).isEmpty());
    QCOMPARE(h.send("x"), QByteArrayList{"500 5.5.2 Error: line too long"});

    // 1 MiB more without a LF, in 4 KiB pieces: silently dropped, no further reply, no close.
    const int sends = h.transport.sends();
    const QByteArray piece(4096, 'y');
    for (int i = 0; i < 256; ++i)
        h.session->receive(piece);
    QCOMPARE(h.transport.sends(), sends);
    QVERIFY(h.transport.takeSent().isEmpty());
    QVERIFY(!h.transport.closed());

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
    QVERIFY(!h.transport.closed());
    QCOMPARE(h.send(QByteArray(maxLineLength, 'z')), QByteArrayList{"421 4.7.0 mail.example.test Error: too many errors"});
    QVERIFY(h.transport.closed());
}

void TestSmtpSession::longDataLineIsStreamed()
{
    // In the data phase there is no line limit: a 1 MiB line is message content.
    Harness h;
    h.ehlo();
    h.send(kTransaction);
    QCOMPARE(h.send("DATA\r\n").size(), 1);
    const QByteArray piece(4096, 'm');
    for (int i = 0; i < 256; ++i)
        QVERIFY(h.send(piece).isEmpty());
    QCOMPARE(h.send("\r\n.\r\n"), QByteArrayList{"250 2.0.0 Ok: queued as QID000000001"});
    QCOMPARE(h.store.messages().size(), 1);
    QCOMPARE(h.store.messages().first().bytes,
             trace("sender@remote.example", "helo.example", "ESMTP", "alice@example.test") + QByteArray(1 << 20, 'm') + "\r\n");
}

void TestSmtpSession::badCommandLimitFromConfig()
{
    SmtpSessionConfig config = testConfig();
    config.maxBadCommands = 2;
    Harness h(config);
    QCOMPARE(h.send("FOO\r\nBAR\r\n").size(), 2);
    QVERIFY(!h.transport.closed());
    QCOMPARE(h.send("BAZ\r\nNOOP\r\n"), QByteArrayList{"421 4.7.0 mail.example.test Error: too many errors"});
    QVERIFY(h.transport.closed());
    QCOMPARE(h.session->state(), SmtpSession::State::Closed);
}

void TestSmtpSession::receivedForIpv6Client()
{
    // RFC 5321 §4.4 TCP-info is an address-literal, and an IPv6 address-literal is
    // "[IPv6:" IPv6-addr "]" (§4.1.3); "[2001:db8::1]" is not valid syntax.
    Harness h(testConfig(), false, QHostAddress(QStringLiteral("2001:db8::1")));
    h.ehlo();
    h.send(kTransaction);
    QCOMPARE(h.send("DATA\r\nhi\r\n.\r\n").last(), QByteArray("250 2.0.0 Ok: queued as QID000000001"));
    QCOMPARE(h.store.messages().size(), 1);
    const QByteArray bytes = h.store.messages().first().bytes;
    const QByteArray receivedLine = bytes.mid(bytes.indexOf("Received:"), bytes.indexOf("\r\n\tby") - bytes.indexOf("Received:"));
    QCOMPARE(receivedLine, QByteArray("Received: from helo.example ([IPv6:2001:db8::1])"));
}

QTEST_GUILESS_MAIN(TestSmtpSession)
#include "tst_smtpsession.moc"
