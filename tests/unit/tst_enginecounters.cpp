// Today's counts: increments from many threads, and the start again at local midnight.

#include "enginecounters.h"

#include <QtTest>

#include <thread>
#include <vector>

class TestEngineCounters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsEachKind();
    void startsAgainAtLocalMidnight();
    void countsFromManyThreads();
    void remembersTheLastDnsOutcome();
};

void TestEngineCounters::countsEachKind()
{
    EngineCounters counters;
    counters.messageReceived();
    counters.messageReceived();
    counters.messageRelayed();
    counters.loginSucceeded();
    counters.refused();
    counters.refused();
    counters.refused();
    counters.banned();
    const EngineCounts counts = counters.snapshot(4);
    QCOMPARE(counts.connectionsNow, 4);
    QCOMPARE(counts.messagesReceived, 2);
    QCOMPARE(counts.messagesRelayed, 1);
    QCOMPARE(counts.logins, 1);
    QCOMPARE(counts.refusals, 3);
    QCOMPARE(counts.bans, 1);
}

void TestEngineCounters::startsAgainAtLocalMidnight()
{
    QDateTime now(QDate(2026, 11, 29), QTime(23, 59, 58));
    EngineCounters counters([&] { return now; });
    counters.messageReceived();
    counters.refused();
    now = now.addSecs(1);   // 23:59:59, still the same day
    QCOMPARE(counters.snapshot(0).messagesReceived, 1);
    counters.loginSucceeded();
    now = now.addSecs(2);   // 00:00:01 the next day
    const EngineCounts fresh = counters.snapshot(2);
    QCOMPARE(fresh, (EngineCounts{2, 0, 0, 0, 0, 0}));
    counters.messageReceived();
    QCOMPARE(counters.snapshot(0).messagesReceived, 1);
    now = now.addSecs(3600);   // later the same day: nothing is reset again
    QCOMPARE(counters.snapshot(0).messagesReceived, 1);
}

void TestEngineCounters::countsFromManyThreads()
{
    EngineCounters counters;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 10000; ++i)
                counters.refused();
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(counters.snapshot(0).refusals, 40000);
}

void TestEngineCounters::remembersTheLastDnsOutcome()
{
    EngineCounters counters;
    QVERIFY(!counters.dnsFailing());
    counters.dnsOutcome(false);
    QVERIFY(counters.dnsFailing());
    counters.dnsOutcome(true);
    QVERIFY(!counters.dnsFailing());
}

QTEST_GUILESS_MAIN(TestEngineCounters)
#include "tst_enginecounters.moc"
