// The in-memory failure table the brute-force rules read: counts per address within a window,
// the per-address and total caps, pruning of old entries, one key per client.

#include "inmemoryauthfailurerecorder.h"

#include <QtTest>

#include <thread>

using namespace std::chrono_literals;

class TestAuthFailureRecorder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsWithinTheWindow();
    void keepsWhatTheRuleNeeds();
    void perAddressCapKeepsTheNewest();
    void addressCapEvictsTheStalest();
    void oldEntriesArePruned();
    void mappedAddressIsTheSameClient();
    void concurrentWriters();
    void forgetDropsOneAddress();
    void keepsKindAndFingerprint();
};

namespace {

const QHostAddress kClient(QStringLiteral("192.0.2.7"));
const QDateTime kStart(QDate(2026, 11, 24), QTime(10, 0), Qt::UTC);

// A clock the test moves by hand.
struct ManualClock
{
    QDateTime now = kStart;
    InMemoryAuthFailureRecorder::Clock function()
    {
        return [this] { return now; };
    }
};

AuthFailure failure(const QHostAddress &client, const QString &user, const QString &mechanism, const QString &service,
                    const QDateTime &time)
{
    AuthFailure result;
    result.client = client;
    result.user = user;
    result.mechanism = mechanism;
    result.service = service;
    result.time = time;
    return result;
}

QHostAddress host(int n)
{
    return QHostAddress(QStringLiteral("198.51.%1.%2").arg(n / 250).arg(n % 250 + 1));
}

}

void TestAuthFailureRecorder::countsWithinTheWindow()
{
    ManualClock clock;
    InMemoryAuthFailureRecorder recorder(1h, 100, 100, clock.function());
    for (int minute = 0; minute < 10; ++minute)
        recorder.record(failure(kClient, QStringLiteral("alice"), QStringLiteral("PLAIN"), QStringLiteral("smtp"), kStart.addSecs(minute * 60)));
    clock.now = kStart.addSecs(9 * 60);
    QCOMPARE(recorder.failureCount(kClient, 10min), 10);
    QCOMPARE(recorder.failureCount(kClient, 5min), 6);   // minutes 4..9
    QCOMPARE(recorder.failureCount(kClient, 0s), 1);
    QCOMPARE(recorder.failureCount(QHostAddress(QStringLiteral("192.0.2.8")), 10min), 0);
    clock.now = kStart.addSecs(30 * 60);
    QCOMPARE(recorder.failureCount(kClient, 10min), 0);
    QCOMPARE(recorder.failureCount(kClient, 30min), 10);
}

void TestAuthFailureRecorder::keepsWhatTheRuleNeeds()
{
    ManualClock clock;
    InMemoryAuthFailureRecorder recorder(1h, 100, 100, clock.function());
    recorder.record(failure(kClient, QStringLiteral("bob@example.test"), QStringLiteral("USER"), QStringLiteral("pop3"), kStart.addSecs(2)));
    recorder.record(failure(kClient, QStringLiteral("scanner"), QStringLiteral("LOGIN"), QStringLiteral("submission"), kStart.addSecs(1)));
    clock.now = kStart.addSecs(3);
    const QList<AuthFailure> failures = recorder.failures(kClient, 1min);
    QCOMPARE(failures.size(), 2);
    // Oldest first, whatever order the sessions concluded in.
    QCOMPARE(failures.at(0).user, QStringLiteral("scanner"));
    QCOMPARE(failures.at(0).mechanism, QStringLiteral("LOGIN"));
    QCOMPARE(failures.at(0).service, QStringLiteral("submission"));
    QCOMPARE(failures.at(0).time, kStart.addSecs(1));
    QCOMPARE(failures.at(1).user, QStringLiteral("bob@example.test"));
    QCOMPARE(failures.at(1).client, kClient);
}

void TestAuthFailureRecorder::perAddressCapKeepsTheNewest()
{
    ManualClock clock;
    InMemoryAuthFailureRecorder recorder(1h, 100, 5, clock.function());
    for (int i = 0; i < 12; ++i)
        recorder.record(failure(kClient, QStringLiteral("user%1").arg(i), QStringLiteral("PLAIN"), QStringLiteral("smtp"), kStart.addSecs(i)));
    clock.now = kStart.addSecs(12);
    const QList<AuthFailure> kept = recorder.failures(kClient, 1h);
    QCOMPARE(kept.size(), 5);
    QCOMPARE(kept.first().user, QStringLiteral("user7"));
    QCOMPARE(kept.last().user, QStringLiteral("user11"));
}

void TestAuthFailureRecorder::addressCapEvictsTheStalest()
{
    ManualClock clock;
    InMemoryAuthFailureRecorder recorder(1h, 50, 10, clock.function());
    // Address 0 fails early, then everyone else; address 0 fails again last of the first 50, so
    // address 1 holds the stalest latest failure when room is needed.
    for (int n = 0; n < 50; ++n)
        recorder.record(failure(host(n), QStringLiteral("x"), QStringLiteral("PLAIN"), QStringLiteral("smtp"), kStart.addSecs(n)));
    recorder.record(failure(host(0), QStringLiteral("x"), QStringLiteral("PLAIN"), QStringLiteral("smtp"), kStart.addSecs(60)));
    clock.now = kStart.addSecs(61);
    QCOMPARE(recorder.addressCount(), 50);
    recorder.record(failure(host(1000), QStringLiteral("x"), QStringLiteral("PLAIN"), QStringLiteral("smtp"), kStart.addSecs(61)));
    QCOMPARE(recorder.addressCount(), 50);
    QCOMPARE(recorder.failureCount(host(1), 1h), 0);
    QCOMPARE(recorder.failureCount(host(0), 1h), 2);
    QCOMPARE(recorder.failureCount(host(1000), 1h), 1);
    // A flood from ever new addresses never grows the table past its cap.
    for (int n = 2000; n < 3000; ++n)
        recorder.record(failure(host(n), QStringLiteral("x"), QStringLiteral("PLAIN"), QStringLiteral("smtp"), kStart.addSecs(61)));
    QCOMPARE(recorder.addressCount(), 50);
}

void TestAuthFailureRecorder::oldEntriesArePruned()
{
    ManualClock clock;
    InMemoryAuthFailureRecorder recorder(10min, 10000, 100, clock.function());
    for (int n = 0; n < 100; ++n)
        recorder.record(failure(host(n), QStringLiteral("x"), QStringLiteral("PLAIN"), QStringLiteral("smtp"), kStart));
    QCOMPARE(recorder.addressCount(), 100);
    // Past maxAge nothing counts, even for a window longer than maxAge ...
    clock.now = kStart.addSecs(11 * 60);
    QCOMPARE(recorder.failureCount(host(5), 1h), 0);
    // ... and the regular sweep drops the entries themselves.
    for (int n = 0; n < 300; ++n)
        recorder.record(failure(host(5000), QStringLiteral("x"), QStringLiteral("PLAIN"), QStringLiteral("smtp"), clock.now));
    QCOMPARE(recorder.addressCount(), 1);
}

void TestAuthFailureRecorder::mappedAddressIsTheSameClient()
{
    ManualClock clock;
    InMemoryAuthFailureRecorder recorder(1h, 100, 100, clock.function());
    recorder.record(failure(QHostAddress(QStringLiteral("::ffff:192.0.2.7")), QStringLiteral("x"), QStringLiteral("PLAIN"),
                    QStringLiteral("smtp"), kStart));
    recorder.record(failure(kClient, QStringLiteral("x"), QStringLiteral("USER"), QStringLiteral("pop3"), kStart));
    QCOMPARE(recorder.failureCount(kClient, 1min), 2);
    QCOMPARE(recorder.addressCount(), 1);
}

void TestAuthFailureRecorder::concurrentWriters()
{
    InMemoryAuthFailureRecorder recorder(1h, 100000, 1000);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&recorder, now, t] {
            for (int i = 0; i < 500; ++i)
                recorder.record(failure(host(t), QStringLiteral("x"), QStringLiteral("PLAIN"), QStringLiteral("smtp"), now));
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    for (int t = 0; t < 4; ++t)
        QCOMPARE(recorder.failureCount(host(t), 1h), 500);
}

void TestAuthFailureRecorder::forgetDropsOneAddress()
{
    ManualClock clock;
    InMemoryAuthFailureRecorder recorder(1h, 100, 100, clock.function());
    recorder.record(failure(host(1), QStringLiteral("x"), QStringLiteral("PLAIN"), QStringLiteral("smtp"), kStart));
    recorder.record(failure(host(2), QStringLiteral("x"), QStringLiteral("PLAIN"), QStringLiteral("smtp"), kStart));
    recorder.forget(QHostAddress(QStringLiteral("::ffff:") + host(1).toString()));
    QCOMPARE(recorder.failureCount(host(1), 1h), 0);
    QCOMPARE(recorder.failureCount(host(2), 1h), 1);
    QCOMPARE(recorder.addressCount(), 1);
}

void TestAuthFailureRecorder::keepsKindAndFingerprint()
{
    ManualClock clock;
    InMemoryAuthFailureRecorder recorder(1h, 100, 100, clock.function());
    AuthFailure relay = failure(kClient, QStringLiteral("x@example.net"), QStringLiteral("RCPT"), QStringLiteral("smtp"), kStart);
    relay.kind = AuthFailure::Kind::Relay;
    AuthFailure login = failure(kClient, QStringLiteral("bob"), QStringLiteral("PLAIN"), QStringLiteral("smtp"), kStart.addSecs(1));
    login.passwordFingerprint = QByteArray(16, '\x5a');
    recorder.record(relay);
    recorder.record(login);
    const QList<AuthFailure> kept = recorder.failures(kClient, 1h);
    QCOMPARE(kept.size(), 2);
    QCOMPARE(kept.at(0).kind, AuthFailure::Kind::Relay);
    QVERIFY(kept.at(0).passwordFingerprint.isEmpty());
    QCOMPARE(kept.at(1).kind, AuthFailure::Kind::Login);
    QCOMPARE(kept.at(1).passwordFingerprint, QByteArray(16, '\x5a'));
}

QTEST_GUILESS_MAIN(TestAuthFailureRecorder)
#include "tst_authfailurerecorder.moc"
