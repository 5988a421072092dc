// Mailbox paths, Maildir unique names and the sizes read back from them.

#include "maildirlayout.h"

#include <QtTest>

#include <sys/stat.h>

class TestMaildirLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mailboxPath_data();
    void mailboxPath();
    void invalidAddresses_data();
    void invalidAddresses();
    void ensureMailbox();
    void ensureMailboxRejectsFile();
    void uniqueNameFormat();
    void uniqueNameIsUnique();
    void sizeFromName_data();
    void sizeFromName();
    void wireSizeFromName();
};

void TestMaildirLayout::mailboxPath_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("relative");
    QTest::newRow("plain") << QStringLiteral("bob@example.com") << QStringLiteral("example.com/bob");
    QTest::newRow("dots inside") << QStringLiteral("bob.smith@example.com") << QStringLiteral("example.com/bob.smith");
    QTest::newRow("utf8 kept") << QStringLiteral("jörg@example.com") << QStringLiteral("example.com/jörg");
    QTest::newRow("cjk kept") << QStringLiteral("用户@xn--fiqs8s") << QStringLiteral("xn--fiqs8s/用户");
    QTest::newRow("slash") << QStringLiteral("a/b@example.com") << QStringLiteral("example.com/a%2Fb");
    QTest::newRow("percent") << QStringLiteral("100%@example.com") << QStringLiteral("example.com/100%25");
    QTest::newRow("leading dot") << QStringLiteral(".bob@example.com") << QStringLiteral("example.com/%2Ebob");
    QTest::newRow("dot dot") << QStringLiteral("..@example.com") << QStringLiteral("example.com/%2E.");
    QTest::newRow("quoted with space") << QStringLiteral("\"john doe\"@example.com")
                                       << QStringLiteral("example.com/\"john doe\"");
    QTest::newRow("quoted backslash") << QStringLiteral("\"a\\\"b\"@example.com")
                                      << QStringLiteral("example.com/\"a%5C\"b\"");
    QTest::newRow("quoted at sign") << QStringLiteral("\"a@b\"@example.com") << QStringLiteral("example.com/\"a@b\"");
    QTest::newRow("quoted leading dot") << QStringLiteral("\".x\"@example.com") << QStringLiteral("example.com/\".x\"");
    QTest::newRow("control chars") << QStringLiteral("\"a\tb\x7f\"@example.com") << QStringLiteral("example.com/\"a%09b%7F\"");
    QTest::newRow("atext specials") << QStringLiteral("a!#$&'*+=?^_`{|}~-z@example.com")
                                    << QStringLiteral("example.com/a!#$&'*+=?^_`{|}~-z");
    QTest::newRow("ipv4 literal") << QStringLiteral("a@[192.0.2.1]") << QStringLiteral("[192.0.2.1]/a");
    QTest::newRow("ipv6 literal") << QStringLiteral("a@[ipv6:2001:db8::1]") << QStringLiteral("[ipv6:2001:db8::1]/a");
    QTest::newRow("hostile domain") << QStringLiteral("a@../etc") << QStringLiteral("%2E.%2Fetc/a");
}

void TestMaildirLayout::mailboxPath()
{
    QFETCH(QString, address);
    QFETCH(QString, relative);
    const MaildirLayout layout(QStringLiteral("/var/lib/postern/mail/"));
    QCOMPARE(layout.root(), QStringLiteral("/var/lib/postern/mail"));
    QCOMPARE(layout.mailboxPath(address), QStringLiteral("/var/lib/postern/mail/") + relative);
}

void TestMaildirLayout::invalidAddresses_data()
{
    QTest::addColumn<QString>("address");
    QTest::newRow("empty") << QString();
    QTest::newRow("no at") << QStringLiteral("bob");
    QTest::newRow("no local") << QStringLiteral("@example.com");
    QTest::newRow("no domain") << QStringLiteral("bob@");
}

void TestMaildirLayout::invalidAddresses()
{
    QFETCH(QString, address);
    const MaildirLayout layout(QStringLiteral("/mail"));
    QVERIFY(layout.mailboxPath(address).isEmpty());
}

void TestMaildirLayout::ensureMailbox()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const MaildirLayout layout(dir.filePath(QStringLiteral("mail")));
    const QString path = layout.mailboxPath(QStringLiteral("jörg@example.com"));
    QString error;
    QVERIFY2(layout.ensureMailbox(path, &error), qPrintable(error));
    for (const char *sub : {"tmp", "new", "cur"}) {
        struct stat info {};
        const QByteArray subPath = QFile::encodeName(path + QLatin1Char('/') + QLatin1String(sub));
        QCOMPARE(::stat(subPath.constData(), &info), 0);
        QVERIFY(S_ISDIR(info.st_mode));
        QCOMPARE(info.st_mode & 0077, 0u);
    }
    // Second call takes the fast path and still succeeds.
    QVERIFY2(layout.ensureMailbox(path, &error), qPrintable(error));
    // A partly created mailbox is completed.
    QVERIFY(QDir(path).rmdir(QStringLiteral("cur")));
    QVERIFY2(layout.ensureMailbox(path, &error), qPrintable(error));
    QVERIFY(QFileInfo(path + QStringLiteral("/cur")).isDir());
}

void TestMaildirLayout::ensureMailboxRejectsFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const MaildirLayout layout(dir.path());
    const QString path = layout.mailboxPath(QStringLiteral("bob@example.com"));
    QString error;
    QVERIFY(layout.ensureMailbox(path, &error));
    QVERIFY(QDir(path).rmdir(QStringLiteral("new")));
    QFile file(path + QStringLiteral("/new"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QVERIFY(!layout.ensureMailbox(path, &error));
    QVERIFY2(error.contains(QStringLiteral("not a directory")), qPrintable(error));
}

void TestMaildirLayout::uniqueNameFormat()
{
    const QString name = MaildirLayout::uniqueName(1234);
    static const QRegularExpression pattern(QStringLiteral(
        "^\\d{10,}\\.M\\d{1,6}P\\d+Q\\d+R[0-9a-f]{8}\\.[^/:,]+,S=1234,W=1234$"));
    QVERIFY2(pattern.match(name).hasMatch(), qPrintable(name));
    QVERIFY(!name.contains(QLatin1Char('/')));
    QVERIFY(!name.startsWith(QLatin1Char('.')));
    QCOMPARE(MaildirLayout::sizeFromName(name), std::optional<qint64>(1234));
    QCOMPARE(MaildirLayout::sizeFromName(MaildirLayout::uniqueName(0)), std::optional<qint64>(0));
}

void TestMaildirLayout::uniqueNameIsUnique()
{
    QSet<QString> names;
    for (int i = 0; i < 10000; ++i)
        names.insert(MaildirLayout::uniqueName(42));
    QCOMPARE(names.size(), 10000);
}

void TestMaildirLayout::sizeFromName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<qint64>("size"); // -1: none
    QTest::newRow("ours") << QStringLiteral("1700000000.M123P45Q6R0badcafe.host,S=2048,W=2048") << qint64(2048);
    QTest::newRow("with flags") << QStringLiteral("1700000000.M1P2.host,S=99,W=99:2,RS") << qint64(99);
    QTest::newRow("S last") << QStringLiteral("1700000000.M1P2.host,W=10,S=12") << qint64(12);
    QTest::newRow("zero") << QStringLiteral("1.host,S=0") << qint64(0);
    QTest::newRow("big") << QStringLiteral("1.host,S=123456789012") << qint64(123456789012);
    QTest::newRow("no size") << QStringLiteral("1700000000.M1P2.host") << qint64(-1);
    QTest::newRow("size only in info") << QStringLiteral("1.host:2,S=5") << qint64(-1);
    QTest::newRow("empty value") << QStringLiteral("1.host,S=") << qint64(-1);
    QTest::newRow("empty value then field") << QStringLiteral("1.host,S=,W=3") << qint64(-1);
    QTest::newRow("letters") << QStringLiteral("1.host,S=12a") << qint64(-1);
    QTest::newRow("negative") << QStringLiteral("1.host,S=-5") << qint64(-1);
    QTest::newRow("overflow") << QStringLiteral("1.host,S=99999999999999999999999") << qint64(-1);
    QTest::newRow("lower case s") << QStringLiteral("1.host,s=5") << qint64(-1);
    QTest::newRow("empty") << QString() << qint64(-1);
}

void TestMaildirLayout::sizeFromName()
{
    QFETCH(QString, name);
    QFETCH(qint64, size);
    const std::optional<qint64> parsed = MaildirLayout::sizeFromName(name);
    if (size < 0)
        QVERIFY2(!parsed.has_value(), qPrintable(QString::number(parsed.value_or(0))));
    else
        QCOMPARE(parsed, std::optional<qint64>(size));
}

void TestMaildirLayout::wireSizeFromName()
{
    QCOMPARE(MaildirLayout::wireSizeFromName(QStringLiteral("1.host,S=12,W=10:2,S")), std::optional<qint64>(10));
    QVERIFY(!MaildirLayout::wireSizeFromName(QStringLiteral("1.host,S=12")).has_value());
}

QTEST_GUILESS_MAIN(TestMaildirLayout)
#include "tst_maildirlayout.moc"
