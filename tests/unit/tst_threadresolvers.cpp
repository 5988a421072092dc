// ThreadResolvers against dnsmasq on loopback: each thread its own resolver, one cache for all,
// options changed while lookups are in flight.

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QUdpSocket>

#include <optional>

#include "dnsmasqserver.h"
#include "threadresolvers.h"

class TestThreadResolvers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void eachThreadItsOwnResolverOneCache();
    void optionsChangeAppliesToTheNextLookup();
    void replacedResolverStillAnswers();

private:
    DnsmasqServer m_dns;
};

namespace {

CAresResolver::Options optionsFor(const QString &server, int timeoutMs = 3000)
{
    CAresResolver::Options options;
    options.servers = {server};
    options.timeoutMs = timeoutMs;
    return options;
}

// One lookup on the calling thread's resolver, waited for (bounded) in a local event loop.
std::optional<DnsResult> resolve(ThreadResolvers &resolvers, DnsQueryType type, const QString &name)
{
    std::optional<DnsResult> answer;
    QEventLoop loop;
    QObject context;
    resolvers.forCurrentThread().lookup(type, name, &context, [&](const DnsResult &result) {
        answer = result;
        loop.quit();
    });
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    if (!answer)
        loop.exec();
    return answer;
}

}

void TestThreadResolvers::initTestCase()
{
    const QString why = DnsmasqServer::unavailableReason();
    if (!why.isEmpty())
        QSKIP(qPrintable(why));
    QStringList records = DnsmasqServer::baseRecords();
    records << QStringLiteral("--mx-host=mail.test,mx1.mail.test,10") << QStringLiteral("--mx-host=other.test,mx.other.test,10");
    QString error;
    QVERIFY2(m_dns.start(records, &error), qPrintable(error));
}

void TestThreadResolvers::eachThreadItsOwnResolverOneCache()
{
    ThreadResolvers resolvers(optionsFor(m_dns.server()));
    const std::optional<DnsResult> first = resolve(resolvers, DnsQueryType::Mx, QStringLiteral("mail.test"));
    QVERIFY(first);
    QCOMPARE(first->status, DnsStatus::Found);
    QVERIFY(!first->fromCache);
    Resolver *mainResolver = &resolvers.forCurrentThread();
    QCOMPARE(&resolvers.forCurrentThread(), mainResolver);

    Resolver *threadResolver = nullptr;
    std::optional<DnsResult> second;
    QThread *thread = QThread::create([&] {
        threadResolver = &resolvers.forCurrentThread();
        second = resolve(resolvers, DnsQueryType::Mx, QStringLiteral("mail.test"));
    });
    thread->start();
    QVERIFY(thread->wait(QDeadlineTimer(15000)));   // its resolver is deleted in it as it ends
    delete thread;
    QVERIFY(threadResolver && threadResolver != mainResolver);
    QVERIFY(second);
    QCOMPARE(second->status, DnsStatus::Found);
    QVERIFY(second->fromCache);   // the other thread's answer
    QCOMPARE(m_dns.queriesFor(QStringLiteral("mail.test")), 1);
    QCOMPARE(resolvers.cache().size(), 1);
}

void TestThreadResolvers::optionsChangeAppliesToTheNextLookup()
{
    QUdpSocket silent;   // takes queries and never answers
    QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
    const QString dead = QStringLiteral("127.0.0.1:%1").arg(silent.localPort());

    ThreadResolvers resolvers(optionsFor(m_dns.server()));
    QCOMPARE(resolve(resolvers, DnsQueryType::Mx, QStringLiteral("other.test"))->status, DnsStatus::Found);
    resolvers.setOptions(optionsFor(m_dns.server()));   // the same: the cache stays
    QVERIFY(resolve(resolvers, DnsQueryType::Mx, QStringLiteral("other.test"))->fromCache);

    resolvers.setOptions(optionsFor(dead, 300));
    QCOMPARE(resolvers.cache().size(), 0);   // new servers may answer differently
    QCOMPARE(resolve(resolvers, DnsQueryType::Mx, QStringLiteral("other.test"))->status, DnsStatus::Timeout);

    resolvers.setOptions(optionsFor(m_dns.server()));
    const std::optional<DnsResult> again = resolve(resolvers, DnsQueryType::Mx, QStringLiteral("other.test"));
    QCOMPARE(again->status, DnsStatus::Found);
    QVERIFY(!again->fromCache);
}

void TestThreadResolvers::replacedResolverStillAnswers()
{
    QUdpSocket silent;
    QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
    ThreadResolvers resolvers(optionsFor(QStringLiteral("127.0.0.1:%1").arg(silent.localPort()), 400));
    std::optional<DnsResult> slow;
    QObject context;
    resolvers.forCurrentThread().lookupMx(QStringLiteral("slow.test"), &context, [&](const DnsResult &result) { slow = result; });
    // Changed while the lookup waits: the next lookup goes to dnsmasq, the first still ends.
    resolvers.setOptions(optionsFor(m_dns.server()));
    QCOMPARE(resolve(resolvers, DnsQueryType::Mx, QStringLiteral("mail.test"))->status, DnsStatus::Found);
    QTRY_VERIFY_WITH_TIMEOUT(slow.has_value(), 5000);
    QCOMPARE(slow->status, DnsStatus::Timeout);
}

QTEST_GUILESS_MAIN(TestThreadResolvers)
#include "tst_threadresolvers.moc"
