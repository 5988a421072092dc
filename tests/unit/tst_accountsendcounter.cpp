// The send limit's counter: messages per login over a sliding hour of one-minute buckets, the
// once-an-hour warning, and pruning of logins that went quiet.

#include <QtTest>

#include "accountsendcounter.h"

class TestAccountSendCounter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsWithinTheHour();
    void loginsAreSeparate();
    void warnsOncePerHour();
    void quietLoginsArePruned();
};

namespace {

const QDateTime kStart(QDate(2026, 11, 29), QTime(10, 0, 30), Qt::UTC);

}

void TestAccountSendCounter::countsWithinTheHour()
{
    AccountSendCounter counter;
    QCOMPARE(counter.sentInLastHour(QStringLiteral("bob"), kStart), 0);
    for (int minute = 0; minute < 30; ++minute) {
        counter.recordSent(QStringLiteral("bob"), kStart.addSecs(minute * 60));
        counter.recordSent(QStringLiteral("bob"), kStart.addSecs(minute * 60 + 10));
    }
    QCOMPARE(counter.sentInLastHour(QStringLiteral("bob"), kStart.addSecs(29 * 60)), 60);
    // The first minute's two messages leave the window exactly an hour later, then the rest.
    QCOMPARE(counter.sentInLastHour(QStringLiteral("bob"), kStart.addSecs(59 * 60)), 60);
    QCOMPARE(counter.sentInLastHour(QStringLiteral("bob"), kStart.addSecs(60 * 60)), 58);
    QCOMPARE(counter.sentInLastHour(QStringLiteral("bob"), kStart.addSecs(75 * 60)), 28);
    QCOMPARE(counter.sentInLastHour(QStringLiteral("bob"), kStart.addSecs(89 * 60)), 0);
    QCOMPARE(counter.sentInLastHour(QStringLiteral("bob"), kStart.addSecs(10 * 3600)), 0);
    // Counting again after a long pause starts from zero.
    counter.recordSent(QStringLiteral("bob"), kStart.addSecs(10 * 3600));
    QCOMPARE(counter.sentInLastHour(QStringLiteral("bob"), kStart.addSecs(10 * 3600 + 5)), 1);
}

void TestAccountSendCounter::loginsAreSeparate()
{
    AccountSendCounter counter;
    counter.recordSent(QStringLiteral("bob@example.test"), kStart);
    counter.recordSent(QStringLiteral("scanner"), kStart);
    counter.recordSent(QStringLiteral("scanner"), kStart);
    QCOMPARE(counter.sentInLastHour(QStringLiteral("bob@example.test"), kStart), 1);
    QCOMPARE(counter.sentInLastHour(QStringLiteral("scanner"), kStart), 2);
    QCOMPARE(counter.loginCount(), 2);
}

void TestAccountSendCounter::warnsOncePerHour()
{
    AccountSendCounter counter;
    QVERIFY(counter.shouldWarn(QStringLiteral("bob"), kStart));
    QVERIFY(!counter.shouldWarn(QStringLiteral("bob"), kStart.addSecs(60)));
    QVERIFY(!counter.shouldWarn(QStringLiteral("bob"), kStart.addSecs(59 * 60)));
    QVERIFY(counter.shouldWarn(QStringLiteral("alice"), kStart.addSecs(60)));
    QVERIFY(counter.shouldWarn(QStringLiteral("bob"), kStart.addSecs(60 * 60)));
}

void TestAccountSendCounter::quietLoginsArePruned()
{
    AccountSendCounter counter;
    for (int i = 0; i < 100; ++i)
        counter.recordSent(QStringLiteral("login%1").arg(i), kStart);
    QCOMPARE(counter.loginCount(), 100);
    counter.recordSent(QStringLiteral("late"), kStart.addSecs(61 * 60));
    QCOMPARE(counter.loginCount(), 1);
}

QTEST_APPLESS_MAIN(TestAccountSendCounter)
#include "tst_accountsendcounter.moc"
