// SqlQueueStorage (the outbound queue's rows, schema 7) on SQLite and PostgreSQL alike.

#include "databaseurl.h"
#include "queuestorageopen.h"
#include "sqlqueuestorage.h"
#include "sqlstorage.h"
#include "storageerror.h"
#include "testdatabases.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

class TestQueueStorage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFieldReadsBack_data() { dialects(); }
    void everyFieldReadsBack();
    void notifyAndRetMapping_data() { dialects(); }
    void notifyAndRetMapping();
    void duplicateIdRefused_data() { dialects(); }
    void duplicateIdRefused();
    void updateRecipients_data() { dialects(); }
    void updateRecipients();
    void removeCascades_data() { dialects(); }
    void removeCascades();
    void updateSkipsDeletedRows_data() { dialects(); }
    void updateSkipsDeletedRows();
    void oldestFirst_data() { dialects(); }
    void oldestFirst();
    void transactionsNestAndRollBack_data() { dialects(); }
    void transactionsNestAndRollBack();
    void generationUntouched_data() { dialects(); }
    void generationUntouched();
    void relaxedCommitsStillCommit_data() { dialects(); }
    void relaxedCommitsStillCommit();

private:
    static void dialects();
    static QueuedMessage sample(const QString &id, const QDateTime &receivedAt);
    static QDateTime at(qint64 seconds) { return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC); }
    TestDatabases m_databases;
};

void TestQueueStorage::dialects()
{
    QTest::addColumn<QString>("dialect");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

QueuedMessage TestQueueStorage::sample(const QString &id, const QDateTime &receivedAt)
{
    QueuedMessage message;
    message.id = id;
    message.fileName = QStringLiteral("1795000000.M1P2Q3.host");
    message.sender = QStringLiteral("alice@example.com");
    message.envelopeId = QStringLiteral("QQ314159");
    message.ret = DsnReturn::Headers;
    message.size = 4242;
    message.eightBit = true;
    message.smtpUtf8 = true;
    message.receivedAt = receivedAt;
    message.origin = QStringLiteral("dns; client.example.net ([192.0.2.7])");
    QueuedRecipient bob;
    bob.address = QStringLiteral("bob@example.org");
    bob.originalRecipient = QStringLiteral("rfc822;list@example.com");
    bob.notify = {true, true, false};
    bob.nextAttempt = receivedAt;
    QueuedRecipient carol;
    carol.address = QStringLiteral("carol@example.net");
    carol.notify = DsnNotify::never();
    carol.state = QueuedRecipientState::Failed;
    carol.attempts = 3;
    carol.nextAttempt = receivedAt.addSecs(900);
    carol.lastAttempt = receivedAt.addSecs(600);
    carol.lastError = QStringLiteral("mx.example.net[192.0.2.1] said: 550 5.1.1 no");
    carol.statusCode = QStringLiteral("5.1.1");
    carol.diagnostic = QStringLiteral("550 5.1.1 User unknown");
    carol.remoteMta = QStringLiteral("mx.example.net");
    carol.report = ReportState::Due;
    carol.delayReported = true;
    message.recipients = {bob, carol};
    return message;
}

void TestQueueStorage::everyFieldReadsBack()
{
    QFETCH(QString, dialect);
    POSTERN_FRESH_DATABASE(m_databases, dialect, url);
    // A fresh database: the queue storage migrates it itself.
    std::unique_ptr<QueueStorage> storage = openQueueStorage(DatabaseUrl::parse(url));
    QVERIFY(storage->messages().isEmpty());
    QVERIFY(!storage->message(QStringLiteral("0123456789ab")).has_value());

    const QueuedMessage written = sample(QStringLiteral("0123456789ab"), at(1795000000));
    const QList<qint64> ids = storage->insert(written);
    const std::optional<QueuedMessage> read = storage->message(written.id);
    QVERIFY(read.has_value());
    // insert() hands back the row ids message() reads, in the recipients' order.
    QCOMPARE(ids.size(), read->recipients.size());
    for (qsizetype i = 0; i < ids.size(); ++i)
        QCOMPARE(ids.at(i), read->recipients.at(i).id);
    QVERIFY(ids.at(0) != ids.at(1));
    QCOMPARE(read->id, written.id);
    QCOMPARE(read->fileName, written.fileName);
    QCOMPARE(read->sender, written.sender);
    QCOMPARE(read->envelopeId, written.envelopeId);
    QCOMPARE(read->ret, DsnReturn::Headers);
    QCOMPARE(read->size, qint64(4242));
    QCOMPARE(read->eightBit, true);
    QCOMPARE(read->smtpUtf8, true);
    QCOMPARE(read->receivedAt, written.receivedAt);
    QCOMPARE(read->receivedAt.timeSpec(), Qt::UTC);
    QCOMPARE(read->origin, written.origin);
    QCOMPARE(read->recipients.size(), 2);

    const QueuedRecipient &bob = read->recipients.at(0);
    QVERIFY(bob.id > 0);
    QCOMPARE(bob.address, QStringLiteral("bob@example.org"));
    QCOMPARE(bob.originalRecipient, QStringLiteral("rfc822;list@example.com"));
    QCOMPARE(bob.notify, (DsnNotify{true, true, false}));
    QCOMPARE(bob.state, QueuedRecipientState::Queued);
    QCOMPARE(bob.attempts, 0);
    QCOMPARE(bob.nextAttempt, written.receivedAt);
    QVERIFY(bob.lastAttempt.isNull());
    QVERIFY(bob.lastError.isEmpty());
    QCOMPARE(bob.report, ReportState::None);
    QCOMPARE(bob.delayReported, false);

    const QueuedRecipient &carol = read->recipients.at(1);
    QVERIFY(carol.id > bob.id);
    QCOMPARE(carol.notify, DsnNotify::never());
    QCOMPARE(carol.state, QueuedRecipientState::Failed);
    QCOMPARE(carol.attempts, 3);
    QCOMPARE(carol.nextAttempt, written.receivedAt.addSecs(900));
    QCOMPARE(carol.lastAttempt, written.receivedAt.addSecs(600));
    QCOMPARE(carol.lastError, written.recipients.at(1).lastError);
    QCOMPARE(carol.statusCode, QStringLiteral("5.1.1"));
    QCOMPARE(carol.diagnostic, QStringLiteral("550 5.1.1 User unknown"));
    QCOMPARE(carol.remoteMta, QStringLiteral("mx.example.net"));
    QCOMPARE(carol.report, ReportState::Due);
    QCOMPARE(carol.delayReported, true);

    // The null sender and empty optional fields survive as empty, not as NULL errors.
    QueuedMessage bounce;
    bounce.id = QStringLiteral("00000000000b");
    bounce.fileName = QStringLiteral("b");
    bounce.receivedAt = at(1795000001);
    bounce.recipients = {QueuedRecipient{}};
    bounce.recipients[0].address = QStringLiteral("alice@example.com");
    storage->insert(bounce);
    const std::optional<QueuedMessage> readBounce = storage->message(bounce.id);
    QVERIFY(readBounce.has_value());
    QVERIFY(readBounce->sender.isEmpty());
    QVERIFY(!readBounce->isBounceable());
    QCOMPARE(readBounce->ret, DsnReturn::Unspecified);
    QCOMPARE(readBounce->recipients.at(0).notify, DsnNotify{});
    QVERIFY(readBounce->recipients.at(0).nextAttempt.isValid());
    QCOMPARE(storage->messages().size(), 2);
}

void TestQueueStorage::notifyAndRetMapping()
{
    // The stored words are the migration's documented contract; other tools read them.
    QFETCH(QString, dialect);
    POSTERN_FRESH_DATABASE(m_databases, dialect, url);
    SqlQueueStorage storage(DatabaseUrl::parse(url));
    QueuedMessage message = sample(QStringLiteral("aaaaaaaaaaaa"), at(1795000000));
    message.ret = DsnReturn::Full;
    message.recipients[0].notify = {true, false, true};
    message.recipients[1].notify = {false, false, true};
    storage.insert(message);
    const QueuedMessage read = *storage.message(message.id);
    QCOMPARE(read.ret, DsnReturn::Full);
    QCOMPARE(read.recipients.at(0).notify, (DsnNotify{true, false, true}));
    QCOMPARE(read.recipients.at(1).notify, (DsnNotify{false, false, true}));

    QSqlDatabase db = QSqlDatabase::addDatabase(DatabaseUrl::parse(url).driver(), QStringLiteral("peek"));
    {
        const DatabaseUrl parsed = DatabaseUrl::parse(url);
        db.setDatabaseName(parsed.databaseName());
        db.setHostName(parsed.host());
        db.setPort(parsed.port());
        db.setUserName(parsed.user());
        db.setPassword(parsed.password());
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("SELECT notify FROM queue_recipients ORDER BY id")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("success,delay"));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("delay"));
        QVERIFY(query.exec(QStringLiteral("SELECT ret FROM queue_messages")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("full"));
        QVERIFY(query.exec(QStringLiteral("UPDATE queue_recipients SET notify = 'never'")));
        db.close();
    }
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    QCOMPARE(storage.message(message.id)->recipients.at(0).notify, DsnNotify::never());
}

void TestQueueStorage::duplicateIdRefused()
{
    QFETCH(QString, dialect);
    POSTERN_FRESH_DATABASE(m_databases, dialect, url);
    SqlQueueStorage storage(DatabaseUrl::parse(url));
    const QueuedMessage message = sample(QStringLiteral("0123456789ab"), at(1795000000));
    storage.insert(message);
    QueuedMessage again = sample(message.id, at(1795000100));
    again.recipients.removeLast();
    try {
        storage.insert(again);
        QFAIL("the duplicate was inserted");
    } catch (const StorageError &error) {
        QCOMPARE(error.kind(), StorageError::Kind::Duplicate);
        QVERIFY2(error.message().contains(message.id), qPrintable(error.message()));
    }
    // Nothing of the refused insert is left behind; the first one is intact.
    const QList<QueuedMessage> all = storage.messages();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.at(0).receivedAt, message.receivedAt);
    QCOMPARE(all.at(0).recipients.size(), 2);
}

void TestQueueStorage::updateRecipients()
{
    QFETCH(QString, dialect);
    POSTERN_FRESH_DATABASE(m_databases, dialect, url);
    SqlQueueStorage storage(DatabaseUrl::parse(url));
    storage.insert(sample(QStringLiteral("0123456789ab"), at(1795000000)));
    QList<QueuedRecipient> recipients = storage.message(QStringLiteral("0123456789ab"))->recipients;
    QueuedRecipient &bob = recipients[0];
    bob.state = QueuedRecipientState::Delivered;
    bob.attempts = 1;
    bob.nextAttempt = at(1795000300);
    bob.lastAttempt = at(1795000200);
    bob.lastError = QStringLiteral("none");
    bob.statusCode = QStringLiteral("2.0.0");
    bob.diagnostic = QStringLiteral("250 2.0.0 Ok: queued as X");
    bob.remoteMta = QStringLiteral("mx.example.org");
    bob.report = ReportState::Sent;
    bob.delayReported = true;
    // Fields updateRecipients does not own stay as inserted.
    bob.address = QStringLiteral("mallory@example.org");
    QueuedRecipient &carol = recipients[1];
    carol.lastAttempt = QDateTime();
    carol.state = QueuedRecipientState::Queued;
    storage.updateRecipients(recipients);

    const QueuedMessage read = *storage.message(QStringLiteral("0123456789ab"));
    QCOMPARE(read.recipients.at(0).state, QueuedRecipientState::Delivered);
    QCOMPARE(read.recipients.at(0).attempts, 1);
    QCOMPARE(read.recipients.at(0).nextAttempt, at(1795000300));
    QCOMPARE(read.recipients.at(0).lastAttempt, at(1795000200));
    QCOMPARE(read.recipients.at(0).lastError, QStringLiteral("none"));
    QCOMPARE(read.recipients.at(0).statusCode, QStringLiteral("2.0.0"));
    QCOMPARE(read.recipients.at(0).diagnostic, QStringLiteral("250 2.0.0 Ok: queued as X"));
    QCOMPARE(read.recipients.at(0).remoteMta, QStringLiteral("mx.example.org"));
    QCOMPARE(read.recipients.at(0).report, ReportState::Sent);
    QCOMPARE(read.recipients.at(0).delayReported, true);
    QCOMPARE(read.recipients.at(0).address, QStringLiteral("bob@example.org"));
    QVERIFY(read.recipients.at(1).lastAttempt.isNull());
    QCOMPARE(read.recipients.at(1).state, QueuedRecipientState::Queued);
    QCOMPARE(read.recipients.at(1).report, ReportState::Due);
}

void TestQueueStorage::removeCascades()
{
    QFETCH(QString, dialect);
    POSTERN_FRESH_DATABASE(m_databases, dialect, url);
    SqlQueueStorage storage(DatabaseUrl::parse(url));
    storage.insert(sample(QStringLiteral("0123456789ab"), at(1795000000)));
    storage.insert(sample(QStringLiteral("ba9876543210"), at(1795000001)));
    QVERIFY(storage.remove(QStringLiteral("0123456789ab")));
    QVERIFY(!storage.remove(QStringLiteral("0123456789ab")));
    QVERIFY(!storage.message(QStringLiteral("0123456789ab")).has_value());
    const QList<QueuedMessage> all = storage.messages();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.at(0).recipients.size(), 2);
    // The recipient rows went too: inserting the same id again gets fresh recipients only.
    storage.insert(sample(QStringLiteral("0123456789ab"), at(1795000002)));
    QCOMPARE(storage.message(QStringLiteral("0123456789ab"))->recipients.size(), 2);
}

void TestQueueStorage::updateSkipsDeletedRows()
{
    QFETCH(QString, dialect);
    POSTERN_FRESH_DATABASE(m_databases, dialect, url);
    SqlQueueStorage storage(DatabaseUrl::parse(url));
    storage.insert(sample(QStringLiteral("0123456789ab"), at(1795000000)));
    storage.insert(sample(QStringLiteral("ba9876543210"), at(1795000001)));
    QList<QueuedRecipient> gone = storage.message(QStringLiteral("0123456789ab"))->recipients;
    QList<QueuedRecipient> kept = storage.message(QStringLiteral("ba9876543210"))->recipients;
    QVERIFY(storage.remove(QStringLiteral("0123456789ab")));
    gone[0].attempts = 7;
    kept[0].attempts = 5;
    storage.updateRecipients(gone + kept);
    QVERIFY(!storage.message(QStringLiteral("0123456789ab")).has_value());
    QCOMPARE(storage.message(QStringLiteral("ba9876543210"))->recipients.at(0).attempts, 5);
    QCOMPARE(storage.messages().size(), 1);
}

void TestQueueStorage::oldestFirst()
{
    QFETCH(QString, dialect);
    POSTERN_FRESH_DATABASE(m_databases, dialect, url);
    SqlQueueStorage storage(DatabaseUrl::parse(url));
    storage.insert(sample(QStringLiteral("000000000003"), at(1795000300)));
    storage.insert(sample(QStringLiteral("ffffffffffff"), at(1795000100)));
    storage.insert(sample(QStringLiteral("000000000002"), at(1795000200)));
    const QList<QueuedMessage> all = storage.messages();
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.at(0).id, QStringLiteral("ffffffffffff"));
    QCOMPARE(all.at(1).id, QStringLiteral("000000000002"));
    QCOMPARE(all.at(2).id, QStringLiteral("000000000003"));
    for (const QueuedMessage &message : all) {
        QCOMPARE(message.recipients.size(), 2);
        QCOMPARE(message.recipients.at(0).address, QStringLiteral("bob@example.org"));
    }
}

void TestQueueStorage::transactionsNestAndRollBack()
{
    QFETCH(QString, dialect);
    POSTERN_FRESH_DATABASE(m_databases, dialect, url);
    SqlQueueStorage storage(DatabaseUrl::parse(url));
    storage.transaction([&] {
        storage.insert(sample(QStringLiteral("000000000001"), at(1795000000)));
        storage.transaction([&] { storage.insert(sample(QStringLiteral("000000000002"), at(1795000001))); });
    });
    QCOMPARE(storage.messages().size(), 2);
    QVERIFY_THROWS_EXCEPTION(StorageError, storage.transaction([&] {
        QVERIFY(storage.remove(QStringLiteral("000000000001")));
        storage.insert(sample(QStringLiteral("000000000002"), at(1795000002)));   // duplicate: all undone
    }));
    QCOMPARE(storage.messages().size(), 2);
    // A second connection (another thread's) sees only committed work.
    SqlQueueStorage other(DatabaseUrl::parse(url));
    QCOMPARE(other.messages().size(), 2);
}

void TestQueueStorage::generationUntouched()
{
    // Queue writes are constant; bumping the generation would reload every engine each time.
    QFETCH(QString, dialect);
    POSTERN_FRESH_DATABASE(m_databases, dialect, url);
    SqlStorage storage(DatabaseUrl::parse(url));
    SqlQueueStorage queue(DatabaseUrl::parse(url));
    const qint64 generation = storage.generation();
    queue.insert(sample(QStringLiteral("0123456789ab"), at(1795000000)));
    queue.updateRecipients(queue.message(QStringLiteral("0123456789ab"))->recipients);
    QVERIFY(queue.remove(QStringLiteral("0123456789ab")));
    QCOMPARE(storage.generation(), generation);
}

void TestQueueStorage::relaxedCommitsStillCommit()
{
    // Relaxed commits skip the flush to disk, not the commit: another connection sees each write,
    // and a rolled-back transaction still leaves nothing.
    QFETCH(QString, dialect);
    POSTERN_FRESH_DATABASE(m_databases, dialect, url);
    SqlQueueStorage relaxed(DatabaseUrl::parse(url));
    relaxed.relaxCommits();
    SqlQueueStorage other(DatabaseUrl::parse(url));
    relaxed.insert(sample(QStringLiteral("0123456789ab"), at(1795000000)));
    QList<QueuedRecipient> recipients = other.message(QStringLiteral("0123456789ab"))->recipients;
    recipients[0].state = QueuedRecipientState::Delivered;
    relaxed.updateRecipients(recipients);
    QCOMPARE(other.message(QStringLiteral("0123456789ab"))->recipients.at(0).state, QueuedRecipientState::Delivered);
    QVERIFY_THROWS_EXCEPTION(StorageError, relaxed.transaction([&] {
        QVERIFY(relaxed.remove(QStringLiteral("0123456789ab")));
        throw StorageError(StorageError::Kind::Unavailable, QStringLiteral("abandon"));
    }));
    QVERIFY(other.message(QStringLiteral("0123456789ab")).has_value());
    relaxed.transaction([&] { QVERIFY(relaxed.remove(QStringLiteral("0123456789ab"))); });
    QVERIFY(!other.message(QStringLiteral("0123456789ab")).has_value());
}

QTEST_GUILESS_MAIN(TestQueueStorage)
#include "tst_queuestorage.moc"
