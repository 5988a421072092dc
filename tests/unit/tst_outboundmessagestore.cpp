// OutboundMessageStore: a message for remote recipients is written once into the queue (and
// hard-linked into local mailboxes), its rows are committed before the writer reports success,
// and a failed insert takes back every copy; local-only mail takes the MaildirStore path.

#include "databaseurl.h"
#include "maildirlayout.h"
#include "maildirstore.h"
#include "outboundmessagestore.h"
#include "queuedirectory.h"
#include "queueobserver.h"
#include "queuestorageopen.h"
#include "sqlqueuestorage.h"
#include "storageerror.h"

#include <QMutex>
#include <QThread>
#include <QtTest>

#include <sys/stat.h>

namespace {

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
}

struct stat statOf(const QString &path)
{
    struct stat info {};
    ::stat(QFile::encodeName(path).constData(), &info);
    return info;
}

class RecordingObserver final : public QueueObserver
{
public:
    void messageQueued(const QueuedMessage &message) override
    {
        QMutexLocker lock(&m_mutex);
        m_ids << message.id;
        m_messages << message;
    }
    [[nodiscard]] QList<QueuedMessage> messages() const
    {
        QMutexLocker lock(&m_mutex);
        return m_messages;
    }
    [[nodiscard]] QStringList ids() const
    {
        QMutexLocker lock(&m_mutex);
        return m_ids;
    }

private:
    mutable QMutex m_mutex;
    QStringList m_ids;
    QList<QueuedMessage> m_messages;
};

// A queue database that is down: every insert fails.
class FailingQueueStorage final : public QueueStorage
{
public:
    QList<qint64> insert(const QueuedMessage &) override
    {
        throw StorageError(StorageError::Kind::Unavailable, QStringLiteral("database is locked"));
    }
    QList<QueuedMessage> messages() override { return {}; }
    std::optional<QueuedMessage> message(const QString &) override { return std::nullopt; }
    void updateRecipients(const QList<QueuedRecipient> &) override {}
    bool remove(const QString &) override { return false; }
    void transaction(const std::function<void()> &work) override { work(); }
};

MessageTargets remoteTargets(const QStringList &mailboxes)
{
    MessageTargets targets;
    targets.mailboxes = mailboxes;
    targets.outbound.sender = QStringLiteral("alice@example.test");
    targets.outbound.envelopeId = QStringLiteral("ENV1");
    targets.outbound.ret = DsnReturn::Full;
    targets.outbound.smtpUtf8 = true;
    targets.outbound.origin = QStringLiteral("dns; client.example ([192.0.2.7])");
    QueuedRecipient friendRecipient;
    friendRecipient.address = QStringLiteral("friend@remote.example");
    friendRecipient.originalRecipient = QStringLiteral("rfc822;friend@remote.example");
    friendRecipient.notify = {true, true, false};
    targets.outbound.recipients = {friendRecipient};
    return targets;
}

} // namespace

class TestOutboundMessageStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void localOnlyTakesTheMaildirPath();
    void remoteOnlyIsQueued();
    void localAndRemoteShareOneFile();
    void localSuccessReportIsQueued();
    void failedInsertRemovesEveryCopy();
    void abandonedWriterLeavesNothing();
    void eachThreadGetsItsOwnStorage();

private:
    [[nodiscard]] QString queuePath() const { return m_dir->filePath(QStringLiteral("queue")); }
    [[nodiscard]] QString mailbox(const QString &address) const { return m_local->layout().mailboxPath(address); }
    [[nodiscard]] DatabaseUrl url() const { return DatabaseUrl::sqliteFile(m_dir->filePath(QStringLiteral("postern.db"))); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MaildirStore> m_local;
    std::unique_ptr<OutboundMessageStore> m_store;
    std::unique_ptr<RecordingObserver> m_observer;
    std::atomic<int> m_opened{0};
};

void TestOutboundMessageStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_local = std::make_unique<MaildirStore>(MaildirLayout(m_dir->filePath(QStringLiteral("mail"))));
    const QueueDirectory queue(queuePath());
    QString error;
    QVERIFY2(queue.ensureExists(&error), qPrintable(error));
    // Migrated once here, as the engine's own storage does before any worker thread starts.
    { SqlQueueStorage migrate(url()); }
    m_opened = 0;
    const DatabaseUrl database = url();
    m_store = std::make_unique<OutboundMessageStore>(*m_local, queue, [this, database] {
        ++m_opened;
        return openQueueStorage(database);
    });
    m_observer = std::make_unique<RecordingObserver>();
    m_store->setObserver(m_observer.get());
}

void TestOutboundMessageStore::cleanup()
{
    m_store.reset();
    m_observer.reset();
    m_local.reset();
    m_dir.reset();
}

void TestOutboundMessageStore::localOnlyTakesTheMaildirPath()
{
    QString error;
    std::unique_ptr<MessageWriter> writer = m_store->begin({{QStringLiteral("bob@example.test")}, {}}, &error);
    QVERIFY2(writer, qPrintable(error));
    QVERIFY(writer->write("Subject: local\r\n\r\nhi\r\n"));
    const MessageWriter::CommitResult result = writer->commit();
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.deliveredFiles.size(), 1);
    QVERIFY(result.deliveredFiles.first().startsWith(mailbox(QStringLiteral("bob@example.test")) + QStringLiteral("/new/")));
    QVERIFY(filesIn(queuePath() + QStringLiteral("/new")).isEmpty());
    // No database connection was even opened, and nobody was told.
    QCOMPARE(m_opened.load(), 0);
    QVERIFY(m_observer->ids().isEmpty());
}

void TestOutboundMessageStore::remoteOnlyIsQueued()
{
    QString error;
    std::unique_ptr<MessageWriter> writer = m_store->begin(remoteTargets({}), &error);
    QVERIFY2(writer, qPrintable(error));
    const QByteArray content = "Subject: caf\xc3\xa9\r\n\r\nbody\r\n";
    QVERIFY(writer->write(content));
    const QString id = writer->queueId();
    const qint64 before = QDateTime::currentSecsSinceEpoch();
    const MessageWriter::CommitResult result = writer->commit();
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(m_observer->ids(), QStringList{id});

    const QStringList queued = filesIn(queuePath() + QStringLiteral("/new"));
    QCOMPARE(queued.size(), 1);
    SqlQueueStorage storage(url());
    const std::optional<QueuedMessage> row = storage.message(id);
    QVERIFY(row.has_value());
    QCOMPARE(row->fileName, queued.first());
    QCOMPARE(row->size, qint64(content.size()));
    QVERIFY(row->eightBit);
    QVERIFY(row->smtpUtf8);
    QCOMPARE(row->sender, QStringLiteral("alice@example.test"));
    QCOMPARE(row->envelopeId, QStringLiteral("ENV1"));
    QCOMPARE(row->ret, DsnReturn::Full);
    QCOMPARE(row->origin, QStringLiteral("dns; client.example ([192.0.2.7])"));
    QVERIFY(row->receivedAt.toSecsSinceEpoch() >= before);
    QCOMPARE(row->recipients.size(), 1);
    QCOMPARE(row->recipients.first().address, QStringLiteral("friend@remote.example"));
    QCOMPARE(row->recipients.first().notify, (DsnNotify{true, true, false}));
    QCOMPARE(row->recipients.first().originalRecipient, QStringLiteral("rfc822;friend@remote.example"));
    QCOMPARE(row->recipients.first().nextAttempt, row->receivedAt);   // due at once

    // The observer was handed the message as stored, row ids included: the delivery thread
    // takes it as is instead of reading it back.
    const QList<QueuedMessage> told = m_observer->messages();
    QCOMPARE(told.size(), 1);
    const QueuedMessage &held = told.first();
    QCOMPARE(held.fileName, row->fileName);
    QCOMPARE(held.size, row->size);
    QCOMPARE(held.eightBit, row->eightBit);
    QCOMPARE(held.smtpUtf8, row->smtpUtf8);
    QCOMPARE(held.sender, row->sender);
    QCOMPARE(held.envelopeId, row->envelopeId);
    QCOMPARE(held.ret, row->ret);
    QCOMPARE(held.origin, row->origin);
    QCOMPARE(held.receivedAt, row->receivedAt);
    QCOMPARE(held.recipients.size(), row->recipients.size());
    const QueuedRecipient &heldRecipient = held.recipients.first();
    const QueuedRecipient &rowRecipient = row->recipients.first();
    QCOMPARE(heldRecipient.id, rowRecipient.id);
    QCOMPARE(heldRecipient.address, rowRecipient.address);
    QCOMPARE(heldRecipient.notify, rowRecipient.notify);
    QCOMPARE(heldRecipient.originalRecipient, rowRecipient.originalRecipient);
    QCOMPARE(heldRecipient.state, rowRecipient.state);
    QCOMPARE(heldRecipient.nextAttempt, rowRecipient.nextAttempt);
    QCOMPARE(heldRecipient.report, rowRecipient.report);
}

void TestOutboundMessageStore::localAndRemoteShareOneFile()
{
    QString error;
    std::unique_ptr<MessageWriter> writer = m_store->begin(
        remoteTargets({QStringLiteral("bob@example.test"), QStringLiteral("carol@example.test")}), &error);
    QVERIFY2(writer, qPrintable(error));
    QVERIFY(writer->write("Subject: plain\r\n\r\nseven bit only\r\n"));
    const MessageWriter::CommitResult result = writer->commit();
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.deliveredFiles.size(), 3);

    const QStringList queued = filesIn(queuePath() + QStringLiteral("/new"));
    QCOMPARE(queued.size(), 1);
    const QString queueFile = queuePath() + QStringLiteral("/new/") + queued.first();
    QCOMPARE(result.deliveredFiles.first(), queueFile);
    const QStringList bobs = filesIn(mailbox(QStringLiteral("bob@example.test")) + QStringLiteral("/new"));
    QCOMPARE(bobs.size(), 1);
    QCOMPARE(filesIn(mailbox(QStringLiteral("carol@example.test")) + QStringLiteral("/new")).size(), 1);
    // One inode: the message was written once.
    const struct stat queuedInfo = statOf(queueFile);
    const struct stat bobInfo = statOf(mailbox(QStringLiteral("bob@example.test")) + QStringLiteral("/new/") + bobs.first());
    QCOMPARE(queuedInfo.st_ino, bobInfo.st_ino);
    QCOMPARE(queuedInfo.st_nlink, nlink_t(3));

    SqlQueueStorage storage(url());
    const std::optional<QueuedMessage> row = storage.message(writer->queueId());
    QVERIFY(row.has_value());
    QCOMPARE(row->fileName, queued.first());
    QVERIFY(!row->eightBit);
}

void TestOutboundMessageStore::localSuccessReportIsQueued()
{
    // Only a local recipient, but it asked for NOTIFY=SUCCESS: the queue keeps the report due.
    const QueuedRecipient bob = QueuedRecipient::deliveredLocally(
        QStringLiteral("bob@example.test"), QStringLiteral("rfc822;Bob@example.test"), DsnNotify{true, false, false});
    MessageTargets targets{{QStringLiteral("bob@example.test")}, {}};
    targets.outbound.sender = QStringLiteral("alice@example.test");
    targets.outbound.recipients << bob;
    QString error;
    std::unique_ptr<MessageWriter> writer = m_store->begin(targets, &error);
    QVERIFY2(writer, qPrintable(error));
    QVERIFY(writer->write("Subject: local\r\n\r\nhi\r\n"));
    const MessageWriter::CommitResult result = writer->commit();
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.deliveredFiles.size(), 2);   // the queue's copy (for the report) and bob's
    QCOMPARE(filesIn(mailbox(QStringLiteral("bob@example.test")) + QStringLiteral("/new")).size(), 1);
    QCOMPARE(m_observer->ids(), QStringList{writer->queueId()});

    SqlQueueStorage storage(url());
    const std::optional<QueuedMessage> row = storage.message(writer->queueId());
    QVERIFY(row.has_value());
    QCOMPARE(row->recipients.size(), 1);
    const QueuedRecipient &stored = row->recipients.first();
    QCOMPARE(stored.address, QStringLiteral("bob@example.test"));
    QCOMPARE(stored.originalRecipient, QStringLiteral("rfc822;Bob@example.test"));
    QCOMPARE(stored.state, QueuedRecipientState::Delivered);
    QCOMPARE(stored.statusCode, QStringLiteral("2.0.0"));
    QCOMPARE(stored.report, ReportState::Due);
    QCOMPARE(stored.attempts, 0);
    QVERIFY(stored.remoteMta.isEmpty());
    QVERIFY(!row->isSettled());   // the agent sends the report first
}

void TestOutboundMessageStore::failedInsertRemovesEveryCopy()
{
    OutboundMessageStore store(*m_local, QueueDirectory(queuePath()), [] { return std::make_unique<FailingQueueStorage>(); });
    store.setObserver(m_observer.get());
    QString error;
    std::unique_ptr<MessageWriter> writer = store.begin(remoteTargets({QStringLiteral("bob@example.test")}), &error);
    QVERIFY2(writer, qPrintable(error));
    QVERIFY(writer->write("Subject: lost\r\n\r\nx\r\n"));
    const MessageWriter::CommitResult result = writer->commit();
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(QStringLiteral("database is locked")), qPrintable(result.error));
    QVERIFY(result.error.contains(writer->queueId()));
    QVERIFY(filesIn(queuePath() + QStringLiteral("/new")).isEmpty());
    QVERIFY(filesIn(queuePath() + QStringLiteral("/tmp")).isEmpty());
    QVERIFY(filesIn(mailbox(QStringLiteral("bob@example.test")) + QStringLiteral("/new")).isEmpty());
    QVERIFY(m_observer->ids().isEmpty());
}

void TestOutboundMessageStore::abandonedWriterLeavesNothing()
{
    QString error;
    {
        std::unique_ptr<MessageWriter> writer = m_store->begin(remoteTargets({QStringLiteral("bob@example.test")}), &error);
        QVERIFY2(writer, qPrintable(error));
        QVERIFY(writer->write("Subject: dropped\r\n\r\nx\r\n"));
    }
    QVERIFY(filesIn(queuePath() + QStringLiteral("/new")).isEmpty());
    QVERIFY(filesIn(queuePath() + QStringLiteral("/tmp")).isEmpty());
    QCOMPARE(m_opened.load(), 0);
}

void TestOutboundMessageStore::eachThreadGetsItsOwnStorage()
{
    // Two worker threads queue a message each: two connections, each made and used in its thread.
    const auto queueOne = [this](QString *id) {
        QString error;
        std::unique_ptr<MessageWriter> writer = m_store->begin(remoteTargets({}), &error);
        if (!writer)
            return;
        writer->write("Subject: t\r\n\r\nx\r\n");
        if (writer->commit().ok)
            *id = writer->queueId();
    };
    QString first;
    QString second;
    std::unique_ptr<QThread> one(QThread::create(queueOne, &first));
    std::unique_ptr<QThread> two(QThread::create(queueOne, &second));
    one->start();
    two->start();
    QVERIFY(one->wait(30000));
    QVERIFY(two->wait(30000));
    QVERIFY(!first.isEmpty());
    QVERIFY(!second.isEmpty());
    QCOMPARE(m_opened.load(), 2);
    SqlQueueStorage storage(url());
    QCOMPARE(storage.messages().size(), 2);
}

QTEST_GUILESS_MAIN(TestOutboundMessageStore)
#include "tst_outboundmessagestore.moc"
