// Where a password may be sent without TLS: CIDR ranges, the auth.plaintext decision table (each
// mode x loopback / local network / other x encrypted or not), and the test-only loopback override
// that can only narrow.

#include "cidrrange.h"
#include "plaintextauthpolicy.h"
#include "settings.h"

#include <QHostAddress>
#include <QtTest>

class TestPlaintextAuthPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cidrContains_data();
    void cidrContains();
    void cidrRejects_data();
    void cidrRejects();
    void cidrCovers();
    void decisionTable_data();
    void decisionTable();
    void fromSettings();
    void loopbackOverrideOnlyNarrows_data();
    void loopbackOverrideOnlyNarrows();
    void refusalReasonNamesTheRule();
};

namespace {

CidrRange range(const char *text)
{
    const std::optional<CidrRange> parsed = CidrRange::parse(QLatin1String(text));
    Q_ASSERT(parsed);
    return *parsed;
}

}

void TestPlaintextAuthPolicy::cidrContains_data()
{
    QTest::addColumn<QString>("range");
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("contained");
    QTest::newRow("v4 inside") << QStringLiteral("192.168.0.0/16") << QStringLiteral("192.168.44.3") << true;
    QTest::newRow("v4 edge") << QStringLiteral("172.16.0.0/12") << QStringLiteral("172.31.255.255") << true;
    QTest::newRow("v4 past edge") << QStringLiteral("172.16.0.0/12") << QStringLiteral("172.32.0.0") << false;
    QTest::newRow("v4 mapped in v6") << QStringLiteral("10.0.0.0/8") << QStringLiteral("::ffff:10.1.2.3") << true;
    QTest::newRow("single host") << QStringLiteral("127.0.0.1") << QStringLiteral("127.0.0.1") << true;
    QTest::newRow("single host other") << QStringLiteral("127.0.0.1") << QStringLiteral("127.0.0.2") << false;
    QTest::newRow("v6 ula") << QStringLiteral("fc00::/7") << QStringLiteral("fd12:3456::1") << true;
    QTest::newRow("v6 outside") << QStringLiteral("fc00::/7") << QStringLiteral("2001:db8::1") << false;
    QTest::newRow("v4 never in v6 range") << QStringLiteral("::/0") << QStringLiteral("10.0.0.1") << false;
    QTest::newRow("everything v4") << QStringLiteral("0.0.0.0/0") << QStringLiteral("203.0.113.9") << true;
}

void TestPlaintextAuthPolicy::cidrContains()
{
    QFETCH(QString, range);
    QFETCH(QString, address);
    QFETCH(bool, contained);
    const std::optional<CidrRange> parsed = CidrRange::parse(range);
    QVERIFY(parsed);
    QCOMPARE(parsed->contains(QHostAddress(address)), contained);
}

void TestPlaintextAuthPolicy::cidrRejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QStringLiteral("");
    QTest::newRow("name") << QStringLiteral("example.com/24");
    QTest::newRow("prefix too long v4") << QStringLiteral("10.0.0.0/33");
    QTest::newRow("prefix too long v6") << QStringLiteral("fc00::/129");
    QTest::newRow("prefix empty") << QStringLiteral("10.0.0.0/");
    QTest::newRow("prefix sign") << QStringLiteral("10.0.0.0/+8");
    QTest::newRow("two slashes") << QStringLiteral("10.0.0.0/8/8");
    QTest::newRow("octet too big") << QStringLiteral("10.0.0.256/8");
    QTest::newRow("scope id") << QStringLiteral("fe80::1%lo/64");
    QTest::newRow("three parts (inet_aton shorthand)") << QStringLiteral("1.2.3");
    QTest::newRow("one number") << QStringLiteral("16909060");
    QTest::newRow("octal part") << QStringLiteral("010.0.0.1/8");
    QTest::newRow("hex part") << QStringLiteral("0x7f.0.0.1");
    QTest::newRow("five parts") << QStringLiteral("1.2.3.4.5");
}

void TestPlaintextAuthPolicy::cidrRejects()
{
    QFETCH(QString, text);
    QString error;
    QVERIFY(!CidrRange::parse(text, &error));
    QVERIFY2(error.contains(QLatin1Char('"') + text + QLatin1Char('"')), qPrintable(error));
    QVERIFY(!CidrRange::parseList(QStringLiteral("10.0.0.0/8, ") + text + QStringLiteral(",fc00::/7"), &error) || text.isEmpty());
}

void TestPlaintextAuthPolicy::cidrCovers()
{
    QVERIFY(range("127.0.0.0/8").covers(range("127.0.0.1/32")));
    QVERIFY(range("127.0.0.0/8").covers(range("127.0.0.0/8")));
    QVERIFY(!range("127.0.0.0/8").covers(range("127.0.0.0/7")));
    QVERIFY(!range("127.0.0.0/8").covers(range("10.0.0.1/32")));
    QVERIFY(!range("::1/128").covers(range("::/0")));
    QCOMPARE(range("10.1.2.3/8").toString(), QStringLiteral("10.0.0.0/8"));
    QCOMPARE(range("2001:db8::1/32").toString(), QStringLiteral("2001:db8::/32"));
}

void TestPlaintextAuthPolicy::decisionTable_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("client");
    QTest::addColumn<bool>("encrypted");
    QTest::addColumn<bool>("allowed");

    struct Place { const char *name; const char *address; };
    // Local ranges below: 192.168.0.0/16 and fd00::/8.
    const Place places[] = {{"loopback", "127.0.0.1"}, {"loopback v6", "::1"}, {"loopback 127/8", "127.3.4.5"},
                            {"local network", "192.168.1.20"}, {"local network v6", "fd00::20"},
                            {"other", "203.0.113.9"}, {"other v6", "2001:db8::9"}};
    using Mode = PlaintextAuthPolicy::Mode;
    const auto expected = [](Mode mode, const QString &place) {
        switch (mode) {
        case Mode::Never: return false;
        case Mode::Loopback: return place.startsWith(QStringLiteral("loopback"));
        case Mode::LocalNetworks: return !place.startsWith(QStringLiteral("other"));
        case Mode::Always: return true;
        }
        return false;
    };
    for (Mode mode : {Mode::Never, Mode::Loopback, Mode::LocalNetworks, Mode::Always}) {
        for (const Place &place : places) {
            const QString name = QString::fromLatin1(place.name);
            QTest::addRow("%s, %s, clear text", qPrintable(PlaintextAuthPolicy::modeName(mode)), place.name)
                << int(mode) << QString::fromLatin1(place.address) << false << expected(mode, name);
            // Over TLS a password is never refused, whatever the mode and the address.
            QTest::addRow("%s, %s, TLS", qPrintable(PlaintextAuthPolicy::modeName(mode)), place.name)
                << int(mode) << QString::fromLatin1(place.address) << true << true;
        }
    }
}

void TestPlaintextAuthPolicy::decisionTable()
{
    QFETCH(int, mode);
    QFETCH(QString, client);
    QFETCH(bool, encrypted);
    QFETCH(bool, allowed);
    const PlaintextAuthPolicy policy(PlaintextAuthPolicy::Mode(mode), {range("192.168.0.0/16"), range("fd00::/8")});
    QCOMPARE(policy.allows(QHostAddress(client), encrypted), allowed);
}

void TestPlaintextAuthPolicy::fromSettings()
{
    const QList<CidrRange> loopback = PlaintextAuthPolicy::defaultLoopbackRanges();
    const PlaintextAuthPolicy defaults = PlaintextAuthPolicy::fromSettings(Settings::fromStored({}), loopback);
    QCOMPARE(defaults.mode(), PlaintextAuthPolicy::Mode::Loopback);
    QCOMPARE(defaults.classify(QHostAddress(QStringLiteral("10.9.8.7"))), PlaintextAuthPolicy::Network::Local);
    QCOMPARE(defaults.classify(QHostAddress(QStringLiteral("172.20.0.1"))), PlaintextAuthPolicy::Network::Local);
    QCOMPARE(defaults.classify(QHostAddress(QStringLiteral("fc00::1"))), PlaintextAuthPolicy::Network::Local);
    QCOMPARE(defaults.classify(QHostAddress(QStringLiteral("8.8.8.8"))), PlaintextAuthPolicy::Network::Other);
    QVERIFY(!defaults.allows(QHostAddress(QStringLiteral("10.9.8.7")), false));

    const PlaintextAuthPolicy office = PlaintextAuthPolicy::fromSettings(
        Settings::fromStored({{QStringLiteral("auth.plaintext"), QStringLiteral("local-networks")},
                              {QStringLiteral("network.local_ranges"), QStringLiteral("198.51.100.0/24")}}),
        loopback);
    QVERIFY(office.allows(QHostAddress(QStringLiteral("198.51.100.7")), false));
    QVERIFY(office.allows(QHostAddress(QStringLiteral("127.0.0.1")), false));
    QVERIFY(!office.allows(QHostAddress(QStringLiteral("10.9.8.7")), false));
}

void TestPlaintextAuthPolicy::loopbackOverrideOnlyNarrows_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("loopback");   // what counts as loopback afterwards
    QTest::newRow("unset") << QString() << QStringList{QStringLiteral("127.0.0.0/8"), QStringLiteral("::1/128")};
    QTest::newRow("one address") << QStringLiteral("127.0.0.1/32") << QStringList{QStringLiteral("127.0.0.1/32")};
    QTest::newRow("bare address") << QStringLiteral("127.0.0.1") << QStringList{QStringLiteral("127.0.0.1/32")};
    QTest::newRow("outside ignored") << QStringLiteral("127.0.0.1/32,10.0.0.0/8") << QStringList{QStringLiteral("127.0.0.1/32")};
    QTest::newRow("wider ignored") << QStringLiteral("0.0.0.0/0") << QStringList{QStringLiteral("127.0.0.0/8"), QStringLiteral("::1/128")};
    QTest::newRow("real address ignored") << QStringLiteral("203.0.113.9") << QStringList{QStringLiteral("127.0.0.0/8"), QStringLiteral("::1/128")};
    QTest::newRow("garbage ignored") << QStringLiteral("nonsense") << QStringList{QStringLiteral("127.0.0.0/8"), QStringLiteral("::1/128")};
}

void TestPlaintextAuthPolicy::loopbackOverrideOnlyNarrows()
{
    QFETCH(QString, value);
    QFETCH(QStringList, loopback);
    if (value.isNull())
        qunsetenv(PlaintextAuthPolicy::kTestLoopbackVariable);
    else
        qputenv(PlaintextAuthPolicy::kTestLoopbackVariable, value.toUtf8());
    QString warning;
    const QList<CidrRange> ranges = PlaintextAuthPolicy::loopbackRangesFromEnvironment(&warning);
    qunsetenv(PlaintextAuthPolicy::kTestLoopbackVariable);
    QStringList names;
    for (const CidrRange &r : ranges)
        names << r.toString();
    QCOMPARE(names, loopback);
    QCOMPARE(warning.isEmpty(), value.isNull());

    // Whatever the variable says, a real outside address is never loopback.
    const PlaintextAuthPolicy policy(PlaintextAuthPolicy::Mode::Loopback, {}, ranges);
    QVERIFY(!policy.allows(QHostAddress(QStringLiteral("203.0.113.9")), false));
    QVERIFY(!policy.allows(QHostAddress(QStringLiteral("10.1.1.1")), false));
    QVERIFY(policy.allows(QHostAddress(QStringLiteral("127.0.0.1")), false));
}

void TestPlaintextAuthPolicy::refusalReasonNamesTheRule()
{
    const PlaintextAuthPolicy policy(PlaintextAuthPolicy::Mode::Loopback, {});
    const QString reason = policy.refusalReason(QHostAddress(QStringLiteral("192.0.2.7")));
    QVERIFY2(reason.contains(QStringLiteral("auth.plaintext")) && reason.contains(QStringLiteral("192.0.2.7")), qPrintable(reason));
}

QTEST_GUILESS_MAIN(TestPlaintextAuthPolicy)
#include "tst_plaintextauthpolicy.moc"
