// MailboxList: the addresses of a From: field in every RFC 5322 shape a client writes.
#include "mailboxlist.h"

#include <QtTest>

class TestMailboxList : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void addresses_data();
    void addresses();
};

void TestMailboxList::addresses_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("bare") << QByteArray("alice@example.test") << QStringList{QStringLiteral("alice@example.test")};
    QTest::newRow("angle") << QByteArray("<alice@example.test>") << QStringList{QStringLiteral("alice@example.test")};
    QTest::newRow("display name") << QByteArray("Alice Smith <alice@example.test>") << QStringList{QStringLiteral("alice@example.test")};
    QTest::newRow("quoted name with comma and angle")
        << QByteArray("\"Smith, Alice <boss@example.test>\" <alice@example.test>") << QStringList{QStringLiteral("alice@example.test")};
    QTest::newRow("escaped quote in name") << QByteArray("\"A \\\"B\\\" C\" <alice@example.test>") << QStringList{QStringLiteral("alice@example.test")};
    QTest::newRow("comment") << QByteArray("alice@example.test (Alice, <boss@example.test>)") << QStringList{QStringLiteral("alice@example.test")};
    QTest::newRow("nested comment") << QByteArray("(a (b) c) alice@example.test") << QStringList{QStringLiteral("alice@example.test")};
    QTest::newRow("two mailboxes") << QByteArray("Alice <alice@example.test>, bob@example.test")
                                   << QStringList{QStringLiteral("alice@example.test"), QStringLiteral("bob@example.test")};
    QTest::newRow("group") << QByteArray("Team: alice@example.test, Bob <bob@example.test>;")
                           << QStringList{QStringLiteral("alice@example.test"), QStringLiteral("bob@example.test")};
    QTest::newRow("empty group") << QByteArray("undisclosed-recipients:;") << QStringList{};
    QTest::newRow("quoted local part") << QByteArray("\"john doe\"@example.test") << QStringList{QStringLiteral("\"john doe\"@example.test")};
    QTest::newRow("domain literal") << QByteArray("a@[IPv6:2001:db8::1]") << QStringList{QStringLiteral("a@[IPv6:2001:db8::1]")};
    QTest::newRow("encoded word name") << QByteArray("=?UTF-8?B?QWxpY2U=?= <alice@example.test>") << QStringList{QStringLiteral("alice@example.test")};
    QTest::newRow("unclosed angle") << QByteArray("Alice <alice@example.test") << QStringList{QStringLiteral("alice@example.test")};
    QTest::newRow("garbage kept for the caller") << QByteArray("not an address") << QStringList{QStringLiteral("not an address")};
    QTest::newRow("empty") << QByteArray("") << QStringList{};
}

void TestMailboxList::addresses()
{
    QFETCH(QByteArray, value);
    QFETCH(QStringList, expected);
    QCOMPARE(MailboxList::addresses(value), expected);
}

QTEST_GUILESS_MAIN(TestMailboxList)
#include "tst_mailboxlist.moc"
