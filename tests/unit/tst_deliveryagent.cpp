// DeliveryAgent and the notice of a newly queued message: the notice crosses threads, so the
// agent's reload() (at start, or after an admin's change) may read the message first and may even
// settle it. The late notice must then not take it again: here a local recipient's success
// report, which would otherwise reach the sender twice (seen once in CI as two reports).
#include "databaseurl.h"
#include "deliveryagent.h"
#include "fixturedirectory.h"
#include "memorymessagestore.h"
#include "queuedirectory.h"
#include "sqlqueuestorage.h"
#include "threadresolvers.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

QueuedMessage deliveredHereWithSuccessReport(const QString &id, const QString &fileName)
{
    QueuedMessage message;
    message.id = id;
    message.fileName = fileName;
    message.sender = QStringLiteral("alice@example.test");
    message.receivedAt = QDateTime::currentDateTimeUtc();
    message.recipients << QueuedRecipient::deliveredLocally(QStringLiteral("bob@example.test"), {},
                                                            DsnNotify{true, false, false});
    return message;
}

}

class TestDeliveryAgent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_database = DatabaseUrl::sqliteFile(m_dir->filePath(QStringLiteral("postern.db")));
        m_queue = std::make_unique<QueueDirectory>(m_dir->filePath(QStringLiteral("queue")));
        QString error;
        QVERIFY2(m_queue->ensureExists(&error), qPrintable(error));
        m_storage = std::make_unique<SqlQueueStorage>(m_database);
        m_store = std::make_unique<MemoryMessageStore>();
        m_resolvers = std::make_unique<ThreadResolvers>(CAresResolver::Options{});
        DeliveryAgent::Dependencies dependencies{m_database, *m_queue, m_store.get(), &m_directory,
                                                 m_resolvers.get(), nullptr};
        m_agent = std::make_unique<DeliveryAgent>(dependencies, OutboundSettings{}, RoutingTable{});
    }

    void cleanup()
    {
        if (m_agent)
            m_agent->stop();
        m_agent.reset();
        m_resolvers.reset();
        m_store.reset();
        m_storage.reset();
        m_queue.reset();
        m_dir.reset();
    }

    void noticeAfterTheStartSettledItSendsNoSecondReport()
    {
        const QueuedMessage stored = queue(QStringLiteral("A1"));
        QVERIFY(m_agent->start());   // reads the queue: reports and removes the message
        QCOMPARE(m_store->messages().size(), 1);
        QVERIFY(m_storage->messages().isEmpty());
        m_agent->messageQueued(stored);   // the notice sent at acceptance arrives only now
        QCOMPARE(m_store->messages().size(), 1);
    }

    void noticeAfterAnAdminsReloadSendsNoSecondReport()
    {
        QVERIFY(m_agent->start());
        const QueuedMessage stored = queue(QStringLiteral("B1"));
        m_agent->reload();
        QCOMPARE(m_store->messages().size(), 1);
        m_agent->messageQueued(stored);
        QCOMPARE(m_store->messages().size(), 1);
    }

    void messageQueuedAfterAReloadIsStillTaken()
    {
        const QueuedMessage early = queue(QStringLiteral("C1"));
        QVERIFY(m_agent->start());
        m_agent->messageQueued(early);
        QCOMPARE(m_store->messages().size(), 1);
        m_agent->messageQueued(queue(QStringLiteral("C2")));   // committed after every reload
        QCOMPARE(m_store->messages().size(), 2);
        QVERIFY(m_storage->messages().isEmpty());
    }

private:
    bool writeFile(const QString &fileName)
    {
        QFile file(m_queue->filePath(fileName));
        const QByteArray content = "From: alice@example.test\r\nSubject: hello\r\n\r\nbody\r\n";
        return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
    }

    // Stores a message as the SMTP server does, and returns it as the notice would carry it.
    QueuedMessage queue(const QString &id)
    {
        QueuedMessage message = deliveredHereWithSuccessReport(id, id + QStringLiteral(".queued"));
        if (!writeFile(message.fileName))
            qFatal("cannot write the queue file");
        const QList<qint64> ids = m_storage->insert(message);
        for (qsizetype i = 0; i < ids.size(); ++i)
            message.recipients[i].id = ids[i];
        return message;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    DatabaseUrl m_database;
    std::unique_ptr<QueueDirectory> m_queue;
    std::unique_ptr<SqlQueueStorage> m_storage;
    std::unique_ptr<MemoryMessageStore> m_store;
    std::unique_ptr<ThreadResolvers> m_resolvers;
    FixtureDirectory m_directory;
    std::unique_ptr<DeliveryAgent> m_agent;
};

QTEST_GUILESS_MAIN(TestDeliveryAgent)
#include "tst_deliveryagent.moc"
