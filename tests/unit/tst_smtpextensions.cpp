// SmtpExtensions: the keywords of an EHLO reply, SIZE's limit and AUTH's mechanisms.

#include "smtpextensions.h"

#include <QtTest>

class TestSmtpExtensions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse();
    void sizeWithoutLimit_data();
    void sizeWithoutLimit();
    void empty();
};

void TestSmtpExtensions::parse()
{
    const SmtpExtensions extensions = SmtpExtensions::parse(
        {"mx.example.org greets you", "size 35882577", "", "PIPELINING", "AUTH PLAIN login CRAM-MD5", "AUTH=LOGIN XOAUTH",
         "8BITMIME", "  DSN  ", "STARTTLS"});
    QCOMPARE(extensions.keywords(), (QStringList{QStringLiteral("SIZE"), QStringLiteral("PIPELINING"), QStringLiteral("AUTH"),
                                                 QStringLiteral("8BITMIME"), QStringLiteral("DSN"), QStringLiteral("STARTTLS")}));
    QCOMPARE(extensions.sizeLimit(), 35882577);
    QCOMPARE(extensions.authMechanisms(), (QStringList{QStringLiteral("PLAIN"), QStringLiteral("LOGIN"),
                                                       QStringLiteral("CRAM-MD5"), QStringLiteral("XOAUTH")}));
    QVERIFY(extensions.has(QStringLiteral("DSN")));
    // The greeting line is not an extension.
    QVERIFY(!extensions.has(QStringLiteral("MX.EXAMPLE.ORG")));
}

void TestSmtpExtensions::sizeWithoutLimit_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("bare") << QByteArray("SIZE");
    QTest::newRow("zero") << QByteArray("SIZE 0");
    QTest::newRow("garbage") << QByteArray("SIZE lots");
    QTest::newRow("negative") << QByteArray("SIZE -5");
}

void TestSmtpExtensions::sizeWithoutLimit()
{
    QFETCH(QByteArray, line);
    const SmtpExtensions extensions = SmtpExtensions::parse({"host", line});
    QVERIFY(extensions.has(QStringLiteral("SIZE")));
    QCOMPARE(extensions.sizeLimit(), 0);
}

void TestSmtpExtensions::empty()
{
    const SmtpExtensions extensions = SmtpExtensions::parse({"host only"});
    QVERIFY(extensions.keywords().isEmpty());
    QVERIFY(extensions.authMechanisms().isEmpty());
    QCOMPARE(SmtpExtensions().sizeLimit(), 0);
}

QTEST_GUILESS_MAIN(TestSmtpExtensions)
#include "tst_smtpextensions.moc"
