// The compact name table behind a POP3 session's message list: every name comes back byte for
// byte whatever its shape, Postern's own names take a fixed small record, and replacing or
// reordering entries keeps the others intact.

#include <QtTest>

#include "maildirnametable.h"

class TestMaildirNameTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void deliveryTime_data();
    void deliveryTime();
    void replaceAndReorder();
    void postersOwnNamesStaySmall();
    void manyHostsFallBackToRawNames();
};

void TestMaildirNameTable::roundTrip_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::newRow("postern new") << QByteArray("1732451234.M123456P4321Q17R0a1b2c3d.mail.example.org,S=10240,W=10240");
    QTest::newRow("postern seen") << QByteArray("1732451234.M5P1Q0R00000000.host,S=1,W=2:2,S");
    QTest::newRow("postern flags") << QByteArray("1732451234.M5P1Q0Rffffffff.host,S=1,W=2:2,FRS");
    QTest::newRow("max numbers") << QByteArray("4294967295.M999999P4294967295Q4294967295Rdeadbeef.h,S=4294967295,W=4294967295");
    QTest::newRow("too big for 32 bits") << QByteArray("4294967296.M1P1Q1R00000001.h,S=1,W=1");
    QTest::newRow("size over 4 GiB") << QByteArray("1700000000.M1P1Q1R00000001.h,S=5000000000,W=5000000000");
    QTest::newRow("leading zero") << QByteArray("1700000000.M01P1Q1R00000001.h,S=1,W=1");
    QTest::newRow("upper-case hex") << QByteArray("1700000000.M1P1Q1R0000000A.h,S=1,W=1");
    QTest::newRow("short random") << QByteArray("1700000001.M1P1Q1R1.host,S=1,W=1:2,RF");
    QTest::newRow("dovecot") << QByteArray("1700000000.M305476P3045.mx,S=1234,W=1260:2,S");
    QTest::newRow("no W") << QByteArray("1700000000.M1P1Q1R00000001.h,S=12");
    QTest::newRow("text after W") << QByteArray("1700000000.M1P1Q1R00000001.h,S=1,W=1,X=3");
    QTest::newRow("courier style") << QByteArray("1700000000.12345_0.host");
    QTest::newRow("not numeric") << QByteArray("message-one");
    QTest::newRow("utf-8") << QByteArray("1700000000.M1P1Q1R00000001.h\xc3\xa9,S=1,W=1");
    QTest::newRow("empty host") << QByteArray("1700000000.M1P1Q1R00000001.,S=1,W=1");
}

void TestMaildirNameTable::roundTrip()
{
    QFETCH(QByteArray, name);
    MaildirNameTable table;
    table.append("1700000000.M1P1Q1R00000001.other,S=5,W=5", false);   // a neighbour to disturb
    const int index = table.append(name, true);
    table.append("zzz", false);
    QCOMPARE(table.name(index), name);
    QCOMPARE(table.inCur(index), true);
    const qsizetype colon = name.indexOf(':');
    QCOMPARE(table.baseName(index), colon < 0 ? name : name.left(colon));
    QCOMPARE(table.name(0), QByteArray("1700000000.M1P1Q1R00000001.other,S=5,W=5"));
    QCOMPARE(table.name(2), QByteArray("zzz"));
}

void TestMaildirNameTable::deliveryTime_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<bool>("timed");
    QTest::addColumn<qint64>("expectedSeconds");
    QTest::addColumn<qint64>("expectedMicroseconds");
    QTest::newRow("postern") << QByteArray("1732451234.M123456P1Q1R00000001.h,S=1,W=1") << true << qint64(1732451234)
                             << qint64(123456);
    QTest::newRow("dovecot") << QByteArray("1700000000.M305476P3045.mx,S=1,W=1") << true << qint64(1700000000)
                             << qint64(305476);
    QTest::newRow("seconds only") << QByteArray("1700000000.12345_0.host") << true << qint64(1700000000) << qint64(0);
    QTest::newRow("none") << QByteArray("message") << false << qint64(0) << qint64(0);
}

void TestMaildirNameTable::deliveryTime()
{
    QFETCH(QByteArray, name);
    QFETCH(bool, timed);
    QFETCH(qint64, expectedSeconds);
    QFETCH(qint64, expectedMicroseconds);
    MaildirNameTable table;
    table.append(name, false);
    qint64 seconds = 0;
    qint64 microseconds = 0;
    QCOMPARE(table.deliveryTime(0, &seconds, &microseconds), timed);
    if (timed) {
        QCOMPARE(seconds, expectedSeconds);
        QCOMPARE(microseconds, expectedMicroseconds);
    }
}

void TestMaildirNameTable::replaceAndReorder()
{
    MaildirNameTable table;
    table.append("1700000000.M1P1Q1R00000001.h,S=1,W=1", false);
    table.append("raw-one", false);
    table.append("1700000002.M1P1Q1R00000003.h,S=3,W=3", false);
    table.replace(0, "1700000000.M1P1Q1R00000001.h,S=1,W=1:2,S", true);
    table.replace(1, "raw-one:2,S", true);
    table.reorder({2, 0});
    table.squeeze();
    QCOMPARE(table.count(), 2);
    QCOMPARE(table.name(0), QByteArray("1700000002.M1P1Q1R00000003.h,S=3,W=3"));
    QCOMPARE(table.inCur(0), false);
    QCOMPARE(table.name(1), QByteArray("1700000000.M1P1Q1R00000001.h,S=1,W=1:2,S"));
    QCOMPARE(table.inCur(1), true);
}

void TestMaildirNameTable::postersOwnNamesStaySmall()
{
    // 1,000 names as Postern delivers them, half already seen: the whole table must stay well
    // under the 64 KiB a logged-in session may cost (issue 5), i.e. no per-name allocation.
    MaildirNameTable table;
    for (int i = 0; i < 1000; ++i) {
        const QByteArray name = "1732451234.M" + QByteArray::number(i * 37) + "P4321Q" + QByteArray::number(i) + "R"
                                + QByteArray::number(0x10000000U + quint32(i) * 7919U, 16) + ".mail.example.org,S=10240,W=10240"
                                + (i % 2 ? ":2,S" : "");
        QCOMPARE(table.name(table.append(name, i % 2 == 1)), name);
    }
    table.squeeze();
    QVERIFY2(table.memoryBytes() <= 1000 * 32 + 256, qPrintable(QString::number(table.memoryBytes())));
}

void TestMaildirNameTable::manyHostsFallBackToRawNames()
{
    MaildirNameTable table;
    QList<QByteArray> names;
    for (int i = 0; i < 300; ++i) {
        names << "1700000000.M1P1Q" + QByteArray::number(i) + "R00000001.host" + QByteArray::number(i) + ",S=1,W=1";
        table.append(names.last(), false);
    }
    for (int i = 0; i < 300; ++i)
        QCOMPARE(table.name(i), names.at(i));
}

QTEST_APPLESS_MAIN(TestMaildirNameTable)
#include "tst_maildirnametable.moc"
