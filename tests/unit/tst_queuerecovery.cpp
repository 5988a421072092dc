// QueueRecovery: after a crash the queue's files and rows agree again before delivery begins.

#include "databaseurl.h"
#include "log.h"
#include "logentry.h"
#include "loghub.h"
#include "logringbuffer.h"
#include "queuedirectory.h"
#include "queuerecovery.h"
#include "sqlqueuestorage.h"

#include <QtTest>

namespace {

bool writeFile(const QString &path, const QByteArray &content = "Subject: x\r\n\r\nx\r\n")
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
}

QueuedMessage queued(const QString &id, const QString &fileName)
{
    QueuedMessage message;
    message.id = id;
    message.fileName = fileName;
    message.sender = QStringLiteral("alice@example.test");
    message.receivedAt = QDateTime::fromSecsSinceEpoch(1795000000, Qt::UTC);
    QueuedRecipient waiting;
    waiting.address = QStringLiteral("friend@remote.example");
    QueuedRecipient done;
    done.address = QStringLiteral("done@remote.example");
    done.state = QueuedRecipientState::Delivered;
    message.recipients = {waiting, done};
    return message;
}

} // namespace

class TestQueueRecovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void consistentQueueIsLeftAlone();
    void repairsEveryKindOfMismatch();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QueueDirectory> m_queue;
    std::unique_ptr<SqlQueueStorage> m_storage;
};

void TestQueueRecovery::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_queue = std::make_unique<QueueDirectory>(m_dir->filePath(QStringLiteral("queue")));
    QString error;
    QVERIFY2(m_queue->ensureExists(&error), qPrintable(error));
    m_storage = std::make_unique<SqlQueueStorage>(DatabaseUrl::sqliteFile(m_dir->filePath(QStringLiteral("postern.db"))));
}

void TestQueueRecovery::cleanup()
{
    m_storage.reset();
    m_queue.reset();
    m_dir.reset();
}

void TestQueueRecovery::consistentQueueIsLeftAlone()
{
    QVERIFY(writeFile(m_queue->filePath(QStringLiteral("1.M1.host"))));
    m_storage->insert(queued(QStringLiteral("00000000000A"), QStringLiteral("1.M1.host")));
    const QueueRecovery::Result result = QueueRecovery::run(*m_queue, *m_storage);
    QVERIFY(result.nothingToDo());
    QCOMPARE(filesIn(m_queue->path() + QStringLiteral("/new")), QStringList{QStringLiteral("1.M1.host")});
    QCOMPARE(m_storage->messages().size(), 1);
}

void TestQueueRecovery::repairsEveryKindOfMismatch()
{
    // Kept: a row with its file.
    QVERIFY(writeFile(m_queue->filePath(QStringLiteral("1.M1.host"))));
    m_storage->insert(queued(QStringLiteral("00000000000A"), QStringLiteral("1.M1.host")));
    // Lost: a row whose file is gone.
    m_storage->insert(queued(QStringLiteral("00000000000B"), QStringLiteral("2.M2.host")));
    // Never acknowledged: a published file without rows.
    QVERIFY(writeFile(m_queue->filePath(QStringLiteral("3.M3.host"))));
    // Unfinished writes.
    QVERIFY(writeFile(m_queue->path() + QStringLiteral("/tmp/4.M4.host.tmp")));
    QVERIFY(writeFile(m_queue->path() + QStringLiteral("/tmp/5.M5.host.tmp")));

    LogHub hub;
    Log::install(&hub);
    const QueueRecovery::Result result = QueueRecovery::run(*m_queue, *m_storage);
    Log::install(nullptr);
    QCOMPARE(result.orphanFiles, 1);
    QCOMPARE(result.lostMessages, 1);
    QCOMPARE(result.unfinished, 2);

    QCOMPARE(filesIn(m_queue->path() + QStringLiteral("/new")), QStringList{QStringLiteral("1.M1.host")});
    QVERIFY(filesIn(m_queue->path() + QStringLiteral("/tmp")).isEmpty());
    const QList<QueuedMessage> left = m_storage->messages();
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.first().id, QStringLiteral("00000000000A"));

    // The loss is an error naming the message and whom it did not reach.
    const QList<LogEntry> entries = hub.ring().entriesAfter(0);
    const auto find = [&](const QString &text) {
        for (const LogEntry &entry : entries) {
            if (entry.text.contains(text))
                return entry;
        }
        return LogEntry{};
    };
    const LogEntry lost = find(QStringLiteral("00000000000B"));
    QCOMPARE(lost.level, LogLevel::Error);
    QVERIFY2(lost.text.contains(QStringLiteral("lost")) && lost.text.contains(QStringLiteral("friend@remote.example"))
                 && !lost.text.contains(QStringLiteral("done@remote.example")),
             qPrintable(lost.text));
    QVERIFY(find(QStringLiteral("3.M3.host")).text.contains(QStringLiteral("never acknowledged")));
    QVERIFY(!find(QStringLiteral("queue/tmp")).text.isEmpty());

    // A second run finds nothing more to do.
    QVERIFY(QueueRecovery::run(*m_queue, *m_storage).nothingToDo());
}

QTEST_GUILESS_MAIN(TestQueueRecovery)
#include "tst_queuerecovery.moc"
