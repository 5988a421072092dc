// What SmtpSession hands to the MessageStore: the exact bytes (trace headers + unstuffed data) and
// the mailboxes, storage failures, oversize and aborted messages, and a 1 MiB line in the data
// phase, which is content and not a line too long.

#include "smtpsessionharness.h"

#include <QtTest>

using namespace SmtpSessionTest;

class TestSmtpSessionStorage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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
    void longDataLineIsStreamed();
    void receivedForIpv6Client();
};

namespace {

// The trace headers for a client at 127.0.0.1, with the fixed clock and the first queue id.
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

void TestSmtpSessionStorage::storedMessage_data()
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

void TestSmtpSessionStorage::storedMessage()
{
    QFETCH(bool, tls);
    QFETCH(bool, normalize);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, stored);
    QFETCH(QStringList, mailboxes);

    SmtpSessionConfig config = testConfig();
    config.normalizeBareNewlines = normalize;
    SmtpSessionHarness h(config, tls);
    const QByteArrayList replies = h.send(input);
    QVERIFY(!replies.isEmpty());
    QCOMPARE(replies.last(), QByteArray("250 2.0.0 Ok: queued as QID000000001"));
    QCOMPARE(h.store().messages().size(), 1);
    const MemoryMessageStore::Stored &message = h.store().messages().first();
    QCOMPARE(message.queueId, QStringLiteral("QID000000001"));
    QCOMPARE(message.mailboxes, mailboxes);
    QCOMPARE(message.bytes, stored);
    QCOMPARE(h.store().aborted(), 0);
    QCOMPARE(h.session().state(), SmtpSession::State::Identified);
}

void TestSmtpSessionStorage::aliasStoredOnce()
{
    SmtpSessionHarness h;
    h.ehlo();
    const QByteArrayList replies = h.send("MAIL FROM:<sender@remote.example>\r\n"
                                          "RCPT TO:<team@example.test>\r\n"
                                          "RCPT TO:<bob@example.test>\r\n"
                                          "RCPT TO:<alice@example.test>\r\n"
                                          "RCPT TO:<postmaster@example.test>\r\n"
                                          "DATA\r\nSubject: all\r\n\r\nhi\r\n.\r\n");
    QCOMPARE(replies.size(), 7);
    QCOMPARE(replies.last(), QByteArray("250 2.0.0 Ok: queued as QID000000001"));
    QCOMPARE(h.store().messages().size(), 1);
    const MemoryMessageStore::Stored &message = h.store().messages().first();
    // team -> alice, bob; bob and alice again and postmaster -> alice add no second copy.
    QCOMPARE(message.mailboxes, (QStringList{QStringLiteral("alice@example.test"), QStringLiteral("bob@example.test")}));
    QCOMPARE(message.bytes, trace("sender@remote.example", "helo.example", "ESMTP", {}) + "Subject: all\r\n\r\nhi\r\n");
}

void TestSmtpSessionStorage::failingCommit_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("DATA") << QByteArray("DATA\r\nSubject: x\r\n\r\nbody\r\n.\r\n");
    QTest::newRow("BDAT") << QByteArray("BDAT 5\r\nhello") + "BDAT 8 LAST\r\n world\r\n";
}

void TestSmtpSessionStorage::failingCommit()
{
    QFETCH(QByteArray, message);
    SmtpSessionHarness h;
    h.ehlo();
    h.send(kTransaction);
    h.store().failNextCommit();
    const QByteArrayList replies = h.send(message);
    QVERIFY(!replies.isEmpty());
    QCOMPARE(replies.last(), kStorageFailure);
    QVERIFY(h.store().messages().isEmpty());
    QCOMPARE(h.store().aborted(), 1);
    QCOMPARE(h.session().state(), SmtpSession::State::Identified);
    QVERIFY(!h.transport().closed());

    // The client may try again at once; this time it is stored, with the next queue id.
    h.send(kTransaction);
    QCOMPARE(h.send(message).last(), QByteArray("250 2.0.0 Ok: queued as QID000000002"));
    QCOMPARE(h.store().messages().size(), 1);
}

void TestSmtpSessionStorage::failingBeginForData()
{
    SmtpSessionHarness h;
    h.ehlo();
    h.send(kTransaction);
    h.store().failNextBegin();
    QCOMPARE(h.send("DATA\r\n"), QByteArrayList{kStorageFailure});
    QCOMPARE(h.session().state(), SmtpSession::State::Identified);
    // The transaction is gone: the recipients must be given again.
    QCOMPARE(h.send("DATA\r\n"), QByteArrayList{"503 5.5.1 Error: need MAIL command"});
    QVERIFY(h.store().messages().isEmpty());

    h.send(kTransaction);
    QCOMPARE(h.send("DATA\r\nhi\r\n.\r\n").last(), QByteArray("250 2.0.0 Ok: queued as QID000000001"));
    QCOMPARE(h.store().messages().size(), 1);
}

void TestSmtpSessionStorage::failingBeginForChunk()
{
    SmtpSessionHarness h;
    h.ehlo();
    h.send(kTransaction);
    h.store().failNextBegin();
    // The chunk is read to its end before the refusal; its octets are not commands.
    QVERIFY(h.send("BDAT 12 LAST\r\nQUIT\r\nRSET").isEmpty());
    QCOMPARE(h.send("\r\n"), QByteArrayList{kStorageFailure});
    QVERIFY(!h.transport().closed());
    QCOMPARE(h.session().state(), SmtpSession::State::Identified);
    QVERIFY(h.store().messages().isEmpty());
    QCOMPARE(h.send("NOOP\r\n"), QByteArrayList{"250 2.0.0 Ok"});
}

void TestSmtpSessionStorage::oversizeStoresNothing_data()
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

void TestSmtpSessionStorage::oversizeStoresNothing()
{
    QFETCH(QByteArray, message);
    QFETCH(QByteArrayList, replies);
    SmtpSessionConfig config = testConfig();
    config.maxMessageSize = 100;
    SmtpSessionHarness h(config);
    h.ehlo();
    h.send(kTransaction);
    QCOMPARE(h.send(message), replies);
    QVERIFY(h.store().messages().isEmpty());
    QCOMPARE(h.store().aborted(), 1);
    QCOMPARE(h.session().state(), SmtpSession::State::Identified);

    // Exactly the limit is fine.
    h.send(kTransaction);
    QCOMPARE(h.send("DATA\r\n" + QByteArray(98, 'z') + "\r\n.\r\n").last(), QByteArray("250 2.0.0 Ok: queued as QID000000002"));
    QCOMPARE(h.store().messages().size(), 1);
}

void TestSmtpSessionStorage::disconnectedMidMessage_data()
{
    QTest::addColumn<QByteArray>("partial");
    QTest::newRow("DATA") << QByteArray("DATA\r\nSubject: x\r\n\r\nhalf");
    QTest::newRow("DATA, before the terminator's LF") << QByteArray("DATA\r\nSubject: x\r\n\r\nall\r\n.\r");
    QTest::newRow("BDAT chunk") << QByteArray("BDAT 100 LAST\r\nhalf");
    QTest::newRow("between BDAT chunks") << QByteArray("BDAT 4\r\nhalf");
}

void TestSmtpSessionStorage::disconnectedMidMessage()
{
    QFETCH(QByteArray, partial);
    SmtpSessionHarness h;
    h.ehlo();
    h.send(kTransaction);
    h.send(partial);
    const int sendsBefore = h.transport().sends();
    h.session().disconnected();
    QVERIFY(h.store().messages().isEmpty());
    QCOMPARE(h.store().aborted(), 1);
    QCOMPARE(h.session().state(), SmtpSession::State::Closed);
    QCOMPARE(h.transport().sends(), sendsBefore);
    // Late bytes (already in a buffer somewhere) change nothing.
    QVERIFY(h.send("\n.\r\n").isEmpty());
    QVERIFY(h.store().messages().isEmpty());
}

void TestSmtpSessionStorage::longDataLineIsStreamed()
{
    // In the data phase there is no line limit: a 1 MiB line is message content.
    SmtpSessionHarness h;
    h.ehlo();
    h.send(kTransaction);
    QCOMPARE(h.send("DATA\r\n").size(), 1);
    const QByteArray piece(4096, 'm');
    for (int i = 0; i < 256; ++i)
        QVERIFY(h.send(piece).isEmpty());
    QCOMPARE(h.send("\r\n.\r\n"), QByteArrayList{"250 2.0.0 Ok: queued as QID000000001"});
    QCOMPARE(h.store().messages().size(), 1);
    QCOMPARE(h.store().messages().first().bytes,
             trace("sender@remote.example", "helo.example", "ESMTP", "alice@example.test") + QByteArray(1 << 20, 'm') + "\r\n");
}

void TestSmtpSessionStorage::receivedForIpv6Client()
{
    // RFC 5321 §4.4 TCP-info is an address-literal, and an IPv6 address-literal is
    // "[IPv6:" IPv6-addr "]" (§4.1.3); "[2001:db8::1]" is not valid syntax.
    SmtpSessionHarness h(testConfig(), false, QHostAddress(QStringLiteral("2001:db8::1")));
    h.ehlo();
    h.send(kTransaction);
    QCOMPARE(h.send("DATA\r\nhi\r\n.\r\n").last(), QByteArray("250 2.0.0 Ok: queued as QID000000001"));
    QCOMPARE(h.store().messages().size(), 1);
    const QByteArray bytes = h.store().messages().first().bytes;
    const QByteArray receivedLine = bytes.mid(bytes.indexOf("Received:"), bytes.indexOf("\r\n\tby") - bytes.indexOf("Received:"));
    QCOMPARE(receivedLine, QByteArray("Received: from helo.example ([IPv6:2001:db8::1])"));
}

QTEST_GUILESS_MAIN(TestSmtpSessionStorage)
#include "tst_smtpsessionstorage.moc"
