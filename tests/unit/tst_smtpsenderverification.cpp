// Address Verification in the SMTP session with a fake resolver: sender domain (answers at once
// and later, the pipeline behind MAIL in order), blank sender, HELO syntax, reverse DNS from
// connect, who skips, a live switch, a session gone or timed out while it waits.

#include "fakeresolver.h"
#include "fixedaddresslists.h"
#include "log.h"
#include "loghub.h"
#include "policysettingsholder.h"
#include "smtpsessionharness.h"

#include <QtTest>

using namespace SmtpSessionTest;

class TestSmtpSenderVerification : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void senderDomain_data();
    void senderDomain();
    void pipelineWaitsForTheAnswer();
    void pipelineAfterRefusal();
    void skipped_data();
    void skipped();
    void blankSender_data();
    void blankSender();
    void heloSyntax_data();
    void heloSyntax();
    void reverseDnsStartsAtConnect();
    void reverseDns_data();
    void reverseDns();
    void liveSwitch();
    void refusalIsLogged();
    void goneWhileWaiting();
    void timeoutWhileWaiting();
};

namespace {

const QByteArray kAlicePlain = "AUTH PLAIN AGFsaWNlQGV4YW1wbGUudGVzdABwYXNzd29yZDEyMw==\r\n";
const QByteArray kNxDomain = "550 5.1.8 Sender address rejected: domain nx.example does not exist";
const QString kPtrLocalhost = QStringLiteral("PTR 1.0.0.127.in-addr.arpa");

// A session config with the fake resolver and the policy holder of the test.
SmtpSessionConfig configWith(FakeResolver &resolver, const PolicySettingsHolder &policy, const AddressLists *lists = nullptr)
{
    SmtpSessionConfig config = testConfig();
    config.resolver = &resolver;
    config.policy = &policy;
    config.addressLists = lists;
    return config;
}

// The Trusted IP Addresses with the harness's client (127.0.0.1) in them, or none.
const AddressLists *trustingClient(bool trusted)
{
    static const FixedAddressLists lists({TrustRecord{QStringLiteral("127.0.0.0/8"), {}}});
    return trusted ? &lists : nullptr;
}

// What the session sends until `count` lines have come, for at most five seconds.
QByteArrayList awaitLines(SmtpSessionHarness &h, int count)
{
    QByteArrayList lines;
    // A shortfall shows in the caller's comparison of the lines.
    [[maybe_unused]] const bool complete = QTest::qWaitFor([&] {
        lines += linesOf(h.transport().takeSent());
        return lines.size() >= count;
    }, 5000);
    return lines;
}

}

void TestSmtpSenderVerification::senderDomain_data()
{
    QTest::addColumn<QString>("domain");
    QTest::addColumn<DnsStatus>("mx");
    QTest::addColumn<DnsStatus>("a");
    QTest::addColumn<DnsStatus>("aaaa");
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<QStringList>("asked");

    const QStringList mxOnly{QStringLiteral("MX remote.example")};
    const QStringList all{QStringLiteral("MX remote.example"), QStringLiteral("A remote.example"), QStringLiteral("AAAA remote.example")};
    QTest::newRow("MX") << "remote.example" << DnsStatus::Found << DnsStatus::NxDomain << DnsStatus::NxDomain
                        << QByteArray("250 2.1.0 Ok") << mxOnly;
    QTest::newRow("A only") << "remote.example" << DnsStatus::NoData << DnsStatus::Found << DnsStatus::NoData
                            << QByteArray("250 2.1.0 Ok") << all;
    QTest::newRow("AAAA only") << "remote.example" << DnsStatus::NoData << DnsStatus::NoData << DnsStatus::Found
                               << QByteArray("250 2.1.0 Ok") << all;
    QTest::newRow("no records") << "remote.example" << DnsStatus::NoData << DnsStatus::NoData << DnsStatus::NoData
                                << QByteArray("550 5.1.8 Sender address rejected: domain remote.example has no mail server "
                                              "(no MX, A or AAAA record)") << all;
    QTest::newRow("NXDOMAIN") << "remote.example" << DnsStatus::NxDomain << DnsStatus::NxDomain << DnsStatus::NxDomain
                              << QByteArray("550 5.1.8 Sender address rejected: domain remote.example does not exist") << mxOnly;
    QTest::newRow("null MX") << "remote.example" << DnsStatus::NullMx << DnsStatus::Found << DnsStatus::Found
                             << QByteArray("550 5.1.8 Sender address rejected: domain remote.example accepts no mail (null MX)")
                             << mxOnly;
    QTest::newRow("timeout") << "remote.example" << DnsStatus::Timeout << DnsStatus::Found << DnsStatus::Found
                             << QByteArray("451 4.4.3 Sender domain remote.example could not be verified, try again later")
                             << mxOnly;
    QTest::newRow("SERVFAIL") << "remote.example" << DnsStatus::ServerFailure << DnsStatus::Found << DnsStatus::Found
                              << QByteArray("451 4.4.3 Sender domain remote.example could not be verified, try again later")
                              << mxOnly;
    QTest::newRow("no MX, A timeout") << "remote.example" << DnsStatus::NoData << DnsStatus::Timeout << DnsStatus::NoData
                                      << QByteArray("451 4.4.3 Sender domain remote.example could not be verified, try again later")
                                      << all;
}

void TestSmtpSenderVerification::senderDomain()
{
    QFETCH(QString, domain);
    QFETCH(DnsStatus, mx);
    QFETCH(DnsStatus, a);
    QFETCH(DnsStatus, aaaa);
    QFETCH(QByteArray, reply);
    QFETCH(QStringList, asked);

    FakeResolver resolver;
    resolver.setAnswer(DnsQueryType::Mx, domain, mx);
    resolver.setAnswer(DnsQueryType::A, domain, a);
    resolver.setAnswer(DnsQueryType::Aaaa, domain, aaaa);
    const PolicySettingsHolder policy;
    SmtpSessionHarness h(configWith(resolver, policy));
    h.ehlo();
    QVERIFY(h.send("MAIL FROM:<sender@" + domain.toUtf8() + ">\r\n").isEmpty());
    QCOMPARE(h.session().state(), SmtpSession::State::CheckingSender);
    QCOMPARE(awaitLines(h, 1), QByteArrayList{reply});
    QCOMPARE(h.session().state(), reply.startsWith("250") ? SmtpSession::State::MailGiven : SmtpSession::State::Identified);
    QCOMPARE(resolver.asked(), asked);
    QVERIFY(!h.transport().paused());
}

void TestSmtpSenderVerification::pipelineWaitsForTheAnswer()
{
    FakeResolver resolver(FakeResolver::Mode::Held);
    resolver.setAnswer(DnsQueryType::Mx, QStringLiteral("remote.example"), DnsStatus::Found);
    const PolicySettingsHolder policy;
    SmtpSessionHarness h(configWith(resolver, policy));
    h.ehlo();
    QVERIFY(h.send(kTransaction + "DATA\r\nSubject: x\r\n\r\nbody\r\n.\r\n").isEmpty());
    QCOMPARE(h.session().state(), SmtpSession::State::CheckingSender);
    QVERIFY(h.transport().paused());
    // More input while waiting stays behind the pipeline, unread.
    QVERIFY(h.send("NOOP\r\n").isEmpty());
    QTest::qWait(50);
    QVERIFY(linesOf(h.transport().takeSent()).isEmpty());
    QCOMPARE(resolver.release(), 1);
    const QByteArrayList lines = awaitLines(h, 5);
    QCOMPARE(lines.mid(0, 3), (QByteArrayList{"250 2.1.0 Ok", "250 2.1.5 Ok", "354 End data with <CR><LF>.<CR><LF>"}));
    QVERIFY(lines.at(3).startsWith("250 2.0.0 Ok: queued as "));
    QCOMPARE(lines.at(4), QByteArray("250 2.0.0 Ok"));
    QCOMPARE(h.store().messages().size(), 1);
    QVERIFY(!h.transport().paused());
}

void TestSmtpSenderVerification::pipelineAfterRefusal()
{
    FakeResolver resolver(FakeResolver::Mode::Held);
    const PolicySettingsHolder policy;
    SmtpSessionHarness h(configWith(resolver, policy));
    h.ehlo();
    QVERIFY(h.send("MAIL FROM:<sender@nx.example>\r\nRCPT TO:<alice@example.test>\r\nDATA\r\n").isEmpty());
    resolver.release();
    QCOMPARE(awaitLines(h, 3), (QByteArrayList{kNxDomain, "503 5.5.1 Error: need MAIL command", "503 5.5.1 Error: need MAIL command"}));
    QCOMPARE(h.session().state(), SmtpSession::State::Identified);
    QVERIFY(h.store().messages().isEmpty());
}

void TestSmtpSenderVerification::skipped_data()
{
    QTest::addColumn<QByteArray>("commands");   // after EHLO
    QTest::addColumn<bool>("trusted");
    QTest::addColumn<bool>("verifyOn");
    QTest::addColumn<bool>("withResolver");

    QTest::newRow("authenticated") << kAlicePlain + "MAIL FROM:<alice@nx.example>\r\n" << false << true << true;
    QTest::newRow("trusted") << QByteArray("MAIL FROM:<sender@nx.example>\r\n") << true << true << true;
    QTest::newRow("local domain") << QByteArray("MAIL FROM:<bob@example.test>\r\n") << false << true << true;
    QTest::newRow("domain literal") << QByteArray("MAIL FROM:<sender@[192.0.2.1]>\r\n") << false << true << true;
    QTest::newRow("blank sender") << QByteArray("MAIL FROM:<>\r\n") << false << true << true;
    QTest::newRow("syntax error") << QByteArray("MAIL TO:<sender@nx.example>\r\n") << false << true << true;
    QTest::newRow("verify.sender_domain off") << QByteArray("MAIL FROM:<sender@nx.example>\r\n") << false << false << true;
    QTest::newRow("no resolver") << QByteArray("MAIL FROM:<sender@nx.example>\r\n") << false << true << false;
}

void TestSmtpSenderVerification::skipped()
{
    QFETCH(QByteArray, commands);
    QFETCH(bool, trusted);
    QFETCH(bool, verifyOn);
    QFETCH(bool, withResolver);

    FakeResolver resolver;
    const PolicySettingsHolder policy(PolicySettings{.verifySenderDomain = verifyOn});
    SmtpSessionConfig config = configWith(resolver, policy, trustingClient(trusted));
    if (!withResolver)
        config.resolver = nullptr;
    SmtpSessionHarness h(config);
    h.ehlo();
    // Answered at once, without a question to DNS (what the envelope then says is its business).
    const QByteArrayList lines = h.send(commands);
    QVERIFY(!lines.isEmpty());
    QVERIFY2(!lines.last().startsWith("550 5.1.8") && !lines.last().startsWith("451 4.4.3"), lines.last().constData());
    QVERIFY(h.session().state() != SmtpSession::State::CheckingSender);
    QVERIFY2(resolver.asked().isEmpty(), qPrintable(resolver.asked().join(QLatin1Char(','))));
}

void TestSmtpSenderVerification::blankSender_data()
{
    QTest::addColumn<bool>("assumeValid");
    QTest::addColumn<bool>("trusted");
    QTest::addColumn<QByteArray>("reply");
    QTest::newRow("accepted (default)") << true << false << QByteArray("250 2.1.0 Ok");
    QTest::newRow("refused") << false << false << QByteArray("550 5.7.1 Null sender <> not accepted here");
    QTest::newRow("refused, but trusted") << false << true << QByteArray("250 2.1.0 Ok");
}

void TestSmtpSenderVerification::blankSender()
{
    QFETCH(bool, assumeValid);
    QFETCH(bool, trusted);
    QFETCH(QByteArray, reply);
    FakeResolver resolver;
    const PolicySettingsHolder policy(PolicySettings{.assumeBlankFromValid = assumeValid});
    SmtpSessionHarness h(configWith(resolver, policy, trustingClient(trusted)));
    h.ehlo();
    QCOMPARE(h.send("MAIL FROM:<>\r\n"), QByteArrayList{reply});
    QVERIFY(resolver.asked().isEmpty());
}

void TestSmtpSenderVerification::heloSyntax_data()
{
    QTest::addColumn<bool>("checkOn");
    QTest::addColumn<bool>("trusted");
    QTest::addColumn<QByteArray>("command");
    QTest::addColumn<QByteArray>("reply");
    const QByteArray refused("501 5.5.4 HELO/EHLO needs a valid host name or address literal");
    QTest::newRow("off: dotless passes") << false << false << QByteArray("HELO PC01") << QByteArray("250 mail.example.test");
    QTest::newRow("dotless") << true << false << QByteArray("HELO PC01") << refused;
    QTest::newRow("EHLO underscore") << true << false << QByteArray("EHLO my_pc.example.com") << refused;
    QTest::newRow("host name") << true << false << QByteArray("HELO mail.example.com") << QByteArray("250 mail.example.test");
    QTest::newRow("IPv4 literal") << true << false << QByteArray("HELO [192.0.2.1]") << QByteArray("250 mail.example.test");
    QTest::newRow("IPv6 literal") << true << false << QByteArray("HELO [IPv6:2001:db8::1]") << QByteArray("250 mail.example.test");
    QTest::newRow("trusted: dotless passes") << true << true << QByteArray("HELO PC01") << QByteArray("250 mail.example.test");
}

void TestSmtpSenderVerification::heloSyntax()
{
    QFETCH(bool, checkOn);
    QFETCH(bool, trusted);
    QFETCH(QByteArray, command);
    QFETCH(QByteArray, reply);
    FakeResolver resolver;
    const PolicySettingsHolder policy(PolicySettings{.verifyHeloSyntax = checkOn});
    SmtpSessionHarness h(configWith(resolver, policy, trustingClient(trusted)));
    QCOMPARE(h.send(command + "\r\n"), QByteArrayList{reply});
    const bool refusedHelo = reply.startsWith("501");
    QCOMPARE(h.session().state(), refusedHelo ? SmtpSession::State::Connected : SmtpSession::State::Identified);
    // A refused HELO leaves the client unidentified: MAIL must wait for a good one.
    if (refusedHelo)
        QCOMPARE(h.send("MAIL FROM:<>\r\n"), QByteArrayList{"503 5.5.1 Error: send HELO/EHLO first"});
}

void TestSmtpSenderVerification::reverseDnsStartsAtConnect()
{
    FakeResolver resolver(FakeResolver::Mode::Held);
    const PolicySettingsHolder on(PolicySettings{.verifySenderDomain = false, .verifyReverseDns = true});
    std::make_unique<SmtpSessionHarness>(configWith(resolver, on)).reset();
    QCOMPARE(resolver.asked(), QStringList{kPtrLocalhost});   // asked before any command
    resolver.release();   // the session is gone: nothing may reach it
    QTest::qWait(20);
    FakeResolver unused;
    const PolicySettingsHolder off(PolicySettings{.verifySenderDomain = false});
    SmtpSessionHarness h(configWith(unused, off));
    h.ehlo();
    QCOMPARE(h.send(kTransaction), (QByteArrayList{"250 2.1.0 Ok", "250 2.1.5 Ok"}));
    QVERIFY(unused.asked().isEmpty());
}

void TestSmtpSenderVerification::reverseDns_data()
{
    QTest::addColumn<DnsStatus>("ptr");
    QTest::addColumn<bool>("authenticate");
    QTest::addColumn<bool>("held");
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<int>("questions");
    const QByteArray noPtr("450 4.7.25 Client host 127.0.0.1 has no reverse DNS (PTR) record");
    QTest::newRow("PTR found") << DnsStatus::Found << false << false << QByteArray("250 2.1.0 Ok") << 1;
    QTest::newRow("no PTR") << DnsStatus::NxDomain << false << false << noPtr << 1;
    QTest::newRow("no PTR, answer after MAIL") << DnsStatus::NxDomain << false << true << noPtr << 1;
    QTest::newRow("PTR found, answer after MAIL") << DnsStatus::Found << false << true << QByteArray("250 2.1.0 Ok") << 1;
    // A failed lookup is not kept for the session: MAIL asks again (and fails again here).
    QTest::newRow("PTR timeout") << DnsStatus::Timeout << false << false
                                 << QByteArray("451 4.4.3 Reverse DNS of 127.0.0.1 could not be checked, try again later") << 2;
    QTest::newRow("no PTR, authenticated") << DnsStatus::NxDomain << true << false << QByteArray("250 2.1.0 Ok") << 1;
}

void TestSmtpSenderVerification::reverseDns()
{
    QFETCH(DnsStatus, ptr);
    QFETCH(bool, authenticate);
    QFETCH(bool, held);
    QFETCH(QByteArray, reply);
    QFETCH(int, questions);
    FakeResolver resolver(held ? FakeResolver::Mode::Held : FakeResolver::Mode::Immediate);
    resolver.setAnswer(DnsQueryType::Ptr, QStringLiteral("1.0.0.127.in-addr.arpa"), ptr);
    const PolicySettingsHolder policy(PolicySettings{.verifySenderDomain = false, .verifyReverseDns = true});
    SmtpSessionHarness h(configWith(resolver, policy));
    h.ehlo();
    if (authenticate)
        QCOMPARE(h.send(kAlicePlain), QByteArrayList{"235 2.7.0 Authentication successful"});
    QTest::qWait(10);   // an immediate answer has arrived by now
    // Rule 1 wants a login for a local sender; anyone else is a remote one.
    QByteArrayList lines = h.send(authenticate ? "MAIL FROM:<alice@example.test>\r\n" : "MAIL FROM:<sender@remote.example>\r\n");
    if (held) {
        QVERIFY(lines.isEmpty());
        QCOMPARE(h.session().state(), SmtpSession::State::CheckingSender);
        QCOMPARE(resolver.release(), 1);
        lines = awaitLines(h, 1);
    } else if (lines.isEmpty()) {
        lines = awaitLines(h, 1);
    }
    QCOMPARE(lines, QByteArrayList{reply});
    QCOMPARE(resolver.asked(), QStringList(questions, kPtrLocalhost));   // at connect, and again only after a failure
}

void TestSmtpSenderVerification::liveSwitch()
{
    FakeResolver resolver;
    PolicySettingsHolder policy;
    SmtpSessionHarness h(configWith(resolver, policy));
    h.ehlo();
    h.send("MAIL FROM:<sender@nx.example>\r\n");
    QCOMPARE(awaitLines(h, 1), QByteArrayList{kNxDomain});
    policy.replace(PolicySettings{.verifySenderDomain = false});
    QCOMPARE(h.send("MAIL FROM:<sender@nx.example>\r\n"), QByteArrayList{"250 2.1.0 Ok"});
    QCOMPARE(resolver.asked(), QStringList{QStringLiteral("MX nx.example")});
}

void TestSmtpSenderVerification::refusalIsLogged()
{
    LogHub hub(1000);
    hub.setMinimumLevel(LogLevel::Debug);
    Log::install(&hub);
    {
        FakeResolver resolver;
        const PolicySettingsHolder policy(PolicySettings{.verifyHeloSyntax = true});
        SmtpSessionHarness h(configWith(resolver, policy));
        h.send("EHLO PC01\r\n");
        h.ehlo();
        h.send("MAIL FROM:<sender@nx.example>\r\n");
        awaitLines(h, 1);
    }
    Log::install(nullptr);
    QString text;
    for (const LogEntry &entry : hub.ring().entriesAfter(0))
        text += entry.text + QLatin1Char('\n');
    QVERIFY2(text.contains(QStringLiteral("mail from <sender@nx.example> refused by \"Address Verification\" (nx.example: NXDOMAIN) 550 5.1.8")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("EHLO PC01 refused by \"Address Verification\"")), qPrintable(text));
}

void TestSmtpSenderVerification::goneWhileWaiting()
{
    FakeResolver resolver(FakeResolver::Mode::Held);
    const PolicySettingsHolder policy;
    {
        SmtpSessionHarness h(configWith(resolver, policy));
        h.ehlo();
        h.send(kTransaction);
        QCOMPARE(resolver.held(), 1);
        h.session().disconnected();
    }
    resolver.release();
    QTest::qWait(20);   // the answer finds no session and does nothing
}

void TestSmtpSenderVerification::timeoutWhileWaiting()
{
    FakeResolver resolver(FakeResolver::Mode::Held);
    resolver.setAnswer(DnsQueryType::Mx, QStringLiteral("remote.example"), DnsStatus::Found);
    const PolicySettingsHolder policy;
    SmtpSessionHarness h(configWith(resolver, policy));
    h.ehlo();
    h.send(kTransaction);
    h.session().timedOut();
    QCOMPARE(linesOf(h.transport().takeSent()), QByteArrayList{"421 4.4.2 mail.example.test Error: timeout exceeded"});
    QVERIFY(h.transport().closed());
    resolver.release();
    QTest::qWait(20);
    QVERIFY(h.transport().takeSent().isEmpty());
}

QTEST_GUILESS_MAIN(TestSmtpSenderVerification)
#include "tst_smtpsenderverification.moc"
