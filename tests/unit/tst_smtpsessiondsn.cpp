// The SMTP server side of RFC 3461 (DSN): EHLO offers it, MAIL takes RET and ENVID, RCPT takes
// NOTIFY and ORCPT; relayed recipients and alias forwards become remote recipients that reach
// the MessageStore with those parameters, the sender and where the message came from; local
// recipients that ask for NOTIFY=SUCCESS join them as delivered, with their report due.

#include "smtpsessionharness.h"

#include <QtTest>

using namespace SmtpSessionTest;

namespace {

const QByteArray kAlicePlain = "AUTH PLAIN AGFsaWNlQGV4YW1wbGUudGVzdABwYXNzd29yZDEyMw==\r\n";

}

class TestSmtpSessionDsn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ehloOffersDsn();
    void mailParameters_data();
    void mailParameters();
    void rcptParameters_data();
    void rcptParameters();
    void relayedMessageCarriesItsEnvelope();
    void localOnlyMessageHasNoOutbound_data();
    void localOnlyMessageHasNoOutbound();
    void localSuccessReportIsQueuedAsDelivered();
    void aliasForwardsBecomeRemoteRecipients();
    void unauthenticatedRelayStillRefused();
};

void TestSmtpSessionDsn::ehloOffersDsn()
{
    SmtpSessionHarness h;
    QVERIFY(h.send(kEhlo).contains("250-DSN"));
    SmtpSessionHarness helo;
    QCOMPARE(helo.send("HELO helo.example\r\n"), QByteArrayList{"250 mail.example.test"});
}

void TestSmtpSessionDsn::mailParameters_data()
{
    QTest::addColumn<QByteArray>("greeting");
    QTest::addColumn<QByteArray>("parameters");
    QTest::addColumn<QByteArray>("reply");
    const QByteArray ehlo = kEhlo;
    const QByteArray ok = "250 2.1.0 Ok";
    QTest::newRow("RET=FULL") << ehlo << QByteArray(" RET=FULL") << ok;
    QTest::newRow("RET=hdrs, any case") << ehlo << QByteArray(" RET=hdrs") << ok;
    QTest::newRow("ENVID") << ehlo << QByteArray(" ENVID=QQ314159+2Bx") << ok;
    QTest::newRow("both") << ehlo << QByteArray(" RET=HDRS ENVID=abc SIZE=100") << ok;
    QTest::newRow("ENVID of 100") << ehlo << " ENVID=" + QByteArray(100, 'e') << ok;
    QTest::newRow("RET unknown") << ehlo << QByteArray(" RET=BODY") << QByteArray("501 5.5.4 Syntax: RET=FULL or RET=HDRS");
    QTest::newRow("RET empty") << ehlo << QByteArray(" RET=") << QByteArray("501 5.5.4 Syntax: empty parameter value");
    QTest::newRow("RET twice") << ehlo << QByteArray(" RET=FULL RET=HDRS") << QByteArray("501 5.5.4 Syntax: RET given twice");
    const QByteArray badEnvid = "501 5.5.4 Syntax: ENVID=xtext of 1 to 100 printable characters";
    QTest::newRow("ENVID too long") << ehlo << " ENVID=" + QByteArray(101, 'e') << badEnvid;
    QTest::newRow("ENVID bad xtext") << ehlo << QByteArray(" ENVID=a+ZZ") << badEnvid;
    QTest::newRow("ENVID empty") << ehlo << QByteArray(" ENVID=") << QByteArray("501 5.5.4 Syntax: empty parameter value");
    QTest::newRow("ENVID twice") << ehlo << QByteArray(" ENVID=a ENVID=b") << QByteArray("501 5.5.4 Syntax: ENVID given twice");
    const QByteArray helo = "HELO helo.example\r\n";
    QTest::newRow("RET after HELO") << helo << QByteArray(" RET=FULL") << QByteArray("555 5.5.4 RET needs EHLO (DSN extension)");
    QTest::newRow("ENVID after HELO") << helo << QByteArray(" ENVID=x") << QByteArray("555 5.5.4 ENVID needs EHLO (DSN extension)");
}

void TestSmtpSessionDsn::mailParameters()
{
    QFETCH(QByteArray, greeting);
    QFETCH(QByteArray, parameters);
    QFETCH(QByteArray, reply);
    SmtpSessionHarness h;
    h.send(greeting);
    QCOMPARE(h.send("MAIL FROM:<sender@remote.example>" + parameters + "\r\n"), QByteArrayList{reply});
}

void TestSmtpSessionDsn::rcptParameters_data()
{
    QTest::addColumn<QByteArray>("greeting");
    QTest::addColumn<QByteArray>("parameters");
    QTest::addColumn<QByteArray>("reply");
    const QByteArray ehlo = kEhlo;
    const QByteArray ok = "250 2.1.5 Ok";
    QTest::newRow("NOTIFY=NEVER") << ehlo << QByteArray(" NOTIFY=NEVER") << ok;
    QTest::newRow("NOTIFY list") << ehlo << QByteArray(" NOTIFY=SUCCESS,FAILURE,DELAY") << ok;
    QTest::newRow("NOTIFY lower case") << ehlo << QByteArray(" notify=delay") << ok;
    QTest::newRow("ORCPT") << ehlo << QByteArray(" ORCPT=rfc822;alice+40example.test") << ok;
    QTest::newRow("ORCPT other type") << ehlo << QByteArray(" ORCPT=x-local;1234") << ok;
    QTest::newRow("ORCPT of 500") << ehlo << " ORCPT=rfc822;" + QByteArray(500, 'o') << ok;
    QTest::newRow("both") << ehlo << QByteArray(" NOTIFY=FAILURE ORCPT=rfc822;a+40b.example") << ok;
    const QByteArray badNotify = "501 5.5.4 Syntax: NOTIFY=NEVER or NOTIFY=SUCCESS,FAILURE,DELAY (any of them)";
    QTest::newRow("NEVER with another") << ehlo << QByteArray(" NOTIFY=NEVER,SUCCESS") << badNotify;
    QTest::newRow("NOTIFY unknown word") << ehlo << QByteArray(" NOTIFY=ALWAYS") << badNotify;
    QTest::newRow("NOTIFY empty") << ehlo << QByteArray(" NOTIFY=") << QByteArray("501 5.5.4 Syntax: empty parameter value");
    QTest::newRow("NOTIFY word twice") << ehlo << QByteArray(" NOTIFY=DELAY,DELAY") << badNotify;
    QTest::newRow("NOTIFY trailing comma") << ehlo << QByteArray(" NOTIFY=DELAY,") << badNotify;
    QTest::newRow("NOTIFY twice") << ehlo << QByteArray(" NOTIFY=DELAY NOTIFY=NEVER")
                                  << QByteArray("501 5.5.4 Syntax: NOTIFY given twice");
    const QByteArray badOrcpt = "501 5.5.4 Syntax: ORCPT=addr-type;xtext (at most 500 characters)";
    QTest::newRow("ORCPT without type") << ehlo << QByteArray(" ORCPT=alice@example.test") << badOrcpt;
    QTest::newRow("ORCPT empty type") << ehlo << QByteArray(" ORCPT=;a") << badOrcpt;
    QTest::newRow("ORCPT empty address") << ehlo << QByteArray(" ORCPT=rfc822;") << badOrcpt;
    QTest::newRow("ORCPT bad xtext") << ehlo << QByteArray(" ORCPT=rfc822;a+4") << badOrcpt;
    QTest::newRow("ORCPT too long") << ehlo << " ORCPT=rfc822;" + QByteArray(501, 'o') << badOrcpt;
    QTest::newRow("ORCPT control character") << ehlo << QByteArray(" ORCPT=rfc822;a+0Ab") << badOrcpt;
    QTest::newRow("ORCPT twice") << ehlo << QByteArray(" ORCPT=rfc822;a ORCPT=rfc822;b")
                                 << QByteArray("501 5.5.4 Syntax: ORCPT given twice");
    QTest::newRow("unknown parameter") << ehlo << QByteArray(" FOO=1") << QByteArray("555 5.5.4 Unsupported parameter FOO");
    const QByteArray helo = "HELO helo.example\r\n";
    QTest::newRow("NOTIFY after HELO") << helo << QByteArray(" NOTIFY=NEVER")
                                       << QByteArray("555 5.5.4 NOTIFY needs EHLO (DSN extension)");
    QTest::newRow("ORCPT after HELO") << helo << QByteArray(" ORCPT=rfc822;a")
                                      << QByteArray("555 5.5.4 ORCPT needs EHLO (DSN extension)");
}

void TestSmtpSessionDsn::rcptParameters()
{
    QFETCH(QByteArray, greeting);
    QFETCH(QByteArray, parameters);
    QFETCH(QByteArray, reply);
    SmtpSessionHarness h;
    h.send(greeting);
    QCOMPARE(h.send("MAIL FROM:<sender@remote.example>\r\n"), QByteArrayList{"250 2.1.0 Ok"});
    QCOMPARE(h.send("RCPT TO:<alice@example.test>" + parameters + "\r\n"), QByteArrayList{reply});
}

void TestSmtpSessionDsn::relayedMessageCarriesItsEnvelope()
{
    SmtpSessionHarness h;
    h.ehlo();
    h.send(kAlicePlain);
    QCOMPARE(h.send("MAIL FROM:<alice@example.test> RET=HDRS ENVID=env+2B1 SMTPUTF8\r\n"), QByteArrayList{"250 2.1.0 Ok"});
    QCOMPARE(h.send("RCPT TO:<friend@remote.example> NOTIFY=SUCCESS,DELAY ORCPT=rfc822;friend+40remote.example\r\n"),
             QByteArrayList{"250 2.1.5 Ok"});
    QCOMPARE(h.send("RCPT TO:<other@far.example>\r\n"), QByteArrayList{"250 2.1.5 Ok"});
    QCOMPARE(h.send("RCPT TO:<friend@remote.example> NOTIFY=NEVER\r\n"), QByteArrayList{"250 2.1.5 Ok"});   // once only
    QCOMPARE(h.send("RCPT TO:<bob@example.test> NOTIFY=NEVER\r\n"), QByteArrayList{"250 2.1.5 Ok"});
    QCOMPARE(h.send("DATA\r\n"), QByteArrayList{"354 End data with <CR><LF>.<CR><LF>"});
    QCOMPARE(h.send("Subject: out\r\n\r\nHi.\r\n.\r\n").size(), 1);
    QCOMPARE(h.store().messages().size(), 1);
    const MemoryMessageStore::Stored &stored = h.store().messages().first();
    QCOMPARE(stored.mailboxes, QStringList{QStringLiteral("bob@example.test")});
    const QueuedMessage &outbound = stored.outbound;
    QCOMPARE(outbound.sender, QStringLiteral("alice@example.test"));
    QCOMPARE(outbound.envelopeId, QStringLiteral("env+1"));
    QCOMPARE(outbound.ret, DsnReturn::Headers);
    QVERIFY(outbound.smtpUtf8);
    QCOMPARE(outbound.origin, QStringLiteral("dns; helo.example ([127.0.0.1])"));
    QCOMPARE(outbound.recipients.size(), 2);
    QCOMPARE(outbound.recipients.at(0).address, QStringLiteral("friend@remote.example"));
    QCOMPARE(outbound.recipients.at(0).notify, (DsnNotify{true, false, true}));
    QCOMPARE(outbound.recipients.at(0).originalRecipient, QStringLiteral("rfc822;friend@remote.example"));
    QCOMPARE(outbound.recipients.at(1).address, QStringLiteral("other@far.example"));
    QCOMPARE(outbound.recipients.at(1).notify, DsnNotify{});   // no NOTIFY: failure and delay
    QVERIFY(outbound.recipients.at(1).originalRecipient.isEmpty());

    // The next transaction starts clean.
    QCOMPARE(h.send("MAIL FROM:<alice@example.test>\r\nRCPT TO:<bob@example.test>\r\nDATA\r\nx\r\n.\r\n").size(), 4);
    QCOMPARE(h.store().messages().size(), 2);
    QVERIFY(h.store().messages().at(1).outbound.recipients.isEmpty());
    QVERIFY(h.store().messages().at(1).outbound.envelopeId.isEmpty());
    QCOMPARE(h.store().messages().at(1).outbound.ret, DsnReturn::Unspecified);
}

void TestSmtpSessionDsn::localOnlyMessageHasNoOutbound_data()
{
    QTest::addColumn<QByteArray>("sender");
    QTest::addColumn<QByteArray>("parameters");
    QTest::newRow("no NOTIFY") << QByteArray("sender@remote.example") << QByteArray();
    QTest::newRow("NOTIFY=NEVER") << QByteArray("sender@remote.example") << QByteArray(" NOTIFY=NEVER");
    QTest::newRow("NOTIFY=FAILURE,DELAY") << QByteArray("sender@remote.example") << QByteArray(" NOTIFY=FAILURE,DELAY");
    // RFC 3461 §6.2: a report is never answered by another report.
    QTest::newRow("null sender, SUCCESS") << QByteArray() << QByteArray(" NOTIFY=SUCCESS");
}

void TestSmtpSessionDsn::localOnlyMessageHasNoOutbound()
{
    QFETCH(QByteArray, sender);
    QFETCH(QByteArray, parameters);
    SmtpSessionHarness h;
    h.ehlo();
    h.send("MAIL FROM:<" + sender + "> RET=FULL\r\nRCPT TO:<alice@example.test>" + parameters + "\r\nDATA\r\n");
    h.send("Subject: in\r\n\r\nx\r\n.\r\n");
    QCOMPARE(h.store().messages().size(), 1);
    QCOMPARE(h.store().messages().first().mailboxes, QStringList{QStringLiteral("alice@example.test")});
    QVERIFY(h.store().messages().first().outbound.recipients.isEmpty());
}

void TestSmtpSessionDsn::localSuccessReportIsQueuedAsDelivered()
{
    SmtpSessionHarness h;
    h.ehlo();
    QCOMPARE(h.send("MAIL FROM:<sender@remote.example> RET=HDRS ENVID=xyz\r\n"), QByteArrayList{"250 2.1.0 Ok"});
    QCOMPARE(h.send("RCPT TO:<alice@example.test> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;Alice+40Example.test\r\n"),
             QByteArrayList{"250 2.1.5 Ok"});
    QCOMPARE(h.send("RCPT TO:<alice@example.test> NOTIFY=NEVER\r\n"), QByteArrayList{"250 2.1.5 Ok"});   // once only
    QCOMPARE(h.send("RCPT TO:<bob@example.test> NOTIFY=FAILURE\r\n"), QByteArrayList{"250 2.1.5 Ok"});
    h.send("DATA\r\nSubject: in\r\n\r\nx\r\n.\r\n");
    QCOMPARE(h.store().messages().size(), 1);
    const MemoryMessageStore::Stored &stored = h.store().messages().first();
    QCOMPARE(stored.mailboxes, (QStringList{QStringLiteral("alice@example.test"), QStringLiteral("bob@example.test")}));
    const QueuedMessage &outbound = stored.outbound;
    QCOMPARE(outbound.sender, QStringLiteral("sender@remote.example"));
    QCOMPARE(outbound.envelopeId, QStringLiteral("xyz"));
    QCOMPARE(outbound.ret, DsnReturn::Headers);
    QCOMPARE(outbound.recipients.size(), 1);   // bob did not ask for success
    const QueuedRecipient &alice = outbound.recipients.first();
    QCOMPARE(alice.address, QStringLiteral("alice@example.test"));
    QCOMPARE(alice.originalRecipient, QStringLiteral("rfc822;Alice@Example.test"));
    QCOMPARE(alice.notify, (DsnNotify{true, true, false}));
    QCOMPARE(alice.state, QueuedRecipientState::Delivered);
    QCOMPARE(alice.statusCode, QStringLiteral("2.0.0"));
    QCOMPARE(alice.report, ReportState::Due);
    QCOMPARE(alice.attempts, 0);   // the delivery agent never tries it

    // Next to a relayed recipient it joins the same envelope, after the remote ones.
    QCOMPARE(h.send(kAlicePlain).first().left(3), QByteArray("235"));
    h.send("MAIL FROM:<alice@example.test>\r\nRCPT TO:<bob@example.test> NOTIFY=SUCCESS\r\n"
           "RCPT TO:<friend@remote.example>\r\nDATA\r\nx\r\n.\r\n");
    QCOMPARE(h.store().messages().size(), 2);
    const QList<QueuedRecipient> &both = h.store().messages().at(1).outbound.recipients;
    QCOMPARE(both.size(), 2);
    QCOMPARE(both.at(0).address, QStringLiteral("friend@remote.example"));
    QCOMPARE(both.at(0).state, QueuedRecipientState::Queued);
    QCOMPARE(both.at(1).address, QStringLiteral("bob@example.test"));
    QCOMPARE(both.at(1).state, QueuedRecipientState::Delivered);

    // An alias delivering locally is reported as the address given, not its mailboxes.
    h.send("MAIL FROM:<alice@example.test>\r\nRCPT TO:<team@example.test> NOTIFY=SUCCESS\r\nDATA\r\nx\r\n.\r\n");
    QCOMPARE(h.store().messages().size(), 3);
    QCOMPARE(h.store().messages().at(2).mailboxes.size(), 2);
    const QList<QueuedRecipient> &team = h.store().messages().at(2).outbound.recipients;
    QCOMPARE(team.size(), 1);
    QCOMPARE(team.first().address, QStringLiteral("team@example.test"));
    QVERIFY(team.first().originalRecipient.isEmpty());
}

void TestSmtpSessionDsn::aliasForwardsBecomeRemoteRecipients()
{
    // A stranger may write to our alias even though its targets are elsewhere: no relay check.
    SmtpSessionHarness h(testConfig(), false, QHostAddress(QStringLiteral("198.51.100.1")));
    h.ehlo();
    QCOMPARE(h.send("MAIL FROM:<sender@remote.example>\r\n"), QByteArrayList{"250 2.1.0 Ok"});
    QCOMPARE(h.send("RCPT TO:<fwd@example.test> NOTIFY=FAILURE\r\n"), QByteArrayList{"250 2.1.5 Ok"});
    QCOMPARE(h.send("RCPT TO:<mixed@example.test> ORCPT=rfc822;list+40example.test\r\n"), QByteArrayList{"250 2.1.5 Ok"});
    h.send("DATA\r\nSubject: fw\r\n\r\nx\r\n.\r\n");
    QCOMPARE(h.store().messages().size(), 1);
    const MemoryMessageStore::Stored &stored = h.store().messages().first();
    QCOMPARE(stored.mailboxes, QStringList{QStringLiteral("bob@example.test")});
    const QList<QueuedRecipient> &remote = stored.outbound.recipients;
    QCOMPARE(remote.size(), 2);   // friend@ once, though both aliases lead there
    QCOMPARE(remote.at(0).address, QStringLiteral("friend@remote.example"));
    QCOMPARE(remote.at(0).originalRecipient, QStringLiteral("rfc822;fwd@example.test"));
    QCOMPARE(remote.at(0).notify, (DsnNotify{false, true, false}));
    QCOMPARE(remote.at(1).address, QStringLiteral("other@far.example"));
    QCOMPARE(remote.at(1).originalRecipient, QStringLiteral("rfc822;list@example.test"));
    QCOMPARE(stored.outbound.sender, QStringLiteral("sender@remote.example"));
    QCOMPARE(stored.outbound.origin, QStringLiteral("dns; helo.example ([198.51.100.1])"));
}

void TestSmtpSessionDsn::unauthenticatedRelayStillRefused()
{
    SmtpSessionHarness h(testConfig(), false, QHostAddress(QStringLiteral("198.51.100.1")));
    h.ehlo();
    h.send("MAIL FROM:<sender@remote.example>\r\n");
    QCOMPARE(h.send("RCPT TO:<friend@remote.example> NOTIFY=NEVER\r\n"),
             QByteArrayList{"554 5.7.1 <friend@remote.example>: Relay access denied"});
}

QTEST_GUILESS_MAIN(TestSmtpSessionDsn)
#include "tst_smtpsessiondsn.moc"
