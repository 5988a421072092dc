// QueueAdmin: the administrator's queue actions against a queue in memory, a real Storage (for
// the "queue.changed" request) and a queue directory in a temporary directory.

#include "capturedlog.h"
#include "databaseurl.h"
#include "datadirectory.h"
#include "memoryqueuestorage.h"
#include "queueadmin.h"
#include "sqlstorage.h"
#include "storageerror.h"

#include <QtTest>

class TestQueueAdmin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listsOldestFirstWithRecipients();
    void showsTheHeaderBlock();
    void showSaysWhenTheFileIsGone();
    void showReadsAtMostTheLimit();
    void acceptsIdsInEitherCase();
    void refusesUnknownAndMalformedIds_data();
    void refusesUnknownAndMalformedIds();
    void retryMakesQueuedRecipientsDue();
    void retryAllCountsEveryQueuedRecipient();
    void retryOfNothingQueuedChangesNothing();
    void removeDeletesRowsAndFileAndLogs();
    void bounceFailsQueuedRecipients_data();
    void bounceFailsQueuedRecipients();
    void storageFailureLeavesTheQueueAlone();

private:
    QueuedMessage addMessage(const QString &id, const QString &sender, const QStringList &recipients,
                             const QByteArray &content, qint64 ageSeconds = 60);
    [[nodiscard]] qint64 changes() { return m_storage->requestCount(QStringLiteral("queue.changed")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqlStorage> m_storage;
    std::unique_ptr<MemoryQueueStorage> m_queue;
    std::unique_ptr<QueueDirectory> m_directory;
    std::unique_ptr<QueueAdmin> m_admin;
};

void TestQueueAdmin::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const DataDirectory dataDir(m_dir->path());
    m_storage = std::make_unique<SqlStorage>(DatabaseUrl::sqliteFile(dataDir.databaseFile()));
    m_queue = std::make_unique<MemoryQueueStorage>();
    m_directory = std::make_unique<QueueDirectory>(dataDir.queueDirectory());
    QString error;
    QVERIFY2(m_directory->ensureExists(&error), qPrintable(error));
    m_admin = std::make_unique<QueueAdmin>(*m_queue, *m_directory, *m_storage, QStringLiteral("test"));
}

void TestQueueAdmin::cleanup()
{
    m_admin.reset();
    m_directory.reset();
    m_queue.reset();
    m_storage.reset();
    m_dir.reset();
}

QueuedMessage TestQueueAdmin::addMessage(const QString &id, const QString &sender, const QStringList &recipients,
                                         const QByteArray &content, qint64 ageSeconds)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QueuedMessage message;
    message.id = id;
    message.fileName = QStringLiteral("1700000000.%1.test").arg(id);
    message.sender = sender;
    message.size = content.size();
    message.receivedAt = now.addSecs(-ageSeconds);
    for (const QString &address : recipients) {
        QueuedRecipient recipient;
        recipient.address = address;
        recipient.nextAttempt = now.addSecs(900);
        recipient.attempts = 1;
        recipient.lastError = QStringLiteral("mx.example.org[192.0.2.1] said: 450 4.2.0 try later");
        message.recipients << recipient;
    }
    QFile file(m_directory->filePath(message.fileName));
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qFatal("cannot write the queued file");
    m_queue->insert(message);
    return *m_queue->message(id);
}

void TestQueueAdmin::listsOldestFirstWithRecipients()
{
    addMessage(QStringLiteral("00000000000B"), QStringLiteral("b@local.test"), {QStringLiteral("x@remote.test")}, "a", 10);
    addMessage(QStringLiteral("00000000000A"), QString(), {QStringLiteral("y@remote.test"), QStringLiteral("z@remote.test")},
               "b", 500);
    const QList<QueuedMessage> messages = m_admin->list();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(0).id, QStringLiteral("00000000000A"));
    QCOMPARE(messages.at(0).recipients.size(), 2);
    QCOMPARE(messages.at(1).recipients.at(0).address, QStringLiteral("x@remote.test"));
    QCOMPARE(changes(), 0);
}

void TestQueueAdmin::showsTheHeaderBlock()
{
    addMessage(QStringLiteral("0123456789AB"), QStringLiteral("a@local.test"), {QStringLiteral("x@remote.test")},
               "From: a@local.test\r\nSubject: hello\r\n\r\nbody line\r\n\r\nmore\r\n");
    const QueueAdmin::Details details = m_admin->show(QStringLiteral("0123456789AB"));
    QCOMPARE(details.message.sender, QStringLiteral("a@local.test"));
    QCOMPARE(details.message.recipients.size(), 1);
    QCOMPARE(details.headers, QStringLiteral("From: a@local.test\nSubject: hello\n"));
}

void TestQueueAdmin::showSaysWhenTheFileIsGone()
{
    const QueuedMessage message = addMessage(QStringLiteral("0123456789AB"), QStringLiteral("a@local.test"),
                                             {QStringLiteral("x@remote.test")}, "Subject: x\r\n\r\n");
    QVERIFY(QFile::remove(m_directory->filePath(message.fileName)));
    QCOMPARE(m_admin->show(QStringLiteral("0123456789AB")).headers, QStringLiteral("(file missing)"));
}

void TestQueueAdmin::showReadsAtMostTheLimit()
{
    const QByteArray huge = "X-Long: " + QByteArray(200 * 1024, 'a') + "\r\n\r\nbody\r\n";
    addMessage(QStringLiteral("0123456789AB"), QStringLiteral("a@local.test"), {QStringLiteral("x@remote.test")}, huge);
    const QString headers = m_admin->show(QStringLiteral("0123456789AB")).headers;
    QCOMPARE(headers.size(), QueueAdmin::kMaxHeaderBytes);
    QVERIFY(headers.startsWith(QStringLiteral("X-Long: aaa")));
}

void TestQueueAdmin::acceptsIdsInEitherCase()
{
    addMessage(QStringLiteral("ABCDEF012345"), QStringLiteral("a@local.test"), {QStringLiteral("x@remote.test")}, "S: x\r\n\r\n");
    QCOMPARE(m_admin->show(QStringLiteral(" abcdef012345 ")).message.id, QStringLiteral("ABCDEF012345"));
    addMessage(QStringLiteral("abcdef000000"), QStringLiteral("a@local.test"), {QStringLiteral("x@remote.test")}, "S: x\r\n\r\n");
    QCOMPARE(m_admin->show(QStringLiteral("ABCDEF000000")).message.id, QStringLiteral("abcdef000000"));
}

void TestQueueAdmin::refusesUnknownAndMalformedIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown") << QStringLiteral("FFFFFFFFFFFF") << int(StorageError::Kind::NotFound)
                             << QStringLiteral("no queued message FFFFFFFFFFFF");
    QTest::newRow("short") << QStringLiteral("0123") << int(StorageError::Kind::Invalid)
                           << QStringLiteral("\"0123\" is not a queue id");
    QTest::newRow("not hex") << QStringLiteral("0123456789AG") << int(StorageError::Kind::Invalid)
                             << QStringLiteral("is not a queue id");
    QTest::newRow("prefix only") << QStringLiteral("0123456789A") << int(StorageError::Kind::Invalid)
                                 << QStringLiteral("is not a queue id");
}

void TestQueueAdmin::refusesUnknownAndMalformedIds()
{
    QFETCH(QString, id);
    QFETCH(int, kind);
    QFETCH(QString, message);
    addMessage(QStringLiteral("0123456789AB"), QStringLiteral("a@local.test"), {QStringLiteral("x@remote.test")}, "S: x\r\n\r\n");
    const std::function<void()> actions[] = {
        [&] { (void)m_admin->show(id); },    [&] { m_admin->retry(id); },  [&] { m_admin->remove(id); },
        [&] { m_admin->bounce(id); },
    };
    for (const std::function<void()> &action : actions) {
        try {
            action();
            QFAIL("no StorageError");
        } catch (const StorageError &error) {
            QCOMPARE(int(error.kind()), kind);
            QVERIFY2(error.message().contains(message), qPrintable(error.message()));
        }
    }
    QCOMPARE(m_queue->messages().size(), 1);
    QCOMPARE(changes(), 0);
}

void TestQueueAdmin::retryMakesQueuedRecipientsDue()
{
    QueuedMessage message = addMessage(QStringLiteral("0123456789AB"), QStringLiteral("a@local.test"),
                                       {QStringLiteral("x@remote.test"), QStringLiteral("y@remote.test")}, "S: x\r\n\r\n");
    message.recipients[1].state = QueuedRecipientState::Delivered;
    m_queue->updateRecipients(message.recipients);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    QCOMPARE(m_admin->retry(QStringLiteral("0123456789ab")), 1);
    const QueuedMessage after = *m_queue->message(QStringLiteral("0123456789AB"));
    QVERIFY(after.recipients.at(0).nextAttempt >= before);
    QVERIFY(after.recipients.at(0).nextAttempt <= QDateTime::currentDateTimeUtc());
    QCOMPARE(after.recipients.at(0).attempts, 1);   // a retry is not an attempt
    QCOMPARE(after.recipients.at(1).nextAttempt, message.recipients.at(1).nextAttempt);
    QCOMPARE(changes(), 1);
}

void TestQueueAdmin::retryAllCountsEveryQueuedRecipient()
{
    addMessage(QStringLiteral("00000000000A"), QStringLiteral("a@local.test"),
               {QStringLiteral("x@remote.test"), QStringLiteral("y@remote.test")}, "S: x\r\n\r\n");
    addMessage(QStringLiteral("00000000000B"), QString(), {QStringLiteral("z@remote.test")}, "S: x\r\n\r\n");
    QCOMPARE(m_admin->retryAll(), 3);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QueuedMessage &message : m_queue->messages()) {
        for (const QueuedRecipient &recipient : message.recipients)
            QVERIFY(recipient.nextAttempt <= now);
    }
    QCOMPARE(changes(), 1);
}

void TestQueueAdmin::retryOfNothingQueuedChangesNothing()
{
    QCOMPARE(m_admin->retryAll(), 0);
    QueuedMessage message = addMessage(QStringLiteral("0123456789AB"), QStringLiteral("a@local.test"),
                                       {QStringLiteral("x@remote.test")}, "S: x\r\n\r\n");
    message.recipients[0].state = QueuedRecipientState::Failed;
    message.recipients[0].report = ReportState::Due;
    m_queue->updateRecipients(message.recipients);
    QCOMPARE(m_admin->retry(QStringLiteral("0123456789AB")), 0);
    QCOMPARE(m_admin->retryAll(), 0);
    QCOMPARE(changes(), 0);
}

void TestQueueAdmin::removeDeletesRowsAndFileAndLogs()
{
    CapturedLog log;
    const QueuedMessage message = addMessage(QStringLiteral("0123456789AB"), QStringLiteral("a@local.test"),
                                             {QStringLiteral("x@remote.test"), QStringLiteral("y@remote.test")},
                                             "S: x\r\n\r\n");
    addMessage(QStringLiteral("00000000000B"), QString(), {QStringLiteral("z@remote.test")}, "S: x\r\n\r\n");
    const QString path = m_directory->filePath(message.fileName);
    QVERIFY(QFile::exists(path));
    QCOMPARE(m_admin->remove(QStringLiteral("0123456789ab")).id, QStringLiteral("0123456789AB"));
    QVERIFY(!m_queue->message(QStringLiteral("0123456789AB")));
    QVERIFY(!QFile::exists(path));
    QCOMPARE(m_queue->messages().size(), 1);
    QCOMPARE(changes(), 1);
    const QString logged = log.text();
    QVERIFY2(logged.contains(QStringLiteral("queue delete 0123456789AB: from a@local.test to x@remote.test, y@remote.test")),
             qPrintable(logged));

    // A message whose file is gone still leaves the queue, and the log says so.
    const QueuedMessage second = *m_queue->message(QStringLiteral("00000000000B"));
    QVERIFY(QFile::remove(m_directory->filePath(second.fileName)));
    m_admin->remove(QStringLiteral("00000000000B"));
    QVERIFY(m_queue->messages().isEmpty());
    QVERIFY(log.text().contains(QStringLiteral("queue delete 00000000000B: from <> to z@remote.test (its file was already gone)")));
}

void TestQueueAdmin::bounceFailsQueuedRecipients_data()
{
    QTest::addColumn<QString>("sender");
    QTest::addColumn<bool>("notifyFailure");
    QTest::addColumn<int>("report");
    QTest::newRow("sender wants failures") << QStringLiteral("a@local.test") << true << int(ReportState::Due);
    QTest::newRow("NOTIFY without failure") << QStringLiteral("a@local.test") << false << int(ReportState::Sent);
    QTest::newRow("null sender") << QString() << true << int(ReportState::Sent);
}

void TestQueueAdmin::bounceFailsQueuedRecipients()
{
    QFETCH(QString, sender);
    QFETCH(bool, notifyFailure);
    QFETCH(int, report);
    QueuedMessage message = addMessage(QStringLiteral("0123456789AB"), sender,
                                       {QStringLiteral("x@remote.test"), QStringLiteral("y@remote.test"),
                                        QStringLiteral("z@remote.test")},
                                       "S: x\r\n\r\n");
    message.recipients[0].notify.failure = notifyFailure;
    message.recipients[1].notify.failure = notifyFailure;
    message.recipients[2].state = QueuedRecipientState::Delivered;
    message.recipients[2].statusCode = QStringLiteral("2.0.0");
    m_queue->updateRecipients(message.recipients);
    // notify is not a mutable field: write it as an insert would have.
    m_queue->remove(message.id);
    m_queue->insert(message);

    CapturedLog log;
    QCOMPARE(m_admin->bounce(QStringLiteral("0123456789AB")), 2);
    const QueuedMessage after = *m_queue->message(QStringLiteral("0123456789AB"));
    for (int i = 0; i < 2; ++i) {
        const QueuedRecipient &recipient = after.recipients.at(i);
        QCOMPARE(recipient.state, QueuedRecipientState::Failed);
        QCOMPARE(recipient.statusCode, QStringLiteral("5.0.0"));
        QCOMPARE(recipient.lastError, QStringLiteral("returned to the sender by the administrator"));
        QCOMPARE(recipient.diagnostic, QStringLiteral("returned to the sender by the administrator"));
        QCOMPARE(int(recipient.report), report);
    }
    QCOMPARE(after.recipients.at(2).state, QueuedRecipientState::Delivered);
    QCOMPARE(after.recipients.at(2).statusCode, QStringLiteral("2.0.0"));
    QVERIFY(QFile::exists(m_directory->filePath(after.fileName)));   // the agent still needs it for the report
    QCOMPARE(changes(), 1);
    QVERIFY(log.text().contains(QStringLiteral("queue bounce 0123456789AB")));

    QCOMPARE(m_admin->bounce(QStringLiteral("0123456789AB")), 0);   // nothing queued is left
    QCOMPARE(changes(), 1);
}

void TestQueueAdmin::storageFailureLeavesTheQueueAlone()
{
    const QueuedMessage message = addMessage(QStringLiteral("0123456789AB"), QStringLiteral("a@local.test"),
                                             {QStringLiteral("x@remote.test")}, "S: x\r\n\r\n");
    m_queue->setUnavailable(true);
    QVERIFY_THROWS_EXCEPTION(StorageError, m_admin->remove(QStringLiteral("0123456789AB")));
    QVERIFY(QFile::exists(m_directory->filePath(message.fileName)));
    QVERIFY_THROWS_EXCEPTION(StorageError, m_admin->retryAll());
    QCOMPARE(changes(), 0);
}

QTEST_GUILESS_MAIN(TestQueueAdmin)
#include "tst_queueadmin.moc"
