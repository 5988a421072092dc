// SmtpSession's AUTH and STARTTLS beyond what the transcripts show: the Received protocol (ESMTPA,
// ESMTPS, ESMTPSA and the UTF8SMTP forms), reading paused while a password is checked and the
// pipeline behind AUTH answered afterwards, a session gone before the answer, the login forgotten
// at STARTTLS, the 220 sent before startTls(), failures recorded for the brute-force rules, and no
// password in the log.

#include "accountsendcounter.h"
#include "fixedaddresslists.h"
#include "inmemoryloginrecorder.h"
#include "log.h"
#include "loghub.h"
#include "plaintextauthpolicy.h"
#include "policysettingsholder.h"
#include "protocolsession.h"
#include "settings.h"
#include "smtpsessionfactory.h"
#include "smtpsessionharness.h"

#include <QtTest>

using namespace SmtpSessionTest;
using namespace std::chrono_literals;

class TestSmtpSessionAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void receivedProtocol_data();
    void receivedProtocol();
    void readingPausedDuringCheck();
    void destroyedWhileChecking();
    void startTlsForgetsTheLogin();
    void startTlsSendsTheGoAheadFirst();
    void failuresAreRecorded();
    void authResponseLineTooLong();
    void secretsNeverLogged();
    void trustedClientRelaysWithoutAuth_data();
    void trustedClientRelaysWithoutAuth();
    void submissionServicesRequireAuth_data();
    void submissionServicesRequireAuth();
    void smtpAfterPop_data();
    void smtpAfterPop();
    void sendLimitPerAccount();
};

namespace {

const QByteArray kAlicePlain = "AUTH PLAIN AGFsaWNlQGV4YW1wbGUudGVzdABwYXNzd29yZDEyMw==\r\n";
const QByteArray kWrongPlain = "AUTH PLAIN AGFsaWNlQGV4YW1wbGUudGVzdAB3cm9uZy1wYXNzd29yZA==\r\n";
const QByteArray kMessage = "DATA\r\nSubject: x\r\n\r\nbody\r\n.\r\n";

// The protocol of the Received line of the one stored message ("... with ESMTPA id ...").
QByteArray storedProtocol(SmtpSessionHarness &h)
{
    if (h.store().messages().size() != 1)
        return {};
    const QByteArray bytes = h.store().messages().first().bytes;
    const qsizetype with = bytes.indexOf(" with ");
    return bytes.mid(with + 6, bytes.indexOf(" id ", with) - with - 6);
}

}

void TestSmtpSessionAuth::receivedProtocol_data()
{
    QTest::addColumn<bool>("tls");
    QTest::addColumn<bool>("auth");
    QTest::addColumn<bool>("utf8");
    QTest::addColumn<QByteArray>("protocol");
    QTest::newRow("plain") << false << false << false << QByteArray("ESMTP");
    QTest::newRow("authenticated") << false << true << false << QByteArray("ESMTPA");
    QTest::newRow("tls") << true << false << false << QByteArray("ESMTPS");
    QTest::newRow("tls, authenticated") << true << true << false << QByteArray("ESMTPSA");
    QTest::newRow("utf8, authenticated") << false << true << true << QByteArray("UTF8SMTPA");
    QTest::newRow("utf8, tls") << true << false << true << QByteArray("UTF8SMTPS");
    QTest::newRow("utf8, tls, authenticated") << true << true << true << QByteArray("UTF8SMTPSA");
}

void TestSmtpSessionAuth::receivedProtocol()
{
    QFETCH(bool, tls);
    QFETCH(bool, auth);
    QFETCH(bool, utf8);
    QFETCH(QByteArray, protocol);
    SmtpSessionHarness h(testConfig(), tls);
    h.ehlo();
    if (auth)
        QCOMPARE(h.send(kAlicePlain), QByteArrayList{"235 2.7.0 Authentication successful"});
    // Without AUTH a local sender is refused (smtp.require_auth_for_local_senders), so a remote one.
    const QByteArray sender = auth ? "alice@example.test" : "sender@remote.example";
    h.send("MAIL FROM:<" + sender + '>' + (utf8 ? " SMTPUTF8" : "") + "\r\nRCPT TO:<bob@example.test>\r\n");
    QCOMPARE(h.send(kMessage).last().left(28), QByteArray("250 2.0.0 Ok: queued as QID0"));
    QCOMPARE(storedProtocol(h), protocol);
    QCOMPARE(h.session().authenticatedAs(), auth ? QStringLiteral("alice@example.test") : QString());
}

void TestSmtpSessionAuth::readingPausedDuringCheck()
{
    SmtpSessionHarness h(testConfig(), false, QHostAddress(QStringLiteral("127.0.0.1")), FakeAuthenticator::Mode::Deferred);
    h.ehlo();
    const int sendsBefore = h.transport().sends();
    // AUTH and the transaction pipelined behind it in one packet: nothing is answered yet.
    QVERIFY(h.send(kAlicePlain + "MAIL FROM:<alice@example.test>\r\nRCPT TO:<bob@example.test>\r\n").isEmpty());
    QCOMPARE(h.session().state(), SmtpSession::State::CheckingAuth);
    QVERIFY(h.transport().paused());
    QVERIFY(h.authenticator().hasPending());
    // A timeout cannot strike while our own check is slow: the transport has no deadline while
    // paused; the session just waits.
    h.authenticator().runPending();
    QVERIFY(!h.transport().paused());
    // The AUTH reply and the pipelined replies leave together, in order.
    QCOMPARE(linesOf(h.transport().takeSent()),
             (QByteArrayList{"235 2.7.0 Authentication successful", "250 2.1.0 Ok", "250 2.1.5 Ok"}));
    QCOMPARE(h.transport().sends(), sendsBefore + 1);
    QCOMPARE(h.session().state(), SmtpSession::State::RcptGiven);
}

void TestSmtpSessionAuth::destroyedWhileChecking()
{
    FakeAuthenticator deferred(FakeAuthenticator::Mode::Deferred);
    addLogins(deferred);
    {
        RecordingTransport transport;
        FixtureDirectory directory;
        MemoryMessageStore store;
        InMemoryAuthFailureRecorder failures;
        ClientInfo client;
        client.address = QHostAddress(QStringLiteral("127.0.0.1"));
        client.service = QStringLiteral("smtp");
        SmtpSession session(testConfig(), client, transport, directory, store, deferred, failures);
        session.start();
        session.receive(kEhlo + kAlicePlain);
        QVERIFY(deferred.hasPending());
        session.disconnected();
    }
    deferred.runPending();   // must not touch the destroyed session
}

void TestSmtpSessionAuth::startTlsForgetsTheLogin()
{
    SmtpSessionHarness h;
    h.transport().setTlsAvailable(true);
    h.ehlo();
    QCOMPARE(h.send(kAlicePlain), QByteArrayList{"235 2.7.0 Authentication successful"});
    QCOMPARE(h.send("STARTTLS\r\n"), QByteArrayList{"220 2.0.0 Ready to start TLS"});
    QVERIFY(h.transport().tlsRequested());
    QCOMPARE(h.session().state(), SmtpSession::State::StartingTls);
    QVERIFY(h.session().authenticatedAs().isEmpty());
    // Whatever arrives before the handshake is done is not plaintext for the session.
    QVERIFY(h.send("MAIL FROM:<x@remote.example>\r\n").isEmpty());
    h.transport().completeTls();
    h.session().tlsStarted();
    QCOMPARE(h.session().state(), SmtpSession::State::Connected);
    h.ehlo();
    h.send("MAIL FROM:<sender@remote.example>\r\nRCPT TO:<bob@example.test>\r\n");
    h.send(kMessage);
    QCOMPARE(storedProtocol(h), QByteArray("ESMTPS"));   // not ESMTPSA: the clear-text login is gone
}

void TestSmtpSessionAuth::startTlsSendsTheGoAheadFirst()
{
    // The transport switches to TLS inside startTls(): the 220 (and every earlier reply of the
    // batch) must already have been handed to it.
    SmtpSessionHarness h;
    h.transport().setTlsAvailable(true);
    const int before = h.transport().sends();
    h.session().receive("EHLO a.example\r\nSTARTTLS\r\nNOOP\r\n");
    QVERIFY(h.transport().tlsRequested());
    const QByteArrayList lines = linesOf(h.transport().takeSent());
    QCOMPARE(lines.last(), QByteArray("220 2.0.0 Ready to start TLS"));   // no reply to the NOOP
    QCOMPARE(h.transport().sends(), before + 1);
}

void TestSmtpSessionAuth::failuresAreRecorded()
{
    SmtpSessionHarness h;
    h.ehlo();
    QCOMPARE(h.send(kWrongPlain), QByteArrayList{"535 5.7.8 Authentication credentials invalid"});
    QCOMPARE(h.send("AUTH LOGIN c2Nhbm5lcg==\r\nd3Jvbmc=\r\n"),
             (QByteArrayList{"334 UGFzc3dvcmQ6", "535 5.7.8 Authentication credentials invalid"}));
    const QList<AuthFailure> failures = h.failures().failures(QHostAddress(QStringLiteral("127.0.0.1")), 1h);
    QCOMPARE(failures.size(), 2);
    QCOMPARE(failures.at(0).user, QStringLiteral("alice@example.test"));
    QCOMPARE(failures.at(0).mechanism, QStringLiteral("PLAIN"));
    QCOMPARE(failures.at(0).service, QStringLiteral("smtp"));
    QCOMPARE(failures.at(1).user, QStringLiteral("scanner"));
    QCOMPARE(failures.at(1).mechanism, QStringLiteral("LOGIN"));
    // Syntax errors and cancels are not failed logins.
    h.send("AUTH PLAIN !!!\r\nAUTH LOGIN\r\n*\r\n");
    QCOMPARE(h.failures().failureCount(QHostAddress(QStringLiteral("127.0.0.1")), 1h), 2);
}

void TestSmtpSessionAuth::authResponseLineTooLong()
{
    // A response longer than a command line ends the exchange like any over-long line.
    SmtpSessionHarness h;
    h.ehlo();
    QCOMPARE(h.send("AUTH PLAIN\r\n"), QByteArrayList{"334 "});
    QCOMPARE(h.send(QByteArray(5000, 'A') + "\r\n"), QByteArrayList{"500 5.5.2 Error: line too long"});
    QCOMPARE(h.session().state(), SmtpSession::State::Identified);
    QCOMPARE(h.send(kAlicePlain), QByteArrayList{"235 2.7.0 Authentication successful"});
}

void TestSmtpSessionAuth::secretsNeverLogged()
{
    LogHub hub(1000);
    hub.setMinimumLevel(LogLevel::Debug);
    Log::install(&hub);
    {
        SmtpSessionHarness h;
        h.ehlo();
        h.send(kWrongPlain);
        h.send("AUTH LOGIN\r\nYWxpY2VAZXhhbXBsZS50ZXN0\r\ncGFzc3dvcmQxMjM=\r\n");
        h.send("MAIL FROM:<alice@example.test>\r\nRCPT TO:<friend@remote.example>\r\n");
    }
    Log::install(nullptr);
    QString text;
    for (const LogEntry &entry : hub.ring().entriesAfter(0))
        text += entry.text + QLatin1Char('\n');
    QVERIFY2(text.contains(QStringLiteral("authentication failed for \"alice@example.test\" from 127.0.0.1 via PLAIN")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("authenticated as alice@example.test via LOGIN")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("relay check passed by \"SMTP Authentication\" (authenticated as alice@example.test)")), qPrintable(text));
    for (const char *secret : {"password123", "wrong-password", "cGFzc3dvcmQxMjM=", "AGFsaWNlQGV4YW1wbGUudGVzdAB3cm9uZy1wYXNzd29yZA=="})
        QVERIFY2(!text.contains(QLatin1String(secret)), secret);
}

void TestSmtpSessionAuth::submissionServicesRequireAuth_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<bool>("required");
    QTest::newRow("smtp (25)") << QStringLiteral("smtp") << false;
    QTest::newRow("submission (587)") << QStringLiteral("submission") << true;
    QTest::newRow("smtps (465)") << QStringLiteral("smtps") << true;
}

void TestSmtpSessionAuth::submissionServicesRequireAuth()
{
    QFETCH(QString, service);
    QFETCH(bool, required);
    FakeAuthenticator authenticator;
    addLogins(authenticator);
    InMemoryAuthFailureRecorder failures;
    FixtureDirectory directory;
    MemoryMessageStore store;
    SmtpSessionFactory factory(directory, store, authenticator, failures);
    factory.applySettings(Settings::fromStored({}), PlaintextAuthPolicy::defaultLoopbackRanges());
    RecordingTransport transport;
    transport.setEncrypted(service == QStringLiteral("smtps"));
    ClientInfo client;
    client.address = QHostAddress(QStringLiteral("127.0.0.1"));
    client.service = service;
    const std::unique_ptr<ProtocolSession> session = factory.create(client, transport);
    session->start();
    session->receive(kEhlo + "MAIL FROM:<sender@remote.example>\r\n");
    const QByteArray refusal = "530 5.7.0 Authentication required\r\n";
    QCOMPARE(transport.takeSent().endsWith(refusal), required);
    session->receive(kAlicePlain + "MAIL FROM:<alice@example.test>\r\n");
    QVERIFY(transport.takeSent().endsWith("235 2.7.0 Authentication successful\r\n250 2.1.0 Ok\r\n") == required);
}

void TestSmtpSessionAuth::trustedClientRelaysWithoutAuth_data()
{
    QTest::addColumn<QString>("client");
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<QString>("logged");
    const QByteArray relayed = "250 2.1.5 Ok";
    QTest::newRow("trusted v4") << QStringLiteral("192.0.2.44") << relayed
                                << QStringLiteral("rcpt <friend@remote.example>: relay check passed by \"Trusted IP Addresses\" "
                                                  "(192.0.2.44 in 192.0.2.0/24: office)");
    QTest::newRow("trusted v6") << QStringLiteral("2001:db8::9") << relayed
                                << QStringLiteral("relay check passed by \"Trusted IP Addresses\" (2001:db8::9 in 2001:db8::9/128)");
    QTest::newRow("not trusted") << QStringLiteral("198.51.100.1")
                                 << QByteArray("554 5.7.1 <friend@remote.example>: Relay access denied")
                                 << QStringLiteral("rcpt <friend@remote.example> refused by \"Relay\" "
                                                   "(not a local domain, not authenticated, not trusted) 554 5.7.1");
    QTest::newRow("loopback is not implicitly trusted") << QStringLiteral("127.0.0.1")
                                                        << QByteArray("554 5.7.1 <friend@remote.example>: Relay access denied")
                                                        << QStringLiteral("not trusted) 554 5.7.1");
}

void TestSmtpSessionAuth::trustedClientRelaysWithoutAuth()
{
    QFETCH(QString, client);
    QFETCH(QByteArray, reply);
    QFETCH(QString, logged);
    LogHub hub(1000);
    hub.setMinimumLevel(LogLevel::Debug);
    Log::install(&hub);
    const FixedAddressLists lists({TrustRecord{QStringLiteral("192.0.2.0/24"), QStringLiteral("office")},
                                  TrustRecord{QStringLiteral("2001:db8::9"), {}}});
    SmtpSessionConfig config = SmtpSessionTest::testConfig();
    config.addressLists = &lists;
    {
        SmtpSessionHarness h(config, false, QHostAddress(client));
        h.ehlo();
        QCOMPARE(h.send("MAIL FROM:<dev@outside.example>\r\n"), QByteArrayList{"250 2.1.0 Ok"});
        QCOMPARE(h.send("RCPT TO:<friend@remote.example>\r\n"), QByteArrayList{reply});
        // Local recipients are unaffected either way.
        QCOMPARE(h.send("RCPT TO:<alice@example.test>\r\n"), QByteArrayList{"250 2.1.5 Ok"});
    }
    Log::install(nullptr);
    QString text;
    for (const LogEntry &entry : hub.ring().entriesAfter(0))
        text += entry.text + QLatin1Char('\n');
    QVERIFY2(text.contains(logged), qPrintable(text));
}

void TestSmtpSessionAuth::smtpAfterPop_data()
{
    QTest::addColumn<int>("minutes");          // smtp_after_pop.minutes; 0 = the rule is off
    QTest::addColumn<QString>("loginFrom");    // where the POP3 login came from
    QTest::addColumn<int>("secondsAgo");
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<QString>("logged");
    const QByteArray relayed = "250 2.1.5 Ok";
    const QByteArray refused = "554 5.7.1 <friend@remote.example>: Relay access denied";
    QTest::newRow("inside the window") << 5 << QStringLiteral("192.0.2.7") << 60 << relayed
                                       << QStringLiteral("relay check passed by \"SMTP After POP\" (POP3 login as "
                                                         "alice@example.test from 192.0.2.7 60 s ago, window 5 min)");
    QTest::newRow("at the end of the window") << 5 << QStringLiteral("192.0.2.7") << 300 << relayed
                                              << QStringLiteral("\"SMTP After POP\"");
    QTest::newRow("window closed") << 5 << QStringLiteral("192.0.2.7") << 301 << refused
                                   << QStringLiteral("not trusted, no SMTP-after-POP) 554 5.7.1");
    QTest::newRow("another address of the same network") << 5 << QStringLiteral("192.0.2.8") << 10 << refused
                                                          << QStringLiteral("no SMTP-after-POP) 554 5.7.1");
    QTest::newRow("rule off") << 0 << QStringLiteral("192.0.2.7") << 10 << refused
                              << QStringLiteral("not authenticated, not trusted) 554 5.7.1");
}

void TestSmtpSessionAuth::smtpAfterPop()
{
    QFETCH(int, minutes);
    QFETCH(QString, loginFrom);
    QFETCH(int, secondsAgo);
    QFETCH(QByteArray, reply);
    QFETCH(QString, logged);
    LogHub hub(1000);
    hub.setMinimumLevel(LogLevel::Debug);
    Log::install(&hub);
    const QDateTime loginTime = QDateTime(QDate(2026, 11, 29), QTime(10, 0), Qt::UTC);
    InMemoryLoginRecorder logins(std::chrono::hours(1), 100, [loginTime] { return loginTime; });
    logins.recordLogin(QHostAddress(loginFrom), QStringLiteral("alice@example.test"));
    SmtpSessionConfig config = SmtpSessionTest::testConfig();
    config.popLogins = &logins;
    const PolicySettingsHolder policy(PolicySettings{.smtpAfterPopMinutes = minutes});
    config.policy = &policy;
    config.clock = [loginTime, secondsAgo] { return loginTime.addSecs(secondsAgo); };
    {
        SmtpSessionHarness h(config, false, QHostAddress(QStringLiteral("192.0.2.7")));
        h.ehlo();
        QCOMPARE(h.send("MAIL FROM:<dev@outside.example>\r\n"), QByteArrayList{"250 2.1.0 Ok"});
        QCOMPARE(h.send("RCPT TO:<friend@remote.example>\r\n"), QByteArrayList{reply});
    }
    Log::install(nullptr);
    QString text;
    for (const LogEntry &entry : hub.ring().entriesAfter(0))
        text += entry.text + QLatin1Char('\n');
    QVERIFY2(text.contains(logged), qPrintable(text));
}

void TestSmtpSessionAuth::sendLimitPerAccount()
{
    // limits.messages_per_hour_per_account = 2: the third MAIL of the hour gets 451 4.7.1, later
    // sessions of the same login too, other clients are not counted, and an hour later it sends.
    AccountSendCounter counter;
    QDateTime now(QDate(2026, 11, 29), QTime(10, 0), Qt::UTC);
    SmtpSessionConfig config = testConfig();
    config.sendCounter = &counter;
    const PolicySettingsHolder policy(PolicySettings{.messagesPerHourPerAccount = 2});
    config.policy = &policy;
    config.clock = [&now] { return now; };
    const QByteArray transaction = "MAIL FROM:<alice@example.test>\r\nRCPT TO:<bob@example.test>\r\n" + kMessage;
    const QByteArray limited = "451 4.7.1 Sending limit for this account reached, try again later";
    {
        SmtpSessionHarness h(config);
        h.ehlo();
        QCOMPARE(h.send(kAlicePlain), QByteArrayList{"235 2.7.0 Authentication successful"});
        for (int i = 0; i < 2; ++i)
            QVERIFY(h.send(transaction).last().startsWith("250 2.0.0 Ok: queued as"));
        QCOMPARE(h.send("MAIL FROM:<alice@example.test>\r\n"), QByteArrayList{limited});
        QCOMPARE(h.store().messages().size(), 2);
    }
    QCOMPARE(counter.sentInLastHour(QStringLiteral("alice@example.test"), now), 2);
    {
        SmtpSessionHarness h(config);   // a new connection of the same login
        h.ehlo();
        QCOMPARE(h.send(kAlicePlain), QByteArrayList{"235 2.7.0 Authentication successful"});
        QCOMPARE(h.send("MAIL FROM:<alice@example.test>\r\n"), QByteArrayList{limited});
    }
    {
        SmtpSessionHarness h(config);   // not logged in: local delivery is not an account's sending
        h.ehlo();
        QVERIFY(h.send("MAIL FROM:<sender@remote.example>\r\nRCPT TO:<bob@example.test>\r\n" + kMessage)
                    .last().startsWith("250 2.0.0 Ok: queued as"));
    }
    now = now.addSecs(3600);
    {
        SmtpSessionHarness h(config);
        h.ehlo();
        QCOMPARE(h.send(kAlicePlain), QByteArrayList{"235 2.7.0 Authentication successful"});
        QVERIFY(h.send(transaction).last().startsWith("250 2.0.0 Ok: queued as"));
    }
}

QTEST_GUILESS_MAIN(TestSmtpSessionAuth)
#include "tst_smtpsessionauth.moc"
