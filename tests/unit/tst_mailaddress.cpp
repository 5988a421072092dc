// RFC 5321 mailbox validation and canonical form.

#include "mailaddress.h"

#include <QtTest>

class TestMailAddress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void hostNames_data();
    void hostNames();
};

void TestMailAddress::valid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("plain") << QStringLiteral("bob@example.com") << QStringLiteral("bob@example.com");
    QTest::newRow("case folded") << QStringLiteral("Bob.Smith@Example.COM") << QStringLiteral("bob.smith@example.com");
    QTest::newRow("atext") << QStringLiteral("a!#$%&'*+/=?^_`{|}~-z@example.com") << QStringLiteral("a!#$%&'*+/=?^_`{|}~-z@example.com");
    QTest::newRow("idna domain") << QStringLiteral("info@Bücher.example") << QStringLiteral("info@xn--bcher-kva.example");
    QTest::newRow("ace domain kept") << QStringLiteral("info@xn--bcher-kva.example") << QStringLiteral("info@xn--bcher-kva.example");
    QTest::newRow("utf8 local part") << QStringLiteral("jörg@example.com") << QStringLiteral("jörg@example.com");
    QTest::newRow("quoted") << QStringLiteral("\"john doe\"@example.com") << QStringLiteral("\"john doe\"@example.com");
    QTest::newRow("quoted escape") << QStringLiteral("\"a\\\"b\"@example.com") << QStringLiteral("\"a\\\"b\"@example.com");
    QTest::newRow("trailing dot domain") << QStringLiteral("a@example.com.") << QStringLiteral("a@example.com");
    QTest::newRow("ipv4 literal") << QStringLiteral("a@[192.0.2.1]") << QStringLiteral("a@[192.0.2.1]");
    QTest::newRow("ipv6 literal") << QStringLiteral("a@[IPv6:2001:db8::1]") << QStringLiteral("a@[IPv6:2001:db8::1]");
    QTest::newRow("64 octet local") << QString(64, QLatin1Char('a')) + QStringLiteral("@example.com")
                                    << QString(64, QLatin1Char('a')) + QStringLiteral("@example.com");
    QTest::newRow("single label") << QStringLiteral("root@localhost") << QStringLiteral("root@localhost");
}

void TestMailAddress::valid()
{
    QFETCH(QString, input);
    QFETCH(QString, canonical);
    const MailAddress address = MailAddress::parse(input);
    QVERIFY2(address.isValid(), qPrintable(address.error()));
    QCOMPARE(address.canonical(), canonical);
}

void TestMailAddress::invalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("empty") << QString();
    QTest::newRow("no at") << QStringLiteral("bob.example.com");
    QTest::newRow("no local") << QStringLiteral("@example.com");
    QTest::newRow("no domain") << QStringLiteral("bob@");
    QTest::newRow("leading dot") << QStringLiteral(".bob@example.com");
    QTest::newRow("trailing dot") << QStringLiteral("bob.@example.com");
    QTest::newRow("double dot") << QStringLiteral("b..ob@example.com");
    QTest::newRow("space") << QStringLiteral("bo b@example.com");
    QTest::newRow("angle") << QStringLiteral("<bob@example.com>");
    QTest::newRow("two at unquoted") << QStringLiteral("a@b@example.com");
    QTest::newRow("65 octet local") << QString(65, QLatin1Char('a')) + QStringLiteral("@example.com");
    QTest::newRow("underscore domain") << QStringLiteral("a@ex_ample.com");
    QTest::newRow("hyphen label start") << QStringLiteral("a@-example.com");
    QTest::newRow("empty label") << QStringLiteral("a@example..com");
    QTest::newRow("long label") << QStringLiteral("a@") + QString(64, QLatin1Char('x')) + QStringLiteral(".com");
    QTest::newRow("bad literal") << QStringLiteral("a@[300.1.1.1]");
    QTest::newRow("v6 without tag") << QStringLiteral("a@[2001:db8::1]");
    QTest::newRow("control char") << QStringLiteral("a\x01@example.com");
    QTest::newRow("unterminated quote") << QStringLiteral("\"abc@example.com");
}

void TestMailAddress::invalid()
{
    QFETCH(QString, input);
    const MailAddress address = MailAddress::parse(input);
    QVERIFY(!address.isValid());
    QVERIFY(!address.error().isEmpty());
}

void TestMailAddress::hostNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("simple") << QStringLiteral("mail.example.com") << true;
    QTest::newRow("digits") << QStringLiteral("123.example") << true;
    QTest::newRow("uppercase ascii") << QStringLiteral("MAIL.example") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("trailing hyphen") << QStringLiteral("mail-.example") << false;
    QTest::newRow("non-ascii") << QStringLiteral("bücher.example") << false;
    QTest::newRow("too long") << QString(127, QLatin1Char('a')).split(QString()).join(QLatin1Char('.')).left(300) << false;
}

void TestMailAddress::hostNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(MailAddress::isValidHostName(name), valid);
}

QTEST_GUILESS_MAIN(TestMailAddress)
#include "tst_mailaddress.moc"
