#include <QHostAddress>
#include <QTest>

#include "caresanswer.h"
#include "dnscache.h"
#include "dnsserverlist.h"
#include "resolver.h"

// The DNS layer's pure parts: cache lifetimes and bounds, server lists, reverse names, answer TTLs.
class TestDnsCache : public QObject
{
    Q_OBJECT

private slots:
    void positiveLivesForItsTtl();
    void positiveTtlIsCapped();
    void negativeLivesAFixedTime();
    void transientFailuresAreNotKept();
    void keyIgnoresCase();
    void boundedInSize();
    void serverList_data();
    void serverList();
    void reverseName_data();
    void reverseName();
    void minimumAnswerTtl();
};

namespace {

DnsResult result(DnsStatus status, const QString &name = QStringLiteral("example.test"), quint32 ttl = 60,
                 DnsQueryType type = DnsQueryType::A)
{
    DnsResult r;
    r.type = type;
    r.name = name;
    r.status = status;
    r.ttlSeconds = ttl;
    if (status == DnsStatus::Found)
        r.addresses << QHostAddress(QStringLiteral("192.0.2.1"));
    return r;
}

}

void TestDnsCache::positiveLivesForItsTtl()
{
    DnsCache cache;
    cache.insert(result(DnsStatus::Found, QStringLiteral("example.test"), 60), 1000);
    const std::optional<DnsResult> hit = cache.find(DnsQueryType::A, QStringLiteral("example.test"), 1000 + 59000);
    QVERIFY(hit);
    QVERIFY(hit->fromCache);
    QCOMPARE(hit->ttlSeconds, 1u); // what is left, not the original 60
    QCOMPARE(hit->addresses.size(), 1);
    QVERIFY(!cache.find(DnsQueryType::Mx, QStringLiteral("example.test"), 2000)); // another type
    QVERIFY(!cache.find(DnsQueryType::A, QStringLiteral("example.test"), 1000 + 60000));
    QCOMPARE(cache.size(), 0);
}

void TestDnsCache::positiveTtlIsCapped()
{
    DnsCache cache(100, 10000);
    cache.insert(result(DnsStatus::Found, QStringLiteral("example.test"), 86400), 0);
    QVERIFY(cache.find(DnsQueryType::A, QStringLiteral("example.test"), 9999));
    QVERIFY(!cache.find(DnsQueryType::A, QStringLiteral("example.test"), 10000));
    cache.insert(result(DnsStatus::Found, QStringLiteral("zero.test"), 0), 0);
    QVERIFY(!cache.find(DnsQueryType::A, QStringLiteral("zero.test"), 0));
}

void TestDnsCache::negativeLivesAFixedTime()
{
    DnsCache cache(100, 3600000, 5000);
    cache.insert(result(DnsStatus::NxDomain, QStringLiteral("nx.test"), 0), 0);
    cache.insert(result(DnsStatus::NoData, QStringLiteral("nodata.test"), 0), 0);
    cache.insert(result(DnsStatus::NullMx, QStringLiteral("null.test"), 3600, DnsQueryType::Mx), 0);
    QCOMPARE(cache.find(DnsQueryType::A, QStringLiteral("nx.test"), 4999)->status, DnsStatus::NxDomain);
    QCOMPARE(cache.find(DnsQueryType::A, QStringLiteral("nodata.test"), 4999)->status, DnsStatus::NoData);
    QCOMPARE(cache.find(DnsQueryType::Mx, QStringLiteral("null.test"), 4999)->status, DnsStatus::NullMx);
    QVERIFY(!cache.find(DnsQueryType::A, QStringLiteral("nx.test"), 5000));
    QVERIFY(!cache.find(DnsQueryType::Mx, QStringLiteral("null.test"), 5000));
}

void TestDnsCache::transientFailuresAreNotKept()
{
    DnsCache cache;
    cache.insert(result(DnsStatus::ServerFailure), 0);
    cache.insert(result(DnsStatus::Timeout, QStringLiteral("slow.test")), 0);
    QCOMPARE(cache.size(), 0);
}

void TestDnsCache::keyIgnoresCase()
{
    DnsCache cache;
    cache.insert(result(DnsStatus::Found, QStringLiteral("Example.TEST")), 0);
    QVERIFY(cache.find(DnsQueryType::A, QStringLiteral("example.test"), 1));
}

void TestDnsCache::boundedInSize()
{
    DnsCache cache(3);
    cache.insert(result(DnsStatus::Found, QStringLiteral("short.test"), 10), 0);
    cache.insert(result(DnsStatus::Found, QStringLiteral("long1.test"), 100), 0);
    cache.insert(result(DnsStatus::Found, QStringLiteral("long2.test"), 100), 0);
    cache.insert(result(DnsStatus::Found, QStringLiteral("long3.test"), 100), 0);
    QCOMPARE(cache.size(), 3);
    QVERIFY(!cache.find(DnsQueryType::A, QStringLiteral("short.test"), 1)); // the one expiring first went
    QVERIFY(cache.find(DnsQueryType::A, QStringLiteral("long3.test"), 1));
    // Replacing an entry does not evict another.
    cache.insert(result(DnsStatus::Found, QStringLiteral("long1.test"), 200), 2);
    QCOMPARE(cache.size(), 3);
    for (int i = 0; i < 100; ++i)
        cache.insert(result(DnsStatus::NxDomain, QStringLiteral("n%1.test").arg(i)), 3);
    QCOMPARE(cache.size(), 3);
}

void TestDnsCache::serverList_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // "!" = rejected
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("ipv4") << QStringLiteral("192.0.2.1") << QStringLiteral("192.0.2.1");
    QTest::newRow("ipv4 port") << QStringLiteral("127.0.0.1:5353") << QStringLiteral("127.0.0.1:5353");
    QTest::newRow("ipv6 port") << QStringLiteral("[::1]:5353") << QStringLiteral("[::1]:5353");
    QTest::newRow("ipv6 bare") << QStringLiteral("::1") << QStringLiteral("::1");
    QTest::newRow("ipv6 bracketed no port") << QStringLiteral("[::1]") << QStringLiteral("::1");
    QTest::newRow("list") << QStringLiteral(" 127.0.0.1:5353 , [::1]:5353,192.0.2.1")
                          << QStringLiteral("127.0.0.1:5353,[::1]:5353,192.0.2.1");
    QTest::newRow("scoped ipv6") << QStringLiteral("fe80::1%eth0") << QStringLiteral("!");
    QTest::newRow("name") << QStringLiteral("localhost") << QStringLiteral("!");
    QTest::newRow("port 0") << QStringLiteral("127.0.0.1:0") << QStringLiteral("!");
    QTest::newRow("empty port") << QStringLiteral("127.0.0.1:") << QStringLiteral("!");
    QTest::newRow("ipv6 empty port") << QStringLiteral("[::1]:") << QStringLiteral("!");
}

void TestDnsCache::serverList()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QString error;
    const std::optional<QStringList> entries = DnsServerList::parse(text, &error);
    if (expected == QStringLiteral("!")) {
        QVERIFY(!entries);
        QVERIFY(!error.isEmpty());
        return;
    }
    QVERIFY2(entries, qPrintable(error));
    QCOMPARE(DnsServerList::toCaresCsv(*entries), expected);
}

void TestDnsCache::reverseName_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ipv4") << QStringLiteral("192.0.2.10") << QStringLiteral("10.2.0.192.in-addr.arpa");
    QTest::newRow("mapped ipv4") << QStringLiteral("::ffff:192.0.2.10") << QStringLiteral("10.2.0.192.in-addr.arpa");
    QTest::newRow("ipv6") << QStringLiteral("2001:db8::567:89ab")
                          << QStringLiteral("b.a.9.8.7.6.5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa");
    QTest::newRow("null") << QString() << QString();
}

void TestDnsCache::reverseName()
{
    QFETCH(QString, address);
    QFETCH(QString, expected);
    QCOMPARE(Resolver::reverseName(QHostAddress(address)), expected);
}

void TestDnsCache::minimumAnswerTtl()
{
    // Header (1 question, 2 answers), question a.test A, then two A records with TTLs 300 and 120,
    // the second with a compressed name.
    const QByteArray message = QByteArray::fromHex(
        "1234818000010002000000000161047465737400" "00010001"
        "c00c00010001" "0000012c" "0004" "7f000005"
        "c00c00010001" "00000078" "0004" "7f000006");
    const auto *data = reinterpret_cast<const unsigned char *>(message.constData());
    QCOMPARE(CaresAnswer::minimumAnswerTtl(data, int(message.size())), 120u);
    QCOMPARE(CaresAnswer::minimumAnswerTtl(data, 30), 0u); // truncated: no complete answer
    QCOMPARE(CaresAnswer::minimumAnswerTtl(nullptr, 0), 0u);
}

QTEST_GUILESS_MAIN(TestDnsCache)
#include "tst_dnscache.moc"
