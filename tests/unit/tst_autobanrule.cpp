// The auto-ban rule as a table: threshold, window edges, a repeated password counted once, the
// same password for other users (spraying) counted apiece, relay attempts, the never-list, off.

#include "autobanrule.h"

#include <QtTest>

#include "passwordfingerprint.h"
#include "settings.h"

Q_DECLARE_METATYPE(AutoBanSettings)

class TestAutoBanRule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decide_data();
    void decide();
    void decisionNamesTheHostAndExpiry();
    void ipv6HostRange();
    void userNamesAreEscapedAndShortened();
    void settingsDefaultsNeverBanLoopbackOrLocal();
    void settingsNoneEmptiesTheNeverList();
};

namespace {

const QDateTime kNow(QDate(2026, 11, 29), QTime(12, 0), Qt::UTC);

// "L user password secondsAgo" or "R recipient secondsAgo", separated by ';'.
QList<AuthFailure> events(const QString &spec, const QHostAddress &client)
{
    QList<AuthFailure> result;
    for (const QString &item : spec.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QStringList f = item.simplified().split(QLatin1Char(' '));
        AuthFailure failure;
        failure.client = client;
        failure.service = QStringLiteral("smtp");
        failure.user = f.at(1);
        if (f.at(0) == QStringLiteral("R")) {
            failure.kind = AuthFailure::Kind::Relay;
            failure.mechanism = QStringLiteral("RCPT");
            failure.time = kNow.addSecs(-f.at(2).toInt());
        } else {
            failure.mechanism = QStringLiteral("PLAIN");
            failure.passwordFingerprint = PasswordFingerprint::of(f.at(1), f.at(2));
            failure.time = kNow.addSecs(-f.at(3).toInt());
        }
        result << failure;
    }
    // The recorder hands them over oldest first.
    std::stable_sort(result.begin(), result.end(), [](const AuthFailure &a, const AuthFailure &b) { return a.time < b.time; });
    return result;
}

AutoBanSettings settings(int maxFailures, int windowMinutes = 10, const QString &never = {}, bool enabled = true)
{
    AutoBanSettings result;
    result.enabled = enabled;
    result.maxFailures = maxFailures;
    result.windowMinutes = windowMinutes;
    result.banMinutes = 60;
    result.never = CidrRange::parseList(never).value_or(QList<CidrRange>());
    return result;
}

}

void TestAutoBanRule::decide_data()
{
    QTest::addColumn<AutoBanSettings>("rule");
    QTest::addColumn<QString>("client");
    QTest::addColumn<QString>("failures");
    QTest::addColumn<QString>("reason");   // empty: no ban

    QTest::newRow("threshold reached") << settings(3) << "203.0.113.5"
        << "L bob@example.com a 30; L bob@example.com b 20; L bob@example.com c 10"
        << "auto-ban: 3 failed logins for bob@example.com";
    QTest::newRow("one short") << settings(3) << "203.0.113.5" << "L bob@example.com a 30; L bob@example.com b 20"
                               << QString();
    QTest::newRow("window edge, oldest exactly at the edge counts") << settings(3, 10) << "203.0.113.5"
        << "L bob x 600; L bob y 300; L bob z 0" << "auto-ban: 3 failed logins for bob";
    QTest::newRow("window edge, oldest one second past it does not") << settings(3, 10) << "203.0.113.5"
        << "L bob x 601; L bob y 300; L bob z 0" << QString();
    QTest::newRow("same password repeated counts once") << settings(3) << "203.0.113.5"
        << "L bob old 50; L bob old 40; L bob old 30; L bob old 20; L bob old 10; L bob old 0" << QString();
    QTest::newRow("user name case does not make a repeat new") << settings(2) << "203.0.113.5"
        << "L bob@example.com old 20; L BOB@example.com old 10" << QString();
    QTest::newRow("repeat plus new guesses") << settings(3) << "203.0.113.5"
        << "L bob old 50; L bob old 40; L bob new1 30; L bob old 20; L bob new2 10"
        << "auto-ban: 3 failed logins for bob";
    QTest::newRow("same password for other users is spraying") << settings(3) << "203.0.113.5"
        << "L alice Summer2026 30; L bob Summer2026 20; L carol Summer2026 10"
        << "auto-ban: 3 failed logins for alice, bob, carol";
    QTest::newRow("most tried users first, the rest counted") << settings(6) << "203.0.113.5"
        << "L u1 a 60; L u2 a 50; L u3 b 40; L u3 c 35; L u4 a 30; L u5 a 20; L u3 d 10"
        << "auto-ban: 7 failed logins for u3, u1, u2 and 2 more";
    QTest::newRow("relay attempts count, each") << settings(3) << "203.0.113.5"
        << "R x@example.net 30; R x@example.net 20; R y@example.net 10" << "auto-ban: 3 relay attempts";
    QTest::newRow("logins and relays together") << settings(3) << "203.0.113.5"
        << "R x@example.net 30; L bob a 20; L bob b 10" << "auto-ban: 2 failed logins for bob, 1 relay attempt";
    QTest::newRow("never-list holds the client") << settings(3, 10, QStringLiteral("203.0.113.0/24")) << "203.0.113.5"
        << "L bob a 30; L bob b 20; L bob c 10" << QString();
    QTest::newRow("never-list holds others") << settings(3, 10, QStringLiteral("198.51.100.0/24,127.0.0.0/8"))
        << "203.0.113.5" << "L bob a 30; L bob b 20; L bob c 10" << "auto-ban: 3 failed logins for bob";
    QTest::newRow("IPv4-mapped client in the never-list") << settings(3, 10, QStringLiteral("127.0.0.0/8"))
        << "::ffff:127.0.0.5" << "L bob a 30; L bob b 20; L bob c 10" << QString();
    QTest::newRow("disabled") << settings(3, 10, {}, false) << "203.0.113.5" << "L bob a 30; L bob b 20; L bob c 10"
                              << QString();
    QTest::newRow("failures from the future are not counted") << settings(3) << "203.0.113.5"
        << "L bob a 30; L bob b 20; L bob c -10" << QString();
}

void TestAutoBanRule::decide()
{
    QFETCH(AutoBanSettings, rule);
    QFETCH(QString, client);
    QFETCH(QString, failures);
    QFETCH(QString, reason);
    const QHostAddress address(client);
    const std::optional<AutoBanDecision> decision = AutoBanRule::decide(rule, address, events(failures, address), kNow);
    QCOMPARE(decision.has_value(), !reason.isEmpty());
    if (decision)
        QCOMPARE(decision->reason, reason);
}

void TestAutoBanRule::decisionNamesTheHostAndExpiry()
{
    const QHostAddress client(QStringLiteral("::ffff:203.0.113.5"));
    AutoBanSettings rule = settings(2, 10);
    rule.banMinutes = 90;
    const auto decision = AutoBanRule::decide(rule, client, events(QStringLiteral("L bob a 20; L bob b 10"), client),
                                              kNow.addMSecs(400));
    QVERIFY(decision);
    QCOMPARE(decision->range, QStringLiteral("203.0.113.5/32"));
    QCOMPARE(decision->client, QHostAddress(QStringLiteral("203.0.113.5")));
    QCOMPARE(decision->failures, 2);
    QCOMPARE(decision->windowMinutes, 10);
    QCOMPARE(decision->banMinutes, 90);
    QCOMPARE(decision->expires, kNow.addSecs(90 * 60));   // whole seconds, as the list stores them
    QCOMPARE(decision->detail, QStringLiteral("2 failed logins for bob"));
}

void TestAutoBanRule::ipv6HostRange()
{
    const QHostAddress client(QStringLiteral("2001:db8::7"));
    const auto decision = AutoBanRule::decide(settings(1), client, events(QStringLiteral("R x@example.net 5"), client), kNow);
    QVERIFY(decision);
    QCOMPARE(decision->range, QStringLiteral("2001:db8::7/128"));
}

void TestAutoBanRule::userNamesAreEscapedAndShortened()
{
    const QHostAddress client(QStringLiteral("203.0.113.5"));
    QList<AuthFailure> list = events(QStringLiteral("L placeholder a 10"), client);
    list[0].user = QStringLiteral("evil\tname\r\n") + QString(100, QLatin1Char('x'));
    const auto decision = AutoBanRule::decide(settings(1), client, list, kNow);
    QVERIFY(decision);
    // A ban's comment is one field of `ban list`'s tab-separated line.
    QVERIFY(!decision->reason.contains(QLatin1Char('\t')));
    QVERIFY(!decision->reason.contains(QLatin1Char('\n')));
    QVERIFY(decision->reason.startsWith(QStringLiteral("auto-ban: 1 failed login for evil\\tname\\r\\nxxx")));
    QVERIFY(decision->reason.endsWith(QStringLiteral("...")));
    QVERIFY(decision->reason.size() < 120);
}

void TestAutoBanRule::settingsDefaultsNeverBanLoopbackOrLocal()
{
    const AutoBanSettings defaults = AutoBanSettings::fromSettings(Settings::fromStored({}));
    QVERIFY(defaults.enabled);
    QCOMPARE(defaults.maxFailures, 10);
    QCOMPARE(defaults.windowMinutes, 10);
    QCOMPARE(defaults.banMinutes, 60);
    const QString many = QStringLiteral("L u a 1; L u b 2; L u c 3; L u d 4; L u e 5; L u f 6; L u g 7; L u h 8; L u i 9; L u j 10; L u k 11");
    for (const char *address : {"127.0.0.1", "127.0.0.2", "::1", "192.168.1.20", "10.1.2.3", "172.16.5.5", "fd00::5"}) {
        const QHostAddress local(QString::fromLatin1(address));
        QVERIFY2(!AutoBanRule::decide(defaults, local, events(many, local), kNow), address);
    }
    const QHostAddress outside(QStringLiteral("203.0.113.5"));
    QVERIFY(AutoBanRule::decide(defaults, outside, events(many, outside), kNow));
}

void TestAutoBanRule::settingsNoneEmptiesTheNeverList()
{
    for (const QString &value : {QStringLiteral("none"), QString(), QStringLiteral(" NONE ")}) {
        const AutoBanSettings rule = AutoBanSettings::fromSettings(
            Settings::fromStored({{QStringLiteral("autoban.never"), value}, {QStringLiteral("autoban.max_failures"), QStringLiteral("2")}}));
        QVERIFY2(rule.never.isEmpty(), qPrintable(value));
    }
    const AutoBanSettings none = AutoBanSettings::fromSettings(Settings::fromStored({{QStringLiteral("autoban.never"), QStringLiteral("none")}}));
    QVERIFY(none.never.isEmpty());
    const AutoBanSettings narrowed
        = AutoBanSettings::fromSettings(Settings::fromStored({{QStringLiteral("autoban.never"), QStringLiteral("127.0.0.9")}}));
    QCOMPARE(narrowed.never.size(), 1);
    QVERIFY(narrowed.never.first().contains(QHostAddress(QStringLiteral("127.0.0.9"))));
    QVERIFY(!narrowed.never.first().contains(QHostAddress(QStringLiteral("127.0.0.10"))));
}

QTEST_GUILESS_MAIN(TestAutoBanRule)
#include "tst_autobanrule.moc"
