// Maildir delivery: durable commit into one or many mailboxes, nothing visible on failure,
// concurrency, tmp/ cleaning at start and the per-mailbox usage cache.

#include "maildircleaner.h"
#include "maildirlayout.h"
#include "maildirstore.h"
#include "mailboxusage.h"

#include <QtTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace {

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

struct stat statOf(const QString &path)
{
    struct stat info {};
    ::stat(QFile::encodeName(path).constData(), &info);
    return info;
}

bool setMtime(const QString &path, qint64 secondsAgo)
{
    const timespec times[2] = {{0, UTIME_OMIT}, {::time(nullptr) - secondsAgo, 0}};
    return ::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, 0) == 0;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

// A message body with CRLF line ends, as the SMTP session stores it.
QByteArray message(int lines, const QByteArray &tag = {})
{
    QByteArray data = "Subject: test " + tag + "\r\n\r\n";
    for (int i = 0; i < lines; ++i)
        data += "line " + QByteArray::number(i) + " of the body, " + tag + "\r\n";
    return data;
}

} // namespace

class TestMaildirStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void oneMailbox();
    void readBackBeforeCommit();
    void threeMailboxesShareOneInode();
    void abandonedWriterLeavesNothing();
    void failedCommitLeavesNothing_data();
    void failedCommitLeavesNothing();
    void finishedWriterRefusesMore();
    void copiesAcrossFileSystems();
    void concurrentDeliveries();
    void queueIds();
    void beginRejectsBadAddresses();
    void cleanerRemovesOnlyTmp();
    void cleanerHonoursAge();
    void usageSumsAndInvalidates();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MaildirStore> m_store;
    [[nodiscard]] QString root() const { return m_dir->filePath(QStringLiteral("mail")); }
    [[nodiscard]] QString mailbox(const QString &address) const { return m_store->layout().mailboxPath(address); }
};

void TestMaildirStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<MaildirStore>(MaildirLayout(root()));
}

void TestMaildirStore::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestMaildirStore::readBackBeforeCommit()
{
    // The content filters read the message back before commit(): buffered bytes included, the
    // write position untouched, and nothing of it left once the message is published.
    const QString bob = QStringLiteral("bob@example.com");
    QString error;
    std::unique_ptr<MessageWriter> writer = m_store->begin({{bob}, {}}, &error);
    QVERIFY2(writer, qPrintable(error));
    const QByteArray first = message(4000, "first");   // more than the write buffer, then a buffered tail
    QVERIFY(writer->write(first));
    QVERIFY(writer->write("tail\r\n"));
    std::unique_ptr<QIODevice> device = writer->readBack(&error);
    QVERIFY2(device, qPrintable(error));
    QCOMPARE(device->readAll(), first + "tail\r\n");
    QVERIFY(writer->write("after\r\n"));
    const MessageWriter::CommitResult result = writer->commit();
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(readAll(result.deliveredFiles.first()), first + "tail\r\nafter\r\n");
    QVERIFY(!writer->readBack(&error));
    QVERIFY(!error.isEmpty());
}

void TestMaildirStore::oneMailbox()
{
    const QString bob = QStringLiteral("bob@example.com");
    QString error;
    std::unique_ptr<MessageWriter> writer = m_store->begin({{bob}, {}}, &error);
    QVERIFY2(writer, qPrintable(error));
    QCOMPARE(filesIn(mailbox(bob) + QStringLiteral("/tmp")), QStringList{writer->queueId() + QStringLiteral(".tmp")});

    // Small chunks, one chunk larger than the buffer, and chunks straddling its boundary.
    QByteArray expected;
    const QByteArray small = message(3, "small");
    for (int i = 0; i < 100; ++i) {
        QVERIFY(writer->write(small));
        expected += small;
    }
    const QByteArray large = message(5000, "large");
    QVERIFY(large.size() > 64 * 1024);
    QVERIFY(writer->write(large));
    expected += large;
    QVERIFY(writer->write(QByteArrayView()));
    QVERIFY(writer->write(small));
    expected += small;
    QCOMPARE(writer->size(), qint64(expected.size()));

    const MessageWriter::CommitResult result = writer->commit();
    QVERIFY2(result.ok, qPrintable(result.error));
    const QString newDir = mailbox(bob) + QStringLiteral("/new");
    const QStringList delivered = filesIn(newDir);
    QCOMPARE(delivered.size(), 1);
    QCOMPARE(result.deliveredFiles, QStringList{newDir + QLatin1Char('/') + delivered.first()});
    QCOMPARE(readAll(result.deliveredFiles.first()), expected);
    const QString sizeField = QStringLiteral(",S=%1,W=%1").arg(expected.size());
    QVERIFY2(delivered.first().endsWith(sizeField), qPrintable(delivered.first()));
    QCOMPARE(MaildirLayout::sizeFromName(delivered.first()), std::optional<qint64>(expected.size()));
    QCOMPARE(statOf(result.deliveredFiles.first()).st_mode & 0777, 0600u);
    QVERIFY(filesIn(mailbox(bob) + QStringLiteral("/tmp")).isEmpty());
    QVERIFY(filesIn(mailbox(bob) + QStringLiteral("/cur")).isEmpty());
}

void TestMaildirStore::threeMailboxesShareOneInode()
{
    const QStringList recipients = {QStringLiteral("a@example.com"), QStringLiteral("b@example.com"),
                                    QStringLiteral("c@other.example")};
    QString error;
    std::unique_ptr<MessageWriter> writer = m_store->begin({recipients, {}}, &error);
    QVERIFY2(writer, qPrintable(error));
    const QByteArray body = message(200, "shared");
    QVERIFY(writer->write(body.left(10)));
    QVERIFY(writer->write(body.mid(10)));
    const MessageWriter::CommitResult result = writer->commit();
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.deliveredFiles.size(), 3);

    const struct stat first = statOf(result.deliveredFiles.first());
    QCOMPARE(first.st_nlink, nlink_t(3));
    QSet<QString> names;
    for (int i = 0; i < recipients.size(); ++i) {
        const QString newDir = mailbox(recipients.at(i)) + QStringLiteral("/new");
        const QStringList files = filesIn(newDir);
        QCOMPARE(files.size(), 1);
        QCOMPARE(result.deliveredFiles.at(i), newDir + QLatin1Char('/') + files.first());
        QCOMPARE(readAll(result.deliveredFiles.at(i)), body);
        QCOMPARE(statOf(result.deliveredFiles.at(i)).st_ino, first.st_ino);
        QVERIFY(filesIn(mailbox(recipients.at(i)) + QStringLiteral("/tmp")).isEmpty());
        names.insert(files.first());
    }
    QCOMPARE(names.size(), 3);
}

void TestMaildirStore::abandonedWriterLeavesNothing()
{
    const QString bob = QStringLiteral("bob@example.com");
    const QString alice = QStringLiteral("alice@example.com");
    QString error;
    std::unique_ptr<MessageWriter> writer = m_store->begin({{bob, alice}, {}}, &error);
    QVERIFY2(writer, qPrintable(error));
    QVERIFY(writer->write(message(20000, "abandoned")));
    QCOMPARE(filesIn(mailbox(bob) + QStringLiteral("/tmp")).size(), 1);
    writer.reset();
    for (const QString &address : {bob, alice}) {
        QVERIFY(filesIn(mailbox(address) + QStringLiteral("/tmp")).isEmpty());
        QVERIFY(filesIn(mailbox(address) + QStringLiteral("/new")).isEmpty());
    }
}

void TestMaildirStore::failedCommitLeavesNothing_data()
{
    QTest::addColumn<int>("broken");
    QTest::addColumn<QString>("subdir");
    // Tests run as root in CI, where permission bits stop nothing: a regular file where a
    // directory should be makes the step fail for everyone.
    QTest::newRow("first new/") << 0 << QStringLiteral("new");
    QTest::newRow("second new/") << 1 << QStringLiteral("new");
    QTest::newRow("third new/") << 2 << QStringLiteral("new");
    QTest::newRow("second tmp/") << 1 << QStringLiteral("tmp");
    QTest::newRow("third tmp/") << 2 << QStringLiteral("tmp");
}

void TestMaildirStore::failedCommitLeavesNothing()
{
    QFETCH(int, broken);
    QFETCH(QString, subdir);
    const QStringList recipients = {QStringLiteral("a@example.com"), QStringLiteral("b@example.com"),
                                    QStringLiteral("c@example.com")};
    QString error;
    std::unique_ptr<MessageWriter> writer = m_store->begin({recipients, {}}, &error);
    QVERIFY2(writer, qPrintable(error));
    QVERIFY(writer->write(message(100, "doomed")));

    const QString brokenDir = mailbox(recipients.at(broken)) + QLatin1Char('/') + subdir;
    QVERIFY(QDir(brokenDir).removeRecursively());
    QVERIFY(writeFile(brokenDir, "not a directory"));

    const MessageWriter::CommitResult result = writer->commit();
    QVERIFY(!result.ok);
    QVERIFY(result.deliveredFiles.isEmpty());
    QVERIFY2(result.error.contains(brokenDir), qPrintable(result.error));
    QVERIFY2(result.error.contains(QStringLiteral("ENOTDIR")), qPrintable(result.error));
    for (const QString &address : recipients) {
        for (const QString &sub : {QStringLiteral("new"), QStringLiteral("tmp"), QStringLiteral("cur")}) {
            const QString dir = mailbox(address) + QLatin1Char('/') + sub;
            if (dir == brokenDir)
                continue;
            QVERIFY2(filesIn(dir).isEmpty(), qPrintable(dir + QStringLiteral(": ") + filesIn(dir).join(u' ')));
        }
    }
    writer.reset();
    QCOMPARE(readAll(brokenDir), QByteArray("not a directory"));
}

void TestMaildirStore::finishedWriterRefusesMore()
{
    QString error;
    std::unique_ptr<MessageWriter> writer = m_store->begin({{QStringLiteral("bob@example.com")}, {}}, &error);
    QVERIFY2(writer, qPrintable(error));
    QVERIFY(writer->write("x\r\n"));
    QVERIFY(writer->commit().ok);
    QVERIFY(!writer->write("y\r\n"));
    const MessageWriter::CommitResult again = writer->commit();
    QVERIFY(!again.ok);
    QVERIFY(!again.error.isEmpty());
    writer.reset();
    // The delivered message survives the writer.
    QCOMPARE(filesIn(mailbox(QStringLiteral("bob@example.com")) + QStringLiteral("/new")).size(), 1);
}

void TestMaildirStore::copiesAcrossFileSystems()
{
    // link() across file systems fails with EXDEV; a domain directory that is a symlink into
    // /dev/shm (tmpfs) provokes it.
    if (!QFileInfo(QStringLiteral("/dev/shm")).isDir())
        QSKIP("no /dev/shm");
    QTemporaryDir other(QStringLiteral("/dev/shm/tst_maildirstore-XXXXXX"));
    if (!other.isValid())
        QSKIP("cannot create a directory in /dev/shm");
    QVERIFY(QDir().mkpath(root()));
    if (statOf(other.path()).st_dev == statOf(root()).st_dev)
        QSKIP("/dev/shm is on the same file system as the test directory");
    QVERIFY(QFile::link(other.path(), root() + QStringLiteral("/other.example")));

    const QStringList recipients = {QStringLiteral("a@example.com"), QStringLiteral("b@other.example")};
    QString error;
    std::unique_ptr<MessageWriter> writer = m_store->begin({recipients, {}}, &error);
    QVERIFY2(writer, qPrintable(error));
    const QByteArray body = message(30000, "copied");
    QVERIFY(writer->write(body));
    const MessageWriter::CommitResult result = writer->commit();
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.deliveredFiles.size(), 2);
    QCOMPARE(readAll(result.deliveredFiles.at(0)), body);
    QCOMPARE(readAll(result.deliveredFiles.at(1)), body);
    QVERIFY(statOf(result.deliveredFiles.at(0)).st_dev != statOf(result.deliveredFiles.at(1)).st_dev);
    QCOMPARE(statOf(result.deliveredFiles.at(1)).st_mode & 0777, 0600u);
    QVERIFY(filesIn(mailbox(recipients.at(1)) + QStringLiteral("/tmp")).isEmpty());
}

void TestMaildirStore::concurrentDeliveries()
{
    // Mailboxes that do not exist yet, so the threads also race to create them.
    const QStringList recipients = {QStringLiteral("busy@example.com"), QStringLiteral("copy@example.net")};
    constexpr int threadCount = 4;
    constexpr int perThread = 50;
    struct Outcome
    {
        QStringList delivered;
        QStringList errors;
    };
    std::vector<Outcome> outcomes(threadCount);
    // Plain std::thread and std::mutex so that ThreadSanitizer sees every hand-over (Qt's own
    // synchronisation is not instrumented); the wait is still bounded.
    std::mutex mutex;
    std::condition_variable finishedChanged;
    int finished = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < threadCount; ++t) {
        threads.emplace_back([this, t, &recipients, &outcomes, &mutex, &finishedChanged, &finished] {
            Outcome outcome;
            for (int i = 0; i < perThread; ++i) {
                QString error;
                std::unique_ptr<MessageWriter> writer = m_store->begin({recipients, {}}, &error);
                if (!writer) {
                    outcome.errors.append(error);
                    continue;
                }
                const QByteArray tag = QByteArray::number(t) + '-' + QByteArray::number(i);
                writer->write(message(20, tag));
                const MessageWriter::CommitResult result = writer->commit();
                if (result.ok)
                    outcome.delivered.append(result.deliveredFiles.first());
                else
                    outcome.errors.append(result.error);
            }
            const std::lock_guard lock(mutex);
            outcomes[t] = std::move(outcome);
            ++finished;
            finishedChanged.notify_all();
        });
    }
    {
        std::unique_lock lock(mutex);
        // Returning early would leave threads using this stack frame, so a hang ends the process.
        if (!finishedChanged.wait_for(lock, std::chrono::minutes(2), [&] { return finished == threadCount; }))
            qFatal("concurrent deliveries did not finish within 2 minutes");
    }
    for (std::thread &thread : threads)
        thread.join();

    QSet<QString> delivered;
    for (const Outcome &outcome : outcomes) {
        QVERIFY2(outcome.errors.isEmpty(), qPrintable(outcome.errors.join(u'\n')));
        for (const QString &path : outcome.delivered)
            delivered.insert(path);
    }
    QCOMPARE(delivered.size(), threadCount * perThread);
    for (const QString &address : recipients) {
        const QString newDir = mailbox(address) + QStringLiteral("/new");
        const QStringList files = filesIn(newDir);
        QCOMPARE(files.size(), threadCount * perThread);
        QSet<QByteArray> contents;
        for (const QString &file : files)
            contents.insert(readAll(newDir + QLatin1Char('/') + file));
        QCOMPARE(contents.size(), threadCount * perThread);
        QVERIFY(filesIn(mailbox(address) + QStringLiteral("/tmp")).isEmpty());
    }
}

void TestMaildirStore::queueIds()
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9A-F]{12}$"));
    QSet<QString> ids;
    for (int i = 0; i < 10000; ++i) {
        const QString id = MaildirStore::newQueueId();
        QVERIFY2(pattern.match(id).hasMatch(), qPrintable(id));
        ids.insert(id);
    }
    QCOMPARE(ids.size(), 10000);
}

void TestMaildirStore::beginRejectsBadAddresses()
{
    QString error;
    QVERIFY(!m_store->begin({{}, {}}, &error));
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(!m_store->begin({{QStringLiteral("no-domain")}, {}}, &error));
    QVERIFY(error.contains(QStringLiteral("no-domain")));
    // The mail root blocked by a file: the mailbox cannot be created.
    QVERIFY(writeFile(root(), "in the way"));
    error.clear();
    QVERIFY(!m_store->begin({{QStringLiteral("bob@example.com")}, {}}, &error));
    QVERIFY2(error.contains(QStringLiteral("not a directory")), qPrintable(error));
}

void TestMaildirStore::cleanerRemovesOnlyTmp()
{
    const QStringList addresses = {QStringLiteral("a@example.com"), QStringLiteral("b@example.org")};
    for (const QString &address : addresses) {
        QString error;
        QVERIFY2(m_store->layout().ensureMailbox(mailbox(address), &error), qPrintable(error));
        QVERIFY(writeFile(mailbox(address) + QStringLiteral("/tmp/leftover.tmp"), "partial"));
        QVERIFY(writeFile(mailbox(address) + QStringLiteral("/tmp/.hidden"), "partial"));
        QVERIFY(writeFile(mailbox(address) + QStringLiteral("/new/1.x,S=3"), "new"));
        QVERIFY(writeFile(mailbox(address) + QStringLiteral("/cur/1.x,S=3:2,S"), "cur"));
    }
    // A writer that was abandoned by a crash: its tmp file is simply never removed.
    QString error;
    std::unique_ptr<MessageWriter> writer = m_store->begin({{addresses.first()}, {}}, &error);
    QVERIFY2(writer, qPrintable(error));
    QVERIFY(writer->write("half a message"));

    QCOMPARE(MaildirCleaner::removeStaleTmpFiles(root()), 5);
    for (const QString &address : addresses) {
        QVERIFY(filesIn(mailbox(address) + QStringLiteral("/tmp")).isEmpty());
        QCOMPARE(filesIn(mailbox(address) + QStringLiteral("/new")).size(), 1);
        QCOMPARE(filesIn(mailbox(address) + QStringLiteral("/cur")).size(), 1);
    }
    QCOMPARE(MaildirCleaner::removeStaleTmpFiles(root()), 0);
    QCOMPARE(MaildirCleaner::removeStaleTmpFiles(m_dir->filePath(QStringLiteral("missing"))), 0);
}

void TestMaildirStore::cleanerHonoursAge()
{
    const QString path = mailbox(QStringLiteral("a@example.com"));
    QString error;
    QVERIFY2(m_store->layout().ensureMailbox(path, &error), qPrintable(error));
    QVERIFY(writeFile(path + QStringLiteral("/tmp/old"), "old"));
    QVERIFY(writeFile(path + QStringLiteral("/tmp/fresh"), "fresh"));
    QVERIFY(setMtime(path + QStringLiteral("/tmp/old"), 7200));
    QCOMPARE(MaildirCleaner::removeStaleTmpFiles(root(), std::chrono::hours(1)), 1);
    QCOMPARE(filesIn(path + QStringLiteral("/tmp")), QStringList{QStringLiteral("fresh")});
}

void TestMaildirStore::usageSumsAndInvalidates()
{
    MailboxUsage usage;
    const QString path = mailbox(QStringLiteral("quota@example.com"));
    QCOMPARE(usage.bytesUsed(path), qint64(0));
    QString error;
    QVERIFY2(m_store->layout().ensureMailbox(path, &error), qPrintable(error));
    QCOMPARE(usage.bytesUsed(path), qint64(0));

    // Sizes come from the names: the bodies here are deliberately shorter than claimed.
    QVERIFY(writeFile(path + QStringLiteral("/new/1.a,S=1000,W=1000"), "x"));
    QVERIFY(writeFile(path + QStringLiteral("/cur/2.b,S=2000,W=2000:2,S"), "x"));
    QVERIFY(writeFile(path + QStringLiteral("/cur/3.nosize:2,"), QByteArray(300, 'y')));
    QVERIFY(writeFile(path + QStringLiteral("/cur/.dotfile,S=9999"), "ignored"));
    QVERIFY(writeFile(path + QStringLiteral("/tmp/4.c,S=5000"), "not counted"));
    QCOMPARE(usage.bytesUsed(path), qint64(3300));

    // Quiet directories are cached: a change that leaves the mtimes alone goes unnoticed...
    QVERIFY(setMtime(path + QStringLiteral("/new"), 3600));
    QVERIFY(setMtime(path + QStringLiteral("/cur"), 3600));
    QCOMPARE(usage.bytesUsed(path), qint64(3300));
    QVERIFY(writeFile(path + QStringLiteral("/new/5.d,S=50"), "x"));
    QVERIFY(setMtime(path + QStringLiteral("/new"), 3600));
    QCOMPARE(usage.bytesUsed(path), qint64(3300));
    // ...until added() drops the cache,
    usage.added(path, 50);
    QCOMPARE(usage.bytesUsed(path), qint64(3350));
    // or a directory's mtime moves.
    QVERIFY(QFile::remove(path + QStringLiteral("/cur/2.b,S=2000,W=2000:2,S")));
    QVERIFY(setMtime(path + QStringLiteral("/cur"), 1800));
    QCOMPARE(usage.bytesUsed(path), qint64(1350));

    // A real delivery is counted at once, although new/ was modified within the same tick.
    std::unique_ptr<MessageWriter> writer = m_store->begin({{QStringLiteral("quota@example.com")}, {}}, &error);
    QVERIFY2(writer, qPrintable(error));
    QVERIFY(writer->write(QByteArray(777, 'z')));
    QVERIFY(writer->commit().ok);
    QCOMPARE(usage.bytesUsed(path), qint64(1350 + 777));
    QCOMPARE(usage.bytesUsed(path), qint64(1350 + 777));
}

QTEST_GUILESS_MAIN(TestMaildirStore)
#include "tst_maildirstore.moc"
