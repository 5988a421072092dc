// The queue.* admin operations (what the GUI's Queue window asks for): their JSON shapes and how
// QueueAdmin's errors come back as AdminReply statuses. The queue is in memory.

#include "adminoperations.h"
#include "adminservice.h"
#include "databaseurl.h"
#include "datadirectory.h"
#include "filteradmin.h"
#include "memoryqueuestorage.h"
#include "queueadmin.h"
#include "sqlstorage.h"

#include <QtTest>
#include <QJsonArray>
#include <QJsonObject>

class TestAdminOperationsQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listsMessagesWithRecipients();
    void listsAnEmptyQueue();
    void showAddsTheHeaders();
    void retriesOneOrAll();
    void deletesAndBounces();
    void mapsErrorsToStatuses_data();
    void mapsErrorsToStatuses();
    void withoutAQueueIsUnavailable();

private:
    [[nodiscard]] AdminReply run(const QString &operation, const QJsonObject &arguments = {});
    void addMessage(const QString &id, const QString &sender);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqlStorage> m_storage;
    std::unique_ptr<AdminService> m_admin;
    std::unique_ptr<FilterAdmin> m_filters;
    std::unique_ptr<MemoryQueueStorage> m_queue;
    std::unique_ptr<QueueDirectory> m_directory;
    std::unique_ptr<QueueAdmin> m_queueAdmin;
    std::unique_ptr<AdminOperations> m_operations;
    QDateTime m_received;
    QDateTime m_next;
};

void TestAdminOperationsQueue::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const DataDirectory dataDir(m_dir->path());
    m_storage = std::make_unique<SqlStorage>(DatabaseUrl::sqliteFile(dataDir.databaseFile()));
    m_admin = std::make_unique<AdminService>(*m_storage, QStringLiteral("test"));
    m_filters = std::make_unique<FilterAdmin>(*m_storage, QStringLiteral("test"));
    m_queue = std::make_unique<MemoryQueueStorage>();
    m_directory = std::make_unique<QueueDirectory>(dataDir.queueDirectory());
    QString error;
    QVERIFY2(m_directory->ensureExists(&error), qPrintable(error));
    m_queueAdmin = std::make_unique<QueueAdmin>(*m_queue, *m_directory, *m_storage, QStringLiteral("test"));
    m_operations = std::make_unique<AdminOperations>(*m_admin, *m_filters, dataDir.mailDirectory(), dataDir.path());
    m_operations->setQueueAdmin(m_queueAdmin.get());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_received = QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch() - 3600, Qt::UTC);
    m_next = QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch() + 600, Qt::UTC);
}

void TestAdminOperationsQueue::cleanup()
{
    m_operations.reset();
    m_queueAdmin.reset();
    m_directory.reset();
    m_queue.reset();
    m_filters.reset();
    m_admin.reset();
    m_storage.reset();
    m_dir.reset();
}

AdminReply TestAdminOperationsQueue::run(const QString &operation, const QJsonObject &arguments)
{
    return m_operations->run(AdminRequest{operation, arguments});
}

void TestAdminOperationsQueue::addMessage(const QString &id, const QString &sender)
{
    QueuedMessage message;
    message.id = id;
    message.fileName = id + QStringLiteral(".msg");
    message.sender = sender;
    message.size = 1234;
    message.receivedAt = m_received;
    QueuedRecipient waiting;
    waiting.address = QStringLiteral("bob@remote.test");
    waiting.attempts = 2;
    waiting.nextAttempt = m_next;
    waiting.lastAttempt = m_received.addSecs(60);
    waiting.lastError = QStringLiteral("mx.remote.test[127.0.0.2] said: 451 4.3.0 busy");
    waiting.statusCode = QStringLiteral("4.3.0");
    QueuedRecipient done;
    done.address = QStringLiteral("carol@remote.test");
    done.state = QueuedRecipientState::Delivered;
    done.attempts = 1;
    done.nextAttempt = m_received;
    done.lastAttempt = m_received.addSecs(1);
    done.statusCode = QStringLiteral("2.0.0");
    message.recipients = {waiting, done};
    QFile file(m_directory->filePath(message.fileName));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("From: " + sender.toUtf8() + "\r\nSubject: report\r\n\r\nbody\r\n");
    file.close();
    m_queue->insert(message);
}

void TestAdminOperationsQueue::listsMessagesWithRecipients()
{
    addMessage(QStringLiteral("0123456789AB"), QStringLiteral("alice@local.test"));
    const AdminReply reply = run(QStringLiteral("queue.list"));
    QVERIFY2(reply.ok(), qPrintable(reply.message));
    const QJsonArray messages = reply.result[QStringLiteral("messages")].toArray();
    QCOMPARE(messages.size(), 1);
    const QJsonObject message = messages.at(0).toObject();
    QCOMPARE(message[QStringLiteral("id")].toString(), QStringLiteral("0123456789AB"));
    QCOMPARE(message[QStringLiteral("sender")].toString(), QStringLiteral("alice@local.test"));
    QCOMPARE(message[QStringLiteral("size")].toInt(), 1234);
    QCOMPARE(message[QStringLiteral("received_at")].toString(), m_received.toString(Qt::ISODate));
    QVERIFY(message[QStringLiteral("age_seconds")].toInt() >= 3600);
    QCOMPARE(message[QStringLiteral("next_attempt")].toString(), m_next.toString(Qt::ISODate));
    QCOMPARE(message[QStringLiteral("last_error")].toString(), QStringLiteral("mx.remote.test[127.0.0.2] said: 451 4.3.0 busy"));
    QVERIFY(!message.contains(QStringLiteral("headers")));
    const QJsonArray recipients = message[QStringLiteral("recipients")].toArray();
    QCOMPARE(recipients.size(), 2);
    const QJsonObject waiting = recipients.at(0).toObject();
    QCOMPARE(waiting[QStringLiteral("address")].toString(), QStringLiteral("bob@remote.test"));
    QCOMPARE(waiting[QStringLiteral("state")].toString(), QStringLiteral("queued"));
    QCOMPARE(waiting[QStringLiteral("attempts")].toInt(), 2);
    QCOMPARE(waiting[QStringLiteral("next_attempt")].toString(), m_next.toString(Qt::ISODate));
    QCOMPARE(waiting[QStringLiteral("last_attempt")].toString(), m_received.addSecs(60).toString(Qt::ISODate));
    QCOMPARE(waiting[QStringLiteral("status")].toString(), QStringLiteral("4.3.0"));
    const QJsonObject done = recipients.at(1).toObject();
    QCOMPARE(done[QStringLiteral("state")].toString(), QStringLiteral("delivered"));
    QVERIFY(done[QStringLiteral("next_attempt")].isNull());
    QCOMPARE(done[QStringLiteral("last_error")].toString(), QString());
}

void TestAdminOperationsQueue::listsAnEmptyQueue()
{
    const AdminReply reply = run(QStringLiteral("queue.list"));
    QVERIFY(reply.ok());
    QVERIFY(reply.result[QStringLiteral("messages")].isArray());
    QVERIFY(reply.result[QStringLiteral("messages")].toArray().isEmpty());
}

void TestAdminOperationsQueue::showAddsTheHeaders()
{
    addMessage(QStringLiteral("0123456789AB"), QString());
    const AdminReply reply = run(QStringLiteral("queue.show"), {{QStringLiteral("id"), QStringLiteral("0123456789ab")}});
    QVERIFY2(reply.ok(), qPrintable(reply.message));
    QCOMPARE(reply.result[QStringLiteral("id")].toString(), QStringLiteral("0123456789AB"));
    QCOMPARE(reply.result[QStringLiteral("sender")].toString(), QString());
    QCOMPARE(reply.result[QStringLiteral("headers")].toString(), QStringLiteral("From: \nSubject: report\n"));
    QCOMPARE(reply.result[QStringLiteral("recipients")].toArray().size(), 2);
}

void TestAdminOperationsQueue::retriesOneOrAll()
{
    addMessage(QStringLiteral("00000000000A"), QStringLiteral("alice@local.test"));
    addMessage(QStringLiteral("00000000000B"), QStringLiteral("alice@local.test"));
    const AdminReply one = run(QStringLiteral("queue.retry"), {{QStringLiteral("id"), QStringLiteral("00000000000A")}});
    QVERIFY2(one.ok(), qPrintable(one.message));
    QCOMPARE(one.result[QStringLiteral("count")].toInt(), 1);
    QVERIFY(m_queue->message(QStringLiteral("00000000000A"))->recipients.at(0).nextAttempt < m_next);
    QCOMPARE(m_queue->message(QStringLiteral("00000000000B"))->recipients.at(0).nextAttempt, m_next);
    const AdminReply all = run(QStringLiteral("queue.retry"), {{QStringLiteral("all"), true}});
    QVERIFY(all.ok());
    QCOMPARE(all.result[QStringLiteral("count")].toInt(), 2);
    QVERIFY(m_queue->message(QStringLiteral("00000000000B"))->recipients.at(0).nextAttempt < m_next);
    QCOMPARE(m_storage->requestCount(QStringLiteral("queue.changed")), 2);
}

void TestAdminOperationsQueue::deletesAndBounces()
{
    addMessage(QStringLiteral("00000000000A"), QStringLiteral("alice@local.test"));
    addMessage(QStringLiteral("00000000000B"), QStringLiteral("alice@local.test"));
    const AdminReply bounced = run(QStringLiteral("queue.bounce"), {{QStringLiteral("id"), QStringLiteral("00000000000A")}});
    QVERIFY2(bounced.ok(), qPrintable(bounced.message));
    QCOMPARE(bounced.result[QStringLiteral("count")].toInt(), 1);
    const QueuedRecipient failed = m_queue->message(QStringLiteral("00000000000A"))->recipients.at(0);
    QCOMPARE(failed.state, QueuedRecipientState::Failed);
    QCOMPARE(failed.report, ReportState::Due);
    const AdminReply deleted = run(QStringLiteral("queue.delete"), {{QStringLiteral("id"), QStringLiteral("00000000000b")}});
    QVERIFY2(deleted.ok(), qPrintable(deleted.message));
    QCOMPARE(deleted.result[QStringLiteral("id")].toString(), QStringLiteral("00000000000B"));
    QVERIFY(!m_queue->message(QStringLiteral("00000000000B")));
    QVERIFY(!QFile::exists(m_directory->filePath(QStringLiteral("00000000000B.msg"))));
}

void TestAdminOperationsQueue::mapsErrorsToStatuses_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QJsonObject>("arguments");
    QTest::addColumn<int>("status");
    const QJsonObject unknown{{QStringLiteral("id"), QStringLiteral("FFFFFFFFFFFF")}};
    const QJsonObject malformed{{QStringLiteral("id"), QStringLiteral("xyz")}};
    const int notFound = int(AdminReply::Status::NotFound);
    const int invalid = int(AdminReply::Status::Invalid);
    QTest::newRow("show unknown") << QStringLiteral("queue.show") << unknown << notFound;
    QTest::newRow("retry unknown") << QStringLiteral("queue.retry") << unknown << notFound;
    QTest::newRow("delete unknown") << QStringLiteral("queue.delete") << unknown << notFound;
    QTest::newRow("bounce unknown") << QStringLiteral("queue.bounce") << unknown << notFound;
    QTest::newRow("show malformed") << QStringLiteral("queue.show") << malformed << invalid;
    QTest::newRow("delete without id") << QStringLiteral("queue.delete") << QJsonObject() << invalid;
    QTest::newRow("retry without id") << QStringLiteral("queue.retry") << QJsonObject() << invalid;
    QTest::newRow("retry id and all") << QStringLiteral("queue.retry")
                                      << QJsonObject{{QStringLiteral("id"), QStringLiteral("0123456789AB")},
                                                     {QStringLiteral("all"), true}}
                                      << invalid;
}

void TestAdminOperationsQueue::mapsErrorsToStatuses()
{
    QFETCH(QString, operation);
    QFETCH(QJsonObject, arguments);
    QFETCH(int, status);
    addMessage(QStringLiteral("0123456789AB"), QStringLiteral("alice@local.test"));
    const AdminReply reply = run(operation, arguments);
    QCOMPARE(int(reply.status), status);
    QVERIFY(!reply.message.isEmpty());
    QCOMPARE(m_queue->messages().size(), 1);
    QCOMPARE(m_storage->requestCount(QStringLiteral("queue.changed")), 0);
}

void TestAdminOperationsQueue::withoutAQueueIsUnavailable()
{
    m_operations->setQueueAdmin(nullptr);
    QVERIFY(m_operations->operationNames().contains(QStringLiteral("queue.bounce")));
    const AdminReply reply = run(QStringLiteral("queue.list"));
    QCOMPARE(reply.status, AdminReply::Status::Unavailable);
}

QTEST_GUILESS_MAIN(TestAdminOperationsQueue)
#include "tst_adminoperationsqueue.moc"
