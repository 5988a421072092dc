#include <chrono>
#include <thread>
#include <vector>

#include <QTest>

#include "logincache.h"

using namespace std::chrono_literals;

namespace {

const QString Alice = QStringLiteral("alice@example.org");
const QString Bob = QStringLiteral("bob@example.org");
const QString Secret = QStringLiteral("s3cret");
const QString HashA = QStringLiteral("$pbkdf2-sha256$1000$AAAA$hash-a");
const QString HashB = QStringLiteral("$pbkdf2-sha256$1000$AAAA$hash-b");

}

class TestLoginCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void hit();
    void miss_data();
    void miss();
    void expiry();
    void rememberRestartsTtl();
    void storedHashChangeInvalidates();
    void forget();
    void clear();
    void capacityEvictsOldest();
    void capacityEvictsExpiredFirst();
    void updatingKnownAddressEvictsNothing();
    void disabled_data();
    void disabled();
    void separateCachesDoNotShareKeys();
    void defaultClock();
    void concurrentUse();

private:
    [[nodiscard]] LoginCache::Clock clock()
    {
        return [this] { return m_now; };
    }

    LoginCache::TimePoint m_now;
};

void TestLoginCache::init()
{
    m_now = LoginCache::TimePoint(1000h);
}

void TestLoginCache::hit()
{
    LoginCache cache(300s, 100, clock());
    cache.remember(Alice, Secret, HashA);
    QVERIFY(cache.matches(Alice, Secret, HashA));
    QCOMPARE(cache.size(), 1);
}

void TestLoginCache::miss_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("password");
    QTest::newRow("wrong password") << Alice << QStringLiteral("s3cret!");
    QTest::newRow("empty password") << Alice << QString();
    QTest::newRow("case of password") << Alice << QStringLiteral("S3cret");
    QTest::newRow("other address") << Bob << Secret;
    QTest::newRow("address case differs") << QStringLiteral("Alice@example.org") << Secret;
    // The NUL separator keeps the split point between address and password part of the key.
    QTest::newRow("shifted separator") << QString(Alice + QChar(0) + QStringLiteral("s3"))
                                       << QStringLiteral("cret");
}

void TestLoginCache::miss()
{
    QFETCH(QString, address);
    QFETCH(QString, password);
    LoginCache cache(300s, 100, clock());
    cache.remember(Alice, Secret, HashA);
    QVERIFY(!cache.matches(address, password, HashA));
    QVERIFY(cache.matches(Alice, Secret, HashA));
}

void TestLoginCache::expiry()
{
    LoginCache cache(300s, 100, clock());
    cache.remember(Alice, Secret, HashA);
    m_now += 299s;
    QVERIFY(cache.matches(Alice, Secret, HashA));
    m_now += 1s;
    QVERIFY(!cache.matches(Alice, Secret, HashA));
    m_now += 1h;
    QVERIFY(!cache.matches(Alice, Secret, HashA));
}

void TestLoginCache::rememberRestartsTtl()
{
    LoginCache cache(300s, 100, clock());
    cache.remember(Alice, Secret, HashA);
    m_now += 200s;
    cache.remember(Alice, Secret, HashA);
    m_now += 200s;
    QVERIFY(cache.matches(Alice, Secret, HashA));
    m_now += 100s;
    QVERIFY(!cache.matches(Alice, Secret, HashA));
}

void TestLoginCache::storedHashChangeInvalidates()
{
    LoginCache cache(300s, 100, clock());
    cache.remember(Alice, Secret, HashA);
    QVERIFY(!cache.matches(Alice, Secret, HashB));
    QVERIFY(!cache.matches(Alice, Secret, QString()));
    // A login after the change replaces the old entry.
    cache.remember(Alice, Secret, HashB);
    QVERIFY(cache.matches(Alice, Secret, HashB));
    QVERIFY(!cache.matches(Alice, Secret, HashA));
}

void TestLoginCache::forget()
{
    LoginCache cache(300s, 100, clock());
    cache.remember(Alice, Secret, HashA);
    cache.remember(Bob, Secret, HashA);
    cache.forget(Alice);
    QVERIFY(!cache.matches(Alice, Secret, HashA));
    QVERIFY(cache.matches(Bob, Secret, HashA));
    cache.forget(QStringLiteral("nobody@example.org"));
    QCOMPARE(cache.size(), 1);
}

void TestLoginCache::clear()
{
    LoginCache cache(300s, 100, clock());
    cache.remember(Alice, Secret, HashA);
    cache.remember(Bob, Secret, HashA);
    cache.clear();
    QCOMPARE(cache.size(), 0);
    QVERIFY(!cache.matches(Alice, Secret, HashA));
    QVERIFY(!cache.matches(Bob, Secret, HashA));
}

void TestLoginCache::capacityEvictsOldest()
{
    LoginCache cache(300s, 3, clock());
    const QStringList users{QStringLiteral("a@x"), QStringLiteral("b@x"), QStringLiteral("c@x"),
                            QStringLiteral("d@x")};
    for (const QString &user : users) {
        cache.remember(user, Secret, HashA);
        m_now += 1s;
    }
    QCOMPARE(cache.size(), 3);
    QVERIFY(!cache.matches(users.at(0), Secret, HashA));
    QVERIFY(cache.matches(users.at(1), Secret, HashA));
    QVERIFY(cache.matches(users.at(2), Secret, HashA));
    QVERIFY(cache.matches(users.at(3), Secret, HashA));
}

void TestLoginCache::capacityEvictsExpiredFirst()
{
    LoginCache cache(10s, 3, clock());
    cache.remember(QStringLiteral("a@x"), Secret, HashA);
    cache.remember(QStringLiteral("b@x"), Secret, HashA);
    m_now += 8s;
    cache.remember(QStringLiteral("c@x"), Secret, HashA);
    m_now += 3s;    // a and b have expired, c has not
    cache.remember(QStringLiteral("d@x"), Secret, HashA);
    // Both expired entries went, not only the single oldest one.
    QCOMPARE(cache.size(), 2);
    QVERIFY(cache.matches(QStringLiteral("c@x"), Secret, HashA));
    QVERIFY(cache.matches(QStringLiteral("d@x"), Secret, HashA));
}

void TestLoginCache::updatingKnownAddressEvictsNothing()
{
    LoginCache cache(300s, 2, clock());
    cache.remember(Alice, Secret, HashA);
    m_now += 1s;
    cache.remember(Bob, Secret, HashA);
    m_now += 1s;
    cache.remember(Bob, Secret, HashB);
    QCOMPARE(cache.size(), 2);
    QVERIFY(cache.matches(Alice, Secret, HashA));
    QVERIFY(cache.matches(Bob, Secret, HashB));
}

void TestLoginCache::disabled_data()
{
    QTest::addColumn<int>("ttlSeconds");
    QTest::addColumn<int>("capacity");
    QTest::newRow("zero ttl") << 0 << 100;
    QTest::newRow("negative ttl") << -5 << 100;
    QTest::newRow("zero capacity") << 300 << 0;
    QTest::newRow("negative capacity") << 300 << -1;
}

void TestLoginCache::disabled()
{
    QFETCH(int, ttlSeconds);
    QFETCH(int, capacity);
    LoginCache cache(std::chrono::seconds(ttlSeconds), capacity, clock());
    cache.remember(Alice, Secret, HashA);
    QCOMPARE(cache.size(), 0);
    QVERIFY(!cache.matches(Alice, Secret, HashA));
}

void TestLoginCache::separateCachesDoNotShareKeys()
{
    // Each cache draws its own secret; an entry is only meaningful to the cache that made it.
    LoginCache first(300s, 100, clock());
    LoginCache second(300s, 100, clock());
    first.remember(Alice, Secret, HashA);
    QVERIFY(first.matches(Alice, Secret, HashA));
    QVERIFY(!second.matches(Alice, Secret, HashA));
}

void TestLoginCache::defaultClock()
{
    LoginCache cache;
    cache.remember(Alice, Secret, HashA);
    QVERIFY(cache.matches(Alice, Secret, HashA));
    QVERIFY(!cache.matches(Alice, Secret, HashB));
}

void TestLoginCache::concurrentUse()
{
    LoginCache cache(300s, 50);
    std::vector<std::thread> threads;
    std::vector<int> wrongHits(4, 0);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([t, &cache, &wrongHits] {
            for (int i = 0; i < 2000; ++i) {
                const QString address = QStringLiteral("user%1@x").arg((i * 7 + t) % 80);
                cache.remember(address, Secret, HashA);
                if (cache.matches(address, QStringLiteral("wrong"), HashA))
                    ++wrongHits[t];
                (void)cache.matches(address, Secret, HashA);
                if (i % 100 == 0)
                    cache.forget(address);
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    QCOMPARE(wrongHits, std::vector<int>(4, 0));
    QVERIFY(cache.size() <= 50);
}

QTEST_GUILESS_MAIN(TestLoginCache)
#include "tst_logincache.moc"
