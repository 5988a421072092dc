#include <thread>
#include <vector>

#include <QHostAddress>
#include <QTest>

#include "connectionlimits.h"

// Global and per-address connection caps, shared by the acceptor and the worker threads.
class TestConnectionLimits : public QObject
{
    Q_OBJECT

private slots:
    void totalLimit();
    void perAddressLimit();
    void releaseFreesSlot();
    void ipv4MappedIsSameClient_data();
    void ipv4MappedIsSameClient();
    void tableShrinks();
    void zeroMeansUnlimited();
    void setLimitsAppliesToNewConnections();
    void unmatchedReleaseIsHarmless();
    void concurrentAdmitAndRelease();

private:
    static QHostAddress address(const char *text) { return QHostAddress(QString::fromLatin1(text)); }
};

void TestConnectionLimits::totalLimit()
{
    ConnectionLimits limits(3, 10);
    QCOMPARE(limits.tryAdmit(address("192.0.2.1")), Admission::Admitted);
    QCOMPARE(limits.tryAdmit(address("192.0.2.2")), Admission::Admitted);
    QCOMPARE(limits.tryAdmit(address("2001:db8::1")), Admission::Admitted);
    QCOMPARE(limits.total(), 3);
    QCOMPARE(limits.tryAdmit(address("192.0.2.4")), Admission::TooManyTotal);
    QCOMPARE(limits.total(), 3);
    QCOMPARE(limits.fromAddress(address("192.0.2.4")), 0);
    QCOMPARE(limits.addressCount(), 3);
}

void TestConnectionLimits::perAddressLimit()
{
    ConnectionLimits limits(100, 2);
    const QHostAddress client = address("198.51.100.7");
    QCOMPARE(limits.tryAdmit(client), Admission::Admitted);
    QCOMPARE(limits.tryAdmit(client), Admission::Admitted);
    QCOMPARE(limits.tryAdmit(client), Admission::TooManyFromAddress);
    QCOMPARE(limits.fromAddress(client), 2);
    QCOMPARE(limits.tryAdmit(address("198.51.100.8")), Admission::Admitted);
    QCOMPARE(limits.total(), 3);
}

void TestConnectionLimits::releaseFreesSlot()
{
    ConnectionLimits limits(2, 1);
    const QHostAddress a = address("192.0.2.1");
    const QHostAddress b = address("192.0.2.2");
    QCOMPARE(limits.tryAdmit(a), Admission::Admitted);
    QCOMPARE(limits.tryAdmit(b), Admission::Admitted);
    QCOMPARE(limits.tryAdmit(a), Admission::TooManyTotal);
    limits.release(b);
    QCOMPARE(limits.total(), 1);
    QCOMPARE(limits.tryAdmit(a), Admission::TooManyFromAddress);
    limits.release(a);
    QCOMPARE(limits.tryAdmit(a), Admission::Admitted);
    QCOMPARE(limits.fromAddress(a), 1);
}

void TestConnectionLimits::ipv4MappedIsSameClient_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::newRow("v4 then mapped") << QStringLiteral("192.0.2.9") << QStringLiteral("::ffff:192.0.2.9");
    QTest::newRow("mapped then v4") << QStringLiteral("::ffff:192.0.2.9") << QStringLiteral("192.0.2.9");
    QTest::newRow("mapped hex") << QStringLiteral("::ffff:c000:209") << QStringLiteral("192.0.2.9");
    QTest::newRow("v6 scope ids") << QStringLiteral("fe80::1%1") << QStringLiteral("fe80::1%2");
}

void TestConnectionLimits::ipv4MappedIsSameClient()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    ConnectionLimits limits(100, 1);
    QCOMPARE(limits.tryAdmit(QHostAddress(first)), Admission::Admitted);
    QCOMPARE(limits.tryAdmit(QHostAddress(second)), Admission::TooManyFromAddress);
    QCOMPARE(limits.fromAddress(QHostAddress(second)), 1);
    limits.release(QHostAddress(second));
    QCOMPARE(limits.total(), 0);
    QCOMPARE(limits.addressCount(), 0);
}

void TestConnectionLimits::tableShrinks()
{
    ConnectionLimits limits(0, 5);
    for (int i = 0; i < 5000; ++i)
        QCOMPARE(limits.tryAdmit(QHostAddress(quint32(0x0A000000U + quint32(i)))), Admission::Admitted);
    QCOMPARE(limits.addressCount(), 5000);
    for (int i = 0; i < 5000; ++i)
        limits.release(QHostAddress(quint32(0x0A000000U + quint32(i))));
    QCOMPARE(limits.addressCount(), 0);
    QCOMPARE(limits.total(), 0);

    // A refused address leaves no entry behind either.
    ConnectionLimits full(1, 1);
    QCOMPARE(full.tryAdmit(address("192.0.2.1")), Admission::Admitted);
    QCOMPARE(full.tryAdmit(address("192.0.2.2")), Admission::TooManyTotal);
    QCOMPARE(full.addressCount(), 1);
}

void TestConnectionLimits::zeroMeansUnlimited()
{
    ConnectionLimits limits(0, 0);
    for (int i = 0; i < 100; ++i)
        QCOMPARE(limits.tryAdmit(address("192.0.2.1")), Admission::Admitted);
    QCOMPARE(limits.total(), 100);
}

void TestConnectionLimits::setLimitsAppliesToNewConnections()
{
    ConnectionLimits limits(10, 10);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(limits.tryAdmit(address("192.0.2.1")), Admission::Admitted);
    limits.setLimits(10, 2);
    QCOMPARE(limits.maxPerAddress(), 2);
    QCOMPARE(limits.fromAddress(address("192.0.2.1")), 4);   // open ones are not cut
    QCOMPARE(limits.tryAdmit(address("192.0.2.1")), Admission::TooManyFromAddress);
    limits.setLimits(4, 2);
    QCOMPARE(limits.tryAdmit(address("192.0.2.2")), Admission::TooManyTotal);
}

void TestConnectionLimits::unmatchedReleaseIsHarmless()
{
    ConnectionLimits limits(1, 1);
    limits.release(address("192.0.2.1"));
    QCOMPARE(limits.total(), 0);
    QCOMPARE(limits.tryAdmit(address("192.0.2.1")), Admission::Admitted);
    QCOMPARE(limits.tryAdmit(address("192.0.2.2")), Admission::TooManyTotal);
}

void TestConnectionLimits::concurrentAdmitAndRelease()
{
    ConnectionLimits limits(1000, 1000);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&limits, t] {
            const QHostAddress client(quint32(0xC0000200U + quint32(t % 2)));
            for (int i = 0; i < 20000; ++i) {
                if (limits.tryAdmit(client) == Admission::Admitted)
                    limits.release(client);
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(limits.total(), 0);
    QCOMPARE(limits.addressCount(), 0);
}

QTEST_GUILESS_MAIN(TestConnectionLimits)
#include "tst_connectionlimits.moc"
