#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QNetworkDatagram>
#include <QTest>
#include <QTimer>
#include <QUdpSocket>

#include <optional>

#include "caresresolver.h"
#include "dnsmasqserver.h"
#include "settings.h"

// CAresResolver against a real nameserver: dnsmasq on loopback with fixture records.
class TestDnsResolver : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void lookup_data();
    void lookup();
    void mxSortedByPreference();
    void ptrFromAddress();
    void refusedIsServerFailure();
    void serverOnIpv6WithPort();
    void optionsFromSettings();
    void deadlineFiresWhenServerIsSilent();
    void positiveAnswerIsCached();
    void negativeAnswerIsCached();
    void timeoutIsNotCached();
    void lateAnswerIsCached();
    void invalidNameFailsWithoutAQuery();
    void callbackSkippedWhenContextDies();
    void callbackNeverRunsInsideLookup();
    void destroyingResolverWithQueriesInFlight();

private:
    [[nodiscard]] bool startFixture(DnsmasqServer *server, bool alsoIpv6 = false);
    // Runs one lookup and waits (bounded) for its single answer.
    [[nodiscard]] static std::optional<DnsResult> resolve(Resolver &resolver, DnsQueryType type, const QString &name,
                                                          int waitMs = 10000);

    DnsmasqServer m_dns;
};

namespace {

QStringList fixtureRecords()
{
    QStringList records = DnsmasqServer::baseRecords();
    records << QStringLiteral("--mx-host=mail.test,mx2.mail.test,20") << QStringLiteral("--mx-host=mail.test,mx1.mail.test,10")
            << QStringLiteral("--mx-host=nullmx.test,.,0") << QStringLiteral("--address=/a.test/127.0.0.5")
            << QStringLiteral("--host-record=dual.test,127.0.0.6,fd00::6") << QStringLiteral("--host-record=v4only.test,127.0.0.8")
            << QStringLiteral("--txt-record=txtonly.test,hello") << QStringLiteral("--ptr-record=7.0.0.127.in-addr.arpa,ptr.test");
    return records;
}

CAresResolver::Options optionsFor(const QStringList &servers, int timeoutMs = 3000)
{
    CAresResolver::Options options;
    options.servers = servers;
    options.timeoutMs = timeoutMs;
    return options;
}

}

bool TestDnsResolver::startFixture(DnsmasqServer *server, bool alsoIpv6)
{
    QString why;
    if (!server->start(fixtureRecords(), &why, alsoIpv6)) {
        qWarning("%s", qPrintable(why));
        return false;
    }
    return true;
}

std::optional<DnsResult> TestDnsResolver::resolve(Resolver &resolver, DnsQueryType type, const QString &name, int waitMs)
{
    std::optional<DnsResult> answer;
    int calls = 0;
    QObject context;
    resolver.lookup(type, name, &context, [&](const DnsResult &result) {
        answer = result;
        ++calls;
    });
    const QDeadlineTimer deadline(waitMs);
    while (calls == 0 && !deadline.hasExpired())
        QTest::qWait(5);
    // A second delivery would be a bug: give it a moment to show up.
    QTest::qWait(20);
    if (calls != 1)
        return std::nullopt;
    return answer;
}

void TestDnsResolver::initTestCase()
{
    const QString why = DnsmasqServer::unavailableReason();
    if (!why.isEmpty())
        QSKIP(qPrintable(why));
    QVERIFY(startFixture(&m_dns));
}

void TestDnsResolver::lookup_data()
{
    QTest::addColumn<DnsQueryType>("type");
    QTest::addColumn<QString>("name");
    QTest::addColumn<DnsStatus>("status");
    QTest::addColumn<QString>("expected"); // records joined with ','
    QTest::newRow("mx") << DnsQueryType::Mx << QStringLiteral("mail.test") << DnsStatus::Found
                        << QStringLiteral("10 mx1.mail.test,20 mx2.mail.test");
    QTest::newRow("mx name case and root dot") << DnsQueryType::Mx << QStringLiteral("MAIL.Test.") << DnsStatus::Found
                                               << QStringLiteral("10 mx1.mail.test,20 mx2.mail.test");
    QTest::newRow("null mx") << DnsQueryType::Mx << QStringLiteral("nullmx.test") << DnsStatus::NullMx << QStringLiteral("0 ");
    QTest::newRow("mx nodata") << DnsQueryType::Mx << QStringLiteral("txtonly.test") << DnsStatus::NoData << QString();
    QTest::newRow("mx nxdomain") << DnsQueryType::Mx << QStringLiteral("nowhere.test") << DnsStatus::NxDomain << QString();
    QTest::newRow("a") << DnsQueryType::A << QStringLiteral("a.test") << DnsStatus::Found << QStringLiteral("127.0.0.5");
    QTest::newRow("a of host record") << DnsQueryType::A << QStringLiteral("dual.test") << DnsStatus::Found << QStringLiteral("127.0.0.6");
    QTest::newRow("a nodata") << DnsQueryType::A << QStringLiteral("mail.test") << DnsStatus::NoData << QString();
    QTest::newRow("a nxdomain") << DnsQueryType::A << QStringLiteral("nowhere.test") << DnsStatus::NxDomain << QString();
    QTest::newRow("aaaa") << DnsQueryType::Aaaa << QStringLiteral("dual.test") << DnsStatus::Found << QStringLiteral("fd00::6");
    QTest::newRow("aaaa nodata") << DnsQueryType::Aaaa << QStringLiteral("v4only.test") << DnsStatus::NoData << QString();
    QTest::newRow("ptr") << DnsQueryType::Ptr << QStringLiteral("7.0.0.127.in-addr.arpa") << DnsStatus::Found << QStringLiteral("ptr.test");
    QTest::newRow("ptr of host record") << DnsQueryType::Ptr << QStringLiteral("6.0.0.127.in-addr.arpa") << DnsStatus::Found
                                        << QStringLiteral("dual.test");
    QTest::newRow("ptr ipv6 of host record") << DnsQueryType::Ptr << Resolver::reverseName(QHostAddress(QStringLiteral("fd00::6")))
                                             << DnsStatus::Found << QStringLiteral("dual.test");
    QTest::newRow("ptr nxdomain") << DnsQueryType::Ptr << QStringLiteral("9.0.0.127.in-addr.arpa") << DnsStatus::NxDomain << QString();
}

void TestDnsResolver::lookup()
{
    QFETCH(DnsQueryType, type);
    QFETCH(QString, name);
    QFETCH(DnsStatus, status);
    QFETCH(QString, expected);
    CAresResolver resolver(optionsFor({m_dns.server()}));
    QVERIFY2(resolver.isValid(), qPrintable(resolver.initError()));
    const std::optional<DnsResult> result = resolve(resolver, type, name);
    QVERIFY(result);
    QCOMPARE(dnsStatusName(result->status), dnsStatusName(status));
    QCOMPARE(result->type, type);
    QVERIFY(!result->fromCache);
    QStringList records;
    for (const MxRecord &mx : result->mx)
        records << QStringLiteral("%1 %2").arg(mx.preference).arg(mx.exchange);
    for (const QHostAddress &address : result->addresses)
        records << address.toString();
    records << result->hostNames;
    QCOMPARE(records.join(QLatin1Char(',')), expected);
    if (status == DnsStatus::Found)
        QCOMPARE(result->ttlSeconds, 300u);
    QVERIFY(!result->isTemporaryFailure());
    QCOMPARE(result->isPermanentFailure(), status == DnsStatus::NxDomain || status == DnsStatus::NullMx);
}

void TestDnsResolver::mxSortedByPreference()
{
    // The fixture lists mx2 (20) before mx1 (10); whatever order the answer has, we sort.
    CAresResolver resolver(optionsFor({m_dns.server()}));
    const std::optional<DnsResult> result = resolve(resolver, DnsQueryType::Mx, QStringLiteral("mail.test"));
    QVERIFY(result);
    QCOMPARE(result->mx.size(), 2);
    QCOMPARE(result->mx.at(0), (MxRecord{10, QStringLiteral("mx1.mail.test")}));
}

void TestDnsResolver::ptrFromAddress()
{
    CAresResolver resolver(optionsFor({m_dns.server()}));
    std::optional<DnsResult> answer;
    resolver.lookupPtr(QHostAddress(QStringLiteral("127.0.0.7")), &resolver, [&](const DnsResult &result) { answer = result; });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
    QCOMPARE(answer->status, DnsStatus::Found);
    QCOMPARE(answer->hostNames, QStringList{QStringLiteral("ptr.test")});
    QCOMPARE(answer->name, QStringLiteral("7.0.0.127.in-addr.arpa"));
}

void TestDnsResolver::refusedIsServerFailure()
{
    // dnsmasq has no upstream: outside its local zones it answers REFUSED. No query leaves the machine.
    CAresResolver resolver(optionsFor({m_dns.server()}));
    const std::optional<DnsResult> result = resolve(resolver, DnsQueryType::A, QStringLiteral("example.com"));
    QVERIFY(result);
    QCOMPARE(dnsStatusName(result->status), dnsStatusName(DnsStatus::ServerFailure));
    QVERIFY(result->isTemporaryFailure());
    QVERIFY(!result->error.isEmpty());
}

void TestDnsResolver::serverOnIpv6WithPort()
{
    DnsmasqServer dns6;
    QString why;
    if (!dns6.start(fixtureRecords(), &why, true))
        QSKIP(qPrintable(QStringLiteral("no IPv6 loopback for dnsmasq: %1").arg(why)));
    CAresResolver resolver(optionsFor({dns6.ipv6Server()}));
    QVERIFY2(resolver.isValid(), qPrintable(resolver.initError()));
    const std::optional<DnsResult> result = resolve(resolver, DnsQueryType::A, QStringLiteral("a.test"));
    QVERIFY(result);
    QCOMPARE(result->status, DnsStatus::Found);
    QVERIFY(dns6.log().contains(QStringLiteral("from ::1")));
}

void TestDnsResolver::optionsFromSettings()
{
    const CAresResolver::Options defaults = CAresResolver::Options::fromSettings(Settings::fromStored({}));
    QVERIFY(defaults.servers.isEmpty()); // the system's
    QCOMPARE(defaults.timeoutMs, 5000);
    // The system's servers (/etc/resolv.conf) are read, never asked: no test leaves loopback.
    QVERIFY(CAresResolver(defaults).isValid());
    const Settings settings = Settings::fromStored({{QStringLiteral("dns.servers"), m_dns.server() + QStringLiteral(",[::1]:5353")},
                                                    {QStringLiteral("dns.timeout_ms"), QStringLiteral("1500")}});
    const CAresResolver::Options options = CAresResolver::Options::fromSettings(settings);
    QCOMPARE(options.servers, QStringList({m_dns.server(), QStringLiteral("[::1]:5353")}));
    QCOMPARE(options.timeoutMs, 1500);
    CAresResolver resolver(options);
    QVERIFY2(resolver.isValid(), qPrintable(resolver.initError()));
    const std::optional<DnsResult> result = resolve(resolver, DnsQueryType::A, QStringLiteral("a.test"));
    QVERIFY(result && result->status == DnsStatus::Found);
}

void TestDnsResolver::deadlineFiresWhenServerIsSilent()
{
    // A nameserver that reads every question and never answers.
    QUdpSocket silent;
    QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
    int received = 0;
    connect(&silent, &QUdpSocket::readyRead, this, [&] {
        while (silent.hasPendingDatagrams()) {
            silent.receiveDatagram();
            ++received;
        }
    });
    CAresResolver resolver(optionsFor({QStringLiteral("127.0.0.1:%1").arg(silent.localPort())}, 400));
    QElapsedTimer clock;
    clock.start();
    const std::optional<DnsResult> result = resolve(resolver, DnsQueryType::Mx, QStringLiteral("slow.test"), 5000);
    const qint64 elapsed = clock.elapsed();
    QVERIFY(result);
    QCOMPARE(dnsStatusName(result->status), dnsStatusName(DnsStatus::Timeout));
    QVERIFY(result->isTemporaryFailure());
    QVERIFY2(elapsed >= 350 && elapsed < 2000, qPrintable(QString::number(elapsed)));
    QVERIFY(received >= 1);
    QCOMPARE(resolver.pendingQueries(), 0);
}

void TestDnsResolver::positiveAnswerIsCached()
{
    DnsmasqServer dns;
    QVERIFY(startFixture(&dns));
    CAresResolver resolver(optionsFor({dns.server()}));
    const std::optional<DnsResult> first = resolve(resolver, DnsQueryType::Mx, QStringLiteral("mail.test"));
    QVERIFY(first && first->status == DnsStatus::Found && !first->fromCache);
    QTRY_COMPARE_WITH_TIMEOUT(dns.queriesFor(QStringLiteral("mail.test")), 1, 5000);
    dns.stop();
    const std::optional<DnsResult> second = resolve(resolver, DnsQueryType::Mx, QStringLiteral("Mail.Test"));
    QVERIFY(second);
    QCOMPARE(second->status, DnsStatus::Found);
    QVERIFY(second->fromCache);
    QCOMPARE(second->mx, first->mx);
    QVERIFY(second->ttlSeconds > 0 && second->ttlSeconds <= 300);
    QCOMPARE(dns.queriesFor(QStringLiteral("mail.test")), 1);
}

void TestDnsResolver::negativeAnswerIsCached()
{
    DnsmasqServer dns;
    QVERIFY(startFixture(&dns));
    CAresResolver resolver(optionsFor({dns.server()}));
    for (const DnsQueryType type : {DnsQueryType::A, DnsQueryType::Mx}) {
        const QString name = type == DnsQueryType::A ? QStringLiteral("nowhere.test") : QStringLiteral("nullmx.test");
        const std::optional<DnsResult> first = resolve(resolver, type, name);
        QVERIFY(first && !first->fromCache);
    }
    dns.stop();
    const std::optional<DnsResult> nx = resolve(resolver, DnsQueryType::A, QStringLiteral("nowhere.test"));
    QVERIFY(nx && nx->fromCache);
    QCOMPARE(nx->status, DnsStatus::NxDomain);
    const std::optional<DnsResult> nullMx = resolve(resolver, DnsQueryType::Mx, QStringLiteral("nullmx.test"));
    QVERIFY(nullMx && nullMx->fromCache);
    QCOMPARE(nullMx->status, DnsStatus::NullMx);
}

void TestDnsResolver::timeoutIsNotCached()
{
    QUdpSocket silent;
    QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
    CAresResolver resolver(optionsFor({QStringLiteral("127.0.0.1:%1").arg(silent.localPort())}, 200));
    const std::optional<DnsResult> first = resolve(resolver, DnsQueryType::A, QStringLiteral("a.test"), 5000);
    QVERIFY(first && first->status == DnsStatus::Timeout);
    QCOMPARE(resolver.cache().size(), 0);
    const std::optional<DnsResult> second = resolve(resolver, DnsQueryType::A, QStringLiteral("a.test"), 5000);
    QVERIFY(second && second->status == DnsStatus::Timeout && !second->fromCache);
}

void TestDnsResolver::lateAnswerIsCached()
{
    // A nameserver that answers every A question with 192.0.2.7, but 300 ms late.
    QUdpSocket slow;
    QVERIFY(slow.bind(QHostAddress::LocalHost, 0));
    connect(&slow, &QUdpSocket::readyRead, this, [&] {
        while (slow.hasPendingDatagrams()) {
            const QNetworkDatagram question = slow.receiveDatagram();
            QByteArray reply = question.data();
            if (reply.size() < 12)
                continue;
            reply[2] = char(0x85);  // QR, AA, RD
            reply[3] = char(0x80);  // RA, NOERROR
            reply[7] = 1;           // one answer
            reply += QByteArray::fromHex("c00c00010001000000780004c0000207"); // A 192.0.2.7, TTL 120
            QTimer::singleShot(300, &slow, [&slow, reply, sender = question.senderAddress(), port = question.senderPort()] {
                slow.writeDatagram(reply, sender, port);
            });
        }
    });
    CAresResolver resolver(optionsFor({QStringLiteral("127.0.0.1:%1").arg(slow.localPort())}, 150));
    const std::optional<DnsResult> first = resolve(resolver, DnsQueryType::A, QStringLiteral("late.test"), 5000);
    QVERIFY(first);
    QCOMPARE(dnsStatusName(first->status), dnsStatusName(DnsStatus::Timeout));
    QTRY_COMPARE_WITH_TIMEOUT(resolver.cache().size(), 1, 5000);
    const std::optional<DnsResult> second = resolve(resolver, DnsQueryType::A, QStringLiteral("late.test"), 5000);
    QVERIFY(second);
    QCOMPARE(second->status, DnsStatus::Found);
    QVERIFY(second->fromCache);
    QCOMPARE(second->addresses, QList<QHostAddress>{QHostAddress(QStringLiteral("192.0.2.7"))});
}

void TestDnsResolver::invalidNameFailsWithoutAQuery()
{
    CAresResolver resolver(optionsFor({m_dns.server()}));
    const std::optional<DnsResult> result = resolve(resolver, DnsQueryType::A, QString());
    QVERIFY(result);
    QCOMPARE(result->status, DnsStatus::NxDomain);
    QCOMPARE(resolver.pendingQueries(), 0);
}

void TestDnsResolver::callbackSkippedWhenContextDies()
{
    CAresResolver resolver(optionsFor({m_dns.server()}));
    int calls = 0;
    auto context = std::make_unique<QObject>();
    resolver.lookupA(QStringLiteral("a.test"), context.get(), [&](const DnsResult &) { ++calls; });
    context.reset();
    QTRY_COMPARE_WITH_TIMEOUT(resolver.pendingQueries(), 0, 10000);
    QTest::qWait(50);
    QCOMPARE(calls, 0);
}

void TestDnsResolver::callbackNeverRunsInsideLookup()
{
    CAresResolver resolver(optionsFor({m_dns.server()}));
    QVERIFY(resolve(resolver, DnsQueryType::A, QStringLiteral("a.test"))); // now cached
    bool called = false;
    resolver.lookupA(QStringLiteral("a.test"), &resolver, [&](const DnsResult &) { called = true; });
    QVERIFY(!called);
    QTRY_VERIFY_WITH_TIMEOUT(called, 5000);
}

void TestDnsResolver::destroyingResolverWithQueriesInFlight()
{
    QUdpSocket silent;
    QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
    int calls = 0;
    {
        CAresResolver resolver(optionsFor({QStringLiteral("127.0.0.1:%1").arg(silent.localPort())}, 5000));
        resolver.lookupA(QStringLiteral("a.test"), this, [&](const DnsResult &) { ++calls; });
        resolver.lookupMx(QStringLiteral("mail.test"), this, [&](const DnsResult &) { ++calls; });
        QCOMPARE(resolver.pendingQueries(), 2);
    }
    QTest::qWait(50);
    QCOMPARE(calls, 0);
}

QTEST_GUILESS_MAIN(TestDnsResolver)
#include "tst_dnsresolver.moc"
