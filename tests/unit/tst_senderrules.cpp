// The relay rule and the sender rules as pure functions: the relay truth table (authenticated ×
// trusted × SMTP-after-POP × local/remote recipient) and every sender rule with local, remote,
// aliased and foreign senders, for account logins and SMTP-only logins.
#include "fixturedirectory.h"
#include "headerfromcheck.h"
#include "policydecision.h"
#include "policysettings.h"
#include "relaystanding.h"
#include "senderfacts.h"
#include "senderrules.h"

#include <QtTest>

namespace {

enum class Login { None, Alice, Scanner };

RelayStanding standing(Login login, bool trusted, bool pop, bool popEnabled = true)
{
    const QString name = login == Login::Alice ? QStringLiteral("alice@example.test")
        : login == Login::Scanner              ? QStringLiteral("scanner")
                                               : QString();
    return RelayStanding(name, trusted ? QStringLiteral("192.0.2.7 in 192.0.2.0/24") : QString(),
                         pop ? QStringLiteral("POP3 login as bob@example.test") : QString(), popEnabled);
}

PolicySettings settings(const QString &flags)
{
    PolicySettings policy;
    policy.requireAuthForLocalSenders = !flags.contains(QStringLiteral("local-senders-off"));
    policy.senderLocalDomainOnly = flags.contains(QStringLiteral("local-domain-only"));
    policy.senderAccountOnly = flags.contains(QStringLiteral("account-only"));
    policy.senderAuthMustMatch = !flags.contains(QStringLiteral("match-off"));
    return policy;
}

QString loginName(Login login)
{
    return login == Login::Alice ? QStringLiteral("alice@example.test") : login == Login::Scanner ? QStringLiteral("scanner") : QString();
}

}

Q_DECLARE_METATYPE(Login)

class TestSenderRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void relayTruthTable();
    void relayRefusalNamesWhatIsMissing();
    void senderFacts_data();
    void senderFacts();
    void mailFrom_data();
    void mailFrom();
    void headerFrom_data();
    void headerFrom();
    void headerFromCheck_data();
    void headerFromCheck();
};

void TestSenderRules::relayTruthTable()
{
    // A remote recipient is relayed exactly when one of the three grants holds; the decision names it.
    for (int bits = 0; bits < 8; ++bits) {
        const bool auth = bits & 1, trusted = bits & 2, pop = bits & 4;
        const RelayStanding s = standing(auth ? Login::Alice : Login::None, trusted, pop);
        const PolicyDecision d = s.relayDecision();
        QCOMPARE(d.isAccept(), auth || trusted || pop);
        QCOMPARE(s.mayRelay(), auth || trusted || pop);
        if (auth)
            QCOMPARE(d.rule(), QStringLiteral("SMTP Authentication"));
        else if (trusted)
            QCOMPARE(d.rule(), QStringLiteral("Trusted IP Addresses"));
        else if (pop)
            QCOMPARE(d.rule(), QStringLiteral("SMTP After POP"));
        else
            QCOMPARE(d.replyLine(), QByteArray("554 5.7.1 Relay access denied"));
    }
}

void TestSenderRules::relayRefusalNamesWhatIsMissing()
{
    QCOMPARE(standing(Login::None, false, false, true).relayDecision().logLine(QStringLiteral("rcpt <a@example.net>")),
             QStringLiteral("rcpt <a@example.net> refused by \"Relay\" (not a local domain, not authenticated, not trusted, "
                            "no SMTP-after-POP) 554 5.7.1"));
    QCOMPARE(standing(Login::None, false, false, false).relayDecision().detail(),
             QStringLiteral("not a local domain, not authenticated, not trusted"));
}

void TestSenderRules::senderFacts_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<Login>("login");
    QTest::addColumn<bool>("local");
    QTest::addColumn<bool>("account");
    QTest::addColumn<bool>("belongs");
    QTest::newRow("own address") << "alice@example.test" << Login::Alice << true << true << true;
    QTest::newRow("alias delivering to the login") << "team@example.test" << Login::Alice << true << true << true;
    QTest::newRow("someone else's account") << "bob@example.test" << Login::Alice << true << true << false;
    QTest::newRow("unknown local user") << "boss@example.test" << Login::Alice << true << false << false;
    QTest::newRow("full mailbox is an account") << "full@example.test" << Login::None << true << true << false;
    QTest::newRow("remote") << "someone@remote.example" << Login::Alice << false << false << false;
    QTest::newRow("SMTP-only login owns nothing") << "alice@example.test" << Login::Scanner << true << true << false;
}

void TestSenderRules::senderFacts()
{
    QFETCH(QString, address);
    QFETCH(Login, login);
    QFETCH(bool, local);
    QFETCH(bool, account);
    QFETCH(bool, belongs);
    FixtureDirectory directory;
    const SenderFacts facts = SenderFacts::of(address, loginName(login), directory);
    QCOMPARE(facts.localDomain, local);
    QCOMPARE(facts.hasAccount, account);
    QCOMPARE(facts.belongsToLogin, belongs);
    QCOMPARE(facts.loginHasAddress, login == Login::Alice);
}

void TestSenderRules::mailFrom_data()
{
    QTest::addColumn<QString>("flags");
    QTest::addColumn<Login>("login");
    QTest::addColumn<bool>("trusted");
    QTest::addColumn<bool>("pop");
    QTest::addColumn<QString>("sender");
    QTest::addColumn<QByteArray>("reply");   // empty: accepted
    QTest::addColumn<QString>("rule");

    const QByteArray localAuth = "550 5.7.1 Authentication required to send as a local address";
    const QByteArray notOwned = "553 5.7.1 Sender address not allowed for this login";
    const QByteArray notLocal = "550 5.7.1 Relaying requires a sender in a local domain";
    const QByteArray noAccount = "550 5.7.1 Relaying requires a sender with an account";
    const QString auth = QStringLiteral("SMTP Authentication"), rules = QStringLiteral("Sender Rules");

    // Rule 1: the "spoof the boss" hole, and what lets a client claim a local sender.
    QTest::newRow("stranger claims a local sender") << "" << Login::None << false << false << "alice@example.test" << localAuth << auth;
    QTest::newRow("stranger claims an unknown local sender") << "" << Login::None << false << false << "boss@example.test" << localAuth << auth;
    QTest::newRow("stranger, remote sender") << "" << Login::None << false << false << "x@remote.example" << QByteArray() << QString();
    QTest::newRow("stranger, null sender") << "" << Login::None << false << false << "" << QByteArray() << QString();
    QTest::newRow("rule off: stranger claims local") << "local-senders-off" << Login::None << false << false << "alice@example.test" << QByteArray() << QString();
    QTest::newRow("trusted, local sender") << "" << Login::None << true << false << "alice@example.test" << QByteArray() << rules;
    QTest::newRow("SMTP after POP, local sender") << "" << Login::None << false << true << "bob@example.test" << QByteArray() << rules;
    QTest::newRow("authenticated, own address") << "" << Login::Alice << false << false << "alice@example.test" << QByteArray() << rules;

    // Rule 3, sender_rules.auth_must_match.
    QTest::newRow("authenticated, alias of its own") << "" << Login::Alice << false << false << "team@example.test" << QByteArray() << rules;
    QTest::newRow("authenticated as alice, sends as bob") << "" << Login::Alice << false << false << "bob@example.test" << notOwned << rules;
    QTest::newRow("authenticated, remote sender") << "" << Login::Alice << false << false << "alice@remote.example" << notOwned << rules;
    QTest::newRow("authenticated and trusted, still must match") << "" << Login::Alice << true << false << "bob@example.test" << notOwned << rules;
    QTest::newRow("match off: alice sends as bob") << "match-off" << Login::Alice << false << false << "bob@example.test" << QByteArray() << rules;
    QTest::newRow("authenticated, null sender") << "" << Login::Alice << false << false << "" << QByteArray() << QString();
    QTest::newRow("SMTP-only login, any local address") << "" << Login::Scanner << false << false << "anyone@example.test" << QByteArray() << rules;
    QTest::newRow("SMTP-only login, remote address") << "" << Login::Scanner << false << false << "x@remote.example" << notOwned << rules;

    // Rule 3, the seed's two Sender Rules, for relaying clients only.
    QTest::newRow("local domain only: trusted, remote sender") << "local-domain-only" << Login::None << true << false << "x@remote.example" << notLocal << rules;
    QTest::newRow("local domain only: trusted, local sender") << "local-domain-only" << Login::None << true << false << "boss@example.test" << QByteArray() << rules;
    QTest::newRow("local domain only: POP window, remote sender") << "local-domain-only" << Login::None << false << true << "x@remote.example" << notLocal << rules;
    QTest::newRow("local domain only: stranger, remote sender") << "local-domain-only" << Login::None << false << false << "x@remote.example" << QByteArray() << QString();
    QTest::newRow("local domain only, match off: authenticated remote") << "local-domain-only match-off" << Login::Alice << false << false << "a@remote.example" << notLocal << rules;
    QTest::newRow("account only: trusted, unknown local user") << "account-only" << Login::None << true << false << "boss@example.test" << noAccount << rules;
    QTest::newRow("account only: trusted, account") << "account-only" << Login::None << true << false << "bob@example.test" << QByteArray() << rules;
    QTest::newRow("account only: trusted, alias") << "account-only" << Login::None << true << false << "team@example.test" << QByteArray() << rules;
    QTest::newRow("account only: trusted, remote") << "account-only" << Login::None << true << false << "x@remote.example" << noAccount << rules;
    QTest::newRow("account only: stranger, remote") << "account-only" << Login::None << false << false << "x@remote.example" << QByteArray() << QString();
    QTest::newRow("both rules: trusted, null sender") << "local-domain-only account-only" << Login::None << true << false << "" << QByteArray() << QString();
}

void TestSenderRules::mailFrom()
{
    QFETCH(QString, flags);
    QFETCH(Login, login);
    QFETCH(bool, trusted);
    QFETCH(bool, pop);
    QFETCH(QString, sender);
    QFETCH(QByteArray, reply);
    QFETCH(QString, rule);
    FixtureDirectory directory;
    const PolicyDecision decision = SenderRules::mailFrom(settings(flags), standing(login, trusted, pop),
                                                          SenderFacts::of(sender, loginName(login), directory));
    QCOMPARE(decision.isAccept(), reply.isEmpty());
    QCOMPARE(decision.replyLine(), reply);
    QCOMPARE(decision.rule(), rule);
    if (!reply.isEmpty())
        QVERIFY2(!decision.detail().isEmpty(), "a refusal names its facts");
}

void TestSenderRules::headerFrom_data()
{
    QTest::addColumn<QString>("flags");
    QTest::addColumn<Login>("login");
    QTest::addColumn<QString>("from");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("own address") << "" << Login::Alice << "alice@example.test" << true;
    QTest::newRow("alias") << "" << Login::Alice << "team@example.test" << true;
    QTest::newRow("forged boss") << "" << Login::Alice << "boss@example.test" << false;
    QTest::newRow("forged remote") << "" << Login::Alice << "ceo@bank.example" << false;
    QTest::newRow("rule off") << "match-off" << Login::Alice << "boss@example.test" << true;
    QTest::newRow("not authenticated: not this rule's business") << "" << Login::None << "boss@example.test" << true;
}

void TestSenderRules::headerFrom()
{
    QFETCH(QString, flags);
    QFETCH(Login, login);
    QFETCH(QString, from);
    QFETCH(bool, accepted);
    FixtureDirectory directory;
    const PolicyDecision decision = SenderRules::headerFrom(settings(flags), standing(login, false, false),
                                                            SenderFacts::of(from, loginName(login), directory));
    QCOMPARE(decision.isAccept(), accepted);
    if (!accepted) {
        QCOMPARE(decision.replyLine(), QByteArray("553 5.7.1 Sender address not allowed for this login"));
        QVERIFY(decision.detail().contains(QStringLiteral("From: ") + from));
    }
}

void TestSenderRules::headerFromCheck_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("refusedAddress");   // empty: accepted
    QTest::newRow("own, with a display name") << QByteArray("Subject: x\r\nFrom: Alice <alice@example.test>\r\n") << QString();
    QTest::newRow("folded, alias") << QByteArray("From: \"The Team\"\r\n <team@example.test>\r\nTo: x@y.example\r\n") << QString();
    QTest::newRow("upper case") << QByteArray("FROM: ALICE@EXAMPLE.TEST\r\n") << QString();
    QTest::newRow("no From: at all") << QByteArray("Subject: x\r\n") << QString();
    QTest::newRow("forged boss") << QByteArray("From: The Boss <boss@example.test>\r\n") << QStringLiteral("boss@example.test");
    QTest::newRow("display name hides the real one")
        << QByteArray("From: \"alice@example.test\" <ceo@bank.example>\r\n") << QStringLiteral("ceo@bank.example");
    QTest::newRow("second mailbox foreign") << QByteArray("From: alice@example.test, bob@example.test\r\n") << QStringLiteral("bob@example.test");
    QTest::newRow("second From: field") << QByteArray("From: alice@example.test\r\nFrom: bob@example.test\r\n") << QStringLiteral("bob@example.test");
    QTest::newRow("garbage") << QByteArray("From: nobody at all\r\n") << QStringLiteral("nobody at all");
}

void TestSenderRules::headerFromCheck()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, refusedAddress);
    FixtureDirectory directory;
    const PolicyDecision decision = HeaderFromCheck::check(settings({}), standing(Login::Alice, false, false), directory, header);
    QCOMPARE(decision.isAccept(), refusedAddress.isEmpty());
    if (!refusedAddress.isEmpty()) {
        QCOMPARE(decision.replyLine(), QByteArray("553 5.7.1 Sender address not allowed for this login"));
        QVERIFY2(decision.detail().contains(QStringLiteral("From: ") + refusedAddress), qPrintable(decision.detail()));
    }
    // Not authenticated, or the rule off: From: is not checked.
    QVERIFY(HeaderFromCheck::check(settings({}), standing(Login::None, true, false), directory, header).isAccept());
    QVERIFY(HeaderFromCheck::check(settings(QStringLiteral("match-off")), standing(Login::Alice, false, false), directory, header).isAccept());
}

QTEST_GUILESS_MAIN(TestSenderRules)
#include "tst_senderrules.moc"
