// The Maildir behind POP3: sizes from file names (no body read), delivery order, unique ids
// that survive reopening and the move to cur/, deletion, the lock table, and a whole session
// over a real Maildir.

#include <QtTest>
#include <QTemporaryDir>

#include "fakeauthenticator.h"
#include "inmemoryauthfailurerecorder.h"
#include "inmemoryloginrecorder.h"
#include "mailboxlocks.h"
#include "maildirlayout.h"
#include "maildirmaildrop.h"
#include "maildirstore.h"
#include "pop3session.h"
#include "recordingtransport.h"

namespace {

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QByteArray readDevice(Maildrop &maildrop, int index)
{
    QString error;
    const std::unique_ptr<QIODevice> device = maildrop.open(index, &error);
    return device ? device->readAll() : QByteArray();
}

bool isValidUid(const QByteArray &uid)
{
    if (uid.isEmpty() || uid.size() > 70)
        return false;
    for (const char c : uid) {
        if (static_cast<unsigned char>(c) < 0x21 || static_cast<unsigned char>(c) > 0x7e)
            return false;
    }
    return true;
}

MaildirMaildrop *maildir(const MaildropOpenResult &opened)
{
    return static_cast<MaildirMaildrop *>(opened.maildrop.get());
}

QList<QByteArray> uidsOf(const Maildrop &maildrop)
{
    QList<QByteArray> uids;
    for (int i = 0; i < maildrop.count(); ++i)
        uids << maildrop.uid(i);
    return uids;
}

}

class TestMaildirMaildrop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void missingMailboxIsEmpty();
    void sizesComeFromNames();
    void orderedByDeliveryTime();
    void uidsStableAcrossReopenAndMove();
    void seenFlagJoinsOtherFlags();
    void uidsAreValidAndUnique();
    void deleteRemovesFiles();
    void followsMovesByOtherClients();
    void lockTable();
    void unreadableMailboxIsAnError();
    void sessionOverRealMaildir();
    void largeMailboxListIsCompact();

private:
    QString dir(const char *subdir) const { return m_mailbox + QLatin1Char('/') + QLatin1String(subdir); }
    MaildropOpenResult openMailbox() const { return MaildirMaildrop::open(m_mailbox, m_locks); }

    std::unique_ptr<QTemporaryDir> m_root;
    QString m_mailbox;
    MailboxLocks m_locks;
};

void TestMaildirMaildrop::init()
{
    m_root = std::make_unique<QTemporaryDir>();
    QVERIFY(m_root->isValid());
    m_mailbox = m_root->filePath(QStringLiteral("example.test/alice"));
    m_locks = MailboxLocks();
    const MaildirLayout layout(m_root->path());
    QString error;
    QVERIFY2(layout.ensureMailbox(m_mailbox, &error), qPrintable(error));
}

void TestMaildirMaildrop::missingMailboxIsEmpty()
{
    const MaildropOpenResult opened = MaildirMaildrop::open(m_root->filePath(QStringLiteral("example.test/nobody")), m_locks);
    QVERIFY2(opened.maildrop, qPrintable(opened.error));
    QCOMPARE(opened.maildrop->count(), 0);
}

void TestMaildirMaildrop::sizesComeFromNames()
{
    // The ,W= sizes here are deliberately not the file sizes: only a listing that never
    // looks at the content reports them.
    QVERIFY(writeFile(dir("new") + QStringLiteral("/1700000001.M1P1Q1R1.host,S=5,W=1234"), "tiny\n"));
    QVERIFY(writeFile(dir("cur") + QStringLiteral("/1700000002.M1P1Q2R1.host,S=4,W=777:2,S"), "abcd"));
    // Without ,W= the file size counts (its content is taken to have CRLF line ends already).
    QVERIFY(writeFile(dir("new") + QStringLiteral("/1700000003.M1P1Q3R1.host,S=999"), QByteArray(50, 'x')));
    QVERIFY(writeFile(dir("new") + QStringLiteral("/1700000004.foreign"), QByteArray(7, 'y')));
    // Not messages: dot files and directories.
    QVERIFY(writeFile(dir("new") + QStringLiteral("/.hidden"), "x"));
    QVERIFY(QDir(dir("cur")).mkdir(QStringLiteral("subdir")));

    const MaildropOpenResult opened = openMailbox();
    QVERIFY2(opened.maildrop, qPrintable(opened.error));
    const Maildrop &messages = *opened.maildrop;
    QCOMPARE(messages.count(), 4);
    QCOMPARE(messages.size(0), 1234);
    QCOMPARE(messages.size(1), 777);
    QCOMPARE(messages.size(2), 50);
    QCOMPARE(messages.size(3), 7);
}

void TestMaildirMaildrop::orderedByDeliveryTime()
{
    QVERIFY(writeFile(dir("new") + QStringLiteral("/1700000300.M5P1Q1R1.host,S=1,W=1"), "c"));
    QVERIFY(writeFile(dir("cur") + QStringLiteral("/1700000100.M9P1Q1R1.host,S=1,W=1:2,S"), "a"));
    QVERIFY(writeFile(dir("new") + QStringLiteral("/1700000200.M20P1Q1R1.host,S=1,W=1"), "b2"));
    QVERIFY(writeFile(dir("new") + QStringLiteral("/1700000200.M3P1Q1R1.host,S=1,W=1"), "b1"));
    const MaildropOpenResult opened = openMailbox();
    QVERIFY(opened.maildrop);
    QCOMPARE(opened.maildrop->count(), 4);
    QCOMPARE(readDevice(*opened.maildrop, 0), QByteArray("a"));
    QCOMPARE(readDevice(*opened.maildrop, 1), QByteArray("b1"));
    QCOMPARE(readDevice(*opened.maildrop, 2), QByteArray("b2"));
    QCOMPARE(readDevice(*opened.maildrop, 3), QByteArray("c"));
}

void TestMaildirMaildrop::uidsStableAcrossReopenAndMove()
{
    const QString name = MaildirLayout::uniqueName(5);
    QVERIFY(writeFile(dir("new") + QLatin1Char('/') + name, "hello"));
    const QString second = MaildirLayout::uniqueName(3);
    QVERIFY(writeFile(dir("new") + QLatin1Char('/') + second, "bye"));
    QList<QByteArray> uids;
    {
        const MaildropOpenResult opened = openMailbox();
        QVERIFY(opened.maildrop);
        uids = uidsOf(*opened.maildrop);
        QCOMPARE(uids.size(), 2);
        QString error;
        QVERIFY2(opened.maildrop->markSeen(0, &error), qPrintable(error));
        QCOMPARE(maildir(opened)->filePath(0), dir("cur") + QLatin1Char('/') + name + QStringLiteral(":2,S"));
        QVERIFY(!QFile::exists(dir("new") + QLatin1Char('/') + name));
        QVERIFY2(opened.maildrop->markSeen(0, &error), qPrintable(error));   // already seen: nothing to do
        QCOMPARE(readDevice(*opened.maildrop, 0), QByteArray("hello"));
        QCOMPARE(uidsOf(*opened.maildrop), uids);
    }
    const MaildropOpenResult reopened = openMailbox();
    QVERIFY(reopened.maildrop);
    QCOMPARE(uidsOf(*reopened.maildrop), uids);
    QCOMPARE(reopened.maildrop->size(0), 5);
    QCOMPARE(reopened.maildrop->size(1), 3);
}

void TestMaildirMaildrop::seenFlagJoinsOtherFlags()
{
    QVERIFY(writeFile(dir("cur") + QStringLiteral("/1700000001.M1P1Q1R1.host,S=1,W=1:2,RF"), "x"));
    const MaildropOpenResult opened = openMailbox();
    QVERIFY(opened.maildrop);
    const QByteArray uid = opened.maildrop->uid(0);
    QCOMPARE(uid, QByteArray("1700000001.M1P1Q1R1.host,S=1,W=1"));
    QString error;
    QVERIFY(opened.maildrop->markSeen(0, &error));
    QCOMPARE(maildir(opened)->filePath(0), dir("cur") + QStringLiteral("/1700000001.M1P1Q1R1.host,S=1,W=1:2,FRS"));
}

void TestMaildirMaildrop::uidsAreValidAndUnique()
{
    const QString longName = QStringLiteral("1700000001.M1P1Q1R1.") + QString(80, QLatin1Char('h')) + QStringLiteral(",S=1,W=1");
    QVERIFY(writeFile(dir("new") + QLatin1Char('/') + longName, "1"));
    QVERIFY(writeFile(dir("new") + QStringLiteral("/1700000002.M1P1Q1R1.h\u00e9st,S=1,W=1"), "2"));
    QVERIFY(writeFile(dir("new") + QStringLiteral("/1700000003.M1P1Q1R1.with space,S=1,W=1"), "3"));
    QVERIFY(writeFile(dir("new") + QStringLiteral("/1700000004.M1P1Q1R1.host,S=1,W=1"), "4"));
    QVERIFY(writeFile(dir("new") + QLatin1Char('/') + MaildirLayout::uniqueName(1), "5"));
    const MaildropOpenResult opened = openMailbox();
    QVERIFY(opened.maildrop);
    const QList<QByteArray> uids = uidsOf(*opened.maildrop);
    QCOMPARE(uids.size(), 5);
    for (const QByteArray &uid : uids)
        QVERIFY2(isValidUid(uid), uid.constData());
    QCOMPARE(QSet<QByteArray>(uids.begin(), uids.end()).size(), 5);
    QCOMPARE(uids.at(0).size(), 64);   // hashed: too long
    QCOMPARE(uids.at(1).size(), 64);   // hashed: not ASCII
    QCOMPARE(uids.at(2).size(), 64);   // hashed: space
    QCOMPARE(uids.at(3), QByteArray("1700000004.M1P1Q1R1.host,S=1,W=1"));
    QCOMPARE(MaildirMaildrop::uidFromFileName(longName.toUtf8() + ":2,S"), uids.at(0));
}

void TestMaildirMaildrop::deleteRemovesFiles()
{
    for (int i = 1; i <= 4; ++i)
        QVERIFY(writeFile(dir("new") + QStringLiteral("/170000000%1.M1P1Q1R1.host,S=1,W=1").arg(i), "x"));
    const MaildropOpenResult opened = openMailbox();
    QVERIFY(opened.maildrop);
    // Message 4 is removed by someone else first: still counts as removed.
    QVERIFY(QFile::remove(maildir(opened)->filePath(3)));
    QString error;
    QVERIFY2(opened.maildrop->deleteMessages({0, 2, 3}, &error), qPrintable(error));
    QCOMPARE(QDir(dir("new")).entryList(QDir::Files), QStringList{QStringLiteral("1700000002.M1P1Q1R1.host,S=1,W=1")});
}

void TestMaildirMaildrop::followsMovesByOtherClients()
{
    QVERIFY(writeFile(dir("new") + QStringLiteral("/1700000001.M1P1Q1R1.host,S=5,W=5"), "moved"));
    QVERIFY(writeFile(dir("new") + QStringLiteral("/1700000002.M1P1Q1R1.host,S=5,W=5"), "again"));
    const MaildropOpenResult opened = openMailbox();
    QVERIFY(opened.maildrop);
    // Another program (an IMAP server, a second POP3 server) marks both read meanwhile.
    QVERIFY(QFile::rename(dir("new") + QStringLiteral("/1700000001.M1P1Q1R1.host,S=5,W=5"),
                          dir("cur") + QStringLiteral("/1700000001.M1P1Q1R1.host,S=5,W=5:2,S")));
    QVERIFY(QFile::rename(dir("new") + QStringLiteral("/1700000002.M1P1Q1R1.host,S=5,W=5"),
                          dir("cur") + QStringLiteral("/1700000002.M1P1Q1R1.host,S=5,W=5:2,F")));
    QCOMPARE(readDevice(*opened.maildrop, 0), QByteArray("moved"));
    QString error;
    QVERIFY2(opened.maildrop->markSeen(1, &error), qPrintable(error));
    QVERIFY(QFile::exists(dir("cur") + QStringLiteral("/1700000002.M1P1Q1R1.host,S=5,W=5:2,FS")));
    QVERIFY2(opened.maildrop->deleteMessages({0, 1}, &error), qPrintable(error));
    QVERIFY(QDir(dir("cur")).entryList(QDir::Files).isEmpty());
}

void TestMaildirMaildrop::lockTable()
{
    MaildropOpenResult first = openMailbox();
    QVERIFY(first.maildrop);
    QVERIFY(m_locks.isLocked(m_mailbox));
    const MaildropOpenResult second = MaildirMaildrop::open(m_mailbox + QStringLiteral("/../alice/"), m_locks);
    QVERIFY(!second.maildrop);
    QVERIFY(second.inUse);
    // Another table (another process) knows nothing of this lock; the process-wide one is shared.
    QVERIFY(MaildirMaildrop::open(m_mailbox, MailboxLocks()).maildrop);
    QCOMPARE(MailboxLocks::processWide().lockedCount(), 0);
    {
        MailboxLocks::Lock lock = MailboxLocks::processWide().tryLock(QStringLiteral("/x"));
        QVERIFY(lock.isHeld());
        QVERIFY(MailboxLocks::processWide().isLocked(QStringLiteral("/x")));
        MailboxLocks::Lock moved = std::move(lock);
        QVERIFY(!lock.isHeld());
        QVERIFY(!MailboxLocks::processWide().tryLock(QStringLiteral("/x/")).isHeld());
    }
    QVERIFY(!MailboxLocks::processWide().isLocked(QStringLiteral("/x")));

    first.maildrop.reset();
    QCOMPARE(m_locks.lockedCount(), 0);
    QVERIFY(openMailbox().maildrop);
}

void TestMaildirMaildrop::unreadableMailboxIsAnError()
{
    // new/ is a file here, which even root cannot list.
    QVERIFY(QDir(dir("new")).removeRecursively());
    QVERIFY(writeFile(dir("new"), "not a directory"));
    const MaildropOpenResult opened = openMailbox();
    QVERIFY(!opened.maildrop);
    QVERIFY(!opened.inUse);
    QVERIFY2(opened.error.contains(QStringLiteral("cannot list")), qPrintable(opened.error));
    QCOMPARE(m_locks.lockedCount(), 0);
}

void TestMaildirMaildrop::sessionOverRealMaildir()
{
    const MaildirLayout layout(m_root->path());
    MaildirStore store(layout);
    const QString alice = QStringLiteral("alice@example.test");
    const QList<QByteArray> bodies = {"Subject: a\r\n\r\n.dot\r\n", "Subject: b\r\n\r\nsecond\r\n"};
    for (const QByteArray &body : bodies) {
        QString error;
        std::unique_ptr<MessageWriter> writer = store.begin({{alice}, {}}, &error);
        QVERIFY2(writer, qPrintable(error));
        QVERIFY(writer->write(body));
        QVERIFY(writer->commit().ok);
        QTest::qWait(2);   // distinct delivery times keep the order certain
    }
    FakeAuthenticator authenticator;
    authenticator.addAccount(alice, QStringLiteral("password123"));
    InMemoryLoginRecorder recorder;
    InMemoryAuthFailureRecorder failures;
    RecordingTransport transport;
    ClientInfo client;
    client.address = QHostAddress(QStringLiteral("127.0.0.1"));
    client.service = QStringLiteral("pop3");
    Pop3Session session(Pop3SessionConfig(), client, transport, authenticator, MaildirMaildrop::opener(layout, m_locks), recorder,
                        failures);
    session.start();
    session.receive("USER alice@example.test\r\nPASS password123\r\nLIST\r\nRETR 1\r\nDELE 2\r\nQUIT\r\n");
    QCOMPARE(transport.takeSent(), QByteArray("+OK Postern ready\r\n+OK send PASS\r\n"
                                              "+OK Logged in, maildrop has 2 messages (42 octets)\r\n"
                                              "+OK 2 messages (42 octets)\r\n1 20\r\n2 22\r\n.\r\n"
                                              "+OK 20 octets\r\nSubject: a\r\n\r\n..dot\r\n.\r\n"
                                              "+OK message 2 deleted\r\n"
                                              "+OK Postern signing off (1 message left)\r\n"));
    QVERIFY(QDir(dir("new")).entryList(QDir::Files).isEmpty());
    const QStringList seen = QDir(dir("cur")).entryList(QDir::Files);
    QCOMPARE(seen.size(), 1);
    QVERIFY(seen.first().endsWith(QStringLiteral(":2,S")));
    QCOMPARE(m_locks.lockedCount(), 0);
}

void TestMaildirMaildrop::largeMailboxListIsCompact()
{
    // Names as Postern's delivery makes them: the list a logged-in session keeps must not grow
    // with the length of the names (issue 5: at most 64 KiB per session with 1,000 messages).
    QStringList names;
    for (int i = 0; i < 1000; ++i) {
        const QString name = MaildirLayout::uniqueName(10240 + i);
        names << name;
        QVERIFY(writeFile(dir(i % 3 ? "new" : "cur") + QLatin1Char('/') + name + (i % 3 ? QString() : QStringLiteral(":2,S")),
                          "x"));
    }
    const MaildropOpenResult opened = openMailbox();
    QVERIFY(opened.maildrop);
    QCOMPARE(opened.maildrop->count(), 1000);
    QVERIFY2(maildir(opened)->listMemoryBytes() <= 1000 * 40 + 1024,
             qPrintable(QString::number(maildir(opened)->listMemoryBytes())));
    for (int i = 0; i < 1000; ++i) {
        QCOMPARE(opened.maildrop->uid(i), names.at(i).toLatin1());
        QCOMPARE(opened.maildrop->size(i), 10240 + i);
    }
}

QTEST_GUILESS_MAIN(TestMaildirMaildrop)
#include "tst_maildirmaildrop.moc"
