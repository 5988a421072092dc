// DeliveryOutcome: what one attempt's result does to a queued recipient (delivered, failed with a
// report when the sender asked for one, queued again by the retry schedule, expired), and when a
// delay notice is due.
#include "deliveryoutcome.h"
#include "outboundsettings.h"

#include <QTest>

namespace {

const QDateTime kReceived = QDateTime(QDate(2026, 11, 30), QTime(8, 0), Qt::UTC);

QueuedMessage message(const QString &sender = QStringLiteral("alice@example.test"))
{
    QueuedMessage result;
    result.id = QStringLiteral("0123456789AB");
    result.sender = sender;
    result.receivedAt = kReceived;
    return result;
}

QueuedRecipient recipient(DsnNotify notify = {})
{
    QueuedRecipient result;
    result.id = 7;
    result.address = QStringLiteral("bob@remote.test");
    result.notify = notify;
    result.nextAttempt = kReceived;
    return result;
}

RecipientResult reply(RecipientResult::Kind kind, int code, const QString &status, const QString &text)
{
    RecipientResult result;
    result.kind = kind;
    result.code = code;
    result.statusCode = status;
    result.reply = text;
    return result;
}

OutboundSettings settings()
{
    OutboundSettings result;
    result.retrySchedule = *RetrySchedule::parse(QStringLiteral("5m,15m,1h"));
    result.maxAgeSeconds = 24 * 3600;
    result.delayNoticeSeconds = 4 * 3600;
    return result;
}

}

class TestDeliveryOutcome : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deliveredNeedsNoReportUnlessAsked()
    {
        const QDateTime now = kReceived.addSecs(10);
        const QueuedRecipient done = DeliveryOutcome::apply(
            message(), recipient(), reply(RecipientResult::Kind::Delivered, 250, QStringLiteral("2.0.0"), QStringLiteral("250 2.0.0 ok")),
            QStringLiteral("mx.remote.test"), settings(), now);
        QCOMPARE(done.state, QueuedRecipientState::Delivered);
        QCOMPARE(done.report, ReportState::None);
        QCOMPARE(done.attempts, 1);
        QCOMPARE(done.lastAttempt, now);
        QCOMPARE(done.remoteMta, QStringLiteral("mx.remote.test"));
        QCOMPARE(done.diagnostic, QStringLiteral("250 2.0.0 ok"));
        QVERIFY(done.isSettled());

        DsnNotify success;
        success.success = true;
        const QueuedRecipient asked = DeliveryOutcome::apply(
            message(), recipient(success), reply(RecipientResult::Kind::Delivered, 250, QStringLiteral("2.0.0"), QStringLiteral("250 ok")),
            QStringLiteral("mx.remote.test"), settings(), now);
        QCOMPARE(asked.report, ReportState::Due);
        QVERIFY(!asked.isSettled());
        // A next hop that offers DSN got NOTIFY=SUCCESS and reports the delivery itself.
        const QueuedRecipient passedOn = DeliveryOutcome::apply(
            message(), recipient(success), reply(RecipientResult::Kind::Delivered, 250, QStringLiteral("2.0.0"), QStringLiteral("250 ok")),
            QStringLiteral("mx.remote.test"), settings(), now, true);
        QCOMPARE(passedOn.report, ReportState::None);
    }

    void reportActionTellsLocalFromRelayed()
    {
        // As SmtpEnvelope queues a local recipient that asked for NOTIFY=SUCCESS.
        const QueuedRecipient local = QueuedRecipient::deliveredLocally(QStringLiteral("bob@example.test"), {},
                                                                        DsnNotify{true, false, false});
        QVERIFY(local.isDeliveredLocally());
        QCOMPARE(DeliveryOutcome::reportAction(local), DsnReport::Action::Delivered);

        const QDateTime now = kReceived.addSecs(10);
        const QueuedRecipient relayed = DeliveryOutcome::apply(
            message(), recipient(DsnNotify{true, false, false}),
            reply(RecipientResult::Kind::Delivered, 250, QStringLiteral("2.0.0"), QStringLiteral("250 ok")),
            QStringLiteral("mx.remote.test"), settings(), now);
        QVERIFY(!relayed.isDeliveredLocally());
        QCOMPARE(DeliveryOutcome::reportAction(relayed), DsnReport::Action::Relayed);

        const QueuedRecipient failed = DeliveryOutcome::fail(message(), recipient(), QStringLiteral("5.1.2"),
                                                             QStringLiteral("no such domain"), now);
        QVERIFY(!failed.isDeliveredLocally());
        QCOMPARE(DeliveryOutcome::reportAction(failed), DsnReport::Action::Failed);
        QVERIFY(!recipient().isDeliveredLocally());   // queued, not yet tried
    }

    void permanentFailureReportsUnlessNeverOrNullSender()
    {
        const RecipientResult refused = reply(RecipientResult::Kind::Permanent, 550, QStringLiteral("5.1.1"),
                                              QStringLiteral("550 5.1.1 no such user"));
        const QDateTime now = kReceived.addSecs(10);
        const QueuedRecipient failed = DeliveryOutcome::apply(message(), recipient(), refused, QStringLiteral("mx.remote.test"), settings(), now);
        QCOMPARE(failed.state, QueuedRecipientState::Failed);
        QCOMPARE(failed.report, ReportState::Due);
        QCOMPARE(failed.statusCode, QStringLiteral("5.1.1"));
        QCOMPARE(failed.lastError, QStringLiteral("mx.remote.test said: 550 5.1.1 no such user"));

        QCOMPARE(DeliveryOutcome::apply(message(), recipient(DsnNotify::never()), refused, {}, settings(), now).report, ReportState::None);
        // A report (null sender) is never answered by another report.
        QCOMPARE(DeliveryOutcome::apply(message(QString()), recipient(), refused, {}, settings(), now).report, ReportState::None);
    }

    void temporaryFailureFollowsTheSchedule_data()
    {
        QTest::addColumn<int>("attemptsBefore");
        QTest::addColumn<qint64>("wait");
        QTest::newRow("first") << 0 << qint64(300);
        QTest::newRow("second") << 1 << qint64(900);
        QTest::newRow("third") << 2 << qint64(3600);
        QTest::newRow("last step repeats") << 7 << qint64(3600);
    }

    void temporaryFailureFollowsTheSchedule()
    {
        QFETCH(int, attemptsBefore);
        QFETCH(qint64, wait);
        QueuedRecipient before = recipient();
        before.attempts = attemptsBefore;
        const QDateTime now = kReceived.addSecs(60);
        const QueuedRecipient after = DeliveryOutcome::apply(
            message(), before, reply(RecipientResult::Kind::Temporary, 450, QStringLiteral("4.2.0"), QStringLiteral("450 4.2.0 later")),
            QStringLiteral("mx.remote.test"), settings(), now);
        QCOMPARE(after.state, QueuedRecipientState::Queued);
        QCOMPARE(after.attempts, attemptsBefore + 1);
        QCOMPARE(after.nextAttempt, now.addSecs(wait));
        QCOMPARE(after.report, ReportState::None);
        QCOMPARE(after.statusCode, QStringLiteral("4.2.0"));
    }

    void temporaryFailureAfterMaxAgeFails()
    {
        const QDateTime now = kReceived.addSecs(24 * 3600);
        const QueuedRecipient after = DeliveryOutcome::apply(
            message(), recipient(), reply(RecipientResult::Kind::Temporary, 0, QStringLiteral("4.4.1"), QStringLiteral("connection refused")),
            QString(), settings(), now);
        QCOMPARE(after.state, QueuedRecipientState::Failed);
        QCOMPARE(after.statusCode, QStringLiteral("4.4.7"));
        QCOMPARE(after.report, ReportState::Due);
        QVERIFY(after.lastError.contains(QStringLiteral("gave up after 24 hours")));
        QVERIFY(after.lastError.contains(QStringLiteral("connection refused")));
        QVERIFY(after.diagnostic.isEmpty());   // no server said anything
    }

    void maxAgeInDecimalHoursNamedInTheError()
    {
        OutboundSettings shortLived = settings();
        shortLived.maxAgeSeconds = 11;   // outbound.max_age_hours 0.003
        const QueuedRecipient after = DeliveryOutcome::apply(
            message(), recipient(), reply(RecipientResult::Kind::Temporary, 450, QStringLiteral("4.2.0"), QStringLiteral("450 4.2.0 later")),
            QStringLiteral("mx.remote.test"), shortLived, kReceived.addSecs(11));
        QCOMPARE(after.state, QueuedRecipientState::Failed);
        QCOMPARE(after.statusCode, QStringLiteral("4.4.7"));
        QVERIFY2(after.lastError.startsWith(QStringLiteral("gave up after 0.003 hours: ")), qPrintable(after.lastError));
    }

    void failWithoutAConnection()
    {
        const QDateTime now = kReceived.addSecs(5);
        const QueuedRecipient failed = DeliveryOutcome::fail(message(), recipient(), QStringLiteral("5.1.10"),
                                                             QStringLiteral("null MX: remote.test accepts no mail"), now);
        QCOMPARE(failed.state, QueuedRecipientState::Failed);
        QCOMPARE(failed.statusCode, QStringLiteral("5.1.10"));
        QCOMPARE(failed.report, ReportState::Due);
        QCOMPARE(failed.attempts, 1);
    }

    void delayNotice_data()
    {
        QTest::addColumn<qint64>("age");
        QTest::addColumn<int>("attempts");
        QTest::addColumn<bool>("alreadyTold");
        QTest::addColumn<bool>("wantsDelay");
        QTest::addColumn<qint64>("noticeAfter");
        QTest::addColumn<bool>("due");
        QTest::newRow("old enough") << qint64(4 * 3600) << 3 << false << true << qint64(4 * 3600) << true;
        QTest::newRow("too young") << qint64(4 * 3600 - 1) << 3 << false << true << qint64(4 * 3600) << false;
        QTest::newRow("told already") << qint64(5 * 3600) << 3 << true << true << qint64(4 * 3600) << false;
        QTest::newRow("NOTIFY without DELAY") << qint64(5 * 3600) << 3 << false << false << qint64(4 * 3600) << false;
        QTest::newRow("notices off") << qint64(50 * 3600) << 3 << false << true << qint64(0) << false;
        QTest::newRow("never tried") << qint64(5 * 3600) << 0 << false << true << qint64(4 * 3600) << false;
    }

    void delayNotice()
    {
        QFETCH(qint64, age);
        QFETCH(int, attempts);
        QFETCH(bool, alreadyTold);
        QFETCH(bool, wantsDelay);
        QFETCH(qint64, noticeAfter);
        QFETCH(bool, due);
        QueuedRecipient waiting = recipient();
        waiting.attempts = attempts;
        waiting.delayReported = alreadyTold;
        waiting.notify.delay = wantsDelay;
        OutboundSettings rules = settings();
        rules.delayNoticeSeconds = noticeAfter;
        QCOMPARE(DeliveryOutcome::delayNoticeDue(message(), waiting, rules, kReceived.addSecs(age)), due);
        QVERIFY(!DeliveryOutcome::delayNoticeDue(message(QString()), waiting, rules, kReceived.addSecs(age)));
    }
};

QTEST_GUILESS_MAIN(TestDeliveryOutcome)
#include "tst_deliveryoutcome.moc"
