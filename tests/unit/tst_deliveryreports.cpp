// DeliveryReports: the report the delivery agent owes a sender, built from the queued message
// and stored like any mail: into the sender's own mailbox when the sender is local, into the
// queue with a null sender otherwise, and never for a null sender. Here mostly the success
// report on a recipient delivered into a local mailbox (RFC 3461 §6.2.2: Action delivered).
#include "deliveryreports.h"
#include "fixturedirectory.h"
#include "memorymessagestore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QByteArray kOriginal = "From: alice@example.test\r\nTo: bob@example.test\r\nSubject: hello\r\n\r\n"
                             "Secret body line.\r\n";

QueuedRecipient deliveredHere()
{
    QueuedRecipient bob = QueuedRecipient::deliveredLocally(
        QStringLiteral("bob@example.test"), QStringLiteral("rfc822;Bob@Example.test"), DsnNotify{true, false, false});
    bob.id = 3;
    return bob;
}

}

class TestDeliveryReports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_queue = std::make_unique<QueueDirectory>(m_dir->filePath(QStringLiteral("queue")));
        QString error;
        QVERIFY2(m_queue->ensureExists(&error), qPrintable(error));
        QFile file(m_queue->filePath(QStringLiteral("1.queued")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(kOriginal), qint64(kOriginal.size()));
    }

    void localDeliveryReportGoesToTheLocalSender()
    {
        MemoryMessageStore store;
        FixtureDirectory directory;
        const DeliveryReports reports(store, directory, *m_queue);
        const QDateTime now = QDateTime(QDate(2026, 11, 30), QTime(9, 0), Qt::UTC);
        QVERIFY(reports.send(message(QStringLiteral("alice@example.test")), {deliveredHere()},
                             DsnReport::Action::Delivered, QStringLiteral("mail.example.test"), now, 3600));
        QCOMPARE(store.messages().size(), 1);
        const MemoryMessageStore::Stored &stored = store.messages().first();
        QCOMPARE(stored.mailboxes, QStringList{QStringLiteral("alice@example.test")});
        QVERIFY(stored.outbound.recipients.isEmpty());
        const QByteArray &bytes = stored.bytes;
        QVERIFY(bytes.contains("Subject: Successful Mail Delivery Report\r\n"));
        QVERIFY(bytes.contains("Original-Envelope-Id: xyz\r\n"));
        QVERIFY(bytes.contains("Final-Recipient: rfc822; bob@example.test\r\n"));
        QVERIFY(bytes.contains("Original-Recipient: rfc822;Bob@Example.test\r\n"));
        QVERIFY(bytes.contains("Action: delivered\r\n"));
        QVERIFY(bytes.contains("Status: 2.0.0\r\n"));
        QVERIFY(!bytes.contains("Remote-MTA"));   // nobody else was involved
        // RET=HDRS: the original's header block, not its body.
        QVERIFY(bytes.contains("text/rfc822-headers"));
        QVERIFY(bytes.contains("Subject: hello\r\n"));
        QVERIFY(!bytes.contains("Secret body line."));
    }

    void remoteSenderGetsTheReportThroughTheQueue()
    {
        MemoryMessageStore store;
        FixtureDirectory directory;
        const DeliveryReports reports(store, directory, *m_queue);
        QVERIFY(reports.send(message(QStringLiteral("someone@remote.example")), {deliveredHere()},
                             DsnReport::Action::Delivered, QStringLiteral("mail.example.test"),
                             QDateTime::currentDateTimeUtc(), 3600));
        QCOMPARE(store.messages().size(), 1);
        const QueuedMessage &outbound = store.messages().first().outbound;
        QVERIFY(outbound.sender.isEmpty());   // a report is sent with a null reverse-path
        QCOMPARE(outbound.recipients.size(), 1);
        QCOMPARE(outbound.recipients.first().address, QStringLiteral("someone@remote.example"));
        QCOMPARE(outbound.recipients.first().notify, DsnNotify::never());
    }

    void nullSenderGetsNothing()
    {
        MemoryMessageStore store;
        FixtureDirectory directory;
        const DeliveryReports reports(store, directory, *m_queue);
        QVERIFY(reports.send(message(QString()), {deliveredHere()}, DsnReport::Action::Delivered,
                             QStringLiteral("mail.example.test"), QDateTime::currentDateTimeUtc(), 3600));
        QVERIFY(store.messages().isEmpty());
    }

    void cleanup()
    {
        m_queue.reset();
        m_dir.reset();
    }

private:
    static QueuedMessage message(const QString &sender)
    {
        QueuedMessage result;
        result.id = QStringLiteral("0123456789AB");
        result.fileName = QStringLiteral("1.queued");
        result.sender = sender;
        result.envelopeId = QStringLiteral("xyz");
        result.ret = DsnReturn::Headers;
        result.receivedAt = QDateTime(QDate(2026, 11, 30), QTime(8, 0), Qt::UTC);
        result.origin = QStringLiteral("dns; client.example ([127.0.0.1])");
        result.recipients << deliveredHere();
        return result;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QueueDirectory> m_queue;
};

QTEST_GUILESS_MAIN(TestDeliveryReports)
#include "tst_deliveryreports.moc"
