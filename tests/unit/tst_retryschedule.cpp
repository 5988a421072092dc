// outbound.retry_schedule: parsing with units, the limits, the canonical text and the waits,
// the last of which repeats.

#include "retryschedule.h"

#include <QtTest>

class TestRetrySchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void defaultSchedule();
    void delayAfter();
};

void TestRetrySchedule::valid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("normalized");
    QTest::addColumn<QList<qint64>>("steps");
    QTest::newRow("default") << QStringLiteral("5m,15m,30m,1h,2h,4h") << QStringLiteral("5m,15m,30m,1h,2h,4h")
                             << QList<qint64>{300, 900, 1800, 3600, 7200, 14400};
    QTest::newRow("one") << QStringLiteral("1s") << QStringLiteral("1s") << QList<qint64>{1};
    QTest::newRow("spaces and case") << QStringLiteral(" 90S , 2H ,1d") << QStringLiteral("90s,2h,1d") << QList<qint64>{90, 7200, 86400};
    QTest::newRow("largest unit") << QStringLiteral("3600s,120m,48h") << QStringLiteral("1h,2h,2d") << QList<qint64>{3600, 7200, 172800};
    QStringList twenty;
    for (int i = 0; i < 20; ++i)
        twenty << QStringLiteral("1m");
    QTest::newRow("twenty") << twenty.join(QLatin1Char(',')) << twenty.join(QLatin1Char(',')) << QList<qint64>(20, 60);
}

void TestRetrySchedule::valid()
{
    QFETCH(QString, text);
    QString error;
    const std::optional<RetrySchedule> schedule = RetrySchedule::parse(text, &error);
    QVERIFY2(schedule, qPrintable(error));
    QTEST(schedule->toString(), "normalized");
    QTEST(schedule->steps(), "steps");
    QCOMPARE(RetrySchedule::parse(schedule->toString()), schedule);
}

void TestRetrySchedule::invalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty") << QStringLiteral("") << QStringLiteral("at least one");
    QTest::newRow("blank") << QStringLiteral("  ") << QStringLiteral("at least one");
    QTest::newRow("zero") << QStringLiteral("0s") << QStringLiteral("at least 1 second");
    QTest::newRow("negative") << QStringLiteral("-5m") << QStringLiteral("not a wait");
    QTest::newRow("no unit") << QStringLiteral("5") << QStringLiteral("not a wait");
    QTest::newRow("unknown unit") << QStringLiteral("5w") << QStringLiteral("not a wait");
    QTest::newRow("no number") << QStringLiteral("m") << QStringLiteral("not a wait");
    QTest::newRow("empty step") << QStringLiteral("5m,,1h") << QStringLiteral("not a wait");
    QTest::newRow("fraction") << QStringLiteral("1.5h") << QStringLiteral("not a wait");
    QTest::newRow("plus") << QStringLiteral("+5m") << QStringLiteral("not a wait");
    QTest::newRow("too long") << QStringLiteral("400d") << QStringLiteral("at most 366 days");
    QStringList many;
    for (int i = 0; i < 21; ++i)
        many << QStringLiteral("1m");
    QTest::newRow("21 steps") << many.join(QLatin1Char(',')) << QStringLiteral("at most 20");
}

void TestRetrySchedule::invalid()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    QString why;
    QVERIFY(!RetrySchedule::parse(text, &why));
    QVERIFY2(why.contains(error), qPrintable(why));
    QVERIFY(!RetrySchedule::parse(text));   // no error pointer: still refused, no crash
}

void TestRetrySchedule::defaultSchedule()
{
    QCOMPARE(RetrySchedule().toString(), QStringLiteral("5m,15m,30m,1h,2h,4h"));
    QCOMPARE(RetrySchedule(), *RetrySchedule::parse(QStringLiteral("5m,15m,30m,1h,2h,4h")));
}

void TestRetrySchedule::delayAfter()
{
    const RetrySchedule schedule = *RetrySchedule::parse(QStringLiteral("1m,10m,1h"));
    QCOMPARE(schedule.delayAfter(0), qint64(60));
    QCOMPARE(schedule.delayAfter(1), qint64(60));
    QCOMPARE(schedule.delayAfter(2), qint64(600));
    QCOMPARE(schedule.delayAfter(3), qint64(3600));
    QCOMPARE(schedule.delayAfter(4), qint64(3600));
    QCOMPARE(schedule.delayAfter(1000), qint64(3600));
    QCOMPARE(schedule.delayAfter(-3), qint64(60));
}

QTEST_GUILESS_MAIN(TestRetrySchedule)
#include "tst_retryschedule.moc"
