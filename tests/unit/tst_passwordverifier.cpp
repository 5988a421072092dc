#include <memory>
#include <thread>

#include <QHash>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include "passwordhash.h"
#include "passwordverifier.h"

namespace {

const QString Alice = QStringLiteral("alice@example.org");
const QString Secret = QStringLiteral("s3cret");

// Results by request id, collected in the receiving thread.
struct Answers
{
    QHash<quint64, bool> verified;
    QHash<quint64, QString> hashed;
    QList<quint64> refused;   // in order; each must come before its verified(false)
    int wrongThread = 0;
};

void collect(PasswordVerifier &verifier, Answers &answers)
{
    QObject::connect(&verifier, &PasswordVerifier::verified, &verifier,
                     [&verifier, &answers](quint64 id, bool ok) {
                         if (QThread::currentThread() != verifier.thread())
                             ++answers.wrongThread;
                         answers.verified.insert(id, ok);
                     });
    QObject::connect(&verifier, &PasswordVerifier::refused, &verifier, [&answers](quint64 id) {
        if (!answers.verified.contains(id))
            answers.refused.append(id);
    });
    QObject::connect(&verifier, &PasswordVerifier::hashed, &verifier,
                     [&verifier, &answers](quint64 id, const QString &stored) {
                         if (QThread::currentThread() != verifier.thread())
                             ++answers.wrongThread;
                         answers.hashed.insert(id, stored);
                     });
}

}

class TestPasswordVerifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void verify_data();
    void verify();
    void neverSynchronous();
    void cacheHit();
    void cacheBypassedAfterChange();
    void hashThenVerify();
    void manyConcurrentRequests();
    void callableFromAnotherThread();
    void overflowAnswersFalse();
    void overflowAtDefaultBound();
    void hashOverflowAnswersEmpty();
    void destroyedWhileBusy();

private:
    QString m_stored;
};

void TestPasswordVerifier::initTestCase()
{
    qputenv("POSTERN_PBKDF2_ITERATIONS", "1000");
    QCOMPARE(PasswordHash::defaultIterations(), 1000);
    m_stored = PasswordHash::create(Secret);
}

void TestPasswordVerifier::verify_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("useStored");
    QTest::addColumn<bool>("expected");
    QTest::newRow("right password") << Secret << true << true;
    QTest::newRow("wrong password") << QStringLiteral("guess") << true << false;
    QTest::newRow("empty password") << QString() << true << false;
    QTest::newRow("no stored hash") << Secret << false << false;
}

void TestPasswordVerifier::verify()
{
    QFETCH(QString, password);
    QFETCH(bool, useStored);
    QFETCH(bool, expected);
    PasswordVerifier verifier;
    QSignalSpy spy(&verifier, &PasswordVerifier::verified);
    const quint64 id = verifier.verify(Alice, password, useStored ? m_stored : QString());
    QVERIFY(spy.wait(5000));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<quint64>(), id);
    QCOMPARE(spy.at(0).at(1).toBool(), expected);
    QCOMPARE(verifier.pending(), 0);
}

void TestPasswordVerifier::neverSynchronous()
{
    PasswordVerifier verifier;
    int calls = 0;
    // A direct connection would run inside verify() if the signal were emitted there.
    connect(&verifier, &PasswordVerifier::verified, this, [&calls] { ++calls; }, Qt::DirectConnection);
    connect(&verifier, &PasswordVerifier::hashed, this, [&calls] { ++calls; }, Qt::DirectConnection);
    QSignalSpy spy(&verifier, &PasswordVerifier::verified);

    (void)verifier.verify(Alice, Secret, m_stored);
    QCOMPARE(calls, 0);
    QVERIFY(spy.wait(5000));
    QCOMPARE(calls, 1);

    // The cache-hit path, which needs no thread at all, must still answer later.
    (void)verifier.verify(Alice, Secret, m_stored);
    QCOMPARE(calls, 1);
    QVERIFY(spy.wait(5000));
    QCOMPARE(calls, 2);

    QSignalSpy hashSpy(&verifier, &PasswordVerifier::hashed);
    (void)verifier.hash(Secret);
    QCOMPARE(calls, 2);
    QVERIFY(hashSpy.wait(5000));
    QCOMPARE(calls, 3);
}

void TestPasswordVerifier::cacheHit()
{
    PasswordVerifier verifier;
    QSignalSpy spy(&verifier, &PasswordVerifier::verified);
    (void)verifier.verify(Alice, Secret, m_stored);
    QCOMPARE(verifier.pending(), 1);    // first time: a KDF job
    QVERIFY(spy.wait(5000));
    QVERIFY(spy.at(0).at(1).toBool());

    const quint64 id = verifier.verify(Alice, Secret, m_stored);
    QCOMPARE(verifier.pending(), 0);    // answered from the cache, no job
    QVERIFY(spy.wait(5000));
    QCOMPARE(spy.at(1).at(0).value<quint64>(), id);
    QVERIFY(spy.at(1).at(1).toBool());

    // A wrong password is never a cache hit.
    (void)verifier.verify(Alice, QStringLiteral("guess"), m_stored);
    QCOMPARE(verifier.pending(), 1);
    QVERIFY(spy.wait(5000));
    QVERIFY(!spy.at(2).at(1).toBool());
}

void TestPasswordVerifier::cacheBypassedAfterChange()
{
    PasswordVerifier verifier;
    QSignalSpy spy(&verifier, &PasswordVerifier::verified);
    (void)verifier.verify(Alice, Secret, m_stored);
    QVERIFY(spy.wait(5000));

    verifier.forget(Alice);
    (void)verifier.verify(Alice, Secret, m_stored);
    QCOMPARE(verifier.pending(), 1);
    QVERIFY(spy.wait(5000));
    QVERIFY(spy.at(1).at(1).toBool());

    verifier.clearCache();
    (void)verifier.verify(Alice, Secret, m_stored);
    QCOMPARE(verifier.pending(), 1);
    QVERIFY(spy.wait(5000));

    // After a password change the old password must be checked against the new hash, and fail.
    const QString changed = PasswordHash::create(QStringLiteral("new password"));
    (void)verifier.verify(Alice, Secret, changed);
    QCOMPARE(verifier.pending(), 1);
    QVERIFY(spy.wait(5000));
    QVERIFY(!spy.at(3).at(1).toBool());
}

void TestPasswordVerifier::hashThenVerify()
{
    PasswordVerifier verifier;
    QSignalSpy hashSpy(&verifier, &PasswordVerifier::hashed);
    const quint64 hashId = verifier.hash(Secret);
    QVERIFY(hashSpy.wait(5000));
    QCOMPARE(hashSpy.at(0).at(0).value<quint64>(), hashId);
    const QString stored = hashSpy.at(0).at(1).toString();
    QVERIFY(stored.startsWith(QStringLiteral("$pbkdf2-sha256$1000$")));

    QSignalSpy spy(&verifier, &PasswordVerifier::verified);
    const quint64 verifyId = verifier.verify(Alice, Secret, stored);
    QVERIFY(verifyId != hashId);
    QVERIFY(spy.wait(5000));
    QVERIFY(spy.at(0).at(1).toBool());
}

void TestPasswordVerifier::manyConcurrentRequests()
{
    PasswordVerifier verifier;
    Answers answers;
    collect(verifier, answers);
    QHash<quint64, bool> expected;
    for (int i = 0; i < 200; ++i) {
        // Distinct addresses keep the cache out of this test.
        const QString address = QStringLiteral("user%1@example.org").arg(i);
        const bool right = i % 3 != 0;
        expected.insert(verifier.verify(address, right ? Secret : QStringLiteral("guess"), m_stored), right);
    }
    QCOMPARE(expected.size(), 200);
    QCOMPARE(verifier.pending(), 200);
    QTRY_COMPARE_WITH_TIMEOUT(answers.verified.size(), 200, 30000);
    QCOMPARE(answers.verified, expected);
    QCOMPARE(answers.wrongThread, 0);
    QCOMPARE(verifier.pending(), 0);
    QCOMPARE(verifier.rejected(), quint64(0));
}

void TestPasswordVerifier::callableFromAnotherThread()
{
    PasswordVerifier verifier;
    Answers answers;
    collect(verifier, answers);
    quint64 right = 0;
    quint64 wrong = 0;
    std::thread caller([&] {
        right = verifier.verify(Alice, Secret, m_stored);
        wrong = verifier.verify(Alice, QStringLiteral("guess"), m_stored);
    });
    caller.join();
    QTRY_COMPARE_WITH_TIMEOUT(answers.verified.size(), 2, 5000);
    QCOMPARE(answers.verified.value(right), true);
    QCOMPARE(answers.verified.value(wrong, true), false);
    QCOMPARE(answers.wrongThread, 0);
}

void TestPasswordVerifier::overflowAnswersFalse()
{
    // Pending answers are only released by this thread's event loop, so the bound is exact here.
    PasswordVerifier verifier(1, 5);
    Answers answers;
    collect(verifier, answers);
    QList<quint64> ids;
    for (int i = 0; i < 8; ++i)
        ids.append(verifier.verify(QStringLiteral("user%1@example.org").arg(i), Secret, m_stored));
    QCOMPARE(verifier.pending(), 5);
    QCOMPARE(verifier.rejected(), quint64(3));
    QVERIFY(answers.verified.isEmpty());    // refusals are queued too
    QTRY_COMPARE_WITH_TIMEOUT(answers.verified.size(), 8, 5000);
    for (int i = 0; i < 8; ++i)
        QCOMPARE(answers.verified.value(ids.at(i)), i < 5);
    // The refusals say so, before their answer, so a login can be told to try again later.
    QCOMPARE(answers.refused, ids.mid(5));
    QCOMPARE(verifier.pending(), 0);

    // Once drained, requests are accepted again.
    (void)verifier.verify(QStringLiteral("late@example.org"), Secret, m_stored);
    QCOMPARE(verifier.pending(), 1);
    QCOMPARE(verifier.rejected(), quint64(3));
    QTRY_COMPARE_WITH_TIMEOUT(answers.verified.size(), 9, 5000);
}

void TestPasswordVerifier::overflowAtDefaultBound()
{
    PasswordVerifier verifier;
    Answers answers;
    collect(verifier, answers);
    for (int i = 0; i < PasswordVerifier::DefaultMaxPending + 20; ++i)
        (void)verifier.verify(QStringLiteral("user%1@example.org").arg(i), QStringLiteral("guess"), m_stored);
    QCOMPARE(verifier.pending(), PasswordVerifier::DefaultMaxPending);
    QCOMPARE(verifier.rejected(), quint64(20));
    QTRY_COMPARE_WITH_TIMEOUT(answers.verified.size(), PasswordVerifier::DefaultMaxPending + 20, 60000);
    QCOMPARE(verifier.pending(), 0);
}

void TestPasswordVerifier::hashOverflowAnswersEmpty()
{
    PasswordVerifier verifier(1, 2);
    Answers answers;
    collect(verifier, answers);
    const quint64 first = verifier.hash(Secret);
    const quint64 second = verifier.hash(Secret);
    const quint64 refused = verifier.hash(Secret);
    QCOMPARE(verifier.rejected(), quint64(1));
    QTRY_COMPARE_WITH_TIMEOUT(answers.hashed.size(), 3, 5000);
    QVERIFY(PasswordHash::verify(answers.hashed.value(first), Secret));
    QVERIFY(PasswordHash::verify(answers.hashed.value(second), Secret));
    QVERIFY(answers.hashed.value(first) != answers.hashed.value(second));
    QVERIFY(answers.hashed.contains(refused));
    QVERIFY(answers.hashed.value(refused).isEmpty());
}

void TestPasswordVerifier::destroyedWhileBusy()
{
    int answered = 0;
    {
        auto verifier = std::make_unique<PasswordVerifier>(2);
        connect(verifier.get(), &PasswordVerifier::verified, this, [&answered] { ++answered; });
        for (int i = 0; i < 300; ++i)
            (void)verifier->verify(QStringLiteral("user%1@example.org").arg(i), Secret, m_stored);
        (void)verifier->hash(Secret);
        QThread::msleep(5);    // let some jobs start and finish while others wait
    }
    // Answers posted before destruction must have been dropped with the object, not delivered to it.
    QCoreApplication::processEvents();
    QTest::qWait(50);
    QCOMPARE(answered, 0);
}

QTEST_GUILESS_MAIN(TestPasswordVerifier)
#include "tst_passwordverifier.moc"
