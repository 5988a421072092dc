// The route planner against a fake resolver: routes and the smart host before MX, address
// literals, MX order and shuffling, implicit and null MX, the failure codes, the host and
// address caps, the callback's once-and-later promise and a context that dies first.

#include "fakeresolver.h"
#include "routeplanner.h"

#include <QtTest>

#include <algorithm>

class TestRoutePlanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void routeBeforeSmartHostBeforeMx();
    void hopWithAddressLiteral();
    void hopWithoutAddress_data();
    void hopWithoutAddress();
    void mxInPreferenceOrder();
    void equalPreferencesAreShuffled();
    void mxFailures_data();
    void mxFailures();
    void implicitMx();
    void mxHostsWithoutAddressAreSkipped();
    void noMxAddress_data();
    void noMxAddress();
    void capsHostsAndAddresses();
    void domainLiteral_data();
    void domainLiteral();
    void callbackRunsLaterAndOnce();
    void deadContextGetsNoCallback();
    void describe();
};

namespace {

DnsResult addresses(DnsQueryType type, const QString &name, const QStringList &list)
{
    DnsResult result;
    result.type = type;
    result.name = name;
    result.status = DnsStatus::Found;
    for (const QString &text : list)
        result.addresses << QHostAddress(text);
    return result;
}

DnsResult mx(const QString &domain, const QList<MxRecord> &records)
{
    DnsResult result;
    result.type = DnsQueryType::Mx;
    result.name = domain;
    result.status = DnsStatus::Found;
    result.mx = records;
    return result;
}

void setHost(FakeResolver &resolver, const QString &host, const QStringList &v6, const QStringList &v4)
{
    if (v6.isEmpty())
        resolver.setAnswer(DnsQueryType::Aaaa, host, DnsStatus::NoData);
    else
        resolver.setAnswer(addresses(DnsQueryType::Aaaa, host, v6));
    if (v4.isEmpty())
        resolver.setAnswer(DnsQueryType::A, host, DnsStatus::NoData);
    else
        resolver.setAnswer(addresses(DnsQueryType::A, host, v4));
}

// Plans `domain` and waits (bounded) for the one answer.
RoutePlan planOf(RoutePlanner &planner, const QString &domain)
{
    QObject context;
    std::optional<RoutePlan> answer;
    int calls = 0;
    planner.plan(domain, &context, [&](const RoutePlan &plan) {
        answer = plan;
        ++calls;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 5000); }();
    QCoreApplication::processEvents();
    if (calls != 1)
        qWarning("callback ran %d times", calls);
    return answer.value_or(RoutePlan{});
}

QStringList describeAll(const RoutePlan &plan)
{
    QStringList texts;
    for (const DeliveryTarget &target : plan.targets)
        texts << target.describe();
    return texts;
}

void keepOrder(QList<QString> &) {}

void reverse(QList<QString> &hosts)
{
    std::reverse(hosts.begin(), hosts.end());
}

RoutingTable::Hop hop(const QString &host, quint16 port, OutboundTls tls, const QString &user = {}, const QString &password = {})
{
    RoutingTable::Hop result;
    result.host = host;
    result.port = port;
    result.tls = tls;
    result.authUser = user;
    result.authPassword = password;
    return result;
}

}

void TestRoutePlanner::routeBeforeSmartHostBeforeMx()
{
    FakeResolver resolver;
    setHost(resolver, QStringLiteral("relay.example.net"), {QStringLiteral("2001:db8::7")}, {QStringLiteral("192.0.2.7")});
    setHost(resolver, QStringLiteral("smart.example.net"), {}, {QStringLiteral("192.0.2.8")});
    resolver.setAnswer(mx(QStringLiteral("other.example"), {{10, QStringLiteral("mx.other.example")}}));
    setHost(resolver, QStringLiteral("mx.other.example"), {}, {QStringLiteral("192.0.2.9")});
    RoutePlanner planner(resolver, keepOrder);
    RoutingTable table;
    table.routes.insert(QStringLiteral("routed.example"),
                        hop(QStringLiteral("relay.example.net"), 587, OutboundTls::Verify, QStringLiteral("u"), QStringLiteral("p")));
    planner.setTable(table);

    RoutePlan plan = planOf(planner, QStringLiteral("routed.example"));
    QCOMPARE(plan.status, RoutePlan::Status::Ready);
    QCOMPARE(plan.via, QStringLiteral("route"));
    QCOMPARE(describeAll(plan), QStringList({QStringLiteral("relay.example.net[2001:db8::7]:587"),
                                             QStringLiteral("relay.example.net[192.0.2.7]:587")}));
    QCOMPARE(plan.targets.at(0).tls, OutboundTls::Verify);
    QCOMPARE(plan.targets.at(0).authUser, QStringLiteral("u"));
    QCOMPARE(plan.targets.at(0).authPassword, QStringLiteral("p"));
    QVERIFY(!plan.targets.at(0).implicitTls);

    plan = planOf(planner, QStringLiteral("other.example"));
    QCOMPARE(plan.via, QStringLiteral("MX"));
    QCOMPARE(describeAll(plan), QStringList{QStringLiteral("mx.other.example[192.0.2.9]:25")});
    QCOMPARE(plan.targets.at(0).tls, OutboundTls::Opportunistic);

    table.smartHost = hop(QStringLiteral("smart.example.net"), 465, OutboundTls::Required, QStringLiteral("me"));
    table.mxTls = OutboundTls::Verify;
    planner.setTable(table);
    plan = planOf(planner, QStringLiteral("other.example"));
    QCOMPARE(plan.status, RoutePlan::Status::Ready);
    QCOMPARE(plan.via, QStringLiteral("smart host"));
    QCOMPARE(describeAll(plan), QStringList{QStringLiteral("smart.example.net[192.0.2.8]:465")});
    QVERIFY(plan.targets.at(0).implicitTls);
    QCOMPARE(plan.targets.at(0).tls, OutboundTls::Required);
    QCOMPARE(plan.targets.at(0).authUser, QStringLiteral("me"));
    // The route still wins over the smart host.
    QCOMPARE(planOf(planner, QStringLiteral("routed.example")).via, QStringLiteral("route"));
}

void TestRoutePlanner::hopWithAddressLiteral()
{
    FakeResolver resolver;
    RoutePlanner planner(resolver, keepOrder);
    RoutingTable table;
    table.routes.insert(QStringLiteral("a.example"), hop(QStringLiteral("192.0.2.44"), 2525, OutboundTls::None));
    table.routes.insert(QStringLiteral("b.example"), hop(QStringLiteral("[2001:db8::44]"), 25, OutboundTls::Opportunistic));
    planner.setTable(table);
    QCOMPARE(describeAll(planOf(planner, QStringLiteral("a.example"))), QStringList{QStringLiteral("192.0.2.44[192.0.2.44]:2525")});
    QCOMPARE(describeAll(planOf(planner, QStringLiteral("b.example"))),
             QStringList{QStringLiteral("[2001:db8::44][2001:db8::44]:25")});
    QVERIFY(resolver.asked().isEmpty());
}

void TestRoutePlanner::hopWithoutAddress_data()
{
    QTest::addColumn<DnsStatus>("aaaa");
    QTest::addColumn<DnsStatus>("a");
    QTest::addColumn<RoutePlan::Status>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("nxdomain") << DnsStatus::NxDomain << DnsStatus::NxDomain << RoutePlan::Status::PermanentFailure << QStringLiteral("5.4.4");
    QTest::newRow("nodata") << DnsStatus::NoData << DnsStatus::NoData << RoutePlan::Status::PermanentFailure << QStringLiteral("5.4.4");
    QTest::newRow("timeout") << DnsStatus::NoData << DnsStatus::Timeout << RoutePlan::Status::TemporaryFailure << QStringLiteral("4.4.3");
    QTest::newRow("servfail") << DnsStatus::ServerFailure << DnsStatus::NxDomain << RoutePlan::Status::TemporaryFailure << QStringLiteral("4.4.3");
}

void TestRoutePlanner::hopWithoutAddress()
{
    QFETCH(DnsStatus, aaaa);
    QFETCH(DnsStatus, a);
    FakeResolver resolver;
    resolver.setAnswer(DnsQueryType::Aaaa, QStringLiteral("smart.example.net"), aaaa);
    resolver.setAnswer(DnsQueryType::A, QStringLiteral("smart.example.net"), a);
    RoutePlanner planner(resolver, keepOrder);
    RoutingTable table;
    table.smartHost = hop(QStringLiteral("smart.example.net"), 587, OutboundTls::Required);
    planner.setTable(table);
    const RoutePlan plan = planOf(planner, QStringLiteral("x.example"));
    QTEST(plan.status, "status");
    QTEST(plan.statusCode, "code");
    QCOMPARE(plan.via, QStringLiteral("smart host"));
    QVERIFY(plan.targets.isEmpty());
    QVERIFY2(plan.error.contains(QStringLiteral("smart.example.net")), qPrintable(plan.error));
}

void TestRoutePlanner::mxInPreferenceOrder()
{
    FakeResolver resolver;
    resolver.setAnswer(mx(QStringLiteral("example.org"), {{20, QStringLiteral("mx2.example.org")},
                                                          {5, QStringLiteral("mx1.example.org")},
                                                          {30, QStringLiteral("mx3.example.org")}}));
    setHost(resolver, QStringLiteral("mx1.example.org"), {QStringLiteral("2001:db8::1")}, {QStringLiteral("192.0.2.1")});
    setHost(resolver, QStringLiteral("mx2.example.org"), {}, {QStringLiteral("192.0.2.2"), QStringLiteral("192.0.2.22")});
    setHost(resolver, QStringLiteral("mx3.example.org"), {QStringLiteral("2001:db8::3")}, {});
    RoutePlanner planner(resolver, keepOrder);
    const RoutePlan plan = planOf(planner, QStringLiteral("example.org"));
    QCOMPARE(plan.status, RoutePlan::Status::Ready);
    QCOMPARE(plan.via, QStringLiteral("MX"));
    QCOMPARE(describeAll(plan), QStringList({QStringLiteral("mx1.example.org[2001:db8::1]:25"),
                                             QStringLiteral("mx1.example.org[192.0.2.1]:25"),
                                             QStringLiteral("mx2.example.org[192.0.2.2]:25"),
                                             QStringLiteral("mx2.example.org[192.0.2.22]:25"),
                                             QStringLiteral("mx3.example.org[2001:db8::3]:25")}));
    QCOMPARE(plan.targets.at(0).preference, 5);
    QCOMPARE(plan.targets.at(4).preference, 30);
}

void TestRoutePlanner::equalPreferencesAreShuffled()
{
    FakeResolver resolver;
    resolver.setAnswer(mx(QStringLiteral("example.org"), {{10, QStringLiteral("a.example.org")},
                                                          {10, QStringLiteral("b.example.org")},
                                                          {10, QStringLiteral("c.example.org")},
                                                          {20, QStringLiteral("d.example.org")}}));
    for (const char *name : {"a", "b", "c", "d"})
        setHost(resolver, QLatin1String(name) + QStringLiteral(".example.org"), {}, {QStringLiteral("192.0.2.%1").arg(int(name[0]))});
    QList<QList<QString>> shuffled;
    RoutePlanner planner(resolver, [&](QList<QString> &hosts) {
        shuffled << hosts;
        reverse(hosts);
    });
    const RoutePlan plan = planOf(planner, QStringLiteral("example.org"));
    QStringList hosts;
    for (const DeliveryTarget &target : plan.targets)
        hosts << target.host;
    QCOMPARE(hosts, QStringList({QStringLiteral("c.example.org"), QStringLiteral("b.example.org"),
                                 QStringLiteral("a.example.org"), QStringLiteral("d.example.org")}));
    // Only the group of equal preference went through the shuffle; a single host does not.
    QCOMPARE(shuffled.size(), 1);
    QCOMPARE(shuffled.at(0).size(), 3);
}

void TestRoutePlanner::mxFailures_data()
{
    QTest::addColumn<DnsStatus>("mxStatus");
    QTest::addColumn<RoutePlan::Status>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("error");
    QTest::newRow("null MX") << DnsStatus::NullMx << RoutePlan::Status::PermanentFailure << QStringLiteral("5.1.10") << QStringLiteral("null MX");
    QTest::newRow("nxdomain") << DnsStatus::NxDomain << RoutePlan::Status::PermanentFailure << QStringLiteral("5.1.2")
                              << QStringLiteral("the domain does not exist");
    QTest::newRow("servfail") << DnsStatus::ServerFailure << RoutePlan::Status::TemporaryFailure << QStringLiteral("4.4.3") << QStringLiteral("fake");
    QTest::newRow("timeout") << DnsStatus::Timeout << RoutePlan::Status::TemporaryFailure << QStringLiteral("4.4.3") << QStringLiteral("fake");
}

void TestRoutePlanner::mxFailures()
{
    QFETCH(DnsStatus, mxStatus);
    QFETCH(QString, error);
    FakeResolver resolver;
    resolver.setAnswer(DnsQueryType::Mx, QStringLiteral("example.org"), mxStatus);
    RoutePlanner planner(resolver, keepOrder);
    const RoutePlan plan = planOf(planner, QStringLiteral("example.org"));
    QTEST(plan.status, "status");
    QTEST(plan.statusCode, "code");
    QVERIFY2(plan.error.contains(error), qPrintable(plan.error));
    QVERIFY(plan.targets.isEmpty());
    QCOMPARE(resolver.asked(), QStringList{QStringLiteral("MX example.org")});
}

void TestRoutePlanner::implicitMx()
{
    FakeResolver resolver;
    resolver.setAnswer(DnsQueryType::Mx, QStringLiteral("example.org"), DnsStatus::NoData);
    setHost(resolver, QStringLiteral("example.org"), {QStringLiteral("2001:db8::5")}, {QStringLiteral("192.0.2.5")});
    RoutePlanner planner(resolver, keepOrder);
    RoutingTable table;
    table.mxTls = OutboundTls::Required;
    planner.setTable(table);
    const RoutePlan plan = planOf(planner, QStringLiteral("example.org"));
    QCOMPARE(plan.status, RoutePlan::Status::Ready);
    QCOMPARE(plan.via, QStringLiteral("implicit MX"));
    QCOMPARE(describeAll(plan), QStringList({QStringLiteral("example.org[2001:db8::5]:25"),
                                             QStringLiteral("example.org[192.0.2.5]:25")}));
    QCOMPARE(plan.targets.at(1).tls, OutboundTls::Required);
}

void TestRoutePlanner::mxHostsWithoutAddressAreSkipped()
{
    FakeResolver resolver;
    resolver.setAnswer(mx(QStringLiteral("example.org"), {{10, QStringLiteral("gone.example.org")},
                                                          {20, QStringLiteral("slow.example.org")},
                                                          {30, QStringLiteral("ok.example.org")}}));
    resolver.setAnswer(DnsQueryType::A, QStringLiteral("slow.example.org"), DnsStatus::Timeout);
    setHost(resolver, QStringLiteral("ok.example.org"), {}, {QStringLiteral("192.0.2.30")});
    RoutePlanner planner(resolver, keepOrder);
    const RoutePlan plan = planOf(planner, QStringLiteral("example.org"));
    QCOMPARE(plan.status, RoutePlan::Status::Ready);
    QCOMPARE(describeAll(plan), QStringList{QStringLiteral("ok.example.org[192.0.2.30]:25")});
}

void TestRoutePlanner::noMxAddress_data()
{
    QTest::addColumn<DnsStatus>("second");
    QTest::addColumn<RoutePlan::Status>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("all nxdomain") << DnsStatus::NxDomain << RoutePlan::Status::PermanentFailure << QStringLiteral("5.4.4");
    QTest::newRow("nodata") << DnsStatus::NoData << RoutePlan::Status::PermanentFailure << QStringLiteral("5.4.4");
    QTest::newRow("one timeout") << DnsStatus::Timeout << RoutePlan::Status::TemporaryFailure << QStringLiteral("4.4.3");
    QTest::newRow("one servfail") << DnsStatus::ServerFailure << RoutePlan::Status::TemporaryFailure << QStringLiteral("4.4.3");
}

void TestRoutePlanner::noMxAddress()
{
    QFETCH(DnsStatus, second);
    FakeResolver resolver;
    resolver.setAnswer(mx(QStringLiteral("example.org"), {{10, QStringLiteral("a.example.org")},
                                                          {20, QStringLiteral("b.example.org")}}));
    resolver.setAnswer(DnsQueryType::Aaaa, QStringLiteral("b.example.org"), second);
    RoutePlanner planner(resolver, keepOrder);
    const RoutePlan plan = planOf(planner, QStringLiteral("example.org"));
    QTEST(plan.status, "status");
    QTEST(plan.statusCode, "code");
    QCOMPARE(plan.via, QStringLiteral("MX"));
}

void TestRoutePlanner::capsHostsAndAddresses()
{
    FakeResolver resolver;
    QList<MxRecord> records;
    for (int i = 0; i < 15; ++i) {
        const QString host = QStringLiteral("mx%1.example.org").arg(i, 2, 10, QLatin1Char('0'));
        records.append(MxRecord{quint16(i), host});
        setHost(resolver, host, {}, {QStringLiteral("192.0.2.%1").arg(i)});
    }
    resolver.setAnswer(mx(QStringLiteral("example.org"), records));
    RoutePlanner planner(resolver, keepOrder);
    RoutePlan plan = planOf(planner, QStringLiteral("example.org"));
    QCOMPARE(plan.targets.size(), 10);
    QCOMPARE(plan.targets.last().host, QStringLiteral("mx09.example.org"));
    QVERIFY(!resolver.asked().contains(QStringLiteral("A mx10.example.org")));

    FakeResolver many;
    many.setAnswer(mx(QStringLiteral("example.org"), {{10, QStringLiteral("a.example.org")}, {20, QStringLiteral("b.example.org")}}));
    QStringList fifteen;
    for (int i = 0; i < 15; ++i)
        fifteen << QStringLiteral("192.0.2.%1").arg(i);
    setHost(many, QStringLiteral("a.example.org"), {}, fifteen);
    setHost(many, QStringLiteral("b.example.org"), {}, fifteen);
    RoutePlanner second(many, keepOrder);
    plan = planOf(second, QStringLiteral("example.org"));
    QCOMPARE(plan.targets.size(), 20);
    QCOMPARE(plan.targets.at(14).host, QStringLiteral("a.example.org"));
    QCOMPARE(plan.targets.at(15).host, QStringLiteral("b.example.org"));
}

void TestRoutePlanner::domainLiteral_data()
{
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QString>("target");
    QTest::newRow("v4") << QStringLiteral("[192.0.2.1]") << QStringLiteral("[192.0.2.1][192.0.2.1]:25");
    QTest::newRow("v6") << QStringLiteral("[IPv6:2001:db8::1]") << QStringLiteral("[IPv6:2001:db8::1][2001:db8::1]:25");
    QTest::newRow("bad") << QStringLiteral("[not.an.address]") << QStringLiteral("");
    QTest::newRow("unclosed") << QStringLiteral("[192.0.2.1") << QStringLiteral("");
}

void TestRoutePlanner::domainLiteral()
{
    QFETCH(QString, domain);
    QFETCH(QString, target);
    FakeResolver resolver;
    RoutePlanner planner(resolver, keepOrder);
    RoutingTable table;
    table.smartHost = hop(QStringLiteral("smart.example.net"), 25, OutboundTls::Required);
    planner.setTable(table);
    const RoutePlan plan = planOf(planner, domain);
    if (target.isEmpty()) {
        QCOMPARE(plan.status, RoutePlan::Status::PermanentFailure);
        QCOMPARE(plan.statusCode, QStringLiteral("5.1.2"));
    } else {
        QCOMPARE(plan.status, RoutePlan::Status::Ready);
        QCOMPARE(describeAll(plan), QStringList{target});
    }
    QVERIFY(resolver.asked().isEmpty());
}

void TestRoutePlanner::callbackRunsLaterAndOnce()
{
    FakeResolver resolver(FakeResolver::Mode::Held);
    resolver.setAnswer(mx(QStringLiteral("example.org"), {{10, QStringLiteral("mx.example.org")}}));
    setHost(resolver, QStringLiteral("mx.example.org"), {}, {QStringLiteral("192.0.2.1")});
    RoutePlanner planner(resolver, keepOrder);
    QObject context;
    int calls = 0;
    planner.plan(QStringLiteral("example.org"), &context, [&](const RoutePlan &) { ++calls; });
    QCOMPARE(calls, 0);
    QCOMPARE(resolver.release(), 1);   // MX
    QTRY_COMPARE_WITH_TIMEOUT(resolver.held(), 2, 5000);   // AAAA and A at once
    QCOMPARE(calls, 0);
    resolver.release();
    QTRY_COMPARE_WITH_TIMEOUT(calls, 1, 5000);
    QCoreApplication::processEvents();
    QCOMPARE(calls, 1);

    // A literal is answered later too, never inside plan().
    planner.plan(QStringLiteral("[192.0.2.1]"), &context, [&](const RoutePlan &) { ++calls; });
    QCOMPARE(calls, 1);
    QTRY_COMPARE_WITH_TIMEOUT(calls, 2, 5000);
}

void TestRoutePlanner::deadContextGetsNoCallback()
{
    FakeResolver resolver(FakeResolver::Mode::Held);
    resolver.setAnswer(mx(QStringLiteral("example.org"), {{10, QStringLiteral("mx.example.org")}}));
    setHost(resolver, QStringLiteral("mx.example.org"), {}, {QStringLiteral("192.0.2.1")});
    int calls = 0;
    {
        RoutePlanner planner(resolver, keepOrder);
        auto context = std::make_unique<QObject>();
        planner.plan(QStringLiteral("example.org"), context.get(), [&](const RoutePlan &) { ++calls; });
        resolver.release();
        QTRY_COMPARE_WITH_TIMEOUT(resolver.held(), 2, 5000);
        context.reset();
    }   // the planner is gone as well: the pending lookups need neither
    resolver.release();
    auto literalContext = std::make_unique<QObject>();
    RoutePlanner planner(resolver, keepOrder);
    planner.plan(QStringLiteral("[192.0.2.1]"), literalContext.get(), [&](const RoutePlan &) { ++calls; });
    literalContext.reset();
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
    QCOMPARE(calls, 0);
}

void TestRoutePlanner::describe()
{
    DeliveryTarget target;
    target.host = QStringLiteral("mx1.example.org");
    target.address = QHostAddress(QStringLiteral("2001:db8::1"));
    target.port = 25;
    QCOMPARE(target.describe(), QStringLiteral("mx1.example.org[2001:db8::1]:25"));
}

QTEST_GUILESS_MAIN(TestRoutePlanner)
#include "tst_routeplanner.moc"
