// Decimal hours for outbound.max_age_hours / delay_notice_hours: parsing, canonical text, seconds.

#include "decimalhours.h"

#include <QtTest>

class TestDecimalHours : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("thousandths");   // -1: refused
        QTest::addColumn<QString>("canonical");
        QTest::addColumn<qint64>("seconds");
        QTest::newRow("whole") << QStringLiteral("4") << qint64(4000) << QStringLiteral("4") << qint64(14400);
        QTest::newRow("zero") << QStringLiteral("0") << qint64(0) << QStringLiteral("0") << qint64(0);
        QTest::newRow("half") << QStringLiteral("0.5") << qint64(500) << QStringLiteral("0.5") << qint64(1800);
        QTest::newRow("trailing zeros") << QStringLiteral(" 1.250 ") << qint64(1250) << QStringLiteral("1.25") << qint64(4500);
        QTest::newRow("trailing point") << QStringLiteral("2.") << qint64(2000) << QStringLiteral("2") << qint64(7200);
        QTest::newRow("leading point") << QStringLiteral(".25") << qint64(250) << QStringLiteral("0.25") << qint64(900);
        QTest::newRow("leading zeros") << QStringLiteral("007") << qint64(7000) << QStringLiteral("7") << qint64(25200);
        QTest::newRow("thousandth") << QStringLiteral("0.002") << qint64(2) << QStringLiteral("0.002") << qint64(7);
        QTest::newRow("rounds half up") << QStringLiteral("0.003") << qint64(3) << QStringLiteral("0.003") << qint64(11);
        QTest::newRow("a year") << QStringLiteral("8760") << qint64(8760000) << QStringLiteral("8760") << qint64(31536000);
        QTest::newRow("negative") << QStringLiteral("-1") << qint64(-1) << QString() << qint64(0);
        QTest::newRow("plus sign") << QStringLiteral("+1") << qint64(-1) << QString() << qint64(0);
        QTest::newRow("four decimals") << QStringLiteral("0.0005") << qint64(-1) << QString() << qint64(0);
        QTest::newRow("exponent") << QStringLiteral("1e3") << qint64(-1) << QString() << qint64(0);
        QTest::newRow("comma") << QStringLiteral("0,5") << qint64(-1) << QString() << qint64(0);
        QTest::newRow("unit") << QStringLiteral("4h") << qint64(-1) << QString() << qint64(0);
        QTest::newRow("point alone") << QStringLiteral(".") << qint64(-1) << QString() << qint64(0);
        QTest::newRow("empty") << QStringLiteral(" ") << qint64(-1) << QString() << qint64(0);
        QTest::newRow("too many digits") << QStringLiteral("123456789") << qint64(-1) << QString() << qint64(0);
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(qint64, thousandths);
        QFETCH(QString, canonical);
        QFETCH(qint64, seconds);
        QString why;
        const std::optional<qint64> parsed = DecimalHours::parse(text, &why);
        if (thousandths < 0) {
            QVERIFY(!parsed);
            QVERIFY(!why.isEmpty());
            return;
        }
        QVERIFY2(parsed, qPrintable(why));
        QCOMPARE(*parsed, thousandths);
        QCOMPARE(DecimalHours::toText(*parsed), canonical);
        QCOMPARE(DecimalHours::toSeconds(*parsed), seconds);
        QCOMPARE(DecimalHours::parse(canonical), parsed);   // the canonical text reads back the same
    }

    void negativeSaysSo()
    {
        QString why;
        QVERIFY(!DecimalHours::parse(QStringLiteral("-0.5"), &why));
        QCOMPARE(why, QStringLiteral("must not be negative"));
    }
};

QTEST_GUILESS_MAIN(TestDecimalHours)
#include "tst_decimalhours.moc"
