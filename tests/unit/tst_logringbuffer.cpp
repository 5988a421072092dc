#include <algorithm>
#include <thread>
#include <vector>

#include <QTest>

#include "logringbuffer.h"

// The in-memory log the GUI polls by id.
class TestLogRingBuffer : public QObject
{
    Q_OBJECT

private slots:
    void emptyBuffer();
    void idsIncrease();
    void wrapAroundKeepsNewest();
    void entriesAfterWithMax_data();
    void entriesAfterWithMax();
    void capacityClamped();
    void concurrentAppends();

private:
    static LogEntry entry(const QString &text);
};

LogEntry TestLogRingBuffer::entry(const QString &text)
{
    LogEntry e;
    e.timestamp = QDateTime::currentDateTime();
    e.component = QStringLiteral("test");
    e.text = text;
    return e;
}

void TestLogRingBuffer::emptyBuffer()
{
    const LogRingBuffer ring(5);
    QCOMPARE(ring.capacity(), 5);
    QCOMPARE(ring.size(), 0);
    QCOMPARE(ring.lastId(), quint64(0));
    QVERIFY(ring.entriesAfter(0).isEmpty());
    QCOMPARE(LogRingBuffer().capacity(), 10000);
}

void TestLogRingBuffer::idsIncrease()
{
    LogRingBuffer ring(10);
    for (quint64 i = 1; i <= 5; ++i)
        QCOMPARE(ring.append(entry(QString::number(i))), i);
    QCOMPARE(ring.lastId(), quint64(5));
    QCOMPARE(ring.size(), 5);

    const QList<LogEntry> all = ring.entriesAfter(0);
    QCOMPARE(all.size(), 5);
    for (int i = 0; i < all.size(); ++i) {
        QCOMPARE(all[i].id, quint64(i + 1));
        QCOMPARE(all[i].text, QString::number(i + 1));
    }
    QCOMPARE(ring.entriesAfter(3).size(), 2);
    QCOMPARE(ring.entriesAfter(3).first().id, quint64(4));
    QVERIFY(ring.entriesAfter(5).isEmpty());
    QVERIFY(ring.entriesAfter(99).isEmpty());
}

void TestLogRingBuffer::wrapAroundKeepsNewest()
{
    LogRingBuffer ring(4);
    for (int i = 1; i <= 11; ++i)
        ring.append(entry(QString::number(i)));
    QCOMPARE(ring.size(), 4);
    QCOMPARE(ring.lastId(), quint64(11));

    const QList<LogEntry> all = ring.entriesAfter(0);
    QCOMPARE(all.size(), 4);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(all[i].id, quint64(8 + i));
        QCOMPARE(all[i].text, QString::number(8 + i));
    }
    // Asking from an id that was already dropped returns what is left, oldest first.
    QCOMPARE(ring.entriesAfter(2).first().id, quint64(8));
    QCOMPARE(ring.entriesAfter(9).size(), 2);
    QCOMPARE(ring.entriesAfter(9).first().id, quint64(10));
}

void TestLogRingBuffer::entriesAfterWithMax_data()
{
    QTest::addColumn<quint64>("after");
    QTest::addColumn<int>("max");
    QTest::addColumn<QList<quint64>>("expected");
    // Capacity 5 and 8 appends: ids 4..8 are held.
    QTest::newRow("all") << quint64(0) << INT_MAX << QList<quint64>{4, 5, 6, 7, 8};
    QTest::newRow("max 2 from start") << quint64(0) << 2 << QList<quint64>{4, 5};
    QTest::newRow("max 2 after 5") << quint64(5) << 2 << QList<quint64>{6, 7};
    QTest::newRow("max larger than left") << quint64(6) << 10 << QList<quint64>{7, 8};
    QTest::newRow("max 0") << quint64(0) << 0 << QList<quint64>{};
    QTest::newRow("max negative") << quint64(0) << -1 << QList<quint64>{};
    QTest::newRow("after last") << quint64(8) << 3 << QList<quint64>{};
}

void TestLogRingBuffer::entriesAfterWithMax()
{
    QFETCH(quint64, after);
    QFETCH(int, max);
    QFETCH(QList<quint64>, expected);

    LogRingBuffer ring(5);
    for (int i = 1; i <= 8; ++i)
        ring.append(entry(QString::number(i)));
    QList<quint64> ids;
    for (const LogEntry &e : ring.entriesAfter(after, max))
        ids.append(e.id);
    QCOMPARE(ids, expected);
}

void TestLogRingBuffer::capacityClamped()
{
    LogRingBuffer ring(0);
    QCOMPARE(ring.capacity(), 1);
    ring.append(entry(QStringLiteral("a")));
    ring.append(entry(QStringLiteral("b")));
    QCOMPARE(ring.size(), 1);
    QCOMPARE(ring.entriesAfter(0).first().text, QStringLiteral("b"));
}

void TestLogRingBuffer::concurrentAppends()
{
    constexpr int kThreads = 4;
    constexpr int kPerThread = 5000;
    LogRingBuffer ring(kThreads * kPerThread);

    std::vector<std::vector<quint64>> returned(kThreads);
    {
        std::vector<std::jthread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&ring, &returned, t] {
                returned[t].reserve(kPerThread);
                for (int i = 0; i < kPerThread; ++i)
                    returned[t].push_back(ring.append(entry(QStringLiteral("%1/%2").arg(t).arg(i))));
            });
        }
    }

    std::vector<quint64> all;
    for (const std::vector<quint64> &ids : returned) {
        // Each thread sees its own ids rise.
        QVERIFY(std::is_sorted(ids.begin(), ids.end()));
        all.insert(all.end(), ids.begin(), ids.end());
    }
    std::sort(all.begin(), all.end());
    QCOMPARE(all.size(), std::size_t(kThreads * kPerThread));
    for (std::size_t i = 0; i < all.size(); ++i)
        QCOMPARE(all[i], quint64(i + 1));

    QCOMPARE(ring.lastId(), quint64(kThreads * kPerThread));
    const QList<LogEntry> held = ring.entriesAfter(0);
    QCOMPARE(held.size(), kThreads * kPerThread);
    for (int i = 0; i < held.size(); ++i)
        QCOMPARE(held[i].id, quint64(i + 1));
}

QTEST_GUILESS_MAIN(TestLogRingBuffer)
#include "tst_logringbuffer.moc"
