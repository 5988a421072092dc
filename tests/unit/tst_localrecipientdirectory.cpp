// RCPT lookups over a directory snapshot: local domains, accounts, aliases, loops, quotas.

#include "directorysnapshot.h"
#include "localrecipientdirectory.h"
#include "mailboxusage.h"
#include "maildirlayout.h"

#include <QtTest>

class TestLocalRecipientDirectory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void lookup_data();
    void lookup();
    void quota();
    void noSnapshotYet();

private:
    [[nodiscard]] std::shared_ptr<DirectorySnapshot> fixture() const;
    void storeMessage(const QString &address, qint64 size);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestLocalRecipientDirectory::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

std::shared_ptr<DirectorySnapshot> TestLocalRecipientDirectory::fixture() const
{
    auto snapshot = std::make_shared<DirectorySnapshot>();
    snapshot->addDomain(QStringLiteral("example.test"));
    snapshot->addDomain(QStringLiteral("other.test"));
    snapshot->addAccount(QStringLiteral("alice@example.test"), {0, true});
    snapshot->addAccount(QStringLiteral("bob@example.test"), {0, true});
    snapshot->addAccount(QStringLiteral("carol@other.test"), {0, false});
    snapshot->addAccount(QStringLiteral("small@example.test"), {1000, true});
    snapshot->addAlias(QStringLiteral("team@example.test"), {QStringLiteral("alice@example.test"), QStringLiteral("bob@example.test")});
    snapshot->addAlias(QStringLiteral("all@example.test"), {QStringLiteral("team@example.test"), QStringLiteral("alice@example.test"),
                                                            QStringLiteral("carol@other.test")});
    snapshot->addAlias(QStringLiteral("loop1@example.test"), {QStringLiteral("loop2@example.test")});
    snapshot->addAlias(QStringLiteral("loop2@example.test"), {QStringLiteral("loop1@example.test")});
    snapshot->addAlias(QStringLiteral("postmaster@other.test"), {QStringLiteral("carol@other.test")});
    snapshot->addAlias(QStringLiteral("fwd@example.test"), {QStringLiteral("someone@remote.example")});
    snapshot->addAlias(QStringLiteral("mixed@example.test"), {QStringLiteral("someone@remote.example"), QStringLiteral("fwd@example.test"),
                                                              QStringLiteral("bob@example.test"), QStringLiteral("other@far.example")});
    snapshot->addAlias(QStringLiteral("dangling@example.test"), {QStringLiteral("gone@example.test")});
    return snapshot;
}

void TestLocalRecipientDirectory::lookup_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QStringList>("mailboxes");
    QTest::addColumn<QStringList>("forwards");
    const auto local = int(RecipientLookup::Kind::Local);
    QTest::newRow("account") << QStringLiteral("alice@example.test") << local << QStringList{QStringLiteral("alice@example.test")} << QStringList();
    QTest::newRow("disabled account still receives") << QStringLiteral("carol@other.test") << local
                                                     << QStringList{QStringLiteral("carol@other.test")} << QStringList();
    QTest::newRow("alias") << QStringLiteral("team@example.test") << local
                           << QStringList{QStringLiteral("alice@example.test"), QStringLiteral("bob@example.test")} << QStringList();
    QTest::newRow("nested alias, each mailbox once") << QStringLiteral("all@example.test") << local
                                                     << QStringList{QStringLiteral("alice@example.test"), QStringLiteral("carol@other.test"),
                                                                    QStringLiteral("bob@example.test")}
                                                     << QStringList();
    QTest::newRow("bare postmaster: the server's own domain") << QStringLiteral("postmaster") << local
                                                              << QStringList{QStringLiteral("carol@other.test")} << QStringList();
    QTest::newRow("unknown user") << QStringLiteral("nobody@example.test") << int(RecipientLookup::Kind::UnknownUser) << QStringList() << QStringList();
    QTest::newRow("alias loop") << QStringLiteral("loop1@example.test") << int(RecipientLookup::Kind::UnknownUser) << QStringList() << QStringList();
    QTest::newRow("dangling alias") << QStringLiteral("dangling@example.test") << int(RecipientLookup::Kind::UnknownUser) << QStringList() << QStringList();
    QTest::newRow("remote domain") << QStringLiteral("x@remote.example") << int(RecipientLookup::Kind::NotLocal) << QStringList() << QStringList();
    QTest::newRow("forwarding alias") << QStringLiteral("fwd@example.test") << local << QStringList()
                                      << QStringList{QStringLiteral("someone@remote.example")};
    QTest::newRow("mailboxes and forwards, each once") << QStringLiteral("mixed@example.test") << local
                                                       << QStringList{QStringLiteral("bob@example.test")}
                                                       << QStringList{QStringLiteral("someone@remote.example"),
                                                                      QStringLiteral("other@far.example")};
}

void TestLocalRecipientDirectory::lookup()
{
    QFETCH(QString, address);
    QFETCH(int, kind);
    QFETCH(QStringList, mailboxes);
    QFETCH(QStringList, forwards);
    MailboxUsage usage;
    LocalRecipientDirectory directory(MaildirLayout(m_dir->path()), usage);
    directory.setSnapshot(fixture());
    directory.setHostName(QStringLiteral("mx.other.test"));
    const RecipientLookup found = directory.lookup(address, 0);
    QCOMPARE(int(found.kind), kind);
    QCOMPARE(found.mailboxes, mailboxes);
    QCOMPARE(found.forwards, forwards);
}

void TestLocalRecipientDirectory::storeMessage(const QString &address, qint64 size)
{
    const QString newDir = MaildirLayout(m_dir->path()).mailboxPath(address) + QStringLiteral("/new");
    QVERIFY(QDir().mkpath(newDir));
    QFile file(newDir + QStringLiteral("/") + MaildirLayout::uniqueName(size));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(size, 'x'));
}

void TestLocalRecipientDirectory::quota()
{
    MailboxUsage usage;
    LocalRecipientDirectory directory(MaildirLayout(m_dir->path()), usage);
    directory.setSnapshot(fixture());
    const QString small = QStringLiteral("small@example.test");
    QCOMPARE(directory.lookup(small, 0).kind, RecipientLookup::Kind::Local);
    QCOMPARE(directory.lookup(small, 2000).kind, RecipientLookup::Kind::OverQuota);   // SIZE= would overflow it
    storeMessage(small, 600);
    QCOMPARE(directory.lookup(small, 300).kind, RecipientLookup::Kind::Local);
    storeMessage(small, 600);
    const RecipientLookup full = directory.lookup(small, 0);
    QCOMPARE(full.kind, RecipientLookup::Kind::OverQuota);
    QVERIFY(full.detail.contains(QStringLiteral("1200")));
    QCOMPARE(directory.lookup(QStringLiteral("alice@example.test"), 1 << 30).kind, RecipientLookup::Kind::Local);
}

void TestLocalRecipientDirectory::noSnapshotYet()
{
    MailboxUsage usage;
    LocalRecipientDirectory directory(MaildirLayout(m_dir->path()), usage);
    QCOMPARE(directory.lookup(QStringLiteral("alice@example.test"), 0).kind, RecipientLookup::Kind::Unavailable);
}

QTEST_GUILESS_MAIN(TestLocalRecipientDirectory)
#include "tst_localrecipientdirectory.moc"
