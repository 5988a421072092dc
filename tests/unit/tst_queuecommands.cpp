// `postern queue …` output against a queue in memory: durations in plain units, the list's
// blocks, and exit codes for ids that are not queued.

#include "admincommands.h"
#include "commandline.h"
#include "databaseurl.h"
#include "datadirectory.h"
#include "memoryqueuestorage.h"
#include "queueadmin.h"
#include "queuecommands.h"
#include "sqlstorage.h"

#include <QtTest>

class TestQueueCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void plainDuration_data();
    void plainDuration();
    void listsEmptyQueue();
    void listsBlocks();
    void unknownIdExitsOne();

private:
    int run(const QString &line);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqlStorage> m_storage;
    std::unique_ptr<MemoryQueueStorage> m_queue;
    std::unique_ptr<QueueAdmin> m_admin;
    QString m_out;
    QString m_err;
};

void TestQueueCommands::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const DataDirectory dataDir(m_dir->path());
    m_storage = std::make_unique<SqlStorage>(DatabaseUrl::sqliteFile(dataDir.databaseFile()));
    m_queue = std::make_unique<MemoryQueueStorage>();
    m_admin = std::make_unique<QueueAdmin>(*m_queue, QueueDirectory(dataDir.queueDirectory()), *m_storage,
                                           QStringLiteral("test"));
    m_out.clear();
    m_err.clear();
}

void TestQueueCommands::cleanup()
{
    m_admin.reset();
    m_queue.reset();
    m_storage.reset();
    m_dir.reset();
}

int TestQueueCommands::run(const QString &line)
{
    const CommandLine command = CommandLine::parse(line.split(QLatin1Char(' ')));
    if (!command.error().isEmpty() || !AdminCommands::checkUsage(command).isEmpty())
        qFatal("bad test command line");
    QTextStream out(&m_out);
    QTextStream err(&m_err);
    const QStringList words = command.words();
    return QueueCommands(*m_admin, out, err).run(words.at(1), words.mid(2), command);
}

void TestQueueCommands::plainDuration_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("negative") << qint64(-5) << QStringLiteral("0 seconds");
    QTest::newRow("one second") << qint64(1) << QStringLiteral("1 second");
    QTest::newRow("119 s") << qint64(119) << QStringLiteral("119 seconds");
    QTest::newRow("2 min") << qint64(120) << QStringLiteral("2 minutes");
    QTest::newRow("just under 2 h") << qint64(7199) << QStringLiteral("119 minutes");
    QTest::newRow("2 h") << qint64(7200) << QStringLiteral("2 hours");
    QTest::newRow("47 h") << qint64(47 * 3600 + 59) << QStringLiteral("47 hours");
    QTest::newRow("5 days") << qint64(5 * 86400 + 3600) << QStringLiteral("5 days");
}

void TestQueueCommands::plainDuration()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(QueueCommands::plainDuration(seconds), text);
}

void TestQueueCommands::listsEmptyQueue()
{
    QCOMPARE(run(QStringLiteral("queue list")), int(AdminCommands::Success));
    QCOMPARE(m_out, QStringLiteral("The queue is empty.\n"));
}

void TestQueueCommands::listsBlocks()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QString &id : {QStringLiteral("00000000000A"), QStringLiteral("00000000000B")}) {
        QueuedMessage message;
        message.id = id;
        message.fileName = id;
        message.size = 1;
        message.receivedAt = now.addSecs(-3 * 86400);
        QueuedRecipient recipient;
        recipient.address = QStringLiteral("x@remote.test");
        recipient.state = QueuedRecipientState::Failed;
        recipient.statusCode = QStringLiteral("5.1.1");
        recipient.attempts = 1;
        recipient.lastError = QStringLiteral("550 5.1.1 no such user");
        message.recipients << recipient;
        m_queue->insert(message);
    }
    QCOMPARE(run(QStringLiteral("queue list")), int(AdminCommands::Success));
    const QString block = QStringLiteral("%1  3 days old  1 byte  from <>\n"
                                         "  next attempt: none (every recipient is done)\n"
                                         "  x@remote.test: failed, 1 attempt, status 5.1.1, last error: 550 5.1.1 no such user\n");
    QCOMPARE(m_out, block.arg(QStringLiteral("00000000000A")) + QLatin1Char('\n') + block.arg(QStringLiteral("00000000000B")));
}

void TestQueueCommands::unknownIdExitsOne()
{
    QCOMPARE(run(QStringLiteral("queue bounce 0123456789ab")), int(AdminCommands::RuntimeFailure));
    QVERIFY2(m_err.contains(QStringLiteral("no queued message 0123456789AB")), qPrintable(m_err));
    QVERIFY(m_out.isEmpty());
}

QTEST_GUILESS_MAIN(TestQueueCommands)
#include "tst_queuecommands.moc"
